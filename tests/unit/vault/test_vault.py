"""The vault as a whole: settings, secrets, failures told apart, migrations, no plaintext."""

from datetime import date
from pathlib import Path

import pytest

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, Reporter
from vpnotebook.vault import recovery
from vpnotebook.vault.database import EXPECTED_CIPHER_SETTINGS
from vpnotebook.vault.errors import (
    InvalidRecoveryCodeError,
    VaultDamagedError,
    VaultExistsError,
    VaultInUseError,
    VaultNotFoundError,
    VaultTooNewError,
    WrongSecretError,
)
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.paths import DATABASE_NAME, PRE_MIGRATION_DIR
from vpnotebook.vault.schema import LATEST_VERSION
from vpnotebook.vault.vault import Vault

from .old_schema import fill_schema_1

PASSPHRASE = "correct paard batterij niet"


def _fill(journal: Journal, marker: str) -> int:
    org = journal.add(Organisation(name=f"Organisatie {marker}", employee_count=30))
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 2, 3),
            contact_type="report",
            reporter_role="employee",
            categories=("bullying",),
            title=f"Titel {marker}",
        )
    )
    journal.add(Reporter(case_id=case.id, name=f"Melder {marker}"))
    journal.add(
        Conversation(case_id=case.id, held_on=date(2026, 2, 3), story=f"Verhaal {marker} é")
    )
    assert case.id is not None
    return case.id


def test_database_settings_are_pinned(vault: Vault) -> None:
    db = vault.db
    for pragma, expected in EXPECTED_CIPHER_SETTINGS.items():
        assert db.pragma(pragma) == expected, pragma
    assert db.pragma("cipher_version").startswith("4.")
    assert db.pragma("secure_delete") == "1"
    assert db.pragma("foreign_keys") == "1"
    assert db.pragma("journal_mode") == "wal"
    assert db.pragma("synchronous") == "2"  # FULL: commits are durable in WAL mode
    assert db.pragma("temp_store") == "2"  # MEMORY: no plaintext temp files
    with pytest.raises(Exception, match="not authorized"):
        db.raw_connection.execute("SELECT load_extension('libm.so.6')").fetchall()


def test_the_cipher_settings_are_also_what_a_fresh_open_gives(
    vault_folder: Path, vault: Vault
) -> None:
    vault.close()
    reopened = Vault.open(vault_folder, passphrase=PASSPHRASE)
    try:
        for pragma, expected in EXPECTED_CIPHER_SETTINGS.items():
            assert reopened.db.pragma(pragma) == expected
    finally:
        reopened.close()


def test_records_survive_close_and_open_with_either_secret(
    vault_folder: Path, vault_and_code: tuple[Vault, str]
) -> None:
    vault, code = vault_and_code
    case_id = _fill(Journal(vault.db), "a")
    vault.close()
    with Vault.open(vault_folder, passphrase=PASSPHRASE) as again:
        assert Journal(again.db).get(Case, case_id).title == "Titel a"
    with Vault.open(vault_folder, recovery_code=code.lower().replace("-", " ")) as again:
        assert Journal(again.db).get(Reporter, case_id).name == "Melder a"


def test_wrong_passphrase_and_damaged_database_are_told_apart(
    vault_folder: Path, vault: Vault
) -> None:
    _fill(Journal(vault.db), "b")
    vault.close()
    with pytest.raises(WrongSecretError):
        Vault.open(vault_folder, passphrase="iets anders")
    database = vault_folder / DATABASE_NAME
    raw = bytearray(database.read_bytes())
    raw[5000:5010] = b"\xff" * 10
    database.write_bytes(bytes(raw))
    # A flipped page past the first opens, but the full check must name it.
    with Vault.open(vault_folder, passphrase=PASSPHRASE) as damaged:
        problems = damaged.check()
    assert problems
    assert any("hmac" in p.lower() or "unreadable" in p or "page" in p for p in problems)
    # The first page damaged: the vault does not even open, and says damaged, not wrong key.
    raw[100:110] = b"\x00" * 10
    database.write_bytes(bytes(raw))
    with pytest.raises(VaultDamagedError):
        Vault.open(vault_folder, passphrase=PASSPHRASE)


def test_a_truncated_or_missing_database_is_damage(vault_folder: Path, vault: Vault) -> None:
    vault.close()
    database = vault_folder / DATABASE_NAME
    database.write_bytes(database.read_bytes()[:100])
    with pytest.raises(VaultDamagedError):
        Vault.open(vault_folder, passphrase=PASSPHRASE)
    database.unlink()
    with pytest.raises(VaultDamagedError):
        Vault.open(vault_folder, passphrase=PASSPHRASE)


