"""Backup files in a folder: their names, their order, and the rotation that ages them out.

Names carry a sequence number, so they sort in the order they were written whatever the clock
or the time zone did (a date in the name is the VP's choice; it is the local date and only
for reading). The order that counts for rotation is the time recorded *inside* each file, in
its encrypted manifest: a renamed file, a file copied in from elsewhere or a clock that jumped
cannot make rotation delete a newer backup. Format and rules: docs/formats/backup.md.
"""

from __future__ import annotations

import contextlib
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from . import container
from .backup_format import PayloadSplitter, parse_public_header, recorded_moment
from .errors import VaultError
from .fsutil import fsync_dir

BACKUP_PREFIX = "vpnotebook-"
BACKUP_SUFFIX = ".vpbackup"
DEFAULT_KEEP = 5
# vpnotebook-0007.vpbackup, or with the VP's choice of a date: vpnotebook-0007-2026-03-04.vpbackup
_SEQUENCED = re.compile(r"^vpnotebook-(\d{4,})(?:-(\d{4}-\d{2}-\d{2}))?(?:-(\d+))?\.vpbackup$")
# Names written before the sequence: vpnotebook-2026-03-04T1030.vpbackup, perhaps -2 before
# the suffix.
_TIMESTAMPED = re.compile(r"^vpnotebook-(\d{4}-\d{2}-\d{2}T\d{4})(?:-(\d{1,3}))?\.vpbackup$")


def backup_name(sequence: int, moment: datetime | None = None) -> str:
    """The name of backup number `sequence`; with `moment`, its local date follows."""
    date_part = f"-{moment.strftime('%Y-%m-%d')}" if moment is not None else ""
    return f"{BACKUP_PREFIX}{sequence:04d}{date_part}{BACKUP_SUFFIX}"


def is_backup_name(name: str) -> bool:
    return name.startswith(BACKUP_PREFIX) and name.endswith(BACKUP_SUFFIX)


def name_order(path: Path) -> tuple[int, int, str, int]:
    """Sort key by name: timestamped (older program) names first, then by sequence."""
    name = path.name
    sequenced = _SEQUENCED.match(name)
    if sequenced:
        return 1, int(sequenced.group(1)), "", int(sequenced.group(3) or 1)
    stamped = _TIMESTAMPED.match(name)
    if stamped:
        return 0, 0, stamped.group(1), int(stamped.group(2) or 1)
    return 0, 0, name, 1


def list_backups(folder: Path) -> list[Path]:
    """Our backup files in a folder, in the order their names give (oldest first)."""
    try:
        found = [path for path in folder.iterdir() if is_backup_name(path.name) and path.is_file()]
    except OSError:
        return []
    return sorted(found, key=name_order)


def next_backup_path(folder: Path, moment: datetime, *, date_in_name: bool) -> Path:
    """The next free sequence number in `folder` (one above the highest there)."""
    numbers = [
        int(match.group(1))
        for path in list_backups(folder)
        if (match := _SEQUENCED.match(path.name)) is not None
    ]
    sequence = max(numbers, default=0) + 1
    while True:
        candidate = folder / backup_name(sequence, moment if date_in_name else None)
        if not candidate.exists():
            return candidate
        sequence += 1


# -- the time recorded inside a file ----------------------------------------------------------


class _Discard:
    def write(self, data: Any) -> int:
        return len(data)


def read_manifest(path: Path, file_key: bytes) -> dict[str, Any] | None:
    """The manifest of a backup that opens with `file_key`, from its first chunk(s) only.

    None when the file is not one of this key's backups or its header or first chunks do not
    authenticate. The chunks read are genuine; whether the rest of the file is complete is not
    checked here (that is `verify_backup`'s work).
    """
    splitter = PayloadSplitter(_Discard())  # type: ignore[arg-type]
    try:
        with open(path, "rb") as source:
            parse_public_header(container.read_public_header(source).public_header)
            source.seek(0)
            for chunk in container.iter_chunks(source, file_key):
                splitter.write(chunk)
                if splitter.has_manifest:
                    return splitter.manifest()
    except (OSError, VaultError, container.ContainerError):
        return None
    return None  # the whole payload was shorter than a manifest


def recorded_time(path: Path, file_key: bytes) -> datetime | None:
    """When a backup of this key was written, as recorded inside it; None if not readable."""
    manifest = read_manifest(path, file_key)
    return None if manifest is None else recorded_moment(manifest.get("created_at"))


# -- rotation ---------------------------------------------------------------------------------


def rotate(folder: Path, *, keep: int, keep_path: Path, file_key: bytes) -> tuple[Path, ...]:
    """Delete the oldest of this vault's backups until `keep` remain, `keep_path` included.

    Only called once `keep_path` has passed its full verification, so at least that verified
    backup stays. Age is the time recorded inside each file. A file this key cannot read (a
    backup of another vault or from before a re-key, a damaged header, another program's file
    with our name) has no known age and is never deleted, nor counted.
    """
    if keep < 1:
        return ()
    dated = []
    for path in list_backups(folder):
        if path == keep_path:
            continue
        moment = recorded_time(path, file_key)
        if moment is not None:
            dated.append((moment, name_order(path), path))
    dated.sort()
    surplus = len(dated) + 1 - keep
    removed = []
    for _, _, old in dated[: max(surplus, 0)]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    if removed:
        with contextlib.suppress(OSError):
            fsync_dir(folder)
    return tuple(removed)
