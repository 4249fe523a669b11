"""The interface of the platform hooks, and what every operating system gets by default."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QWidget

    from .sessionlock import SessionLockWatcher

# Marks a QWindow whose native window was excluded from capture: the value is that native
# window's id, so a window whose native handle is recreated gets the exclusion again.
EXCLUDED_PROPERTY = "vpnotebook_capture_excluded"


class NativeLibraries:
    """Each system library loaded once, on first use, through `load`: the operating system's
    boundary (ctypes.WinDLL, ctypes.CDLL), which the tests replace with fakes."""

    def __init__(self, load: Callable[[str], Any]) -> None:
        self._load = load
        self._loaded: dict[str, Any] = {}

    def __call__(self, name: str) -> Any:
        if name not in self._loaded:
            self._loaded[name] = self._load(name)
        return self._loaded[name]


class Hooks:
    """No-op hooks: where a system has no such feature, nothing happens (and nothing fails).

    Subclasses override what their system can do. Each method returns whether it did it,
    so callers and tests can tell a real effect from a no-op.
    """

    name = "other"

    def exclude_from_capture(self, window: QWindow) -> bool:
        """Keep the window's content out of screenshots, recordings and screen sharing."""
        return False

    def protect_window(self, window: QWindow | None) -> bool:
        """`exclude_from_capture` once per native window (see EXCLUDED_PROPERTY)."""
        if window is None:
            return False
        native = int(window.winId())
        if window.property(EXCLUDED_PROPERTY) == native:
            return True
        done = self.exclude_from_capture(window)
        if done:
            window.setProperty(EXCLUDED_PROPERTY, native)
        return done

    def session_lock_watcher(self, window: QWidget) -> SessionLockWatcher:
        """An object whose `lock_requested` fires when the session locks or the machine
        sleeps. `window` is the program's main window (some systems deliver to a window)."""
        from .sessionlock import SessionLockWatcher

        return SessionLockWatcher(window)

    def secret_clipboard_formats(self) -> dict[str, bytes]:
        """Extra formats that ask clipboard managers and histories not to keep a copy."""
        return {}

    def after_secret_copy(self) -> bool:
        """What must follow putting a secret on the clipboard (nothing by default)."""
        return False

    def disable_crash_dumps(self) -> bool:
        """No core dump of this process: it would hold the decrypted journal."""
        if sys.platform == "win32":  # no core dumps, no resource module
            return False
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            return True
        return False
