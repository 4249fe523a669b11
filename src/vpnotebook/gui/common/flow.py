"""Layouts that give way on a narrow window: a row of widgets that wraps onto the next line
(Qt's flow layout), and columns that stack.

For rows of small controls — a conversation's date, form and duration with their options, a
case's buttons — that fit on one line on a wide screen and must not make a laptop's window
wider than the screen at 150 %. An item may be put at the right end of its line.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right: set[int] = set()  # ids of items kept at the right end of their line
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def add(self, widget: QWidget, *, right: bool = False) -> None:
        """Add a widget; `right` puts it (and every later one) at the right end."""
        self.addWidget(widget)
        if right:
            self._right.add(id(self._items[-1]))

    # -- QLayout ----------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._right.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._shown()) + self._spacing * max(
            len(self._shown()) - 1, 0
        )
        height = max((i.sizeHint().height() for i in self._shown()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height)

    def minimumSize(self) -> QSize:
        # As narrow as the widest single item: everything else wraps.
        width = max((i.minimumSize().width() for i in self._shown()), default=0)
        width = max(width, max((i.sizeHint().width() for i in self._shown()), default=0))
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), self.heightForWidth(width))

    # -- placing ----------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget() if isinstance(item, QWidgetItem) else None
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            width = item.sizeHint().width()
            if lines[-1] and used + self._spacing + width > area.width():
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item in line)
            if move:
                left = [item for item in line if id(item) not in self._right]
                right = [item for item in line if id(item) in self._right]
                x = area.x()
                for item in left:
                    size = item.sizeHint()
                    item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
                    x += size.width() + self._spacing
                x = area.x() + area.width()
                for item in reversed(right):
                    size = item.sizeHint()
                    x -= size.width()
                    item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
                    x -= self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.y() + margins.bottom()


def labelled(label: QWidget, field: QWidget, spacing: int = 4) -> QWidget:
    """A label and its field as one item, so a wrapping row never parts them."""
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(spacing)
    row.addWidget(label)
    row.addWidget(field)
    return pair


class Columns(QWidget):
    """Widgets side by side when there is room for each at its ease, else one above the
    other: two columns on a wide screen, one on a laptop at 150 %. Never wider than its
    widest part, so it never widens the window."""

    def __init__(
        self,
        *parts: QWidget,
        spacing: int = 12,
        last_on_top: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.parts = parts
        # Stacked, the last part may come first (the reporter's name before the case facts).
        self._stacked = (
            QBoxLayout.Direction.BottomToTop if last_on_top else QBoxLayout.Direction.TopToBottom
        )
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(spacing)
        for part in parts:
            self._layout.addWidget(part, 1)

    @property
    def side_by_side(self) -> bool:
        return self._layout.direction() == QBoxLayout.Direction.LeftToRight

    def _room_needed(self) -> int:
        # Every part at least its minimum (the layout gives each that first, then shares out
        # the rest), with a little air each.
        shown = [part for part in self.parts if not part.isHidden()]
        return sum(p.minimumSizeHint().width() + 24 for p in shown) + self._layout.spacing() * max(
            len(shown) - 1, 0
        )

    def minimumSizeHint(self) -> QSize:
        width = max((p.minimumSizeHint().width() for p in self.parts), default=0)
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self._room_needed()
            else self._stacked
        )
        if wanted != self._layout.direction():
            self._layout.setDirection(wanted)
