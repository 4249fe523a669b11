"""Full-text search over everything the VP wrote, insensitive to case and diacritics.

The FTS5 index (schema version 2) is filled by triggers; this module turns what the VP types
into a safe FTS5 query and the index rows into hits grouped by case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vault.database import Database
from ..vault.schema import SEARCH_KIND_BITS, SEARCH_KINDS

HIT_START = "\x02"
HIT_END = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
RANKED_MATCHES = 5000  # above this many matches, newest first instead of best first


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
