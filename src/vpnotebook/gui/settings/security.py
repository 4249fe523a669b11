"""Instellingen → Beveiliging: how the vault's key is protected, and what the VP can do.

Shows the Argon2id parameters behind the passphrase and the recovery code against this
machine's floor, and offers: a new passphrase, a new recovery code, a new key (re-key), and
strengthening a key derivation below the floor. After a new passphrase or recovery code a new
key is offered, with one sentence on why (`rekey_why`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...vault.keyslots import PASSPHRASE, RECOVERY
from ..common import dialogs
from .key_dialogs import (
    ChangePassphraseDialog,
    NewRecoveryCodeDialog,
    RekeyDialog,
    StrengthenDialog,
    rekey_why,
)
from .key_manager import KeyHost, KeyManager


class SecuritySection(QWidget):
    # A dialog of this section opened (tests drive it; the section keeps it as `dialog`).
    dialog_opened = Signal(object)

    def __init__(self, host: KeyHost, manager: KeyManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.manager = manager
        self.dialog: QDialog | None = None

        status = QGroupBox(self.tr("Hoe uw kluis beveiligd is"))
        self.passphrase_status = QLabel()
        self.recovery_status = QLabel()
        self.floor_status = QLabel()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e;")
        form = QFormLayout(status)
        form.addRow(self.tr("Wachtwoord:"), self.passphrase_status)
        form.addRow(self.tr("Herstelcode:"), self.recovery_status)
        form.addRow(self.tr("Minimum op deze computer:"), self.floor_status)
        form.addRow(self.warning)

        explanation = QLabel(
            self.tr(
                "Uw wachtwoord en herstelcode openen elk dezelfde sleutel van de kluis. Met "
                "Argon2id kost elke poging om een wachtwoord te raden veel geheugen en tijd; "
                "hoe meer, hoe beter."
            )
        )
        explanation.setWordWrap(True)

        self.change_button = QPushButton(self.tr("Wachtwoord wijzigen…"))
        self.code_button = QPushButton(self.tr("Nieuwe herstelcode…"))
        self.rekey_button = QPushButton(self.tr("Nieuwe sleutel maken…"))
        self.strengthen_button = QPushButton(self.tr("Versterken…"))
        self.change_button.clicked.connect(self.change_passphrase)
        self.code_button.clicked.connect(self.new_recovery_code)
        self.rekey_button.clicked.connect(lambda: self.rekey())
        self.strengthen_button.clicked.connect(self.strengthen)
        buttons = QHBoxLayout()
        for button in (self.change_button, self.code_button, self.rekey_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        rekey_note = QLabel(rekey_why())
        rekey_note.setWordWrap(True)
        strengthen_row = QHBoxLayout()
        strengthen_row.addWidget(self.strengthen_button)
        strengthen_row.addStretch(1)
        form.addRow(strengthen_row)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(status)
        layout.addLayout(buttons)
        layout.addWidget(rekey_note)
        layout.addStretch(1)
        self.manager.busy_changed.connect(self._busy)
        self.refresh()

    def refresh(self) -> None:
        session = self.host.session
        if session is None:
            self.setEnabled(False)
            return
        self.setEnabled(not self.manager.busy)
        vault = session.vault
        slots = vault.slot_file.slots
        floor = vault.policy.floor
        weak = vault.weak_slots()
        for kind, label in ((PASSPHRASE, self.passphrase_status), (RECOVERY, self.recovery_status)):
            slot = slots.get(kind)
            if slot is None:
                label.setText(self.tr("geen"))
                continue
            text = self.tr("Argon2id, %1").replace("%1", slot.params.describe())
            if kind in weak:
                text += " " + self.tr("(lichter dan het minimum)")
            label.setText(text)
        self.floor_status.setText(self.tr("Argon2id, %1").replace("%1", floor.describe()))
        self.warning.setText(
            self.tr(
                "Een sleutel is lichter beveiligd dan deze computer nu als minimum aanhoudt. "
                "Versterk hem; heeft u dat niet zelf zo ingesteld, dan kan iemand met het "
                "sleutelbestand hebben geknoeid."
            )
            if weak
            else ""
        )
        self.warning.setVisible(bool(weak))
        self.strengthen_button.setVisible(bool(weak))

    def _busy(self, busy: bool) -> None:
        for button in (self.change_button, self.code_button, self.rekey_button):
            button.setEnabled(not busy)
        self.strengthen_button.setEnabled(not busy)
        if not busy:
            self.refresh()

    def _open(self, dialog: QDialog, then=None) -> QDialog:  # type: ignore[no-untyped-def]
        """Window-modal, not blocking: `then(dialog)` runs once it was accepted."""
        self.dialog = dialog
        dialog.setModal(True)

        def finished(result: int) -> None:
            self.refresh()
            if result == QDialog.DialogCode.Accepted and then is not None:
                then(dialog)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def change_passphrase(self) -> None:
        session = self.host.session
        if session is None:
            return

        def changed(dialog: ChangePassphraseDialog) -> None:
            passphrase, dialog.new_passphrase = dialog.new_passphrase, ""
            self.offer_rekey(
                self.tr("Het wachtwoord is gewijzigd. De herstelcode blijft geldig."),
                passphrase=passphrase,
            )

        self._open(ChangePassphraseDialog(session, self.manager, self), changed)

    def new_recovery_code(self) -> None:
        def stored(dialog: NewRecoveryCodeDialog) -> None:
            passphrase, code = dialog.passphrase, dialog.code
            dialog.passphrase = dialog.code = ""
            self.offer_rekey(
                self.tr("De nieuwe herstelcode is opgeslagen; de oude werkt niet meer."),
                passphrase=passphrase,
                code=code,
            )

        self._open(NewRecoveryCodeDialog(self.manager, self), stored)

    def offer_rekey(self, done: str, *, passphrase: str = "", code: str = "") -> None:
        """After a change of secret: a new key, offered, not forced."""
        question = (
            done + "\n\n" + self.tr("Wilt u nu ook een nieuwe sleutel maken?") + " " + rekey_why()
        )
        if dialogs.ask(self, self.tr("Ook een nieuwe sleutel?"), question):
            self.rekey(passphrase=passphrase, code=code)

    def rekey(self, *, passphrase: str = "", code: str = "") -> QDialog:
        dialog = start_rekey(self.manager, self, passphrase=passphrase, code=code)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.refresh())
        self.dialog_opened.emit(dialog)
        return dialog

    def strengthen(self) -> None:
        self._open(StrengthenDialog(self.manager, self))


def start_rekey(
    manager: KeyManager, parent: QWidget, *, passphrase: str = "", code: str = ""
) -> RekeyDialog:
    """Open the re-key dialog (window-modal, not blocking); say what changed when it is done."""
    dialog = RekeyDialog(manager, parent, passphrase=passphrase, code=code)
    dialog.setModal(True)

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            dialogs.inform(
                parent,
                QCoreApplication.translate("SecuritySection", "Nieuwe sleutel gemaakt"),
                QCoreApplication.translate(
                    "SecuritySection",
                    "De kluis heeft een nieuwe sleutel. Oude reservekopieën en oude "
                    "sleutelbestanden openen de kluis niet meer. Maak nu een nieuwe "
                    "reservekopie.",
                ),
            )
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
