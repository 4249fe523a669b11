"""Without a mouse and without eyes: every input is reachable by keyboard and has a name.

* Every visible input of every page, every tab of a case and every dialog has an accessible
  name, or a label that points to it (a buddy), or — for a button or box — its own text:
  what a screen reader says. Widgets inside a compound input (a spin box's line edit) speak
  through that input.
* A first case with its conversation can be recorded with the keyboard alone: Ctrl+N, Tab,
  arrow keys, Space and Enter.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from vpnotebook.core.models import Case, Conversation
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS

from .conftest import GUI_PASSPHRASE
from .test_mnemonics import _dialogs

INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QAbstractItemView,
)


def _inside_compound(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractSpinBox | QComboBox) or isinstance(widget, QTabBar)


def unnamed(window: QWidget) -> list[str]:
    """The visible inputs of `window` a screen reader could not name."""
    buddies = {
        id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None
    }
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or _inside_compound(widget):
            continue
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.accessibleName().strip() or id(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


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
    yield main
    main.close()


def test_the_check_sees_an_unnamed_input(qtbot) -> None:
    from PySide6.QtWidgets import QVBoxLayout

    dialog = QWidget()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    named, labelled, silent = QLineEdit(), QLineEdit(), QLineEdit()
    named.setAccessibleName("Naam")
    label = QLabel("&Adres")
    label.setBuddy(labelled)
    for widget in (named, label, labelled, silent):
        layout.addWidget(widget)
    dialog.show()
    assert len(unnamed(dialog)) == 1


def test_every_input_on_every_screen_has_a_name(qtbot, window: MainWindow) -> None:
    assert not unnamed(window), "unlock screen"
    _unlock(qtbot, window)
    assert window.workspace is not None
    for key in window.workspace.pages:
        window.workspace.show_page(key)
        assert not unnamed(window), key
    cases = window.workspace.cases_page()
    journal = window.session.journal
    for status in ("open", "closed"):
        case = journal.find(Case, "status = ? AND destroyed_on IS NULL", (status,))[0]
        cases.open_case(case.id)
        for index in range(cases.view.tabs.count()):
            cases.view.tabs.setCurrentIndex(index)
            assert not unnamed(window), f"{status} case, tab {index}"
    for name, dialog in _dialogs(window):
        if dialog is None:
            continue
        dialog.show()
        assert not unnamed(dialog), name
        dialog.close()


class Keys:
    """The keyboard alone: each key goes to whatever has the focus."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None
        self.qtbot.keyClick(focused, key, modifier)
        QApplication.processEvents()

    def type(self, text: str) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None
        self.qtbot.keyClicks(focused, text)

    def tab_to(self, wanted: QWidget, backwards: bool = False, most: int = 40) -> None:
        """Tab (or Shift+Tab) until `wanted` has the focus; fails if it is never reached."""
        modifier = (
            Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
        )
        for _ in range(most):
            if QApplication.focusWidget() is wanted:
                return
            self.press(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, modifier)
        assert QApplication.focusWidget() is wanted, f"{wanted!r} never had the focus"


def test_a_first_case_by_keyboard_alone(qtbot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    keys = Keys(qtbot)
    window.workspace.navigation.setFocus()
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    intake = window.workspace.cases_page()._intake
    assert intake is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is intake.form.title)
    form = intake.form
    keys.type("Met de toetsen vastgelegd")
    # The organisation: the first of the list, chosen with the arrow keys.
    keys.tab_to(form.organisation)
    keys.press(Qt.Key.Key_Down)
    assert form.organisation.currentData() is not None
    # The arrow keys move within a row of choices, Space takes the one with the focus.
    keys.tab_to(form.contact_type.radios["question"])
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Right)
    assert QApplication.focusWidget() is form.contact_type.radios["report"]
    keys.press(Qt.Key.Key_Space)
    assert form.contact_type.code() == "report"
    keys.tab_to(form.category_checks["bullying"])
    keys.press(Qt.Key.Key_Space)
    keys.tab_to(form.reporter_role.radios["employee"])
    keys.press(Qt.Key.Key_Space)
    assert form.reporter_role.code() == "employee"
    keys.tab_to(intake.buttons.buttons()[0])
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: intake.created is not None)
    case_id = intake.created.id
    editor = window.workspace.cases_page().view.conversations.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.texts["story"])
    keys.type("Verteld zonder muis")
    keys.tab_to(editor.duration, backwards=True)
    keys.type("30")
    keys.tab_to(editor.texts["notes"])  # leaving the field stores what was typed
    journal = window.session.journal

    def stored() -> bool:
        talks = journal.conversations_of(case_id)
        return (
            bool(talks) and talks[0].duration_min == 30 and talks[0].story == "Verteld zonder muis"
        )

    qtbot.waitUntil(stored, timeout=10_000)
    case = journal.get(Case, case_id)
    assert case.title == "Met de toetsen vastgelegd" and case.categories == ("bullying",)
    assert journal.find(Conversation, "case_id = ?", (case_id,))
