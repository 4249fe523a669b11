"""A damaged write-ahead log (vault.db-wal) never goes unnoticed, and costs little.

SQLite replays the log up to the first bad frame and silently drops the rest. The vault walks
the log itself before SQLite opens it (vault/wal.py), keeps a copy of a log that lost commits
in `damaged-wal/`, and `check` reports it (exit 4) until the VP has dealt with it. And the log
is folded into the main file after every backup, on every close (and so on every lock), and
a few minutes after the last fold during work: a damaged log can only cost recent changes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Organisation
from vpnotebook.vault import wal
from vpnotebook.vault.database import IMMUTABLE, Database
from vpnotebook.vault.vault import Vault

PASSPHRASE = "correct paard batterij niet"

# Adds organisations one commit at a time; with "backup" first makes a backup (after N
# organisations), then one more organisation; reports each commit, then waits to be killed.
SCRIPT = """\
import sys
from pathlib import Path

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Organisation
from vpnotebook.vault.backup import make_backup
from vpnotebook.vault.vault import Vault

folder, passphrase_file, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
stick = Path(sys.argv[4]) if len(sys.argv) > 4 else None
passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
vault = Vault.open(folder, passphrase=passphrase)
journal = Journal(vault.db)
for n in range(count):
    journal.add(Organisation(name=f"Organisatie {n}"))
    print(f"committed {n}", flush=True)
if stick is not None:
    make_backup(vault, stick)
    journal.add(Organisation(name="Na de reservekopie"))
    print("after backup", flush=True)
print("waiting", flush=True)
sys.stdin.readline()
"""


def _crash_with_commits(h: ModuleType, cli_vault: Any, tmp_path: Path, *extra: object) -> None:
    script = h.write_script(tmp_path, "schrijver.py", SCRIPT)
    command = h.python_command(script, cli_vault.folder, cli_vault.passphrase_file, *extra)
    with h.child(command, stdin=subprocess.PIPE) as writer:
        lines = h.LineReader(writer.stdout)
        while not lines.lines or lines.lines[-1] != "waiting":
            lines.wait_for(len(lines.lines) + 1)
        h.kill_and_reap(writer)


def _flip_in_first_frame(log: Path) -> None:
    data = bytearray(log.read_bytes())
    data[wal.WAL_HEADER_SIZE + wal.FRAME_HEADER_SIZE + 200] ^= 0x04
    log.write_bytes(bytes(data))


def _names(folder: Path) -> list[str]:
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        return [org.name for org in Journal(vault.db).find(Organisation)]


def test_check_reports_a_log_that_ended_at_a_bad_frame_and_keeps_a_copy(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    _crash_with_commits(h, cli_vault, tmp_path, 5)
    log = cli_vault.folder / "vault.db-wal"
    assert wal.inspect(log).committed_frames > 0, "the kill left commits in the log"
    _flip_in_first_frame(log)
    kept_bytes = log.read_bytes()

    result = h.check(cli_vault.folder, cli_vault.passphrase_file)
    h.expect(result, 4, h.cli_text("check_wal_damaged"))
    (copy,) = (cli_vault.folder / "damaged-wal").glob("vault.db-wal.*")
    assert copy.read_bytes() == kept_bytes
    assert (copy.stat().st_mode & 0o777) == 0o600
    assert str(copy) in result.stderr
    # Still said on the next check (the GUI may have opened the vault in between) ...
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 4)
    # ... until the VP has dealt with it and removed the copy.
    shutil.rmtree(cli_vault.folder / "damaged-wal")
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)


def test_a_damaged_log_after_a_backup_costs_only_what_came_after_it(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    _crash_with_commits(h, cli_vault, tmp_path, 6, stick)
    log = cli_vault.folder / "vault.db-wal"
    report = wal.inspect(log)
    assert report.committed_frames > 0
    _flip_in_first_frame(log)
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 4)
    # Everything up to the backup, and the backup's own record, were folded in at the backup.
    assert _names(cli_vault.folder) == [f"Organisatie {n}" for n in range(6)]
    with Vault.open(cli_vault.folder, passphrase=PASSPHRASE) as vault:
        assert Journal(vault.db).setting("last_backup_file")


def test_a_commit_a_few_minutes_after_the_last_fold_goes_into_the_main_file(
    vault: Vault, journal: Journal, tmp_path: Path
) -> None:
    vault.db.checkpoint()
    journal.add(Organisation(name="Binnen de termijn"))
    # The main file alone (as after losing the log) does not hold it yet ...
    assert "Binnen de termijn" not in _main_file_only(vault, tmp_path / "a")
    # ... but the first commit once the interval has passed folds everything in.
    vault.db.checkpoint_interval = 0
    journal.add(Organisation(name="Na de termijn"))
    assert {"Binnen de termijn", "Na de termijn"} <= set(_main_file_only(vault, tmp_path / "b"))


def _main_file_only(vault: Vault, scratch: Path) -> list[str]:
    scratch.mkdir()
    shutil.copyfile(vault.folder / "vault.db", scratch / "vault.db")
    copy = Database.open(scratch / "vault.db", vault.data_key, access=IMMUTABLE)
    try:
        return [str(row[0]) for row in copy.query("SELECT name FROM organisations")]
    finally:
        copy.close()


def test_the_walk_matches_what_sqlite_replays(
    vault: Vault, journal: Journal, tmp_path: Path
) -> None:
    vault.db.checkpoint()
    for n in range(8):
        journal.add(Organisation(name=f"O{n}"))
    log = vault.folder / "vault.db-wal"
    copy = tmp_path / "kopie"
    copy.mkdir()
    shutil.copyfile(vault.folder / "vault.db", copy / "vault.db")
    shutil.copyfile(log, copy / "vault.db-wal")
    clean = wal.inspect(copy / "vault.db-wal")
    assert (clean.lost_commits, clean.stopped_at, clean.damaged) == (0, None, False)
    data = bytearray((copy / "vault.db-wal").read_bytes())
    frame = wal.FRAME_HEADER_SIZE + clean.page_size
    middle = clean.frames // 2
    data[wal.WAL_HEADER_SIZE + middle * frame + wal.FRAME_HEADER_SIZE + 9] ^= 1
    (copy / "vault.db-wal").write_bytes(bytes(data))
    broken = wal.inspect(copy / "vault.db-wal")
    assert broken.stopped_at == middle and broken.damaged
    # SQLite itself, opening the copy, keeps exactly the commits before the bad frame.
    reopened = Database.open(copy / "vault.db", vault.data_key)
    try:
        seen = reopened.scalar("SELECT count(*) FROM organisations")
    finally:
        reopened.close()
    assert 0 < seen < 8
