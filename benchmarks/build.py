"""Build the benchmark vault once (the `vpnotebook demo` command) and its plain copies.

Everything lives in the work folder (default /tmp/vpnotebook-bench) and is reused while the
recorded build parameters match. The data is fictional; the two plain copies are benchmark
artefacts that never leave the work folder.

  vault/              the encrypted demo vault (cheap Argon2id: the KDF is measured apart)
  vault.built.json    how it was built, its record counts, how long it took
  plain.db            `sqlcipher_export` of vault.db without a key: the same bytes of SQLite,
                      read by the same SQLite engine that SQLCipher bundles
  plain-stdlib.db     the same, with the FTS5 index rebuilt without secure-delete, because
                      the stdlib sqlite3 (older SQLite) cannot read FTS5 format version 5
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import PASSPHRASE, log

TODAY = "2026-11-28"
SEED = 1
KDF_MEMORY_KIB = 1024
KDF_ITERATIONS = 1


@dataclass(frozen=True)
class BenchData:
    workdir: Path
    vault: Path
    plain: Path
    plain_stdlib: Path
    built: dict[str, Any]


def _wanted(cases: int) -> dict[str, Any]:
    from vpnotebook.core import demo
    from vpnotebook.vault.schema import LATEST_VERSION

    # A new schema or new demo code means a different vault: build it again rather than let
    # Vault.open migrate the cached one (which would also leave a pre-migration copy in it).
    demo_code = hashlib.sha256()
    for path in sorted(Path(demo.__file__).parent.glob("demo*.py")):
        demo_code.update(path.read_bytes())
    return {
        "schema": LATEST_VERSION,
        "demo_code_sha256": demo_code.hexdigest()[:16],
        "cases": cases,
        "seed": SEED,
        "today": TODAY,
        "argon2_memory_kib": KDF_MEMORY_KIB,
        "argon2_iterations": KDF_ITERATIONS,
        "format": 1,
    }


def private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def ensure_data(workdir: Path, cases: int, *, rebuild: bool = False) -> BenchData:
    private_dir(workdir)
    vault = workdir / "vault"
    marker = workdir / "vault.built.json"
    plain = workdir / "plain.db"
    plain_stdlib = workdir / "plain-stdlib.db"
    wanted = _wanted(cases)
    built: dict[str, Any] | None = None
    if marker.is_file() and (vault / "keyslots.json").is_file() and not rebuild:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
        if recorded.get("parameters") == wanted:
            built = recorded
    if built is None:
        for stale in (vault, plain, plain_stdlib, marker):
            if stale.is_dir():
                shutil.rmtree(stale)
            elif stale.exists():
                stale.unlink()
        built = _build_vault(workdir, vault, wanted)
        marker.write_text(json.dumps(built, indent=2) + "\n", encoding="utf-8")
    else:
        log(f"reusing the demo vault in {vault} (built {built['built_at']})")
    if not plain.is_file() or not plain_stdlib.is_file():
        _export_plain(vault, plain, plain_stdlib)
    return BenchData(workdir, vault, plain, plain_stdlib, built)


def _build_vault(workdir: Path, vault: Path, wanted: dict[str, Any]) -> dict[str, Any]:
    building = workdir / "vault.building"
    if building.exists():
        shutil.rmtree(building)
    log(f"building the demo vault ({wanted['cases']} cases) in {building}; this takes a minute")
    command = [
        sys.executable, "-m", "vpnotebook", "demo",
        "--vault", str(building),
        "--cases", str(wanted["cases"]),
        "--seed", str(wanted["seed"]),
        "--today", wanted["today"],
        "--argon2-memory-kib", str(wanted["argon2_memory_kib"]),
        "--argon2-iterations", str(wanted["argon2_iterations"]),
    ]  # fmt: skip
    env = {**os.environ, "VPNOTEBOOK_PASSPHRASE": PASSPHRASE}
    started = time.perf_counter()
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if finished.returncode != 0:
        raise SystemExit(f"vpnotebook demo failed ({finished.returncode}):\n{finished.stderr}")
    building.rename(vault)
    counts = _record_counts(vault)
    log(f"built in {seconds:.0f} s: {counts}")
    return {
        "parameters": wanted,
        "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "build_seconds": round(seconds, 1),
        "record_counts": counts,
        "database_bytes": (vault / "vault.db").stat().st_size,
    }


def _record_counts(folder: Path) -> dict[str, int]:
    from vpnotebook.vault.backup import table_counts
    from vpnotebook.vault.vault import Vault

    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        return table_counts(vault.db)


def _export_plain(vault_folder: Path, plain: Path, plain_stdlib: Path) -> None:
    import sqlcipher3

    from vpnotebook.vault.vault import Vault

    for path in (plain, plain_stdlib):
        if path.exists():
            path.unlink()
    log("exporting a plain SQLite copy (sqlcipher_export) for the baselines")
    temp = plain.with_suffix(".partial")
    if temp.exists():
        temp.unlink()
    with Vault.open(vault_folder, passphrase=PASSPHRASE) as vault:
        connection = vault.db.raw_connection
        connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(temp),))
        try:
            connection.execute("SELECT sqlcipher_export('plain')").fetchall()
        finally:
            connection.execute("DETACH DATABASE plain")
    os.chmod(temp, 0o600)
    shutil.copyfile(temp, plain_stdlib.with_suffix(".partial"))
    temp.rename(plain)
    # The stdlib's SQLite cannot read FTS5 format 5 (secure-delete); rebuild that copy's index
    # without it, with the newer engine, so the same queries run there too.
    stdlib_temp = plain_stdlib.with_suffix(".partial")
    connection = sqlcipher3.connect(str(stdlib_temp), isolation_level=None)
    try:
        connection.execute(
            "INSERT INTO search_index(search_index, rank) VALUES('secure-delete', 0)"
        )
        connection.execute("INSERT INTO search_index(search_index) VALUES('rebuild')")
    finally:
        connection.close()
    os.chmod(stdlib_temp, 0o600)
    stdlib_temp.rename(plain_stdlib)
