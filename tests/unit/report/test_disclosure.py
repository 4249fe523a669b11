"""Tests for the disclosure-control engine of the annual report.

Besides one test per rule, two kinds of "attacker" tests check the central promise that no
hidden count can be recalculated:

* ``_consistent_inputs`` plays an attacker who knows the rules, the category list and the
  printed table, and lists every input that would have produced exactly that table;
* the exhaustive tests run the engine over every small table and group the inputs by output.

A hidden count (or a sum of hidden counts) from 1 to k-1 that takes the same value in every
consistent input would be a leak.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vpnotebook.report.disclosure import (
    DEFAULT_POLICY,
    AuditEntry,
    DisclosureError,
    DisclosurePolicy,
    ProtectedTable,
    Reason,
    check_published,
    percentage,
    protect_departments,
    protect_quarters,
    protect_table,
    protect_trend,
    published_numbers,
    rate_per_100,
    table_percentages,
)

OTHER = "Overig"
OTHER_DEPARTMENTS = "Overige afdelingen"
CATEGORIES = (
    "intimidatie",
    "seksuele intimidatie",
    "pesten",
    "agressie en geweld",
    "discriminatie",
    "integriteit",
)


def _table(counts: Mapping[str, int], k: int = 5, **kwargs: object) -> ProtectedTable:
    table, _ = protect_table("t", counts, other_label=OTHER, policy=DisclosurePolicy(k=k), **kwargs)  # type: ignore[arg-type]
    return table


def _reasons(audit: list[AuditEntry]) -> list[Reason]:
    return [entry.reason for entry in audit]


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way to write ``total`` as an ordered sum of ``parts`` counts >= 0."""
    if parts == 0:
        if total == 0:
            yield ()
        return
    for cut in itertools.combinations(range(total + parts - 1), parts - 1):
        edges = (-1, *cut, total + parts - 1)
        yield tuple(edges[i + 1] - edges[i] - 1 for i in range(parts))


Protector = Callable[[dict[str, int]], ProtectedTable]


def _consistent_inputs(
    counts: dict[str, int], table: ProtectedTable, protect: Protector
) -> list[dict[str, int]]:
    """All inputs an attacker cannot tell apart from ``counts`` after reading ``table``.

    Printed rows fix their own counts; the hidden categories can be anything that adds up to
    the "other" row (or to 0 if there is none) and makes the engine print the same table.
    """
    printed = {label for label, _ in table.rows}
    hidden = [label for label in counts if label not in printed]
    other = dict(table.rows).get(table.other_label or "", 0)
    found = []
    for values in _compositions(other, len(hidden)):
        candidate = {
            label: (dict(zip(hidden, values, strict=True)).get(label, counts[label]))
            for label in counts
        }
        if protect(candidate) == table:
            found.append(candidate)
    return found


def _pinned_small_sums(
    truth: dict[str, int], hidden: list[str], inputs: list[dict[str, int]], k: int
) -> list[tuple[str, ...]]:
    """Groups of hidden categories whose true total is 1..k-1 and yet is the only possibility."""
    pinned = []
    for size in range(1, len(hidden) + 1):
        for group in itertools.combinations(hidden, size):
            true_sum = sum(truth[label] for label in group)
            if 0 < true_sum < k and {sum(c[label] for label in group) for c in inputs} == {
                true_sum
            }:
                pinned.append(group)
    return pinned


# --- policy ---------------------------------------------------------------------------------


def test_default_policy_is_five_ten_fifty() -> None:
    assert (DEFAULT_POLICY.k, DEFAULT_POLICY.min_denominator) == (5, 10)
    assert DEFAULT_POLICY.min_employees_for_departments == 50
    assert not DEFAULT_POLICY.threshold_lowered


@pytest.mark.parametrize("k", [3, 4])
def test_lowered_threshold_is_accepted_and_flagged_in_every_audit(k: int) -> None:
    policy = DisclosurePolicy(k=k)
    assert policy.threshold_lowered
    _, audit = protect_table("t", {"a": 9}, other_label=OTHER, policy=policy)
    assert audit[0] == AuditEntry("t", Reason.THRESHOLD_LOWERED, (), (("k", k),))
    _, quarter_audit = protect_quarters("q", [5, 5, 5, 5], policy=policy)
    assert Reason.THRESHOLD_LOWERED in _reasons(quarter_audit)


def test_stricter_threshold_is_accepted_without_notice() -> None:
    policy = DisclosurePolicy(k=8)
    _, audit = protect_table("t", {"a": 9, "b": 8}, other_label=OTHER, policy=policy)
    assert audit == []


@pytest.mark.parametrize("k", [2, 1, 0, -5])
def test_threshold_below_three_is_refused(k: int) -> None:
    with pytest.raises(ValueError, match="at least 3"):
        DisclosurePolicy(k=k)


