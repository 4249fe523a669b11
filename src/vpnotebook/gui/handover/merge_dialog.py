"""Bestand → Overdracht samenvoegen…: a colleague's hand-over into this vault.

1. the hand-over's folder and its passphrase (or recovery code); it is opened in the
   background and the merge is tried in full and rolled back, so the next step shows exactly
   what will happen;
2. what comes in: the cases and their new numbers, which organisations are already here;
3. the merge itself, one transaction (core/handover/merge.py), and what it did.
The hand-over stays open (read-only when its medium is) only while the dialog is.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.handover.merge import MergeResult, merge_vault, previous_merge
from ...core.journal import Journal
from ...vault.errors import VaultError, WrongSecretError
from ...vault.paths import is_vault
from ...vault.vault import AUTO, Vault
from ..common.labels import current_language
from ..common.worker import BackgroundJob
from ..session import Session
from .parts import busy_page, form_page, problem_label, wrapped


class MergeDialog(QDialog):
    OPEN, PREVIEW, BUSY, DONE = range(4)

    busy_changed = Signal(bool)  # True while the hand-over is opened or merged: no lock
    merged = Signal(object)  # the MergeResult

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or date.today()
        self.other: Vault | None = None
        self.preview: MergeResult | None = None
        self.merged_result: MergeResult | None = None
        self._job: BackgroundJob | None = None
        self.setWindowTitle(self.tr("Overdracht samenvoegen"))
        # A lock closes the other vault too (its key is in memory while it is open).
        session.closing.connect(self._close_other)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._open_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._busy_page())
        self.pages.addWidget(self._done_page())
        self.problem = problem_label()
        self.next_button = QPushButton(self.tr("Openen"))
        self.next_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.next_button.clicked.connect(self.next)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(780, 560)
        self._update()

    # -- the pages -----------------------------------------------------------------------

    def _open_page(self) -> QWidget:
        page = QWidget()
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Map van de overdracht"))
        self.folder.textChanged.connect(self._update)
        browse = QPushButton(self.tr("&Bladeren…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Wachtwoord van de overdracht"))
        self.secret.textChanged.connect(self._update)
        self.with_code = QCheckBox(self.tr("Ik open de overdracht met de &herstelcode"))
        self.with_code.toggled.connect(self._code_chosen)
        self.secret_label = QLabel(self.tr("&Wachtwoord:"))
        self.secret_label.setBuddy(self.secret)
        form = QFormLayout()
        form.addRow(self.tr("&Map van de overdracht:"), row)
        form.addRow(self.secret_label, self.secret)
        form.addRow("", self.with_code)
        return form_page(
            self.tr(
                "Heeft een collega meldingen aan u overgedragen? Voeg ze samen met uw eigen "
                "kluis. Organisaties die u al hebt, worden herkend aan hun naam; de meldingen "
                "krijgen nummers in uw eigen reeks (het oude nummer komt in de notities). "
                "Er wordt niets van uw eigen gegevens overschreven."
            ),
            form,
            page,
        )

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.preview_text = QTextBrowser()
        self.preview_text.setObjectName("mergePreview")
        self.preview_text.setOpenLinks(False)
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_text, 1)
        return page

    def _busy_page(self) -> QWidget:
        self.busy_text = wrapped("")
        return busy_page(self.busy_text)

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_text = QTextBrowser()
        self.done_text.setObjectName("mergeDone")
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text, 1)
        return page

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Kies de map van de overdracht"))
        if chosen:
            self.folder.setText(chosen)

    def _code_chosen(self, with_code: bool) -> None:
        self.secret_label.setText(
            self.tr("&Herstelcode:") if with_code else self.tr("&Wachtwoord:")
        )
        self.secret.setEchoMode(
            QLineEdit.EchoMode.Normal if with_code else QLineEdit.EchoMode.Password
        )
        self.secret.clear()

    # -- moving through the steps --------------------------------------------------------

    def _update(self) -> None:
        page = self.pages.currentIndex()
        ready = {
            self.OPEN: bool(self.folder.text().strip() and self.secret.text()),
            self.PREVIEW: self.preview is not None and self.preview.cases > 0,
        }.get(page, False)
        self.next_button.setText(
            self.tr("Samenvoegen") if page == self.PREVIEW else self.tr("Openen")
        )
        self.next_button.setEnabled(ready)
        self.next_button.setVisible(page in (self.OPEN, self.PREVIEW))
        self.cancel_button.setVisible(page != self.BUSY)
        self.cancel_button.setText(
            self.tr("Sluiten") if page == self.DONE else self.tr("Annuleren")
        )

    def _go(self, page: int) -> None:
        self.problem.setVisible(False)
        self.pages.setCurrentIndex(page)
        self._update()

    def next(self) -> None:
        if not self.next_button.isEnabled():
            return
        if self.pages.currentIndex() == self.OPEN:
            self._open()
        else:
            self._merge()

    def _run(self, work: Any, done: Any, busy_text: str, back_to: int) -> None:
        self.busy_text.setText(busy_text)
        self._go(self.BUSY)
        job = BackgroundJob(work, self)

        def finished(result: object) -> None:
            self._job = None
            self.busy_changed.emit(False)
            done(result)

        def failed(error: BaseException) -> None:
            self._job = None
            self.busy_changed.emit(False)
            self._go(back_to)
            self._show_problem(error)

        job.done.connect(finished)
        job.failed.connect(failed)
        self._job = job
        self.busy_changed.emit(True)
        job.start()

    @property
    def busy(self) -> bool:
        return self._job is not None and self._job.running

    def _open(self) -> None:
        folder = Path(self.folder.text().strip()).expanduser()
        secret, with_code = self.secret.text(), self.with_code.isChecked()
        own = self.session.vault
        if not is_vault(folder):
            self.problem.setText(
                self.tr("In deze map staat geen overdracht of kluis van vpnotebook.")
            )
            self.problem.setVisible(True)
            return
        if folder.resolve() == own.folder.resolve():
            self.problem.setText(self.tr("Dat is de map van uw eigen kluis."))
            self.problem.setVisible(True)
            return
        self._close_other()
        target = self.session.journal

        def work() -> tuple[Vault, MergeResult]:
            if with_code:
                other = Vault.open(folder, recovery_code=secret, access=AUTO)
            else:
                other = Vault.open(folder, passphrase=secret, access=AUTO)
            try:
                preview = merge_vault(
                    target,
                    Journal.of(other),
                    target_id=own.vault_id,
                    source_id=other.vault_id,
                    today=self.today,
                    again=True,  # said on the next page, where the VP decides
                    dry_run=True,
                )
            except BaseException:
                other.close()
                raise
            return other, preview

        def opened(result: tuple[Vault, MergeResult]) -> None:
            self.other, self.preview = result
            self.secret.clear()
            self.preview_text.setHtml(self._describe(self.preview, preview=True))
            self._go(self.PREVIEW)

        self._run(work, opened, self.tr("De overdracht wordt geopend…"), self.OPEN)

    def _merge(self) -> None:
        other, own = self.other, self.session.vault
        assert other is not None
        target = self.session.journal

        def work() -> MergeResult:
            return merge_vault(
                target,
                Journal.of(other),
                target_id=own.vault_id,
                source_id=other.vault_id,
                today=self.today,
                again=True,  # the VP saw on the previous page that it was merged before
            )

        def merged(result: MergeResult) -> None:
            self.merged_result = result
            self._close_other()
            self.done_text.setHtml(self._describe(result, preview=False))
            self._go(self.DONE)
            for what in ("organisations", "cases", "follow_ups", "time", "outreach", "signals"):
                self.session.notify(what)
            self.merged.emit(result)

        self._run(work, merged, self.tr("De meldingen worden samengevoegd…"), self.PREVIEW)

    def _describe(self, result: MergeResult, *, preview: bool) -> str:
        parts: list[str] = []
        by = result.handed_over_by
        when = result.handed_over_on
        try:
            when = date.fromisoformat(when).strftime("%d-%m-%Y") if when else ""
        except ValueError:
            when = ""
        if preview and self.other is not None:
            earlier = previous_merge(self.session.journal, self.other.vault_id)
            if earlier is not None:
                parts.append(
                    "<p style='color:#b3261e'><b>"
                    + self.tr(
                        "Deze overdracht is al eens samengevoegd. Nog een keer samenvoegen zet "
                        "alle meldingen er dubbel in."
                    )
                    + "</b></p>"
                )
        head = (
            self.tr("Zo komt de overdracht in uw kluis:")
            if preview
            else self.tr("<b>Samengevoegd.</b>")
        )
        source = ""
        if by:
            source = " " + self.tr("Overgedragen door %1 op %2.").replace("%1", _html(by)).replace(
                "%2", when
            )
        parts.append(f"<p>{head}{source}</p>")
        parts.append(
            "<p>"
            + self.tr("%1 melding(en), %2 gesprek(ken).")
            .replace("%1", str(result.cases))
            .replace("%2", str(result.counts.get("conversations", 0)))
            + "</p>"
        )
        organisations = [
            self.tr("%1 — al in uw kluis; haar gegevens blijven zoals ze zijn").replace("%1", n)
            for n in result.organisations_matched
        ] + [self.tr("%1 — nieuw").replace("%1", n) for n in result.organisations_created]
        if organisations:
            parts.append(
                "<p>"
                + self.tr("Organisaties:")
                + "</p><ul>"
                + "".join(f"<li>{_html(line)}</li>" for line in organisations)
                + "</ul>"
            )
        if result.numbers:
            parts.append(
                "<p>"
                + self.tr("Meldingsnummers (het oude nummer komt in de notities van de melding):")
                + "</p><ul>"
                + "".join(f"<li>{old} → {new}</li>" for old, new in result.numbers)
                + "</ul>"
            )
        if result.texts_added_below:
            parts.append(
                "<p>"
                + self.tr(
                    "Bij %1 jaarverslag(en) komt de tekst uit de overdracht onder uw eigen tekst."
                ).replace("%1", str(result.texts_added_below))
                + "</p>"
            )
        if not preview:
            parts.append(
                "<p>"
                + self.tr(
                    "De map van de overdracht bevat de meldingen nog. Bewaar hem zorgvuldig, "
                    "of verwijder hem (ook uit de prullenbak) als u hem niet meer nodig hebt."
                )
                + "</p>"
            )
        return "".join(parts)

    def _show_problem(self, error: BaseException) -> None:
        if isinstance(error, WrongSecretError):
            self.secret.clear()  # typed again, not added to
            self.secret.setFocus()
            text = self.tr(
                "Het wachtwoord of de herstelcode van de overdracht klopt niet. Er is niets "
                "samengevoegd."
            )
        elif isinstance(error, VaultError):
            text = error.message(current_language()) + " " + self.tr("Er is niets samengevoegd.")
        else:
            text = self.tr("Er ging onverwacht iets mis (%1). Er is niets samengevoegd.").replace(
                "%1", type(error).__name__
            )
        self.problem.setText(text)
        self.problem.setVisible(True)

    def _close_other(self) -> None:
        if self.other is not None:
            self.other.close()
            self.other = None

    def reject(self) -> None:
        if self.busy:
            return
        self._close_other()
        super().reject()

    def done(self, result: int) -> None:
        self._close_other()
        super().done(result)

    def closeEvent(self, event: Any) -> None:
        if self.busy:
            event.ignore()
            return
        self._close_other()
        super().closeEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
