"""The bar above the case list: a new case, a quick search, and filters by organisation, year,
status and kind, with the number of cases they let through."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import taxonomy as tx
from ...core.models import Organisation
from ..common.inputs import signals_blocked
from ..common.labels import label
from ..models.case_list_model import STATUS_ACTIVE, CaseFilter


class CaseFilterBar(QWidget):
    changed = Signal()  # the VP changed a filter or the search text

    def __init__(self, new_button: QPushButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Zoek: nummer, titel, organisatie"))
        self.search.setAccessibleName(self.tr("Zoeken in de lijst"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.organisation_filter = self._combo(self.tr("Organisatie"), 12)
        self.year_filter = self._combo(self.tr("Jaar"), 6)
        self.status_filter = self._combo(self.tr("Status"), 10)
        self.status_filter.addItem(self.tr("Alle statussen"), None)
        self.status_filter.addItem(self.tr("Lopend en nazorg"), STATUS_ACTIVE)
        for term in tx.CASE_STATUSES:
            self.status_filter.addItem(label(tx.CASE_STATUSES, term.code), term.code)
        self.category_filter = self._combo(self.tr("Aard"), 10)
        self.category_filter.addItem(self.tr("Alle soorten"), None)
        for term in tx.CATEGORIES:
            self.category_filter.addItem(label(tx.CATEGORIES, term.code), term.code)
        self.clear_button = QPushButton(self.tr("Filters wissen"))
        self.clear_button.clicked.connect(lambda: self.set_filter(CaseFilter()))
        self.count = QLabel()
        self.count.setObjectName("hint")
        self._new_button = new_button
        self._rows = (QHBoxLayout(), QHBoxLayout())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        for row in self._rows:
            row.setSpacing(6)
            column.addLayout(row)
        self._one_row: bool | None = None
        for combo in self.combos():
            combo.currentIndexChanged.connect(self.changed)
        self._arrange(one_row=True)
        self.search.textChanged.connect(self.changed)
        chain = [new_button, self.search, *self.combos(), self.clear_button]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    # -- one row on a wide screen, two on a laptop ------------------------------------------

    def _row_widgets(self) -> list[QWidget]:
        return [self._new_button, self.search, *self.combos(), self.clear_button, self.count]

    def _one_row_width(self) -> int:
        shown = [w for w in self._row_widgets() if not w.isHidden()]
        return sum(w.sizeHint().width() for w in shown) + 6 * max(len(shown) - 1, 0)

    def _arrange(self, *, one_row: bool) -> None:
        """Row one: the new case, the search and the count; the filters beside them on a wide
        screen, or on a row of their own (so the bar never makes the window wider)."""
        if one_row == self._one_row:
            return
        self._one_row = one_row
        first, second = self._rows
        for row in self._rows:
            while row.count():
                row.takeAt(0)
        first.addWidget(self._new_button)
        first.addWidget(self.search, 2)
        filters = first if one_row else second
        for combo in self.combos():
            filters.addWidget(combo, 1)
        filters.addWidget(self.clear_button)
        first.addWidget(self.count)

    def minimumSizeHint(self) -> QSize:
        # The two-row arrangement is what the window may shrink to.
        first = sum(
            w.minimumSizeHint().width() for w in (self._new_button, self.search, self.count)
        )
        second = sum(w.minimumSizeHint().width() for w in (*self.combos(), self.clear_button))
        height = super().minimumSizeHint().height()
        return QSize(max(first + 12, second + 24), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(one_row=event.size().width() >= self._one_row_width())

    def _combo(self, name: str, characters: int) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Filter: %1").replace("%1", name))
        combo.setToolTip(name)
        combo.setMinimumContentsLength(characters)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def combos(self) -> tuple[QComboBox, ...]:
        return (
            self.organisation_filter,
            self.year_filter,
            self.status_filter,
            self.category_filter,
        )

    def fill_choices(self, organisations: list[Organisation], years: list[int]) -> None:
        """The organisations and years there are; what was chosen stays chosen."""
        for combo, first, items in (
            (
                self.organisation_filter,
                self.tr("Alle organisaties"),
                [(o.name, o.id) for o in organisations],
            ),
            (self.year_filter, self.tr("Alle jaren"), [(str(y), y) for y in years]),
        ):
            current = combo.currentData()
            with signals_blocked(combo):
                combo.clear()
                combo.addItem(first, None)
                for text, value in items:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(combo.findData(current), 0))

    def current(self) -> CaseFilter:
        return CaseFilter(
            organisation_id=self.organisation_filter.currentData(),
            year=self.year_filter.currentData(),
            status=self.status_filter.currentData(),
            category=self.category_filter.currentData(),
            text=self.search.text().strip(),
        )

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Put a filter in the widgets (after an unlock, Filters wissen, a test); `changed`."""
        for combo, value in zip(
            self.combos(),
            (
                case_filter.organisation_id,
                case_filter.year,
                case_filter.status,
                case_filter.category,
            ),
            strict=True,
        ):
            with signals_blocked(combo):
                combo.setCurrentIndex(max(combo.findData(value), 0))
        with signals_blocked(self.search):
            self.search.setText(case_filter.text)
        self.changed.emit()

    def show_counts(self, shown: int, total: int, *, filtered: bool) -> None:
        """How many cases pass the filters; an empty notebook shows no filters at all."""
        for widget in (self.search, *self.combos(), self.clear_button, self.count):
            widget.setVisible(total > 0)
        self.clear_button.setEnabled(filtered)
        if shown == total == 1:
            text = self.tr("1 melding")
        elif shown == total:
            text = self.tr("%1 meldingen").replace("%1", str(total))
        else:
            text = self.tr("%1 van %2").replace("%1", str(shown)).replace("%2", str(total))
        self.count.setText(text)
