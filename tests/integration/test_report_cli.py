"""`vpnotebook report` as the VP runs it: a real vault, the real program in a subprocess.

Every run goes through `run_cli`, which fails on any traceback. Besides exit codes and the
exact Dutch wording, these tests check the promises about files: the PDF and CSV the VP named
are the only new files (temp folder and home folder stay untouched), two runs give the same
bytes, and nothing of the vault's names or notes ends up in them.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pypdf
import pytest

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, Reporter
from vpnotebook.vault.errors import WrongSecretError
from vpnotebook.vault.vault import Vault

ORG = "Drukkerij Het Anker"
TINY = "Eenmanszaak Vos"
REPORTER = "Gerbrand Wolterink"
NOTE = "Gespreksnotitie zeldzaam woord Quokka"
YEAR = 2025
_NOT_COUNTS = (
    re.compile(r"(?:pagina|page) \d+ (?:van|of) \d+"),
    re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)"),
    re.compile(r"\d+[,.]\d+"),
    re.compile(r"\d+\s?%"),
)


def _fill(folder: Path, passphrase: str) -> None:
    with Vault.open(folder, passphrase=passphrase) as vault:
        journal = Journal(vault.db)
        org = journal.add(Organisation(name=ORG, employee_count=90)).id
        tiny = journal.add(Organisation(name=TINY, employee_count=3)).id
        for index in range(12):
            case = journal.add(
                Case(
                    organisation_id=org if index else tiny,
                    first_contact=date(YEAR, 1 + index, 10),
                    contact_type="report",
                    reporter_role="employee",
                    categories=("bullying",) if index % 4 else ("discrimination",),
                    title=f"Werktitel {index}",
                )
            )
            journal.add(
                Reporter(case_id=case.id, name=REPORTER if index == 3 else f"Melder {index}")
            )
            journal.add(
                Conversation(
                    case_id=case.id, held_on=date(YEAR, 1 + index, 10), duration_min=45, notes=NOTE
                )
            )


@pytest.fixture
def filled(h: ModuleType, cli_vault: Any) -> Any:
    _fill(cli_vault.folder, h.PASSPHRASE)
    return cli_vault


def _report(h: ModuleType, vault: Any, *args: object, env: dict[str, str] | None = None) -> Any:
    return h.run_cli(
        "report",
        "--vault",
        vault.folder,
        "--passphrase-file",
        vault.passphrase_file,
        *args,
        env=env,
    )


def _counts(data: bytes) -> list[int]:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    for pattern in _NOT_COUNTS:
        text = pattern.sub(" ", text)
    return [int(n) for n in re.findall(r"\d+", text)]


def _names(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


def test_the_report_is_the_only_file_written(h: ModuleType, filled: Any, tmp_path: Path) -> None:
    temp, home, out = tmp_path / "tmp", tmp_path / "home", tmp_path / "uit"
    for folder in (temp, home, out):
        folder.mkdir()
    env = h.cli_env(tmpdir=temp)
    env["HOME"] = str(home)
    env["XDG_CACHE_HOME"] = str(home / ".cache")
    vault_before = _names(filled.folder)

    result = _report(
        h,
        filled,
        "--org",
        ORG,
        "--year",
        YEAR,
        "--out",
        out / "verslag.pdf",
        "--csv",
        out / "tabellen.csv",
        env=env,
    )

    h.expect(result, 0)
    assert h.cli_text("report_written").search(result.stdout), str(result)
    assert h.cli_text("report_csv_written").search(result.stdout), str(result)
    assert _names(out) == {"verslag.pdf", "tabellen.csv"}
    assert _names(temp) == set() and _names(home) == set()
    assert _names(filled.folder) == vault_before
    pdf = (out / "verslag.pdf").read_bytes()
    assert (out / "verslag.pdf").stat().st_mode & 0o077 == 0
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    assert reader.metadata is not None and reader.metadata["/Producer"] == "vpnotebook"
    assert [n for n in _counts(pdf) if 0 < n < 5] == []
    text = "\n".join(page.extract_text() for page in reader.pages)
    csv_text = (out / "tabellen.csv").read_text(encoding="utf-8-sig")
    for secret in (REPORTER, "Quokka", "Werktitel", "Melder 1", TINY):
        assert secret not in text and secret not in csv_text
    assert 11 in _counts(pdf) and "Kerncijfers;Nieuwe meldingen;2025;11" in csv_text


def test_two_runs_give_the_same_bytes(h: ModuleType, filled: Any, tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        env = h.cli_env()
        env["PYTHONHASHSEED"] = seed
        pdf, csv = tmp_path / f"verslag-{seed}.pdf", tmp_path / f"tabellen-{seed}.csv"
        h.expect(
            _report(h, filled, "--org", ORG, "--year", YEAR, "--out", pdf, "--csv", csv, env=env), 0
        )
        outputs.append((pdf.read_bytes(), csv.read_bytes()))
    assert outputs[0] == outputs[1]


def test_a_wrong_passphrase_writes_nothing(h: ModuleType, filled: Any, tmp_path: Path) -> None:
    wrong = h.write_secret(tmp_path / "fout.txt", h.OTHER_PASSPHRASE)
    out = tmp_path / "verslag.pdf"
    result = h.run_cli(
        "report",
        "--vault",
        filled.folder,
        "--passphrase-file",
        wrong,
        "--org",
        ORG,
        "--year",
        YEAR,
        "--out",
        out,
    )
    h.expect(result, 3, h.nl(WrongSecretError))
    assert not out.exists()


def test_a_text_that_names_a_reporter_blocks_the_export(
    h: ModuleType, filled: Any, tmp_path: Path
) -> None:
    text_file = tmp_path / "signalen.txt"
    text_file.write_text(
        "Het werkklimaat verbeterde.\nIk sprak onder meer met G. Wolterink.\n", encoding="utf-8"
    )
    out = tmp_path / "verslag.pdf"
    args = ("--org", ORG, "--year", YEAR, "--out", out, "--text-file", text_file)

    blocked = _report(h, filled, *args)

    h.expect(blocked, 1, h.cli_text("report_text_hits"))
    assert (
        "regel 2, positie 28: 'Wolterink' (naam of contactgegeven van een melder)" in blocked.stderr
    )
    assert h.cli_text("report_text_confirm").search(blocked.stderr)
    assert not out.exists()

    # One confirmation per place: the wrong word confirms nothing.
    wrong = _report(h, filled, *args, "--confirm-text", "werkklimaat")
    h.expect(wrong, 1, h.cli_text("report_text_hits"))
    assert not out.exists()
    confirmed = _report(h, filled, *args, "--confirm-text", "wolterink")
    h.expect(confirmed, 0, h.cli_text("report_text_confirmed"))
    assert out.exists()

    # The vault remembers the confirmation: the same text needs none the next time...
    out.unlink()
    again = _report(h, filled, *args)
    h.expect(again, 0, h.cli_text("report_text_confirmed"))
    assert out.exists()
    # ...until the sentence with the name changes: then the VP is asked again.
    out.unlink()
    text_file.write_text(
        "Het werkklimaat verbeterde.\nIk sprak onder meer met G. Wolterink over het rooster.\n",
        encoding="utf-8",
    )
    changed = _report(h, filled, *args)
    h.expect(changed, 1, h.cli_text("report_text_hits"))
    assert "'Wolterink'" in changed.stderr
    assert not out.exists()
    # A change in another sentence keeps it: the confirmation is about its own sentence.
    h.expect(_report(h, filled, *args, "--confirm-text", "Wolterink"), 0)
    text_file.write_text(
        "Het werkklimaat verbeterde sterk.\nIk sprak onder meer met G. Wolterink over het rooster.\n",
        encoding="utf-8",
    )
    h.expect(_report(h, filled, *args), 0, h.cli_text("report_text_confirmed"))


def test_the_threshold_can_be_lowered_to_three_only_with_a_warning(
    h: ModuleType, filled: Any, tmp_path: Path
) -> None:
    out = tmp_path / "verslag.pdf"
    lowered = _report(h, filled, "--org", ORG, "--year", YEAR, "--out", out, "--k", "3")
    h.expect(lowered, 0, h.cli_text("report_k_lowered"))
    assert [n for n in _counts(out.read_bytes()) if 0 < n < 3] == []

    too_low = _report(
        h, filled, "--org", ORG, "--year", YEAR, "--out", tmp_path / "x.pdf", "--k", "2"
    )
    h.expect(too_low, 2, h.cli_text("report_k_too_low"))
    assert not (tmp_path / "x.pdf").exists()


def test_wrong_use_is_explained_in_dutch(h: ModuleType, filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "verslag.pdf"
    h.expect(
        _report(h, filled, "--org", "Bestaat Niet", "--year", YEAR, "--out", out),
        2,
        h.cli_text("report_unknown_org"),
    )
    h.expect(_report(h, filled, "--year", YEAR, "--out", out), 2, h.cli_text("report_needs_org"))
    h.expect(
        _report(h, filled, "--org", ORG, "--year", 1800, "--out", out),
        2,
        h.cli_text("report_bad_year"),
    )
    assert not out.exists()


def test_the_audit_and_the_english_wording(h: ModuleType, filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = _report(
        h,
        filled,
        "--org",
        ORG,
        "--year",
        YEAR,
        "--out",
        out,
        "--language",
        "en",
        "--audit",
        env=h.cli_env(language="en"),
    )
    h.expect(result, 0)
    assert h.cli_text("report_written", "en").search(result.stdout)
    assert h.cli_text("report_audit", "en").search(result.stdout)
    # The true small count, on the VP's screen only (discrimination counts in its family).
    assert "Sexual harassment, aggression or discrimination (2)" in result.stdout
    assert 2 not in _counts(out.read_bytes())


def test_the_overview_is_for_the_vp_only(h: ModuleType, filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "overzicht.pdf"
    result = _report(h, filled, "--overview", "--year", YEAR, "--out", out)
    h.expect(result, 0, h.cli_text("report_overview_warning"))
    assert h.cli_text("report_overview_written").search(result.stdout)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "NIET VOOR VERSPREIDING" in text and TINY in text


def test_a_written_report_is_recorded_once_per_version(
    h: ModuleType, filled: Any, tmp_path: Path
) -> None:
    out = tmp_path / "verslag.pdf"
    args = ("--org", ORG, "--year", YEAR, "--out", out)
    first = _report(h, filled, *args)
    assert first.code == 0 and h.cli_text("report_issued").search(first.stdout)
    assert "versie 1 van het jaarverslag over 2025" in first.stdout
    again = _report(h, filled, *args)
    assert "versie 1 van het jaarverslag over 2025" in again.stdout  # same content, same version
    with Vault.open(filled.folder, passphrase=h.PASSPHRASE) as vault:
        from vpnotebook.core.ledger import issues

        (issue,) = issues(Journal(vault.db))
    import hashlib

    assert issue.pdf_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
