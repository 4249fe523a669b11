"""The "Nieuwe melding" dialog: the intake form for a new case, and the draft a lock keeps
of a half-typed one inside the encrypted vault."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from ...core.drafts import draft, drop_draft, from_draft_json, keep_draft
from ...core.fields import ValidationError
from ...core.journal import Journal
from ...core.models import Case, Reporter
from ..common.screen import resize_within_screen
from .intake import IntakeForm


class IntakeDialog(QDialog):
    """Records a new case; stays open with the VP's input intact when something is missing."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Generic on purpose: a title never carries anything about the case.
        self.setWindowTitle(self.tr("Nieuwe melding"))
        self._journal = journal
        self.created: Case | None = None
        # A new case starts with what it is about (the required choices) on top; the
        # reporter's name follows, beside it when there is room.
        self.form = IntakeForm(
            journal.organisations(include_archived=False),
            journal.departments_of,
            reporter_first=False,
        )
        self.form.first_contact.set_day(date.today())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Melding vastleggen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 1120, 680)
        self.form.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def store_if_complete(self) -> None:
        """Before a lock: store what was typed; a half intake is kept as a draft in the vault."""
        typed = self.form.case_from_form(Case())
        reporter = self.form.reporter_from_form(case_id=1)
        if typed.title or typed.reporter_wishes.strip() or reporter.name or reporter.contact:
            self.accept()
            if self.created is None:
                save_draft(self._journal, typed, reporter)

    def load_draft(self) -> bool:
        """Put a draft left by a lock back into the form; True when there was one."""
        draft = load_draft(self._journal)
        if draft is None:
            return False
        self.form.load(*draft)
        self.form.show_draft_notice()
        return True

    def done(self, result: int) -> None:
        # Stored or cancelled on purpose: either way the draft has served its turn.
        clear_draft(self._journal)
        super().done(result)

    def accept(self) -> None:
        case = self.form.case_from_form(Case())
        reporter = self.form.reporter_from_form(case_id=1)  # a stand-in id, to validate early
        try:
            created = self._journal.add_case(case, reporter)
        except ValidationError as error:
            self.form.show_error(error)
            return
        self.created = created
        super().accept()


# -- a half-typed intake survives a lock, inside the encrypted vault ------------------------

DRAFT_KEY = "intake"
_OLD_DRAFT_KEY = "intake_draft"  # where versions before the generic drafts kept it


def save_draft(journal: Journal, case: Case, reporter: Reporter) -> None:
    keep_draft(journal, DRAFT_KEY, case, reporter)


def clear_draft(journal: Journal) -> None:
    drop_draft(journal, DRAFT_KEY)
    if journal.setting(_OLD_DRAFT_KEY) is not None:
        journal.delete_setting(_OLD_DRAFT_KEY)


def load_draft(journal: Journal) -> tuple[Case, Reporter] | None:
    records = draft(journal, DRAFT_KEY) or _old_draft(journal)
    if not records or len(records) != 2:
        return None
    case, reporter = records
    if not isinstance(case, Case) or not isinstance(reporter, Reporter):
        return None
    return case, reporter


def _old_draft(journal: Journal) -> list[Any] | None:
    raw = journal.setting(_OLD_DRAFT_KEY)
    if not raw:
        return None
    try:
        document = json.loads(raw)
        return [
            from_draft_json(Case, document["case"]),
            from_draft_json(Reporter, document["reporter"]),
        ]
    except (ValueError, KeyError, TypeError):
        return None
