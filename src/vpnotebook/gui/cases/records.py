"""A list of small records of one case (referrals, routes, follow-ups, time) with a form.

The form is built from the entity's field specs, so its inputs always match what the journal
accepts. Selecting a row edits that record, saved as the VP works; a new record is added with
the button, or when the screen locks with something typed in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.fields import Spec, ValidationError, specs
from ...core.journal import Journal
from ..common import dialogs
from ..common.labels import label
from .widgets import (
    Autosave,
    CodeCombo,
    DateField,
    FieldBox,
    OptionalDateField,
    buddy_label,
    error_label,
    plain,
)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    text: str  # the form label, with an &mnemonic
    column: str = ""  # the table header; empty: not shown in the table
    suffix: str = ""  # for numbers, such as " min"


class _Input:
    """One form input for one field: the widget, and reading and writing its value."""

    def __init__(self, spec: Spec, field: FieldSpec, choose: str) -> None:
        self.spec = spec
        self.widget: QWidget
        kind = spec.kind
        if kind == "date" and spec.required:
            self.widget = DateField()
        elif kind == "date":
            self.widget = OptionalDateField(field.text)
        elif kind == "code":
            assert spec.vocab is not None
            self.widget = CodeCombo(spec.vocab, choose)
        elif kind == "int":
            spin = QSpinBox()
            # One below the minimum means "not filled in", which validation then names.
            low = spec.minimum if spec.minimum is not None else 0
            spin.setRange(low - 1, spec.maximum if spec.maximum is not None else 1_000_000)
            spin.setSpecialValueText("—")
            spin.setSuffix(field.suffix)
            self.widget = spin
        elif kind == "text" and spec.max_length <= 300:
            line = QLineEdit()
            line.setMaxLength(spec.max_length)
            if spec.max_length == 5:  # a time of day
                line.setPlaceholderText(QCoreApplication.translate("RecordPanel", "uu:mm"))
                pattern = QRegularExpression(r"^$|^([01]?\d|2[0-3]):[0-5]\d$")
                line.setValidator(QRegularExpressionValidator(pattern, line))
            self.widget = line
        else:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMaximumHeight(64)
            self.widget = text

    def get(self) -> Any:
        widget = self.widget
        if isinstance(widget, DateField | OptionalDateField):
            return widget.day()
        if isinstance(widget, CodeCombo):
            return widget.code()
        if isinstance(widget, QSpinBox):
            return None if widget.value() < widget.minimum() + 1 else widget.value()
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        assert isinstance(widget, QPlainTextEdit)
        return widget.toPlainText()

    def set(self, value: Any) -> None:
        widget = self.widget
        if isinstance(widget, DateField | OptionalDateField):
            widget.set_day(value)
        elif isinstance(widget, CodeCombo):
            widget.set_code(value)
        elif isinstance(widget, QSpinBox):
            widget.setValue(widget.minimum() if value is None else int(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(value or "")
        elif isinstance(widget, QPlainTextEdit) and widget.toPlainText() != (value or ""):
            widget.setPlainText(value or "")

    def connect(self, slot: Callable[[], None]) -> None:
        widget = self.widget
        if isinstance(widget, OptionalDateField):
            widget.changed.connect(slot)
        elif isinstance(widget, DateField):
            widget.dateChanged.connect(slot)
        elif isinstance(widget, CodeCombo):
            widget.currentIndexChanged.connect(slot)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(slot)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(slot)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(slot)

    def display(self, value: Any) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, date):
            return value.strftime("%d-%m-%Y")
        if self.spec.kind == "code" and self.spec.vocab is not None:
            return label(self.spec.vocab, value)
        return " ".join(str(value).split())


class RecordPanel(QWidget):
    """A table of one kind of record of a case, with a form to add or change one."""

    saved = Signal()

    def __init__(
        self,
        journal: Journal,
        entity_type: type,
        fields: Sequence[FieldSpec],
        *,
        query: Callable[[Journal], list[Any]],
        new_record: Callable[[], Any],
        add_text: str,
        empty_text: str,
        form_beside: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._entity_type = entity_type
        self._fields = list(fields)
        self._query = query
        self._new_record = new_record
        self._records: list[Any] = []
        self._current: Any = None  # the record in the form; id None while it is a draft
        self._loading = False
        self._draft_dirty = False
        self.autosave = Autosave(self._save_existing, self)

        field_specs = specs(entity_type)
        choose = self.tr("— kies —")
        self._inputs: dict[str, _Input] = {}
        self._boxes: dict[str, FieldBox] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in self._fields:
            item = _Input(field_specs[field.name], field, choose)
            self._inputs[field.name] = item
            box = FieldBox(item.widget)
            self._boxes[field.name] = box
            if isinstance(item.widget, OptionalDateField):
                form.addRow(box)  # the check box carries the label
            else:
                form.addRow(buddy_label(field.text, item.widget), box)
            item.connect(self._edited)
        self.autosave.watch(item.widget for item in self._inputs.values())
        self.general_error = error_label()

        self._shown = [field for field in self._fields if field.column]
        self.table = QTableWidget(0, len(self._shown))
        self.table.setHorizontalHeaderLabels([field.column for field in self._shown])
        self.table.setAccessibleName(plain(add_text).rstrip("…").strip())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The free-text column takes what is left; dates and choices keep their width.
        for column, field in enumerate(self._shown):
            if field_specs[field.name].kind == "text" and field.name != "due_time":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(empty_text)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")

        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self.add_draft)
        self.new_button = QPushButton(self.tr("Nieuwe invoer"))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton(self.tr("Verwijderen…"))
        self.delete_button.clicked.connect(self.delete_current)
        self.mode = QLabel()
        self.mode.setObjectName("hint")
        self.mode.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mode, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.add_button)

        form_column = QVBoxLayout()
        form_column.addWidget(self.general_error)
        form_column.addLayout(form)
        form_column.addLayout(buttons)
        form_column.addStretch(1)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        list_column = QVBoxLayout()
        list_column.addWidget(self.list_stack, 1)
        direction = (
            QBoxLayout.Direction.LeftToRight if form_beside else QBoxLayout.Direction.TopToBottom
        )
        layout = QBoxLayout(direction, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(list_column, 3 if form_beside else 2)
        layout.addLayout(form_column, 2 if form_beside else 0)
        self.reset()

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the records; the record being edited stays in the form."""
        self._records = self._query(self._journal)
        keep = self._current.id if self._current is not None else None
        self._loading = True
        self.table.setRowCount(len(self._records))
        for row, record in enumerate(self._records):
            for column, field in enumerate(self._shown):
                text = self._inputs[field.name].display(getattr(record, field.name))
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 40 else "")
                self.table.setItem(row, column, item)
        self.table.clearSelection()
        if keep is not None:
            for row, record in enumerate(self._records):
                if record.id == keep:
                    self.table.selectRow(row)
        self._loading = False
        self.list_stack.setCurrentWidget(self.table if self._records else self.empty)

    def records(self) -> list[Any]:
        return list(self._records)

    def _fill(self, record: Any) -> None:
        self._loading = True
        for name, item in self._inputs.items():
            item.set(getattr(record, name))
        self._loading = False
        self._clear_errors()

    def _from_form(self) -> Any:
        values = {name: item.get() for name, item in self._inputs.items()}
        return replace(self._current, **values)

    def _set_mode(self) -> None:
        editing = self._current is not None and self._current.id is not None
        self.add_button.setVisible(not editing)
        self.new_button.setVisible(editing)
        self.delete_button.setEnabled(editing)
        self.mode.setText(
            self.tr("Wijzigingen worden vanzelf bewaard.")
            if editing
            else self.tr("Vul het formulier in en voeg toe.")
        )

    # -- editing ----------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        if self._current is not None and self._current.id is not None:
            self.autosave.touch()
        else:
            self._draft_dirty = True

    def _selection_changed(self) -> None:
        if self._loading:
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self._records[rows[0].row()].id
        self.save_pending()  # may add a draft and re-read the rows, so find the choice by id
        self._current = next(r for r in self._records if r.id == chosen)
        self._draft_dirty = False
        self._fill(self._current)
        self._set_mode()

    def reset(self) -> None:
        """Forget the form without saving (the caller saved first); show an empty draft."""
        self.autosave.discard()
        self._current = self._new_record()
        self._draft_dirty = False
        self._fill(self._current)
        self._set_mode()

    def start_new(self) -> None:
        self.save_pending()
        self._current = self._new_record()
        self._draft_dirty = False
        self._loading = True
        self.table.clearSelection()
        self._loading = False
        self._fill(self._current)
        self._set_mode()

    def add_draft(self) -> bool:
        """Store the record in the form as a new one."""
        record = self._from_form()
        try:
            stored = self._journal.add(record)
        except ValidationError as error:
            self._show_error(error)
            return False
        self._current = stored
        self._draft_dirty = False
        self._clear_errors()
        self.reload()
        self._set_mode()
        self.saved.emit()
        return True

    def _save_existing(self) -> bool:
        if self._current is None or self._current.id is None:
            return True
        record = self._from_form()
        try:
            self._journal.update(record)
        except ValidationError as error:
            self._show_error(error)
            return False
        self._current = record
        self._clear_errors()
        self.reload()
        self.saved.emit()
        return True

    def save_pending(self) -> None:
        """Write the edit in progress; a typed-in draft is added rather than dropped."""
        if self._current is not None and self._current.id is None:
            if self._draft_dirty:
                self.add_draft()
            return
        self.autosave.flush()

    def delete_current(self) -> None:
        if self._current is None or self._current.id is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Verwijderen"),
            self.tr("Deze regel verwijderen? Dit kan niet ongedaan worden gemaakt."),
        ):
            return
        self.autosave.discard()
        self._journal.delete(self._entity_type, self._current.id)
        self.reset()
        self.reload()
        self.saved.emit()

    # -- messages ---------------------------------------------------------------------------

    def _show_error(self, error: ValidationError) -> None:
        self._clear_errors()
        box = self._boxes.get(error.field_name)
        if box is None:
            self.general_error.setText(error.message_nl)
            self.general_error.setVisible(True)
        else:
            box.show_error(error.message_nl)

    def _clear_errors(self) -> None:
        self.general_error.setVisible(False)
        for box in self._boxes.values():
            box.clear_error()
