"""Copying out of the notebook: marked secret for clipboard managers, cleared on lock."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

_ours: str | None = None


def copy_secret(text: str) -> None:
    """Copy `text`, hinting clipboard managers (KDE Klipper, others) not to keep a history."""
    global _ours
    data = QMimeData()
    data.setText(text)
    # The same hints KeePassXC sets: KDE's and the generic password-manager convention.
    data.setData("x-kde-passwordManagerHint", b"secret")
    data.setData("application/x-nspasteboard-concealed-type", b"secret")
    QGuiApplication.clipboard().setMimeData(data)
    _ours = text


def clear_if_ours() -> None:
    global _ours
    clipboard = QGuiApplication.clipboard()
    if _ours is not None and clipboard.text() == _ours:
        clipboard.clear()
    _ours = None
