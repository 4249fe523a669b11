"""Process hardening that must happen before any case content is in memory."""

from __future__ import annotations

import contextlib
import os
import sys


def harden_process() -> None:
    """No core dumps: a crash must not leave the decrypted journal on disk (as KeePassXC)."""
    if os.name != "posix":
        return
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        _set_not_dumpable()


def _set_not_dumpable() -> None:
    import ctypes

    PR_SET_DUMPABLE = 4
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
