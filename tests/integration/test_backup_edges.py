"""Issue 17, through the real command line: a backup never makes things worse, and every
refusal names its right cause.

Each test injects the fault a VP's machine can meet — a flipped bit in the vault, renamed
files on the stick, a folder where the lock file belongs, a deleted lock file, a clock set
to an impossible year or running through the autumn DST hour (libfaketime), a mistyped
import file — and runs `python -m vpnotebook` in a subprocess.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, Reporter
from vpnotebook.vault import container
from vpnotebook.vault.backup import (
    backup_file_key,
    list_backups,
    make_backup,
    table_counts,
    verify_backup,
)
from vpnotebook.vault.backup_files import recorded_time
from vpnotebook.vault.backup_format import encode_manifest, encode_public_header
from vpnotebook.vault.database import Database
from vpnotebook.vault.errors import (
    BackupDamagedError,
    ClockError,
    DamagedVaultNotBackedUpError,
    LockFileError,
    StorageError,
    VaultInUseError,
)
from vpnotebook.vault.vault import Vault

PASSPHRASE = "correct paard batterij niet"
FAKETIME = shutil.which("faketime")
needs_faketime = pytest.mark.skipif(FAKETIME is None, reason="libfaketime (faketime) not installed")


def fill(folder: Path, cases: int = 30) -> None:
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        journal = Journal(vault.db)
        org = journal.add(Organisation(name="Stichting Rand"))
        with vault.db.transaction():
            for n in range(cases):
                case = journal.add(
                    Case(
                        organisation_id=org.id,
                        first_contact=datetime(2025, 1 + n % 12, 1 + n % 28).date(),
                        contact_type="report",
                        reporter_role="employee",
                        categories=("bullying",),
                        title=f"Melding {n}",
                    )
                )
                journal.add(Reporter(case_id=case.id, name=f"Melder {n}"))
                journal.add(
                    Conversation(case_id=case.id, held_on=case.first_contact, story="Gesprek")
                )


def backup(h: ModuleType, cli_vault: Any, out: Path, *extra: object, env: Any = None) -> Any:
    return h.run_cli(
        "backup",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--out",
        out,
        *extra,
        env=env,
    )


def flip_bit_in_an_index_page(folder: Path) -> None:
    """One flipped bit in the root page of the vault's largest index (the issue's fault)."""
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        page = max(
            int(row[0])
            for row in vault.db.query(
                "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND rootpage > 0"
            )
        )
    with (folder / "vault.db").open("r+b") as handle:
        handle.seek((page - 1) * 4096 + 2048)
        byte = handle.read(1)[0]
        handle.seek((page - 1) * 4096 + 2048)
        handle.write(bytes([byte ^ 0x10]))


# -- item 1: a damaged vault is not backed up, and rotation keeps the good backups -------------


def test_a_vault_with_a_flipped_bit_in_an_index_page_is_not_backed_up_and_no_backup_is_lost(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    fill(cli_vault.folder)
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    for _ in range(2):
        h.expect(backup(h, cli_vault, stick, "--keep", "5"), 0)
    good = {path.name: path.read_bytes() for path in list_backups(stick)}
    flip_bit_in_an_index_page(cli_vault.folder)
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 4)

    for _ in range(6):  # more than --keep: before the fix these rotated every good one away
        result = backup(h, cli_vault, stick, "--keep", "5")
        h.expect(result, 4, DamagedVaultNotBackedUpError.message_nl)
        assert "export" in result.stderr
    assert {path.name: path.read_bytes() for path in list_backups(stick)} == good
    assert sorted(path.name for path in stick.iterdir()) == sorted(good)  # no partial file
    for name in good:
        verify_backup(stick / name, passphrase=PASSPHRASE)


def test_rotation_keeps_the_newest_by_the_time_inside_even_when_the_names_lie(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    with Vault.open(cli_vault.folder, passphrase=PASSPHRASE) as vault:
        key = backup_file_key(vault.data_key)
        for day in (1, 2, 3):  # three earlier days, so the recorded times differ
            make_backup(vault, stick, now=datetime(2025, 5, day, 9, 0), keep=10)
    first, _, third = list_backups(stick)
    newest_time = recorded_time(third, key)
    # The newest backup now carries the oldest-looking name.
    swap = stick / "wissel"
    first.rename(swap)
    third.rename(first)
    swap.rename(third)
    result = backup(h, cli_vault, stick, "--keep", "2")
    h.expect(result, 0)
    remaining = list_backups(stick)
    assert len(remaining) == 2
    assert first in remaining and recorded_time(first, key) == newest_time
    assert third.name in result.stdout  # removed: it holds the oldest time now


def _seal_as_backup(folder: Path, database: Path, target: Path) -> None:
    """A correct container, manifest and header around `database` (the counts are its own)."""
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        # A copy of the key: closing the vault wipes its own.
        data_key, slots, vault_id = bytes(vault.data_key), vault.slot_file, vault.vault_id
    checked = Database.open(database, data_key)
    try:
        counts, schema = table_counts(checked), checked.user_version
        problems = checked.integrity_problems()
    finally:
        checked.close()
    assert problems and not any("unreadable" in p for p in problems), problems
    manifest = {
        "vault_id": vault_id,
        "schema_version": schema,
        "created_at": "2026-03-04T09:30:00Z",
        "app_version": "test",
        "record_counts": counts,
    }
    payload = io.BytesIO(encode_manifest(manifest) + database.read_bytes())
    with target.open("wb") as sink:
        container.write_container(
            sink, payload, backup_file_key(data_key), encode_public_header(slots)
        )


def test_a_backup_whose_database_fails_its_integrity_check_is_refused_by_verify_and_restore(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    """The container is intact and the row counts match: only the database's own integrity
    check can refuse this file (issue 15's surviving mutant)."""
    fill(cli_vault.folder)
    broken = tmp_path / "kapot.db"
    shutil.copyfile(cli_vault.folder / "vault.db", broken)
    with Vault.open(cli_vault.folder, passphrase=PASSPHRASE) as vault:
        key = bytes(vault.data_key)  # a copy: closing the vault wipes its own
    database = Database.open(broken, key)
    try:
        # An index that misses a row: every table still reads, but the b-trees disagree.
        conn = database.raw_connection
        (name, sql) = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name = 'conversations_by_case'"
        ).fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql + " WHERE 0", name))
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        database.close()
    database = Database.open(broken, key)
    try:
        # Unseen by the index, which is empty "WHERE 0" just now: it keeps the old date.
        database.execute("UPDATE conversations SET held_on = '2024-12-31' WHERE id = 1")
        database.raw_connection.execute("PRAGMA writable_schema = ON")
        database.raw_connection.execute(
            "UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, name)
        )
        database.checkpoint()
    finally:
        database.close()
    path = tmp_path / "vpnotebook-0001.vpbackup"
    _seal_as_backup(cli_vault.folder, broken, path)
    target = tmp_path / "hersteld"
    secret = ("--passphrase-file", cli_vault.passphrase_file)
    h.expect(h.run_cli("verify-backup", path, *secret), 4, BackupDamagedError.message_nl)
    h.expect(
        h.run_cli("restore", path, "--vault", target, *secret), 4, BackupDamagedError.message_nl
    )
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if ".restoring-" in p.name]


