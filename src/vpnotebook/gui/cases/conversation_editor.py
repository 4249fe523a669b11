"""Conversations of a case: a list, and an editor with an optional structure for the log.

The structure (occasion, story, wishes, options, agreements, next step) follows how a VP
works through a conversation; a VP who prefers to write freely uses the notes alone and
hides the structure. A new conversation is stored once something is typed in it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core import taxonomy as tx
from ...core.models import Conversation
from ..common import dialogs
from ..common.binding import FormBinding
from ..common.clipboard import copy_secret
from ..common.editor import RecordEditor
from ..common.flow import FlowLayout, labelled
from ..common.inputs import CodeCombo, DateField, MinutesField, buddy_label
from ..common.labels import label
from ..common.record_form import Banner
from ..session import Session
from .widgets import minutes_text

STRUCTURE = ("occasion", "story", "wishes", "options", "agreements", "next_step")


class ConversationEditor(QWidget):
    """One conversation: date, form and duration, the structured log and free notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = FormBinding(Conversation, self)
        self.held_on = self.binding.bind("held_on", DateField())
        self.form = self.binding.bind("form", CodeCombo(tx.CONVERSATION_FORMS))
        # 0 is "not filled in", and says so: a silent 0 made hours and bills come out low.
        self.duration = self.binding.bind("duration_min", MinutesField())
        self.duration_hint = QLabel(
            self.tr("Hoe lang duurde het gesprek? Dat telt mee in uw uren.")
        )
        self.duration_hint.setObjectName("durationHint")
        self.duration_hint.setStyleSheet("color: #8a4b00;")
        self.duration_hint.setWordWrap(True)
        self.duration.valueChanged.connect(self._duration_changed)
        self.show_structure = QCheckBox(self.tr("&Structuur tonen"))
        self.show_structure.setChecked(True)
        self.show_structure.setToolTip(
            self.tr("Verberg de vaste kopjes als u liever alleen vrij aantekeningen maakt.")
        )
        self.copy_button = QPushButton(self.tr("&Kopiëren"))
        self.copy_button.setToolTip(
            self.tr("Kopieert dit verslag; het klembord wordt gewist bij vergrendelen.")
        )
        self.copy_button.clicked.connect(lambda: copy_secret(self.text_for_copy()))

        # One line on a wide screen; on a laptop at 150 % the options wrap below.
        meta = FlowLayout(spacing=8)
        meta.add(labelled(buddy_label(self.tr("&Datum"), self.held_on), self.held_on))
        meta.add(labelled(buddy_label(self.tr("&Vorm"), self.form), self.form))
        meta.add(labelled(buddy_label(self.tr("D&uur"), self.duration), self.duration))
        meta.add(self.show_structure, right=True)
        meta.add(self.copy_button, right=True)

        titles = {
            "occasion": self.tr("&Aanleiding"),
            "story": self.tr("Het verhaal van de &melder"),
            "wishes": self.tr("Wat w&il de melder?"),
            "options": self.tr("Besproken m&ogelijkheden"),
            "agreements": self.tr("Afsp&raken"),
            "next_step": self.tr("Volgende s&tap"),
        }
        self.texts: dict[str, QPlainTextEdit] = {}
        self.structure = QWidget()
        grid = QGridLayout(self.structure)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        # The reporter's story gets the height; the shorter parts of the log share the rest.
        # (position in the grid, lines it always shows, share of the height left over)
        places = {
            "occasion": (0, 0, 2, 2, 1),
            "story": (2, 0, 2, 4, 6),
            "wishes": (4, 0, 1, 2, 1),
            "options": (4, 1, 1, 2, 1),
            "agreements": (6, 0, 1, 2, 1),
            "next_step": (6, 1, 1, 2, 1),
        }
        for name in STRUCTURE:
            row, column, span, lines, share = places[name]
            editor = self.binding.bind(name, self._text_editor(minimum_lines=lines))
            self.texts[name] = editor
            grid.addWidget(buddy_label(titles[name], editor), row, column, 1, span)
            grid.addWidget(editor, row + 1, column, 1, span)
            grid.setRowStretch(row + 1, max(grid.rowStretch(row + 1), share))
        # The occasion is a line or two; it never takes more than four.
        occasion = self.texts["occasion"]
        occasion.setMaximumHeight(occasion.fontMetrics().lineSpacing() * 4 + 12)
        self.notes = self.binding.bind("notes", self._text_editor(minimum_lines=2))
        self.texts["notes"] = self.notes
        self.notes.setPlaceholderText(
            self.tr("Schrijf hier vrij, met of zonder de kopjes hierboven.")
        )
        self.error = Banner("error")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(meta)
        layout.addWidget(self.duration_hint)
        layout.addWidget(self.error)
        layout.addWidget(self.structure, 8)
        layout.addWidget(buddy_label(self.tr("Vrije aa&ntekeningen"), self.notes))
        layout.addWidget(self.notes, 2)

        self.show_structure.toggled.connect(self.structure.setVisible)

    def _duration_changed(self, minutes: int) -> None:
        self.duration_hint.setVisible(minutes == 0)

    def _text_editor(self, minimum_lines: int) -> QPlainTextEdit:
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        line = editor.fontMetrics().lineSpacing()
        editor.setMinimumHeight(line * minimum_lines + 12)
        # The height is shared out by the grid's stretch (the story most), not by each box's
        # wish to be tall: otherwise every box claims the same and the story gets no more.
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        return editor

    def show_structure_for(self, conversation: Conversation) -> None:
        # Hidden headings must never hide text that was written under them.
        if any(getattr(conversation, name).strip() for name in STRUCTURE):
            self.show_structure.setChecked(True)

    def text_for_copy(self) -> str:
        parts = [
            f"{self.held_on.day().strftime('%d-%m-%Y')} · {self.form.currentText()} · "
            f"{minutes_text(self.duration.value())}"
        ]
        headings = {
            "occasion": self.tr("Aanleiding"),
            "story": self.tr("Het verhaal van de melder"),
            "wishes": self.tr("Wat wil de melder?"),
            "options": self.tr("Besproken mogelijkheden"),
            "agreements": self.tr("Afspraken"),
            "next_step": self.tr("Volgende stap"),
            "notes": self.tr("Vrije aantekeningen"),
        }
        for name, heading in headings.items():
            text = self.texts[name].toPlainText().strip()
            if text:
                parts.append(f"{heading}\n{text}")
        return "\n\n".join(parts)