def test_policy_rejects_nonsense_settings() -> None:
    with pytest.raises(TypeError):
        DisclosurePolicy(k=True)
    with pytest.raises(ValueError):
        DisclosurePolicy(min_denominator=0)
    with pytest.raises(ValueError):
        DisclosurePolicy(min_employees_for_departments=0)


# --- single-valued tables -------------------------------------------------------------------


def test_one_case_in_the_organisation_leaves_the_table_out() -> None:
    counts = dict.fromkeys(CATEGORIES, 0) | {"pesten": 1}
    table, audit = protect_table("aard", counts, other_label=OTHER)
    assert table.dropped
    assert table.drop_reason is Reason.DROPPED_TOTAL_BELOW_THRESHOLD
    assert (table.rows, table.total, table.units) == ((), None, None)
    assert published_numbers(table) == set()
    # The VP may see the true figure; the published table may not.
    assert audit[-1].detail_map() == {"total": 1}


def test_four_cases_in_one_category_never_print_a_four() -> None:
    counts = {"pesten": 4, "intimidatie": 6, "discriminatie": 0}
    table, audit = protect_table("aard", counts, other_label=OTHER)
    assert table.rows == ((OTHER, 10),)
    assert table.total == 10
    assert table.hidden_labels == ("pesten", "intimidatie", "discriminatie")
    assert 4 not in published_numbers(table)
    assert _reasons(audit) == [
        Reason.MERGED_SMALL,
        Reason.MERGED_TO_REACH_THRESHOLD,
        Reason.MERGED_ZERO,
    ]
    assert audit[0].labels == ("pesten",)
    assert audit[0].detail_map() == {"pesten": 4}


def test_four_cases_in_total_leave_the_table_out() -> None:
    table = _table({"pesten": 4, "intimidatie": 0})
    assert table.dropped and table.drop_reason is Reason.DROPPED_TOTAL_BELOW_THRESHOLD


def test_small_categories_merge_into_other_before_anything_else() -> None:
    table, audit = protect_table(
        "aard", {"a": 7, "b": 2, "c": 3, "d": 0, "e": 5}, other_label=OTHER
    )
    assert table.rows == (("a", 7), ("e", 5), (OTHER, 5))
    assert table.total == 17
    assert table.other_label == OTHER
    assert table.hidden_labels == ("b", "c", "d")
    assert _reasons(audit) == [Reason.MERGED_SMALL, Reason.MERGED_ZERO]


def test_other_below_k_takes_the_next_smallest_category_by_count() -> None:
    table, audit = protect_table("t", {"a": 8, "b": 6, "c": 1}, other_label=OTHER)
    assert table.rows == (("a", 8), (OTHER, 7))
    assert audit[1].reason is Reason.MERGED_TO_REACH_THRESHOLD
    assert audit[1].labels == ("b",)


def test_ties_are_broken_by_the_callers_label_order() -> None:
    assert _table({"a": 6, "b": 6, "c": 1}).rows == (("b", 6), (OTHER, 7))
    assert _table({"b": 6, "a": 6, "c": 1}).rows == (("a", 6), (OTHER, 7))


def test_table_without_small_counts_is_printed_as_is_with_zeros() -> None:
    table, audit = protect_table("t", {"a": 5, "b": 0, "c": 12}, other_label=OTHER)
    assert table.rows == (("a", 5), ("b", 0), ("c", 12))
    assert (table.total, table.other_label, table.hidden_labels) == (17, None, ())
    assert audit == []


def test_empty_and_all_zero_tables_print_zeros() -> None:
    assert _table({}).rows == ()
    assert _table({}).total == 0
    table = _table({"a": 0, "b": 0})
    assert (table.rows, table.total, table.dropped) == ((("a", 0), ("b", 0)), 0, False)


def test_other_that_could_be_recalculated_takes_in_one_more_category() -> None:
    # The plain rule would print a=5 and Overig=8. b and c are below 5 and a=5 comes first,
    # so b and c are at most 4 each: 8 can only be 4 + 4. The engine sees that and merges a.
    table, audit = protect_table("t", {"a": 5, "b": 4, "c": 4}, other_label=OTHER)
    assert table.rows == ((OTHER, 13),)
    assert _reasons(audit) == [Reason.MERGED_SMALL, Reason.MERGED_TO_PREVENT_DERIVATION]
    assert audit[1].labels == ("a",)


def test_other_pulled_up_by_a_category_equal_to_a_printed_row_is_protected() -> None:
    # Plain rule: c=4 alone, merge a=6 (ties with b, a first): print b=6, Overig=10. Then a
    # is at most 6 and c at most 4, so 10 = 6 + 4 exactly. Must not be printed like that.
    counts = {"a": 6, "b": 6, "c": 4}
    table = _table(counts)
    assert table.rows != (("b", 6), (OTHER, 10))
    inputs = _consistent_inputs(counts, table, lambda c: _table(c))
    assert _pinned_small_sums(counts, list(table.hidden_labels), inputs, 5) == []


