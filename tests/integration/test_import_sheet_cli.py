"""`vpnotebook import-sheet` as a VP runs it: real workbooks and CSV files, real subprocesses.

The test workbook and CSV come from tests/sheet_files.py (`sheets` fixture). After every run
the vault is opened again and compared: imported completely, or exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.cli.import_sheet import MESSAGES as SHEET_MESSAGES
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Department, Organisation
from vpnotebook.vault.errors import WrongSecretError
from vpnotebook.vault.vault import Vault


@contextmanager
def opened(vault: Any) -> Iterator[Journal]:
    with Vault.open(vault.folder, passphrase=vault.passphrase_file.read_text().strip()) as v:
        yield Journal(v.db)


def _with_wadwijk(vault: Any) -> None:
    with opened(vault) as journal:
        wadwijk = journal.add(Organisation(name="Gemeente Wadwijk"))
        journal.add(Department(wadwijk.id, "Financiën"))


def _snapshot(vault: Any, sheets: ModuleType) -> dict[str, list[Any]]:
    with opened(vault) as journal:
        return sheets.vault_snapshot(journal)


def sheet_text(key: str, language: str = "nl") -> re.Pattern[str]:
    dutch, english = SHEET_MESSAGES[key]
    template = english if language == "en" else dutch
    parts = re.split(r"\{[a-z_]+(?::[^}]*)?\}", template)
    return re.compile(".+?".join(re.escape(part) for part in parts))


def _import(h: ModuleType, vault: Any, *args: object, env: dict[str, str] | None = None) -> Any:
    return h.run_cli(
        "import-sheet", "--vault", vault.folder, "--passphrase-file", vault.passphrase_file,
        *args, env=env,
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_the_registration_imports_through_the_command_line(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType, kind: str
) -> None:
    _with_wadwijk(cli_vault)
    if kind == "xlsx":
        path = sheets.write_workbook(tmp_path / "meldingen.xlsx")
    else:
        path = sheets.write_dutch_csv(tmp_path / "meldingen.csv")

    result = _import(h, cli_vault, path)

    h.expect(result, 0)
    assert "Geïmporteerd: 6 melding(en) (2024-001 tot en met 2025-002)" in result.stdout
    assert "2 nieuwe organisatie(s), 3 nieuwe afdeling(en)" in result.stdout
    with opened(cli_vault) as journal:
        sheets.assert_imported(journal, path.name)
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)


def test_a_dry_run_counts_per_organisation_and_year_and_changes_nothing(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType
) -> None:
    _with_wadwijk(cli_vault)
    before = _snapshot(cli_vault, sheets)
    files_before = h.snapshot(cli_vault.folder)
    path = sheets.write_workbook(tmp_path / "meldingen.xlsx")

    result = _import(h, cli_vault, "--dry-run", path)

    h.expect(result, 0)
    out = result.stdout
    assert "Bestand: meldingen.xlsx, blad 'Meldingen' — kopjes op rij 1, 6 rij(en)" in out
    assert (
        "Wat er geïmporteerd zou worden: 6 melding(en), 11 gesprek(ken), 4 doorverwijzing(en)"
        in out
    )
    blocks = re.findall(
        r"^  (\S.*?) \((bestaat al|wordt nieuw aangemaakt)\)\n((?:    .*\n)*)", out, re.M
    )
    counted = {
        (name, int(year)): int(count)
        for name, _, lines in blocks
        for year, count in re.findall(r"^    (\d{4}): (\d+) melding", lines, re.M)
    }
    assert counted == sheets.PER_ORGANISATION_YEAR
    assert {name: state for name, state, _ in blocks} == {
        "Gemeente Wadwijk": "bestaat al",
        "Bakkerij De Korenbloem B.V.": "wordt nieuw aangemaakt",
        "Zorggroep Noorderlicht": "wordt nieuw aangemaakt",
    }
    assert "nieuwe afdeling(en): ICT" in out
    assert "Proefrun: er is niets gewijzigd." in out
    assert _snapshot(cli_vault, sheets) == before
    # Not even the bytes: a dry run writes nothing (the vault is closed cleanly either way).
    assert h.snapshot(cli_vault.folder).keys() == files_before.keys()


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_row_5_with_30_02_2025_refuses_the_whole_file(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType, kind: str
) -> None:
    _with_wadwijk(cli_vault)
    before = _snapshot(cli_vault, sheets)
    rows = sheets.with_cell(sheets.BAD_ROW, "Datum eerste contact", sheets.BAD_DATE)
    if kind == "xlsx":
        path = sheets.write_workbook(tmp_path / "meldingen.xlsx", rows)
    else:
        path = sheets.write_dutch_csv(tmp_path / "meldingen.csv", rows)

    # No passphrase at all: the file is refused before the vault is even asked for.
    result = h.run_cli("import-sheet", "--vault", cli_vault.folder, path)

    h.expect(result, 2, "rij 5: 30-02-2025 is geen datum")
    h.expect(result, 2, sheet_text("refused"))
    assert result.stdout == ""
    assert _snapshot(cli_vault, sheets) == before


def test_unknown_values_are_listed_with_how_to_map_them(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType
) -> None:
    rows = sheets.with_cell(3, "Aard melding", "ruzie, pesten")
    rows = sheets.with_cell(4, "Functie", "docent", rows)
    path = sheets.write_dutch_csv(tmp_path / "meldingen.csv", rows)
    before = _snapshot(cli_vault, sheets)

    refused = _import(h, cli_vault, path)

    h.expect(refused, 2, "Deze waarden herkent het programma niet:")
    assert "  Aard van de melding (kolom 'Aard melding'):\n    'ruzie' (rij 3)" in refused.stderr
    assert "  Rol van de melder (kolom 'Functie'):\n    'docent' (rij 4)" in refused.stderr
    assert '--map "aard:ruzie=keuze"' in refused.stderr
    assert "Keuzes voor aard: intimidatie, seksuele intimidatie, pesten" in refused.stderr
    assert _snapshot(cli_vault, sheets) == before

    mapping = tmp_path / "toewijzing.txt"
    mapping.write_text("# wat de waarden betekenen\nrol:docent=medewerker\n", "utf-8")
    done = _import(
        h, cli_vault, "--map", "aard:ruzie=buiten werkterrein", "--map-file", mapping, path
    )
    h.expect(done, 0)
    with opened(cli_vault) as journal:
        second = next(c for c in journal.find(Case) if c.first_contact.month == 2)
        assert second.categories == ("bullying", "outside_remit")


def test_unknown_columns_are_named_and_can_be_skipped(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text("Datum;Behandelaar;Dossier\n01-02-2025;Jansen;A-12\n", "utf-8")
    refused = _import(h, cli_vault, "--org", "Stichting Anker", path)
    h.expect(refused, 2, "Deze kolommen herkent het programma niet: 'Behandelaar', 'Dossier'.")
    done = _import(
        h, cli_vault, "--org", "Stichting Anker", "--map", "Behandelaar=overslaan",
        "--map", "Dossier=nummer", path,
    )  # fmt: skip
    h.expect(done, 0)
    assert "Behandelaar                  → niet geïmporteerd (overgeslagen)" in done.stdout


def test_the_same_file_twice_needs_again(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType
) -> None:
    path = sheets.write_dutch_csv(tmp_path / "meldingen.csv")
    h.expect(_import(h, cli_vault, path), 0)
    before = _snapshot(cli_vault, sheets)
    again = _import(h, cli_vault, path)
    h.expect(again, 2, "dit bestand is al eens geïmporteerd")
    h.expect(again, 2, "gebruik dan --again")
    assert _snapshot(cli_vault, sheets) == before
    h.expect(_import(h, cli_vault, "--again", path), 0)
    with opened(cli_vault) as journal:
        assert journal.count(Case) == 2 * len(sheets.EXPECTED)


def _docx(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")


MALFORMED: dict[str, tuple[Any, str]] = {
    "niet-een-blad.xlsx": (b"\x89PNG\r\n\x1a\n" + bytes(64), "is geen spreadsheet"),
    "brief.docx": (_docx, "Dit is een Word-bestand"),
    "leeg.csv": (b"", "Het bestand is leeg."),
    "alleen-kop.xlsx": ("header-only", "alleen kopjes (rij 1)"),
    "afgebroken.xlsx": ("truncated", "beschadigd of onvolledig"),
    "verkeerde-tekens.csv": (b"Datum;Organisatie\r\n01-02-2025;A\x81\r\n", "geen UTF-8 en geen"),
    "enorme-cel.csv": (
        b"Datum;Organisatie;Opmerkingen\r\n01-02-2025;A;" + b"x" * 150_000 + b"\r\n",
        "deze cel is langer dan 32.767 tekens",
    ),
    "formules.xlsx": ("formula", "een formule die Excel nog niet heeft uitgerekend"),
    "oud.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "oud Excel-bestand (.xls)"),
}


def _write_malformed(path: Path, recipe: Any, sheets: ModuleType) -> None:
    import openpyxl

    if isinstance(recipe, bytes):
        path.write_bytes(recipe)
    elif recipe == "header-only":
        workbook = openpyxl.Workbook()
        workbook.active.append(list(sheets.HEADINGS))
        workbook.save(path)
    elif recipe == "truncated":
        whole = sheets.write_workbook(path).read_bytes()
        path.write_bytes(whole[: len(whole) // 2])
    elif recipe == "formula":
        workbook = openpyxl.Workbook()
        workbook.active.append(["Datum", "Organisatie"])
        workbook.active.append(["=TODAY()-3", "A"])
        workbook.save(path)
    else:
        recipe(path)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_files_give_a_dutch_message_and_exit_code_2(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType, name: str
) -> None:
    recipe, message = MALFORMED[name]
    path = tmp_path / name
    _write_malformed(path, recipe, sheets)
    before = _snapshot(cli_vault, sheets)
    result = _import(h, cli_vault, path)  # run_cli itself asserts: never a traceback
    h.expect(result, 2, message)
    assert _snapshot(cli_vault, sheets) == before


def test_usage_problems_exit_2(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType
) -> None:
    path = sheets.write_workbook(tmp_path / "meldingen.xlsx")
    h.expect(_import(h, cli_vault, "--org", "X", path), 2, "heeft al een kolom Organisatie")
    h.expect(_import(h, cli_vault, "--map", "Datum", path), 2, 'schrijf "Kolom=veld"')
    h.expect(_import(h, cli_vault, "--sheet", "2023", path), 2, "geen blad '2023'")
    h.expect(_import(h, cli_vault, tmp_path / "weg.csv"), 2, "Het bestand weg.csv bestaat niet.")
    h.expect(
        _import(h, cli_vault, "--map-file", tmp_path / "weg.txt", path),
        2,
        sheet_text("map_file_unreadable"),
    )


def test_wrong_passphrase_exits_3(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType
) -> None:
    wrong = h.write_secret(tmp_path / "fout.txt", "niet het goede wachtwoord")
    path = sheets.write_dutch_csv(tmp_path / "meldingen.csv")
    result = h.run_cli(
        "import-sheet", "--vault", cli_vault.folder, "--passphrase-file", wrong, path
    )
    h.expect(result, 3, h.nl(WrongSecretError))


def test_english_messages(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType
) -> None:
    rows = sheets.with_cell(sheets.BAD_ROW, "Datum eerste contact", sheets.BAD_DATE)
    path = sheets.write_dutch_csv(tmp_path / "meldingen.csv", rows)
    result = h.run_cli(
        "import-sheet", "--vault", cli_vault.folder, path, env=h.cli_env(language="en")
    )
    h.expect(result, 2, "row 5: 30-02-2025 is not a date (column Datum eerste contact)")
    h.expect(result, 2, sheet_text("refused", "en"))


def test_help_names_the_command_its_fields_and_exit_codes(h: ModuleType) -> None:
    overview = h.run_cli("--help")
    h.expect(overview, 0)
    assert "import-sheet" in overview.stdout
    detail = h.run_cli("import-sheet", "--help")
    h.expect(detail, 0)
    for word in ("--dry-run", "--org", "--map", "--sheet", "--again", "datum", "opmerkingen",
                 "overslaan", "docs/formats/sheet-import.md", "2 the file"):  # fmt: skip
        assert word in " ".join(detail.stdout.split()), word


# Imports a sheet as import-sheet does, saying "row N" on stdout as each case is written
# (inside the one transaction), so the test can kill it halfway.
IMPORTER_SCRIPT = """
import sys
from datetime import date
from pathlib import Path
from vpnotebook.core.journal import Journal
from vpnotebook.core.sheetimport import (
    ImportOptions, interpret, known_organisations, plan_import, read_table, write_import,
)
from vpnotebook.vault.vault import Vault

