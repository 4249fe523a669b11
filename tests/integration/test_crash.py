"""A process killed at the worst moment (SIGKILL: no clean-up, no `finally`) loses nothing that
was reported as saved, and never leaves a vault that cannot be opened.

The moments are found by watching the victim, never by sleeping: the writer reports each commit
on stdout, and files appearing in the vault folder are polled with a deadline.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation
from vpnotebook.vault.errors import VaultNotFoundError, WrongSecretError
from vpnotebook.vault.vault import Vault

# The passphrase of the `cli_vault` fixture (helpers.PASSPHRASE), for the in-process checks.
PASSPHRASE = "correct paard batterij niet"

# -- writes ----------------------------------------------------------------------------------

# Commits reported before each kill; the kills follow each other on the same vault.
KILL_AFTER_COMMITS = (1, 25, 100)


def _verify_committed(folder: Path, committed: dict[tuple[str, int], int]) -> int:
    """Every reported record is there with what was written; returns the next record number."""
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        journal = Journal(vault.db)
        for (kind, record_id), n in committed.items():
            if kind == "organisation":
                assert journal.get(Organisation, record_id).name == f"Organisatie {n}"
            elif kind == "case":
                case = journal.get(Case, record_id)
                assert (case.title, case.categories) == (f"Melding {n}", ("bullying",))
            else:
                assert journal.get(Conversation, record_id).story == f"Gesprek {n} ë"
        assert vault.check() == []
        return journal.count(Organisation) + 1


def test_sigkill_during_writes_loses_no_committed_record(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    assert h.PASSPHRASE == PASSPHRASE
    script = h.write_script(tmp_path, "schrijver.py", h.WRITER_SCRIPT)
    committed: dict[tuple[str, int], int] = {}
    first = 1
    for kill_after in KILL_AFTER_COMMITS:
        command = h.python_command(script, cli_vault.folder, cli_vault.passphrase_file, first)
        with h.child(command) as writer:
            lines = h.LineReader(writer.stdout)
            lines.wait_for(1 + kill_after)  # "open", then one line per commit
            h.kill_and_reap(writer)
            reported = lines.drain()
        assert reported[0] == "open"
        assert len(reported) > kill_after
        for line in reported[1:]:
            kind, record_id, n = line.split()
            committed[(kind, int(record_id))] = int(n)

        h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)
        first = _verify_committed(cli_vault.folder, committed)

    assert len(committed) >= sum(KILL_AFTER_COMMITS)


# -- passphrase changes ----------------------------------------------------------------------


def _nth(n: int) -> str:
    return PASSPHRASE if n == 0 else f"wachtwoord nummer {n}"


# Changes to passphrase 1, 2, 3, … and reports each number only once the change returned.
PASSWD_SEQUENCE_SCRIPT = """\
import sys
from pathlib import Path

from vpnotebook.vault.kdf import Argon2Params
from vpnotebook.vault.vault import Vault


def nth(n):
    return sys.argv[2] if n == 0 else f"wachtwoord nummer {n}"


# The vault's own cheap parameters, asked for explicitly (never a hidden global).
CHEAP = Argon2Params(memory_kib=1024, iterations=1, parallelism=2)
with Vault.open(Path(sys.argv[1]), passphrase=nth(0)) as vault:
    print("open", flush=True)
    for n in range(1, 100_000):
        vault.change_passphrase(nth(n), kdf_params=CHEAP)
        print(n, flush=True)
