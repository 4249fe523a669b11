"""A workspace opened read-only (a full disk, a read-only medium): its banner, and forms that
show everything but take no typing."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def show_only(inputs: Iterable[QWidget]) -> None:
    """A form's inputs as read-only: text stays selectable and copyable, choices are off.

    Typing into a form that cannot be stored would only end in a message; the banner says
    why nothing can be changed.
    """
    for widget in inputs:
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            widget.setReadOnly(True)
        else:
            widget.setEnabled(False)


class ReadOnlyBanner(QLabel):
    """Says, above every page, that nothing typed now is kept, and why, and what still works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(
            "<b>"
            + self.tr("Alleen lezen")
            + "</b> — "
            + self.tr(
                "De schijf is vol of alleen-lezen, daarom is de kluis alleen-lezend geopend. U "
                "kunt alles inzien, exporteren en een reservekopie maken, maar wijzigingen worden "
                "niet bewaard. Maak ruimte vrij (of zet de kluis op een schrijfbare schijf), "
                "vergrendel en open de kluis opnieuw om weer te kunnen werken."
            )
        )
        self.setAccessibleName(self.tr("Alleen lezen"))
        self.setStyleSheet(
            "QLabel#readOnlyBanner { background: #fff4ce; color: #4d3800;"
            " border-bottom: 2px solid #c69500; padding: 10px 14px; }"
        )
