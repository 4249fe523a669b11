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
    from ...vault.kdf import Argon2Params, KdfPolicy
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

    def __init__(
        self,
        folder: Path,
        language: str = "nl",
        parent: QWidget | None = None,
        *,
        kdf_params: Argon2Params | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.language = language
        # Explicit parameters (tests) are their own floor; otherwise the machine's floor.
        self._kdf_params = kdf_params
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

    def _policy(self) -> KdfPolicy:
        from ...vault.kdf import PRODUCTION, KdfPolicy

        return KdfPolicy.explicit(self._kdf_params) if self._kdf_params else PRODUCTION

    def unlock(self) -> None:
        if self._job is not None and self._job.running:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.show_error(self.tr("Vul uw wachtwoord in."))
            return
        folder, policy = self.folder, self._policy()

        def job() -> Vault:
            from ...vault.vault import Vault

            # A full disk or a read-only medium still opens, read-only (the workspace says so).
            return Vault.open(folder, passphrase=passphrase, access="auto", policy=policy)

        self._start(job, lambda vault: self._opened(vault, passphrase=passphrase))

    def _start(self, job, on_done) -> None:  # type: ignore[no-untyped-def]
        self.message.setVisible(False)
        self._set_busy(True)
        self._job = BackgroundJob(job, self)
        self._job.done.connect(on_done)
        self._job.failed.connect(self._failed)
        self._forget_when_finished(self._job)
        self._job.start()

    @staticmethod
    def _forget_when_finished(job: BackgroundJob) -> None:
        # Its handlers hold the secret typed for this attempt: they go with the job.
        job.done.connect(job.deleteLater)
        job.failed.connect(job.deleteLater)

    def _opened(
        self, vault: Vault, *, passphrase: str | None = None, code: str | None = None
    ) -> None:
        """Tell what opening found (an interrupted re-key, a key below the floor), then go in."""
        from ...vault.rekey import REKEY_FINISHED

        if vault.rekey_recovered is not None:
            dialogs.inform(
                self,
                self.tr("Sleutelwissel"),
                self.tr(
                    "Een sleutelwissel die was onderbroken, is nu afgemaakt: de kluis heeft de "
                    "nieuwe sleutel."
                )
                if vault.rekey_recovered == REKEY_FINISHED
                else self.tr(
                    "Een sleutelwissel die was onderbroken, is teruggedraaid: de kluis heeft nog "
                    "de oude sleutel, en het oude wachtwoord en de oude herstelcode gelden nog."
                ),
            )
        # Opened read-only (a full disk), nothing can be sealed again now.
        weak = () if vault.read_only else vault.weak_slots()
        if weak and self._strengthen_now(vault, weak, passphrase=passphrase, code=code):
            return
        self._enter(vault)

    def _strengthen_now(
        self, vault: Vault, weak: tuple[str, ...], *, passphrase: str | None, code: str | None
    ) -> bool:
        """Report slots below the floor; strengthen what the secret in hand allows, if agreed."""
        from ...vault.keyslots import PASSPHRASE, RECOVERY

        floor = vault.policy.floor.describe()
        lines = []
        for kind in weak:
            params = vault.slot_file.slots[kind].params.describe()
            lines.append(
                (
                    self.tr("De sleutel achter uw wachtwoord gebruikt %1.")
                    if kind == PASSPHRASE
                    else self.tr("De sleutel achter uw herstelcode gebruikt %1.")
                ).replace("%1", params)
            )
        report = (
            " ".join(lines)
            + " "
            + self.tr(
                "Dat is lichter dan het minimum op deze computer (%1). Heeft u dat niet zelf zo "
                "ingesteld, dan kan iemand met het sleutelbestand hebben geknoeid."
            ).replace("%1", floor)
        )
        can = (PASSPHRASE in weak and passphrase is not None) or (
            RECOVERY in weak and code is not None
        )
        if not can:
            dialogs.warn(
                self,
                self.tr("Sleutel lichter beveiligd"),
                report
                + " "
                + self.tr(
                    "Versterk hem via Instellingen, Beveiliging (met uw herstelcode), of maak "
                    "daar een nieuwe herstelcode."
                ),
            )
            return False
        if not dialogs.ask(
            self,
            self.tr("Sleutel lichter beveiligd"),
            report + " " + self.tr("Nu versterken? Dat duurt een paar seconden."),
        ):
            return False
        self.message.setVisible(False)
        self._set_busy(True)
        strengthen_job = BackgroundJob(
            lambda: vault.strengthen(
                passphrase=passphrase if PASSPHRASE in weak else None,
                recovery_code=code if RECOVERY in weak else None,
            ),
            self,
        )
        strengthen_job.done.connect(lambda _kinds: self._enter(vault))
        strengthen_job.failed.connect(lambda error: self._strengthen_failed(vault, error))
        self._forget_when_finished(strengthen_job)
        self._job = strengthen_job
        strengthen_job.start()
        return True

    def _strengthen_failed(self, vault: Vault, error: object) -> None:
        message = error.message(self.language) if isinstance(error, VaultError) else ""
        dialogs.error(
            self,
            self.tr("Niet versterkt"),
            self.tr("De sleutel kon niet worden versterkt; er is niets gewijzigd.") + " " + message,
        )
        self._enter(vault)

    def _enter(self, vault: Vault) -> None:
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
        folder, policy = self.folder, self._policy()

        def job() -> Vault:
            from ...vault.vault import Vault

            vault = Vault.open(folder, recovery_code=code, policy=policy)
            try:
                # Sealed at max(floor, calibrated, the old slot's own): never an edited-down
                # slot's parameters.
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
            self._opened(vault, code=code)

        self._start(job, done)

    def choose_other_vault(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Kies de map van een kluis"), str(self.folder.parent)
        )
        if folder:
            self.other_vault_chosen.emit(Path(folder))
