"""The Help menu: the user guide (F1), the keyboard shortcuts, and "Over vpnotebook".

Available locked and unlocked alike: none of it shows anything from the vault. The windows
are built when first asked for (the unlock screen's first paint imports none of them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from .guide import GuideWindow


class HelpMenu(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.guide: GuideWindow | None = None
        self.menu = window.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = QAction(self.tr("&Handleiding"), window)
        self.guide_action.setShortcuts(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(lambda: self.show_guide())
        self.shortcuts_action = QAction(self.tr("&Sneltoetsen"), window)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self.tr("&Over vpnotebook"), window)
        self.about_action.triggered.connect(self.show_about)
        for action in (self.guide_action, self.shortcuts_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.about_action)

    def show_guide(self, chapter: str = "") -> GuideWindow:
        from .guide import GuideWindow

        if self.guide is None:
            self.guide = GuideWindow(self._window)
        if chapter:
            self.guide.show_chapter(chapter)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        return self.guide

    def show_shortcuts(self) -> None:
        from .shortcuts import ShortcutsDialog

        menus = [
            menu
            for action in self._window.menuBar().actions()
            if isinstance(menu := action.menu(), QMenu)
        ]
        dialog = ShortcutsDialog(menus, self._window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_about(self) -> None:
        from .about import AboutDialog

        dialog = AboutDialog(self._window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
