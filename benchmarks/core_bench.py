"""The sections without Qt: unlock, search, queries against plain SQLite, reports, backup."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3  # the stdlib baseline only; src/ never imports it
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from .build import TODAY, BenchData
from .common import PASSPHRASE, Row, log, median, ms, p95, summary

# A fixed set: common and medium words of the demo notes, diacritics either way, prefixes,
# two-word queries, rare words and one word that occurs nowhere.
QUERIES = (
    "gesprek",  # in most conversations
    "leidinggevende",
    "vertrouwelijk",
    "mediation",
    "gedrag",
    "werkdruk",
    "overplaatsing",
    "terugkoppeling",
    "omgangsvormen",
    "privé",
    "clientgegevens",  # written "cliëntgegevens" in the notes
    "leid",  # prefix
    "ges",  # short prefix: many terms
    "vertrouw",  # prefix
    "leidinggevende gesprek",
    "seksuele opmerkingen",
    "teamleider rooster",
    "gedragscode",  # rare
    "personeelsnieuwsbrief",  # rare
    "xylofoon",  # nowhere
)

REPORT_YEAR = date.fromisoformat(TODAY).year - 1  # the last complete year of the demo


# -- connections --------------------------------------------------------------------------


@contextlib.contextmanager
def open_vault(folder: Path) -> Iterator[Any]:
    from vpnotebook.vault.vault import Vault

    vault = Vault.open(folder, passphrase=PASSPHRASE)
    try:
        yield vault
    finally:
        vault.close()


# The product's settings that are not about the cipher, read from its own connection, so the
# plain baselines differ from the vault by the encryption only (database.py, _configure).
_SAME_PRAGMAS = (
    "secure_delete",
    "foreign_keys",
    "temp_store",
    "trusted_schema",
    "cell_size_check",
    "cache_size",
)


def product_pragmas(db: Any) -> dict[str, str]:
    return {name: str(db.scalar(f"PRAGMA {name}")) for name in _SAME_PRAGMAS}


def plain_database(path: Path, engine: str, pragmas: dict[str, str]) -> Any:
    """Our Database wrapper over an unencrypted connection: the same product code runs on it."""
    from vpnotebook.vault.database import Database

    if engine == "stdlib":
        connection = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        connection.row_factory = sqlite3.Row
    else:
        import sqlcipher3

        connection = sqlcipher3.connect(
            f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        connection.row_factory = sqlcipher3.Row
    for name, value in pragmas.items():
        connection.execute(f"PRAGMA {name} = {int(value)}").fetchall()
    return Database(connection, path)


# -- unlock -------------------------------------------------------------------------------


def bench_unlock(data: BenchData, reps: int) -> tuple[list[Row], dict[str, Any]]:
    from vpnotebook.vault import keyslots
    from vpnotebook.vault.kdf import FLOOR_PARAMS, derive_key
    from vpnotebook.vault.opening import open_database, read_slots
    from vpnotebook.vault.vault import Vault

    slot = read_slots(data.vault).slots[keyslots.PASSPHRASE]
    secret = keyslots.passphrase_bytes(PASSPHRASE)
    opens, kdfs, databases = [], [], []
    for _ in range(reps + 1):
        started = time.perf_counter()
        vault = Vault.open(data.vault, passphrase=PASSPHRASE)
        opens.append(time.perf_counter() - started)
        data_key = bytes(vault.data_key)  # a copy: closing wipes the vault's own
        vault.close()
        started = time.perf_counter()
        derive_key(secret, slot.salt, slot.params)
        kdfs.append(time.perf_counter() - started)
        started = time.perf_counter()
        database = open_database(data.vault, data_key)
        databases.append(time.perf_counter() - started)
        database.close()
    opens, kdfs, databases = opens[1:], kdfs[1:], databases[1:]  # the first warms the caches
    floor = [timed_once(lambda: derive_key(secret, slot.salt, FLOOR_PARAMS)) for _ in range(2)]
    beyond = median(opens) - median(kdfs)
    rows = [
        Row(
            "unlock",
            "Vault.open minus key derivation",
            ms(beyond),
            "ms",
            target_kind="value",
            target_limit=150,
            target_text="< 150 ms",
            note=f"Vault.open {ms(median(opens)):.1f} ms, Argon2id with the slot's cheap "
            f"parameters {ms(median(kdfs)):.1f} ms",
        ),
        Row("unlock", "open_database with the data key", ms(median(databases)), "ms"),
        Row(
            "unlock",
            "Argon2id at the floor (256 MiB, t=3), for scale",
            ms(median(floor)),
            "ms",
            note="not part of 'beyond the KDF'; see python -m benchmarks.kdf_bench",
        ),
    ]
    raw = {
        "vault_open": summary(opens),
        "kdf_slot_params": summary(kdfs),
        "kdf_slot_params_are": slot.params.to_json(),
        "open_database": summary(databases),
        "kdf_floor": summary(floor),
    }
    return rows, raw


def timed_once(function: Callable[[], Any]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


# -- search and queries against plain SQLite --------------------------------------------------


def _engines(data: BenchData, vault: Any) -> dict[str, Any]:
    pragmas = product_pragmas(vault.db)
    return {
        "encrypted": vault.db,
        "plain": plain_database(data.plain, "sqlcipher", pragmas),
        "stdlib": plain_database(data.plain_stdlib, "stdlib", pragmas),
    }


def _interleaved(
    engines: dict[str, Any], job: Callable[[Any], Any], reps: int
) -> tuple[dict[str, list[float]], dict[str, Any]]:
    """Run `job` on every engine in turn, `reps` times after one warm-up round."""
    times: dict[str, list[float]] = {name: [] for name in engines}
    results: dict[str, Any] = {}
    for round_ in range(reps + 1):
        for name, database in engines.items():
            started = time.perf_counter()
            result = job(database)
            elapsed = time.perf_counter() - started
            if round_:
                times[name].append(elapsed)
            else:
                results[name] = result
    return times, results


def _vs_plain(label: str, encrypted: float, plain: float, **more: Any) -> Row:
    """A query's time (seconds) against the same on the plain copy, with the issue's limit."""
    return Row(
        "queries",
        label,
        ms(encrypted),
        "ms",
        baseline=ms(plain),
        baseline_label="plain, same engine",
        target_kind="ratio",
        target_limit=1.5,
        target_text="<= 1.5x plain",
        **more,
    )


def bench_search_and_queries(data: BenchData, reps: int) -> tuple[list[Row], dict[str, Any]]:
    from vpnotebook.core.journal import Journal
    from vpnotebook.core.search import search
    from vpnotebook.report.annual_report import build_annual_report

    rows: list[Row] = []
    raw: dict[str, Any] = {"queries": {}}
    with open_vault(data.vault) as vault:
        engines = _engines(data, vault)
        raw["pragmas"] = product_pragmas(vault.db)
        per_query: dict[str, dict[str, float]] = {name: {} for name in engines}
        for query in QUERIES:
            times, results = _interleaved(engines, lambda db, q=query: search(db, q), reps)
            hits = {name: len(found) for name, found in results.items()}
            raw["queries"][query] = {
                "hits": hits,
                **{name: summary([ms(t) for t in ts]) for name, ts in times.items()},
            }
            if len(set(hits.values())) != 1:
                log(f"warning: {query!r} finds different numbers of hits: {hits}")
            for name, ts in times.items():
                per_query[name][query] = median(ts)
        medians = {name: [ms(v) for v in values.values()] for name, values in per_query.items()}
        raw["search_over_queries_ms"] = {name: summary(v) for name, v in medians.items()}
        rows.append(
            Row(
                "search",
                f"full-text search, median of {len(QUERIES)} queries",
                median(medians["encrypted"]),
                "ms",
                baseline=median(medians["plain"]),
                baseline_label="plain",
                note=f"each query's median of {reps} runs; up to 200 hits with snippets",
            )
        )
        rows.append(
            Row(
                "search",
                f"full-text search, p95 of {len(QUERIES)} queries",
                p95(medians["encrypted"]),
                "ms",
                baseline=p95(medians["plain"]),
                baseline_label="plain",
                target_kind="value",
                target_limit=50,
                target_text="< 50 ms",
            )
        )
        slowest = max(per_query["encrypted"], key=per_query["encrypted"].__getitem__)
        raw["slowest_query"] = slowest

        # The same product code on the plain copies: the ratio is what encryption costs.
        ratios = [
            per_query["encrypted"][q] / per_query["plain"][q]
            for q in QUERIES
            if per_query["plain"][q] > 0
        ]
        raw["search_ratio_per_query"] = dict(zip(QUERIES, ratios, strict=False))
        summed = {name: sum(values.values()) for name, values in per_query.items()}
        rows.append(
            _vs_plain(
                f"search, all {len(QUERIES)} queries (sum of medians)",
                summed["encrypted"],
                summed["plain"],
            )
        )
        rows.append(
            Row(
                "queries",
                "search vs stdlib sqlite3 (sum of medians)",
                ms(summed["encrypted"]),
                "ms",
                baseline=ms(summed["stdlib"]),
                baseline_label=f"stdlib sqlite3 {sqlite3.sqlite_version}",
                target_kind="ratio",
                target_limit=1.5,
                target_text="<= 1.5x plain",
                note="older SQLite; its FTS5 index had to be rebuilt without secure-delete",
            )
        )

        times, results = _interleaved(
            engines, lambda db: len(Journal(db).case_summaries()), max(3, reps // 2)
        )
        raw["case_summaries_ms"] = {n: summary([ms(t) for t in ts]) for n, ts in times.items()}
        rows.append(
            _vs_plain(
                f"case list query, {results['encrypted']} cases",
                median(times["encrypted"]),
                median(times["plain"]),
                extra={"stdlib_ms": ms(median(times["stdlib"]))},
                note=f"stdlib sqlite3: {ms(median(times['stdlib'])):.0f} ms",
            )
        )

        organisation_id, _org_name, org_cases = biggest_organisation(vault.db, REPORT_YEAR)
        times, _ = _interleaved(
            engines,
            lambda db: build_annual_report(Journal(db), organisation_id, REPORT_YEAR),
            max(3, reps // 2),
        )
        raw["report_data_ms"] = {n: summary([ms(t) for t in ts]) for n, ts in times.items()}
        rows.append(
            _vs_plain(
                f"annual report data, one organisation-year ({org_cases} cases)",
                median(times["encrypted"]),
                median(times["plain"]),
                note=f"build_annual_report only, no PDF; stdlib sqlite3: "
                f"{ms(median(times['stdlib'])):.0f} ms",
            )
        )
        # What-if, on these connections only: SQLite's default page cache (2 MiB) instead of the
        # product's; SQLCipher decrypts (and checks the HMAC of) every page it reads again.
        for database in engines.values():
            database.execute(f"PRAGMA cache_size = {WHAT_IF_CACHE_KIB}")
        what_if = {
            "report_data": _interleaved(
                engines,
                lambda db: build_annual_report(Journal(db), organisation_id, REPORT_YEAR),
                max(3, reps // 2),
            )[0],
            "case_summaries": _interleaved(
                engines, lambda db: len(Journal(db).case_summaries()), max(3, reps // 2)
            )[0],
        }
        raw["what_if_default_cache_ms"] = {
            job: {n: summary([ms(t) for t in ts]) for n, ts in times.items()}
            for job, times in what_if.items()
        }
        times = what_if["report_data"]
        rows.append(
            Row(
                "queries",
                "what-if: annual report data at SQLite's default 2 MiB page cache",
                ms(median(times["encrypted"])),
                "ms",
                baseline=ms(median(times["plain"])),
                baseline_label="plain, same cache",
                note="PRAGMA cache_size set by the benchmark on its own connections; the "
                f"product's: {raw['pragmas']['cache_size']}",
            )
        )
        for name in ("plain", "stdlib"):
            engines[name].close()
    return rows, raw


WHAT_IF_CACHE_KIB = -2000  # SQLite's default


def biggest_organisation(db: Any, year: int) -> tuple[int, str, int]:
    row = db.query_one(
        "SELECT o.id, o.name, count(c.id) AS n FROM organisations o JOIN cases c "
        "ON c.organisation_id = o.id WHERE c.year = ? GROUP BY o.id ORDER BY n DESC LIMIT 1",
        (year,),
    )
    return int(row[0]), str(row[1]), int(row[2])


# -- the annual report ------------------------------------------------------------------------


def _one_report(journal: Any, organisation_id: int, year: int) -> int:
    """What `vpnotebook report --org … --year …` does between opening the vault and writing."""
    from vpnotebook.core.report_texts import check_report_text
    from vpnotebook.report.annual_report import build_annual_report
    from vpnotebook.report.pdf import render_pdf

    annual = build_annual_report(journal, organisation_id, year)
    check_report_text(journal, organisation_id, year, annual.text, k=annual.policy.k)
    return len(render_pdf(annual.document))


def bench_report(data: BenchData, reps: int, all_reps: int) -> tuple[list[Row], dict[str, Any]]:
    from vpnotebook.core.journal import Journal
    from vpnotebook.report.pdf import render_pdf
    from vpnotebook.report.vp_overview import build_vp_overview

    year = REPORT_YEAR
    with open_vault(data.vault) as vault:
        journal = Journal(vault.db)
        organisation_id, _name, cases = biggest_organisation(vault.db, year)
        # The first report pays for importing reportlab and registering fonts once.
        first = timed_once(lambda: _one_report(journal, organisation_id, year))
        singles = [
            timed_once(lambda: _one_report(journal, organisation_id, year)) for _ in range(reps)
        ]
        organisations = [
            (int(r[0]), str(r[1]))
            for r in vault.db.query("SELECT id, name FROM organisations ORDER BY name")
        ]
        all_runs, per_org = [], {}
        for _ in range(all_reps):
            started = time.perf_counter()
            for org_id, org_name in organisations:
                t0 = time.perf_counter()
                try:
                    _one_report(journal, org_id, year)
                except Exception as exc:
                    per_org.setdefault(org_name, []).append(f"failed: {type(exc).__name__}: {exc}")
                    continue
                per_org.setdefault(org_name, []).append(time.perf_counter() - t0)
            all_runs.append(time.perf_counter() - started)
        overview = [
            timed_once(lambda: render_pdf(build_vp_overview(journal, year))) for _ in range(reps)
        ]
    per_org_median = {
        org: median([t for t in ts if isinstance(t, float)]) for org, ts in per_org.items()
    }
    rows = [
        Row(
            "report",
            f"annual report PDF, one organisation-year ({cases} cases in {year})",
            median(singles),
            "s",
            target_kind="value",
            target_limit=1.5,
            target_text="< 1.5 s",
            note=f"the biggest organisation; build + text check + render; first run "
            f"{first:.2f} s (imports, fonts)",
        ),
        Row(
            "report",
            f"annual report PDFs, all {len(organisations)} organisations for {year}",
            median(all_runs),
            "s",
            note=f"median per organisation {median(list(per_org_median.values())):.2f} s",
        ),
        Row(
            "report", f"counsellor's overview PDF, all organisations {year}", median(overview), "s"
        ),
    ]
    raw = {
        "year": year,
        "organisation": {"id": organisation_id, "cases_in_year": cases},
        "first_run_s": first,
        "single_s": summary(singles),
        "all_organisations_s": summary(all_runs),
        "per_organisation_median_s": per_org_median,
        "failures": {o: [t for t in ts if isinstance(t, str)] for o, ts in per_org.items()},
        "vp_overview_s": summary(overview),
    }
    return rows, raw


# -- backup and restore ------------------------------------------------------------------------


def _plain_copy(source: Path, target: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(source, target)
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def bench_backup(data: BenchData, reps: int) -> tuple[list[Row], dict[str, Any]]:
    from vpnotebook.vault.backup import make_backup
    from vpnotebook.vault.restore import restore_backup
    from vpnotebook.vault.vault import Vault

    scratch = data.workdir / "backup-run"
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(mode=0o700)
    source = scratch / "vault"
    # A copy, so the cached vault stays as built (a backup records its date in the settings).
    shutil.copytree(data.vault, source)
    (source / "vault.lock").unlink(missing_ok=True)
    target = scratch / "backups"
    target.mkdir()
    database_bytes = (source / "vault.db").stat().st_size
    backups, copies, restores, restore_copies = [], [], [], []
    backup_file = None
    try:
        with Vault.open(source, passphrase=PASSPHRASE) as vault:
            vault.db.checkpoint()
            for _ in range(reps):
                copies.append(_plain_copy(source / "vault.db", scratch / "copy.bin"))
                started = time.perf_counter()
                info = make_backup(vault, target, keep=1)
                backups.append(time.perf_counter() - started)
                backup_file = info.path
        assert backup_file is not None
        backup_bytes = backup_file.stat().st_size
        for index in range(reps):
            restore_copies.append(_plain_copy(backup_file, scratch / "copy.bin"))
            restored = scratch / f"restored-{index}"
            started = time.perf_counter()
            restore_backup(backup_file, restored, passphrase=PASSPHRASE)
            restores.append(time.perf_counter() - started)
            shutil.rmtree(restored)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    mib = database_bytes / 1024 / 1024
    rows = [
        Row(
            "backup",
            f"backup with verification ({mib:.0f} MiB database)",
            median(backups),
            "s",
            baseline=median(copies),
            baseline_label="copyfile+fsync",
            target_kind="ratio",
            target_limit=3.0,
            target_text="<= 3x plain copy",
            note="make_backup: seal, write, fsync while reading back (header MAC, every tag)",
        ),
        Row(
            "backup",
            "restore (with its checks and the first open)",
            median(restores),
            "s",
            baseline=median(restore_copies),
            baseline_label="copyfile+fsync",
            note="no target in the issue",
        ),
    ]
    raw = {
        "database_bytes": database_bytes,
        "backup_bytes": backup_bytes,
        "backup_s": summary(backups),
        "plain_copy_s": summary(copies),
        "restore_s": summary(restores),
        "restore_plain_copy_s": summary(restore_copies),
    }
    return rows, raw
