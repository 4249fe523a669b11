"""Can Qt open a window here? Checked before the QApplication exists, so a start without a
screen, or without a library Qt's X11 plugin links, ends with a message instead of Qt's abort.

Standard library only: scripts/_setup.sh runs this file on its own (`python -I display.py`)
to learn which Debian packages to install, before any venv exists. One list for both.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# Every system library that a Qt library or plugin the program loads on X11 names directly
# (ELF NEEDED): the xcb platform plugin and its GL integrations, and the Qt libraries behind
# QtCore, QtGui, QtWidgets, QtDBus and QtPrintSupport. Derived from the installed PySide6,
# not guessed: tests/unit/test_start_scripts.py reads those files and fails when one needs a
# library that is missing here. Soname -> the Debian package that ships it.
LINUX_LIBRARIES: dict[str, str] = {
    "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6",
    "libc.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libm.so.6": "libc6",
    "libpthread.so.0": "libc6",
    "libgcc_s.so.1": "libgcc-s1",
    "libstdc++.so.6": "libstdc++6",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
# Loaded when the program starts, whatever the screen: without them even the offscreen
# platform of the test suite cannot start. The rest matter only for a window on X11.
HEADLESS_LIBRARIES = frozenset(
    {"libglib-2.0.so.0", "libdbus-1.so.3", "libfontconfig.so.1", "libEGL.so.1", "libGL.so.1"}
    | {"libxkbcommon.so.0", "libfreetype.so.6", "libz.so.1", "libzstd.so.1"}
)
# Platform plugins that need no display server at all.
_NO_SERVER_NEEDED = {
    "offscreen",
    "minimal",
    "minimalegl",
    "vnc",
    "linuxfb",
    "eglfs",
    "vkkhrdisplay",
}

NO_DISPLAY = (
    "vpnotebook kan geen venster openen: er is geen beeldscherm (DISPLAY en WAYLAND_DISPLAY "
    "zijn niet gezet). Start vpnotebook vanuit uw bureaublad. Zonder scherm (een server, "
    "ssh) werken alleen de opdrachten op de opdrachtregel: zie 'vpnotebook --help'. Een "
    "virtueel scherm kan ook: 'xvfb-run -a vpnotebook'.\n"
    "vpnotebook cannot open a window: there is no display (DISPLAY and WAYLAND_DISPLAY are "
    "not set). Start vpnotebook from your desktop. Without a screen (a server, ssh) only the "
    "command-line commands work: see 'vpnotebook --help'. A virtual screen works too: "
    "'xvfb-run -a vpnotebook'."
)
NO_CONNECTION = (
    "vpnotebook kan geen verbinding maken met het beeldscherm {display}. Staat het "
    "bureaublad nog aan, en mag u het gebruiken? Start vpnotebook vanuit uw bureaublad, of "
    "zet DISPLAY op het juiste scherm.\n"
    "vpnotebook cannot connect to the display {display}. Is the desktop still running, and "
    "may you use it? Start vpnotebook from your desktop, or set DISPLAY to the right screen."
)
MISSING_LIBRARIES = (
    "vpnotebook kan geen venster openen: Qt mist deze systeembibliotheken: {libraries}. "
    "Installeer ze (Debian, Ubuntu) met:\n    sudo apt-get install {packages}\n"
    "vpnotebook cannot open a window: Qt lacks these system libraries: {libraries}. "
    "Install them (Debian, Ubuntu) with:\n    sudo apt-get install {packages}"
)


def _platform_names(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order ("xcb", "wayland;xcb", "offscreen:opts")."""
    requested = environ.get("QT_QPA_PLATFORM", "")
    return [part.split(":")[0].strip() for part in requested.split(";") if part.strip()]


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _x11_reachable(display: str) -> bool:
    """Whether an X server answers on `display` (one short connection through libxcb)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # reported as a missing library instead
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.restype = None
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


def missing_libraries(
    names: list[str] | None = None, loadable: Callable[[str], bool] = _loadable
) -> list[str]:
    """The sonames among `names` (default: the whole list) that cannot be loaded here."""
    if names is None:
        # The dynamic loader itself is there, or nothing would run; glibc's parts with it.
        names = [name for name, package in LINUX_LIBRARIES.items() if package != "libc6"]
    return [name for name in names if not loadable(name)]


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loadable: Callable[[str], bool] = _loadable,
    x11_reachable: Callable[[str], bool] = _x11_reachable,
) -> str | None:
    """Why Qt could not open a window here (in Dutch, then English), or None when it can."""
    environ = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None  # Windows and macOS always have their own window system
    names = _platform_names(environ)
    if names and names[0] in _NO_SERVER_NEEDED:
        return None
    wayland = bool(environ.get("WAYLAND_DISPLAY")) and (not names or "wayland" in names[0])
    display = environ.get("DISPLAY", "")
    if wayland:
        return None  # Qt tries Wayland first, and falls back to X11 by itself
    if not display:
        return NO_DISPLAY
    missing = missing_libraries(loadable=loadable)
    if missing:
        packages = sorted({LINUX_LIBRARIES[name] for name in missing})
        return MISSING_LIBRARIES.format(libraries=", ".join(missing), packages=" ".join(packages))
    if not x11_reachable(display):
        return NO_CONNECTION.format(display=display)
    return None


def _print_table(which: str) -> None:
    """For scripts/_setup.sh: `SONAME PACKAGE` lines (all, or only those any start needs)."""
    for soname, package in LINUX_LIBRARIES.items():
        if which == "all" or soname in HEADLESS_LIBRARIES:
            print(soname, package)


if __name__ == "__main__":
    _print_table(sys.argv[1] if len(sys.argv) > 1 else "all")
