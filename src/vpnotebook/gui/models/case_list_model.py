"""The case list as a Qt item model: one read of the summaries per refresh, filtered in memory.

The source model sorts its own rows with Python's sort (a key per row) instead of letting the
proxy call `lessThan` a few hundred thousand times; the proxy only filters. Both stay smooth
at 10,000 cases because `data()` reads prepared strings and never asks the journal anything.
Qt asks `data()`, `flags()` and `columnCount()` for every visible cell, about ten roles each,
on every scroll step: they answer from constants where they can.
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
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from ...core.journal import CaseSummary
from ...core.taxonomy import CASE_STATUSES, CATEGORIES, CONTACT_TYPES
from ..common.labels import current_language

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


COLUMN_COUNT = len(Column)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# Qt passes roles as plain ints; compared with ints, not with enum members looked up per call.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_CASE_ID = int(CASE_ID_ROLE)
_SERVED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _CASE_ID})
_DISABLED = QPalette.ColorGroup.Disabled
_TEXT_ROLE = QPalette.ColorRole.Text
_TITLE = int(Column.TITLE)
_ELIDED_COLUMNS = frozenset({int(Column.ORGANISATION), int(Column.CATEGORIES), _TITLE})


def day_text(day: date | None) -> str:
    # Not strftime: that imports `time` on every call, through PySide6's __import__ hook.
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}" if day else ""


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


class _Labels:
    """Taxonomy labels of one language and day texts, each made once per load, not per cell."""

    def __init__(self, language: str) -> None:
        self.contact_types = {term.code: term.label(language) for term in CONTACT_TYPES}
        self.statuses = {term.code: term.label(language) for term in CASE_STATUSES}
        self._categories = {term.code: term.label(language) for term in CATEGORIES}
        self._joined: dict[tuple[str, ...], str] = {}
        self._days: dict[date | None, str] = {}

    def day(self, day: date | None) -> str:
        # Ten thousand cases share a few thousand dates.
        text = self._days.get(day)
        if text is None:
            text = day_text(day)
            self._days[day] = text
        return text

    def categories(self, codes: tuple[str, ...]) -> str:
        text = self._joined.get(codes)
        if text is None:
            text = ", ".join(self._categories.get(code, code) for code in codes)
            self._joined[codes] = text
        return text


class _Row:
    """A summary with its display strings prepared once; the search text when first needed."""

    __slots__ = ("_haystack", "cells", "key", "summary", "year")

    def __init__(self, summary: CaseSummary, labels: _Labels) -> None:
        self.summary = summary
        self.key = number_key(summary.number)
        self.year = self.key[0]
        # An unknown code shows as itself, as Vocabulary.label does.
        self.cells = (
            summary.number,
            summary.organisation,
            labels.day(summary.first_contact),
            labels.contact_types.get(summary.contact_type, summary.contact_type),
            labels.categories(summary.categories),
            labels.statuses.get(summary.status, summary.status),
            labels.day(summary.last_contact),
            summary.title,
        )
        self._haystack: str | None = None

    @property
    def haystack(self) -> str:
        # Folding is the dearest part of a row; most lists are never searched by text.
        if self._haystack is None:
            summary = self.summary
            self._haystack = folded(f"{summary.number}\n{summary.title}\n{summary.organisation}")
        return self._haystack


def _sort_key(column: int) -> Callable[[_Row], Any]:
    if column == Column.NUMBER:
        return lambda row: row.key
    if column == Column.FIRST_CONTACT:
        return lambda row: row.summary.first_contact
    if column == Column.LAST_CONTACT:
        # Cases without a conversation sort as the oldest.
        return lambda row: row.summary.last_contact or date.min
    return lambda row: (folded(row.cells[column]), number_key(row.summary.number))


class CaseListModel(QAbstractTableModel):
    # Before the rows are sorted in another order: a list that holds only its first rows
    # (CasesPage's two-step load) completes itself first, or the head would be sorted alone.
    order_changing = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._language = current_language()
        self._sort_column = int(Column.NUMBER)
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._destroyed_title = self.tr("(vernietigd)")
        self._destroyed_font: QFont | None = None
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
        The same holds when the present rows are the head of the new list (the rest of a
        list that showed its first screenful first): the rest is appended.
        """
        language = current_language()
        # Unchanged cases keep their prepared row: autosave refreshes often, cases change rarely.
        known = {r.summary.id: r for r in self._rows} if language == self._language else {}
        if language != self._language:
            self._destroyed_title = self.tr("(vernietigd)")
        self._language = language
        labels = _Labels(language)
        rows = []
        for summary in summaries:
            row = known.get(summary.id)
            rows.append(
                row if row is not None and row.summary == summary else _Row(summary, labels)
            )
        rows = self._sorted(rows)
        old = self._rows
        kept = len(old)
        if len(rows) < kept or any(
            before.summary.id != after.summary.id
            for before, after in zip(old, rows[:kept], strict=True)
        ):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        self._rows = rows[:kept]
        self._emit_changed([i for i in range(kept) if old[i] is not rows[i]])
        if len(rows) > kept:
            self.beginInsertRows(QModelIndex(), kept, len(rows) - 1)
            self._rows = rows
            self.endInsertRows()

    def replace_summary(self, summary: CaseSummary) -> bool:
        """Show one case's new summary (after the VP saved it); False if it is not listed.

        The other rows are not read again: an autosave every few seconds while the VP types
        must not re-read ten thousand cases. The row moves if the sort order asks for it.
        """
        index = self.row_of(summary.id)
        if index < 0:
            return False
        summaries = [row.summary for row in self._rows]
        summaries[index] = summary
        self.set_summaries(summaries)
        return True

    def _emit_changed(self, changed: list[int]) -> None:
        # One signal per run of neighbouring rows: a new language changes every row at once.
        start = 0
        while start < len(changed):
            end = start
            while end + 1 < len(changed) and changed[end + 1] == changed[end] + 1:
                end += 1
            self.dataChanged.emit(
                self.index(changed[start], 0), self.index(changed[end], COLUMN_COUNT - 1)
            )
            start = end + 1

    @property
    def language(self) -> str:
        """The language the rows' labels are in."""
        return self._language

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row].summary

    def row_of(self, case_id: int) -> int:
        for index, row in enumerate(self._rows):
            if row.summary.id == case_id:
                return index
        return -1

    def distinct(self, column: int) -> set[str]:
        """The different texts in one column (a few dozen, for sizing it)."""
        return {row.cells[column] for row in self._rows}

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
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role not in _SERVED_ROLES:  # alignment, decoration, check state, size hint …
            return None
        number = index.row()  # -1 for an invalid index
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        if role == _DISPLAY:
            column = index.column()
            if column == _TITLE and row.summary.destroyed:
                return self._destroyed_title
            return row.cells[column]
        if role == _TOOLTIP:
            # Long names and titles are elided in the view; the tooltip shows them whole.
            column = index.column()
            return (row.cells[column] or None) if column in _ELIDED_COLUMNS else None
        if role == _CASE_ID:
            return row.summary.id
        if role == _FOREGROUND:
            if row.summary.destroyed or row.summary.status == "closed":
                return QGuiApplication.palette().brush(_DISABLED, _TEXT_ROLE)
            return None
        if row.summary.destroyed:  # _FONT
            if self._destroyed_font is None:
                self._destroyed_font = QFont()
                self._destroyed_font.setItalic(True)
            return self._destroyed_font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == _DISPLAY:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        if (column, order) != (self._sort_column, self._sort_order):
            self.order_changing.emit()
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
