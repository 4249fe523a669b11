"""What every screen in the workspace offers the main window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..session import Session


class Page(QWidget):
    """A workspace screen. It holds case data only while the vault is unlocked."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def refresh(self) -> None:
        """Reload from the journal (called when shown and when records change)."""

    def save_pending(self) -> None:
        """Write any edit in progress: before a lock, on quit, when leaving the page."""

    def state(self) -> dict[str, Any]:
        """Where the VP was (selected record, filters): restored after an unlock."""
        return {}

    def restore_state(self, state: dict[str, Any]) -> None:
        """Return to `state` after an unlock."""


class ComingSoonPage(Page):
    """A calm placeholder for a screen whose feature is not built yet.

    Subclasses set TITLE and TEXT with QT_TRANSLATE_NOOP under their own class name.
    """

    TITLE = ""
    TEXT = ""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        context = type(self).__name__
        heading = QLabel(f"<h2>{QCoreApplication.translate(context, self.TITLE)}</h2>")
        body = QLabel(QCoreApplication.translate(context, self.TEXT))
        body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