def test_audit_is_separate_and_may_hold_the_true_small_counts() -> None:
    table, audit = protect_table("t", {"a": 9, "b": 2, "c": 3}, other_label=OTHER)
    assert table.rows == (("a", 9), (OTHER, 5))
    assert published_numbers(table) == {9, 5, 14}
    assert audit[0].detail_map() == {"b": 2, "c": 3}
    assert not any(isinstance(value, AuditEntry) for value in vars(table).values())


@pytest.mark.parametrize(
    ("counts", "kwargs", "error"),
    [
        ({"a": -1}, {}, ValueError),
        ({"a": True}, {}, TypeError),
        ({"a": 2.0}, {}, TypeError),
        ({"": 2}, {}, ValueError),
        ({OTHER: 7, "b": 1}, {}, ValueError),
        ({"a": 7}, {"units": 8}, ValueError),
        ({"a": 7}, {"multi_valued": True}, ValueError),
        ({"a": 7}, {"multi_valued": True, "units": 6}, ValueError),
        ({"a": 7}, {"multi_valued": True, "units": -1}, ValueError),
    ],
)
def test_bad_input_is_refused(
    counts: dict[str, int], kwargs: dict[str, object], error: type
) -> None:
    with pytest.raises(error):
        _table(counts, **kwargs)


def test_empty_other_label_is_refused() -> None:
    with pytest.raises(ValueError):
        protect_table("t", {"a": 7}, other_label="")


def test_single_valued_units_may_be_given_when_they_match() -> None:
    assert _table({"a": 7, "b": 0}, units=7).units == 7


def test_all_cases_in_one_category_are_not_broken_down() -> None:
    # Homogeneity: "7 of 7 about b" tells about anyone known to have come to the VP what it
    # was about. The table says only the total; any category could have held all 7.
    table, audit = protect_table("t", {"a": 0, "b": 7}, other_label=OTHER)
    assert table.rows == ((OTHER, 7),)
    assert table.hidden_labels == ("a", "b") and table.total == 7
    assert audit == [AuditEntry("t", Reason.MERGED_ALL_ALIKE, ("b",), (("units", 7),))]
    alike = _table({"a": 7, "b": 0})
    assert alike == table  # the same output whichever category it was


def test_without_the_homogeneity_rule_all_in_one_is_printed_and_flagged() -> None:
    table, audit = protect_table("t", {"a": 0, "b": 7}, other_label=OTHER, diverse=False)
    assert table.rows == (("a", 0), ("b", 7))
    assert audit == [AuditEntry("t", Reason.ALL_UNITS_IN_ONE_CATEGORY, ("b",), (("units", 7),))]


def test_a_table_of_one_category_cannot_hide_it() -> None:
    assert _table({"a": 7}).dropped
    assert _table({"a": 7}, multi_valued=True, units=7).dropped


# --- multi-valued tables --------------------------------------------------------------------


def test_multi_valued_table_never_prints_a_total_or_other_row() -> None:
    table, audit = protect_table(
        "aard",
        {"pesten": 12, "intimidatie": 3, "integriteit": 20, "discriminatie": 0, "agressie": 9},
        other_label=OTHER,
        multi_valued=True,
        units=20,
    )
    # integriteit (20 of 20) is homogeneous, intimidatie (3) small; the empty discriminatie
    # is hidden with them so "not named" cannot be told apart from "none".
    assert table.rows == (("pesten", 12), ("agressie", 9))
    assert (table.total, table.other_label, table.units) == (None, None, 20)
    assert table.hidden_labels == ("intimidatie", "integriteit", "discriminatie")
    assert _reasons(audit) == [
        Reason.SUPPRESSED_SMALL,
        Reason.SUPPRESSED_NEAR_ALL,
        Reason.SUPPRESSED_ZERO,
    ]


def test_multi_valued_five_of_six_cases_would_reveal_the_sixth() -> None:
    # Six cases (printed elsewhere), a=5 and b=1. "a=5 of 6" says one case is not about a,
    # which is a group of one, so a is left out just like b.
    table, audit = protect_table(
        "aard", {"a": 5, "b": 1}, other_label=OTHER, multi_valued=True, units=6
    )
    assert table.rows == ()
    assert table.hidden_labels == ("a", "b")
    assert _reasons(audit) == [Reason.SUPPRESSED_SMALL, Reason.SUPPRESSED_NEAR_ALL]
    assert audit[1].detail_map() == {"a": 5, "units": 6}


