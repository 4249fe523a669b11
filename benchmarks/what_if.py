"""What the fixes considered in docs/performance.md would buy, next to the product as it is.

    python -m benchmarks.what_if [--workdir /tmp/vpnotebook-bench] [--reps 7]

Every variant is a sketch run in this process beside the product's own code; nothing is
written to src/. Needs the vault that `python -m benchmarks` builds. Once a fix lands in the
product, its line here measures the product as it is and the sketch can go.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .build import ensure_data
from .common import PASSPHRASE, median, ms, p95
from .core_bench import QUERIES
from .gui_probe import PaintWatch, settle, wait_list_complete, wait_painted


def _best(function: Callable[[], float], reps: int) -> tuple[float, float]:
    function()  # warm-up
    times = [function() for _ in range(reps)]
    return median(times), min(times)


def case_list_variants(session: Any, reps: int) -> list[tuple[str, float, float]]:
    # The sketches measured here before (day_text without strftime, the taxonomy order built
    # once, search text folded lazily, the two-step load) are in the product now: these
    # lines measure the product as it is.
    from vpnotebook.gui.cases.page import CasesPage

    def new_page(until_complete: bool) -> float:
        started = time.perf_counter()
        page = CasesPage(session)
        page.resize(970, 760)
        watch = PaintWatch(page.table.viewport())
        page.show()
        elapsed = wait_painted(watch, 0) - started
        if until_complete:
            elapsed = wait_list_complete(page) - started
        settle(3)
        page.close()
        page.deleteLater()
        settle(3)
        gc.collect()
        return elapsed

    return [
        (
            "Meldingen first paint (first screenful, in the product)",
            *_best(lambda: new_page(False), reps),
        ),
        (
            "Meldingen until every case is in the list (in the product)",
            *_best(lambda: new_page(True), reps),
        ),
    ]


def search_variants(db: Any, reps: int) -> list[tuple[str, float, float]]:
    """The product's search with its ranking threshold (RANKED_MATCHES) set to each variant."""
    import vpnotebook.core.search as search_module

    def over_queries(ranked_matches: int) -> tuple[float, float]:
        medians = []
        saved, search_module.RANKED_MATCHES = search_module.RANKED_MATCHES, ranked_matches
        try:
            for query in QUERIES:
                search_module.search(db, query)
                times = []
                for _ in range(reps):
                    started = time.perf_counter()
                    search_module.search(db, query)
                    times.append(time.perf_counter() - started)
                medians.append(median(times))
        finally:
            search_module.RANKED_MATCHES = saved
        return median(medians), p95(medians)

    rows = []
    for label, ranked_matches in (
        (f"search: as is (ranked up to {search_module.RANKED_MATCHES:,} hits)",
         search_module.RANKED_MATCHES),
        ("search: ranked always (ORDER BY rank)", 10**12),
        ("search: newest first always (ORDER BY rowid DESC)", -1),
        ("search: ranked up to 2,000 hits, else newest first", 2000),
    ):  # fmt: skip
        mid, high = over_queries(ranked_matches)
        rows.append((label + " — median | p95", mid, high))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.what_if")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/vpnotebook-bench"))
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args(argv)
    data = ensure_data(args.workdir.resolve(), 10_000)

    from vpnotebook.gui.app import create_application
    from vpnotebook.gui.session import Session
    from vpnotebook.vault.vault import Vault

    _app = create_application()
    vault = Vault.open(data.vault, passphrase=PASSPHRASE)
    try:
        session = Session(vault)
        rows = case_list_variants(session, args.reps)
        rows += search_variants(vault.db, args.reps)
    finally:
        vault.close()
    width = max(len(label) for label, *_ in rows)
    print(f"{'variant'.ljust(width)}  median     min (or 2nd figure)")
    for label, first, second in rows:
        print(f"{label.ljust(width)}  {ms(first):7.1f} ms  {ms(second):7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
