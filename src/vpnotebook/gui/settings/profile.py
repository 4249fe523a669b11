"""Instellingen → Over u: the name and role that sign the VP's reports, changed later on.

The wizard promises these can be changed; here they are. Saved with the dialog's OK (as
Algemeen is), in the vault's own settings. A report already written keeps what it said.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...core.fields import ValidationError
from ...core.journal import Journal
from ...core.profile import VP_ROLES, save_vp_profile, vp_profile
from ...vault.errors import VaultError
from ..common.labels import label
from ..common.record_form import validation_text


class ProfileSection(QWidget):
    """`apply()` stores the changes; False (with the reason shown here) when it cannot."""

    organisations_requested = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        profile = vp_profile(journal)
        self.name = QLineEdit(profile.name)
        self.name.setMaxLength(300)
        self.role = QComboBox()
        for term in VP_ROLES:
            self.role.addItem(label(VP_ROLES, term.code), term.code)
        self.role.setCurrentIndex(max(self.role.findData(profile.role), 0))
        name_label = QLabel(self.tr("Uw &naam:"))
        name_label.setBuddy(self.name)
        self.name.setAccessibleName(self.tr("Uw naam"))
        role_label = QLabel(self.tr("Uw &rol:"))
        role_label.setBuddy(self.role)
        self.role.setAccessibleName(self.tr("Uw rol"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setVisible(False)
        hint = QLabel(
            self.tr(
                "Uw naam en rol staan op het jaarverslag, op de inzage-export voor de melder en "
                "op uw eigen overzichten. Wat u eerder maakte, verandert niet."
            )
        )
        hint.setWordWrap(True)
        organisations = QPushButton(self.tr("Organisaties beheren…"))
        organisations.clicked.connect(self.organisations_requested)
        organisations_hint = QLabel(
            self.tr(
                "Naam, grootte, sector en bewaartermijn van uw opdrachtgevers wijzigt u op het "
                "scherm Organisaties."
            )
        )
        organisations_hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow(name_label, self.name)
        form.addRow(role_label, self.role)
        form.addRow(self.error)
        form.addRow(organisations_hint)
        button_row = QHBoxLayout()
        button_row.addWidget(organisations)
        button_row.addStretch(1)
        form.addRow(button_row)

    def apply(self) -> bool:
        self.error.setVisible(False)
        try:
            save_vp_profile(self._journal, self.name.text(), str(self.role.currentData()))
        except (ValidationError, VaultError) as error:
            self.error.setText(validation_text(error))
            self.error.setVisible(True)
            if isinstance(error, ValidationError):
                (self.name if error.field_name == "name" else self.role).setFocus()
            return False
        return True
