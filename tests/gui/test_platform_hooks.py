"""The platform hooks (gui/platform): the no-op path, and the right system calls on Windows,
macOS and Linux with the operating system replaced at its boundary (the ctypes libraries).

These are the only tests of the Windows and macOS code that run in this project's own set-up;
the workflows in .github/ run the suite on the real systems (docs/installing.md says what
is verified where). A fake library behaves like ctypes in what matters for a wrong call: a
function must have its prototype before it is called, and every argument must convert to
its declared type.
"""

from __future__ import annotations

import ctypes
import resource
import sys
from collections.abc import Callable, Iterator
from ctypes import wintypes
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from vpnotebook.gui import platform
from vpnotebook.gui.common import clipboard
from vpnotebook.gui.platform import base, macos, sessionlock, windows
from vpnotebook.gui.platform.linux import LinuxHooks
from vpnotebook.gui.platform.macos import MacHooks
from vpnotebook.gui.platform.windows import WindowsHooks

# -- a fake of a ctypes library ----------------------------------------------------------

UNSET: Any = object()


@dataclass
class Call:
    args: tuple[Any, ...]
    argtypes: tuple[Any, ...]
    restype: Any


@dataclass
class FakeFunction:
    name: str
    result: Any = 1
    argtypes: Any = None
    restype: Any = UNSET
    calls: list[Call] = field(default_factory=list)

    def __call__(self, *args: Any) -> Any:
        assert self.argtypes is not None, f"{self.name} called without argtypes"
        assert self.restype is not UNSET, f"{self.name} called without restype"
        assert len(args) == len(self.argtypes), f"{self.name}: {len(args)} arguments"
        for kind, value in zip(self.argtypes, args, strict=True):
            kind.from_param(value)  # raises as ctypes would on a wrong type
        self.calls.append(Call(args, tuple(self.argtypes), self.restype))
        return self.result(*args) if callable(self.result) else self.result


class FakeLibrary:
    """`library.Name` is a FakeFunction; results given per name (a value or a callable)."""

    def __init__(self, **results: Any) -> None:
        self.functions: dict[str, FakeFunction] = {}
        self._results = results

    def __getattr__(self, name: str) -> FakeFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self.functions:
            self.functions[name] = FakeFunction(name, self._results.get(name, 1))
        return self.functions[name]

    def calls(self, name: str) -> list[Call]:
        return self.functions[name].calls if name in self.functions else []


class FakeLoader:
    """Stands in for ctypes.WinDLL / CDLL: hands out the fake libraries by name."""

    def __init__(self, **libraries: FakeLibrary) -> None:
        self.libraries = libraries
        self.loaded: list[str] = []

    def __call__(self, name: str) -> FakeLibrary:
        self.loaded.append(name)
        if name not in self.libraries:
            raise OSError(f"no library {name}")
        return self.libraries[name]


@pytest.fixture
def shown(qtbot: Any) -> Callable[[], QWidget]:
    """Makes top-level widgets that are shown (so they have a native window)."""
    kept: list[QWidget] = []  # qtbot holds them weakly; the tests hold only their QWindow

    def make() -> QWidget:
        widget = QWidget()
        kept.append(widget)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


def handle(widget: QWidget) -> QWindow:
    window = widget.windowHandle()
    assert window is not None
    return window


# -- the no-op path ------------------------------------------------------------------------


def test_each_system_gets_its_own_hooks() -> None:
    assert type(platform.for_platform("win32")) is WindowsHooks
    assert type(platform.for_platform("darwin")) is MacHooks
    assert type(platform.for_platform("linux")) is LinuxHooks
    assert type(platform.for_platform("freebsd14")) is base.Hooks
    assert platform.current() is platform.current()
    assert platform.current().name == {"win32": "windows", "darwin": "macos"}.get(
        sys.platform, "linux" if sys.platform.startswith("linux") else "other"
    )


def test_elsewhere_every_hook_is_a_harmless_no_op(qtbot: Any, shown: Callable[[], QWidget]) -> None:
    hooks = platform.for_platform("freebsd14")
    widget = shown()
    assert hooks.exclude_from_capture(handle(widget)) is False
    assert hooks.protect_window(handle(widget)) is False
    assert hooks.protect_window(None) is False
    assert handle(widget).property(base.EXCLUDED_PROPERTY) is None
    assert hooks.secret_clipboard_formats() == {}
    assert hooks.after_secret_copy() is False
    watcher = hooks.session_lock_watcher(widget)
    assert type(watcher) is sessionlock.SessionLockWatcher
    assert watcher.connected == []
    assert watcher.parent() is widget


