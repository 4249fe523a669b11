"""A failing, pulled, lying or decaying stick leaves no half file and touches neither the vault
nor the backups already there (FailDevice after KeePassXC's test helper; all real files).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO

import pytest
from backup_kit import (  # tests/unit/vault/backup_kit.py, loaded by conftest.py
    MOMENT,
    PASSPHRASE,
    SMALL_CHUNK,
    DecayingDevice,
    Earlier,
    FailDevice,
    LyingDevice,
    flip_bit_at,
    listing,
    replace_content_with,
)

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Organisation,
)
from vpnotebook.vault.backup import (
    BACKUP_SUFFIX,
    make_backup,
    verify_backup,
)
from vpnotebook.vault.errors import (
    BackupDamagedError,
    BackupWriteError,
)
from vpnotebook.vault.vault import Vault

# -- a failing or pulled stick -----------------------------------------------------------------


def _assert_nothing_changed(vault: Vault, stick: Path, earlier: Earlier, system_temp: Path) -> None:
    # No partial file and no other file with a backup's name; the earlier backup as it was.
    assert listing(stick) == [earlier.path.name]
    assert earlier.path.read_bytes() == earlier.data
    assert listing(system_temp) == []
    assert vault.check() == []
    assert Journal(vault.db).setting("last_backup_file") == earlier.path.name
    vault.close()
    with Vault.open(vault.folder, passphrase=PASSPHRASE) as reopened:
        assert reopened.check() == []
        # And the stick still takes a good backup.
        info = make_backup(reopened, stick, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(days=2))
    verify_backup(info.path, passphrase=PASSPHRASE)
    verify_backup(earlier.path, passphrase=PASSPHRASE)


FAILURE_POINTS: dict[str, Callable[[Earlier], int]] = {
    "before the first byte": lambda e: 0,
    "inside the fixed header": lambda e: 9,
    "inside the key slots": lambda e: 400,
    "inside the header MAC": lambda e: e.header_length - 5,
    "in the first chunk": lambda e: e.header_length + 100,
    "mid-payload": lambda e: len(e.data) // 2,
    "at the last byte": lambda e: len(e.data) - 1,
}


@pytest.mark.parametrize("point", list(FAILURE_POINTS))
def test_a_full_stick_leaves_no_half_file_and_touches_nothing(
    point: str, vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    limit = FAILURE_POINTS[point](earlier)
    devices: list[FailDevice] = []

    def full_stick(path: Path) -> BinaryIO:
        devices.append(FailDevice(path, limit, errno.ENOSPC))
        return devices[-1]  # type: ignore[return-value]

    with pytest.raises(BackupWriteError) as caught:
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=full_stick,
        )
    assert devices and devices[0].written == limit  # the failure really came at that point
    assert caught.value.message_nl.startswith("De reservekopie kon niet worden geschreven")
    _assert_nothing_changed(vault, stick, earlier, system_temp)


@pytest.mark.parametrize("code", [errno.EIO, errno.ENODEV], ids=["EIO", "ENODEV"])
@pytest.mark.parametrize("moment", ["mid-payload", "flush"])
def test_a_stick_pulled_out_mid_write_leaves_no_half_file(
    code: int, moment: str, vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    def pulled_stick(path: Path) -> BinaryIO:
        if moment == "flush":
            return FailDevice(path, 1 << 40, code, fail_flush=True)  # type: ignore[return-value]
        return FailDevice(path, len(earlier.data) // 2, code)  # type: ignore[return-value]

    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=pulled_stick,
        )
    _assert_nothing_changed(vault, stick, earlier, system_temp)


def test_a_stick_that_stores_a_byte_wrong_is_caught_by_the_read_back(
    vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    def lying_stick(path: Path) -> BinaryIO:
        return LyingDevice(path, len(earlier.data) // 3)  # type: ignore[return-value]

    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=lying_stick,
        )
    _assert_nothing_changed(vault, stick, earlier, system_temp)


def test_a_failed_read_back_keeps_the_previous_backup_of_the_same_name(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    # The VP names the file (`--out E:/kluis.vpbackup`) and reuses the name every week.
    target = stick / f"kluis{BACKUP_SUFFIX}"
    journal.add(Organisation(name="Stichting Eerste"))
    make_backup(vault, target, chunk_size=SMALL_CHUNK, now=MOMENT)
    previous = target.read_bytes()

    def lying_stick(path: Path) -> BinaryIO:
        return LyingDevice(path, len(previous) // 3)  # type: ignore[return-value]

    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            target,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=7),
            open_sink=lying_stick,
        )
    # The new file failed its check; the one that was good must still be there.
    assert target.exists(), "the previous, verified backup was deleted"
    assert target.read_bytes() == previous
    verify_backup(target, passphrase=PASSPHRASE)


# Where a bit flips, given the earlier backup (its header is as long) and the new file's size.
DECAY_POINTS: dict[str, Callable[[Earlier, int], int]] = {
    "in the key slots": lambda e, size: 400,
    "in the header MAC": lambda e, size: e.header_length - 5,
    "in the first chunk": lambda e, size: e.header_length + 100,
    "in a chunk in the middle": lambda e, size: (e.header_length + size) // 2,
    "in the last tag": lambda e, size: size - 1,
}


@pytest.mark.parametrize("point", list(DECAY_POINTS))
def test_a_bit_that_flips_between_write_and_read_back_fails_the_backup(
    point: str, vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    def where(size: int) -> int:
        return DECAY_POINTS[point](earlier, size)

    def decaying_stick(path: Path) -> BinaryIO:
        return DecayingDevice(path, flip_bit_at(where))  # type: ignore[return-value]

    with pytest.raises(BackupWriteError) as caught:
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=decaying_stick,
        )
    assert isinstance(caught.value.__cause__, BackupDamagedError)
    _assert_nothing_changed(vault, stick, earlier, system_temp)


def test_a_stick_that_shows_an_older_genuine_backup_is_caught_by_its_header_mac(
    vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    # A stick whose controller lost the new data and serves an earlier backup of this vault in
    # its place: same file key, so its header MAC and every chunk tag verify. Only the header
    # MAC, which covers each file's own random nonce, differs from the one just written.
    def stale_stick(path: Path) -> BinaryIO:
        return DecayingDevice(path, replace_content_with(earlier.data))  # type: ignore[return-value]

    with pytest.raises(BackupWriteError) as caught:
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=stale_stick,
        )
    assert "different container" in str(caught.value.__cause__)
    _assert_nothing_changed(vault, stick, earlier, system_temp)


def _unwritable(kind: str, tmp_path: Path) -> Path:
    if kind == "read-only folder":
        folder = tmp_path / "alleen-lezen"
        folder.mkdir()
        folder.chmod(0o500)
        probe = folder / "probe"
        try:
            probe.write_bytes(b"")
        except PermissionError:
            return folder
        # Running as root (as in CI containers): permission bits do not stop root, so the
        # folder would be writable after all. A file standing where the folder should be is
        # refused by the OS for root too, and reaches the same code path (creating the file).
        probe.unlink()
        folder.chmod(0o700)
        blocker = tmp_path / "geen-map"
        blocker.write_bytes(b"")
        return blocker / f"kluis{BACKUP_SUFFIX}"
    if kind == "missing folder":
        return tmp_path / "bestaat-niet"
    if kind == "file in place of the folder":
        blocker = tmp_path / "E-schijf"
        blocker.write_bytes(b"geen map")
        return blocker
    assert kind == "file name in a missing folder"
    return tmp_path / "bestaat-niet" / f"kluis{BACKUP_SUFFIX}"


@pytest.mark.parametrize(
    "kind",
    [
        "read-only folder",
        "missing folder",
        "file in place of the folder",
        "file name in a missing folder",
    ],
)
def test_a_target_that_cannot_be_written_is_a_write_error(
    kind: str, vault: Vault, journal: Journal, tmp_path: Path, system_temp: Path
) -> None:
    target = _unwritable(kind, tmp_path)
    before = {path: path.stat().st_mode for path in tmp_path.rglob("*")}
    try:
        with pytest.raises(BackupWriteError):
            make_backup(vault, target, chunk_size=SMALL_CHUNK, now=MOMENT)
        assert not [path for path in tmp_path.rglob(f"*{BACKUP_SUFFIX}*")]
        assert not [path for path in tmp_path.rglob("*.partial-*")]
        assert set(before) == set(tmp_path.rglob("*"))  # nothing new anywhere
        assert listing(system_temp) == []
        assert vault.check() == []
        assert journal.setting("last_backup_file") is None
    finally:
        for path in tmp_path.iterdir():
            if path.is_dir():
                path.chmod(0o700)
