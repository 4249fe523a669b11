"""Hand-over and merge at scale (issue 13), and the link picker over a big archive.

    python -m benchmarks.handover [--cases 3000] [--runs 3] [--workdir /tmp/vpnotebook-bench]

A fictional demo vault of N cases (cheap Argon2id: key derivation is not what is measured)
hands every case of its busiest organisation over (`write_handover`: select, copy through the
export format's checks into a new vault, count, check, rename, log) and that hand-over is
merged into a colleague's vault that already holds the same organisation (`merge_vault`, one
transaction). The baseline, measured in the same run, is what any copy must pay: the same
records imported into an empty vault (`import_journal` of the hand-over's document).
The link picker is filled with every case of the vault (the Gekoppeld tab of a case in a
ten-year archive), against reading those cases alone. Medians over `--runs`; never part of
the test suite.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "benchmarks"

from benchmarks.common import PASSPHRASE, Row, log, machine, table

TODAY = date(2026, 11, 28)
HANDOVER = "zeven vrolijke wolken boven het stille meer"


def _vault(folder: Path) -> Any:
    from vpnotebook.vault.kdf import TEST_PARAMS
    from vpnotebook.vault.vault import Vault

    if folder.exists():
        shutil.rmtree(folder)
    vault, _ = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
    return vault


def _source(folder: Path, cases: int) -> tuple[Any, str]:
    """A demo vault in which the busiest organisation's reporters all agreed to a hand-over."""
    from vpnotebook.core.demo import fill_demo
    from vpnotebook.core.journal import Journal
    from vpnotebook.core.models import Case, Organisation

    vault = _vault(folder)
    journal = Journal(vault.db)
    fill_demo(journal, cases=cases, seed=1, today=TODAY)
    busiest = journal.db.scalar(
        "SELECT organisation_id FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    )
    with journal.transaction():
        for case in journal.find(Case, "organisation_id = ? AND destroyed_on IS NULL", (busiest,)):
            journal.update(replace(case, handover_consent_on=TODAY))
    return vault, journal.get(Organisation, busiest).name


def run_once(folder: Path, source: Any, organisation: str) -> dict[str, float]:
    from vpnotebook.core.exchange import import_journal
    from vpnotebook.core.handover.merge import merge_vault
    from vpnotebook.core.handover.selection import select_cases
    from vpnotebook.core.handover.writing import handover_document, write_handover
    from vpnotebook.core.journal import Journal
    from vpnotebook.core.models import Organisation
    from vpnotebook.vault import recovery
    from vpnotebook.vault.kdf import TEST_PARAMS
    from vpnotebook.vault.vault import Vault

    journal = Journal(source.db)
    selection = select_cases(journal, organisation=organisation)
    target = folder / "overdracht"
    if target.exists():
        shutil.rmtree(target)
    journal.db.execute("DELETE FROM handover_log")
    started = time.perf_counter()
    write_handover(
        source,
        selection,
        target,
        passphrase=HANDOVER,
        recovery_code=recovery.generate(),
        recipient="J. Bakker",
        today=TODAY,
        kdf_params=TEST_PARAMS,
    )
    handed = time.perf_counter() - started

    # Baseline: the same records imported into an empty vault (the checks and inserts any
    # copy of them pays), read out of the source beforehand.
    document = handover_document(journal, selection, recipient="J. Bakker", today=TODAY)
    empty = _vault(folder / "leeg")
    started = time.perf_counter()
    import_journal(Journal(empty.db), document)
    baseline = time.perf_counter() - started
    empty.close()

    mine = _vault(folder / "collega")
    Journal(mine.db).add(Organisation(name=organisation.upper()))  # matched by name
    with Vault.open(target, passphrase=HANDOVER) as other:
        started = time.perf_counter()
        result = merge_vault(
            Journal(mine.db),
            Journal(other.db),
            target_id=mine.vault_id,
            source_id=other.vault_id,
            today=TODAY,
        )
        merged = time.perf_counter() - started
    mine.close()
    return {"handover": handed, "merge": merged, "baseline": baseline, "cases": result.cases}


def picker_once(source: Any) -> tuple[float, float]:
    """Filling the link picker with every case, and reading those cases alone."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from vpnotebook.core.journal import Journal
    from vpnotebook.core.models import Case
    from vpnotebook.gui.cases.links import CasePicker

    _app = QApplication.instance() or QApplication([])
    journal = Journal(source.db)
    case = journal.find(Case, order="id DESC")[0]
    started = time.perf_counter()
    journal.case_summaries()
    read = time.perf_counter() - started
    picker = CasePicker()
    started = time.perf_counter()
    picker.fill(journal, case)
    filled = time.perf_counter() - started
    picker.deleteLater()
    return filled, read


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/vpnotebook-bench"))
    args = parser.parse_args()
    folder = args.workdir / "handover"
    folder.mkdir(parents=True, exist_ok=True)
    log(f"filling a demo vault of {args.cases} cases in {folder}")
    source, organisation = _source(folder / "bron", args.cases)
    runs = [run_once(folder, source, organisation) for _ in range(args.runs)]
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    cases = int(median["cases"])
    pickers = [picker_once(source) for _ in range(args.runs)]
    source.close()
    rows = [
        Row(
            "handover",
            f"hand-over of {cases} cases ({organisation})",
            median["handover"],
            "s",
            baseline=median["baseline"],
            baseline_label="import of the same records",
        ),
        Row(
            "handover",
            f"merge of those {cases} cases",
            median["merge"],
            "s",
            baseline=median["baseline"],
            baseline_label="import of the same records",
        ),
        Row(
            "handover",
            f"link picker filled with {args.cases} cases",
            statistics.median(p[0] for p in pickers),
            "s",
            baseline=statistics.median(p[1] for p in pickers),
            baseline_label="reading the case list",
        ),
    ]
    print(table(rows))
    about = machine(folder)
    print("machine: " + ", ".join(f"{key}={about[key]}" for key in sorted(about)[:8]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
