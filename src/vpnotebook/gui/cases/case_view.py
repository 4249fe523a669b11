"""One case, opened: a header with its number and status, and calm tabs for the rest."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.destruction import wipe_reporter_identity
from ...core.journal import NotFoundError
from ...core.models import Case, Reporter
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.clipboard import copy_secret
from ..common.editor import RecordEditor
from ..session import Session
from .access import AccessExportDialog
from .case_header import CaseHeaderView
from .case_panels import CasePanels
from .case_print import save_case_summary
from .closing import CloseCaseDialog
from .conversation_editor import ConversationsPanel
from .intake import CaseAndReporter, IntakeForm
from .intake_saving import IntakeBinding, IntakeStorage
from .intervision import IntervisionDialog
from .links import LinksPanel
from .records import RecordPanel
from .retention import RetentionBar
from .widgets import minutes_text


class Tab:
    INTAKE, CONVERSATIONS, ROUTES, FOLLOW_UPS, TIME, LINKS = range(6)


class CaseView(CaseHeaderView):
    """Shows and edits one case. `saved(kind)` tells which kind of record was written."""

    saved = Signal(str)
    # After a destruction the VP accepted the offer of a new key for the vault.
    key_renewal_requested = Signal()
    # A linked case to open instead (its id).
    open_requested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._journal = journal = session.journal
        self._case: Case | None = None
        self._close_dialog: CloseCaseDialog | None = None

        # -- header ---------------------------------------------------------------------
        self.retention = RetentionBar(journal, self.save_pending)
        self.retention.changed.connect(self._retention_changed)
        self.retention.destroyed.connect(self._destroyed)
        top = self._build_header()
        self.close_button.clicked.connect(self.close_case)
        self.reopen_button.clicked.connect(self.reopen_case)
        self.copy_action.triggered.connect(self._copy_number)
        self.print_action.triggered.connect(self.print_summary)
        self.intervision_action.triggered.connect(self.intervision)
        self.access_action.triggered.connect(self.access_export)
        self.erase_action.triggered.connect(self.retention.destroy)

        # -- tabs -----------------------------------------------------------------------
        self.intake = IntakeForm(journal.organisations(), journal.departments_of, with_wipe=True)
        self.intake_editor = RecordEditor(
            session,
            IntakeBinding(self.intake),
            self.intake,
            kind="cases",
            notify=False,
            describe=lambda record: self.tr("de intake van melding %1").replace(
                "%1", record.case.number
            ),
            storage=IntakeStorage(journal),
            draft_key="case_intake",
            on_invalid=self.intake.show_error,
            parent=self,
        )
        self.intake_autosave = self.intake_editor.autosave
        self.intake_editor.stored.connect(self._intake_stored)
        self.intake.wipe_requested.connect(self.wipe_reporter)
        intake_scroll = QScrollArea()
        intake_scroll.setWidgetResizable(True)
        intake_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        intake_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        intake_scroll.setWidget(self.intake)

        self.conversations = ConversationsPanel(session)
        self.conversations.saved.connect(self._conversation_saved)
        panels = CasePanels(session, lambda: self._case, self)
        self.routes, self.referrals = panels.routes, panels.referrals
        self.follow_ups, self.time_entries = panels.follow_ups, panels.time_entries
        routes_tab = QWidget()
        routes_layout = QHBoxLayout(routes_tab)
        routes_layout.addWidget(self._titled(self.tr("Gekozen routes"), self.routes), 1)
        routes_layout.addSpacing(12)
        routes_layout.addWidget(self._titled(self.tr("Doorverwijzingen"), self.referrals), 1)

        self.aftercare = QCheckBox(self.tr("Deze melding is in de &nazorgfase"))
        self.aftercare.setToolTip(
            self.tr("Het ongewenste gedrag is gestopt; u houdt nog een vinger aan de pols.")
        )
        self.aftercare.clicked.connect(self._aftercare_clicked)
        follow_tab = QWidget()
        follow_layout = QVBoxLayout(follow_tab)
        follow_layout.addWidget(self.aftercare)
        follow_layout.addWidget(self.follow_ups, 1)

        self.time_summary = QLabel()
        self.time_summary.setWordWrap(True)
        time_tab = QWidget()
        time_layout = QVBoxLayout(time_tab)
        time_layout.addWidget(self.time_summary)
        time_layout.addWidget(self.time_entries, 1)

        self.links = LinksPanel(session, lambda: self._case, self)
        self.links.saved.connect(lambda: self._record_saved("cases"))
        self.links.open_requested.connect(self._open_linked)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(intake_scroll, self.tr("Intake"))
        self.tabs.addTab(self.conversations, self.tr("Gesprekken"))
        self.tabs.addTab(routes_tab, self.tr("Routes en verwijzingen"))
        self.tabs.addTab(follow_tab, self.tr("Nazorg en afspraken"))
        self.tabs.addTab(time_tab, self.tr("Tijd"))
        self.tabs.addTab(self.links, self.tr("Gekoppeld"))
        self.routes.saved.connect(lambda: self._record_saved("cases"))
        self.referrals.saved.connect(lambda: self._record_saved("cases"))
        self.follow_ups.saved.connect(lambda: self._record_saved("follow_ups"))
        self.time_entries.saved.connect(lambda: self._record_saved("time"))

        self.destroyed_note = QLabel(
            self.tr(
                "Deze melding is vernietigd. Alleen wat meetelt voor het jaarverslag is "
                "bewaard; er valt niets meer aan te vullen."
            )
        )
        self.destroyed_note.setWordWrap(True)
        self.destroyed_note.setVisible(False)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(4)
        content_layout.addLayout(top)
        content_layout.addWidget(self.details)
        content_layout.addWidget(self.handed_over)
        content_layout.addWidget(self.retention)
        content_layout.addWidget(self.destroyed_note)
        content_layout.addWidget(self.tabs, 1)

        self.placeholder = QLabel(
            self.tr("Kies een melding in de lijst, of begin een nieuwe met Ctrl+N.")
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("emptyState")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"<b>{title}</b>")
        column.addWidget(heading)
        column.addWidget(widget, 1)
        return box

    def _case_id_or_none(self) -> int | None:
        return self._case.id if self._case is not None else None

    def _panels(self) -> tuple[RecordPanel | LinksPanel, ...]:
        return (self.routes, self.referrals, self.follow_ups, self.time_entries, self.links)

    # -- showing a case ---------------------------------------------------------------------

    @property
    def case(self) -> Case | None:
        return self._case

    def show_case(self, case_id: int | None) -> None:
        """Open another case (or none); whatever was typed in the previous one is saved."""
        self.save_pending()
        self._case = None
        if case_id is not None:
            try:
                self._case = self._journal.get(Case, case_id)
            except NotFoundError:
                self._case = None
        if self._case is None:
            self.stack.setCurrentIndex(0)
            self.conversations.set_case(None)
            return
        self.intake.set_organisations(self._journal.organisations())
        self._show_intake()
        self.conversations.set_case(self._case.id)
        for panel in self._panels():
            panel.reset()
            panel.reload()
        self._update_header()
        self.stack.setCurrentIndex(1)

    def reload(self) -> None:
        """Re-read the case after a change elsewhere; fields with unsaved typing stay as typed."""
        if self._case is None or self._case.id is None:
            return
        try:
            self._case = self._journal.get(Case, self._case.id)
        except NotFoundError:
            self.show_case(None)
            return
        if not self.intake_editor.is_dirty():
            self.intake.set_organisations(self._journal.organisations())
            self._show_intake()
        if not self.conversations.autosave.dirty:
            self.conversations.reload()
        for panel in self._panels():
            if not panel.autosave.dirty:
                panel.reload()
        self._update_header()

    def _reporter(self) -> Reporter:
        assert self._case is not None and self._case.id is not None
        try:
            return self._journal.get(Reporter, self._case.id)
        except NotFoundError:
            return Reporter(case_id=self._case.id)

    def _show_intake(self) -> None:
        assert self._case is not None
        self.intake_editor.show(CaseAndReporter(self._case, self._reporter()))

    def _update_header(self) -> None:
        if self._case is None:
            return
        self._show_header(self._case)
        self._update_counts()

    def _update_counts(self) -> None:
        case_id = self._case_id_or_none()
        count = self.conversations.count()
        self.tabs.setTabText(
            Tab.CONVERSATIONS,
            self.tr("Gesprekken (%1)").replace("%1", str(count))
            if count
            else self.tr("Gesprekken"),
        )
        links = self.links.count()
        self.tabs.setTabText(
            Tab.LINKS,
            self.tr("Gekoppeld (%1)").replace("%1", str(links)) if links else self.tr("Gekoppeld"),
        )
        if case_id is None:
            return
        total = self._journal.minutes_of_case(case_id)
        talks = self.conversations.minutes()
        self.time_summary.setText(
            self.tr("Bestede tijd aan deze melding: <b>%1</b> — gesprekken %2, overige tijd %3.")
            .replace("%1", minutes_text(total))
            .replace("%2", minutes_text(talks))
            .replace("%3", minutes_text(total - talks))
        )

    # -- saving -----------------------------------------------------------------------------

    def save_pending(self) -> None:
        if self._case is None:
            return
        if self._close_dialog is not None and self._close_dialog.outcome.code() is not None:
            self._close_dialog.accept()  # before a lock: a chosen outcome is not thrown away
        # Each writes what it can; a disk that refuses stops none of the others.
        failure: VaultError | None = None
        for save in (self.intake_editor.save_pending, self.conversations.save_pending):
            try:
                save()
            except VaultError as error:
                failure = failure or error
        for panel in self._panels():
            try:
                panel.save_pending()
            except VaultError as error:
                failure = failure or error
        if failure is not None:
            raise failure

    def restore_drafts(self) -> None:
        """After an unlock: what a lock kept because it could not be stored yet."""
        if self._case is None or self._case.id is None:
            return
        case_id = self._case.id
        self.intake_editor.restore_draft(belongs=lambda typed: typed.case.id == case_id)
        self.conversations.restore_draft()
        for panel in self._panels():
            panel.restore_draft(self._case.id)

    def _intake_stored(self, record: CaseAndReporter) -> None:
        previous = self._case
        self._case = record.case
        self._update_header()
        if previous is not None and previous.organisation_id != record.case.organisation_id:
            # Follow-ups and time moved along with the case; show what the journal did.
            for panel in (self.follow_ups, self.time_entries):
                panel.reset()
                panel.reload()
        self.saved.emit("cases")

    def _conversation_saved(self) -> None:
        self._follow_reopening()
        self._update_counts()
        self.saved.emit("conversations")

    def _record_saved(self, kind: str) -> None:
        self._follow_reopening()
        self._update_counts()
        self.saved.emit(kind)

    def _follow_reopening(self) -> None:
        # New activity re-opens a closed case (core/journal.py); show it in the header.
        if self._case is None or self._case.id is None or self._case.status != "closed":
            return
        case = self._journal.get(Case, self._case.id)
        if case.status != self._case.status:
            self._case = case
            self._update_header()
            self.saved.emit("cases")

    # -- actions ----------------------------------------------------------------------------

    def _open_linked(self, case_id: int) -> None:
        self.save_pending()
        self.open_requested.emit(case_id)

    def _copy_number(self) -> None:
        if self._case is not None:
            copy_secret(self._case.number)

    def _aftercare_clicked(self, checked: bool) -> None:
        if self._case is None or self._case.id is None:
            return
        self.intake_editor.save()
        status = "aftercare" if checked else "open"
        case = replace(self._journal.get(Case, self._case.id), status=status)
        self._journal.update(case)
        self._case = case
        self._show_intake()
        self._update_header()
        self.saved.emit("cases")

    def close_case(self) -> CloseCaseDialog | None:
        """Ask how the case ended (window-modal, not blocking) and close it on OK."""
        if self._case is None or self._case.id is None:
            return None
        self.save_pending()
        dialog = CloseCaseDialog(self._journal, self._case.id, self)
        dialog.accepted.connect(lambda: self._closed(dialog.closed))
        dialog.finished.connect(self._close_dialog_finished)
        dialog.finished.connect(dialog.deleteLater)
        self._close_dialog = dialog
        dialog.open()
        return dialog

    def _close_dialog_finished(self) -> None:
        self._close_dialog = None

    def _closed(self, case: Case | None) -> None:
        if case is None or self._case is None or case.id != self._case.id:
            return
        self._case = case
        self._show_intake()
        self._update_header()
        self.saved.emit("cases")

    def reopen_case(self) -> None:
        if self._case is None or self._case.id is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Melding heropenen"),
            self.tr("Deze melding weer openen? De afsluitdatum en uitkomst vervallen."),
        ):
            return
        self.save_pending()
        self._case = self._journal.reopen_case(self._case.id)
        self._show_intake()
        self._update_header()
        self.saved.emit("cases")

    def wipe_reporter(self) -> None:
        if self._case is None or self._case.id is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Gegevens van de melder wissen"),
            self.tr(
                "Naam, bereikbaarheid en notities over de melder definitief wissen? "
                "De melding zelf en de gesprekken blijven bewaard. Reservekopieën die u "
                "eerder maakte, bevatten deze gegevens nog tot ze worden opgeruimd."
            ),
        ):
            return
        self.intake_editor.save()
        wipe_reporter_identity(self._journal, self._case.id, today=date.today())
        # Nothing to go back to: an undo must never bring the wiped details back.
        self.intake_editor.show(None)
        self._show_intake()
        self._session.report_saved(None)
        self.saved.emit("cases")

    def _retention_changed(self) -> None:
        self.reload()
        self.saved.emit("cases")

    def _destroyed(self) -> None:
        if self._case is None:
            return
        number = self._case.number
        # Nothing of it to go back to: an undo must never write destroyed text again.
        self.intake_editor.show(None)
        self._session.report_saved(None)
        self.show_case(self._case.id)  # re-read: what is left is shown, nothing to save
        self.saved.emit("cases")
        from ..settings.key_dialogs import rekey_why

        if dialogs.ask(
            self,
            self.tr("Melding vernietigd"),
            self.tr(
                "Melding %1 is vernietigd. Maak binnenkort een nieuwe reservekopie, zodat "
                "oudere reservekopieën met deze melding op den duur worden opgeruimd."
            ).replace("%1", number)
            + "\n\n"
            + self.tr("Wilt u nu ook een nieuwe sleutel maken?")
            + " "
            + rekey_why(),
        ):
            self.key_renewal_requested.emit()

    def print_summary(self) -> Path | None:
        """The whole case as a PDF for the VP's own file."""
        if self._case is None or self._case.is_destroyed:
            return None
        self.save_pending()
        return save_case_summary(self, self._journal, self._case, self.retention.today)

    def intervision(self) -> IntervisionDialog | None:
        """The case, anonymised, for peer consultation (window-modal, not blocking)."""
        if self._case is None or self._case.is_destroyed:
            return None
        self.save_pending()
        dialog = IntervisionDialog(self._journal, self._case, self.retention.today, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def access_export(self) -> AccessExportDialog | None:
        """Choose what the reporter's copy holds (window-modal, not blocking)."""
        if self._case is None or self._case.is_destroyed:
            return None
        self.save_pending()
        dialog = AccessExportDialog(self._journal, self._case, self.retention.today, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- where the VP was -------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "tab": self.tabs.currentIndex(),
            "structure": self.conversations.editor.show_structure.isChecked(),
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
        structure = state.get("structure")
        if isinstance(structure, bool):
            self.conversations.editor.show_structure.setChecked(structure)
