"""Step 2: what each column holds. Recognised headings come filled in; the VP chooses the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...core.sheetimport import FIELDS, SKIP, SheetError, check_columns
from ...core.sheetimport.plan import assign_columns
from ...core.sheetimport.text import column_letter
from ..common.labels import current_language
from .file_page import ERROR_STYLE

if TYPE_CHECKING:
    from .wizard import SheetImportWizard

CHOOSE = ""  # the combo's "— kies —": the VP has not decided yet
OK_COLOUR = QColor("#1e6b35")
ASK_COLOUR = QColor("#8a4b00")


class ColumnsPage(QWizardPage):
    NAME, SAMPLE, TARGET, STATE = range(4)

    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Wat staat er in welke kolom?"))
        self.setSubTitle(
            self.tr(
                "Kolommen met een bekend kopje zijn al ingevuld. Kies bij de andere wat erin "
                "staat, of 'Niet importeren'."
            )
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kolom in uw bestand"),
                self.tr("Bijvoorbeeld"),
                self.tr("Wordt in vpnotebook"),
                self.tr("Herkend?"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.TARGET, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.STATE, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        self.column_names: list[str] = []

        self.organisation_row = QWidget()
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setAccessibleName(self.tr("Organisatie voor alle meldingen"))
        self.organisation.setMinimumWidth(320)
        organisation_label = QLabel(self.tr("Het blad heeft geen kolom Organisatie. Alle "
                                            "meldingen horen bij:"))  # fmt: skip
        organisation_label.setBuddy(self.organisation)
        row = QHBoxLayout(self.organisation_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(organisation_label)
        row.addWidget(self.organisation, 1)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.organisation_row)
        layout.addWidget(self.problem)
        self._complete = False
        self.organisation.currentTextChanged.connect(lambda _text: self._update())

    def initializePage(self) -> None:
        wizard = self._wizard
        assert wizard.table is not None
        language = current_language()
        self.organisation.blockSignals(True)
        self.organisation.clear()
        self.organisation.addItems([o.name for o in wizard.session.journal.organisations()])
        self.organisation.setCurrentText(wizard.choices.organisation or "")
        self.organisation.blockSignals(False)
        try:
            columns = assign_columns(wizard.table, wizard.choices)
        except SheetError:  # a choice made for another sheet of this file: start afresh
            wizard.choices.columns.clear()
            columns = assign_columns(wizard.table, wizard.choices)
        self.table.setRowCount(len(columns))
        self.combos = []
        self.column_names = [column.name for column in columns]
        for row, column in enumerate(columns):
            self.table.setItem(row, self.NAME, QTableWidgetItem(column.name))
            self.table.setItem(row, self.SAMPLE, QTableWidgetItem(column.sample))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Kolom %1 wordt").replace("%1", column.name))
            if column.source == "unknown":
                combo.addItem(self.tr("— kies —"), CHOOSE)
            combo.addItem(self.tr("Niet importeren"), SKIP)
            for sheet_field in FIELDS:
                combo.addItem(sheet_field.label(language), sheet_field.key)
            initial = CHOOSE if column.source == "unknown" else (column.field or SKIP)
            combo.setCurrentIndex(combo.findData(initial))
            combo.currentIndexChanged.connect(lambda _index: self._update())
            self.combos.append(combo)
            self.table.setCellWidget(row, self.TARGET, combo)
            self.table.setItem(row, self.STATE, self._state_item(column.source))
        self._update()

    def _state_item(self, source: str) -> QTableWidgetItem:
        words = {
            "recognised": (self.tr("herkend"), OK_COLOUR),
            "mapped": (self.tr("door u gekozen"), OK_COLOUR),
            "skipped": (self.tr("door u gekozen"), OK_COLOUR),
            "empty": (self.tr("leeg"), QColor("#555555")),
            "unknown": (self.tr("kies zelf"), ASK_COLOUR),
        }
        text, colour = words[source]
        item = QTableWidgetItem(text)
        item.setForeground(colour)
        return item

    def choice(self, row: int) -> str:
        return str(self.combos[row].currentData())

    def choose(self, row: int, key: str) -> None:
        """Pick a field (or SKIP) for a column, as the VP does in its drop-down."""
        self.combos[row].setCurrentIndex(self.combos[row].findData(key))

    def _update(self) -> None:
        wizard = self._wizard
        if wizard.table is None:
            return
        chosen = {
            f"kolom {column_letter(row)}": self.choice(row)
            for row in range(len(self.combos))
            if self.choice(row) != CHOOSE
        }
        wizard.choices.columns = chosen
        has_organisation = "organisatie" in chosen.values()
        self.organisation_row.setVisible(not has_organisation)
        name = self.organisation.currentText().strip()
        wizard.choices.organisation = None if has_organisation else (name or None)
        open_rows = [row for row in range(len(self.combos)) if self.choice(row) == CHOOSE]
        problems = []
        if open_rows:
            names = ", ".join(f"'{self.column_names[row]}'" for row in open_rows)
            problems.append(
                self.tr("Kies nog wat er in deze kolom(men) staat: %1.").replace("%1", names)
            )
        if not has_organisation and not name:
            problems.append(
                self.tr("Kies of typ de organisatie waar alle meldingen uit dit bestand bij horen.")
            )
        try:
            check_columns(wizard.table, wizard.choices, organisation_needed=False)
        except SheetError as refused:
            problems.append(refused.message(current_language()))
        problem = "\n".join(problems)
        self.problem.setText(problem)
        self._complete = not problem
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._complete

    def validatePage(self) -> bool:
        refused = self._wizard.reinterpret()
        if refused is not None:
            self.problem.setText(refused)
            return False
        return True
