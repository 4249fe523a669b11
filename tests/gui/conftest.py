"""GUI fixtures: a real vault with fictional data, a session over it, isolated settings."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from vpnotebook.core.demo import fill_demo
from vpnotebook.core.journal import Journal
from vpnotebook.gui.common import dialogs
from vpnotebook.gui.session import Session
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

GUI_PASSPHRASE = "paarse olifant danst op zolder"
DEMO_TODAY = date(2026, 11, 28)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "instellingen.ini")


@pytest.fixture
def demo_vault(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A closed vault with 40 fictional cases; yields (folder, recovery code)."""
    folder = tmp_path / "kluis"
    vault, code = Vault.create(folder, GUI_PASSPHRASE, kdf_params=TEST_PARAMS)
    fill_demo(Journal(vault.db), cases=40, seed=7, today=DEMO_TODAY)
    vault.close()
    yield folder, code


@pytest.fixture
def session(demo_vault: tuple[Path, str]) -> Iterator[Session]:
    folder, _ = demo_vault
    opened = Session(Vault.open(folder, passphrase=GUI_PASSPHRASE))
    yield opened
    if opened.vault.is_open:
        opened.close()


@pytest.fixture
def answers() -> Iterator[list[tuple[str, str, str]]]:
    """Message boxes are answered "yes"/"ok" and recorded instead of shown."""
    dialogs.set_test_hook(lambda kind, title, text: True)
    yield dialogs.shown
    dialogs.set_test_hook(None)