def test_no_core_dumps_on_posix() -> None:
    assert base.Hooks().disable_crash_dumps() is True
    assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)


# -- Linux ---------------------------------------------------------------------------------


def test_linux_makes_the_process_undumpable() -> None:
    libc = FakeLibrary(prctl=0)
    assert LinuxHooks(load_libc=lambda: libc).disable_crash_dumps() is True
    (call,) = libc.calls("prctl")
    assert call.args == (4, 0, 0, 0, 0)  # PR_SET_DUMPABLE, 0
    assert call.argtypes == (ctypes.c_int, *[ctypes.c_ulong] * 4)
    assert call.restype is ctypes.c_int
    failing = FakeLibrary(prctl=-1)
    assert LinuxHooks(load_libc=lambda: failing).disable_crash_dumps() is False


def test_linux_marks_the_clipboard_for_kde_and_watches_dbus(qtbot: Any) -> None:
    hooks = LinuxHooks()
    assert hooks.secret_clipboard_formats() == {"x-kde-passwordManagerHint": b"secret"}
    widget = QWidget()
    qtbot.addWidget(widget)
    watcher = hooks.session_lock_watcher(widget)
    assert isinstance(watcher, sessionlock.DBusSessionLockWatcher)
    with qtbot.assertNotEmitted(watcher.lock_requested):
        watcher._screensaver_changed(False)
        watcher._sleep(False)
    with qtbot.waitSignal(watcher.lock_requested):
        watcher._screensaver_changed(True)
    with qtbot.waitSignal(watcher.lock_requested):
        watcher._sleep(True)


# -- Windows -------------------------------------------------------------------------------


def windows_hooks(
    frozen: bool = False, **results: dict[str, Any]
) -> tuple[WindowsHooks, FakeLoader]:
    loader = FakeLoader(
        user32=FakeLibrary(**results.get("user32", {})),
        wtsapi32=FakeLibrary(**results.get("wtsapi32", {})),
        kernel32=FakeLibrary(**results.get("kernel32", {"WerSetFlags": 0})),
        wer=FakeLibrary(**results.get("wer", {"WerAddExcludedApplication": 0})),
    )
    return WindowsHooks(load=loader, frozen=frozen), loader


def test_windows_excludes_a_window_from_capture(shown: Callable[[], QWidget]) -> None:
    hooks, loader = windows_hooks()
    window = handle(shown())
    assert hooks.exclude_from_capture(window) is True
    (call,) = loader.libraries["user32"].calls("SetWindowDisplayAffinity")
    assert call.args == (int(window.winId()), windows.WDA_EXCLUDEFROMCAPTURE == 0x11 and 0x11)
    assert call.argtypes == (wintypes.HWND, wintypes.DWORD)
    assert call.restype is wintypes.BOOL


def test_before_windows_10_2004_the_window_is_blacked_out_instead(
    shown: Callable[[], QWidget],
) -> None:
    # WDA_EXCLUDEFROMCAPTURE fails on older Windows: WDA_MONITOR shows it black in captures.
    hooks, loader = windows_hooks(user32={"SetWindowDisplayAffinity": lambda hwnd, wda: wda == 1})
    window = handle(shown())
    assert hooks.exclude_from_capture(window) is True
    calls = loader.libraries["user32"].calls("SetWindowDisplayAffinity")
    assert [call.args[1] for call in calls] == [0x11, 0x01]
    refused, _ = windows_hooks(user32={"SetWindowDisplayAffinity": 0})
    assert refused.exclude_from_capture(window) is False


def test_each_native_window_is_protected_once(shown: Callable[[], QWidget]) -> None:
    hooks, loader = windows_hooks()
    first, second = handle(shown()), handle(shown())
    for window in (first, second, first, second):
        assert hooks.protect_window(window) is True
    calls = loader.libraries["user32"].calls("SetWindowDisplayAffinity")
    assert [call.args[0] for call in calls] == [int(first.winId()), int(second.winId())]
    assert first.property(base.EXCLUDED_PROPERTY) == int(first.winId())


