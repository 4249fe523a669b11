"""Small pieces shared by the case screens: durations in words, a line that elides.

The inputs themselves are shared by every form (common/inputs.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QWidget,
)


def minutes_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return QCoreApplication.translate("Cases", "%1 min").replace("%1", str(rest))
    return (
        QCoreApplication.translate("Cases", "%1 u %2 min")
        .replace("%1", str(hours))
        .replace("%2", f"{rest:02d}")
    )


class ElidedLabel(QLabel):
    """One line that ends in "…" when there is no room; the tooltip shows it whole."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, hint.height())
