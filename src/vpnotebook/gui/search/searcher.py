"""Searching off the GUI thread, on a reading connection of its own.

Ranking a common word over a large vault takes a few hundred milliseconds (measured: about
0.3 s for "melder" in 10,000 cases), too long to freeze typing for. The vault's connection
belongs to the GUI thread, so the search opens a second connection to the same encrypted file;
in WAL mode it reads what was committed without blocking the writer.
"""

from __future__ import annotations

import contextlib

import shiboken6
from PySide6.QtCore import QObject, Signal

from ...core.journal import Journal
from ...vault.database import Database
from ...vault.errors import VaultError
from ...vault.vault import DATABASE_NAME
from ..common.worker import BackgroundJob
from ..session import Session
from .results import MAX_HITS, find

# Jobs outlive a page deleted by a lock mid-search: a QThread must never die while it runs.
_alive: set[BackgroundJob] = set()


class BackgroundSearch(QObject):
    found = Signal(object)  # Results of the latest request
    failed = Signal(object)  # the exception, for the page to put into words

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._reader: Database | None = None
        self._job: BackgroundJob | None = None
        self._generation = 0
        self._wanted: tuple[int, str] | None = None
        self._close_when_idle = False

    @property
    def busy(self) -> bool:
        return self._job is not None or self._wanted is not None

    def request(self, typed: str) -> None:
        """Search for `typed`; an answer to an earlier request that is still out is dropped."""
        self._generation += 1
        self._wanted = (self._generation, typed)
        self._close_when_idle = False
        if self._job is None:
            self._start()

    def cancel(self) -> None:
        self._generation += 1
        self._wanted = None

    def close(self) -> None:
        """Let go of the reading connection (before a lock, when the page is left)."""
        self.cancel()
        if self._job is None:
            self._close_reader()
        else:
            self._close_when_idle = True

    def _start(self) -> None:
        assert self._wanted is not None
        generation, typed = self._wanted
        self._wanted = None
        try:
            reader = self._open_reader()
        except VaultError as error:
            self.failed.emit(error)
            return
        job = BackgroundJob(lambda: find(Journal(reader), typed, limit=MAX_HITS))
        _alive.add(job)
        job.done.connect(lambda results: self._finished(job, generation, results))
        job.failed.connect(lambda error: self._finished(job, generation, error))
        self._job = job
        job.start()

    def _finished(self, job: BackgroundJob, generation: int, outcome: object) -> None:
        _alive.discard(job)
        self._job = None
        if not shiboken6.isValid(self):
            # The page went away (a lock) while this ran: only close what is ours.
            self._close_reader()
            return
        if self._close_when_idle:
            self._close_reader()
            self._close_when_idle = False
        if generation == self._generation:
            if isinstance(outcome, BaseException):
                self.failed.emit(outcome)
            else:
                self.found.emit(outcome)
        if self._wanted is not None:
            self._start()

    def _open_reader(self) -> Database:
        if self._reader is None:
            vault = self._session.vault
            self._reader = Database.open(vault.folder / DATABASE_NAME, vault.data_key)
        return self._reader

    def _close_reader(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            with contextlib.suppress(VaultError):
                reader.close()
