"""The documented, versioned JSON export of a whole vault, and its all-or-nothing import.

The format is specified in docs/formats/export.md. An export is plaintext by nature; asking
the VP to confirm that is the caller's job. The import trusts nothing in the document: every
record is checked against the field specs, every reference and every uniqueness rule of the
schema is checked against the other records, and only then is anything written, in one
transaction, so a bad file leaves the vault exactly as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from .. import __version__
from ..vault.errors import EXIT_DAMAGED, VaultError
from ..vault.fsutil import atomic_writer
from .destruction import RULE_ERASURE, RULE_RETENTION, RULE_VP_DECISION, SCOPE_CASE, SCOPE_REPORTER
from .fields import (
    TEXT_MAX,
    ValidationError,
    code,
    day,
    from_json,
    from_row,
    integer,
    record_id,
    ref,
    specs,
    text,
    to_json,
    to_row,
)
from .journal import Journal
from .models import SHORT, TABLES, Case, Department, Organisation, Reporter
from .retention import RetentionExtension
from .taxonomy import Term, Vocabulary

FORMAT_NAME = "vpnotebook-export"
FORMAT_VERSION = 1
# Guards reading a wrong file (a disk image, /dev/zero) into memory; a real export of many
# years of notes is far below this.
MAX_IMPORT_BYTES = 512 * 1024 * 1024
# Integers a JSON reader in any language keeps exactly; also far below SQLite's int64 limit,
# which the search index needs (its rowid is id * 16 + kind).
MAX_INT = 2**53 - 1
MAX_SETTING_KEY = 200

DESTRUCTION_RULES = Vocabulary(
    "rule",
    Term(RULE_RETENTION, "Bewaartermijn verstreken", "Retention period expired"),
    Term(RULE_ERASURE, "Verzoek om verwijdering", "Erasure request"),
    Term(RULE_VP_DECISION, "Besluit van de VP", "The VP's decision"),
)
DESTRUCTION_SCOPES = Vocabulary(
    "scope",
    Term(SCOPE_CASE, "Hele melding", "Whole case"),
    Term(SCOPE_REPORTER, "Gegevens van de melder", "The reporter's identity"),
)


@dataclass
class ArchivedConversations:
    """A row of `conversation_archive`: what stays of a destroyed case's conversations."""

    case_id: int | None = ref("Melding", required=True)
    year: int | None = integer("Jaar", minimum=1990, maximum=2200, required=True)
    conversations: int | None = integer("Aantal gesprekken", minimum=0, required=True)
    minutes: int | None = integer("Minuten", minimum=0, required=True)


@dataclass
class DestructionLogEntry:
    """A row of `destruction_log`: that a case was destroyed, never what it held."""

    destroyed_on: date | None = day("Vernietigd op", required=True)
    case_number: str = text("Meldingsnummer", max_length=SHORT)
    organisation_id: int | None = ref("Organisatie")
    rule: str | None = code("Grond", DESTRUCTION_RULES, required=True)
    scope: str | None = code("Omvang", DESTRUCTION_SCOPES, required=True)
    id: int | None = record_id()


@dataclass
class ReportText:
    """A row of `report_texts`: the signals and recommendations the VP wrote for a report."""

    organisation_id: int | None = ref("Organisatie", required=True)
    year: int | None = integer("Jaar", minimum=1990, maximum=2200, required=True)
    text: str = text("Tekst")
    updated_on: date | None = day("Bijgewerkt op", required=True)


# Every table the export carries, in an order where references point to earlier tables.
RECORD_TABLES: dict[str, type] = {
    **{table: entity for entity, table in TABLES.items()},
    "conversation_archive": ArchivedConversations,
    "destruction_log": DestructionLogEntry,
    "report_texts": ReportText,
    "retention_extensions": RetentionExtension,
}
# The columns that identify a row; every other table has "id".
_KEYS: dict[str, tuple[str, ...]] = {
    "reporters": ("case_id",),
    "conversation_archive": ("case_id", "year"),
    "report_texts": ("organisation_id", "year"),
}
_REFERENCES = {
    "organisation_id": "organisations",
    "department_id": "departments",
    "case_id": "cases",
}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# SQLite's NOCASE folds only the ASCII letters; matching it exactly means the import refuses
# what the vault would refuse, and nothing more.
_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# Upgrades of older documents, keyed by the version they upgrade from (n -> n + 1).
# Version 1 is the first, so there is nothing to upgrade yet.
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


