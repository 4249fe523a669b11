"""Restoring into a folder: what may be there, what is set aside, and never two at once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from backup_kit import (  # tests/unit/vault/backup_kit.py, loaded by conftest.py
    OTHER_PASSPHRASE,
    PASSPHRASE,
    listing,
)

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Organisation,
)
from vpnotebook.vault.errors import (
    EXIT_FAILURE,
    RestoreTargetError,
    VaultInUseError,
)
from vpnotebook.vault.restore import restore_backup
from vpnotebook.vault.vault import Vault

# -- restoring over something -----------------------------------------------------------------


def test_restore_into_a_folder_that_is_not_empty_is_refused(
    made: Path, restore_parent: Path
) -> None:
    target = restore_parent / "documenten"
    target.mkdir()
    (target / "brief.txt").write_text("niet weggooien", encoding="utf-8")
    for replace in (False, True):  # replacing is only ever for a vault
        with pytest.raises(RestoreTargetError) as caught:
            restore_backup(made, target, passphrase=PASSPHRASE, replace=replace)
        assert caught.value.exit_code == EXIT_FAILURE
        assert listing(restore_parent) == ["documenten"]
        assert listing(target) == ["brief.txt"]


def test_restore_into_an_existing_empty_folder_works(made: Path, restore_parent: Path) -> None:
    target = restore_parent / "lege-map"
    target.mkdir()
    restore_backup(made, target, passphrase=PASSPHRASE)
    assert listing(restore_parent) == ["lege-map"]
    with Vault.open(target, passphrase=PASSPHRASE) as restored:
        assert [org.name for org in Journal(restored.db).find(Organisation)] == [
            "Stichting uit de backup"
        ]


def test_restore_onto_a_file_instead_of_a_folder_is_refused_as_a_target_error(
    made: Path, restore_parent: Path
) -> None:
    # `--vault notities.txt`: the chosen place is not a folder at all.
    target = restore_parent / "notities.txt"
    target.write_text("niet overschrijven", encoding="utf-8")
    for replace in (False, True):
        with pytest.raises(RestoreTargetError):
            restore_backup(made, target, passphrase=PASSPHRASE, replace=replace)
        assert listing(restore_parent) == ["notities.txt"]
        assert target.read_text(encoding="utf-8") == "niet overschrijven"


def test_restore_over_a_vault_needs_replace_and_then_sets_the_old_one_aside(
    made: Path, occupied: Path, restore_parent: Path
) -> None:
    with pytest.raises(RestoreTargetError):
        restore_backup(made, occupied, passphrase=PASSPHRASE)
    assert listing(restore_parent) == ["kluis"]
    with Vault.open(occupied, passphrase=OTHER_PASSPHRASE) as untouched:
        assert untouched.check() == []

    moment = datetime(2026, 5, 6, 7, 8, 9)
    _, set_aside = restore_backup(made, occupied, passphrase=PASSPHRASE, replace=True, now=moment)
    assert set_aside == restore_parent / "kluis.voor-herstel-20260506T070809"
    assert listing(restore_parent) == ["kluis", "kluis.voor-herstel-20260506T070809"]
    with Vault.open(occupied, passphrase=PASSPHRASE) as restored:
        assert [o.name for o in Journal(restored.db).find(Organisation)] == [
            "Stichting uit de backup"
        ]
    # The vault that was there is kept whole and still opens with its own passphrase.
    with Vault.open(set_aside, passphrase=OTHER_PASSPHRASE) as old:
        assert old.check() == []
        assert [o.name for o in Journal(old.db).find(Organisation)] == ["Stichting van nu"]


def test_restore_with_replace_over_a_vault_that_is_open_is_refused(
    made: Path, occupied: Path, restore_parent: Path
) -> None:
    with Vault.open(occupied, passphrase=OTHER_PASSPHRASE) as in_use:
        with pytest.raises(VaultInUseError):
            restore_backup(made, occupied, passphrase=PASSPHRASE, replace=True)
        assert listing(restore_parent) == ["kluis"]
        # The open vault is not disturbed: it still reads and writes.
        journal = Journal(in_use.db)
        journal.add(Organisation(name="Nog steeds open"))
        assert journal.count(Organisation) == 2
        assert in_use.check() == []