class ConversationsPanel(QWidget):
    """The conversations of one case; edits and new conversations are saved as the VP types."""

    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = session.journal
        self._case_id: int | None = None
        self._conversations: list[Conversation] = []
        self._loading = False
        self.editor = ConversationEditor()
        # The case view tells the page what changed (cases/case_view.py), so no notify here.
        self.record_editor = RecordEditor(
            session,
            self.editor.binding,
            self.editor.error,
            kind="conversations",
            notify=False,
            describe=self._describe,
            draft_key="conversations",
            parent=self,
        )
        self.autosave = self.record_editor.autosave
        self.record_editor.stored.connect(self._stored)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Gesprekken"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._row_changed)
        self.new_button = QPushButton(self.tr("Nieuw g&esprek"))
        self.new_button.clicked.connect(self.new_conversation)
        self.delete_button = QPushButton(self.tr("Verwijderen…"))
        self.delete_button.clicked.connect(self.delete_current)
        self.heading = QLabel()
        self.heading.setObjectName("hint")
        self.heading.setWordWrap(True)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.new_button)
        side_layout.addWidget(self.list, 1)
        side_layout.addWidget(self.delete_button)
        log = QWidget()
        main_layout = QVBoxLayout(log)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addWidget(self.heading)
        main_layout.addWidget(self.editor, 1)
        # On a low window the log scrolls as a whole; the case above keeps its place.
        main = QScrollArea()
        main.setWidget(log)
        main.setWidgetResizable(True)
        main.setFrameShape(QScrollArea.Shape.NoFrame)
        main.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(main)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        session.layout.splitter(splitter, "conversations", [190, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- which case and conversation --------------------------------------------------------

    @property
    def _current(self) -> Conversation | None:
        current: Conversation | None = self.record_editor.current
        return current

    def set_case(self, case_id: int | None) -> None:
        """Show another case's conversations; the caller saved pending edits before."""
        self.record_editor.show(None)
        self._case_id = case_id
        self.reload(select_last=True)

    def reload(self, *, select_last: bool = False) -> None:
        self._conversations = (
            self._journal.conversations_of(self._case_id) if self._case_id is not None else []
        )
        keep = self._current.id if self._current is not None else None
        if keep is not None and all(c.id != keep for c in self._conversations):
            self.record_editor.show(None)  # removed meanwhile (an undo, another screen)
            keep, select_last = None, True
        self._loading = True
        self.list.clear()
        for conversation in self._conversations:
            item = QListWidgetItem(self._item_text(conversation))
            item.setData(Qt.ItemDataRole.UserRole, conversation.id)
            self.list.addItem(item)
        self._loading = False
        row = -1
        if keep is not None:
            row = next((i for i, c in enumerate(self._conversations) if c.id == keep), -1)
        elif select_last and self._conversations:
            row = len(self._conversations) - 1
        if row >= 0:
            self._loading = True
            self.list.setCurrentRow(row)
            self._loading = False
            if self._current is None or self._current.id != self._conversations[row].id:
                self._show(self._conversations[row])
            else:
                self.record_editor.follow(self._conversations[row])
        elif self._current is None and self._case_id is not None:
            self._start_draft()
        self.delete_button.setEnabled(self._current is not None and self._current.id is not None)

    def _item_text(self, conversation: Conversation) -> str:
        assert conversation.held_on is not None and conversation.form is not None
        return "\n".join(
            (
                conversation.held_on.strftime("%d-%m-%Y"),
                label(tx.CONVERSATION_FORMS, conversation.form)
                + " · "
                + (
                    minutes_text(conversation.duration_min)
                    if conversation.duration_min
                    else self.tr("duur nog invullen")
                ),
            )
        )

    def _describe(self, conversation: Conversation) -> str:
        if conversation.id is None or conversation.held_on is None:
            return self.tr("het nieuwe gesprek")
        return self.tr("het gesprek van %1").replace(
            "%1", conversation.held_on.strftime("%d-%m-%Y")
        )

    def _row_changed(self, row: int) -> None:
        if self._loading or not 0 <= row < len(self._conversations):
            return
        self.record_editor.leave()
        self._show(self._conversations[row])

    def _show(self, conversation: Conversation) -> None:
        self.record_editor.show(conversation)
        self.editor.show_structure_for(conversation)
        self._show_heading_only(conversation)

    def _start_draft(self) -> None:
        self.record_editor.show(Conversation(case_id=self._case_id, held_on=date.today()))
        self.heading.setText(
            self.tr("Nieuw gesprek — het wordt bewaard zodra u begint te schrijven.")
        )
        self.delete_button.setEnabled(False)

    def new_conversation(self) -> None:
        self.record_editor.leave()
        self._loading = True
        self.list.setCurrentRow(-1)
        self._loading = False
        self._start_draft()
        self.focus_first_text()

    def focus_first_text(self) -> None:
        """Where a new conversation's log starts: the reporter's story (or the free notes
        when the structure is hidden)."""
        first = "story" if self.editor.show_structure.isChecked() else "notes"
        self.editor.texts[first].setFocus()

    # -- saving -----------------------------------------------------------------------------

    def _stored(self, conversation: Conversation) -> None:
        known = next((c for c in self._conversations if c.id == conversation.id), None)
        if known is None or known.held_on != conversation.held_on:
            self.reload()  # a new conversation, or one that moves in the order of dates
        else:
            self._refresh_item(conversation)
        self._show_heading_only(conversation)
        self.saved.emit()

    def _refresh_item(self, conversation: Conversation) -> None:
        for row, stored in enumerate(self._conversations):
            if stored.id == conversation.id:
                self._conversations[row] = conversation
                item = self.list.item(row)
                if item is not None:
                    item.setText(self._item_text(conversation))

    def _show_heading_only(self, conversation: Conversation) -> None:
        assert conversation.held_on is not None
        if conversation.id is None:
            return
        self.heading.setText(
            self.tr("Gesprek van %1").replace("%1", conversation.held_on.strftime("%d-%m-%Y"))
        )
        self.delete_button.setEnabled(True)

    def save_pending(self) -> bool:
        """Write what is being typed; False when it could not be (the editor says why)."""
        self.record_editor.save_pending()
        return not self.record_editor.is_dirty()

    def restore_draft(self) -> None:
        """After an unlock: put back what a lock kept because it could not be stored yet."""
        self.record_editor.restore_draft(belongs=lambda typed: typed.case_id == self._case_id)

    def delete_current(self) -> None:
        if self._current is None or self._current.id is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Gesprek verwijderen"),
            self.tr(
                "Dit gesprek en alles wat erbij staat verwijderen? Dit kan niet ongedaan "
                "worden gemaakt."
            ),
        ):
            return
        self.record_editor.discard()
        self._journal.delete(Conversation, self._current.id)
        self.record_editor.show(None)
        self.reload(select_last=True)
        self.saved.emit()

    def minutes(self) -> int:
        return sum(c.duration_min for c in self._conversations)

    def count(self) -> int:
        return len(self._conversations)
