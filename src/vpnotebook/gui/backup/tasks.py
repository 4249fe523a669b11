"""Running backup work off the GUI thread, and the words for its results.

Jobs are kept alive here rather than by the page: replacing the vault locks the program, which
deletes the page while the restore still runs, and a QThread must never die mid-run.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from ...vault.errors import VaultError
from ..common.labels import current_language
from ..common.worker import BackgroundJob

_running: set[BackgroundJob] = set()


def start(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    *,
    owner: QObject | None = None,
) -> BackgroundJob:
    """Run `work` on its own thread; the answer goes to `owner`'s handlers while it exists."""
    job = BackgroundJob(work)
    _running.add(job)

    def gone() -> bool:
        # The program was locked while this ran and the page is deleted: nobody to tell.
        return owner is not None and not shiboken6.isValid(owner)

    def finished(result: object) -> None:
        _running.discard(job)
        if not gone():
            on_done(result)

    def failed(error: BaseException) -> None:  # what BackgroundJob.failed carries
        _running.discard(job)
        if not gone():
            on_failed(error)

    job.done.connect(finished)
    job.failed.connect(failed)
    job.start()
    return job


def any_running() -> bool:
    return bool(_running)


class ProgressRelay(QObject):
    """Carries (done, total) from the worker thread to the GUI thread as a queued signal."""

    # Per mille rather than bytes: a vault can outgrow what a Qt int signal argument holds.
    progressed = Signal(int)

    def report(self, done: int, total: int) -> None:
        # Called on the worker thread: only emit, never touch a widget here.
        self.progressed.emit(min(1000, done * 1000 // total) if total > 0 else 0)


# -- words ----------------------------------------------------------------------------------


def tr(text: str) -> str:
    return QCoreApplication.translate("BackupPage", text)


def failure_text(error: BaseException) -> str:
    """The VP's words for a failure; never a traceback."""
    if isinstance(error, VaultError):
        return error.message(current_language())
    return tr("Er ging onverwacht iets mis (%1). Er is niets gewijzigd.").replace(
        "%1", type(error).__name__
    )


def locale() -> QLocale:
    if current_language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def size_text(size: int) -> str:
    return locale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def moment_text(moment: datetime) -> str:
    return (
        tr("%1 om %2")
        .replace("%1", moment.strftime("%d-%m-%Y"))
        .replace("%2", moment.strftime("%H:%M"))
    )


def parse_moment(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def age_text(moment: datetime, today: date) -> str:
    days = (today - moment.date()).days
    if days <= 0:
        return tr("vandaag")
    if days == 1:
        return tr("gisteren")
    return tr("%1 dagen geleden").replace("%1", str(days))


def contents_text(counts: dict[str, int]) -> str:
    cases = counts.get("cases", 0)
    talks = counts.get("conversations", 0)
    case_text = tr("1 melding") if cases == 1 else tr("%1 meldingen").replace("%1", str(cases))
    talk_text = tr("1 gesprek") if talks == 1 else tr("%1 gesprekken").replace("%1", str(talks))
    return tr("%1 en %2").replace("%1", case_text).replace("%2", talk_text)
