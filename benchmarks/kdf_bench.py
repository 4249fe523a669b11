"""Key derivation on this machine: what calibration chooses, and what an unlock then costs.

    python -m benchmarks.kdf_bench [--runs 3]

Prints, for each run: the parameters `calibrate()` chose and how long calibrating took; then
the time of `Vault.open` on a vault sealed with the chosen parameters (median and range over
the runs); and, for scale, one derivation at RFC 9106's second option, at our floor, at the
calibrated parameters and at the bounds. The machine is shared, so every figure is given as
a range. Never part of the test suite. Figures are recorded in docs/security.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from vpnotebook.vault.kdf import (
    FLOOR_PARAMS,
    Argon2Params,
    calibrate,
    default_parallelism,
    derive_key,
    total_memory_bytes,
)
from vpnotebook.vault.vault import Vault

PASSPHRASE = "zeven eenden zwemmen traag door de gracht"  # a scratch vault: no secret


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _span(values: list[float]) -> str:
    return f"{_ms(min(values))}–{_ms(max(values))} (median {_ms(statistics.median(values))})"


def _derive(params: Argon2Params) -> float:
    started = time.perf_counter()
    derive_key(b"benchmark", b"\0" * 16, params)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    total = total_memory_bytes()
    print(f"memory {total / 1024**3:.1f} GiB, lanes {default_parallelism()}")

    chosen: list[Argon2Params] = []
    durations: list[float] = []
    for run in range(args.runs):
        started = time.perf_counter()
        result = calibrate()
        durations.append(time.perf_counter() - started)
        chosen.append(result.params)
        print(
            f"calibration {run + 1}: {result.params.describe()}, "
            f"estimated {result.estimated_ms:.0f} ms, took {durations[-1]:.1f} s"
        )
    print(f"calibration took {min(durations):.1f}–{max(durations):.1f} s")

    params = max(chosen, key=lambda p: p.cost)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "kluis"
        Vault.create(folder, PASSPHRASE, kdf_params=params)[0].close()
        opens = []
        for _ in range(args.runs):
            started = time.perf_counter()
            Vault.open(folder, passphrase=PASSPHRASE).close()
            opens.append(time.perf_counter() - started)
    print(f"unlock (Vault.open) with {params.describe()}: {_span(opens)}")

    lanes = default_parallelism()
    for name, probe in (
        ("RFC 9106 second option (64 MiB, t=3)", Argon2Params(64 * 1024, 3, lanes)),
        ("KeePassXC default (64 MiB, t=10)", Argon2Params(64 * 1024, 10, lanes)),
        ("our floor", Argon2Params(FLOOR_PARAMS.memory_kib, FLOOR_PARAMS.iterations, lanes)),
        ("calibrated", params),
        ("the bounds: 1 GiB, t=4", Argon2Params(1024 * 1024, 4, lanes)),
        ("the bounds, one lane", Argon2Params(1024 * 1024, 4, 1)),
    ):
        times = [_derive(probe) for _ in range(args.runs)]
        print(f"{name} [{probe.describe()}]: {_span(times)}")


if __name__ == "__main__":
    main()
