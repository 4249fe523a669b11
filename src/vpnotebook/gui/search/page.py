"""The Zoeken screen (being built)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.page import ComingSoonPage


class SearchPage(ComingSoonPage):
    TITLE = QT_TRANSLATE_NOOP("SearchPage", "Zoeken")
    TEXT = QT_TRANSLATE_NOOP("SearchPage", "Dit scherm is in aanbouw.")
