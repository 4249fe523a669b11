"""Referral contacts of one organisation: looked up during a conversation, so quick to copy.

The table shows who to call at a glance; Ctrl+C copies the cell under the cursor, and Enter or
a double click on a phone number or e-mail address copies it too. Copies go out marked as
secret for clipboard managers and are cleared when the vault locks.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import taxonomy as tx
from ...core.journal import NotFoundError
from ...core.models import ReferralContact
from ...vault.errors import VaultError
from ..common import clipboard, dialogs
from ..common.binding import FormBinding
from ..common.editor import RecordEditor
from ..common.inputs import line_edit, text_edit, vocab_combo
from ..common.labels import label
from ..common.record_form import Banner, validation_text
from ..common.record_table import record_table
from ..models.record_table_model import Column, RecordSortModel, RecordTableModel
from ..session import Session

_PARTY_ORDER = {code: index for index, code in enumerate(tx.REFERRAL_PARTIES.codes)}
PHONE_COLUMN, EMAIL_COLUMN = 2, 3


class ContactsPanel(QWidget):
    changed = Signal()  # a contact was stored or removed

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.journal = session.journal
        self._organisation_id: int | None = None
        self._sync_depth = 0

        self.model: RecordTableModel[ReferralContact] = RecordTableModel(
            [
                Column(
                    self.tr("Soort"),
                    lambda c: label(tx.REFERRAL_PARTIES, c.party or "other"),
                    lambda c: f"{_PARTY_ORDER.get(c.party or '', 99):02d} {c.name.casefold()}",
                ),
                Column(self.tr("Naam"), lambda c: c.name),
                Column(self.tr("Telefoon"), lambda c: c.phone),
                Column(self.tr("E-mail"), lambda c: c.email),
            ],
            self,
        )
        self.proxy = RecordSortModel(self.model, self)
        # Single cells, so a phone number or e-mail address can be copied on its own.
        self.table = record_table(self.proxy, self.tr("Doorverwijscontacten"), whole_rows=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EMAIL_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(
            self.tr(
                "Nog geen contacten. Leg hier vast naar wie u bij deze organisatie kunt "
                "doorverwijzen: bedrijfsarts, HR, bedrijfsmaatschappelijk werk, klachtencommissie."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        self.copied_label = QLabel()
        self.copied_label.setWordWrap(True)
        self.tip = tip = QLabel(
            self.tr("Tip: Ctrl+C of dubbelklikken kopieert een telefoonnummer of e-mailadres.")
        )
        tip.setWordWrap(True)

        self.binding = FormBinding(ReferralContact, self)
        bind = self.binding.bind
        self.party_field = bind(
            "party",
            vocab_combo(tx.REFERRAL_PARTIES, self.tr("Soort contact"), self.tr("Kies een soort")),
        )
        self.name_field = bind("name", line_edit(self.tr("Naam contactpersoon")))
        self.phone_field = bind("phone", line_edit(self.tr("Telefoonnummer")))
        self.email_field = bind("email", line_edit(self.tr("E-mailadres")))
        self.notes_field = bind("notes", text_edit(self.tr("Notities over dit contact"), lines=3))
        self.copy_phone = self._copy_button(self.phone_field, self.tr("Telefoonnummer kopiëren"))
        self.copy_email = self._copy_button(self.email_field, self.tr("E-mailadres kopiëren"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Soort:"), self.party_field)
        form.addRow(self.tr("Naam:"), self.name_field)
        form.addRow(self.tr("Telefoon:"), _with_button(self.phone_field, self.copy_phone))
        form.addRow(self.tr("E-mail:"), _with_button(self.email_field, self.copy_email))
        form.addRow(self.tr("Notities:"), self.notes_field)
        fields = QWidget()
        fields.setLayout(form)
        self.placeholder = QLabel(self.tr("Kies een contact, of voeg er een toe."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form_stack = QStackedWidget()
        self.form_stack.addWidget(self.placeholder)
        self.form_stack.addWidget(fields)

        self.message = Banner("error")
        self.editor = RecordEditor(
            session,
            self.binding,
            self.message,
            kind="organisations",
            describe=self._describe,
            draft_key="referral_contacts",
            parent=self,
        )
        self.new_button = QPushButton(self.tr("Nieuw &contact"))
        self.delete_button = QPushButton(self.tr("Contact verwijderen"))
        self.saving_hint = QLabel(self.tr("Wijzigingen worden vanzelf bewaard."))
        self.saving_hint.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.saving_hint)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 6, 0)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        left_box.addLayout(top)
        left_box.addWidget(self.list_stack, 1)
        left_box.addWidget(tip)
        left_box.addWidget(self.copied_label)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(6, 0, 0, 0)
        right_box.addWidget(self.form_stack, 1)
        right_box.addWidget(self.message)
        right_box.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._activated)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(lambda: self.copy_cell(self.table.currentIndex()))
        self.editor.stored.connect(self._stored)
        self.new_button.clicked.connect(self.new_contact)
        self.delete_button.clicked.connect(self.delete)
        chain = [self.new_button, self.table, self.party_field, self.name_field]
        chain += [self.phone_field, self.copy_phone, self.email_field, self.copy_email]
        chain += [self.notes_field, self.delete_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    def _copy_button(self, field: QLineEdit, accessible_name: str) -> QToolButton:
        button = QToolButton()
        button.setText(self.tr("Kopiëren"))
        button.setAccessibleName(accessible_name)
        button.setToolTip(accessible_name)
        button.clicked.connect(lambda: self._copy(field.text(), accessible_name))
        return button

    # -- what the page uses -------------------------------------------------------------

    def set_organisation(self, organisation_id: int | None, select: int | None = None) -> None:
        if organisation_id == self._organisation_id and self.is_dirty():
            return  # a contact being typed stays as it is
        self._organisation_id = organisation_id
        self.copied_label.clear()
        contacts: list[ReferralContact] = []
        if organisation_id is not None:
            contacts = self.journal.referral_contacts_of(organisation_id)
        with self._syncing():
            self.model.set_records(contacts)
        self.list_stack.setCurrentWidget(self.table if contacts else self.empty_label)
        self.tip.setVisible(bool(contacts))
        self.new_button.setEnabled(organisation_id is not None)
        if select is None and contacts:
            select = self.proxy.id_at(0)
        self._open(select)

    def selected_id(self) -> int | None:
        current = self.editor.current
        return current.id if current is not None else None

    def is_dirty(self) -> bool:
        return self.editor.is_dirty()

    def save_pending(self) -> None:
        self.editor.save_pending()

    def leave(self) -> bool:
        return self.editor.leave()

    def save(self) -> bool:
        """Write the contact now (Ctrl+S); on a problem, say what it is beside the form."""
        return self.editor.save()

    def restore_draft(self) -> None:
        """After an unlock: put back what a lock kept because it could not be stored yet."""
        self.editor.restore_draft(
            belongs=lambda typed: typed.organisation_id == self._organisation_id, show=self._show
        )

    def new_contact(self) -> None:
        if self._organisation_id is None or not self.leave():
            return
        self._show(ReferralContact(organisation_id=self._organisation_id))
        self.party_field.setFocus()

    def _describe(self, contact: ReferralContact) -> str:
        who = contact.name or label(tx.REFERRAL_PARTIES, contact.party or "other")
        return self.tr("het contact ‘%1’").replace("%1", who)

    def _stored(self, contact: ReferralContact) -> None:
        with self._syncing():
            self.model.put(contact)
            self._select(contact.id)
        self.list_stack.setCurrentWidget(self.table)
        self._update_buttons()

    def delete(self) -> None:
        contact = self.editor.current
        if contact is None:
            return
        if contact.id is not None:
            who = contact.name or label(tx.REFERRAL_PARTIES, contact.party or "other")
            question = self.tr("Wilt u het contact ‘%1’ verwijderen?").replace("%1", who)
            if not dialogs.ask(self, self.tr("Contact verwijderen"), question):
                return
            self.editor.discard()
            try:
                self.journal.delete(ReferralContact, contact.id)
            except VaultError as problem:
                self.message.show_message(validation_text(problem))
                return
            with self._syncing():
                self.model.drop(contact.id)
            self.changed.emit()
        self.editor.discard()
        self._show(None)
        self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty_label)

    def copy_cell(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        what = {
            PHONE_COLUMN: self.tr("Telefoonnummer"),
            EMAIL_COLUMN: self.tr("E-mailadres"),
        }.get(index.column(), self.tr("Tekst"))
        self._copy(str(index.data() or ""), what)

    # -- internals ------------------------------------------------------------------------

    @contextlib.contextmanager
    def _syncing(self) -> Iterator[None]:
        self._sync_depth += 1
        try:
            yield
        finally:
            self._sync_depth -= 1

    def _copy(self, text: str, what: str) -> None:
        if not text:
            return
        clipboard.copy_secret(text)
        self.copied_label.setText(
            self.tr("%1 gekopieerd. Bij vergrendelen wordt het klembord geleegd.").replace(
                "%1", what
            )
        )

    def _activated(self, index: QModelIndex) -> None:
        if index.column() in (PHONE_COLUMN, EMAIL_COLUMN):
            self.copy_cell(index)
        else:
            self.party_field.setFocus()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._sync_depth:
            return
        target = self.proxy.id_at(current.row()) if current.isValid() else None
        if target == self.selected_id():
            return
        if not self.leave():
            self._select(self.selected_id())
            return
        self._open(target)

    def _open(self, contact_id: int | None) -> None:
        contact = None
        if contact_id is not None:
            with contextlib.suppress(NotFoundError):
                contact = self.journal.get(ReferralContact, contact_id)
        self._show(contact)

    def _show(self, contact: ReferralContact | None) -> None:
        self.editor.show(contact)
        if contact is None:
            self.form_stack.setCurrentWidget(self.placeholder)
        else:
            self.form_stack.setCurrentIndex(1)
        self._select(contact.id if contact is not None else None)
        self._update_buttons()

    def _select(self, contact_id: int | None) -> None:
        row = self.proxy.row_of(contact_id)
        selection = self.table.selectionModel()
        with self._syncing():
            if row < 0:
                selection.clearSelection()
                selection.clearCurrentIndex()
                return
            current = self.table.currentIndex()
            column = current.column() if current.isValid() and current.row() == row else 0
            selection.setCurrentIndex(
                self.proxy.index(row, column), selection.SelectionFlag.ClearAndSelect
            )

    def _update_buttons(self) -> None:
        shown = self.editor.current is not None
        self.delete_button.setEnabled(shown)
        self.saving_hint.setVisible(shown)


def _with_button(field: QWidget, button: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    row.addWidget(button)
    return holder
