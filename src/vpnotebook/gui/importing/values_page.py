"""Step 3 (only when needed): values the program does not know, and rows that are not right.

An unknown value gets a drop-down of what it can be; a bad row can only be corrected in the
file itself, after which the VP reads it again here. Nothing is imported while either is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from ...core.sheetimport import SheetError, UnknownValue, read_table
from ...core.sheetimport.columns import BY_KEY
from ...core.sheetimport.plan import value_rows
from ..common.labels import current_language
from ..common.worker import BackgroundJob
from .file_page import ERROR_STYLE, failure_text

if TYPE_CHECKING:
    from .wizard import SheetImportWizard

CHOOSE = "\x00choose"  # distinct from None, which means "record nothing"


class ValuesPage(QWizardPage):
    FIELD, VALUE, ROWS, TARGET = range(4)

    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Waarden en rijen nakijken"))
        self.setSubTitle(
            self.tr(
                "Een paar dingen kan het programma niet zelf plaatsen. Er is nog niets "
                "geïmporteerd."
            )
        )
        self.values_box = QGroupBox(self.tr("Deze waarden kent het programma niet"))
        self.values = QTableWidget(0, 4)
        self.values.setHorizontalHeaderLabels(
            [self.tr("Waar"), self.tr("Waarde in uw bestand"), self.tr("Rij(en)"), self.tr("Is")]
        )
        self.values.verticalHeader().setVisible(False)
        self.values.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.values.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.values.horizontalHeader()
        for column in (self.FIELD, self.ROWS, self.TARGET):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.VALUE, QHeaderView.ResizeMode.Stretch)
        values_hint = QLabel(self.tr("Kies bij elke waarde wat die in vpnotebook is."))
        values_hint.setWordWrap(True)
        values_layout = QVBoxLayout(self.values_box)
        values_layout.addWidget(values_hint)
        values_layout.addWidget(self.values)
        self.combos: list[tuple[UnknownValue, QComboBox]] = []

        self.problems_box = QGroupBox(self.tr("Deze rijen kloppen niet"))
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(self.tr("Rijen die niet kloppen"))
        self.problems.setStyleSheet(ERROR_STYLE)
        problems_hint = QLabel(
            self.tr(
                "Verbeter deze rijen in Excel (de rijnummers zijn die van Excel), sla het "
                "bestand op en klik op Opnieuw inlezen. Zo komt er nooit een half bestand in "
                "uw kluis."
            )
        )
        problems_hint.setWordWrap(True)
        self.reread = QPushButton(self.tr("&Opnieuw inlezen"))
        self.reread.clicked.connect(self.read_again)
        self.reread_status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.reread_status, 1)
        buttons.addWidget(self.reread)
        problems_layout = QVBoxLayout(self.problems_box)
        problems_layout.addWidget(problems_hint)
        problems_layout.addWidget(self.problems)
        problems_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.problems_box, 1)
        layout.addWidget(self.values_box, 2)
        self._job: BackgroundJob | None = None

    def initializePage(self) -> None:
        self._fill()

    def _fill(self) -> None:
        interpretation = self._wizard.interpretation
        assert interpretation is not None
        language = current_language()
        lines = [p.text(language) for p in sorted(interpretation.problems, key=lambda p: p.row)]
        self.problems.setPlainText("\n".join(lines))
        self.problems_box.setVisible(bool(lines))
        columns = {c.field: c.name for c in interpretation.columns if c.field}
        unknown = interpretation.unknown_values
        self.values_box.setVisible(bool(unknown))
        self.values.setRowCount(len(unknown))
        self.combos = []
        for row, value in enumerate(unknown):
            sheet_field = BY_KEY[value.field]
            where = f"{sheet_field.label(language)} ({columns.get(value.field, '')})"
            self.values.setItem(row, self.FIELD, QTableWidgetItem(where))
            self.values.setItem(row, self.VALUE, QTableWidgetItem(value.text))
            self.values.setItem(row, self.ROWS, QTableWidgetItem(value_rows(value)))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("'%1' is").replace("%1", value.text))
            combo.addItem(self.tr("— kies —"), CHOOSE)
            for choice in sheet_field.choices():
                combo.addItem(choice.label(language), choice.code)
            combo.currentIndexChanged.connect(lambda _index: self.completeChanged.emit())
            self.values.setCellWidget(row, self.TARGET, combo)
            self.combos.append((value, combo))
        self.completeChanged.emit()

    def choose(self, row: int, code: str | None) -> None:
        """Give an unknown value its meaning, as the VP does in its drop-down."""
        combo = self.combos[row][1]
        combo.setCurrentIndex(combo.findData(code))

    def isComplete(self) -> bool:
        interpretation = self._wizard.interpretation
        if interpretation is None or interpretation.problems or self.reading:
            return False
        return all(combo.currentData() != CHOOSE for _, combo in self.combos)

    def validatePage(self) -> bool:
        wizard = self._wizard
        for value, combo in self.combos:
            wizard.choices.map_value(value.field, value.text, combo.currentData())
        refused = wizard.reinterpret()
        if refused is not None:
            self.problems.setPlainText(refused)
            self.problems_box.setVisible(True)
            return False
        assert wizard.interpretation is not None
        if not wizard.interpretation.ready:
            # A mapped value can make a row's other rules apply (an outcome on an open case).
            self._fill()
            return False
        return True

    # -- reading the corrected file -----------------------------------------------------

    @property
    def reading(self) -> bool:
        return self._job is not None and self._job.running

    def read_again(self) -> None:
        wizard = self._wizard
        if wizard.path is None or wizard.table is None or self.reading:
            return
        path, sheet = wizard.path, wizard.table.sheet or None
        self.reread_status.setText(self.tr("Het bestand wordt opnieuw gelezen…"))
        self.reread_status.setStyleSheet("")
        self._job = BackgroundJob(lambda: read_table(path, sheet), self)
        self._job.done.connect(self._read)
        self._job.failed.connect(self._failed)
        self._job.start()
        self.completeChanged.emit()

    def _read(self, table: object) -> None:
        wizard = self._wizard
        assert wizard.path is not None
        wizard.new_table(wizard.path, table)  # type: ignore[arg-type]
        refused = wizard.reinterpret()
        if refused is not None:
            self._failed(SheetError(refused, refused))
            return
        assert wizard.interpretation is not None
        self.reread_status.setText(
            self.tr("Opnieuw gelezen: alles klopt nu. Klik op Volgende.")
            if wizard.interpretation.ready
            else self.tr("Opnieuw gelezen.")
        )
        self._fill()

    def _failed(self, error: object) -> None:
        self.reread_status.setText(failure_text(error, self.tr))
        self.reread_status.setStyleSheet(ERROR_STYLE)
        self.completeChanged.emit()
