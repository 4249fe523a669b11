"""SIGKILL, over and over, while a backup rotates and while a restore replaces a vault: every
kill ends with a vault that opens and at least one backup that restores (issue 17, item 7).

The victim is a child process running the product's own `make_backup` / `restore_backup`.
It counts its calls to `os.fsync`, `os.replace` and `os.unlink` (the steps that make a
backup or a restore durable, and rotation's deletions) and, at the chosen one, says so on
stdout and waits: the test kills it at exactly that point, no sleeping involved. Stepping
through the points of every kind gives kills before and between every durable step. The
next opening of the folder — `vpnotebook check`, in its own process — must then find (or
finish) a sound vault.
"""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation
from vpnotebook.vault.backup import list_backups, make_backup, verify_backup
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.restore import restore_backup
from vpnotebook.vault.vault import Vault

PASSPHRASE = "correct paard batterij niet"

# Pauses before the Nth call of one kind (argv: KIND N), then runs one job (argv after).
VICTIM = """\
import os, sys
from datetime import datetime
from pathlib import Path

kind, number, job = sys.argv[1], int(sys.argv[2]), sys.argv[3]
calls = {}


def pausing(name, real):
    def call(*args, **kwargs):
        calls[name] = calls.get(name, 0) + 1
        if name == kind and calls[name] == number:
            print(f"paused {name} {number}", flush=True)
            sys.stdin.readline()
        return real(*args, **kwargs)
    return call


for name in ("fsync", "replace", "unlink"):
    setattr(os, name, pausing(name, getattr(os, name)))

from vpnotebook.vault.backup import make_backup
from vpnotebook.vault.restore import restore_backup
from vpnotebook.vault.vault import Vault

passphrase = Path(sys.argv[4]).read_text(encoding="utf-8").splitlines()[0]
progress = pausing("progress", lambda done, total: None)
if job == "backup":
    with Vault.open(Path(sys.argv[5]), passphrase=passphrase) as vault:
        make_backup(vault, Path(sys.argv[6]), keep=2, chunk_size=4096, progress=progress)
else:
    restore_backup(Path(sys.argv[5]), Path(sys.argv[6]), passphrase=passphrase, replace=True)
print("done", calls, flush=True)
"""


def _filled(folder: Path, name: str) -> None:
    vault, _ = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
    with vault:
        journal = Journal(vault.db)
        org = journal.add(Organisation(name=name))
        with vault.db.transaction():
            for n in range(40):
                case = journal.add(
                    Case(
                        organisation_id=org.id,
                        first_contact=date(2025, 1 + n % 12, 1 + n % 28),
                        contact_type="report",
                        reporter_role="employee",
                        title=f"Melding {n}",
                    )
                )
                journal.add(
                    Conversation(case_id=case.id, held_on=date(2025, 2, 1), story="x" * 500)
                )


def _organisation(folder: Path) -> str:
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        assert vault.check() == []
        (org,) = Journal(vault.db).find(Organisation)
        return org.name


def _kill_at(
    h: ModuleType, script: Path, kind: str, number: int, *args: object
) -> tuple[bool, list[str]]:
    """Run the victim; kill it where it pauses. Returns whether it was killed, and its lines."""
    command = h.python_command(script, kind, number, *args)
    with h.child(command, stdin=subprocess.PIPE) as victim:
        lines = h.LineReader(victim.stdout)
        try:
            first = lines.wait_for(1)[0]
        except AssertionError:
            victim.wait(h.TIMEOUT)
            first = ""
        if first.startswith("paused"):
            h.kill_and_reap(victim)
            return True, lines.lines
        victim.wait(h.TIMEOUT)
        assert victim.returncode == 0, victim.stderr.read() if victim.stderr else ""
        return False, lines.drain()


def _points(kinds: dict[str, int]) -> list[tuple[str, int]]:
    return [(kind, n) for kind, most in kinds.items() for n in range(1, most + 1)]


def test_sigkill_anywhere_in_a_rotating_backup_leaves_a_vault_that_opens_and_backups_that_restore(
    h: ModuleType, tmp_path: Path
) -> None:
    folder = tmp_path / "kluis"
    _filled(folder, "Stichting Rotatie")
    passphrase_file = h.write_secret(tmp_path / "wachtwoord.txt", PASSPHRASE)
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        for day in (1, 2):
            make_backup(vault, stick, keep=2, now=datetime(2025, 3, day, 9, 0))
    script = h.write_script(tmp_path, "slachtoffer.py", VICTIM)
    # progress: while sealing (one call per 4 KiB chunk); fsync: the backup file, its folder
    # after the rename and after rotation; replace: its final name; unlink: rotation.
    sealing = [("progress", n) for n in (1, 5, 10, 20, 30, 40, 50, 60, 70)]
    points = (sealing + _points({"fsync": 3, "replace": 1, "unlink": 1})) * 2
    kills = 0
    for kind, number in points:
        killed, _ = _kill_at(h, script, kind, number, "backup", passphrase_file, folder, stick)
        kills += killed
        h.expect(h.check(folder, passphrase_file), 0)
        assert _organisation(folder) == "Stichting Rotatie"
        found = list_backups(stick)
        assert found, f"{kind} {number}: no backup left on the stick"
        for path in found:  # whatever carries a backup's name is whole
            verify_backup(path, passphrase=PASSPHRASE)
        target = tmp_path / f"proef-{kills}-{kind}-{number}"
        restore_backup(found[-1], target, passphrase=PASSPHRASE)
        assert _organisation(target) == "Stichting Rotatie"
    assert kills >= 20, f"only {kills} kills landed"


