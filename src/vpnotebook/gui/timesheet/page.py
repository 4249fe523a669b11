"""The Tijd screen (being built)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.page import ComingSoonPage


class TimePage(ComingSoonPage):
    TITLE = QT_TRANSLATE_NOOP("TimePage", "Tijd")
    TEXT = QT_TRANSLATE_NOOP("TimePage", "Dit scherm is in aanbouw.")
