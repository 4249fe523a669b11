"""A workspace opened read-only shows every form but takes no typing: the banner's promise
("u kunt alles inzien … maar wijzigingen worden niet bewaard") without a failed save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from vpnotebook.core.models import Case
from vpnotebook.gui.common.editor import RecordEditor
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.session import Session
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

PASSPHRASE = "paarse olifant danst op zolder"  # conftest's GUI_PASSPHRASE


def _takes_typing(widget: QWidget) -> bool:
    if not widget.isEnabled():
        return False
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    return True


def _open(qtbot: QtBot, folder: Path, settings: AppSettings, access: str) -> MainWindow:
    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window._unlocked(Session(Vault.open(folder, passphrase=PASSPHRASE, access=access)))
    return window


def _every_form(window: MainWindow) -> list[tuple[str, QWidget]]:
    """(where, input) for every input of every form on every page and case tab."""
    assert window.workspace is not None and window.session is not None
    found: list[tuple[str, QWidget]] = []

    def collect(where: str) -> None:
        for editor in window.findChildren(RecordEditor):
            found.extend((where, widget) for widget in editor.binding.inputs())

    for key in window.workspace.pages:
        window.workspace.show_page(key)
        collect(f"page {key}")
    cases = window.workspace.show_page("cases")
    for status in ("open", "closed"):
        case = window.session.journal.find(Case, "status = ? AND destroyed_on IS NULL", (status,))
        cases.open_case(case[0].id)
        for index in range(cases.view.tabs.count()):
            cases.view.tabs.setCurrentIndex(index)
            collect(f"{status} case, tab {index}")
    return found


def test_read_only_forms_take_no_typing_on_any_page_or_case_tab(
    qtbot: QtBot, demo_vault: tuple[Path, str], settings: AppSettings
) -> None:
    folder, _ = demo_vault
    window = _open(qtbot, folder, settings, "ro")
    inputs = _every_form(window)
    assert len({id(widget) for _, widget in inputs}) > 40  # the walk reached the forms
    typing = sorted(
        {
            f"{where}: {type(w).__name__} {w.accessibleName()!r}"
            for where, w in inputs
            if _takes_typing(w)
        }
    )
    assert typing == []
    # Searching and filtering are reading: they still work.
    cases = window.workspace.show_page("cases") if window.workspace else None
    assert cases is not None
    searches = [w for w in cases.findChildren(QLineEdit) if not w.isReadOnly() and w.isEnabled()]
    assert searches, "the case list's search field stays usable"
    # A key typed into the title changes nothing, and nothing asks to be saved.
    title = cases.view.intake.title
    before = title.text()
    title.setFocus()
    qtbot.keyClicks(title, "nieuw")
    assert title.text() == before
    window.lock()


def test_a_writable_workspace_keeps_its_forms_open(
    qtbot: QtBot, demo_vault: tuple[Path, str], settings: AppSettings
) -> None:
    """The same walk on a normal opening: the check above would notice nothing otherwise."""
    folder, _ = demo_vault
    window = _open(qtbot, folder, settings, "rw")
    inputs = _every_form(window)
    assert sum(_takes_typing(widget) for _, widget in inputs) > 40
    window.lock()
