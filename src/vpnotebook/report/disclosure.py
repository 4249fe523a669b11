"""Disclosure control for the anonymised annual report.

Pure functions over counts: no database, no Qt, no PDF. The rules and the argument why no
suppressed count can be recalculated are written down in ``docs/disclosure-policy.md``; the
comments here point at that argument rather than repeat it.

Only one-way tables exist. There is deliberately no cross-tabulation API, so figures such as
"relation to the accused by department" cannot be produced by this module at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

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

RECOMMENDED_K = 5
MINIMUM_K = 3
# The report compares the current year with at most four earlier years.
MAX_TREND_YEARS = 5
QUARTERS = ("Q1", "Q2", "Q3", "Q4")


class Reason(StrEnum):
    """Machine-readable reason codes; the GUI turns each into a Dutch sentence."""

    # Policy notice: k was lowered below the recommended 5.
    THRESHOLD_LOWERED = "threshold_lowered"
    # Categories with a count of 1..k-1 were folded into the "other" row.
    MERGED_SMALL = "merged_small"
    # Categories with a count of 0 were folded into the "other" row so that the reader cannot
    # tell an empty category from a small one.
    MERGED_ZERO = "merged_zero"
    # A larger category was folded in because "other" was still below k.
    MERGED_TO_REACH_THRESHOLD = "merged_to_reach_threshold"
    # A larger category was folded in because the parts of "other" could otherwise be worked
    # out from the published figures.
    MERGED_TO_PREVENT_DERIVATION = "merged_to_prevent_derivation"
    # Multi-valued table: a category with a count of 1..k-1 is not shown.
    SUPPRESSED_SMALL = "suppressed_small"
    # Multi-valued table: a category that all cases, or all but 1..k-1, carry is not shown
    # (homogeneity: whoever is known to have come to the VP would be known to have it).
    SUPPRESSED_NEAR_ALL = "suppressed_near_all"
    # Multi-valued table: once a category is left out, the empty ones are left out too, so
    # "not named: X" next to printed zeros cannot name X.
    SUPPRESSED_ZERO = "suppressed_zero"
    # Multi-valued table: a printed category left out as well, because the number of cases
    # minus the printed rows would otherwise give the hidden ones away.
    SUPPRESSED_TO_PREVENT_DERIVATION = "suppressed_to_prevent_derivation"
    # Multi-valued table with every category printed: one left out, because the printed
    # counts minus the number of cases would tell how many cases carry more than one (with
    # two categories: exactly how many carry both), a number from 1 to k-1.
    SUPPRESSED_OVERLAP = "suppressed_overlap"
    # Single-valued table: every case has the same value, so the table is not broken down.
    MERGED_ALL_ALIKE = "merged_all_alike"
    # Quarter figures are not shown because a quarter stays below k.
    QUARTERS_SUPPRESSED = "quarters_suppressed"
    # Whole table left out: the table's total is 1..k-1.
    DROPPED_TOTAL_BELOW_THRESHOLD = "dropped_total_below_threshold"
    # Whole table left out: the number of cases behind a multi-valued table is 1..k-1.
    DROPPED_UNITS_BELOW_THRESHOLD = "dropped_units_below_threshold"
    # Whole table left out: the organisation is too small for department figures.
    DROPPED_ORGANISATION_TOO_SMALL = "dropped_organisation_too_small"
    # Whole table left out: no safe grouping exists (defensive; see the policy document).
    DROPPED_CANNOT_PROTECT = "dropped_cannot_protect"
    # Notice only, for tables protected without the homogeneity rule (the caseload flow):
    # every case falls in one category.
    ALL_UNITS_IN_ONE_CATEGORY = "all_units_in_one_category"


class DisclosureError(ValueError):
    """A number that the policy forbids was about to be published."""


@dataclass(frozen=True)
class DisclosurePolicy:
    """The knobs of the policy. Only ``k`` may be lowered, and never below 3."""

    k: int = RECOMMENDED_K
    min_denominator: int = 10
    min_employees_for_departments: int = 50

    def __post_init__(self) -> None:
        for name in ("k", "min_denominator", "min_employees_for_departments"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"{name} must be an int, got {value!r}")
        if self.k < MINIMUM_K:
            raise ValueError(f"k must be at least {MINIMUM_K}, got {self.k}")
        if self.min_denominator < 1:
            raise ValueError("min_denominator must be at least 1")
        if self.min_employees_for_departments < 1:
            raise ValueError("min_employees_for_departments must be at least 1")

    @property
    def threshold_lowered(self) -> bool:
        return self.k < RECOMMENDED_K

    def is_publishable_count(self, count: int) -> bool:
        """The basic threshold rule: 0 or at least k."""
        return count == 0 or count >= self.k


DEFAULT_POLICY = DisclosurePolicy()


@dataclass(frozen=True)
class AuditEntry:
    """One step the engine took, for the VP's eyes only (never for the PDF).

    ``detail`` may hold the true small counts so the VP understands what happened; it is a
    tuple of pairs to keep the entry immutable and its order deterministic. ``within`` names
    the family row a step inside a family was about, and ``other_label`` the row its
    "other" meant there (report/grouped.py); both empty for a step on the table itself.
    """

    table: str
    reason: Reason
    labels: tuple[str, ...] = ()
    detail: tuple[tuple[str, int], ...] = ()
    within: str = ""
    other_label: str = ""

    def detail_map(self) -> dict[str, int]:
        return dict(self.detail)


@dataclass(frozen=True)
class ProtectedTable:
    """A one-way table that is safe to print exactly as it is.

    ``hidden_labels`` lists every input category that has no row of its own (folded into the
    ``other_label`` row, or suppressed in a multi-valued table). It may be printed as a
    footnote: it includes empty categories on purpose, so it says nothing the rows do not.
    ``units`` is the number of cases the table is about (the denominator for percentages);
    for a single-valued table it equals ``total``.

    A table of families (report/grouped.py) also has rows that stand for several categories:
    ``covers`` lists, per such row (and the "other" row), the categories it counts, and
    ``within`` says, in a multi-valued table, which rows count cases inside a family row
    ("of which"). Both are empty for a table of categories.
    """

    key: str
    rows: tuple[tuple[str, int], ...]
    total: int | None
    multi_valued: bool
    dropped: bool = False
    drop_reason: Reason | None = None
    other_label: str | None = None
    hidden_labels: tuple[str, ...] = ()
    units: int | None = None
    covers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    within: tuple[tuple[str, str], ...] = ()

    def covered_by(self, label: str) -> tuple[str, ...]:
        """The categories a merged row counts: its ``covers``, or for the "other" row of a
        table of categories, every hidden category."""
        found = dict(self.covers).get(label)
        if found is not None:
            return found
        return self.hidden_labels if label == self.other_label else ()


@dataclass(frozen=True)
class TrendTable:
    """The same one-way table for up to five years, oldest first, each protected on its own."""

    key: str
    years: tuple[tuple[int, ProtectedTable], ...]


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


def _policy_notice(key: str, policy: DisclosurePolicy) -> list[AuditEntry]:
    if policy.threshold_lowered:
        return [AuditEntry(key, Reason.THRESHOLD_LOWERED, (), (("k", policy.k),))]
    return []


def _dropped(key: str, multi_valued: bool, reason: Reason) -> ProtectedTable:
    return ProtectedTable(
        key=key, rows=(), total=None, multi_valued=multi_valued, dropped=True, drop_reason=reason
    )


def _other_is_underivable(
    shown: Sequence[tuple[int, int]], hidden: Sequence[int], other: int, k: int
) -> bool:
    """Certify that no part of the "other" row can be recalculated.

    ``shown`` holds (input position, count) of every row printed on its own, ``hidden`` the
    input positions folded into "other". The certificate exhibits families of alternative
    inputs that the merge rule maps to exactly this output (docs/disclosure-policy.md, section
    "The certificate"):

    * family A: every hidden category between 0 and k-1; it makes every proper part of
      "other" ambiguous as soon as ``other < len(hidden) * (k - 1)``;
    * family B(b): category ``b`` is the one large category pulled in to lift "other" to k,
      the rest sum to S in 1..k-1. ``b`` can only have been pulled in if it was not larger
      than any printed row, which bounds it by ``upper``.

    Two non-empty families, or one family with two possible values of S, leave every part
    of "other" that could be 1..k-1 with at least two possible values.
    """
    size = len(hidden)
    if size < 2 or other < k:
        return False
    cap = k - 1
    if other < size * cap:
        return True
    witnesses = 1 if other == size * cap else 0
    for position in hidden:
        # The merge picks the smallest count, earlier input position first on a tie, so b
        # can equal a printed row only if b comes first in the caller's order.
        upper = min(
            (count if position < row_position else count - 1 for row_position, count in shown),
            default=None,
        )
        low = 1 if upper is None else max(1, other - upper)
        high = min(k - 1, other - k)
        width = high - low + 1
        if width >= 2:
            return True
        if width == 1:
            witnesses += 1
            if witnesses >= 2:
                return True
    return False


def _protect_single_valued(
    key: str,
    labels: list[str],
    values: list[int],
    *,
    other_label: str,
    policy: DisclosurePolicy,
    show_zero_rows: bool,
    diverse: bool = True,
) -> tuple[ProtectedTable, list[AuditEntry]]:
    k = policy.k
    audit = _policy_notice(key, policy)
    total = sum(values)
    if 0 < total < k:
        audit.append(
            AuditEntry(
                key, Reason.DROPPED_TOTAL_BELOW_THRESHOLD, tuple(labels), (("total", total),)
            )
        )
        return _dropped(key, False, Reason.DROPPED_TOTAL_BELOW_THRESHOLD), audit

    positions = range(len(values))
    small = [i for i in positions if 0 < values[i] < k]
    zeros = [i for i in positions if values[i] == 0]

    alike = [i for i in positions if total > 0 and values[i] == total]
    if not small and not (diverse and alike):
        rows = tuple((labels[i], values[i]) for i in positions if values[i] or show_zero_rows)
        hidden = () if show_zero_rows else tuple(labels[i] for i in zeros)
        table = ProtectedTable(
            key=key, rows=rows, total=total, multi_valued=False, hidden_labels=hidden, units=total
        )
        audit.extend(_all_in_one_notice(key, rows, total))
        return table, audit
    if not small:
        # Homogeneity: every case has the same value. Printed, it would tell about anyone known
        # to have come to the VP what their case was; so nothing is broken down. The output
        # (everything under "other") is the one many mixed inputs give as well, so it names
        # no category (docs/disclosure-policy.md, "Homogeneity").
        if len(labels) < 2:
            audit.append(
                AuditEntry(key, Reason.DROPPED_CANNOT_PROTECT, tuple(labels), (("total", total),))
            )
            return _dropped(key, False, Reason.DROPPED_CANNOT_PROTECT), audit
        audit.append(
            AuditEntry(key, Reason.MERGED_ALL_ALIKE, (labels[alike[0]],), (("units", total),))
        )
        table = ProtectedTable(
            key=key,
            rows=((other_label, total),),
            total=total,
            multi_valued=False,
            other_label=other_label,
            hidden_labels=tuple(labels),
            units=total,
        )
        return table, audit

    merged: set[int] = set(small)
    other = sum(values[i] for i in small)
    audit.append(
        AuditEntry(
            key,
            Reason.MERGED_SMALL,
            tuple(labels[i] for i in small),
            tuple((labels[i], values[i]) for i in small),
        )
    )

    def next_smallest() -> int | None:
        candidates = [i for i in positions if i not in merged and values[i] > 0]
        return min(candidates, key=lambda i: (values[i], i), default=None)

    def fold_in(position: int, reason: Reason) -> None:
        nonlocal other
        merged.add(position)
        other += values[position]
        audit.append(
            AuditEntry(
                key,
                reason,
                (labels[position],),
                ((labels[position], values[position]), (other_label, other)),
            )
        )

    while other < k:
        candidate = next_smallest()
        if candidate is None:  # pragma: no cover - impossible once total >= k
            break
        fold_in(candidate, Reason.MERGED_TO_REACH_THRESHOLD)

    # Once an "other" row exists, empty categories join it: a printed 0 next to a missing
    # label would tell the reader that the missing one is 1..k-1 (or pulled in), which is
    # exactly the knowledge that makes small parts recalculable.
    if zeros:
        audit.append(
            AuditEntry(
                key,
                Reason.MERGED_ZERO,
                tuple(labels[i] for i in zeros),
                tuple((labels[i], 0) for i in zeros),
            )
        )

    while True:
        hidden_positions = sorted(merged.union(zeros))
        shown = [(i, values[i]) for i in positions if i not in merged and values[i] > 0]
        if _other_is_underivable(shown, hidden_positions, other, k):
            break
        candidate = next_smallest()
        if candidate is None:
            # Everything is already in "other"; with two or more categories this cannot be
            # reached (the certificate always holds), but never publish an uncertified table.
            audit.append(
                AuditEntry(key, Reason.DROPPED_CANNOT_PROTECT, tuple(labels), (("total", total),))
            )
            return _dropped(key, False, Reason.DROPPED_CANNOT_PROTECT), audit
        fold_in(candidate, Reason.MERGED_TO_PREVENT_DERIVATION)

    rows = (*((labels[i], v) for i, v in shown), (other_label, other))
    table = ProtectedTable(
        key=key,
        rows=rows,
        total=total,
        multi_valued=False,
        other_label=other_label,
        hidden_labels=tuple(labels[i] for i in hidden_positions),
        units=total,
    )
    audit.extend(_all_in_one_notice(key, rows[:-1], total))
    return table, audit


def _all_in_one_notice(key: str, rows: Sequence[tuple[str, int]], units: int) -> list[AuditEntry]:
    return [
        AuditEntry(key, Reason.ALL_UNITS_IN_ONE_CATEGORY, (label,), (("units", units),))
        for label, count in rows
        if units > 0 and count == units
    ]


def _protect_multi_valued(
    key: str,
    labels: list[str],
    values: list[int],
    *,
    units: int,
    policy: DisclosurePolicy,
) -> tuple[ProtectedTable, list[AuditEntry]]:
    # Counts do not add up to anything here, so an "other" row would be a sum of mentions
    # tied to nothing the reader can check; leaving categories out is simpler and provably
    # safe (policy document, "Multi-valued tables").
    k = policy.k
    audit = _policy_notice(key, policy)
    if 0 < units < k:
        audit.append(
            AuditEntry(
                key, Reason.DROPPED_UNITS_BELOW_THRESHOLD, tuple(labels), (("units", units),)
            )
        )
        return _dropped(key, True, Reason.DROPPED_UNITS_BELOW_THRESHOLD), audit

    positions = range(len(values))
    small = [i for i in positions if 0 < values[i] < k]
    # Homogeneity: all cases, or all but 1..k-1, carry it. The number of cases is printed
    # elsewhere, so "all but a few" would print the few as well, and "all" would tell about
    # anyone known to have come to the VP what their case was about.
    near_all = [i for i in positions if values[i] >= k and units - values[i] < k]
    hidden = set(small + near_all)
    zeros = [i for i in positions if values[i] == 0]
    if hidden and zeros:
        # A printed 0 next to "not named: X" says X is not empty; with only X hidden and the
        # rest 0, it says every case is about X. Empty and hidden must look alike.
        hidden.update(zeros)
    overlap: list[int] = []
    excess = sum(values) - units
    if not hidden and 0 < excess < k:
        # Everything printed, and every case known to carry at least one category: the
        # mentions beyond one per case are then excess, and with two categories they are
        # exactly the cases that carry both (8 cases, a=5, b=5: 2 carry both). One printed
        # category joins the hidden, and the remainder rule below takes it from there.
        smallest = min((i for i in positions if values[i] > 0), key=lambda i: (values[i], i))
        hidden.add(smallest)
        overlap.append(smallest)
        hidden.update(zeros)
    derived: list[int] = []
    while hidden:
        shown = [i for i in positions if i not in hidden and values[i] > 0]
        if _remainder_is_underivable(
            [values[i] for i in shown], len(hidden), units - sum(values[i] for i in shown), k
        ):
            break
        if not shown:
            # A table of one category, left out: nothing else can hide it.
            audit.append(
                AuditEntry(key, Reason.DROPPED_CANNOT_PROTECT, tuple(labels), (("units", units),))
            )
            return _dropped(key, True, Reason.DROPPED_CANNOT_PROTECT), audit
        smallest = min(shown, key=lambda i: (values[i], i))
        hidden.add(smallest)
        derived.append(smallest)
        if zeros:
            hidden.update(zeros)

    for reason, group in (
        (Reason.SUPPRESSED_SMALL, small),
        (Reason.SUPPRESSED_NEAR_ALL, near_all),
        (Reason.SUPPRESSED_ZERO, zeros if hidden else []),
        (Reason.SUPPRESSED_OVERLAP, overlap),
        (Reason.SUPPRESSED_TO_PREVENT_DERIVATION, derived),
    ):
        if group:
            extra = (("excess", excess),) if reason == Reason.SUPPRESSED_OVERLAP else ()
            audit.append(
                AuditEntry(
                    key,
                    reason,
                    tuple(labels[i] for i in group),
                    (*((labels[i], values[i]) for i in group), ("units", units), *extra),
                )
            )
    rows = tuple((labels[i], values[i]) for i in positions if i not in hidden)
    table = ProtectedTable(
        key=key,
        rows=rows,
        total=None,
        multi_valued=True,
        hidden_labels=tuple(labels[i] for i in sorted(hidden)),
        units=units,
    )
    return table, audit


def _remainder_is_underivable(shown: Sequence[int], hidden: int, remainder: int, k: int) -> bool:
    """Whether the hidden categories of a multi-valued table stay ambiguous.

    A reader may assume that most cases carry one category and take "cases minus printed
    rows" as the sum of the hidden ones (12 - 5 - 5 = 2). Under that assumption the hidden
    categories form an "other" row of ``remainder``; it must be 0 (more printed mentions than
    cases: the assumption fails on its face) or reach k with room for every part to vary,
    that is family A of the single-valued certificate: ``remainder < hidden * (k - 1)``.
    With nothing printed, every split (all cases in any one hidden category included) stays
    possible. One hidden category alone is never enough.
    """
    if hidden < 2:
        return False
    if not shown or remainder <= 0:
        return True
    return k <= remainder < hidden * (k - 1)


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
        return _protect_multi_valued(key, labels, values, units=units, policy=policy)
    if units is not None and units != sum(values):
        raise ValueError(
            f"units ({units}) differs from the sum of a single-valued table ({sum(values)})"
        )
    return _protect_single_valued(
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
        audit = _policy_notice(key, policy)
        detail = (("minimum", minimum),) + (
            () if employees is None else (("employees", employees),)
        )
        audit.append(AuditEntry(key, Reason.DROPPED_ORGANISATION_TOO_SMALL, (), detail))
        return _dropped(key, False, Reason.DROPPED_ORGANISATION_TOO_SMALL), audit
    return _protect_single_valued(
        key, labels, values, other_label=other_label, policy=policy, show_zero_rows=False
    )


def protect_quarters(
    key: str, counts_by_quarter: Sequence[int], *, policy: DisclosurePolicy = DEFAULT_POLICY
) -> tuple[tuple[int, int, int, int] | None, list[AuditEntry]]:
    """The four quarter counts if every one reaches k, else None (report the year only)."""
    if len(counts_by_quarter) != len(QUARTERS):
        raise ValueError(f"expected 4 quarter counts, got {len(counts_by_quarter)}")
    _, values = _validate_counts(dict(zip(QUARTERS, counts_by_quarter, strict=True)))
    audit = _policy_notice(key, policy)
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