def test_multi_valued_six_of_six_is_not_printed_and_zeros_do_not_name_it() -> None:
    # The homogeneity example: all six cases about sexual harassment. Neither "6"
    # nor "0, 0, 0 and not named: sexual harassment" may say so.
    table = _table(
        dict.fromkeys(CATEGORIES, 0) | {"seksuele intimidatie": 6}, multi_valued=True, units=6
    )
    assert table.rows == ()
    assert set(table.hidden_labels) == set(CATEGORIES)


def test_multi_valued_cases_minus_printed_rows_does_not_give_a_hidden_count() -> None:
    # The subtraction example: 12 cases, a=5, b=5, c=2. A reader who takes one
    # category per case computes c = 12 - 5 - 5 = 2. So one printed row joins the hidden.
    table, audit = protect_table(
        "aard", {"a": 5, "b": 5, "c": 2}, other_label=OTHER, multi_valued=True, units=12
    )
    assert table.rows == (("b", 5),)
    assert table.hidden_labels == ("a", "c")
    assert Reason.SUPPRESSED_TO_PREVENT_DERIVATION in _reasons(audit)


def test_multi_valued_table_about_too_few_cases_is_left_out() -> None:
    table = _table({"a": 3, "b": 2}, multi_valued=True, units=4)
    assert table.dropped and table.drop_reason is Reason.DROPPED_UNITS_BELOW_THRESHOLD


def test_multi_valued_percentages_use_the_number_of_cases() -> None:
    table = _table({"a": 10, "b": 20}, multi_valued=True, units=40)
    assert table_percentages(table) == (("a", 25.0), ("b", 50.0))


# --- departments ----------------------------------------------------------------------------


def test_departments_need_a_large_enough_organisation() -> None:
    for employees in (None, 0, 49):
        table, audit = protect_departments(
            "afd", {"Sales": 30, "Inkoop": 6}, employees=employees, other_label=OTHER_DEPARTMENTS
        )
        assert table.dropped
        assert table.drop_reason is Reason.DROPPED_ORGANISATION_TOO_SMALL
        assert audit[-1].detail_map()["minimum"] == 50
    table, _ = protect_departments(
        "afd", {"Sales": 30, "Inkoop": 6}, employees=50, other_label=OTHER_DEPARTMENTS
    )
    assert table.rows == (("Sales", 30), ("Inkoop", 6))


def test_two_cases_in_one_department_are_never_shown() -> None:
    counts = {"Financiën": 2, "Verkoop": 9, "HR": 0, "Productie": 14}
    table, audit = protect_departments("afd", counts, employees=120, other_label=OTHER_DEPARTMENTS)
    assert table.rows == (("Productie", 14), (OTHER_DEPARTMENTS, 11))
    assert table.total == 25
    assert table.hidden_labels == ("Financiën", "Verkoop", "HR")
    assert 2 not in published_numbers(table)
    assert Reason.MERGED_SMALL in _reasons(audit)


def test_departments_without_cases_are_not_shown_either() -> None:
    table, _ = protect_departments(
        "afd", {"a": 6, "b": 0, "c": 8}, employees=80, other_label=OTHER_DEPARTMENTS
    )
    assert table.rows == (("a", 6), ("c", 8))
    assert table.hidden_labels == ("b",)


def test_department_table_that_cannot_be_protected_is_left_out() -> None:
    table, _ = protect_departments(
        "afd", {"a": 2, "b": 1}, employees=500, other_label=OTHER_DEPARTMENTS
    )
    assert table.dropped and table.drop_reason is Reason.DROPPED_TOTAL_BELOW_THRESHOLD


def test_department_label_may_not_clash_with_other_label() -> None:
    with pytest.raises(ValueError):
        protect_departments(
            "afd", {OTHER_DEPARTMENTS: 9}, employees=80, other_label=OTHER_DEPARTMENTS
        )


# --- quarters -------------------------------------------------------------------------------


def test_quarters_are_shown_only_when_every_quarter_reaches_k() -> None:
    assert protect_quarters("q", [5, 6, 7, 8]) == ((5, 6, 7, 8), [])
    quarters, audit = protect_quarters("q", [5, 4, 7, 8])
    assert quarters is None
    assert audit == [
        AuditEntry(
            "q",
            Reason.QUARTERS_SUPPRESSED,
            ("Q2",),
            (("Q1", 5), ("Q2", 4), ("Q3", 7), ("Q4", 8)),
        )
    ]


def test_an_empty_quarter_also_keeps_the_figures_at_year_level() -> None:
    quarters, audit = protect_quarters("q", [0, 9, 9, 9])
    assert quarters is None
    assert audit[0].labels == ("Q1",)


def test_quarters_follow_a_lowered_threshold() -> None:
    quarters, _ = protect_quarters("q", [3, 3, 4, 3], policy=DisclosurePolicy(k=3))
    assert quarters == (3, 3, 4, 3)


@pytest.mark.parametrize("quarters", [[5, 5, 5], [5, 5, 5, 5, 5], []])
def test_quarters_need_exactly_four_counts(quarters: list[int]) -> None:
    with pytest.raises(ValueError):
        protect_quarters("q", quarters)