# -- errors ----------------------------------------------------------------------------------


class ExchangeError(VaultError):
    """An export or import failure told to the VP in words (Dutch and English)."""

    def __init__(self, message_nl: str, message_en: str) -> None:
        super().__init__(message_en)
        # Instance attributes shadow VaultError's fixed class messages.
        self.message_nl = message_nl
        self.message_en = message_en


class JournalNotEmptyError(ExchangeError):
    def __init__(self) -> None:
        super().__init__(
            "Importeren kan alleen in een lege kluis. Deze kluis bevat al gegevens; "
            "maak een nieuwe kluis en importeer daarin. Er is niets gewijzigd.",
            "Importing is only possible into an empty vault. This vault already holds data; "
            "create a new vault and import into that. Nothing was changed.",
        )


class ImportFormatError(ExchangeError):
    """The document is not a valid export; names the record and field where possible.

    `table` is the key under "records" (or None for the document itself), `index` the
    position in that list (from 0), `record_id` the record's id when it had a usable one and
    `field` the field name. Messages name places, never values: they may end up in a
    screenshot.
    """

    exit_code = EXIT_DAMAGED

    def __init__(
        self,
        message_nl: str,
        message_en: str,
        *,
        table: str | None = None,
        index: int | None = None,
        record_id: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message_nl, message_en)
        self.table = table
        self.index = index
        self.record_id = record_id
        self.field = field

    def location(self, language: str = "nl") -> str:
        parts = []
        if self.table is not None:
            where = f"records.{self.table}"
            if self.index is not None:
                where += f"[{self.index}]"
            if self.record_id is not None:
                where += f" (id {self.record_id})"
            parts.append(where)
        if self.field is not None:
            parts.append(f"{'field' if language == 'en' else 'veld'} {self.field}")
        if not parts:
            return "the file" if language == "en" else "het bestand"
        return ", ".join(parts)

    def message(self, language: str = "nl") -> str:
        plain = self.message_en if language == "en" else self.message_nl
        return f"{self.location(language)}: {plain}"

    def __str__(self) -> str:
        return self.message("en")


class ImportVersionError(ImportFormatError):
    """The document was written by a newer vpnotebook that this one cannot read."""


# -- export ----------------------------------------------------------------------------------


VAULT_LOCAL_SETTING_PREFIXES = ("last_backup_",)


def export_journal(journal: Journal) -> dict[str, Any]:
    """The whole journal as one JSON-ready document (see docs/formats/export.md)."""
    db = journal.db
    # One transaction: every table is read from the same state of the vault.
    with db.read_transaction():
        records: dict[str, list[dict[str, Any]]] = {}
        for table, entity_type in RECORD_TABLES.items():
            if entity_type in TABLES:
                order = "case_id" if entity_type is Reporter else "id"
                entities = journal.find(entity_type, order=order)
            else:
                order = ", ".join(_KEYS.get(table, ("id",)))
                rows = db.query(f"SELECT * FROM {table} ORDER BY {order}")
                entities = [from_row(entity_type, row) for row in rows]
            records[table] = [to_json(entity) for entity in entities]
        settings = {
            str(row["key"]): str(row["value"])
            for row in db.query("SELECT key, value FROM settings ORDER BY key")
            # Facts about this copy of the vault, not about the journal: a vault made from
            # an export has had no backup yet.
            if not str(row["key"]).startswith(VAULT_LOCAL_SETTING_PREFIXES)
        }
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "app_version": __version__,
        "settings": settings,
        "records": records,
    }


