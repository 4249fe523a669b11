"""An unlocked vault as the GUI sees it: the journal, and a signal when records change."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.journal import Journal
from ..vault.vault import Vault
from .layout import LayoutMemory


class Session(QObject):
    # Which kind of record changed ("cases", "organisations", ...), so pages refresh.
    changed = Signal(str)
    # Any page may ask to show a case (search hit, Today list); the workspace routes it.
    open_case_requested = Signal(int)
    # Any page may ask to switch to another page by its key ("backup", "cases", ...).
    page_requested = Signal(str)
    # Today's first steps ask for a new record of a kind ("case", "organisation"); the
    # workspace opens the page that makes it. The guide is the main window's (F1).
    new_record_requested = Signal(str)
    guide_requested = Signal()
    # A form wrote an edit (with how to undo it: common/editor.Undo), or could not (why, in
    # the VP's words); the main window's status bar says so.
    saved = Signal(object)
    unsaved = Signal(str)
    # A page offers a new key (after destroying a case) and the VP said yes.
    key_renewal_requested = Signal()
    # The vault is about to close (a lock): whatever else holds a vault open closes it too.
    closing = Signal()

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault = vault
        self.journal = Journal.of(vault)
        # The main window gives it the settings file; otherwise the shape lasts this run.
        self.layout = LayoutMemory(parent=self)

    def notify(self, what: str) -> None:
        self.changed.emit(what)

    def report_saved(self, undo: object) -> None:
        self.saved.emit(undo)

    def report_unsaved(self, text: str) -> None:
        self.unsaved.emit(text)

    def open_case(self, case_id: int) -> None:
        self.open_case_requested.emit(case_id)

    @property
    def read_only(self) -> bool:
        """Opened read-only (full disk, read-only medium): nothing can be saved."""
        return self.vault.read_only

    @property
    def folder_name(self) -> str:
        return self.vault.folder.name

    def request_key_renewal(self) -> None:
        self.key_renewal_requested.emit()

    def close(self) -> None:
        """Close the vault, which wipes its data key; nothing here keeps a copy of it."""
        self.closing.emit()
        self.vault.close()