def test_every_window_that_gets_the_focus_is_protected(
    qtbot: Any, shown: Callable[[], QWidget]
) -> None:
    # As gui/app.py wires it: the main window at once, each dialog when it is focused.
    hooks, loader = windows_hooks()
    main = shown()
    hooks.protect_window(handle(main))
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.focusWindowChanged.connect(hooks.protect_window)
    try:
        dialog = QDialog(main)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    finally:
        app.focusWindowChanged.disconnect(hooks.protect_window)
    protected = [c.args[0] for c in loader.libraries["user32"].calls("SetWindowDisplayAffinity")]
    assert int(main.winId()) in protected
    assert int(dialog.winId()) in protected


def windows_message(message: int, wparam: int) -> tuple[wintypes.MSG, int]:
    msg = wintypes.MSG()
    msg.message = message
    msg.wParam = wparam
    return msg, ctypes.addressof(msg)


def test_windows_session_lock_and_suspend_lock_the_journal(qtbot: Any) -> None:
    hooks, loader = windows_hooks()
    widget = QWidget()
    watcher = hooks.session_lock_watcher(widget)
    assert isinstance(watcher, sessionlock.WindowsSessionLockWatcher)
    wts = loader.libraries["wtsapi32"]
    (register,) = wts.calls("WTSRegisterSessionNotification")
    assert register.args == (int(widget.winId()), sessionlock.NOTIFY_FOR_THIS_SESSION)
    assert register.argtypes == (wintypes.HWND, wintypes.DWORD)
    assert register.restype is wintypes.BOOL
    assert watcher.connected == ["WM_POWERBROADCAST", "WTSRegisterSessionNotification"]

    native = watcher.filter
    for message, wparam in [
        (sessionlock.WM_WTSSESSION_CHANGE, sessionlock.WTS_SESSION_LOCK),
        (sessionlock.WM_POWERBROADCAST, sessionlock.PBT_APMSUSPEND),
    ]:
        _msg, address = windows_message(message, wparam)
        with qtbot.waitSignal(watcher.lock_requested):
            assert native.nativeEventFilter(b"windows_generic_MSG", address) == (False, 0)
    with qtbot.assertNotEmitted(watcher.lock_requested):
        for event_type, message, wparam in [
            (b"windows_generic_MSG", sessionlock.WM_WTSSESSION_CHANGE, 0x8),  # unlock
            (b"windows_generic_MSG", sessionlock.WM_POWERBROADCAST, 0x12),  # resumed
            (b"windows_generic_MSG", 0x0010, sessionlock.WTS_SESSION_LOCK),  # WM_CLOSE
            (b"xcb_generic_event_t", sessionlock.WM_WTSSESSION_CHANGE, 0x7),
        ]:
            _msg, address = windows_message(message, wparam)
            assert native.nativeEventFilter(event_type, address) == (False, 0)
        assert native.nativeEventFilter(b"windows_generic_MSG", 0) == (False, 0)

    # The window goes: the registration is undone and the filter removed.
    hwnd = int(widget.winId())
    widget.deleteLater()
    qtbot.waitUntil(lambda: not isValid(widget))
    (unregister,) = wts.calls("WTSUnRegisterSessionNotification")
    assert unregister.args == (hwnd,)
    assert native not in sessionlock._installed_filters


def test_a_refused_registration_still_locks_on_suspend(qtbot: Any) -> None:
    hooks, loader = windows_hooks(wtsapi32={"WTSRegisterSessionNotification": 0})
    widget = QWidget()
    qtbot.addWidget(widget)
    watcher = hooks.session_lock_watcher(widget)
    assert watcher.connected == ["WM_POWERBROADCAST"]
    assert isinstance(watcher, sessionlock.WindowsSessionLockWatcher)
    watcher.stop()
    assert loader.libraries["wtsapi32"].calls("WTSUnRegisterSessionNotification") == []


