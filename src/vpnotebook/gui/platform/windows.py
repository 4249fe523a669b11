"""Windows: capture exclusion, session lock, clipboard-history exclusion, no crash dumps.

Written against the documented Win32 API; NOT run on Windows in this project's own set-up
(see docs/installing.md): its unit tests replace the DLLs with fakes and check the calls.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .base import Hooks, NativeLibraries

if TYPE_CHECKING:
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QWidget

    from .sessionlock import SessionLockWatcher

# SetWindowDisplayAffinity (WinUser.h). EXCLUDEFROMCAPTURE needs Windows 10 2004 or later;
# before that, MONITOR shows the window black in captures instead.
WDA_MONITOR = 0x01
WDA_EXCLUDEFROMCAPTURE = 0x11
# SetErrorMode: no "program has stopped working" dialog, no critical-error boxes.
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002
# WerSetFlags: a crash report of this process leaves its heap (the journal) out.
WER_FAULT_REPORTING_FLAG_NOHEAP = 0x1
S_OK = 0


def _load(name: str) -> Any:
    if sys.platform != "win32":  # ctypes.WinDLL exists on Windows only
        raise OSError(f"{name} is a Windows library")
    return ctypes.WinDLL(name, use_last_error=True)


class WindowsHooks(Hooks):
    name = "windows"

    def __init__(self, load: Callable[[str], Any] = _load, frozen: bool | None = None) -> None:
        self._library = NativeLibraries(load)
        self._frozen = getattr(sys, "frozen", False) if frozen is None else frozen

    def exclude_from_capture(self, window: QWindow) -> bool:
        from ctypes import wintypes

        try:
            user32 = self._library("user32")
        except OSError:
            return False
        affinity = user32.SetWindowDisplayAffinity
        affinity.argtypes = [wintypes.HWND, wintypes.DWORD]
        affinity.restype = wintypes.BOOL
        hwnd = int(window.winId())
        return bool(affinity(hwnd, WDA_EXCLUDEFROMCAPTURE) or affinity(hwnd, WDA_MONITOR))

    def session_lock_watcher(self, window: QWidget) -> SessionLockWatcher:
        from .sessionlock import SessionLockWatcher, WindowsSessionLockWatcher

        try:
            wtsapi32 = self._library("wtsapi32")
        except OSError:
            return SessionLockWatcher(window)
        return WindowsSessionLockWatcher(window, wtsapi32)

    def secret_clipboard_formats(self) -> dict[str, bytes]:
        # Registered clipboard formats (Qt registers a MIME type it does not know under its
        # own name). "Clipboard Formats", Win32 docs: any data in the first keeps the copy
        # out of clipboard history, cloud clipboard and monitors; the DWORD 0 in the other
        # two says the same to Windows' own history and cloud sync.
        no = (0).to_bytes(4, "little")
        return {
            "ExcludeClipboardContentFromMonitorProcessing": b"\x01",
            "CanIncludeInClipboardHistory": no,
            "CanUploadToCloudClipboard": no,
        }

    def disable_crash_dumps(self) -> bool:
        from ctypes import wintypes

        try:
            kernel32 = self._library("kernel32")
        except OSError:
            return False
        get_mode = kernel32.GetErrorMode
        get_mode.argtypes = []
        get_mode.restype = wintypes.UINT
        set_mode = kernel32.SetErrorMode
        set_mode.argtypes = [wintypes.UINT]
        set_mode.restype = wintypes.UINT
        set_mode(get_mode() | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
        set_flags = kernel32.WerSetFlags
        set_flags.argtypes = [wintypes.DWORD]
        set_flags.restype = ctypes.c_long  # HRESULT
        done = set_flags(WER_FAULT_REPORTING_FLAG_NOHEAP) == S_OK
        if self._frozen:
            # Only for the installed program: excluding python.exe would switch off error
            # reporting for every Python program of this user.
            try:
                wer = self._library("wer")
            except OSError:
                return False
            exclude = wer.WerAddExcludedApplication
            exclude.argtypes = [wintypes.LPCWSTR, wintypes.BOOL]
            exclude.restype = ctypes.c_long  # HRESULT
            done = exclude(Path(sys.executable).name, False) == S_OK and done
        return done
