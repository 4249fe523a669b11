"""Searching off the GUI thread, through the session's journal.

Ranking a common word over a large vault takes a few hundred milliseconds (measured: about
0.3 s for "melder" in 10,000 cases), too long to freeze typing for. The search runs in a
worker on the vault's one connection: the database takes statements and transactions in
turns (vault/database.py), so a save typed meanwhile waits for the statement in progress at
most, never for the whole search, and a lock closes the connection only between statements.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal

from ...core.search import MAX_HITS, find
from ..common.worker import BackgroundJob
from ..session import Session

# Jobs outlive a page deleted by a lock mid-search: a QThread must never die while it runs.
_alive: set[BackgroundJob] = set()


class BackgroundSearch(QObject):
    found = Signal(object)  # Results of the latest request
    failed = Signal(object)  # the exception, for the page to put into words

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._job: BackgroundJob | None = None
        self._generation = 0
        self._wanted: tuple[int, str] | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None or self._wanted is not None

    def request(self, typed: str) -> None:
        """Search for `typed`; an answer to an earlier request that is still out is dropped."""
        self._generation += 1
        self._wanted = (self._generation, typed)
        if self._job is None:
            self._start()

    def cancel(self) -> None:
        """Forget what was asked; a search still running finishes unheard."""
        self._generation += 1
        self._wanted = None

    def _start(self) -> None:
        assert self._wanted is not None
        generation, typed = self._wanted
        self._wanted = None
        journal = self._session.journal
        job = BackgroundJob(lambda: find(journal, typed, limit=MAX_HITS))
        _alive.add(job)
        job.done.connect(lambda results: self._finished(job, generation, results))
        job.failed.connect(lambda error: self._finished(job, generation, error))
        self._job = job
        job.start()

    def _finished(self, job: BackgroundJob, generation: int, outcome: object) -> None:
        _alive.discard(job)
        if not shiboken6.isValid(self):
            return  # the page went away (a lock) while this ran
        self._job = None
        if generation == self._generation:
            if isinstance(outcome, BaseException):
                self.failed.emit(outcome)
            else:
                self.found.emit(outcome)
        if self._wanted is not None:
            self._start()