def dumps_document(document: dict[str, Any]) -> bytes:
    # Indented and unescaped so the VP can read the file; one record field per line.
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_export(journal: Journal, path: Path) -> dict[str, Any]:
    """Write the export atomically with mode 0600; returns the document that was written.

    Raises vault.errors.StorageError when the disk refuses; an existing file at `path` is
    then left as it was.
    """
    document = export_journal(journal)
    with atomic_writer(Path(path), temp_prefix=".export-") as handle:
        handle.write(dumps_document(document))
    return document


# -- reading ---------------------------------------------------------------------------------


def read_import(path: Path) -> Any:
    """Read and parse an export file; any problem becomes an ImportFormatError."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise ImportFormatError(
            "Het bestand kan niet worden gelezen.", f"cannot read the file ({exc.strerror})"
        ) from None
    return parse_document(data)


def parse_document(data: bytes) -> Any:
    """Decode and parse the JSON text of an export; the structure is checked on import."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFormatError(
            "Het bestand is te groot voor een export.", "the file is too large for an export"
        )
    try:
        # utf-8-sig: Windows editors put a byte-order mark in front; it is not content.
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            f"Het bestand is geen UTF-8-tekst (byte {exc.start}).",
            f"the file is not UTF-8 text (byte {exc.start})",
        ) from None
    try:
        return json.loads(
            decoded, object_pairs_hook=_object_without_duplicates, parse_constant=_no_constant
        )
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"Het bestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}); "
            "misschien is het afgebroken of beschadigd.",
            f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}); "
            "it may be truncated or damaged",
        ) from None
    except RecursionError:
        raise ImportFormatError(
            "Het bestand is te diep genest voor een export.", "the file is nested too deeply"
        ) from None
    except ValueError:
        # Python refuses integer literals of thousands of digits.
        raise ImportFormatError(
            "Het bestand bevat een onmogelijk groot getal.", "the file holds an impossible number"
        ) from None


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        # A repeated key is ambiguous: readers disagree on which value counts.
        raise ImportFormatError(
            "Een naam staat twee keer in hetzelfde object.", "a key appears twice in one object"
        )
    return result


def _no_constant(name: str) -> Any:
    raise ImportFormatError(
        f"Het bestand bevat de ongeldige waarde {name}.", f"the file holds the invalid value {name}"
    )


# -- validation ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportSummary:
    counts: dict[str, int]  # records per table, in the order of RECORD_TABLES
    settings: int
    exported_at: str
    app_version: str


@dataclass
class _Plan:
    """A document that passed every check, as entities ready to insert."""

    settings: dict[str, str]
    records: dict[str, list[Any]]
    exported_at: str
    app_version: str

    def summary(self) -> ImportSummary:
        return ImportSummary(
            counts={table: len(entities) for table, entities in self.records.items()},
            settings=len(self.settings),
            exported_at=self.exported_at,
            app_version=self.app_version,
        )


def validate_document(document: Any) -> ImportSummary:
    """Check a parsed document completely without writing anything (a dry run)."""
    return _plan(document).summary()


def _plan(document: Any) -> _Plan:
    document = _upgraded(document)
    known = {"format", "version", "exported_at", "app_version", "settings", "records"}
    for key in document:
        if key not in known:
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
    return _Plan(settings, _RecordChecker().check(document["records"]), exported_at, app_version)


def _upgraded(document: Any) -> dict[str, Any]:
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
        document = _UPGRADES[step](document)
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


