"""Spreadsheets as VPs keep them, for the sheet-import tests: an Excel workbook and a CSV.

Loaded by path through the `sheets` fixture (tests/conftest.py): the suite runs with
`--import-mode=importlib`, where test modules cannot import a sibling module by name.

The workbook is written with openpyxl the way Excel leaves a real registration: real date
cells next to serial numbers and typed dates, a merged and formatted but empty block below
the data, a column Excel formats but nobody filled, and a second sheet of notes.
The CSV is written as Dutch Excel writes "CSV (gescheiden door lijstscheidingsteken)":
Windows-1252, `;`, CRLF, dd-mm-jjjj, decimal commas, quotes only where a cell needs them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HEADINGS = (
    "Datum eerste contact",
    "Organisatie",
    "Afdeling",
    "Aard melding",
    "Soort contact",
    "Functie",
    "Geslacht",
    "Leeftijd",
    "Aantal gesprekken",
    "Uren",
    "Doorverwezen naar",
    "Route",
    "Afgesloten",
    "Datum afsluiting",
    "Opmerkingen",
)


@dataclass(frozen=True)
class Expected:
    """What one row must become in the vault."""

    row: int
    organisation: str
    first_contact: date
    department: str | None
    categories: tuple[str, ...]
    contact_type: str
    role: str
    gender: str | None
    age_band: str | None
    conversations: int
    minutes: int
    referrals: tuple[str, ...]
    routes: tuple[str, ...]
    status: str
    closed_on: date | None
    remark: str


# Row numbers as Excel shows them: row 1 holds the headings, data from row 2 on, in the
# workbook and in the CSV alike. Row 5 is the one the 30-02-2025 test breaks.
ROWS: tuple[tuple[Any, ...], ...] = (
    (datetime(2024, 1, 15), "Gemeente Wadwijk", "Financiën", "Seks. intimidatie", "Melding",
     "Medewerker", "V", 34, 3, 4.5, "Bedrijfsarts", "Informeel", "ja", datetime(2024, 3, 1),
     "Wil eerst zelf het gesprek aangaan."),
    (45337, "gemeente wadwijk", "ICT", "agressie/geweld", "vraag", "Leidinggevende", "M",
     "45-54", 1, None, None, None, "nee", None, None),
    ("12-04-2024", "Gemeente Wadwijk", "financien", "Pesten en intimidatie", "Melding",
     "uitzendkracht", "vrouw", 27, 2, "1,5", "HR / P&O en bmw", "klachtencommissie",
     "afgesloten", "30-06-2024", "Klacht loopt; melder\nhoudt contact via e-mail."),
    ("5-3-24", "Bakkerij De Korenbloem B.V.", None, "pesten, discriminatie", "sparren",
     "stagiair", None, None, 0, None, None, None, None, None, "Belde na de kerst."),
    ("2025-01-08", "Zorggroep Noorderlicht", "Verpleging", "Integriteit", "melding",
     "oud-medewerker", "x", 58, 4, 6, "Huis voor Klokkenluiders", "Huis voor Klokkenluiders",
     "nazorg", None, "Vroeg om anonimiteit; café-overleg met ´één´ collega."),
    (datetime(2025, 2, 3), "Bakkerij de Korenbloem", "Winkel", "buiten werkterrein", "Vraag",
     "vrijwilliger", "anders", "jonger dan 25", 1, 0.75, "nee", None, None, None, None),
)  # fmt: skip

EXPECTED = (
    Expected(2, "Gemeente Wadwijk", date(2024, 1, 15), "Financiën", ("sexual_harassment",),
             "report", "employee", "female", "25_34", 3, 270, ("company_doctor",),
             ("vp_informal",), "closed", date(2024, 3, 1), "Wil eerst zelf het gesprek aangaan."),
    Expected(3, "Gemeente Wadwijk", date(2024, 2, 15), "ICT", ("aggression",), "question",
             "manager", "male", "45_54", 1, 0, (), (), "open", None, ""),
    Expected(4, "Gemeente Wadwijk", date(2024, 4, 12), "Financiën",
             ("intimidation", "bullying"), "report", "temp", "female", "25_34", 2, 90,
             ("hr", "social_worker"), ("complaints_committee",), "closed", date(2024, 6, 30),
             "Klacht loopt; melder\nhoudt contact via e-mail."),
    Expected(5, "Bakkerij De Korenbloem B.V.", date(2024, 3, 5), None,
             ("bullying", "discrimination"), "sounding_board", "intern", None, None, 0, 0, (),
             (), "open", None, "Belde na de kerst."),
    Expected(6, "Zorggroep Noorderlicht", date(2025, 1, 8), "Verpleging", ("integrity",),
             "report", "ex_employee", "other", "55_plus", 4, 360, ("whistleblowers_house",),
             ("whistleblowers_house",), "aftercare", None,
             "Vroeg om anonimiteit; café-overleg met ´één´ collega."),
    Expected(7, "Bakkerij De Korenbloem B.V.", date(2025, 2, 3), "Winkel", ("outside_remit",),
             "question", "volunteer", "other", "under_25", 1, 45, (), (), "open", None, ""),
)  # fmt: skip

# (organisation, year) -> cases: what a dry run must count.
PER_ORGANISATION_YEAR = {
    ("Gemeente Wadwijk", 2024): 3,
    ("Bakkerij De Korenbloem B.V.", 2024): 1,
    ("Bakkerij De Korenbloem B.V.", 2025): 1,
    ("Zorggroep Noorderlicht", 2025): 1,
}
BAD_DATE = "30-02-2025"
BAD_ROW = 5  # as Excel numbers it


def write_workbook(path: Path, rows: tuple[tuple[Any, ...], ...] = ROWS) -> Path:
    """The registration as .xlsx, with what Excel leaves around real data."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Meldingen"
    sheet.append(list(HEADINGS))
    for row in rows:
        sheet.append(list(row))
    for cell in sheet["A"][1:]:
        if isinstance(cell.value, datetime):
            cell.number_format = "dd-mm-yyyy"
    last = sheet.max_row
    # Below the data: a merged, bold, coloured block and formatted rows, all without values.
    sheet.merge_cells(start_row=last + 2, start_column=1, end_row=last + 3, end_column=4)
    sheet.cell(last + 2, 1).font = Font(bold=True)
    for row in range(last + 1, last + 8):
        sheet.cell(row, 2).fill = PatternFill("solid", fgColor="FFF2CC")
    # A column to the right that Excel formats but nobody filled.
    sheet.cell(1, len(HEADINGS) + 2).fill = PatternFill("solid", fgColor="DDEBF7")
    workbook.create_sheet("Toelichting").append(["Vrije tekst, geen meldingen."])
    workbook.save(path)
    return path


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, int) and value > 40000:  # a serial: Excel writes the date it shows
        return (date(1899, 12, 30) + timedelta(days=value)).strftime("%d-%m-%Y")
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)


