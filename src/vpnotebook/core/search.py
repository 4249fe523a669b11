"""Full-text search over everything the VP wrote, insensitive to case and diacritics.

The FTS5 index (schema version 2) is filled by triggers; this module turns what the VP types
into a safe FTS5 query and the index rows into hits grouped by case, with what the result list
shows beside each (the case's number and title, the organisation, the record's date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..vault.database import Database
from ..vault.schema import SEARCH_KIND_BITS, SEARCH_KINDS
from .journal import Journal
from .models import DATE_FIELDS, TABLES, Case

HIT_START = "\x02"
HIT_END = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
RANKED_MATCHES = 5000  # above this many matches, newest first instead of best first
MAX_HITS = 200
_ENTITY_OF = {table: entity for entity, table in TABLES.items()}


@dataclass(frozen=True)
class SearchHit:
    source: str  # the table the text lives in, such as "conversations"
    record_id: int
    case_id: int | None
    organisation_id: int | None
    snippet: str  # the matched words are wrapped in HIT_START … HIT_END

    def plain_snippet(self, start: str = "", end: str = "") -> str:
        return self.snippet.replace(HIT_START, start).replace(HIT_END, end)


def match_query(typed: str) -> str | None:
    """Every word the VP typed must occur, each as a prefix; FTS5 syntax is never passed on."""
    words = _WORD.findall(typed)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def search(db: Database, typed: str, *, limit: int = 200) -> list[SearchHit]:
    query = match_query(typed)
    if query is None:
        return []
    # Ranking scores every match: cheap for a telling word, 100 ms for one in every note.
    # When a word is that common, relevance says little anyway; newest first serves the VP.
    matches = int(
        db.scalar("SELECT count(*) FROM search_index WHERE search_index MATCH ?", (query,))
    )
    order = "rank" if matches <= RANKED_MATCHES else "rowid DESC"
    rows = db.query(
        "SELECT rowid, kind, case_id, organisation_id, "
        f"snippet(search_index, 3, '{HIT_START}', '{HIT_END}', '…', 16) AS snippet "
        f"FROM search_index WHERE search_index MATCH ? ORDER BY {order} LIMIT ?",
        (query, limit),
    )
    return [
        SearchHit(
            source=SEARCH_KINDS[row["kind"]],
            record_id=row["rowid"] // SEARCH_KIND_BITS,
            case_id=row["case_id"],
            organisation_id=row["organisation_id"],
            snippet=" ".join(row["snippet"].split()),
        )
        for row in rows
    ]


def group_by_case(hits: list[SearchHit]) -> dict[int | None, list[SearchHit]]:
    """Hits per case in order of the best hit; records outside cases are under None."""
    grouped: dict[int | None, list[SearchHit]] = {}
    for hit in hits:
        grouped.setdefault(hit.case_id, []).append(hit)
    return grouped


@dataclass(frozen=True)
class HitRow:
    hit: SearchHit
    organisation: str
    when: date | None  # the date the VP knows the record by, for the records that have one


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
    capped: bool  # there were more hits than the limit; only the best are shown


def find(journal: Journal, typed: str, *, limit: int = MAX_HITS) -> Results:
    """What the VP typed, found: hits per case in order of the best hit, then those outside
    any case. Safe to run off the GUI thread: every read takes the database's turn."""
    # One more than we show, to know whether the list was cut short.
    hits = search(journal.db, typed, limit=limit + 1)
    capped = len(hits) > limit
    hits = hits[:limit]
    organisations = {org.id: org.name for org in journal.organisations()}
    dates = _dates_of(journal, hits)
    cases = {
        case.id: case
        for case in journal.by_ids(Case, {hit.case_id for hit in hits if hit.case_id is not None})
    }
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


def _dates_of(journal: Journal, hits: list[SearchHit]) -> dict[tuple[str, int], date]:
    wanted: dict[str, set[int]] = {}
    for hit in hits:
        entity = _ENTITY_OF.get(hit.source)
        if entity in DATE_FIELDS:
            wanted.setdefault(hit.source, set()).add(hit.record_id)
    dates: dict[tuple[str, int], date] = {}
    for source, ids in wanted.items():
        entity = _ENTITY_OF[source]
        records: list[Any] = journal.by_ids(entity, ids)
        for record in records:
            value = getattr(record, DATE_FIELDS[entity])
            if value is not None:
                dates[(source, record.id)] = value
    return dates
