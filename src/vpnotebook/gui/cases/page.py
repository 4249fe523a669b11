"""The Meldingen screen: the case list with its filters above, the open case below.

The list is read in two steps the first time: the first screenful, painted at once, then the
rest from a zero timer after that paint (10,000 cases take a couple of hundred milliseconds to
read and prepare). The hidden case pane is built after that paint too. From then on the page
re-reads the list only when `session.changed` said records changed; switching to it
otherwise only paints.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...core.journal import CaseSummary
from ...core.models import Case
from ..common import dialogs
from ..common.labels import current_language
from ..common.page import Page
from ..models.case_list_model import (
    CaseFilter,
    CaseFilterProxy,
    CaseListModel,
    Column,
)
from ..session import Session
from .case_view import CaseView, Tab
from .filter_bar import CaseFilterBar
from .intake_dialog import IntakeDialog

# The first read: more rows than the tallest window shows (about 80), yet only a millisecond
# or two to read and prepare.
FIRST_ROWS = 100
# Looked up once: the event filter sees every event of the list's viewport.
_RESIZE = QEvent.Type.Resize
_PAINT = QEvent.Type.Paint


class CasesPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._syncing = False  # selection changes made by the program, not by the VP
        self._own_change = False  # a refresh caused by our own save
        self._refreshed = False
        self._row_updated = False  # our own save is in its row: not a reason to re-read
        self._loaded = False  # the list was read at least once
        self._stale = False  # records changed since the list was read
        # Shown with a stale list: paint it as it was, re-read right after that paint.
        self._reread_after_paint = False
        # The model holds only the first rows; the rest follows the first paint.
        self._rest_pending = False
        self._painted = False
        self._case_count = 0  # all cases, while only the first rows are in the model
        self._intake: IntakeDialog | None = None
        self.model = CaseListModel(self)
        self.proxy = CaseFilterProxy(self.model, self)

        # -- filters ----------------------------------------------------------------------
        self.new_button = QPushButton(self.tr("Nieuwe melding"))
        self.new_button.setToolTip(self.tr("Nieuwe melding (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_case)
        self.filter_bar = CaseFilterBar(self.new_button)
        bar = self.filter_bar
        # The filter widgets by name, as the page has always offered them.
        self.search = bar.search
        self.organisation_filter, self.year_filter = bar.organisation_filter, bar.year_filter
        self.status_filter, self.category_filter = bar.status_filter, bar.category_filter
        self.clear_button, self.count = bar.clear_button, bar.count

        # -- the list ---------------------------------------------------------------------
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Meldingen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NUMBER, Qt.SortOrder.DescendingOrder)
        self._columns_set_by_hand = False
        self._fitting = False
        self._size_columns()
        self.table.horizontalHeader().sectionResized.connect(self._column_dragged)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty.setFont(font)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        list_pane = QWidget()
        list_layout = QVBoxLayout(list_pane)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(bar)
        list_layout.addWidget(self.list_stack, 1)

        # -- the open case: its pane (see `view`) joins the splitter when first needed ------
        self._view: CaseView | None = None
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(list_pane)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

        bar.changed.connect(self._filters_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.view.tabs.setFocus())
        self.model.modelReset.connect(self._reselect)
        self.model.order_changing.connect(self._load_rest)
        session.changed.connect(self._records_changed)
        # The list shrinks when the case pane appears: keep the open case's row in sight.
        self.table.viewport().installEventFilter(self)
        self.setTabOrder(self.clear_button, self.table)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _RESIZE and watched is self.table.viewport():
            # After the view has updated its scroll bars for the new size, not before.
            # Bound to the table: a page deleted in the same turn (a lock) drops the call.
            QTimer.singleShot(0, self.table, self._keep_current_in_sight)
            QTimer.singleShot(0, self.table, self._fit_columns)
        elif kind == _PAINT and not self._painted:
            # The first rows are being painted: build the case pane, then read the rest of
            # the list, each in its own turn of the event loop once this frame is out.
            self._painted = True
            QTimer.singleShot(0, self.table, self._build_view)
            QTimer.singleShot(0, self.table, self._load_rest)
        elif kind == _PAINT and self._reread_after_paint:
            self._reread_after_paint = False
            QTimer.singleShot(0, self.table, self.refresh)
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        # Coming back after records changed elsewhere: show the list at once as it was and
        # re-read it in the turn after that paint (10,000 rows take a couple of hundred ms).
        # Only when the list itself is on screen: the empty state has no viewport to paint.
        if self._loaded and self._stale and self.list_stack.currentWidget() is self.table:
            self._reread_after_paint = True
        super().showEvent(event)

    @property
    def view(self) -> CaseView:
        """The open case's pane, hidden while no case is open.

        Built after the list's first paint, or earlier when something needs it: it costs
        more to build than the list's first screenful, which is shown without it.
        """
        if self._view is None:
            view = CaseView(self.session)
            if not isValid(self.splitter):
                # The page went while the pane was being built: a deferred build whose
                # window Python's garbage collector deleted meanwhile (seen in tests on
                # 3.12/3.13 with PySide6 6.12). Nothing left to add it to.
                return view
            view.saved.connect(self._notify)
            view.key_renewal_requested.connect(self.session.request_key_renewal)
            view.open_requested.connect(self.open_case)
            view.hide()
            self.splitter.addWidget(view)
            self.splitter.setStretchFactor(1, 3)
            # The list a third, the case the rest, or where the VP last put the divider.
            self.session.layout.splitter(self.splitter, "cases", [200, 500])
            self._view = view
        return self._view

    def _build_view(self) -> None:
        # Now, while the VP looks at the list, rather than when the first case opens.
        if isValid(self.splitter):
            _ = self.view

    def _open_case_id(self) -> int | None:
        case = self._view.case if self._view is not None else None
        return case.id if case is not None else None

    def _names_changed(self) -> None:
        self._measure_names()
        self._fit_columns()

    def _keep_current_in_sight(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def _size_columns(self) -> None:
        """Short fixed columns; organisation and kind as wide as their names (up to a cap);
        the working title, last, takes what is left and is cut off (…) first."""
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(self.table.fontMetrics().horizontalAdvance("M") * 4)
        self._content_widths: dict[int, int] = {}
        self._fit_columns()

    def _fixed_widths(self) -> dict[int, int]:
        metrics = self.table.fontMetrics()
        date_width = metrics.horizontalAdvance("00-00-0000") + 24
        return {
            Column.NUMBER: metrics.horizontalAdvance("0000-000") + 34,
            Column.FIRST_CONTACT: date_width,
            Column.CONTACT_TYPE: metrics.horizontalAdvance("Sparren") + 24,
            Column.STATUS: metrics.horizontalAdvance("Afgesloten") + 24,
            Column.LAST_CONTACT: date_width,
        }

    def _measure_names(self) -> None:
        """The widest organisation and kind in the list (distinct texts only: a handful)."""
        metrics = self.table.fontMetrics()
        for column, cap in ((Column.ORGANISATION, 30), (Column.CATEGORIES, 26)):
            texts = self.model.distinct(column)
            widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            limit = metrics.horizontalAdvance("M") * cap
            self._content_widths[column] = min(widest + 24, limit)

    def _fit_columns(self) -> None:
        if self._columns_set_by_hand:
            return
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        widths: dict[int, int] = dict(self._fixed_widths())
        for column, minimum in ((Column.ORGANISATION, 12), (Column.CATEGORIES, 10)):
            widths[column] = max(
                self._content_widths.get(column, 0), metrics.horizontalAdvance("M") * minimum
            )
        title = metrics.horizontalAdvance("M") * 10
        room = self.table.viewport().width()
        # On a narrow window the least needed columns step aside rather than squeeze the
        # names: first contact, kind of contact, last contact, in that order.
        hidden: set[int] = set()
        for column in (Column.FIRST_CONTACT, Column.CONTACT_TYPE, Column.LAST_CONTACT):
            if room <= 0 or sum(widths.values()) + title <= room:
                break
            hidden.add(column)
            del widths[column]
        # Still too wide (a laptop at 150 %): the names give way too, cut off with "…"; the
        # tooltip shows them whole. Never a sideways scroll bar.
        excess = sum(widths.values()) + title - room
        if room > 0 and excess > 0:
            names = (Column.ORGANISATION, Column.CATEGORIES)
            spare = sum(max(widths[c] - 70, 0) for c in names)
            for column in names:
                give = excess * max(widths[column] - 70, 0) // spare if spare else 0
                widths[column] = max(widths[column] - give, 70)
        self._fitting = True
        try:
            for index in range(self.model.columnCount()):
                self.table.setColumnHidden(index, index in hidden)
            for section, width in widths.items():
                header.resizeSection(section, width)
        finally:
            self._fitting = False

    def _column_dragged(self, index: int, _old: int, _new: int) -> None:
        # The working title stretches by itself with the window: that is no VP's choice.
        if not self._fitting and index != Column.TITLE:
            self._columns_set_by_hand = True

    # -- Page interface ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list in place if records changed since it was read, else only paint.

        The open case is re-read with it, unless our own save caused the refresh.
        """
        if self._loaded and not self._stale and self.model.language == current_language():
            return
        if self._reread_after_paint and self.model.language == current_language():
            return  # the eventFilter calls again once the list as it was is painted
        self._refreshed = True
        first, self._loaded, self._stale = not self._loaded, True, False
        if first:
            self._load_first_rows()
        else:
            self._load_all()
        if not self._own_change and self._view is not None:
            self._view.reload()

    def _records_changed(self, _what: str) -> None:
        if self._row_updated:
            return  # our own save, already shown in its row
        self._stale = True
        # The workspace refreshes the page on screen when records change, but it heard this
        # signal first (it was connected first), while this page did not know yet.
        if self.isVisible():
            self.refresh()

    def _load_first_rows(self) -> None:
        journal = self.session.journal
        first = journal.case_summaries(limit=FIRST_ROWS)
        self._case_count = journal.count(Case) if len(first) == FIRST_ROWS else len(first)
        self._rest_pending = self._case_count > len(first)
        self._load(first)

    @property
    def list_complete(self) -> bool:
        """False while the list holds only its first rows (until just after they are painted)."""
        return not self._rest_pending

    def _load_rest(self) -> None:
        """Complete a list that holds only its first rows (after their paint, or at once
        when a filter, another order or a case outside them needs the whole list)."""
        if self._rest_pending:
            self._load_all()

    def _load_all(self) -> None:
        self._rest_pending = False
        self._load(self.session.journal.case_summaries())

    def _load(self, summaries: list[CaseSummary]) -> None:
        selected = self.selected_case_id()
        with self._program_selection():
            self.model.set_summaries(summaries)
            self._update_filter_choices()
        self._names_changed()
        if selected is not None and self.selected_case_id() != selected:
            self._select(selected)
        self._update_empty_state()

    def save_pending(self) -> None:
        if self._intake is not None:
            self._intake.store_if_complete()
        if self._view is not None:
            self._view.save_pending()

    def state(self) -> dict[str, Any]:
        case_filter = self.proxy.case_filter
        return {
            "case_id": self.view.case.id if self.view.case is not None else None,
            "filter": {
                "organisation_id": case_filter.organisation_id,
                "year": case_filter.year,
                "status": case_filter.status,
                "category": case_filter.category,
                "text": case_filter.text,
            },
            "sort": [self.model.sort_column, self.model.sort_order == Qt.SortOrder.AscendingOrder],
            "splitter": self.splitter.sizes(),
            "view": self.view.state(),
            "intake_open": self._intake is not None,
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        self._build_view()  # now: the splitter sizes below include its pane
        saved_filter = state.get("filter") or {}
        self.set_filter(
            CaseFilter(
                organisation_id=saved_filter.get("organisation_id"),
                year=saved_filter.get("year"),
                status=saved_filter.get("status"),
                category=saved_filter.get("category"),
                text=saved_filter.get("text") or "",
            )
        )
        sort = state.get("sort")
        if isinstance(sort, list) and len(sort) == 2:
            order = Qt.SortOrder.AscendingOrder if sort[1] else Qt.SortOrder.DescendingOrder
            self.table.sortByColumn(int(sort[0]), order)
        sizes = state.get("splitter")
        if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, int) for s in sizes):
            self.splitter.setSizes(sizes)
        case_id = state.get("case_id")
        if isinstance(case_id, int):
            self.open_case(case_id, keep_filters=True)
            self.view.restore_drafts()
        self.view.restore_state(state.get("view") or {})
        if state.get("intake_open"):
            self.new_case()

    # -- cases ------------------------------------------------------------------------------

    def new_case(self) -> IntakeDialog | None:
        """Open the intake (window-modal); on OK the new case opens at its conversations."""
        if self._intake is not None:
            self._intake.activateWindow()
            return self._intake
        self.save_pending()
        if not self.session.journal.organisations(include_archived=False):
            dialogs.inform(
                self,
                self.tr("Nieuwe melding"),
                self.tr(
                    "Een melding hoort altijd bij een organisatie. Voeg eerst de organisatie "
                    "toe waarvoor u vertrouwenspersoon bent."
                ),
            )
            self.session.page_requested.emit("organisations")
            return None
        dialog = IntakeDialog(self.session.journal, self)
        dialog.accepted.connect(lambda: self._case_created(dialog))
        dialog.finished.connect(self._intake_finished)
        dialog.finished.connect(dialog.deleteLater)
        self._intake = dialog
        dialog.load_draft()
        dialog.open()
        return dialog

    def _intake_finished(self) -> None:
        self._intake = None

    def _case_created(self, dialog: IntakeDialog) -> None:
        if dialog.created is None or dialog.created.id is None:
            return
        self._notify("cases", new_case=True)
        self.open_case(dialog.created.id)
        # The intake conversation is usually the first thing to write down: the keyboard
        # goes to the reporter's story once the intake window has gone (Qt would give the
        # focus back to where it was before the intake opened).
        self.view.tabs.setCurrentIndex(Tab.CONVERSATIONS)
        self.view.conversations.focus_first_text()
        QTimer.singleShot(0, self.table, self._focus_story)

    def _focus_story(self) -> None:
        self.window().activateWindow()
        self.view.conversations.focus_first_text()

    def open_case(self, case_id: int, *, keep_filters: bool = False) -> None:
        """Select and show a case; filters that would hide it are cleared."""
        if self.model.row_of(case_id) < 0:
            self._load_all()
        if self.proxy.row_of(case_id) < 0 and not keep_filters:
            self.clear_filters()
        self._select(case_id)
        if self.view.case is None or self.view.case.id != case_id:
            self.view.show_case(case_id)
        self._update_empty_state()

    def selected_case_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.proxy.case_id(index.row())

    def _select(self, case_id: int | None) -> None:
        row = self.proxy.row_of(case_id) if case_id is not None else -1
        with self._program_selection():
            selection = self.table.selectionModel()
            if row < 0:
                selection.clearSelection()
                return
            index = self.proxy.index(row, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _reselect(self) -> None:
        # After a model reset the view has no current row; the open case is still open.
        case_id = self._open_case_id()
        if case_id is not None:
            self._select(case_id)

    def _current_changed(self, current: QModelIndex | QPersistentModelIndex, _prev: Any) -> None:
        if self._syncing or not current.isValid():
            return
        case_id = self.proxy.case_id(current.row())
        if self.view.case is not None and self.view.case.id == case_id:
            return  # the same case in another row, after sorting
        self.view.show_case(case_id)
        self.view.setVisible(self.view.case is not None)

    @contextmanager
    def _program_selection(self) -> Any:
        was, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = was

    def _notify(self, kind: str, *, new_case: bool = False) -> None:
        # Our own save: the list updates in place, the editors keep the cursor where it is.
        was, self._own_change = self._own_change, True
        self._refreshed = False
        try:
            if not new_case and self._update_open_case_row():
                # Only the open case changed: its row is up to date, the rest still is.
                self._row_updated = True
                try:
                    self.session.notify(kind)
                finally:
                    self._row_updated = False
                return
            self.session.notify(kind)
            if not self._refreshed:  # not on screen: _records_changed only marked the list
                self.refresh()
        finally:
            self._own_change = was

    def _update_open_case_row(self) -> bool:
        """Re-read only the open case's row, if the list is current and shows it."""
        case_id = self._open_case_id()
        if case_id is None or not self._loaded or self._stale:
            return False
        if self.model.language != current_language():
            return False
        found = self.session.journal.case_summaries(case_id=case_id)
        if not found:
            return False
        selected = self.selected_case_id()
        with self._program_selection():
            updated = self.model.replace_summary(found[0])
        if updated and selected is not None and self.selected_case_id() != selected:
            self._select(selected)  # the row moved in the sort order and the model was reset
        return updated

    # -- filters ----------------------------------------------------------------------------

    def _update_filter_choices(self) -> None:
        self.filter_bar.fill_choices(self.session.journal.organisations(), self.model.years())

    def _filters_changed(self) -> None:
        case_filter = self.filter_bar.current()
        if case_filter != self.proxy.case_filter:
            self._load_rest()  # a filter applies to the whole list, never to its first rows
        with self._program_selection():
            self.proxy.set_filter(case_filter)
        case_id = self._open_case_id()
        if case_id is not None:
            self._select(case_id)
        self._update_empty_state()

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Put a filter in the widgets (after an unlock, or from a test) and apply it."""
        self.filter_bar.set_filter(case_filter)

    def clear_filters(self) -> None:
        self.set_filter(CaseFilter())

    def _update_empty_state(self) -> None:
        if self._rest_pending:
            # Unfiltered (a filter completes the list first): the count is already the final one.
            total = shown = self._case_count
        else:
            total = self.model.rowCount()
            shown = self.proxy.rowCount()
        if total == 0:
            self.empty.setText(
                self.tr("Nog geen meldingen. Kies Nieuwe melding (Ctrl+N) om te beginnen.")
            )
        elif shown == 0:
            self.empty.setText(
                self.tr(
                    "Geen meldingen die bij deze filters passen. Kies Filters wissen om "
                    "alles weer te zien."
                )
            )
        self.list_stack.setCurrentWidget(self.table if shown else self.empty)
        # Without an open case the list gets the whole height; an empty notebook shows one
        # calm invitation instead of filters.
        if self._view is not None:
            self._view.setVisible(self._view.case is not None)
        self.filter_bar.show_counts(shown, total, filtered=not self.proxy.case_filter.is_empty)
