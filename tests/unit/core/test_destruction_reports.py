"""Destroying a case on the demo vault: every annual report adds up the same before and after,
and none of the case's text is left in any page of the database, decrypted with its key."""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from vpnotebook.core.annual import report_years
from vpnotebook.core.demo import fill_demo
from vpnotebook.core.destruction import destroy_case, destruction_log
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Referral, Reporter, Route, TimeEntry
from vpnotebook.core.retention import case_retention, keep_longer
from vpnotebook.report.annual_report import build_annual_report
from vpnotebook.vault.vault import Vault

from .test_destruction import decrypted_database

DEMO_TODAY = date(2026, 11, 28)
MARKERS = ("Inzagemarker", "Verhaalmarker", "Routemarker", "Verwijsmarker", "Redenmarker")


@pytest.fixture
def demo(vault: Vault) -> Journal:
    journal = Journal(vault.db)
    fill_demo(journal, cases=40, seed=7, today=DEMO_TODAY)
    return journal


def reports(journal: Journal, organisation_id: int) -> dict[tuple[int, int], Any]:
    """Every year's report of the organisation at two thresholds: what is printed, table by
    table, and the whole document."""
    found = {}
    for year in report_years(journal, organisation_id):
        for k in (3, 5):
            document = build_annual_report(journal, organisation_id, year, k=k).document
            tables = [
                (t.key, t.title, t.header, t.rows, t.total, t.counts, t.chart)
                for t in document.tables()
            ]
            found[(year, k)] = (document.printed_counts(), tables, document)
    return found


def _mark(journal: Journal, case: Case) -> None:
    """Put marker text in every kind of place a case keeps text, before the first report."""
    assert case.id is not None and case.first_contact is not None
    reporter = journal.get(Reporter, case.id)
    journal.add(replace(reporter, notes=f"{MARKERS[0]} over de melder"))
    journal.update(replace(case, title=f"{MARKERS[0]} titel", outcome_note=MARKERS[0]))
    journal.add(
        Conversation(
            case_id=case.id, held_on=case.first_contact, duration_min=20, story=MARKERS[1] * 3
        )
    )
    for route in journal.find(Route, "case_id = ?", (case.id,)):
        journal.update(replace(route, note=f"{MARKERS[2]} {route.note}"))
    for referral in journal.find(Referral, "case_id = ?", (case.id,)):
        journal.update(replace(referral, note=f"{MARKERS[3]} {referral.note}"))
    journal.add(
        TimeEntry(
            organisation_id=case.organisation_id,
            case_id=case.id,
            spent_on=case.first_contact,
            minutes=10,
            activity="administration",
            note=MARKERS[3],
        )
    )
    keep_longer(
        journal,
        case.id,
        DEMO_TODAY + timedelta(days=400),
        f"{MARKERS[4]} procedure",
        today=DEMO_TODAY,
    )


def test_reports_add_up_the_same_and_no_text_survives(
    demo: Journal, vault: Vault, vault_folder: Path
) -> None:
    # The richest closed case of the demo: eleven conversations, routes and referrals, and a
    # route started in the year after its first contact (the report counts it in that year).
    case = demo.case_by_number("2023-004")
    assert case.id is not None and case.status == "closed" and case.organisation_id is not None
    assert len(demo.conversations_of(case.id)) >= 10
    assert any(
        r.started_on and r.started_on.year > 2023
        for r in demo.find(Route, "case_id = ?", (case.id,))
    )
    _mark(demo, case)
    case = demo.get(Case, case.id)
    assert case_retention(demo, case.id, DEMO_TODAY) is not None
    email = demo.get(Reporter, case.id).contact.split()[-1]
    assert demo.db.scalar("SELECT count(*) FROM reporters WHERE contact LIKE ?", (f"%{email}%",))
    before = reports(demo, case.organisation_id)
    pages = decrypted_database(vault_folder, vault.data_key)
    assert all(marker.encode() in pages for marker in MARKERS)  # the decryption sees them

    destroy_case(demo, case.id, rule="retention", today=DEMO_TODAY)

    after = reports(demo, case.organisation_id)
    assert set(after) == set(before) and len(before) >= 6
    for key, (counts, tables, document) in before.items():
        assert after[key][0] == counts, key
        assert after[key][1] == tables, key
        assert after[key][2] == document, key

    for data in (decrypted_database(vault_folder, vault.data_key),):
        for text in (*MARKERS, email):
            assert text.encode() not in data, text
    key = bytes(vault.data_key)  # a copy: closing wipes the vault's own
    vault.close()
    closed = decrypted_database(vault_folder, key)
    for text in (*MARKERS, email):
        assert text.encode() not in closed, text
    raw = b"".join(path.read_bytes() for path in vault_folder.rglob("*") if path.is_file())
    assert all(text.encode() not in raw for text in (*MARKERS, email))


def test_destroying_every_case_of_a_year_keeps_every_report(demo: Journal) -> None:
    closed = [c for c in demo.find(Case, "year = 2024 AND status = 'closed'")]
    assert len(closed) >= 5
    organisations = {c.organisation_id for c in closed}
    before = {org: reports(demo, org) for org in organisations if org is not None}
    for case in closed:
        assert case.id is not None
        destroy_case(demo, case.id, rule="retention", today=DEMO_TODAY)
    for organisation_id, expected in before.items():
        assert reports(demo, organisation_id) == expected
    log = destruction_log(demo)
    assert sorted(entry.case_number for entry in log) == sorted(c.number for c in closed)
    assert {(entry.rule, entry.scope, entry.destroyed_on) for entry in log} == {
        ("retention", "case", DEMO_TODAY)
    }
