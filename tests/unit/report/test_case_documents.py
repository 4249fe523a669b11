"""Documents about one case: the VP's own print (everything, marked for the VP alone) and the
anonymised case for peer consultation (only what the VP approved, nothing that names anyone).

Both walk the field specs, so a field added to a record is covered without editing a test.
"""

from __future__ import annotations

import io
import re
from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from vpnotebook.core.destruction import destroy_case
from vpnotebook.core.fields import specs
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Case,
    Conversation,
    Department,
    FollowUp,
    Organisation,
    Referral,
    Reporter,
    Route,
    TimeEntry,
)
from vpnotebook.core.retention import keep_longer
from vpnotebook.report.case_summary import CONFIDENTIAL, TITLE, build_case_summary
from vpnotebook.report.intervision import (
    ORGANISATION,
    REPORTER,
    Approval,
    NotApproved,
    build_intervision,
    check_text,
    draft_text,
)
from vpnotebook.report.pdf import render_pdf

TODAY = date(2026, 11, 28)
CASE_RECORDS = (Case, Reporter, Conversation, Route, Referral, FollowUp, TimeEntry)


def _pdf_text(data: bytes) -> tuple[list[str], PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages], reader


def _text_fields(entity_type: type) -> list[str]:
    return [name for name, spec in specs(entity_type).items() if spec.kind == "text"]


def _marker(entity_type: type, name: str) -> str:
    # One word, no capital inside: found whole in the PDF's extracted text. A field too
    # short for that (an appointment's time) gets a value that appears nowhere else.
    marker = f"merk{entity_type.__name__.lower()}{name.replace('_', '')}"
    return marker if len(marker) <= specs(entity_type)[name].max_length else "07:43"


@pytest.fixture
def org(journal: Journal) -> Organisation:
    org = journal.add(Organisation(name="Zorggroep Duinzicht", sector="zorg", retention_years=2))
    journal.add(Organisation(name="Bakkerij Terpstra", sector="voeding"))
    return org


def _filled_case(journal: Journal, org: Organisation) -> Case:
    """A case with every text field of every record holding its own marker."""
    department = journal.add(Department(organisation_id=org.id, name="Keuken"))

    def texts(entity_type: type) -> dict[str, Any]:
        return {name: _marker(entity_type, name) for name in _text_fields(entity_type)}

    case_texts = texts(Case)
    case_texts.pop("outcome_note", None)  # given on closing, below
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 3, 12),
            contact_type="report",
            reporter_role="employee",
            categories=("bullying", "intimidation"),
            gender="female",
            age_band="25_34",
            department_id=department.id,
            relation_to_accused="manager",
            consent_on=date(2026, 3, 12),
            **case_texts,
        )
    )
    assert case.id is not None
    journal.add(Reporter(case_id=case.id, **texts(Reporter)))
    journal.add(
        Conversation(
            case_id=case.id, held_on=date(2026, 3, 12), duration_min=50, **texts(Conversation)
        )
    )
    journal.add(
        Route(
            case_id=case.id,
            route="complaints_committee",
            started_on=date(2026, 4, 2),
            **texts(Route),
        )
    )
    journal.add(
        Referral(
            case_id=case.id, party="company_doctor", referred_on=date(2026, 4, 9), **texts(Referral)
        )
    )
    journal.add(
        FollowUp(
            organisation_id=org.id,
            case_id=case.id,
            kind="aftercare",
            due_on=date(2026, 6, 1),
            **texts(FollowUp),
        )
    )
    journal.add(
        TimeEntry(
            organisation_id=org.id,
            case_id=case.id,
            spent_on=date(2026, 4, 9),
            minutes=30,
            activity="case_work",
            **texts(TimeEntry),
        )
    )
    journal.close_case(
        case.id, date(2026, 6, 20), "resolved_informally", _marker(Case, "outcome_note")
    )
    keep_longer(journal, case.id, date(2030, 1, 1), "merkredenlangerbewaren", today=TODAY)
    return journal.get(Case, case.id)


# -- the VP's own print -------------------------------------------------------------------


