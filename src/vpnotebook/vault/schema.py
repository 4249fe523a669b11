"""The physical schema and its migrations, versioned in `PRAGMA user_version`.

A migration is never edited once released: a vault made with version N is upgraded by running
every later step in order, each in its own transaction. The search index (version 2) is kept
in step with the journal by triggers, so every writer — GUI, import, demo — feeds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Connection = Any  # a sqlcipher3 connection; typed loosely because the module is a C extension

SCHEMA_V1 = """
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE organisations (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    employee_count  INTEGER CHECK (employee_count IS NULL OR employee_count >= 0),
    sector          TEXT NOT NULL DEFAULT '',
    retention_years INTEGER NOT NULL DEFAULT 2 CHECK (retention_years BETWEEN 0 AND 30),
    notes           TEXT NOT NULL DEFAULT '',
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE TABLE departments (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    UNIQUE (organisation_id, name)
);
CREATE TABLE referral_contacts (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    party           TEXT NOT NULL,
    name            TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT ''
);
CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    organisation_id     INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    year                INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    seq                 INTEGER NOT NULL CHECK (seq > 0),
    title               TEXT NOT NULL DEFAULT '',
    first_contact       TEXT NOT NULL,
    contact_type        TEXT NOT NULL,
    reporter_role       TEXT NOT NULL,
    gender              TEXT,
    age_band            TEXT,
    department_id       INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    relation_to_accused TEXT,
    reporter_wishes     TEXT NOT NULL DEFAULT '',
    consent_on          TEXT,
    status              TEXT NOT NULL DEFAULT 'open',
    closed_on           TEXT,
    outcome             TEXT,
    outcome_note        TEXT NOT NULL DEFAULT '',
    destroyed_on        TEXT,
    UNIQUE (year, seq)
);
CREATE INDEX cases_by_organisation ON cases (organisation_id, year);
CREATE TABLE case_categories (
    case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    PRIMARY KEY (case_id, category)
) WITHOUT ROWID;
CREATE TABLE reporters (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    name    TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    notes   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE conversations (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    held_on      TEXT NOT NULL,
    duration_min INTEGER NOT NULL DEFAULT 0 CHECK (duration_min >= 0),
    form         TEXT NOT NULL,
    occasion     TEXT NOT NULL DEFAULT '',
    story        TEXT NOT NULL DEFAULT '',
    wishes       TEXT NOT NULL DEFAULT '',
    options      TEXT NOT NULL DEFAULT '',
    agreements   TEXT NOT NULL DEFAULT '',
    next_step    TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conversations_by_case ON conversations (case_id, held_on);
CREATE TABLE routes (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    route      TEXT NOT NULL,
    started_on TEXT,
    outcome    TEXT NOT NULL DEFAULT 'pending',
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX routes_by_case ON routes (case_id);
CREATE TABLE referrals (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    party       TEXT NOT NULL,
    referred_on TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referrals_by_case ON referrals (case_id);
CREATE TABLE follow_ups (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    case_id         INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    due_on          TEXT NOT NULL,
    due_time        TEXT,
    note            TEXT NOT NULL DEFAULT '',
    done_on         TEXT
);
CREATE INDEX follow_ups_by_due ON follow_ups (done_on, due_on);
CREATE INDEX follow_ups_by_case ON follow_ups (case_id);
CREATE TABLE outreach (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    held_on         TEXT NOT NULL,
    kind            TEXT NOT NULL,
    title           TEXT NOT NULL DEFAULT '',
    audience        TEXT NOT NULL DEFAULT '',
    participants    INTEGER CHECK (participants IS NULL OR participants >= 0),
    duration_min    INTEGER NOT NULL DEFAULT 0 CHECK (duration_min >= 0),
    notes           TEXT NOT NULL DEFAULT ''
);
CREATE TABLE signals (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    given_on        TEXT NOT NULL,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL DEFAULT '',
    text            TEXT NOT NULL DEFAULT '',
    asked           INTEGER NOT NULL DEFAULT 0 CHECK (asked IN (0, 1))
);
CREATE TABLE time_entries (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    case_id         INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    spent_on        TEXT NOT NULL,
    minutes         INTEGER NOT NULL CHECK (minutes > 0),
    activity        TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX time_entries_by_organisation ON time_entries (organisation_id, spent_on);
-- What stays of a destroyed case's conversations: per year a count and minutes, no content.
CREATE TABLE conversation_archive (
    case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    conversations INTEGER NOT NULL,
    minutes       INTEGER NOT NULL,
    PRIMARY KEY (case_id, year)
) WITHOUT ROWID;
CREATE TABLE destruction_log (
    id              INTEGER PRIMARY KEY,
    destroyed_on    TEXT NOT NULL,
    case_number     TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    rule            TEXT NOT NULL,
    scope           TEXT NOT NULL
);
"""

# Full-text search: one FTS5 row per piece of text the VP wrote. The rowid encodes the source
# (row id * 16 + kind) so triggers can update a row without scanning the index.
SEARCH_SOURCES: tuple[tuple[int, str, str, str, str, tuple[str, ...]], ...] = (
    # kind, table, row id column, case id expression, organisation id expression, text columns
    (
        1,
        "cases",
        "id",
        "{row}.id",
        "{row}.organisation_id",
        ("title", "reporter_wishes", "outcome_note"),
    ),
    (
        2,
        "reporters",
        "case_id",
        "{row}.case_id",
        "(SELECT organisation_id FROM cases WHERE id = {row}.case_id)",
        ("name", "contact", "notes"),
    ),
    (
        3,
        "conversations",
        "id",
        "{row}.case_id",
        "(SELECT organisation_id FROM cases WHERE id = {row}.case_id)",
        ("occasion", "story", "wishes", "options", "agreements", "next_step", "notes"),
    ),
    (
        4,
        "routes",
        "id",
        "{row}.case_id",
        "(SELECT organisation_id FROM cases WHERE id = {row}.case_id)",
        ("note",),
    ),
    (
        5,
        "referrals",
        "id",
        "{row}.case_id",
        "(SELECT organisation_id FROM cases WHERE id = {row}.case_id)",
        ("note",),
    ),
    (6, "follow_ups", "id", "{row}.case_id", "{row}.organisation_id", ("note",)),
    (7, "outreach", "id", "NULL", "{row}.organisation_id", ("title", "audience", "notes")),
    (8, "signals", "id", "NULL", "{row}.organisation_id", ("subject", "text")),
    (9, "time_entries", "id", "{row}.case_id", "{row}.organisation_id", ("note",)),
    (10, "organisations", "id", "NULL", "{row}.id", ("name", "sector", "notes")),
)
SEARCH_KIND_BITS = 16


def _search_triggers() -> str:
    statements = []
    for kind, table, id_col, case_expr, org_expr, columns in SEARCH_SOURCES:

        def body(row: str, columns: tuple[str, ...] = columns) -> str:
            return " || char(10) || ".join(f"{row}.{col}" for col in columns)

        def insert(
            row: str,
            kind: int = kind,
            id_col: str = id_col,
            case_expr: str = case_expr,
            org_expr: str = org_expr,
            body=body,
        ) -> str:
            return (
                "INSERT INTO search_index(rowid, kind, case_id, organisation_id, body) VALUES "
                f"({row}.{id_col} * {SEARCH_KIND_BITS} + {kind}, {kind}, "
                f"{case_expr.format(row=row)}, {org_expr.format(row=row)}, {body(row)});"
            )

        delete = (
            f"DELETE FROM search_index WHERE rowid = old.{id_col} * {SEARCH_KIND_BITS} + {kind};"
        )
        statements.append(
            f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {insert('new')} END;"
        )
        statements.append(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN "
            f"{delete} {insert('new')} END;"
        )
        statements.append(
            f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END;"
        )
    return "\n".join(statements)


def _fill_search_index(conn: Connection) -> None:
    for kind, table, id_col, case_expr, org_expr, columns in SEARCH_SOURCES:
        text = " || char(10) || ".join(f"t.{col}" for col in columns)
        conn.execute(
            "INSERT INTO search_index(rowid, kind, case_id, organisation_id, body) "
            f"SELECT t.{id_col} * {SEARCH_KIND_BITS} + {kind}, {kind}, "
            f"{case_expr.format(row='t')}, {org_expr.format(row='t')}, {text} FROM {table} AS t"
        )


def _migrate_to_v1(conn: Connection) -> None:
    for statement in _split(SCHEMA_V1):
        conn.execute(statement)


def _migrate_to_v2(conn: Connection) -> None:
    conn.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "kind UNINDEXED, case_id UNINDEXED, organisation_id UNINDEXED, body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    # Deleted text must not linger in old index segments: destruction has to be real.
    conn.execute("INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1)")
    _fill_search_index(conn)
    for statement in _split(_search_triggers(), terminator="END;"):
        conn.execute(statement)


def _split(script: str, terminator: str = ";") -> list[str]:
    parts, current = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current.append(line)
        if line.rstrip().endswith(terminator):
            parts.append("\n".join(current))
            current = []
    if current:
        parts.append("\n".join(current))
    return parts


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _migrate_to_v3(conn: Connection) -> None:
    # The VP's signals and recommendations, written for one organisation's annual report.
    # Deliberately not in the search index: the text is reached by organisation and year on
    # the report screen, it is meant to hold nothing that points to a case, and a search
    # hit would need a place to open that the case-centred search screen does not have.
    conn.execute(
        "CREATE TABLE report_texts ("
        "organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE, "
        "year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200), "
        "text TEXT NOT NULL DEFAULT '', "
        "updated_on TEXT NOT NULL, "
        "PRIMARY KEY (organisation_id, year)) WITHOUT ROWID"
    )


def _migrate_to_v4(conn: Connection) -> None:
    # The VP's decisions to keep a closed case past its retention date, with the reason. The
    # newest row of a case wins (core/retention.py). Not in the search index, like report
    # texts: the reason is read on the case itself. A case row outlives destruction, so
    # ON DELETE CASCADE does not remove these; core/destruction.py deletes them itself.
    conn.execute(
        "CREATE TABLE retention_extensions ("
        "id INTEGER PRIMARY KEY, "
        "case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE, "
        "decided_on TEXT NOT NULL, "
        "keep_until TEXT NOT NULL, "
        "reason TEXT NOT NULL DEFAULT '')"
    )
    conn.execute("CREATE INDEX retention_extensions_by_case ON retention_extensions (case_id, id)")


def _migrate_to_v5(conn: Connection) -> None:
    # The ledger of published annual reports: per organisation and year every version the VP
    # exported or printed, with the protected figures exactly as printed (JSON), so a later
    # report shows earlier years as published and a re-issue is checked against them. Only
    # protected aggregates and hashes: no personal data, so destruction leaves it alone; an
    # organisation's ledger goes with the organisation. Literal SQL: frozen as released.
    conn.execute(
        "CREATE TABLE published_reports ("
        "id INTEGER PRIMARY KEY, "
        "organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE, "
        "year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200), "
        "version INTEGER NOT NULL CHECK (version >= 1), "
        "issued_on TEXT NOT NULL, "
        "how TEXT NOT NULL CHECK (how IN ('pdf', 'csv', 'print', 'cli')), "
        "language TEXT NOT NULL, "
        "k INTEGER NOT NULL CHECK (k >= 3), "
        "content_sha256 TEXT NOT NULL, "
        "pdf_sha256 TEXT NOT NULL, "
        "figures TEXT NOT NULL, "
        "UNIQUE (organisation_id, year, version))"
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "journal tables", _migrate_to_v1),
    Migration(2, "full-text search index", _migrate_to_v2),
    Migration(3, "report texts", _migrate_to_v3),
    Migration(4, "retention extensions", _migrate_to_v4),
    Migration(5, "ledger of published reports", _migrate_to_v5),
)
LATEST_VERSION = MIGRATIONS[-1].version
