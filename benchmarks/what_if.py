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
    import vpnotebook.core.search as search_module
    from vpnotebook.vault.schema import SEARCH_KIND_BITS

    original = search_module.search

    def newest_first(db: Any, typed: str, *, limit: int = 200) -> list[Any]:
        query = search_module.match_query(typed)
        if query is None:
            return []
        rows = db.query(
            "SELECT rowid, kind, case_id, organisation_id, "
            f"snippet(search_index, 3, '{search_module.HIT_START}', '{search_module.HIT_END}', "
            "'…', 16) AS snippet FROM search_index WHERE search_index MATCH ? "
            "ORDER BY rowid DESC LIMIT ?",
            (query, limit),
        )
        return [
            search_module.SearchHit(
                source=search_module.KIND_NAMES[row["kind"]],
                record_id=row["rowid"] // SEARCH_KIND_BITS,
                case_id=row["case_id"],
                organisation_id=row["organisation_id"],
                snippet=" ".join(row["snippet"].split()),
            )
            for row in rows
        ]

    def ranked_always(db: Any, typed: str, *, limit: int = 200) -> list[Any]:
        query = search_module.match_query(typed)
        if query is None:
            return []
        rows = db.query(
            "SELECT rowid, kind, case_id, organisation_id, "
            f"snippet(search_index, 3, '{search_module.HIT_START}', '{search_module.HIT_END}', "
            "'…', 16) AS snippet FROM search_index WHERE search_index MATCH ? "
            "ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [
            search_module.SearchHit(
                source=search_module.KIND_NAMES[row["kind"]],
                record_id=row["rowid"] // SEARCH_KIND_BITS,
                case_id=row["case_id"],
                organisation_id=row["organisation_id"],
                snippet=" ".join(row["snippet"].split()),
            )
            for row in rows
        ]

    def ranked_when_few(db: Any, typed: str, *, limit: int = 200) -> list[Any]:
        query = search_module.match_query(typed)
        if query is None:
            return []
        count = db.scalar("SELECT count(*) FROM search_index WHERE search_index MATCH ?", (query,))
        return (ranked_always if count <= 2000 else newest_first)(db, typed, limit=limit)

    def over_queries(function: Callable[..., Any]) -> tuple[float, float]:
        medians = []
        for query in QUERIES:
            function(db, query)
            times = []
            for _ in range(reps):
                started = time.perf_counter()
                function(db, query)
                times.append(time.perf_counter() - started)
            medians.append(median(times))
        return median(medians), p95(medians)

    rows = []
    for label, function in (
        ("search: as is", original),
        ("search: ranked always (ORDER BY rank)", ranked_always),
        ("search: newest first (ORDER BY rowid DESC)", newest_first),
        ("search: ranked up to 2,000 hits, else newest first", ranked_when_few),
    ):
        mid, high = over_queries(function)
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