def test_the_print_holds_every_field_the_vp_filled_in(journal: Journal, org: Organisation) -> None:
    case = _filled_case(journal, org)
    pages, _ = _pdf_text(render_pdf(build_case_summary(journal, case.id, today=TODAY)))
    text = re.sub(r"\s+", "", "".join(pages))
    for entity_type in CASE_RECORDS:
        for name in _text_fields(entity_type):
            assert _marker(entity_type, name) in text, f"{entity_type.__name__}.{name}"
    for shown in ("Keuken", "ZorggroepDuinzicht", case.number, "merkredenlangerbewaren"):
        assert shown in text
    # Every labelled field of the case is there under its label from the spec.
    for f in dataclass_fields(Case):
        spec = specs(Case)[f.name]
        if spec.kind != "ref" and f.name not in ("year", "seq", "destroyed_on", "id"):
            assert spec.label_nl.replace(" ", "") in text, f.name


def test_every_page_says_it_is_for_the_vp_alone(journal: Journal, org: Organisation) -> None:
    case = _filled_case(journal, org)
    pages, reader = _pdf_text(render_pdf(build_case_summary(journal, case.id, today=TODAY)))
    assert len(pages) >= 2
    for page in pages:
        assert CONFIDENTIAL in page
    # The document's title says what it is, never whose.
    assert reader.metadata is not None and reader.metadata.title == TITLE
    assert reader.metadata.author in (None, "")


def test_a_destroyed_case_has_nothing_to_print_or_share(
    journal: Journal, org: Organisation
) -> None:
    case = _filled_case(journal, org)
    destroy_case(journal, case.id, rule="vp_decision", today=TODAY)
    with pytest.raises(ValueError):
        build_case_summary(journal, case.id, today=TODAY)
    with pytest.raises(ValueError):
        draft_text(journal, case.id, today=TODAY)


# -- the anonymised case for peer consultation --------------------------------------------


def _story_case(journal: Journal, org: Organisation, story: str) -> Case:
    team = journal.add(Department(organisation_id=org.id, name="Linnenkamer"))
    case = journal.add(
        Case(
            organisation_id=org.id,
            department_id=team.id,
            first_contact=date(2026, 3, 12),
            contact_type="report",
            reporter_role="employee",
            categories=("bullying",),
            gender="female",
            age_band="55_plus",
            relation_to_accused="manager",
            title="Uitsluiting door de chef",
        )
    )
    assert case.id is not None
    journal.add(
        Reporter(case_id=case.id, name="Ayşe Öztürk-de Boer", contact="ayse@example.org 0612345678")
    )
    journal.add(
        Conversation(case_id=case.id, held_on=date(2026, 3, 12), duration_min=45, story=story)
    )
    return case


def test_the_draft_replaces_what_is_certain_and_generalises_dates(
    journal: Journal, org: Organisation
) -> None:
    story = (
        "Ayşe Öztürk-de Boer van Zorggroep Duinzicht belde op 12-03-2026 vanaf 06-12345678 "
        "en mailde ayse@example.org over melding 2026-001."
    )
    case = _story_case(journal, org, story)
    draft = draft_text(journal, case.id, today=TODAY)
    assert REPORTER in draft and ORGANISATION in draft
    for gone in (
        "Öztürk",
        "Duinzicht",
        "0612345678",
        "06-12345678",
        "ayse@example.org",
        case.number,
    ):
        assert gone not in draft, gone
    # Structured dates only as month and year; the sector stands for the organisation.
    generated = draft.split("Verhaal van de melder:")[0]
    assert not re.search(r"\d{1,2}-\d{1,2}-\d{4}", generated)
    assert "maart 2026" in generated and "Sector van de organisatie: zorg" in generated
    # Walked from the specs: no personal field of the case, and every reported one but the
    # department (a small organisation's team) under its label.
    case = journal.get(Case, case.id)
    for name, spec in specs(Case).items():
        if spec.personal:
            assert spec.label_nl not in draft, name
            value = getattr(case, name)
            if isinstance(value, str) and value and spec.vocab is not None:
                assert spec.vocab.label(value, "nl") not in draft, name
            elif isinstance(value, str) and value:
                assert value not in draft, name
        elif spec.reported and name not in ("department_id", "closed_on", "outcome"):
            assert f"{spec.label_nl}:" in generated, name
    assert "Afdeling" not in draft and "Linnenkamer" not in draft


