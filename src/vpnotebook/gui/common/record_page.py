"""The list-and-form screen shared by Voorlichting, Signalen en advies and Tijd.

Filters (organisation, year) on top, the records of that choice on the left, the chosen record
in a form on the right. The form saves by itself as the VP types (common/editor.py), and when
the VP leaves the record: choosing another one, changing a filter, another screen, a lock.
Ctrl+S writes at once. If the edit cannot be stored, the VP stays on it and reads why beside
the form; nothing typed is thrown away.

Subclasses say what they show (texts, columns, extra form rows, a blank record). Strings of
this base class use the fixed context "RecordPage" rather than self.tr(), because PySide6's
tr() would look them up under the subclass's name.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import NotFoundError
from ...core.models import TABLES
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.page import Page
from ..models.record_table_model import Column, RecordSortModel, RecordTableModel
from ..session import Session
from .binding import FormBinding
from .editor import RecordEditor
from .inputs import OrganisationCombo, date_edit, find_data
from .record_form import Banner, heading, intro, validation_text
from .record_table import FitToWidth, record_table, select_row


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordPage", text)


@dataclass(frozen=True)
class PageTexts:
    title: str
    intro: str
    new: str  # the button that starts a new record, with its mnemonic
    list_name: str  # accessible name of the table
    empty: str  # the list has nothing for this choice of filters
    placeholder: str  # nothing chosen yet
    delete_title: str
    delete_question: str  # %1 = describe(record)


class RecordPage(Page):
    ENTITY: ClassVar[type]
    NOTIFY: ClassVar[str]
    DATE_FIELD: ClassVar[str]
    STRETCH_COLUMN: ClassVar[int] = 2
    # Hidden while the list shows one organisation: every row would repeat its name.
    ORGANISATION_COLUMN: ClassVar[int] = 1

    # -- what a screen supplies -----------------------------------------------------------

    def texts(self) -> PageTexts:
        raise _must_override(self)

    def columns(self) -> list[Column[Any]]:
        raise _must_override(self)

    def build_form(self, form: QFormLayout) -> None:
        """Add the rows after Organisatie and Datum, binding each input with self.binding."""
        raise _must_override(self)

    def blank(self, organisation_id: int | None) -> Any:
        raise _must_override(self)

    def describe(self, record: Any) -> str:
        raise _must_override(self)

    def compose(self, body: QWidget) -> QWidget:
        """Where the list and form go below the filters; a screen may add tabs around them."""
        return body

    def reloaded(self) -> None:
        """Called after every refresh, for whatever else a screen shows."""

    # -- building -------------------------------------------------------------------------

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._filters: tuple[int | None, int | None] = (None, None)
        self._sync_depth = 0
        self._wanted: dict[str, Any] | None = None
        self._fitted = False  # columns are sized to their content once, then left to the VP
        self.names: dict[int, str] = {}
        texts = self._texts = self.texts()

        self.organisation_filter = OrganisationCombo(
            _tr("Toon organisatie"), all_label=_tr("Alle organisaties")
        )
        self.year_filter = QComboBox()
        self.year_filter.setAccessibleName(_tr("Toon jaar"))
        organisation_label = QLabel(_tr("&Organisatie:"))
        organisation_label.setBuddy(self.organisation_filter)
        year_label = QLabel(_tr("&Jaar:"))
        year_label.setBuddy(self.year_filter)
        filters = QHBoxLayout()
        filters.addWidget(organisation_label)
        filters.addWidget(self.organisation_filter, 2)
        filters.addSpacing(12)
        filters.addWidget(year_label)
        filters.addWidget(self.year_filter)
        filters.addStretch(3)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(self._build_list(texts))
        body.addWidget(self._build_form(texts))
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        session.layout.splitter(body, type(self).__name__.lower(), [700, 420])

        layout = QVBoxLayout(self)
        layout.addWidget(heading(texts.title))
        layout.addWidget(intro(texts.intro))
        layout.addLayout(filters)
        layout.addWidget(self.compose(body), 1)

        self._wire()
        self.refresh()

    def _build_list(self, texts: PageTexts) -> QWidget:
        self.new_button = QPushButton(texts.new)
        self.model: RecordTableModel[Any] = RecordTableModel(self.columns(), self)
        self.proxy = RecordSortModel(self.model, self)
        self.table = record_table(self.proxy, texts.list_name, order=Qt.SortOrder.DescendingOrder)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.fitter = FitToWidth(self.table, self.STRETCH_COLUMN)

        self.empty_label = QLabel(texts.empty)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setContentsMargins(12, 12, 12, 12)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.linkActivated.connect(self.session.page_requested.emit)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        pane = QWidget()
        box = QVBoxLayout(pane)
        box.setContentsMargins(0, 0, 6, 0)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.list_stack, 1)
        return pane

    def _build_form(self, texts: PageTexts) -> QWidget:
        self.binding = FormBinding(self.ENTITY, self)
        self.organisation_field = self.binding.bind(
            "organisation_id",
            OrganisationCombo(_tr("Organisatie"), placeholder=_tr("Kies een organisatie")),
        )
        self.date_field = self.binding.bind(self.DATE_FIELD, date_edit(_tr("Datum")))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(_tr("Organisatie:"), self.organisation_field)
        self.form.addRow(_tr("Datum:"), self.date_field)
        self.build_form(self.form)
        fields = QWidget()
        fields.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take focus, not the frame
        scroll.setWidget(fields)

        self.placeholder = QLabel(texts.placeholder)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setContentsMargins(24, 24, 24, 24)
        self.form_stack = QStackedWidget()
        self.form_stack.addWidget(self.placeholder)
        self.form_stack.addWidget(scroll)

        self.message = Banner("error")
        self.editor = RecordEditor(
            self.session,
            self.binding,
            self.message,
            kind=self.NOTIFY,
            describe=self.describe,
            draft_key=TABLES[self.ENTITY],
            parent=self,
        )
        self.saving_hint = QLabel(_tr("Wijzigingen worden vanzelf bewaard."))
        self.saving_hint.setObjectName("hint")
        self.delete_button = QPushButton(_tr("&Verwijderen"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.saving_hint)

        pane = QWidget()
        box = QVBoxLayout(pane)
        box.setContentsMargins(6, 0, 0, 0)
        box.addWidget(self.form_stack, 1)
        box.addWidget(self.message)
        box.addLayout(buttons)
        return pane

    def _wire(self) -> None:
        self.organisation_filter.currentIndexChanged.connect(self._filters_changed)
        self.year_filter.currentIndexChanged.connect(self._filters_changed)
        self.new_button.clicked.connect(self.new_record)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(lambda _index: self.organisation_field.setFocus())
        self.editor.stored.connect(self._stored)
        self.delete_button.clicked.connect(self.delete)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete)
        chain = [self.organisation_filter, self.year_filter, self.new_button, self.table]
        chain += self.binding.widgets()
        chain += [self.delete_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- Page -----------------------------------------------------------------------------

    def refresh(self) -> None:
        with self._syncing():
            wanted, self._wanted = self._wanted or {}, None
            dirty = self.is_dirty()
            current = self.editor.current
            edited = self.binding.read(current) if dirty else current
            organisations = self.session.journal.organisations()
            self.names = {o.id: o.name for o in organisations if o.id is not None}
            self.organisation_filter.fill(
                organisations, keep=wanted.get("organisation", self._filters[0])
            )
            self._fill_years(wanted.get("year", self._filters[1]))
            self._filters = (self.organisation_filter.selected(), self.year_filter.currentData())
            with self.binding.quiet():
                self.organisation_field.fill(
                    organisations, keep=edited.organisation_id if edited else None
                )
                self.refill_choices(edited)
            self._reload_list()
            if "selected" in wanted:
                self._open(wanted["selected"])
            elif current is not None and current.id is not None and not dirty:
                self._reopen()
            else:
                self._select(current.id if current is not None else None)
            self._update_buttons()
        self.reloaded()

    def save_pending(self) -> None:
        self.editor.save_pending()

    def state(self) -> dict[str, Any]:
        current = self.editor.current
        return {
            "organisation": self._filters[0],
            "year": self._filters[1],
            "selected": current.id if current is not None else None,
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        self._wanted = {k: state[k] for k in ("organisation", "year", "selected") if k in state}
        self.refresh()
        # What a lock kept because it could not be stored yet: back in the form.
        self.editor.restore_draft(show=self._show)

    def refill_choices(self, edited: Any) -> None:
        """Refill form pickers that depend on stored records, keeping the value in `edited`."""

    # -- editing --------------------------------------------------------------------------

    @property
    def current(self) -> Any:
        return self.editor.current

    @property
    def filters(self) -> tuple[int | None, int | None]:
        """The organisation and year the list shows; None is "all"."""
        return self._filters

    def is_dirty(self) -> bool:
        return self.editor.is_dirty()

    def new_record(self) -> None:
        if not self.editor.leave():
            return
        organisation = self.organisation_filter.selected()
        if organisation is None and len(self.names) == 1:
            organisation = next(iter(self.names))
        self._show(self.blank(organisation))
        first = self.organisation_field if organisation is None else self.date_field
        first.setFocus()

    def save(self) -> bool:
        """Write the form now (Ctrl+S); on a problem, say what it is beside the form."""
        return self.editor.save()

    def _stored(self, stored: Any) -> None:
        with self._syncing():
            self.model.put(stored)
            self._update_empty()
            self._select(stored.id)
        self._update_buttons()

    def delete(self) -> None:
        record = self.editor.current
        if record is None:
            return
        if record.id is None:
            if self.is_dirty() and not dialogs.ask(
                self,
                _tr("Invoer weggooien"),
                _tr("Wat u hier nieuw invoerde, is nog niet opgeslagen. Wilt u het weggooien?"),
            ):
                return
            self.editor.discard()
            self._show(None)
            return
        question = self._texts.delete_question.replace("%1", self.describe(record))
        if not dialogs.ask(self, self._texts.delete_title, question):
            return
        self.editor.discard()
        try:
            self.session.journal.delete(self.ENTITY, record.id)
        except VaultError as problem:
            self.message.show_message(validation_text(problem))
            return
        with self._syncing():
            self.model.drop(record.id)
            self._update_empty()
        self._show(None)
        self.session.notify(self.NOTIFY)

    # -- internals ------------------------------------------------------------------------

    @contextlib.contextmanager
    def _syncing(self) -> Iterator[None]:
        """Selection and filter changes made by the program are not the VP's navigation."""
        self._sync_depth += 1
        try:
            yield
        finally:
            self._sync_depth -= 1

    def _leave_current(self) -> bool:
        return self.editor.leave()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._sync_depth:
            return
        target = self.proxy.id_at(current.row()) if current.isValid() else None
        if not self._leave_current():
            shown = self.editor.current
            self._select(shown.id if shown is not None else None)
            return
        self._open(target)

    def _filters_changed(self) -> None:
        if self._sync_depth:
            return
        previous = self._filters
        # Set before saving: the save's notification refreshes this page, with these filters.
        self._filters = (self.organisation_filter.selected(), self.year_filter.currentData())
        if not self._leave_current():
            self._filters = previous
            with self._syncing():
                self.organisation_filter.select(previous[0])
                self.year_filter.setCurrentIndex(find_data(self.year_filter, previous[1]))
            return
        self.organisation_filter.setToolTip(self.organisation_filter.currentText())
        with self._syncing():
            self._reload_list()
        current = self.editor.current
        if current is not None and current.id is not None and self.model.row_of(current.id) < 0:
            self._show(None)
        self.reloaded()

    def _fill_years(self, keep: int | None) -> None:
        years = set(self.years())
        if keep is not None:
            years.add(keep)
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(_tr("Alle jaren"), None)
        for year in sorted(years, reverse=True):
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(find_data(self.year_filter, keep), 0))
        self.year_filter.blockSignals(False)

    def years(self) -> list[int]:
        return [*self.session.journal.years_of(self.ENTITY), date.today().year]

    def _query(self) -> list[Any]:
        organisation, year = self._filters
        return self.session.journal.records_of(self.ENTITY, organisation_id=organisation, year=year)

    def _reload_list(self) -> None:
        self.model.set_records(self._query())
        self.table.setColumnHidden(self.ORGANISATION_COLUMN, self._filters[0] is not None)
        if not self._fitted and self.model.rowCount():
            self._fitted = True
            fit_columns(self.table, self.STRETCH_COLUMN)
            self.fitter.remember()
        self._update_empty()
        current = self.editor.current
        self._select(current.id if current is not None else None)

    def _update_empty(self) -> None:
        if not self.names:
            self.empty_label.setText(
                _tr(
                    "Er is nog geen organisatie vastgelegd. Leg eerst een opdrachtgever vast "
                    'onder <a href="organisations">Organisaties</a>.'
                )
            )
        else:
            self.empty_label.setText(self._texts.empty)
        self.new_button.setEnabled(bool(self.names))
        self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty_label)

    def _open(self, record_id: int | None) -> None:
        record: Any = None
        if record_id is not None:
            with contextlib.suppress(NotFoundError):
                record = self.session.journal.get(self.ENTITY, record_id)
        self._show(record)

    def _reopen(self) -> None:
        """Show the stored version of the record in the form, if it changed or went away."""
        current = self.editor.current
        fresh: Any = None
        with contextlib.suppress(NotFoundError):
            fresh = self.session.journal.get(self.ENTITY, current.id)
        if fresh != current:
            self._show(fresh)
        else:
            self._select(fresh.id)

    def _show(self, record: Any) -> None:
        self.editor.show(record)
        if record is None:
            self.form_stack.setCurrentWidget(self.placeholder)
        else:
            self.form_stack.setCurrentIndex(1)
        with self._syncing():
            self._select(record.id if record is not None else None)
        self._update_buttons()

    def _select(self, record_id: int | None) -> None:
        with self._syncing():
            select_row(self.table, self.proxy.row_of(record_id))

    def _update_buttons(self) -> None:
        shown = self.editor.current is not None
        self.delete_button.setEnabled(shown)
        self.saving_hint.setVisible(shown)


def fit_columns(table: QTableView, stretch: int, widest: int = 160) -> None:
    """Size columns to their content, but no text column wider than `widest` pixels."""
    for column in range(table.model().columnCount()):
        if column == stretch:
            continue
        table.resizeColumnToContents(column)
        table.setColumnWidth(column, min(table.columnWidth(column), widest))


def _must_override(page: object) -> TypeError:
    # Each screen (outreach, signals, time) supplies these; reaching here is a programming error.
    return TypeError(f"{type(page).__name__} must supply this part of its record page")
