"""How much of an annual report survives protection at a realistic size (8-25 cases a year).

Run: `python -m benchmarks.report_usefulness`. Draws organisations of n cases from the demo
data's weights (the same distribution `vpnotebook demo` uses), protects each table with the
disclosure engine at k=5, and prints per size how many categories get a row of their own,
how often a table shows only its total or is left out, and how often conversations and
hours are banded. Figures, not pass/fail: docs/disclosure-policy.md quotes them.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping

from vpnotebook.core import taxonomy as tx
from vpnotebook.core.demo_data import (
    _CATEGORY_WEIGHTS,
    _CONTACT_TYPE_WEIGHTS,
    _EXTRA_CATEGORY_WEIGHTS,
    _ROLE_WEIGHTS,
)
from vpnotebook.report.disclosure import DisclosurePolicy, protect_table

SIZES = (8, 12, 16, 20, 25)
RUNS = 400
POLICY = DisclosurePolicy(k=5)


def _draw(rng: random.Random, weights: Mapping[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _single(
    rng: random.Random, n: int, weights: Mapping[str, int], codes: tuple[str, ...]
) -> dict[str, int]:
    counts = dict.fromkeys(codes, 0)
    for _ in range(n):
        counts[_draw(rng, weights)] += 1
    return counts


def _categories(rng: random.Random, n: int) -> dict[str, int]:
    counts = dict.fromkeys(tx.CATEGORIES.codes, 0)
    for _ in range(n):
        found = {_draw(rng, _CATEGORY_WEIGHTS)}
        if "outside_remit" not in found and rng.random() < 0.25:
            found.add(_draw(rng, _EXTRA_CATEGORY_WEIGHTS))
        for code in found:
            counts[code] += 1
    return counts


def measure() -> None:
    rng = random.Random(12)
    print("k=5; per table: mean share of non-empty categories with a row of their own;")
    print("'total only' = everything merged; 'left out' = table dropped\n")
    print(f"{'cases':>5} | {'table':<14} | {'named':>6} | {'total only':>10} | {'left out':>8}")
    for n in SIZES:
        for name, make, multi in (
            (
                "contact types",
                lambda n=n: _single(rng, n, _CONTACT_TYPE_WEIGHTS, tx.CONTACT_TYPES.codes),
                False,
            ),
            ("categories", lambda n=n: _categories(rng, n), True),
            (
                "reporter role",
                lambda n=n: _single(rng, n, _ROLE_WEIGHTS, tx.REPORTER_ROLES.codes),
                False,
            ),
        ):
            named, non_empty, outcome = 0, 0, Counter()
            for _ in range(RUNS):
                counts = make()
                table, _ = protect_table(
                    "t",
                    counts,
                    other_label="Overig",
                    policy=POLICY,
                    multi_valued=multi,
                    units=n if multi else None,
                )
                rows = {label for label, count in table.rows if count and label != "Overig"}
                named += len(rows)
                non_empty += sum(1 for c in counts.values() if c)
                if table.dropped:
                    outcome["left out"] += 1
                elif not rows:
                    outcome["total only"] += 1
            print(
                f"{n:>5} | {name:<14} | {named / max(1, non_empty):>6.0%} | "
                f"{outcome['total only'] / RUNS:>10.0%} | {outcome['left out'] / RUNS:>8.0%}"
            )


if __name__ == "__main__":
    measure()
