"""The unlock screen: passphrase, caps-lock warning, key derivation off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...vault.errors import VaultError
from .. import warm_up
from ..common import dialogs
from ..common.worker import BackgroundJob

if TYPE_CHECKING:
    # Imported where they are used: the window must paint before cryptography, SQLCipher,
    # the journal and the password-strength dictionaries are loaded (see warm_up).
    from ...vault.vault import Vault


def error_text(error: VaultError, language: str) -> str:
    return error.message(language)


class _CapsLockWatcher(QObject):
    """Guess caps lock from typed letters: upper case without Shift, or the reverse."""

    changed = Signal(bool)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
                from PySide6.QtCore import Qt  # see warm_up: loaded after the first paint

                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.changed.emit(text.isupper() != shift)
        return False


class UnlockScreen(QWidget):
    unlocked = Signal(object)  # a Session
    other_vault_chosen = Signal(Path)

    def __init__(self, folder: Path, language: str = "nl", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.language = language
        self._job: BackgroundJob | None = None

        title = QLabel(self.tr("Kluis ontgrendelen"))
        title.setObjectName("screenTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        # Selectable (to copy the path) from the turn after the first paint: the flag lives in
        # PySide6's Qt namespace, whose first use builds ~100 enums, a sixth of the start.
        warm_up.after_first_paint(self, self._make_folder_selectable)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Wachtwoord"))
        self.passphrase.setMinimumWidth(320)
        self.passphrase.returnPressed.connect(self.unlock)
        self._caps = _CapsLockWatcher(self)
        self.passphrase.installEventFilter(self._caps)
        self.caps_warning = QLabel(self.tr("Caps Lock staat waarschijnlijk aan."))
        self.caps_warning.setVisible(False)
        self._caps.changed.connect(self.caps_warning.setVisible)

        self.unlock_button = QPushButton(self.tr("Ontgrendelen"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Bezig met ontgrendelen"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("errorMessage")
        self.message.setStyleSheet(
            "color: palette(highlighted-text); background: #b3261e;"
            "padding: 6px; border-radius: 4px;"
        )
        self.message.setVisible(False)

        self.recovery_button = QPushButton(self.tr("Wachtwoord vergeten? Herstelcode gebruiken"))
        self.recovery_button.setFlat(True)
        self.recovery_button.clicked.connect(self.use_recovery_code)
        self.other_button = QPushButton(self.tr("Andere kluis openen…"))
        self.other_button.setFlat(True)
        self.other_button.clicked.connect(self.choose_other_vault)

        form = QFormLayout()
        form.addRow(self.tr("Wachtwoord:"), self.passphrase)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        links = QHBoxLayout()
        links.addWidget(self.recovery_button)
        links.addWidget(self.other_button)
        links.addStretch(1)

        box = QVBoxLayout()
        box.addWidget(title)
        box.addWidget(self.folder_label)
        box.addSpacing(12)
        box.addLayout(form)
        box.addWidget(self.caps_warning)
        box.addWidget(self.message)
        box.addWidget(self.busy)
        box.addLayout(buttons)
        box.addSpacing(12)
        box.addLayout(links)
        panel = QWidget()
        panel.setLayout(box)
        panel.setMaximumWidth(560)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.set_folder(folder)

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_label.setText(self.tr("Kluis: %1").replace("%1", str(folder)))

    def reset(self) -> None:
        self.passphrase.clear()
        self.message.setVisible(False)
        self._set_busy(False)
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (
            self.passphrase,
            self.unlock_button,
            self.recovery_button,
            self.other_button,
        ):
            widget.setEnabled(not busy)

    def _make_folder_selectable(self) -> None:
        from PySide6.QtCore import Qt

        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def unlock(self) -> None:
        if self._job is not None and self._job.running:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.show_error(self.tr("Vul uw wachtwoord in."))
            return
        folder = self.folder

        def job() -> Vault:
            from ...vault.vault import Vault

            # A full disk or a read-only medium still opens, read-only (the workspace says so).
            return Vault.open(folder, passphrase=passphrase, access="auto")

        self._start(job)

    def _start(self, job, on_done=None) -> None:  # type: ignore[no-untyped-def]
        self.message.setVisible(False)
        self._set_busy(True)
        self._job = BackgroundJob(job, self)
        self._job.done.connect(on_done or self._opened)
        self._job.failed.connect(self._failed)
        self._job.start()

    def _opened(self, vault: Vault) -> None:
        from ..session import Session

        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(Session(vault))

    def _failed(self, error: object) -> None:
        self._set_busy(False)
        if isinstance(error, VaultError):
            self.show_error(error_text(error, self.language))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        else:
            self.show_error(
                self.tr(
                    "Er ging onverwacht iets mis (%1). Uw gegevens zijn niet gewijzigd."
                ).replace("%1", type(error).__name__)
            )

    def ask_recovery(self) -> tuple[str, str] | None:
        """The recovery code and the new passphrase, or None (tests replace this method)."""
        from .recovery import RecoveryDialog

        dialog = RecoveryDialog(self)
        return dialog.values() if dialog.exec() else None

    def use_recovery_code(self) -> None:
        answer = self.ask_recovery()
        if answer is None:
            return
        code, new_passphrase = answer

        def job() -> Vault:
            from ...vault.vault import Vault

            vault = Vault.open(self.folder, recovery_code=code)
            try:
                vault.change_passphrase(new_passphrase)
            except BaseException:
                vault.close()
                raise
            return vault

        def done(vault: Vault) -> None:
            dialogs.inform(
                self,
                self.tr("Nieuw wachtwoord ingesteld"),
                self.tr(
                    "De kluis is geopend met uw herstelcode en heeft nu het nieuwe "
                    "wachtwoord. De herstelcode blijft geldig."
                ),
            )
            self._opened(vault)

        self._start(job, done)

    def choose_other_vault(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Kies de map van een kluis"), str(self.folder.parent)
        )
        if folder:
            self.other_vault_chosen.emit(Path(folder))
