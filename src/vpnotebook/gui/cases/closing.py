"""Closing a case: the date, how it ended, and a short note for the VP's own file.

Its three inputs are bound to the case's fields like every form's (common/binding.py); what
closing does with them is the journal's `close_case`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core import taxonomy as tx
from ...core.fields import ValidationError
from ...core.journal import Journal
from ...core.models import Case
from ..common.binding import FormBinding
from ..common.inputs import CodeCombo, DateField, FieldBox, buddy_label, error_label
from ..common.screen import resize_within_screen


class CloseCaseDialog(QDialog):
    def __init__(self, journal: Journal, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Melding afsluiten"))
        self._journal = journal
        self._case_id = case_id
        self.closed: Case | None = None
        self.binding = FormBinding(Case, self)
        self.closed_on = self.binding.bind("closed_on", DateField())
        self.closed_on.set_day(date.today())
        self.outcome = self.binding.bind(
            "outcome", CodeCombo(tx.CASE_OUTCOMES, self.tr("— kies —"))
        )
        self.note = self.binding.bind("outcome_note", QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(100)
        self.note.setPlaceholderText(self.tr("Hoe is het afgelopen? Alleen voor uw eigen dossier."))
        self.date_box = FieldBox(self.closed_on)
        self.outcome_box = FieldBox(self.outcome)
        self.general_error = error_label()
        intro = QLabel(
            self.tr(
                "Een afgesloten melding blijft in uw dossier staan en telt mee in het "
                "jaarverslag. U kunt haar later altijd heropenen."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("Afgesloten &op"), self.closed_on), self.date_box)
        form.addRow(buddy_label(self.tr("&Uitkomst"), self.outcome), self.outcome_box)
        form.addRow(buddy_label(self.tr("&Toelichting"), self.note), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Afsluiten"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(buttons)
        resize_within_screen(self, 480, self.sizeHint().height())

    def accept(self) -> None:
        self.date_box.clear_error()
        self.outcome_box.clear_error()
        self.general_error.setVisible(False)
        typed = self.binding.read(Case())
        outcome = typed.outcome
        if outcome is None:
            # The journal allows a case without an outcome; the annual report needs one.
            self.outcome_box.show_error(self.tr("Kies hoe de melding is afgelopen."))
            self.outcome.setFocus()
            return
        try:
            assert typed.closed_on is not None
            self.closed = self._journal.close_case(
                self._case_id, typed.closed_on, outcome, typed.outcome_note
            )
        except ValidationError as error:
            if error.field_name == "closed_on":
                self.date_box.show_error(error.message_nl)
            else:
                self.general_error.setText(error.message_nl)
                self.general_error.setVisible(True)
            return
        super().accept()
