"""The Voorlichting screen (being built)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.page import ComingSoonPage


class OutreachPage(ComingSoonPage):
    TITLE = QT_TRANSLATE_NOOP("OutreachPage", "Voorlichting")
    TEXT = QT_TRANSLATE_NOOP("OutreachPage", "Dit scherm is in aanbouw.")
