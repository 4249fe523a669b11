"""What a spreadsheet column can mean: the one list of importable fields.

To import a new kind of column, add one `SheetField` to FIELDS: its key (what `--map` and the
wizard call it), its Dutch and English name, the headings that are recognised without a map,
how one cell is read, and where the value goes on the `CaseDraft` (plan.py turns a draft into
records; writing.py stores them). Nothing else needs to know the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from ..models import SHORT
from . import vocabulary as words
from .errors import BadValue
from .matching import Choice, TermMatcher, Unrecognised, ValueMap
from .text import is_blank, normalise, normalise_heading
from .values import (
    EXCEL_EPOCH,
    NoBand,
    looks_like_date,
    parse_age,
    parse_count,
    parse_date,
    parse_minutes,
    parse_reporters,
)

SKIP = "overslaan"
SKIP_WORDS = frozenset(
    normalise(w) for w in (SKIP, "negeren", "niet importeren", "skip", "ignore", "geen")
)
# The longest cell Excel itself allows; anything longer is not a spreadsheet cell.
CELL_MAX = 32_767


@dataclass
class CaseDraft:
    """One row as read, before defaults and cross-field rules (plan.py)."""

    row: int
    first_contact: date | None = None
    organisation: str = ""
    department: str = ""
    contact_type: str | None = None
    reporter_role: str | None = None
    categories: tuple[str, ...] = ()
    gender: str | None = None
    age_band: str | None = None
    relation: str | None = None
    conversations: int = 0
    minutes: int = 0
    referrals: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()
    closing: str | None = None  # "closed", "open" or "aftercare" from a status column
    closed_on: date | None = None
    outcome: str | None = None
    title: str = ""
    reporter_name: str = ""
    anonymous: bool = False
    reporters: int = 1
    old_number: str = ""
    remarks: list[tuple[str, str]] = field(default_factory=list)  # (heading, text)


@dataclass(frozen=True)
class CellContext:
    today: date
    values: ValueMap  # the VP's value map for this field
    epoch: date = EXCEL_EPOCH


Reader = Callable[[Any, CellContext], Any]
Putter = Callable[[CaseDraft, Any, str], None]


@dataclass(frozen=True)
class SheetField:
    key: str
    nl: str
    en: str
    headings: tuple[str, ...]
    read: Reader
    put: Putter
    matcher: TermMatcher | None = None  # values from a vocabulary: the VP can map unknown ones
    optional: bool = True  # a value may be mapped to "record nothing"
    several_columns: bool = False  # more than one column may feed it

    def label(self, language: str = "nl") -> str:
        return self.en if language == "en" else self.nl

    def choices(self) -> tuple[Choice, ...]:
        return self.matcher.choices(optional=self.optional) if self.matcher else ()


# -- reading a cell --------------------------------------------------------------------------


def cell_text(cell: Any) -> str:
    """A cell as text, the way a Dutch Excel shows it."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "ja" if cell else "nee"
    if isinstance(cell, datetime):
        shown = cell.strftime("%d-%m-%Y")
        return shown if cell.time() == time(0) else f"{shown} {cell:%H:%M}"
    if isinstance(cell, date):
        return cell.strftime("%d-%m-%Y")
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else str(cell).replace(".", ",")
    if isinstance(cell, time | timedelta):
        return str(cell)
    return str(cell).strip()


def _date(cell: Any, context: CellContext) -> date | None:
    return None if is_blank(cell) else parse_date(cell, context.today, context.epoch)


def _short_text(what_nl: str, what_en: str) -> Reader:
    def read(cell: Any, context: CellContext) -> str:
        value = " ".join(cell_text(cell).split())
        if len(value) > SHORT:
            raise BadValue(
                f"{what_nl} is langer dan {SHORT} tekens", f"{what_en} is longer than {SHORT}"
            )
        return value

    return read


def _long_text(cell: Any, context: CellContext) -> str:
    return cell_text(cell)


def _one(matcher: TermMatcher) -> Reader:
    def read(cell: Any, context: CellContext) -> str | None:
        return None if is_blank(cell) else matcher.one(cell_text(cell), context.values)

    return read


def _many(matcher: TermMatcher) -> Reader:
    def read(cell: Any, context: CellContext) -> tuple[str, ...]:
        return () if is_blank(cell) else matcher.many(cell_text(cell), context.values)

    return read


def _count(cell: Any, context: CellContext) -> int:
    return parse_count(cell)


def _minutes(cell: Any, context: CellContext) -> int:
    return parse_minutes(cell)


def _reporters(cell: Any, context: CellContext) -> int:
    return parse_reporters(cell)


