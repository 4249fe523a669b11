"""The one way a form ties its inputs to a record's fields.

A `FormBinding` knows the entity it edits. Each field is bound to one input by its name; the
binding loads a record into the inputs, reads the edited record back, and says when the VP
changed anything. `bind(name)` without a widget makes the input the field's spec asks for (a
line or several for text, a date that may be absent, a choice from the vocabulary, ...), so
adding a field to a form is one line.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QDate, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...core.fields import Spec, ValidationError, specs
from .inputs import (
    CodeChecks,
    CodeCombo,
    CodeRadios,
    DateField,
    MinutesField,
    NegatedCheck,
    OptionalDateField,
    OrganisationCombo,
    find_data,
    line_edit,
    optional_number_edit,
    plain,
    text_edit,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

W = TypeVar("W", bound=QWidget)
E = TypeVar("E", bound="DataclassInstance")  # a record (core/models.py)

SHORT_TEXT = 300  # up to this many characters a text is one line; longer ones get a box


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormBinding", text)


def input_for(spec: Spec, text: str) -> QWidget:
    """The input a field's spec asks for; `text` is its label (with its &mnemonic)."""
    name = plain(text).rstrip(":? ").strip()
    if spec.kind == "text":
        if spec.max_length <= SHORT_TEXT:
            return line_edit(name, spec.max_length)
        return text_edit(name, lines=3)
    if spec.kind == "int":
        maximum = spec.maximum if spec.maximum is not None else 1_000_000
        minimum = spec.minimum if spec.minimum is not None else 0
        # One below the minimum is "not filled in": a required number the VP never typed
        # is named by validation rather than stored as the lowest value.
        unknown = "—" if spec.required else ""
        return optional_number_edit(name, maximum, minimum=minimum, unknown=unknown)
    if spec.kind == "date":
        if spec.required:
            field = DateField()
            field.setAccessibleName(name)
            return field
        return OptionalDateField(text)
    if spec.kind == "code":
        assert spec.vocab is not None
        empty = _tr("— kies —") if spec.required else _tr("— niet vastgelegd —")
        combo = CodeCombo(spec.vocab, empty)
        combo.setAccessibleName(name)
        return combo
    if spec.kind == "codes":
        assert spec.vocab is not None
        checks = CodeChecks(spec.vocab)
        checks.setAccessibleName(name)
        return checks
    if spec.kind == "bool":
        check = QCheckBox(text)
        check.setAccessibleName(name)
        return check
    raise TypeError(f"a {spec.kind} field needs a picker of its own (bind it with a widget)")


class FormBinding(QObject):
    """Entity fields <-> input widgets: load a record, read it back, and `edited`."""

    edited = Signal()

    def __init__(self, entity_type: type, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entity_type = entity_type
        self._specs = specs(entity_type)
        self._widgets: dict[str, QWidget] = {}
        self._quiet = 0

    def bind(self, field: str, widget: W | None = None, *, text: str = "") -> W:
        """Tie `field` to `widget`, or to the input its spec asks for (labelled `text`)."""
        if field not in self._specs:
            raise KeyError(f"{self.entity_type.__name__} has no field {field!r}")
        if widget is None:
            widget = cast(W, input_for(self._specs[field], text or self._specs[field].label_nl))
        self._widgets[field] = widget
        _change_signal(widget).connect(self._changed)
        return widget

    def widget(self, field: str) -> QWidget | None:
        return self._widgets.get(field)

    def widgets(self) -> list[QWidget]:
        return list(self._widgets.values())

    def widget_for(self, error: ValidationError) -> QWidget | None:
        """The input a validation message is about, if it is on this form."""
        if error.entity != self.entity_type.__name__:
            return None
        return self._widgets.get(error.field_name)

    def fields(self) -> tuple[str, ...]:
        return tuple(self._widgets)

    def inputs(self) -> list[QWidget]:
        """Every widget that takes focus, for autosave when focus leaves one of them."""
        found: list[QWidget] = []
        for widget in self._widgets.values():
            if isinstance(widget, OptionalDateField):
                found += [widget.check, widget.edit]
            elif isinstance(widget, CodeChecks):
                found += list(widget.checks.values())
            elif isinstance(widget, CodeRadios):
                found += list(widget.radios.values())
            else:
                found.append(widget)
        return found

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
                if value_of(widget) != value:
                    set_value(widget, value)

    def read(self, entity: E) -> E:
        values = {field: value_of(widget) for field, widget in self._widgets.items()}
        return dataclasses.replace(entity, **values)

    def mark_edited(self) -> None:
        """An input changed with its signals blocked (a list refilled), by the VP's doing."""
        self._changed()

    def _changed(self, *_args: object) -> None:
        if not self._quiet:
            self.edited.emit()


def _change_signal(widget: QWidget) -> Any:
    if isinstance(widget, OptionalDateField | CodeChecks | CodeRadios):
        return widget.changed
    if isinstance(widget, QLineEdit | QPlainTextEdit):
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


def value_of(widget: QWidget) -> Any:
    """What the input holds, as the entity's field holds it."""
    if isinstance(widget, OptionalDateField):
        return widget.day()
    if isinstance(widget, CodeChecks):
        return widget.codes()
    if isinstance(widget, CodeRadios):
        return widget.code()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QSpinBox):
        # "onbekend" is no number; a duration's "nog invullen" is its 0 (MinutesField).
        if (
            widget.specialValueText()
            and widget.value() == widget.minimum()
            and not isinstance(widget, MinutesField)
        ):
            return None
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData() if widget.currentIndex() >= 0 else None
    if isinstance(widget, NegatedCheck):
        return not widget.isChecked()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(f"no binding for {type(widget).__name__}")


def set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, OptionalDateField):
        widget.set_day(value)
    elif isinstance(widget, CodeChecks):
        widget.set_codes(value or ())
    elif isinstance(widget, CodeRadios):
        widget.set_code(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value or "")
        widget.setCursorPosition(0)  # the start of a long text, not its end
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QDateEdit):
        day = value or date.today()
        widget.setDate(QDate(day.year, day.month, day.day))
    elif isinstance(widget, QSpinBox):
        widget.setValue(widget.minimum() if value is None else int(value))
    elif isinstance(widget, OrganisationCombo):
        widget.select(value)
    elif isinstance(widget, CodeCombo):
        widget.set_code(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(find_data(widget, value))
    elif isinstance(widget, NegatedCheck):
        widget.setChecked(not value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        raise TypeError(f"no binding for {type(widget).__name__}")
