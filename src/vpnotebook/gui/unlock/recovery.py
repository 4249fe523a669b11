"""Forgot the passphrase: type the recovery code and choose a new passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...vault import recovery
from ..common.passphrase import PassphraseFields


class RecoveryDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Herstelcode gebruiken"))
        intro = QLabel(
            self.tr(
                "Typ de herstelcode over die u bij het maken van de kluis hebt opgeschreven. "
                "Hoofdletters en streepjes maken niet uit. Daarna kiest u een nieuw wachtwoord."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText("_____-_____-_____-_____-_____-_____")
        self.code.setAccessibleName(self.tr("Herstelcode"))
        self.code_status = QLabel()
        self.code.textChanged.connect(self._check_code)
        self.fields = PassphraseFields(self)
        self.fields.changed.connect(self._update_ok)
        form = QFormLayout()
        form.addRow(self.tr("Herstelcode:"), self.code)
        form.addRow("", self.code_status)
        self.fields.add_to(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Openen en wachtwoord instellen")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()
        # The code first, as the text says: the passphrase fields were made earlier (with this
        # dialog as their parent) and would otherwise come first in the focus chain.
        QWidget.setTabOrder(self.code, self.fields.first)
        QWidget.setTabOrder(self.fields.first, self.fields.second)
        QWidget.setTabOrder(self.fields.second, self.fields.reveal)
        self.code.setFocus()

    def _check_code(self) -> None:
        typed = self.code.text()
        if not typed.strip():
            self.code_status.clear()
        elif recovery.looks_like_recovery_code(typed):
            self.code_status.setText(self.tr("De code is goed overgenomen."))
        else:
            self.code_status.setText(self.tr("Nog niet compleet, of er zit een tikfout in."))
        self._update_ok()

    def _update_ok(self) -> None:
        ok = recovery.looks_like_recovery_code(self.code.text()) and self.fields.acceptable()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, str]:
        return self.code.text(), self.fields.passphrase()