def _anonymous(cell: Any, context: CellContext) -> bool:
    """An "Anoniem" cell: yes (anonymous) or no; empty is no."""
    if is_blank(cell):
        return False
    if isinstance(cell, bool):
        return cell
    text = cell_text(cell)
    if normalise(text) in context.values:
        return context.values[normalise(text)] == "anonymous"
    if text in _TICKS:
        return True
    return words.ANONYMITIES.one(text, context.values) == "anonymous"


def _age(cell: Any, context: CellContext) -> str | None:
    if is_blank(cell):
        return None
    text = cell_text(cell)
    if normalise(text) in context.values:
        return context.values[normalise(text)]
    try:
        return parse_age(cell)
    except NoBand:
        return words.AGE_BANDS.one(text, context.values)


_TICKS = frozenset("✓✔☑✅")


def _closing(cell: Any, context: CellContext) -> tuple[str | None, date | None]:
    """A status or "afgesloten" cell: ("closed", date or None), ("open"|"aftercare", None)."""
    if is_blank(cell):
        return None, None
    if isinstance(cell, bool):
        return ("closed" if cell else "open"), None
    text = cell_text(cell)
    if normalise(text) in context.values:
        return context.values[normalise(text)], None
    if text in _TICKS:
        return "closed", None
    if looks_like_date(cell, context.today, context.epoch):
        return "closed", parse_date(cell, context.today, context.epoch)
    return words.CLOSINGS.one(text, context.values), None


def _set(name: str) -> Putter:
    def put(draft: CaseDraft, value: Any, heading: str) -> None:
        setattr(draft, name, value)

    return put


def _put_closing(draft: CaseDraft, value: tuple[str | None, date | None], heading: str) -> None:
    draft.closing, on = value
    if on is not None:
        draft.closed_on = on


def _put_remark(draft: CaseDraft, value: str, heading: str) -> None:
    if value.strip():
        draft.remarks.append((heading, value.strip()))


# -- the fields ------------------------------------------------------------------------------

