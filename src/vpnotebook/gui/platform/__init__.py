"""What the operating system must do for the journal's secrecy, behind one small interface.

    hooks = platform.current()
    hooks.exclude_from_capture(window)      # screenshots and screen sharing show no content
    hooks.session_lock_watcher(main_window) # .lock_requested when the session locks/sleeps
    hooks.secret_clipboard_formats()        # extra clipboard formats: keep out of histories
    hooks.after_secret_copy()               # what must follow a copy (macOS: concealed type)
    hooks.disable_crash_dumps()             # no crash dump with decrypted content in it

`current()` picks the implementation for this operating system: `windows.WindowsHooks`,
`macos.MacHooks` and `linux.LinuxHooks` use the real system calls (through ctypes and
PySide6's native window handles); anything else gets `base.Hooks`, which does nothing it
cannot do everywhere. No module here imports Qt at import time: `hardening` calls
`disable_crash_dumps` before anything else, also for the command line.
"""

from __future__ import annotations

import sys
from functools import cache

from .base import Hooks


@cache
def current() -> Hooks:
    """The hooks for the operating system this program runs on (one instance)."""
    return for_platform(sys.platform)


def for_platform(name: str) -> Hooks:
    if name == "win32":
        from .windows import WindowsHooks

        return WindowsHooks()
    if name == "darwin":
        from .macos import MacHooks

        return MacHooks()
    if name.startswith("linux"):
        from .linux import LinuxHooks

        return LinuxHooks()
    return Hooks()


__all__ = ["Hooks", "current", "for_platform"]
