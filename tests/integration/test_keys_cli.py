"""The key's whole life through the real command line (issue 11, issue 17 items 2 and 4 and
the KDF bounds, issue 15's "slot kind in the associated data").

Each fault is injected as a user or an attacker would: a weak passphrase typed, stdout full
or closed while a new code is shown, a flipped bit in keyslots.json, a slot edited down to
8 KiB or up past the bounds, an old key-slot file put back after a re-key.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.cli.messages import MESSAGES
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Organisation
from vpnotebook.vault import recovery
from vpnotebook.vault.errors import (
    KeySlotsDamagedError,
    VaultDamagedError,
    WrongSecretError,
)
from vpnotebook.vault.kdf import FLOOR_ITERATIONS, FLOOR_MEMORY_KIB, Argon2Params, KdfPolicy
from vpnotebook.vault.keyslots import document_digest
from vpnotebook.vault.paths import is_vault
from vpnotebook.vault.vault import Vault

PASSPHRASE = "correct paard batterij niet"  # helpers.PASSPHRASE
NEW_PASSPHRASE = "zeven eenden zwemmen traag door de gracht"
WEAK = [
    "aaaaaaaa",
    "12345678",
    " " * 8,
    "Maandag1",
    "Zomer2025",
    "Wachtwoord2024",
    "vpnotebook2026",
]
CHEAP = KdfPolicy.explicit(Argon2Params(1024, 1, 2))


def _slots(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "keyslots.json").read_text(encoding="utf-8"))


def _write_as_an_editor_would(folder: Path, document: dict[str, Any]) -> None:
    document["digest"] = document_digest(document)
    (folder / "keyslots.json").write_text(json.dumps(document, indent=2), encoding="utf-8")


def _params(document: dict[str, Any], kind: str) -> Argon2Params:
    slot = next(s for s in document["slots"] if s["kind"] == kind)
    kdf = slot["kdf"]
    return Argon2Params(kdf["memory_kib"], kdf["iterations"], kdf["parallelism"])


def _code_file(h: ModuleType, tmp_path: Path, code: str, name: str = "code.txt") -> Path:
    return h.write_secret(tmp_path / name, code)


def _opens_with_code(folder: Path, code: str) -> bool:
    try:
        Vault.open(folder, recovery_code=code, policy=CHEAP).close()
    except WrongSecretError:
        return False
    return True


# -- one passphrase policy ---------------------------------------------------------------------


@pytest.mark.parametrize("weak", WEAK)
def test_init_refuses_an_easy_passphrase_with_exit_2_and_the_dutch_reason(
    h: ModuleType, tmp_path: Path, weak: str
) -> None:
    folder = tmp_path / "kluis"
    secret = h.write_secret(tmp_path / "zwak.txt", weak)
    result = h.run_cli("init", "--vault", folder, "--passphrase-file", secret, *h.CHEAP_KDF)
    h.expect(result, 2, h.refusal(weak))
    assert "Dit wachtwoord is te makkelijk te raden" in result.stderr
    assert not folder.exists() or not is_vault(folder)
    assert h.RECOVERY_CODE.search(result.stdout) is None  # no code shown for nothing


def test_the_reason_comes_in_english_when_asked(h: ModuleType, tmp_path: Path) -> None:
    secret = h.write_secret(tmp_path / "zwak.txt", "Zomer2025")
    env = h.cli_env(language="en")
    result = h.run_cli(
        "init", "--vault", tmp_path / "k", "--passphrase-file", secret, *h.CHEAP_KDF, env=env
    )
    h.expect(result, 2, h.refusal("Zomer2025", "en"))
    assert "This passphrase is too easy to guess" in result.stderr


def test_a_seven_word_sentence_is_accepted_by_init(h: ModuleType, tmp_path: Path) -> None:
    secret = h.write_secret(tmp_path / "zin.txt", NEW_PASSPHRASE)
    h.expect(
        h.run_cli("init", "--vault", tmp_path / "k", "--passphrase-file", secret, *h.CHEAP_KDF), 0
    )


@pytest.mark.parametrize("weak", ["Zomer2025", " " * 8, "vpnotebook2026"])
def test_passwd_and_recover_refuse_an_easy_passphrase_and_change_nothing(
    h: ModuleType, cli_vault: Any, tmp_path: Path, weak: str
) -> None:
    new = h.write_secret(tmp_path / "zwak.txt", weak)
    code = _code_file(h, tmp_path, cli_vault.recovery_code)
    before = h.snapshot(cli_vault.folder)
    for command in (
        ["passwd", "--passphrase-file", cli_vault.passphrase_file],
        ["recover", "--recovery-code-file", code],
    ):
        result = h.run_cli(
            *command, "--vault", cli_vault.folder, "--new-passphrase-file", new, *h.CHEAP_KDF
        )
        h.expect(result, 2, h.refusal(weak))
    assert h.snapshot(cli_vault.folder) == before


def test_passwd_refuses_the_vps_own_name_and_organisation(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    with Vault.open(cli_vault.folder, passphrase=PASSPHRASE, policy=CHEAP) as vault:
        journal = Journal(vault.db)
        journal.set_setting("vp_name", "Marieke de Vries")
        journal.add(Organisation(name="Gemeente Wadwijk"))
    for weak in ("Wadwijk2026!", "MariekeDeVries1"):
        new = h.write_secret(tmp_path / "zwak.txt", weak)
        result = h.run_cli(
            "passwd",
            "--vault",
            cli_vault.folder,
            "--passphrase-file",
            cli_vault.passphrase_file,
            "--new-passphrase-file",
            new,
            *h.CHEAP_KDF,
        )
        personal = ["Marieke de Vries", "Gemeente Wadwijk"]
        h.expect(result, 2, h.refusal(weak, personal=personal))
        assert "uw eigen naam of die van een organisatie" in result.stderr


# -- a secret is shown before it is stored ------------------------------------------------------


def _run_with_stdout(
    h: ModuleType, args: list[object], stdout: int
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        h.python_command("-m", "vpnotebook", *args),
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=h.cli_env(),
        timeout=h.TIMEOUT,
    )


def _closed_pipe() -> tuple[int, int]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: every write gets EPIPE
    return read_end, write_end


@pytest.mark.parametrize("output", ["/dev/full", "closed pipe"])
def test_a_new_recovery_code_that_cannot_be_shown_changes_nothing(
    h: ModuleType, cli_vault: Any, tmp_path: Path, output: str
) -> None:
    before = h.snapshot(cli_vault.folder)
    args = [
        "new-recovery-code",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        *h.CHEAP_KDF,
    ]
    if output == "/dev/full":
        with open("/dev/full", "w") as full:
            result = _run_with_stdout(h, args, full.fileno())
    else:
        _, write_end = _closed_pipe()
        try:
            result = _run_with_stdout(h, args, write_end)
        finally:
            os.close(write_end)
    assert result.returncode == 1, result.stderr
    assert MESSAGES["code_not_shown"][0] in result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert h.snapshot(cli_vault.folder) == before
    assert _opens_with_code(cli_vault.folder, cli_vault.recovery_code)


@pytest.mark.parametrize("output", ["/dev/full", "closed pipe"])
def test_init_whose_code_cannot_be_shown_makes_no_vault_and_a_second_init_works(
    h: ModuleType, tmp_path: Path, passphrase_file: Path, output: str
) -> None:
    folder = tmp_path / "kluis"
    args = ["init", "--vault", folder, "--passphrase-file", passphrase_file, *h.CHEAP_KDF]
    if output == "/dev/full":
        with open("/dev/full", "w") as full:
            result = _run_with_stdout(h, args, full.fileno())
    else:
        _, write_end = _closed_pipe()
        try:
            result = _run_with_stdout(h, args, write_end)
        finally:
            os.close(write_end)
    assert result.returncode == 1, result.stderr
    assert MESSAGES["init_code_not_shown"][0] in result.stderr
    assert not is_vault(folder)
    again = h.run_cli("init", "--vault", folder, "--passphrase-file", passphrase_file, *h.CHEAP_KDF)
    h.expect(again, 0)
    assert _opens_with_code(folder, h.recovery_code_in(again.stdout))


def test_rekey_with_a_new_code_that_cannot_be_shown_changes_nothing(
    h: ModuleType, cli_vault: Any
) -> None:
    before = h.snapshot(cli_vault.folder)
    args = [
        "rekey",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--new-recovery-code",
        *h.CHEAP_KDF,
    ]
    with open("/dev/full", "w") as full:
        result = _run_with_stdout(h, args, full.fileno())
    assert result.returncode == 1, result.stderr
    assert MESSAGES["rekey_code_not_shown"][0] in result.stderr
    assert h.snapshot(cli_vault.folder) == before


def test_the_new_code_is_printed_before_the_old_one_stops_working(
    h: ModuleType, cli_vault: Any
) -> None:
    result = h.run_cli(
        "new-recovery-code",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        *h.CHEAP_KDF,
    )
    h.expect(result, 0)
    shown = h.recovery_code_in(result.stdout)
    made = result.stdout.index(MESSAGES["new_recovery_code_made"][0])
    stored = result.stdout.index(MESSAGES["new_recovery_code"][0])
    assert made < result.stdout.index(shown) < stored
    assert _opens_with_code(cli_vault.folder, shown)
    assert not _opens_with_code(cli_vault.folder, cli_vault.recovery_code)


# -- damage in keyslots.json is damage --------------------------------------------------------


def _flip_inside_base64(text: str, index: int) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


FLIPS = {
    "salt": lambda slot: slot["kdf"].update(salt=_flip_inside_base64(slot["kdf"]["salt"], 3)),
    "nonce": lambda slot: slot.update(nonce=_flip_inside_base64(slot["nonce"], 5)),
    "sealed key": lambda slot: slot.update(sealed_key=_flip_inside_base64(slot["sealed_key"], 7)),
    "tag": lambda slot: slot.update(sealed_key=_flip_inside_base64(slot["sealed_key"], 40)),
    "passes": lambda slot: slot["kdf"].update(iterations=slot["kdf"]["iterations"] + 1),
}


@pytest.mark.parametrize("where", FLIPS.values(), ids=FLIPS.keys())
def test_a_flipped_bit_in_keyslots_json_is_damage_not_a_wrong_passphrase(
    h: ModuleType, cli_vault: Any, where: Any
) -> None:
    path = cli_vault.folder / "keyslots.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    where(document["slots"][0])  # the digest is left as it was: accidental damage
    path.write_text(json.dumps(document, indent=2, sort_keys=True), encoding="utf-8")
    before = h.snapshot(cli_vault.folder)

    result = h.check(cli_vault.folder, cli_vault.passphrase_file)

    h.expect(result, 4, KeySlotsDamagedError.message_nl)
    assert WrongSecretError.message_nl not in result.stderr
    assert h.snapshot(cli_vault.folder) == before


def test_a_single_flipped_bit_anywhere_in_the_file_gives_exit_4(
    h: ModuleType, cli_vault: Any
) -> None:
    path = cli_vault.folder / "keyslots.json"
    raw = path.read_bytes()
    for position in range(0, len(raw), max(len(raw) // 6, 1)):  # six spread positions
        flipped = bytearray(raw)
        flipped[position] ^= 0x04
        path.write_bytes(bytes(flipped))
        h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 4)
    path.write_bytes(raw)
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)


def test_a_version_1_key_slot_file_still_opens_and_is_upgraded_on_the_next_write(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    document = _slots(cli_vault.folder)
    del document["digest"]
    document["version"] = 1
    (cli_vault.folder / "keyslots.json").write_text(json.dumps(document), encoding="utf-8")
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)
    assert _slots(cli_vault.folder)["version"] == 1  # reading writes nothing
    new = h.write_secret(tmp_path / "nieuw.txt", NEW_PASSPHRASE)
    result = h.run_cli(
        "passwd",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--new-passphrase-file",
        new,
        *h.CHEAP_KDF,
    )
    h.expect(result, 0)
    upgraded = _slots(cli_vault.folder)
    assert upgraded["version"] == 2 and upgraded["digest"] == document_digest(upgraded)
    assert _opens_with_code(cli_vault.folder, cli_vault.recovery_code)


# -- the slot kind is bound to the slot (issue 15) ---------------------------------------------


def test_a_recovery_slot_relabelled_as_the_passphrase_slot_does_not_open(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    """An editor puts the recovery slot in the passphrase slot's place and types the code as
    the passphrase: the bytes fed to Argon2id are the same, only the kind differs."""
    document = _slots(cli_vault.folder)
    recovery_slot = next(s for s in document["slots"] if s["kind"] == "recovery")
    document["slots"] = [dict(recovery_slot, kind="passphrase")]
    _write_as_an_editor_would(cli_vault.folder, document)
    code_as_passphrase = h.write_secret(
        tmp_path / "code-als-wachtwoord.txt", cli_vault.recovery_code
    )

    result = h.check(cli_vault.folder, code_as_passphrase)

    h.expect(result, 3, WrongSecretError.message_nl)


# -- bounds on the key derivation ----------------------------------------------------------------


def test_slot_parameters_at_the_old_documented_maximum_are_damage_at_once(
    h: ModuleType, cli_vault: Any
) -> None:
    """4 GiB and 1000 passes were "allowed" before: `check` then ran for hours."""
    document = _slots(cli_vault.folder)
    document["slots"][0]["kdf"].update(memory_kib=4 * 1024 * 1024, iterations=1000)
    _write_as_an_editor_would(cli_vault.folder, document)
    result = h.check(cli_vault.folder, cli_vault.passphrase_file)  # within h.TIMEOUT (30 s)
    h.expect(result, 4, KeySlotsDamagedError.message_nl)


@pytest.mark.slow
def test_slot_parameters_at_the_new_bounds_finish_in_seconds(h: ModuleType, cli_vault: Any) -> None:
    document = _slots(cli_vault.folder)
    document["slots"][0]["kdf"].update(memory_kib=1024 * 1024, iterations=4, parallelism=1)
    _write_as_an_editor_would(cli_vault.folder, document)
    # The derivation runs (1 GiB, 4 passes: a few seconds here) and, the parameters being
    # changed, the key it gives does not open the slot.
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 3, WrongSecretError.message_nl)


# -- no downgrade, the floor, and the VP told -------------------------------------------------


@pytest.mark.slow
def test_recover_never_takes_the_parameters_of_a_slot_edited_down_to_8_kib(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    document = _slots(cli_vault.folder)
    document["slots"][0]["kdf"].update(memory_kib=8, iterations=1, parallelism=1)
    _write_as_an_editor_would(cli_vault.folder, document)
    # The right passphrase now fails: the VP turns to the recovery code.
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 3)
    new = h.write_secret(tmp_path / "nieuw.txt", NEW_PASSPHRASE)
    code = _code_file(h, tmp_path, cli_vault.recovery_code)
    result = h.run_cli(
        "recover",
        "--vault",
        cli_vault.folder,
        "--recovery-code-file",
        code,
        "--new-passphrase-file",
        new,
    )  # no test options: the product's own choice
    h.expect(result, 0)
    sealed = _params(_slots(cli_vault.folder), "passphrase")
    assert sealed.memory_kib >= FLOOR_MEMORY_KIB and sealed.iterations >= FLOOR_ITERATIONS, sealed
    assert sealed != Argon2Params(8, 1, 1)
    h.expect(h.check(cli_vault.folder, new), 0)


def test_a_slot_below_the_floor_is_reported_on_unlock(h: ModuleType, cli_vault: Any) -> None:
    result = h.check(cli_vault.folder, cli_vault.passphrase_file)
    h.expect(result, 0)
    assert h.cli_text("weak_slot_passphrase").search(result.stderr), str(result)
    assert h.cli_text("weak_slot_recovery").search(result.stderr), str(result)
    assert "vpnotebook strengthen" in result.stderr


@pytest.mark.slow
def test_strengthen_raises_both_slots_to_the_floor_and_the_report_stops(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    code = _code_file(h, tmp_path, cli_vault.recovery_code)
    result = h.run_cli(
        "strengthen",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--recovery-code-file",
        code,
    )
    h.expect(result, 0)
    document = _slots(cli_vault.folder)
    for kind in ("passphrase", "recovery"):
        params = _params(document, kind)
        assert params.memory_kib >= FLOOR_MEMORY_KIB and params.iterations >= FLOOR_ITERATIONS
    after = h.check(cli_vault.folder, cli_vault.passphrase_file)
    h.expect(after, 0)
    assert "vpnotebook strengthen" not in after.stderr
    assert _opens_with_code(cli_vault.folder, cli_vault.recovery_code)


def test_strengthen_with_a_mistyped_code_changes_nothing(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    before = h.snapshot(cli_vault.folder)
    code = _code_file(h, tmp_path, recovery.generate())
    result = h.run_cli(
        "strengthen",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--recovery-code-file",
        code,
        *h.CHEAP_KDF,
    )
    h.expect(result, 3, WrongSecretError.message_nl)
    assert h.snapshot(cli_vault.folder) == before


@pytest.mark.slow
def test_a_real_init_here_stores_at_least_256_mib_in_both_slots(
    h: ModuleType, tmp_path: Path, passphrase_file: Path
) -> None:
    folder = tmp_path / "echt"
    result = h.run_cli("init", "--vault", folder, "--passphrase-file", passphrase_file)
    h.expect(result, 0)
    document = _slots(folder)
    passphrase, recovery_params = _params(document, "passphrase"), _params(document, "recovery")
    assert passphrase == recovery_params
    assert passphrase.memory_kib >= 256 * 1024 and passphrase.iterations >= FLOOR_ITERATIONS
    assert h.cli_text("kdf_chosen").search(result.stdout)
    check = h.check(folder, passphrase_file)
    h.expect(check, 0)
    assert "strengthen" not in check.stderr


# -- rekey ----------------------------------------------------------------------------------------


def _rekey(h: ModuleType, vault: Any, passphrase_file: Path, *code_args: object) -> Any:
    return h.run_cli(
        "rekey",
        "--vault",
        vault.folder,
        "--passphrase-file",
        passphrase_file,
        *code_args,
        *h.CHEAP_KDF,
    )


def test_after_passwd_and_rekey_the_old_key_slot_file_and_passphrase_open_nothing(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    old_file = (cli_vault.folder / "keyslots.json").read_bytes()  # IT's copy of the home folder
    new = h.write_secret(tmp_path / "nieuw.txt", NEW_PASSPHRASE)
    passwd = h.run_cli(
        "passwd",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        "--new-passphrase-file",
        new,
        *h.CHEAP_KDF,
    )
    h.expect(passwd, 0)
    assert h.cli_text("rekey_offer").search(passwd.stdout)
    # Before the re-key the old file and the old passphrase still open the vault: the flaw.
    current = (cli_vault.folder / "keyslots.json").read_bytes()
    (cli_vault.folder / "keyslots.json").write_bytes(old_file)
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)
    (cli_vault.folder / "keyslots.json").write_bytes(current)

    code = _code_file(h, tmp_path, cli_vault.recovery_code)
    result = _rekey(h, cli_vault, new, "--recovery-code-file", code)
    h.expect(result, 0)
    assert h.cli_text("rekey_done").search(result.stdout)

    (cli_vault.folder / "keyslots.json").write_bytes(old_file)
    old = h.check(cli_vault.folder, cli_vault.passphrase_file)
    assert old.code in (3, 4), str(old)
    h.expect(old, 4, VaultDamagedError.message_nl)
    recovered = h.run_cli(
        "recover",
        "--vault",
        cli_vault.folder,
        "--recovery-code-file",
        code,
        "--new-passphrase-file",
        new,
        *h.CHEAP_KDF,
    )
    assert recovered.code in (3, 4), str(recovered)


def test_after_a_new_code_and_rekey_the_old_file_and_old_code_open_nothing(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    old_file = (cli_vault.folder / "keyslots.json").read_bytes()
    made = h.run_cli(
        "new-recovery-code",
        "--vault",
        cli_vault.folder,
        "--passphrase-file",
        cli_vault.passphrase_file,
        *h.CHEAP_KDF,
    )
    h.expect(made, 0)
    assert h.cli_text("rekey_offer").search(made.stdout)
    new_code = _code_file(h, tmp_path, h.recovery_code_in(made.stdout), "nieuw.txt")
    h.expect(_rekey(h, cli_vault, cli_vault.passphrase_file, "--recovery-code-file", new_code), 0)

    (cli_vault.folder / "keyslots.json").write_bytes(old_file)
    old_code = _code_file(h, tmp_path, cli_vault.recovery_code, "oud.txt")
    new = h.write_secret(tmp_path / "wachtwoord.txt", NEW_PASSPHRASE)
    before = h.snapshot(cli_vault.folder)
    recovered = h.run_cli(
        "recover",
        "--vault",
        cli_vault.folder,
        "--recovery-code-file",
        old_code,
        "--new-passphrase-file",
        new,
        *h.CHEAP_KDF,
    )
    h.expect(recovered, 4, VaultDamagedError.message_nl)
    assert h.snapshot(cli_vault.folder) == before


def test_backups_before_a_rekey_open_with_the_old_secrets_and_after_only_with_the_new(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    old_backup = stick / "voor.vpbackup"
    new_backup = stick / "na.vpbackup"
    backup = ["backup", "--vault", cli_vault.folder, "--passphrase-file"]
    h.expect(h.run_cli(*backup, cli_vault.passphrase_file, "--out", old_backup), 0)

    result = _rekey(h, cli_vault, cli_vault.passphrase_file, "--new-recovery-code")
    h.expect(result, 0)
    new_code = _code_file(h, tmp_path, h.recovery_code_in(result.stdout), "nieuw.txt")
    old_code = _code_file(h, tmp_path, cli_vault.recovery_code, "oud.txt")
    h.expect(h.run_cli(*backup, cli_vault.passphrase_file, "--out", new_backup), 0)

    verify = ["verify-backup"]
    h.expect(h.run_cli(*verify, old_backup, "--passphrase-file", cli_vault.passphrase_file), 0)
    h.expect(h.run_cli(*verify, old_backup, "--recovery-code-file", old_code), 0)
    h.expect(h.run_cli(*verify, new_backup, "--recovery-code-file", new_code), 0)
    h.expect(h.run_cli(*verify, new_backup, "--recovery-code-file", old_code), 3)
    # The new backup carries the new slots: its header is today's keyslots.json.
    from vpnotebook.vault.backup import read_header

    _, carried = read_header(new_backup)
    assert carried.to_bytes() == (cli_vault.folder / "keyslots.json").read_bytes()


def test_rekey_needs_a_choice_for_the_recovery_code_and_checks_it(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    before = h.snapshot(cli_vault.folder)
    h.expect(_rekey(h, cli_vault, cli_vault.passphrase_file), 2, h.cli_text("rekey_code_choice"))
    wrong = _code_file(h, tmp_path, recovery.generate())
    h.expect(
        _rekey(h, cli_vault, cli_vault.passphrase_file, "--recovery-code-file", wrong),
        3,
        WrongSecretError.message_nl,
    )
    assert h.snapshot(cli_vault.folder) == before


def test_rekey_keeps_every_record_and_the_vault_passes_its_check(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    from vpnotebook.core.demo import fill_demo
    from vpnotebook.vault.rekey import row_counts

    with Vault.open(cli_vault.folder, passphrase=PASSPHRASE, policy=CHEAP) as vault:
        fill_demo(Journal(vault.db), cases=30, seed=2)
        counts = row_counts(vault.db)
    code = _code_file(h, tmp_path, cli_vault.recovery_code)
    h.expect(_rekey(h, cli_vault, cli_vault.passphrase_file, "--recovery-code-file", code), 0)
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)
    with Vault.open(cli_vault.folder, recovery_code=cli_vault.recovery_code, policy=CHEAP) as vault:
        assert row_counts(vault.db) == counts
