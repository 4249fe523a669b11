"""Retention: due dates, keeping longer, re-opening on new activity, the Today list, migration 4."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from vpnotebook.core.destruction import destroy_case
from vpnotebook.core.fields import ValidationError
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Case,
    Conversation,
    FollowUp,
    Organisation,
    Referral,
    Route,
    TimeEntry,
)
from vpnotebook.core.retention import (
    DUE_SOON,
    LATER,
    OVERDUE,
    add_years,
    case_retention,
    due_date,
    due_for_destruction,
    due_for_destruction_and_total,
    extensions_of,
    keep_longer,
    retention_status,
)
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.paths import DATABASE_NAME, PRE_MIGRATION_DIR
from vpnotebook.vault.vault import Vault

from ..vault.old_schema import close_case_in_schema_1, fill_schema_1
from .test_destruction import decrypted_database

PASSPHRASE = "bewaren en vernietigen"


def _org(journal: Journal, name: str = "Woonstichting Noord", years: int = 2) -> Organisation:
    return journal.add(Organisation(name=name, retention_years=years))


def _closed_case(
    journal: Journal, org: Organisation, closed_on: date, first: date | None = None
) -> Case:
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=first or date(closed_on.year, 1, 10),
            contact_type="report",
            reporter_role="employee",
        )
    )
    assert case.id is not None
    return journal.close_case(case.id, closed_on, "resolved_informally")


# -- due dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("closed_on", "years", "due"),
    [
        (date(2024, 5, 30), 2, date(2026, 5, 30)),
        (date(2024, 2, 29), 2, date(2026, 3, 1)),  # no 29 February in 2026
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2023, 12, 31), 1, date(2024, 12, 31)),
        (date(2025, 7, 1), 0, date(2025, 7, 1)),  # no retention: due on the closing day
    ],
)
def test_due_date_is_the_closing_date_plus_the_retention_years(
    closed_on: date, years: int, due: date
) -> None:
    assert due_date(closed_on, years) == due
    assert add_years(closed_on, years) == due


def test_status_lists_closed_cases_only_soonest_first_with_their_state(journal: Journal) -> None:
    org = _org(journal)
    other = _org(journal, "Gemeente Oost", years=5)
    overdue = _closed_case(journal, org, date(2024, 1, 15))  # due 15-01-2026
    soon = _closed_case(journal, org, date(2024, 12, 20))  # due 20-12-2026
    later = _closed_case(journal, other, date(2024, 12, 20))  # due 20-12-2029
    journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2020, 1, 1),
            contact_type="question",
            reporter_role="manager",
        )
    )  # open: not due, however old
    gone = _closed_case(journal, org, date(2021, 3, 1))
    destroy_case(journal, gone.id, rule="retention", today=date(2023, 4, 1))

    today = date(2026, 11, 28)
    status = retention_status(journal, today)
    assert [s.case_id for s in status] == [overdue.id, soon.id, later.id]
    assert [s.state for s in status] == [OVERDUE, DUE_SOON, LATER]
    assert [s.due_on for s in status] == [date(2026, 1, 15), date(2026, 12, 20), date(2029, 12, 20)]
    assert status[0].days_left == (date(2026, 1, 15) - today).days < 0
    assert status[1].organisation == "Woonstichting Noord" and status[2].retention_years == 5
    assert [s.case_id for s in due_for_destruction(journal, today)] == [overdue.id, soon.id]
    assert case_retention(journal, gone.id, today) is None


def test_the_due_day_itself_is_overdue_and_thirty_days_ahead_is_due_soon(
    journal: Journal,
) -> None:
    case = _closed_case(journal, _org(journal), date(2024, 6, 1))
    assert case.id is not None
    due = date(2026, 6, 1)
    assert case_retention(journal, case.id, due).state == OVERDUE
    assert case_retention(journal, case.id, date(2026, 5, 2)).state == DUE_SOON
    assert case_retention(journal, case.id, date(2026, 5, 1)).state == LATER


def test_the_today_list_filtered_in_sql_equals_the_rule_applied_to_every_closed_case(
    journal: Journal,
) -> None:
    # due_for_destruction filters on the computed due date in SQL first; around the
    # thirty-day horizon and on 29 February it must pick exactly what the rule picks.
    short, long = _org(journal, years=2), _org(journal, "Gemeente Oost", years=5)
    today = date(2026, 11, 28)
    horizon_closing = date(2024, 12, 28)  # + 2 years = today + 30 days
    closings = [
        date(2024, 2, 29),  # due 1 March 2026, not 28 February
        date(2024, 2, 28),
        horizon_closing,
        date(2024, 12, 29),  # one day beyond the horizon
        date(2024, 11, 28),  # due today
        date(2021, 11, 29),
        date(2021, 12, 29),
    ]
    for closed_on in closings:
        _closed_case(journal, short, closed_on)
        _closed_case(journal, long, closed_on)
    kept = _closed_case(journal, short, date(2023, 1, 15))
    assert kept.id is not None
    keep_longer(journal, kept.id, date(2026, 12, 10), "Nog even aanhouden.", today=today)

    for day in (today, date(2026, 1, 30), date(2026, 2, 1), date(2028, 1, 30)):
        by_rule = [
            s.case_id for s in retention_status(journal, day) if s.state in (OVERDUE, DUE_SOON)
        ]
        assert [s.case_id for s in due_for_destruction(journal, day)] == by_rule
        assert [s.case_id for s in due_for_destruction(journal, day, limit=3)] == by_rule[:3]
        shown, total = due_for_destruction_and_total(journal, day, limit=2)
        assert [s.case_id for s in shown] == by_rule[:2] and total == len(by_rule)
    due_today = {s.closed_on for s in due_for_destruction(journal, today)}
    assert horizon_closing in due_today and date(2024, 12, 29) not in due_today
    assert kept.id in [s.case_id for s in due_for_destruction(journal, today)]


def test_a_new_retention_period_applies_to_cases_already_closed(journal: Journal) -> None:
    org = _org(journal)
    case = _closed_case(journal, org, date(2024, 6, 1))
    journal.update(replace(org, retention_years=7))
    status = case_retention(journal, case.id, date(2026, 11, 28))
    assert status is not None and status.due_on == date(2031, 6, 1)


# -- keeping longer ----------------------------------------------------------------------------


def test_keeping_longer_records_date_and_reason_and_the_newest_decision_wins(
    journal: Journal,
) -> None:
    case = _closed_case(journal, _org(journal), date(2024, 1, 15))
    assert case.id is not None
    today = date(2026, 11, 28)
    first = keep_longer(journal, case.id, date(2028, 1, 31), "Klacht loopt nog.", today=today)
    assert first.id is not None and first.decided_on == today
    status = case_retention(journal, case.id, today)
    assert status is not None and status.due_on == date(2028, 1, 31)
    assert status.computed_due == date(2026, 1, 15) and status.state == LATER
    assert due_for_destruction(journal, today) == []

    # A later decision may shorten an earlier one (it still has to be after today).
    keep_longer(journal, case.id, date(2027, 6, 30), "  Uitspraak is er.  ", today=today)
    status = case_retention(journal, case.id, today)
    assert status is not None and status.due_on == date(2027, 6, 30)
    assert status.extension is not None and status.extension.reason == "Uitspraak is er."
    assert [e.keep_until for e in extensions_of(journal, case.id)] == [
        date(2028, 1, 31),
        date(2027, 6, 30),
    ]


@pytest.mark.parametrize(
    ("keep_until", "reason", "field"),
    [
        (date(2026, 11, 28), "Reden", "keep_until"),  # today: not longer
        (date(2026, 5, 1), "Reden", "keep_until"),  # before today
        (date(2027, 6, 1), "   ", "reason"),  # a decision needs a reason
    ],
)
def test_keeping_longer_needs_a_later_date_and_a_reason(
    journal: Journal, keep_until: date, reason: str, field: str
) -> None:
    case = _closed_case(journal, _org(journal), date(2024, 1, 15))
    assert case.id is not None
    with pytest.raises(ValidationError) as refused:
        keep_longer(journal, case.id, keep_until, reason, today=date(2026, 11, 28))
    assert refused.value.field_name == field
    assert extensions_of(journal, case.id) == []


def test_keep_until_must_pass_the_computed_date_too(journal: Journal) -> None:
    case = _closed_case(journal, _org(journal), date(2026, 1, 10))  # due 10-01-2028
    with pytest.raises(ValidationError, match="computed due date"):
        keep_longer(journal, case.id, date(2027, 6, 1), "Reden", today=date(2026, 11, 28))


def test_only_a_closed_case_can_be_kept_longer(journal: Journal) -> None:
    org = _org(journal)
    open_case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 1, 1),
            contact_type="report",
            reporter_role="employee",
        )
    )
    with pytest.raises(ValidationError):
        keep_longer(journal, open_case.id, date(2030, 1, 1), "Reden", today=date(2026, 11, 28))


# -- new activity re-opens a closed case ------------------------------------------------------


def _activity(kind: str, case: Case, on: date) -> object:
    if kind == "conversation":
        return Conversation(case_id=case.id, held_on=on, duration_min=30)
    if kind == "referral":
        return Referral(case_id=case.id, party="company_doctor", referred_on=on)
    if kind == "route":
        return Route(case_id=case.id, route="complaints_committee", started_on=on)
    if kind == "follow_up":
        return FollowUp(
            organisation_id=case.organisation_id, case_id=case.id, kind="aftercare", due_on=on
        )
    return TimeEntry(
        organisation_id=case.organisation_id,
        case_id=case.id,
        spent_on=on,
        minutes=15,
        activity="case_work",
    )


KINDS = ("conversation", "referral", "route", "follow_up", "time")


@pytest.mark.parametrize("kind", KINDS)
def test_new_activity_reopens_a_closed_case_and_resets_its_date(
    journal: Journal, kind: str
) -> None:
    case = _closed_case(journal, _org(journal), date(2024, 1, 15))
    assert case.id is not None
    today = date(2026, 11, 28)
    keep_longer(journal, case.id, date(2028, 1, 1), "Procedure", today=today)

    journal.add(_activity(kind, case, date(2026, 11, 20)))
    reopened = journal.get(Case, case.id)
    assert (reopened.status, reopened.closed_on, reopened.outcome) == ("reopened", None, None)
    assert case_retention(journal, case.id, today) is None
    assert extensions_of(journal, case.id) == []  # the decision was about the old closing

    # Closed again: the date counts from the new closing, without the old decision.
    journal.close_case(case.id, date(2026, 12, 1), "no_further_steps")
    status = case_retention(journal, case.id, today)
    assert status is not None and status.due_on == date(2028, 12, 1)
    assert status.extension is None


@pytest.mark.parametrize("kind", KINDS)
def test_writing_down_earlier_activity_keeps_a_case_closed(journal: Journal, kind: str) -> None:
    case = _closed_case(journal, _org(journal), date(2024, 1, 15), first=date(2023, 11, 1))
    assert case.id is not None
    for on in (date(2023, 12, 5), date(2024, 1, 15)):  # before and on the closing day
        journal.add(_activity(kind, case, on))
    assert journal.get(Case, case.id).status == "closed"


def test_a_destroyed_case_is_never_reopened(journal: Journal) -> None:
    case = _closed_case(journal, _org(journal), date(2024, 1, 15))
    assert case.id is not None
    destroy_case(journal, case.id, rule="retention", today=date(2026, 2, 1))
    journal.add(_activity("time", case, date(2026, 2, 2)))
    kept = journal.get(Case, case.id)
    assert kept.status == "closed" and kept.is_destroyed


def test_reopening_by_hand_also_clears_the_decisions(journal: Journal) -> None:
    case = _closed_case(journal, _org(journal), date(2024, 1, 15))
    assert case.id is not None
    keep_longer(journal, case.id, date(2028, 1, 1), "Procedure", today=date(2026, 11, 28))
    journal.reopen_case(case.id)
    assert extensions_of(journal, case.id) == []


# -- destruction takes the decisions along -----------------------------------------------------


def test_destruction_removes_the_decisions_and_their_reasons(
    vault_folder: Path, vault: Vault
) -> None:
    journal = Journal(vault.db)
    case = _closed_case(journal, _org(journal), date(2024, 1, 15))
    assert case.id is not None
    marker = "Bewaarredenmarker"
    keep_longer(journal, case.id, date(2028, 1, 1), f"{marker} procedure", today=date(2026, 3, 1))
    assert marker.encode() in decrypted_database(vault_folder, vault.data_key)

    destroy_case(journal, case.id, rule="vp_decision", today=date(2026, 11, 28))
    assert journal.db.scalar("SELECT count(*) FROM retention_extensions") == 0
    assert marker.encode() not in decrypted_database(vault_folder, vault.data_key)
    assert case_retention(journal, case.id, date(2026, 11, 28)) is None


def test_an_open_case_destroyed_on_request_is_closed_in_that_quarter(journal: Journal) -> None:
    case = journal.add(
        Case(
            organisation_id=_org(journal).id,
            first_contact=date(2026, 2, 3),
            contact_type="report",
            reporter_role="employee",
        )
    )
    assert case.id is not None
    destroy_case(journal, case.id, rule="erasure_request", today=date(2026, 11, 28))
    kept = journal.get(Case, case.id)
    assert (kept.status, kept.closed_on, kept.outcome) == ("closed", date(2026, 10, 1), None)


# -- migration 4 -------------------------------------------------------------------------------


def test_a_version_3_vault_gets_the_retention_table(tmp_path: Path) -> None:
    folder = tmp_path / "versie3"
    old, _code = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS, schema_version=3)
    assert (
        old.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'retention_extensions'") == 0
    )
    # As the schema-3 program wrote it: its own SQL, not today's journal.
    marker = "Migratiemarker"
    case_id = fill_schema_1(old.db, marker)
    close_case_in_schema_1(old.db, case_id, "2024-06-15")
    old.close()

    with Vault.open(folder, passphrase=PASSPHRASE) as migrated:
        assert migrated.db.user_version >= 4
        columns = [row[1] for row in migrated.db.query("PRAGMA table_info(retention_extensions)")]
        assert columns == ["id", "case_id", "decided_on", "keep_until", "reason"]
        journal = Journal(migrated.db)
        case = journal.get(Case, case_id)
        assert case.status == "closed" and case.id is not None
        keep_longer(journal, case.id, date(2028, 1, 1), "Na de upgrade", today=date(2026, 11, 28))
        assert migrated.check() == []
        copies = list((folder / PRE_MIGRATION_DIR).glob("*.db"))
        assert len(copies) == 1
        # The copy from before the upgrade still holds the case, decrypted with the key ...
        assert marker.encode() in _decrypted_copy(copies[0], migrated.data_key, tmp_path)

        # ... so destroying the case removes the copy too.
        destroy_case(journal, case.id, rule="retention", today=date(2026, 11, 28))
        assert list((folder / PRE_MIGRATION_DIR).glob("*.db")) == []
        assert marker.encode() not in decrypted_database(folder, migrated.data_key)


def _decrypted_copy(copy: Path, key: bytes, tmp_path: Path) -> bytes:
    scratch = tmp_path / "kopie"
    scratch.mkdir()
    (scratch / DATABASE_NAME).write_bytes(copy.read_bytes())
    return decrypted_database(scratch, key)
