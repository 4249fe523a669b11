"""Links between cases on the open case: which other cases belong with it, and how.

A link is stored once for the pair (core/journal.py) and shown on both cases; here it is
always seen from the open case, so the form's "other case" is the other one whichever way
round it is stored. The form saves by itself like every other (common/editor.py); a row
double-clicked, or *Melding openen*, opens the other case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import Journal
from ...core.models import Case, CaseLink
from ..common.editor import Storage
from ..session import Session
from .records import FieldSpec, RecordPanel


class CasePicker(QComboBox):
    """Another case, by number and working title; type part of either to find it."""

    def __init__(self) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setAccessibleName(self.tr("Gekoppelde melding"))
        edit = self._edit()
        edit.setPlaceholderText(self.tr("Nummer of werktitel"))
        edit.returnPressed.connect(self._choose_typed)

    def _edit(self) -> QLineEdit:
        edit = self.lineEdit()
        assert edit is not None  # an editable combo box always has one
        return edit

    def _choose_typed(self) -> None:
        """Enter on part of a number or title: the first case that holds it."""
        typed = self._edit().text().strip()
        if not typed or self.itemText(self.currentIndex()) == typed:
            return
        found = self.findText(typed, Qt.MatchFlag.MatchContains)
        if found > 0:
            self.setCurrentIndex(found)

    def fill(self, journal: Journal, case: Case | None) -> None:
        """Every case that can be linked to `case`: not itself, not destroyed; newest first."""
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem("", None)
            if case is None:
                return
            for summary in journal.case_summaries():
                if summary.id == case.id or summary.destroyed:
                    continue
                title = f" — {summary.title}" if summary.title else ""
                shown = f"{summary.number}{title} ({summary.organisation})"
                self.addItem(shown, summary.id)
            self.setCurrentIndex(0)
        finally:
            self.blockSignals(False)


class LinkStorage(Storage):
    """Stores a link as the journal keeps it, and hands it back seen from the open case."""

    def __init__(self, journal: Journal, case_id: Callable[[], int | None]) -> None:
        super().__init__(journal)
        self._case_id = case_id

    def _seen(self, link: CaseLink) -> CaseLink:
        case_id = self._case_id()
        return link.seen_from(case_id) if case_id is not None else link

    def store(self, record: Any, fields: tuple[str, ...]) -> Any:
        if record.id is None:
            return self._seen(self.journal.add(record))
        # The form's fields onto the stored link as seen from here: "the other case" is the
        # other one whichever way round the journal keeps the pair.
        stored = self.stored(record)
        merged = replace(stored, **{name: getattr(record, name) for name in fields})
        self.journal.update(merged)
        return merged

    def restore(self, snapshot: Any, fields: tuple[str, ...]) -> None:
        current = self.stored(snapshot)
        self.journal.update(replace(current, **{name: getattr(snapshot, name) for name in fields}))

    def stored(self, typed: Any) -> Any:
        return self._seen(super().stored(typed))


class LinksPanel(QWidget):
    """The links of the open case: a list, a form, and a way to the other case."""

    saved = Signal()
    open_requested = Signal(int)  # the other case's id

    def __init__(
        self, session: Session, case: Callable[[], Case | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._journal = session.journal
        self._case = case
        self._numbers: dict[int, str] = {}  # other case id -> number, for the form's undo
        self._shown: dict[int, str] = {}  # other case id -> how the list shows it
        self.picker = CasePicker()
        # The picker lists every case: filled when the tab is first shown for a case, not
        # each time a case opens (a ten-year archive has thousands).
        self._filled_for: int | None = None

        def case_id() -> int | None:
            current = case()
            return current.id if current is not None else None

        def query(journal: Journal) -> list[CaseLink]:
            current = case_id()
            if current is None:
                return []
            linked = journal.links_of(current)
            self._numbers = {item.other_id: item.other_number for item in linked}
            self._shown = {
                item.other_id: " — ".join(
                    part for part in (item.other_number, item.other_title) if part
                )
                for item in linked
            }
            return [item.link.seen_from(current) for item in linked]

        self.records = RecordPanel(
            session,
            CaseLink,
            [
                FieldSpec(
                    "linked_case_id",
                    self.tr("&Andere melding"),
                    self.tr("Melding"),
                    widget=lambda: self.picker,
                    shown=lambda other: self._shown.get(other, ""),
                ),
                FieldSpec("kind", self.tr("Hoe ze &samenhangen"), self.tr("Samenhang")),
                FieldSpec("note", self.tr("&Toelichting"), self.tr("Toelichting")),
            ],
            query=query,
            new_record=lambda: CaseLink(case_id=case_id()),
            add_text=self.tr("Nog een melding koppelen"),
            empty_text=self.tr(
                "Deze melding is nog niet aan een andere gekoppeld. Koppel meldingen die bij "
                "elkaar horen: dezelfde melder, dezelfde veroorzaker of hetzelfde voorval."
            ),
            describe=lambda link: self.tr("de koppeling met %1").replace(
                "%1", self._numbers.get(link.linked_case_id, "…")
            ),
            storage=LinkStorage(session.journal, case_id),
            form_beside=True,
        )
        self.records.saved.connect(self.saved)
        self.records.activated.connect(lambda link: self.open_requested.emit(link.linked_case_id))
        self.open_button = QPushButton(self.tr("Melding &openen"))
        self.open_button.setToolTip(
            self.tr("Opent de gekoppelde melding (of dubbelklik op de regel).")
        )
        self.open_button.clicked.connect(self._open_current)
        self.records.add_button(self.open_button)
        self.unlink_button = self.records.delete_button
        self.unlink_button.setText(self.tr("Ontkoppelen…"))
        self.records.editor.stored.connect(lambda _link: self._update_buttons())
        self.records.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.records, 1)
        self._update_buttons()

    # What the case view asks of every record panel.

    @property
    def autosave(self) -> Any:
        return self.records.autosave

    def reset(self) -> None:
        self._filled_for = None
        self.records.reset()
        self._fill_when_shown()
        self._update_buttons()

    def reload(self) -> None:
        self._fill_when_shown()
        self.records.reload()
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        self._fill_when_shown(force=True)
        super().showEvent(event)

    def _fill_when_shown(self, *, force: bool = False) -> None:
        case = self._case()
        if case is None or (not force and not self.isVisible()) or self._filled_for == case.id:
            return
        self.picker.fill(self._journal, case)
        self._filled_for = case.id
        editor = self.records.editor
        if editor.current is not None:  # the choice the form showed, back in the new list
            with editor.syncing():
                self.records.binding.load(editor.current)

    def save_pending(self) -> None:
        self.records.save_pending()

    def restore_draft(self, case_id: int | None) -> None:
        self.records.restore_draft(case_id)

    def count(self) -> int:
        return len(self.records.records())

    def _current_other(self) -> int | None:
        current = self.records.editor.current
        if current is None or current.id is None:
            return None
        return int(current.linked_case_id)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self._current_other() is not None)

    def _open_current(self) -> None:
        other = self._current_other()
        if other is not None:
            self.open_requested.emit(other)
