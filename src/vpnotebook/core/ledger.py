"""The ledger of published annual reports: what was issued, when, and with which figures.

When the VP exports or prints an annual report, its protected figures exactly as printed are
stored with the organisation, year, version, date and the SHA-256 of the PDF. Later reports
read them back (report/published.py) so that an earlier year is shown as published, never
recomputed from a journal that has changed since. A new version of a year's report is
recorded only when its content differs from the latest one; issuing the same report again
changes nothing.

The ledger holds protected, printed aggregates and hashes only: no name, no note, no count
the report did not print. So destroying a case leaves it as it is (docs/security.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .journal import Journal
from .taxonomy import Term, Vocabulary

# How a report was issued, and in which language (codes of the export format too).
ISSUE_WAYS = Vocabulary(
    "how",
    Term("pdf", "als PDF", "as PDF"),
    Term("csv", "als CSV", "as CSV"),
    Term("print", "afgedrukt", "printed"),
    Term("cli", "als PDF (opdrachtregel)", "as PDF (command line)"),
)
HOW = ISSUE_WAYS.codes
REPORT_LANGUAGES = Vocabulary(
    "language", Term("nl", "Nederlands", "Dutch"), Term("en", "Engels", "English")
)
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Issue:
    """One version of one organisation's report for one year."""

    id: int
    organisation_id: int
    organisation: str
    year: int
    version: int
    issued_on: date
    how: str
    language: str
    k: int
    content_sha256: str
    pdf_sha256: str


@dataclass(frozen=True)
class PublishedRecord:
    """The figures one issue printed, per year it printed them (its own and earlier ones)."""

    issue_id: int
    report_year: int
    version: int
    issued_on: date
    figures: Mapping[int, Mapping[str, Any]]  # year -> cell -> value


def _issue(row: Any) -> Issue:
    return Issue(
        id=row["id"],
        organisation_id=row["organisation_id"],
        organisation=row["name"],
        year=row["year"],
        version=row["version"],
        issued_on=date.fromisoformat(row["issued_on"]),
        how=row["how"],
        language=row["language"],
        k=row["k"],
        content_sha256=row["content_sha256"],
        pdf_sha256=row["pdf_sha256"],
    )


_SELECT = (
    "SELECT p.id, p.organisation_id, o.name, p.year, p.version, p.issued_on, p.how, "
    "p.language, p.k, p.content_sha256, p.pdf_sha256 FROM published_reports p "
    "JOIN organisations o ON o.id = p.organisation_id"
)


def issues(journal: Journal, organisation_id: int | None = None) -> list[Issue]:
    """Every recorded version, oldest first (of one organisation, or of all)."""
    if organisation_id is None:
        rows = journal.db.query(f"{_SELECT} ORDER BY p.issued_on, p.id")
    else:
        rows = journal.db.query(
            f"{_SELECT} WHERE p.organisation_id = ? ORDER BY p.issued_on, p.id",
            (organisation_id,),
        )
    return [_issue(row) for row in rows]


def latest_issue(journal: Journal, organisation_id: int, year: int) -> Issue | None:
    row = journal.db.query_one(
        f"{_SELECT} WHERE p.organisation_id = ? AND p.year = ? ORDER BY p.version DESC LIMIT 1",
        (organisation_id, year),
    )
    return None if row is None else _issue(row)


def published_records(journal: Journal, organisation_id: int) -> list[PublishedRecord]:
    """The figures of every issue of the organisation, in the order they were issued."""
    records = []
    for row in journal.db.query(
        "SELECT id, year, version, issued_on, figures FROM published_reports "
        "WHERE organisation_id = ? ORDER BY id",
        (organisation_id,),
    ):
        figures = json.loads(row["figures"])
        records.append(
            PublishedRecord(
                issue_id=row["id"],
                report_year=row["year"],
                version=row["version"],
                issued_on=date.fromisoformat(row["issued_on"]),
                figures={int(year): cells for year, cells in figures.items()},
            )
        )
    return records


