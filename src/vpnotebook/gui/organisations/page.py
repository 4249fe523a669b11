"""The Organisaties screen (being built)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.page import ComingSoonPage


class OrganisationsPage(ComingSoonPage):
    TITLE = QT_TRANSLATE_NOOP("OrganisationsPage", "Organisaties")
    TEXT = QT_TRANSLATE_NOOP("OrganisationsPage", "Dit scherm is in aanbouw.")
