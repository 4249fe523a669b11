"""What the Today screen shows, gathered from the journal. No Qt here, so it reads as the rules.

Kept apart from the view so the rules (what counts as overdue, as quiet, as a late backup) can
be read and tested without widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ...core.journal import Journal
from ...core.models import FollowUp, case_number

HORIZON_DAYS = 14
QUIET_DAYS = 30
_OPEN_STATUSES = ("open", "reopened")


@dataclass(frozen=True)
class FollowUpRow:
    follow_up: FollowUp
    case_number: str  # "" for a follow-up that belongs to no case (a yearly meeting)
    organisation: str

    def days_late(self, today: date) -> int:
        assert self.follow_up.due_on is not None
        return (today - self.follow_up.due_on).days


@dataclass(frozen=True)
class QuietCase:
    case_id: int
    number: str
    organisation: str
    title: str
    last_contact: date
    days: int


@dataclass(frozen=True)
class Overview:
    attention: list[FollowUpRow]  # due today or earlier, not done; oldest first
    appointments: list[FollowUpRow]  # appointments after today, within the horizon
    quiet: list[QuietCase]  # open cases without a conversation for a while; longest first
    last_backup: datetime | None
    backup_due: bool


def last_backup(journal: Journal) -> datetime | None:
    value = journal.setting("last_backup_at")
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        # An unreadable stamp must not hide the reminder: treat it as no backup at all.
        return None


def backup_due(last: datetime | None, today: date, reminder_days: int) -> bool:
    # The same rule as the status bar (main_window.backup_status): older than the threshold.
    return last is None or (today - last.date()).days > reminder_days


def build_overview(
    journal: Journal,
    today: date,
    *,
    reminder_days: int,
    horizon_days: int = HORIZON_DAYS,
    quiet_days: int = QUIET_DAYS,
) -> Overview:
    organisations = {org.id: org.name for org in journal.organisations()}
    horizon = today + timedelta(days=horizon_days)
    # Only what the two agenda lists can show: later follow-ups are read by the quiet query.
    open_items = journal.open_follow_ups(until=horizon)
    numbers = _case_numbers(journal, {f.case_id for f in open_items if f.case_id is not None})

    def row(follow_up: FollowUp) -> FollowUpRow:
        number = numbers.get(follow_up.case_id, "") if follow_up.case_id is not None else ""
        return FollowUpRow(follow_up, number, organisations.get(follow_up.organisation_id, ""))

    attention = [row(f) for f in open_items if f.due_on is not None and f.due_on <= today]
    appointments = [
        row(f)
        for f in open_items
        if f.kind == "appointment" and f.due_on is not None and today < f.due_on <= horizon
    ]
    stamp = last_backup(journal)
    return Overview(
        attention,
        appointments,
        quiet_cases(journal, today, quiet_days),
        stamp,
        backup_due(stamp, today, reminder_days),
    )


def quiet_cases(journal: Journal, today: date, quiet_days: int = QUIET_DAYS) -> list[QuietCase]:
    """Open cases whose last conversation (or first contact) is more than `quiet_days` ago.

    A case with anything planned after today is not forgotten, however long ago the last talk
    was. One query: the open cases of a ten-year archive are too many to judge in Python on
    every visit to the Today screen.
    """
    statuses = ", ".join("?" * len(_OPEN_STATUSES))
    rows = journal.db.query(
        "SELECT c.id, c.year, c.seq, o.name AS organisation, c.title, "
        "coalesce(max(v.held_on), c.first_contact) AS last_contact "
        "FROM cases c JOIN organisations o ON o.id = c.organisation_id "
        "LEFT JOIN conversations v ON v.case_id = c.id "
        f"WHERE c.status IN ({statuses}) AND c.destroyed_on IS NULL "
        "AND c.id NOT IN (SELECT case_id FROM follow_ups WHERE done_on IS NULL "
        "AND due_on > ? AND case_id IS NOT NULL) "
        "GROUP BY c.id HAVING last_contact < ? "
        "ORDER BY last_contact, c.year, c.seq",
        (*_OPEN_STATUSES, today.isoformat(), (today - timedelta(days=quiet_days)).isoformat()),
    )
    quiet = []
    for found in rows:
        last = date.fromisoformat(found["last_contact"])
        quiet.append(
            QuietCase(
                found["id"],
                case_number(found["year"], found["seq"]),
                found["organisation"],
                found["title"],
                last,
                (today - last).days,
            )
        )
    return quiet


def _case_numbers(journal: Journal, case_ids: set[int]) -> dict[int, str]:
    if not case_ids:
        return {}
    ids = sorted(case_ids)
    numbers: dict[int, str] = {}
    # Only the number's parts: whole cases with their categories cost ten times as much.
    # Chunked: SQLite limits the number of bound parameters.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in journal.db.query(
            f"SELECT id, year, seq FROM cases WHERE id IN ({marks})", chunk
        ):
            numbers[row["id"]] = case_number(row["year"], row["seq"])
    return numbers


def mark_done(journal: Journal, follow_up_id: int, on: date) -> FollowUp:
    follow_up = journal.get(FollowUp, follow_up_id)
    done = replace(follow_up, done_on=on)
    journal.update(done)
    return done
