"""A vault: a folder with an encrypted database, a key-slot file and a lock.

vault.db         SQLCipher 4 database, keyed with a random 256-bit data key
vault.db-wal     its write-ahead log (encrypted by SQLCipher as well)
keyslots.json    the data key, sealed once per secret (passphrase, recovery code)
vault.lock       advisory lock: one process at a time
pre-migration/   encrypted copies of the database taken before each schema upgrade
damaged-wal/     copies of a write-ahead log that ended at a bad frame, kept when found

How the database itself is opened, migrated and its damaged log kept: opening.py.
"""

from __future__ import annotations

import contextlib
import hmac
import os
from pathlib import Path

from . import keyslots, recovery
from . import rekey as rekeying
from .database import READ_ONLY, READ_WRITE, Database
from .errors import StorageError, VaultError, VaultExistsError, WrongSecretError
from .fsutil import make_private_dir, write_atomic
from .kdf import DEFAULT_TARGET_MS, PRODUCTION, Argon2Params, KdfPolicy
from .keyslots import DATA_KEY_LENGTH, KeySlotFile, wipe
from .lockfile import VaultLock
from .opening import (
    WalFinding,
    damaged_wal_findings,
    keep_a_damaged_log,
    migrate,
    open_database,
    read_slots,
    remove_half_made_vault,
    resume_restore,
)
from .paths import CREATING_MARKER, DATABASE_NAME, KEYSLOTS_NAME
from .paths import default_vault_folder as default_vault_folder
from .paths import is_vault as is_vault
from .schema import LATEST_VERSION

# How `Vault.open` may reach the database: "rw" only; "ro" only (never writes a byte); or
# "auto": normally, and read-only when the disk is full or the medium read-only.
AUTO = "auto"


