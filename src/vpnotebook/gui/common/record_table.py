"""The read-only record lists the record screens share: one set-up, one way to select."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView


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
