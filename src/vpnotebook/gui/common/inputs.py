"""The input widgets every form is built from, and the small pieces around them.

One widget per kind of field (core/fields.py): text on one line or several, a number, a date
that must be there or may be absent, a choice from a vocabulary, several choices, a yes/no, an
organisation. `binding.FormBinding` reads and writes each of them; `binding.input_for` picks
the right one from a field's spec.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from ...core.models import Organisation
from ...core.taxonomy import Vocabulary
from .labels import label

DATE_FORMAT = "dd-MM-yyyy"
# The journal accepts these years; the widgets then cannot produce a date it would refuse.
FIRST_DAY = QDate(1990, 1, 1)
LAST_DAY = QDate(2200, 12, 31)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Inputs", text)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def plain(text: str) -> str:
    """A label's text without its mnemonic marker, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label whose Alt+letter mnemonic moves focus to `buddy`, which it also names."""
    widget = QLabel(text)
    widget.setBuddy(buddy)
    buddy.setAccessibleName(plain(text).rstrip(":? ").strip())
    return widget


# -- text and numbers -----------------------------------------------------------------------


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


class MinutesField(QSpinBox):
    """A duration in minutes that counts in the VP's hours: 0 is "not filled in" and says
    so ("nog invullen"), yet is stored as 0, as the field has always held. Clicked into,
    the whole value is selected, so typing "45" replaces the words instead of following
    them."""

    def __init__(
        self, accessible_name: str = "", *, step: int = 5, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setRange(0, 24 * 60)
        self.setSingleStep(step)
        self.setSuffix(_tr(" min"))
        self.setSpecialValueText(_tr("nog invullen"))
        if accessible_name:
            self.setAccessibleName(accessible_name)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)


def optional_number_edit(
    accessible_name: str, maximum: int, *, minimum: int = 0, unknown: str = ""
) -> QSpinBox:
    """A number that may be absent: one below `minimum` shows `unknown` and reads as None."""
    spin = number_edit(accessible_name, maximum, minimum=minimum - 1)
    spin.setSpecialValueText(unknown or _tr("onbekend"))
    return spin


# -- dates ----------------------------------------------------------------------------------


class DateField(QDateEdit):
    """A date that must be there; today when nothing else is set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setDateRange(FIRST_DAY, LAST_DAY)
        self.setDate(QDate.currentDate())
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def day(self) -> date:
        return from_qdate(self.date())

    def set_day(self, day: date | None) -> None:
        self.setDate(to_qdate(day) if day else QDate.currentDate())


def date_edit(accessible_name: str) -> DateField:
    edit = DateField()
    edit.setAccessibleName(accessible_name)
    return edit


class OptionalDateField(QWidget):
    """A date that may be absent: a check box switches the date on, today by default."""

    changed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.check.setAccessibleName(plain(text))
        self.edit = DateField()
        self.edit.setAccessibleName(plain(text))
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.setFocusProxy(self.check)

    def day(self) -> date | None:
        return self.edit.day() if self.check.isChecked() else None

    def set_day(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        self.edit.set_day(day)


class NegatedCheck(QCheckBox):
    """A check box ticked when its yes/no field is *not* set: the field says what is usual
    (a reporter known to the VP), the box what the VP marks (an anonymous reporter)."""


# -- choices --------------------------------------------------------------------------------


class CodeCombo(QComboBox):
    """A choice from a vocabulary; `empty_text` adds a first "nothing chosen" entry."""

    def __init__(
        self, vocab: Vocabulary, empty_text: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if empty_text is not None:
            self.addItem(empty_text, None)
        for term in vocab:
            self.addItem(label(vocab, term.code), term.code)
        # Long labels must not widen the form; the open list still shows them whole.
        self.setMinimumContentsLength(12)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def code(self) -> str | None:
        value = self.currentData() if self.currentIndex() >= 0 else None
        return str(value) if value is not None else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        if index < 0 and code is None and self.placeholderText():
            self.setCurrentIndex(-1)  # the placeholder: nothing chosen yet
            return
        self.setCurrentIndex(max(index, 0))


def vocab_combo(vocab: Vocabulary, accessible_name: str, placeholder: str = "") -> CodeCombo:
    """A choice from a vocabulary that starts out unchosen, showing `placeholder`."""
    combo = CodeCombo(vocab)
    combo.setAccessibleName(accessible_name)
    if placeholder:
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)
    return combo


class CodeChecks(QWidget):
    """Several choices from a vocabulary, as check boxes in two columns."""

    changed = Signal()

    def __init__(self, vocab: Vocabulary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for index, term in enumerate(vocab):
            check = QCheckBox(label(vocab, term.code))
            check.setAccessibleName(label(vocab, term.code))
            check.toggled.connect(self.changed)
            self.checks[term.code] = check
            grid.addWidget(check, index // 2, index % 2)
        if self.checks:
            self.setFocusProxy(next(iter(self.checks.values())))

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, check in self.checks.items() if check.isChecked())

    def set_codes(self, codes: Sequence[str]) -> None:
        for code, check in self.checks.items():
            check.setChecked(code in codes)


class CodeRadios(QWidget):
    """One choice from a short vocabulary, every option in sight: one click, no list to open.
    Starts with nothing chosen, so a required choice is made on purpose (never a default that
    would quietly count in the annual report)."""

    changed = Signal()

    def __init__(self, vocab: Vocabulary, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.radios: dict[str, QRadioButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for index, term in enumerate(vocab):
            radio = QRadioButton(label(vocab, term.code))
            radio.setAccessibleName(label(vocab, term.code))
            self._group.addButton(radio)
            self.radios[term.code] = radio
            grid.addWidget(radio, index // columns, index % columns)
        self._group.buttonToggled.connect(self._toggled)
        if self.radios:
            self.setFocusProxy(next(iter(self.radios.values())))

    def _toggled(self, _button: QAbstractButton, on: bool) -> None:
        if on:  # a radio switched off is half of the same change
            self.changed.emit()

    def code(self) -> str | None:
        return next((code for code, radio in self.radios.items() if radio.isChecked()), None)

    def set_code(self, code: str | None) -> None:
        if code in self.radios:
            self.radios[code].setChecked(True)
            self.setFocusProxy(self.radios[code])
            return
        # Nothing chosen: an exclusive group needs a moment without exclusivity to clear.
        self._group.setExclusive(False)
        for radio in self.radios.values():
            radio.setChecked(False)
        self._group.setExclusive(True)
        self.changed.emit()


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
        with signals_blocked(self):
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
def signals_blocked(widget: QWidget) -> Iterator[None]:
    was = widget.blockSignals(True)
    try:
        yield
    finally:
        widget.blockSignals(was)


# -- room for a message ---------------------------------------------------------------------


class FieldBox(QWidget):
    """An input with room for a validation message right under it."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.error)
        self.setFocusProxy(widget)
        self.setSizePolicy(widget.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Preferred)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.setVisible(False)


def error_label() -> QLabel:
    """A form-wide message line for errors that belong to no single field."""
    widget = QLabel()
    widget.setObjectName("formError")
    widget.setWordWrap(True)
    widget.setStyleSheet("color: #b3261e;")
    widget.setVisible(False)
    return widget
