"""The spreadsheet import at scale: 1,000 rows (issue 13's target: under 5 s) and more.

    python -m benchmarks.sheet_import [--rows 1000] [--runs 3] [--workdir /tmp/vpnotebook-bench]

Writes a fictional registration of N rows as .xlsx (real date cells, serial numbers and typed
dates mixed, as VPs' files are) and as a Dutch CSV (Windows-1252, `;`), then imports each into
a fresh vault the way `vpnotebook import-sheet` does: read, interpret, plan, write in one
transaction. Each phase is timed; the baseline is the same cases stored straight through
`Journal.add`, measured in the same run — what any import must at least pay. Medians over
`--runs`. Prints a table; never part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "benchmarks"

from benchmarks.common import Row, log, machine, table

TODAY = date(2026, 11, 28)
HEADINGS = (
    "Datum eerste contact", "Organisatie", "Afdeling", "Aard melding", "Soort contact",
    "Functie", "Geslacht", "Leeftijd", "Aantal gesprekken", "Doorverwezen naar", "Route",
    "Afgesloten", "Datum afsluiting", "Opmerkingen",
)  # fmt: skip
ORGANISATIONS = ("Gemeente Wadwijk", "Bakkerij De Korenbloem", "Zorggroep Noorderlicht",
                 "Transportbedrijf Rietmond B.V.", "Stichting Anker")  # fmt: skip
DEPARTMENTS = ("Financiën", "ICT", "Zorg", "Planning", "Kantoor", "Magazijn")
CATEGORIES = ("pesten", "seks. intimidatie", "agressie/geweld", "discriminatie",
              "pesten, intimidatie", "integriteit", "buiten werkterrein")  # fmt: skip
CONTACTS = ("melding", "vraag", "sparren")
ROLES = ("medewerker", "leidinggevende", "uitzendkracht", "stagiair")
GENDERS = ("V", "M", "", "x")
REFERRALS = ("", "", "bedrijfsarts", "HR / P&O", "bmw", "huisarts en psycholoog")
ROUTES = ("", "", "informeel", "klachtencommissie", "mediation")
REMARKS = ("Wil eerst zelf het gesprek aangaan.", "", "Belt terug na de vakantie.",
           "Overleg met HR gehad; melder akkoord.", "")  # fmt: skip


def fictional_rows(count: int, seed: int = 13) -> list[list[Any]]:
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        first = date(2021, 1, 1) + timedelta(days=rng.randrange(0, 5 * 365))
        closed = rng.random() < 0.7
        closed_on = first + timedelta(days=rng.randrange(0, 90)) if closed else None
        closed_on = min(closed_on, TODAY) if closed_on else None
        kind = index % 3
        written: Any = (
            datetime.combine(first, datetime.min.time())
            if kind == 0
            else ((first - date(1899, 12, 30)).days if kind == 1 else first.strftime("%d-%m-%Y"))
        )
        rows.append([
            written, rng.choice(ORGANISATIONS), rng.choice(DEPARTMENTS), rng.choice(CATEGORIES),
            rng.choice(CONTACTS), rng.choice(ROLES), rng.choice(GENDERS), rng.randrange(19, 64),
            rng.randrange(0, 6), rng.choice(REFERRALS), rng.choice(ROUTES),
            "ja" if closed else "nee",
            datetime.combine(closed_on, datetime.min.time()) if closed_on else None,
            rng.choice(REMARKS),
        ])  # fmt: skip
    return rows


def write_files(folder: Path, rows: list[list[Any]]) -> tuple[Path, Path]:
    import csv

    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Meldingen")
    sheet.append(list(HEADINGS))
    for row in rows:
        sheet.append(row)
    xlsx = folder / "meldingen.xlsx"
    workbook.save(xlsx)
    path = folder / "meldingen.csv"
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADINGS)
        for row in rows:
            writer.writerow([_csv(value) for value in row])
    return xlsx, path


def _csv(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, int) and value > 30000:
        return (date(1899, 12, 30) + timedelta(days=value)).strftime("%d-%m-%Y")
    return str(value)


def _fresh_journal(folder: Path) -> Any:
    from vpnotebook.core.journal import Journal
    from vpnotebook.vault.kdf import TEST_PARAMS
    from vpnotebook.vault.vault import Vault

    if folder.exists():
        shutil.rmtree(folder)
    vault, _ = Vault.create(folder, "benchmark-passphrase", kdf_params=TEST_PARAMS)
    return vault, Journal(vault.db)


def import_once(path: Path, vault_folder: Path) -> dict[str, float]:
    """One import as the command line does it; seconds per phase."""
    from vpnotebook.core.sheetimport import (
        ImportOptions,
        interpret,
        known_organisations,
        plan_import,
        read_table,
        write_import,
    )

    vault, journal = _fresh_journal(vault_folder)
    try:
        times: dict[str, float] = {}
        started = time.perf_counter()
        table_ = read_table(path)
        times["read"] = time.perf_counter() - started
        mark = time.perf_counter()
        interpretation = interpret(table_, ImportOptions(today=TODAY))
        assert interpretation.ready, (interpretation.problems[:3], interpretation.unknown_values)
        times["interpret"] = time.perf_counter() - mark
        mark = time.perf_counter()
        plan = plan_import(interpretation, known_organisations(journal), journal)
        times["plan"] = time.perf_counter() - mark
        mark = time.perf_counter()
        result = write_import(journal, plan, today=TODAY)
        times["write"] = time.perf_counter() - mark
        times["total"] = time.perf_counter() - started
        assert result.cases == len(table_.rows)
        return times
    finally:
        vault.close()


def baseline_once(path: Path, vault_folder: Path) -> float:
    """The same cases, read in advance, stored straight through Journal.add in one
    transaction: cases, their notes and conversations (no referrals, routes or departments,
    which the import also writes) — the least any import must pay for writing."""
    from vpnotebook.core.models import Case, Conversation, Organisation, Reporter
    from vpnotebook.core.sheetimport import (
        ImportOptions,
        interpret,
        read_table,
    )

    drafts = interpret(read_table(path), ImportOptions(today=TODAY)).cases
    vault, journal = _fresh_journal(vault_folder)
    try:
        started = time.perf_counter()
        with journal.db.transaction():
            ids = {name: journal.add(Organisation(name=name)).id for name in ORGANISATIONS}
            for draft in drafts:
                key = next(
                    name for name in ORGANISATIONS if name.lower() == draft.organisation.lower()
                )
                case = journal.add(
                    Case(
                        organisation_id=ids[key],
                        first_contact=draft.first_contact,
                        contact_type=draft.contact_type,
                        reporter_role=draft.reporter_role,
                        categories=draft.categories,
                    )
                )
                journal.add(Reporter(case.id, notes="bron"))
                for _ in range(draft.conversations):
                    journal.add(Conversation(case.id, held_on=draft.first_contact))
        return time.perf_counter() - started
    finally:
        vault.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/vpnotebook-bench"))
    args = parser.parse_args()
    folder = args.workdir / "sheet-import"
    folder.mkdir(parents=True, exist_ok=True)
    log(f"writing {args.rows} fictional rows as .xlsx and CSV in {folder}")
    xlsx, csv_path = write_files(folder, fictional_rows(args.rows))
    rows: list[Row] = []
    baseline = statistics.median(baseline_once(xlsx, folder / "kluis") for _ in range(args.runs))
    for label, path in (("xlsx", xlsx), ("csv", csv_path)):
        log(f"importing {path.name} {args.runs}x")
        runs = [import_once(path, folder / "kluis") for _ in range(args.runs)]
        phases = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
        for phase in ("read", "interpret", "plan"):
            rows.append(Row("sheet", f"{label}: {phase}", phases[phase], "s"))
        rows.append(
            Row(
                "sheet",
                f"{label}: write",
                phases["write"],
                "s",
                baseline=baseline,
                baseline_label="Journal.add only",
            )
        )
        target = "< 5 s for 1,000 rows" if args.rows == 1000 else ""
        rows.append(
            Row(
                "sheet",
                f"{label}: {args.rows:,} rows, whole import",
                phases["total"],
                "s",
                baseline=baseline,
                baseline_label="Journal.add only",
                target_kind="value",
                target_limit=5.0 if args.rows <= 1000 else None,
                target_text=target,
            )
        )
    print(table(rows))
    about = machine(folder)
    print("machine: " + ", ".join(f"{key}={about[key]}" for key in sorted(about)[:8]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