def record_issue(
    journal: Journal,
    organisation_id: int,
    year: int,
    *,
    issued_on: date,
    how: str,
    language: str,
    k: int,
    content_sha256: str,
    pdf_sha256: str,
    figures: Mapping[int, Mapping[str, Any]],
) -> tuple[Issue, bool]:
    """Store an issued report; returns the issue and whether it is a new version.

    Issuing the content of the latest version again records nothing new."""
    if how not in HOW:
        raise ValueError(f"unknown way of issuing {how!r}")
    with journal.db.transaction():
        latest = latest_issue(journal, organisation_id, year)
        if latest is not None and latest.content_sha256 == content_sha256:
            return latest, False
        version = 1 if latest is None else latest.version + 1
        payload = json.dumps(
            {str(y): dict(cells) for y, cells in sorted(figures.items())},
            sort_keys=True,
            ensure_ascii=False,
        )
        journal.db.execute(
            "INSERT INTO published_reports (organisation_id, year, version, issued_on, how, "
            "language, k, content_sha256, pdf_sha256, figures) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                organisation_id,
                year,
                version,
                issued_on.isoformat(),
                how,
                language,
                k,
                content_sha256,
                pdf_sha256,
                payload,
            ),
        )
        issue = latest_issue(journal, organisation_id, year)
    assert issue is not None
    return issue, True


# -- the figures as stored: what a later report can read back ---------------------------------

_YEAR = re.compile(r"(199[0-9]|2[01][0-9][0-9]|2200)")
_TOKEN = re.compile(r"lt|-|band:[0-9]{1,6}|[0-9]{1,6}(?:\.[0-9])?")
_MAX_CELL = 2**53 - 1
_MAX_TEXT = 100_000


def figures_problem(payload: str) -> str | None:
    """What is wrong with stored figures (English, names no value), or None.

    The figures of an issue are read back by every later report of the organisation, so
    figures that arrive from outside (an import) are held to exactly what the report writes:
    per year, cells that are a number or a short token; each table's shape a JSON object
    with its rows, each row with its number."""
    try:
        figures = json.loads(payload)
    except (ValueError, RecursionError):
        return "figures are not JSON"
    if not isinstance(figures, dict):
        return "figures must be an object of years"
    for year, cells in figures.items():
        if not _YEAR.fullmatch(year) or not isinstance(cells, dict):
            return "every year must be 1990 to 2200 and hold an object of cells"
        for key, value in cells.items():
            problem = _cell_problem(key, value, cells)
            if problem:
                return f"year {year}: {problem}"
    return None


def _cell_problem(key: str, value: Any, cells: Mapping[str, Any]) -> str | None:
    if not key or len(key) > 500:
        return "a cell has no name, or one that is too long"
    if isinstance(value, bool) or not isinstance(value, int | str):
        return "a cell must be a whole number or text"
    if isinstance(value, int):
        return None if 0 <= value <= _MAX_CELL else "a number is out of range"
    if len(value) > _MAX_TEXT:
        return "a cell's text is too long"
    table, _, rest = key.partition(":")
    if rest == "shape":
        return _shape_problem(table, value, cells)
    if key == "quarters":
        return None if value == "-" or _quarters(value) else "the quarters are not readable"
    if table in ("key", "time") and not _TOKEN.fullmatch(value):
        return "a key figure is not a number or a known token"
    return None


def _quarters(value: str) -> bool:
    try:
        found = json.loads(value)
    except ValueError:
        return False
    return (
        isinstance(found, list)
        and len(found) == 4
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in found)
    )


def _shape_problem(table: str, value: str, cells: Mapping[str, Any]) -> str | None:
    try:
        shape = json.loads(value)
    except (ValueError, RecursionError):
        return "a table's shape is not JSON"

    def codes(found: Any) -> bool:
        return isinstance(found, list) and all(isinstance(c, str) and c for c in found)

    if not isinstance(shape, dict) or not (
        codes(shape.get("rows"))
        and codes(shape.get("hidden"))
        and isinstance(shape.get("other"), bool)
        and isinstance(shape.get("multi"), bool)
        and (shape.get("dropped") is None or isinstance(shape.get("dropped"), str))
    ):
        return "a table's shape lacks its rows, hidden categories or kind"
    covers, within = shape.get("covers", []), shape.get("within", [])
    if not (
        isinstance(covers, list)
        and all(isinstance(c, list) and len(c) == 2 and codes(c[1]) for c in covers)
        and all(isinstance(c[0], str) for c in covers)
        and isinstance(within, list)
        and all(isinstance(w, list) and len(w) == 2 and codes(w) for w in within)
    ):
        return "a table's merged rows are not readable"
    if not shape["dropped"]:
        for code in shape["rows"]:
            number = cells.get(f"{table}:row:{code}")
            if isinstance(number, bool) or not isinstance(number, int):
                return "a row of a table has no number"
    return None
