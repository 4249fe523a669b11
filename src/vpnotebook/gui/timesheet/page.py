"""The Tijd screen: time spent outside conversations, and the hours each client is billed."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import taxonomy as tx
from ...core.hours import (
    GUIDELINE_HOURS_PER_YEAR,
    HourRow,
    hours_per_organisation,
    years_with_hours,
)
from ...core.models import TimeEntry
from ..common.labels import label
from ..common.record_form import (
    find_data,
    format_date,
    format_hours,
    intro,
    number_edit,
    text_edit,
    vocab_combo,
)
from ..common.record_page import PageTexts, RecordPage
from ..models.record_table_model import Column, RecordTableModel


class TimePage(RecordPage):
    ENTITY = TimeEntry
    NOTIFY = "time"
    DATE_FIELD = "spent_on"
    STRETCH_COLUMN = 5

    def texts(self) -> PageTexts:
        return PageTexts(
            title=self.tr("Tijd"),
            intro=self.tr(
                "Tijd die niet al in een gespreksverslag staat: overleg, voorbereiding, "
                "verslaglegging, reistijd. Koppel een tijdregel aan een melding als die erbij "
                "hoort; dat is niet verplicht."
            ),
            new=self.tr("&Nieuwe tijdregel"),
            list_name=self.tr("Tijdregels"),
            empty=self.tr(
                "Voor deze keuze zijn nog geen tijdregels vastgelegd. Met ‘Nieuwe tijdregel’ "
                "legt u tijd vast voor een organisatie."
            ),
            placeholder=self.tr(
                "Kies links een tijdregel om die te bekijken of te wijzigen, of begin een nieuwe."
            ),
            delete_title=self.tr("Tijdregel verwijderen"),
            delete_question=self.tr(
                "Wilt u de tijdregel %1 verwijderen? Dit kan niet ongedaan worden gemaakt."
            ),
        )

    def columns(self) -> list[Column[Any]]:
        return [
            Column(
                self.tr("Datum"),
                lambda r: format_date(r.spent_on),
                lambda r: r.spent_on.isoformat(),
            ),
            Column(self.tr("Organisatie"), lambda r: self.names.get(r.organisation_id, "")),
            Column(self.tr("Activiteit"), lambda r: label(tx.TIME_ACTIVITIES, r.activity)),
            Column(
                self.tr("Duur"),
                lambda r: self.tr("%1 min").replace("%1", str(r.minutes)),
                lambda r: r.minutes,
                numeric=True,
            ),
            Column(
                self.tr("Melding"),
                lambda r: self._case_numbers.get(r.case_id, "") if r.case_id else "",
            ),
            Column(self.tr("Notitie"), lambda r: r.note.replace("\n", " ")),
        ]

    def build_form(self, form: QFormLayout) -> None:
        self._case_numbers: dict[int, str] = {}
        bind = self.binding.bind
        self.minutes_field = bind(
            "minutes", number_edit(self.tr("Minuten"), 24 * 60, suffix=self.tr(" min"), step=15)
        )
        self.activity_field = bind(
            "activity",
            vocab_combo(tx.TIME_ACTIVITIES, self.tr("Activiteit"), self.tr("Kies een activiteit")),
        )
        self.case_field = QComboBox()
        self.case_field.setAccessibleName(self.tr("Bij melding (niet verplicht)"))
        self.case_field.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.case_field.setMinimumContentsLength(16)
        bind("case_id", self.case_field)
        self.note_field = bind("note", text_edit(self.tr("Notitie"), lines=3))
        form.addRow(self.tr("Duur:"), self.minutes_field)
        form.addRow(self.tr("Activiteit:"), self.activity_field)
        form.addRow(self.tr("Melding:"), self.case_field)
        form.addRow(self.tr("Notitie:"), self.note_field)
        # The cases to choose from are those of the organisation in the form.
        self.organisation_field.currentIndexChanged.connect(self._organisation_chosen)

    def compose(self, body: QWidget) -> QWidget:
        self.tabs = QTabWidget()
        self.tabs.addTab(body, self.tr("Tijdregels"))
        self.tabs.addTab(self._build_overview(), self.tr("Uren per organisatie"))
        return self.tabs

    def _build_overview(self) -> QWidget:
        self.hours_model: RecordTableModel[HourRow] = RecordTableModel(
            [
                Column(self.tr("Organisatie"), lambda r: r.organisation),
                Column(self.tr("Jaar"), lambda r: str(r.year), lambda r: r.year, numeric=True),
                Column(
                    self.tr("Gesprekken (uur)"),
                    lambda r: format_hours(r.conversation_minutes),
                    lambda r: r.conversation_minutes,
                    numeric=True,
                ),
                Column(
                    self.tr("Overige tijd (uur)"),
                    lambda r: format_hours(r.other_minutes),
                    lambda r: r.other_minutes,
                    numeric=True,
                ),
                Column(
                    self.tr("Totaal (uur)"),
                    lambda r: format_hours(r.total_minutes),
                    lambda r: r.total_minutes,
                    numeric=True,
                ),
                Column(
                    self.tr("Richtlijn (uur)"),
                    lambda _r: self.tr("≈ %1").replace("%1", str(GUIDELINE_HOURS_PER_YEAR)),
                    lambda _r: GUIDELINE_HOURS_PER_YEAR,
                    numeric=True,
                ),
            ],
            self,
        )
        self.hours_table = QTableView()
        self.hours_table.setModel(self.hours_model)
        self.hours_table.setAccessibleName(self.tr("Uren per organisatie per jaar"))
        self.hours_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hours_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hours_table.setAlternatingRowColors(True)
        self.hours_table.setTabKeyNavigation(False)
        self.hours_table.verticalHeader().setVisible(False)
        header = self.hours_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hours_empty = QLabel(
            self.tr("Voor deze keuze zijn nog geen gesprekken of tijdregels vastgelegd.")
        )
        self.hours_empty.setWordWrap(True)
        self.hours_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hours_stack = QStackedWidget()
        self.hours_stack.addWidget(self.hours_table)
        self.hours_stack.addWidget(self.hours_empty)
        explanation = intro(
            self.tr(
                "De duur van alle gesprekken uit de meldingen plus alle tijdregels, per "
                "organisatie en jaar, voor uw urenverantwoording. Als richtlijn geldt ongeveer "
                "twee uur per week per organisatie: zo’n %1 uur per jaar."
            ).replace("%1", str(GUIDELINE_HOURS_PER_YEAR))
        )
        pane = QWidget()
        box = QVBoxLayout(pane)
        box.addWidget(explanation)
        box.addWidget(self.hours_stack, 1)
        return pane

    def blank(self, organisation_id: int | None) -> TimeEntry:
        return TimeEntry(organisation_id=organisation_id, spent_on=date.today(), minutes=0)

    def describe(self, record: Any) -> str:
        text = self.tr("van %1 (%2 minuten)").replace("%1", format_date(record.spent_on))
        return text.replace("%2", str(record.minutes))

    # -- Page -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._case_numbers = self.session.journal.case_numbers()
        super().refresh()

    def reloaded(self) -> None:
        organisation, year = self.filters
        rows = hours_per_organisation(self.session.journal, organisation_id=organisation, year=year)
        self.hours_model.set_records(rows)
        self.hours_stack.setCurrentWidget(self.hours_table if rows else self.hours_empty)

    def years(self) -> list[int]:
        return super().years() + years_with_hours(self.session.journal)

    def state(self) -> dict[str, Any]:
        return {**super().state(), "tab": self.tabs.currentIndex()}

    def restore_state(self, state: dict[str, Any]) -> None:
        self.tabs.setCurrentIndex(int(state.get("tab", 0)))
        super().restore_state(state)

    # -- the case picker ------------------------------------------------------------------

    def refill_choices(self, edited: Any) -> None:
        if edited is None:
            self._fill_cases(None, None)
        else:
            self._fill_cases(edited.organisation_id, edited.case_id)

    def _organisation_chosen(self) -> None:
        self._fill_cases(self.organisation_field.selected(), self.case_field.currentData())

    def _fill_cases(self, organisation_id: int | None, keep: int | None) -> None:
        was = self.case_field.blockSignals(True)
        self.case_field.clear()
        self.case_field.addItem(self.tr("Geen melding"), None)
        if organisation_id is not None:
            for case in self.session.journal.case_summaries(organisation_id=organisation_id):
                if case.destroyed and case.id != keep:
                    continue
                text = case.number if not case.title else f"{case.number} – {case.title}"
                self.case_field.addItem(text, case.id)
        self.case_field.setCurrentIndex(max(find_data(self.case_field, keep), 0))
        self.case_field.blockSignals(was)
        # The VP's choice of organisation may have dropped the case: that is an edit too.
        self.binding.mark_edited()
