"""The one save path of every form: a record in a form, written as the VP types.

A `RecordEditor` holds the record a form shows. An edit is written by `Autosave`'s clock (a
pause in typing, focus leaving an input) and whenever the VP leaves it: another record, another
page, a lock. There is no Opslaan button anywhere. When an edit is written the status bar says
"Opgeslagen om 14:32" and offers to undo the last change; when it cannot be, the form says why
in place and keeps what was typed:

- incomplete (a required field is empty): while the VP is still typing a *new* record this is
  not yet a problem and nothing is said; on leaving it, the form names the field;
- refused by the disk (full, gone): the form says so and the edit stays pending, written again
  at the next pause once there is room;
- at a lock, an edit that cannot be stored is kept as a draft inside the vault
  (core/drafts.py) and put back in the form after the unlock.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from ...core.drafts import draft, drop_draft, keep_draft
from ...core.fields import ValidationError
from ...core.journal import Journal, NotFoundError
from ...vault.errors import VaultError
from ..session import Session
from .autosave import Autosave
from .labels import current_language
from .read_only import show_only
from .record_form import validation_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordEditor", text)


class Binding(Protocol):
    """What an editor needs of a form (binding.FormBinding is one; the intake joins two)."""

    @property
    def edited(self) -> SignalInstance: ...

    def load(self, record: Any) -> None: ...

    def read(self, record: Any) -> Any: ...

    def fields(self) -> tuple[str, ...]: ...

    def inputs(self) -> list[QWidget]: ...

    def widget_for(self, error: ValidationError) -> QWidget | None: ...


class MessagePlace(Protocol):
    """Where a form says what went wrong (record_form.Banner)."""

    def show_message(self, text: str) -> None: ...

    def clear_message(self) -> None: ...


@dataclass(frozen=True)
class Undo:
    """How to take back the last change a form wrote, offered in the status bar."""

    text: str  # what undoing does, in the VP's words
    revert: Callable[[], None]
    kind: str  # what changes when it is undone, for Session.notify
    confirm: str = ""  # asked first when set: undoing a new record removes it


class Storage:
    """How an editor's record reaches the journal. This one suits a single entity."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def store(self, record: Any, fields: tuple[str, ...]) -> Any:
        """Add a new record, or write the form's `fields` into the stored one: what another
        screen changed meanwhile (a case re-opened by new activity) is kept."""
        if record.id is None:
            return self.journal.add(record)
        stored = self.journal.get(type(record), record.id)
        merged = dataclasses.replace(stored, **{name: getattr(record, name) for name in fields})
        self.journal.update(merged)
        return merged

    def remove(self, record: Any) -> None:
        self.journal.delete(type(record), record.id)

    def restore(self, snapshot: Any, fields: tuple[str, ...]) -> None:
        """Put the form's fields back as they were in `snapshot`; the rest stays as it is now
        (closing the case meanwhile, say, is not undone with the intake)."""
        current = self.journal.get(type(snapshot), snapshot.id)
        self.journal.update(
            dataclasses.replace(current, **{name: getattr(snapshot, name) for name in fields})
        )

    def stored(self, typed: Any) -> Any:
        """The record as it is stored now, that a draft edits (NotFoundError: gone)."""
        return self.journal.get(type(typed), typed.id)

    def to_draft(self, record: Any) -> tuple[Any, ...]:
        return (record,)

    def from_draft(self, records: list[Any]) -> Any:
        return records[0]

    def blank_like(self, record: Any, fields: tuple[str, ...]) -> Any | None:
        """`record` with the form's fields at their defaults: what a form shows before the VP
        typed anything, so a draft put back into it counts as typed (None: it cannot be new)."""
        defaults = {f.name: f for f in dataclasses.fields(record) if f.name in fields}
        values: dict[str, Any] = {"id": None}
        values |= {
            name: (
                f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
            )
            for name, f in defaults.items()
        }
        return dataclasses.replace(record, **values)