# --- percentages and rates ------------------------------------------------------------------


def test_percentage_rules() -> None:
    assert percentage(5, 10) == 50.0
    assert percentage(0, 10) == 0.0
    assert percentage(10, 10) == 100.0
    assert percentage(5, 40) == 13.0  # 12.5 rounds half up, as readers expect
    assert percentage(5, 9) is None  # denominator below 10
    assert percentage(3, 20) is None  # part below k
    assert percentage(11, 10) is None
    assert percentage(-1, 10) is None
    assert percentage(3, 20, DisclosurePolicy(k=3)) == 15.0
    assert percentage(5, 12, DisclosurePolicy(min_denominator=20)) is None


def test_table_percentages_use_only_printed_rows() -> None:
    table = _table({"a": 7, "b": 2, "c": 3, "d": 8})
    assert table_percentages(table) == (("a", 35.0), ("d", 40.0), (OTHER, 25.0))
    small = _table({"a": 5, "b": 4})
    assert small.total == 9
    assert table_percentages(small) == ((OTHER, None),)
    assert table_percentages(_table({"a": 1})) == ()


def test_rate_per_100_employees() -> None:
    assert rate_per_100(12, 240) == 5.0
    assert rate_per_100(7, 300) == 2.3
    assert rate_per_100(5, 40) == 12.5
    assert rate_per_100(5, 1600) == 0.3  # 0.3125
    assert rate_per_100(6, 1600) == 0.4  # 0.375 rounds half up
    assert rate_per_100(0, 300) == 0.0
    assert rate_per_100(3, 300) is None
    assert rate_per_100(12, None) is None
    assert rate_per_100(12, 0) is None


# --- final guard ----------------------------------------------------------------------------


def test_check_published_is_the_last_line_of_defence() -> None:
    check_published([0, 5, 12, 100])
    with pytest.raises(DisclosureError, match=r"\[1, 4\]"):
        check_published([0, 4, 1, 12, 4])
    check_published([3, 4], DisclosurePolicy(k=3))
    with pytest.raises(DisclosureError):
        check_published([4], DisclosurePolicy(k=6))


# --- trends ---------------------------------------------------------------------------------


def test_trend_year_with_one_more_case_than_the_last() -> None:
    # Year N: a=5, b=2 ; year N+1: a=5, b=3 (one more case).
    trend, _ = protect_trend(
        "aard", {2023: {"a": 5, "b": 2}, 2024: {"a": 5, "b": 3}}, other_label=OTHER
    )
    tables = dict(trend.years)
    assert tables[2023].rows == ((OTHER, 7),)
    assert tables[2024].rows == ((OTHER, 8),)
    hidden_values = {2, 3, 5}
    for table in tables.values():
        check_published(published_numbers(table))
    # Differences within a year (row) and within a label across years (column).
    for table in tables.values():
        numbers = published_numbers(table)
        assert not {x - y for x in numbers for y in numbers if x > y} & hidden_values
    columns: defaultdict[str, list[int]] = defaultdict(list)
    for table in tables.values():
        for label, count in table.rows:
            columns[label].append(count)
        columns["total"].append(table.total or 0)
    for values in columns.values():
        assert not {abs(x - y) for x in values for y in values if x != y} & hidden_values


def test_trend_years_are_protected_independently_and_match_the_stand_alone_table() -> None:
    # Year 1 hides b and c inside Overig; year 2 prints b on its own. Because every year is
    # protected alone and nothing cumulative is printed, year 2 says nothing about year 1.
    years = {2022: {"a": 9, "b": 2, "c": 3}, 2023: {"a": 9, "b": 5, "c": 1}}
    trend, audit = protect_trend("aard", years, other_label=OTHER)
    assert [year for year, _ in trend.years] == [2022, 2023]
    assert dict(trend.years)[2022].rows == (("a", 9), (OTHER, 5))
    for year, table in trend.years:
        alone = _table(years[year])
        assert table.rows == alone.rows and table.total == alone.total
        assert table.key == f"aard/{year}"
        inputs = _consistent_inputs(years[year], table, lambda c: _table(c))
        assert _pinned_small_sums(years[year], list(table.hidden_labels), inputs, 5) == []
    assert {entry.table for entry in audit} == {"aard/2022", "aard/2023"}


def test_trend_covers_at_most_five_years() -> None:
    years = {2019 + i: {"a": 5} for i in range(6)}
    with pytest.raises(ValueError):
        protect_trend("t", years, other_label=OTHER)
    with pytest.raises(ValueError):
        protect_trend("t", {}, other_label=OTHER)


