"""Key slots, as LUKS does it: the random data key wrapped once per secret.

The file `keyslots.json` holds one slot for the passphrase and one for the recovery code. Each
slot stores its own Argon2id parameters and salt and the data key sealed with AES-256-GCM
under the derived key. The slot's kind and the vault's id are the AEAD's associated data, so a
slot cannot be moved to another vault or pass for the other kind.

Since version 2 the file carries a SHA-256 digest over everything else in it: a flipped bit
anywhere is damage (exit 4), found before any key derivation, and never "wrong passphrase".
Version-1 files (no digest) are still read, and written as version 2 on the next change.

Every change is written atomically (temp, fsync, rename, fsync folder): a crash leaves either
the old file or the new one, and both open the vault. Format: docs/formats/keyslots.md.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from . import recovery
from .errors import KeySlotsDamagedError, VaultDamagedError, VaultTooNewError, WrongSecretError
from .fsutil import write_atomic
from .kdf import SALT_LENGTH, Argon2Params, derive_key

KEYSLOTS_FORMAT = "vpnotebook-keyslots"
KEYSLOTS_VERSION = 2
READABLE_VERSIONS = (1, 2)
# The associated data names scheme 1 in every version: a slot sealed under version 1 opens
# unchanged in a version-2 file, so upgrading the file needs no secret.
_AD_SCHEME = 1
DIGEST_PREFIX = "sha256:"
DATA_KEY_LENGTH = 32
TAG_LENGTH = 16
NONCE_LENGTH = 12
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
SLOT_KINDS = (PASSPHRASE, RECOVERY)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, length: int) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != length:
        raise ValueError("wrong length")
    return raw


def passphrase_bytes(passphrase: str) -> bytes:
    # NFC so that "é" typed on another keyboard layout still opens the vault.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def canonical_json(document: dict[str, Any]) -> bytes:
    """The bytes the digest covers: sorted keys, no spaces, ASCII only."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode(
        "ascii"
    )


def document_digest(document: dict[str, Any]) -> str:
    body = {key: value for key, value in document.items() if key != "digest"}
    return DIGEST_PREFIX + hashlib.sha256(canonical_json(body)).hexdigest()


def _digest_matches(document: dict[str, Any], digest: object) -> bool:
    if not isinstance(digest, str):
        return False
    expected = document_digest(document).encode("ascii")
    return hmac.compare_digest(digest.encode("utf-8", "replace"), expected)


@dataclass(frozen=True)
class KeySlot:
    kind: str
    params: Argon2Params
    salt: bytes
    nonce: bytes
    sealed_key: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kdf": {"algorithm": "argon2id", **self.params.to_json(), "salt": _b64(self.salt)},
            "aead": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "sealed_key": _b64(self.sealed_key),
        }

    @classmethod
    def from_json(cls, data: Any) -> KeySlot:
        kdf = data["kdf"]
        if kdf["algorithm"] != "argon2id" or data["aead"] != "aes-256-gcm":
            raise ValueError("unknown algorithm")
        if data["kind"] not in SLOT_KINDS:
            raise ValueError("unknown slot kind")
        return cls(
            kind=data["kind"],
            params=Argon2Params.from_json(kdf),
            salt=_unb64(kdf["salt"], SALT_LENGTH),
            nonce=_unb64(data["nonce"], NONCE_LENGTH),
            sealed_key=_unb64(data["sealed_key"], DATA_KEY_LENGTH + TAG_LENGTH),
        )


def _associated_data(vault_id: str, kind: str) -> bytes:
    return f"{KEYSLOTS_FORMAT}/{_AD_SCHEME}/{vault_id}/{kind}".encode("ascii")


def seal(
    vault_id: str, kind: str, secret: bytes, data_key: bytes | bytearray, params: Argon2Params
) -> KeySlot:
    salt = os.urandom(SALT_LENGTH)
    nonce = os.urandom(NONCE_LENGTH)
    wrapping_key = derive_key(secret, salt, params)
    sealed = AESGCM(wrapping_key).encrypt(nonce, data_key, _associated_data(vault_id, kind))
    return KeySlot(kind, params, salt, nonce, sealed)


def unseal(vault_id: str, slot: KeySlot, secret: bytes) -> bytearray:
    """The data key, in a bytearray the caller owns and wipes (`wipe`)."""
    wrapping_key = derive_key(secret, slot.salt, slot.params)
    aead = AESGCM(wrapping_key)
    data_key = bytearray(len(slot.sealed_key) - TAG_LENGTH)
    associated = _associated_data(vault_id, slot.kind)
    try:
        decrypt_into = getattr(aead, "decrypt_into", None)
        if decrypt_into is not None:
            # Straight into our buffer: no immutable copy of the key is ever made.
            decrypt_into(slot.nonce, slot.sealed_key, associated, data_key)
        else:  # pragma: no cover - cryptography before decrypt_into
            plain = aead.decrypt(slot.nonce, slot.sealed_key, associated)
            data_key[:] = plain
            del plain
    except InvalidTag as exc:
        wipe(data_key)
        raise WrongSecretError(f"{slot.kind} slot did not open") from exc
    if len(data_key) != DATA_KEY_LENGTH:
        wipe(data_key)
        raise VaultDamagedError("data key has the wrong length")
    return data_key


