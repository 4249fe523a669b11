"""Disclosure control for the anonymised annual report.

Pure functions over counts: no database, no Qt, no PDF. The rules and the argument why no
suppressed count can be recalculated are written down in ``docs/disclosure-policy.md``; the
comments here point at that argument rather than repeat it.

Only one-way tables exist. There is deliberately no cross-tabulation API, so figures such as
"relation to the accused by department" cannot be produced by this module at all.

This module is the engine's interface: it checks what it is given and hands one table to the
rules in disclosure_rules.py. Its vocabulary (the policy, the reason codes, the protected
table) is kept in disclosure_types.py and offered here as part of the interface.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from .disclosure_rules import (
    dropped_table,
    policy_notice,
    protect_multi_valued,
    protect_single_valued,
)
from .disclosure_types import (
    DEFAULT_POLICY,
    RECOMMENDED_K,
    AuditEntry,
    DisclosureError,
    DisclosurePolicy,
    ProtectedTable,
    Reason,
    TrendTable,
)

__all__ = [
    "DEFAULT_POLICY",
    "MAX_TREND_YEARS",
    "RECOMMENDED_K",
    "AuditEntry",
    "DisclosureError",
    "DisclosurePolicy",
    "ProtectedTable",
    "Reason",
    "TrendTable",
    "check_published",
    "percentage",
    "protect_departments",
    "protect_quarters",
    "protect_table",
    "protect_trend",
    "published_numbers",
    "rate_per_100",
    "table_percentages",
]

# The report compares the current year with at most four earlier years.
MAX_TREND_YEARS = 5
QUARTERS = ("Q1", "Q2", "Q3", "Q4")


def _validate_counts(counts: Mapping[str, int]) -> tuple[list[str], list[int]]:
    labels: list[str] = []
    values: list[int] = []
    for label, count in counts.items():
        if not isinstance(label, str) or not label:
            raise ValueError(f"category labels must be non-empty strings, got {label!r}")
        if not isinstance(count, int) or isinstance(count, bool):
            raise TypeError(f"count for {label!r} must be an int, got {count!r}")
        if count < 0:
            raise ValueError(f"count for {label!r} is negative: {count}")
        labels.append(label)
        values.append(count)
    return labels, values


def protect_table(
    key: str,
    counts: Mapping[str, int],
    *,
    other_label: str,
    policy: DisclosurePolicy = DEFAULT_POLICY,
    multi_valued: bool = False,
    units: int | None = None,
    diverse: bool = True,
) -> tuple[ProtectedTable, list[AuditEntry]]:
    """Protect one one-way frequency table.

    ``counts`` is ordered: the order is the printing order and breaks ties when merging.
    Single-valued tables (every case counted once) fold small categories into
    ``other_label`` and print a total. Multi-valued tables (a case may carry several
    categories) need ``units``, the number of cases, because that number is printed
    elsewhere in the report; they never print a total or an "other" row.

    ``diverse`` (the default) adds the homogeneity rule: no category that every case, or all
    but fewer than k, shares is printed. Only the caseload flow (open or closed, which is not
    a fact about the reporter) turns it off.
    """
    labels, values = _validate_counts(counts)
    if not other_label:
        raise ValueError("other_label must be a non-empty string")
    if other_label in counts:
        raise ValueError(
            f"other_label {other_label!r} is also a category; rename one of them so the merged "
            "row cannot be mistaken for that category"
        )
    if multi_valued:
        if units is None:
            raise ValueError("a multi-valued table needs units (the number of cases)")
        if units < 0:
            raise ValueError(f"units is negative: {units}")
        too_many = [label for label, count in counts.items() if count > units]
        if too_many:
            raise ValueError(f"counts exceed the number of cases ({units}) for {too_many}")
        return protect_multi_valued(key, labels, values, units=units, policy=policy)
    if units is not None and units != sum(values):
        raise ValueError(
            f"units ({units}) differs from the sum of a single-valued table ({sum(values)})"
        )
    return protect_single_valued(
        key,
        labels,
        values,
        other_label=other_label,
        policy=policy,
        show_zero_rows=True,
        diverse=diverse,
    )


def protect_departments(
    key: str,
    counts: Mapping[str, int],
    *,
    employees: int | None,
    other_label: str,
    policy: DisclosurePolicy = DEFAULT_POLICY,
) -> tuple[ProtectedTable, list[AuditEntry]]:
    """Cases per department, only for organisations of at least the policy's minimum size.

    Every printed department reaches k; departments without cases are not printed either,
    so a printed department always stands for at least k cases.
    """
    labels, values = _validate_counts(counts)
    if not other_label or other_label in counts:
        raise ValueError("other_label must be non-empty and differ from every department")
    minimum = policy.min_employees_for_departments
    if employees is None or employees < minimum:
        audit = policy_notice(key, policy)
        detail = (("minimum", minimum),) + (
            () if employees is None else (("employees", employees),)
        )
        audit.append(AuditEntry(key, Reason.DROPPED_ORGANISATION_TOO_SMALL, (), detail))
        return dropped_table(key, False, Reason.DROPPED_ORGANISATION_TOO_SMALL), audit
    return protect_single_valued(
        key, labels, values, other_label=other_label, policy=policy, show_zero_rows=False
    )


def protect_quarters(
    key: str, counts_by_quarter: Sequence[int], *, policy: DisclosurePolicy = DEFAULT_POLICY
) -> tuple[tuple[int, int, int, int] | None, list[AuditEntry]]:
    """The four quarter counts if every one reaches k, else None (report the year only)."""
    if len(counts_by_quarter) != len(QUARTERS):
        raise ValueError(f"expected 4 quarter counts, got {len(counts_by_quarter)}")
    _, values = _validate_counts(dict(zip(QUARTERS, counts_by_quarter, strict=True)))
    audit = policy_notice(key, policy)
    if all(count >= policy.k for count in values):
        return (values[0], values[1], values[2], values[3]), audit
    below = tuple(q for q, count in zip(QUARTERS, values, strict=True) if count < policy.k)
    audit.append(
        AuditEntry(
            key, Reason.QUARTERS_SUPPRESSED, below, tuple(zip(QUARTERS, values, strict=True))
        )
    )
    return None, audit


def protect_trend(
    key: str,
    counts_by_year: Mapping[int, Mapping[str, int]],
    *,
    other_label: str,
    policy: DisclosurePolicy = DEFAULT_POLICY,
    multi_valued: bool = False,
    units_by_year: Mapping[int, int] | None = None,
) -> tuple[TrendTable, list[AuditEntry]]:
    """The same one-way table for the current and up to four earlier years.

    Each year is protected on its own by exactly the rules of ``protect_table``, so the row
    for the current year is identical to the stand-alone table. No cumulative figures and no
    differences are produced: those are what would let one year be subtracted from another.
    """
    if not counts_by_year:
        raise ValueError("a trend table needs at least one year")
    if len(counts_by_year) > MAX_TREND_YEARS:
        raise ValueError(f"a trend covers at most {MAX_TREND_YEARS} years")
    years: list[tuple[int, ProtectedTable]] = []
    audit: list[AuditEntry] = []
    for year in sorted(counts_by_year):
        units = None if units_by_year is None else units_by_year.get(year)
        table, year_audit = protect_table(
            f"{key}/{year}",
            counts_by_year[year],
            other_label=other_label,
            policy=policy,
            multi_valued=multi_valued,
            units=units,
        )
        years.append((year, table))
        audit.extend(year_audit)
    return TrendTable(key=key, years=tuple(years)), audit


def _round_half_up(value: Decimal, places: int) -> float:
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def percentage(part: int, whole: int, policy: DisclosurePolicy = DEFAULT_POLICY) -> float | None:
    """``part`` as a whole-number percentage of ``whole``, or None when not allowed.

    Both must be printable counts (0 or at least k) and ``whole`` at least the policy's
    minimum denominator. The caller must pass figures that are themselves printed; use
    ``table_percentages`` to get that guarantee from a protected table.
    """
    if part < 0 or part > whole or whole < policy.min_denominator:
        return None
    if not (policy.is_publishable_count(part) and policy.is_publishable_count(whole)):
        return None
    return _round_half_up(Decimal(part) * 100 / Decimal(whole), 0)


def table_percentages(
    table: ProtectedTable, policy: DisclosurePolicy = DEFAULT_POLICY
) -> tuple[tuple[str, float | None], ...]:
    """Percentages of the printed rows against the table's number of cases."""
    if table.dropped or table.units is None:
        return ()
    return tuple((label, percentage(count, table.units, policy)) for label, count in table.rows)


def rate_per_100(
    count: int, employees: int | None, policy: DisclosurePolicy = DEFAULT_POLICY
) -> float | None:
    """Cases per 100 employees, one decimal, only from a printable total and a known size."""
    if employees is None or employees <= 0 or count < 0:
        return None
    if not policy.is_publishable_count(count):
        return None
    return _round_half_up(Decimal(count) * 100 / Decimal(employees), 1)


def published_numbers(table: ProtectedTable) -> set[int]:
    """Every count the table would print (rows and total)."""
    if table.dropped:
        return set()
    numbers = {count for _, count in table.rows}
    if table.total is not None:
        numbers.add(table.total)
    return numbers


def check_published(numbers: Iterable[int], policy: DisclosurePolicy = DEFAULT_POLICY) -> None:
    """Last guard before printing: raise if any count from 1 to k-1 is about to appear."""
    forbidden = sorted({n for n in numbers if 0 < n < policy.k})
    if forbidden:
        raise DisclosureError(
            f"refusing to print counts below the threshold k={policy.k}: {forbidden}"
        )
