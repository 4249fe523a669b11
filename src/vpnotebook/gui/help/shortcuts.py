"""Help → Sneltoetsen: every keyboard shortcut of the program, read from where it is set.

The menu shortcuts are read from the window's own actions, so the list cannot drift from
them. The few that belong to one screen are listed in SCREEN_SHORTCUTS with the screen that
has them; tests/gui/test_help.py checks each against that screen's real shortcuts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..common.screen import resize_within_screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


@dataclass(frozen=True)
class ScreenShortcut:
    keys: QKeySequence.StandardKey | str
    description: str  # Dutch source text, translated when shown
    page: str | None  # the workspace page that has it; None: everywhere (Qt's own keys)

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)


SCREEN_SHORTCUTS: tuple[ScreenShortcut, ...] = (
    ScreenShortcut(
        QKeySequence.StandardKey.Print,
        str(QT_TRANSLATE_NOOP("Shortcuts", "Jaarverslag afdrukken")),
        "report",
    ),
    ScreenShortcut(
        QKeySequence.StandardKey.Delete,
        str(QT_TRANSLATE_NOOP("Shortcuts", "Gekozen regel verwijderen")),
        "outreach",
    ),
)
# Keys every screen understands (Qt's own); shown as text, not as a shortcut of ours.
GENERAL_KEYS: tuple[tuple[str, str], ...] = (
    (
        str(QT_TRANSLATE_NOOP("Shortcuts", "Tab / Shift+Tab")),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Naar het volgende of vorige veld")),
    ),
    (
        str(QT_TRANSLATE_NOOP("Shortcuts", "Alt + onderstreepte letter")),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Naar dat veld of die knop")),
    ),
    (
        str(QT_TRANSLATE_NOOP("Shortcuts", "Enter")),
        str(QT_TRANSLATE_NOOP("Shortcuts", "In een lijst: de gekozen regel openen")),
    ),
    (
        str(QT_TRANSLATE_NOOP("Shortcuts", "Esc")),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Een venster sluiten zonder iets te doen")),
    ),
)


def _plain(text: str) -> str:
    """A menu text without its quick-key ampersand and ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def menu_shortcuts(menus: list[QMenu]) -> list[tuple[str, str]]:
    """(keys, what) for every action with a shortcut in these menus and their submenus."""
    found: list[tuple[str, str]] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu)
                continue
            if action.isSeparator() or not action.shortcuts():
                continue
            # The first sequence only: F1 also has the rare Help key, which says nothing here.
            keys = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
            found.append((keys, f"{_plain(menu.title())} → {_plain(action.text())}"))

    for menu in menus:
        walk(menu)
    return found


def all_shortcuts(menus: list[QMenu]) -> list[tuple[str, str]]:
    rows = menu_shortcuts(menus)
    rows += [
        (s.sequence().toString(QKeySequence.SequenceFormat.NativeText), _tr(s.description))
        for s in SCREEN_SHORTCUTS
    ]
    rows += [(_tr(keys), _tr(what)) for keys, what in GENERAL_KEYS]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sneltoetsen"))
        rows = all_shortcuts(menus)
        intro = QLabel(self.tr("Met deze toetsen werkt u zonder muis."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Sneltoetsen"))
        self.table.setHorizontalHeaderLabels([self.tr("Toetsen"), self.tr("Wat het doet")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 4
        height += sum(self.table.rowHeight(row) for row in range(len(rows)))
        self.table.setMinimumHeight(min(height, 460))
        resize_within_screen(self, 620, self.sizeHint().height())

    def rows(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.table.rowCount()):
            keys, what = self.table.item(row, 0), self.table.item(row, 1)
            rows.append((keys.text() if keys else "", what.text() if what else ""))
        return rows


def action_of(menus: list[QMenu], text: str) -> QAction | None:
    """The menu action whose plain text is `text` (for tests and the main window)."""
    for menu in menus:
        for action in menu.actions():
            if _plain(action.text()) == text:
                return action
    return None
