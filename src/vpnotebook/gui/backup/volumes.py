"""Which mounted drives to offer for a backup: USB sticks and external disks first.

A backup on the same disk as the vault protects against little, so the system's own disks are
not offered; "Andere map…" is there for a deliberate other choice. Network drives are never
offered: nothing of the VP's work should leave the machine unasked.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

# Where Linux desktops (udisks), older set-ups and macOS mount removable media.
REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")
# Mounts that are never a place for a backup, whatever their path.
_PSEUDO_FILESYSTEMS = {
    "tmpfs",
    "devtmpfs",
    "squashfs",
    "overlay",
    "proc",
    "sysfs",
    "autofs",
    "ramfs",
    "fuse.portal",
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "9p",
}

_WINDOWS_REMOVABLE, _WINDOWS_FIXED = 2, 3


@dataclass(frozen=True)
class Volume:
    path: Path
    name: str
    free_bytes: int
    removable: bool


def is_removable_root(root: str) -> bool:
    """Guess from the mount point alone (Linux, macOS); Windows asks the drive type instead."""
    return any(root.startswith(prefix) for prefix in REMOVABLE_ROOTS) and not root.startswith(
        "/System/Volumes/"
    )


def _windows_drive_type(root: str) -> int:  # pragma: no cover - exercised on Windows only
    if sys.platform != "win32":  # ctypes.windll is Windows only
        return 0  # DRIVE_UNKNOWN
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def _windows_system_drive() -> str:  # pragma: no cover - exercised on Windows only
    return os.environ.get("SYSTEMDRIVE", "C:").upper().rstrip("\\") + "\\"


def find_volumes() -> list[Volume]:
    """Drives worth offering, removable ones first, each group by name."""
    found: list[Volume] = []
    for storage in QStorageInfo.mountedVolumes():
        if not storage.isValid() or not storage.isReady() or storage.isReadOnly():
            continue
        fs_type = bytes(storage.fileSystemType().data()).decode("ascii", "replace").lower()
        if fs_type in _PSEUDO_FILESYSTEMS:
            continue
        root = storage.rootPath()
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            kind = _windows_drive_type(root)
            # USB hard disks report as fixed; the system drive is the one we leave out.
            if kind == _WINDOWS_REMOVABLE:
                removable = True
            elif kind == _WINDOWS_FIXED and root.upper() != _windows_system_drive():
                removable = False
            else:
                continue
        elif is_removable_root(root):
            removable = True
        else:
            continue
        name = storage.displayName() or storage.name() or Path(root).name or root
        found.append(Volume(Path(root), name, int(storage.bytesAvailable()), removable))
    return sorted(found, key=lambda volume: (not volume.removable, volume.name.lower()))
