"""Destroying several overdue cases at once (Today): all or none, one log entry each, and no
text of any of them left in any page of the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vpnotebook.core.destruction import (
    RULE_ERASURE,
    RULE_RETENTION,
    destroy_case,
    destroy_cases,
    destruction_log,
)
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, Reporter
from vpnotebook.core.retention import due_for_destruction
from vpnotebook.vault.vault import Vault

from .test_destruction import decrypted_database

TODAY = date(2026, 11, 28)


def _closed_case(journal: Journal, org: Organisation, marker: str, closed_on: date) -> Case:
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(closed_on.year, 1, 2),
            contact_type="report",
            reporter_role="employee",
            categories=("bullying",),
            title=f"{marker} titel",
        )
    )
    assert case.id is not None
    journal.add(Reporter(case_id=case.id, name=f"{marker} Naam"))
    journal.add(
        Conversation(
            case_id=case.id,
            held_on=date(closed_on.year, 1, 2),
            duration_min=45,
            story=f"{marker} verhaal " * 20,
        )
    )
    return journal.close_case(case.id, closed_on, "resolved_informally")


@pytest.fixture
def org(journal: Journal) -> Organisation:
    return journal.add(Organisation(name="Drukkerij Veldhoven", retention_years=2))


def test_several_overdue_cases_go_at_once_each_in_the_log(
    vault_folder: Path, vault: Vault, journal: Journal, org: Organisation
) -> None:
    markers = ("Batchmarkeeen", "Batchmarktwee", "Batchmarkdrie")
    cases = [_closed_case(journal, org, m, date(2023, 3 + i, 1)) for i, m in enumerate(markers)]
    staying = _closed_case(journal, org, "Blijftstaan", date(2026, 1, 5))
    overdue = [status.case_id for status in due_for_destruction(journal, TODAY)]
    assert sorted(overdue) == sorted(c.id for c in cases)
    assert markers[0].encode() in decrypted_database(vault_folder, vault.data_key)

    destroyed = destroy_cases(journal, overdue, rule=RULE_RETENTION, today=TODAY)

    assert destroyed == [journal.get(Case, case_id).number for case_id in overdue]
    log = destruction_log(journal)
    assert [(e.case_number, e.rule, e.scope, e.destroyed_on) for e in log] == [
        (number, RULE_RETENTION, "case", TODAY) for number in destroyed
    ]
    assert all(journal.get(Case, c.id).is_destroyed for c in cases)
    assert not journal.get(Case, staying.id).is_destroyed
    assert due_for_destruction(journal, TODAY) == []
    pages = decrypted_database(vault_folder, vault.data_key)
    for marker in markers:
        assert marker.encode() not in pages, marker
    assert b"Blijftstaan" in pages


def test_a_failure_half_way_destroys_none_of_them(journal: Journal, org: Organisation) -> None:
    cases = [_closed_case(journal, org, m, date(2023, 5, 1)) for m in ("Eerste", "Tweede", "Derde")]
    # A real refusal by the database, in the middle of the batch (no stand-in for storage).
    journal.db.execute(
        "CREATE TEMP TRIGGER refuse_second BEFORE UPDATE OF destroyed_on ON cases "
        f"WHEN new.id = {cases[1].id} BEGIN SELECT RAISE(ABORT, 'geweigerd'); END"
    )
    with pytest.raises(Exception, match="geweigerd"):
        destroy_cases(journal, [c.id for c in cases], rule=RULE_RETENTION, today=TODAY)
    assert destruction_log(journal) == []
    for case in cases:
        kept = journal.get(Case, case.id)
        assert not kept.is_destroyed and kept.title.endswith("titel")
        assert journal.find(Conversation, "case_id = ?", (case.id,))


def test_retention_is_only_the_reason_when_every_period_has_passed(
    journal: Journal, org: Organisation
) -> None:
    old = _closed_case(journal, org, "Oud", date(2023, 5, 1))
    recent = _closed_case(journal, org, "Recent", date(2026, 2, 1))
    open_case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 10, 1),
            contact_type="report",
            reporter_role="employee",
        )
    )
    for ids in ([old.id, recent.id], [old.id, open_case.id]):
        with pytest.raises(ValueError, match="retention period not yet over"):
            destroy_cases(journal, ids, rule=RULE_RETENTION, today=TODAY)
    assert destruction_log(journal) == []
    # Another ground needs no passed period (an erasure request on a running case).
    assert destroy_cases(journal, [open_case.id], rule=RULE_ERASURE, today=TODAY) == [
        open_case.number
    ]


def test_a_case_destroyed_before_or_named_twice_counts_once(
    journal: Journal, org: Organisation
) -> None:
    first = _closed_case(journal, org, "Al weg", date(2023, 5, 1))
    second = _closed_case(journal, org, "Nog hier", date(2023, 6, 1))
    destroy_case(journal, first.id, rule=RULE_RETENTION, today=TODAY)
    destroyed = destroy_cases(
        journal, [first.id, second.id, second.id], rule=RULE_RETENTION, today=TODAY
    )
    assert destroyed == [second.number]
    assert [e.case_number for e in destruction_log(journal)] == [first.number, second.number]


def test_an_unknown_rule_or_case_changes_nothing(journal: Journal, org: Organisation) -> None:
    case = _closed_case(journal, org, "Onbekend", date(2023, 5, 1))
    with pytest.raises(ValueError, match="unknown destruction rule"):
        destroy_cases(journal, [case.id], rule="zomaar", today=TODAY)
    with pytest.raises(LookupError):
        destroy_cases(journal, [case.id, 99_999], rule=RULE_RETENTION, today=TODAY)
    assert destruction_log(journal) == []
    assert not journal.get(Case, case.id).is_destroyed
