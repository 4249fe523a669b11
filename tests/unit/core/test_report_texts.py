"""The VP's report text: stored per organisation and year, and checked against the vault for
anything that may point to a person before it can be exported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
    confirm_hits,
    confirmed,
    load_report_text,
    open_hits,
    save_report_text,
    withdraw_confirmation,
)
from vpnotebook.vault.kdf import TEST_PARAMS
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


ORG_VAULT_PASSPHRASE = "lange wandeling langs de dijk bij zonsopgang"


@pytest.fixture
def org_in_vault(tmp_path: Path) -> tuple[Vault, int]:
    """A vault of its own (not the shared test journal), so it can be closed and opened."""
    vault, _ = Vault.create(tmp_path / "kluis", ORG_VAULT_PASSPHRASE, kdf_params=TEST_PARAMS)
    journal = Journal(vault.db)
    organisation = journal.add(Organisation(name="Zorggroep Veldhoven", employee_count=400)).id
    assert organisation is not None
    case = journal.add(
        Case(
            organisation_id=organisation,
            first_contact=date(2025, 3, 3),
            contact_type="report",
            reporter_role="employee",
        )
    )
    journal.add(Reporter(case_id=case.id, name="Ayşe Öztürk-de Boer"))
    return vault, organisation


def test_a_confirmation_is_kept_in_the_vault_for_its_own_sentence(
    org_in_vault: tuple[Vault, int],
) -> None:
    vault, org = org_in_vault
    journal = Journal(vault.db)
    text = "Het werkklimaat verbeterde. Ik sprak met Ayşe over de roosters. Dank aan allen."
    hits = check_report_text(journal, org, 2025, text, k=5)
    name = [hit for hit in hits if hit.kind == KIND_REPORTER]
    assert name and name[0].sentence == "Ik sprak met Ayşe over de roosters."
    assert open_hits(journal, org, 2025, hits) == hits
    confirm_hits(journal, org, 2025, name, today=date(2026, 2, 1))
    confirm_hits(journal, org, 2025, name, today=date(2026, 2, 2))  # the same, once
    assert journal.db.scalar("SELECT count(*) FROM text_confirmations") == 1
    # The table holds the kind and a fingerprint, never the word itself.
    row = journal.db.query_one("SELECT * FROM text_confirmations")
    stored = "".join(map(str, tuple(row))).lower()
    assert row["kind"] == KIND_REPORTER and "ayse" not in stored and "ayşe" not in stored

    # Closed and opened again (a lock): still confirmed.
    folder, passphrase = vault.folder, ORG_VAULT_PASSPHRASE
    vault.close()
    with Vault.open(folder, passphrase=passphrase) as again:
        journal = Journal(again.db)
        assert open_hits(journal, org, 2025, check_report_text(journal, org, 2025, text, k=5)) == []
        # Another sentence changed: still confirmed. The name's own sentence: asked again.
        other = text.replace("verbeterde", "verbeterde sterk")
        assert (
            open_hits(journal, org, 2025, check_report_text(journal, org, 2025, other, k=5)) == []
        )
        changed = text.replace("over de roosters", "over haar rooster")
        asked = open_hits(journal, org, 2025, check_report_text(journal, org, 2025, changed, k=5))
        assert [hit.kind for hit in asked] == [KIND_REPORTER]
        # Another year, or another organisation, asks again too.
        assert open_hits(journal, org, 2024, check_report_text(journal, org, 2024, text, k=5))
        assert confirmed(journal, org + 1, 2025) == set()
        withdraw_confirmation(journal, org, 2025, name[0])
        assert confirmed(journal, org, 2025) == set()


def test_the_confirmations_table_comes_with_the_sixth_migration(vault: Vault) -> None:
    assert vault.db.user_version >= 6
    columns = [row[1] for row in vault.db.query("PRAGMA table_info(text_confirmations)")]
    assert columns == ["organisation_id", "year", "kind", "fingerprint", "confirmed_on"]


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
