"""Reading spreadsheet files: what Excel and Dutch CSV files hold, and every malformed file."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from vpnotebook.core.sheetimport import ImportOptions, SheetError, interpret, read_table
from vpnotebook.core.sheetimport.reading import (
    MAX_COLUMNS,
    MAX_ROWS,
    ExcelError,
    Formula,
    sheet_names,
)
from vpnotebook.vault.errors import EXIT_USAGE

TODAY = date(2026, 11, 28)


def _refused(path: Path, sheet: str | None = None) -> SheetError:
    with pytest.raises(SheetError) as refused:
        read_table(path, sheet)
    error = refused.value
    assert error.exit_code == EXIT_USAGE
    assert error.message_nl and error.message_en and error.message_nl != error.message_en
    return error


# -- what a good file holds -------------------------------------------------------------------


def test_workbook_rows_keep_excel_row_numbers_and_skip_the_empty_block(
    tmp_path: Path, sheets: ModuleType
) -> None:
    table = read_table(sheets.write_workbook(tmp_path / "m.xlsx"))
    assert table.sheet == "Meldingen" and table.sheets == ("Meldingen", "Toelichting")
    assert table.header_row == 1
    assert table.headings == sheets.HEADINGS
    assert [row.number for row in table.rows] == [e.row for e in sheets.EXPECTED]
    first = table.rows[0].cells
    assert first[0] == datetime(2024, 1, 15) and table.rows[1].cells[0] == 45337
    assert len(table.fingerprint) == 64


def test_csv_as_dutch_excel_writes_it(tmp_path: Path, sheets: ModuleType) -> None:
    path = sheets.write_dutch_csv(tmp_path / "m.csv")
    raw = path.read_bytes()
    assert b"\r\n" in raw and "Financiën".encode("cp1252") in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    table = read_table(path)
    assert table.headings == sheets.HEADINGS
    assert table.rows[0].cells[0] == "15-01-2024" and table.rows[0].cells[9] == "4,5"
    assert table.rows[2].cells[-1] == "Klacht loopt; melder\nhoudt contact via e-mail."
    assert [row.number for row in table.rows] == [e.row for e in sheets.EXPECTED]


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_delimiters_and_encodings(tmp_path: Path, delimiter: str, encoding: str) -> None:
    lines = [["Datum", "Organisatie", "Opmerkingen"], ["01-02-2025", "Café Één", "a, b; c"]]
    text = "\r\n".join(
        delimiter.join(f'"{cell}"' if any(d in cell for d in ";,\t") else cell for cell in line)
        for line in lines
    )
    path = tmp_path / "m.csv"
    path.write_bytes(text.encode(encoding))
    table = read_table(path)
    assert table.headings == ("Datum", "Organisatie", "Opmerkingen")
    assert table.rows[0].cells == ("01-02-2025", "Café Één", "a, b; c")


def test_excel_sep_line_sets_the_delimiter_and_is_no_row(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("sep=,\nDatum,Organisatie\n01-02-2025,A;B\n", "utf-8")
    table = read_table(path)
    assert table.header_row == 1 and table.rows[0].number == 2
    assert table.rows[0].cells == ("01-02-2025", "A;B")


def test_a_title_above_the_headings_is_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text(
        "Registratie 2025;;\n;;\nDatum;Organisatie;Aard\n01-02-2025;A;pesten\n", "utf-8"
    )
    table = read_table(path)
    assert table.header_row == 3 and table.rows[0].number == 4


def test_the_first_sheet_with_data_is_chosen_and_any_sheet_can_be(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Leeg"
    second = workbook.create_sheet("2024")
    second.append(["Datum", "Organisatie"])
    second.append(["01-02-2024", "A"])
    third = workbook.create_sheet("2025")
    third.append(["Datum", "Organisatie"])
    third.append(["01-02-2025", "B"])
    path = tmp_path / "jaren.xlsx"
    workbook.save(path)
    assert sheet_names(path) == ("Leeg", "2024", "2025")
    assert read_table(path).sheet == "2024"
    assert read_table(path, "2025").rows[0].cells == ("01-02-2025", "B")
    assert "geen gegevens" in _refused(path, "Leeg").message_nl
    assert "geen blad 'Bestaat niet'" in _refused(path, "Bestaat niet").message_nl


def test_the_1904_date_system_of_old_mac_workbooks(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.append(["Datum", "Organisatie"])
    sheet.append([43800, "A"])  # a serial number: day 0 is 1904-01-01
    path = tmp_path / "mac.xlsx"
    workbook.save(path)
    interpretation = interpret(read_table(path), ImportOptions(today=TODAY))
    assert interpretation.cases[0].first_contact == date(2023, 12, 2)  # 1900 system: 2023-12-01


def _with_sheet_xml(path: Path, change: dict[str, str]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                for old, new in change.items():
                    assert old in text, text
                    text = text.replace(old, new)
                data = text.encode("utf-8")
            target.writestr(item, data)
    path.write_bytes(buffer.getvalue())


def test_formulas_give_what_excel_calculated_or_are_named(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Datum", "Organisatie", "Aantal gesprekken"])
    sheet.append(["=DATE(2025,2,1)", "A", "=1+1"])
    sheet.append(["01-03-2025", "A", "=1+2"])
    sheet.append(["01-04-2025", "A", "#DIV/0!"])  # stored in English, shown as #DEEL/0!
    path = tmp_path / "formules.xlsx"
    workbook.save(path)
    # As Excel saves it: the first formula with the value it calculated, the others not yet.
    _with_sheet_xml(path, {"<f>DATE(2025,2,1)</f><v />": "<f>DATE(2025,2,1)</f><v>45689</v>"})
    table = read_table(path)
    assert table.rows[0].cells[0] == 45689
    assert table.rows[0].cells[2] == Formula("=1+1")
    interpretation = interpret(table, ImportOptions(today=TODAY))
    assert [(p.row, p.column, p.reason.nl[:30]) for p in interpretation.problems] == [
        (2, "Aantal gesprekken", "deze cel heeft een formule die"),
        (3, "Aantal gesprekken", "deze cel heeft een formule die"),
        (4, "Aantal gesprekken", "deze cel toont de Excel-fout #"),
    ]
    assert isinstance(table.rows[2].cells[2], ExcelError)


# -- malformed files --------------------------------------------------------------------------


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")


def _ods(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")


def _other_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8\xff\xe0")


MALFORMED = {
    "leeg.csv": (b"", "Het bestand is leeg."),
    "spaties.csv": (b"  \r\n\t\r\n", "Het bestand is leeg."),
    "foto.xlsx": (b"\x89PNG\r\n\x1a\n" + bytes(200), "is geen spreadsheet"),
    "verslag.csv": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is geen spreadsheet"),
    "programma.csv": (bytes(range(256)) * 4, "is geen spreadsheet"),
    "oud.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "oud Excel-bestand (.xls)"),
    "verkeerd.csv": (
        b"Datum;Organisatie\r\n01-02-2025;Caf" + b"\x81\x8d\r\n",
        "geen UTF-8 en geen Windows-1252",
    ),
    "alleen-kop.csv": (b"Datum;Organisatie;Aard\r\n;;\r\n", "alleen kopjes (rij 1)"),
    "enorm.csv": (
        b"Datum;Organisatie;Opmerkingen\r\n01-02-2025;A;" + b"x" * 40_000 + b"\r\n",
        "rij 2, kolom Opmerkingen: deze cel is langer dan 32.767 tekens",
    ),
    "reusachtig.csv": (
        b"Datum;Organisatie;Opmerkingen\r\n01-02-2025;A;" + b"y" * 200_000 + b"\r\n",
        "rij 2: deze cel is langer dan 32.767 tekens",
    ),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_files_are_refused_in_words(tmp_path: Path, name: str) -> None:
    data, message = MALFORMED[name]
    path = tmp_path / name
    path.write_bytes(data)
    assert message in _refused(path).message_nl


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_docx, "Dit is een Word-bestand"),
        (_ods, "OpenDocument-bestand (.ods)"),
        (_other_zip, "beschadigd of onvolledig"),
    ],
)
def test_zip_files_that_are_no_workbook(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bestand.xlsx"
    make(path)
    assert message in _refused(path).message_nl


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_workbook_is_named_damaged(
    tmp_path: Path, sheets: ModuleType, keep: float
) -> None:
    whole = sheets.write_workbook(tmp_path / "heel.xlsx").read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(whole[: int(len(whole) * keep)])
    assert "beschadigd of onvolledig" in _refused(path).message_nl


def test_a_workbook_with_a_garbled_sheet_is_named_damaged(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Datum", "Organisatie"])
    workbook.active.append(["01-02-2025", "A"])
    path = tmp_path / "kapot.xlsx"
    workbook.save(path)
    _with_sheet_xml(path, {"<sheetData>": "<sheetData><row r=<<"})
    assert "beschadigd of onvolledig" in _refused(path).message_nl


def test_empty_and_header_only_workbooks(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    path = tmp_path / "leeg.xlsx"
    workbook.save(path)
    assert _refused(path).message_nl == "Het bestand bevat geen gegevens."
    workbook.active.append(["Datum", "Organisatie", "Aard"])
    workbook.save(path)
    assert "alleen kopjes (rij 1)" in _refused(path).message_nl


def test_a_huge_cell_in_a_workbook(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Datum", "Organisatie", "Notities"])
    workbook.active.append(["01-02-2025", "A", "z"])
    path = tmp_path / "groot.xlsx"
    workbook.save(path)
    # openpyxl itself cuts a cell at Excel's limit; another program may not.
    _with_sheet_xml(path, {"<t>z</t>": f"<t>{'z' * 40_000}</t>"})
    assert "rij 2, kolom Notities: deze cel is langer" in _refused(path).message_nl


def test_too_many_rows_or_columns(tmp_path: Path) -> None:
    path = tmp_path / "rijen.csv"
    path.write_text("Datum;Organisatie\n" + "01-02-2025;A\n" * (MAX_ROWS + 1), "utf-8")
    assert "meer dan 100.000 rijen" in _refused(path).message_nl
    path.write_text(";".join(["Datum"] + ["x"] * MAX_COLUMNS) + "\n01-02-2025\n", "utf-8")
    assert f"meer dan {MAX_COLUMNS} kolommen" in _refused(path).message_nl


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _refused(tmp_path / "weg.xlsx").message_nl == "Het bestand weg.xlsx bestaat niet."
    assert "kan niet worden gelezen" in _refused(tmp_path).message_nl


def test_messages_quote_a_wrong_value_short_and_never_the_remarks(tmp_path: Path) -> None:
    story = "Verhaal over Jansen en zijn afdeling " * 5
    path = tmp_path / "m.csv"
    path.write_text(f"Datum;Organisatie;Opmerkingen;Leeftijd\n{story};A;{story};oud\n", "utf-8")
    interpretation = interpret(read_table(path), ImportOptions(today=TODAY))
    (problem,) = interpretation.problems
    shown = problem.text()
    quoted = shown.removeprefix("rij 2: ").split(" is geen datum")[0]
    assert quoted.endswith("…") and len(quoted) == 40 and story.startswith(quoted[:-1])
    assert shown.count("Jansen") == 1
    (unknown,) = interpretation.unknown_values
    assert unknown.text == "oud"


def test_a_nul_character_past_the_start_refuses_its_row(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(
        b"Datum;Organisatie;Opmerkingen\r\n" + b"01-02-2025;A;x\r\n" * 400
        + b"01-02-2025;A;x\x00y\r\n"
    )  # fmt: skip
    interpretation = interpret(read_table(path), ImportOptions(today=TODAY))
    assert [p.text() for p in interpretation.problems] == [
        "rij 402: deze cel bevat een NUL-teken, dat niet in tekst hoort; is het bestand "
        "beschadigd? (kolom Opmerkingen)"
    ]
