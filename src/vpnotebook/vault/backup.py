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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from .. import __version__
from . import container

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
    parse_public_header,
)
from .database import Database
from .errors import (
    BackupDamagedError,
    BackupTooNewError,
    BackupUnreadableError,
    BackupWriteError,
    NotABackupError,
    RestoreTargetError,
    StorageError,
    VaultError,
)
from .fsutil import fsync_dir, make_private_dir
from .keyslots import KeySlotFile
from .lockfile import VaultLock
from .schema import LATEST_VERSION
from .vault import DATABASE_NAME, KEYSLOTS_NAME, Vault, is_vault

BACKUP_PREFIX = "vpnotebook-"
BACKUP_SUFFIX = ".vpbackup"
DEFAULT_KEEP = 5

Progress = Callable[[int, int], None]
SinkOpener = Callable[[Path], BinaryIO]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: str
    schema_version: int
    vault_id: str
    record_counts: dict[str, int]
    size: int
    removed_old: tuple[Path, ...] = field(default=())


def backup_name(moment: datetime) -> str:
    return f"{BACKUP_PREFIX}{moment.strftime('%Y-%m-%dT%H%M')}{BACKUP_SUFFIX}"


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


def list_backups(folder: Path) -> list[Path]:
    """Our backup files in a folder, oldest first (the names sort by time)."""
    try:
        found = [
            path
            for path in folder.iterdir()
            if path.name.startswith(BACKUP_PREFIX)
            and path.name.endswith(BACKUP_SUFFIX)
            and path.is_file()
        ]
    except OSError:
        return []
    return sorted(found, key=_age_key)


