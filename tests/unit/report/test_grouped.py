"""Families as rows (report/grouped.py): exhaustive attackers on small tables.

The attacker knows the rules, the families, the number of cases and every printed row. For
each small table it lists every input that would have printed the same thing, and looks for:

* a **hidden cell**: any group of cases (for a single-valued table a set of categories; for
  a multi-valued one any yes/no combination of categories, "a and not b", "more than one")
  whose number is the same in every such input and lies between 1 and k-1;
* a **homogeneous k-group**: a category that all cases, or all but fewer than k, carry in
  every such input; or a category that every case of a printed family row (or of a row that
  stands for several categories) carries in every such input.

Multi-valued inputs are enumerated case by case (each case a set of categories), because a
family row counts cases, not mentions, and the overlaps are exactly what it could give away.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vpnotebook.report.disclosure import DisclosurePolicy, ProtectedTable, protect_table
from vpnotebook.report.grouped import Part, protect_grouped
from vpnotebook.report.published import check_revision, table_cells

OTHER = "Overig"


def _parts(layout: Sequence[str]) -> list[Part]:
    """ "a|bc|d" style layouts: a family per run of letters."""
    return [
        Part(f"F{chunk}", tuple(chunk), f"R{chunk}") if len(chunk) > 1 else Part(chunk, (chunk,))
        for chunk in layout
    ]


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    if parts == 0:
        if total == 0:
            yield ()
        return
    for cut in itertools.combinations(range(total + parts - 1), parts - 1):
        edges = (-1, *cut, total + parts - 1)
        yield tuple(edges[i + 1] - edges[i] - 1 for i in range(parts))


def _basis(vectors: list[tuple[int, ...]]) -> list[list[Fraction]]:
    """A basis of the differences between the vectors (what the attacker cannot pin)."""
    basis: list[tuple[int, list[Fraction]]] = []
    first = vectors[0]
    for vector in vectors[1:]:
        row = [Fraction(a - b) for a, b in zip(vector, first, strict=True)]
        for pivot, known in basis:
            if row[pivot]:
                factor = row[pivot] / known[pivot]
                row = [x - factor * y for x, y in zip(row, known, strict=True)]
        nonzero = next((i for i, x in enumerate(row) if x), None)
        if nonzero is not None:
            basis.append((nonzero, row))
    return [row for _, row in basis]


def _pinned(
    vectors: list[tuple[int, ...]], cell: Sequence[int], basis: list[list[Fraction]]
) -> int | None:
    """The value of the cell (a set of positions) if it is the same in every vector."""
    if any(sum(row[i] for i in cell) for row in basis):
        return None
    return sum(vectors[0][i] for i in cell)


# -- single-valued ----------------------------------------------------------------------------


Engine = Callable[..., ProtectedTable]


def _grouped(
    counts: dict[str, int], parts: list[Part], policy: DisclosurePolicy, **kw: Any
) -> ProtectedTable:
    return protect_grouped("t", counts, parts, other_label=OTHER, policy=policy, **kw)[0]


def _single_leaks(
    layout: Sequence[str], k: int, max_total: int, engine: Engine = _grouped
) -> list[tuple]:
    parts = _parts(layout)
    names = [m for part in parts for m in part.members]
    policy = DisclosurePolicy(k=k)
    groups: defaultdict[tuple, list[tuple[int, ...]]] = defaultdict(list)
    tables: dict[tuple, ProtectedTable] = {}
    for total in range(max_total + 1):
        for values in _compositions(total, len(names)):
            counts = dict(zip(names, values, strict=True))
            table = engine(counts, parts, policy)
            key = (table.dropped, table.rows, table.total)
            groups[key].append(values)
            tables[key] = table
    leaks = []
    for key, inputs in groups.items():
        table = tables[key]
        if table.dropped:
            continue
        basis = _basis(inputs)
        total = table.total or 0
        for size in range(1, len(names) + 1):
            for cell in itertools.combinations(range(len(names)), size):
                value = _pinned(inputs, cell, basis)
                if value is not None and 0 < value < k:
                    leaks.append(("small cell", table.rows, [names[i] for i in cell], value))
        for i, name in enumerate(names):
            if total and all(total - values[i] < k for values in inputs):
                leaks.append(("all but fewer than k", table.rows, name))
        for row, covered in table.covers:
            size = dict(table.rows)[row]
            for name in covered:
                i = names.index(name)
                if size and all(values[i] == size for values in inputs):
                    leaks.append(("whole merged row", table.rows, row, name))
    return leaks


@pytest.mark.parametrize(
    ("layout", "k", "max_total"),
    [
        (("a", "bc", "d"), 3, 13),
        (("a", "bc", "d"), 5, 18),
        (("abc", "d"), 3, 13),
        (("abc", "d"), 4, 15),
        (("ab", "cd"), 3, 12),
        (("ab", "cd"), 5, 16),
        (("abc", "de"), 3, 10),
        (("a", "b", "cde"), 3, 10),
    ],
)
def test_a_single_valued_table_of_families_leaks_nothing(
    layout: tuple[str, ...], k: int, max_total: int
) -> None:
    assert _single_leaks(layout, k, max_total) == []


def test_a_table_of_families_says_more_than_a_table_of_categories() -> None:
    # Roles at a realistic size: 8 employees, no manager, and 3, 1, 1, 0 in four small roles.
    counts = {"emp": 8, "mgr": 0, "temp": 3, "intern": 1, "vol": 1, "ex": 0}
    alone, _ = protect_table("t", counts, other_label=OTHER)
    assert alone.rows == (("emp", 8), (OTHER, 5))  # Overig: the manager and the small roles
    parts = [Part("emp", ("emp",)), Part("mgr", ("mgr",)), _flex()]
    grouped, _ = protect_grouped("t", counts, parts, other_label=OTHER)
    # The small roles are a family of 5: a row of their own, and no Overig at all.
    assert grouped.rows == (("emp", 8), ("mgr", 0), ("Flex", 5))
    assert dict(grouped.covers) == {"Flex": ("temp", "intern", "vol", "ex")}
    # One manager more, and the family of 5 must keep that one company: Overig again.
    counts["mgr"] = 1
    grouped, _ = protect_grouped("t", counts, parts, other_label=OTHER)
    assert grouped.rows == (("emp", 8), (OTHER, 6))
    assert dict(grouped.covers) == {OTHER: ("mgr", "temp", "intern", "vol", "ex")}


def _flex() -> Part:
    return Part("Flex", ("temp", "intern", "vol", "ex"), "Overige flex")


def test_a_family_opens_up_into_its_members_where_that_is_safe() -> None:
    counts = {"a": 9, "b": 6, "c": 5, "d": 2, "e": 3}
    parts = [Part("a", ("a",)), Part("F", ("b", "c", "d", "e"), "Overige F")]
    table, audit = protect_grouped("t", counts, parts, other_label=OTHER)
    # The family of 16 shows b and c; d and e together are its "Overige F".
    assert table.rows == (("a", 9), ("b", 6), ("c", 5), ("Overige F", 5))
    assert table.total == 25
    assert dict(table.covers) == {"Overige F": ("d", "e")}
    assert table.hidden_labels == ("d", "e")
    assert any(entry.within == "F" and entry.other_label == "Overige F" for entry in audit)


def test_a_family_whose_members_cannot_be_shown_stays_one_row() -> None:
    counts = {"a": 9, "b": 4, "c": 3, "d": 0}
    parts = [Part("a", ("a",)), Part("F", ("b", "c", "d"), "Overige F")]
    table, _ = protect_grouped("t", counts, parts, other_label=OTHER)
    assert table.rows == (("a", 9), ("F", 7))
    assert dict(table.covers) == {"F": ("b", "c", "d")}
    assert table.hidden_labels == ("b", "c", "d")


@settings(max_examples=150, deadline=None)
@given(st.integers(3, 7), st.lists(st.integers(0, 30), min_size=1, max_size=7))
def test_categories_on_their_own_are_protected_exactly_as_before(k: int, values: list[int]) -> None:
    counts = {chr(ord("a") + i): v for i, v in enumerate(values)}
    policy = DisclosurePolicy(k=k)
    parts = [Part(name, (name,)) for name in counts]
    assert protect_grouped("t", counts, parts, other_label=OTHER, policy=policy) == protect_table(
        "t", counts, other_label=OTHER, policy=policy
    )


@settings(max_examples=200, deadline=None)
@given(
    st.integers(3, 8),
    st.lists(st.integers(0, 25), min_size=6, max_size=6),
    st.sampled_from([("a", "bc", "def"), ("abc", "def"), ("ab", "c", "d", "ef"), ("abcdef",)]),
)
def test_property_every_printed_row_of_families_is_true_and_safe(
    k: int, values: list[int], layout: tuple[str, ...]
) -> None:
    parts = _parts(layout)
    names = [m for part in parts for m in part.members]
    counts = dict(zip(names, values, strict=True))
    policy = DisclosurePolicy(k=k)
    table, _ = protect_grouped("t", counts, parts, other_label=OTHER, policy=policy)
    total = sum(values)
    if table.dropped:
        # One family of everything is one category to the first step: it cannot hide it.
        assert 0 < total < k or (len(parts) == 1 and total > 0)
        return
    printed = dict(table.rows)
    assert table.total == total == sum(printed.values())
    for label, count in table.rows:
        assert count == 0 or count >= k
        covered = table.covered_by(label)
        assert count == (sum(counts[c] for c in covered) if covered else counts[label])
    # every category exactly once: its own row or inside one merged row
    inside = [c for label, _ in table.rows for c in table.covered_by(label)]
    own = [label for label, _ in table.rows if label in counts]
    assert sorted(inside + own) == sorted(names)


# -- multi-valued, case by case -----------------------------------------------------------------


def _case_types(labels: int, empty: bool) -> list[frozenset[int]]:
    return [
        frozenset(combo)
        for size in range(0 if empty else 1, labels + 1)
        for combo in itertools.combinations(range(labels), size)
    ]


def _multi_leaks(
    layout: Sequence[str], k: int, units: int, *, empty: bool, engine: Engine = _grouped
) -> list[tuple]:
    parts = _parts(layout)
    names = [m for part in parts for m in part.members]
    types = _case_types(len(names), empty)
    policy = DisclosurePolicy(k=k)
    groups: defaultdict[tuple, list[tuple[int, ...]]] = defaultdict(list)
    tables: dict[tuple, ProtectedTable] = {}
    for vector in _compositions(units, len(types)):
        counts = {
            n: sum(v for t, v in zip(types, vector, strict=True) if i in t)
            for i, n in enumerate(names)
        }
        unions = {
            part.label: sum(
                v
                for t, v in zip(types, vector, strict=True)
                if any(names.index(m) in t for m in part.members)
            )
            for part in parts
            if part.is_family
        }
        table = engine(counts, parts, policy, multi_valued=True, units=units, unions=unions)
        key = (table.dropped, table.rows)
        groups[key].append(vector)
        tables[key] = table
    leaks = []
    atoms = range(len(types))
    label_cells = {n: [j for j in atoms if i in types[j]] for i, n in enumerate(names)}
    for part in parts:
        if part.is_family:
            label_cells[part.label] = [
                j for j in atoms if any(names.index(m) in types[j] for m in part.members)
            ]
    for key, inputs in groups.items():
        table = tables[key]
        if table.dropped:
            continue
        basis = _basis(inputs)
        # every yes/no combination of categories: any set of case types
        for size in range(1, len(types)):
            for cell in itertools.combinations(atoms, size):
                value = _pinned(inputs, cell, basis)
                if value is not None and 0 < value < k:
                    leaks.append(
                        ("small cell", table.rows, [sorted(types[j]) for j in cell], value)
                    )
        # sums of mentions of hidden categories ("12 cases minus 5 and 5")
        hidden = [n for n in names if n not in dict(table.rows)]
        for size in range(1, len(hidden) + 1):
            for group in itertools.combinations(hidden, size):
                sums = {sum(sum(v[j] for j in label_cells[n]) for n in group) for v in inputs}
                if len(sums) == 1 and 0 < min(sums) < k:
                    leaks.append(("small sum", table.rows, group, sums))
        for label, cell in label_cells.items():
            if units and all(units - sum(v[j] for j in cell) < k for v in inputs):
                leaks.append(("all but fewer than k", table.rows, label))
        for member, family in table.within:
            size = dict(table.rows)[family]
            if all(sum(v[j] for j in label_cells[member]) == size for v in inputs):
                leaks.append(("whole family", table.rows, family, member))
    return leaks


MULTI_CASES = [
    (("ab", "c"), 3, 7, False),
    (("ab", "c"), 3, 8, True),
    (("ab", "c"), 4, 9, False),
    (("ab", "c"), 5, 11, False),
    (("abc",), 3, 8, False),
    (("ab", "c"), 5, 10, True),
]


@pytest.mark.parametrize(("layout", "k", "max_units", "empty"), MULTI_CASES)
def test_a_multi_valued_table_of_families_leaks_nothing_case_by_case(
    layout: tuple[str, ...], k: int, max_units: int, empty: bool
) -> None:
    for units in range(max_units + 1):
        assert _multi_leaks(layout, k, units, empty=empty) == [], units


@pytest.mark.parametrize(("k", "units"), [(3, 8), (5, 12)])
def test_the_case_by_case_attacker_finds_the_overlap_a_full_table_used_to_give_away(
    k: int, units: int
) -> None:
    """Every case carries a or b, both printed: a + b - cases is the number carrying both.
    The engine now leaves one out (`suppressed_overlap`); the attacker sees the old rule."""
    half = units - k
    counts = {"a": half, "b": half}
    table, audit = protect_table(
        "t", counts, other_label=OTHER, multi_valued=True, units=units, policy=DisclosurePolicy(k=k)
    )
    assert table.rows == () and "suppressed_overlap" in [e.reason for e in audit]
    assert _multi_leaks(("a", "b"), k, units, empty=False) == []


def test_a_family_row_counts_cases_and_names_members_only_where_safe() -> None:
    # 24 cases. 7 were referred to HR, 8 to their manager; 15 to care: 10 to the company
    # doctor, 6 to the social worker and 3 to the GP (some to more than one).
    counts = {"hr": 7, "manager": 8, "doctor": 10, "social": 6, "gp": 3}
    parts = [Part("hr", ("hr",)), Part("manager", ("manager",)), _care()]
    table, audit = protect_grouped(
        "t", counts, parts, other_label=OTHER, multi_valued=True, units=24, unions={"Zorg": 15}
    )
    # Inside the 15 cases of care a member needs 5 and at most 15 - 5. The GP's 3 is small,
    # and one hidden member alone could be worked out by subtraction, so the smallest shown
    # member (the social worker) keeps it company; the doctor's 10 is shown.
    assert table.rows == (("hr", 7), ("manager", 8), ("Zorg", 15), ("doctor", 10))
    assert dict(table.within) == {"doctor": "Zorg"}
    assert dict(table.covers) == {"Zorg": ("doctor", "social", "gp")}
    assert table.hidden_labels == ("social", "gp")
    assert {e.within for e in audit} == {"Zorg"}
    # Without the family the same parties are shown, but not how many cases went to care.
    alone, _ = protect_table("t", counts, other_label=OTHER, multi_valued=True, units=24)
    assert alone.rows == (("hr", 7), ("manager", 8), ("doctor", 10))


def _care() -> Part:
    return Part("Zorg", ("doctor", "social", "gp"))


def test_a_multi_valued_family_needs_its_number_of_cases() -> None:
    parts = [Part("F", ("a", "b"))]
    with pytest.raises(ValueError):
        protect_grouped("t", {"a": 5, "b": 5}, parts, other_label=OTHER, multi_valued=True, units=9)
    with pytest.raises(ValueError):  # 11 cases with a or b cannot come from 5 + 5 mentions
        protect_grouped(
            "t",
            {"a": 5, "b": 5},
            parts,
            other_label=OTHER,
            multi_valued=True,
            units=12,
            unions={"F": 11},
        )


@pytest.mark.parametrize(
    "parts",
    [
        [Part("a", ("a",)), Part("x", ("b",))],  # a category on its own keeps its label
        [Part("a", ("a",))],  # b is missing
        [Part("a", ("a", "b"), "R")],  # a family may not take a category's label
        [Part("F", ("a", "b"), OTHER)],  # nor may its rest take the other label
        [Part("F", ("a", "b"), "")],  # a single-valued family needs a rest label
    ],
)
def test_parts_must_hold_every_category_once_under_a_label_of_their_own(parts: list[Part]) -> None:
    with pytest.raises(ValueError):
        protect_grouped("t", {"a": 5, "b": 5}, parts, other_label=OTHER)


# -- the published history: a table of families and its revision --------------------------------


@pytest.mark.parametrize(
    ("layout", "k", "max_total"), [(("a", "bc", "d"), 3, 9), (("ab", "cd"), 4, 9)]
)
def test_a_published_table_of_families_and_its_revision_never_narrow_a_hidden_cell(
    layout: tuple[str, ...], k: int, max_total: int
) -> None:
    """Every pair (published input, input now with cases added): the reader sees the
    published table and, where the ledger's revision check lets it through, the new one. No
    set of categories may come down to one small number in either year or in between."""
    parts = _parts(layout)
    names = [m for part in parts for m in part.members]
    codes = {part.label: part.label for part in parts} | {p.rest_label: p.rest_label for p in parts}
    policy = DisclosurePolicy(k=k)
    inputs = [v for total in range(max_total + 1) for v in _compositions(total, len(names))]
    tables = {
        v: protect_grouped(
            "t", dict(zip(names, v, strict=True)), parts, other_label=OTHER, policy=policy
        )[0]
        for v in inputs
    }
    seen: defaultdict[tuple, list[tuple[int, ...]]] = defaultdict(list)
    for old in inputs:
        if sum(old) > max_total - k:
            continue  # its later inputs would be cut off by the enumeration, not by the rules
        old_cells = table_cells("t", tables[old], codes)
        for new in inputs:
            if any(n < o for n, o in zip(new, old, strict=True)):
                continue
            revision = check_revision(
                table_cells("t", tables[new], codes),
                old_cells,
                {key: {value} for key, value in old_cells.items()},
                k=k,
            )
            shown = (tables[new].rows, tables[new].total) if revision.allowed else None
            diff = tuple(n - o for n, o in zip(new, old, strict=True))
            seen[(tables[old].rows, tables[old].total, shown)].append((*old, *new, *diff))
    width = len(names)
    for key, vectors in seen.items():
        basis = _basis(vectors)
        for size in range(1, width + 1):
            for group in itertools.combinations(range(width), size):
                for offset in (0, width, 2 * width):  # published, now, the difference
                    value = _pinned(vectors, [offset + i for i in group], basis)
                    assert value is None or not 0 < value < k, (key, group, offset, value)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(3, 7),
    st.lists(st.sets(st.sampled_from("abcdef"), max_size=3), max_size=40),
    st.sampled_from([("a", "bc", "def"), ("abc", "def"), ("ab", "c", "d", "ef")]),
)
def test_property_every_row_of_a_multi_valued_table_of_families_is_true(
    k: int, cases: list[set[str]], layout: tuple[str, ...]
) -> None:
    parts = _parts(layout)
    counts = {name: sum(name in case for case in cases) for name in "abcdef"}
    unions = {
        part.label: sum(bool(case & set(part.members)) for case in cases)
        for part in parts
        if part.is_family
    }
    units = len(cases)
    table, _ = protect_grouped(
        "t",
        counts,
        parts,
        other_label=OTHER,
        policy=DisclosurePolicy(k=k),
        multi_valued=True,
        units=units,
        unions=unions,
    )
    if table.dropped:
        assert 0 < units < k
        return
    within = dict(table.within)
    for label, count in table.rows:
        # the number of cases the row is about: a family counts cases, not mentions
        assert count == (unions[label] if label in unions else counts[label])
        assert count == 0 or k <= count <= units - k
        if label in within:
            parent = dict(table.rows)[within[label]]
            assert count == 0 or k <= count <= parent - k
    assert set(table.hidden_labels) == set(counts) - set(dict(table.rows))
    assert {family for family in within.values()} <= {p.label for p in parts if p.is_family}


# -- the attackers are not blind: a family made of what is left leaks ---------------------------


def _what_is_left(
    counts: dict[str, int], parts: list[Part], policy: DisclosurePolicy, **kw: Any
) -> ProtectedTable:
    """The tempting alternative: categories as today, then one row per family for its
    members that were not named, then what remains in "other" (or left unnamed)."""
    multi = {key: kw[key] for key in ("multi_valued", "units") if key in kw}
    table, _ = protect_table("t", counts, other_label=OTHER, policy=policy, **multi)
    if table.dropped:
        return table
    rows = [row for row in table.rows if row[0] != OTHER]
    hidden = list(table.hidden_labels)
    other = dict(table.rows).get(OTHER, 0)
    for part in parts:
        inside = [m for m in part.members if m in hidden]
        if len(inside) < 2:
            continue
        if kw.get("multi_valued"):
            value = kw["unions"][part.label]  # all its members hidden: the family's cases
            if inside == list(part.members) and policy.k <= value <= kw["units"] - policy.k:
                rows.append((part.label, value))
            continue
        value = sum(counts[m] for m in inside)
        if value >= policy.k and (other - value == 0 or other - value >= policy.k):
            rows.append((part.label, value))
            other -= value
    if other:
        rows.append((OTHER, other))
    return replace(table, rows=tuple(rows))


def test_the_attackers_catch_a_family_made_of_what_is_left() -> None:
    # Single-valued, k=5: "family of the small b and c: 8, Overig 5" can only be 4 + 4.
    leaks = _single_leaks(("a", "bc", "d"), 5, 13, engine=_what_is_left)
    assert any(
        kind == "small cell" and rows == (("Fbc", 8), (OTHER, 5)) and value == 4
        for kind, rows, *rest, value in (leak for leak in leaks if len(leak) == 4)
    )
    # Multi-valued, k=5, 11 cases each with a category: "a 6, family of the hidden b, c: 6"
    # says exactly one case has a and one of b, c.
    leaks = _multi_leaks(("a", "bc"), 5, 11, empty=False, engine=_what_is_left)
    assert any(
        kind == "small cell" and rows == (("a", 6), ("Fbc", 6)) and value == 1
        for kind, rows, *rest, value in (leak for leak in leaks if len(leak) == 4)
    )
    # The engine as built, on the same inputs, leaks nothing.
    assert _single_leaks(("a", "bc", "d"), 5, 13) == []
    assert _multi_leaks(("a", "bc"), 5, 11, empty=False) == []
