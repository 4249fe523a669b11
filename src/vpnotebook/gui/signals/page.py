"""The Signalen en advies screen (being built)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.page import ComingSoonPage


class SignalsPage(ComingSoonPage):
    TITLE = QT_TRANSLATE_NOOP("SignalsPage", "Signalen en advies")
    TEXT = QT_TRANSLATE_NOOP("SignalsPage", "Dit scherm is in aanbouw.")
