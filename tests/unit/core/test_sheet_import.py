"""The sheet import from a read table to stored records: rows, rules, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Department, Organisation, Reporter, TimeEntry
from vpnotebook.core.sheetimport import (
    ImportOptions,
    SheetError,
    add_map_argument,
    interpret,
    known_organisations,
    plan_import,
    read_table,
    write_import,
)
from vpnotebook.core.sheetimport.writing import conversation_dates, split_minutes
from vpnotebook.vault.errors import EXIT_USAGE

TODAY = date(2026, 11, 28)


def _interpret(path: Path, *maps: str, organisation: str | None = None):
    options = ImportOptions(today=TODAY, organisation=organisation)
    for mapping in maps:
        add_map_argument(options, mapping)
    return interpret(read_table(path), options)


def _import(journal: Journal, path: Path, *maps: str, organisation: str | None = None):
    interpretation = _interpret(path, *maps, organisation=organisation)
    assert interpretation.ready, (interpretation.problems, interpretation.unknown_values)
    plan = plan_import(interpretation, known_organisations(journal), journal)
    return plan, write_import(journal, plan, today=TODAY)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_the_dutch_registration_imports_completely(
    journal: Journal, tmp_path: Path, sheets: ModuleType, kind: str
) -> None:
    journal.add(Organisation(name="Gemeente Wadwijk"))
    wadwijk = journal.organisation_by_name("Gemeente Wadwijk")
    journal.add(Department(wadwijk.id, "Financiën"))
    if kind == "xlsx":
        path = sheets.write_workbook(tmp_path / "meldingen.xlsx")
    else:
        path = sheets.write_dutch_csv(tmp_path / "meldingen.csv")

    plan, result = _import(journal, path)

    sheets.assert_imported(journal, path.name)
    assert result.cases == len(sheets.EXPECTED)
    assert result.organisations_created == 2  # the bakery (two spellings) and the care group
    assert result.departments_created == 3  # ICT, Verpleging, Winkel; Financiën existed
    assert [o.name for o in journal.organisations()] == [
        "Bakkerij De Korenbloem B.V.",
        "Gemeente Wadwijk",
        "Zorggroep Noorderlicht",
    ]
    counted = {
        (organisation.name, year): count
        for organisation in plan.organisations.values()
        for year, count in organisation.years.items()
    }
    assert counted == sheets.PER_ORGANISATION_YEAR
    assert not plan.organisations["gemeente wadwijk"].is_new


def test_departments_are_matched_forgivingly_and_created_once(
    journal: Journal, tmp_path: Path, sheets: ModuleType
) -> None:
    _import(journal, sheets.write_workbook(tmp_path / "m.xlsx"))
    wadwijk = journal.organisation_by_name("gemeente wadwijk")
    assert [d.name for d in journal.departments_of(wadwijk.id)] == ["Financiën", "ICT"]


def test_closed_case_conversations_are_spread_to_the_closing_day(
    journal: Journal, tmp_path: Path, sheets: ModuleType
) -> None:
    _import(journal, sheets.write_workbook(tmp_path / "m.xlsx"))
    case = next(c for c in journal.find(Case) if c.first_contact == date(2024, 1, 15))
    days = [c.held_on for c in journal.conversations_of(case.id)]
    assert days == [date(2024, 1, 15), date(2024, 2, 7), date(2024, 3, 1)]
    assert case.status == "closed"  # conversations on or before the closing day keep it closed


def test_hours_without_conversations_become_one_time_entry(
    journal: Journal, tmp_path: Path
) -> None:
    path = tmp_path / "uren.csv"
    path.write_text("Datum;Organisatie;Uren\n01-02-2025;Stichting Anker;2,25\n", "utf-8")
    _import(journal, path)
    (entry,) = journal.find(TimeEntry)
    assert (entry.minutes, entry.activity, entry.spent_on) == (135, "case_work", date(2025, 2, 1))


def test_notes_hold_the_remarks_the_old_number_and_the_source(
    journal: Journal, tmp_path: Path
) -> None:
    path = tmp_path / "Overzicht 2024.csv"
    path.write_text(
        "Nr.;Datum;Organisatie;Opmerkingen;Bijzonderheden\n"
        "24-07;3-3-2024;Stichting Anker;Eerste gesprek op locatie;Spreekt Engels\n",
        "utf-8",
    )
    _import(journal, path)
    assert journal.find(Reporter) == []  # nothing about who the reporter is
    (case,) = journal.find(Case)
    assert case.notes.splitlines() == [
        "Opmerkingen: Eerste gesprek op locatie",
        "Bijzonderheden: Spreekt Engels",
        "Nummer in het oude overzicht: 24-07",
        "bron: geïmporteerd uit Overzicht 2024.csv, rij 2",
    ]


def test_one_organisation_for_every_row_with_org(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "zonder-org.csv"
    path.write_text("Datum,Aard\n2025-03-01,pesten\n2025-04-01,seks. intimidatie\n", "utf-8")
    with pytest.raises(SheetError) as missing:
        _interpret(path)
    assert "--org" in missing.value.message_nl and missing.value.exit_code == EXIT_USAGE
    _import(journal, path, organisation="  Gemeente   Wadwijk ")
    assert [o.name for o in journal.organisations()] == ["Gemeente Wadwijk"]
    assert journal.count(Case) == 2


def test_org_with_an_organisation_column_is_refused(tmp_path: Path, sheets: ModuleType) -> None:
    with pytest.raises(SheetError) as both:
        _interpret(sheets.write_workbook(tmp_path / "m.xlsx"), organisation="Iets")
    assert "kolom Organisatie" in both.value.message_nl


def test_a_bad_row_leaves_the_vault_as_it_was(
    journal: Journal, tmp_path: Path, sheets: ModuleType
) -> None:
    journal.add(Organisation(name="Gemeente Wadwijk"))
    before = sheets.vault_snapshot(journal)
    bad = sheets.with_cell(sheets.BAD_ROW, "Datum eerste contact", sheets.BAD_DATE)
    interpretation = _interpret(sheets.write_workbook(tmp_path / "m.xlsx", bad))
    assert not interpretation.ready
    assert [p.text() for p in interpretation.problems] == [
        "rij 5: 30-02-2025 is geen datum (kolom Datum eerste contact)"
    ]
    plan = plan_import(interpretation, known_organisations(journal), journal)
    with pytest.raises(ValueError):
        write_import(journal, plan, today=TODAY)
    assert sheets.vault_snapshot(journal) == before


def test_a_refusal_by_the_journal_rolls_every_row_back(
    journal: Journal, tmp_path: Path, sheets: ModuleType
) -> None:
    # Should a value slip past the sheet's rules, the journal's own check refuses it: here a
    # department name it cannot store (a lone surrogate) on the last row, after every
    # earlier row was written.
    interpretation = _interpret(sheets.write_workbook(tmp_path / "m.xlsx"))
    last = max(interpretation.cases, key=lambda draft: draft.first_contact)
    last.department = "Winkel\ud800"
    before = sheets.vault_snapshot(journal)
    plan = plan_import(interpretation, known_organisations(journal), journal)
    with pytest.raises(SheetError) as refused:
        write_import(journal, plan, today=TODAY)
    assert refused.value.message_nl.startswith(f"rij {last.row}: ")
    assert sheets.vault_snapshot(journal) == before


def test_every_kind_of_bad_row_has_its_own_reason(tmp_path: Path) -> None:
    path = tmp_path / "fouten.csv"
    path.write_text(
        "Datum;Organisatie;Aantal gesprekken;Leeftijd;Afgesloten;Datum afsluiting;Uitkomst;Uren\n"
        "30-02-2025;A;1;30;;;;\n"  # 2: no such day
        "01-01-2099;A;1;30;;;;\n"  # 3: future
        "01-01-1985;A;1;30;;;;\n"  # 4: before 1990
        ";A;1;30;;;;\n"  # 5: no date
        "01-01-2025;;1;30;;;;\n"  # 6: no organisation
        "01-01-2025;A;drie en een half;30;;;;\n"  # 7: not a count
        "01-01-2025;A;2,5;30;;;;\n"  # 8: not whole
        "01-01-2025;A;1;230;;;;\n"  # 9: impossible age
        "01-03-2025;A;1;30;;01-02-2025;;\n"  # 10: closed before first contact
        "01-03-2025;A;1;30;nee;05-03-2025;;\n"  # 11: open, with a closing date
        "01-03-2025;A;1;30;;;opgelost;\n"  # 12: outcome on an open case
        "01-03-2025;A;1;30;;;;30\n"  # 13: 30 hours in one conversation
        "01-03-2025;A;0;30;;;;25\n"  # 14: 25 hours, no conversations
        "01-03-2025;A;1;30;;;;veel\n"  # 15: hours not a number
        "01-03-2025;A;1;30;;31-04-2025;;\n",  # 16: closing date no such day
        "utf-8",
    )
    interpretation = _interpret(path)
    reasons = {p.row: p.reason.nl for p in interpretation.problems}
    assert reasons == {
        2: "30-02-2025 is geen datum",
        3: "01-01-2099 ligt in de toekomst",
        4: "01-01-1985 ligt vóór 1990",
        5: "de datum van het eerste contact ontbreekt",
        6: "de organisatie ontbreekt",
        7: "drie en een half is geen aantal",
        8: "2,5 is geen heel aantal",
        9: "leeftijd 230 kan niet kloppen (verwacht 14 tot 99)",
        10: "de afsluitdatum 01-02-2025 ligt vóór het eerste contact 01-03-2025",
        11: "staat als lopend, maar heeft een datum van afsluiting",
        12: "heeft een uitkomst, maar is niet afgesloten",
        13: "30 uur over 1 gesprek(ken) is meer dan 24 uur per gesprek",
        14: "25 uur zonder gesprekken: vul het aantal gesprekken in (hoogstens 24 uur per gesprek)",
        15: "veel is geen getal",
        16: "31-04-2025 is geen datum",
    }
    assert len(interpretation.problems) == len(reasons)  # one reason per row, not a cascade


def test_unknown_values_are_collected_with_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "waarden.csv"
    path.write_text(
        "Datum;Organisatie;Soort klacht;Functie;Leeftijd\n"
        "01-01-2025;A;ruzie;docent;30-39\n"
        "02-01-2025;A;pesten, Ruzie;medewerker;31\n"
        "03-01-2025;A;seks. intimidatie;Docent;40\n",
        "utf-8",
    )
    interpretation = _interpret(path)
    found = {(u.field, u.text): u.rows for u in interpretation.unknown_values}
    assert found == {
        ("aard", "ruzie"): [2, 3],
        ("rol", "docent"): [2, 4],
        ("leeftijd", "30-39"): [2],
    }
    mapped = _interpret(
        path, "aard:ruzie=buiten werkterrein", "rol:Docent=medewerker", "leeftijd:30-39=25-34"
    )
    assert mapped.ready
    assert [d.categories for d in mapped.cases] == [
        ("outside_remit",),
        ("bullying", "outside_remit"),
        ("sexual_harassment",),
    ]
    assert [d.age_band for d in mapped.cases] == ["25_34", "25_34", "35_44"]


def test_a_wildcard_maps_every_other_value(tmp_path: Path) -> None:
    path = tmp_path / "functies.csv"
    path.write_text(
        "Datum;Organisatie;Functie\n01-01-2025;A;docent\n02-01-2025;A;conciërge\n"
        "03-01-2025;A;Teamleider\n",
        "utf-8",
    )
    mapped = _interpret(path, "rol:*=medewerker")
    assert [d.reporter_role for d in mapped.cases] == ["employee", "employee", "manager"]


def test_unknown_columns_must_be_mapped_or_skipped(tmp_path: Path) -> None:
    path = tmp_path / "kolommen.csv"
    path.write_text("Datum;Organisatie;Behandelaar;;Leeg\n01-01-2025;A;Jansen;iets;\n", "utf-8")
    interpretation = _interpret(path)
    assert [c.name for c in interpretation.unknown_columns] == ["Behandelaar", "(D)"]
    assert not interpretation.ready
    assert [c.source for c in interpretation.columns][-1] == "empty"
    done = _interpret(path, "Behandelaar=overslaan", "kolom D=opmerkingen")
    assert done.ready
    assert done.cases[0].remarks == [("(D)", "iets")]


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("Datum", "schrijf"),
        ("Bestaat niet=datum", "geen kolom 'Bestaat niet'"),
        ("Organisatie=iets vreemds", "'iets vreemds' is geen veld"),
        ("aard:ruzie=kibbelen", "'kibbelen' is geen keuze voor aard van de melding"),
        ("rol:docent=niets", "moet een keuze krijgen"),
        ("gesprekken:drie=3", "geen keuzes"),
    ],
)
def test_wrong_maps_are_refused_in_words(tmp_path: Path, mapping: str, message: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text("Datum;Organisatie\n01-01-2025;A\n", "utf-8")
    with pytest.raises(SheetError) as refused:
        _interpret(path, mapping)
    assert message in refused.value.message_nl
    assert refused.value.exit_code == EXIT_USAGE


def test_two_columns_for_one_field_must_be_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "dubbel.csv"
    path.write_text("Datum;Datum melding;Organisatie\n01-01-2025;02-01-2025;A\n", "utf-8")
    with pytest.raises(SheetError) as refused:
        _interpret(path)
    assert "'Datum' en 'Datum melding'" in refused.value.message_nl
    assert _interpret(path, "Datum melding=overslaan").cases[0].first_contact == date(2025, 1, 1)


def test_a_sheet_without_a_date_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "geen-datum.csv"
    path.write_text("Organisatie;Aard\nA;pesten\n", "utf-8")
    with pytest.raises(SheetError) as refused:
        _interpret(path)
    assert "geen kolom met de datum" in refused.value.message_nl
    assert _interpret(path, "Aard=datum").problems  # mapped, then "pesten is geen datum"


def test_defaults_for_what_the_sheet_leaves_out_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "kaal.csv"
    path.write_text(
        "Datum;Organisatie;Afgesloten\n01-01-2025;A;ja\n02-01-2025;A;\n03-01-2025;A;✓\n", "utf-8"
    )
    interpretation = _interpret(path)
    assert interpretation.defaults == {"contact_type": 3, "reporter_role": 3, "closed_on": 2}
    assert [(d.closing, d.closed_on) for d in interpretation.cases] == [
        ("closed", date(2025, 1, 1)),
        (None, None),
        ("closed", date(2025, 1, 3)),
    ]


def test_a_file_imported_before_is_recognised(
    journal: Journal, tmp_path: Path, sheets: ModuleType
) -> None:
    path = sheets.write_dutch_csv(tmp_path / "m.csv")
    first, _ = _import(journal, path)
    assert first.previous is None
    again = plan_import(_interpret(path), known_organisations(journal), journal)
    assert again.previous is not None
    assert (again.previous.on, again.previous.cases) == (TODAY.isoformat(), len(sheets.EXPECTED))


def test_archived_organisations_are_matched_not_duplicated(
    journal: Journal, tmp_path: Path
) -> None:
    journal.add(Organisation(name="Stichting Anker", archived=True))
    path = tmp_path / "m.csv"
    path.write_text("Datum;Organisatie\n01-01-2025;STICHTING  ANKER\n", "utf-8")
    _, result = _import(journal, path)
    assert result.organisations_created == 0
    assert journal.count(Organisation) == 1


def test_progress_is_reported_per_case(
    journal: Journal, tmp_path: Path, sheets: ModuleType
) -> None:
    plan = plan_import(
        _interpret(sheets.write_workbook(tmp_path / "m.xlsx")),
        known_organisations(journal),
        journal,
    )
    seen: list[tuple[int, int]] = []
    write_import(
        journal, plan, today=TODAY, progress=lambda done, total: seen.append((done, total))
    )
    total = len(sheets.EXPECTED)
    assert seen == [(n, total) for n in range(1, total + 1)]


def test_conversation_dates_and_minutes() -> None:
    first, last = date(2024, 1, 1), date(2024, 1, 11)
    assert conversation_dates(first, None, 3) == [first] * 3
    assert conversation_dates(first, last, 1) == [first]
    assert conversation_dates(first, last, 3) == [first, date(2024, 1, 6), last]
    assert conversation_dates(first, first, 2) == [first, first]
    assert conversation_dates(first, last, 0) == []
    assert split_minutes(100, 3) == [34, 33, 33]
    assert split_minutes(0, 2) == [0, 0]


def test_anonymous_reporters_and_groups_are_imported_as_the_case_says_them(
    journal: Journal, tmp_path: Path
) -> None:
    path = tmp_path / "melders.csv"
    path.write_text(
        "Datum;Organisatie;Anoniem;Aantal melders;Naam melder\n"
        "01-02-2025;Stichting Anker;ja;;\n"  # anonymous, one reporter
        "02-02-2025;Stichting Anker;nee;4;R. de Groot\n"  # a group, its spokesperson named
        "03-02-2025;Stichting Anker;✓;drie;\n"  # an anonymous group
        "04-02-2025;Stichting Anker;;;\n",  # neither: known, one
        "utf-8",
    )
    _import(journal, path)
    cases = sorted(journal.find(Case), key=lambda c: c.first_contact)
    assert [(c.reporter_known, c.reporter_count) for c in cases] == [
        (False, 1),
        (True, 4),
        (False, 3),
        (True, 1),
    ]
    # Only the named spokesperson has a reporter record; the anonymous ones have none.
    assert [(r.case_id, r.name) for r in journal.find(Reporter)] == [(cases[1].id, "R. de Groot")]


def test_who_reported_is_checked_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "melders-fout.csv"
    path.write_text(
        "Datum;Organisatie;Anoniem;Aantal melders;Naam\n"
        "01-02-2025;A;ja;;Els\n"  # 2: anonymous with a name
        "02-02-2025;A;;0;\n"  # 3: no reporters
        "03-02-2025;A;;1,5;\n"  # 4: half a reporter
        "04-02-2025;A;;501;\n"  # 5: more than a case can have
        "05-02-2025;A;misschien;;\n",  # 6: not a yes or no: asked, never guessed
        "utf-8",
    )
    interpretation = _interpret(path)
    assert {p.row: p.reason.nl for p in interpretation.problems} == {
        2: "de melder is anoniem, maar er staat een naam bij",
        3: "0 is geen aantal melders (één of meer)",
        4: "1,5 is geen aantal melders (één of meer)",
        5: "501 melders is meer dan de 500 die één melding kan hebben",
    }
    assert {(u.field, u.text): u.rows for u in interpretation.unknown_values} == {
        ("anoniem", "misschien"): [6]
    }
    mapped = _interpret(path, "anoniem:misschien=nee")
    assert [d.anonymous for d in mapped.cases if d.row == 6] == [False]
