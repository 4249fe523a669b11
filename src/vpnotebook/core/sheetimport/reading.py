"""Reading a spreadsheet file into rows of cells: .xlsx through openpyxl, and CSV.

CSV files come as Dutch Excel writes them (Windows-1252, `;`, dd-mm-jjjj, decimal commas) or
as UTF-8 with or without a byte-order mark, separated by `;`, `,` or tab. An .xlsx is read in
openpyxl's read-only mode: rows stream from the file, formatting is never loaded.

Row numbers are the ones the VP sees in Excel: the first line of the sheet is row 1. Wholly
empty rows (Excel keeps formatted or merged rows below the data) are left out.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .columns import CELL_MAX, recognise
from .errors import SheetError
from .text import column_letter, is_blank
from .values import EXCEL_EPOCH, EXCEL_EPOCH_1904

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 200
_HEADER_SEARCH_ROWS = 20
_DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True)
class Formula:
    """A formula cell without a value Excel calculated (a file never opened in Excel)."""

    text: str


@dataclass(frozen=True)
class ExcelError:
    """A cell showing one of Excel's errors, such as #DEEL/0! or #N/B."""

    text: str


@dataclass(frozen=True)
class SheetRow:
    number: int  # as Excel shows it
    cells: tuple[Any, ...]


@dataclass(frozen=True)
class Table:
    """One sheet: the heading row and the rows with data below it."""

    file_name: str  # the base name, for the "bron" line and messages
    sheet: str  # the worksheet's name; "" for a CSV
    sheets: tuple[str, ...]  # every worksheet of the workbook; () for a CSV
    header_row: int
    headings: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    fingerprint: str  # SHA-256 of the file's bytes: the same file imported twice
    epoch: date = EXCEL_EPOCH

    def column_name(self, index: int) -> str:
        heading = self.headings[index] if index < len(self.headings) else ""
        return heading or f"({column_letter(index)})"


