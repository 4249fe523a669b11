"""Durable file writes: temp file beside the target, fsync, rename, fsync of the folder."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import StorageError

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def fsync_dir(folder: Path) -> None:
    # Without this the rename itself may not survive a power cut. Windows has no dir fsync.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)


@contextlib.contextmanager
def atomic_writer(target: Path, *, temp_prefix: str = ".tmp-") -> Iterator[BinaryIO]:
    """Yield a file that replaces `target` only once it is complete and on disk.

    On any failure the temp file is removed and `target` is left as it was. OS errors are
    re-raised as StorageError (disk full, read-only, device gone) so callers can tell them
    from bugs.
    """
    folder = target.parent
    temp = folder / f"{temp_prefix}{target.name}.{secrets.token_hex(6)}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except OSError as exc:
        raise StorageError(f"cannot create temp file: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise StorageError(f"cannot write {target.name}: {exc.strerror}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_atomic(target: Path, data: bytes) -> None:
    with atomic_writer(target) as handle:
        handle.write(data)
