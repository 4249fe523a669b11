"""Re-keying in one process: what changes, what stays, and every state a crash can leave.

The states between the steps are built here one by one (the steps are the module's own
functions), so each is proven to open; tests/integration/test_key_crash.py kills a real
re-key at varied moments.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from vpnotebook.core.demo import fill_demo
from vpnotebook.core.journal import Journal
from vpnotebook.core.search import search
from vpnotebook.vault import container, keyslots, recovery
from vpnotebook.vault import rekey as rekeying
from vpnotebook.vault.backup import make_backup, read_header, verify_backup
from vpnotebook.vault.backup_format import backup_file_key
from vpnotebook.vault.errors import VaultDamagedError, WrongSecretError
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.paths import DATABASE_NAME, KEYSLOTS_NAME, PRE_MIGRATION_DIR
from vpnotebook.vault.vault import Vault

PASSPHRASE = "correct paard batterij niet"
TODAY = date(2026, 11, 28)


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "kluis"
    vault, code = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
    fill_demo(Journal(vault.db), cases=25, seed=3, today=TODAY)
    vault.close()
    return folder, code


def _open(folder: Path, **secret: str) -> Vault:
    if not secret:
        secret = {"passphrase": PASSPHRASE}
    return Vault.open(folder, policy=_cheap(), **secret)


def _cheap():  # type: ignore[no-untyped-def]
    from vpnotebook.vault.kdf import KdfPolicy

    return KdfPolicy.explicit(TEST_PARAMS)


def _contents(vault: Vault) -> tuple[dict[str, int], list[tuple[str, int]]]:
    hits = search(vault.db, "gesprek")
    assert hits  # the search index came along and answers
    return rekeying.row_counts(vault.db), sorted((hit.source, hit.record_id) for hit in hits)


def test_rekey_gives_a_new_key_and_keeps_every_row_and_the_search_index(
    filled: tuple[Path, str],
) -> None:
    folder, code = filled
    with _open(folder) as vault:
        before = _contents(vault)
        old_key = bytes(vault.data_key)
        vault.rekey(passphrase=PASSPHRASE, recovery_code=code)
        assert bytes(vault.data_key) != old_key
        assert _contents(vault) == before  # the open vault works on at once
        assert vault.check() == []
    assert sorted(p.name for p in folder.iterdir()) == ["keyslots.json", "vault.db", "vault.lock"]
    with _open(folder) as again:
        assert _contents(again) == before
    with _open(folder, recovery_code=code) as by_code:
        assert bytes(by_code.data_key) != old_key


def test_an_old_key_slot_file_opens_nothing_after_a_rekey(filled: tuple[Path, str]) -> None:
    folder, code = filled
    old_slots = (folder / KEYSLOTS_NAME).read_bytes()
    with _open(folder) as vault:
        vault.change_passphrase("een heel ander wachtwoord", kdf_params=TEST_PARAMS)
        vault.rekey(passphrase="een heel ander wachtwoord", recovery_code=code)
    current = (folder / KEYSLOTS_NAME).read_bytes()
    (folder / KEYSLOTS_NAME).write_bytes(old_slots)  # what IT's copy of the home folder holds
    for secret in ({"passphrase": PASSPHRASE}, {"recovery_code": code}):
        with pytest.raises(VaultDamagedError):
            _open(folder, **secret)
    (folder / KEYSLOTS_NAME).write_bytes(current)
    _open(folder, passphrase="een heel ander wachtwoord").close()


def test_rekey_checks_both_secrets_before_it_changes_anything(filled: tuple[Path, str]) -> None:
    folder, code = filled
    with _open(folder) as vault:
        before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        with pytest.raises(WrongSecretError):
            vault.rekey(passphrase="een tikfout in het wachtwoord", recovery_code=code)
        with pytest.raises(WrongSecretError):
            vault.rekey(passphrase=PASSPHRASE, recovery_code=recovery.generate())
        after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        assert after == before


def test_rekey_with_a_new_recovery_code_retires_the_old_one(filled: tuple[Path, str]) -> None:
    folder, old_code = filled
    new_code = recovery.generate()
    with _open(folder) as vault:
        vault.rekey(passphrase=PASSPHRASE, recovery_code=new_code, recovery_code_is_new=True)
    with pytest.raises(WrongSecretError):
        _open(folder, recovery_code=old_code)
    _open(folder, recovery_code=new_code).close()


def test_copies_from_before_a_schema_upgrade_go_with_the_old_key(filled: tuple[Path, str]) -> None:
    folder, code = filled
    copies = folder / PRE_MIGRATION_DIR
    copies.mkdir()
    shutil.copyfile(folder / DATABASE_NAME, copies / "vault-schema3-20260101T000000.db")
    with _open(folder) as vault:
        vault.rekey(passphrase=PASSPHRASE, recovery_code=code)
    assert list(copies.iterdir()) == []


def test_backups_before_open_with_the_old_secrets_and_after_carry_the_new_slots(
    filled: tuple[Path, str], tmp_path: Path
) -> None:
    folder, code = filled
    stick = tmp_path / "stick"
    stick.mkdir()
    with _open(folder) as vault:
        before = make_backup(vault, stick / "voor.vpbackup")
        vault.change_passphrase("een heel ander wachtwoord", kdf_params=TEST_PARAMS)
        vault.rekey(passphrase="een heel ander wachtwoord", recovery_code=code)
        after = make_backup(vault, stick / "na.vpbackup")
        new_slots = vault.slot_file
    # The old backup: its own (old) slots, the old passphrase and the code of that time.
    verify_backup(before.path, passphrase=PASSPHRASE)
    verify_backup(before.path, recovery_code=code)
    # The new one opens only with today's secrets ...
    verify_backup(after.path, passphrase="een heel ander wachtwoord")
    with pytest.raises(WrongSecretError):
        verify_backup(after.path, passphrase=PASSPHRASE)
    _, carried = read_header(after.path)
    assert carried.to_bytes() == new_slots.to_bytes()
    # ... and the old key (an old slot file and the old passphrase give it) cannot read it.
    _, old_slots = read_header(before.path)
    old_key = old_slots.open_with_passphrase(PASSPHRASE)
    with open(after.path, "rb") as handle, pytest.raises(container.ContainerError):
        container.verify_container(handle, backup_file_key(old_key))
    with open(before.path, "rb") as handle:
        container.verify_container(handle, backup_file_key(old_key))  # the control


def _half_way(folder: Path, code: str, *, until: str) -> tuple[bytes, bytes]:
    """Run the re-key's steps by hand up to `until`; returns (old key, new key)."""
    vault = _open(folder)
    old_key = bytes(vault.data_key)
    new_key = bytearray(bytes(range(32)))
    pending = keyslots.sealed_slots(
        vault.vault_id,
        new_key,
        passphrase=PASSPHRASE,
        recovery_code=code,
        passphrase_params=TEST_PARAMS,
        recovery_params=TEST_PARAMS,
    )
    rekeying.export_copy(vault.db, folder, new_key)
    if until == "copy made":
        vault.db.close()
    else:
        pending.save(folder / rekeying.PENDING_SLOTS_NAME)
        vault.db.close()
        if until == "database swapped":
            (folder / rekeying.REKEY_DATABASE_NAME).replace(folder / DATABASE_NAME)
    vault._lock.release()  # the process "dies": no clean-up, the OS frees the lock
    return old_key, bytes(new_key)


