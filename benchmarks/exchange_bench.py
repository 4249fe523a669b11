"""Export and import of the whole busy-bureau vault: peak memory and time, in child processes.

Each run is a real `vpnotebook export` or `vpnotebook import` in its own process; its peak
resident set comes from the kernel's accounting of that one child (`os.wait4`), the way
`/usr/bin/time -v` reports it. The baseline is a child that only opens the same vault.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from typing import Any

from benchmarks.build import BenchData
from benchmarks.common import PASSPHRASE, Row, median

_OPEN_ONLY = (
    "import sys; from pathlib import Path; from vpnotebook.vault.vault import Vault; "
    "Vault.open(Path(sys.argv[1]), passphrase=sys.argv[2]).close()"
)


def _child(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{command[3:5]} failed ({process.returncode}): {errors[-1500:]}")
    return usage.ru_maxrss / 1024, seconds  # Linux reports KiB


def bench_exchange(data: BenchData, reps: int) -> tuple[list[Row], dict[str, Any]]:
    env = {**os.environ, "VPNOTEBOOK_PASSPHRASE": PASSPHRASE}
    cli = [sys.executable, "-m", "vpnotebook"]
    work = data.workdir / "exchange"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    export = work / "alles.json"
    runs: dict[str, list[tuple[float, float]]] = {"open": [], "export": [], "import": []}
    for n in range(reps):
        runs["open"].append(
            _child([sys.executable, "-c", _OPEN_ONLY, str(data.vault), PASSPHRASE], env)
        )
        runs["export"].append(
            _child([*cli, "export", "--vault", str(data.vault), "--out", str(export), "--yes"], env)
        )
        target = work / f"nieuw-{n}"
        subprocess.run(
            [*cli, "init", "--vault", str(target), "--argon2-memory-kib", "1024",
             "--argon2-iterations", "1"],
            env=env, capture_output=True, check=True,
        )  # fmt: skip
        runs["import"].append(_child([*cli, "import", "--vault", str(target), str(export)], env))
        shutil.rmtree(target)
    size_mb = export.stat().st_size / 1e6
    shutil.rmtree(work)
    opened = median([rss for rss, _ in runs["open"]])
    rows = []
    for kind in ("export", "import"):
        rows.append(
            Row(
                "exchange",
                f"{kind}, whole vault ({size_mb:.0f} MB of JSON): peak RSS",
                median([rss for rss, _ in runs[kind]]),
                "MB",
                baseline=opened,
                baseline_label="a child that only opens the vault",
                target_kind="value",
                target_limit=200,
                target_text="< 200 MB",
                note=f"wall time {median([s for _, s in runs[kind]]):.1f} s",
            )
        )
    return rows, {kind: [list(run) for run in values] for kind, values in runs.items()}
