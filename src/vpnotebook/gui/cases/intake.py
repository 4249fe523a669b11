"""The intake: what the VP records when someone comes for the first time.

One form serves both the "Nieuwe melding" dialog and the Intake tab of an open case, so the
two can never ask different questions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core import taxonomy as tx
from ...core.fields import ValidationError, specs, to_json
from ...core.journal import Journal
from ...core.models import SHORT, Case, Department, Organisation, Reporter
from ..common.labels import label
from .widgets import (
    CodeCombo,
    DateField,
    FieldBox,
    OptionalDateField,
    buddy_label,
    error_label,
)


class IntakeForm(QWidget):
    """The intake fields and, in a group of its own, who the reporter is."""

    edited = Signal()
    wipe_requested = Signal()

    def __init__(
        self,
        organisations: Sequence[Organisation],
        departments_of: Callable[[int], list[Department]],
        *,
        with_wipe: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._departments_of = departments_of
        self._loading = False
        self._boxes: dict[str, FieldBox] = {}
        self._loaded_reporter: Reporter | None = None
        self.general_error = error_label()
        choose = self.tr("— kies —")
        unrecorded = self.tr("— niet vastgelegd —")

        # The case: what it is about and where.
        self.title = QLineEdit()
        self.title.setMaxLength(SHORT)
        self.title.setPlaceholderText(self.tr("Een paar woorden waaraan u de melding herkent"))
        self.organisation = QComboBox()
        self.organisation.setMinimumContentsLength(18)
        self.organisation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.set_organisations(organisations)
        self.department = QComboBox()
        self.department.setMinimumContentsLength(18)
        self.department.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.first_contact = DateField()
        self.contact_type = CodeCombo(tx.CONTACT_TYPES, choose)
        self.category_checks: dict[str, QCheckBox] = {}
        categories = QWidget()
        grid = QGridLayout(categories)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for index, term in enumerate(tx.CATEGORIES):
            check = QCheckBox(label(tx.CATEGORIES, term.code))
            check.setAccessibleName(label(tx.CATEGORIES, term.code))
            self.category_checks[term.code] = check
            grid.addWidget(check, index // 2, index % 2)

        case_group = QGroupBox(self.tr("De melding"))
        case_form = QFormLayout(case_group)
        self._row(case_form, "title", self.tr("&Werktitel"), self.title)
        self._row(case_form, "organisation_id", self.tr("&Organisatie"), self.organisation)
        self._row(case_form, "department_id", self.tr("Afd&eling"), self.department)
        self._row(case_form, "first_contact", self.tr("&Datum eerste contact"), self.first_contact)
        self._row(case_form, "contact_type", self.tr("Soort &contact"), self.contact_type)
        categories_label = QLabel(self.tr("Aard van de melding"))
        categories.setAccessibleName(self.tr("Aard van de melding"))
        self._boxes["Case.categories"] = box = FieldBox(categories)
        case_form.addRow(categories_label, box)

        # About the reporter, without naming them: these feed the anonymous annual report.
        self.reporter_role = CodeCombo(tx.REPORTER_ROLES, choose)
        self.gender = CodeCombo(tx.GENDERS, unrecorded)
        self.age_band = CodeCombo(tx.AGE_BANDS, unrecorded)
        self.relation = CodeCombo(tx.RELATIONS, unrecorded)
        self.wishes = QPlainTextEdit()
        self.wishes.setTabChangesFocus(True)
        self.wishes.setPlaceholderText(self.tr("Wat hoopt de melder te bereiken?"))
        self.wishes.setMinimumHeight(56)
        self.wishes.setMaximumHeight(90)
        self.consent = OptionalDateField(self.tr("&Toestemming gegeven op"))
        consent_hint = QLabel(
            self.tr(
                "Vink aan zodra de melder ermee instemt dat u een dossier bijhoudt; "
                "noteer de datum waarop dat gebeurde."
            )
        )
        consent_hint.setWordWrap(True)
        consent_hint.setObjectName("hint")

        about_group = QGroupBox(self.tr("Over de melder"))
        about_form = QFormLayout(about_group)
        self._row(about_form, "reporter_role", self.tr("&Rol van de melder"), self.reporter_role)
        self._row(about_form, "gender", self.tr("&Gender"), self.gender)
        self._row(about_form, "age_band", self.tr("&Leeftijd"), self.age_band)
        self._row(
            about_form, "relation_to_accused", self.tr("Relatie tot &beklaagde"), self.relation
        )
        self._row(about_form, "reporter_wishes", self.tr("Wat w&il de melder?"), self.wishes)
        self._boxes["Case.consent_on"] = box = FieldBox(self.consent)
        about_form.addRow(box)
        about_form.addRow(consent_hint)

        # Who the reporter is: a separate table, so it can be wiped while the case stays.
        self.reporter_name = QLineEdit()
        self.reporter_name.setMaxLength(SHORT)
        self.reporter_contact = QLineEdit()
        self.reporter_contact.setMaxLength(1000)
        self.reporter_contact.setPlaceholderText(self.tr("Telefoon, e-mail, voorkeur"))
        self.reporter_notes = QPlainTextEdit()
        self.reporter_notes.setTabChangesFocus(True)
        self.reporter_notes.setMinimumHeight(44)
        self.reporter_notes.setMaximumHeight(70)
        identity_group = QGroupBox(self.tr("Wie is de melder — apart bewaard, los te wissen"))
        identity_group.setObjectName("identityGroup")
        identity_form = QFormLayout(identity_group)
        identity_hint = QLabel(
            self.tr(
                "Naam en bereikbaarheid staan los van de melding. U kunt ze wissen "
                "zonder de melding zelf kwijt te raken; ze komen nooit in een verslag."
            )
        )
        identity_hint.setWordWrap(True)
        identity_form.addRow(identity_hint)
        self._row(identity_form, "Reporter.name", self.tr("&Naam"), self.reporter_name)
        self._row(
            identity_form, "Reporter.contact", self.tr("Bereikbaar &via"), self.reporter_contact
        )
        self._row(
            identity_form,
            "Reporter.notes",
            self.tr("Notities over de &melder"),
            self.reporter_notes,
        )
        self.wipe_button: QPushButton | None = None
        if with_wipe:
            self.wipe_button = QPushButton(self.tr("Gegevens van de melder wissen…"))
            self.wipe_button.clicked.connect(self.wipe_requested)
            wipe_row = QHBoxLayout()
            wipe_row.addStretch(1)
            wipe_row.addWidget(self.wipe_button)
            identity_form.addRow(wipe_row)

        columns = QHBoxLayout()
        columns.addWidget(case_group, 1)
        columns.addWidget(about_group, 1)
        self.draft_notice = QLabel(
            self.tr(
                "Dit is de melding die u aan het vastleggen was toen het programma "
                "vergrendelde. Vul aan wat nog ontbreekt."
            )
        )
        self.draft_notice.setWordWrap(True)
        self.draft_notice.setStyleSheet(
            "background: #fff4e0; color: #5c3b00; border-radius: 4px; padding: 6px;"
        )
        self.draft_notice.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.draft_notice)
        layout.addWidget(self.general_error)
        layout.addLayout(columns)
        layout.addWidget(identity_group)
        layout.addStretch(1)

        self.organisation.currentIndexChanged.connect(self._organisation_changed)
        for line in (self.title, self.reporter_name, self.reporter_contact):
            line.textEdited.connect(self._edited)
        for text in (self.wishes, self.reporter_notes):
            text.textChanged.connect(self._edited)
        for combo in (
            self.organisation,
            self.department,
            self.contact_type,
            self.reporter_role,
            self.gender,
            self.age_band,
            self.relation,
        ):
            combo.currentIndexChanged.connect(self._edited)
        for check in self.category_checks.values():
            check.toggled.connect(self._edited)
        self.first_contact.dateChanged.connect(self._edited)
        self.consent.changed.connect(self._edited)
        self._organisation_changed()

    def _row(self, form: QFormLayout, key: str, text: str, widget: QWidget) -> None:
        box = FieldBox(widget)
        self._boxes[key if "." in key else f"Case.{key}"] = box
        form.addRow(buddy_label(text, widget), box)

    # -- filling and reading ----------------------------------------------------------------

    def set_organisations(self, organisations: Sequence[Organisation]) -> None:
        was_loading, self._loading = self._loading, True
        current = self.organisation.currentData()
        self.organisation.clear()
        if len(organisations) != 1:
            self.organisation.addItem(self.tr("— kies een organisatie —"), None)
        for organisation in organisations:
            self.organisation.addItem(organisation.name, organisation.id)
        if current is not None and self.organisation.findData(current) >= 0:
            self.organisation.setCurrentIndex(self.organisation.findData(current))
        self._loading = was_loading

    def _organisation_changed(self) -> None:
        was_loading, self._loading = self._loading, True
        keep = self.department.currentData()
        self.department.clear()
        self.department.addItem(self.tr("— geen of onbekend —"), None)
        organisation_id = self.organisation.currentData()
        if organisation_id is not None:
            for department in self._departments_of(int(organisation_id)):
                self.department.addItem(department.name, department.id)
        index = self.department.findData(keep)
        self.department.setCurrentIndex(max(index, 0))
        self._loading = was_loading

    def _edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def load(self, case: Case, reporter: Reporter | None) -> None:
        self._loading = True
        try:
            if self.title.text() != case.title:
                self.title.setText(case.title)
                self.title.setCursorPosition(0)  # show the start of a long title, not its end
            index = self.organisation.findData(case.organisation_id)
            self.organisation.setCurrentIndex(max(index, 0))
            self._organisation_changed()
            self.department.setCurrentIndex(max(self.department.findData(case.department_id), 0))
            self.first_contact.set_day(case.first_contact)
            self.contact_type.set_code(case.contact_type)
            for code, check in self.category_checks.items():
                check.setChecked(code in case.categories)
            self.reporter_role.set_code(case.reporter_role)
            self.gender.set_code(case.gender)
            self.age_band.set_code(case.age_band)
            self.relation.set_code(case.relation_to_accused)
            if self.wishes.toPlainText() != case.reporter_wishes:
                self.wishes.setPlainText(case.reporter_wishes)
            self.consent.set_day(case.consent_on)
            self.load_reporter(reporter)
        finally:
            self._loading = False
        self.clear_errors()

    def load_reporter(self, reporter: Reporter | None) -> None:
        was_loading, self._loading = self._loading, True
        self._loaded_reporter = reporter
        # Only changed text is set: setting a line edit moves the cursor of a VP typing in it.
        for line, value in (
            (self.reporter_name, reporter.name if reporter else ""),
            (self.reporter_contact, reporter.contact if reporter else ""),
        ):
            if line.text() != value:
                line.setText(value)
        notes = reporter.notes if reporter else ""
        if self.reporter_notes.toPlainText() != notes:
            self.reporter_notes.setPlainText(notes)
        self._loading = was_loading

    def case_from_form(self, base: Case) -> Case:
        organisation = self.organisation.currentData()
        department = self.department.currentData()
        return replace(
            base,
            title=self.title.text().strip(),
            organisation_id=int(organisation) if organisation is not None else None,
            department_id=int(department) if department is not None else None,
            first_contact=self.first_contact.day(),
            contact_type=self.contact_type.code(),
            categories=tuple(c for c, check in self.category_checks.items() if check.isChecked()),
            reporter_role=self.reporter_role.code(),
            gender=self.gender.code(),
            age_band=self.age_band.code(),
            relation_to_accused=self.relation.code(),
            reporter_wishes=self.wishes.toPlainText(),
            consent_on=self.consent.day(),
        )

    def reporter_from_form(self, case_id: int) -> Reporter:
        return Reporter(
            case_id=case_id,
            name=self.reporter_name.text().strip(),
            contact=self.reporter_contact.text().strip(),
            notes=self.reporter_notes.toPlainText(),
        )

    def reporter_changed(self, case_id: int) -> bool:
        """Whether the identity fields differ from what is stored (nothing stored = empty)."""
        stored = self._loaded_reporter or Reporter(case_id=case_id)
        typed = self.reporter_from_form(case_id)
        return (typed.name, typed.contact, typed.notes) != (
            stored.name,
            stored.contact,
            stored.notes,
        )

    def mark_reporter_saved(self, reporter: Reporter) -> None:
        self._loaded_reporter = reporter

    def inputs(self) -> list[QWidget]:
        """Every input, for autosave when focus leaves one of them."""
        return [box.widget for box in self._boxes.values()] + [
            *self.category_checks.values(),
            self.consent.check,
            self.consent.edit,
        ]

    # -- validation messages ----------------------------------------------------------------

    def show_error(self, error: ValidationError) -> None:
        """Put the Dutch message under the field it is about and move the cursor there."""
        self.clear_errors()
        box = self._boxes.get(f"{error.entity}.{error.field_name}")
        if box is None:
            self.general_error.setText(error.message_nl)
            self.general_error.setVisible(True)
            return
        box.show_error(error.message_nl)
        box.widget.setFocus()

    def show_draft_notice(self) -> None:
        self.draft_notice.setVisible(True)

    def clear_errors(self) -> None:
        self.general_error.setVisible(False)
        for box in self._boxes.values():
            box.clear_error()


class IntakeDialog(QDialog):
    """Records a new case; stays open with the VP's input intact when something is missing."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Generic on purpose: a title never carries anything about the case.
        self.setWindowTitle(self.tr("Nieuwe melding"))
        self._journal = journal
        self.created: Case | None = None
        self.form = IntakeForm(
            journal.organisations(include_archived=False), journal.departments_of
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
        self.resize(940, 640)
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

DRAFT_KEY = "intake_draft"


def save_draft(journal: Journal, case: Case, reporter: Reporter) -> None:
    document = {"case": to_json(case), "reporter": to_json(reporter)}
    journal.set_setting(DRAFT_KEY, json.dumps(document, ensure_ascii=False))


def clear_draft(journal: Journal) -> None:
    journal.delete_setting(DRAFT_KEY)


def load_draft(journal: Journal) -> tuple[Case, Reporter] | None:
    raw = journal.setting(DRAFT_KEY)
    if not raw:
        return None
    try:
        document = json.loads(raw)
        # Not validated: a draft is incomplete by nature; the form validates on OK.
        case = _unvalidated(Case, document["case"])
        reporter = _unvalidated(Reporter, document["reporter"])
    except (ValueError, KeyError, TypeError):
        return None
    return case, reporter


def _unvalidated(entity_type: type, data: dict[str, object]) -> Any:
    values: dict[str, object] = {}
    for name, spec in specs(entity_type).items():
        if name not in data:
            continue
        value = data[name]
        if spec.kind == "date" and isinstance(value, str):
            value = date.fromisoformat(value)
        elif spec.kind == "codes" and isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return entity_type(**values)
