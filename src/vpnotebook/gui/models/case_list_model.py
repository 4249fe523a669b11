"""The case list as a Qt item model: one read of the summaries per refresh, filtered in memory.

The source model sorts its own rows with Python's sort (a key per row) instead of letting the
proxy call `lessThan` a few hundred thousand times; the proxy only filters. Both stay smooth
at 10,000 cases because `data()` reads prepared strings and never asks the journal anything.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from ...core.journal import CaseSummary
from ...core.taxonomy import CASE_STATUSES, CATEGORIES, CONTACT_TYPES
from ..common.labels import current_language, label

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Not a stored status: everything that still asks for the VP's attention.
ACTIVE_STATUSES = frozenset({"open", "aftercare", "reopened"})
STATUS_ACTIVE = "active"

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    ORGANISATION = 1
    FIRST_CONTACT = 2
    CONTACT_TYPE = 3
    CATEGORIES = 4
    STATUS = 5
    LAST_CONTACT = 6
    TITLE = 7


def day_text(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def folded(text: str) -> str:
    """Lower case without accents, so "coordinatie" finds "coördinatie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def number_key(number: str) -> tuple[int, int]:
    year, _, seq = number.partition("-")
    try:
        return int(year), int(seq)
    except ValueError:
        return 0, 0


@dataclass(frozen=True)
class CaseFilter:
    organisation_id: int | None = None
    year: int | None = None
    status: str | None = None  # a status code, STATUS_ACTIVE, or None for all
    category: str | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == CaseFilter()


class _Row:
    """A summary with its display strings and search text prepared once."""

    __slots__ = ("cells", "haystack", "summary", "year")

    def __init__(self, summary: CaseSummary) -> None:
        self.summary = summary
        self.year = number_key(summary.number)[0]
        self.cells = (
            summary.number,
            summary.organisation,
            day_text(summary.first_contact),
            label(CONTACT_TYPES, summary.contact_type),
            ", ".join(label(CATEGORIES, code) for code in summary.categories),
            label(CASE_STATUSES, summary.status),
            day_text(summary.last_contact),
            summary.title,
        )
        self.haystack = folded(f"{summary.number}\n{summary.title}\n{summary.organisation}")


def _sort_key(column: int) -> Callable[[_Row], Any]:
    if column == Column.NUMBER:
        return lambda row: number_key(row.summary.number)
    if column == Column.FIRST_CONTACT:
        return lambda row: row.summary.first_contact
    if column == Column.LAST_CONTACT:
        # Cases without a conversation sort as the oldest.
        return lambda row: row.summary.last_contact or date.min
    return lambda row: (folded(row.cells[column]), number_key(row.summary.number))


class CaseListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._language = current_language()
        self._sort_column = int(Column.NUMBER)
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._headers = (
            self.tr("Nummer"),
            self.tr("Organisatie"),
            self.tr("Eerste contact"),
            self.tr("Soort"),
            self.tr("Aard"),
            self.tr("Status"),
            self.tr("Laatste contact"),
            self.tr("Werktitel"),
        )

    # -- content ----------------------------------------------------------------------------

    def set_summaries(self, summaries: Sequence[CaseSummary]) -> None:
        """Show new summaries; rows that stay in place are updated without a reset.

        While the VP types, autosave refreshes the list every few seconds: an in-place
        update keeps the selection, the scroll position and the keyboard focus where they are.
        """
        language = current_language()
        # Unchanged cases keep their prepared row: autosave refreshes often, cases change rarely.
        known = {r.summary.id: r for r in self._rows} if language == self._language else {}
        self._language = language
        rows = []
        for summary in summaries:
            row = known.get(summary.id)
            rows.append(row if row is not None and row.summary == summary else _Row(summary))
        rows = self._sorted(rows)
        if [r.summary.id for r in rows] == [r.summary.id for r in self._rows]:
            old, self._rows = self._rows, rows
            for index, (before, after) in enumerate(zip(old, rows, strict=True)):
                if before.summary != after.summary:
                    self.dataChanged.emit(self.index(index, 0), self.index(index, len(Column) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row].summary

    def row_of(self, case_id: int) -> int:
        for index, row in enumerate(self._rows):
            if row.summary.id == case_id:
                return index
        return -1

    def years(self) -> list[int]:
        return sorted({row.year for row in self._rows}, reverse=True)

    def accepts(self, source_row: int, case_filter: CaseFilter, folded_text: str) -> bool:
        row = self._rows[source_row]
        summary = row.summary
        wanted_organisation = case_filter.organisation_id
        if wanted_organisation is not None and summary.organisation_id != wanted_organisation:
            return False
        if case_filter.year is not None and row.year != case_filter.year:
            return False
        if case_filter.status == STATUS_ACTIVE:
            if summary.status not in ACTIVE_STATUSES:
                return False
        elif case_filter.status is not None and summary.status != case_filter.status:
            return False
        if case_filter.category is not None and case_filter.category not in summary.categories:
            return False
        return all(word in row.haystack for word in folded_text.split())

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.TITLE and row.summary.destroyed:
                return self.tr("(vernietigd)")
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long names and titles are elided in the view; the tooltip shows them whole.
            if column in (Column.ORGANISATION, Column.CATEGORIES, Column.TITLE):
                return row.cells[column] or None
            return None
        if role == CASE_ID_ROLE:
            return row.summary.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.summary.destroyed or row.summary.status == "closed":
                palette = QGuiApplication.palette()
                return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return None
        if role == Qt.ItemDataRole.FontRole and row.summary.destroyed:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._rows = self._sorted(old_rows)
        position = {id(row): index for index, row in enumerate(self._rows)}
        old_indexes = self.persistentIndexList()
        new_indexes = [
            self.index(position[id(old_rows[index.row()])], index.column()) for index in old_indexes
        ]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def _sorted(self, rows: list[_Row]) -> list[_Row]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(rows, key=_sort_key(self._sort_column), reverse=descending)


class CaseFilterProxy(QSortFilterProxyModel):
    """Filters in memory; sorting is handed to the source model (see the module docstring)."""

    def __init__(self, source: CaseListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = CaseFilter()
        self._folded_text = ""
        self.setSourceModel(source)

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    def set_filter(self, case_filter: CaseFilter) -> None:
        if case_filter == self._filter:
            return
        self.beginFilterChange()
        self._filter = case_filter
        self._folded_text = folded(case_filter.text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        return self._source.accepts(source_row, self._filter, self._folded_text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def case_id(self, row: int) -> int | None:
        if not 0 <= row < self.rowCount():
            return None
        value = self.data(self.index(row, 0), CASE_ID_ROLE)
        return int(value) if value is not None else None

    def row_of(self, case_id: int) -> int:
        source_row = self._source.row_of(case_id)
        if source_row < 0:
            return -1
        return self.mapFromSource(self._source.index(source_row, 0)).row()
