"""Key slots, as LUKS does it: the random data key wrapped once per secret.

The file `keyslots.json` holds one slot for the passphrase and one for the recovery code. Each
slot stores its own Argon2id parameters and salt and the data key sealed with AES-256-GCM
under the derived key. The slot's kind and the vault's id are the AEAD's associated data, so a
slot cannot be moved to another vault or pass for the other kind.

Every change is written atomically (temp, fsync, rename, fsync folder): a crash leaves either
the old file or the new one, and both open the vault.
"""

from __future__ import annotations

import base64
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
from .errors import VaultDamagedError, VaultTooNewError, WrongSecretError
from .fsutil import write_atomic
from .kdf import SALT_LENGTH, Argon2Params, derive_key

KEYSLOTS_FORMAT = "vpnotebook-keyslots"
KEYSLOTS_VERSION = 1
DATA_KEY_LENGTH = 32
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
SLOT_KINDS = (PASSPHRASE, RECOVERY)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def passphrase_bytes(passphrase: str) -> bytes:
    # NFC so that "é" typed on another keyboard layout still opens the vault.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


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
            salt=_unb64(kdf["salt"]),
            nonce=_unb64(data["nonce"]),
            sealed_key=_unb64(data["sealed_key"]),
        )


def _associated_data(vault_id: str, kind: str) -> bytes:
    return f"{KEYSLOTS_FORMAT}/{KEYSLOTS_VERSION}/{vault_id}/{kind}".encode("ascii")


def seal(vault_id: str, kind: str, secret: bytes, data_key: bytes, params: Argon2Params) -> KeySlot:
    salt = os.urandom(SALT_LENGTH)
    nonce = os.urandom(12)
    wrapping_key = derive_key(secret, salt, params)
    sealed = AESGCM(wrapping_key).encrypt(nonce, data_key, _associated_data(vault_id, kind))
    return KeySlot(kind, params, salt, nonce, sealed)


def unseal(vault_id: str, slot: KeySlot, secret: bytes) -> bytes:
    wrapping_key = derive_key(secret, slot.salt, slot.params)
    try:
        data_key = AESGCM(wrapping_key).decrypt(
            slot.nonce, slot.sealed_key, _associated_data(vault_id, slot.kind)
        )
    except InvalidTag as exc:
        raise WrongSecretError(f"{slot.kind} slot did not open") from exc
    if len(data_key) != DATA_KEY_LENGTH:
        raise VaultDamagedError("data key has the wrong length")
    return data_key


@dataclass(frozen=True)
class KeySlotFile:
    vault_id: str
    slots: dict[str, KeySlot]

    def to_bytes(self) -> bytes:
        document = {
            "format": KEYSLOTS_FORMAT,
            "version": KEYSLOTS_VERSION,
            "vault_id": self.vault_id,
            "slots": [self.slots[kind].to_json() for kind in SLOT_KINDS if kind in self.slots],
        }
        return json.dumps(document, indent=2, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeySlotFile:
        try:
            document = json.loads(raw.decode("utf-8"))
            if document.get("format") != KEYSLOTS_FORMAT:
                raise ValueError("not a key-slot file")
            version = document.get("version")
            if not isinstance(version, int):
                raise ValueError("no version")
        except (ValueError, UnicodeDecodeError, AttributeError) as exc:
            raise VaultDamagedError(f"key-slot file unreadable: {exc}") from exc
        if version > KEYSLOTS_VERSION:
            raise VaultTooNewError(f"key-slot file version {version}")
        try:
            vault_id = str(uuid.UUID(document["vault_id"]))
            slots = [KeySlot.from_json(entry) for entry in document["slots"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise VaultDamagedError(f"key-slot file malformed: {exc}") from exc
        by_kind = {slot.kind: slot for slot in slots}
        if len(by_kind) != len(slots) or PASSPHRASE not in by_kind:
            raise VaultDamagedError("key-slot file lacks a passphrase slot or repeats one")
        return cls(vault_id, by_kind)

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        return cls.from_bytes(path.read_bytes())

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())

    def with_slot(self, slot: KeySlot) -> KeySlotFile:
        return KeySlotFile(self.vault_id, {**self.slots, slot.kind: slot})

    def open_with_passphrase(self, passphrase: str) -> bytes:
        return unseal(self.vault_id, self.slots[PASSPHRASE], passphrase_bytes(passphrase))

    def open_with_recovery_code(self, code: str) -> bytes:
        secret = recovery.secret_bytes(code)
        slot = self.slots.get(RECOVERY)
        if slot is None:
            raise WrongSecretError("this vault has no recovery slot")
        return unseal(self.vault_id, slot, secret)


def new_slot_file(
    data_key: bytes, passphrase: str, params: Argon2Params
) -> tuple[KeySlotFile, str]:
    """A fresh slot file for a new vault, and the recovery code to show once."""
    vault_id = str(uuid.uuid4())
    code = recovery.generate()
    slots = {
        PASSPHRASE: seal(vault_id, PASSPHRASE, passphrase_bytes(passphrase), data_key, params),
        RECOVERY: seal(vault_id, RECOVERY, recovery.secret_bytes(code), data_key, params),
    }
    return KeySlotFile(vault_id, slots), code
