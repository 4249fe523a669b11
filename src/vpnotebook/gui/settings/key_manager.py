"""The slow key operations of an open vault, run off the GUI thread one at a time.

A passphrase change, a new recovery code, strengthening and a re-key each derive keys with
Argon2id (seconds, by design). A re-key also copies the database and reopens it, so the
workspace that reads the database is put away first and rebuilt afterwards (`KeyHost`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from ...vault.errors import VaultError
from ..common.worker import BackgroundJob
from ..session import Session

# What a finished operation reports: None, or the failure.
Outcome = Callable[[BaseException | None], None]


class KeyHost(Protocol):
    """What the main window does for a re-key: put the workspace away, and back."""

    @property
    def session(self) -> Session | None: ...

    def suspend_workspace(self) -> Session | None: ...

    def resume_workspace(self, session: Session | None) -> None: ...


class KeyManager(QObject):
    busy_changed = Signal(bool)

    def __init__(self, host: KeyHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._job: BackgroundJob | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None and self._job.running

    def _run(self, work: Callable[[], Any], outcome: Outcome) -> None:
        if self.busy:
            raise RuntimeError("one key operation at a time")
        job = BackgroundJob(work, self)
        self._job = job

        def finished(error: BaseException | None) -> None:
            self._job = None
            outcome(error)  # first: a re-key puts the workspace back here
            self.busy_changed.emit(False)  # then: a lock asked for meanwhile happens now

        job.done.connect(lambda _result: finished(None))
        job.failed.connect(lambda error: finished(error))  # type: ignore[arg-type]
        self.busy_changed.emit(True)
        job.start()

    def _vault(self) -> Any:
        session = self._host.session
        if session is None:
            raise VaultError("locked")
        return session.vault

    def change_passphrase(self, current: str, new: str, outcome: Outcome) -> None:
        vault = self._vault()

        def work() -> None:
            vault.verify_secret(passphrase=current)  # whoever sits at an open laptop
            vault.change_passphrase(new)

        self._run(work, outcome)

    def set_recovery_code(self, current: str, code: str, outcome: Outcome) -> None:
        """Store `code`, which the VP has seen and typed back; the old code stops working."""
        vault = self._vault()

        def work() -> None:
            vault.verify_secret(passphrase=current)
            vault.set_recovery_code(code)

        self._run(work, outcome)

    def strengthen(self, passphrase: str | None, code: str | None, outcome: Outcome) -> None:
        vault = self._vault()
        self._run(lambda: vault.strengthen(passphrase=passphrase, recovery_code=code), outcome)

    def rekey(self, passphrase: str, code: str, code_is_new: bool, outcome: Outcome) -> None:
        """The workspace goes away while the database is copied and reopened under the new key."""
        vault = self._vault()
        session = self._host.suspend_workspace()

        def work() -> None:
            vault.rekey(passphrase=passphrase, recovery_code=code, recovery_code_is_new=code_is_new)

        def finished(error: BaseException | None) -> None:
            if vault.is_open:
                self._host.resume_workspace(Session(vault) if session is not None else None)
            else:
                self._host.resume_workspace(None)
            outcome(error)

        self._run(work, finished)
