"""Step 1: which file, and which sheet of it. The file is read in the background."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from ...core.sheetimport import SheetError, Table, read_table, sheet_names
from ..common.labels import current_language
from ..common.worker import BackgroundJob

if TYPE_CHECKING:
    from .wizard import SheetImportWizard

ERROR_STYLE = "color: #b3261e;"


def counted(number: int, one: str, many: str) -> str:
    """ "1 melding" or "3 meldingen": both forms come translated from the caller."""
    return (one if number == 1 else many).replace("%1", str(number))


def hours_text(minutes: int) -> str:
    hours = f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
    return hours if current_language() == "en" else hours.replace(".", ",")


def failure_text(error: object, tr: Any) -> str:
    """The VP's words for a failure while reading or importing; never a traceback."""
    if isinstance(error, SheetError):
        return error.message(current_language())
    message = getattr(error, "message", None)
    if callable(message):  # a VaultError: full disk, damaged vault
        return str(message(current_language()))
    return str(tr("Er ging onverwacht iets mis (%1). Er is niets gewijzigd.")).replace(
        "%1", type(error).__name__
    )


class FilePage(QWizardPage):
    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Welk bestand wilt u inlezen?"))
        self.setSubTitle(
            self.tr(
                "Kies het Excel-bestand (.xlsx) of CSV-bestand waarin u uw meldingen bijhield. "
                "Er verandert niets in uw kluis tot u in de laatste stap op Importeren klikt."
            )
        )
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Bestand"))
        self.path.setPlaceholderText(self.tr("Kies een bestand met Bladeren…"))
        self.browse = QPushButton(self.tr("&Bladeren…"))
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.sheet = QComboBox()
        self.sheet.setAccessibleName(self.tr("Werkblad"))
        self.sheet.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Tip: de eerste rij met kopjes (zoals Datum, Organisatie, Aard melding) "
                "gebruikt het programma om de kolommen te herkennen. Word-bestanden kunnen "
                "niet worden ingelezen."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        path_label = QLabel(self.tr("&Bestand:"))
        path_label.setBuddy(self.path)
        form = QFormLayout()
        form.addRow(path_label, row)
        form.addRow(self.tr("&Werkblad:"), self.sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(hint)

        self._job: BackgroundJob | None = None
        self._read_path: Path | None = None
        self._read_sheet: str | None = None
        self.path.returnPressed.connect(self.read)
        self.path.editingFinished.connect(self.read)
        self.sheet.activated.connect(lambda _index: self.read(sheet=self.sheet.currentText()))

    @property
    def reading(self) -> bool:
        return self._job is not None and self._job.running

    def isComplete(self) -> bool:
        return self._wizard.table is not None and not self.reading

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Bestand kiezen"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;Alle bestanden (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.read()

    def read(self, sheet: str | None = None) -> None:
        """Read the named file (again), in the background; the page completes when done."""
        text = self.path.text().strip()
        if not text or self.reading:
            return
        path = Path(text).expanduser()
        if path == self._read_path and sheet == self._read_sheet and self._wizard.table:
            return
        self._read_path, self._read_sheet = path, sheet
        self._wizard.table = None
        self._show(self.tr("Het bestand wordt gelezen…"))
        self.completeChanged.emit()

        def work() -> tuple[tuple[str, ...], Table]:
            return sheet_names(path), read_table(path, sheet)

        self._job = BackgroundJob(work, self)
        self._job.done.connect(lambda result: self._read(path, result))
        self._job.failed.connect(self._failed)
        self._job.start()

    def _read(self, path: Path, result: tuple[tuple[str, ...], Table]) -> None:
        names, table = result
        self._wizard.new_table(path, table)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(names))
        self.sheet.setCurrentText(table.sheet)
        self.sheet.setEnabled(len(names) > 1)
        self.sheet.blockSignals(False)
        found = counted(
            len(table.rows), self.tr("1 rij met een melding"), self.tr("%1 rijen met meldingen")
        )
        where = (
            self.tr("op blad '%1'").replace("%1", table.sheet)
            if table.sheet
            else self.tr("in het bestand")
        )
        self._show(
            self.tr("Gevonden: %1 %2; de kopjes staan op rij %3.")
            .replace("%1", found)
            .replace("%2", where)
            .replace("%3", str(table.header_row))
        )
        self.completeChanged.emit()

    def _failed(self, error: object) -> None:
        self._read_path = None
        self._show(failure_text(error, self.tr), error=True)
        self.completeChanged.emit()

    def _show(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")
