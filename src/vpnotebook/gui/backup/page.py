"""The Reservekopie screen (placeholder until its feature lands)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.page import ComingSoonPage


class BackupPage(ComingSoonPage):
    TITLE = QT_TRANSLATE_NOOP("BackupPage", "Reservekopie")
    TEXT = QT_TRANSLATE_NOOP(
        "BackupPage",
        "Hier maakt u straks met één klik een versleutelde, gecontroleerde reservekopie "
        "op een USB-stick, en zet u er een terug. Tot dan werkt dit via de "
        "opdrachtregel: vpnotebook backup --vault MAP --out STICK.",
    )
