"""The database of a vault folder, opened with a key that a key slot already proved right.

Normally it is checked and, when its schema is older, migrated after an encrypted copy of it
is kept in pre-migration/; read-only it is opened without writing a byte. Before SQLite
replays a write-ahead log that lost commits, a copy is kept in damaged-wal/. A restore or a
creation killed half-way is finished or cleaned up here first. vault.py holds the `Vault`.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import wal
from .database import IMMUTABLE, READ_ONLY, Database
from .errors import (
    ReadOnlyUnavailableError,
    StorageError,
    VaultDamagedError,
    VaultNotFoundError,
    VaultTooNewError,
)
from .fsutil import fsync_dir, make_private_dir, write_atomic
from .keyslots import KeySlotFile
from .paths import DAMAGED_WAL_DIR, DATABASE_NAME, KEYSLOTS_NAME, PRE_MIGRATION_DIR
from .schema import LATEST_VERSION, MIGRATIONS

KEEP_PRE_MIGRATION_COPIES = 3


@dataclass(frozen=True)
class WalFinding:
    """A write-ahead log found ending at a bad frame when the vault was opened."""

    found_at: str  # UTC, ISO 8601
    lost_commits: int
    kept_copy: Path


def read_slots(folder: Path) -> KeySlotFile:
    path = Path(folder) / KEYSLOTS_NAME
    if not path.is_file():
        raise VaultNotFoundError(str(folder))
    try:
        return KeySlotFile.load(path)
    except OSError as exc:
        raise StorageError(f"cannot read key slots: {exc.strerror}") from exc


def open_database(folder: Path, data_key: bytes | bytearray) -> Database:
    """Open the database with a key that a slot already proved right; migrate if older."""
    path = folder / DATABASE_NAME
    if not path.is_file():
        raise VaultDamagedError("the database file is missing")
    if path.stat().st_size == 0:
        # SQLCipher would take an empty file for a new database under any key.
        raise VaultDamagedError("the database file is empty")
    database = Database.open(path, data_key)
    try:
        version = database.user_version
        if version == 0:
            raise VaultDamagedError("the database holds no schema")
        if version > LATEST_VERSION:
            raise VaultTooNewError(f"schema {version}")
        if version < LATEST_VERSION:
            _copy_before_migration(database, folder, version)
            migrate(database, target=LATEST_VERSION)
    except BaseException:
        database.close()
        raise
    return database


def open_database_read_only(folder: Path, data_key: bytes | bytearray) -> Database:
    """Open without writing a byte anywhere (a full disk, a read-only medium).

    Through the write-ahead log when SQLite can read it without writing (its -shm file is
    there), otherwise immutable — which reads the main file only, and is therefore used only
    when the log holds no committed page.
    """
    path = folder / DATABASE_NAME
    if not path.is_file():
        raise VaultDamagedError("the database file is missing")
    if path.stat().st_size == 0:
        raise VaultDamagedError("the database file is empty")
    log = wal.inspect(folder / (DATABASE_NAME + "-wal"))
    try:
        database = Database.open(path, data_key, access=READ_ONLY)
    except StorageError:
        if not log.empty:
            raise ReadOnlyUnavailableError(
                f"{log.committed_frames} committed frame(s) in the log, no -shm"
            ) from None
        database = Database.open(path, data_key, access=IMMUTABLE)
    try:
        version = database.user_version
        if version == 0:
            raise VaultDamagedError("the database holds no schema")
        if version > LATEST_VERSION:
            raise VaultTooNewError(f"schema {version}")
        if version < LATEST_VERSION:
            raise ReadOnlyUnavailableError(f"schema {version} needs an upgrade")
    except BaseException:
        database.close()
        raise
    return database


def resume_restore(folder: Path) -> object | None:
    # Cheap when there is nothing to do: the restore module loads only for a journal, or for
    # a staging folder that a restore killed before it wrote one left beside the vault.
    name = glob.escape(folder.name)
    leftovers = any(folder.parent.glob(f".{name}.restoring-*")) or any(
        folder.parent.glob(f".{name}.herstelplan.json*")
    )
    if not leftovers:
        return None
    from .restore import resume_interrupted_restore

    return resume_interrupted_restore(folder)


def keep_a_damaged_log(folder: Path) -> None:
    """Before SQLite replays the log (and then drops it), keep a copy if it lost commits."""
    log_path = folder / (DATABASE_NAME + "-wal")
    report = wal.inspect(log_path)
    if not report.damaged:
        return
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target_dir = folder / DAMAGED_WAL_DIR
    try:
        make_private_dir(target_dir)
        copy = target_dir / f"vault.db-wal.{stamp}"
        shutil.copyfile(log_path, copy)
        os.chmod(copy, 0o600)
        note = {
            "found_at": stamp,
            "frames": report.frames,
            "committed_frames": report.committed_frames,
            "lost_commits": report.lost_commits,
            "header_damaged": report.header_damaged,
            "copy": copy.name,
        }
        write_atomic(target_dir / f"{stamp}.json", json.dumps(note, sort_keys=True).encode())
    except OSError as exc:
        raise StorageError(f"cannot keep the damaged log: {exc.strerror}") from exc


def damaged_wal_findings(folder: Path) -> list[WalFinding]:
    findings = []
    for note in sorted((folder / DAMAGED_WAL_DIR).glob("*.json")):
        try:
            document = json.loads(note.read_text(encoding="utf-8"))
            findings.append(
                WalFinding(
                    str(document["found_at"]),
                    int(document["lost_commits"]),
                    folder / DAMAGED_WAL_DIR / str(document["copy"]),
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            findings.append(WalFinding(note.stem, 0, note))
    return findings


def migrate(database: Database, *, target: int) -> None:
    conn = database.raw_connection
    current = database.user_version
    for migration in MIGRATIONS:
        if current < migration.version <= target:
            with database.transaction():
                migration.apply(conn)
                database.set_user_version(migration.version)
            current = migration.version


def _copy_before_migration(database: Database, folder: Path, version: int) -> None:
    # A plain file copy after a checkpoint: the copy is as encrypted as the original.
    database.checkpoint()
    target_dir = folder / PRE_MIGRATION_DIR
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    try:
        make_private_dir(target_dir)
        target = target_dir / f"vault-schema{version}-{stamp}.db"
        shutil.copyfile(folder / DATABASE_NAME, target)
        os.chmod(target, 0o600)
        with open(target, "rb") as handle:
            os.fsync(handle.fileno())
        fsync_dir(target_dir)
    except OSError as exc:
        raise StorageError(f"cannot copy before migrating: {exc.strerror}") from exc
    copies = sorted(target_dir.glob("vault-schema*.db"))
    for old in copies[:-KEEP_PRE_MIGRATION_COPIES]:
        with contextlib.suppress(OSError):
            old.unlink()


def discard_pre_migration_copies(folder: Path) -> int:
    """Remove the copies taken before schema upgrades; returns how many went.

    Called after destruction: a copy from before an upgrade still holds what was destroyed.
    Once the upgraded vault is in use, the copies have served their turn.
    """
    removed = 0
    for copy in sorted((folder / PRE_MIGRATION_DIR).glob("vault-schema*.db")):
        with contextlib.suppress(OSError):
            copy.unlink()
            removed += 1
    return removed


def remove_half_made_vault(folder: Path) -> None:
    for name in (DATABASE_NAME, DATABASE_NAME + "-wal", DATABASE_NAME + "-shm", KEYSLOTS_NAME):
        with contextlib.suppress(OSError):
            (folder / name).unlink()
