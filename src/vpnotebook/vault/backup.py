"""Encrypted backup files: make, verify, restore. Format: docs/formats/backup.md.

A backup is one file, sealed with the chunked AEAD container (container.py) under a key
derived from the vault's data key. Its authenticated public header carries the vault's key
slots, so the file opens with the passphrase or recovery code that was valid when it was
made. The payload is a small manifest plus the SQLCipher database file itself — already
encrypted — so not one plaintext byte is written anywhere, not even in a temp file.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import secrets
import shutil
import struct
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .. import __version__
from . import container
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

BACKUP_FORMAT = "vpnotebook-backup"
BACKUP_VERSION = 1
BACKUP_PREFIX = "vpnotebook-"
BACKUP_SUFFIX = ".vpbackup"
DEFAULT_KEEP = 5
PAYLOAD_MAGIC = b"VPNBPAY1"
DIGEST_SIZE = 32
_FILE_KEY_INFO = b"vpnotebook backup file key v1"

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


def backup_file_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_FILE_KEY_INFO).derive(
        data_key
    )


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
    """Write, fsync, rename, read back and verify a backup; then rotate old ones.

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
    try:
        # A read transaction on its own connection: the main file cannot change under us.
        reader.execute("BEGIN")
        counts = table_counts(reader)
        manifest = {
            "vault_id": vault.vault_id,
            "schema_version": reader.user_version,
            "created_at": moment.isoformat(),
            "app_version": __version__,
            "record_counts": counts,
        }
        public = _public_header(vault.slot_file, moment)
        size = database_path.stat().st_size
        with open(database_path, "rb") as database_file:
            payload = _Payload(_encode_manifest(manifest), database_file)
            total = payload.length(size)
            with open_sink(temp) as sink:
                container.write_container(
                    sink,
                    payload,
                    backup_file_key(vault.data_key),
                    public,
                    chunk_size=chunk_size,
                    progress=(lambda done: progress(done, total)) if progress else None,
                )
                sink.flush()
                os.fsync(sink.fileno())
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

    # Read back and verify under the temporary name: an older file of the same name is only
    # replaced by a backup that is known to be good.
    try:
        info = _verify_with_key(temp, vault.data_key, structure=False)
        if info.record_counts != counts:
            raise BackupDamagedError("record counts differ after read-back")
        os.replace(temp, final)
        fsync_dir(folder)
    except (VaultError, OSError) as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise BackupWriteError(f"read-back verification failed: {exc}") from exc
    info = replace(info, path=final)

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
        info.created_at,
        info.schema_version,
        info.vault_id,
        counts,
        final.stat().st_size,
        removed,
    )


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


# -- the file's two layers ----------------------------------------------------------------


def _public_header(slots: KeySlotFile, moment: datetime) -> bytes:
    document = {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "app_version": __version__,
        "created_at": moment.isoformat(),
        "keyslots": slots.to_bytes().decode("utf-8"),
    }
    body = json.dumps(document, sort_keys=True).encode("utf-8")
    # A digest anyone can check: a flipped bit in the slots is "damaged", not "wrong passphrase".
    return body + hashlib.sha256(body).digest()


def _parse_public_header(public: bytes) -> tuple[dict[str, Any], KeySlotFile]:
    body, digest = public[:-DIGEST_SIZE], public[-DIGEST_SIZE:]
    if len(public) <= DIGEST_SIZE or hashlib.sha256(body).digest() != digest:
        raise BackupDamagedError("public header digest mismatch")
    try:
        document = json.loads(body.decode("utf-8"))
        if document.get("format") != BACKUP_FORMAT:
            raise NotABackupError("not a backup header")
        version = document["version"]
        if not isinstance(version, int):
            raise ValueError("version")
    except (ValueError, KeyError, UnicodeDecodeError, AttributeError) as exc:
        raise BackupDamagedError(f"public header unreadable: {exc}") from exc
    if version > BACKUP_VERSION:
        raise BackupTooNewError(f"backup version {version}")
    slots = KeySlotFile.from_bytes(str(document.get("keyslots", "")).encode("utf-8"))
    return document, slots


def _encode_manifest(manifest: dict[str, Any]) -> bytes:
    body = json.dumps(manifest, sort_keys=True).encode("utf-8")
    return PAYLOAD_MAGIC + struct.pack(">I", len(body)) + body