def test_multi_valued_trend_needs_units_per_year() -> None:
    trend, _ = protect_trend(
        "t",
        {2023: {"a": 6, "b": 2}, 2024: {"a": 9, "b": 9}},
        other_label=OTHER,
        multi_valued=True,
        units_by_year={2023: 12, 2024: 18},
    )
    # 2023: b is small and alone, so 12 - 6 would give it away; a is left out with it.
    # 2024: 9 + 9 mentions of 18 cases say nothing about how many carry both.
    assert [table.rows for _, table in trend.years] == [(), (("a", 9), ("b", 9))]


# --- exhaustive attacker over all small tables ----------------------------------------------


def _leaks_over_all_tables(protect: Protector, labels: int, k: int, max_total: int) -> list:
    """Group every input with total <= max_total by its output; find pinned small sums.

    The printed total fixes the input's total, so each group is complete.
    """
    names = [chr(ord("a") + i) for i in range(labels)]
    groups: defaultdict[tuple, list[dict[str, int]]] = defaultdict(list)
    for total in range(max_total + 1):
        for values in _compositions(total, labels):
            counts = dict(zip(names, values, strict=True))
            table = protect(counts)
            groups[(table.dropped, table.rows, table.total)].append(counts)
    leaks = []
    for (dropped, rows, _), inputs in groups.items():
        if dropped:
            continue
        hidden = [name for name in names if name not in dict(rows)]
        for size in range(1, len(hidden) + 1):
            for group in itertools.combinations(hidden, size):
                sums = {sum(counts[label] for label in group) for counts in inputs}
                if len(sums) == 1 and 0 < min(sums) < k:
                    leaks.append((rows, group, sums))
    return leaks


@pytest.mark.parametrize(
    ("k", "labels", "max_total"),
    [(3, 3, 16), (3, 4, 11), (4, 4, 12), (5, 3, 21), (5, 4, 14), (7, 3, 24)],
)
def test_no_small_count_can_be_recalculated_from_any_small_table(
    k: int, labels: int, max_total: int
) -> None:
    policy = DisclosurePolicy(k=k)

    def protect(counts: dict[str, int]) -> ProtectedTable:
        return protect_table("t", counts, other_label=OTHER, policy=policy)[0]

    assert _leaks_over_all_tables(protect, labels, k, max_total) == []


@pytest.mark.parametrize(("k", "labels", "max_total"), [(3, 4, 10), (5, 3, 18)])
def test_no_small_department_count_can_be_recalculated(k: int, labels: int, max_total: int) -> None:
    policy = DisclosurePolicy(k=k)

    def protect(counts: dict[str, int]) -> ProtectedTable:
        return protect_departments(
            "afd", counts, employees=100, other_label=OTHER_DEPARTMENTS, policy=policy
        )[0]

    assert _leaks_over_all_tables(protect, labels, k, max_total) == []


@pytest.mark.parametrize(("k", "labels", "max_units"), [(3, 3, 7), (5, 3, 11), (4, 2, 14)])
def test_no_small_multi_valued_count_can_be_recalculated(
    k: int, labels: int, max_units: int
) -> None:
    # The attacker knows the number of cases and that each case has at least one category.
    policy = DisclosurePolicy(k=k)
    names = [chr(ord("a") + i) for i in range(labels)]
    for units in range(max_units + 1):
        groups: defaultdict[tuple, list[dict[str, int]]] = defaultdict(list)
        for values in itertools.product(range(units + 1), repeat=labels):
            if sum(values) < units:
                continue
            counts = dict(zip(names, values, strict=True))
            table, _ = protect_table(
                "t", counts, other_label=OTHER, policy=policy, multi_valued=True, units=units
            )
            groups[(table.dropped, table.rows)].append(counts)
        for (dropped, rows), inputs in groups.items():
            if dropped:
                continue
            for name in (n for n in names if n not in dict(rows)):
                possible = {c[name] for c in inputs}
                assert len(possible) >= 2, (units, rows, name, possible)


# --- property tests -------------------------------------------------------------------------

small_counts = st.one_of(st.integers(0, 12), st.integers(0, 80))


@st.composite
def count_tables(draw: st.DrawFn) -> tuple[int, dict[str, int]]:
    k = draw(st.integers(3, 10))
    labels = draw(st.lists(st.sampled_from("abcdefghij"), unique=True, max_size=9))
    return k, {label: draw(small_counts) for label in labels}


