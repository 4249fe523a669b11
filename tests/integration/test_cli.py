"""The `vpnotebook` command as a VP's script or a support person would use it.

Every test runs the real program in a subprocess (`python -m vpnotebook`), with no terminal on
stdin and secrets from files or the environment, against real SQLCipher vaults in tmp_path.
Each checks the exit code, the exact Dutch (or English) wording the product defines, and that
no traceback is ever printed (`run_cli` asserts that on every call).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.cli import build_parser
from vpnotebook.vault import recovery
from vpnotebook.vault.errors import (
    InvalidRecoveryCodeError,
    KeySlotsDamagedError,
    VaultDamagedError,
    VaultExistsError,
    VaultInUseError,
    VaultNotFoundError,
    VaultTooNewError,
    WrongSecretError,
)
from vpnotebook.vault.keyslots import document_digest

# -- init ------------------------------------------------------------------------------------


def test_init_creates_a_vault_and_shows_a_recovery_code(
    h: ModuleType, tmp_path: Path, passphrase_file: Path
) -> None:
    folder = tmp_path / "kluis"
    result = h.run_cli(
        "init", "--vault", folder, "--passphrase-file", passphrase_file, *h.CHEAP_KDF
    )

    h.expect(result, 0)
    assert h.cli_text("created").search(result.stdout), str(result)
    assert h.cli_text("recovery_code_intro").search(result.stdout), str(result)
    code = h.recovery_code_in(result.stdout)
    assert recovery.looks_like_recovery_code(code)
    # The explicit cheap parameters are below the floor: the CLI says so, in Dutch.
    h.expect(result, 0, h.cli_text("weak_kdf"))
    h.expect(h.check(folder, passphrase_file), 0)


def test_init_takes_the_passphrase_from_the_environment(h: ModuleType, tmp_path: Path) -> None:
    folder = tmp_path / "kluis"
    env = h.cli_env(passphrase=h.PASSPHRASE)
    h.expect(h.run_cli("init", "--vault", folder, *h.CHEAP_KDF, env=env), 0)
    h.expect(h.run_cli("check", "--vault", folder, env=env), 0, None)


def test_init_into_an_existing_vault_refuses_and_leaves_it_untouched(
    h: ModuleType, cli_vault: Any, other_passphrase_file: Path
) -> None:
    before = h.snapshot(cli_vault.folder)

    result = h.run_cli(
        "init",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        other_passphrase_file,
        *h.CHEAP_KDF,
    )

    h.expect(result, 1, VaultExistsError.message_nl)
    assert "al een kluis" in result.stderr
    assert h.snapshot(cli_vault.folder) == before
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)


@pytest.mark.parametrize("source", ["file", "environment"])
def test_init_refuses_a_passphrase_shorter_than_eight(
    h: ModuleType, tmp_path: Path, source: str
) -> None:
    folder = tmp_path / "kluis"
    short = "kort123"  # seven characters
    if source == "file":
        secret = h.write_secret(tmp_path / "kort.txt", short)
        result = h.run_cli("init", "--vault", folder, "--passphrase-file", secret, *h.CHEAP_KDF)
    else:
        env = h.cli_env(passphrase=short)
        result = h.run_cli("init", "--vault", folder, *h.CHEAP_KDF, env=env)

    h.expect(result, 2, h.refusal(short))
    assert not (folder / "keyslots.json").exists()
    assert not (folder / "vault.db").exists()


def test_init_without_any_passphrase_source_and_no_terminal_says_how(
    h: ModuleType, tmp_path: Path
) -> None:
    folder = tmp_path / "kluis"
    result = h.run_cli("init", "--vault", folder, *h.CHEAP_KDF)

    h.expect(result, 2, h.cli_text("no_terminal"))
    assert "--passphrase-file" in result.stderr
    assert not (folder / "keyslots.json").exists()


def test_a_passphrase_file_that_does_not_exist_is_a_usage_error(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    result = h.check(cli_vault.folder, tmp_path / "bestaat-niet.txt")
    h.expect(result, 2, h.cli_text("secret_file_unreadable"))


def _too_open(folder: Path) -> dict[str, str]:
    return {
        path.name: oct(stat.S_IMODE(path.stat().st_mode))
        for path in folder.rglob("*")
        if path.is_file() and stat.S_IMODE(path.stat().st_mode) & 0o077
    }


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("existing", [False, True], ids=["new folder", "existing folder 0755"])
def test_every_file_of_a_vault_is_private(
    h: ModuleType, tmp_path: Path, passphrase_file: Path, existing: bool
) -> None:
    """Vault files are mode 0600 whatever the umask (engineering guide, as KeePassXC does)."""
    folder = tmp_path / "kluis"
    if existing:  # a folder the VP made in a file manager
        folder.mkdir(mode=0o755)
        folder.chmod(0o755)
    result = h.run_cli(
        "init", "--vault", folder, "--passphrase-file", passphrase_file, *h.CHEAP_KDF, umask=0o022
    )
    h.expect(result, 0)
    if not existing:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert _too_open(folder) == {}, "readable by group or others"

    # While open, with the write-ahead log and shared-memory index beside the database.
    script = h.write_script(tmp_path, "houd_open.py", h.HOLDER_SCRIPT)
    command = h.python_command(script, folder, passphrase_file)
    with h.child(command, stdin=subprocess.PIPE, umask=0o022) as holder:
        lines = h.LineReader(holder.stdout)
        assert lines.wait_for(1) == ["open"]
        assert (folder / "vault.db-wal").exists()
        assert _too_open(folder) == {}, "readable by group or others while open"
        holder.stdin.close()
        assert holder.wait(h.TIMEOUT) == 0
        lines.drain()


# -- check -----------------------------------------------------------------------------------


def test_check_passes_on_a_fresh_vault(h: ModuleType, cli_vault: Any) -> None:
    result = h.check(cli_vault.folder, cli_vault.passphrase_file)
    h.expect(result, 0)
    assert h.cli_text("check_ok").search(result.stdout), str(result)


def test_check_with_a_wrong_passphrase_exits_3(
    h: ModuleType, cli_vault: Any, other_passphrase_file: Path
) -> None:
    before = h.snapshot(cli_vault.folder)
    result = h.check(cli_vault.folder, other_passphrase_file)
    h.expect(result, 3, WrongSecretError.message_nl)
    assert h.snapshot(cli_vault.folder) == before


def test_a_wrong_passphrase_is_told_in_english_when_asked(
    h: ModuleType, cli_vault: Any, other_passphrase_file: Path
) -> None:
    result = h.check(cli_vault.folder, other_passphrase_file, language="en")
    h.expect(result, 3, WrongSecretError.message_en)
    assert WrongSecretError.message_nl not in result.stderr


def _truncate_to_zero(path: Path) -> None:
    path.write_bytes(b"")


def _truncate_to_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def _truncate_inside_first_page(path: Path) -> None:
    os.truncate(path, 1000)


def _overwrite_middle(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 + 100)
        handle.write(b"\x00" * 64)


def _overwrite_first_page(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.seek(200)
        handle.write(bytes(range(64)))


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


DAMAGES = {
    "truncated to zero": _truncate_to_zero,
    "truncated to half": _truncate_to_half,
    "truncated inside page 1": _truncate_inside_first_page,
    "bytes overwritten in the middle": _overwrite_middle,
    "bytes overwritten in page 1": _overwrite_first_page,
    "replaced by random bytes": _random_bytes,
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_check_reports_a_damaged_database_and_changes_nothing(
    h: ModuleType, cli_vault: Any, damage: object
) -> None:
    damage(cli_vault.folder / "vault.db")  # type: ignore[operator]
    before = h.snapshot(cli_vault.folder)

    result = h.check(cli_vault.folder, cli_vault.passphrase_file)

    # Damage found when opening gives the damaged message; damage that only the full check
    # finds gives the check's own report. Both say nothing was changed, and both exit 4.
    assert result.code == 4, str(result)
    assert VaultDamagedError.message_nl in result.stderr or h.cli_text("check_failed").search(
        result.stderr
    ), str(result)
    assert WrongSecretError.message_nl not in result.stderr
    after = h.snapshot(cli_vault.folder)
    assert after.keys() == before.keys(), "files appeared or disappeared"
    assert after == before, "a damaged vault was written to"


@pytest.mark.parametrize(
    "content",
    [b"garbage{", b"", b"\xff\xfe\x00not utf-8", b'{"format": "vpnotebook-keyslots"}'],
    ids=["not json", "empty", "not utf-8", "no slots"],
)
def test_check_reports_a_damaged_key_slot_file(
    h: ModuleType, cli_vault: Any, content: bytes
) -> None:
    (cli_vault.folder / "keyslots.json").write_bytes(content)
    result = h.check(cli_vault.folder, cli_vault.passphrase_file)
    h.expect(result, 4, KeySlotsDamagedError.message_nl)


def test_check_of_a_missing_vault_says_there_is_none(
    h: ModuleType, tmp_path: Path, passphrase_file: Path
) -> None:
    folder = tmp_path / "leeg"
    folder.mkdir()
    result = h.check(folder, passphrase_file)
    h.expect(result, 1, VaultNotFoundError.message_nl)
    assert "geen kluis" in result.stderr
    assert list(folder.iterdir()) == []


def test_a_vault_from_a_newer_version_is_left_alone(h: ModuleType, cli_vault: Any) -> None:
    slots = cli_vault.folder / "keyslots.json"
    document = json.loads(slots.read_text(encoding="utf-8"))
    document["version"] = 99
    # A newer version writes its own digest (the digest rule stays: docs/formats/keyslots.md).
    document["digest"] = document_digest(document)
    slots.write_text(json.dumps(document), encoding="utf-8")
    before = h.snapshot(cli_vault.folder)

    result = h.check(cli_vault.folder, cli_vault.passphrase_file)

    h.expect(result, 1, VaultTooNewError.message_nl)
    assert "nieuwere versie" in result.stderr
    assert h.snapshot(cli_vault.folder) == before


# -- passwd, recover, new-recovery-code ------------------------------------------------------


def _recover(h: ModuleType, folder: Path, code_file: Path, new_passphrase_file: Path) -> object:
    return h.run_cli(
        "recover",
        "--vault",
        folder,
        "--recovery-code-file",
        code_file,
        "--new-passphrase-file",
        new_passphrase_file,
    )


def test_passwd_replaces_the_passphrase_and_keeps_the_recovery_code(
    h: ModuleType, cli_vault: Any, other_passphrase_file: Path, tmp_path: Path
) -> None:
    result = h.run_cli(
        "passwd",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--new-passphrase-file",
        other_passphrase_file,
    )
    h.expect(result, 0)
    assert h.cli_text("passphrase_changed").search(result.stdout), str(result)

    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 3, WrongSecretError.message_nl)
    h.expect(h.check(cli_vault.folder, other_passphrase_file), 0)

    code_file = h.write_secret(tmp_path / "herstelcode.txt", cli_vault.recovery_code)
    third = h.write_secret(tmp_path / "derde.txt", "nog een derde wachtwoord")
    recovered = _recover(h, cli_vault.folder, code_file, third)
    h.expect(recovered, 0)
    assert h.cli_text("recovered").search(recovered.stdout), str(recovered)
    h.expect(h.check(cli_vault.folder, third), 0)


def test_passwd_with_the_wrong_old_passphrase_changes_nothing(
    h: ModuleType, cli_vault: Any, other_passphrase_file: Path, tmp_path: Path
) -> None:
    before = h.snapshot(cli_vault.folder)
    new = h.write_secret(tmp_path / "nieuw.txt", "een gloednieuw wachtwoord")
    result = h.run_cli(
        "passwd",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        other_passphrase_file,
        "--new-passphrase-file",
        new,
    )
    h.expect(result, 3, WrongSecretError.message_nl)
    assert h.snapshot(cli_vault.folder) == before


def test_passwd_refuses_a_short_new_passphrase(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    short = h.write_secret(tmp_path / "kort.txt", "kort")
    result = h.run_cli(
        "passwd",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--new-passphrase-file",
        short,
    )
    h.expect(result, 2, h.refusal("kort"))
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)


def test_recover_with_a_wrong_but_well_formed_code_exits_3(
    h: ModuleType, cli_vault: Any, tmp_path: Path, other_passphrase_file: Path
) -> None:
    wrong = recovery.generate()
    assert wrong != cli_vault.recovery_code
    code_file = h.write_secret(tmp_path / "herstelcode.txt", wrong)
    before = h.snapshot(cli_vault.folder)

    result = _recover(h, cli_vault.folder, code_file, other_passphrase_file)

    h.expect(result, 3, WrongSecretError.message_nl)
    assert InvalidRecoveryCodeError.message_nl not in result.stderr
    assert h.snapshot(cli_vault.folder) == before


def _mistype(code: str) -> str:
    """Change one character so that the check characters no longer match."""
    for position, char in enumerate(code):
        if char == "-":
            continue
        for replacement in recovery.ALPHABET:
            if replacement == char:
                continue
            typo = code[:position] + replacement + code[position + 1 :]
            if not recovery.looks_like_recovery_code(typo):
                return typo
    raise AssertionError("no single-character typo is caught")  # pragma: no cover


def test_recover_with_a_mistyped_code_says_it_was_not_copied_right(
    h: ModuleType, cli_vault: Any, tmp_path: Path, other_passphrase_file: Path
) -> None:
    code_file = h.write_secret(tmp_path / "herstelcode.txt", _mistype(cli_vault.recovery_code))

    result = _recover(h, cli_vault.folder, code_file, other_passphrase_file)

    h.expect(result, 3, InvalidRecoveryCodeError.message_nl)
    assert "niet goed overgenomen" in result.stderr
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)


def test_recover_accepts_a_code_typed_in_lower_case_with_spaces(
    h: ModuleType, cli_vault: Any, tmp_path: Path, other_passphrase_file: Path
) -> None:
    typed = cli_vault.recovery_code.lower().replace("-", " ")
    code_file = h.write_secret(tmp_path / "herstelcode.txt", typed)

    h.expect(_recover(h, cli_vault.folder, code_file, other_passphrase_file), 0)

    h.expect(h.check(cli_vault.folder, other_passphrase_file), 0)
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 3, WrongSecretError.message_nl)


def test_new_recovery_code_replaces_the_old_one(
    h: ModuleType, cli_vault: Any, tmp_path: Path, other_passphrase_file: Path
) -> None:
    result = h.run_cli(
        "new-recovery-code",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
    )
    h.expect(result, 0)
    assert h.cli_text("new_recovery_code").search(result.stdout), str(result)
    new_code = h.recovery_code_in(result.stdout)
    assert new_code != cli_vault.recovery_code

    old_file = h.write_secret(tmp_path / "oude-code.txt", cli_vault.recovery_code)
    h.expect(_recover(h, cli_vault.folder, old_file, other_passphrase_file), 3)
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)

    new_file = h.write_secret(tmp_path / "nieuwe-code.txt", new_code)
    h.expect(_recover(h, cli_vault.folder, new_file, other_passphrase_file), 0)
    h.expect(h.check(cli_vault.folder, other_passphrase_file), 0)


# -- one process at a time -------------------------------------------------------------------


@pytest.mark.parametrize("ending", ["normal exit", "SIGKILL"])
def test_a_vault_open_elsewhere_is_refused_until_that_process_ends(
    h: ModuleType, cli_vault: Any, tmp_path: Path, ending: str
) -> None:
    script = h.write_script(tmp_path, "houd_open.py", h.HOLDER_SCRIPT)
    command = h.python_command(script, cli_vault.folder, cli_vault.passphrase_file)
    with h.child(command, stdin=subprocess.PIPE) as holder:
        lines = h.LineReader(holder.stdout)
        assert lines.wait_for(1) == ["open"]

        result = h.check(cli_vault.folder, cli_vault.passphrase_file)
        h.expect(result, 5, VaultInUseError.message_nl)
        assert "al geopend" in result.stderr

        if ending == "SIGKILL":
            h.kill_and_reap(holder)
            assert lines.drain() == ["open"]
        else:
            holder.stdin.close()
            assert holder.wait(h.TIMEOUT) == 0
            assert lines.drain() == ["open", "closed"]

    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)


# -- usage -----------------------------------------------------------------------------------


def _sub_commands() -> list[str]:
    parser = build_parser()
    (sub,) = (a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)  # type: ignore[arg-type]


def test_the_sub_commands_under_test_are_all_there() -> None:
    assert {
        "init",
        "passwd",
        "recover",
        "new-recovery-code",
        "rekey",
        "strengthen",
        "check",
    } <= set(_sub_commands())


@pytest.mark.parametrize(
    "command",
    [[], *([name] for name in _sub_commands())],
    ids=lambda words: " ".join(["vpnotebook", *words]),
)
def test_help_exits_0(h: ModuleType, command: list[str]) -> None:
    result = h.run_cli(*command, "--help")
    h.expect(result, 0)
    assert "usage: vpnotebook" in result.stdout
    assert result.stderr == ""


def test_an_unknown_sub_command_is_a_usage_error(h: ModuleType) -> None:
    result = h.run_cli("bestaatniet")
    h.expect(result, 2)
    assert "bestaatniet" in result.stderr


# -- no plaintext anywhere -------------------------------------------------------------------


def test_no_case_content_in_plaintext_in_the_vault_folder_or_temp_files(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    token = uuid.uuid4().hex
    markers = {
        "organisation": f"Organisatie-marker-{token}",
        "notes": f"Notities-marker-{token}",
        "case": f"Melding-marker-{token}",
        "wishes": f"Wens-marker-{token}",
        "reporter": f"Ëlise-marker-{token} de Vriës",
        "contact": f"elise-{token}@voorbeeld.nl",
        "story": f"Ëlise-marker-{token}: ‘mijn leidinggevende schreeuwt’ — café, één keer",
        "conversation_notes": f"Gespreksnotitie-marker-{token} ïöü",
    }
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    roots = [cli_vault.folder, private_tmp]
    searched = [*markers.values(), token]  # the token alone too: part of a field is a leak

    # The search itself must work, or a pass proves nothing.
    control = tmp_path / "controle"
    control.mkdir()
    (control / "utf8.txt").write_text(markers["story"], encoding="utf-8")
    (control / "utf16.txt").write_text(markers["reporter"], encoding="utf-16-le")
    assert len(h.find_plaintext([control], [markers["story"], markers["reporter"]])) >= 2

    script = h.write_script(tmp_path, "schrijf_markers.py", h.MARKER_WRITER_SCRIPT)
    command = h.python_command(
        script, cli_vault.folder, cli_vault.passphrase_file, json.dumps(markers)
    )
    env = h.cli_env(tmpdir=private_tmp)
    with h.child(command, env=env, stdin=subprocess.PIPE) as writer:
        lines = h.LineReader(writer.stdout)
        assert lines.wait_for(1) == ["stored"]
        # While open: the write-ahead log holds the new pages.
        assert h.find_plaintext(roots, searched) == []
        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.wait(h.TIMEOUT) == 0
        assert lines.drain() == ["stored", "closed"]

    assert h.find_plaintext(roots, searched) == []
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file, tmpdir=private_tmp), 0)
    assert h.find_plaintext(roots, searched) == []
