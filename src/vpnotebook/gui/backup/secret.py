"""Asking how to open a backup: the passphrase it was made under, or the recovery code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...vault import recovery

if TYPE_CHECKING:
    from ...vault.backup import BackupSecret


@dataclass(frozen=True)
class Secret:
    """Exactly one of the two is set; `arguments()` is what the vault's backup calls take."""

    passphrase: str | None = None
    recovery_code: str | None = None

    def arguments(self) -> BackupSecret:
        if self.passphrase is not None:
            return {"passphrase": self.passphrase}
        assert self.recovery_code is not None
        return {"recovery_code": self.recovery_code}


class SecretDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reservekopie openen"))
        intro = QLabel(
            self.tr(
                "Een reservekopie opent met het wachtwoord dat gold op het moment dat hij "
                "werd gemaakt, of met uw herstelcode. Niets hiervan wordt bewaard."
            )
        )
        intro.setWordWrap(True)
        self.use_passphrase = QRadioButton(self.tr("Met het wachtwoord"))
        self.use_code = QRadioButton(self.tr("Met de herstelcode"))
        self.use_passphrase.setChecked(True)
        choice = QButtonGroup(self)
        choice.addButton(self.use_passphrase)
        choice.addButton(self.use_code)
        self.field = QLineEdit()
        self.field.setMinimumWidth(360)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Openen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.use_passphrase.toggled.connect(self._mode_changed)
        self.field.textChanged.connect(self._update)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.use_passphrase)
        layout.addWidget(self.use_code)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._mode_changed()

    def _mode_changed(self) -> None:
        by_passphrase = self.use_passphrase.isChecked()
        # A recovery code is long and copied from paper: seeing it helps more than hiding it.
        self.field.setEchoMode(
            QLineEdit.EchoMode.Password if by_passphrase else QLineEdit.EchoMode.Normal
        )
        self.field.setAccessibleName(
            self.tr("Wachtwoord") if by_passphrase else self.tr("Herstelcode")
        )
        self.field.setPlaceholderText(
            "" if by_passphrase else "_____-_____-_____-_____-_____-_____"
        )
        self.field.clear()
        self.field.setFocus()
        self._update()

    def _update(self) -> None:
        typed = self.field.text()
        ok = bool(typed)
        if self.use_code.isChecked() and typed.strip():
            ok = recovery.looks_like_recovery_code(typed)
            self.status.setText(
                self.tr("De code is goed overgenomen.")
                if ok
                else self.tr("Nog niet compleet, of er zit een tikfout in.")
            )
        else:
            self.status.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def secret(self) -> Secret:
        if self.use_passphrase.isChecked():
            return Secret(passphrase=self.field.text())
        return Secret(recovery_code=self.field.text())