def test_export_waits_for_every_hit_to_be_changed_or_confirmed(
    journal: Journal, org: Organisation
) -> None:
    case = _story_case(journal, org, "Later sprak melder ook met iemand van Bakkerij Terpstra.")
    draft = draft_text(journal, case.id, today=TODAY) + "\nNog even: Öztürk belde terug.\n"
    hits = check_text(journal, case.id, draft)
    matched = {hit.matched for hit in hits}
    assert "Bakkerij Terpstra" in matched and "Öztürk" in matched
    approval = Approval()
    with pytest.raises(NotApproved):
        build_intervision(journal, case.id, draft, approval=approval, today=TODAY)
    # Changing the text takes a hit away; confirming it keeps the word.
    changed = draft.replace("Öztürk belde terug", "melder belde terug")
    remaining = check_text(journal, case.id, changed)
    assert {hit.matched for hit in remaining} == {"Bakkerij Terpstra"}
    approval.confirmed.update(hit.key for hit in remaining)
    document = build_intervision(journal, case.id, changed, approval=approval, today=TODAY)
    pages, reader = _pdf_text(render_pdf(document))
    text = " ".join(pages)
    assert "Bakkerij Terpstra" in text
    assert "Öztürk" not in text and "Duinzicht" not in text
    assert reader.metadata is not None and reader.metadata.title == "Casus voor intervisie"


def test_the_pdf_holds_the_approved_text_and_nothing_else(
    journal: Journal, org: Organisation
) -> None:
    case = _story_case(journal, org, "Melder voelt zich buitengesloten.")
    text = "# Kern\nWat:\nEen kort verhaal in eigen woorden.\n\nNog een alinea.\n"
    document = build_intervision(journal, case.id, text, approval=Approval(), today=TODAY)
    assert [s.title for s in document.sections] == ["Kern"]
    assert [(b.text, b.style) for b in document.sections[0].blocks] == [
        ("Wat", "label"),
        ("Een kort verhaal in eigen woorden.", "body"),
        ("Nog een alinea.", "body"),
    ]
    pages, _ = _pdf_text(render_pdf(document))
    assert "buitengesloten" not in " ".join(pages)  # the case's own story was not chosen


IDENTIFIERS = st.sampled_from(
    ["name_whole", "surname", "email", "phone", "phone_spaced", "case_number", "org_name"]
)
TEXT_FIELDS = st.sampled_from(
    ["occasion", "story", "wishes", "options", "agreements", "next_step", "notes"]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=IDENTIFIERS, field_name=TEXT_FIELDS, prefix=st.sampled_from(["", "Volgens ", "(", "Met "])
)
def test_no_identifier_leaves_unreplaced_and_unflagged(
    journal: Journal, org: Organisation, kind: str, field_name: str, prefix: str
) -> None:
    """Whatever identifier in whichever conversation field: the draft replaced it, or the
    check flags it so the VP must change or confirm it before anything is written."""
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 3, 12),
            contact_type="report",
            reporter_role="employee",
        )
    )
    assert case.id is not None
    journal.add(Reporter(case_id=case.id, name="Willemijn Kortenhoeven", contact="w.k@example.org"))
    value = {
        "name_whole": "Willemijn Kortenhoeven",
        "surname": "Kortenhoeven",
        "email": "w.k@example.org",
        "phone": "0687654321",
        "phone_spaced": "06 8765 4321",
        "case_number": case.number,
        "org_name": "Zorggroep Duinzicht",
    }[kind]
    journal.add(
        Conversation(
            case_id=case.id,
            held_on=date(2026, 3, 12),
            **{field_name: f"{prefix}{value} zei dat het zo niet verder kan."},
        )
    )
    draft = draft_text(journal, case.id, today=TODAY)
    hits = check_text(journal, case.id, draft)
    if value in draft:
        assert any(hit.matched == value or value in hit.matched for hit in hits), hits
        with pytest.raises(NotApproved):
            build_intervision(journal, case.id, draft, approval=Approval(), today=TODAY)
    else:
        # Replaced: once the VP confirmed whatever else the check asks about, the value
        # is in no paragraph of the document.
        approval = Approval({hit.key for hit in hits})
        document = build_intervision(journal, case.id, draft, approval=approval, today=TODAY)
        printed = " ".join(block.text for section in document.sections for block in section.blocks)
        assert value not in printed
