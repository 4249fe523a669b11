"""What the export format holds: its name and version, its tables and their keys and
references, and the limits an importer holds a file to (docs/formats/export.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..destruction import (
    RULE_ERASURE,
    RULE_HANDED_OVER,
    RULE_RETENTION,
    RULE_VP_DECISION,
    SCOPE_CASE,
    SCOPE_REPORTER,
)
from ..fields import code, day, integer, record_id, ref, text
from ..handover.log import HandoverLogEntry
from ..ledger import ISSUE_WAYS, REPORT_LANGUAGES
from ..models import SHORT, TABLES
from ..report_texts import HIT_KINDS
from ..retention import RetentionExtension
from ..taxonomy import Term, Vocabulary

FORMAT_NAME = "vpnotebook-export"
# 2: the ledger of published reports and the confirmations of the report's text check.
# 3: who came (anonymous, a group), a case's notes and hand-over consent; links between cases;
#    the hand-over log.
FORMAT_VERSION = 3
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
    Term(RULE_HANDED_OVER, "Overgedragen aan een collega", "Handed over to a colleague"),
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


@dataclass
class PublishedReport:
    """A row of `published_reports`: one issued version of an annual report, with the
    protected figures exactly as it printed them (core/ledger.py)."""

    organisation_id: int | None = ref("Organisatie", required=True)
    year: int | None = integer("Jaar", minimum=1990, maximum=2200, required=True)
    version: int | None = integer("Versie", minimum=1, required=True)
    issued_on: date | None = day("Uitgegeven op", required=True)
    how: str | None = code("Uitgegeven als", ISSUE_WAYS, required=True)
    language: str | None = code("Taal", REPORT_LANGUAGES, required=True)
    k: int | None = integer("Aantallen vanaf", minimum=3, required=True)
    content_sha256: str = text("Vingerafdruk van de inhoud", required=True, max_length=64)
    pdf_sha256: str = text("Vingerafdruk van het PDF-bestand", required=True, max_length=64)
    figures: str = text("Gedrukte cijfers", required=True)
    id: int | None = record_id()


@dataclass
class TextConfirmation:
    """A row of `text_confirmations`: the VP let one hit of the text check stay, in one
    sentence of one organisation's report for one year (core/report_texts.py)."""

    organisation_id: int | None = ref("Organisatie", required=True)
    year: int | None = integer("Jaar", minimum=1990, maximum=2200, required=True)
    kind: str | None = code("Soort vondst", HIT_KINDS, required=True)
    fingerprint: str = text("Vingerafdruk", required=True, max_length=64)
    confirmed_on: date | None = day("Bevestigd op", required=True)


# Every table the export carries, in an order where references point to earlier tables.
RECORD_TABLES: dict[str, type] = {
    **{table: entity for entity, table in TABLES.items()},
    "conversation_archive": ArchivedConversations,
    "destruction_log": DestructionLogEntry,
    "report_texts": ReportText,
    "retention_extensions": RetentionExtension,
    "published_reports": PublishedReport,
    "text_confirmations": TextConfirmation,
    "handover_log": HandoverLogEntry,
}
# The columns that identify a row; every other table has "id".
KEYS: dict[str, tuple[str, ...]] = {
    "reporters": ("case_id",),
    "conversation_archive": ("case_id", "year"),
    "report_texts": ("organisation_id", "year"),
    "text_confirmations": ("organisation_id", "year", "kind", "fingerprint"),
}
REFERENCES = {
    "organisation_id": "organisations",
    "department_id": "departments",
    "case_id": "cases",
    "linked_case_id": "cases",
}
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# SQLite's NOCASE folds only the ASCII letters; matching it exactly means the import refuses
# what the vault would refuse, and nothing more.
NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _from_version_2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 3 added fields with defaults (a case's reporter_known, reporter_count,
    handover_consent_on and notes), tables a version 2 file lacks (case_links,
    handover_log) and a destruction rule (handed_over): a version 2 document reads as it is."""
    return document


# Upgrades of older documents, keyed by the version they upgrade from (n -> n + 1).
# 1 -> 2 added two tables; a version-1 document simply has neither, which reads as empty.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: lambda document: document,
    2: _from_version_2,
}


# Facts about this copy of the vault, not about the journal: a vault made from an export has
# had no backup yet.
VAULT_LOCAL_SETTING_PREFIXES = ("last_backup_",)
