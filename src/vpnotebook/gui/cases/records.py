"""A list of small records of one case (referrals, routes, follow-ups, time) with a form.

The form's inputs are made from the entity's field specs (common/binding.py), so they always
match what the journal accepts. Selecting a row edits that record; the form saves by itself
as the VP works (common/editor.py). A new record is stored as soon as it is complete; until
then nothing is said, unless the VP leaves it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
from ..common.binding import FormBinding
from ..common.editor import RecordEditor, Storage
from ..common.inputs import FieldBox, OptionalDateField, buddy_label, error_label, plain
from ..common.labels import label
from ..common.record_table import FitToWidth
from ..session import Session


@dataclass(frozen=True)
class FieldSpec:
    name: str
    text: str  # the form label, with an &mnemonic
    column: str = ""  # the table header; empty: not shown in the table
    suffix: str = ""  # for numbers, such as " min"
    # For a field no spec can make an input for (another case to link to): its own picker,
    # and how its value reads in the table.
    widget: Callable[[], QWidget] | None = None
    shown: Callable[[Any], str] | None = None


def display(spec: Spec, value: Any) -> str:
    """A field's value as one line of a table cell."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if spec.kind == "code" and spec.vocab is not None:
        return label(spec.vocab, value)
    return " ".join(str(value).split())


class _Problems:
    """Where the panel's form says what is wrong: under the field, or above the form."""

    def __init__(self, boxes: dict[str, FieldBox], general: QLabel) -> None:
        self._boxes = boxes
        self._general = general

    def show_message(self, text: str) -> None:
        self.clear_message()
        self._general.setText(text)
        self._general.setVisible(True)

    def clear_message(self) -> None:
        self._general.setVisible(False)
        for box in self._boxes.values():
            box.clear_error()

    def invalid(self, error: ValidationError) -> None:
        self.clear_message()
        box = self._boxes.get(error.field_name)
        if box is None:
            self.show_message(error.message_nl)
        else:
            box.show_error(error.message_nl)