def test_sigkill_anywhere_in_restore_replace_leaves_a_vault_at_the_target(
    h: ModuleType, tmp_path: Path
) -> None:
    source = tmp_path / "bron"
    _filled(source, "Stichting uit de reservekopie")
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    with Vault.open(source, passphrase=PASSPHRASE) as vault:
        backup = make_backup(vault, stick).path
    target = tmp_path / "kluis"
    _filled(target, "Stichting van nu")
    passphrase_file = h.write_secret(tmp_path / "wachtwoord.txt", PASSPHRASE)
    script = h.write_script(tmp_path, "slachtoffer.py", VICTIM)
    # fsync: database, key slots, staging folder, journal and each rename; replace: the key
    # slots, the journal and both folder renames; unlink: the verification's scratch files
    # and the journal's removal.
    points = _points({"fsync": 9, "replace": 4, "unlink": 3}) * 2
    kills = 0
    seen: set[str] = set()
    for kind, number in points:
        killed, _ = _kill_at(h, script, kind, number, "restore", passphrase_file, backup, target)
        kills += killed
        check = h.check(target, passphrase_file)
        h.expect(check, 0)
        name = _organisation(target)
        assert name in ("Stichting uit de reservekopie", "Stichting van nu")
        seen.add(name)
        if h.cli_text("restore_resumed").search(check.stderr):
            assert name == "Stichting uit de reservekopie"
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".kluis.")]
        assert leftovers == [], f"{kind} {number}: {leftovers}"
        for aside in tmp_path.glob("kluis.voor-herstel-*"):
            assert _organisation(aside) in ("Stichting uit de reservekopie", "Stichting van nu")
    assert kills >= 20, f"only {kills} kills landed"
    assert seen == {"Stichting uit de reservekopie"} or len(seen) == 2
    verify_backup(backup, passphrase=PASSPHRASE)


def test_a_restore_killed_between_its_renames_is_finished_by_the_next_opening(
    h: ModuleType, tmp_path: Path
) -> None:
    source = tmp_path / "bron"
    _filled(source, "Stichting uit de reservekopie")
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    with Vault.open(source, passphrase=PASSPHRASE) as vault:
        backup = make_backup(vault, stick).path
    target = tmp_path / "kluis"
    _filled(target, "Stichting van nu")
    passphrase_file = h.write_secret(tmp_path / "wachtwoord.txt", PASSPHRASE)
    script = h.write_script(tmp_path, "slachtoffer.py", VICTIM)
    # The fourth replace is "staging -> target": the old vault is aside, the new not yet in.
    killed, _ = _kill_at(h, script, "replace", 4, "restore", passphrase_file, backup, target)
    assert killed
    assert not target.exists(), "the kill landed between the renames"
    (aside,) = tmp_path.glob("kluis.voor-herstel-*")
    check = h.check(target, passphrase_file)
    h.expect(check, 0, h.cli_text("restore_resumed"))
    assert str(aside) in check.stderr
    assert _organisation(target) == "Stichting uit de reservekopie"
    assert _organisation(aside) == "Stichting van nu"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kluis.")]


def test_init_into_a_folder_whose_restore_was_killed_finishes_the_restore_instead(
    h: ModuleType, tmp_path: Path
) -> None:
    source = tmp_path / "bron"
    _filled(source, "Stichting uit de reservekopie")
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    with Vault.open(source, passphrase=PASSPHRASE) as vault:
        backup = make_backup(vault, stick).path
    target = tmp_path / "kluis"
    _filled(target, "Stichting van nu")
    passphrase_file = h.write_secret(tmp_path / "wachtwoord.txt", PASSPHRASE)
    script = h.write_script(tmp_path, "slachtoffer.py", VICTIM)
    killed, _ = _kill_at(h, script, "replace", 4, "restore", passphrase_file, backup, target)
    assert killed and not target.exists()
    # The VP, seeing no vault, tries to make a new one there: it must not win over the restore.
    made = h.run_cli("init", "--vault", target, "--passphrase-file", passphrase_file, *h.CHEAP_KDF)
    h.expect(made, 1)
    assert _organisation(target) == "Stichting uit de reservekopie"
    h.expect(h.check(target, passphrase_file), 0)
