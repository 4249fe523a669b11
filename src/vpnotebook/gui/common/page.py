"""What every screen in the workspace offers the main window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..session import Session


class Page(QWidget):
    """A workspace screen. It holds case data only while the vault is unlocked.

    This declares everything the workspace and the main window call on a page; a page
    overrides what applies to it. Editing goes through common/editor.RecordEditor, the one
    save path: a page's `save_pending` asks its editors to write what is being typed.
    """

    # The page needs the vault locked before it can go on (restoring a backup over it).
    lock_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def refresh(self) -> None:
        """Reload from the journal (called when shown and when records change)."""

    def save_pending(self) -> None:
        """Write any edit in progress: before a lock, on quit, when leaving the page. What
        cannot be stored yet is kept as a draft; a disk that refuses raises VaultError."""

    def state(self) -> dict[str, Any]:
        """Where the VP was (selected record, filters): restored after an unlock."""
        return {}

    def restore_state(self, state: dict[str, Any]) -> None:
        """Return to `state` after an unlock (and put back drafts a lock kept)."""

    def set_reminder_days(self, days: int) -> None:
        """How many days after the last backup the VP wants a reminder (settings)."""

    def focus_field(self) -> None:
        """Where typing goes when the page is called up by a shortcut (Ctrl+F for search)."""
        self.focusNextChild()


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
