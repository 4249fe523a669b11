"""The hand-over log: which cases went to which colleague, and when.

Kept in the source vault after the cases left it (and after they were destroyed there, if the
VP chose that): a VP must be able to say where a file went. It holds no content of a case —
the date, the colleague's name as the VP typed it, the case number and its organisation — so
destruction leaves it alone, like the destruction log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from ...vault.database import Row
from ..fields import day, flag, from_row, record_id, ref, text, to_row, validate
from ..journal import Journal
from ..models import SHORT


@dataclass
class HandoverLogEntry:
    """A row of `handover_log`: one case handed over to one colleague."""

    handed_over_on: date | None = day("Overgedragen op", required=True)
    recipient: str = text("Overgedragen aan", required=True, max_length=SHORT)
    case_number: str = text("Meldingsnummer", max_length=SHORT)
    organisation_id: int | None = ref("Organisatie")
    case_id: int | None = ref("Melding")
    destroyed: bool = flag("Daarna hier vernietigd")
    id: int | None = record_id()


def record_handover(
    journal: Journal,
    cases: Iterable[tuple[int, str, int | None]],
    *,
    recipient: str,
    on: date,
) -> list[HandoverLogEntry]:
    """One line per case (id, number, organisation id), all in one transaction."""
    stored: list[HandoverLogEntry] = []
    with journal.db.transaction():
        for case_id, number, organisation_id in cases:
            entry = HandoverLogEntry(
                handed_over_on=on,
                recipient=recipient.strip(),
                case_number=number,
                organisation_id=organisation_id,
                case_id=case_id,
            )
            validate(entry)
            row = to_row(entry)
            columns = ", ".join(row)
            values = ", ".join(f":{column}" for column in row)
            cursor = journal.db.execute(
                f"INSERT INTO handover_log ({columns}) VALUES ({values})", row
            )
            assert cursor.lastrowid is not None  # every INSERT sets it
            stored.append(replace(entry, id=cursor.lastrowid))
    return stored


def mark_destroyed(journal: Journal, entry_ids: Iterable[int]) -> None:
    """The cases of these lines were destroyed here after the hand-over."""
    with journal.db.transaction():
        journal.db.executemany(
            "UPDATE handover_log SET destroyed = 1 WHERE id = ?", [(i,) for i in entry_ids]
        )


def handover_log(journal: Journal) -> list[HandoverLogEntry]:
    """Every hand-over, oldest first."""
    return [_entry(row) for row in journal.db.query("SELECT * FROM handover_log ORDER BY id")]


def handovers_of_case(journal: Journal, case_id: int) -> list[HandoverLogEntry]:
    """The hand-overs of one case, oldest first (a case may go to a substitute, then back
    and to a successor)."""
    return [
        _entry(row)
        for row in journal.db.query(
            "SELECT * FROM handover_log WHERE case_id = ? ORDER BY id", (case_id,)
        )
    ]


def _entry(row: Row) -> HandoverLogEntry:
    return from_row(HandoverLogEntry, row)
