"""No Alt+letter does two things: every screen and dialog, as the VP sees it, has each quick
key at most once (Qt would only cycle between the two, and Alt+A would not do what it says).

Walks the real window: the unlock screen, the wizard's pages, every page of the workspace
and every tab of a case, and every dialog the VP can open. What counts is what is visible at
one moment in one window: the menu bar's titles, button texts, label mnemonics that move to a
field, group box titles and tab titles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QTabWidget,
    QWidget,
    QWizard,
)

from vpnotebook.core.models import Case
from vpnotebook.core.retention import OVERDUE, case_retention, due_for_destruction
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS

from .conftest import DEMO_TODAY, GUI_PASSPHRASE

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def visible_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, where) for every quick key active in this window right now."""
    found: list[tuple[str, str]] = []
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible() and (key := mnemonic(action.text())):
                found.append((key, f"menu {action.text()}"))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        text = ""
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        if text and (key := mnemonic(text)):
            found.append((key, f"{type(widget).__name__} {text!r}"))
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index) and (key := mnemonic(widget.tabText(index))):
                    found.append((key, f"tab {widget.tabText(index)!r}"))
    return found


def menu_clashes(window: QMainWindow) -> dict[str, list[str]]:
    """Within each menu of the bar, every item's quick key once."""
    found: dict[str, list[str]] = {}
    for bar_action in window.menuBar().actions():
        menu = bar_action.menu()
        if menu is None:
            continue
        keys = [
            (key, action.text())
            for action in menu.actions()
            if action.isVisible() and (key := mnemonic(action.text()))
        ]
        counts = Counter(key for key, _ in keys)
        for key, n in counts.items():
            if n > 1:
                found[f"{bar_action.text()}: {key}"] = [t for k, t in keys if k == key]
    return found


def clashes(window: QWidget) -> dict[str, list[str]]:
    found = visible_mnemonics(window)
    counts = Counter(key for key, _ in found)
    return {key: [where for k, where in found if k == key] for key, n in counts.items() if n > 1}


def assert_no_clash(window: QWidget, where: str) -> None:
    found = clashes(window)
    import os

    if os.environ.get("MNEMONIC_REPORT"):
        if found:
            print("CLASH", where, found)
        return
    assert not found, f"{where}: the same Alt key twice: {found}"


