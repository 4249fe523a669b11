"""Bestand → Overdragen aan een collega…: cases into a new vault for a substitute or successor.

Four steps, as core/handover does them (the command line `vpnotebook handover` the same):
1. which cases (all of an organisation, or some), to whom, where, and whether to destroy
   them here afterwards; a case without the reporter's consent is named and stops the step;
2. a passphrase for the hand-over, held to the passphrase policy, never the VP's own;
3. its recovery code, shown and typed back before anything is made;
4. (only when destroying) the VP types 'vernietigen'.
Then the work runs in the background and the dialog says what to give the colleague.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.handover.errors import HandoverError
from ...core.handover.selection import Selection, handover_candidates
from ...core.handover.writing import HandoverResult, check_recipient, write_handover
from ...core.passphrase_policy import personal_context
from ...vault import recovery
from ...vault.errors import VaultError
from ...vault.kdf import Argon2Params
from ..common import dialogs
from ..common.labels import current_language
from ..common.passphrase import PassphraseFields
from ..common.recovery_code import RecoveryCodeView
from ..common.worker import BackgroundJob
from ..session import Session
from .parts import busy_page, form_page, problem_label, wrapped


class HandoverDialog(QDialog):
    CHOOSE, PASSPHRASE, CODE, CONFIRM, BUSY, DONE = range(6)

    busy_changed = Signal(bool)  # True while the hand-over is written: no lock meanwhile
    handed_over = Signal(object)  # the HandoverResult

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        kdf_params: Argon2Params | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._kdf_params = kdf_params
        self.today = today or date.today()
        self.outcome: HandoverResult | None = None
        # What the VP types to confirm destroying the cases here, in the program's language.
        self.confirm_word = self.tr("vernietigen")
        self._job: BackgroundJob | None = None
        self.setWindowTitle(self.tr("Overdragen aan een collega"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._passphrase_page())
        self.view = RecoveryCodeView()
        self.view.confirmed_changed.connect(self._update)
        self.pages.addWidget(self._code_page())
        self.pages.addWidget(self._confirm_page())
        self.pages.addWidget(self._busy_page())
        self.pages.addWidget(self._done_page())
        self.problem = problem_label()
        # In reading order, whatever the platform's button-box convention.
        self.back_button = QPushButton(self.tr("Vorige"))
        self.next_button = QPushButton(self.tr("Volgende"))
        self.next_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.cancel_button):
            buttons.addWidget(button)
        self.step = QLabel()
        self.step.setObjectName("stepTitle")
        font = self.step.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.step.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(860, 600)
        self._fill_cases()
        self._update()

    # -- the pages -----------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        self.organisation = QComboBox()
        self.organisation.addItem(self.tr("Alle organisaties"), None)
        for organisation in self.session.journal.organisations():
            self.organisation.addItem(organisation.name, organisation.id)
        self.organisation.currentIndexChanged.connect(self._fill_cases)
        self.all_cases = QCheckBox(self.tr("&Alle meldingen van deze organisatie"))
        self.all_cases.clicked.connect(self._check_all)
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Meldingen om over te dragen"))
        self.cases.itemChanged.connect(self._update)
        self.consent_problem = wrapped("", "consentProblem")
        self.consent_problem.setStyleSheet(
            "background: #fff4e0; color: #5c3b00; border-radius: 4px; padding: 6px;"
        )
        self.recipient = QLineEdit()
        self.recipient.setAccessibleName(self.tr("Naam van uw collega"))
        self.recipient.setPlaceholderText(self.tr("Voor uw eigen logboek van overdrachten"))
        self.recipient.textChanged.connect(self._update)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Map voor de overdracht"))
        self.folder.setText(str(Path.home() / f"Overdracht {self.today:%Y-%m-%d}"))
        self.folder.textChanged.connect(self._update)
        browse = QPushButton(self.tr("&Bladeren…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.destroy_after = QCheckBox(
            self.tr("Daarna de meldingen in mijn eigen kluis &vernietigen")
        )
        self.destroy_after.toggled.connect(self._update)
        form = QFormLayout()
        form.addRow(self.tr("&Organisatie:"), self.organisation)
        form.addRow("", self.all_cases)
        form.addRow(self.tr("&Meldingen:"), self.cases)
        form.addRow("", self.consent_problem)
        form.addRow(self.tr("Aan &collega:"), self.recipient)
        form.addRow(self.tr("Naar de ma&p:"), folder_row)
        form.addRow("", self.destroy_after)
        layout = QVBoxLayout(page)
        layout.addWidget(
            wrapped(
                self.tr(
                    "Draag meldingen over aan een vervanger of opvolger. Ze komen met alles wat "
                    "erbij hoort in een nieuwe, versleutelde kluis met een eigen wachtwoord en "
                    "herstelcode. De melder moet met de overdracht hebben ingestemd: vul die "
                    "datum eerst in bij de melding."
                )
            )
        )
        layout.addLayout(form, 1)
        return page

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        self.fields = PassphraseFields(page)
        self.fields.changed.connect(self._update)
        form = QFormLayout()
        self.fields.add_to(form)
        return form_page(
            self.tr(
                "Kies een wachtwoord voor deze overdracht, niet dat van uw eigen kluis: uw "
                "collega krijgt het te weten. Geef het apart van de map, bijvoorbeeld "
                "telefonisch."
            ),
            form,
            page,
        )

    def _code_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            wrapped(
                self.tr(
                    "De herstelcode van de overdracht. Geef hem uw collega, apart van het "
                    "wachtwoord: daarmee komt uw collega erin als het wachtwoord kwijt is. "
                    "De overdracht wordt pas gemaakt als u de code hebt overgenomen."
                )
            )
        )
        layout.addWidget(self.view)
        layout.addStretch(1)
        return page

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        self.confirm_text = wrapped("")
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName(self.tr("Bevestiging"))
        self.confirm.textChanged.connect(self._update)
        layout = QVBoxLayout(page)
        layout.addWidget(self.confirm_text)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        return page

    def _busy_page(self) -> QWidget:
        return busy_page(
            wrapped(self.tr("De overdracht wordt gemaakt. Dat duurt een paar seconden."))
        )

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_text = wrapped("", "handoverDone")
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        return page

    # -- the cases -----------------------------------------------------------------------

    def _fill_cases(self) -> None:
        organisation_id = self.organisation.currentData()
        self.cases.blockSignals(True)
        self.cases.clear()
        for case in handover_candidates(self.session.journal, organisation_id):
            title = f" — {case.title}" if case.title else ""
            text = case.number + title
            if organisation_id is None:
                text += f" ({case.organisation})"
            if not case.has_consent:
                text += "   " + self.tr("(nog geen toestemming)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, case)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.cases.addItem(item)
        self.cases.blockSignals(False)
        self.all_cases.setEnabled(organisation_id is not None)
        self.all_cases.setChecked(False)
        self._update()

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.cases.blockSignals(True)
        for row in range(self.cases.count()):
            self.cases.item(row).setCheckState(state)
        self.cases.blockSignals(False)
        self._update()

    def selection(self) -> Selection:
        chosen = [
            self.cases.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.cases.count())
            if self.cases.item(row).checkState() == Qt.CheckState.Checked
        ]
        return Selection(tuple(chosen))

    def choose(self, numbers: list[str]) -> None:
        """Tick exactly these cases (for the screenshots, as a click on each would)."""
        for row in range(self.cases.count()):
            item = self.cases.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole).number in numbers
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            if wanted:
                self.cases.scrollToItem(item)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Kies waar de map voor de overdracht komt")
        )
        if chosen:
            self.folder.setText(str(Path(chosen) / f"Overdracht {self.today:%Y-%m-%d}"))

    # -- moving through the steps --------------------------------------------------------

    def _update(self) -> None:
        page = self.pages.currentIndex()
        selection = self.selection()
        missing = selection.without_consent
        if missing:
            self.consent_problem.setText(
                self.tr(
                    "Van %1 heeft de melder nog geen toestemming gegeven voor de overdracht. "
                    "Vraag die eerst en vul de datum in bij de melding (tabblad Intake), of "
                    "laat deze melding(en) hier weg."
                ).replace("%1", ", ".join(case.number for case in missing))
            )
        self.consent_problem.setVisible(bool(missing))
        ready = {
            self.CHOOSE: bool(selection.cases)
            and not missing
            and bool(self.recipient.text().strip())
            and bool(self.folder.text().strip()),
            self.PASSPHRASE: self.fields.acceptable(),
            self.CODE: self.view.confirmed(),
            self.CONFIRM: self.confirm.text().strip().lower() == self.confirm_word,
        }.get(page, False)
        steps = 4 if self.destroy_after.isChecked() else 3
        titles = {
            self.CHOOSE: self.tr("Welke meldingen, aan wie"),
            self.PASSPHRASE: self.tr("Een wachtwoord voor de overdracht"),
            self.CODE: self.tr("De herstelcode van de overdracht"),
            self.CONFIRM: self.tr("Vernietigen in uw eigen kluis"),
        }
        if page in titles:
            self.step.setText(
                self.tr("Stap %1 van %2: %3")
                .replace("%1", str(page + 1))
                .replace("%2", str(steps))
                .replace("%3", titles[page])
            )
        else:
            self.step.setText(self.tr("Overdracht"))
        last = (page == self.CODE and not self.destroy_after.isChecked()) or page == self.CONFIRM
        self.next_button.setText(self.tr("Overdragen") if last else self.tr("Volgende"))
        self.next_button.setEnabled(ready)
        self.next_button.setVisible(page < self.BUSY)
        self.back_button.setVisible(self.CHOOSE < page < self.BUSY)
        self.cancel_button.setVisible(page < self.BUSY)
        self.cancel_button.setText(self.tr("Annuleren"))
        if page == self.DONE:
            self.cancel_button.setText(self.tr("Sluiten"))
            self.cancel_button.setVisible(True)

    def _go(self, page: int) -> None:
        self.problem.setVisible(False)
        self.pages.setCurrentIndex(page)
        self._update()

    def back(self) -> None:
        page = self.pages.currentIndex()
        if page == self.CODE:
            self.view.clear()  # a code shown and not used is never used
        self._go(page - 1)

    def next(self) -> None:
        page = self.pages.currentIndex()
        if not self.next_button.isEnabled():
            return
        if page == self.CHOOSE:
            try:
                check_recipient(self.recipient.text())
            except HandoverError as refused:
                self._show_problem(refused)
                return
            self.fields.set_personal(
                [*personal_context(self.session.journal), self.recipient.text().strip()]
            )
            self._go(self.PASSPHRASE)
        elif page == self.PASSPHRASE:
            self.view.show_code(recovery.generate())
            self._go(self.CODE)
        elif page == self.CODE and self.destroy_after.isChecked():
            count = len(self.selection().cases)
            self.confirm_text.setText(
                self.tr(
                    "Na de overdracht worden deze %1 melding(en) in uw eigen kluis vernietigd. "
                    "Alleen de anonieme gegevens voor het jaarverslag blijven, en in uw "
                    "logboek staat aan wie u ze overdroeg. Dit kan niet ongedaan worden "
                    "gemaakt. Typ '%2' om door te gaan."
                )
                .replace("%1", str(count))
                .replace("%2", self.confirm_word)
            )
            self.confirm.clear()
            self._go(self.CONFIRM)
        else:
            self._start()

    def _start(self) -> None:
        selection = self.selection()
        folder = Path(self.folder.text().strip()).expanduser()
        passphrase, code = self.fields.passphrase(), self.view.code
        recipient = self.recipient.text().strip()
        vault, destroy = self.session.vault, self.destroy_after.isChecked()
        self._go(self.BUSY)

        def work() -> HandoverResult:
            return write_handover(
                vault,
                selection,
                folder,
                passphrase=passphrase,
                recovery_code=code,
                recipient=recipient,
                today=self.today,
                destroy=destroy,
                kdf_params=self._kdf_params,
            )

        job = BackgroundJob(work, self)
        job.done.connect(self._finished)
        job.failed.connect(self._failed)
        self._job = job
        self.busy_changed.emit(True)
        job.start()

    @property
    def busy(self) -> bool:
        return self._job is not None and self._job.running

    def _failed(self, error: BaseException) -> None:
        self._job = None
        self.busy_changed.emit(False)
        # Nothing was handed over: back to the start; the code shown is never used.
        self.view.clear()
        self.fields.clear()
        self._go(self.CHOOSE)
        self._show_problem(error)

    def _show_problem(self, error: BaseException) -> None:
        if isinstance(error, VaultError):
            text = error.message(current_language())
        else:
            text = self.tr("Er ging onverwacht iets mis (%1).").replace("%1", type(error).__name__)
        self.problem.setText(text + " " + self.tr("Er is niets overgedragen."))
        self.problem.setVisible(True)

    def _finished(self, result: HandoverResult) -> None:
        self._job = None
        self.outcome = result
        self.fields.clear()
        self.view.clear()
        lines = [
            self.tr("<p><b>Klaar.</b> %1 melding(en) staan in de overdracht in <i>%2</i>.</p>")
            .replace("%1", str(len(result.numbers)))
            .replace("%2", str(result.folder)),
            self.tr(
                "<p>Geef uw collega de map (bijvoorbeeld op een USB-stick), en apart daarvan "
                "het wachtwoord en de herstelcode. Uw collega opent de map met <i>Andere kluis "
                "openen</i>, of voegt hem samen met de eigen kluis via <i>Bestand → "
                "Overdracht samenvoegen</i>.</p>"
            ),
            self.tr("<p>Bij elke melding staat nu aan wie en wanneer u hem overdroeg.</p>"),
        ]
        if result.destroyed:
            lines.append(
                self.tr(
                    "<p>%1 melding(en) zijn daarna in uw kluis vernietigd. Maak binnenkort een "
                    "nieuwe reservekopie.</p>"
                ).replace("%1", str(result.destroyed))
            )
        self.done_text.setText("".join(lines))
        self._go(self.DONE)
        self.busy_changed.emit(False)
        for what in ("cases", "follow_ups", "time"):
            self.session.notify(what)
        self.handed_over.emit(result)
        if result.destroyed:
            from ..settings.key_dialogs import rekey_why

            # As after any destruction: older key-slot files and backups still open the vault.
            if dialogs.ask(
                self,
                self.tr("Nieuwe sleutel"),
                self.tr("Wilt u nu ook een nieuwe sleutel maken?") + " " + rekey_why(),
            ):
                self.session.request_key_renewal()

    def reject(self) -> None:
        if self.busy:  # the hand-over is being written: it finishes first
            return
        self.fields.clear()
        self.view.clear()
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
