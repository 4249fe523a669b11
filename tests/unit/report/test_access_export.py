"""The reporter's access export: their own data in full, others' data left out on request."""

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from vpnotebook.core.destruction import destroy_case
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Case,
    Conversation,
    Organisation,
    Referral,
    ReferralContact,
    Reporter,
    Route,
)
from vpnotebook.core.retention import keep_longer
from vpnotebook.report.access_export import (
    MASK,
    TITLE,
    AccessOptions,
    build_access_export,
)
from vpnotebook.report.document import Document, Paragraph, Table
from vpnotebook.report.pdf import render_pdf, write_pdf

TODAY = date(2026, 11, 28)


@pytest.fixture
def case(journal: Journal) -> Case:
    org = journal.add(Organisation(name="Zorggroep Duinzicht", retention_years=2))
    journal.add(
        ReferralContact(
            organisation_id=org.id,
            party="company_doctor",
            name="drs. H. Oudejans",
            phone="06-12345678",
            email="oudejans@duinzicht.example",
        )
    )
    journal.add(
        ReferralContact(
            organisation_id=org.id,
            party="complaints_committee",
            name="Secretariaat klachtencommissie",
        )
    )
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2024, 2, 5),
            contact_type="report",
            reporter_role="employee",
            categories=("bullying",),
            title="Uitsluiting in het team",
            reporter_wishes="Dat het ophoudt.",
            consent_on=date(2024, 2, 5),
        )
    )
    assert case.id is not None
    journal.add(Reporter(case_id=case.id, name="Noor Verbeek", contact="06-99887766"))
    journal.add(
        Conversation(
            case_id=case.id,
            held_on=date(2024, 2, 5),
            duration_min=50,
            story="Collega's negeren Noor. Zij belde Oudejans (06-12345678) al, en de "
            "klachtencommissie legde uit hoe het werkt.",
            agreements="Eerst zelf het gesprek aangaan.",
        )
    )
    journal.add(
        Conversation(
            case_id=case.id,
            held_on=date(2024, 3, 1),
            duration_min=30,
            notes="Over de beklaagde: Kees Derksen heeft thuis zorgen.",
        )
    )
    journal.add(
        Route(
            case_id=case.id, route="vp_informal", started_on=date(2024, 2, 6), note="Routenotitie"
        )
    )
    journal.add(
        Referral(
            case_id=case.id,
            party="company_doctor",
            referred_on=date(2024, 2, 7),
            note="Verwezen naar drs. H. Oudejans",
        )
    )
    return journal.close_case(case.id, date(2024, 4, 2), "resolved_informally", "Rustig nu.")


def _text(document: Document) -> str:
    parts = [document.title, *document.cover_lines, document.footer]
    for section in document.sections:
        parts.append(section.title)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, Table):
                parts += [block.title, *block.header, *(c for row in block.rows for c in row)]
    return "\n".join(parts)


def test_everything_of_the_reporter_is_in_it_by_default(journal: Journal, case: Case) -> None:
    assert case.id is not None
    text = _text(build_access_export(journal, case.id, today=TODAY))
    for expected in (
        "Noor Verbeek",
        "06-99887766",
        "Uitsluiting in het team",
        "Dat het ophoudt.",
        "Eerst zelf het gesprek aangaan.",
        "Kees Derksen",  # not recognisable mechanically: the VP leaves it out by hand
        "Routenotitie",
        "Pesten",
        "05-02-2024",  # first contact and consent
        "Rustig nu.",
        "02-04-2026",  # kept until: two years after closing
    ):
        assert expected in text, expected
    # Referral contacts become [contactpersoon]: name, surname alone and phone number.
    assert "Oudejans" not in text and "06-12345678" not in text
    assert f"Zij belde {MASK} ({MASK})" in text and f"Verwezen naar {MASK}" in text
    # A common word in a contact's name ("klachtencommissie") stays in the story.
    assert "de klachtencommissie legde uit" in text
    assert "Niet opgenomen" not in text


def test_left_out_parts_are_gone_and_said_to_be_left_out(journal: Journal, case: Case) -> None:
    assert case.id is not None
    second = journal.conversations_of(case.id)[1]
    options = AccessOptions(
        left_out_conversations=frozenset({second.id}),
        left_out_sections=frozenset({"routes"}),
        hide_contact_names=False,
    )
    text = _text(build_access_export(journal, case.id, today=TODAY, options=options))
    assert "Kees Derksen" not in text and "Routenotitie" not in text
    assert text.count("Niet opgenomen") == 2 and "Gesprek 2 van 2, 01-03-2024" in text
    assert "Oudejans" in text  # not replaced when the VP chose so
    with pytest.raises(ValueError):
        AccessOptions(left_out_sections=frozenset({"identity"}))


def test_the_pdf_is_deterministic_private_and_neutrally_titled(
    journal: Journal, case: Case, tmp_path: Path
) -> None:
    assert case.id is not None
    keep_longer(journal, case.id, date(2027, 6, 1), "Klacht loopt nog", today=TODAY)
    document = build_access_export(journal, case.id, today=TODAY)
    assert "bewaren, tot 01-06-2027. Reden: Klacht loopt nog" in _text(document)
    assert render_pdf(document) == render_pdf(build_access_export(journal, case.id, today=TODAY))
    path = tmp_path / "inzage.pdf"
    write_pdf(document, path)
    assert path.stat().st_mode & 0o777 == 0o600
    reader = PdfReader(path)
    assert reader.metadata is not None and reader.metadata.title == TITLE
    assert "Noor" not in str(dict(reader.metadata))
    assert "Noor Verbeek" in " ".join(page.extract_text() for page in reader.pages)


def test_a_destroyed_case_has_nothing_to_export(journal: Journal, case: Case) -> None:
    assert case.id is not None
    destroy_case(journal, case.id, rule="erasure_request", today=TODAY)
    with pytest.raises(ValueError):
        build_access_export(journal, case.id, today=TODAY)