FIELDS: tuple[SheetField, ...] = (
    SheetField(
        "datum", "Datum eerste contact", "Date of first contact",
        ("datum", "datum eerste contact", "datum van eerste contact", "eerste contact",
         "datum 1e contact",
         "datum eerste gesprek", "datum melding", "meldingsdatum", "melddatum",
         "datum binnenkomst", "startdatum", "date", "date of first contact"),
        _date, _set("first_contact"), optional=False,
    ),
    SheetField(
        "organisatie", "Organisatie", "Organisation",
        ("organisatie", "opdrachtgever", "klant", "bedrijf", "werkgever", "organisation"),
        _short_text("de naam van de organisatie", "the organisation's name"),
        _set("organisation"), optional=False,
    ),
    SheetField(
        "afdeling", "Afdeling", "Department",
        ("afdeling", "afdeling melder", "team", "afdeling team", "department"),
        _short_text("de afdeling", "the department"), _set("department"),
    ),
    SheetField(
        "aard", "Aard van de melding", "Kind of case",
        ("aard", "aard melding", "aard van de melding", "aard klacht", "aard van de klacht",
         "soort klacht", "categorie",
         "categorieen", "soort ongewenst gedrag", "thema", "category"),
        _many(words.CATEGORIES), _set("categories"), words.CATEGORIES,
    ),
    SheetField(
        "soort", "Soort contact", "Kind of contact",
        ("soort contact", "contactsoort", "type contact", "soort contact melding vraag sparren",
         "contact type"),
        _one(words.CONTACT_TYPES), _set("contact_type"), words.CONTACT_TYPES, optional=False,
    ),
    SheetField(
        "rol", "Rol van de melder", "Reporter's role",
        ("functie", "rol", "rol melder", "functie melder", "rol van de melder",
         "functie van de melder", "positie",
         "role"),
        _one(words.REPORTER_ROLES), _set("reporter_role"), words.REPORTER_ROLES, optional=False,
    ),
    SheetField(
        "geslacht", "Gender", "Gender",
        ("geslacht", "geslacht melder", "gender", "m v", "man vrouw", "sekse"),
        _one(words.GENDERS), _set("gender"), words.GENDERS,
    ),
    SheetField(
        "leeftijd", "Leeftijd", "Age",
        ("leeftijd", "leeftijd melder", "leeftijdscategorie", "leeftijdsgroep",
         "leeftijdsklasse", "age"),
        _age, _set("age_band"), words.AGE_BANDS,
    ),
    SheetField(
        "relatie", "Relatie tot veroorzaker", "Relation to the accused",
        ("relatie tot beklaagde", "relatie tot veroorzaker", "relatie", "relatie beklaagde",
         "relatie veroorzaker"),
        _one(words.RELATIONS), _set("relation"), words.RELATIONS,
    ),
    SheetField(
        "gesprekken", "Aantal gesprekken", "Number of conversations",
        ("aantal gesprekken", "gesprekken", "aantal contacten", "contacten", "conversations"),
        _count, _set("conversations"),
    ),
    SheetField(
        "uren", "Bestede tijd (uren)", "Time spent (hours)",
        ("uren", "tijd", "bestede tijd", "aantal uren", "tijdsbesteding", "tijd uren", "hours"),
        _minutes, _set("minutes"),
    ),
    SheetField(
        "doorverwezen", "Doorverwezen naar", "Referred to",
        ("doorverwezen naar", "doorverwezen", "doorverwijzing", "doorverwijzing naar",
         "doorverwijzingen",
         "verwezen naar", "verwijzing", "referred to"),
        _many(words.REFERRALS), _set("referrals"), words.REFERRALS,
    ),
    SheetField(
        "route", "Route", "Route",
        ("route", "routes", "gekozen route", "keuzemodel"),
        _many(words.ROUTES), _set("routes"), words.ROUTES,
    ),
    SheetField(
        "afgesloten", "Afgesloten (ja/nee of datum)", "Closed (yes/no or date)",
        ("afgesloten", "status", "afgerond", "gesloten", "lopend afgesloten", "closed"),
        _closing, _put_closing, words.CLOSINGS, optional=False,
    ),
    SheetField(
        "afgesloten op", "Datum afsluiting", "Date closed",
        ("datum afsluiting", "afsluitdatum", "afgesloten op", "datum afgesloten", "einddatum",
         "datum afgerond", "date closed"),
        _date, _set("closed_on"),
    ),
    SheetField(
        "uitkomst", "Uitkomst", "Outcome",
        ("uitkomst", "resultaat", "afloop", "outcome"),
        _one(words.OUTCOMES), _set("outcome"), words.OUTCOMES,
    ),
    SheetField(
        "werktitel", "Werktitel", "Working title",
        ("werktitel", "titel", "onderwerp", "title"),
        _short_text("de werktitel", "the working title"), _set("title"),
    ),
    SheetField(
        "naam", "Naam van de melder", "Reporter's name",
        ("naam melder", "naam", "naam van de melder", "melder", "name"),
        _short_text("de naam", "the name"), _set("reporter_name"),
    ),
    SheetField(
        "anoniem", "Anonieme melder (ja/nee)", "Anonymous reporter (yes/no)",
        ("anoniem", "anonieme melder", "melder anoniem", "anoniem ja nee", "anonymous"),
        _anonymous, _set("anonymous"), words.ANONYMITIES, optional=False,
    ),
    SheetField(
        "aantal melders", "Aantal melders", "Number of reporters",
        ("aantal melders", "melders", "aantal personen", "groepsgrootte",
         "number of reporters"),
        _reporters, _set("reporters"),
    ),
    SheetField(
        "nummer", "Nummer in uw oude overzicht", "Number in your old list",
        ("nr", "nummer", "volgnummer", "dossiernummer", "registratienummer", "kenmerk",
         "casusnummer", "meldingnummer", "meldingsnummer", "id", "number"),
        _short_text("het nummer", "the number"), _set("old_number"),
    ),
    SheetField(
        "opmerkingen", "Opmerkingen (naar de notities)", "Remarks (into the notes)",
        ("opmerkingen", "opmerking", "notities", "notitie", "toelichting", "omschrijving",
         "aantekeningen", "bijzonderheden", "samenvatting", "beschrijving", "remarks", "notes"),
        _long_text, _put_remark, several_columns=True,
    ),
)  # fmt: skip

BY_KEY = {sheet_field.key: sheet_field for sheet_field in FIELDS}


def _heading_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for sheet_field in FIELDS:
        for heading in sheet_field.headings:
            key = normalise_heading(heading)
            if table.setdefault(key, sheet_field.key) != sheet_field.key:
                raise ValueError(f"heading {heading!r} is claimed by two fields")
    return table


_HEADINGS = _heading_table()


def recognise(heading: str) -> SheetField | None:
    """The field a column heading names without a map, or None."""
    key = _HEADINGS.get(normalise_heading(heading))
    return BY_KEY[key] if key else None


def field_named(name: str) -> SheetField | None:
    """The field the VP means in `--map "Kolom=veld"`: its key, its name or a heading."""
    key = normalise(name)
    for sheet_field in FIELDS:
        names = (sheet_field.key, sheet_field.nl, sheet_field.en)
        if key in {normalise(n) for n in names}:
            return sheet_field
    return recognise(name)


def is_skip(name: str) -> bool:
    return normalise(name) in SKIP_WORDS


__all__ = ["FIELDS", "SKIP", "CaseDraft", "CellContext", "SheetField", "Unrecognised"]
