"""Shared test set-up: headless Qt, once for the whole suite, and a fresh vault per test."""

import importlib.util
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

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


def _load_by_path(name: str, file_name: str) -> ModuleType:
    # Loaded by path: with --import-mode=importlib a test cannot import a sibling module.
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(file_name))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while being defined
        spec.loader.exec_module(module)
    return sys.modules[name]


def _load_sheet_files() -> ModuleType:
    return _load_by_path("vpnotebook_test_sheet_files", "sheet_files.py")


@pytest.fixture
def sheets() -> ModuleType:
    """Spreadsheets as VPs keep them (tests/sheet_files.py), for the sheet-import tests."""
    return _load_sheet_files()


@pytest.fixture
def handover_kit() -> ModuleType:
    """A small practice to hand over and merge (tests/handover_files.py)."""
    return _load_by_path("vpnotebook_test_handover_files", "handover_files.py")
