"""Copying out of the notebook: kept out of clipboard histories, cleared on lock and on a timer."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication
from shiboken6 import isValid

from .. import platform

# A copied phone number or case number is pasted within seconds; after this it is removed
# (if it is still ours), so it does not linger for the next program that reads the clipboard.
CLEAR_AFTER_MS = 30_000

_ours: str | None = None
_timer: QTimer | None = None


def copy_secret(text: str) -> None:
    """Copy `text`, asking the system's clipboard history and managers not to keep it."""
    global _ours
    hooks = platform.current()
    data = QMimeData()
    data.setText(text)
    for name, value in hooks.secret_clipboard_formats().items():
        data.setData(name, value)
    QGuiApplication.clipboard().setMimeData(data)
    hooks.after_secret_copy()
    _ours = text
    _clear_timer().start(CLEAR_AFTER_MS)


def clear_if_ours() -> None:
    global _ours
    clipboard = QGuiApplication.clipboard()
    if _ours is not None and clipboard.text() == _ours:
        clipboard.clear()
    _ours = None
    if _timer is not None and isValid(_timer):
        _timer.stop()


def _clear_timer() -> QTimer:
    global _timer
    if _timer is None or not isValid(_timer):  # a new QApplication (tests) made a new one
        _timer = QTimer(QGuiApplication.instance())
        _timer.setSingleShot(True)
        _timer.timeout.connect(clear_if_ours)
    return _timer
