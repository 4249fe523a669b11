"""Departments of one organisation: a short list the case form offers, kept up to date here.

A department is only a name. Removing one that cases refer to leaves those cases intact with
no department (the database clears the reference), so the VP is asked first.
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

from ...core.fields import ValidationError
from ...core.journal import Journal
from ...core.models import Department
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.record_form import Banner, line_edit, validation_text


class DepartmentsPanel(QWidget):
    changed = Signal()  # a department was added, renamed or removed

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
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
        self.empty_label = QLabel(self.tr("Nog geen afdelingen. Typ een naam en kies Toevoegen."))
        self.empty_label.setWordWrap(True)
        self.name_field = line_edit(self.tr("Naam van de afdeling"))
        self.name_field.setPlaceholderText(self.tr("Naam van de afdeling"))
        self.add_button = QPushButton(self.tr("&Toevoegen"))
        self.rename_button = QPushButton(self.tr("Naam &wijzigen"))
        self.remove_button = QPushButton(self.tr("Afdeling verwijderen"))
        self.message = Banner("error")

        self.list.setSpacing(2)
        explanation.setAlignment(Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        editor = QVBoxLayout()
        editor.addWidget(self.name_field)
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
        self.name_field.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.remove_button.clicked.connect(self.remove)
        self._update_buttons()

    def set_organisation(self, organisation_id: int | None) -> None:
        """Show `organisation_id`'s departments; for the same one, keep choice and typing."""
        if organisation_id == self._organisation_id:
            self._reload(select=self.selected_id())
            return
        self._organisation_id = organisation_id
        self.name_field.clear()
        self.message.clear_message()
        self._reload()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def add(self) -> None:
        if self._organisation_id is None:
            return
        department = Department(organisation_id=self._organisation_id, name=self._typed())
        if self._stored(department):
            self.name_field.clear()

    def rename(self) -> None:
        department_id = self.selected_id()
        if department_id is None or self._organisation_id is None:
            return
        department = Department(self._organisation_id, self._typed(), department_id)
        self._stored(department)

    def remove(self) -> None:
        department_id = self.selected_id()
        if department_id is None:
            return
        item = self.list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole + 1)
        used = self.journal.cases_in_department(department_id)
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
            question = question.replace("%1", name).replace("%2", str(used))
            if not dialogs.ask(self, self.tr("Afdeling verwijderen"), question):
                return
        try:
            self.journal.delete(Department, department_id)
        except VaultError as problem:
            self.message.show_message(validation_text(problem))
            return
        self.name_field.clear()
        self.message.clear_message()
        self._reload()
        self.changed.emit()

    # -- internals ------------------------------------------------------------------------

    def _typed(self) -> str:
        return self.name_field.text().strip()

    def _stored(self, department: Department) -> bool:
        """Add or rename; a name the organisation already has is refused in words."""
        try:
            if department.id is None:
                department = self.journal.add(department)
            else:
                self.journal.update(department)
        except (ValidationError, VaultError) as problem:
            self.message.show_message(validation_text(problem))
            self.name_field.setFocus()
            return False
        self.message.clear_message()
        self._reload(select=department.id)
        self.changed.emit()
        return True

    def _reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        if self._organisation_id is not None:
            counts = self.journal.cases_per_department(self._organisation_id)
            for department in self.journal.departments_of(self._organisation_id):
                used = counts.get(department.id, 0)
                text = department.name
                if used == 1:
                    text = self.tr("%1  (1 melding)").replace("%1", text)
                elif used:
                    text = (
                        self.tr("%1  (%2 meldingen)").replace("%1", text).replace("%2", str(used))
                    )
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, department.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, department.name)
                self.list.addItem(item)
                if department.id == select:
                    self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty_label.setVisible(self.list.count() == 0 and self._organisation_id is not None)
        self._update_buttons()

    def _chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.name_field.setText(current.data(Qt.ItemDataRole.UserRole + 1))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.add_button.setEnabled(self._organisation_id is not None)
