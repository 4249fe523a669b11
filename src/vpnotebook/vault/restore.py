"""Restoring a backup into a vault folder, with a journal so that no kill leaves no vault.

The new vault is made complete and checked in a hidden staging folder beside the target.
Then a small journal file records the plan — which staging folder becomes the target and
where the vault now in the target is put aside — and only then are the folders renamed. A
process killed between those renames leaves the journal; the next opening of that folder
(CLI or GUI) reads it and finishes the plan, and tells the VP so. Details and every state a
kill can leave: docs/formats/backup.md, "Restoring a backup".
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .backup import (
    BackupInfo,
    check_database,
    data_key_for,
    decrypt_database,
    read_header,
    table_counts,
)
from .errors import RestoreTargetError, StorageError, VaultDamagedError, VaultInUseError
from .fsutil import fsync_dir, make_private_dir
from .lockfile import VaultLock, folder_in_use, hold_folder, release_folder
from .paths import DATABASE_NAME, KEYSLOTS_NAME, is_vault, restore_journal_path

JOURNAL_FORMAT = "vpnotebook-restore-journal"
JOURNAL_VERSION = 1
SET_ASIDE_MARK = ".voor-herstel-"
_STAGING_MARK = ".restoring-"

if os.name != "nt":
    import fcntl


@dataclass(frozen=True)
class ResumedRestore:
    """What the opening of a folder found and did about an interrupted restore."""

    target: Path
    backup: str
    set_aside: Path | None
    finished: bool  # True: the restore was completed; False: the old vault was put back


def restore_backup(
    path: Path,
    target: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    replace: bool = False,
    now: datetime | None = None,
) -> tuple[BackupInfo, Path | None]:
    """Restore into a vault folder; returns the info and where an old vault was put aside.

    Everything is checked before the new vault takes the target's place: on any failure the
    target is left as it was. With `replace`, a vault already in `target` is first moved
    aside, never deleted. A kill at any moment leaves a vault at the target once the folder
    is next opened (`resume_interrupted_restore`).
    """
    from .vault import Vault

    path, target = Path(path), Path(target)
    _, slots = read_header(path)
    data_key = data_key_for(slots, passphrase, recovery_code)
    if target.exists() and not target.is_dir():
        raise RestoreTargetError("target is not a folder")
    resume_interrupted_restore(target)
    try:
        occupied = target.exists() and any(target.iterdir())
    except OSError as exc:
        raise RestoreTargetError(f"cannot list target: {exc.strerror}") from exc
    if occupied and not (replace and is_vault(target)):
        raise RestoreTargetError(str(target))

    staging = target.parent / f".{target.name}{_STAGING_MARK}{secrets.token_hex(4)}"
    staging_lock: int | None = None
    lock: VaultLock | None = None
    journal: int | None = None
    set_aside: Path | None = None
    try:
        make_private_dir(staging)
        # Held while this restore works in it: a later opening tells a live staging folder
        # from one a killed restore left behind.
        staging_lock = hold_folder(staging)
        manifest = decrypt_database(path, data_key, staging / DATABASE_NAME, durable=True)
        check_database(staging / DATABASE_NAME, data_key, manifest)
        slots.save(staging / KEYSLOTS_NAME)
        fsync_dir(staging)
        if occupied:
            # Never move a vault aside while another window or process has it open; hold its
            # lock through the renames so nobody opens it meanwhile.
            lock = VaultLock(target)
            lock.acquire()
            stamp = (now or datetime.now()).strftime("%Y%m%dT%H%M%S")
            set_aside = _free(target.parent / f"{target.name}{SET_ASIDE_MARK}{stamp}")
        journal = _write_journal(target, staging, set_aside, path)
        _carry_out(target, staging, set_aside)
        _remove_journal(target, journal)
        journal = None
    except OSError as exc:
        if journal is None:
            shutil.rmtree(staging, ignore_errors=True)
        raise StorageError(f"restore failed: {exc.strerror}") from exc
    except BaseException:
        if journal is None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        release_folder(staging_lock)
        if lock is not None:
            lock.release()
        if journal is not None:
            # The plan stands on disk; the next opening finishes it.
            _close_journal(journal)
    # Opening migrates a backup from an older version, after its own encrypted copy.
    with Vault.open(target, passphrase=passphrase, recovery_code=recovery_code) as restored:
        counts = table_counts(restored.db)
    info = BackupInfo(
        path,
        str(manifest.get("created_at", "")),
        manifest["schema_version"],
        str(manifest.get("vault_id", "")),
        counts,
        path.stat().st_size,
    )
    return info, set_aside


def _free(candidate: Path) -> Path:
    base, counter = candidate, 2
    while candidate.exists():
        candidate = base.with_name(f"{base.name}-{counter}")
        counter += 1
    return candidate


def _carry_out(target: Path, staging: Path, set_aside: Path | None) -> None:
    """The plan's renames, each made durable before the next: old aside, new in place."""
    if set_aside is not None and target.exists() and not set_aside.exists():
        os.replace(target, set_aside)
        fsync_dir(target.parent)
    elif set_aside is None and target.exists():
        target.rmdir()  # an empty folder the VP chose; the staging folder takes its place
    if staging.exists():
        os.replace(staging, target)
        fsync_dir(target.parent)