@settings(max_examples=200, deadline=None)
@given(count_tables())
def test_property_single_valued(case: tuple[int, dict[str, int]]) -> None:
    k, counts = case
    policy = DisclosurePolicy(k=k)
    table, audit = protect_table("t", counts, other_label=OTHER, policy=policy)
    true_total = sum(counts.values())
    # (1) no count from 1 to k-1 is printed
    check_published(published_numbers(table), policy)
    if table.dropped:
        assert 0 < true_total < k or (len(counts) == 1 and true_total > 0)
        return
    # (2) the total is the true total and the exact sum of the rows: nothing hidden outside
    assert table.total == true_total == sum(count for _, count in table.rows)
    # (3) every label is either its own row (with its true count) or inside "other"
    printed = dict(table.rows)
    assert not set(printed) & set(table.hidden_labels)
    assert set(counts) == (set(printed) - {OTHER}) | set(table.hidden_labels)
    for label, count in counts.items():
        if label in printed:
            assert printed[label] == count
        if 0 < count < k:
            assert label in table.hidden_labels
    if table.other_label is not None:
        assert printed[OTHER] >= k
        assert printed[OTHER] == sum(counts[label] for label in table.hidden_labels)
        assert len(table.hidden_labels) >= 2
    else:
        assert all(counts[label] == 0 for label in table.hidden_labels)
    # (4) same input, same output, same audit
    assert protect_table("t", dict(counts), other_label=OTHER, policy=policy) == (table, audit)


@settings(max_examples=200, deadline=None)
@given(count_tables(), st.integers(0, 80))
def test_property_multi_valued(case: tuple[int, dict[str, int]], extra: int) -> None:
    k, counts = case
    units = max(counts.values(), default=0) + extra
    policy = DisclosurePolicy(k=k)
    table, audit = protect_table(
        "t", counts, other_label=OTHER, policy=policy, multi_valued=True, units=units
    )
    check_published(published_numbers(table), policy)
    assert table.total is None
    if table.dropped:
        assert 0 < units < k or len(counts) == 1
        return
    for label, count in table.rows:
        assert count == counts[label]
        assert count == 0 or k <= count <= units - k  # never small, never (nearly) all
    if table.hidden_labels:
        assert len(table.hidden_labels) >= 2
        assert all(count > 0 for _, count in table.rows)  # zeros hide with the rest
    assert set(counts) == set(dict(table.rows)) | set(table.hidden_labels)
    assert protect_table(
        "t", dict(counts), other_label=OTHER, policy=policy, multi_valued=True, units=units
    ) == (table, audit)


@settings(max_examples=200, deadline=None)
@given(count_tables(), st.integers(0, 200))
def test_property_departments(case: tuple[int, dict[str, int]], employees: int) -> None:
    k, counts = case
    policy = DisclosurePolicy(k=k)
    table, _ = protect_departments(
        "afd", counts, employees=employees, other_label=OTHER_DEPARTMENTS, policy=policy
    )
    if employees < policy.min_employees_for_departments:
        assert table.dropped
        return
    if table.dropped:
        assert 0 < sum(counts.values()) < k or len(counts) == 1
        return
    # Every shown department (and "other departments") reaches k.
    assert all(count >= k for _, count in table.rows)


@st.composite
def small_tables(draw: st.DrawFn) -> tuple[int, dict[str, int]]:
    k = draw(st.integers(3, 10))
    size = draw(st.integers(2, 5))
    return k, {f"c{i}": draw(st.integers(0, 2 * k)) for i in range(size)}


@settings(max_examples=60, deadline=None)
@given(small_tables())
def test_property_attacker_cannot_pin_any_hidden_small_count(
    case: tuple[int, dict[str, int]],
) -> None:
    k, counts = case
    policy = DisclosurePolicy(k=k)

    def protect(candidate: dict[str, int]) -> ProtectedTable:
        return protect_table("t", candidate, other_label=OTHER, policy=policy)[0]

    table = protect(counts)
    if table.dropped or table.other_label is None:
        return
    hidden = list(table.hidden_labels)
    if dict(table.rows)[OTHER] > 24 or len(hidden) > 4:
        return  # keep the enumeration fast; the exhaustive tests cover the rest
    inputs = _consistent_inputs(counts, table, protect)
    assert counts in inputs
    assert _pinned_small_sums(counts, hidden, inputs, k) == []


# --- homogeneity and subtraction: the attacker with more assumptions ---------------------------
#
# Two more kinds of leak, from the issue: a value that every case (or all but fewer than k)
# shares tells about anyone known to have come to the VP what their case was (homogeneity);
# and "cases minus printed rows" or printed zeros next to "not named: X" pin a hidden count
# (subtraction). The attacker below groups every input of a reader's model by its printed
# table and looks for a hidden count narrowed to one value, a hidden sum narrowed to 1..k-1,
# or a category that holds more than N - k cases in every input the reader cannot rule out.


def _homogeneous_labels(
    inputs: list[dict[str, int]], units: int, k: int, hidden: tuple[str, ...] = ()
) -> list[str]:
    """Labels that all cases, or all but fewer than k, carry in every input the reader cannot
    rule out; or a hidden label that is the only one any case can carry (zeros elsewhere:
    "not named: X" then names X)."""
    if units <= 0:
        return []
    possible = [label for label in inputs[0] if any(counts[label] for counts in inputs)]
    if len(possible) == 1 and possible[0] in hidden:
        return possible
    return [label for label in inputs[0] if all(units - counts[label] < k for counts in inputs)]