def wipe(buffer: bytearray) -> None:
    """Overwrite a key held in a bytearray; what Python copied elsewhere it cannot reach."""
    buffer[:] = bytes(len(buffer))


@dataclass(frozen=True)
class KeySlotFile:
    vault_id: str
    slots: dict[str, KeySlot]
    # The version the file was read as: 1 until the next write upgrades it.
    read_version: int = KEYSLOTS_VERSION

    def to_document(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "format": KEYSLOTS_FORMAT,
            "version": KEYSLOTS_VERSION,
            "vault_id": self.vault_id,
            "slots": [self.slots[kind].to_json() for kind in SLOT_KINDS if kind in self.slots],
        }
        document["digest"] = document_digest(document)
        return document

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_document(), indent=2, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeySlotFile:
        try:
            document = json.loads(raw.decode("utf-8"))
            if not isinstance(document, dict) or document.get("format") != KEYSLOTS_FORMAT:
                raise ValueError("not a key-slot file")
            version = document.get("version")
            if type(version) is not int:
                raise ValueError("no version")
        except (ValueError, UnicodeDecodeError) as exc:
            raise KeySlotsDamagedError(f"key-slot file unreadable: {exc}") from exc
        # The digest comes before the version: a flipped bit in the version number is
        # damage, not "made by a newer version". Later versions keep this digest rule.
        digest = document.get("digest")
        if (version >= 2 or digest is not None) and not _digest_matches(document, digest):
            raise KeySlotsDamagedError("key-slot file digest mismatch")
        if version > KEYSLOTS_VERSION:
            raise VaultTooNewError(f"key-slot file version {version}")
        if version not in READABLE_VERSIONS:
            raise KeySlotsDamagedError(f"key-slot file version {version}")
        try:
            vault_id = str(uuid.UUID(document["vault_id"]))
            slots = [KeySlot.from_json(entry) for entry in document["slots"]]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KeySlotsDamagedError(f"key-slot file malformed: {exc}") from exc
        by_kind = {slot.kind: slot for slot in slots}
        if len(by_kind) != len(slots) or PASSPHRASE not in by_kind:
            raise KeySlotsDamagedError("key-slot file lacks a passphrase slot or repeats one")
        return cls(vault_id, by_kind, version)

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        return cls.from_bytes(path.read_bytes())

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())

    def with_slot(self, slot: KeySlot) -> KeySlotFile:
        return KeySlotFile(self.vault_id, {**self.slots, slot.kind: slot})

    def open_with_passphrase(self, passphrase: str) -> bytearray:
        return unseal(self.vault_id, self.slots[PASSPHRASE], passphrase_bytes(passphrase))

    def open_with_recovery_code(self, code: str) -> bytearray:
        secret = recovery.secret_bytes(code)
        slot = self.slots.get(RECOVERY)
        if slot is None:
            raise WrongSecretError("this vault has no recovery slot")
        return unseal(self.vault_id, slot, secret)

    def open_with(self, *, passphrase: str | None, recovery_code: str | None) -> bytearray:
        if (passphrase is None) == (recovery_code is None):
            raise ValueError("give exactly one of passphrase and recovery_code")
        if passphrase is not None:
            return self.open_with_passphrase(passphrase)
        assert recovery_code is not None
        return self.open_with_recovery_code(recovery_code)


def sealed_slots(
    vault_id: str,
    data_key: bytes | bytearray,
    *,
    passphrase: str,
    recovery_code: str,
    passphrase_params: Argon2Params,
    recovery_params: Argon2Params,
) -> KeySlotFile:
    """A slot file with both slots sealed around `data_key`."""
    slots = {
        PASSPHRASE: seal(
            vault_id, PASSPHRASE, passphrase_bytes(passphrase), data_key, passphrase_params
        ),
        RECOVERY: seal(
            vault_id, RECOVERY, recovery.secret_bytes(recovery_code), data_key, recovery_params
        ),
    }
    return KeySlotFile(vault_id, slots)


def new_slot_file(
    data_key: bytes | bytearray,
    passphrase: str,
    params: Argon2Params,
    recovery_code: str | None = None,
) -> tuple[KeySlotFile, str]:
    """A fresh slot file for a new vault, and its recovery code (made here unless given)."""
    code = recovery_code if recovery_code is not None else recovery.generate()
    slots = sealed_slots(
        str(uuid.uuid4()),
        data_key,
        passphrase=passphrase,
        recovery_code=code,
        passphrase_params=params,
        recovery_params=params,
    )
    return slots, code