def test_windows_keeps_copies_out_of_clipboard_history(qtbot: Any, monkeypatch: Any) -> None:
    hooks, _ = windows_hooks()
    monkeypatch.setattr(platform, "current", lambda: hooks)
    clipboard.copy_secret("020-5550123")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "020-5550123"
    assert mime.data("ExcludeClipboardContentFromMonitorProcessing").data()
    assert mime.data("CanIncludeInClipboardHistory").data() == b"\0\0\0\0"
    assert mime.data("CanUploadToCloudClipboard").data() == b"\0\0\0\0"
    clipboard.clear_if_ours()


def test_windows_crash_dumps_and_error_reporting_are_switched_off() -> None:
    hooks, loader = windows_hooks(frozen=True, kernel32={"GetErrorMode": 0x8000, "WerSetFlags": 0})
    assert hooks.disable_crash_dumps() is True
    kernel32, wer = loader.libraries["kernel32"], loader.libraries["wer"]
    (mode,) = kernel32.calls("SetErrorMode")
    assert mode.args == (0x8000 | windows.SEM_FAILCRITICALERRORS | windows.SEM_NOGPFAULTERRORBOX,)
    assert mode.argtypes == (wintypes.UINT,) and mode.restype is wintypes.UINT
    (flags,) = kernel32.calls("WerSetFlags")
    assert flags.args == (windows.WER_FAULT_REPORTING_FLAG_NOHEAP,)
    (excluded,) = wer.calls("WerAddExcludedApplication")
    assert excluded.args[0].endswith(("python", "python.exe")) or excluded.args[0]
    assert excluded.args[1] is False
    assert excluded.argtypes == (wintypes.LPCWSTR, wintypes.BOOL)

    # Not frozen (python.exe): no exclusion for every Python program of the user.
    hooks, loader = windows_hooks(frozen=False)
    assert hooks.disable_crash_dumps() is True
    assert "wer" not in loader.loaded
    # A failing call is reported as not done.
    hooks, _ = windows_hooks(frozen=True, wer={"WerAddExcludedApplication": -2147024891})
    assert hooks.disable_crash_dumps() is False


def test_windows_without_the_libraries_does_nothing(
    qtbot: Any, shown: Callable[[], QWidget]
) -> None:
    hooks = WindowsHooks(load=FakeLoader(), frozen=True)
    widget = shown()
    assert hooks.exclude_from_capture(handle(widget)) is False
    assert hooks.disable_crash_dumps() is False
    assert type(hooks.session_lock_watcher(widget)) is sessionlock.SessionLockWatcher


# -- macOS ---------------------------------------------------------------------------------

NSVIEW, NSWINDOW, PASTEBOARD, STRING = 0x1000, 0x2000, 0x3000, 0x4000


class FakeObjC(FakeLibrary):
    """libobjc: classes and selectors are numbers; objc_msgSend answers per selector."""

    def __init__(self, answers: dict[bytes, Any]) -> None:
        super().__init__()
        self.selectors: dict[int, bytes] = {}
        self.sent: list[tuple[int, bytes, tuple[Any, ...], Any]] = []

        def register(name: bytes) -> int:
            number = 0x9000 + len(self.selectors)
            self.selectors.setdefault(number, name)
            return next(k for k, v in self.selectors.items() if v == name)

        def send(receiver: int, selector: int, *args: Any) -> Any:
            name = self.selectors[selector]
            self.sent.append((receiver, name, args, self.objc_msgSend.restype))
            answer = answers.get(name, 0)
            return answer(*args) if callable(answer) else answer

        self.sel_registerName.result = register
        self.objc_getClass.result = lambda name: {b"NSString": 0x10, b"NSPasteboard": 0x20}.get(
            name, 0x30
        )
        self.objc_msgSend.result = send


def test_macos_sets_the_window_sharing_type_to_none(shown: Callable[[], QWidget]) -> None:
    objc = FakeObjC({b"window": NSWINDOW, b"sharingType": 0})
    hooks = MacHooks(load=FakeLoader(objc=objc))
    window = handle(shown())
    assert hooks.exclude_from_capture(window) is True
    assert [(receiver, name, args) for receiver, name, args, _ in objc.sent] == [
        (int(window.winId()), b"window", ()),
        (NSWINDOW, b"setSharingType:", (macos.NSWindowSharingNone,)),
        (NSWINDOW, b"sharingType", ()),
    ]
    restypes = [restype for *_, restype in objc.sent]
    assert restypes == [ctypes.c_void_p, None, ctypes.c_ulong]
    # Each call had its own exact prototype (objc_msgSend is never called variadically).
    set_type = objc.calls("objc_msgSend")[1]
    assert set_type.argtypes == (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong)

    # No NSWindow yet, or the system kept the old sharing type: not done.
    assert (
        MacHooks(load=FakeLoader(objc=FakeObjC({b"window": 0}))).exclude_from_capture(window)
        is False
    )
    stubborn = FakeObjC({b"window": NSWINDOW, b"sharingType": 1})
    assert MacHooks(load=FakeLoader(objc=stubborn)).exclude_from_capture(window) is False


