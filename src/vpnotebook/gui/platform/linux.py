"""Linux: D-Bus for the session lock, KDE's clipboard hint, no core dumps.

There is no capture exclusion on Linux: X11 lets any client read any window, and Wayland
compositors already ask the user before a program may record the screen.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .base import Hooks

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .sessionlock import SessionLockWatcher

PR_SET_DUMPABLE = 4


def _load_libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


class LinuxHooks(Hooks):
    name = "linux"

    def __init__(self, load_libc: Callable[[], Any] = _load_libc) -> None:
        self._load_libc = load_libc

    def session_lock_watcher(self, window: QWidget) -> SessionLockWatcher:
        from .sessionlock import DBusSessionLockWatcher

        return DBusSessionLockWatcher(window)

    def secret_clipboard_formats(self) -> dict[str, bytes]:
        # KDE's Klipper (and the clipboard managers that copied it) keep no history of this;
        # the same hint KeePassXC sets.
        return {"x-kde-passwordManagerHint": b"secret"}

    def disable_crash_dumps(self) -> bool:
        """RLIMIT_CORE 0, and PR_SET_DUMPABLE 0: no core file (systemd-coredump included,
        which ignores the limit) and no ptrace attach by other processes of the same user."""
        limited = super().disable_crash_dumps()
        try:
            libc = self._load_libc()
        except OSError:
            return False
        prctl = libc.prctl
        # Declared variadic, but glibc and the kernel read four unsigned longs after option.
        prctl.argtypes = [ctypes.c_int, *[ctypes.c_ulong] * 4]
        prctl.restype = ctypes.c_int
        return limited and prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
