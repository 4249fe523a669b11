"""Small helpers shared by the benchmark sections: statistics, timing, the machine, rows."""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PASSPHRASE = "benchmark-passphrase"  # fictional data in a scratch vault: no secret
REPO = Path(__file__).resolve().parent.parent


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else math.nan


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), no numpy needed."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    if low == high:
        return float(ordered[low])
    return float(ordered[low] + (ordered[high] - ordered[low]) * (position - low))


def p95(values: Sequence[float]) -> float:
    return percentile(values, 0.95)


def ms(seconds: float) -> float:
    return seconds * 1000.0


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "median": median(values),
        "p95": p95(values),
        "min": min(values) if values else math.nan,
        "max": max(values) if values else math.nan,
    }


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Row:
    """One line of the results table."""

    section: str
    label: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_label: str = ""
    # "ratio" compares value/baseline with the limit, "value" compares the value itself.
    target_kind: str = ""  # "", "value", "ratio"
    target_limit: float | None = None
    target_text: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline or math.isnan(self.baseline):
            return None
        return self.value / self.baseline

    @property
    def verdict(self) -> str:
        if self.target_limit is None or math.isnan(self.value):
            return "info" if not math.isnan(self.value) else "n/a"
        measured = self.ratio if self.target_kind == "ratio" else self.value
        if measured is None:
            return "n/a"
        return "PASS" if measured <= self.target_limit else "MISS"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["verdict"] = self.verdict
        return data


def _fmt(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if unit == "ms":
        return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
    if unit == "s":
        return f"{value:,.2f} s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:,.2f} {unit}".strip()


def table(rows: Sequence[Row]) -> str:
    header = ("measure", "figure", "baseline", "ratio", "target", "verdict")
    lines = []
    section = None
    cells = []
    for row in rows:
        ratio = row.ratio
        cells.append(
            (
                row.section,
                row.label,
                _fmt(row.value, row.unit),
                (
                    _fmt(row.baseline, row.unit)
                    + (f" ({row.baseline_label})" if row.baseline_label else "")
                )
                if row.baseline is not None
                else "",
                f"{ratio:.2f}x" if ratio is not None else "",
                row.target_text,
                row.verdict,
            )
        )
    widths = [max([len(header[i]), *(len(c[i + 1]) for c in cells)]) for i in range(len(header))]
    rule = "  ".join("-" * w for w in widths)
    lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    lines.append(rule)
    for cell in cells:
        if cell[0] != section:
            section = cell[0]
            lines.append(f"[{section}]")
        lines.append("  ".join(c.ljust(w) for c, w in zip(cell[1:], widths, strict=True)).rstrip())
    return "\n".join(lines)


# -- the machine ------------------------------------------------------------------------------


def _first(path: str, prefix: str, separator: str = ":") -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix) and separator in line:
                return line.split(separator, 1)[1].strip().strip('"')
    except OSError:
        pass
    return ""


def _filesystem(path: Path) -> str:
    try:
        best = ("", "")
        resolved = str(path.resolve())
        for line in Path("/proc/mounts").read_text().splitlines():
            device, mount, kind, *_ = line.split()
            if resolved.startswith(mount) and len(mount) >= len(best[0]):
                best = (mount, f"{kind} on {device} (mounted at {mount})")
        return best[1]
    except OSError:
        return ""


def machine(workdir: Path) -> dict[str, Any]:
    import argon2
    import reportlab
    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    cipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
    engine = connection.execute("SELECT sqlite_version()").fetchone()[0]
    connection.close()
    import sqlite3

    qt = subprocess.run(
        [
            sys.executable,
            "-c",
            "import PySide6, PySide6.QtCore as c; print(PySide6.__version__, c.qVersion())",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    memory_kib = _first("/proc/meminfo", "MemTotal")
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    from vpnotebook import __version__

    return {
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "ram_gib": round(int(memory_kib.split()[0]) / 1024 / 1024, 1) if memory_kib else None,
        "kernel": platform.release(),
        "os": _first("/etc/os-release", "PRETTY_NAME", "=") or platform.platform(),
        "python": platform.python_version(),
        "pyside6": qt[0] if qt else "",
        "qt": qt[1] if len(qt) > 1 else "",
        "sqlcipher": cipher,
        "sqlcipher_sqlite": engine,
        "stdlib_sqlite": sqlite3.sqlite_version,
        "argon2_cffi": getattr(argon2, "__version__", ""),
        "reportlab": reportlab.Version,
        "vpnotebook": __version__,
        "commit": commit + ("+uncommitted changes" if dirty else ""),
        "workdir_filesystem": _filesystem(workdir),
        "loadavg_start": os.getloadavg(),
    }


def read_rss_mb() -> dict[str, float]:
    values = {}
    for key in ("VmRSS", "VmHWM"):
        raw = _first("/proc/self/status", key + ":")
        values[key] = int(raw.split()[0]) / 1024 if raw else math.nan
    return values


def write_json(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, default=str) + "\n", encoding="utf-8")
