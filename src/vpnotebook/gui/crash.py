"""When something unexpected breaks: a calm Dutch message, and a report without content.

The report names the exception's type and where in our code it happened (file, line,
function). It never holds the exception's message, source lines or variables: any of those
could carry a name or a sentence from a case.
"""

from __future__ import annotations

import os
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import TracebackType

from .. import __version__
from ..vault.errors import VaultError
from .common import dialogs


def content_free_report(
    exc_type: type[BaseException], tb: TracebackType | None, moment: datetime | None = None
) -> str:
    # Imported here: the handler is installed at every start, a report is rarely written.
    import platform
    import traceback

    lines = [
        f"vpnotebook {__version__}",
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}",
        f"Time: {(moment or datetime.now()).isoformat(timespec='seconds')}",
        f"Error type: {exc_type.__module__}.{exc_type.__qualname__}",
        "Where (most recent call last):",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_report(text: str, folder: Path | None = None) -> Path | None:
    if folder is None:
        from platformdirs import user_log_path

        folder = user_log_path("vpnotebook", appauthor=False)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"foutrapport-{datetime.now():%Y%m%d-%H%M%S}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError:
        return None
    return path


class CrashHandler:
    """Installed as sys.excepthook and threading.excepthook for the desktop program."""

    def __init__(self, report_folder: Path | None = None) -> None:
        self.report_folder = report_folder
        self.last_report: Path | None = None

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    @staticmethod
    def _tell(error: VaultError) -> None:
        """Not a bug but the world: a full disk, a drive gone, a damaged file.

        Every screen catches what the VP can correct (a validation message next to the
        field); this is where the rest arrives from any screen. The write was rolled back and
        what was typed is still on the screen, so the VP is told why in their words, with no
        crash report.
        """
        from PySide6.QtCore import QCoreApplication

        from .common.labels import current_language

        dialogs.error(
            None,
            QCoreApplication.translate("CrashHandler", "Niet gelukt"),
            error.message(current_language()),
        )

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            # A thread's hook may have no exception object; the default hook prints the type.
            sys.__excepthook__(exc_type, exc, tb)  # type: ignore[arg-type]  # exc may be None
            return
        if isinstance(exc, VaultError):
            self._tell(exc)
            return
        self.last_report = write_report(content_free_report(exc_type, tb), self.report_folder)
        where = str(self.last_report) if self.last_report else "—"
        from PySide6.QtCore import QCoreApplication

        dialogs.error(
            None,
            QCoreApplication.translate("CrashHandler", "Er ging iets mis"),
            QCoreApplication.translate(
                "CrashHandler",
                "Er ging onverwacht iets mis. Wat u al had vastgelegd, is bewaard; u kunt "
                "gewoon verder werken. Er is een foutrapport gemaakt zonder iets uit uw "
                "dossiers: %1. Gebeurt dit vaker, stuur dat bestand dan naar de makers van "
                "vpnotebook.",
            ).replace("%1", where),
        )
