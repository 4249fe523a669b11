"""The backup file's two layers above the container: public header and payload.

Byte layout and rules: docs/formats/backup.md ("Layer 2", "File key", "Layer 3"). This module
turns values into those bytes and back; backup.py does the files, the vault and the checks.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
from datetime import UTC, datetime
from typing import Any, BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import BackupDamagedError, BackupTooNewError, NotABackupError
from .keyslots import KeySlotFile

BACKUP_FORMAT = "vpnotebook-backup"
# Version 2 keeps the time of writing and the app version out of the plaintext header: they
# travel in the encrypted manifest only. Version 1 files are still read.
BACKUP_VERSION = 2
PAYLOAD_MAGIC = b"VPNBPAY1"
# A manifest is a few hundred bytes; readers refuse a length above this before reading it.
MAX_MANIFEST_SIZE = 1 << 20
DIGEST_SIZE = 32
_FILE_KEY_INFO = b"vpnotebook backup file key v1"
_MANIFEST_PREFIX = len(PAYLOAD_MAGIC) + 4


def backup_file_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_FILE_KEY_INFO).derive(
        data_key
    )


def encode_public_header(slots: KeySlotFile) -> bytes:
    """What a reader needs before any key exists, and nothing more: the key slots."""
    document = {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "keyslots": slots.to_bytes().decode("utf-8"),
    }
    body = json.dumps(document, sort_keys=True).encode("utf-8")
    # A digest anyone can check: a flipped bit in the slots is "damaged", not "wrong passphrase".
    return body + hashlib.sha256(body).digest()


def parse_public_header(public: bytes) -> tuple[dict[str, Any], KeySlotFile]:
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


def recorded_moment(value: object) -> datetime | None:
    """The manifest's `created_at` as an aware moment, or None when it is not one.

    Version 2 writes UTC with a `Z`; version 1 wrote the local wall-clock time without a zone,
    which is read as this machine's local time.
    """
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo is None else moment


def manifest_moment(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def encode_manifest(manifest: dict[str, Any]) -> bytes:
    body = json.dumps(manifest, sort_keys=True).encode("utf-8")
    return PAYLOAD_MAGIC + struct.pack(">I", len(body)) + body


class PayloadStream(io.RawIOBase):
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
        # Straight into the container's buffer: a fresh bytes object per batch costs page faults.
        return self._tail.readinto(view)


class PayloadSplitter(io.RawIOBase):
    """Takes the decrypted payload: keeps the manifest in memory, streams the database to disk.

    So a backup is decrypted straight into the database file that will be checked (and, on
    restore, kept), without a payload file and a second copy beside it.
    """

    def __init__(self, database: BinaryIO) -> None:
        self._database = database
        self._head = bytearray()
        self._manifest_end: int | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        length = len(data)
        if self._manifest_end is not None:
            self._database.write(data)
            return length
        self._head += data
        if len(self._head) >= len(PAYLOAD_MAGIC) and not self._head.startswith(PAYLOAD_MAGIC):
            raise BackupDamagedError("payload has no manifest")
        if len(self._head) < _MANIFEST_PREFIX:
            return length
        (manifest_length,) = struct.unpack(">I", self._head[len(PAYLOAD_MAGIC) : _MANIFEST_PREFIX])
        if manifest_length > MAX_MANIFEST_SIZE:
            raise BackupDamagedError("manifest too large")
        if len(self._head) >= _MANIFEST_PREFIX + manifest_length:
            self._manifest_end = _MANIFEST_PREFIX + manifest_length
            self._database.write(self._head[self._manifest_end :])
            del self._head[self._manifest_end :]
        return length

    @property
    def has_manifest(self) -> bool:
        return self._manifest_end is not None

    def manifest(self) -> dict[str, Any]:
        """The parsed manifest; only once the whole payload has been decrypted and authenticated."""
        if self._manifest_end is None:
            raise BackupDamagedError("payload has no manifest")
        try:
            manifest = json.loads(self._head[_MANIFEST_PREFIX:].decode("utf-8"))
            manifest["record_counts"] = {
                str(k): int(v) for k, v in dict(manifest["record_counts"]).items()
            }
            manifest["schema_version"] = int(manifest["schema_version"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise BackupDamagedError(f"manifest unreadable: {exc}") from exc
        return manifest
