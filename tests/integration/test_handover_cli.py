"""`vpnotebook handover` and `vpnotebook merge` as a VP runs them: real processes, real vaults.

The hand-over opens with its own secrets only; the cases it holds merge into a colleague's
vault with every record and new numbers; both vaults pass `check`; every refusal is a Dutch
message with the project's exit code, and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.core.handover.log import handover_log
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case
from vpnotebook.vault.errors import WrongSecretError
from vpnotebook.vault.vault import Vault

HANDOVER_PASSPHRASE = "zeven vrolijke wolken boven het stille meer"


@pytest.fixture
def practice(tmp_path: Path, h: ModuleType, handover_kit: ModuleType) -> Any:
    vault_info = h.init_vault(tmp_path / "kluis", h.write_secret(tmp_path / "w.txt", h.PASSPHRASE))
    with Vault.open(vault_info.folder, passphrase=h.PASSPHRASE) as vault:
        handover_kit.fill_practice(Journal(vault.db))
    return vault_info


def _handover(h: ModuleType, vault: Any, tmp_path: Path, *extra: object, env: Any = None) -> Any:
    new = h.write_secret(tmp_path / "overdracht-wachtwoord.txt", HANDOVER_PASSPHRASE)
    return h.run_cli(
        "handover",
        "--vault",
        vault.folder,
        "--passphrase-file",
        vault.passphrase_file,
        "--new-passphrase-file",
        new,
        *h.CHEAP_KDF,
        *extra,
        env=env,
    )


def _handover_linde(h: ModuleType, vault: Any, tmp_path: Path, *extra: object) -> Any:
    return _handover(
        h,
        vault,
        tmp_path,
        "--org",
        "zorggroep de linde",
        "--to",
        "P. Jansen",
        "--out",
        tmp_path / "overdracht",
        *extra,
    )


def test_a_hand_over_through_the_cli_opens_with_its_own_secrets_only(
    h: ModuleType, practice: Any, tmp_path: Path
) -> None:
    result = _handover_linde(h, practice, tmp_path)
    h.expect(result, 0)
    code = h.recovery_code_in(result.stdout)
    assert "Overdracht aan P. Jansen: 4 melding(en) — 2024-001, 2025-001, 2025-002, 2025-003" in (
        result.stdout
    )
    # The code came before the vault was made (the line that says it was made follows it).
    assert result.stdout.index(code) < result.stdout.index("Overdracht gemaakt in")
    folder = tmp_path / "overdracht"
    own = h.write_secret(tmp_path / "eigen.txt", HANDOVER_PASSPHRASE)
    h.expect(h.check(folder, own), 0)
    h.expect(h.check(folder, practice.passphrase_file), 3)
    with Vault.open(folder, recovery_code=code) as opened:
        assert opened.check() == []
    with pytest.raises(WrongSecretError):
        Vault.open(folder, recovery_code=practice.recovery_code)
    h.expect(h.check(practice.folder, practice.passphrase_file), 0)
    with Vault.open(practice.folder, passphrase=h.PASSPHRASE) as vault:
        log = handover_log(Journal(vault.db))
        assert [(e.case_number, e.recipient) for e in log] == [
            ("2024-001", "P. Jansen"),
            ("2025-001", "P. Jansen"),
            ("2025-002", "P. Jansen"),
            ("2025-003", "P. Jansen"),
        ]


def test_a_case_without_consent_refuses_the_hand_over_and_is_named(
    h: ModuleType, practice: Any, tmp_path: Path
) -> None:
    before = h.snapshot(practice.folder)
    result = _handover(
        h,
        practice,
        tmp_path,
        "--case",
        "2025-001",
        "--case",
        "2025-004",
        "--to",
        "P. Jansen",
        "--out",
        tmp_path / "overdracht",
    )
    h.expect(result, 2, "geen toestemming gegeven voor de overdracht: 2025-004.")
    assert "2025-001" not in result.stderr
    assert h.RECOVERY_CODE.search(result.stdout) is None  # no code for nothing
    assert not (tmp_path / "overdracht").exists()
    h.expect(h.check(practice.folder, practice.passphrase_file), 0)
    after = h.snapshot(practice.folder)
    assert after.keys() == before.keys()


@pytest.mark.parametrize(
    ("passphrase", "says"),
    [
        ("Zomer2026!", "te makkelijk te raden"),
        ("correct paard batterij niet", "wachtwoord van uw eigen kluis"),
    ],
    ids=["weak", "own"],
)
def test_the_hand_over_passphrase_is_held_to_the_policy_and_never_the_vp_s_own(
    h: ModuleType, practice: Any, tmp_path: Path, passphrase: str, says: str
) -> None:
    new = h.write_secret(tmp_path / "nieuw.txt", passphrase)
    result = h.run_cli(
        "handover",
        "--vault",
        practice.folder,
        "--passphrase-file",
        practice.passphrase_file,
        "--new-passphrase-file",
        new,
        "--org",
        "Zorggroep De Linde",
        "--to",
        "P. Jansen",
        "--out",
        tmp_path / "overdracht",
        *h.CHEAP_KDF,
    )
    h.expect(result, 2, says)
    assert not (tmp_path / "overdracht").exists()


@pytest.mark.parametrize(
    ("arguments", "code", "says"),
    [
        (("--org", "Bakkerij Nergens"), 2, "Er is geen organisatie 'Bakkerij Nergens'"),
        (("--case", "2019-001"), 2, "Er is geen melding 2019-001"),
        (("--org", "Zorggroep De Linde", "--destroy"), 2, "Bevestig dat met --yes"),
    ],
    ids=["unknown organisation", "unknown case", "destroy unconfirmed"],
)
def test_a_hand_over_asked_wrongly_is_refused_in_words(
    h: ModuleType, practice: Any, tmp_path: Path, arguments: tuple[str, ...], code: int, says: str
) -> None:
    result = _handover(
        h, practice, tmp_path, *arguments, "--to", "P. Jansen", "--out", tmp_path / "uit"
    )
    h.expect(result, code, says)
    assert not (tmp_path / "uit").exists()


def test_english_messages_with_the_language_setting(
    h: ModuleType, practice: Any, tmp_path: Path
) -> None:
    result = _handover(
        h,
        practice,
        tmp_path,
        "--case",
        "2025-004",
        "--to",
        "P. Jansen",
        "--out",
        tmp_path / "uit",
        env=h.cli_env(language="en"),
    )
    h.expect(result, 2, "the reporter has not (yet) agreed to the hand-over: 2025-004")


def test_handed_over_and_destroyed_in_the_source(
    h: ModuleType, practice: Any, tmp_path: Path
) -> None:
    result = _handover_linde(h, practice, tmp_path, "--destroy", "--yes")
    h.expect(result, 0)
    assert "4 melding(en) zijn daarna in uw kluis vernietigd" in result.stdout
    h.expect(h.check(practice.folder, practice.passphrase_file), 0)
    with Vault.open(practice.folder, passphrase=h.PASSPHRASE) as vault:
        journal = Journal(vault.db)
        destroyed = [c.number for c in journal.find(Case) if c.is_destroyed]
        assert destroyed == ["2025-001", "2025-002", "2025-003", "2024-001"]
        assert all(entry.destroyed for entry in handover_log(journal))


# -- merge ---------------------------------------------------------------------------------------


def _colleague(h: ModuleType, tmp_path: Path) -> Any:
    return h.init_vault(
        tmp_path / "collega", h.write_secret(tmp_path / "collega.txt", h.OTHER_PASSPHRASE)
    )


def _merge(h: ModuleType, mine: Any, folder: Path, *extra: object, env: Any = None) -> Any:
    return h.run_cli(
        "merge",
        "--vault",
        mine.folder,
        "--passphrase-file",
        mine.passphrase_file,
        *extra,
        folder,
        env=env,
    )


def test_a_hand_over_merges_into_a_colleague_s_vault_with_every_record(
    h: ModuleType, practice: Any, tmp_path: Path
) -> None:
    h.expect(_handover_linde(h, practice, tmp_path), 0)
    folder = tmp_path / "overdracht"
    mine = _colleague(h, tmp_path)
    secret = h.write_secret(tmp_path / "overdracht.txt", HANDOVER_PASSPHRASE)

    dry = _merge(h, mine, folder, "--handover-passphrase-file", secret, "--dry-run")
    h.expect(dry, 0)
    assert "Proefrun: er is niets gewijzigd." in dry.stdout
    with Vault.open(mine.folder, passphrase=h.OTHER_PASSPHRASE) as vault:
        assert Journal(vault.db).count(Case) == 0

    merged = _merge(h, mine, folder, "--handover-passphrase-file", secret)
    h.expect(merged, 0)
    assert "Uit de overdracht van Anna de Vries" in merged.stdout
    assert "Organisatie Zorggroep De Linde: nieuw aangemaakt." in merged.stdout
    assert "  2025-003 → 2025-003" in merged.stdout
    h.expect(h.check(mine.folder, mine.passphrase_file), 0)
    own = h.write_secret(tmp_path / "eigen.txt", HANDOVER_PASSPHRASE)
    h.expect(h.check(folder, own), 0)
    with (
        Vault.open(mine.folder, passphrase=h.OTHER_PASSPHRASE) as vault,
        Vault.open(folder, passphrase=HANDOVER_PASSPHRASE) as other,
    ):
        target, source = Journal(vault.db), Journal(other.db)
        for table, count in source.record_counts().items():
            assert target.record_counts()[table] == count, table

    # Twice is refused; with --again it is done, numbered after the first.
    h.expect(
        _merge(h, mine, folder, "--handover-passphrase-file", secret),
        2,
        "Deze overdracht is al eens samengevoegd",
    )
    again = _merge(h, mine, folder, "--again", env=h.cli_env(language="en") | _handover_env())
    h.expect(again, 0)
    assert "  2025-003 → 2025-006" in again.stdout


def _handover_env() -> dict[str, str]:
    return {"VPNOTEBOOK_HANDOVER_PASSPHRASE": HANDOVER_PASSPHRASE}


def test_merge_refusals_change_nothing(h: ModuleType, practice: Any, tmp_path: Path) -> None:
    h.expect(_handover_linde(h, practice, tmp_path), 0)
    folder = tmp_path / "overdracht"
    mine = _colleague(h, tmp_path)
    before = h.snapshot(mine.folder)
    wrong = h.write_secret(tmp_path / "fout.txt", "dit is niet het wachtwoord")
    h.expect(
        _merge(h, mine, folder, "--handover-passphrase-file", wrong),
        3,
        "Het wachtwoord of de herstelcode van de overdracht klopt niet",
    )
    h.expect(_merge(h, mine, tmp_path / "nergens"), 2, "is geen kluis of overdracht")
    h.expect(_merge(h, mine, mine.folder), 2, "Dat is de map van uw eigen kluis")
    # A backup restored elsewhere is the same vault: merging it would put everything in twice.
    (tmp_path / "stick").mkdir()
    h.expect(
        h.run_cli(
            "backup", "--vault", mine.folder, "--passphrase-file", mine.passphrase_file,
            "--out", tmp_path / "stick",
        ),
        0,
    )  # fmt: skip
    backup = next((tmp_path / "stick").iterdir())
    h.expect(
        h.run_cli(
            "restore", backup, "--vault", tmp_path / "kopie",
            "--passphrase-file", mine.passphrase_file,
        ),
        0,
    )  # fmt: skip
    copy = h.write_secret(tmp_path / "kopie.txt", h.OTHER_PASSPHRASE)
    h.expect(
        _merge(h, mine, tmp_path / "kopie", "--handover-passphrase-file", copy), 2, "eigen kluis"
    )
    after = h.snapshot(mine.folder)
    assert {k for k in after if not k.startswith("vault.db")} == {
        k for k in before if not k.startswith("vault.db")
    }
    with Vault.open(mine.folder, passphrase=h.OTHER_PASSPHRASE) as vault:
        assert Journal(vault.db).count(Case) == 0
    # The hand-over opens with its recovery code too.
    code_file = h.write_secret(tmp_path / "code.txt", "0000-FOUT")
    h.expect(
        _merge(h, mine, folder, "--handover-recovery-code-file", code_file),
        3,
    )
