"""Lock when the session locks or the machine goes to sleep: one signal, one class per system.

Where a system offers no such notice (a bare session, CI), nothing happens: the inactivity
timer and Ctrl+L still lock. `connected` names what is being listened to (for tests and the
curious); empty means nothing.
"""

from __future__ import annotations

import ctypes
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

# Native event filters that are installed: Qt keeps a raw pointer, so Python must keep the
# object alive for as long as it is installed.
_installed_filters: list[QAbstractNativeEventFilter] = []


class SessionLockWatcher(QObject):
    """Emits `lock_requested` when the session locks or the machine sleeps (here: never)."""

    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected: list[str] = []


class DBusSessionLockWatcher(SessionLockWatcher):
    """Linux: the desktop's screen saver (freedesktop, GNOME) and logind's PrepareForSleep."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtDBus import QDBusConnection

        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
            ):
                # PySide6's stubs type the slot as bytes; the "name(args)" str is what connects.
                if session.connect(  # type: ignore[call-overload]  # slot as str, see above
                    service, path, service, "ActiveChanged", self, "_screensaver_changed(bool)"
                ):
                    self.connected.append(service)
        system = QDBusConnection.systemBus()
        if system.isConnected() and system.connect(  # type: ignore[call-overload]  # slot as str
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


# Windows messages (WinUser.h, WtsApi32.h).
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0


class _WindowsMessages(QAbstractNativeEventFilter):
    """Reads every Windows message Qt receives and reports the session lock and suspend."""

    def __init__(self, watcher: WindowsSessionLockWatcher) -> None:
        super().__init__()
        self._watcher = watcher

    def nativeEventFilter(self, eventType: Any, message: Any) -> tuple[bool, int]:
        if bytes(eventType) == b"windows_generic_MSG" and message:
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if (msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK) or (
                msg.message == WM_POWERBROADCAST and msg.wParam == PBT_APMSUSPEND
            ):
                self._watcher.lock_requested.emit()
        return False, 0  # never swallow a message: Qt still handles it


class WindowsSessionLockWatcher(SessionLockWatcher):
    """Windows: WM_WTSSESSION_CHANGE (after WTSRegisterSessionNotification for the main
    window) with WTS_SESSION_LOCK, and WM_POWERBROADCAST with PBT_APMSUSPEND, read through a
    native event filter. `wtsapi32` is the loaded library (the OS boundary, faked in tests)."""

    def __init__(self, window: QWidget, wtsapi32: Any) -> None:
        super().__init__(window)
        from ctypes import wintypes

        register = wtsapi32.WTSRegisterSessionNotification
        register.argtypes = [wintypes.HWND, wintypes.DWORD]
        register.restype = wintypes.BOOL
        unregister = wtsapi32.WTSUnRegisterSessionNotification
        unregister.argtypes = [wintypes.HWND]
        unregister.restype = wintypes.BOOL

        self.filter = _WindowsMessages(self)
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication must exist"
        app.installNativeEventFilter(self.filter)
        _installed_filters.append(self.filter)
        self.connected.append("WM_POWERBROADCAST")  # sent to every top-level window
        hwnd = int(window.winId())
        if register(hwnd, NOTIFY_FOR_THIS_SESSION):
            self.connected.append("WTSRegisterSessionNotification")
        native_filter = self.filter

        def stop() -> None:
            # The window is going: no more messages for it (unregister before it is gone).
            if "WTSRegisterSessionNotification" in self.connected:
                unregister(hwnd)
            app.removeNativeEventFilter(native_filter)
            if native_filter in _installed_filters:
                _installed_filters.remove(native_filter)

        window.destroyed.connect(stop)
        self.stop = stop


# The distributed notification macOS posts when the screen locks (and, with "require
# password after sleep", when the machine sleeps).
SCREEN_LOCKED = b"com.apple.screenIsLocked"
kCFStringEncodingUTF8 = 0x08000100
CFNotificationSuspensionBehaviorDeliverImmediately = 4
CFNotificationCallback = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p
)


class MacSessionLockWatcher(SessionLockWatcher):
    """macOS: the distributed notification com.apple.screenIsLocked, observed through
    CoreFoundation's CFNotificationCenterGetDistributedCenter (delivered on the main run loop,
    which Qt runs). `corefoundation` is the loaded library (the OS boundary, faked in tests)."""

    def __init__(self, window: QWidget, corefoundation: Any) -> None:
        super().__init__(window)
        cf = corefoundation
        cf.CFNotificationCenterGetDistributedCenter.argtypes = []
        cf.CFNotificationCenterGetDistributedCenter.restype = ctypes.c_void_p
        cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
        cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        cf.CFNotificationCenterAddObserver.argtypes = [
            ctypes.c_void_p,  # center
            ctypes.c_void_p,  # observer (any unique pointer)
            CFNotificationCallback,
            ctypes.c_void_p,  # name (CFStringRef)
            ctypes.c_void_p,  # object: any sender
            ctypes.c_long,  # CFNotificationSuspensionBehavior (CFIndex)
        ]
        cf.CFNotificationCenterAddObserver.restype = None
        cf.CFNotificationCenterRemoveEveryObserver.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        cf.CFNotificationCenterRemoveEveryObserver.restype = None

        # Kept on self: CoreFoundation holds only a raw pointer to the callback.
        self.callback = CFNotificationCallback(self._notified)
        center = cf.CFNotificationCenterGetDistributedCenter()
        name = cf.CFStringCreateWithCString(None, SCREEN_LOCKED, kCFStringEncodingUTF8)
        if not center or not name:
            return
        observer = ctypes.c_void_p(id(self))
        cf.CFNotificationCenterAddObserver(
            center,
            observer,
            self.callback,
            name,
            None,
            CFNotificationSuspensionBehaviorDeliverImmediately,
        )
        self.connected.append(SCREEN_LOCKED.decode())

        def stop() -> None:
            # Before the callback (kept by this watcher, a child of the window) is freed.
            cf.CFNotificationCenterRemoveEveryObserver(center, observer)

        window.destroyed.connect(stop)
        self.stop = stop

    def _notified(self, *_arguments: object) -> None:
        self.lock_requested.emit()
