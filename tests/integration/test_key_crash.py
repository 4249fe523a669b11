"""SIGKILL at varied moments of `rekey`, `new-recovery-code` and `init` (real subprocesses).

The moments are found by watching the victim, never by sleeping: each kill waits for one of
the things the command visibly does (a file appears, is renamed, the code is printed) and then
for a chosen number of further looks at the folder, so that the kills spread over the job.
After every kill the vault must open, with the old key or the new one, never neither; and a
recovery code that works must be one the VP was shown.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.core.demo import fill_demo
from vpnotebook.core.journal import Journal
from vpnotebook.vault.errors import WrongSecretError
from vpnotebook.vault.kdf import Argon2Params, KdfPolicy
from vpnotebook.vault.rekey import PENDING_SLOTS_NAME, REKEY_DATABASE_NAME, row_counts
from vpnotebook.vault.vault import Vault, is_vault

PASSPHRASE = "correct paard batterij niet"  # helpers.PASSPHRASE
CHEAP = KdfPolicy.explicit(Argon2Params(1024, 1, 2))
EXTRA_LOOKS = (0, 20, 400)
CODE_LINE = re.compile(r"^\s*([0-9A-Z]{5}(?:-[0-9A-Z]{5}){5})\s*$")

pytestmark = pytest.mark.slow


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


def _kill_when(
    h: ModuleType,
    process: Any,
    moment: Callable[[], bool],
    extra_looks: int,
    look: Callable[[], object],
) -> None:
    """Kill once `moment()` holds (or the process ended) and `extra_looks` more looks passed."""
    h.poll_until(lambda: moment() or process.poll() is not None, what="the moment to kill")
    for _ in range(extra_looks):
        if process.poll() is not None:
            break
        look()
    h.kill_and_reap(process)


def _key_and_counts(folder: Path, **secret: str) -> tuple[bytes, dict[str, int]]:
    with Vault.open(folder, policy=CHEAP, **secret) as vault:
        assert vault.check() == []
        return bytes(vault.data_key), row_counts(vault.db)


# -- rekey ---------------------------------------------------------------------------------------


def test_sigkill_at_varied_moments_of_rekey_leaves_the_old_key_or_the_new_never_neither(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    folder = cli_vault.folder
    with Vault.open(folder, passphrase=PASSPHRASE, policy=CHEAP) as vault:
        # Enough pages that the copy takes a while to write.
        fill_demo(Journal(vault.db), cases=150, seed=5, today=date(2026, 11, 28))
    key, counts = _key_and_counts(folder, passphrase=PASSPHRASE)
    code_file = h.write_secret(tmp_path / "code.txt", cli_vault.recovery_code)
    command = h.python_command(
        "-m",
        "vpnotebook",
        "rekey",
        "--vault",
        folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--recovery-code-file",
        code_file,
        *h.CHEAP_KDF,
    )
    db, slots = folder / "vault.db", folder / "keyslots.json"

    def moments() -> list[tuple[str, Callable[[], bool]]]:
        db_inode, slots_inode = _inode(db), _inode(slots)
        return [
            ("started", lambda: True),
            ("copy begun", lambda: (folder / REKEY_DATABASE_NAME).exists()),
            ("copy growing", lambda: _size(folder / REKEY_DATABASE_NAME) > 64 * 1024),
            (
                "pending being written",
                lambda: any(n.startswith(".tmp-keyslots.rekey") for n in os.listdir(folder)),
            ),
            ("pending written", lambda: (folder / PENDING_SLOTS_NAME).exists()),
            (
                "old log folded in",
                lambda: (
                    (folder / PENDING_SLOTS_NAME).exists()
                    and not (folder / "vault.db-wal").exists()
                ),
            ),
            ("database swapped", lambda: _inode(db) != db_inode),
            ("slots swapped", lambda: _inode(slots) != slots_inode),
        ]

    outcomes: Counter[str] = Counter()
    kills = 0
    for extra in EXTRA_LOOKS:
        for name, _ in moments():
            chosen = dict(moments())[name]  # inodes read now, before this run starts
            with h.child(command) as process:
                _kill_when(h, process, chosen, extra, lambda: os.listdir(folder))
            kills += 1
            # The next open (the CLI's own check) finishes or undoes what the kill left.
            result = h.check(folder, cli_vault.passphrase_file)
            h.expect(result, 0)
            now, now_counts = _key_and_counts(folder, recovery_code=cli_vault.recovery_code)
            assert now_counts == counts, name
            assert sorted(os.listdir(folder)) == ["keyslots.json", "vault.db", "vault.lock"]
            outcomes["new key" if now != key else "old key"] += 1
            # What the check said it found matches the key the vault has now.
            if h.cli_text("rekey_finished").search(result.stderr):
                assert now != key, name
            if h.cli_text("rekey_undone").search(result.stderr):
                assert now == key, name
            key = now
    assert kills >= 20
    # The kills fell on both sides of the commit point.
    assert outcomes["old key"] >= 1 and outcomes["new key"] >= 1, outcomes


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


# -- new-recovery-code ---------------------------------------------------------------------------


def test_sigkill_at_varied_moments_of_new_recovery_code_never_leaves_an_unseen_code(
    h: ModuleType, cli_vault: Any
) -> None:
    folder = cli_vault.folder
    valid = cli_vault.recovery_code
    command = h.python_command(
        "-m",
        "vpnotebook",
        "new-recovery-code",
        "--vault",
        folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        *h.CHEAP_KDF,
    )
    outcomes: Counter[str] = Counter()
    kills = 0
    for extra in (0, 5, 50, 500):
        slots_inode = _inode(folder / "keyslots.json")
        for name in ("started", "opened", "temp slot file", "slots replaced", "code printed"):
            with h.child(command) as process:
                lines = h.LineReader(process.stdout)
                moment = {
                    "started": lambda: True,
                    "opened": lambda: (folder / "vault.db-wal").exists(),
                    "temp slot file": lambda: any(
                        n.startswith(".tmp-keyslots") for n in os.listdir(folder)
                    ),
                    "slots replaced": lambda inode=slots_inode: (
                        _inode(folder / "keyslots.json") != inode
                    ),
                    "code printed": lambda lines=lines: _shows_code(lines),
                }[name]
                _kill_when(h, process, moment, extra, lambda: os.listdir(folder))
                shown = _codes(lines.drain())
            kills += 1
            h.expect(h.check(folder, cli_vault.passphrase_file), 0)
            working = [c for c in {valid, *shown} if _opens(folder, c)]
            # Exactly one code works, and the VP has seen it.
            assert len(working) == 1, (name, working)
            outcomes["new code" if working[0] != valid else "old code"] += 1
            valid = working[0]
    assert kills >= 20
    assert outcomes["old code"] >= 1 and outcomes["new code"] >= 1, outcomes


def _codes(lines: list[str]) -> list[str]:
    return [match.group(1) for line in lines if (match := CODE_LINE.match(line))]


def _shows_code(lines: Any) -> bool:
    return bool(_codes(lines.take_available()))


def _opens(folder: Path, code: str) -> bool:
    try:
        Vault.open(folder, recovery_code=code, policy=CHEAP).close()
    except WrongSecretError:
        return False
    return True


# -- init ----------------------------------------------------------------------------------------


def test_sigkill_at_varied_moments_of_init_leaves_no_vault_or_one_whose_code_was_shown(
    h: ModuleType, tmp_path: Path, passphrase_file: Path
) -> None:
    outcomes: Counter[str] = Counter()
    kills = 0
    for extra in (0, 10, 200):
        for name in (
            "started",
            "code printed",
            "folder",
            "lock file",
            "database",
            "log",
            "temp slots",
            "slots",
        ):
            folder = tmp_path / f"kluis-{extra}-{name.replace(' ', '-')}"
            files = {
                "folder": lambda f=folder: f.is_dir(),
                "lock file": lambda f=folder: (f / "vault.lock").exists(),
                "database": lambda f=folder: (f / "vault.db").exists(),
                "log": lambda f=folder: (f / "vault.db-wal").exists(),
                "temp slots": lambda f=folder: (
                    f.is_dir() and any(n.startswith(".tmp-") for n in os.listdir(f))
                ),
                "slots": lambda f=folder: (f / "keyslots.json").exists(),
            }
            command = h.python_command(
                "-m",
                "vpnotebook",
                "init",
                "--vault",
                folder,
                "--passphrase-file",
                passphrase_file,
                *h.CHEAP_KDF,
            )
            with h.child(command) as process:
                lines = h.LineReader(process.stdout)
                moment = {
                    **files,
                    "started": lambda: True,
                    "code printed": lambda lines=lines: _shows_code(lines),
                }[name]
                _kill_when(h, process, moment, extra, lambda f=folder: f.exists())
                shown = _codes(lines.drain())
            kills += 1
            if is_vault(folder):
                # A vault exists only with a code the VP was shown, and it opens with both.
                assert len(shown) == 1, name
                assert _opens(folder, shown[0])
                h.expect(h.check(folder, passphrase_file), 0)
                outcomes["vault"] += 1
            else:
                h.expect(h.check(folder, passphrase_file), 1)
                again = h.run_cli(
                    "init", "--vault", folder, "--passphrase-file", passphrase_file, *h.CHEAP_KDF
                )
                h.expect(again, 0)
                assert _opens(folder, h.recovery_code_in(again.stdout))
                outcomes["no vault"] += 1
    assert kills >= 20
    assert outcomes["no vault"] >= 1, outcomes
