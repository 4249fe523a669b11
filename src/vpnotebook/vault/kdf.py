"""Argon2id key derivation: per-slot parameters, a floor, bounds, and memory-first calibration.

Memory is what makes guessing on graphics cards and custom hardware expensive; passes are
not. So calibration takes as much memory as the machine can spare (up to 512 MiB) first and
only then adds passes until one derivation takes about the time asked for.

Three rules keep the parameters honest (docs/formats/keyslots.md, docs/security.md):
- the floor: no new seal is ever weaker than `machine_floor()`;
- no downgrade: a new seal is at least as strong as the slot it replaces (`strongest`);
- the bounds: a slot file asking for more than `within_bounds` allows is damaged, so a
  tampered file cannot make an unlock (or `check`) run for hours or allocate without limit.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw

from .errors import KdfMemoryError

KEY_LENGTH = 32
SALT_LENGTH = 16
KIB_PER_MIB = 1024

# The floor on a machine with at least 4 GiB of memory: 256 MiB and 3 passes. RFC 9106's
# second recommended option is 64 MiB with 3 passes; we take four times its memory.
FLOOR_MEMORY_KIB = 256 * KIB_PER_MIB
FLOOR_ITERATIONS = 3
# Below this nothing is sealed on any machine, however small (RFC 9106's 64 MiB option).
ABSOLUTE_FLOOR_MEMORY_KIB = 64 * KIB_PER_MIB
# Calibration takes at most this much memory, and then adds passes.
CALIBRATION_MEMORY_KIB = 512 * KIB_PER_MIB
ROOMY_MACHINE_BYTES = 4 * 1024**3
# A slot may take at most an eighth of the machine's memory.
MEMORY_SHARE = 8

# Bounds a slot file must keep; beyond them it is damaged, not obeyed. Chosen so that one
# derivation at the bounds takes a few seconds on an ordinary laptop (docs/security.md has
# the figures): 1 GiB at most, 64 passes at most, and at most 4 GiB-passes in all.
MAX_MEMORY_KIB = 1024 * KIB_PER_MIB
MAX_ITERATIONS = 64
MAX_COST_KIB_PASSES = 4 * 1024 * KIB_PER_MIB
MAX_PARALLELISM = 16

DEFAULT_TARGET_MS = 600  # inside 0.5–1 s, with room for a busy moment at unlock
MIN_TARGET_MS = 200
MAX_TARGET_MS = 3000
PROBE_RUNS = 3


@dataclass(frozen=True, order=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    parallelism: int = 2

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Argon2Params:
        """Parameters read from a file: refused (ValueError) outside the bounds."""
        values = {name: data[name] for name in ("memory_kib", "iterations", "parallelism")}
        if not all(type(v) is int and v > 0 for v in values.values()):
            raise ValueError("invalid Argon2 parameters")
        params = cls(**values)  # type: ignore[arg-type]
        if not params.within_bounds:
            raise ValueError("Argon2 parameters out of bounds")
        return params

    @property
    def cost(self) -> int:
        """Memory times passes, in KiB-passes: what one derivation costs, roughly."""
        return self.memory_kib * self.iterations

    @property
    def within_bounds(self) -> bool:
        return (
            1 <= self.parallelism <= MAX_PARALLELISM
            and 8 * self.parallelism <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
            and self.cost <= MAX_COST_KIB_PASSES
        )

    def meets(self, floor: Argon2Params) -> bool:
        return self.memory_kib >= floor.memory_kib and self.iterations >= floor.iterations

    def describe(self) -> str:
        """For people: "512 MiB, 3 passes, 2 lanes"; also under 1 MiB for test vaults."""
        if self.memory_kib % KIB_PER_MIB == 0:
            memory = f"{self.memory_kib // KIB_PER_MIB} MiB"
        else:
            memory = f"{self.memory_kib} KiB"
        return f"{memory}, t={self.iterations}, p={self.parallelism}"


# Cheap parameters for tests only; callers must pass them explicitly.
TEST_PARAMS = Argon2Params(memory_kib=256, iterations=1, parallelism=1)
FLOOR_PARAMS = Argon2Params(memory_kib=FLOOR_MEMORY_KIB, iterations=FLOOR_ITERATIONS)


def total_memory_bytes() -> int | None:
    """The machine's physical memory, or None where it cannot be told."""
    try:
        pages = os.sysconf("SC_PHYS_PAGES")
        page_size = os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        pages = page_size = -1
    if pages > 0 and page_size > 0:
        return int(pages * page_size)
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        return _windows_total_memory()
    return None


