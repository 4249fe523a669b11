"""The all-or-nothing import: into an empty vault, every record checked as it is inserted,
all in one transaction that any problem rolls back (docs/formats/export.md, "Importing")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...vault.database import RecordRefused
from ..fields import specs, to_row
from ..journal import Journal
from ..models import Case
from .checking import RecordChecker, check_head
from .errors import ImportFormatError, JournalNotEmptyError
from .reading import DocumentSource, FileSource, Outline
from .tables import RECORD_TABLES


@dataclass(frozen=True)
class ImportSummary:
    counts: dict[str, int]  # records per table, in the order of RECORD_TABLES
    settings: int
    exported_at: str
    app_version: str


Source = DocumentSource | FileSource


def validate_document(document: Any) -> ImportSummary:
    """Check a parsed document completely without writing anything (a dry run)."""
    source = DocumentSource(document)
    return _run(source, source.outline(), None)


def import_journal(journal: Journal, document: Any) -> ImportSummary:
    """Import a parsed document into an empty journal: everything, or nothing at all.

    Raises JournalNotEmptyError, ImportFormatError (ImportVersionError for a newer format),
    or vault.errors.StorageError when the disk fails; in every case nothing was written.
    """
    return _import(journal, DocumentSource(document))


def import_file(journal: Journal, path: Path) -> ImportSummary:
    """`import_journal` for a file, streamed: memory stays flat however big the file."""
    source = FileSource(path)
    try:
        return _import(journal, source)
    finally:
        source.close()


def _import(journal: Journal, source: Source) -> ImportSummary:
    outline = source.outline()  # every syntax error of a file surfaces here
    if not _is_empty(journal):
        raise JournalNotEmptyError()
    return _run(source, outline, journal)


def _run(source: Source, outline: Outline, journal: Journal | None) -> ImportSummary:
    """Check everything; with a journal, insert each record as it passes, in one
    transaction that a refusal anywhere rolls back."""
    settings, exported_at, app_version = check_head(outline.head)
    checker = RecordChecker()
    checker.check_outline(outline.tables)
    counts: dict[str, int] = {}
    if journal is None:
        for table in RECORD_TABLES:
            counts[table] = sum(
                1 for _ in checker.check_table(table, _rows(source, table, outline))
            )
    else:
        db = journal.db
        with db.transaction():
            for table in RECORD_TABLES:
                counts[table] = 0
                rows = _rows(source, table, outline)
                for index, entity in enumerate(checker.check_table(table, rows)):
                    _insert_checked(journal, table, index, entity)
                    counts[table] += 1
            for key, value in settings.items():
                db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
    return ImportSummary(counts, len(settings), exported_at, app_version)


def _rows(source: Source, table: str, outline: Outline) -> Iterator[Any] | None:
    if outline.tables is not None and table in outline.tables and table not in outline.lists:
        return None  # present but not a list: the checker says so when it gets there
    return source.rows(table)


def _insert_checked(journal: Journal, table: str, index: int, entity: Any) -> None:
    try:
        _insert(journal, table, entity)
    except (RecordRefused, OverflowError, UnicodeError, ValueError) as exc:
        # Validation should have refused this; the vault's own rules are the last line (the
        # wrapper turns their refusal into RecordRefused), and the transaction rolls everything
        # back.
        raise ImportFormatError(
            "De kluis weigerde dit record; er is niets geïmporteerd.",
            f"the vault refused this record ({type(exc).__name__}: {exc})",
            table=table,
            index=index,
            record_id=getattr(entity, "id", None),
        ) from exc


def _is_empty(journal: Journal) -> bool:
    return not any(
        journal.db.scalar(f"SELECT EXISTS (SELECT 1 FROM {table})") for table in RECORD_TABLES
    )


def _insert(journal: Journal, table: str, entity: Any) -> None:
    row = to_row(entity)
    if "id" in specs(type(entity)):
        row["id"] = entity.id
    columns = ", ".join(row)
    values = ", ".join(f":{column}" for column in row)
    journal.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({values})", row)
    if isinstance(entity, Case) and entity.categories:
        journal.db.executemany(
            "INSERT INTO case_categories (case_id, category) VALUES (?, ?)",
            [(entity.id, category) for category in entity.categories],
        )