def _age_key(path: Path) -> tuple[str, int]:
    # "…T1530.vpbackup" then "…T1530-2.vpbackup": a plain name sort would put -2 first.
    stem = path.name[: -len(BACKUP_SUFFIX)]
    moment, _, counter = stem.rpartition("-")
    if moment and counter.isdigit() and len(counter) < 4:
        return moment, int(counter)
    return stem, 1


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
) -> BackupInfo:
    """Write and fsync a backup, read it back, only then give it its name; rotate old ones.

    `target` is a folder (a timestamped name is chosen) or a file path. `open_sink` exists so
    tests can make the device fail after N bytes, as KeePassXC's FailDevice does.
    """
    moment = (now or datetime.now()).replace(microsecond=0)
    target = Path(target)
    if target.suffix == BACKUP_SUFFIX:
        folder, final = target.parent, target
    else:
        folder = target
        final = _free_name(folder, backup_name(moment))
    if not folder.is_dir():
        raise BackupWriteError(f"no such folder: {folder}")
    _remove_stale_partials(folder)

    vault.db.checkpoint()
    database_path = vault.folder / DATABASE_NAME
    reader = Database.open(database_path, vault.data_key)
    temp = folder / f".{final.name}.partial-{secrets.token_hex(4)}"
    file_key = backup_file_key(vault.data_key)
    try:
        # A read transaction on its own connection: the main file cannot change under us.
        reader.execute("BEGIN")
        counts = table_counts(reader)
        schema_version = reader.user_version
        manifest = {
            "vault_id": vault.vault_id,
            "schema_version": schema_version,
            "created_at": moment.isoformat(),
            "app_version": __version__,
            "record_counts": counts,
        }
        public = encode_public_header(vault.slot_file, moment)
        size = database_path.stat().st_size
        with open(database_path, "rb") as database_file:
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

    removed = _rotate(folder, keep=keep, keep_path=final)
    with vault.db.transaction():
        for key, value in (
            ("last_backup_at", moment.isoformat()),
            ("last_backup_file", final.name),
        ):
            vault.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
    return BackupInfo(
        final,
        moment.isoformat(),
        schema_version,
        vault.vault_id,
        counts,
        final.stat().st_size,
        removed,
    )


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
    With every tag checked, the plaintext is then exactly what was sealed (the manifest and
    the database as read under the read transaction), without hashing it twice. Page HMACs
    and the b-tree walk are left to `verify-backup` and restore: here they would only check
    the live database again.
    """
    read_header(path)
    try:
        with open(path, "rb", buffering=0) as source:
            container.verify_container(source, file_key, expected_header_mac=header_mac)
    except container.ContainerError as exc:
        raise BackupDamagedError(str(exc)) from exc


def _free_name(folder: Path, name: str) -> Path:
    candidate = folder / name
    counter = 2
    while candidate.exists():
        candidate = folder / name.replace(BACKUP_SUFFIX, f"-{counter}{BACKUP_SUFFIX}")
        counter += 1
    return candidate


def _remove_stale_partials(folder: Path) -> None:
    # Left by a backup that was killed or whose stick was pulled; never a valid backup.
    with contextlib.suppress(OSError):
        for path in folder.glob(f".{BACKUP_PREFIX}*{BACKUP_SUFFIX}.partial-*"):
            with contextlib.suppress(OSError):
                path.unlink()


def _rotate(folder: Path, *, keep: int, keep_path: Path) -> tuple[Path, ...]:
    if keep < 1:
        return ()
    backups = [path for path in list_backups(folder) if path != keep_path]
    surplus = len(backups) + 1 - keep
    removed = []
    for old in backups[: max(surplus, 0)]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    if removed:
        with contextlib.suppress(OSError):
            fsync_dir(folder)
    return tuple(removed)


# -- reading a backup -----------------------------------------------------------------------


def _data_key_for(slots: KeySlotFile, passphrase: str | None, recovery_code: str | None) -> bytes:
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


def _decrypt_database(
    path: Path, data_key: bytes, target: Path, *, durable: bool
) -> dict[str, Any]:
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


def _check_database(path: Path, data_key: bytes, manifest: dict[str, Any]) -> None:
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
    document, _ = read_header(path)
    _remove_stale_scratch()
    with tempfile.TemporaryDirectory(prefix=VERIFY_SCRATCH_PREFIX) as scratch:
        scratch_dir = Path(scratch)
        os.chmod(scratch_dir, 0o700)
        database = scratch_dir / "check.db"
        manifest = _decrypt_database(path, data_key, database, durable=False)
        _check_database(database, data_key, manifest)
    return BackupInfo(
        path=path,
        created_at=str(document.get("created_at", "")),
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
    return _verify_with_key(Path(path), _data_key_for(slots, passphrase, recovery_code))


def restore_backup(
    path: Path,
    target: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    replace: bool = False,
    now: datetime | None = None,
) -> tuple[BackupInfo, Path | None]:
    """Restore into a new vault folder; returns the info and where an old vault was put aside.

    Everything is checked before the new vault exists: on any failure nothing is left behind.
    With `replace`, a vault already in `target` is first moved aside, never deleted.
    """
    path, target = Path(path), Path(target)
    _, slots = read_header(path)
    data_key = _data_key_for(slots, passphrase, recovery_code)
    set_aside: Path | None = None
    if target.exists() and not target.is_dir():
        raise RestoreTargetError("target is not a folder")
    try:
        occupied = target.exists() and any(target.iterdir())
    except OSError as exc:
        raise RestoreTargetError(f"cannot list target: {exc.strerror}") from exc
    if occupied and not (replace and is_vault(target)):
        raise RestoreTargetError(str(target))

    staging = target.parent / f".{target.name}.restoring-{secrets.token_hex(4)}"
    try:
        make_private_dir(staging)
        manifest = _decrypt_database(path, data_key, staging / DATABASE_NAME, durable=True)
        _check_database(staging / DATABASE_NAME, data_key, manifest)
        slots.save(staging / KEYSLOTS_NAME)
        if occupied:
            # Never move a vault aside while another window or process has it open.
            lock = VaultLock(target)
            lock.acquire()
            lock.release()
            stamp = (now or datetime.now()).strftime("%Y%m%dT%H%M%S")
            set_aside = target.parent / f"{target.name}.voor-herstel-{stamp}"
            os.replace(target, set_aside)
        elif target.exists():
            target.rmdir()
        os.replace(staging, target)
        fsync_dir(target.parent)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise StorageError(f"restore failed: {exc.strerror}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # Opening migrates a backup from an older version, after its own encrypted copy.
    with Vault.open(target, passphrase=passphrase, recovery_code=recovery_code) as restored:
        counts = table_counts(restored.db)
    info = BackupInfo(
        path,
        str(manifest.get("created_at", "")),
        manifest["schema_version"],
        str(manifest.get("vault_id", "")),
        counts,
        path.stat().st_size,
    )
    return info, set_aside