def csv_text(rows: tuple[tuple[Any, ...], ...] = ROWS) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue()


def write_dutch_csv(path: Path, rows: tuple[tuple[Any, ...], ...] = ROWS) -> Path:
    """As Dutch Excel saves CSV: Windows-1252, semicolons, CRLF."""
    path.write_bytes(csv_text(rows).encode("cp1252"))
    return path


def with_cell(
    row_number: int, column: str, value: Any, rows: tuple[tuple[Any, ...], ...] = ROWS
) -> tuple[tuple[Any, ...], ...]:
    """`rows` with one cell replaced; `row_number` as Excel numbers it (headings are row 1)."""
    index = row_number - 2
    position = HEADINGS.index(column)
    changed = list(rows)
    row = list(changed[index])
    row[position] = value
    changed[index] = tuple(row)
    return tuple(changed)


# -- checking a vault ------------------------------------------------------------------------


def vault_snapshot(journal: Any) -> dict[str, list[Any]]:
    """Every record of every table, and the settings: to compare a vault before and after."""
    from vpnotebook.core.models import TABLES

    snapshot: dict[str, list[Any]] = {
        table: journal.find(entity_type) for entity_type, table in TABLES.items()
    }
    snapshot["settings"] = [tuple(row) for row in journal.db.query("SELECT * FROM settings")]
    return snapshot


def assert_imported(
    journal: Any, file_name: str, expected: tuple[Expected, ...] = EXPECTED
) -> None:
    """The vault holds exactly the expected cases, each with its records and its source line."""
    from vpnotebook.core.models import (
        Case,
        Conversation,
        Department,
        Organisation,
        Referral,
        Reporter,
        Route,
        TimeEntry,
    )

    organisations = {o.id: o.name for o in journal.find(Organisation)}
    departments = {d.id: d.name for d in journal.find(Department)}
    reporters = {r.case_id: r for r in journal.find(Reporter)}
    cases = journal.find(Case)
    by_source: dict[int, Any] = {}
    for case in cases:
        notes = case.notes  # the case's own notes, not the reporter's (issue 13)
        source = notes.splitlines()[-1]
        assert source.startswith(f"bron: geïmporteerd uit {file_name}, rij "), notes
        by_source[int(source.rsplit(" ", 1)[1])] = case
    assert sorted(by_source) == sorted(e.row for e in expected)
    for want in expected:
        case = by_source[want.row]
        where = f"row {want.row}"
        assert organisations[case.organisation_id] == want.organisation, where
        assert case.first_contact == want.first_contact, where
        assert (departments.get(case.department_id) if case.department_id else None) == (
            want.department
        ), where
        assert case.categories == want.categories, where
        assert case.contact_type == want.contact_type, where
        assert case.reporter_role == want.role, where
        assert case.gender == want.gender, where
        assert case.age_band == want.age_band, where
        assert case.status == want.status, where
        assert case.closed_on == want.closed_on, where
        conversations = journal.find(Conversation, "case_id = ?", (case.id,))
        assert len(conversations) == want.conversations, where
        assert all(c.story == c.notes == "" for c in conversations), where
        assert all(
            want.first_contact <= c.held_on <= (want.closed_on or want.first_contact)
            for c in conversations
        ), where
        times = journal.find(TimeEntry, "case_id = ?", (case.id,))
        minutes = sum(c.duration_min for c in conversations) + sum(t.minutes for t in times)
        assert minutes == want.minutes, where
        referrals = journal.find(Referral, "case_id = ?", (case.id,))
        assert tuple(sorted(r.party for r in referrals)) == tuple(sorted(want.referrals)), where
        routes = journal.find(Route, "case_id = ?", (case.id,))
        assert tuple(r.route for r in routes) == want.routes, where
        assert case.notes.startswith(want.remark), where
        # No name in the sheet: nothing about who the reporter is was stored.
        assert case.id not in reporters, where
        assert case.reporter_known and case.reporter_count == 1, where
    numbers = [case.number for case in sorted(cases, key=lambda c: (c.first_contact, c.id))]
    assert numbers == sorted(numbers, key=lambda n: (int(n[:4]), int(n[5:]))), numbers
