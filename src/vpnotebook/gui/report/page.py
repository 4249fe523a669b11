"""The Jaarverslag screen (placeholder until its feature lands)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.page import ComingSoonPage


class ReportPage(ComingSoonPage):
    TITLE = QT_TRANSLATE_NOOP("ReportPage", "Jaarverslag")
    TEXT = QT_TRANSLATE_NOOP(
        "ReportPage",
        "Hier stelt u straks per organisatie en jaar het geanonimiseerde jaarverslag "
        "op, met een controle die voorkomt dat cijfers naar personen te herleiden zijn.",
    )
