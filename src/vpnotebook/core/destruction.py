"""Destroying a case for good, while its anonymous statistical record stays.

What goes: the reporter's identity, every conversation, every free text about the case, the
follow-ups, the VP's decisions to keep it longer (their reasons are text about the case), and
exact dates. What stays: the reportable attributes (organisation, year, contact type,
categories, role, department, relation, routes and outcomes, referral parties), dates only as
the first day of their quarter, and per year the number and minutes of conversations — so
annual reports of past years add up the same before and after. A case destroyed before it
was closed (an erasure request) is closed in the quarter of destruction: it is no longer in
hand, and would otherwise be carried over into every later year. `secure_delete` zeroes freed
space in pages; the FTS index runs with secure-delete and is optimised; VACUUM then rewrites
the file so no free page keeps text; the encrypted copies taken before schema upgrades are
removed, since they would still hold the case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..vault.vault import discard_pre_migration_copies
from .journal import Journal
from .models import Case
from .retention import OVERDUE, case_retention

RULE_RETENTION = "retention"
RULE_ERASURE = "erasure_request"
RULE_VP_DECISION = "vp_decision"
RULES = (RULE_RETENTION, RULE_ERASURE, RULE_VP_DECISION)
SCOPE_CASE = "case"
SCOPE_REPORTER = "reporter_identity"


@dataclass(frozen=True)
class DestructionRecord:
    destroyed_on: date
    case_number: str
    organisation_id: int | None
    rule: str
    scope: str


def quarter_start(day: date | None) -> date | None:
    """Keep only year and quarter: enough for reports, too coarse to single anyone out."""
    if day is None:
        return None
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def destroy_case(
    journal: Journal, case_id: int, *, rule: str, today: date, compact_now: bool = True
) -> None:
    """Destroy one case. `compact_now=False` only inside a transaction of destroy_cases,
    which rewrites the file once for all of them."""
    if rule not in RULES:
        raise ValueError(f"unknown destruction rule {rule!r}")
    db = journal.db
    case = journal.get(Case, case_id)
    if case.is_destroyed:
        return
    with db.transaction():
        db.execute(
            "INSERT INTO conversation_archive (case_id, year, conversations, minutes) "
            "SELECT case_id, CAST(substr(held_on, 1, 4) AS INTEGER), count(*), "
            "sum(duration_min) FROM conversations WHERE case_id = ? GROUP BY 2 "
            "ON CONFLICT (case_id, year) DO UPDATE SET "
            "conversations = conversations + excluded.conversations, "
            "minutes = minutes + excluded.minutes",
            (case_id,),
        )
        for table in ("conversations", "reporters", "follow_ups", "retention_extensions"):
            db.execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,))
        # A route's start keeps its quarter: the annual report counts a route in the year it
        # started, so dropping the date would move it into the case's first year.
        for route in db.query("SELECT id, started_on FROM routes WHERE case_id = ?", (case_id,)):
            started = route["started_on"]
            coarse = quarter_start(date.fromisoformat(started)) if started else None
            db.execute(
                "UPDATE routes SET note = '', started_on = ? WHERE id = ?",
                (_iso(coarse), route["id"]),
            )
        db.execute("UPDATE time_entries SET note = '' WHERE case_id = ?", (case_id,))
        for referral in db.query(
            "SELECT id, referred_on FROM referrals WHERE case_id = ?", (case_id,)
        ):
            coarse = quarter_start(date.fromisoformat(referral["referred_on"]))
            db.execute(
                "UPDATE referrals SET note = '', referred_on = ? WHERE id = ?",
                (coarse.isoformat() if coarse else None, referral["id"]),
            )
        db.execute(
            "UPDATE cases SET title = '', reporter_wishes = '', outcome_note = '', "
            "gender = NULL, age_band = NULL, consent_on = NULL, status = 'closed', "
            "first_contact = ?, closed_on = ?, destroyed_on = ? WHERE id = ?",
            (
                _iso(quarter_start(case.first_contact)),
                _iso(quarter_start(case.closed_on or today)),
                today.isoformat(),
                case_id,
            ),
        )
        _log(journal, today, case, rule, SCOPE_CASE)
    if compact_now:
        compact(journal)


def destroy_cases(
    journal: Journal, case_ids: Iterable[int], *, rule: str, today: date
) -> list[str]:
    """Destroy several cases at once (Today's overdue list): all of them or, on any failure,
    none; one destruction-log entry each; the file rewritten once. Returns the numbers
    destroyed, in the order given (a case destroyed before is skipped).

    Under the retention rule every case must be past its date on `today` — the log says
    the period had passed, so it must have — or nothing is destroyed.
    """
    if rule not in RULES:
        raise ValueError(f"unknown destruction rule {rule!r}")
    wanted = list(dict.fromkeys(case_ids))
    cases = [journal.get(Case, case_id) for case_id in wanted]
    if rule == RULE_RETENTION:
        early = [
            case.number
            for case in cases
            if not case.is_destroyed
            and (
                (status := case_retention(journal, case.id or 0, today)) is None
                or status.state != OVERDUE
            )
        ]
        if early:
            raise ValueError(f"retention period not yet over for {', '.join(early)}")
    destroyed: list[str] = []
    with journal.db.transaction():
        for case in cases:
            if case.is_destroyed or case.id is None:
                continue
            destroy_case(journal, case.id, rule=rule, today=today, compact_now=False)
            destroyed.append(case.number)
    if destroyed:
        compact(journal)
    return destroyed


def wipe_reporter_identity(journal: Journal, case_id: int, *, today: date) -> None:
    """Remove only who the reporter is (name, contact, notes about them); the case stays."""
    case = journal.get(Case, case_id)
    with journal.db.transaction():
        journal.db.execute("DELETE FROM reporters WHERE case_id = ?", (case_id,))
        _log(journal, today, case, RULE_ERASURE, SCOPE_REPORTER)
    compact(journal)


def destruction_log(journal: Journal) -> list[DestructionRecord]:
    return [
        DestructionRecord(
            destroyed_on=date.fromisoformat(row["destroyed_on"]),
            case_number=row["case_number"],
            organisation_id=row["organisation_id"],
            rule=row["rule"],
            scope=row["scope"],
        )
        for row in journal.db.query("SELECT * FROM destruction_log ORDER BY id")
    ]


def compact(journal: Journal) -> None:
    """Rewrite the index and the file so deleted text survives in no page, used or free."""
    db = journal.db
    db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    db.vacuum()
    db.checkpoint()
    discard_pre_migration_copies(db.path.parent)


def _log(journal: Journal, today: date, case: Case, rule: str, scope: str) -> None:
    journal.db.execute(
        "INSERT INTO destruction_log (destroyed_on, case_number, organisation_id, rule, scope) "
        "VALUES (?, ?, ?, ?, ?)",
        (today.isoformat(), case.number, case.organisation_id, rule, scope),
    )


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