# -- the journal ------------------------------------------------------------------------------


def _write_journal(target: Path, staging: Path, set_aside: Path | None, backup: Path) -> int:
    """Write the plan durably under its final name and keep it locked; returns the lock's fd.

    It is locked before it gets its name, so an opening that finds the file while this
    restore still runs sees it locked and waits for it instead of finishing it too.
    """
    final = restore_journal_path(target)
    temp = final.with_name(f"{final.name}.{secrets.token_hex(4)}.tmp")
    document = {
        "format": JOURNAL_FORMAT,
        "version": JOURNAL_VERSION,
        "target": target.name,
        "staging": staging.name,
        "set_aside": set_aside.name if set_aside is not None else None,
        "backup": str(backup),
    }
    fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        _lock(fd)
        os.write(fd, json.dumps(document, sort_keys=True).encode("utf-8"))
        os.fsync(fd)
        os.replace(temp, final)
        fsync_dir(target.parent)
    except BaseException:
        _close_journal(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return fd


def _remove_journal(target: Path, fd: int) -> None:
    with contextlib.suppress(FileNotFoundError):
        restore_journal_path(target).unlink()
    fsync_dir(target.parent)
    _close_journal(fd)


def _lock(fd: int) -> None:
    if os.name != "nt":
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _close_journal(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


def _read_journal(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != JOURNAL_FORMAT or document.get("version") != 1:
            raise ValueError("not a restore journal of this version")
        for key in ("target", "staging"):
            if not isinstance(document[key], str) or "/" in document[key]:
                raise ValueError(key)
        aside = document.get("set_aside")
        if aside is not None and (not isinstance(aside, str) or "/" in aside):
            raise ValueError("set_aside")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise VaultDamagedError(f"restore journal unreadable: {exc}") from exc
    return dict(document)


def resume_interrupted_restore(target: Path) -> ResumedRestore | None:
    """Finish a restore into `target` that was killed half-way; None if there was none.

    Called before a vault folder is opened or restored into. Also clears away staging folders
    that a restore killed before it wrote its journal left behind (never a live one).
    """
    target = Path(target)
    journal_path = restore_journal_path(target)
    outcome = None
    if journal_path.exists():
        outcome = _resume(target, journal_path)
    _remove_abandoned_staging(target)
    return outcome


def _resume(target: Path, journal_path: Path) -> ResumedRestore:
    try:
        fd = os.open(journal_path, os.O_RDWR)
    except OSError as exc:
        raise StorageError(f"cannot open restore journal: {exc.strerror}") from exc
    try:
        try:
            _lock(fd)
        except OSError as exc:
            raise VaultInUseError("a restore into this folder is still running") from exc
        if not journal_path.exists():  # finished by its own process while we waited
            return ResumedRestore(target, "", None, True)
        plan = _read_journal(journal_path)
        parent = target.parent
        staging = parent / plan["staging"]
        set_aside = parent / plan["set_aside"] if plan["set_aside"] else None
        if staging.is_dir() and is_vault(staging):
            # Everything the new vault needs was on disk before the journal was written.
            _carry_out(target, staging, set_aside)
            finished = True
        elif is_vault(target):
            finished = set_aside is None or set_aside.exists()
        elif set_aside is not None and is_vault(set_aside):
            # The new vault is gone (removed by hand): put the old one back.
            os.replace(set_aside, target)
            fsync_dir(parent)
            finished = False
        else:
            raise VaultDamagedError("restore journal names folders that are not there")
        with contextlib.suppress(FileNotFoundError):
            journal_path.unlink()
        fsync_dir(parent)
        return ResumedRestore(
            target, str(plan.get("backup", "")), set_aside if finished else None, finished
        )
    except OSError as exc:
        raise StorageError(f"cannot finish the interrupted restore: {exc.strerror}") from exc
    finally:
        _close_journal(fd)


def _remove_abandoned_staging(target: Path) -> None:
    """Staging folders and half-written journals of restores killed before their journal
    stood; a live restore holds a lock on each, and those are left alone."""
    if os.name == "nt":  # pragma: no cover - no folder locks to tell live from abandoned
        return
    name = glob.escape(target.name)
    with contextlib.suppress(OSError):
        for staging in target.parent.glob(f".{name}{_STAGING_MARK}*"):
            if staging.is_dir() and not folder_in_use(staging):
                shutil.rmtree(staging, ignore_errors=True)
        for temp in target.parent.glob(f".{name}.herstelplan.json.*.tmp"):
            if not _file_in_use(temp):
                temp.unlink()


def _file_in_use(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False
