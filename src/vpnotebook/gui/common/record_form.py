"""Form pieces shared by the record screens: messages, headings and formatting.

The inputs themselves are in inputs.py, and binding.py ties them to a record's fields; both
are importable from here too, as they always were.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLabel,
)

from ...core.fields import ValidationError
from ...vault.errors import VaultError
from .binding import FormBinding
from .inputs import (
    DateField,
    OrganisationCombo,
    date_edit,
    find_data,
    line_edit,
    number_edit,
    optional_number_edit,
    text_edit,
    vocab_combo,
)
from .labels import current_language

__all__ = [
    "Banner",
    "DateField",
    "FormBinding",
    "OrganisationCombo",
    "date_edit",
    "find_data",
    "format_date",
    "format_hours",
    "heading",
    "intro",
    "line_edit",
    "number_edit",
    "optional_number_edit",
    "text_edit",
    "validation_text",
    "vocab_combo",
]

_CONTEXT = "RecordForm"

# Hard-coded foreground and background together, so the banners stay readable in any theme.
_ERROR_STYLE = (
    "background: #fdecea; color: #8c1d18; border: 1px solid #f1b5b0;"
    "border-radius: 4px; padding: 6px 8px;"
)
_HINT_STYLE = (
    "background: #eef4fb; color: #1d3b5c; border: 1px solid #c5d8ee;"
    "border-radius: 4px; padding: 6px 8px;"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# -- formatting -----------------------------------------------------------------------------


def format_date(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def format_hours(minutes: int) -> str:
    """Hours with one decimal, with the decimal comma in Dutch: 90 minutes -> "1,5"."""
    text = f"{minutes / 60:.1f}"
    return text.replace(".", ",") if current_language() == "nl" else text


def validation_text(error: ValidationError | VaultError) -> str:
    if isinstance(error, ValidationError):
        return error.message_en if current_language() == "en" else error.message_nl
    return error.message(current_language())


# -- messages -------------------------------------------------------------------------------


class Banner(QLabel):
    """A message beside the form: an error that stays until fixed, or a standing hint."""

    def __init__(self, kind: str = "error", text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(_ERROR_STYLE if kind == "error" else _HINT_STYLE)
        self.setObjectName("errorMessage" if kind == "error" else "hintMessage")
        self.setVisible(bool(text))

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(True)

    def clear_message(self) -> None:
        self.clear()
        self.setVisible(False)


def heading(text: str) -> QLabel:
    title = QLabel(text)
    title.setObjectName("pageTitle")
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    title.setFont(font)
    return title


def intro(text: str) -> QLabel:
    body = QLabel(text)
    body.setWordWrap(True)
    return body