def _windows_total_memory() -> int | None:  # pragma: no cover - Windows only
    import ctypes

    class MemoryStatus(ctypes.Structure):
        _fields_ = [
            ("length", ctypes.c_ulong),
            ("load", ctypes.c_ulong),
            ("total_physical", ctypes.c_ulonglong),
            ("available_physical", ctypes.c_ulonglong),
            ("total_page_file", ctypes.c_ulonglong),
            ("available_page_file", ctypes.c_ulonglong),
            ("total_virtual", ctypes.c_ulonglong),
            ("available_virtual", ctypes.c_ulonglong),
            ("available_extended_virtual", ctypes.c_ulonglong),
        ]

    status = MemoryStatus()
    status.length = ctypes.sizeof(MemoryStatus)
    if not ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
        return None
    return int(status.total_physical)


def _power_of_two_at_most(value: int) -> int:
    return 1 << (value.bit_length() - 1) if value > 0 else 0


def memory_limit_kib(total_bytes: int | None) -> int:
    """The most memory calibration may take here: 512 MiB, or an eighth of a small machine.

    Never below the absolute floor (64 MiB): a machine too small for that cannot run the
    program anyway. Unknown memory counts as a roomy machine.
    """
    if total_bytes is None or total_bytes >= ROOMY_MACHINE_BYTES:
        return CALIBRATION_MEMORY_KIB
    share = _power_of_two_at_most(total_bytes // 1024 // MEMORY_SHARE)
    return max(ABSOLUTE_FLOOR_MEMORY_KIB, min(CALIBRATION_MEMORY_KIB, share))


def machine_floor(total_bytes: int | None = None, *, measure: bool = True) -> Argon2Params:
    """The floor here: 256 MiB and 3 passes, or the largest that fits on a small machine."""
    if measure and total_bytes is None:
        total_bytes = total_memory_bytes()
    memory = min(FLOOR_MEMORY_KIB, memory_limit_kib(total_bytes))
    return Argon2Params(memory_kib=memory, iterations=FLOOR_ITERATIONS)


def strongest(*candidates: Argon2Params) -> Argon2Params:
    """At least as much memory and as many passes as every candidate, within the bounds.

    Lanes come from the first candidate (the machine's own choice). Should the combination
    cost more than the bounds allow, passes give way: memory is what protects.
    """
    first = candidates[0]
    memory = min(max(c.memory_kib for c in candidates), MAX_MEMORY_KIB)
    iterations = max(c.iterations for c in candidates)
    iterations = max(1, min(iterations, MAX_ITERATIONS, MAX_COST_KIB_PASSES // memory))
    parallelism = min(first.parallelism, memory // 8)
    return Argon2Params(memory_kib=memory, iterations=iterations, parallelism=parallelism)


def derive_key(secret: bytes, salt: bytes, params: Argon2Params) -> bytes:
    if not params.within_bounds:
        raise ValueError(f"Argon2 parameters out of bounds: {params}")
    try:
        return hash_secret_raw(
            secret=secret,
            salt=salt,
            time_cost=params.iterations,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=KEY_LENGTH,
            type=Type.ID,
        )
    except HashingError as exc:
        # The one failure a valid call can meet: the memory could not be had.
        raise KdfMemoryError(str(exc)) from exc
    except MemoryError as exc:
        raise KdfMemoryError("out of memory") from exc


def default_parallelism() -> int:
    return max(1, min(4, os.cpu_count() or 1))


Timer = Callable[[Argon2Params], float]


def _time_once(params: Argon2Params) -> float:
    started = time.perf_counter()
    derive_key(b"calibration", b"\0" * SALT_LENGTH, params)
    return (time.perf_counter() - started) * 1000


@dataclass(frozen=True)
class Calibration:
    """What calibration chose, and why, so the VP can be told the truth."""

    params: Argon2Params
    estimated_ms: float
    # The machine's memory limited the memory below the 256 MiB floor (said to the VP).
    memory_limited: bool
    total_memory_bytes: int | None


def calibrate(
    target_ms: int = DEFAULT_TARGET_MS,
    *,
    total_bytes: int | None = None,
    timer: Timer = _time_once,
    runs: int = PROBE_RUNS,
) -> Calibration:
    """Memory first, then passes, aiming at `target_ms` for one derivation.

    1. Memory: 512 MiB (or what a small machine can spare). Timed at 1 and at 2 passes, best
       of `runs` each (the fastest run is the one least disturbed by other programs), which
       gives the cost of the first pass (it also touches the memory) and of each further one.
       Only if the floor's passes at this memory would take more than a third over the
       target is the memory halved, and never below the floor's memory.
    2. Passes: as many as fit in the target, never fewer than the floor's. Passes above the
       floor's are then timed once for real, and given up if that run is too slow.
    """
    if total_bytes is None:
        total_bytes = total_memory_bytes()
    floor = machine_floor(total_bytes, measure=False)
    lanes = default_parallelism()
    memory = memory_limit_kib(total_bytes)
    ceiling = target_ms * 4 / 3

    def best(iterations: int, count: int) -> float:
        probe = Argon2Params(memory, iterations, min(lanes, memory // 8))
        return max(min(timer(probe) for _ in range(max(count, 1))), 0.1)

    while True:
        one = best(1, runs)
        # Every further pass costs at least half the first (below), so the floor's passes
        # take at least this long: too slow already, and two passes need not be timed.
        at_least = one * (1 + (floor.iterations - 1) / 2)
        if memory > floor.memory_kib and at_least > ceiling:
            memory //= 2
            continue
        two = best(2, max(runs - 1, 1))
        # time(t) ~ setup + t * per_pass. Measured, the first pass (which also touches the
        # memory) costs less than two others; a smaller difference is a lucky probe, and
        # would buy passes that a normal moment cannot pay for.
        per_pass = max(two - one, one / 2)
        setup = max(one - per_pass, 0.0)
        if memory <= floor.memory_kib or setup + floor.iterations * per_pass <= ceiling:
            break
        memory //= 2
    iterations = int((target_ms - setup) // per_pass)
    iterations = max(iterations, floor.iterations, 1)
    iterations = min(iterations, MAX_ITERATIONS, MAX_COST_KIB_PASSES // memory)
    params = Argon2Params(memory, iterations, min(lanes, memory // 8))
    estimate = setup + iterations * per_pass
    if iterations > floor.iterations:
        # One real run at the chosen parameters: on a busy machine the fastest probes were
        # lucky moments, and the passes they seemed to allow must not make unlocking slow.
        measured = timer(params)
        if measured > ceiling:
            fewer = max(floor.iterations, int(iterations * target_ms / measured))
            params = Argon2Params(memory, fewer, params.parallelism)
            estimate = measured * fewer / iterations
    return Calibration(
        params=params,
        estimated_ms=estimate,
        memory_limited=memory < FLOOR_MEMORY_KIB,
        total_memory_bytes=total_bytes,
    )


@dataclass(frozen=True)
class KdfPolicy:
    """How a new seal picks its parameters: the one place for "no downgrade, ever".

    Production: calibrated on this machine, never below the machine's floor, never weaker
    than the slot it replaces. Tests (and the CLI's hidden test options) pass `fixed`
    parameters explicitly; the floor then is those parameters, so a cheap test vault does
    not count as "below the floor".
    """

    fixed: Argon2Params | None = None
    target_ms: int = DEFAULT_TARGET_MS

    @classmethod
    def explicit(cls, params: Argon2Params) -> KdfPolicy:
        return cls(fixed=params)

    @property
    def floor(self) -> Argon2Params:
        return self.fixed if self.fixed is not None else machine_floor()

    def calibrated(self) -> Argon2Params:
        if self.fixed is not None:
            return self.fixed
        return calibrate(self.target_ms).params

    def for_new_seal(
        self, *previous: Argon2Params, base: Argon2Params | None = None
    ) -> Argon2Params:
        """max(floor, calibrated, every previous slot's own), within the bounds.

        `base` is a calibration already made for this operation (rekey seals two slots).
        """
        chosen = base if base is not None else self.calibrated()
        if self.fixed is not None:
            return strongest(chosen, *previous)
        return strongest(chosen, self.floor, *previous)

    def is_below_floor(self, params: Argon2Params) -> bool:
        return not params.meets(self.floor)


PRODUCTION = KdfPolicy()
