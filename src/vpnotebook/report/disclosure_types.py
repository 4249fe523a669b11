"""The disclosure engine's vocabulary: its policy, its reason codes, what it returns.

Plain data with no rules in it; disclosure.py is the engine's interface, and
disclosure_rules.py holds the rules that protect one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

RECOMMENDED_K = 5
MINIMUM_K = 3


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
