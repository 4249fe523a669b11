"""Retention: when a closed case is due for destruction, and the VP's decisions to keep it longer.

A closed case is due for destruction its organisation's `retention_years` after the closing
date. A case closed on 29 February is due on 1 March when the later year has no 29 February:
the full period has passed only then.

The VP may keep a case longer, with a reason and a new date. Every such decision is stored
(`retention_extensions`, inside the encrypted vault: the reason is the VP's own text about the
case); the newest one of a case wins over the computed date, so a decision can be revised.
Re-opening a case — by hand or by new activity (core/journal.py) — deletes its decisions: they
were about a closing that no longer stands, and once the case is closed again its date counts
afresh from the new closing. Destruction deletes them too (core/destruction.py).

Nothing here destroys anything. The Today screen lists what is due; a case is destroyed only
when the VP confirms it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from .fields import ValidationError, day, from_row, record_id, ref, text, to_row, validate
from .journal import Journal
from .models import Case, case_number

DUE_SOON_DAYS = 30
OVERDUE = "overdue"
DUE_SOON = "due_soon"
LATER = "later"


@dataclass
class RetentionExtension:
    """A row of `retention_extensions`: keep a closed case until a later date, and why."""

    case_id: int | None = ref("Melding", required=True)
    decided_on: date | None = day("Besloten op", required=True)
    keep_until: date | None = day("Bewaren tot", required=True)
    reason: str = text("Reden", required=True, max_length=2000)
    id: int | None = record_id()


@dataclass(frozen=True)
class RetentionStatus:
    """Where one closed, not yet destroyed case stands, seen from `today`."""

    case_id: int
    number: str
    organisation_id: int
    organisation: str
    retention_years: int
    closed_on: date
    computed_due: date  # closing date plus the organisation's retention period
    extension: RetentionExtension | None  # the VP's newest decision to keep it longer
    today: date

    @property
    def due_on(self) -> date:
        """From this day on the case is due for destruction."""
        if self.extension is not None and self.extension.keep_until is not None:
            return self.extension.keep_until
        return self.computed_due

    @property
    def days_left(self) -> int:
        """Days until the due date; 0 on the day itself, negative once it has passed."""
        return (self.due_on - self.today).days

    @property
    def state(self) -> str:
        if self.days_left <= 0:
            return OVERDUE
        if self.days_left <= DUE_SOON_DAYS:
            return DUE_SOON
        return LATER


def add_years(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a year without one
        return date(start.year + years, 3, 1)


def due_date(closed_on: date, retention_years: int) -> date:
    return add_years(closed_on, retention_years)


# The due date in SQL: SQLite's '+N years' turns 29 February into 1 March in a year without
# one, as add_years does; an extension's date (never NULL) wins over the computed one.
_COMPUTED_DUE = "date(c.closed_on, '+' || o.retention_years || ' years')"
_DUE_ON = f"coalesce(e.keep_until, {_COMPUTED_DUE})"
_NOT_DESTROYED_CLOSED = "c.status = 'closed' AND c.closed_on IS NOT NULL AND c.destroyed_on IS NULL"
_NEWEST_EXTENSION = (
    "LEFT JOIN retention_extensions e ON e.id = "
    "(SELECT max(id) FROM retention_extensions WHERE case_id = c.id) "
)


def retention_status(
    journal: Journal,
    today: date,
    *,
    case_id: int | None = None,
    due_by: date | None = None,
    limit: int | None = None,
) -> list[RetentionStatus]:
    """Every closed case that is not destroyed, soonest due first (or just `case_id`).

    `due_by` keeps the cases due on or before that day, `limit` the first so many. Both are
    applied in SQL: on a ten-year archive thousands of closed cases can be past their date.
    """
    rows = _status_rows(journal, case_id=case_id, due_by=due_by, limit=limit)
    return [_status(row, today) for row in rows]


def _status_rows(
    journal: Journal, *, case_id: int | None, due_by: date | None, limit: int | None
) -> list[Any]:
    where = _NOT_DESTROYED_CLOSED
    params: list[int | str] = []
    if case_id is not None:
        where += " AND c.id = ?"
        params.append(case_id)
    if due_by is not None:
        # The computed date first: it needs no look-up of extensions, and an extension only
        # ever moves the date later.
        where += f" AND {_COMPUTED_DUE} <= ? AND {_DUE_ON} <= ?"
        params += [due_by.isoformat(), due_by.isoformat()]
    # The count is taken before the limit: "50 shown of 2,998" in one query.
    return journal.db.query(
        "SELECT c.id, c.year, c.seq, c.closed_on, c.organisation_id, o.name, "
        "o.retention_years, e.id AS extension_id, e.decided_on, e.keep_until, e.reason, "
        f"{_DUE_ON} AS due_on, count(*) OVER () AS total "
        "FROM cases c JOIN organisations o ON o.id = c.organisation_id "
        f"{_NEWEST_EXTENSION}"
        f"WHERE {where} ORDER BY due_on, c.year, c.seq"
        + (f" LIMIT {int(limit)}" if limit is not None else ""),
        params,
    )


def _status(row: Any, today: date) -> RetentionStatus:
    closed_on = date.fromisoformat(row["closed_on"])
    extension = None
    if row["extension_id"] is not None:
        extension = RetentionExtension(
            case_id=row["id"],
            decided_on=date.fromisoformat(row["decided_on"]),
            keep_until=date.fromisoformat(row["keep_until"]),
            reason=row["reason"],
            id=row["extension_id"],
        )
    return RetentionStatus(
        case_id=row["id"],
        number=case_number(row["year"], row["seq"]),
        organisation_id=row["organisation_id"],
        organisation=row["name"],
        retention_years=row["retention_years"],
        closed_on=closed_on,
        computed_due=due_date(closed_on, row["retention_years"]),
        extension=extension,
        today=today,
    )


def due_for_destruction(
    journal: Journal, today: date, *, limit: int | None = None
) -> list[RetentionStatus]:
    """Overdue cases and those due within DUE_SOON_DAYS, most urgent first, for Today."""
    return due_for_destruction_and_total(journal, today, limit=limit)[0]


def due_for_destruction_and_total(
    journal: Journal, today: date, *, limit: int | None = None
) -> tuple[list[RetentionStatus], int]:
    """The first `limit` cases due_for_destruction lists, and how many it lists in all."""
    due_by = today + timedelta(days=DUE_SOON_DAYS)
    rows = _status_rows(journal, case_id=None, due_by=due_by, limit=limit)
    return [_status(row, today) for row in rows], (rows[0]["total"] if rows else 0)


def case_retention(journal: Journal, case_id: int, today: date) -> RetentionStatus | None:
    """The retention of one case; None while it is not closed, or once it is destroyed."""
    found = retention_status(journal, today, case_id=case_id)
    return found[0] if found else None


def keep_longer(
    journal: Journal, case_id: int, keep_until: date, reason: str, *, today: date
) -> RetentionExtension:
    """Record the VP's decision to keep a closed case until `keep_until`, and why."""
    journal.get(Case, case_id)  # NotFoundError for a case that is not there at all
    status = case_retention(journal, case_id, today)
    if status is None:
        raise ValidationError(
            "RetentionExtension",
            "case_id",
            "Alleen een afgesloten melding die nog niet vernietigd is, kunt u langer bewaren.",
            "only a closed case that is not destroyed can be kept longer",
        )
    extension = RetentionExtension(
        case_id=case_id, decided_on=today, keep_until=keep_until, reason=reason.strip()
    )
    validate(extension)
    earliest = max(status.computed_due, today)
    if keep_until <= earliest:
        raise ValidationError(
            "RetentionExtension",
            "keep_until",
            f"Kies een datum na {earliest.strftime('%d-%m-%Y')}: langer bewaren betekent "
            "later vernietigen dan de bewaartermijn en dan vandaag.",
            "keep_until must be after both the computed due date and today",
        )
    row = to_row(extension)
    with journal.db.transaction():
        cursor = journal.db.execute(
            "INSERT INTO retention_extensions (case_id, decided_on, keep_until, reason) "
            "VALUES (:case_id, :decided_on, :keep_until, :reason)",
            row,
        )
    assert cursor.lastrowid is not None  # every INSERT sets it
    return replace(extension, id=cursor.lastrowid)


def extensions_of(journal: Journal, case_id: int) -> list[RetentionExtension]:
    """Every decision to keep the case longer since it was last closed, oldest first."""
    return [
        from_row(RetentionExtension, row)
        for row in journal.db.query(
            "SELECT * FROM retention_extensions WHERE case_id = ? ORDER BY id", (case_id,)
        )
    ]
