"""What the Today screen shows, gathered from the journal. No Qt here, so it reads as the rules.

Kept apart from the view so the rules (what counts as overdue, as quiet, as a late backup) can
be read and tested without widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ...core.journal import Journal
from ...core.models import Case, FollowUp

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
    open_items = journal.open_follow_ups()
    numbers = _case_numbers(journal, {f.case_id for f in open_items if f.case_id is not None})

    def row(follow_up: FollowUp) -> FollowUpRow:
        number = numbers.get(follow_up.case_id, "") if follow_up.case_id is not None else ""
        return FollowUpRow(follow_up, number, organisations.get(follow_up.organisation_id, ""))

    horizon = today + timedelta(days=horizon_days)
    attention = [row(f) for f in open_items if f.due_on is not None and f.due_on <= today]
    appointments = [
        row(f)
        for f in open_items
        if f.kind == "appointment" and f.due_on is not None and today < f.due_on <= horizon
    ]
    # A case with something planned is not forgotten, however long ago the last talk was.
    planned = {f.case_id for f in open_items if f.due_on is not None and f.due_on > today}
    quiet = []
    for status in _OPEN_STATUSES:
        for summary in journal.case_summaries(status=status):
            if summary.destroyed or summary.id in planned:
                continue
            last = summary.last_contact or summary.first_contact
            days = (today - last).days
            if days > quiet_days:
                quiet.append(
                    QuietCase(
                        summary.id,
                        summary.number,
                        summary.organisation,
                        summary.title,
                        last,
                        days,
                    )
                )
    quiet.sort(key=lambda case: (case.last_contact, case.number))
    stamp = last_backup(journal)
    return Overview(attention, appointments, quiet, stamp, backup_due(stamp, today, reminder_days))


def _case_numbers(journal: Journal, case_ids: set[int]) -> dict[int, str]:
    if not case_ids:
        return {}
    ids = sorted(case_ids)
    numbers: dict[int, str] = {}
    # Chunked: SQLite limits the number of bound parameters.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for case in journal.find(Case, f"id IN ({marks})", chunk):
            assert case.id is not None
            numbers[case.id] = case.number
    return numbers


def mark_done(journal: Journal, follow_up_id: int, on: date) -> FollowUp:
    follow_up = journal.get(FollowUp, follow_up_id)
    done = replace(follow_up, done_on=on)
    journal.update(done)
    return done