class RecordPanel(QWidget):
    """A table of one kind of record of a case, with a form to add or change one."""

    saved = Signal()
    activated = Signal(object)  # a row double-clicked or Enter pressed on it: its record

    def __init__(
        self,
        session: Session,
        entity_type: type,
        fields: Sequence[FieldSpec],
        *,
        query: Callable[[Journal], list[Any]],
        new_record: Callable[[], Any],
        add_text: str,
        empty_text: str,
        describe: Callable[[Any], str],
        form_beside: bool = False,
        storage: Storage | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = session.journal
        self._entity_type = entity_type
        self._fields = list(fields)
        self._query = query
        self._new_record = new_record
        self._records: list[Any] = []
        self._loading = False

        field_specs = specs(entity_type)
        self.binding = FormBinding(entity_type, self)
        self._boxes: dict[str, FieldBox] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in self._fields:
            made = field.widget() if field.widget is not None else None
            widget: QWidget = self.binding.bind(field.name, made, text=field.text)
            _adjust(widget, field)
            box = FieldBox(widget)
            self._boxes[field.name] = box
            if isinstance(widget, OptionalDateField):
                form.addRow(box)  # the check box carries the label
            else:
                form.addRow(buddy_label(field.text, widget), box)
        self.general_error = error_label()
        self._problems = _Problems(self._boxes, self.general_error)
        # The case view tells the page what changed (cases/case_view.py), so no notify here.
        self.editor = RecordEditor(
            session,
            self.binding,
            self._problems,
            kind="cases",
            notify=False,
            describe=describe,
            draft_key=f"case_{entity_type.__name__.lower()}",
            on_invalid=self._problems.invalid,
            storage=storage,
            parent=self,
        )
        self.autosave = self.editor.autosave
        self.editor.stored.connect(self._stored)

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
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The free-text column takes what is left; dates and choices are as wide as their
        # text, and give way on a narrow window (cut off with …) rather than scroll sideways.
        stretch = next(
            (
                column
                for column, field in enumerate(self._shown)
                if field_specs[field.name].kind == "text" and field_specs[field.name].max_length > 5
            ),
            len(self._shown) - 1,
        )
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self._stretch = stretch
        self.fitter = FitToWidth(self.table, stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellActivated.connect(
            lambda row, _column: self.activated.emit(self._records[row])
        )
        self.empty = QLabel(empty_text)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")

        self.new_button = QPushButton(add_text)
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
        self._buttons = buttons

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

    def add_button(self, button: QPushButton) -> None:
        """One more action on the record in the form, beside Verwijderen."""
        self._buttons.insertWidget(self._buttons.indexOf(self.delete_button), button)

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the records; the record being edited stays in the form."""
        self._records = self._query(self._journal)
        current = self.editor.current
        keep = current.id if current is not None else None
        if keep is not None and all(r.id != keep for r in self._records):
            self.reset()  # removed meanwhile (an undo, another screen)
            keep = None
        field_specs = specs(self._entity_type)
        self._loading = True
        self.table.setRowCount(len(self._records))
        for row, record in enumerate(self._records):
            for column, field in enumerate(self._shown):
                value = getattr(record, field.name)
                text = (
                    field.shown(value)
                    if field.shown is not None
                    else display(field_specs[field.name], value)
                )
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 20 else "")
                self.table.setItem(row, column, item)
        for column in range(len(self._shown)):
            if column != self._stretch:
                self.table.resizeColumnToContents(column)
        self.fitter.remember()
        self.table.clearSelection()
        if keep is not None:
            for row, record in enumerate(self._records):
                if record.id == keep:
                    self.table.selectRow(row)
                    self.editor.follow(record)
        self._loading = False
        self.list_stack.setCurrentWidget(self.table if self._records else self.empty)

    def records(self) -> list[Any]:
        return list(self._records)

    def _set_mode(self) -> None:
        current = self.editor.current
        editing = current is not None and current.id is not None
        # A new one is already in the form until it is stored: only then can another start.
        self.new_button.setVisible(editing)
        self.delete_button.setEnabled(editing)
        self.mode.setText(
            self.tr("Wijzigingen worden vanzelf bewaard.")
            if editing
            else self.tr("Vul het formulier in; het wordt vanzelf bewaard zodra het compleet is.")
        )

    # -- editing ----------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        if self._loading:
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self._records[rows[0].row()].id
        if not self.editor.leave():
            self.reload()  # back to the record that could not be stored, still in the form
            return
        self.editor.show(next(r for r in self._records if r.id == chosen))
        self._set_mode()

    def reset(self) -> None:
        """Forget the form without saving (the caller saved first); show an empty new one."""
        self.editor.show(self._new_record())
        self._set_mode()

    def start_new(self) -> None:
        if not self.editor.leave():
            return
        self._loading = True
        self.table.clearSelection()
        self._loading = False
        self.reset()
        first = self.binding.widgets()[0] if self.binding.widgets() else None
        if first is not None:
            first.setFocus()

    def _stored(self, _record: Any) -> None:
        self.reload()
        self._set_mode()
        self.saved.emit()

    def save_pending(self) -> None:
        """Write the edit in progress (what cannot be stored yet is kept as a draft)."""
        self.editor.save_pending()

    def restore_draft(self, case_id: int | None) -> None:
        """After an unlock: put back what a lock kept for this case, if anything."""
        if self.editor.restore_draft(belongs=lambda typed: typed.case_id == case_id):
            self._set_mode()

    def delete_current(self) -> None:
        current = self.editor.current
        if current is None or current.id is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Verwijderen"),
            self.tr("Deze regel verwijderen? Dit kan niet ongedaan worden gemaakt."),
        ):
            return
        self.editor.discard()
        self._journal.delete(self._entity_type, current.id)
        self.reset()
        self.reload()
        self.saved.emit()


def _adjust(widget: QWidget, field: FieldSpec) -> None:
    """What the spec alone cannot say: a unit after a number, the shape of a time of day."""
    if isinstance(widget, QPlainTextEdit):
        widget.setMaximumHeight(64)
    if isinstance(widget, QSpinBox) and field.suffix:
        widget.setSuffix(field.suffix)
    if isinstance(widget, QLineEdit) and widget.maxLength() == 5:  # a time of day
        widget.setPlaceholderText(QCoreApplication.translate("RecordPanel", "uu:mm"))
        pattern = QRegularExpression(r"^$|^([01]?\d|2[0-3]):[0-5]\d$")
        widget.setValidator(QRegularExpressionValidator(pattern, widget))
        widget.setClearButtonEnabled(False)
