"""Form pieces shared by the record screens: field binding, pickers, messages, formatting.

A `FormBinding` ties each entity field to one input widget, so a page loads a record into its
form and reads the edited record back in one call, and can tell whether anything changed by
comparing the two. Kept beside the organisations screen because every other record screen
(voorlichting, signalen, tijd) hangs off an organisation and uses its picker.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from ...core.fields import ValidationError
from ...core.models import Organisation
from ...core.taxonomy import Vocabulary
from ...vault.errors import VaultError
from ..common.labels import current_language, label

W = TypeVar("W", bound=QWidget)
E = TypeVar("E")

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


# -- input widgets --------------------------------------------------------------------------


def line_edit(accessible_name: str, max_length: int = 300) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(accessible_name)
    edit.setMaxLength(max_length)
    edit.setClearButtonEnabled(True)
    return edit


def text_edit(accessible_name: str, lines: int = 4) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(accessible_name)
    # Tab moves on to the next field, as in every other input of the form.
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 12
    edit.setMinimumHeight(height)
    return edit


def date_edit(accessible_name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(accessible_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    # The journal accepts these years; the widget then cannot produce a date it would refuse.
    edit.setDateRange(QDate(1990, 1, 1), QDate(2200, 12, 31))
    edit.setDate(QDate.currentDate())
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return edit


def number_edit(
    accessible_name: str, maximum: int, *, minimum: int = 0, suffix: str = "", step: int = 1
) -> QSpinBox:
    spin = QSpinBox()
    spin.setAccessibleName(accessible_name)
    spin.setRange(minimum, maximum)
    spin.setSingleStep(step)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(110)
    # A number needs no more room than its digits; stretched, it reads like a text field.
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return spin


def optional_number_edit(accessible_name: str, maximum: int) -> QSpinBox:
    """A number that may be unknown: the value below zero shows as "onbekend" and reads None."""
    spin = number_edit(accessible_name, maximum, minimum=-1)
    spin.setSpecialValueText(_tr("onbekend"))
    return spin


def vocab_combo(vocab: Vocabulary, accessible_name: str, placeholder: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    for term in vocab:
        combo.addItem(label(vocab, term.code), term.code)
    if placeholder:
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)
    return combo


class OrganisationCombo(QComboBox):
    """Client organisations by name; optionally headed by an "all organisations" choice."""

    def __init__(self, accessible_name: str, all_label: str = "", placeholder: str = "") -> None:
        super().__init__()
        self._all_label = all_label
        self.setAccessibleName(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # Long names are cut in the closed box (the tooltip has them whole); the list is wide.
        self.setMinimumContentsLength(18)
        self.view().setMinimumWidth(360)
        if placeholder:
            self.setPlaceholderText(placeholder)

    def paintEvent(self, _event: QPaintEvent) -> None:
        # As QComboBox paints itself, but a name too long for the box ends in "…".
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        if self.currentIndex() < 0 and self.placeholderText():
            option.palette.setBrush(QPalette.ColorRole.ButtonText, option.palette.placeholderText())
            option.currentText = self.placeholderText()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def fill(self, organisations: Sequence[Organisation], keep: int | None = None) -> None:
        with _signals_blocked(self):
            self.clear()
            if self._all_label:
                self.addItem(self._all_label, None)
            for organisation in organisations:
                name = organisation.name
                if organisation.archived:
                    name = _tr("%1 (gearchiveerd)").replace("%1", name)
                self.addItem(name, organisation.id)
                self.setItemData(self.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
            self.select(keep)

    def select(self, organisation_id: int | None) -> None:
        self.setCurrentIndex(find_data(self, organisation_id))
        self.setToolTip(self.currentText())

    def selected(self) -> int | None:
        value = self.currentData()
        return value if isinstance(value, int) else None


def find_data(combo: QComboBox, value: Any) -> int:
    """The index holding `value`; None finds an item without data, else -1 (the placeholder)."""
    for index in range(combo.count()):
        data = combo.itemData(index)
        if data == value or (value is None and data is None):
            return index
    return -1


@contextlib.contextmanager
def _signals_blocked(widget: QWidget) -> Iterator[None]:
    was = widget.blockSignals(True)
    try:
        yield
    finally:
        widget.blockSignals(was)


# -- binding fields to widgets --------------------------------------------------------------


class FormBinding(QObject):
    """Entity field <-> input widget, for loading a record, reading it back and `edited`."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._widgets: dict[str, QWidget] = {}
        self._quiet = 0

    def bind(self, field: str, widget: W) -> W:
        self._widgets[field] = widget
        _change_signal(widget).connect(self._changed)
        return widget

    def widget(self, field: str) -> QWidget | None:
        return self._widgets.get(field)

    def widgets(self) -> list[QWidget]:
        return list(self._widgets.values())

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """Changes made by the program inside this block are not the VP's edits."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def load(self, entity: Any) -> None:
        with self.quiet():
            for field, widget in self._widgets.items():
                value = getattr(entity, field)
                # Untouched when equal, so a reload after saving keeps cursor and scrolling.
                if _value(widget) != value:
                    _set_value(widget, value)

    def read(self, entity: E) -> E:
        values = {field: _value(widget) for field, widget in self._widgets.items()}
        return dataclasses.replace(entity, **values)  # type: ignore[type-var]

    def _changed(self, *_args: object) -> None:
        if not self._quiet:
            self.edited.emit()


def _change_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    raise TypeError(f"no binding for {type(widget).__name__}")


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QSpinBox):
        if widget.specialValueText() and widget.value() == widget.minimum():
            return None
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData() if widget.currentIndex() >= 0 else None
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(f"no binding for {type(widget).__name__}")


def _set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value or "")
        widget.setCursorPosition(0)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QDateEdit):
        day = value or date.today()
        widget.setDate(QDate(day.year, day.month, day.day))
    elif isinstance(widget, QSpinBox):
        widget.setValue(widget.minimum() if value is None else int(value))
    elif isinstance(widget, OrganisationCombo):
        widget.select(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(find_data(widget, value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        raise TypeError(f"no binding for {type(widget).__name__}")


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