folder, secret, sheet = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
with Vault.open(folder, passphrase=secret.read_text().strip()) as vault:
    journal = Journal(vault.db)
    interpretation = interpret(read_table(sheet), ImportOptions(today=date.today()))
    plan = plan_import(interpretation, known_organisations(journal), journal)
    def progress(done, total):
        print("row", done, flush=True)
    write_import(journal, plan, today=date.today(), progress=progress)
    print("committed", flush=True)
"""


def test_sigkill_halfway_through_an_import_leaves_the_vault_as_it_was(
    h: ModuleType, cli_vault: Any, tmp_path: Path, sheets: ModuleType
) -> None:
    _with_wadwijk(cli_vault)
    before = _snapshot(cli_vault, sheets)
    path = sheets.write_dutch_csv(tmp_path / "veel.csv", sheets.ROWS * 100)  # 600 rows
    script = h.write_script(tmp_path, "importeur.py", IMPORTER_SCRIPT)
    command = h.python_command(script, cli_vault.folder, cli_vault.passphrase_file, path)
    with h.child(command) as importer:
        lines = h.LineReader(importer.stdout)
        lines.wait_for(250)  # 250 cases written, uncommitted
        h.kill_and_reap(importer)
        said = lines.drain()
    assert "committed" not in said
    h.expect(h.check(cli_vault.folder, cli_vault.passphrase_file), 0)
    assert _snapshot(cli_vault, sheets) == before
    # And the vault takes the whole file afterwards.
    h.expect(_import(h, cli_vault, path), 0, None)
    with opened(cli_vault) as journal:
        assert journal.count(Case) == 600
