"""The read-only record lists the record screens share: one set-up, one way to select."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QTableView
from shiboken6 import isValid


def record_table(
    proxy: QSortFilterProxyModel,
    accessible_name: str,
    *,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    whole_rows: bool = True,
) -> QTableView:
    table = QTableView()
    table.setModel(proxy)
    table.setAccessibleName(accessible_name)
    behaviour = QAbstractItemView.SelectionBehavior
    table.setSelectionBehavior(behaviour.SelectRows if whole_rows else behaviour.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)  # Tab leaves the list, as in any form
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.setSortingEnabled(True)
    table.sortByColumn(0, order)
    return table


def select_row(table: QTableView, row: int) -> None:
    """Make `row` (of the table's model) the current, selected and visible one; -1 clears."""
    selection = table.selectionModel()
    if row < 0:
        selection.clearSelection()
        selection.clearCurrentIndex()
        return
    index = table.model().index(row, 0)
    selection.setCurrentIndex(
        index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
    )
    table.scrollTo(index)


class FitToWidth(QObject):
    """Keeps a table's columns within its width, so it never needs a sideways scroll bar.

    The stretch column takes what is left over. When even the other columns do not fit (a
    laptop at 150 %), they give way in proportion to their natural widths; their text is cut
    off with "…" and shown whole in the tooltip and the form beside the list.
    """

    MIN_STRETCH = 120
    MIN_COLUMN = 48

    def __init__(self, table: QTableView, stretch: int) -> None:
        super().__init__(table)
        self._table = table
        self._stretch = stretch
        self._natural: dict[int, int] = {}
        self._fitting = False
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._dragged)

    def remember(self) -> None:
        """Take the columns' current widths as their natural ones (after sizing to content)."""
        header = self._table.horizontalHeader()
        self._natural = {
            column: header.sectionSize(column)
            for column in range(header.count())
            if column != self._stretch and not header.isSectionHidden(column)
        }
        self.fit()

    def fit(self) -> None:
        if not self._natural or not isValid(self._table):
            return
        room = self._table.viewport().width() - self.MIN_STRETCH
        total = sum(self._natural.values())
        scale = min(1.0, room / total) if total > 0 and room > 0 else 1.0
        self._fitting = True
        try:
            for column, width in self._natural.items():
                self._table.setColumnWidth(column, max(self.MIN_COLUMN, int(width * scale)))
        finally:
            self._fitting = False

    def _dragged(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in self._natural:
            self._natural[column] = new  # the VP's own width is the natural one from now on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The table may be on its way out (a lock deletes the page) while its viewport still
        # sends events: ask shiboken before touching it.
        if event.type() == QEvent.Type.Resize and isValid(self._table):
            QTimer.singleShot(0, self, self.fit)
        return super().eventFilter(watched, event)
