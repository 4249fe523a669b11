"""Lock when the desktop locks the screen or the machine suspends (Linux, over D-Bus).

Where no bus or no such service exists (a bare session, CI), nothing happens: the inactivity
timer and Ctrl+L still lock.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal, Slot


class ScreenLockWatcher(QObject):
    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected: list[str] = []
        if sys.platform.startswith("linux"):
            self._connect_linux()

    def _connect_linux(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
            ):
                if session.connect(
                    service, path, service, "ActiveChanged", self, "_screensaver_changed(bool)"
                ):
                    self.connected.append(service)
        system = QDBusConnection.systemBus()
        if system.isConnected() and system.connect(
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            "_sleep(bool)",
        ):
            self.connected.append("login1")

    @Slot(bool)
    def _screensaver_changed(self, active: bool) -> None:
        if active:
            self.lock_requested.emit()

    @Slot(bool)
    def _sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lock_requested.emit()