def _narrowed(
    inputs: list[dict[str, int]], hidden: list[str], k: int
) -> list[tuple[tuple[str, ...], set[int]]]:
    found = []
    for size in range(1, len(hidden) + 1):
        for group in itertools.combinations(hidden, size):
            sums = {sum(counts[label] for label in group) for counts in inputs}
            if len(sums) == 1 and ((size == 1 and min(sums) > 0) or 0 < min(sums) < k):
                found.append((group, sums))
    return found


@pytest.mark.parametrize(
    ("k", "labels", "max_total"), [(3, 3, 14), (3, 4, 10), (4, 3, 16), (5, 3, 18), (5, 4, 12)]
)
def test_single_valued_tables_never_show_a_homogeneous_group(
    k: int, labels: int, max_total: int
) -> None:
    policy = DisclosurePolicy(k=k)
    names = [chr(ord("a") + i) for i in range(labels)]
    groups: defaultdict[tuple, list[dict[str, int]]] = defaultdict(list)
    for total in range(max_total + 1):
        for values in _compositions(total, labels):
            counts = dict(zip(names, values, strict=True))
            table = protect_table("t", counts, other_label=OTHER, policy=policy)[0]
            groups[(table.dropped, table.rows, table.total)].append(counts)
    for (dropped, rows, total), inputs in groups.items():
        if dropped:
            continue
        hidden_labels = tuple(name for name in names if name not in dict(rows))
        assert _homogeneous_labels(inputs, total, k, hidden_labels) == [], (rows, total)
        hidden = [name for name in names if name not in dict(rows)]
        assert _narrowed(inputs, hidden, k) == [], rows


def _multi_inputs(model: str, units: int, labels: int) -> Iterator[tuple[int, ...]]:
    """Every count vector a reader of the given model thinks possible for ``units`` cases."""
    if model == "one per case":
        yield from _compositions(units, labels)
        return
    for values in itertools.product(range(units + 1), repeat=labels):
        if model == "at least one" and sum(values) < units:
            continue
        yield values


@pytest.mark.parametrize("model", ["no assumption", "at least one", "one per case"])
@pytest.mark.parametrize(
    ("k", "labels", "max_units"), [(3, 3, 9), (3, 4, 7), (4, 3, 12), (5, 3, 13), (5, 2, 16)]
)
def test_multi_valued_tables_leak_nothing_under_any_reading(
    model: str, k: int, labels: int, max_units: int
) -> None:
    policy = DisclosurePolicy(k=k)
    names = [chr(ord("a") + i) for i in range(labels)]
    for units in range(max_units + 1):
        groups: defaultdict[tuple, list[dict[str, int]]] = defaultdict(list)
        for values in _multi_inputs(model, units, labels):
            counts = dict(zip(names, values, strict=True))
            table, _ = protect_table(
                "t", counts, other_label=OTHER, policy=policy, multi_valued=True, units=units
            )
            groups[(table.dropped, table.rows, table.hidden_labels)].append(counts)
        for (dropped, rows, hidden), inputs in groups.items():
            if dropped:
                continue
            assert _homogeneous_labels(inputs, units, k, hidden) == [], (model, units, rows)
            assert _narrowed(inputs, list(hidden), k) == [], (model, units, rows, hidden)


def test_the_homogeneity_and_subtraction_tests_catch_the_old_rules() -> None:
    """The attacker above is not blind: the rules of before this change fail it."""
    k, units = 5, 6
    names = ["a", "b", "c"]

    def leaks(model: str) -> list[tuple]:
        old_rule: dict[tuple, list[dict[str, int]]] = {}
        for values in _multi_inputs(model, units, 3):
            counts = dict(zip(names, values, strict=True))
            # The old rule: print 0, all, or k..units-k; hide the rest; zeros printed.
            rows = tuple(
                (n, c) for n, c in counts.items() if c in (0, units) or k <= c <= units - k
            )
            old_rule.setdefault(rows, []).append(counts)
        return [
            rows
            for rows, inputs in old_rule.items()
            if _homogeneous_labels(inputs, units, k, tuple(n for n in names if n not in dict(rows)))
            or _narrowed(inputs, [n for n in names if n not in dict(rows)], k)
        ]

    assert (("a", 6), ("b", 0), ("c", 0)) in leaks("at least one")  # "6 of 6 about a"
    assert (("b", 0), ("c", 0)) in leaks("no assumption")  # zeros + "not named: a"
    # 12 cases, a=5, b=5 printed, c hidden: one category per case gives c = 2.
    twelve = [(5, 5, c) for c in range(1, 5)]
    assert {12 - 5 - 5} == {c for a, b, c in twelve if a + b + c == 12}
