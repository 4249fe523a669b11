"""Checking an export document: its top level, its settings and, record by record, its
tables — against the field specs, the references and every uniqueness rule of the schema.

The records arrive one at a time (from a file being read, or from a document in memory), so
the import never holds more than one table's keys and the records others refer to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, NoReturn, TypedDict

from ..fields import TEXT_MAX, ValidationError, from_json, specs
from ..journal import has_identity
from ..ledger import SHA256, figures_problem
from ..models import SHORT, Case, CaseLink, Department, Organisation, Reporter
from .errors import ImportFormatError, ImportVersionError
from .tables import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ISO_DATE,
    KEYS,
    MAX_INT,
    MAX_SETTING_KEY,
    NOCASE,
    RECORD_TABLES,
    REFERENCES,
    UPGRADES,
    PublishedReport,
    TextConfirmation,
)

KNOWN_TOP_LEVEL = {"format", "version", "exported_at", "app_version", "settings", "records"}


class _Location(TypedDict):
    """Where a record sits in the document: ImportFormatError's keyword arguments."""

    table: str
    index: int
    record_id: int | None


def check_head(document: Any) -> tuple[dict[str, str], str, str]:
    """The document without its records: (settings, exported_at, app_version), or an error.

    `document["records"]` is only looked at for being there; the records are checked by
    RecordChecker.
    """
    document = upgraded(document)
    for key in document:
        if key not in KNOWN_TOP_LEVEL:
            raise ImportFormatError("Onbekend onderdeel.", "unknown top-level key", field=key)
    exported_at = _meta_text(document, "exported_at")
    if exported_at:
        try:
            datetime.fromisoformat(exported_at)
        except ValueError:
            raise ImportFormatError(
                "Geen geldig tijdstip.", "not an ISO timestamp", field="exported_at"
            ) from None
    app_version = _meta_text(document, "app_version")
    settings = _settings(document.get("settings", {}))
    if "records" not in document:
        raise ImportFormatError("De records ontbreken.", "is missing", field="records")
    return settings, exported_at, app_version


