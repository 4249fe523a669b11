"""`vpnotebook backup`, `verify-backup` and `restore` as a VP's script would run them, and a
backup killed at the worst moment.

Every command runs in a real subprocess against real vaults in tmp_path (`run_cli` asserts on
every call that no traceback is printed). Damage is a representative subset here, because each
subprocess costs time; tests/unit/vault/test_backup.py damages files exhaustively in-process.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import subprocess
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.core import models
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, Reporter
from vpnotebook.vault import container
from vpnotebook.vault.backup import (
    BACKUP_PREFIX,
    BACKUP_SUFFIX,
    DIGEST_SIZE,
    backup_file_key,
    list_backups,
    make_backup,
    verify_backup,
)
from vpnotebook.vault.errors import (
    BackupDamagedError,
    BackupTooNewError,
    BackupWriteError,
    InvalidRecoveryCodeError,
    NotABackupError,
    RestoreTargetError,
    StorageError,
    VaultInUseError,
    WrongSecretError,
)
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.schema import LATEST_VERSION
from vpnotebook.vault.vault import Vault

# The passphrase of the `cli_vault` fixture (helpers.PASSPHRASE), for the in-process steps.
PASSPHRASE = "correct paard batterij niet"
MARKERS = {
    "organisation": "Zwaluwstaart-Zorggroep-Qx7ë",
    "reporter": "Meldster-Yvonne-Wqz9-Çelik",
    "conversation": "Kraanvogel-gespreksnotitie-88ü",
}
DAMAGED = (BackupDamagedError.message_nl, NotABackupError.message_nl)


def fill(folder: Path) -> dict[str, list[Any]]:
    """Records with the markers in their text, added through the journal; returns them all."""
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        journal = Journal(vault.db)
        org = journal.add(Organisation(name=f"Stichting {MARKERS['organisation']}"))
        for n in range(3):
            case = journal.add(
                Case(
                    organisation_id=org.id,
                    first_contact=date(2025, 3, 1 + n),
                    contact_type="report",
                    reporter_role="employee",
                    categories=("bullying", "integrity")[: n + 1],
                    title=f"Melding {n}",
                )
            )
            journal.add(Reporter(case_id=case.id, name=f"{MARKERS['reporter']} {n}"))
            journal.add(
                Conversation(
                    case_id=case.id,
                    held_on=date(2025, 3, 2 + n),
                    story="Over werkdruk en pesten",
                    notes=f"{MARKERS['conversation']} {n}",
                )
            )
        return contents(vault)


def contents(vault: Vault) -> dict[str, list[Any]]:
    journal = Journal(vault.db)
    return {
        table: journal.find(kind, order="case_id" if kind is Reporter else "id")
        for kind, table in models.TABLES.items()
    }


def opened_contents(folder: Path, **secret: str) -> dict[str, list[Any]]:
    with Vault.open(folder, **secret) as vault:
        assert vault.check() == []
        assert vault.db.user_version == LATEST_VERSION
        return contents(vault)


def header_length(path: Path) -> int:
    with path.open("rb") as handle:
        return container.read_public_header(handle).header_length


def backup_cli(h: ModuleType, cli_vault: Any, out: Path, **env: str) -> Any:
    return h.run_cli(
        "backup",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--out",
        out,
        env=h.cli_env(**env) if env else None,
    )


def made_by_cli(h: ModuleType, cli_vault: Any, out: Path) -> Path:
    out.mkdir(exist_ok=True)
    before = set(list_backups(out))
    result = backup_cli(h, cli_vault, out)
    h.expect(result, 0)
    (path,) = set(list_backups(out)) - before
    assert str(path) in result.stdout
    return path


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# -- the round trip ---------------------------------------------------------------------------


def test_backup_verify_and_restore_bring_everything_back(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    before = fill(cli_vault.folder)
    out = tmp_path / "usb-stick"
    out.mkdir()
    result = backup_cli(h, cli_vault, out)
    h.expect(result, 0)
    assert h.cli_text("backup_made").search(result.stdout), str(result)
    assert "Inhoud: 1 organisaties, 3 meldingen, 3 gesprekken" in result.stdout, str(result)
    (path,) = list_backups(out)
    assert path.name.startswith(BACKUP_PREFIX) and path.name.endswith(BACKUP_SUFFIX)
    assert (path.stat().st_mode & 0o777) == 0o600

    code_file = h.write_secret(tmp_path / "herstelcode.txt", cli_vault.recovery_code)
    for secret in (
        ("--passphrase-file", cli_vault.passphrase_file),
        ("--recovery-code-file", code_file),
    ):
        verified = h.run_cli("verify-backup", path, *secret)
        h.expect(verified, 0)
        assert h.cli_text("backup_verified").search(verified.stdout), str(verified)
        assert "3 meldingen" in verified.stdout

    for name, secret in (
        ("met-wachtwoord", ("--passphrase-file", cli_vault.passphrase_file)),
        ("met-herstelcode", ("--recovery-code-file", code_file)),
    ):
        target = tmp_path / name
        restored = h.run_cli("restore", path, "--vault", target, *secret)
        h.expect(restored, 0)
        assert h.cli_text("restored").search(restored.stdout), str(restored)
        h.expect(h.check(target, cli_vault.passphrase_file), 0)
        assert opened_contents(target, passphrase=PASSPHRASE) == before
        assert opened_contents(target, recovery_code=cli_vault.recovery_code) == before


def test_the_vault_remembers_its_last_backup(h: ModuleType, cli_vault: Any, tmp_path: Path) -> None:
    path = made_by_cli(h, cli_vault, tmp_path / "usb-stick")
    with Vault.open(cli_vault.folder, passphrase=PASSPHRASE) as vault:
        journal = Journal(vault.db)
        assert journal.setting("last_backup_file") == path.name
        assert journal.setting("last_backup_at")


# -- damaged files --------------------------------------------------------------------------


def _other_vaults_header(tmp_path: Path) -> bytes:
    """The header of a backup of another vault with the same passphrase (default chunks)."""
    out = tmp_path / "andere-stick"
    out.mkdir()
    vault, _ = Vault.create(tmp_path / "andere-kluis", PASSPHRASE, kdf_params=TEST_PARAMS)
    with vault:
        Journal(vault.db).add(Organisation(name="Een andere organisatie"))
        path = make_backup(vault, out).path
    return path.read_bytes()[: header_length(path)]


def _flip(data: bytes, offset: int) -> bytes:
    damaged = bytearray(data)
    damaged[offset] ^= 1 << (offset % 8)
    return bytes(damaged)


DAMAGE = {
    "cut inside the key slots": lambda data, hl, tmp: data[:300],
    "cut right after the header": lambda data, hl, tmp: data[:hl],
    "cut after the first chunk": lambda data, hl, tmp: data[: hl + container.CHUNK_SIZE + 16],
    "cut inside a chunk": lambda data, hl, tmp: data[: hl + 5000],
    "last byte missing": lambda data, hl, tmp: data[:-1],
    "bit flipped in the key slots": lambda data, hl, tmp: _flip(data, 200),
    "bit flipped in the header MAC": lambda data, hl, tmp: _flip(data, hl - 3),
    "bit flipped in a chunk": lambda data, hl, tmp: _flip(data, hl + 70_000),
    "bit flipped in the last tag": lambda data, hl, tmp: _flip(data, len(data) - 2),
    "header of another vault's backup": lambda data, hl, tmp: _other_vaults_header(tmp) + data[hl:],
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_backup_exits_4_and_creates_no_vault(
    damage: str, h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    fill(cli_vault.folder)
    path = made_by_cli(h, cli_vault, tmp_path / "usb-stick")
    data = path.read_bytes()
    assert len(data) > header_length(path) + 2 * (container.CHUNK_SIZE + 16)  # three chunks
    bad = tmp_path / f"beschadigd{BACKUP_SUFFIX}"
    bad.write_bytes(DAMAGE[damage](data, header_length(path), tmp_path))
    parent = tmp_path / "herstel"
    parent.mkdir()
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = h.cli_env(tmpdir=temp)

    verified = h.run_cli(
        "verify-backup", bad, "--passphrase-file", cli_vault.passphrase_file, env=env
    )
    restored = h.run_cli(
        "restore",
        bad,
        "--vault",
        parent / "kluis",
        "--passphrase-file",
        cli_vault.passphrase_file,
        env=env,
    )
    for result in (verified, restored):
        h.expect(result, 4)
        assert any(message in result.stderr for message in DAMAGED), str(result)
    if damage != "cut inside the key slots":
        # Recognisably our file, so it is told as damaged, not as "not a backup".
        assert BackupDamagedError.message_nl in verified.stderr, str(verified)
    assert listing(parent) == []
    assert listing(temp) == []
    # The vault the backup came from is untouched.
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)


def test_a_wrong_passphrase_or_code_exits_3_and_creates_no_vault(
    h: ModuleType, cli_vault: Any, tmp_path: Path, other_passphrase_file: Path
) -> None:
    path = made_by_cli(h, cli_vault, tmp_path / "usb-stick")
    mistyped = "B" if cli_vault.recovery_code[0] != "B" else "C"
    code_file = h.write_secret(tmp_path / "code.txt", mistyped + cli_vault.recovery_code[1:])
    target = tmp_path / "hersteld"
    for secret, message in (
        (("--passphrase-file", other_passphrase_file), WrongSecretError.message_nl),
        (("--recovery-code-file", code_file), InvalidRecoveryCodeError.message_nl),
    ):
        h.expect(h.run_cli("verify-backup", path, *secret), 3, message)
        h.expect(h.run_cli("restore", path, "--vault", target, *secret), 3, message)
        assert not target.exists()
        assert not [name for name in listing(tmp_path) if "restoring" in name]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(random.Random(3).randbytes(4000), id="random bytes"),
        pytest.param(json.dumps({"organisaties": []}).encode(), id="json"),
    ],
)
def test_a_file_that_is_no_backup_exits_4(
    content: bytes, h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    path = tmp_path / f"iets{BACKUP_SUFFIX}"
    path.write_bytes(content)
    target = tmp_path / "hersteld"
    secret = ("--passphrase-file", cli_vault.passphrase_file)
    h.expect(h.run_cli("verify-backup", path, *secret), 4, NotABackupError.message_nl)
    h.expect(h.run_cli("restore", path, "--vault", target, *secret), 4, NotABackupError.message_nl)
    assert not target.exists()


def test_a_backup_from_a_newer_version_exits_1_and_says_to_update(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    path = made_by_cli(h, cli_vault, tmp_path / "usb-stick")
    # Reseal the same payload, correctly, under a public header that claims version 99.
    with Vault.open(cli_vault.folder, passphrase=PASSPHRASE) as vault:
        file_key = backup_file_key(vault.data_key)
    with path.open("rb") as handle:
        header = container.read_public_header(handle)
        payload = io.BytesIO()
        handle.seek(0)
        container.decrypt_container(handle, payload, file_key)
    document = json.loads(header.public_header[:-DIGEST_SIZE])
    document["version"] = 99
    body = json.dumps(document, sort_keys=True).encode("utf-8")
    newer = tmp_path / f"nieuwer{BACKUP_SUFFIX}"
    with newer.open("wb") as handle:
        container.write_container(
            handle,
            io.BytesIO(payload.getvalue()),
            file_key,
            body + hashlib.sha256(body).digest(),
        )
    target = tmp_path / "hersteld"
    secret = ("--passphrase-file", cli_vault.passphrase_file)
    for result in (
        h.run_cli("verify-backup", newer, *secret),
        h.run_cli("restore", newer, "--vault", target, *secret),
    ):
        h.expect(result, 1, BackupTooNewError.message_nl)
        assert "nieuwere versie" in result.stderr
    assert not target.exists()


def test_a_backup_file_that_does_not_exist_is_not_reported_as_a_failed_save(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    # The VP typed the name wrong, or the stick is not in: nothing was being saved.
    missing = tmp_path / f"vpnotebook-2026-01-01T0900{BACKUP_SUFFIX}"
    target = tmp_path / "hersteld"
    secret = ("--passphrase-file", cli_vault.passphrase_file)
    for result in (
        h.run_cli("verify-backup", missing, *secret),
        h.run_cli("restore", missing, "--vault", target, *secret),
    ):
        h.expect(result, 1)
        assert StorageError.message_nl not in result.stderr, str(result)
        assert result.stderr.strip(), str(result)
    assert not target.exists()


# -- where the backup goes and where it is restored --------------------------------------------


def test_a_backup_to_a_folder_that_does_not_exist_exits_1(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    result = backup_cli(h, cli_vault, tmp_path / "stick-niet-aangesloten")
    h.expect(result, 1, BackupWriteError.message_nl)
    assert not (tmp_path / "stick-niet-aangesloten").exists()
    assert not list(tmp_path.rglob(f"*{BACKUP_SUFFIX}*"))


def test_restore_into_a_vault_needs_replace_and_keeps_the_old_one_aside(
    h: ModuleType, cli_vault: Any, tmp_path: Path, other_passphrase_file: Path
) -> None:
    before = fill(cli_vault.folder)
    path = made_by_cli(h, cli_vault, tmp_path / "usb-stick")
    current = h.init_vault(tmp_path / "huidige-kluis", other_passphrase_file)

    refused = h.run_cli(
        "restore", path, "--vault", current.folder, "--passphrase-file", cli_vault.passphrase_file
    )
    h.expect(refused, 1, RestoreTargetError.message_nl)
    h.expect(h.check(current.folder, other_passphrase_file), 0)

    replaced = h.run_cli(
        "restore",
        path,
        "--vault",
        current.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--replace",
    )
    h.expect(replaced, 0)
    assert h.cli_text("restore_set_aside").search(replaced.stdout), str(replaced)
    (aside,) = [p for p in tmp_path.iterdir() if "voor-herstel" in p.name]
    assert aside.name.startswith("huidige-kluis.voor-herstel-")
    assert str(aside) in replaced.stdout
    # The old vault still opens with its own passphrase; the restored one holds the backup.
    h.expect(h.check(aside, other_passphrase_file), 0)
    assert opened_contents(current.folder, passphrase=PASSPHRASE) == before


def test_restore_into_a_folder_with_other_files_exits_1(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    path = made_by_cli(h, cli_vault, tmp_path / "usb-stick")
    target = tmp_path / "documenten"
    target.mkdir()
    (target / "brief.txt").write_text("blijft staan", encoding="utf-8")
    for extra in ((), ("--replace",)):
        result = h.run_cli(
            "restore",
            path,
            "--vault",
            target,
            "--passphrase-file",
            cli_vault.passphrase_file,
            *extra,
        )
        h.expect(result, 1, RestoreTargetError.message_nl)
        assert listing(target) == ["brief.txt"]


def test_restore_with_replace_over_a_vault_open_elsewhere_exits_5(
    h: ModuleType, cli_vault: Any, tmp_path: Path, other_passphrase_file: Path
) -> None:
    path = made_by_cli(h, cli_vault, tmp_path / "usb-stick")
    current = h.init_vault(tmp_path / "huidige-kluis", other_passphrase_file)
    script = h.write_script(tmp_path, "houder.py", h.HOLDER_SCRIPT)
    command = h.python_command(script, current.folder, other_passphrase_file)
    with h.child(command, stdin=subprocess.PIPE) as holder:
        lines = h.LineReader(holder.stdout)
        assert lines.wait_for(1) == ["open"]
        result = h.run_cli(
            "restore",
            path,
            "--vault",
            current.folder,
            "--passphrase-file",
            cli_vault.passphrase_file,
            "--replace",
        )
        h.expect(result, 5, VaultInUseError.message_nl)
        assert not [p for p in tmp_path.iterdir() if "voor-herstel" in p.name]
        assert not [p for p in tmp_path.iterdir() if "restoring" in p.name]
        holder.stdin.close()
        assert lines.wait_for(2)[1] == "closed"
    h.expect(h.check(current.folder, other_passphrase_file), 0)


# -- no plaintext -----------------------------------------------------------------------------


def test_no_case_text_in_the_backup_the_stick_the_restore_or_temp_files(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    fill(cli_vault.folder)
    temp = tmp_path / "tmp"
    temp.mkdir()
    out = tmp_path / "usb-stick"
    out.mkdir()
    env = h.cli_env(tmpdir=temp)
    h.expect(backup_cli(h, cli_vault, out, tmpdir=str(temp)), 0)
    (path,) = list_backups(out)
    secret = ("--passphrase-file", cli_vault.passphrase_file)
    h.expect(h.run_cli("verify-backup", path, *secret, env=env), 0)
    h.expect(h.run_cli("restore", path, "--vault", tmp_path / "hersteld", *secret, env=env), 0)

    assert h.find_plaintext([out, temp, tmp_path / "hersteld"], list(MARKERS.values())) == []
    assert listing(temp) == []


# -- a backup killed at the worst moment ------------------------------------------------------

# Makes a backup through the API with 4 KiB chunks. With a fraction >= 0 it stops (blocked on
# stdin) in the progress callback once that share of the payload has been sealed, and says so:
# the test then kills it at exactly that point, no sleeping involved.
BACKUP_SCRIPT = """\
import sys
from pathlib import Path

