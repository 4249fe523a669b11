"""How much of an annual report survives protection at a realistic size (8-25 cases a year).

Run: `python -m benchmarks.report_usefulness`. Draws organisations of n cases from the cases
the demo generator plans (`vpnotebook demo`: the same profiles, routes, referrals and
outcomes, planned without a vault), protects every table about the year's new cases at k=5
twice, once one category per row (`protect_table`) and once with the families of
report/grouping.py (`protect_grouped`), and prints per size and table:

* shows: how often the table prints more than its total (a row other than Overig with a
  count in it);
* rows: the mean number of such rows;
* named: the mean share of the non-empty categories that are counted in a row other than
  Overig (on their own or inside a family row).

Figures, not pass/fail: docs/disclosure-policy.md quotes them.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from vpnotebook.core import taxonomy as tx
from vpnotebook.core.annual import UNRECORDED
from vpnotebook.core.demo_cases import _CasePlanner
from vpnotebook.core.demo_plan import _Org
from vpnotebook.report import grouping as gr
from vpnotebook.report.disclosure import DisclosurePolicy, ProtectedTable, protect_table
from vpnotebook.report.grouped import Part, protect_grouped

SIZES = (8, 12, 16, 20, 25)
RUNS = 400
POOL = 12_000
POLICY = DisclosurePolicy(k=5)
OTHER = "Overig"


@dataclass(frozen=True)
class Case:
    """What the report counts of one planned case."""

    contact_type: str
    reporter_role: str
    relation: str
    categories: frozenset[str]
    routes: frozenset[str]
    referrals: frozenset[str]
    outcome: str | None  # None: not closed; otherwise the outcome (or UNRECORDED)


def case_pool(size: int = POOL, seed: int = 12) -> list[Case]:
    """Cases as the demo generator plans them (profile and timeline), without a vault."""
    filler = _CasePlanner(None, random.Random(seed), date(2026, 11, 28))  # type: ignore[arg-type]
    org = _Org(1, "Voorbeeld", 300, [(1, "Afdeling")], 20.0)
    pool = []
    for index in range(size):
        plan = filler.plan_profile(index, [org])
        filler.plan_timeline(plan)
        pool.append(
            Case(
                contact_type=plan.contact_type,
                reporter_role=plan.role,
                relation=plan.relation or UNRECORDED,
                categories=frozenset(plan.categories),
                routes=frozenset(r.route for r in plan.routes),
                referrals=frozenset(r.party for r in plan.referrals),
                outcome=(plan.outcome or UNRECORDED) if plan.is_closed else None,
            )
        )
    return pool


SINGLE: Mapping[str, tuple[str, ...]] = {
    "contact_types": tx.CONTACT_TYPES.codes,
    "reporter_roles": tx.REPORTER_ROLES.codes,
    "relations": (*tx.RELATIONS.codes, UNRECORDED),
    "outcomes": (*tx.CASE_OUTCOMES.codes, UNRECORDED),  # n closed cases instead of n new
}
MULTI: Mapping[str, tuple[str, ...]] = {
    "categories": tx.CATEGORIES.codes,
    "routes": tx.ROUTES.codes,
    "referrals": tx.REFERRAL_PARTIES.codes,
}


def parts(table: str, codes: tuple[str, ...]) -> list[Part]:
    return [
        Part(f"{gr.FAMILY}{f.code}", members, f"{gr.REST}{f.code}")
        if f is not None
        else Part(members[0], members)
        for f, members in gr.partition(table, list(codes))
    ]


def protect_both(
    table: str, cases: list[Case]
) -> tuple[dict[str, int], ProtectedTable, ProtectedTable]:
    if table in SINGLE:
        codes = SINGLE[table]
        counts = dict.fromkeys(codes, 0)
        for case in cases:
            counts[getattr(case, table.removesuffix("s"))] += 1
        flat, _ = protect_table("t", counts, other_label=OTHER, policy=POLICY)
        grouped, _ = protect_grouped(
            "t", counts, parts(table, codes), other_label=OTHER, policy=POLICY
        )
        return counts, flat, grouped
    codes = MULTI[table]
    sets = [getattr(case, table) for case in cases]
    counts = {code: sum(code in found for found in sets) for code in codes}
    table_parts = parts(table, codes)
    unions = {
        part.label: sum(bool(found & set(part.members)) for found in sets)
        for part in table_parts
        if part.is_family
    }
    kwargs = {"other_label": OTHER, "policy": POLICY, "multi_valued": True, "units": len(cases)}
    flat, _ = protect_table("t", counts, **kwargs)  # type: ignore[arg-type]
    grouped, _ = protect_grouped("t", counts, table_parts, unions=unions, **kwargs)  # type: ignore[arg-type]
    return counts, flat, grouped


def measures(counts: Mapping[str, int], table: ProtectedTable) -> tuple[bool, int, float]:
    rows = [label for label, count in table.rows if count and label != table.other_label]
    named = {c for label in rows for c in (table.covered_by(label) or (label,))}
    non_empty = [code for code, count in counts.items() if count]
    share = sum(1 for code in non_empty if code in named) / max(1, len(non_empty))
    return bool(rows), len(rows), share


TABLES = (*SINGLE, *MULTI)


def pool_for(table: str, pool: list[Case]) -> list[Case]:
    """The outcomes count the cases closed in the year; every other table the new ones."""
    return [case for case in pool if case.outcome is not None] if table == "outcomes" else pool


def measure(report: Callable[[str], None] = print) -> dict[tuple[int, str], tuple[float, ...]]:
    pool = case_pool()
    rng = random.Random(12)
    results: dict[tuple[int, str], tuple[float, ...]] = {}
    report("k=5; per table, one category per row -> with families (report/grouping.py):")
    report("shows = prints more than its total; rows = mean rows besides Overig;")
    report("named = mean share of non-empty categories counted outside Overig\n")
    report(f"{'cases':>5} | {'table':<15} | {'shows':>13} | {'rows':>11} | {'named':>13}")
    for n in SIZES:
        for table in TABLES:
            totals: Counter[str] = Counter()
            for _ in range(RUNS):
                counts, flat, grouped = protect_both(table, rng.sample(pool_for(table, pool), n))
                for name, result in (("flat", flat), ("grouped", grouped)):
                    shows, rows, share = measures(counts, result)
                    totals[f"{name} shows"] += shows
                    totals[f"{name} rows"] += rows
                    totals[f"{name} named"] += share
            keys = ("shows", "rows", "named")
            figures = tuple(
                totals[f"{name} {key}"] / RUNS for name in ("flat", "grouped") for key in keys
            )
            results[(n, table)] = figures
            f_shows, f_rows, f_named, g_shows, g_rows, g_named = figures
            report(
                f"{n:>5} | {table:<15} | {f_shows:>5.0%} -> {g_shows:>4.0%} | "
                f"{f_rows:>4.1f} -> {g_rows:>3.1f} | {f_named:>5.0%} -> {g_named:>4.0%}"
            )
    return results


if __name__ == "__main__":
    measure()