class _Payload(io.RawIOBase):
    """The manifest followed by the database file, read as one stream."""

    def __init__(self, head: bytes, tail: BinaryIO) -> None:
        self._head = io.BytesIO(head)
        self._head_length = len(head)
        self._tail = tail

    def length(self, tail_size: int) -> int:
        return self._head_length + tail_size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        count = self._head.readinto(view)
        if count:
            return count
        data = self._tail.read(len(view))
        view[: len(data)] = data
        return len(data)


def _split_payload(path: Path) -> tuple[dict[str, Any], int]:
    """Read the manifest from a decrypted payload file; return it and the database offset."""
    with open(path, "rb") as handle:
        head = handle.read(len(PAYLOAD_MAGIC) + 4)
        if len(head) < len(PAYLOAD_MAGIC) + 4 or head[: len(PAYLOAD_MAGIC)] != PAYLOAD_MAGIC:
            raise BackupDamagedError("payload has no manifest")
        (length,) = struct.unpack(">I", head[len(PAYLOAD_MAGIC) :])
        if length > 1 << 20:
            raise BackupDamagedError("manifest too large")
        try:
            manifest = json.loads(handle.read(length).decode("utf-8"))
            manifest["record_counts"] = {
                str(k): int(v) for k, v in dict(manifest["record_counts"]).items()
            }
            manifest["schema_version"] = int(manifest["schema_version"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise BackupDamagedError(f"manifest unreadable: {exc}") from exc
    return manifest, len(head) + length


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
    return _parse_public_header(header.public_header)


@contextlib.contextmanager
def _decrypted_payload(path: Path, data_key: bytes, folder: Path) -> Iterator[Path]:
    """Decrypt into a private temp file in `folder`; the content is the encrypted database."""
    temp = folder / f".restore-{secrets.token_hex(6)}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(path, "rb") as source, os.fdopen(fd, "wb") as sink:
            container.decrypt_container(source, sink, backup_file_key(data_key))
            sink.flush()
            os.fsync(sink.fileno())
        yield temp
    except container.ContainerVersionError as exc:
        raise BackupTooNewError(str(exc)) from exc
    except container.ContainerError as exc:
        raise BackupDamagedError(str(exc)) from exc
    except OSError as exc:
        raise StorageError(f"cannot decrypt backup: {exc.strerror}") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _extract_database(payload: Path, offset: int, target: Path) -> None:
    with open(payload, "rb") as source:
        source.seek(offset)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as sink:
            shutil.copyfileobj(source, sink, 1 << 20)
            sink.flush()
            os.fsync(sink.fileno())


def _check_database(
    path: Path, data_key: bytes, manifest: dict[str, Any], *, structure: bool = True
) -> None:
    """Every page's HMAC, the row counts, and (unless told otherwise) the b-tree structure.

    Right after writing, `structure=False`: the container's tags already proved the copy is
    byte for byte the live database, so walking its b-trees again (4 of the 5 seconds on a
    10,000-case vault) would only re-check the source. Verify and restore always check it.
    """
    if manifest["schema_version"] > LATEST_VERSION:
        raise BackupTooNewError(f"schema {manifest['schema_version']}")
    database = Database.open(path, data_key)
    try:
        problems = (
            database.integrity_problems()
            if structure
            else [str(row[0]) for row in database.query("PRAGMA cipher_integrity_check")]
        )
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


def _verify_with_key(path: Path, data_key: bytes, *, structure: bool = True) -> BackupInfo:
    document, _ = read_header(path)
    _remove_stale_scratch()
    with tempfile.TemporaryDirectory(prefix=VERIFY_SCRATCH_PREFIX) as scratch:
        scratch_dir = Path(scratch)
        os.chmod(scratch_dir, 0o700)
        with _decrypted_payload(path, data_key, scratch_dir) as payload:
            manifest, offset = _split_payload(payload)
            database = scratch_dir / "check.db"
            _extract_database(payload, offset, database)
        _check_database(database, data_key, manifest, structure=structure)
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
        with _decrypted_payload(path, data_key, staging) as payload:
            manifest, offset = _split_payload(payload)
            _extract_database(payload, offset, staging / DATABASE_NAME)
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
