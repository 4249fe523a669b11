"""Re-keying: a new random data key, the database copied under it, every slot sealed again.

The steps, each durable before the next (docs/security.md, "Re-keying"):

1. `sqlcipher_export` copies the database into `vault.db.rekey` under the new key; the copy
   is checked (HMAC of every page, structure, row counts per table) and fsynced.
2. The new slots are written to `keyslots.rekey.json` (atomically).
3. The database connection is closed, which folds the write-ahead log into `vault.db`.
4. `vault.db.rekey` is renamed over `vault.db`: from here the new key is the vault's key.
5. `keyslots.rekey.json` is renamed over `keyslots.json`.

A process killed anywhere leaves a vault that opens with the old key or the new one: until
step 4 the old slots open the old database; after it, the new slots (still beside the old
ones until step 5) open the new one. `unlock` tries both and finishes or undoes what a
killed re-key left, and says which it did.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .database import Database, raw_key_literal
from .errors import (
    StorageError,
    VaultDamagedError,
    VaultError,
    WrongSecretError,
)
from .fsutil import fsync_dir
from .keyslots import KeySlotFile, wipe
from .opening import open_database, open_database_read_only
from .paths import DATABASE_NAME, KEYSLOTS_NAME, PRE_MIGRATION_DIR

PENDING_SLOTS_NAME = "keyslots.rekey.json"
REKEY_DATABASE_NAME = "vault.db.rekey"
_SIDE_FILES = ("-wal", "-shm", "-journal")

# What `unlock` found and did about a re-key that was killed half-way.
REKEY_UNDONE = "undone"
REKEY_FINISHED = "finished"


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def remove_stale_slot_temps(folder: Path) -> None:
    """Temp files of key-slot writes that were killed: each may hold an older slot.

    An older slot opens the vault with an older secret (until a re-key), so it must not lie
    around. Every key-slot write happens under the vault's lock, which the caller holds.
    """
    for stale in folder.glob(".tmp-keyslots*.json.*"):
        _unlink(stale)


def remove_rekey_leftovers(folder: Path) -> None:
    """The copy and the pending slots of a re-key that did not reach its commit point."""
    for name in (REKEY_DATABASE_NAME, *(REKEY_DATABASE_NAME + s for s in _SIDE_FILES)):
        _unlink(folder / name)
    _unlink(folder / PENDING_SLOTS_NAME)


def discard_old_key_copies(folder: Path) -> None:
    """Copies taken before schema upgrades are under the old key: they go with it."""
    for copy in (folder / PRE_MIGRATION_DIR).glob("vault-schema*.db"):
        with contextlib.suppress(OSError):
            copy.unlink()


def row_counts(database: Database) -> dict[str, int]:
    """Rows in every table, the search index's own tables included."""
    names = [
        str(row[0])
        for row in database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return {name: int(database.scalar(f'SELECT count(*) FROM "{name}"')) for name in names}


def export_copy(database: Database, folder: Path, new_key: bytearray) -> Path:
    """Step 1: the whole database under `new_key` in `vault.db.rekey`, checked and durable."""
    target = folder / REKEY_DATABASE_NAME
    remove_rekey_leftovers(folder)
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise StorageError(f"cannot create the re-keyed copy: {exc.strerror}") from exc
    database.checkpoint()
    conn = database.raw_connection
    literal = raw_key_literal(new_key)
    try:
        # A bound blob, not SQL text: the statement cache never holds the key.
        database.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(target), literal))
        try:
            database.query("SELECT sqlcipher_export('rekeyed')")
            version = database.user_version
            conn.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        finally:
            with contextlib.suppress(Exception):
                conn.execute("DETACH DATABASE rekeyed")
    except BaseException:
        remove_rekey_leftovers(folder)
        raise
    finally:
        wipe(literal)
    try:
        _check_copy(target, new_key, database)
        with open(target, "rb") as handle:
            os.fsync(handle.fileno())
        fsync_dir(folder)
    except OSError as exc:
        remove_rekey_leftovers(folder)
        raise StorageError(f"cannot make the re-keyed copy durable: {exc.strerror}") from exc
    except BaseException:
        remove_rekey_leftovers(folder)
        raise
    return target


def _check_copy(path: Path, key: bytearray, source: Database) -> None:
    copy = Database.open(path, key)
    try:
        problems = copy.integrity_problems()
        if problems:
            raise VaultDamagedError(f"re-keyed copy fails its check: {problems[:3]}")
        if copy.user_version != source.user_version:
            raise VaultDamagedError("re-keyed copy has another schema version")
        if row_counts(copy) != row_counts(source):
            raise VaultDamagedError("re-keyed copy has other row counts")
        copy.checkpoint()
    finally:
        copy.close()
    for suffix in ("-wal", "-shm"):
        _unlink(Path(str(path) + suffix))


