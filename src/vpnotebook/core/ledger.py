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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .journal import Journal

HOW = ("pdf", "csv", "print", "cli")


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
