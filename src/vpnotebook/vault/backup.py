"""Encrypted backup files: make, verify, restore. Format: docs/formats/backup.md.

A backup is one file, sealed with the chunked AEAD container (container.py) under a key
derived from the vault's data key. Its authenticated public header carries the vault's key
slots, so the file opens with the passphrase or recovery code that was valid when it was
made. The payload is a small manifest plus the SQLCipher database file itself — already
encrypted — so not one plaintext byte is written anywhere, not even in a temp file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, cast

from .. import __version__
from . import clock, container, wal
from .backup_files import BACKUP_PREFIX as BACKUP_PREFIX
from .backup_files import BACKUP_SUFFIX as BACKUP_SUFFIX
from .backup_files import DEFAULT_KEEP as DEFAULT_KEEP
from .backup_files import backup_name as backup_name
from .backup_files import list_backups as list_backups
from .backup_files import next_backup_path, rotate

# The format's constants are re-exported: callers and tests know them as backup.*.
from .backup_format import BACKUP_FORMAT as BACKUP_FORMAT
from .backup_format import BACKUP_VERSION as BACKUP_VERSION
from .backup_format import DIGEST_SIZE as DIGEST_SIZE
from .backup_format import PAYLOAD_MAGIC as PAYLOAD_MAGIC
from .backup_format import (
    PayloadSplitter,
    PayloadStream,
    backup_file_key,
    encode_manifest,
    encode_public_header,
    manifest_moment,
    parse_public_header,
    recorded_moment,
)
from .database import READ_ONLY, Database
from .errors import (
    BackupDamagedError,
    BackupTooNewError,
    BackupUnreadableError,
    BackupWriteError,
    DamagedVaultNotBackedUpError,
    NotABackupError,
    StorageError,
    VaultDamagedError,
    VaultError,
)
from .fsutil import fsync_dir
from .keyslots import KeySlotFile
from .schema import LATEST_VERSION
from .vault import DATABASE_NAME, Vault

Progress = Callable[[int, int], None]
SinkOpener = Callable[[Path], BinaryIO]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    # As recorded in the manifest: UTC with a Z (version 2) or local time (version 1).
    created_at: str
    schema_version: int
    vault_id: str
    record_counts: dict[str, int]
    size: int
    removed_old: tuple[Path, ...] = field(default=())

    @property
    def moment(self) -> datetime | None:
        """When the backup was written, in this machine's local time."""
        recorded = recorded_moment(self.created_at)
        return None if recorded is None else recorded.astimezone()


def table_counts(db: Database) -> dict[str, int]:
    """Rows per table of the journal — every table but SQLite's and the search index's own."""
    names = [
        row[0]
        for row in db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index%' ORDER BY name"
        )
    ]
    return {name: int(db.scalar(f'SELECT count(*) FROM "{name}"')) for name in names}


# -- making a backup -----------------------------------------------------------------------


def _open_new_file(path: Path) -> BinaryIO:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(fd, "wb")