class _RecordChecker:
    """Checks the records table by table; references only ever point to earlier tables."""

    def __init__(self) -> None:
        self.by_id: dict[str, dict[int, Any]] = {table: {} for table in _REFERENCES.values()}

    def check(self, records: Any) -> dict[str, list[Any]]:
        if not isinstance(records, dict):
            raise ImportFormatError("Verwacht een object.", "must be an object", field="records")
        for table in records:
            if table not in RECORD_TABLES:
                raise ImportFormatError(
                    "Onbekende tabel.", "unknown table", field=f"records.{table}"
                )
        checked: dict[str, list[Any]] = {}
        for table, entity_type in RECORD_TABLES.items():
            rows = records.get(table, [])
            if not isinstance(rows, list):
                raise ImportFormatError(
                    "Verwacht een lijst.", "must be a list", field=f"records.{table}"
                )
            seen: dict[str, set[Any]] = {}
            checked[table] = []
            for index, data in enumerate(rows):
                entity = self._record(table, entity_type, index, data)
                for field_name, key, nl, en in _unique_keys(table, entity):
                    keys = seen.setdefault(field_name, set())
                    if key in keys:
                        raise _located(table, index, entity, field_name, nl, en)
                    keys.add(key)
                if table in self.by_id:
                    self.by_id[table][entity.id] = entity
                checked[table].append(entity)
        return checked

    def _record(self, table: str, entity_type: type, index: int, data: Any) -> Any:
        rid = data.get("id") if isinstance(data, dict) else None
        location = {
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
    def _precheck(entity_type: type, data: dict[str, Any], location: dict[str, Any]) -> None:
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
            elif spec.kind == "code" and value is not None and value not in spec.vocab:
                # Checked here rather than by validate, whose message repeats the value.
                fail(f"{label}: onbekende code.", "unknown code")
            elif spec.kind == "codes" and (
                not isinstance(value, list) or not all(isinstance(v, str) for v in value)
            ):
                fail(f"{label}: verwacht een lijst van codes.", "must be a list of codes")
            elif (
                spec.kind == "date"
                and value is not None
                and (not isinstance(value, str) or not _ISO_DATE.fullmatch(value))
            ):
                fail(f"{label}: geen geldige datum (JJJJ-MM-DD).", "must be a date as YYYY-MM-DD")

    def _postcheck(self, table: str, entity: Any, index: int) -> None:
        """What the vault's schema demands beyond the field specs, and the references."""

        def fail(field_name: str, nl: str, en: str) -> None:
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
        for field_name, target in _REFERENCES.items():
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


def _unique_keys(table: str, entity: Any) -> Iterator[tuple[str, Any, str, str]]:
    """(field, key, Dutch, English) for every uniqueness rule of the schema."""
    key_fields = _KEYS.get(table, ("id",))
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
            entity.name.translate(_NOCASE),
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


# -- import ----------------------------------------------------------------------------------


def import_journal(journal: Journal, document: Any) -> ImportSummary:
    """Import a parsed document into an empty journal: everything, or nothing at all.

    Raises JournalNotEmptyError, ImportFormatError (ImportVersionError for a newer format),
    or vault.errors.StorageError when the disk fails; in every case nothing was written.
    """
    db = journal.db
    if not _is_empty(journal):
        raise JournalNotEmptyError()
    plan = _plan(document)
    with db.transaction():
        for table, entities in plan.records.items():
            for index, entity in enumerate(entities):
                try:
                    _insert(journal, table, entity)
                except (dbapi2.Error, OverflowError, UnicodeError, ValueError) as exc:
                    # Validation should have refused this; the vault's own rules are the
                    # last line, and the transaction rolls everything back.
                    raise ImportFormatError(
                        "De kluis weigerde dit record; er is niets geïmporteerd.",
                        f"the vault refused this record ({type(exc).__name__}: {exc})",
                        table=table,
                        index=index,
                        record_id=getattr(entity, "id", None),
                    ) from exc
        for key, value in plan.settings.items():
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
    return plan.summary()


def _is_empty(journal: Journal) -> bool:
    return not any(
        journal.db.scalar(f"SELECT EXISTS (SELECT 1 FROM {table})") for table in RECORD_TABLES
    )


def _insert(journal: Journal, table: str, entity: Any) -> None:
    row = to_row(entity)
    if "id" in specs(type(entity)):
        row["id"] = entity.id
    columns = ", ".join(row)
    values = ", ".join(f":{column}" for column in row)
    journal.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({values})", row)
    if isinstance(entity, Case) and entity.categories:
        journal.db.executemany(
            "INSERT INTO case_categories (case_id, category) VALUES (?, ?)",
            [(entity.id, category) for category in entity.categories],
        )
