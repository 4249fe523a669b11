"""One process per vault: advisory locks that the OS releases on any exit.

Advisory locks (not a PID file) mean a crashed process never leaves the vault "in use". Two
locks are taken, in this order:

1. the vault **folder** itself (POSIX `flock` on the folder's descriptor). A folder cannot be
   deleted while it holds the vault, so a second process is kept out even if someone deletes
   or replaces `vault.lock` while the vault is open — a lock on a file that was unlinked
   protects nothing, because the next process creates a new file and locks that.
2. `vault.lock` in it, for Windows (where a folder cannot be locked, and an open file cannot
   be deleted) and for older versions of the program. After locking, the descriptor must
   still be the file at that path; otherwise it is locked again.

A read-only opening (full disk, read-only medium) takes both locks shared, so it may run
beside another read-only opening but never beside a writer.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from .errors import LockFileError, StorageError, VaultInUseError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

LOCK_NAME = "vault.lock"
_ATTEMPTS = 5


class VaultLock:
    def __init__(self, folder: Path, *, shared: bool = False) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self.shared = shared
        self._fd: int | None = None
        self._folder_fd: int | None = None

    def acquire(self) -> None:
        self._folder_fd = _lock_folder(self.folder, shared=self.shared)
        try:
            for _ in range(_ATTEMPTS):
                fd = self._open_lock_file()
                if fd is None:  # read-only medium without a lock file: the folder lock holds
                    self._fd = -1
                    return
                try:
                    _lock_descriptor(fd, shared=self.shared)
                except BaseException:
                    _close_quietly(fd)
                    raise
                if _still_the_path(fd, self.path):
                    self._fd = fd
                    return
                # Deleted or replaced between our open and our lock: lock what is there now.
                _close_quietly(fd)
            raise VaultInUseError("the lock file keeps being replaced")
        except BaseException:
            _close_quietly(self._folder_fd)
            self._folder_fd = None
            raise

    def _open_lock_file(self) -> int | None:
        flags = os.O_RDONLY if self.shared else os.O_RDWR | os.O_CREAT
        flags |= getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except FileNotFoundError:
            if self.shared:
                return None
            raise StorageError("cannot create lock file") from None
        except OSError as exc:
            if exc.errno in (errno.EISDIR, errno.ELOOP, errno.ENXIO, errno.ENOTDIR):
                raise LockFileError(f"{LOCK_NAME}: {exc.strerror}") from exc
            if self.shared and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return None
            raise StorageError(f"cannot open lock file: {exc.strerror}") from exc
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise LockFileError(f"{LOCK_NAME} is not a regular file")
        return fd

    def release(self) -> None:
        if self._fd is not None and self._fd >= 0:
            with contextlib.suppress(OSError):
                if os.name == "nt":  # pragma: no cover
                    msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
                else:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
            _close_quietly(self._fd)
        self._fd = None
        _close_quietly(self._folder_fd)
        self._folder_fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def _lock_folder(folder: Path, *, shared: bool) -> int | None:
    if os.name == "nt":  # pragma: no cover - no folder locks on Windows; see the docstring
        return None
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except FileNotFoundError:
        raise StorageError("the vault folder is gone") from None
    except OSError as exc:
        raise StorageError(f"cannot open the vault folder: {exc.strerror}") from exc
    try:
        _lock_descriptor(fd, shared=shared)
    except BaseException:
        _close_quietly(fd)
        raise
    return fd


def _lock_descriptor(fd: int, *, shared: bool) -> None:
    try:
        if os.name == "nt":  # pragma: no cover
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise VaultInUseError("lock held by another process") from exc
        raise StorageError(f"cannot lock: {exc.strerror}") from exc


def _still_the_path(fd: int, path: Path) -> bool:
    try:
        now = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


def _close_quietly(fd: int | None) -> None:
    if fd is not None and fd >= 0:
        with contextlib.suppress(OSError):
            os.close(fd)


def folder_in_use(folder: Path) -> bool:
    """Whether another process holds `folder`'s lock (POSIX); False where folders cannot be
    locked. Used to tell a restore's staging folder that is still being written from one a
    killed restore left behind."""
    try:
        fd = _lock_folder(folder, shared=False)
    except VaultInUseError:
        return True
    except StorageError:
        return False
    _close_quietly(fd)
    return False


def hold_folder(folder: Path) -> int | None:
    """Lock `folder` exclusively until the returned descriptor is closed (POSIX)."""
    return _lock_folder(folder, shared=False)


def release_folder(fd: int | None) -> None:
    _close_quietly(fd)