def _fail(nl: str, en: str) -> SheetError:
    return SheetError(nl, en)


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read `path` (xlsx or csv); `sheet` picks a worksheet, else the first one with data."""
    data = _read_bytes(path)
    fingerprint = hashlib.sha256(data).hexdigest()
    kind = _kind(data, path)
    if kind == "xlsx":
        return _read_workbook(data, path.name, sheet, fingerprint)
    return _read_csv(data, path.name, fingerprint)


def sheet_names(path: Path) -> tuple[str, ...]:
    """The worksheets of an .xlsx (for the wizard's choice); () for a CSV."""
    data = _read_bytes(path)
    if _kind(data, path) != "xlsx":
        return ()
    workbook = _open_workbook(data, data_only=True)
    try:
        return tuple(ws.title for ws in workbook.worksheets)
    finally:
        workbook.close()


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError(path)
        if size > MAX_FILE_BYTES:
            raise _fail(
                f"Dit bestand is groter dan {MAX_FILE_BYTES // 1024 // 1024} MB; zo groot is "
                "een overzicht van meldingen nooit. Is het wel het goede bestand?",
                f"This file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB; a list of "
                "cases is never that large. Is it the right file?",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise _fail(
            f"Het bestand {path.name} bestaat niet.", f"The file {path.name} does not exist."
        ) from None
    except OSError:
        raise _fail(
            f"Het bestand {path.name} kan niet worden gelezen.",
            f"The file {path.name} cannot be read.",
        ) from None


def _kind(data: bytes, path: Path) -> str:
    if not data.strip():
        raise _fail("Het bestand is leeg.", "The file is empty.")
    if data.startswith(b"PK\x03\x04"):
        _check_zip(data)
        return "xlsx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fail(
            "Dit is een oud Excel-bestand (.xls) of een bestand met een wachtwoord. Open het in "
            "Excel en sla het op als Excel-werkmap (.xlsx) of als CSV, zonder wachtwoord.",
            "This is an old Excel file (.xls) or a password-protected file. Open it in Excel "
            "and save it as an Excel workbook (.xlsx) or as CSV, without a password.",
        )
    head = data[:4096]
    if head.startswith((b"%PDF", b"{\\rtf", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")) or (
        b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    ):
        raise _not_a_sheet(path)
    return "csv"


def _not_a_sheet(path: Path) -> SheetError:
    return _fail(
        f"{path.name} is geen spreadsheet. Kies een Excel-werkmap (.xlsx) of een CSV-bestand.",
        f"{path.name} is not a spreadsheet. Choose an Excel workbook (.xlsx) or a CSV file.",
    )


def _damaged() -> SheetError:
    return _fail(
        "Dit Excel-bestand is beschadigd of onvolledig (misschien niet helemaal gekopieerd). "
        "Open het in Excel, sla het opnieuw op en probeer het nog eens.",
        "This Excel file is damaged or incomplete (perhaps not copied completely). Open it in "
        "Excel, save it again and try once more.",
    )


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise _damaged() from None
    if "word/document.xml" in names:
        raise _fail(
            "Dit is een Word-bestand. Word-bestanden worden niet ingelezen; kies uw "
            "Excel-overzicht (.xlsx) of een CSV-bestand.",
            "This is a Word file. Word files are not read in; choose your Excel list (.xlsx) "
            "or a CSV file.",
        )
    if b"opendocument" in mimetype:
        raise _fail(
            "Dit is een OpenDocument-bestand (.ods). Sla het op als Excel-werkmap (.xlsx) of "
            "als CSV en probeer het opnieuw.",
            "This is an OpenDocument file (.ods). Save it as an Excel workbook (.xlsx) or as "
            "CSV and try again.",
        )
    if "xl/workbook.xml" not in names:
        raise _damaged()


# -- xlsx ------------------------------------------------------------------------------------


def _open_workbook(data: bytes, *, data_only: bool) -> Any:
    import openpyxl  # here: only the import needs it, and it takes a while to load

    try:
        return openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=data_only, keep_links=False
        )
    except Exception:  # openpyxl raises a dozen kinds for a damaged file; all mean the same
        raise _damaged() from None


def _read_workbook(data: bytes, file_name: str, wanted: str | None, fingerprint: str) -> Table:
    # Two passes: values as Excel last calculated them, and which cells hold a formula, so
    # a formula Excel never calculated is named instead of read as an empty cell.
    values_book = _open_workbook(data, data_only=True)
    formula_book = _open_workbook(data, data_only=False)
    try:
        names = tuple(ws.title for ws in values_book.worksheets)
        if not names:
            raise _fail("Deze werkmap heeft geen werkbladen.", "This workbook has no sheets.")
        epoch = EXCEL_EPOCH_1904 if values_book.epoch.year == 1904 else EXCEL_EPOCH
        if wanted is not None and wanted not in names:
            raise _fail(
                f"Deze werkmap heeft geen blad '{wanted}'. Er zijn: {', '.join(names)}.",
                f"This workbook has no sheet '{wanted}'. There are: {', '.join(names)}.",
            )
        candidates = [wanted] if wanted is not None else list(names)
        first_failure: SheetError | None = None
        for name in candidates:
            try:
                rows = _sheet_rows(values_book[name], formula_book[name])
                return _table(rows, file_name, name, names, fingerprint, epoch)
            except _EmptySheet as empty:
                # Without a choice, the first sheet with rows of data is the one meant.
                first_failure = first_failure or empty.error(name if len(names) > 1 else "")
        assert first_failure is not None
        raise first_failure
    except SheetError:
        raise
    except Exception:  # a sheet that breaks while streaming: as damaged as one that won't open
        raise _damaged() from None
    finally:
        values_book.close()
        formula_book.close()


def _sheet_rows(values: Any, formulas: Any) -> Iterator[SheetRow]:
    formula_rows = formulas.iter_rows()
    for number, row in enumerate(values.iter_rows(), start=1):
        formula_row = next(formula_rows, ())
        cells = []
        for index, cell in enumerate(row[: MAX_COLUMNS + 1]):
            value = cell.value
            kind = getattr(cell, "data_type", None)
            if kind == "e":
                value = ExcelError(str(value))
            elif value is None and index < len(formula_row):
                written = formula_row[index].value
                if getattr(formula_row[index], "data_type", None) == "f" or (
                    isinstance(written, str) and written.startswith("=")
                ):
                    value = Formula(str(written))
            cells.append(value)
        yield SheetRow(number, tuple(cells))


# -- csv -------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: Sequence[str] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)  # Excel's "Unicode-tekst"
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _fail(
        "De tekens in dit CSV-bestand zijn niet te lezen: het is geen UTF-8 en geen "
        "Windows-1252 (zoals Excel CSV opslaat). Open het in Excel en sla het op als "
        "'CSV UTF-8 (door komma's gescheiden)'.",
        "The characters in this CSV file cannot be read: it is neither UTF-8 nor "
        "Windows-1252 (as Excel saves CSV). Open it in Excel and save it as "
        "'CSV UTF-8 (comma delimited)'.",
    )


def _read_csv(data: bytes, file_name: str, fingerprint: str) -> Table:
    text = _decode(data)
    head, _, rest = text.partition("\n")
    delimiter = None
    if head.strip().lower().startswith("sep=") and len(head.strip()) == 5:
        # Excel's own hint on the first line; Excel does not show that line as a row.
        delimiter, text = head.strip()[4], rest
    delimiter = delimiter or _sniff(text)
    try:
        return _table(_csv_rows(text, delimiter), file_name, "", (), fingerprint, EXCEL_EPOCH)
    except _EmptySheet as empty:
        raise empty.error("") from None


def _sniff(text: str) -> str:
    sample = text[:65536].splitlines()[:30]

    def score(delimiter: str) -> tuple[int, int, int]:
        try:
            rows = list(csv.reader(sample, delimiter=delimiter))
        except csv.Error:
            return (0, 0, 0)
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        if not rows:
            return (0, 0, 0)
        known = max(sum(1 for cell in row if recognise(cell)) for row in rows[:10])
        widths = [len(row) for row in rows]
        steady = sum(1 for width in widths if width == widths[0])
        return (known, steady if widths[0] > 1 else 0, widths[0])

    return max(_DELIMITERS, key=score)


def _csv_rows(text: str, delimiter: str) -> Iterator[SheetRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field limit" in str(error):
                # The csv module's own limit (131,072 characters) is past Excel's.
                raise _huge(number + 1, "") from None
            raise _fail(
                f"rij {number + 1}: deze regel is geen geldige CSV (er staat een teken in dat "
                "in een tekstbestand niet hoort). Is dit wel het goede bestand?",
                f"row {number + 1}: this line is not valid CSV (it holds a character that "
                "does not belong in a text file). Is this the right file?",
            ) from None
        number += 1
        yield SheetRow(number, tuple(row))


# -- both ------------------------------------------------------------------------------------


class _EmptySheet(Exception):
    """No rows of data: nothing at all (header_row 0), or only the heading row."""

    def __init__(self, header_row: int = 0) -> None:
        super().__init__(header_row)
        self.header_row = header_row

    def error(self, sheet: str) -> SheetError:
        where_nl = f"Het blad '{sheet}'" if sheet else "Het bestand"
        where_en = f"The sheet '{sheet}'" if sheet else "The file"
        if not self.header_row:
            return _fail(f"{where_nl} bevat geen gegevens.", f"{where_en} holds no data.")
        return _fail(
            f"{where_nl} bevat alleen kopjes (rij {self.header_row}) en geen rijen met "
            "meldingen eronder.",
            f"{where_en} holds only headings (row {self.header_row}) and no rows of cases "
            "below them.",
        )


def _huge(row: int, column: str) -> SheetError:
    where_nl = f"rij {row}" + (f", kolom {column}" if column else "")
    where_en = f"row {row}" + (f", column {column}" if column else "")
    limit_nl, limit_en = f"{CELL_MAX:,}".replace(",", "."), f"{CELL_MAX:,}"
    return _fail(
        f"{where_nl}: deze cel is langer dan {limit_nl} tekens, meer dan Excel zelf toestaat. "
        "Is dit wel het goede bestand? Er is niets geïmporteerd.",
        f"{where_en}: this cell is longer than {limit_en} characters, more than Excel itself "
        "allows. Is this the right file? Nothing was imported.",
    )


def _non_empty(rows: Iterator[SheetRow]) -> Iterator[SheetRow]:
    for row in rows:
        if any(not is_blank(cell) for cell in row.cells):
            yield row


def _table(
    rows: Iterator[SheetRow],
    file_name: str,
    sheet: str,
    sheets: tuple[str, ...],
    fingerprint: str,
    epoch: date,
) -> Table:
    filled = _non_empty(rows)
    leading: list[SheetRow] = []
    for row in filled:
        leading.append(row)
        if len(leading) == _HEADER_SEARCH_ROWS:
            break
    if not leading:
        raise _EmptySheet()
    # The heading row is the first with two recognised headings (a title may stand above
    # it), otherwise simply the first row with anything in it.
    header = next(
        (row for row in leading if sum(1 for c in row.cells if recognise(_heading(c))) >= 2),
        leading[0],
    )
    data: list[SheetRow] = [row for row in leading if row.number > header.number]
    for row in filled:
        data.append(row)
        if len(data) > MAX_ROWS:
            limit = f"{MAX_ROWS:,}".replace(",", ".")
            raise _fail(
                f"Dit blad heeft meer dan {limit} rijen met gegevens; zoveel meldingen "
                "heeft niemand. Is het wel het goede blad?",
                f"This sheet has more than {MAX_ROWS:,} rows of data; nobody has that many "
                "cases. Is it the right sheet?",
            )
    if not data:
        raise _EmptySheet(header.number)
    width = max((_width(row.cells) for row in (header, *data)), default=0)
    if width > MAX_COLUMNS:
        raise _fail(
            f"Dit blad heeft meer dan {MAX_COLUMNS} kolommen met gegevens. Is het wel het "
            "goede blad?",
            f"This sheet has more than {MAX_COLUMNS} columns of data. Is it the right sheet?",
        )
    headings = tuple(_heading(cell) for cell in _padded(header.cells, width))
    for row in (header, *data):
        for index, cell in enumerate(row.cells):
            if isinstance(cell, str) and len(cell) > CELL_MAX:
                raise _huge(row.number, headings[index] or column_letter(index))
    padded = tuple(SheetRow(row.number, _padded(row.cells, width)) for row in data)
    return Table(file_name, sheet, sheets, header.number, headings, padded, fingerprint, epoch)


def _heading(cell: Any) -> str:
    if cell is None or isinstance(cell, Formula | ExcelError):
        return ""
    return " ".join(str(cell).split())


def _width(cells: tuple[Any, ...]) -> int:
    for index in range(len(cells) - 1, -1, -1):
        if not is_blank(cells[index]):
            return index + 1
    return 0


def _padded(cells: tuple[Any, ...], width: int) -> tuple[Any, ...]:
    if len(cells) >= width:
        return cells[:width]
    return cells + (None,) * (width - len(cells))
