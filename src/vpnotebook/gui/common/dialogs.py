"""Every message box goes through here, so GUI tests can answer them (KeePassXC's pattern)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

# A test installs a function (kind, title, text) -> bool; True means "yes"/"ok".
TestHook = Callable[[str, str, str], bool]
_hook: TestHook | None = None
shown: list[tuple[str, str, str]] = []


def set_test_hook(hook: TestHook | None) -> None:
    global _hook
    _hook = hook
    shown.clear()


def _show(kind: str, parent: QWidget | None, title: str, text: str) -> bool:
    if _hook is not None:
        shown.append((kind, title, text))
        return _hook(kind, title, text)
    if kind == "ask":
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
    show = {
        "info": QMessageBox.information,
        "warn": QMessageBox.warning,
        "error": QMessageBox.critical,
    }[kind]
    show(parent, title, text)
    return True


def inform(parent: QWidget | None, title: str, text: str) -> None:
    _show("info", parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _show("warn", parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    _show("error", parent, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    return _show("ask", parent, title, text)