def upgraded(document: object) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportFormatError(
            "Dit is geen exportbestand van vpnotebook.", "this is not a vpnotebook export"
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportFormatError(
            "Onbekende versie van het exportformaat.", "unknown format version", field="version"
        )
    if version > FORMAT_VERSION:
        raise ImportVersionError(
            "Dit bestand is gemaakt met een nieuwere versie van vpnotebook. Werk het "
            "programma bij om het te importeren.",
            f"this file was made by a newer vpnotebook (format version {version}, this one "
            f"reads up to {FORMAT_VERSION}); update the program to import it",
            field="version",
        )
    for step in range(version, FORMAT_VERSION):
        document = UPGRADES[step](document)
    return document


def _meta_text(document: dict[str, Any], key: str) -> str:
    value = document.get(key, "")
    if not isinstance(value, str) or len(value) > SHORT or not _storable(value):
        raise ImportFormatError("Moet korte tekst zijn.", "must be short text", field=key)
    return value


def _settings(settings: Any) -> dict[str, str]:
    if not isinstance(settings, dict):
        raise ImportFormatError("Verwacht een object.", "must be an object", field="settings")
    for key, value in settings.items():
        if not isinstance(key, str) or not key or len(key) > MAX_SETTING_KEY or not _storable(key):
            raise ImportFormatError(
                "Ongeldige naam van een instelling.", "invalid setting name", field="settings"
            )
        if not isinstance(value, str) or len(value) > TEXT_MAX or not _storable(value):
            raise ImportFormatError(
                "Een instelling moet tekst zijn.", "a setting must be text", field=f"settings.{key}"
            )
    return dict(settings)


def _storable(value: str) -> bool:
    # A lone surrogate (legal in JSON as "\ud800") cannot be stored; NUL cuts text in C code.
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class RecordChecker:
    """Checks the records table by table; references only ever point to earlier tables."""

    def __init__(self) -> None:
        self.by_id: dict[str, dict[int, Any]] = {table: {} for table in REFERENCES.values()}

    def check_outline(self, tables: Iterable[str] | None) -> None:
        """`records` is an object (`tables` not None) that names known tables only."""
        if tables is None:
            raise ImportFormatError("Verwacht een object.", "must be an object", field="records")
        for table in tables:
            if table not in RECORD_TABLES:
                raise ImportFormatError(
                    "Onbekende tabel.", "unknown table", field=f"records.{table}"
                )

    def check_table(self, table: str, rows: Iterable[Any] | None) -> Iterator[Any]:
        """Each record of `table` as a checked entity, in order (`rows` None: not a list).

        Tables come in the order of RECORD_TABLES, so every reference points to a table
        already checked.
        """
        if rows is None:
            raise ImportFormatError(
                "Verwacht een lijst.", "must be a list", field=f"records.{table}"
            )
        entity_type = RECORD_TABLES[table]
        seen: dict[str, set[Any]] = {}
        for index, data in enumerate(rows):
            entity = self._record(table, entity_type, index, data)
            for field_name, key, nl, en in _unique_keys(table, entity):
                keys = seen.setdefault(field_name, set())
                if key in keys:
                    raise _located(table, index, entity, field_name, nl, en)
                keys.add(key)
            if table in self.by_id:
                self.by_id[table][entity.id] = entity
            yield entity

    def _record(self, table: str, entity_type: type, index: int, data: Any) -> Any:
        rid = data.get("id") if isinstance(data, dict) else None
        location: _Location = {
            "table": table,
            "index": index,
            "record_id": rid if isinstance(rid, int) and not isinstance(rid, bool) else None,
        }
        if isinstance(data, dict):
            self._precheck(entity_type, data, location)
        try:
            entity = from_json(entity_type, data)
        except ValidationError as exc:
            field = None if exc.field_name == "-" else exc.field_name
            raise ImportFormatError(
                exc.message_nl, exc.message_en, field=field, **location
            ) from None
        except (TypeError, ValueError, OverflowError):
            # A value from_json did not foresee; the prechecks should make this unreachable.
            raise ImportFormatError(
                "Dit record is ongeldig.", "the record is invalid", **location
            ) from None
        self._postcheck(table, entity, index)
        return entity

    @staticmethod
    def _precheck(entity_type: type, data: dict[str, Any], location: _Location) -> None:
        """What from_json and validate let through: "" as a number or code, unhashable codes
        (Vocabulary lookups would raise TypeError), and dates in ISO forms other than
        YYYY-MM-DD (date.fromisoformat accepts 20240305 and week dates). Unknown codes are
        refused here too, so that no message repeats a value from the file."""
        for field_name, spec in specs(entity_type).items():
            if field_name not in data:
                continue
            value = data[field_name]

            def fail(nl: str, en: str, field_name: str = field_name) -> None:
                raise ImportFormatError(nl, en, field=field_name, **location)

            label = spec.label_nl or field_name
            # fields.validate lets "" through as "empty" for every kind; in a number or code
            # field it would be stored as text where the vault expects a number or a code.
            if (
                spec.kind in ("int", "ref")
                and value is not None
                and (isinstance(value, bool) or not isinstance(value, int))
            ):
                fail(f"{label} moet een heel getal zijn.", "must be a whole number")
            elif spec.kind == "code" and value is not None and not isinstance(value, str):
                fail(f"{label}: verwacht een code (tekst).", "must be a code (text)")
            elif spec.kind == "code" and value == "":
                fail(f"{label}: lege code; gebruik null.", "empty code (use null)")
            elif (
                spec.kind == "code"
                and value is not None
                and spec.vocab is not None
                and value not in spec.vocab
            ):
                # Checked here rather than by validate, whose message repeats the value.
                fail(f"{label}: onbekende code.", "unknown code")
            elif spec.kind == "codes" and (
                not isinstance(value, list) or not all(isinstance(v, str) for v in value)
            ):
                fail(f"{label}: verwacht een lijst van codes.", "must be a list of codes")
            elif (
                spec.kind == "date"
                and value is not None
                and (not isinstance(value, str) or not ISO_DATE.fullmatch(value))
            ):
                fail(f"{label}: geen geldige datum (JJJJ-MM-DD).", "must be a date as YYYY-MM-DD")

    def _postcheck(self, table: str, entity: Any, index: int) -> None:
        """What the vault's schema demands beyond the field specs, and the references."""

        def fail(field_name: str, nl: str, en: str) -> NoReturn:
            raise _located(table, index, entity, field_name, nl, en)

        for field_name, spec in specs(type(entity)).items():
            value = getattr(entity, field_name)
            label = spec.label_nl or field_name
            if spec.kind in ("int", "ref") and value is not None and abs(value) > MAX_INT:
                fail(field_name, f"{label} is te groot.", f"must be at most {MAX_INT}")
            elif spec.kind == "text" and not _storable(value):
                fail(field_name, f"{label} bevat een ongeldig teken.", "contains invalid text")
        if "id" in specs(type(entity)) and entity.id is None:
            fail("id", "Het id ontbreekt.", "id is required")
        if isinstance(entity, Organisation | Department) and not entity.name.strip(" "):
            fail("name", "De naam is leeg.", "name must not be blank")
        if isinstance(entity, Case):
            for field_name in ("year", "seq"):
                if getattr(entity, field_name) is None:
                    fail(field_name, "Het meldingsnummer ontbreekt.", "is required")
        for field_name in ("content_sha256", "pdf_sha256", "fingerprint"):
            value = getattr(entity, field_name, None)
            fingerprinted = isinstance(entity, PublishedReport | TextConfirmation)
            if fingerprinted and value is not None and not SHA256.fullmatch(value):
                fail(
                    field_name,
                    "Geen geldige vingerafdruk (64 tekens 0-9 en a-f).",
                    "must be a SHA-256 in 64 lowercase hexadecimal characters",
                )
        if isinstance(entity, PublishedReport):
            # Every later report of the organisation reads these figures back.
            problem = figures_problem(entity.figures)
            if problem:
                fail("figures", "De gedrukte cijfers zijn niet te lezen.", problem)
        for field_name, target in REFERENCES.items():
            target_id = getattr(entity, field_name, None)
            if target_id is None:
                continue
            referenced = self.by_id[target].get(target_id)
            if referenced is None:
                fail(
                    field_name,
                    f"Verwijst naar een record dat niet in {target} staat.",
                    f"refers to a record that is not in {target}",
                )
            # A department, or a case of a follow-up or time entry, belongs to the same client
            # organisation as the record pointing at it; otherwise reports would mix clients.
            own_org = getattr(entity, "organisation_id", None)
            other_org = getattr(referenced, "organisation_id", None)
            if own_org is not None and other_org is not None and own_org != other_org:
                fail(
                    field_name,
                    "Hoort bij een andere organisatie dan dit record.",
                    "belongs to another organisation than this record",
                )
            if isinstance(entity, CaseLink) and referenced.is_destroyed:
                fail(
                    field_name,
                    "Een vernietigde melding heeft geen koppelingen.",
                    "a destroyed case has no links",
                )
            if (
                isinstance(entity, Reporter)
                and not referenced.reporter_known
                and has_identity(entity)
            ):
                fail(
                    "name",
                    "De melding heeft een anonieme melder; daar hoort geen naam, "
                    "bereikbaarheid of notitie over de melder bij.",
                    "the case's reporter is anonymous: no identity may be stored for it",
                )
        if isinstance(entity, CaseLink) and not (
            isinstance(entity.case_id, int)
            and isinstance(entity.linked_case_id, int)
            and entity.case_id < entity.linked_case_id
        ):
            fail(
                "linked_case_id",
                "Een koppeling noemt eerst de melding met het laagste id, en twee "
                "verschillende meldingen.",
                "a link names the lower case id first, and two different cases",
            )


def _unique_keys(table: str, entity: Any) -> Iterator[tuple[str, Any, str, str]]:
    """(field, key, Dutch, English) for every uniqueness rule of the schema."""
    key_fields = KEYS.get(table, ("id",))
    yield (
        key_fields[-1],
        tuple(getattr(entity, name) for name in key_fields),
        "Dit id komt twee keer voor."
        if key_fields == ("id",)
        else "Dit record staat er dubbel in.",
        "duplicate id" if key_fields == ("id",) else "duplicate record",
    )
    if isinstance(entity, Organisation):
        yield (
            "name",
            entity.name.translate(NOCASE),
            "Er is al een organisatie met deze naam.",
            "another organisation has this name (letters A-Z compare case-insensitively)",
        )
    elif isinstance(entity, Department):
        yield (
            "name",
            (entity.organisation_id, entity.name),
            "Deze organisatie heeft al een afdeling met deze naam.",
            "the organisation already has a department with this name",
        )
    elif isinstance(entity, Case):
        yield (
            "seq",
            (entity.year, entity.seq),
            "Dit meldingsnummer komt twee keer voor.",
            "another case has the same year and seq",
        )
    elif isinstance(entity, CaseLink):
        yield (
            "linked_case_id",
            (entity.case_id, entity.linked_case_id),
            "Deze twee meldingen zijn al gekoppeld.",
            "these two cases are linked twice",
        )
    elif isinstance(entity, PublishedReport):
        yield (
            "version",
            (entity.organisation_id, entity.year, entity.version),
            "Deze versie van dit jaarverslag staat er al in.",
            "another issue has the same organisation, year and version",
        )


def _located(
    table: str, index: int, entity: Any, field_name: str, nl: str, en: str
) -> ImportFormatError:
    return ImportFormatError(
        nl,
        en,
        table=table,
        index=index,
        record_id=getattr(entity, "id", None),
        field=field_name,
    )
