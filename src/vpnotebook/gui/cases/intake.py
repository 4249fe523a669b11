"""The intake: what the VP records when someone comes for the first time.

One form serves both the "Nieuwe melding" dialog and the Intake tab of an open case, so the
two can never ask different questions. The dialog is in intake_dialog.py; saving the intake
of a stored case in intake_saving.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import taxonomy as tx
from ...core.fields import ValidationError
from ...core.models import MAX_REPORTERS, Case, Department, Organisation, Reporter
from ..common import dialogs
from ..common.binding import FormBinding
from ..common.flow import Columns
from ..common.inputs import (
    CodeChecks,
    CodeCombo,
    CodeRadios,
    DateField,
    FieldBox,
    NegatedCheck,
    OptionalDateField,
    buddy_label,
    error_label,
    line_edit,
    number_edit,
    plain,
    text_edit,
)


@dataclass(frozen=True)
class CaseAndReporter:
    """What the intake form edits: the case and who its reporter is, kept apart."""

    case: Case
    reporter: Reporter

    @property
    def id(self) -> int | None:
        return self.case.id


class IntakeForm(QWidget):
    """The intake fields and, in a group of its own, who the reporter is.

    Every field is bound by name (common/binding.py); a field added to the case needs one
    `_row(...)` line here, its input made from its spec.
    """

    edited = Signal()
    wipe_requested = Signal()

    def __init__(
        self,
        organisations: Sequence[Organisation],
        departments_of: Callable[[int], list[Department]],
        *,
        with_wipe: bool = False,
        reporter_first: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._departments_of = departments_of
        self._boxes: dict[str, FieldBox] = {}
        self.case_binding = FormBinding(Case, self)
        self.reporter_binding = FormBinding(Reporter, self)
        self.general_error = error_label()

        # The case: what it is about and where.
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

        case_group = QGroupBox(self.tr("De melding"))
        case_form = QFormLayout(case_group)
        self.title: QLineEdit = self._row(case_form, "title", self.tr("Wer&ktitel"))
        self.title.setClearButtonEnabled(False)
        self.title.setPlaceholderText(self.tr("Een paar woorden waaraan u de melding herkent"))
        self._row(case_form, "organisation_id", self.tr("&Organisatie"), self.organisation)
        self._row(case_form, "department_id", self.tr("Afd&eling"), self.department)
        self.first_contact: DateField = self._row(
            case_form, "first_contact", self.tr("&Datum eerste contact")
        )
        # The two required choices as radio buttons: every option in sight, one click each,
        # and nothing chosen until the VP chooses.
        self.contact_type: CodeRadios = self._row(
            case_form,
            "contact_type",
            self.tr("Soort &contact"),
            CodeRadios(tx.CONTACT_TYPES, columns=3),
        )
        self.categories: CodeChecks = self._row(
            case_form, "categories", self.tr("Aard van de melding"), buddy=False
        )
        self.category_checks = self.categories.checks
        self.handover_consent: OptionalDateField = self._row(
            case_form,
            "handover_consent_on",
            self.tr("Toestemming voor overdracht gegeven o&p"),
            OptionalDateField(self.tr("Toestemming voor overdracht gegeven o&p")),
            buddy=False,
        )
        handover_hint = QLabel(
            self.tr(
                "Nodig voordat u de melding aan een collega-vertrouwenspersoon overdraagt, "
                "bijvoorbeeld bij een vervanging."
            )
        )
        handover_hint.setWordWrap(True)
        handover_hint.setObjectName("hint")
        case_form.addRow(handover_hint)

        # About the reporter, without naming them: these feed the anonymous annual report.
        about_group = QGroupBox(self.tr("Over de melder"))
        about_form = QFormLayout(about_group)
        self.reporter_role: CodeRadios = self._row(
            about_form,
            "reporter_role",
            self.tr("&Rol van de melder"),
            CodeRadios(tx.REPORTER_ROLES, columns=1),
        )
        self.gender: CodeCombo = self._row(about_form, "gender", self.tr("Ge&nder"))
        self.age_band: CodeCombo = self._row(about_form, "age_band", self.tr("&Leeftijd"))
        self.relation: CodeCombo = self._row(
            about_form, "relation_to_accused", self.tr("Relatie tot &veroorzaker")
        )
        self.reporter_count: QSpinBox = self._row(
            about_form,
            "reporter_count",
            self.tr("Aantal melder&s"),
            number_edit(self.tr("Aantal melders"), MAX_REPORTERS, minimum=1),
        )
        count_hint = QLabel(
            self.tr(
                "Kwamen er meer mensen samen, met één verhaal? Vul in hoeveel: het blijft één "
                "melding, en het jaarverslag telt de melders apart."
            )
        )
        count_hint.setWordWrap(True)
        count_hint.setObjectName("hint")
        about_form.addRow(count_hint)
        self.wishes: QPlainTextEdit = self._row(
            about_form, "reporter_wishes", self.tr("Wat w&il de melder?")
        )
        self.wishes.setPlaceholderText(self.tr("Wat hoopt de melder te bereiken?"))
        self.wishes.setMinimumHeight(56)
        self.wishes.setMaximumHeight(90)
        self.consent: OptionalDateField = self._row(
            about_form,
            "consent_on",
            self.tr("&Toestemming gegeven op"),
            OptionalDateField(self.tr("&Toestemming gegeven op")),
            buddy=False,
        )
        consent_hint = QLabel(
            self.tr(
                "Vink aan zodra de melder ermee instemt dat u een dossier bijhoudt; "
                "noteer de datum waarop dat gebeurde."
            )
        )
        consent_hint.setWordWrap(True)
        consent_hint.setObjectName("hint")
        about_form.addRow(consent_hint)
        # The VP's own notes on the case: about what happened, not about who the reporter is.
        notes_group = QGroupBox(self.tr("Notities bij de melding"))
        notes_form = QFormLayout(notes_group)
        self.notes: QPlainTextEdit = self._row(
            notes_form,
            "notes",
            self.tr("&Uw notities"),
            text_edit(self.tr("Notities bij de melding"), lines=3),
        )
        self.notes.setPlaceholderText(
            self.tr("Afspraken, bijzonderheden, waar de melding vandaan kwam")
        )
        self.notes.setMaximumHeight(110)

        # Who the reporter is: a separate table, so it can be wiped while the case stays.
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
        # The switch that closes the inputs below sits with them, above them.
        self.anonymous: NegatedCheck = self._row(
            identity_form,
            "reporter_known",
            self.tr("De melder bli&jft anoniem"),
            NegatedCheck(self.tr("De melder bli&jft anoniem")),
            buddy=False,
        )
        self.anonymous.setToolTip(
            self.tr(
                "Van een anonieme melder bewaart u niets over wie het is: geen naam, geen "
                "bereikbaarheid, geen notities over de persoon."
            )
        )
        self.reporter_name: QLineEdit = self._row(identity_form, "Reporter.name", self.tr("N&aam"))
        self.reporter_contact: QLineEdit = self._row(
            identity_form,
            "Reporter.contact",
            self.tr("Bereikbaar via"),
            line_edit("", max_length=1000),
        )
        self.reporter_contact.setPlaceholderText(self.tr("Telefoon, e-mail, voorkeur"))
        self.reporter_notes: QPlainTextEdit = self._row(
            identity_form, "Reporter.notes", self.tr("Notities over de &melder")
        )
        self.reporter_notes.setMinimumHeight(44)
        self.reporter_notes.setMaximumHeight(70)
        for line in (self.title, self.reporter_name, self.reporter_contact):
            line.setClearButtonEnabled(False)
        self.anonymous_note = QLabel(
            self.tr(
                "Deze melder blijft anoniem: naam, bereikbaarheid en notities over de melder "
                "worden niet bewaard. Kent u de melder toch bij naam, zet dan het vinkje "
                "'De melder blijft anoniem' uit."
            )
        )
        self.anonymous_note.setWordWrap(True)
        self.anonymous_note.setObjectName("anonymousNote")
        self.anonymous_note.setVisible(False)
        identity_form.insertRow(2, self.anonymous_note)
        self.wipe_button: QPushButton | None = None
        if with_wipe:
            self.wipe_button = QPushButton(self.tr("Gegevens van de melder wissen…"))
            self.wipe_button.clicked.connect(self.wipe_requested)
            wipe_row = QHBoxLayout()
            wipe_row.addStretch(1)
            wipe_row.addWidget(self.wipe_button)
            identity_form.addRow(wipe_row)

        # Who the reporter is comes first on the right: above the fold on a laptop. On a
        # narrow window the columns stack, the reporter's name still near the top.
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(identity_group)
        right_column.addWidget(about_group)
        right_column.addStretch(1)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(case_group)
        left_column.addWidget(notes_group)
        left_column.addStretch(1)
        columns = Columns(left, right, last_on_top=reporter_first)
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
        layout.addWidget(columns)
        layout.addStretch(1)

        self.organisation.currentIndexChanged.connect(self._organisation_changed)
        self.anonymous.toggled.connect(self._show_anonymity)
        self.anonymous.clicked.connect(self._anonymity_chosen)
        for binding in (self.case_binding, self.reporter_binding):
            binding.edited.connect(self.edited)
        self._organisation_changed()

    def _row(
        self,
        form: QFormLayout,
        key: str,
        text: str,
        widget: Any = None,
        *,
        buddy: bool = True,
    ) -> Any:
        """Bind `key` ("title", or "Reporter.name") to an input and add it as a row."""
        entity, _, name = key.rpartition(".")
        binding = self.reporter_binding if entity == "Reporter" else self.case_binding
        widget = binding.bind(name, widget, text=text)
        box = FieldBox(widget)
        self._boxes[f"{entity or 'Case'}.{name}"] = box
        if buddy:
            form.addRow(buddy_label(text, widget), box)
        elif isinstance(widget, OptionalDateField | QCheckBox):
            form.addRow(box)  # the check box carries the label
        else:
            label_widget = QLabel(plain(text))
            widget.setAccessibleName(plain(text))
            form.addRow(label_widget, box)
        return widget

    # -- filling and reading ----------------------------------------------------------------

    def set_organisations(self, organisations: Sequence[Organisation]) -> None:
        with self.case_binding.quiet():
            current = self.organisation.currentData()
            self.organisation.clear()
            if len(organisations) != 1:
                self.organisation.addItem(self.tr("— kies een organisatie —"), None)
            for organisation in organisations:
                self.organisation.addItem(organisation.name, organisation.id)
            if current is not None and self.organisation.findData(current) >= 0:
                self.organisation.setCurrentIndex(self.organisation.findData(current))

    def _identity_inputs(self) -> tuple[QWidget, ...]:
        return (self.reporter_name, self.reporter_contact, self.reporter_notes)

    def _show_anonymity(self, anonymous: bool) -> None:
        """An anonymous reporter: the inputs for who they are are off, and say why."""
        for widget in self._identity_inputs():
            widget.setEnabled(not anonymous)
        if self.wipe_button is not None:
            self.wipe_button.setEnabled(not anonymous)
        self.anonymous_note.setVisible(anonymous)

    def _anonymity_chosen(self, anonymous: bool) -> None:
        """The VP ticked "anonymous" while a name or contact is typed: ask before it goes."""
        if not anonymous:
            return
        reporter = self.reporter_binding.read(Reporter())
        if not any((reporter.name, reporter.contact, reporter.notes.strip())):
            return
        if dialogs.ask(
            self,
            self.tr("Anonieme melder"),
            self.tr(
                "Van een anonieme melder wordt niets bewaard over wie het is. De naam, "
                "bereikbaarheid en notities over de melder die hier staan, worden gewist. "
                "Doorgaan?"
            ),
        ):
            self.reporter_name.clear()
            self.reporter_contact.clear()
            self.reporter_notes.clear()
        else:
            self.anonymous.setChecked(False)

    def _organisation_changed(self) -> None:
        with self.case_binding.quiet():
            keep = self.department.currentData()
            self.department.clear()
            self.department.addItem(self.tr("— geen of onbekend —"), None)
            organisation_id = self.organisation.currentData()
            if organisation_id is not None:
                for department in self._departments_of(int(organisation_id)):
                    self.department.addItem(department.name, department.id)
            index = self.department.findData(keep)
            self.department.setCurrentIndex(max(index, 0))

    def load(self, case: Case, reporter: Reporter | None) -> None:
        with self.case_binding.quiet():
            self.organisation.setCurrentIndex(
                max(self.organisation.findData(case.organisation_id), 0)
            )
            self._organisation_changed()
            self.case_binding.load(case)
        self.load_reporter(reporter)
        self.clear_errors()

    def load_reporter(self, reporter: Reporter | None) -> None:
        self.reporter_binding.load(reporter or Reporter())

    def record(self, base: CaseAndReporter) -> CaseAndReporter:
        """The case and reporter as typed, on top of `base`."""
        return CaseAndReporter(
            self.case_binding.read(base.case), self.reporter_binding.read(base.reporter)
        )

    def case_from_form(self, base: Case) -> Case:
        return self.case_binding.read(base)

    def reporter_from_form(self, case_id: int) -> Reporter:
        return self.reporter_binding.read(Reporter(case_id=case_id))

    def inputs(self) -> list[QWidget]:
        """Every input, for autosave when focus leaves one of them."""
        return self.case_binding.inputs() + self.reporter_binding.inputs()

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

    def show_message(self, text: str) -> None:
        """A message about the whole form (the disk is full), above it."""
        self.clear_errors()
        self.general_error.setText(text)
        self.general_error.setVisible(True)

    def clear_message(self) -> None:
        self.clear_errors()

    def clear_errors(self) -> None:
        self.general_error.setVisible(False)
        for box in self._boxes.values():
            box.clear_error()
