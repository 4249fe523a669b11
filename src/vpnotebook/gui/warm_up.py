"""Load the modules the unlocked program needs once the unlock window is on screen.

The start is measured by the VP as the time until the window appears, so only the unlock
screen is imported before it paints. What the unlock and the workspace need (cryptography,
SQLCipher, the journal, the Today screen) is imported right after the first paint, while the
VP types the passphrase, so pressing Enter does not pay for it either.

The start path does not touch PySide6's `Qt` namespace either: its first use builds all of
its ~100 enums (about 30 ms, a sixth of the start). Code on that path imports `Qt` inside the
function that needs it, or does that work after the first paint (`after_first_paint`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

MODULES = (
    "vpnotebook.vault.vault",
    "vpnotebook.gui.session",
    "vpnotebook.gui.workspace",
    "vpnotebook.gui.today.page",
)


def import_modules() -> None:
    for name in MODULES:
        importlib.import_module(name)


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # Queued: the paint event must finish (and the frame be shown) first.
            QTimer.singleShot(0, self, self._then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None] = import_modules) -> None:
    """Run `then` (by default: import MODULES) in the event-loop turn after `widget` first
    paints. Bound to `widget`: if it is deleted first, nothing runs."""
    _AfterFirstPaint(widget, then)
