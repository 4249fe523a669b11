"""Bestand → Importeren uit Excel…: the VP's existing registration into the vault, in steps.

1. file and sheet (read in the background), 2. what each column holds, 3. unknown values
and bad rows (only when there are any), 4. a preview of the first rows as they will be
stored, 5. the import itself in one transaction, in the background, with progress.

The wizard holds the state the steps share (the read table, the VP's choices, the reading of
every row and the plan); the reading and checking is core's (core/sheetimport), exactly as
the command line `vpnotebook import-sheet` does it. Nothing is written before step 5.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from ...core.sheetimport import (
    ImportOptions,
    ImportPlan,
    Interpretation,
    SheetError,
    Table,
    interpret,
    known_organisations,
    plan_import,
)
from ..common.labels import current_language
from ..common.screen import resize_within_screen
from ..session import Session
from .columns_page import ColumnsPage
from .file_page import FilePage
from .preview_page import PreviewPage
from .run_page import RunPage
from .values_page import ValuesPage


class SheetImportWizard(QWizard):
    FILE, COLUMNS, VALUES, PREVIEW, RUN = range(5)

    busy_changed = Signal(bool)  # True while the import writes: the program must not lock
    imported = Signal(object)  # the ImportResult, once everything is stored

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or date.today()
        self.path: Path | None = None
        self.table: Table | None = None
        self.choices = ImportOptions(today=self.today)
        self.interpretation: Interpretation | None = None
        self.plan: ImportPlan | None = None
        self.busy = False

        self.setWindowTitle(self.tr("Importeren uit Excel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Volgende"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Vorige"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuleren"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Sluiten"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Importeren"))

        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.values_page = ValuesPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        for number, page in (
            (self.FILE, self.file_page),
            (self.COLUMNS, self.columns_page),
            (self.VALUES, self.values_page),
            (self.PREVIEW, self.preview_page),
            (self.RUN, self.run_page),
        ):
            self.setPage(number, page)
        resize_within_screen(self, 1080, 640)

    # -- shared state --------------------------------------------------------------------

    def new_table(self, path: Path, table: Table) -> None:
        """A file was read: the choices made for another file no longer apply."""
        if path != self.path:
            self.choices = ImportOptions(today=self.today)
        self.path = path
        self.table = table
        self.interpretation = None
        self.plan = None

    def reinterpret(self) -> str | None:
        """Read every row again with the current choices; a refusal's message, or None."""
        assert self.table is not None
        self.plan = None
        try:
            self.interpretation = interpret(self.table, self.choices)
        except SheetError as refused:
            self.interpretation = None
            return refused.message(current_language())
        return None

    def make_plan(self) -> ImportPlan:
        assert self.interpretation is not None
        journal = self.session.journal
        self.plan = plan_import(self.interpretation, known_organisations(journal), journal)
        return self.plan

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    # -- flow ----------------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.COLUMNS:
            ready = self.interpretation is not None and self.interpretation.ready
            return self.PREVIEW if ready else self.VALUES
        return super().nextId()

    def reject(self) -> None:
        if self.busy:  # the import is writing: it finishes (or rolls back) first
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
