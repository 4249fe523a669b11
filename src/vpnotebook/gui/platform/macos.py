"""macOS: capture exclusion, screen-lock notice, concealed clipboard, no core dumps.

Through the Objective-C runtime and CoreFoundation with ctypes (no PyObjC). Written against
Apple's documentation; NOT run on a Mac in this project's own set-up (docs/installing.md):
its unit tests replace the libraries with fakes and check the calls.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .base import Hooks, NativeLibraries

if TYPE_CHECKING:
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QWidget

    from .sessionlock import SessionLockWatcher

NSWindowSharingNone = 0
# nspasteboard.org: clipboard managers keep no copy of concealed or transient content.
PASTEBOARD_TYPES = (b"org.nspasteboard.ConcealedType", b"org.nspasteboard.TransientType")


def _load(name: str) -> Any:
    path = ctypes.util.find_library(name)
    if path is None:
        raise OSError(f"no library {name}")
    return ctypes.CDLL(path)


class MacHooks(Hooks):
    name = "macos"

    def __init__(self, load: Callable[[str], Any] = _load) -> None:
        self._library = NativeLibraries(load)

    def _send(self, receiver: int, selector: bytes, restype: Any, *args: tuple[Any, Any]) -> Any:
        """[receiver selector:args...] with objc_msgSend cast to the method's own types (as
        Apple requires: on arm64 a variadic call would pass the arguments wrongly)."""
        objc = self._library("objc")
        objc.sel_registerName.argtypes = [ctypes.c_char_p]
        objc.sel_registerName.restype = ctypes.c_void_p
        send = objc.objc_msgSend
        send.argtypes = [ctypes.c_void_p, ctypes.c_void_p, *(kind for kind, _ in args)]
        send.restype = restype
        return send(receiver, objc.sel_registerName(selector), *(value for _, value in args))

    def _class(self, name: bytes) -> int | None:
        objc = self._library("objc")
        objc.objc_getClass.argtypes = [ctypes.c_char_p]
        objc.objc_getClass.restype = ctypes.c_void_p
        found: int | None = objc.objc_getClass(name)
        return found

    def _string(self, text: bytes) -> int | None:
        string_class = self._class(b"NSString")
        if not string_class:
            return None
        made: int | None = self._send(
            string_class, b"stringWithUTF8String:", ctypes.c_void_p, (ctypes.c_char_p, text)
        )
        return made

    def exclude_from_capture(self, window: QWindow) -> bool:
        # A QWindow's winId on macOS is its NSView; the NSWindow holds the sharing type.
        try:
            view = int(window.winId())
            ns_window = self._send(view, b"window", ctypes.c_void_p)
            if not ns_window:
                return False  # not shown yet: protect_window runs again when it is
            self._send(ns_window, b"setSharingType:", None, (ctypes.c_ulong, NSWindowSharingNone))
            sharing = self._send(ns_window, b"sharingType", ctypes.c_ulong)
        except OSError:
            return False
        return bool(sharing == NSWindowSharingNone)

    def session_lock_watcher(self, window: QWidget) -> SessionLockWatcher:
        from .sessionlock import MacSessionLockWatcher, SessionLockWatcher

        try:
            corefoundation = self._library("CoreFoundation")
        except OSError:
            return SessionLockWatcher(window)
        return MacSessionLockWatcher(window, corefoundation)

    def after_secret_copy(self) -> bool:
        """Add the concealed and transient types to what Qt just put on the pasteboard."""
        try:
            board_class = self._class(b"NSPasteboard")
            array_class = self._class(b"NSArray")
            if not board_class or not array_class:
                return False
            board = self._send(board_class, b"generalPasteboard", ctypes.c_void_p)
            empty = self._string(b"")
            if not board or not empty:
                return False
            done = True
            for uti in PASTEBOARD_TYPES:
                kind = self._string(uti)
                types = self._send(
                    array_class, b"arrayWithObject:", ctypes.c_void_p, (ctypes.c_void_p, kind)
                )
                if not kind or not types:
                    return False
                self._send(
                    board,
                    b"addTypes:owner:",
                    ctypes.c_long,
                    (ctypes.c_void_p, types),
                    (ctypes.c_void_p, None),
                )
                done = (
                    bool(
                        self._send(
                            board,
                            b"setString:forType:",
                            ctypes.c_bool,
                            (ctypes.c_void_p, empty),
                            (ctypes.c_void_p, kind),
                        )
                    )
                    and done
                )
        except OSError:
            return False
        return done
