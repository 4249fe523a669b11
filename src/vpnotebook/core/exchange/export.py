"""Writing the export: the whole journal as the documented JSON (docs/formats/export.md),
streamed record by record, so memory stays flat however big the vault is.

The bytes are exactly those of `json.dumps(document, ensure_ascii=False, indent=2)` plus a
newline: each record is encoded on its own and indented into place.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from ... import __version__
from ...vault.fsutil import atomic_writer
from ..fields import from_row, to_json
from ..journal import Journal
from ..models import TABLES, Case, Reporter
from .tables import FORMAT_NAME, FORMAT_VERSION, KEYS, RECORD_TABLES, VAULT_LOCAL_SETTING_PREFIXES

_BATCH = 500


@dataclass(frozen=True)
class ExportSummary:
    counts: dict[str, int]  # records per table, in the order of RECORD_TABLES
    settings: int


def iter_records(journal: Journal, table: str) -> Iterator[dict[str, Any]]:
    """The records of one table as the export writes them, in its documented order."""
    entity_type = RECORD_TABLES[table]
    if entity_type in TABLES:
        order = "case_id" if entity_type is Reporter else "id"
    else:
        order = ", ".join(KEYS.get(table, ("id",)))
    db = journal.db
    cursor = db.execute(f"SELECT * FROM {table} ORDER BY {order}")
    while True:
        with db.exclusive():
            rows = cursor.fetchmany(_BATCH)
        if not rows:
            return
        if entity_type is Case:
            # The journal reads a case's categories in taxonomy order; one query per batch.
            categories = journal._categories_of([row["id"] for row in rows])
            for row in rows:
                yield to_json(from_row(Case, row, categories=categories.get(row["id"], ())))
        else:
            for row in rows:
                yield to_json(from_row(entity_type, row))


def _settings(journal: Journal) -> dict[str, str]:
    return {
        str(row["key"]): str(row["value"])
        for row in journal.db.query("SELECT key, value FROM settings ORDER BY key")
        if not str(row["key"]).startswith(VAULT_LOCAL_SETTING_PREFIXES)
    }


def _head(journal: Journal) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "app_version": __version__,
        "settings": _settings(journal),
    }


def export_journal(journal: Journal) -> dict[str, Any]:
    """The whole journal as one JSON-ready document, in memory (small vaults, tests)."""
    with journal.db.read_transaction():
        document = _head(journal)
        document["records"] = {table: list(iter_records(journal, table)) for table in RECORD_TABLES}
    return document


def dumps_document(document: dict[str, Any]) -> bytes:
    # Indented and unescaped so the VP can read the file; one record field per line.
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_export(journal: Journal, path: Path) -> ExportSummary:
    """Write the export atomically with mode 0600, streamed; returns what it holds.

    Raises vault.errors.StorageError when the disk refuses; an existing file at `path` is
    then left as it was.
    """
    # One read transaction: every table is read from the same state of the vault.
    with (
        atomic_writer(Path(path), temp_prefix=".export-") as handle,
        journal.db.read_transaction(),
    ):
        return _write(journal, handle)


def _write(journal: Journal, handle: IO[bytes]) -> ExportSummary:
    head = _head(journal)
    out = _Utf8(handle)
    out.write("{\n")
    for key, value in head.items():
        encoded = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(f"  {json.dumps(key)}: {encoded},\n")
    out.write('  "records": {')
    counts: dict[str, int] = {}
    for number, table in enumerate(RECORD_TABLES):
        out.write(("," if number else "") + f"\n    {json.dumps(table)}: [")
        counts[table] = 0
        for record in iter_records(journal, table):
            encoded = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n      ")
            out.write(("," if counts[table] else "") + "\n      " + encoded)
            counts[table] += 1
        out.write("\n    ]" if counts[table] else "]")
    out.write("\n  }\n}\n")
    out.flush()
    return ExportSummary(counts, len(head["settings"]))


class _Utf8:
    """Text into a binary file through a buffer of about a megabyte."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size > 1 << 20:
            self.flush()

    def flush(self) -> None:
        self._handle.write("".join(self._parts).encode("utf-8"))
        self._parts.clear()
        self._size = 0
