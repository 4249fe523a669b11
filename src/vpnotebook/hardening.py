"""Process hardening that must happen before any case content is in memory."""

from __future__ import annotations


def harden_process() -> None:
    """No crash dumps: a crash must not leave the decrypted journal on disk (as KeePassXC).

    What that takes differs per system (core limits and PR_SET_DUMPABLE on Linux, Windows
    Error Reporting on Windows): see vpnotebook.gui.platform. Imports no Qt.
    """
    from .gui import platform

    platform.current().disable_crash_dumps()