"""


def _temp_files(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.startswith(".tmp-")]


@pytest.mark.parametrize("moment", ["after 1 change", "after 40 changes", "mid-write"])
def test_sigkill_during_passphrase_changes_leaves_a_working_slot(
    h: ModuleType, cli_vault: Any, tmp_path: Path, moment: str
) -> None:
    script = h.write_script(tmp_path, "wissel.py", PASSWD_SEQUENCE_SCRIPT)
    command = h.python_command(script, cli_vault.folder, PASSPHRASE)
    with h.child(command) as changer:
        lines = h.LineReader(changer.stdout)
        if moment == "mid-write":
            lines.wait_for(3)
            # A temp file of the atomic write exists: the new slot file is half made.
            h.poll_until(lambda: _temp_files(cli_vault.folder), what="a temp key-slot file")
        else:
            lines.wait_for(1 + int(moment.split()[1]))
        h.kill_and_reap(changer)
        reported = lines.drain()
    assert reported[0] == "open"
    last = int(reported[-1]) if len(reported) > 1 else 0

    # Durable: the last reported passphrase works, unless the next change also landed.
    works = {
        n: h.run_cli("check", "--vault", cli_vault.folder, env=h.cli_env(passphrase=_nth(n))).code
        for n in (last, last + 1)
    }
    assert sorted(works.values()) == [0, 3], f"passphrase {last} or {last + 1}: {works}"
    current = _nth(min(n for n, code in works.items() if code == 0))

    # The recovery code still opens it, and left-over temp files get in nobody's way: the
    # kill may have left one; plant a truncated one as well so that case is always covered.
    (cli_vault.folder / ".tmp-keyslots.json.0123456789ab").write_bytes(b'{"format": "vpn')
    code_file = h.write_secret(tmp_path / "herstelcode.txt", cli_vault.recovery_code)
    new = h.write_secret(tmp_path / "nieuw.txt", "na de crash gekozen")
    recovered = h.run_cli(
        "recover",
        "--vault",
        cli_vault.folder,
        "--recovery-code-file",
        code_file,
        "--new-passphrase-file",
        new,
    )
    h.expect(recovered, 0)
    h.expect(h.check(cli_vault.folder, new), 0)
    wrong = h.run_cli("check", "--vault", cli_vault.folder, env=h.cli_env(passphrase=current))
    h.expect(wrong, 3, WrongSecretError.message_nl)


# -- init ------------------------------------------------------------------------------------


def _appeared(folder: Path, name: str) -> bool:
    if name == "":
        return folder.is_dir()
    if name == ".tmp-":
        return folder.is_dir() and bool(_temp_files(folder))
    return (folder / name).exists()


INIT_KILL_POINTS = {
    "folder made": "",
    "lock file made": "vault.lock",
    "database file made": "vault.db",
    "write-ahead log made": "vault.db-wal",
    "key-slot file half written": ".tmp-",
}


@pytest.mark.parametrize("appears", INIT_KILL_POINTS.values(), ids=INIT_KILL_POINTS.keys())
def test_sigkill_during_init_leaves_no_vault_or_a_complete_one(
    h: ModuleType, tmp_path: Path, passphrase_file: Path, appears: str
) -> None:
    folder = tmp_path / "kluis"
    command = h.python_command(
        "-m", "vpnotebook", "init", "--vault", folder, "--passphrase-file", passphrase_file
    ) + list(h.CHEAP_KDF)
    with h.child(command) as init:
        h.poll_until(
            lambda: _appeared(folder, appears) or init.poll() is not None,
            what=f"{appears or 'the folder'} to appear",
        )
        h.kill_and_reap(init)

    if (folder / "keyslots.json").exists():
        # Complete: it opens and passes the full check.
        h.expect(h.check(folder, passphrase_file), 0)
        return
    # Not a vault: it is not taken for one, and a new init in the same folder succeeds.
    h.expect(h.check(folder, passphrase_file), 1, VaultNotFoundError.message_nl)
    again = h.run_cli("init", "--vault", folder, "--passphrase-file", passphrase_file, *h.CHEAP_KDF)
    h.expect(again, 0)
    h.recovery_code_in(again.stdout)
    h.expect(h.check(folder, passphrase_file), 0)


def test_init_crash_points_are_reached(h: ModuleType, tmp_path: Path) -> None:
    """The names the kill points wait for are the ones init really makes."""
    secret = h.write_secret(tmp_path / "pw.txt", PASSPHRASE)
    folder = tmp_path / "kluis"
    h.expect(h.run_cli("init", "--vault", folder, "--passphrase-file", secret, *h.CHEAP_KDF), 0)
    names = set(os.listdir(folder))
    assert {"vault.lock", "vault.db", "keyslots.json"} <= names
    assert not _temp_files(folder)
