"""What the VP was typing when the vault locked, and could not yet be stored as a record.

Every form saves by itself; a record that is not complete yet (a new activity without its
kind, a time entry without minutes) cannot be. So that a lock never throws typing away, the
form keeps it here as a draft, inside the encrypted vault, and puts it back after the unlock.
A draft is about one record, or a case with its reporter; it names the case it belongs to,
so destroying the case, or wiping who its reporter is, removes its drafts as well.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .fields import specs, to_json
from .journal import Journal
from .models import TABLES, Case

PREFIX = "draft:"
_TYPES = {entity_type.__name__: entity_type for entity_type in TABLES}


def keep_draft(journal: Journal, key: str, *records: Any) -> None:
    """Keep `records` (typed into one form) under `key`, replacing an earlier draft there."""
    case_ids = {case for record in records if (case := _case_of(record)) is not None}
    document = {
        "case_id": min(case_ids) if case_ids else None,
        "records": [{"type": type(r).__name__, "data": to_json(r)} for r in records],
    }
    journal.set_setting(PREFIX + key, json.dumps(document, ensure_ascii=False))


def draft(journal: Journal, key: str) -> list[Any] | None:
    """The records kept under `key` as they were typed (not validated: a draft is incomplete
    by nature), or None when there is none or it cannot be read."""
    raw = journal.setting(PREFIX + key)
    if not raw:
        return None
    try:
        document = json.loads(raw)
        return [from_draft_json(_TYPES[r["type"]], r["data"]) for r in document["records"]]
    except (ValueError, KeyError, TypeError):
        return None


def drop_draft(journal: Journal, key: str) -> None:
    journal.delete_setting(PREFIX + key)


def drop_drafts_of_case(journal: Journal, case_id: int) -> None:
    """Every draft about this case (call inside the destruction's transaction)."""
    rows = journal.db.query(
        "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", (len(PREFIX), PREFIX)
    )
    for key, value in rows:
        try:
            belongs = json.loads(value).get("case_id") == case_id
        except (ValueError, AttributeError):
            belongs = True  # unreadable: it cannot be shown again anyway, and may hold text
        if belongs:
            journal.db.execute("DELETE FROM settings WHERE key = ?", (key,))


def _case_of(record: Any) -> int | None:
    if isinstance(record, Case):
        return record.id
    case_id = getattr(record, "case_id", None)
    return case_id if isinstance(case_id, int) else None


def from_draft_json(entity_type: type, data: dict[str, object]) -> Any:
    """An entity from its JSON form, as typed: not validated."""
    values: dict[str, object] = {}
    for name, spec in specs(entity_type).items():
        if name not in data:
            continue
        value = data[name]
        if spec.kind == "date" and isinstance(value, str):
            value = date.fromisoformat(value)
        elif spec.kind == "codes" and isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return entity_type(**values)
