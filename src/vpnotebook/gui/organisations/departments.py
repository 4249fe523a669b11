"""Departments of one organisation: a short list the case form offers, kept up to date here.

A department is only a name. Choosing one in the list puts its name in the field, where
typing renames it; "Nieuwe afdeling" (or Enter after a name) starts the next one. Both are
saved by themselves, as every form is (common/editor.py). Removing one that cases refer to
leaves those cases intact with no department (the database clears the reference), so the VP
is asked first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import NotFoundError
from ...core.models import Department
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.binding import FormBinding
from ..common.editor import RecordEditor
from ..common.inputs import line_edit
from ..common.record_form import Banner, validation_text
from ..session import Session


class DepartmentsPanel(QWidget):
    changed = Signal()  # a department was removed

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.journal = session.journal
        self._organisation_id: int | None = None

        explanation = QLabel(
            self.tr(
                "Bij een melding kiest u de afdeling uit deze lijst. Het jaarverslag noemt een "
                "afdeling alleen als de aantallen groot genoeg zijn om niemand herkenbaar te "
                "maken."
            )
        )
        explanation.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Afdelingen"))
        self.empty_label = QLabel(
            self.tr("Nog geen afdelingen. Typ hierboven een naam; die wordt vanzelf bewaard.")
        )
        self.empty_label.setWordWrap(True)
        self.binding = FormBinding(Department, self)
        self.name_field = self.binding.bind("name", line_edit(self.tr("Naam van de afdeling")))
        self.name_field.setPlaceholderText(self.tr("Naam van de afdeling"))
        self.message = Banner("error")
        self.editor = RecordEditor(
            session,
            self.binding,
            self.message,
            kind="organisations",
            describe=lambda d: self.tr("de afdeling ‘%1’").replace("%1", d.name or "…"),
            draft_key="departments",
            parent=self,
        )
        self.new_button = QPushButton(self.tr("&Nieuwe afdeling"))
        self.remove_button = QPushButton(self.tr("Afdeling verwijderen"))
        self.mode = QLabel()
        self.mode.setObjectName("hint")
        self.mode.setWordWrap(True)

        self.list.setSpacing(2)
        explanation.setAlignment(Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        editor = QVBoxLayout()
        editor.addWidget(self.name_field)
        editor.addWidget(self.mode)
        editor.addLayout(buttons)
        editor.addWidget(self.message)
        editor.addWidget(self.empty_label)
        editor.addWidget(self.list, 1)
        # A list of short names reads badly across the full width of the window.
        holder = QWidget()
        holder.setLayout(editor)
        holder.setMaximumWidth(560)
        layout = QHBoxLayout(self)
        layout.addWidget(holder, 3)
        layout.addSpacing(18)
        layout.addWidget(explanation, 2)

        self.list.currentItemChanged.connect(self._chosen)
        self.name_field.returnPressed.connect(self._next)
        self.new_button.clicked.connect(self.new_department)
        self.remove_button.clicked.connect(self.remove)
        self.editor.stored.connect(self._stored)
        self._update_buttons()

    def set_organisation(self, organisation_id: int | None) -> None:
        """Show `organisation_id`'s departments; for the same one, keep choice and typing."""
        if organisation_id == self._organisation_id:
            if not self.editor.is_dirty():
                chosen = self.selected_id()
                self._reload(select=chosen)
                if chosen is not None:
                    try:
                        self.editor.follow(self.journal.get(Department, chosen))
                    except NotFoundError:
                        self._start_new()
            return
        self._organisation_id = organisation_id
        self._reload()
        self._start_new()

    def selected_id(self) -> int | None:
        current = self.editor.current
        return current.id if current is not None else None

    def save(self) -> bool:
        return self.editor.save()

    def save_pending(self) -> None:
        self.editor.save_pending()

    def leave(self) -> bool:
        return self.editor.leave()

    def restore_draft(self) -> None:
        """After an unlock: put back what a lock kept because it could not be stored yet."""
        self.editor.restore_draft(
            belongs=lambda typed: typed.organisation_id == self._organisation_id
        )
        self._update_buttons()

    def new_department(self) -> None:
        if self.leave():
            self._start_new()
            self.name_field.setFocus()

    def remove(self) -> None:
        department = self.editor.current
        if department is None or department.id is None:
            return
        used = self.journal.cases_in_department(department.id)
        if used:
            if used == 1:
                question = self.tr(
                    "Bij ‘%1’ hoort een melding. Die blijft bestaan, maar zonder afdeling. "
                    "Wilt u de afdeling toch verwijderen?"
                )
            else:
                question = self.tr(
                    "Bij ‘%1’ horen %2 meldingen. Die blijven bestaan, maar zonder afdeling. "
                    "Wilt u de afdeling toch verwijderen?"
                )
            question = question.replace("%1", department.name).replace("%2", str(used))
            if not dialogs.ask(self, self.tr("Afdeling verwijderen"), question):
                return
        self.editor.discard()
        try:
            self.journal.delete(Department, department.id)
        except VaultError as problem:
            self.message.show_message(validation_text(problem))
            return
        self._reload()
        self._start_new()
        self.changed.emit()

    # -- internals ------------------------------------------------------------------------

    def _start_new(self) -> None:
        self.list.setCurrentRow(-1)
        if self._organisation_id is None:
            self.editor.show(None)
            self.name_field.clear()
        else:
            self.editor.show(Department(organisation_id=self._organisation_id))
        self._update_buttons()

    def _next(self) -> None:
        """Enter: this name is done; the field is ready for the next department."""
        if self.editor.save() and self.editor.current is not None:
            self._start_new()

    def _stored(self, department: Department) -> None:
        self._reload(select=department.id)
        self._update_buttons()

    def _reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        if self._organisation_id is not None:
            counts = self.journal.cases_per_department(self._organisation_id)
            for department in self.journal.departments_of(self._organisation_id):
                used = counts.get(department.id or 0, 0)
                text = department.name
                if used == 1:
                    text = self.tr("%1  (1 melding)").replace("%1", text)
                elif used:
                    text = (
                        self.tr("%1  (%2 meldingen)").replace("%1", text).replace("%2", str(used))
                    )
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, department.id)
                self.list.addItem(item)
                if department.id == select:
                    self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty_label.setVisible(self.list.count() == 0 and self._organisation_id is not None)

    def _chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        if not self.leave():
            self._reload(select=self.selected_id())
            return
        department_id = current.data(Qt.ItemDataRole.UserRole)
        try:
            self.editor.show(self.journal.get(Department, department_id))
        except NotFoundError:
            self._reload()
            self._start_new()
        self._update_buttons()

    def _update_buttons(self) -> None:
        department = self.editor.current
        chosen = department is not None and department.id is not None
        self.remove_button.setEnabled(chosen)
        self.new_button.setEnabled(self._organisation_id is not None)
        self.name_field.setEnabled(self._organisation_id is not None)
        self.mode.setText(
            self.tr("Typ om de naam te wijzigen; dat wordt vanzelf bewaard.")
            if chosen
            else self.tr("Typ de naam van een nieuwe afdeling; Enter voor de volgende.")
        )