class RecordEditor(QObject):
    """One form's record: shown, edited, written by itself, undone from the status bar."""

    stored = Signal(object)  # the record as it now is in the journal

    def __init__(
        self,
        session: Session,
        binding: Binding,
        place: MessagePlace,
        *,
        kind: str,
        describe: Callable[[Any], str],
        notify: bool = True,
        storage: Storage | None = None,
        draft_key: str = "",
        on_invalid: Callable[[ValidationError], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.binding = binding
        self.place = place
        self.kind = kind
        self.notify = notify
        self.describe = describe
        self.storage = storage or Storage(session.journal)
        self.draft_key = draft_key
        self._on_invalid = on_invalid
        self._current: Any = None  # as last stored or shown; id None while it is new
        self._opened: Any = None  # as it was when shown: what undo goes back to
        self._syncing = 0
        self._draft_kept = False
        self.autosave = Autosave(self._save, self)
        self.autosave.watch(binding.inputs())
        binding.edited.connect(self._edited)
        if session.read_only:
            show_only(binding.inputs())

    # -- what is in the form -----------------------------------------------------------------

    @property
    def current(self) -> Any:
        return self._current

    def show(self, record: Any) -> None:
        """Put `record` in the form (None: nothing); the caller saved the previous one."""
        self.autosave.discard()
        # The same stored record shown again (a refresh after a save, an undo): what undo
        # goes back to stays as it was when the VP opened it.
        again = (
            record is not None
            and self._current is not None
            and record.id is not None
            and (type(record), record.id) == (type(self._current), self._current.id)
        )
        self._current = record
        if not again:
            self._opened = record
        self.place.clear_message()
        if record is not None:
            with self.syncing():
                self.binding.load(record)

    def follow(self, stored: Any) -> None:
        """The record in the form as it is stored now (changed elsewhere, or an undo); an
        edit still being typed is not overwritten."""
        if not self.is_dirty() and stored != self._current:
            self.show(stored)

    def show_typed(self, typed: Any, base: Any) -> None:
        """Show `typed` as an edit of `base` (a draft put back): pending, written as usual."""
        self.show(base)
        with self.syncing():
            self.binding.load(typed)
        if self.is_dirty():
            self.autosave.touch()

    def is_dirty(self) -> bool:
        return self._current is not None and self.binding.read(self._current) != self._current

    @contextlib.contextmanager
    def syncing(self) -> Iterator[None]:
        """What the program puts into the inputs is not the VP's typing."""
        self._syncing += 1
        try:
            yield
        finally:
            self._syncing -= 1

    def _edited(self) -> None:
        if not self._syncing and self._current is not None:
            self.autosave.touch()

    # -- writing -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the edit now and say what went wrong, if anything; True when it is stored."""
        return self.autosave.flush()

    def leave(self) -> bool:
        """Before another record is shown: write this one; False keeps the VP on it."""
        return not self.is_dirty() or self.save()

    def save_pending(self) -> None:
        """Before a lock or when the page is left. What cannot be stored because it is not
        complete is kept as a draft; a disk that refuses is raised (the lock says so)."""
        if not self.is_dirty():
            return
        if not self._save(False, raise_storage=True) and self.draft_key and self.is_dirty():
            typed = self.binding.read(self._current)
            keep_draft(self.session.journal, self.draft_key, *self.storage.to_draft(typed))
            self._draft_kept = True

    def discard(self) -> None:
        """Forget the edit (a new record the VP throws away)."""
        self.autosave.discard()
        self._drop_draft()

    def _save(self, quiet: bool, *, raise_storage: bool = False) -> bool:
        if self._current is None or not self.is_dirty():
            return True
        if not self.session.vault.is_open:
            return False  # locked under a pending pause: the lock wrote what could be written
        record = self.binding.read(self._current)
        was_new = self._current.id is None
        try:
            stored = self.storage.store(record, self.binding.fields())
        except ValidationError as problem:
            if not (quiet and was_new):
                self._invalid(problem)
            return False
        except NotFoundError:
            # Deleted meanwhile (another screen, an import): keep the text, store it anew.
            self._current = dataclasses.replace(self._current, id=None)
            self._opened = None
            self.place.show_message(
                _tr("Dit was intussen elders verwijderd. Het wordt opnieuw vastgelegd.")
            )
            return False
        except VaultError as problem:
            text = (
                problem.message(current_language())
                + " "
                + _tr(
                    "Wat u typte staat nog op het scherm; het wordt opnieuw bewaard zodra dat "
                    "weer kan."
                )
            )
            self.place.show_message(text)
            self.session.report_unsaved(text)
            if raise_storage:
                raise
            return False
        self._current = stored
        self.place.clear_message()
        self._drop_draft()
        self.session.report_saved(self._undo(stored))
        self.stored.emit(stored)
        if self.notify:
            self.session.notify(self.kind)
        return True

    def _invalid(self, problem: ValidationError) -> None:
        if self._on_invalid is not None:
            self._on_invalid(problem)
            return
        self.place.show_message(validation_text(problem))
        widget = self.binding.widget_for(problem)
        if widget is not None:
            widget.setFocus()

    def _undo(self, stored: Any) -> Undo:
        storage, what = self.storage, self.describe
        opened = self._opened
        if opened is None or opened.id is None:
            return Undo(
                _tr("Verwijdert %1 weer.").replace("%1", what(stored)),
                lambda: storage.remove(stored),
                self.kind,
                confirm=_tr("%1 weer verwijderen?").replace("%1", what(stored)),
            )
        fields = self.binding.fields()
        return Undo(
            _tr("Zet %1 terug zoals het was voordat u het wijzigde.").replace("%1", what(opened)),
            lambda: storage.restore(opened, fields),
            self.kind,
        )

    # -- drafts kept by a lock -----------------------------------------------------------------

    def restore_draft(
        self,
        *,
        belongs: Callable[[Any], bool] = lambda _typed: True,
        show: Callable[[Any], None] | None = None,
    ) -> bool:
        """After an unlock: put back what a lock kept as a draft for this form, if it
        `belongs` to what the form shows now, on top of the record it edits (`show` puts that
        in the form). It is saved at once, so what it still needs is said; True if there was
        one."""
        records = draft(self.session.journal, self.draft_key) if self.draft_key else None
        if not records:
            return False
        typed = self.storage.from_draft(records)
        if not belongs(typed):
            return False
        base = None
        if typed.id is not None:
            with contextlib.suppress(NotFoundError):
                base = self.storage.stored(typed)
        if base is None:  # new, or deleted meanwhile: typed anew on an empty form
            base = self.storage.blank_like(typed, self.binding.fields())
            if base is not None:
                typed = dataclasses.replace(typed, id=None)
        self._draft_kept = True
        if base is None:
            self._drop_draft()
            return False
        (show or self.show)(base)
        self.show_typed(typed, base)
        self.save()
        return True

    def _drop_draft(self) -> None:
        if self._draft_kept:
            with contextlib.suppress(VaultError):
                drop_draft(self.session.journal, self.draft_key)
            self._draft_kept = False
