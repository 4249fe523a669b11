"""Argon2id key derivation with per-slot parameters, calibrated like KeePassXC does."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw

KEY_LENGTH = 32
SALT_LENGTH = 16

# The floor the issue sets: never weaker than this, whatever the calibration says.
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
DEFAULT_PARALLELISM = 2
DEFAULT_TARGET_MS = 1000
MAX_ITERATIONS = 64


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    parallelism: int = DEFAULT_PARALLELISM

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Argon2Params:
        values = {name: data[name] for name in ("memory_kib", "iterations", "parallelism")}
        if not all(isinstance(v, int) and v > 0 for v in values.values()):
            raise ValueError("invalid Argon2 parameters")
        # A tampered slot must not make us allocate terabytes.
        if values["memory_kib"] > 4 * 1024 * 1024 or values["iterations"] > 1000:
            raise ValueError("Argon2 parameters out of range")
        return cls(**values)  # type: ignore[arg-type]

    @property
    def meets_floor(self) -> bool:
        return self.memory_kib >= MIN_MEMORY_KIB and self.iterations >= MIN_ITERATIONS


# Cheap parameters for tests only; callers must pass them explicitly.
TEST_PARAMS = Argon2Params(memory_kib=256, iterations=1, parallelism=1)
FLOOR_PARAMS = Argon2Params(memory_kib=MIN_MEMORY_KIB, iterations=MIN_ITERATIONS)


def derive_key(secret: bytes, salt: bytes, params: Argon2Params) -> bytes:
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_LENGTH,
        type=Type.ID,
    )


def calibrate(target_ms: int = DEFAULT_TARGET_MS) -> Argon2Params:
    """Pick iterations at the floor's memory so one derivation takes about `target_ms`.

    Like KeePassXC: time one run at the floor, scale the iteration count linearly, and never
    go below the floor however fast the machine is.
    """
    probe = FLOOR_PARAMS
    started = time.perf_counter()
    derive_key(b"calibration", b"\0" * SALT_LENGTH, probe)
    elapsed_ms = max((time.perf_counter() - started) * 1000, 1.0)
    iterations = int(probe.iterations * target_ms / elapsed_ms)
    iterations = min(max(iterations, MIN_ITERATIONS), MAX_ITERATIONS)
    return Argon2Params(memory_kib=MIN_MEMORY_KIB, iterations=iterations)
