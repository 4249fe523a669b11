"""Hours per organisation per year: what an external VP bills each client.

Conversations of cases count with their duration, and so do the per-year totals kept for
destroyed cases (conversation_archive), so a year's hours stay the same after destruction.
Every time entry counts as well, with or without a case.
"""

from __future__ import annotations

from dataclasses import dataclass

from .journal import Journal

# The profession's guideline: about two hours a week for each organisation.
GUIDELINE_HOURS_PER_YEAR = 2 * 52

_HOURS_SQL = """
WITH spent (organisation_id, year, conversation_min, other_min) AS (
    SELECT c.organisation_id, CAST(substr(v.held_on, 1, 4) AS INTEGER), v.duration_min, 0
      FROM conversations v JOIN cases c ON c.id = v.case_id
    UNION ALL
    SELECT c.organisation_id, a.year, a.minutes, 0
      FROM conversation_archive a JOIN cases c ON c.id = a.case_id
    UNION ALL
    SELECT t.organisation_id, CAST(substr(t.spent_on, 1, 4) AS INTEGER), 0, t.minutes
      FROM time_entries t
)
SELECT o.id, o.name, s.year, sum(s.conversation_min) AS conversation_min,
       sum(s.other_min) AS other_min
  FROM spent s JOIN organisations o ON o.id = s.organisation_id
 WHERE (:organisation IS NULL OR s.organisation_id = :organisation)
   AND (:year IS NULL OR s.year = :year)
 GROUP BY o.id, s.year
 ORDER BY o.name COLLATE NOCASE, s.year DESC
"""


@dataclass(frozen=True)
class HourRow:
    organisation_id: int
    organisation: str
    year: int
    conversation_minutes: int
    other_minutes: int

    @property
    def total_minutes(self) -> int:
        return self.conversation_minutes + self.other_minutes


def hours_per_organisation(
    journal: Journal, *, organisation_id: int | None = None, year: int | None = None
) -> list[HourRow]:
    rows = journal.db.query(_HOURS_SQL, {"organisation": organisation_id, "year": year})
    return [
        HourRow(
            organisation_id=row["id"],
            organisation=row["name"],
            year=int(row["year"]),
            conversation_minutes=int(row["conversation_min"]),
            other_minutes=int(row["other_min"]),
        )
        for row in rows
    ]


def years_with_hours(journal: Journal) -> list[int]:
    rows = journal.db.query(
        "SELECT CAST(substr(held_on, 1, 4) AS INTEGER) FROM conversations "
        "UNION SELECT year FROM conversation_archive "
        "UNION SELECT CAST(substr(spent_on, 1, 4) AS INTEGER) FROM time_entries"
    )
    return [int(row[0]) for row in rows]
