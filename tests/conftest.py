"""Shared test set-up: headless Qt, once for the whole suite, and a fresh vault per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from vpnotebook.core.journal import Journal
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

PASSPHRASE = "correct paard batterij niet"


@pytest.fixture
def vault_folder(tmp_path: Path) -> Path:
    return tmp_path / "kluis"


@pytest.fixture
def vault_and_code(vault_folder: Path) -> Iterator[tuple[Vault, str]]:
    # Cheap Argon2 parameters, asked for explicitly: tests never change a hidden global.
    vault, code = Vault.create(vault_folder, PASSPHRASE, kdf_params=TEST_PARAMS)
    yield vault, code
    vault.close()


@pytest.fixture
def vault(vault_and_code: tuple[Vault, str]) -> Vault:
    return vault_and_code[0]


@pytest.fixture
def journal(vault: Vault) -> Journal:
    return Journal(vault.db)
