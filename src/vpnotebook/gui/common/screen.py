"""Windows sized for the screen they open on: a laptop at 150 % is 853 × 480 points."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window's frame and title bar and the task bar, in points.
FRAME = QSize(24, 64)


def available(widget: QWidget) -> QSize:
    """The size a window may take on the screen `widget` is on (or the main screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else QSize(1366, 768)
    return QSize(max(room.width() - FRAME.width(), 320), max(room.height() - FRAME.height(), 240))


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Ask for `width` × `height`, but never more than the screen has room for."""
    room = available(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))
