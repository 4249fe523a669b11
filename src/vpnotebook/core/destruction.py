"""Destroying a case for good, while its anonymous statistical record stays.

What each field becomes is read from its spec (core/fields.py), never listed here:
- a record kind of the case without any `reported` field (the reporter's identity, the
  conversations, the follow-ups) loses its rows;
- every other record of the case, and the case itself, keeps its rows with every `personal`
  field emptied and every `reported` date cut back to the first day of its quarter: enough for
  annual reports, too coarse to single anyone out.
Conversations are first counted per year (number and minutes) in the conversation archive, so
annual reports of past years add up the same before and after. The VP's decisions to keep the
case longer go too (their reasons are text about the case; they are no entity of their own),
and so do drafts of the case's records that a lock kept (core/drafts.py), and its links to
other cases, in both directions (a link says two cases share a reporter or an accused).
The hand-over log keeps its line: it says only that the file went to a colleague, and when.
A case destroyed before it was closed (an erasure request) is closed in the quarter of
destruction: it is no longer in hand, and would otherwise be carried over into every later
year. `secure_delete` zeroes freed space in pages; the FTS index runs with secure-delete and is
optimised; VACUUM then rewrites the file so no free page keeps text; the encrypted copies taken
before schema upgrades are removed, since they would still hold the case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..vault.database import Database
from ..vault.opening import discard_pre_migration_copies
from .drafts import drop_drafts_of_case
from .fields import Spec, fields_where, identity_fields, reported_fields, specs
from .journal import Journal
from .models import CASE_RECORDS, TABLES, Case
from .retention import OVERDUE, case_retention

RULE_RETENTION = "retention"
RULE_ERASURE = "erasure_request"
RULE_VP_DECISION = "vp_decision"
RULE_HANDED_OVER = "handed_over"  # the case went to a colleague (core/handover)
RULES = (RULE_RETENTION, RULE_ERASURE, RULE_VP_DECISION, RULE_HANDED_OVER)
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
        for entity_type in CASE_RECORDS:
            if entity_type is Case:
                continue
            table = TABLES[entity_type]
            if reported_fields(entity_type):
                _reduce(db, table, _reduced(entity_type), "case_id", case_id)
            else:
                db.execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,))
        db.execute("DELETE FROM retention_extensions WHERE case_id = ?", (case_id,))
        # A link is stored once, under the lower case id; the walk above removed the links
        # stored under this case, these are the ones stored under the other.
        db.execute("DELETE FROM case_links WHERE linked_case_id = ?", (case_id,))
        drop_drafts_of_case(journal, case_id)
        closing = quarter_start(case.closed_on or today)
        assert closing is not None
        fixed = {
            "status": "'closed'",
            "closed_on": f"'{closing.isoformat()}'",
            "destroyed_on": f"'{today.isoformat()}'",
        }
        _reduce(db, TABLES[Case], {**_reduced(Case), **fixed}, "id", case_id)
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
    """Remove only who the reporter is (every `identity` field); the case stays."""
    case = journal.get(Case, case_id)
    db = journal.db
    with db.transaction():
        for entity_type in CASE_RECORDS:
            identity = identity_fields(entity_type)
            if not identity:
                continue
            table, key = TABLES[entity_type], "id" if entity_type is Case else "case_id"
            if set(identity) == set(fields_where(entity_type, _holds_content)):
                db.execute(f"DELETE FROM {table} WHERE {key} = ?", (case_id,))
            else:
                emptied = {name: _EMPTY[specs(entity_type)[name].kind] for name in identity}
                _reduce(db, table, emptied, key, case_id)
        drop_drafts_of_case(journal, case_id)
        _log(journal, today, case, RULE_ERASURE, SCOPE_REPORTER)
    compact(journal)


# What a wiped field holds afterwards, by kind: empty text, or nothing at all.
_EMPTY = {"text": "''", "bool": "0"}
_EMPTY.update(dict.fromkeys(("int", "date", "code", "ref"), "NULL"))

# The first day of a date's quarter, in SQL over an ISO date ('2025-05-17' -> '2025-04-01').
_QUARTER = (
    "CASE WHEN {0} IS NULL THEN NULL ELSE substr({0}, 1, 5) || "
    "printf('%02d', (CAST(substr({0}, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1) || '-01' END"
)


def _holds_content(spec: Spec) -> bool:
    return not spec.system and spec.kind != "ref"


def _reduced(entity_type: type) -> dict[str, str]:
    """Column -> SQL expression: what a destroyed case's record keeps of each field."""
    reduced: dict[str, str] = {}
    for name, spec in specs(entity_type).items():
        if not spec.stored:
            continue
        if spec.personal:
            reduced[name] = _EMPTY[spec.kind]
        elif spec.reported and spec.kind == "date":
            reduced[name] = _QUARTER.format(name)
    return reduced


def _reduce(db: Database, table: str, assignments: dict[str, str], key: str, value: int) -> None:
    if assignments:
        columns = ", ".join(
            f"{column} = {expression}" for column, expression in assignments.items()
        )
        db.execute(f"UPDATE {table} SET {columns} WHERE {key} = ?", (value,))


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
