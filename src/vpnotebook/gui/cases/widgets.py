"""Small pieces shared by the case screens: durations in words, a line that elides.

The inputs themselves are shared by every form (common/inputs.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QSizePolicy,
    QWidget,
)

from ...core import taxonomy as tx
from ...core.models import Conversation
from ..common.labels import label


def minutes_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return QCoreApplication.translate("Cases", "%1 min").replace("%1", str(rest))
    return (
        QCoreApplication.translate("Cases", "%1 u %2 min")
        .replace("%1", str(hours))
        .replace("%2", f"{rest:02d}")
    )


def conversation_check(talk: Conversation, template: str) -> QCheckBox:
    """A ticked box for one conversation, "05-11-2026 (Video, 45 min)" put into `template`
    ("%1" the date, "%2" form and duration), for choosing what goes into a document."""
    assert talk.held_on is not None
    detail = label(tx.CONVERSATION_FORMS, talk.form or "")
    if talk.duration_min:
        detail += ", " + minutes_text(talk.duration_min)
    check = QCheckBox(
        template.replace("%1", talk.held_on.strftime("%d-%m-%Y")).replace("%2", detail)
    )
    check.setChecked(True)
    return check


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