def test_macos_locks_on_the_screen_lock_notification(qtbot: Any) -> None:
    cf = FakeLibrary(
        CFNotificationCenterGetDistributedCenter=0x5000, CFStringCreateWithCString=0x6000
    )
    cf.CFNotificationCenterAddObserver.result = None
    hooks = MacHooks(load=FakeLoader(CoreFoundation=cf))
    widget = QWidget()
    watcher = hooks.session_lock_watcher(widget)
    assert isinstance(watcher, sessionlock.MacSessionLockWatcher)
    assert watcher.connected == ["com.apple.screenIsLocked"]
    (name,) = cf.calls("CFStringCreateWithCString")
    assert name.args == (None, b"com.apple.screenIsLocked", sessionlock.kCFStringEncodingUTF8)
    (added,) = cf.calls("CFNotificationCenterAddObserver")
    center, observer, callback, cfname, sender, behaviour = added.args
    assert (center, cfname, sender) == (0x5000, 0x6000, None)
    assert behaviour == sessionlock.CFNotificationSuspensionBehaviorDeliverImmediately
    assert added.argtypes[2] is sessionlock.CFNotificationCallback

    # CoreFoundation calls the C callback: the journal locks.
    with qtbot.waitSignal(watcher.lock_requested):
        callback(0x5000, observer.value, 0x6000, None, None)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not isValid(widget))
    (removed,) = cf.calls("CFNotificationCenterRemoveEveryObserver")
    assert removed.args == (0x5000, observer)


def test_macos_conceals_copies_from_clipboard_managers() -> None:
    objc = FakeObjC(
        {
            b"generalPasteboard": PASTEBOARD,
            b"stringWithUTF8String:": lambda text: STRING + len(text),
            b"arrayWithObject:": lambda item: item + 1,
            b"setString:forType:": True,
            b"addTypes:owner:": 7,
        }
    )
    assert MacHooks(load=FakeLoader(objc=objc)).after_secret_copy() is True
    added = [args for receiver, name, args, _ in objc.sent if name == b"addTypes:owner:"]
    typed = [args for receiver, name, args, _ in objc.sent if name == b"setString:forType:"]
    kinds = [len(b"org.nspasteboard.ConcealedType"), len(b"org.nspasteboard.TransientType")]
    assert added == [(STRING + n + 1, None) for n in kinds]
    assert typed == [(STRING, STRING + n) for n in kinds]  # an empty string of each type
    assert all(
        receiver == PASTEBOARD
        for receiver, name, *_ in objc.sent
        if b":" in name and name != b"stringWithUTF8String:" and name != b"arrayWithObject:"
    )
    refused = FakeObjC({b"generalPasteboard": 0})
    assert MacHooks(load=FakeLoader(objc=refused)).after_secret_copy() is False


# -- the timed clipboard clear -------------------------------------------------------------


@pytest.fixture
def quick_clear(monkeypatch: Any) -> Iterator[None]:
    monkeypatch.setattr(clipboard, "CLEAR_AFTER_MS", 20)
    yield
    clipboard.clear_if_ours()


def test_a_copy_is_cleared_after_a_while(qtbot: Any, quick_clear: None) -> None:
    clipboard.copy_secret("2026-004")
    assert QGuiApplication.clipboard().text() == "2026-004"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "")


def test_the_timer_leaves_another_programs_copy_alone(qtbot: Any, quick_clear: None) -> None:
    clipboard.copy_secret("2026-004")
    timer = clipboard._clear_timer()
    QGuiApplication.clipboard().setText("iets van een ander programma")
    with qtbot.waitSignal(timer.timeout):
        pass
    assert QGuiApplication.clipboard().text() == "iets van een ander programma"
