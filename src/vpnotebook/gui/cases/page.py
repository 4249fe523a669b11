"""The Meldingen screen (being built)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.page import ComingSoonPage


class CasesPage(ComingSoonPage):
    TITLE = QT_TRANSLATE_NOOP("CasesPage", "Meldingen")
    TEXT = QT_TRANSLATE_NOOP("CasesPage", "Dit scherm is in aanbouw.")