@pytest.mark.parametrize(
    ("until", "outcome", "new"),
    [
        ("copy made", None, False),
        ("pending slots written", rekeying.REKEY_UNDONE, False),
        ("database swapped", rekeying.REKEY_FINISHED, True),
    ],
)
@pytest.mark.parametrize("secret", ["passphrase", "recovery_code"])
def test_every_state_between_the_steps_opens_and_is_finished_or_undone(
    filled: tuple[Path, str], until: str, outcome: str | None, new: bool, secret: str
) -> None:
    folder, code = filled
    with _open(folder) as vault:
        before = _contents(vault)
    old_key, new_key = _half_way(folder, code, until=until)
    given = {"passphrase": PASSPHRASE} if secret == "passphrase" else {"recovery_code": code}
    with _open(folder, **given) as vault:
        assert vault.rekey_recovered == outcome
        assert bytes(vault.data_key) == (new_key if new else old_key)
        assert _contents(vault) == before
        assert vault.check() == []
    assert sorted(p.name for p in folder.iterdir()) == ["keyslots.json", "vault.db", "vault.lock"]
    with _open(folder) as again:
        assert again.rekey_recovered is None


def test_a_wrong_secret_during_an_unfinished_rekey_is_still_a_wrong_secret(
    filled: tuple[Path, str],
) -> None:
    folder, code = filled
    _half_way(folder, code, until="database swapped")
    with pytest.raises(WrongSecretError):
        _open(folder, passphrase="niet het goede wachtwoord")
    assert (folder / rekeying.PENDING_SLOTS_NAME).exists()  # nothing was decided without the key


@pytest.mark.parametrize("page", [0, 2])
def test_a_damaged_database_is_still_damage_with_a_pending_rekey(
    filled: tuple[Path, str], page: int
) -> None:
    folder, code = filled
    _half_way(folder, code, until="pending slots written")
    data = bytearray((folder / DATABASE_NAME).read_bytes())
    data[page * 4096 + 1000] ^= 0x01
    (folder / DATABASE_NAME).write_bytes(bytes(data))
    if page == 0:
        # Neither key opens the first page: damage, and nothing is decided or removed.
        with pytest.raises(VaultDamagedError):
            _open(folder)
        assert (folder / rekeying.PENDING_SLOTS_NAME).exists()
    else:
        with _open(folder) as vault:
            assert vault.rekey_recovered == rekeying.REKEY_UNDONE
            assert vault.check() != []  # the damaged page is still found