def test_the_check_sees_a_clash(qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    field = QLineEdit()
    label = QLabel("&Afdeling")
    label.setBuddy(field)
    for widget in (label, field, QPushButton("&Afsluiten…"), QPushButton("Zonder && toets")):
        layout.addWidget(widget)
    dialog.show()
    assert set(clashes(dialog)) == {"a"}
    hidden = QPushButton("&Bewaren")
    layout.addWidget(hidden)
    hidden.hide()
    layout.addWidget(QPushButton("&Bladeren"))
    assert set(clashes(dialog)) == {"a"}  # a hidden button's key is not active


def _unlock(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.unlock_screen.passphrase, GUI_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)


@pytest.fixture
def window(qtbot, demo_vault, settings: AppSettings) -> Iterator[MainWindow]:
    folder, _ = demo_vault
    main = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()


def test_unlock_screen_and_every_page_and_case_tab(qtbot, window: MainWindow) -> None:
    assert_no_clash(window, "unlock screen")
    assert not menu_clashes(window), menu_clashes(window)
    _unlock(qtbot, window)
    assert not menu_clashes(window), menu_clashes(window)
    assert window.workspace is not None
    for key in window.workspace.pages:
        window.workspace.show_page(key)
        assert_no_clash(window, f"page {key}")
    cases = window.workspace.show_page("cases")
    journal = window.session.journal
    for status in ("open", "closed"):
        case = journal.find(Case, "status = ? AND destroyed_on IS NULL", (status,))[0]
        cases.open_case(case.id)
        tabs = cases.view.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            assert_no_clash(window, f"{status} case, tab {tabs.tabText(index)!r}")


def _dialogs(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Every dialog the VP can open from the unlocked window, built as the screens build them."""
    from vpnotebook.gui.cases.access import AccessExportDialog
    from vpnotebook.gui.cases.closing import CloseCaseDialog
    from vpnotebook.gui.cases.intervision import IntervisionDialog
    from vpnotebook.gui.cases.retention import DestroyCaseDialog, KeepLongerDialog
    from vpnotebook.gui.help.about import AboutDialog
    from vpnotebook.gui.help.guide import GuideWindow
    from vpnotebook.gui.help.shortcuts import ShortcutsDialog
    from vpnotebook.gui.today.batch_destruction import BatchDestroyDialog

    assert window.workspace is not None and window.session is not None
    journal = window.session.journal
    open_case = journal.find(Case, "status = 'open'")[0]
    closed = journal.find(Case, "status = 'closed' AND destroyed_on IS NULL", order="closed_on")[0]
    status = case_retention(journal, closed.id, DEMO_TODAY)
    overdue = [s for s in due_for_destruction(journal, DEMO_TODAY) if s.state == OVERDUE]
    cases = window.workspace.show_page("cases")
    yield "new case", cases.new_case()
    yield "close case", CloseCaseDialog(journal, open_case.id, window)
    yield "destroy case", DestroyCaseDialog(journal, closed, status, 5, DEMO_TODAY, window)
    if status is not None:
        yield "keep longer", KeepLongerDialog(journal, status, DEMO_TODAY, window)
    yield "access export", AccessExportDialog(journal, closed, DEMO_TODAY, window)
    yield "intervisie", IntervisionDialog(journal, open_case, DEMO_TODAY, window)
    yield "batch destruction", BatchDestroyDialog(journal, overdue, 5, DEMO_TODAY, window)
    yield "settings", window.settings_dialog()
    yield "shortcuts", ShortcutsDialog([], window)
    yield "about", AboutDialog(window)
    yield "guide", GuideWindow(window)
    for key in window.workspace.pages:
        page = window.workspace.show_page(key)
        for name, dialog in getattr(page, "screenshot_dialogs", lambda: [])():
            yield f"{key}: {name}", dialog


def test_every_dialog(qtbot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    seen = 0
    for name, dialog in _dialogs(window):
        if dialog is None:
            continue
        dialog.show()
        assert_no_clash(dialog, name)
        tabs = dialog.findChildren(QTabWidget)
        for tab_widget in tabs:  # each tab of a dialog shows its own fields
            for index in range(tab_widget.count()):
                tab_widget.setCurrentIndex(index)
                assert_no_clash(dialog, f"{name}, tab {tab_widget.tabText(index)!r}")
        dialog.close()
        seen += 1
    assert seen >= 10


def test_every_wizard_page(qtbot, tmp_path: Path, settings: AppSettings) -> None:
    window = MainWindow(tmp_path / "nieuw", settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()
    wizard = window.wizard
    assert isinstance(wizard, QWizard)
    assert_no_clash(window, "wizard: welcome and folder")
    wizard.next()
    assert_no_clash(window, "wizard: you and your first client")
    qtbot.keyClicks(wizard.profile_page.name, "M. de Boer")
    qtbot.keyClicks(wizard.profile_page.organisation_name, "Stichting Voorbeeld")
    wizard.next()
    assert_no_clash(window, "wizard: passphrase")
    qtbot.keyClicks(wizard.passphrase_page.fields.first, GUI_PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.fields.second, GUI_PASSPHRASE)
    wizard.next()
    assert_no_clash(window, "wizard: recovery code")
    window.close()


def test_the_recovery_dialog(qtbot, window: MainWindow) -> None:
    from vpnotebook.gui.unlock.recovery import RecoveryDialog

    dialog = RecoveryDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_no_clash(dialog, "recovery")