class Vault:
    """An open vault. Holds the lock and the data key until `close()`, which wipes the key."""

    def __init__(
        self,
        folder: Path,
        database: Database,
        slots: KeySlotFile,
        data_key: bytearray,
        lock: VaultLock,
        *,
        policy: KdfPolicy = PRODUCTION,
        rekey_recovered: str | None = None,
    ) -> None:
        self.folder = folder
        self.db = database
        self._slots = slots
        # A bytearray, so that close() can overwrite it; never copied into bytes by us.
        self._data_key = data_key
        self._lock = lock
        self.policy = policy
        # What opening found of a re-key killed half-way (rekeying.REKEY_UNDONE/FINISHED).
        self.rekey_recovered = rekey_recovered
        # Set by `open`: a restore into this folder that was killed and has now been finished.
        self.resumed_restore: object | None = None
        # Set by `open`: why a read-only opening was chosen instead of a normal one.
        self.read_only_reason: StorageError | None = None

    # -- creating and opening ----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path,
        passphrase: str,
        *,
        recovery_code: str | None = None,
        kdf_params: Argon2Params | None = None,
        decryption_time_ms: int = DEFAULT_TARGET_MS,
        schema_version: int = LATEST_VERSION,
    ) -> tuple[Vault, str]:
        """Make a new vault; returns it open, with its recovery code.

        `recovery_code` is the code the caller has already shown (and had confirmed): a
        secret is never stored before it was seen. Without it a code is made here, for
        tests and callers that show it afterwards at their own risk.
        `kdf_params` is for tests and for the CLI's explicit choice; by default Argon2id is
        calibrated to take about `decryption_time_ms` on this machine. `schema_version` lets
        tests make a vault of an older schema to prove migrations.
        """
        folder = Path(folder)
        marker = folder / CREATING_MARKER
        policy = (
            KdfPolicy.explicit(kdf_params)
            if kdf_params is not None
            else KdfPolicy(target_ms=decryption_time_ms)
        )
        # A restore into this folder that was killed half-way is finished first: its folder
        # may look empty just now, and a new vault there would block the restore's end.
        resume_restore(folder)
        if is_vault(folder):
            raise VaultExistsError(str(folder))
        if (folder / DATABASE_NAME).exists() and not marker.exists():
            # A database without key slots and without our marker may be a real vault whose
            # slot file was lost: never overwrite it.
            raise VaultExistsError(str(folder))
        try:
            make_private_dir(folder)
            os.chmod(folder, 0o700)
        except OSError as exc:
            raise StorageError(f"cannot create folder: {exc.strerror}") from exc
        lock = VaultLock(folder)
        lock.acquire()
        database = None
        data_key = bytearray(os.urandom(DATA_KEY_LENGTH))
        try:
            # The marker says "half made" until the slot file exists, so an interrupted
            # creation can be cleaned up by the next one instead of blocking the folder.
            remove_half_made_vault(folder)
            write_atomic(marker, b"")
            params = policy.for_new_seal()
            slots, code = keyslots.new_slot_file(data_key, passphrase, params, recovery_code)
            database = Database.open(folder / DATABASE_NAME, data_key)
            migrate(database, target=schema_version)
            database.checkpoint()
            # The slot file goes last: until it exists the folder is not a vault, so a crash
            # during creation leaves nothing that pretends to be one.
            slots.save(folder / KEYSLOTS_NAME)
            with contextlib.suppress(OSError):
                marker.unlink()
        except BaseException:
            if database is not None:
                database.close()
            remove_half_made_vault(folder)
            with contextlib.suppress(OSError):
                marker.unlink()
            lock.release()
            wipe(data_key)
            raise
        return cls(folder, database, slots, data_key, lock, policy=policy), code

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        passphrase: str | None = None,
        recovery_code: str | None = None,
        access: str = READ_WRITE,
        policy: KdfPolicy = PRODUCTION,
    ) -> Vault:
        """Open with one secret. `access` is "rw", "ro" or "auto" (see AUTO above); `policy`
        governs the seals made while it is open."""
        if (passphrase is None) == (recovery_code is None):
            raise ValueError("give exactly one of passphrase and recovery_code")
        folder = Path(folder)
        resumed = resume_restore(folder) if access != READ_ONLY else None
        slots = read_slots(folder)
        reason: StorageError | None = None
        lock = VaultLock(folder, shared=access == READ_ONLY)
        try:
            lock.acquire()
        except StorageError as error:  # a read-only medium: no lock file can be written
            if access != AUTO:
                raise
            lock, reason = VaultLock(folder, shared=True), error
            lock.acquire()
        try:
            unlocked = None
            if not lock.shared:
                try:
                    unlocked = rekeying.unlock(
                        folder,
                        slots,
                        passphrase=passphrase,
                        recovery_code=recovery_code,
                        # Once a slot proved the secret, before SQLite replays the log.
                        before_open=lambda: keep_a_damaged_log(folder),
                    )
                except StorageError as error:  # a full disk: SQLite cannot make its -shm
                    if access != AUTO:
                        raise
                    reason = error
                    lock.release()
                    lock = VaultLock(folder, shared=True)
                    lock.acquire()
            if unlocked is None:
                unlocked = rekeying.unlock(
                    folder,
                    slots,
                    passphrase=passphrase,
                    recovery_code=recovery_code,
                    read_only=True,
                )
        except BaseException:
            lock.release()
            raise
        vault = cls(
            folder,
            unlocked.database,
            unlocked.slots,
            unlocked.key,
            lock,
            policy=policy,
            rekey_recovered=unlocked.rekey_recovered,
        )
        vault.read_only_reason = reason
        vault.resumed_restore = resumed
        return vault

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    # -- secrets ---------------------------------------------------------------------------

    def _policy_for(self, kdf_params: Argon2Params | None) -> KdfPolicy:
        return KdfPolicy.explicit(kdf_params) if kdf_params is not None else self.policy

    def change_passphrase(
        self, new_passphrase: str, *, kdf_params: Argon2Params | None = None
    ) -> None:
        """Rewrap the data key only: quick, and the recovery code stays valid.

        The new slot is never weaker than the machine's floor, a fresh calibration, or the
        slot it replaces, whatever that slot's file says (no downgrade, ever).
        """
        old = self._slots.slots[keyslots.PASSPHRASE]
        params = self._policy_for(kdf_params).for_new_seal(old.params)
        slot = keyslots.seal(
            self._slots.vault_id,
            keyslots.PASSPHRASE,
            keyslots.passphrase_bytes(new_passphrase),
            self.data_key,
            params,
        )
        self._save_slots(self._slots.with_slot(slot))

    def set_recovery_code(self, code: str, *, kdf_params: Argon2Params | None = None) -> None:
        """Replace the recovery slot with one for `code`; the old code stops working at once.

        The caller makes the code (`recovery.generate()`) and shows it first: only a code
        the VP has seen may be stored.
        """
        old = self._slots.slots.get(keyslots.RECOVERY) or self._slots.slots[keyslots.PASSPHRASE]
        params = self._policy_for(kdf_params).for_new_seal(old.params)
        slot = keyslots.seal(
            self._slots.vault_id,
            keyslots.RECOVERY,
            recovery.secret_bytes(code),
            self.data_key,
            params,
        )
        self._save_slots(self._slots.with_slot(slot))

    def weak_slots(self) -> tuple[str, ...]:
        """The kinds of slot sealed below this machine's floor (reported on unlock)."""
        return tuple(
            kind
            for kind in keyslots.SLOT_KINDS
            if kind in self._slots.slots
            and self.policy.is_below_floor(self._slots.slots[kind].params)
        )

    def verify_secret(
        self, *, passphrase: str | None = None, recovery_code: str | None = None
    ) -> None:
        """Raise WrongSecretError unless the secret opens its slot of this vault."""
        key = self._slots.open_with(passphrase=passphrase, recovery_code=recovery_code)
        try:
            if not hmac.compare_digest(key, self.data_key):
                raise WrongSecretError("the slot holds another key")
        finally:
            wipe(key)

    def strengthen(
        self,
        *,
        passphrase: str | None = None,
        recovery_code: str | None = None,
        kdf_params: Argon2Params | None = None,
    ) -> tuple[str, ...]:
        """Seal the slots whose secret is given again, at today's strength; same secrets.

        Each secret is checked against its slot first: a typo must not replace a slot.
        Returns the kinds that were sealed again.
        """
        policy = self._policy_for(kdf_params)
        base = policy.calibrated()
        slots = self._slots
        done = []
        for kind, secret in (
            (keyslots.PASSPHRASE, passphrase),
            (keyslots.RECOVERY, recovery_code),
        ):
            if secret is None or kind not in slots.slots:
                continue
            if kind == keyslots.PASSPHRASE:
                self.verify_secret(passphrase=secret)
                secret_bytes = keyslots.passphrase_bytes(secret)
            else:
                self.verify_secret(recovery_code=secret)
                secret_bytes = recovery.secret_bytes(secret)
            params = policy.for_new_seal(slots.slots[kind].params, base=base)
            slot = keyslots.seal(slots.vault_id, kind, secret_bytes, self.data_key, params)
            slots = slots.with_slot(slot)
            done.append(kind)
        if done:
            self._save_slots(slots)
        return tuple(done)

    def rekey(
        self,
        *,
        passphrase: str,
        recovery_code: str,
        recovery_code_is_new: bool = False,
        kdf_params: Argon2Params | None = None,
    ) -> None:
        """A new random data key: the database copied under it, every slot sealed again.

        `passphrase` must open this vault (checked: a typo must not lock the VP out). The
        recovery slot is sealed for `recovery_code`: the current code (checked), or, with
        `recovery_code_is_new`, a new one the caller has already shown. Afterwards an old
        key-slot file opens nothing of this vault, and backups made from now on carry the
        new slots. Killed at any moment, the vault opens with the old key or the new one.
        """
        self.verify_secret(passphrase=passphrase)
        if not recovery_code_is_new:
            self.verify_secret(recovery_code=recovery_code)
        policy = self._policy_for(kdf_params)
        base = policy.calibrated()
        old = self._slots.slots
        new_key = bytearray(os.urandom(DATA_KEY_LENGTH))
        try:
            pending = keyslots.sealed_slots(
                self._slots.vault_id,
                new_key,
                passphrase=passphrase,
                recovery_code=recovery_code,
                passphrase_params=policy.for_new_seal(old[keyslots.PASSPHRASE].params, base=base),
                recovery_params=policy.for_new_seal(
                    old.get(keyslots.RECOVERY, old[keyslots.PASSPHRASE]).params, base=base
                ),
            )
            rekeying.export_copy(self.db, self.folder, new_key)
        except BaseException:
            wipe(new_key)
            raise
        try:
            rekeying.swap(self.folder, self.db, pending)
        except BaseException:
            self._settle_after_failed_swap(new_key, pending)
            raise
        self._use_key(new_key, pending)
        try:
            self.db = open_database(self.folder, self._data_key)
        except BaseException:
            self._lock.release()
            raise

    def _use_key(self, key: bytearray, slots: KeySlotFile) -> None:
        old_key = self._data_key
        self._data_key = key
        if old_key is not key:
            wipe(old_key)
        self._slots = slots

    def _settle_after_failed_swap(self, new_key: bytearray, pending: KeySlotFile) -> None:
        """Whichever database the failure left, open it again with its own key."""
        self.db.close()
        try:
            is_new, database = rekeying.settle(self.folder, self._data_key, new_key)
        except BaseException:
            # Neither key opens it here and now (the disk went away, say): this object is
            # done; the next open sorts the folder out.
            wipe(new_key)
            self._lock.release()
            raise
        if is_new:
            self._use_key(new_key, pending)
        else:
            wipe(new_key)
        self.db = database

    def _save_slots(self, slots: KeySlotFile) -> None:
        slots.save(self.folder / KEYSLOTS_NAME)
        self._slots = slots

    @property
    def vault_id(self) -> str:
        return self._slots.vault_id

    @property
    def slot_file(self) -> KeySlotFile:
        return self._slots

    @property
    def data_key(self) -> bytearray:
        """The live key, for the backup writer, which derives the backup's key from it.

        Wiped when the vault closes: read it when needed, never keep or copy it.
        """
        if not self._lock.held:
            raise VaultError("the vault is closed")
        return self._data_key

    @property
    def kdf_params(self) -> Argon2Params:
        return self._slots.slots[keyslots.PASSPHRASE].params

    # -- upkeep ----------------------------------------------------------------------------

    def check(self) -> list[str]:
        """A full integrity check; an empty list means all is well."""
        return self.db.integrity_problems()

    def wal_findings(self) -> list[WalFinding]:
        """Every write-ahead log found ending at a bad frame, whose copy is still kept."""
        return damaged_wal_findings(self.folder)

    def close(self) -> None:
        if self._lock.held:
            with contextlib.suppress(VaultError):
                self.db.checkpoint()
            self.db.close()
            self._lock.release()
        wipe(self._data_key)

    @property
    def is_open(self) -> bool:
        return self._lock.held

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
