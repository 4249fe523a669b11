"""The Vandaag screen (being built)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.page import ComingSoonPage


class TodayPage(ComingSoonPage):
    TITLE = QT_TRANSLATE_NOOP("TodayPage", "Vandaag")
    TEXT = QT_TRANSLATE_NOOP("TodayPage", "Dit scherm is in aanbouw.")
