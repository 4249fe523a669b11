"""The VP's report text: stored per organisation and year, and checked against the vault for
anything that may point to a person before it can be exported."""

from __future__ import annotations

from datetime import date

import pytest

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Department, Organisation, ReferralContact, Reporter
from vpnotebook.core.report_texts import (
    KIND_CASE_NUMBER,
    KIND_CASE_TITLE,
    KIND_CONTACT,
    KIND_DEPARTMENT,
    KIND_DEPARTMENT_NAME,
    KIND_EMAIL,
    KIND_PHONE,
    KIND_REPORTER,
    check_report_text,
    load_report_text,
    save_report_text,
)
from vpnotebook.vault.vault import Vault


@pytest.fixture
def org(journal: Journal) -> int:
    organisation = journal.add(Organisation(name="Zorggroep Veldhoven", employee_count=400))
    assert organisation.id is not None
    small = journal.add(Department(organisation_id=organisation.id, name="Keuken")).id
    big = journal.add(Department(organisation_id=organisation.id, name="Verpleging")).id
    for index in range(7):
        case = journal.add(
            Case(
                organisation_id=organisation.id,
                first_contact=date(2025, 1 + index, 3),
                contact_type="report",
                reporter_role="employee",
                department_id=small if index < 2 else big,
                title="Conflict over roosters nachtdienst" if index == 0 else "",
            )
        )
        if index == 0:
            journal.add(
                Reporter(
                    case_id=case.id,
                    name="Ayşe Öztürk-de Boer",
                    contact="06-12345678, ayse@example.nl",
                )
            )
    journal.add(
        ReferralContact(
            organisation_id=organisation.id, party="company_doctor", name="dr. Pieter Smulders"
        )
    )
    return organisation.id


def test_the_text_is_stored_per_organisation_and_year(journal: Journal, org: int) -> None:
    assert load_report_text(journal, org, 2025) == ""
    save_report_text(journal, org, 2025, "Eerste versie.", today=date(2026, 2, 1))
    save_report_text(journal, org, 2025, "Tweede versie.", today=date(2026, 2, 2))
    save_report_text(journal, org, 2024, "Vorig jaar.", today=date(2026, 2, 2))
    assert load_report_text(journal, org, 2025) == "Tweede versie."
    assert load_report_text(journal, org, 2024) == "Vorig jaar."
    save_report_text(journal, org, 2025, "  ", today=date(2026, 2, 3))
    assert journal.db.scalar("SELECT count(*) FROM report_texts") == 1


def test_the_report_texts_table_comes_with_the_third_migration(vault: Vault) -> None:
    assert vault.db.user_version >= 3
    columns = [row[1] for row in vault.db.query("PRAGMA table_info(report_texts)")]
    assert columns == ["organisation_id", "year", "text", "updated_on"]


def _kinds(journal: Journal, org: int, text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.matched) for hit in check_report_text(journal, org, 2025, text, k=5)]


def test_reporter_names_are_found_whole_and_in_part_without_case_or_accents(
    journal: Journal, org: int
) -> None:
    text = "Mevrouw OZTURK vertelde iets. Later sprak ik ayşe öztürk-de boer en de heer Boer."
    hits = check_report_text(journal, org, 2025, text, k=5)
    assert [(hit.kind, text[hit.start : hit.end]) for hit in hits] == [
        (KIND_REPORTER, "OZTURK"),
        (KIND_REPORTER, "ayşe öztürk-de boer"),
        (KIND_REPORTER, "Boer"),
    ]
    # Whole words only; and "de" alone is a particle, never a hit.
    assert _kinds(journal, org, "Het boerenbedrijf en de boerderij.") == []


def test_contacts_numbers_departments_and_titles_are_found(journal: Journal, org: int) -> None:
    text = (
        "Zie melding 2025-001 en bel 06 1234 5678 of mail ayse@example.nl; ook "
        "info@elders.nl of +31 20 555 1234. Bij de keuken speelde een conflict over roosters "
        "nachtdienst. De Verpleging deed het goed. Dokter Smulders hielp."
    )
    found = _kinds(journal, org, text)
    assert (KIND_CASE_NUMBER, "2025-001") in found
    assert (KIND_REPORTER, "06 1234 5678") in found  # the reporter's own number, reformatted
    assert (KIND_REPORTER, "ayse@example.nl") in found
    assert (KIND_EMAIL, "info@elders.nl") in found
    assert (KIND_PHONE, "+31 20 555 1234") in found
    assert (KIND_DEPARTMENT, "keuken") in found  # two cases, below k
    assert (KIND_CASE_TITLE, "conflict over roosters\nnachtdienst".replace("\n", " ")) in found
    assert (KIND_CONTACT, "Smulders") in found
    assert (KIND_DEPARTMENT_NAME, "Verpleging") in found  # five cases: named all the same


def test_names_from_another_organisation_are_hits_too(journal: Journal, org: int) -> None:
    # Every person held in the vault: a reporter of one client may work at another now.
    other = journal.add(Organisation(name="Ander Bedrijf")).id
    case = journal.add(
        Case(
            organisation_id=other,
            first_contact=date(2025, 3, 3),
            contact_type="report",
            reporter_role="employee",
        )
    )
    journal.add(Reporter(case_id=case.id, name="Jozef Klaassen"))
    assert _kinds(journal, org, "Jozef Klaassen") == [(KIND_REPORTER, "Jozef Klaassen")]
    assert _kinds(journal, org, "") == []
    assert _kinds(journal, org, "Geen bijzonderheden; periode 2025-2026.") == []


def test_hit_positions_point_into_the_original_text(journal: Journal, org: int) -> None:
    text = "ﬁ Öztürk"  # a ligature before the name folds to two letters
    (hit,) = check_report_text(journal, org, 2025, text, k=5)
    assert text[hit.start : hit.end] == "Öztürk"
    assert hit.reason("nl") == "naam of contactgegeven van een melder"
    assert hit.reason("en") == "name or contact of a reporter"
