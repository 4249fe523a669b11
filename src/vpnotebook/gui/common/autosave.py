"""When a form's edit is written: 1.5 s after typing stops, when focus leaves one of its inputs,
or when the VP leaves the record, the page or the unlocked vault.

The writing itself, with what is said when it cannot be done, is `editor.RecordEditor`'s; this
is only its clock. `save` returns False when the edit could not be stored; it then stays
pending and is tried again at the next pause, so nothing typed is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

AUTOSAVE_DELAY_MS = 1500


class Autosave(QObject):
    def __init__(self, save: Callable[[bool], bool], parent: QObject | None = None) -> None:
        """`save(quiet)` writes the edit; `quiet` when only a pause in typing asked for it."""
        super().__init__(parent)
        self._save = save
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self._pause)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def touch(self) -> None:
        self._dirty = True
        self._timer.start()

    def watch(self, widgets: Iterable[QWidget]) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._dirty:
            self._pause()
        return False

    def _pause(self) -> None:
        self._flush(quiet=True)

    def flush(self) -> bool:
        """Write now (the VP leaves the record, the page or the vault); False if it failed."""
        return self._flush(quiet=False)

    def _flush(self, *, quiet: bool) -> bool:
        self._timer.stop()
        if not self._dirty:
            return True
        if self._save(quiet):
            self._dirty = False
            return True
        return False

    def discard(self) -> None:
        self._timer.stop()
        self._dirty = False
