"""The main window's status bar: what the last save did, with its undo, and the vault's
state (its folder, locked or not, the last backup). main_window.MainWindow builds on it."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QToolButton

from ..vault.errors import VaultError
from .common import dialogs
from .settings.store import AppSettings

if TYPE_CHECKING:
    from .common.editor import Undo
    from .session import Session
    from .workspace import Workspace


class StatusWindow(QMainWindow):
    """A main window with the program's status bar; the session and workspace are its
    subclass's, which shows them."""

    settings: AppSettings
    session: Session | None
    workspace: Workspace | None
    undo_action: QAction

    def _build_status_bar(self) -> None:
        # Left: what the last save did, quietly, with its undo. Right: the vault's state.
        self.save_label = QLabel()
        self.save_label.setObjectName("saveStatus")
        self.undo_button = QToolButton()
        self.undo_button.setText(self.tr("Ongedaan maken"))
        self.undo_button.setAutoRaise(True)
        # Reads as a link beside the quiet "Opgeslagen om …": there to use, never in the way.
        self.undo_button.setStyleSheet(
            "QToolButton { color: palette(link); text-decoration: underline; border: none; }"
        )
        self.undo_button.clicked.connect(self.undo_last_change)
        self.undo_button.setVisible(False)
        self._undo: Undo | None = None
        self.statusBar().addWidget(self.save_label)
        self.statusBar().addWidget(self.undo_button)
        self.vault_label = QLabel()
        self.lock_label = QLabel()
        self.backup_label = QLabel()
        for label in (self.vault_label, self.lock_label, self.backup_label):
            self.statusBar().addPermanentWidget(label)

    def _saved(self, undo: Undo | None) -> None:
        at = datetime.now().strftime("%H:%M")
        self.save_label.setStyleSheet("")
        self.save_label.setText(self.tr("Opgeslagen om %1").replace("%1", at))
        self.save_label.setToolTip("")
        self._offer_undo(undo)

    def _unsaved(self, text: str) -> None:
        self.save_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.save_label.setText(self.tr("Niet opgeslagen"))
        self.save_label.setToolTip(text)

    def _offer_undo(self, undo: Undo | None) -> None:
        self._undo = undo
        self.undo_button.setVisible(undo is not None)
        self.undo_button.setToolTip(undo.text if undo is not None else "")
        self.undo_action.setEnabled(undo is not None)

    def undo_last_change(self) -> None:
        """Take back the last change a form wrote on this page."""
        undo, session = self._undo, self.session
        if undo is None or session is None:
            return
        if self.workspace is not None:
            self.workspace.save_pending_quietly()  # what is still being typed comes first
        if undo.confirm and not dialogs.ask(self, self.tr("Ongedaan maken"), undo.confirm):
            return
        from ..core.fields import ValidationError
        from ..core.journal import NotFoundError
        from .common.labels import current_language

        self._offer_undo(None)
        try:
            undo.revert()
        except (VaultError, ValidationError, NotFoundError) as problem:
            reason = (
                problem.message(current_language())
                if isinstance(problem, VaultError)
                else self.tr("het is intussen gewijzigd of verwijderd.")
            )
            self.save_label.setText(self.tr("Ongedaan maken lukte niet: %1").replace("%1", reason))
            return
        session.notify(undo.kind)
        self.save_label.setStyleSheet("")
        self.save_label.setText(self.tr("Laatste wijziging ongedaan gemaakt"))

    def update_backup_status(self) -> None:
        if self.session is None:
            return
        days = self.settings.backup_reminder_days
        text, overdue = backup_status(self.session, days)
        if self.workspace is not None:
            for page in self.workspace.pages.created():
                page.set_reminder_days(days)
        self.backup_label.setText(text)
        self.backup_label.setStyleSheet("color: #b3261e; font-weight: bold;" if overdue else "")


def backup_status(
    session: Session, reminder_days: int, today: date | None = None
) -> tuple[str, bool]:
    """The status-bar text about the last verified backup, and whether it is overdue."""
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    last = session.journal.setting("last_backup_at")
    today = today or date.today()
    if not last:
        return tr("Nog geen reservekopie gemaakt"), True
    made = datetime.fromisoformat(last).date()
    age = (today - made).days
    text = tr("Laatste reservekopie: %1").replace("%1", made.strftime("%d-%m-%Y"))
    return text, age > reminder_days