# -- item 6: the right cause for every refusal -------------------------------------------------


def test_a_folder_named_vault_lock_is_not_called_a_full_disk(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    (cli_vault.folder / "vault.lock").unlink()
    (cli_vault.folder / "vault.lock").mkdir()
    result = h.check(cli_vault.folder, cli_vault.passphrase_file)
    h.expect(result, 1, LockFileError.message_nl)
    assert StorageError.message_nl not in result.stderr


def test_a_deleted_lock_file_does_not_let_a_second_process_in(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    script = h.write_script(tmp_path, "houder.py", h.HOLDER_SCRIPT)
    command = h.python_command(script, cli_vault.folder, cli_vault.passphrase_file)
    with h.child(command, stdin=subprocess.PIPE) as holder:
        lines = h.LineReader(holder.stdout)
        assert lines.wait_for(1) == ["open"]
        (cli_vault.folder / "vault.lock").unlink()  # a cleaning tool, a sync client, a VP
        h.expect(
            h.check(cli_vault.folder, cli_vault.passphrase_file), 5, VaultInUseError.message_nl
        )
        (cli_vault.folder / "vault.lock").write_bytes(b"")  # even a fresh lock file
        h.expect(
            h.check(cli_vault.folder, cli_vault.passphrase_file), 5, VaultInUseError.message_nl
        )
        holder.stdin.close()
        assert lines.wait_for(2)[1] == "closed"
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)


def test_a_missing_import_file_is_a_usage_problem_not_damage(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    for missing in (tmp_path / "bestaat-niet.json", tmp_path):
        result = h.run_cli(
            "import",
            "--vault",
            cli_vault.folder,
            "--passphrase-file",
            cli_vault.passphrase_file,
            missing,
        )
        h.expect(result, 2, h.cli_text("import_missing"))
        assert "beschadigd" not in result.stderr


def _at(moment: datetime, tz: str = "Europe/Amsterdam", **env_extra: str) -> dict[str, str]:
    env = h_env()
    env["TZ"] = tz
    env["FAKETIME"] = f"@{int(moment.timestamp())}"
    env["FAKETIME_FMT"] = "%s"  # seconds since the epoch: no time zone to misread
    env["LD_PRELOAD"] = _libfaketime()
    env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
    env.update(env_extra)
    return env


def h_env() -> dict[str, str]:
    from vpnotebook_integration_helpers import cli_env  # loaded by conftest.py

    return cli_env()


def _libfaketime() -> str:
    for candidate in (
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
    ):
        if Path(candidate).exists():
            return candidate
    pytest.skip("libfaketime.so.1 not found")


@needs_faketime
@pytest.mark.parametrize("year", [1985, 2250, 2301])
def test_a_clock_outside_1990_to_2200_is_named_as_the_cause(
    year: int, h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    env = _at(datetime(year, 6, 1, 12, 0, tzinfo=UTC))
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    made = backup(h, cli_vault, stick, env=env)
    h.expect(made, 1, ClockError.message_nl)
    assert list(stick.iterdir()) == []
    demo = h.run_cli(
        "demo",
        "--vault",
        tmp_path / "demo",
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--cases",
        "3",
        "--argon2-memory-kib",
        "1024",
        "--argon2-iterations",
        "1",
        env=env,
    )
    h.expect(demo, 1, ClockError.message_nl)
    assert "ValidationError" not in made.stderr + demo.stderr


@needs_faketime
def test_backup_names_sort_in_the_order_of_writing_through_the_dst_fall_back_hour(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    # 25 October 2026 in Amsterdam: 02:30 summer time, then 02:10 winter time 40 minutes later.
    moments = [
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 10, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 20, tzinfo=UTC),
    ]
    for moment in moments:
        h.expect(backup(h, cli_vault, stick, "--date-in-name", env=_at(moment)), 0)
    names = sorted(path.name for path in stick.iterdir())
    with Vault.open(cli_vault.folder, passphrase=PASSPHRASE) as vault:
        key = backup_file_key(vault.data_key)
    assert [recorded_time(stick / name, key) for name in names] == moments
    assert all("2026-10-25" in name for name in names)


@needs_faketime
def test_a_backup_records_its_time_in_utc_inside_and_tells_it_in_local_time(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    moment = datetime(2026, 7, 1, 12, 30, tzinfo=UTC)  # 14:30 summer time in Amsterdam
    result = backup(h, cli_vault, stick, env=_at(moment))
    h.expect(result, 0)
    assert "gemaakt 2026-07-01 14:30" in result.stdout, result.stdout
    (path,) = list_backups(stick)
    assert path.name == "vpnotebook-0001.vpbackup"  # no date unless asked for
    header = path.read_bytes()[:3000]
    for shown in (b"created_at", b"app_version", b"2026", b"14:30", b"12:30"):
        assert shown not in header
    with Vault.open(cli_vault.folder, passphrase=PASSPHRASE) as vault:
        assert recorded_time(path, backup_file_key(vault.data_key)) == moment
    verified = h.run_cli("verify-backup", path, "--passphrase-file", cli_vault.passphrase_file)
    h.expect(verified, 0)
