"""One case with everything recorded about it, read in one go, for documents about one case.

The VP's own summary (report/case_summary.py) prints all of it; the anonymised case for
peer consultation (report/intervision.py) takes only what cannot point to a person. Both
read the case here, so report/ asks core for a case by its id and never queries itself.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date

from .journal import Journal, NotFoundError
from .models import (
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
from .retention import RetentionExtension, RetentionStatus, case_retention, extensions_of


@dataclass(frozen=True)
class CaseFile:
    case: Case
    organisation: Organisation
    department: str  # the department's name; "" when none is recorded
    reporter: Reporter | None  # None when never filled in or wiped
    conversations: tuple[Conversation, ...]  # oldest first
    routes: tuple[Route, ...]
    referrals: tuple[Referral, ...]
    follow_ups: tuple[FollowUp, ...]
    time_entries: tuple[TimeEntry, ...]
    retention: RetentionStatus | None  # None while open, or once destroyed
    extensions: tuple[RetentionExtension, ...]  # the VP's decisions to keep it longer

    @property
    def conversation_minutes(self) -> int:
        return sum(talk.duration_min for talk in self.conversations)

    @property
    def other_minutes(self) -> int:
        return sum(entry.minutes or 0 for entry in self.time_entries)


def read_case_file(journal: Journal, case_id: int, today: date) -> CaseFile:
    """The whole case. NotFoundError when there is no such case."""
    case = journal.get(Case, case_id)
    assert case.organisation_id is not None
    organisation = journal.get(Organisation, case.organisation_id)
    department = ""
    if case.department_id is not None:
        with contextlib.suppress(NotFoundError):
            department = journal.get(Department, case.department_id).name
    reporter: Reporter | None = None
    with contextlib.suppress(NotFoundError):
        reporter = journal.get(Reporter, case_id)
    return CaseFile(
        case=case,
        organisation=organisation,
        department=department,
        reporter=reporter,
        conversations=tuple(journal.conversations_of(case_id)),
        routes=tuple(journal.records_of_case(Route, case_id)),
        referrals=tuple(journal.records_of_case(Referral, case_id)),
        follow_ups=tuple(journal.records_of_case(FollowUp, case_id)),
        time_entries=tuple(journal.records_of_case(TimeEntry, case_id)),
        retention=case_retention(journal, case_id, today),
        extensions=tuple(extensions_of(journal, case_id)),
    )