def make_backup(
    vault: Vault,
    target: Path,
    *,
    keep: int = DEFAULT_KEEP,
    now: datetime | None = None,
    chunk_size: int = container.CHUNK_SIZE,
    progress: Progress | None = None,
    open_sink: SinkOpener = _open_new_file,
    date_in_name: bool = False,
) -> BackupInfo:
    """Check the vault, write and fsync a backup, read it back, name it; only then rotate.

    `target` is a folder (the next numbered name is chosen, with the local date if
    `date_in_name`) or a file path. A vault that fails its integrity check is refused before
    anything is written. `open_sink` exists so tests can make the device fail after N bytes,
    as KeePassXC's FailDevice does.
    """
    moment = clock.checked(_aware(now) if now is not None else clock.now())
    target = Path(target)
    if target.suffix == BACKUP_SUFFIX:
        folder, final = target.parent, target
    else:
        folder, final = target, None
    if not folder.is_dir():
        raise BackupWriteError(f"no such folder: {folder}")
    _remove_stale_partials(folder)
    if final is None:
        final = next_backup_path(folder, moment, date_in_name=date_in_name)

    file_key = backup_file_key(vault.data_key)
    reader = _snapshot(vault)
    temp = folder / f".{final.name}.partial-{secrets.token_hex(4)}"
    try:
        try:
            counts = table_counts(reader)
            schema_version = reader.user_version
        except VaultDamagedError as exc:
            raise DamagedVaultNotBackedUpError(f"unreadable: {exc.detail}") from exc
        manifest = {
            "vault_id": vault.vault_id,
            "schema_version": schema_version,
            "created_at": manifest_moment(moment),
            "app_version": __version__,
            "record_counts": counts,
        }
        public = encode_public_header(vault.slot_file)
        # The file on the stick will hold exactly the pages this snapshot reads, so a check
        # of the snapshot is the check of the database in the file (docs/formats/backup.md).
        # It runs beside the sealing (SQLite works without the GIL); the file gets its name
        # only if it passed.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vpnotebook-check") as pool:
            checking = pool.submit(reader.integrity_problems)
            with _database_bytes(vault) as (database_file, size):
                payload = PayloadStream(encode_manifest(manifest), database_file)
                total = payload.length(size)
                with open_sink(temp) as sink:
                    sealed = container.seal_container(
                        sink,
                        payload,
                        file_key,
                        public,
                        chunk_size=chunk_size,
                        progress=(lambda done: progress(done, total)) if progress else None,
                    )
                    sink.flush()
                    read_back_failure = _sync_while_reading_back(
                        sink, temp, file_key, sealed.header_mac
                    )
            problems = checking.result()
        if problems:
            raise DamagedVaultNotBackedUpError(f"{len(problems)} integrity problem(s)")
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise BackupWriteError(f"writing failed: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    finally:
        with contextlib.suppress(VaultError):
            reader.execute("COMMIT")
        reader.close()

    # The read-back ran under the temporary name: an older file of the same name is only
    # replaced by a backup that is known to be good.
    try:
        if read_back_failure is not None:
            raise read_back_failure
        os.replace(temp, final)
        fsync_dir(folder)
    except (VaultError, OSError) as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise BackupWriteError(f"read-back verification failed: {exc}") from exc

    # Only now, with a backup that passed its full verification on the stick, may older
    # ones go.
    removed = rotate(folder, keep=keep, keep_path=final, file_key=file_key)
    if not vault.read_only:
        _remember(vault, moment, final)
    return BackupInfo(
        final,
        manifest_moment(moment),
        schema_version,
        vault.vault_id,
        counts,
        final.stat().st_size,
        removed,
    )


@contextlib.contextmanager
def _database_bytes(vault: Vault) -> Iterator[tuple[BinaryIO, int]]:
    """The database as the snapshot reads it, with its size.

    Normally the main file (the log was folded in). A read-only opening cannot fold the log
    in, so the committed pages of the log are laid over the main file as they are read.
    """
    path = vault.folder / DATABASE_NAME
    log = wal.inspect(vault.folder / (DATABASE_NAME + "-wal")) if vault.read_only else wal.EMPTY
    if vault.db.access == READ_ONLY and not log.empty:
        with wal.CheckpointedView(path, vault.folder / (DATABASE_NAME + "-wal"), log) as view:
            yield cast(BinaryIO, view), view.size
        return
    with open(path, "rb") as handle:
        yield handle, os.fstat(handle.fileno()).st_size


def _remember(vault: Vault, moment: datetime, final: Path) -> None:
    """Record the verified backup in the vault, then fold the log in."""
    with vault.db.transaction():
        for key, value in (
            ("last_backup_at", moment.replace(tzinfo=None).isoformat()),
            ("last_backup_file", final.name),
        ):
            vault.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
    # After every backup the write-ahead log is folded in: a damaged log can then cost only
    # what was written after the backup.
    with contextlib.suppress(VaultError):
        vault.db.checkpoint()


def _aware(moment: datetime) -> datetime:
    # A moment without a zone is this machine's local time.
    aware = moment.astimezone() if moment.tzinfo is None else moment
    return aware.replace(microsecond=0)


def _snapshot(vault: Vault) -> Database:
    """A second connection in a read transaction over exactly the bytes of `vault.db`.

    The log is folded in and the read transaction begun while the vault's own connection
    can write nothing (its lock is held), so the snapshot reads the main file only; its read
    lock then keeps any checkpoint from changing that file while it is copied.
    """
    with vault.db.exclusive():
        vault.db.checkpoint(complete=True)
        reader = Database.open(vault.folder / DATABASE_NAME, vault.data_key, access=vault.db.access)
        try:
            reader.execute("BEGIN")
            reader.scalar("SELECT count(*) FROM sqlite_master")
        except BaseException:
            reader.close()
            raise
    return reader


def _sync_while_reading_back(
    sink: BinaryIO, path: Path, file_key: bytes, header_mac: bytes
) -> VaultError | OSError | None:
    """fsync `sink` while `path` is read back; raise the fsync's failure, return the read-back's.

    The fsync waits for the device and the read-back for the CPU, so overlapping them takes
    the device's time out of the backup's. Both deal with the same pages of the system's file
    cache: the read-back checks exactly the bytes that the fsync makes durable.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vpnotebook-read-back") as pool:
        reading = pool.submit(_read_back, path, file_key, header_mac)
        os.fsync(sink.fileno())
        failure = reading.exception()
    if failure is None or isinstance(failure, (VaultError, OSError)):
        return failure
    raise failure


def _read_back(path: Path, file_key: bytes, header_mac: bytes) -> None:
    """Re-read a just-written backup: its header, and every chunk's tag, in memory.

    The header must carry the MAC that was written: it covers the file's fresh random nonce,
    from which the payload key is derived, so a file that passes is this very file, chunk for
    chunk, and not, say, an earlier genuine backup that a failing stick serves in its place.
    With every tag checked, the plaintext is then exactly what was sealed: the manifest and
    the database as the snapshot, which passed its integrity check, read it.
    """
    read_header(path)
    try:
        with open(path, "rb", buffering=0) as source:
            container.verify_container(source, file_key, expected_header_mac=header_mac)
    except container.ContainerError as exc:
        raise BackupDamagedError(str(exc)) from exc


def _remove_stale_partials(folder: Path) -> None:
    # Left by a backup that was killed or whose stick was pulled; never a valid backup.
    with contextlib.suppress(OSError):
        for path in folder.glob(f".{BACKUP_PREFIX}*{BACKUP_SUFFIX}.partial-*"):
            with contextlib.suppress(OSError):
                path.unlink()


# -- reading a backup -----------------------------------------------------------------------


def data_key_for(slots: KeySlotFile, passphrase: str | None, recovery_code: str | None) -> bytes:
    if (passphrase is None) == (recovery_code is None):
        raise ValueError("give exactly one of passphrase and recovery_code")
    if passphrase is not None:
        return slots.open_with_passphrase(passphrase)
    assert recovery_code is not None
    return slots.open_with_recovery_code(recovery_code)


def read_header(path: Path) -> tuple[dict[str, Any], KeySlotFile]:
    try:
        with open(path, "rb") as handle:
            starts_like_a_backup = handle.read(len(container.MAGIC)) == container.MAGIC
            handle.seek(0)
            header = container.read_public_header(handle)
    except container.ContainerVersionError as exc:
        raise BackupTooNewError(str(exc)) from exc
    except container.ContainerFormatError as exc:
        if starts_like_a_backup:
            raise BackupDamagedError(str(exc)) from exc
        raise NotABackupError(str(exc)) from exc
    except OSError as exc:
        raise BackupUnreadableError(f"cannot read backup: {exc.strerror}") from exc
    return parse_public_header(header.public_header)


def decrypt_database(path: Path, data_key: bytes, target: Path, *, durable: bool) -> dict[str, Any]:
    """Decrypt a backup into a new database file at `target`; return the manifest.

    `target` holds SQLCipher pages, never plaintext; it is only complete and genuine when this
    returns, so callers decrypt into a private scratch or staging folder and remove it on any
    failure. `durable` fsyncs it, for a restore that is about to become the vault.
    """
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(path, "rb", buffering=0) as source, os.fdopen(fd, "wb") as sink:
            splitter = PayloadSplitter(sink)
            container.decrypt_container(source, splitter, backup_file_key(data_key))
            sink.flush()
            if durable:
                os.fsync(sink.fileno())
    except container.ContainerVersionError as exc:
        raise BackupTooNewError(str(exc)) from exc
    except container.ContainerError as exc:
        raise BackupDamagedError(str(exc)) from exc
    except OSError as exc:
        raise StorageError(f"cannot decrypt backup: {exc.strerror}") from exc
    return splitter.manifest()


def check_database(path: Path, data_key: bytes, manifest: dict[str, Any]) -> None:
    """Every page's HMAC, the b-tree structure, foreign keys and the row counts."""
    if manifest["schema_version"] > LATEST_VERSION:
        raise BackupTooNewError(f"schema {manifest['schema_version']}")
    database = Database.open(path, data_key)
    try:
        problems = database.integrity_problems()
        if problems:
            raise BackupDamagedError("database in backup fails its integrity check")
        if table_counts(database) != manifest["record_counts"]:
            raise BackupDamagedError("record counts differ from the manifest")
        database.checkpoint()
    finally:
        database.close()
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(str(path) + suffix).unlink()


VERIFY_SCRATCH_PREFIX = "vpnotebook-verify-"
STALE_SCRATCH_SECONDS = 24 * 3600


def _remove_stale_scratch() -> None:
    # Left by a verification that was killed: still encrypted, but a copy of cases that may
    # be destroyed later must not linger.
    now = time.time()
    for old in Path(tempfile.gettempdir()).glob(f"{VERIFY_SCRATCH_PREFIX}*"):
        with contextlib.suppress(OSError):
            if now - old.stat().st_mtime > STALE_SCRATCH_SECONDS:
                shutil.rmtree(old, ignore_errors=True)


def _verify_with_key(path: Path, data_key: bytes) -> BackupInfo:
    read_header(path)
    _remove_stale_scratch()
    with tempfile.TemporaryDirectory(prefix=VERIFY_SCRATCH_PREFIX) as scratch:
        scratch_dir = Path(scratch)
        os.chmod(scratch_dir, 0o700)
        database = scratch_dir / "check.db"
        manifest = decrypt_database(path, data_key, database, durable=False)
        check_database(database, data_key, manifest)
    return BackupInfo(
        path=path,
        created_at=str(manifest.get("created_at", "")),
        schema_version=manifest["schema_version"],
        vault_id=str(manifest.get("vault_id", "")),
        record_counts=manifest["record_counts"],
        size=path.stat().st_size,
    )


def verify_backup(
    path: Path, *, passphrase: str | None = None, recovery_code: str | None = None
) -> BackupInfo:
    """Decrypt and check a backup fully, writing nothing but encrypted scratch files."""
    _, slots = read_header(Path(path))
    return _verify_with_key(Path(path), data_key_for(slots, passphrase, recovery_code))