def swap(folder: Path, database: Database, pending: KeySlotFile) -> None:
    """Steps 2 to 5. `database` is closed here; the caller opens the new one."""
    pending.save(folder / PENDING_SLOTS_NAME)
    database.close()
    wal = folder / (DATABASE_NAME + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # Frames of the old database must never meet the new file. Closing the last
        # connection folds them in; if that did not happen, stop before the commit point.
        remove_rekey_leftovers(folder)
        raise StorageError("the write-ahead log could not be folded in before re-keying")
    for suffix in ("-wal", "-shm"):
        _unlink(folder / (DATABASE_NAME + suffix))
    try:
        os.replace(folder / REKEY_DATABASE_NAME, folder / DATABASE_NAME)
        fsync_dir(folder)
        # The new key is the vault's key from here on.
        os.replace(folder / PENDING_SLOTS_NAME, folder / KEYSLOTS_NAME)
        fsync_dir(folder)
    except OSError as exc:
        raise StorageError(f"re-keying could not finish: {exc.strerror}") from exc
    discard_old_key_copies(folder)


def settle(folder: Path, old_key: bytearray, new_key: bytearray) -> tuple[bool, Database]:
    """After a swap that failed: open the database that is there; finish or undo the rest.

    Returns whether it is the new one, and the open database.
    """
    try:
        database = open_database(folder, old_key)
    except VaultDamagedError:
        database = open_database(folder, new_key)
        # Past the commit point: the slots follow now, or at the next open.
        with contextlib.suppress(OSError):
            os.replace(folder / PENDING_SLOTS_NAME, folder / KEYSLOTS_NAME)
            fsync_dir(folder)
            discard_old_key_copies(folder)
        return True, database
    remove_rekey_leftovers(folder)
    return False, database


@dataclass
class Unlocked:
    key: bytearray
    database: Database
    slots: KeySlotFile
    # REKEY_UNDONE or REKEY_FINISHED when a killed re-key was found; None otherwise.
    rekey_recovered: str | None = None


def _read_pending(folder: Path) -> KeySlotFile | None:
    path = folder / PENDING_SLOTS_NAME
    try:
        return KeySlotFile.load(path)
    except FileNotFoundError:
        return None
    except (OSError, VaultError):
        # Written atomically, so damage is real; the current slots may still open the
        # database (the re-key then never reached its commit point).
        return None


def _try(
    folder: Path,
    slots: KeySlotFile,
    passphrase: str | None,
    recovery_code: str | None,
    *,
    read_only: bool,
    before_open: Callable[[], None] | None,
) -> Unlocked:
    key = slots.open_with(passphrase=passphrase, recovery_code=recovery_code)
    try:
        if before_open is not None:
            before_open()
        opener = open_database_read_only if read_only else open_database
        database = opener(folder, key)
    except BaseException:
        wipe(key)
        raise
    return Unlocked(key, database, slots)


def unlock(
    folder: Path,
    slots: KeySlotFile,
    *,
    passphrase: str | None,
    recovery_code: str | None,
    read_only: bool = False,
    before_open: Callable[[], None] | None = None,
) -> Unlocked:
    """The data key and the open database; finishes or undoes a killed re-key on the way.

    `read_only` (a full disk, a read-only medium) writes nothing: a killed re-key is read
    past — the new key is used if the database has it — and left for a normal opening.
    """
    if not read_only:
        remove_stale_slot_temps(folder)
    pending = _read_pending(folder)

    def attempt(with_slots: KeySlotFile) -> Unlocked:
        return _try(
            folder,
            with_slots,
            passphrase,
            recovery_code,
            read_only=read_only,
            before_open=before_open,
        )

    if pending is None:
        if not read_only and (folder / REKEY_DATABASE_NAME).exists():
            remove_rekey_leftovers(folder)
        return attempt(slots)
    try:
        unlocked = attempt(slots)
    except (WrongSecretError, VaultDamagedError) as first:
        try:
            unlocked = attempt(pending)
        except (WrongSecretError, VaultDamagedError):
            raise first from None
        if read_only:
            return unlocked
        # The database is the new one: finish step 5.
        try:
            os.replace(folder / PENDING_SLOTS_NAME, folder / KEYSLOTS_NAME)
            fsync_dir(folder)
        except OSError as exc:
            unlocked.database.close()
            wipe(unlocked.key)
            raise StorageError(f"cannot finish an interrupted re-key: {exc.strerror}") from exc
        discard_old_key_copies(folder)
        unlocked.rekey_recovered = REKEY_FINISHED
        return unlocked
    if read_only:
        return unlocked
    # The old slots opened the database: the re-key never reached its commit point.
    remove_rekey_leftovers(folder)
    unlocked.rekey_recovered = REKEY_UNDONE
    return unlocked