def test_a_second_open_is_refused_cleanly(vault_folder: Path, vault: Vault) -> None:
    with pytest.raises(VaultInUseError):
        Vault.open(vault_folder, passphrase=PASSPHRASE)
    vault.close()
    Vault.open(vault_folder, passphrase=PASSPHRASE).close()


def test_create_refuses_an_existing_vault_and_open_a_missing_one(
    vault_folder: Path, vault: Vault, tmp_path: Path
) -> None:
    with pytest.raises(VaultExistsError):
        Vault.create(vault_folder, PASSPHRASE, kdf_params=TEST_PARAMS)
    with pytest.raises(VaultNotFoundError):
        Vault.open(tmp_path / "nergens", passphrase=PASSPHRASE)


def test_changing_the_passphrase_keeps_the_recovery_code(
    vault_folder: Path, vault_and_code: tuple[Vault, str]
) -> None:
    vault, code = vault_and_code
    vault.change_passphrase("een heel nieuw wachtwoord")
    vault.close()
    with pytest.raises(WrongSecretError):
        Vault.open(vault_folder, passphrase=PASSPHRASE)
    Vault.open(vault_folder, passphrase="een heel nieuw wachtwoord").close()
    Vault.open(vault_folder, recovery_code=code).close()


def test_a_new_recovery_code_invalidates_the_old_one(
    vault_folder: Path, vault_and_code: tuple[Vault, str]
) -> None:
    vault, old_code = vault_and_code
    new_code = recovery.generate()
    vault.set_recovery_code(new_code)
    vault.close()
    with pytest.raises(WrongSecretError):
        Vault.open(vault_folder, recovery_code=old_code)
    Vault.open(vault_folder, recovery_code=new_code).close()
    # One character changed (never to itself: a code ending in X would open).
    typo = new_code[:-1] + ("Y" if new_code.endswith("X") else "X")
    with pytest.raises(InvalidRecoveryCodeError):
        Vault.open(vault_folder, recovery_code=typo)


def test_a_vault_from_a_newer_version_is_refused_untouched(
    vault_folder: Path, vault: Vault
) -> None:
    vault.db.set_user_version(LATEST_VERSION + 1)
    vault.close()
    before = (vault_folder / DATABASE_NAME).read_bytes()
    with pytest.raises(VaultTooNewError):
        Vault.open(vault_folder, passphrase=PASSPHRASE)
    assert (vault_folder / DATABASE_NAME).read_bytes() == before


def test_a_first_schema_vault_is_migrated_after_an_encrypted_copy(tmp_path: Path) -> None:
    folder = tmp_path / "oud"
    old, _ = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS, schema_version=1)
    assert old.db.user_version == 1
    assert old.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'search_index'") == 0
    case_id = fill_schema_1(old.db, "migratie")  # as the schema-1 program wrote it
    old.close()

    with Vault.open(folder, passphrase=PASSPHRASE) as migrated:
        assert migrated.db.user_version == LATEST_VERSION
        journal = Journal(migrated.db)
        assert journal.get(Case, case_id).title == "Titel migratie"
        from vpnotebook.core.search import search

        assert {hit.case_id for hit in search(migrated.db, "verhaal migratie")} == {case_id}
        assert migrated.check() == []
    copies = list((folder / PRE_MIGRATION_DIR).glob("*.db"))
    assert len(copies) == 1
    assert b"migratie" not in copies[0].read_bytes()
    assert copies[0].read_bytes()[:16] != b"SQLite format 3\x00"


def test_no_plaintext_in_any_file_of_the_vault_folder(vault_folder: Path, vault: Vault) -> None:
    marker = "Zeldzaamwoord7731"
    _fill(Journal(vault.db), marker)
    files = {path: path.read_bytes() for path in vault_folder.rglob("*") if path.is_file()}
    assert any(path.name.endswith("-wal") for path in files)  # uncommitted-to-main pages too
    vault.close()
    files.update({path: path.read_bytes() for path in vault_folder.rglob("*") if path.is_file()})
    for path, data in files.items():
        for needle in (marker, "Melder", "Organisatie", "Verhaal"):
            assert needle.encode("utf-8") not in data, path
            assert needle.encode("utf-16-le") not in data, path
        assert not data.startswith(b"SQLite format 3")


def test_recovery_codes_are_normalised_before_derivation() -> None:
    code = recovery.generate()
    assert recovery.secret_bytes(code.lower()) == code.encode()


def test_the_folder_and_files_are_private(vault_folder: Path, vault: Vault) -> None:
    assert vault_folder.stat().st_mode & 0o077 == 0
    assert (vault_folder / "keyslots.json").stat().st_mode & 0o077 == 0
