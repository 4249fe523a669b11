"""What the recommended fixes would buy: product code monkeypatched in this process only.

    python -m benchmarks.what_if [--workdir /tmp/vpnotebook-bench] [--reps 7]

Every variant is a sketch of a change proposed in docs/performance.md, applied by replacing a
function or class attribute in memory for the duration of one measurement. Nothing is written
to src/. Needs the vault that `python -m benchmarks` builds. Once a fix lands in the product,
its line here measures the product as it is and the sketch can go.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import io
import os
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from .build import ensure_data
from .common import PASSPHRASE, median, ms, p95
from .core_bench import QUERIES
from .gui_probe import PaintWatch, settle, wait_painted


@contextlib.contextmanager
def patched(target: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(target, name)
    setattr(target, name, value)
    try:
        yield
    finally:
        setattr(target, name, old)


def _best(function: Callable[[], float], reps: int) -> tuple[float, float]:
    function()  # warm-up
    times = [function() for _ in range(reps)]
    return median(times), min(times)


def case_list_variants(session: Any, reps: int) -> list[tuple[str, float, float]]:
    import vpnotebook.core.journal as journal_module
    import vpnotebook.gui.models.case_list_model as clm
    from vpnotebook.core.journal import Journal
    from vpnotebook.core.taxonomy import CATEGORIES
    from vpnotebook.gui.cases.page import CasesPage

    def first_paint() -> float:
        started = time.perf_counter()
        page = CasesPage(session)
        page.resize(970, 760)
        watch = PaintWatch(page.table.viewport())
        page.show()
        elapsed = wait_painted(watch, 0) - started
        settle(3)
        page.close()
        page.deleteLater()
        settle(3)
        gc.collect()
        return elapsed

    order = {code: index for index, code in enumerate(CATEGORIES.codes)}

    def in_taxonomy_order(joined: str | None) -> tuple[str, ...]:
        if not joined:
            return ()
        return tuple(sorted(joined.split(","), key=lambda c: order.get(c, len(order))))

    def day_text(day: Any) -> str:
        # date.strftime imports `time` on every call, through PySide6's Python __import__ hook.
        return f"{day.day:02d}-{day.month:02d}-{day.year:04d}" if day else ""

    def row_without_haystack(self: Any, summary: Any) -> None:
        self.summary = summary
        self.year = clm.number_key(summary.number)[0]
        self.cells = (
            summary.number,
            summary.organisation,
            clm.day_text(summary.first_contact),
            clm.label(clm.CONTACT_TYPES, summary.contact_type),
            ", ".join(clm.label(clm.CATEGORIES, code) for code in summary.categories),
            clm.label(clm.CASE_STATUSES, summary.status),
            clm.day_text(summary.last_contact),
            summary.title,
        )
        self.haystack = ""  # the sketch: fold on the first text filter instead

    rows = [("Meldingen first paint: as is", *_best(first_paint, reps))]
    with patched(clm, "day_text", day_text):
        rows.append(("  + day_text without strftime", *_best(first_paint, reps)))
        with patched(journal_module, "_in_taxonomy_order", in_taxonomy_order):
            rows.append(("  + taxonomy order built once", *_best(first_paint, reps)))
            with patched(clm._Row, "__init__", row_without_haystack):
                rows.append(("  + search text folded lazily", *_best(first_paint, reps)))
    everything = Journal(session.journal.db).case_summaries()
    with patched(Journal, "case_summaries", lambda self, **kw: everything[:100]):
        rows.append(
            ("first screenful only (two-step load), query excluded", *_best(first_paint, reps))
        )
    return rows


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


def backup_variant(vault: Any, workdir: Path, reps: int) -> list[tuple[str, float, float]]:
    """Seal the database file, fsync, then read back: AEAD tags + SHA-256 of the payload."""
    from vpnotebook.vault import container
    from vpnotebook.vault.backup import _public_header, backup_file_key

    database = vault.folder / "vault.db"
    scratch = workdir / "what-if-backup"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(mode=0o700)
    key = backup_file_key(vault.data_key)
    vault.db.checkpoint()

    class Tee(io.RawIOBase):
        def __init__(self, source: Any, digest: Any) -> None:
            self.source, self.digest = source, digest

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            count = self.source.readinto(buffer)
            self.digest.update(memoryview(buffer)[:count])
            return count

    class HashSink(io.RawIOBase):
        def __init__(self) -> None:
            self.digest = hashlib.sha256()

        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            self.digest.update(data)
            return len(data)

    def streamed() -> float:
        started = time.perf_counter()
        written = hashlib.sha256()
        target = scratch / "b.vpbackup"
        with open(database, "rb") as source, open(target, "wb") as sink:
            container.write_container(
                sink, Tee(source, written), key, _public_header(vault.slot_file, datetime.now())
            )
            sink.flush()
            os.fsync(sink.fileno())
        check = HashSink()
        with open(target, "rb") as source:
            container.decrypt_container(source, check, key)
        assert check.digest.digest() == written.digest()
        elapsed = time.perf_counter() - started
        target.unlink()
        return elapsed

    def copy() -> float:
        started = time.perf_counter()
        shutil.copyfile(database, scratch / "copy.bin")
        with open(scratch / "copy.bin", "rb") as handle:
            os.fsync(handle.fileno())
        elapsed = time.perf_counter() - started
        (scratch / "copy.bin").unlink()
        return elapsed

    try:
        streamed_median, _ = _best(streamed, reps)
        copy_median, _ = _best(copy, reps)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return [
        (
            "backup: seal + fsync + streamed read-back — s | x plain copy",
            streamed_median,
            streamed_median / copy_median,
        )
    ]


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
        rows += backup_variant(vault, data.workdir, max(3, args.reps // 2))
    finally:
        vault.close()
    width = max(len(label) for label, *_ in rows)
    print(f"{'variant'.ljust(width)}  median     min (or 2nd figure)")
    for label, first, second in rows:
        if "x plain" in label:
            print(f"{label.ljust(width)}  {first:6.2f} s   {second:.2f}x")
        else:
            print(f"{label.ljust(width)}  {ms(first):7.1f} ms  {ms(second):7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
