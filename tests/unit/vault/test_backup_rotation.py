"""Rotation: which backups go once a new one has passed its full verification, and which never
do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

import pytest
from backup_kit import (
    MOMENT,
    PASSPHRASE,
    SMALL_CHUNK,
    FailDevice,
    LyingDevice,
    damage_an_index_page,
    fill,  # tests/unit/vault/backup_kit.py, loaded by conftest.py
    listing,
)

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Organisation,
)
from vpnotebook.vault.backup import (
    backup_file_key,
    backup_name,
    list_backups,
    make_backup,
    verify_backup,
)
from vpnotebook.vault.backup_files import recorded_time
from vpnotebook.vault.errors import (
    BackupWriteError,
    DamagedVaultNotBackedUpError,
)
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

# -- rotation -----------------------------------------------------------------------------------


def test_rotation_keeps_the_newest_and_nothing_else_of_ours(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    unrelated = [stick / "boodschappen.txt", stick / "vpnotebook-handleiding.pdf"]
    for path in unrelated:
        path.write_bytes(b"niet van ons")
    moments = [MOMENT + timedelta(days=7 * week) for week in range(5)]
    removed: list[str] = []
    for week, moment in enumerate(moments):
        journal.add(Organisation(name=f"Organisatie week {week}"))
        info = make_backup(vault, stick, keep=3, chunk_size=SMALL_CHUNK, now=moment)
        removed += [path.name for path in info.removed_old]
        assert len(list_backups(stick)) == min(week + 1, 3)

    newest = [backup_name(number) for number in (3, 4, 5)]
    assert [path.name for path in list_backups(stick)] == newest
    assert removed == [backup_name(number) for number in (1, 2)]
    assert all(path.read_bytes() == b"niet van ons" for path in unrelated)
    for name in newest:
        verify_backup(stick / name, passphrase=PASSPHRASE)


def test_rotation_keeps_the_newest_even_when_two_backups_share_a_minute(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    # A VP makes a backup, adds a note, and makes another within the same minute.
    morning = datetime(2026, 3, 4, 9, 15, 10)
    first = make_backup(vault, stick, keep=2, chunk_size=SMALL_CHUNK, now=morning)
    journal.add(Organisation(name="Toegevoegd tussen twee backups"))
    second = make_backup(
        vault, stick, keep=2, chunk_size=SMALL_CHUNK, now=morning + timedelta(seconds=40)
    )
    assert first.path != second.path
    third = make_backup(
        vault, stick, keep=2, chunk_size=SMALL_CHUNK, now=morning + timedelta(days=1)
    )
    # Keep 2: the newest two are the second and the third; the first, oldest, goes.
    remaining = {path.name for path in list_backups(stick)}
    assert remaining == {second.path.name, third.path.name}, (
        f"rotation removed {[p.name for p in third.removed_old]}, the newer of the two "
        "backups made in the same minute"
    )


def test_a_failing_write_rotates_nothing_away(
    vault: Vault, journal: Journal, stick: Path, system_temp: Path
) -> None:
    for day in range(3):
        make_backup(vault, stick, keep=3, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(days=day))
    before = {path.name: path.read_bytes() for path in list_backups(stick)}
    assert len(before) == 3

    def full_stick(path: Path) -> BinaryIO:
        return FailDevice(path, 50_000)  # type: ignore[return-value]

    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            stick,
            keep=3,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=9),
            open_sink=full_stick,
        )
    assert {path.name: path.read_bytes() for path in list_backups(stick)} == before
    assert listing(stick) == sorted(before)

    def lying_stick(path: Path) -> BinaryIO:
        return LyingDevice(path, 50_000)  # type: ignore[return-value]

    # Written in full, but it fails its read-back: still nothing rotated away.
    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            stick,
            keep=3,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=9),
            open_sink=lying_stick,
        )
    assert {path.name: path.read_bytes() for path in list_backups(stick)} == before
    assert listing(stick) == sorted(before)
    assert listing(system_temp) == []


def test_stale_partial_files_are_removed_by_the_next_backup(vault: Vault, stick: Path) -> None:
    def full_stick(path: Path) -> BinaryIO:
        return FailDevice(path, 10_000)  # type: ignore[return-value]

    # What a killed backup leaves: a hidden partial file under the name of a backup.
    stale = stick / f".{backup_name(MOMENT)}.partial-0badc0de"
    stale.write_bytes(b"\x00" * 10_000)
    with pytest.raises(BackupWriteError):
        make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT, open_sink=full_stick)
    assert listing(stick) == []
    info = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    assert listing(stick) == [info.path.name]


def _recorded(path: Path, vault: Vault) -> datetime | None:
    return recorded_time(path, backup_file_key(vault.data_key))


def test_rotation_goes_by_the_time_recorded_inside_the_files_not_by_their_names(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    made = [
        make_backup(vault, stick, keep=10, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(days=d))
        for d in range(3)
    ]
    # Someone swapped the names of the oldest and the newest backup (or copied them in under
    # other names): by name, the newest now looks oldest.
    oldest, newest = made[0].path, made[2].path
    swap = stick / "wissel.tmp"
    oldest.rename(swap)
    newest.rename(oldest)
    swap.rename(newest)
    fourth = make_backup(
        vault, stick, keep=2, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(days=3)
    )
    remaining = list_backups(stick)
    assert sorted(_recorded(path, vault) for path in remaining) == [
        (MOMENT + timedelta(days=2)).astimezone(),
        (MOMENT + timedelta(days=3)).astimezone(),
    ]
    assert fourth.path in remaining and oldest in remaining  # `oldest` now holds day 2
    for path in remaining:
        verify_backup(path, passphrase=PASSPHRASE)


def test_rotation_never_deletes_a_file_whose_age_it_cannot_read(
    vault: Vault, journal: Journal, stick: Path, tmp_path: Path
) -> None:
    other, _ = Vault.create(tmp_path / "andere-kluis", PASSPHRASE, kdf_params=TEST_PARAMS)
    with other:
        foreign = make_backup(other, stick, chunk_size=SMALL_CHUNK, now=MOMENT).path
    damaged = stick / "vpnotebook-0100.vpbackup"
    damaged.write_bytes(b"VPNBAK\x01" + bytes(200))
    ours = [
        make_backup(vault, stick, keep=1, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(days=d))
        for d in range(1, 3)
    ]
    assert ours[1].removed_old == (ours[0].path,)
    assert set(list_backups(stick)) == {foreign, damaged, ours[1].path}


def test_names_keep_the_order_of_writing_through_the_dst_fall_back_hour(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    # 25 October 2026, Amsterdam: 02:30 summer time comes before 02:10 winter time.
    summer = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    winter = datetime(2026, 10, 25, 1, 10, tzinfo=UTC)  # 02:10 CET, forty minutes later
    first = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=summer, date_in_name=True)
    second = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=winter, date_in_name=True)
    assert list_backups(stick) == [first.path, second.path]
    assert sorted(path.name for path in (first.path, second.path)) == [
        first.path.name,
        second.path.name,
    ]
    assert _recorded(first.path, vault) == summer
    assert _recorded(second.path, vault) == winter


def test_a_damaged_vault_is_refused_before_anything_is_written_or_rotated(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    fill(journal)
    good = [
        make_backup(vault, stick, keep=2, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(days=d))
        for d in range(2)
    ]
    before = {path.name: path.read_bytes() for path in list_backups(stick)}
    damage_an_index_page(vault)
    for day in range(2, 7):
        with pytest.raises(DamagedVaultNotBackedUpError):
            make_backup(
                vault, stick, keep=2, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(days=day)
            )
    assert {path.name: path.read_bytes() for path in list_backups(stick)} == before
    assert listing(stick) == sorted(before)
    assert journal.setting("last_backup_file") == good[1].path.name
