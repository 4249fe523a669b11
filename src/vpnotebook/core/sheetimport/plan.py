"""From a read sheet to what will be stored: columns, rows, problems, unknown values.

`assign_columns` decides what each column means (recognised heading, the VP's map, or not
imported); `interpret` reads every row into a `CaseDraft` and applies the rules that span
fields; both need no vault, so a bad file is refused before the passphrase is asked.
`plan_import` (in resolve.py) then matches organisations and departments in the vault.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .columns import (
    BY_KEY,
    FIELDS,
    SKIP,
    CaseDraft,
    CellContext,
    SheetField,
    cell_text,
    field_named,
    is_skip,
    recognise,
)
from .errors import BadValue, Reason, RowProblem, SheetError, quote
from .matching import EVERYTHING_ELSE, Unrecognised
from .reading import ExcelError, Formula, Table
from .text import column_index, is_blank, normalise, normalise_heading

DEFAULT_CONTACT_TYPE = "report"
DEFAULT_ROLE = "employee"
MAX_MINUTES_PER_RECORD = 24 * 60  # what one conversation or time entry may hold (models.py)


# -- the VP's choices ------------------------------------------------------------------------


@dataclass
class ImportOptions:
    """What the VP decided: column meanings, value meanings, the organisation for all rows."""

    today: date
    columns: dict[str, str] = field(default_factory=dict)  # column reference -> key or SKIP
    values: dict[str, dict[str, str | None]] = field(default_factory=dict)  # key -> value map
    organisation: str | None = None

    def map_column(self, reference: str, target: str) -> None:
        self.columns[reference] = target

    def map_value(self, key: str, value: str, code: str | None) -> None:
        mapped = EVERYTHING_ELSE if value.strip() == EVERYTHING_ELSE else normalise(value)
        self.values.setdefault(key, {})[mapped] = code


def _usage(nl: str, en: str) -> SheetError:
    return SheetError(nl, en)


def add_map_argument(options: ImportOptions, argument: str) -> None:
    """One `--map`: "Kolom=veld" (a column's meaning) or "veld:waarde=keuze" (a value's)."""
    left, equals, right = argument.rpartition("=")
    if not equals or not left.strip() or not right.strip():
        raise _usage(
            f'--map "{argument}": schrijf "Kolom=veld" of "veld:waarde=keuze".',
            f'--map "{argument}": write "Column=field" or "field:value=choice".',
        )
    name, colon, value = left.partition(":")
    target_field = field_named(name) if colon else None
    if target_field is not None:
        if target_field.matcher is None:
            raise _usage(
                f'--map "{argument}": bij {target_field.nl.lower()} zijn er geen keuzes om '
                "waarden aan toe te wijzen.",
                f'--map "{argument}": {target_field.en.lower()} has no choices to map values to.',
            )
        try:
            code = target_field.matcher.target(right)
        except Unrecognised:
            raise _usage(
                f"--map \"{argument}\": '{right.strip()}' is geen keuze voor "
                f"{target_field.nl.lower()}. Mogelijk zijn: {choice_list(target_field)}.",
                f"--map \"{argument}\": '{right.strip()}' is not a choice for "
                f"{target_field.en.lower()}. Possible are: {choice_list(target_field, 'en')}.",
            ) from None
        if code is None and not target_field.optional:
            raise _usage(
                f'--map "{argument}": {target_field.nl.lower()} moet een keuze krijgen.',
                f'--map "{argument}": {target_field.en.lower()} needs a choice.',
            )
        options.map_value(target_field.key, value, code)
        return
    if is_skip(right):
        options.map_column(left.strip(), SKIP)
        return
    chosen = field_named(right)
    if chosen is None:
        names = ", ".join(f.key for f in FIELDS)
        raise _usage(
            f"--map \"{argument}\": '{right.strip()}' is geen veld. Velden zijn: {names}; "
            f"of '{SKIP}' om de kolom niet te importeren.",
            f"--map \"{argument}\": '{right.strip()}' is not a field. Fields are: {names}; "
            f"or '{SKIP}' to leave the column out.",
        )
    options.map_column(left.strip(), chosen.key)


def choice_list(sheet_field: SheetField, language: str = "nl") -> str:
    return ", ".join(choice.label(language).lower() for choice in sheet_field.choices())


# -- columns ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnPlan:
    index: int
    name: str  # the heading, or "(F)" for a column without one
    field: str | None  # the field key, or None: not imported
    source: str  # "recognised", "mapped", "skipped", "unknown" (holds data), "empty"
    sample: str  # the first value in it, shortened, for the wizard

    @property
    def sheet_field(self) -> SheetField | None:
        return BY_KEY[self.field] if self.field else None


def _column_for(reference: str, table: Table) -> int | None:
    wanted = normalise_heading(reference)
    for index, heading in enumerate(table.headings):
        if heading and (heading == reference.strip() or normalise_heading(heading) == wanted):
            return index
    words = normalise(reference).split()
    stripped = reference.strip()
    letters = None
    if len(words) == 2 and words[0] in ("kolom", "column"):
        letters = words[1]
    elif stripped.startswith("(") and stripped.endswith(")"):
        letters = stripped[1:-1]
    found = column_index(letters) if letters is not None else None
    return found if found is not None and found < len(table.headings) else None


def assign_columns(table: Table, options: ImportOptions) -> tuple[ColumnPlan, ...]:
    """What each column means. Raises SheetError for a map naming no column; two columns
    claiming one field are left for check_columns to refuse."""
    chosen: dict[int, str] = {}
    for reference, target in options.columns.items():
        index = _column_for(reference, table)
        if index is None:
            names = ", ".join(f"'{table.column_name(i)}'" for i in range(len(table.headings)))
            raise _usage(
                f"--map: er is geen kolom '{reference}' in dit blad. De kolommen zijn: {names}.",
                f"--map: there is no column '{reference}' in this sheet. The columns are: {names}.",
            )
        chosen[index] = target
    columns = []
    for index in range(len(table.headings)):
        name = table.column_name(index)
        values = [row.cells[index] for row in table.rows if not is_blank(row.cells[index])]
        sample = quote(cell_text(values[0])) if values else ""
        if index in chosen:
            target = chosen[index]
            key, source = (None, "skipped") if target == SKIP else (target, "mapped")
        elif (known := recognise(table.headings[index])) is not None:
            key, source = known.key, "recognised"
        else:
            key, source = None, ("unknown" if values else "empty")
        columns.append(ColumnPlan(index, name, key, source, sample))
    return tuple(columns)


def _refuse_double_claims(columns: Iterable[ColumnPlan]) -> None:
    claims: dict[str, list[str]] = {}
    for column in columns:
        if column.field and not BY_KEY[column.field].several_columns:
            claims.setdefault(column.field, []).append(column.name)
    for key, names in claims.items():
        if len(names) > 1:
            listed = " en ".join(f"'{name}'" for name in names)
            listed_en = " and ".join(f"'{name}'" for name in names)
            raise _usage(
                f"Twee kolommen zijn allebei '{BY_KEY[key].nl}': {listed}. Geef aan welke niet "
                f'bedoeld is, bijvoorbeeld met --map "{names[-1]}={SKIP}".',
                f"Two columns are both '{BY_KEY[key].en}': {listed_en}. Say which one is not "
                f'meant, for example with --map "{names[-1]}={SKIP}".',
            )


# -- rows ------------------------------------------------------------------------------------


@dataclass
class UnknownValue:
    """A value in a vocabulary column that the program does not know: the VP decides."""

    field: str  # the field key
    text: str  # the first spelling met
    rows: list[int]


@dataclass
class Interpretation:
    table: Table
    columns: tuple[ColumnPlan, ...]
    options: ImportOptions
    cases: list[CaseDraft]
    problems: list[RowProblem]
    unknown_values: list[UnknownValue]
    defaults: dict[str, int]  # what the program filled in itself, and how often

    @property
    def unknown_columns(self) -> tuple[ColumnPlan, ...]:
        return tuple(column for column in self.columns if column.source == "unknown")

    @property
    def ready(self) -> bool:
        return not (self.problems or self.unknown_values or self.unknown_columns)


def check_columns(
    table: Table, options: ImportOptions, *, organisation_needed: bool = True
) -> tuple[ColumnPlan, ...]:
    """The columns' meanings, checked without reading a row: cheap enough for every change
    in the wizard. Raises SheetError for two columns claiming one field, and when the date
    or (unless the caller asks for it itself) the organisation has no source."""
    columns = assign_columns(table, options)
    _refuse_double_claims(columns)
    keys = {column.field for column in columns if column.field}
    if "datum" not in keys:
        raise _usage(
            "Het blad heeft geen kolom met de datum van het eerste contact (zoals 'Datum' of "
            "'Datum eerste contact'). Geef aan welke kolom dat is, bijvoorbeeld met "
            '--map "Melddatum=datum".',
            "The sheet has no column with the date of first contact (such as 'Datum' or "
            "'Datum eerste contact'). Say which column it is, for example with "
            '--map "Melddatum=datum".',
        )
    if organisation_needed or options.organisation is not None:
        _check_organisation_source("organisatie" in keys, options.organisation)
    return columns


def interpret(table: Table, options: ImportOptions) -> Interpretation:
    """Read every row. Row problems and unknown values are collected, not raised, so the VP
    sees them all at once; a missing date or organisation column raises SheetError."""
    columns = check_columns(table, options)
    used = [(column, BY_KEY[column.field]) for column in columns if column.field]
    problems: list[RowProblem] = []
    unknown: dict[tuple[str, str], UnknownValue] = {}
    drafts: list[CaseDraft] = []
    contexts = {
        sheet_field.key: CellContext(
            options.today, options.values.get(sheet_field.key, {}), table.epoch
        )
        for sheet_field in FIELDS
    }
    for row in table.rows:
        draft = CaseDraft(row.number)
        if options.organisation is not None:
            draft.organisation = " ".join(options.organisation.split())
        row_ok = True
        for column, sheet_field in used:
            cell = row.cells[column.index]
            try:
                _refuse_special(cell)
                value = sheet_field.read(cell, contexts[sheet_field.key])
            except BadValue as bad:
                problems.append(RowProblem(row.number, bad.reason, column.name))
                row_ok = False
                continue
            except Unrecognised as missing:
                for part in missing.parts:
                    seen = unknown.setdefault(
                        (sheet_field.key, normalise(part)), UnknownValue(sheet_field.key, part, [])
                    )
                    seen.rows.append(row.number)
                row_ok = False
                continue
            sheet_field.put(draft, value, column.name)
        if row_ok:
            problems.extend(_finish(draft))
        drafts.append(draft)
    defaults = _fill_defaults(drafts)
    return Interpretation(
        table, columns, options, drafts, problems, list(unknown.values()), defaults
    )


def _check_organisation_source(has_column: bool, organisation: str | None) -> None:
    if has_column and organisation is not None:
        raise _usage(
            "Het blad heeft al een kolom Organisatie; dan kiest u niet nog eens een organisatie "
            f"voor alle rijen. Laat die keuze weg, of sla de kolom over (--map "
            f'"Organisatie={SKIP}").',
            "The sheet already has an Organisation column; then you do not also choose one "
            f"organisation for all rows. Leave that choice out, or skip the column (--map "
            f'"Organisatie={SKIP}").',
        )
    if not has_column and (organisation is None or not organisation.strip()):
        raise _usage(
            "Het blad heeft geen kolom Organisatie. Kies de organisatie waar alle meldingen "
            'bij horen (op de opdrachtregel met --org "Naam").',
            "The sheet has no Organisation column. Choose the organisation all cases belong "
            'to (on the command line with --org "Name").',
        )


def _refuse_special(cell: Any) -> None:
    if isinstance(cell, Formula):
        raise BadValue(
            "deze cel heeft een formule die Excel nog niet heeft uitgerekend; open het bestand "
            "in Excel, sla het op en probeer het opnieuw",
            "this cell has a formula Excel has not calculated yet; open the file in Excel, "
            "save it and try again",
        )
    if isinstance(cell, str) and "\x00" in cell:
        raise BadValue(
            "deze cel bevat een NUL-teken, dat niet in tekst hoort; is het bestand beschadigd?",
            "this cell holds a NUL character, which does not belong in text; is the file damaged?",
        )
    if isinstance(cell, ExcelError):
        shown = quote(cell.text)
        raise BadValue(
            f"deze cel toont de Excel-fout {shown}", f"this cell shows the Excel error {shown}"
        )


def _reason(nl: str, en: str) -> Reason:
    return Reason(nl, en)


def _finish(draft: CaseDraft) -> list[RowProblem]:
    """The rules that span fields; returns the row's problems (empty when it is fine)."""
    found: list[RowProblem] = []

    def problem(nl: str, en: str) -> None:
        found.append(RowProblem(draft.row, _reason(nl, en)))

    if draft.first_contact is None:
        problem("de datum van het eerste contact ontbreekt", "the date of first contact is missing")
    if not draft.organisation:
        problem("de organisatie ontbreekt", "the organisation is missing")
    if draft.closed_on is not None:
        if draft.closing == "open":
            problem(
                "staat als lopend, maar heeft een datum van afsluiting",
                "is marked as open, but has a closing date",
            )
        elif draft.first_contact is not None and draft.closed_on < draft.first_contact:
            problem(
                f"de afsluitdatum {draft.closed_on:%d-%m-%Y} ligt vóór het eerste contact "
                f"{draft.first_contact:%d-%m-%Y}",
                f"the closing date {draft.closed_on:%d-%m-%Y} lies before the first contact "
                f"{draft.first_contact:%d-%m-%Y}",
            )
        else:
            draft.closing = "closed"
    if draft.anonymous and draft.reporter_name:
        problem(
            "de melder is anoniem, maar er staat een naam bij",
            "the reporter is anonymous, but a name is given",
        )
    if draft.outcome is not None and draft.closing != "closed":
        problem(
            "heeft een uitkomst, maar is niet afgesloten",
            "has an outcome, but is not closed",
        )
    spread_over = max(draft.conversations, 1)
    if draft.minutes > MAX_MINUTES_PER_RECORD * spread_over:
        hours = f"{draft.minutes / 60:.1f}".replace(".", ",").removesuffix(",0")
        if draft.conversations:
            problem(
                f"{hours} uur over {draft.conversations} gesprek(ken) is meer dan 24 uur per "
                "gesprek",
                f"{hours} hours over {draft.conversations} conversation(s) is more than 24 "
                "hours per conversation",
            )
        else:
            problem(
                f"{hours} uur zonder gesprekken: vul het aantal gesprekken in (hoogstens 24 "
                "uur per gesprek)",
                f"{hours} hours without conversations: fill in the number of conversations "
                "(at most 24 hours each)",
            )
    return found


def _fill_defaults(drafts: list[CaseDraft]) -> dict[str, int]:
    """Required fields the sheet left empty get the usual value; the VP is told how often."""
    counts = {"contact_type": 0, "reporter_role": 0, "closed_on": 0}
    for draft in drafts:
        if draft.contact_type is None:
            draft.contact_type = DEFAULT_CONTACT_TYPE
            counts["contact_type"] += 1
        if draft.reporter_role is None:
            draft.reporter_role = DEFAULT_ROLE
            counts["reporter_role"] += 1
        if draft.closing == "closed" and draft.closed_on is None and draft.first_contact:
            # Closed, but the sheet says not when: the first contact is the one date known.
            draft.closed_on = draft.first_contact
            counts["closed_on"] += 1
    return {key: count for key, count in counts.items() if count}


def value_rows(unknown: UnknownValue, limit: int = 8) -> str:
    shown = ", ".join(str(row) for row in unknown.rows[:limit])
    return shown + (", …" if len(unknown.rows) > limit else "")
