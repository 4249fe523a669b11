"""Export and import of the whole busy-bureau vault: peak memory and time, in child processes.

Each run is a real `vpnotebook export` or `vpnotebook import` in its own process. Its peak
resident set is the kernel's high-water mark of that process's own memory (`VmHWM`, read as
it exits): `wait4`'s `ru_maxrss` would also count the benchmark's own pages that the child
shared between fork and exec. The baseline is a child that only opens the same vault.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.build import BenchData
from benchmarks.common import PASSPHRASE, Row, median

# Runs `python -m vpnotebook ARGS` (or, with "open", only opens the vault) and writes the
# process's VmHWM to the file named in VPNOTEBOOK_BENCH_HWM as it exits.
_WRAPPER = """\
import atexit, os, runpy, sys
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            open(os.environ["VPNOTEBOOK_BENCH_HWM"], "w").write(line.split()[1])
atexit.register(report)
if sys.argv[1] == "open":
    from pathlib import Path
    from vpnotebook.vault.vault import Vault
    Vault.open(Path(sys.argv[2]), passphrase=os.environ["VPNOTEBOOK_PASSPHRASE"]).close()
else:
    sys.argv = ["vpnotebook", *sys.argv[1:]]
    runpy.run_module("vpnotebook", run_name="__main__")
"""


def _child(args: list[str], env: dict[str, str], hwm: Path) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of one child process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *args],
        env={**env, "VPNOTEBOOK_BENCH_HWM": str(hwm)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{args[:1]} failed ({done.returncode}): {done.stderr[-1500:]!r}")
    return int(hwm.read_text()) / 1024, seconds  # VmHWM is in KiB


def bench_exchange(data: BenchData, reps: int) -> tuple[list[Row], dict[str, Any]]:
    env = {**os.environ, "VPNOTEBOOK_PASSPHRASE": PASSPHRASE}
    cli = [sys.executable, "-m", "vpnotebook"]
    work = data.workdir / "exchange"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    export, hwm = work / "alles.json", work / "hwm"
    runs: dict[str, list[tuple[float, float]]] = {"open": [], "export": [], "import": []}
    for n in range(reps):
        runs["open"].append(_child(["open", str(data.vault)], env, hwm))
        runs["export"].append(
            _child(["export", "--vault", str(data.vault), "--out", str(export), "--yes"], env, hwm)
        )
        target = work / f"nieuw-{n}"
        subprocess.run(
            [*cli, "init", "--vault", str(target), "--argon2-memory-kib", "1024",
             "--argon2-iterations", "1"],
            env=env, capture_output=True, check=True,
        )  # fmt: skip
        runs["import"].append(_child(["import", "--vault", str(target), str(export)], env, hwm))
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
