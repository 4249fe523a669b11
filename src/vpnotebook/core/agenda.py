"""What the Today screen shows, gathered from the journal: the rules of the agenda.

What counts as overdue, as quiet, as a late backup, read and tested without widgets
(gui/today/page.py shows it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from .journal import Journal
from .models import FollowUp, case_number

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
    """What Today shows. With a `shown` limit each list holds its first rows, and the
    totals say how many there are in all."""

    attention: list[FollowUpRow]  # due today or earlier, not done; oldest first
    appointments: list[FollowUpRow]  # appointments after today, within the horizon
    quiet: list[QuietCase]  # open cases without a conversation for a while; longest first
    last_backup: datetime | None
    backup_due: bool
    attention_total: int = 0
    appointments_total: int = 0
    quiet_total: int = 0


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
    shown: int | None = None,
) -> Overview:
    """The Today lists; `shown` keeps the first so many of each (the totals stay whole)."""
    organisations = {org.id: org.name for org in journal.organisations()}
    horizon = today + timedelta(days=horizon_days)
    # Only the rows that are shown are read, with the count in the same query: at unlock
    # this is the first screen, and a ten-year archive can have hundreds of open items.
    attention = journal.open_follow_ups_head(until=today, limit=shown)
    appointments = journal.open_follow_ups_head(
        after=today, until=horizon, appointments_only=True, limit=shown
    )
    numbers = journal.case_numbers(
        f.case_id for f in attention.rows + appointments.rows if f.case_id is not None
    )

    def row(follow_up: FollowUp) -> FollowUpRow:
        number = numbers.get(follow_up.case_id, "") if follow_up.case_id is not None else ""
        return FollowUpRow(follow_up, number, organisations.get(follow_up.organisation_id, ""))

    quiet, quiet_total = quiet_cases(journal, today, quiet_days, limit=shown)
    stamp = last_backup(journal)
    return Overview(
        [row(f) for f in attention.rows],
        [row(f) for f in appointments.rows],
        quiet,
        stamp,
        backup_due(stamp, today, reminder_days),
        attention.total,
        appointments.total,
        quiet_total,
    )


def quiet_cases(
    journal: Journal, today: date, quiet_days: int = QUIET_DAYS, *, limit: int | None = None
) -> tuple[list[QuietCase], int]:
    """Open cases whose last conversation (or first contact) is more than `quiet_days` ago:
    the first `limit`, longest quiet first, and how many there are in all.

    A case with anything planned after today is not forgotten, however long ago the last talk
    was. One query: the open cases of a ten-year archive are too many to judge in Python on
    every visit to the Today screen.
    """
    statuses = ", ".join("?" * len(_OPEN_STATUSES))
    rows = journal.db.query(
        "SELECT c.id, c.year, c.seq, o.name AS organisation, c.title, "
        "coalesce(max(v.held_on), c.first_contact) AS last_contact, count(*) OVER () AS total "
        "FROM cases c JOIN organisations o ON o.id = c.organisation_id "
        "LEFT JOIN conversations v ON v.case_id = c.id "
        f"WHERE c.status IN ({statuses}) AND c.destroyed_on IS NULL "
        "AND c.id NOT IN (SELECT case_id FROM follow_ups WHERE done_on IS NULL "
        "AND due_on > ? AND case_id IS NOT NULL) "
        "GROUP BY c.id HAVING last_contact < ? "
        "ORDER BY last_contact, c.year, c.seq"
        + (f" LIMIT {int(limit)}" if limit is not None else ""),
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
    return quiet, (rows[0]["total"] if rows else 0)


def mark_done(journal: Journal, follow_up_id: int, on: date) -> FollowUp:
    follow_up = journal.get(FollowUp, follow_up_id)
    done = replace(follow_up, done_on=on)
    journal.update(done)
    return done