from vpnotebook.vault.backup import make_backup
from vpnotebook.vault.vault import Vault

folder, passphrase_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
pause_at = float(sys.argv[4])
passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
paused = False


def progress(done, total):
    global paused
    if pause_at >= 0 and not paused and done >= pause_at * total:
        paused = True
        print(f"paused {done} {total}", flush=True)
        sys.stdin.readline()


with Vault.open(folder, passphrase=passphrase) as vault:
    print("open", flush=True)
    info = make_backup(vault, out, chunk_size=4096, progress=progress)
print("done", info.path.name, flush=True)
"""

FILLER = " ".join(["vertrouwelijk verslag van een gesprek over de werkplek"] * 19)


def _big_vault(folder: Path) -> None:
    """2,000 conversations of about 1 KB: a vault whose backup takes a moment."""
    vault, _ = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
    with vault:
        journal = Journal(vault.db)
        with vault.db.transaction():
            org = journal.add(Organisation(name=f"Stichting {MARKERS['organisation']}"))
            case = journal.add(
                Case(
                    organisation_id=org.id,
                    first_contact=date(2025, 1, 2),
                    contact_type="report",
                    reporter_role="employee",
                    title="Groot dossier",
                )
            )
            journal.add(Reporter(case_id=case.id, name=MARKERS["reporter"]))
            for n in range(2000):
                journal.add(
                    Conversation(
                        case_id=case.id,
                        held_on=date(2025, 1 + n % 12, 1 + n % 28),
                        story=f"{FILLER} {n}",
                        notes=f"{MARKERS['conversation']} {n}",
                    )
                )


def _partials(out: Path) -> list[Path]:
    return [p for p in out.iterdir() if p.name.startswith(".") and ".partial-" in p.name]


def test_sigkill_during_a_backup_leaves_no_backup_that_does_not_verify(
    h: ModuleType, tmp_path: Path
) -> None:
    folder = tmp_path / "kluis"
    _big_vault(folder)
    passphrase_file = h.write_secret(tmp_path / "wachtwoord.txt", PASSPHRASE)
    script = h.write_script(tmp_path, "backup.py", BACKUP_SCRIPT)
    out = tmp_path / "usb-stick"
    out.mkdir()
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = h.cli_env(tmpdir=temp)

    # (moment, pause fraction): a race won by polling — as soon as the final name appears (the
    # file renamed, its read-back verification under way); three exact points inside the write;
    # and another race — as soon as a new partial file appears. The last kill leaves a partial
    # file behind for the clean-up check at the end.
    moments = [
        ("final name appears", -1.0),
        ("first chunk sealed", 0.0),
        ("half sealed", 0.5),
        ("all sealed, not yet renamed", 1.0),
        ("partial file appears", -1.0),
    ]
    for moment, pause_at in moments:
        finals_before = set(list_backups(out))
        partials_before = set(_partials(out))
        command = h.python_command(script, folder, passphrase_file, out, pause_at)
        with h.child(command, env=env, stdin=subprocess.PIPE) as victim:
            lines = h.LineReader(victim.stdout)
            if pause_at >= 0:
                lines.wait_for(2)  # "open", then "paused …"
                assert lines.lines[1].startswith("paused"), lines.lines
            else:
                watched = _partials if moment == "partial file appears" else list_backups
                before = partials_before if moment == "partial file appears" else finals_before
                h.poll_until(
                    lambda watched=watched, before=before: (
                        bool(set(watched(out)) - before) or victim.poll() is not None
                    ),
                    what=moment,
                )
            h.kill_and_reap(victim)
            assert victim.returncode == -9, f"{moment}: the backup ended before the kill"

        new_finals = set(list_backups(out)) - finals_before
        if moment == "final name appears":
            assert new_finals, moment
        else:
            # Killed before the rename: there is no file under a backup's name ...
            assert not new_finals, f"{moment}: {new_finals}"
            # ... only this run's hidden partial file, which the next backup clears away.
            assert set(_partials(out)) - partials_before, moment
        # Whatever carries a backup's name verifies in full.
        for path in list_backups(out):
            verify_backup(path, passphrase=PASSPHRASE)
        with Vault.open(folder, passphrase=PASSPHRASE) as vault:
            assert vault.check() == [], moment
        assert h.find_plaintext([out, temp], list(MARKERS.values())) == [], moment

    # The next backup succeeds and clears away the partial file the last kill left.
    assert _partials(out)
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        info = make_backup(vault, out)
    assert _partials(out) == []
    assert info.path in list_backups(out)
    verify_backup(info.path, passphrase=PASSPHRASE)
    assert info.record_counts["conversations"] == 2000
