"""Where the VP put the dividers comes back after a lock and a restart; the settings file holds
numbers for it, never anything from the vault (it is not encrypted)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, Reporter
from vpnotebook.gui.layout import LayoutMemory, MemoryStore
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

from .conftest import DEMO_TODAY, GUI_PASSPHRASE

MARKERS = ("Geheimorganisatie Zeldzaam", "Meldernaam Vlinderstrik", "Verhaalmarker Kwikstaart")


def _unlock(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.unlock_screen.passphrase, GUI_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)


@pytest.fixture
def marked_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "kluis"
    vault, _ = Vault.create(folder, GUI_PASSPHRASE, kdf_params=TEST_PARAMS)
    journal = Journal(vault.db)
    org = journal.add(Organisation(name=MARKERS[0]))
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=DEMO_TODAY,
            contact_type="report",
            reporter_role="employee",
            title="Werktitelmarker Zeepbel",
        )
    )
    journal.add(Reporter(case_id=case.id, name=MARKERS[1]))
    journal.add(Conversation(case_id=case.id, held_on=DEMO_TODAY, story=MARKERS[2]))
    vault.close()
    return folder


def _splitter(window: MainWindow) -> QSplitter:
    assert window.workspace is not None
    page = window.workspace.cases_page()
    _ = page.view  # the case pane joins the splitter
    return page.splitter


def test_a_moved_divider_comes_back_and_the_settings_hold_no_case_content(
    qtbot, marked_vault: Path, tmp_path: Path
) -> None:
    settings_file = tmp_path / "instellingen.ini"
    window = MainWindow(marked_vault, AppSettings(settings_file), kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    _unlock(qtbot, window)
    splitter = _splitter(window)
    total = sum(splitter.sizes())
    splitter.moveSplitter(total // 2 + 40, 1)  # as a drag of the handle does
    moved = splitter.sizes()
    assert moved[0] > moved[1] // 2
    window.close()

    settings_text = settings_file.read_text(encoding="utf-8")
    assert "layout" in settings_text and "cases.split" in settings_text
    for marker in (*MARKERS, "Werktitelmarker", "Zeepbel"):
        assert marker not in settings_text
    # Only numbers under layout keys.
    for line in settings_text.splitlines():
        if "split" in line or "columns" in line:
            assert re.fullmatch(r"[\w.\\]+=\"?[\d,]*\"?", line.strip()), line

    again = MainWindow(marked_vault, AppSettings(settings_file), kdf_params=TEST_PARAMS)
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    _unlock(qtbot, again)
    assert _splitter(again).sizes() == moved
    again.close()


def test_keys_are_names_from_the_code_never_text() -> None:
    memory = LayoutMemory(MemoryStore())
    with pytest.raises(ValueError):
        memory.splitter(QSplitter(), "Meldernaam Vlinderstrik", [1, 1])


def test_a_broken_value_falls_back_to_the_default(tmp_path: Path, qtbot) -> None:
    settings = AppSettings(tmp_path / "s.ini")
    settings.set_layout_sizes("cases.split", [300, 500])
    assert settings.layout_sizes("cases.split") == [300, 500]
    settings._qsettings.setValue("layout/cases.split", "zomaar,iets")
    assert settings.layout_sizes("cases.split") is None
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    for _ in range(2):
        splitter.addWidget(QSplitter())
    splitter.resize(800, 600)
    LayoutMemory(settings).splitter(splitter, "cases", [1, 3])
    sizes = splitter.sizes()
    assert sizes[1] > sizes[0]
