"""A read-only table over a list of records, one row per record, columns described by the page.

Every list screen (voorlichting, signalen, tijd, organisaties, doorverwijscontacten, the hours
overview) shows plain records the same way, so one model serves them all: the page passes
column descriptions, and sorting happens in a QSortFilterProxyModel on SORT_ROLE.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

# The value the proxy sorts on: dates as ISO text, numbers as numbers, so "9" sorts before "10".
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The record's id, so a page can find its record again after a reload or a re-sort.
ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Cells longer than this also get their text as tooltip, for when the column cuts them off.
_TOOLTIP_FROM = 28


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column. `sort_key` must give a str, int or float: the proxy compares the values in
    C++, where a Python object such as a tuple has no order (and has crashed PySide6)."""

    title: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    numeric: bool = False


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[R] = []

    # -- what pages use -----------------------------------------------------------------

    def set_records(self, records: Sequence[R]) -> None:
        """Show `records`; when the same ids come back in the same order, rows are kept."""
        records = list(records)
        if [_id(r) for r in records] == [_id(r) for r in self._records] and records:
            self._records = records
            last = self.index(len(records) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._records = records
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def record(self, row: int) -> R:
        return self._records[row]

    def row_of(self, record_id: int | None) -> int:
        if record_id is None:
            return -1
        for row, record in enumerate(self._records):
            if _id(record) == record_id:
                return row
        return -1

    def put(self, record: R) -> None:
        """Show a just-saved record: replace its row, or add it at the top when it is new."""
        row = self.row_of(_id(record))
        if row >= 0:
            self._records[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._records.insert(0, record)
        self.endInsertRows()

    def drop(self, record_id: int) -> None:
        row = self.row_of(record_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._records[row]
        self.endRemoveRows()

    # -- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = column.text(record)
            return text if len(text) > _TOOLTIP_FROM else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            if column.sort_key is None:
                return column.text(record).casefold()
            key = column.sort_key(record)
            assert isinstance(key, str | int | float), f"sort key {key!r} of {column.title}"
            return key
        if role == ID_ROLE:
            return _id(record)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RecordSortModel(QSortFilterProxyModel):
    """Sorts on SORT_ROLE; the page maps rows back to records through ID_ROLE."""

    def __init__(self, source: RecordTableModel[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def row_of(self, record_id: int | None) -> int:
        source = self.sourceModel()
        assert isinstance(source, RecordTableModel)
        row = source.row_of(record_id)
        if row < 0:
            return -1
        return self.mapFromSource(source.index(row, 0)).row()

    def id_at(self, row: int) -> int | None:
        value = self.index(row, 0).data(ID_ROLE)
        return value if isinstance(value, int) else None


def _id(record: Any) -> Any:
    return getattr(record, "id", None)
