"""Search hits turned into what the result list shows: groups per case, safe HTML snippets.

No Qt here. Everything that came out of the vault is HTML-escaped before the only markup we
add ourselves — the bold around the matched words — so a note that happens to contain "<b>"
or "<img>" is shown as the text the VP typed, never interpreted.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...core.journal import Journal
from ...core.models import (
    Case,
    Conversation,
    FollowUp,
    OutreachActivity,
    Referral,
    Route,
    Signal,
    TimeEntry,
)
from ...core.search import HIT_END, HIT_START, SearchHit, group_by_case, search

MAX_HITS = 200

# For the sources that have one: the date the VP knows the record by.
_DATED: dict[str, tuple[type, str]] = {
    "conversations": (Conversation, "held_on"),
    "routes": (Route, "started_on"),
    "referrals": (Referral, "referred_on"),
    "follow_ups": (FollowUp, "due_on"),
    "outreach": (OutreachActivity, "held_on"),
    "signals": (Signal, "given_on"),
    "time_entries": (TimeEntry, "spent_on"),
}

# Where a hit outside any case can be looked at: the workspace's page keys.
PAGE_FOR_SOURCE = {
    "outreach": "outreach",
    "signals": "signals",
    "organisations": "organisations",
    "follow_ups": "today",
    "time_entries": "time",
}


def snippet_html(snippet: str) -> str:
    """Escape the vault's text, then mark the matched words — in that order, always."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(HIT_START, "<b>").replace(HIT_END, "</b>")


def plain(text: str) -> str:
    return text.replace(HIT_START, "").replace(HIT_END, "")


@dataclass(frozen=True)
class HitRow:
    hit: SearchHit
    organisation: str
    when: date | None


@dataclass
class CaseGroup:
    case_id: int | None  # None: the records that belong to no case
    number: str = ""
    organisation: str = ""
    title: str = ""
    hits: list[HitRow] = field(default_factory=list)


@dataclass(frozen=True)
class Results:
    typed: str
    groups: list[CaseGroup]
    count: int
    capped: bool  # there were more hits than MAX_HITS; only the best are shown


def find(journal: Journal, typed: str, *, limit: int = MAX_HITS) -> Results:
    # One more than we show, to know whether the list was cut short.
    hits = search(journal.db, typed, limit=limit + 1)
    capped = len(hits) > limit
    hits = hits[:limit]
    organisations = {org.id: org.name for org in journal.organisations()}
    dates = _dates_of(journal, hits)
    cases = _cases_of(journal, {hit.case_id for hit in hits if hit.case_id is not None})

    groups: list[CaseGroup] = []
    outside: CaseGroup | None = None
    for case_id, case_hits in group_by_case(hits).items():
        rows = [
            HitRow(
                hit,
                organisations.get(hit.organisation_id, ""),
                dates.get((hit.source, hit.record_id)),
            )
            for hit in case_hits
        ]
        if case_id is None:
            outside = CaseGroup(None, hits=rows)
            continue
        case = cases.get(case_id)
        groups.append(
            CaseGroup(
                case_id,
                case.number if case else "",
                organisations.get(case.organisation_id, "") if case else "",
                case.title if case else "",
                rows,
            )
        )
    # Cases first, in order of their best hit; what lies outside cases comes last.
    if outside is not None:
        groups.append(outside)
    return Results(typed, groups, len(hits), capped)


def _ids_in(journal: Journal, entity: type, ids: list[int]) -> list[Any]:
    found: list[Any] = []
    # Chunked: SQLite limits the number of bound parameters.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.extend(journal.find(entity, f"id IN ({marks})", chunk))
    return found


def _cases_of(journal: Journal, case_ids: set[int]) -> dict[int, Case]:
    return {case.id: case for case in _ids_in(journal, Case, sorted(case_ids))}


def _dates_of(journal: Journal, hits: list[SearchHit]) -> dict[tuple[str, int], date]:
    wanted: dict[str, list[int]] = {}
    for hit in hits:
        if hit.source in _DATED:
            wanted.setdefault(hit.source, []).append(hit.record_id)
    dates: dict[tuple[str, int], date] = {}
    for source, ids in wanted.items():
        entity, attribute = _DATED[source]
        for record in _ids_in(journal, entity, sorted(set(ids))):
            value = getattr(record, attribute)
            if value is not None:
                dates[(source, record.id)] = value
    return dates
