"""Run slow work (key derivation, backups, search) off the GUI thread and get the result back.

A QThread destroyed while it runs aborts the whole program. A job's owner can go away while
it runs (a lock deletes every page; the VP may close the window), so the thread does not
depend on its owner: it ends by itself when the work returns, this module keeps it alive
until then, and the program waits for the last ones before it exits (`wait_for_all`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class _JobThread(QThread):
    """Runs one callable, emits its outcome, and ends: no event loop to quit."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[], Any]) -> None:
        super().__init__()
        self._job: Callable[[], Any] | None = job

    def run(self) -> None:
        # The thread object outlives the run: it drops what the work held on to as it ends.
        job, self._job = self._job, None
        try:
            if job is None:
                raise RuntimeError("a job thread runs its job once")
            result = job()
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


# Threads that were started and may not have finished yet, with a strong reference so that
# garbage collection cannot destroy one mid-run.
_started: set[_JobThread] = set()


def _keep(thread: _JobThread) -> None:
    for finished in [t for t in _started if t.isFinished()]:
        _started.discard(finished)
    _started.add(thread)


def running_count() -> int:
    return sum(1 for thread in _started if not thread.isFinished())


def wait_for_all() -> None:
    """Block until every started job has returned; for the program's exit."""
    for thread in list(_started):
        thread.wait()
    _started.clear()


class BackgroundJob(QObject):
    """One job on its own QThread; `done(result)` or `failed(exception)` on the GUI thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = _JobThread(job)
        # Queued to this object's (the GUI) thread; if this object is deleted first, the
        # outcome is simply not delivered, and the thread still ends.
        self._thread.succeeded.connect(self._on_finished)
        self._thread.failed.connect(self._on_failed)
        self._pending = False

    def start(self) -> None:
        self._pending = True
        _keep(self._thread)
        self._thread.start()

    def _on_finished(self, result: object) -> None:
        self._thread.wait()  # emitted as the last thing run() does: returns at once
        self._pending = False
        self.done.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._thread.wait()
        self._pending = False
        self.failed.emit(exc)

    @property
    def running(self) -> bool:
        """True from start() until done or failed has been emitted."""
        return self._pending
