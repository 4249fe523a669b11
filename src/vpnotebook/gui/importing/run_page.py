"""Step 5: the import itself, in one transaction on a background thread, with progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWizardPage

from ...core.sheetimport import ImportResult, SheetError, write_import
from ..common.worker import BackgroundJob
from .file_page import ERROR_STYLE, counted, failure_text

if TYPE_CHECKING:
    from .wizard import SheetImportWizard


class _Progress(QObject):
    """Carries (done, total) from the import's thread to the progress bar (queued)."""

    moved = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        self.moved.emit(done, total)  # on the worker thread: only emit, never touch a widget


class RunPage(QWizardPage):
    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Importeren"))
        self.setSubTitle(self.tr("Alles komt in één keer in uw kluis, of niets."))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Voortgang van het importeren"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self._job: BackgroundJob | None = None
        self.result: ImportResult | None = None
        self.failure: str | None = None

    def initializePage(self) -> None:
        wizard = self._wizard
        plan = wizard.plan
        assert plan is not None
        self.result, self.failure = None, None
        self.bar.setRange(0, max(1, len(plan.cases)))
        self.bar.setValue(0)
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr(
                "Bezig met %1 meldingen… Het programma vergrendelt niet zolang dit loopt."
            ).replace("%1", str(len(plan.cases)))
        )
        journal, today, report = wizard.session.journal, wizard.today, self._progress.report
        wizard.set_busy(True)
        self._job = BackgroundJob(
            lambda: write_import(journal, plan, today=today, progress=report), self
        )
        self._job.done.connect(self._done)
        self._job.failed.connect(self._failed)
        self._job.start()

    @property
    def running(self) -> bool:
        return self._job is not None and self._job.running

    def isComplete(self) -> bool:
        return not self.running and (self.result is not None or self.failure is not None)

    def _moved(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(1, total))
        self.bar.setValue(done)

    def _done(self, result: ImportResult) -> None:
        wizard = self._wizard
        self.result = result
        first, last = result.case_numbers
        self.bar.setValue(self.bar.maximum())
        made = []
        if result.organisations_created:
            made.append(
                counted(
                    result.organisations_created,
                    self.tr("1 organisatie"),
                    self.tr("%1 organisaties"),
                )
            )
        if result.departments_created:
            made.append(
                counted(result.departments_created, self.tr("1 afdeling"), self.tr("%1 afdelingen"))
            )
        new = ""
        if made:
            new = " " + self.tr("Nieuw aangemaakt: %1.").replace("%1", ", ".join(made))
        cases = counted(result.cases, self.tr("1 melding"), self.tr("%1 meldingen"))
        talks = counted(result.conversations, self.tr("1 gesprek"), self.tr("%1 gesprekken"))
        referrals = counted(
            result.referrals, self.tr("1 doorverwijzing"), self.tr("%1 doorverwijzingen")
        )
        routes = counted(result.routes, self.tr("1 route"), self.tr("%1 routes"))
        self.status.setText(
            self.tr(
                "<p><b>Klaar.</b> %1 geïmporteerd (%2 tot en met %3), met %4, %5 en %6.%7</p>"
                "<p>U vindt ze onder Meldingen. De opmerkingen uit uw bestand en de regel "
                "'bron: geïmporteerd uit …' staan bij elke melding onder <i>Notities bij de "
                "melding</i>.</p>"
            )
            .replace("%1", cases)
            .replace("%2", first)
            .replace("%3", last)
            .replace("%4", talks)
            .replace("%5", referrals)
            .replace("%6", routes)
            .replace("%7", new)
        )
        wizard.set_busy(False)
        for what in ("organisations", "cases"):
            wizard.session.notify(what)
        wizard.imported.emit(result)
        self.completeChanged.emit()

    def _failed(self, error: object) -> None:
        self.failure = failure_text(error, self.tr)
        self.bar.setValue(0)
        self.status.setStyleSheet(ERROR_STYLE)
        if not isinstance(error, SheetError):  # a SheetError says so itself
            self.failure += " " + self.tr("Er is niets geïmporteerd; uw kluis is zoals hij was.")
        self.status.setText(self.failure)
        self._wizard.set_busy(False)
        self.completeChanged.emit()
