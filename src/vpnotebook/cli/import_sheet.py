"""`vpnotebook import-sheet`: bring an existing registration in from Excel or CSV.

The file is read and checked before the passphrase is asked: a bad row, an unknown value or
an unknown column is refused (exit code 2) with the row numbers as Excel shows them and how to
map what the program does not know. `--dry-run` shows what would be imported per organisation
and year and changes nothing. The import itself is one transaction: all rows, or none.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..core.journal import Journal
from ..core.sheetimport import (
    FIELDS,
    SKIP,
    ImportOptions,
    ImportPlan,
    ImportResult,
    Interpretation,
    add_map_argument,
    interpret,
    known_organisations,
    plan_import,
    read_table,
    write_import,
)
from ..core.sheetimport.columns import BY_KEY
from ..core.sheetimport.plan import DEFAULT_CONTACT_TYPE, DEFAULT_ROLE, choice_list, value_rows
from ..core.taxonomy import CONTACT_TYPES, REPORTER_ROLES
from ..vault.errors import EXIT_OK, EXIT_USAGE
from .messages import UsageProblem, language

MESSAGES: dict[str, tuple[str, str]] = {
    "source": (
        "Bestand: {file}{sheet} — kopjes op rij {header}, {rows} rij(en) met meldingen.",
        "File: {file}{sheet} — headings on row {header}, {rows} row(s) of cases.",
    ),
    "sheet": (", blad '{name}'", ", sheet '{name}'"),
    "columns": ("Kolommen:", "Columns:"),
    "column_field": ("  {name:<28} → {field}", "  {name:<28} → {field}"),
    "column_skipped": (
        "  {name:<28} → niet geïmporteerd (overgeslagen)",
        "  {name:<28} → not imported (skipped)",
    ),
    "column_empty": (
        "  {name:<28} → niet geïmporteerd (leeg)",
        "  {name:<28} → not imported (empty)",
    ),
    "column_unknown": ("  {name:<28} → ? (niet herkend)", "  {name:<28} → ? (not recognised)"),
    "refused": (
        "Het bestand kan niet worden geïmporteerd; er is niets gewijzigd.",
        "The file cannot be imported; nothing was changed.",
    ),
    "bad_rows": (
        "Deze rijen kloppen niet (rijnummers zoals in Excel):",
        "These rows are not right (row numbers as in Excel):",
    ),
    "more_rows": ("  … en nog {count} rij(en).", "  … and {count} more row(s)."),
    "fix_rows": (
        "Verbeter ze in het bestand en probeer het opnieuw.",
        "Correct them in the file and try again.",
    ),
    "unknown_values": (
        "Deze waarden herkent het programma niet:",
        "The program does not recognise these values:",
    ),
    "unknown_field": ("  {field} (kolom '{column}'):", "  {field} (column '{column}'):"),
    "unknown_value": ("    '{value}' (rij {rows})", "    '{value}' (row {rows})"),
    "map_values": (
        'Zeg per waarde wat het is, bijvoorbeeld:\n  --map "{example}"\n'
        'Met --map "{field_key}:*=keuze" krijgen alle overige waarden van een veld één keuze.',
        'Say for each value what it is, for example:\n  --map "{example}"\n'
        'With --map "{field_key}:*=choice" every other value of a field gets one choice.',
    ),
    "choice": ("keuze", "choice"),
    "choices": ("Keuzes voor {field_key}: {choices}.", "Choices for {field_key}: {choices}."),
    "unknown_columns": (
        "Deze kolommen herkent het programma niet: {names}.",
        "The program does not recognise these columns: {names}.",
    ),
    "map_columns": (
        'Zeg wat erin staat, bijvoorbeeld --map "{name}=opmerkingen", of sla de kolom over '
        'met --map "{name}=' + SKIP + '".\nVelden: {fields}.',
        'Say what it holds, for example --map "{name}=opmerkingen", or skip the column '
        'with --map "{name}=' + SKIP + '".\nFields: {fields}.',
    ),
    "plan": (
        "Wat er geïmporteerd wordt: {cases} melding(en), {conversations} gesprek(ken), "
        "{referrals} doorverwijzing(en), {routes} route(s){hours}; {closed} afgesloten.",
        "What will be imported: {cases} case(s), {conversations} conversation(s), "
        "{referrals} referral(s), {routes} route(s){hours}; {closed} closed.",
    ),
    "hours": (", {hours} uur", ", {hours} hours"),
    "plan_dry": (
        "Wat er geïmporteerd zou worden: {cases} melding(en), {conversations} gesprek(ken), "
        "{referrals} doorverwijzing(en), {routes} route(s){hours}; {closed} afgesloten.",
        "What would be imported: {cases} case(s), {conversations} conversation(s), "
        "{referrals} referral(s), {routes} route(s){hours}; {closed} closed.",
    ),
    "org_existing": ("  {name} (bestaat al)", "  {name} (already exists)"),
    "org_new": ("  {name} (wordt nieuw aangemaakt)", "  {name} (will be created)"),
    "org_year": ("    {year}: {count} melding(en)", "    {year}: {count} case(s)"),
    "org_departments": (
        "    nieuwe afdeling(en): {names}",
        "    new department(s): {names}",
    ),
    "defaults": ("Zelf ingevuld door het programma:", "Filled in by the program:"),
    "default_contact_type": (
        "  - {count} melding(en) zonder soort contact: '{value}'.",
        "  - {count} case(s) without a kind of contact: '{value}'.",
    ),
    "default_reporter_role": (
        "  - {count} melding(en) zonder rol van de melder: '{value}'.",
        "  - {count} case(s) without the reporter's role: '{value}'.",
    ),
    "default_closed_on": (
        "  - {count} afgesloten melding(en) zonder datum van afsluiting: de datum van het "
        "eerste contact.",
        "  - {count} closed case(s) without a closing date: the date of first contact.",
    ),
    "previous": (
        "Let op: dit bestand is al eens geïmporteerd (op {on}, {cases} meldingen). Nog een "
        "keer importeren zet alles er dubbel in.",
        "Note: this file was imported before (on {on}, {cases} cases). Importing it again "
        "puts everything in twice.",
    ),
    "previous_refused": (
        "Er is niets geïmporteerd. Wilt u het toch nog een keer, gebruik dan --again.",
        "Nothing was imported. If you want it once more all the same, use --again.",
    ),
    "dry_run": ("Proefrun: er is niets gewijzigd.", "Dry run: nothing was changed."),
    "imported": (
        "Geïmporteerd: {cases} melding(en) ({first} tot en met {last}), {conversations} "
        "gesprek(ken), {referrals} doorverwijzing(en), {routes} route(s); "
        "{organisations} nieuwe organisatie(s), {departments} nieuwe afdeling(en).",
        "Imported: {cases} case(s) ({first} to {last}), {conversations} conversation(s), "
        "{referrals} referral(s), {routes} route(s); {organisations} new organisation(s), "
        "{departments} new department(s).",
    ),
    "map_file_unreadable": (
        "Het bestand met toewijzingen {path} kan niet worden gelezen.",
        "The mapping file {path} cannot be read.",
    ),
}

MAX_ROWS_SHOWN = 50


def text(message: str, **values: Any) -> str:
    dutch, english = MESSAGES[message]
    return (english if language() == "en" else dutch).format(**values)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "import-sheet",
        help="import an existing registration from Excel (.xlsx) or CSV, all or nothing",
        description="Import cases from an Excel workbook (.xlsx) or a CSV file (';', ',' or "
        "tab; UTF-8 or Windows-1252). Common Dutch headings are recognised (Datum, "
        "Organisatie, Afdeling, Aard, Soort contact, Functie, Geslacht, Leeftijd, Aantal "
        "gesprekken, Doorverwezen naar, Route, Afgesloten, Datum afsluiting, Opmerkingen, …). "
        "A bad row refuses the whole file, naming the row as Excel numbers it. "
        "See docs/formats/sheet-import.md.",
        epilog="Fields for --map: " + ", ".join(f.key for f in FIELDS) + f", or '{SKIP}'. "
        "Exit codes: 0 imported (or dry run), 2 the file or a mapping is not right "
        "(nothing changed), 3 wrong passphrase, 4 damaged vault, 5 vault in use.",
    )
    parser.add_argument("--vault", type=Path, required=True, metavar="DIR", help="vault folder")
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the passphrase from the first line of FILE "
        "(otherwise $VPNOTEBOOK_PASSPHRASE, otherwise a prompt)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would be imported (per organisation and year); change nothing",
    )
    parser.add_argument(
        "--org",
        metavar="NAME",
        help="put every row in this organisation (for a sheet without an Organisatie column); "
        "matched by name or created",
    )
    parser.add_argument(
        "--sheet", metavar="NAME", help="the worksheet (default: the first with data)"
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="MAPPING",
        help='"Kolom=veld" says what a column holds ("Melddatum=datum", "Nr.=overslaan"); '
        '"veld:waarde=keuze" says what a value means ("aard:ruzie=buiten werkterrein", '
        '"rol:*=medewerker" for every other value). Repeatable.',
    )
    parser.add_argument(
        "--map-file",
        type=Path,
        metavar="FILE",
        help="read mappings from FILE, one per line, as for --map (# starts a comment)",
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="import a file that was imported before all the same (everything twice)",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the .xlsx or .csv file")
    parser.set_defaults(run=command)


def _map_lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
        try:
            content = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            content = data.decode("cp1252")
    except (OSError, UnicodeDecodeError):
        raise UsageProblem(text("map_file_unreadable", path=path)) from None
    lines = (line.strip() for line in content.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def options_from(args: argparse.Namespace, today: date) -> ImportOptions:
    options = ImportOptions(today=today, organisation=args.org)
    mappings = list(args.map)
    if args.map_file is not None:
        mappings = _map_lines(args.map_file) + mappings
    for mapping in mappings:
        add_map_argument(options, mapping)
    return options


def command(args: argparse.Namespace) -> int:
    from .commands import open_vault

    return run(args, open_vault)


def run(args: argparse.Namespace, open_vault: Any) -> int:
    today = date.today()
    options = options_from(args, today)
    table = read_table(args.file, args.sheet)
    interpretation = interpret(table, options)
    if not interpretation.ready:
        _explain_refusal(interpretation)
        return EXIT_USAGE
    with open_vault(args) as vault:
        journal = Journal(vault.db)
        plan = plan_import(interpretation, known_organisations(journal), journal)
        _describe(plan, dry_run=args.dry_run)
        if plan.previous is not None:
            print(
                text("previous", on=_dutch_date(plan.previous.on), cases=plan.previous.cases),
                file=sys.stderr,
            )
            if not args.dry_run and not args.again:
                print(text("previous_refused"), file=sys.stderr)
                return EXIT_USAGE
        if args.dry_run:
            print(text("dry_run"))
            return EXIT_OK
        result = write_import(journal, plan, today=today)
    _report(result)
    return EXIT_OK


def _dutch_date(iso: str) -> str:
    try:
        return date.fromisoformat(iso).strftime("%d-%m-%Y")
    except ValueError:
        return "?"


def _explain_refusal(interpretation: Interpretation) -> None:
    lang = language()
    err = sys.stderr
    print(text("refused"), file=err)
    if interpretation.problems:
        print(text("bad_rows"), file=err)
        ordered = sorted(interpretation.problems, key=lambda problem: problem.row)
        for problem in ordered[:MAX_ROWS_SHOWN]:
            print(f"  {problem.text(lang)}", file=err)
        if len(ordered) > MAX_ROWS_SHOWN:
            print(text("more_rows", count=len(ordered) - MAX_ROWS_SHOWN), file=err)
        print(text("fix_rows"), file=err)
    if interpretation.unknown_values:
        print(text("unknown_values"), file=err)
        columns = {c.field: c.name for c in interpretation.columns if c.field}
        by_field: dict[str, list[Any]] = {}
        for unknown in interpretation.unknown_values:
            by_field.setdefault(unknown.field, []).append(unknown)
        for key, values in by_field.items():
            sheet_field = BY_KEY[key]
            print(
                text("unknown_field", field=sheet_field.label(lang), column=columns.get(key, "")),
                file=err,
            )
            for unknown in values:
                print(text("unknown_value", value=unknown.text, rows=value_rows(unknown)), file=err)
        first = interpretation.unknown_values[0]
        print(
            text(
                "map_values",
                example=f"{first.field}:{first.text}={text('choice')}",
                field_key=first.field,
            ),
            file=err,
        )
        for key in by_field:
            print(text("choices", field_key=key, choices=choice_list(BY_KEY[key], lang)), file=err)
    if interpretation.unknown_columns:
        names = [column.name for column in interpretation.unknown_columns]
        print(text("unknown_columns", names=", ".join(f"'{n}'" for n in names)), file=err)
        fields = ", ".join(f.key for f in FIELDS)
        print(text("map_columns", name=names[0], fields=fields), file=err)


def _describe(plan: ImportPlan, *, dry_run: bool) -> None:
    lang = language()
    interpretation = plan.interpretation
    table = interpretation.table
    sheet = text("sheet", name=table.sheet) if table.sheet else ""
    print(
        text(
            "source",
            file=table.file_name,
            sheet=sheet,
            header=table.header_row,
            rows=len(table.rows),
        )
    )
    print(text("columns"))
    for column in interpretation.columns:
        if column.sheet_field is not None:
            print(text("column_field", name=column.name, field=column.sheet_field.label(lang)))
        elif column.source == "skipped":
            print(text("column_skipped", name=column.name))
        elif column.source == "empty":
            print(text("column_empty", name=column.name))
        else:
            print(text("column_unknown", name=column.name))
    totals = plan.totals()
    minutes = totals.pop("minutes")
    hours = ""
    if minutes:
        number = f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
        hours = text("hours", hours=number if language() == "en" else number.replace(".", ","))
    print(text("plan_dry" if dry_run else "plan", hours=hours, **totals))
    for organisation in plan.organisations.values():
        key = "org_new" if organisation.is_new else "org_existing"
        print(text(key, name=organisation.name))
        for year in sorted(organisation.years):
            print(text("org_year", year=year, count=organisation.years[year]))
        if organisation.new_departments:
            print(text("org_departments", names=", ".join(organisation.new_departments)))
    defaults = interpretation.defaults
    if defaults:
        print(text("defaults"))
        values = {
            "contact_type": CONTACT_TYPES.label(DEFAULT_CONTACT_TYPE, lang),
            "reporter_role": REPORTER_ROLES.label(DEFAULT_ROLE, lang),
            "closed_on": "",
        }
        for key, count in defaults.items():
            print(text(f"default_{key}", count=count, value=values[key]))


def _report(result: ImportResult) -> None:
    first, last = result.case_numbers
    print(
        text(
            "imported",
            cases=result.cases,
            first=first,
            last=last,
            conversations=result.conversations,
            referrals=result.referrals,
            routes=result.routes,
            organisations=result.organisations_created,
            departments=result.departments_created,
        )
    )
