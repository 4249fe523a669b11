"""The Organisaties screen: the VP's clients, their departments and who to refer people to.

The list on top, the chosen organisation below in three tabs: its details, its referral
contacts (what the VP looks up during a conversation), its departments. Every form saves by
itself as the VP types (common/editor.py), as on every record screen.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.fields import ValidationError
from ...core.journal import NotFoundError
from ...core.models import Organisation
from ..common.binding import FormBinding
from ..common.editor import RecordEditor
from ..common.inputs import line_edit, number_edit, optional_number_edit, text_edit
from ..common.page import Page
from ..common.record_form import Banner, heading, intro, validation_text
from ..common.record_page import fit_columns
from ..common.record_table import FitToWidth, record_table, select_row
from ..models.record_table_model import Column, RecordSortModel, RecordTableModel
from ..session import Session
from .contacts import ContactsPanel
from .departments import DepartmentsPanel

DETAILS_TAB, CONTACTS_TAB, DEPARTMENTS_TAB = range(3)


@dataclass(frozen=True)
class OrganisationRow:
    organisation: Organisation
    open_cases: int

    @property
    def id(self) -> int | None:
        return self.organisation.id


class OrganisationsPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._sync_depth = 0
        self._wanted: dict[str, Any] = {}

        self.new_button = QPushButton(self.tr("&Nieuwe organisatie"))
        self.show_archived = QCheckBox(self.tr("Ook ge&archiveerde organisaties tonen"))
        self.model: RecordTableModel[OrganisationRow] = RecordTableModel(self._columns(), self)
        self.proxy = RecordSortModel(self.model, self)
        self.table = record_table(self.proxy, self.tr("Organisaties"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fitter = FitToWidth(self.table, 0)
        self._fitted = False
        self.empty_label = QLabel(
            self.tr(
                "U heeft nog geen organisaties. Met ‘Nieuwe organisatie’ legt u uw eerste "
                "opdrachtgever vast."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        self.contacts = ContactsPanel(session)
        self.departments = DepartmentsPanel(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_details(), self.tr("Gegevens"))
        self.tabs.addTab(self.contacts, self.tr("Doorverwijzen"))
        self.tabs.addTab(self.departments, self.tr("Afdelingen"))
        self.placeholder = QLabel(self.tr("Kies een organisatie in de lijst."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details_stack = QStackedWidget()
        self.details_stack.addWidget(self.placeholder)
        self.details_stack.addWidget(self.tabs)

        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 6)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addSpacing(12)
        actions.addWidget(self.show_archived)
        actions.addStretch(1)
        top_box.addLayout(actions)
        top_box.addWidget(self.list_stack, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.details_stack)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        session.layout.splitter(splitter, "organisations", [200, 460])

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Organisaties")))
        layout.addWidget(
            intro(
                self.tr(
                    "Uw opdrachtgevers, met hun afdelingen en de mensen naar wie u kunt "
                    "doorverwijzen."
                )
            )
        )
        layout.addWidget(splitter, 1)
        self._wire()
        self.refresh()

    def _columns(self) -> list[Column[OrganisationRow]]:
        def years(row: OrganisationRow) -> str:
            count = row.organisation.retention_years
            text = self.tr("1 jaar") if count == 1 else self.tr("%1 jaar")
            return text.replace("%1", str(count))

        def name(row: OrganisationRow) -> str:
            if row.organisation.archived:
                return self.tr("%1 (gearchiveerd)").replace("%1", row.organisation.name)
            return row.organisation.name

        employees = self.tr("Medewerkers")
        return [
            Column(self.tr("Naam"), name, lambda r: r.organisation.name.casefold()),
            Column(
                employees,
                lambda r: (
                    ""
                    if r.organisation.employee_count is None
                    else str(r.organisation.employee_count)
                ),
                lambda r: r.organisation.employee_count or -1,
                numeric=True,
            ),
            Column(self.tr("Sector"), lambda r: r.organisation.sector),
            Column(self.tr("Bewaartermijn"), years, lambda r: r.organisation.retention_years),
            Column(
                self.tr("Lopende meldingen"),
                lambda r: str(r.open_cases),
                lambda r: r.open_cases,
                numeric=True,
            ),
        ]

    def _build_details(self) -> QWidget:
        self.binding = FormBinding(Organisation, self)
        bind = self.binding.bind
        self.name_field = bind("name", line_edit(self.tr("Naam van de organisatie")))
        self.employees_field = bind(
            "employee_count", optional_number_edit(self.tr("Aantal medewerkers"), 1_000_000)
        )
        self.sector_field = bind("sector", line_edit(self.tr("Sector")))
        self.sector_field.setPlaceholderText(self.tr("Bijvoorbeeld: zorg, onderwijs, overheid"))
        self.retention_field = bind(
            "retention_years",
            number_edit(self.tr("Bewaartermijn in jaren"), 30, suffix=self.tr(" jaar")),
        )
        retention_help = QLabel(
            self.tr(
                "Zoveel jaar na het afsluiten van een melding is het dossier aan vernietiging "
                "toe. Het scherm Vandaag laat u dat op tijd zien; er wordt niets vernietigd "
                "zonder uw bevestiging. Alleen anonieme telgegevens voor het jaarverslag "
                "blijven over. Een andere termijn geldt ook voor meldingen die al zijn "
                "afgesloten."
            )
        )
        retention_help.setWordWrap(True)
        self.retention_field.setAccessibleDescription(retention_help.text())
        self.archived_field = bind(
            "archived", QCheckBox(self.tr("Gearchiveerd: geen opdrachtgever meer"))
        )
        self.archived_field.setAccessibleName(self.tr("Gearchiveerd"))
        self.notes_field = bind("notes", text_edit(self.tr("Notities over de organisatie"), 6))

        retention = QWidget()
        retention_box = QVBoxLayout(retention)
        retention_box.setContentsMargins(0, 0, 0, 0)
        retention_box.addWidget(self.retention_field)
        retention_box.addWidget(retention_help)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Naam:"), self.name_field)
        form.addRow(self.tr("Medewerkers:"), self.employees_field)
        form.addRow(self.tr("Sector:"), self.sector_field)
        form.addRow(self.tr("Bewaartermijn:"), retention)
        form.addRow("", self.archived_field)
        notes = QVBoxLayout()
        notes_label = QLabel(self.tr("Notities:"))
        notes_label.setBuddy(self.notes_field)
        notes.addWidget(notes_label)
        notes.addWidget(self.notes_field, 1)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addSpacing(12)
        columns.addLayout(notes, 1)

        self.message = Banner("error")
        self.editor = RecordEditor(
            self.session,
            self.binding,
            self.message,
            kind="organisations",
            describe=lambda o: self.tr("de gegevens van ‘%1’").replace("%1", o.name or "…"),
            draft_key="organisations",
            on_invalid=self._invalid,
            parent=self,
        )
        saving_hint = QLabel(self.tr("Wijzigingen worden vanzelf bewaard."))
        saving_hint.setObjectName("hint")
        hint_row = QHBoxLayout()
        hint_row.addStretch(1)
        hint_row.addWidget(saving_hint)

        fields = QWidget()
        box = QVBoxLayout(fields)
        box.addLayout(columns, 1)
        box.addWidget(self.message)
        box.addLayout(hint_row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take focus, not the frame
        scroll.setWidget(fields)
        return scroll

    def _wire(self) -> None:
        self.new_button.clicked.connect(self.new_organisation)
        self.show_archived.toggled.connect(self._archived_toggled)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._go_to_details)
        self.editor.stored.connect(self._stored)
        self.contacts.changed.connect(lambda: self.session.notify("organisations"))
        self.departments.changed.connect(lambda: self.session.notify("organisations"))
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save_shortcut)
        chain = [self.new_button, self.show_archived, self.table, self.tabs]
        chain += [self.name_field, self.employees_field, self.sector_field]
        chain += [self.retention_field, self.archived_field, self.notes_field]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- Page -----------------------------------------------------------------------------

    def refresh(self) -> None:
        wanted, self._wanted = self._wanted, {}
        with self._syncing():
            if "archived" in wanted:
                self.show_archived.setChecked(bool(wanted["archived"]))
            rows = self._rows()
            self.model.set_records(rows)
            if rows and not self._fitted:
                self._fitted = True
                fit_columns(self.table, stretch=0, widest=240)
                self.fitter.remember()
            self.list_stack.setCurrentWidget(self.table if rows else self.empty_label)
            current = self.current
            if "selected" in wanted:
                self._open(wanted["selected"], contact=wanted.get("contact"))
            elif current is not None and current.id is None:
                self._select(None)  # a new organisation being typed stays in the form
            elif current is not None and self.model.row_of(current.id) >= 0:
                if not self.is_dirty():
                    self._open(current.id, contact=self.contacts.selected_id())
                self._select(current.id)
            else:
                self._open(self.proxy.id_at(0) if rows else None)
            if "tab" in wanted and self.tabs.isTabEnabled(int(wanted["tab"])):
                self.tabs.setCurrentIndex(int(wanted["tab"]))

    def save_pending(self) -> None:
        self.editor.save_pending()
        self.contacts.save_pending()
        self.departments.save_pending()

    def state(self) -> dict[str, Any]:
        current = self.current
        return {
            "selected": current.id if current is not None else None,
            "archived": self.show_archived.isChecked(),
            "tab": self.tabs.currentIndex(),
            "contact": self.contacts.selected_id(),
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        self._wanted = dict(state)
        self.refresh()
        self.editor.restore_draft(show=self._show)  # what a lock kept, not stored yet
        self.contacts.restore_draft()
        self.departments.restore_draft()

    # -- editing --------------------------------------------------------------------------

    @property
    def current(self) -> Organisation | None:
        current: Organisation | None = self.editor.current
        return current

    def is_dirty(self) -> bool:
        return self.editor.is_dirty()

    def new_organisation(self) -> None:
        if not self._leave_current():
            return
        self._show(Organisation())
        self.name_field.setFocus()

    def save(self) -> bool:
        """Write the details now (Ctrl+S); on a problem, say what it is beside the form."""
        return self.editor.save()

    def _invalid(self, problem: ValidationError) -> None:
        self.tabs.setCurrentIndex(DETAILS_TAB)
        self.message.show_message(validation_text(problem))
        widget = self.binding.widget_for(problem)
        if widget is not None:
            widget.setFocus()

    def _stored(self, organisation: Organisation) -> None:
        was_new = not self.tabs.isTabEnabled(CONTACTS_TAB)
        with self._syncing():
            if self.show_archived.isChecked() or not organisation.archived:
                self.model.put(OrganisationRow(organisation, self._open_cases(organisation.id)))
            self.list_stack.setCurrentWidget(self.table)
            self._select(organisation.id)
        if was_new:
            self._panels_for(organisation.id)

    # -- internals ------------------------------------------------------------------------

    @contextlib.contextmanager
    def _syncing(self) -> Iterator[None]:
        self._sync_depth += 1
        try:
            yield
        finally:
            self._sync_depth -= 1

    def _rows(self) -> list[OrganisationRow]:
        include = self.show_archived.isChecked()
        counts = self._open_case_counts()
        return [
            OrganisationRow(organisation, counts.get(organisation.id or 0, 0))
            for organisation in self.session.journal.organisations(include_archived=include)
        ]

    def _open_case_counts(self) -> dict[int, int]:
        return self.session.journal.open_cases_per_organisation()

    def _open_cases(self, organisation_id: int | None) -> int:
        return self._open_case_counts().get(organisation_id or 0, 0)

    def _leave_current(self) -> bool:
        if not self.editor.leave():
            self.tabs.setCurrentIndex(DETAILS_TAB)
            return False
        if not self.contacts.leave():
            self.tabs.setCurrentIndex(CONTACTS_TAB)
            return False
        if not self.departments.leave():
            self.tabs.setCurrentIndex(DEPARTMENTS_TAB)
            return False
        return True

    def _save_shortcut(self) -> None:
        if self.tabs.currentIndex() == CONTACTS_TAB:
            self.contacts.save()
        elif self.tabs.currentIndex() == DEPARTMENTS_TAB:
            self.departments.save()
        else:
            self.save()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._sync_depth:
            return
        target = self.proxy.id_at(current.row()) if current.isValid() else None
        shown = self.current
        if shown is not None and target == shown.id:
            return
        if not self._leave_current():
            self._select(shown.id if shown is not None else None)
            return
        self._open(target)

    def _archived_toggled(self, checked: bool) -> None:
        if self._sync_depth:
            return
        if not self._leave_current():
            with self._syncing():
                self.show_archived.setChecked(not checked)
            return
        self.refresh()

    def _go_to_details(self) -> None:
        panel = {CONTACTS_TAB: self.contacts.table, DEPARTMENTS_TAB: self.departments.list}
        panel.get(self.tabs.currentIndex(), self.name_field).setFocus()

    def _open(self, organisation_id: int | None, contact: int | None = None) -> None:
        organisation = None
        if organisation_id is not None:
            with contextlib.suppress(NotFoundError):
                organisation = self.session.journal.get(Organisation, organisation_id)
        self._show(organisation, contact)

    def _show(self, organisation: Organisation | None, contact: int | None = None) -> None:
        self.editor.show(organisation)
        if organisation is None:
            self.details_stack.setCurrentWidget(self.placeholder)
        else:
            self.details_stack.setCurrentWidget(self.tabs)
        organisation_id = organisation.id if organisation is not None else None
        self._panels_for(organisation_id, contact)
        self._select(organisation_id)

    def _panels_for(self, organisation_id: int | None, contact: int | None = None) -> None:
        stored = organisation_id is not None
        self.tabs.setTabEnabled(CONTACTS_TAB, stored)
        self.tabs.setTabEnabled(DEPARTMENTS_TAB, stored)
        if not stored:
            self.tabs.setCurrentIndex(DETAILS_TAB)
        hint = "" if stored else self.tr("Geef de organisatie eerst een naam.")
        self.tabs.setTabToolTip(CONTACTS_TAB, hint)
        self.tabs.setTabToolTip(DEPARTMENTS_TAB, hint)
        self.contacts.set_organisation(organisation_id, select=contact)
        self.departments.set_organisation(organisation_id)

    def _select(self, organisation_id: int | None) -> None:
        with self._syncing():
            select_row(self.table, self.proxy.row_of(organisation_id))
