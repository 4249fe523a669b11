"""The physical schema and its migrations, versioned in `PRAGMA user_version`.

A migration is frozen: it carries, written out in full, the SQL it installs, and it is never
edited once released. Nothing in it reads a constant of today's code (the search columns, a
table list), so a vault made with version N is upgraded by exactly the steps that made newer
vaults, each in its own transaction, whatever the code has become since. Changing the schema
is always a new migration at the end of `MIGRATIONS` (docs/architecture.md, "Adding a field").

The search index (version 2) is kept in step with the journal by triggers, so every writer —
GUI, import, demo, destruction — feeds it. Which fields are indexed is said once more, as
meaning, on the field specs (core/fields.py `searchable`); tests/unit/core/test_field_meaning.py
fails when the two disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlcipher3

# The search index's rowid is the source row's id * SEARCH_KIND_BITS + its kind, so a trigger
# updates a row without scanning the index. Kinds are stored in every vault: never renumbered.
SEARCH_KIND_BITS = 16
SEARCH_KINDS: dict[int, str] = {
    1: "cases",
    2: "reporters",
    3: "conversations",
    4: "routes",
    5: "referrals",
    6: "follow_ups",
    7: "outreach",
    8: "signals",
    9: "time_entries",
    10: "organisations",
}


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str  # every statement it runs, in order; frozen once released

    def statements(self) -> list[str]:
        """The SQL split into statements (a trigger's body holds semicolons of its own)."""
        statements, pending = [], ""
        for line in self.sql.splitlines(keepends=True):
            pending += line
            if sqlcipher3.complete_statement(pending):
                statements.append(pending.strip())
                pending = ""
        if pending.strip() and not all(
            part.strip().startswith("--") for part in pending.strip().splitlines()
        ):
            raise ValueError(f"migration {self.version} ends in an unfinished statement")
        return statements

    def apply(self, conn: sqlcipher3.Connection) -> None:
        for statement in self.statements():
            conn.execute(statement)


_V1_JOURNAL_TABLES = """
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

# Full-text search: one FTS5 row per record with text, the text columns joined by newlines.
_V2_SEARCH_INDEX = """
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, case_id UNINDEXED, organisation_id UNINDEXED, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Deleted text must not linger in old index segments: destruction has to be real.
INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1);
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 1, 1, t.id, t.organisation_id,
           t.title || char(10) || t.reporter_wishes || char(10) || t.outcome_note
      FROM cases AS t;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.case_id * 16 + 2, 2, t.case_id,
           (SELECT organisation_id FROM cases WHERE id = t.case_id),
           t.name || char(10) || t.contact || char(10) || t.notes
      FROM reporters AS t;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 3, 3, t.case_id,
           (SELECT organisation_id FROM cases WHERE id = t.case_id),
           t.occasion || char(10) || t.story || char(10) || t.wishes || char(10) || t.options
           || char(10) || t.agreements || char(10) || t.next_step || char(10) || t.notes
      FROM conversations AS t;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 4, 4, t.case_id,
           (SELECT organisation_id FROM cases WHERE id = t.case_id),
           t.note
      FROM routes AS t;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 5, 5, t.case_id,
           (SELECT organisation_id FROM cases WHERE id = t.case_id),
           t.note
      FROM referrals AS t;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 6, 6, t.case_id, t.organisation_id,
           t.note
      FROM follow_ups AS t;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 7, 7, NULL, t.organisation_id,
           t.title || char(10) || t.audience || char(10) || t.notes
      FROM outreach AS t;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 8, 8, NULL, t.organisation_id,
           t.subject || char(10) || t.text
      FROM signals AS t;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 9, 9, t.case_id, t.organisation_id,
           t.note
      FROM time_entries AS t;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 10, 10, NULL, t.id,
           t.name || char(10) || t.sector || char(10) || t.notes
      FROM organisations AS t;
CREATE TRIGGER search_cases_ai AFTER INSERT ON cases BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 1, 1, new.id, new.organisation_id,
                new.title || char(10) || new.reporter_wishes || char(10) || new.outcome_note);
END;
CREATE TRIGGER search_cases_au AFTER UPDATE ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 1;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 1, 1, new.id, new.organisation_id,
                new.title || char(10) || new.reporter_wishes || char(10) || new.outcome_note);
END;
CREATE TRIGGER search_cases_ad AFTER DELETE ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 1;
END;
CREATE TRIGGER search_reporters_ai AFTER INSERT ON reporters BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.case_id * 16 + 2, 2, new.case_id,
                (SELECT organisation_id FROM cases WHERE id = new.case_id),
                new.name || char(10) || new.contact || char(10) || new.notes);
END;
CREATE TRIGGER search_reporters_au AFTER UPDATE ON reporters BEGIN
    DELETE FROM search_index WHERE rowid = old.case_id * 16 + 2;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.case_id * 16 + 2, 2, new.case_id,
                (SELECT organisation_id FROM cases WHERE id = new.case_id),
                new.name || char(10) || new.contact || char(10) || new.notes);
END;
CREATE TRIGGER search_reporters_ad AFTER DELETE ON reporters BEGIN
    DELETE FROM search_index WHERE rowid = old.case_id * 16 + 2;
END;
CREATE TRIGGER search_conversations_ai AFTER INSERT ON conversations BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 3, 3, new.case_id,
                (SELECT organisation_id FROM cases WHERE id = new.case_id),
                new.occasion || char(10) || new.story || char(10) || new.wishes || char(10)
                || new.options || char(10) || new.agreements || char(10) || new.next_step
                || char(10) || new.notes);
END;
CREATE TRIGGER search_conversations_au AFTER UPDATE ON conversations BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 3;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 3, 3, new.case_id,
                (SELECT organisation_id FROM cases WHERE id = new.case_id),
                new.occasion || char(10) || new.story || char(10) || new.wishes || char(10)
                || new.options || char(10) || new.agreements || char(10) || new.next_step
                || char(10) || new.notes);
END;
CREATE TRIGGER search_conversations_ad AFTER DELETE ON conversations BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 3;
END;
CREATE TRIGGER search_routes_ai AFTER INSERT ON routes BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 4, 4, new.case_id,
                (SELECT organisation_id FROM cases WHERE id = new.case_id),
                new.note);
END;
CREATE TRIGGER search_routes_au AFTER UPDATE ON routes BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 4;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 4, 4, new.case_id,
                (SELECT organisation_id FROM cases WHERE id = new.case_id),
                new.note);
END;
CREATE TRIGGER search_routes_ad AFTER DELETE ON routes BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 4;
END;
CREATE TRIGGER search_referrals_ai AFTER INSERT ON referrals BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 5, 5, new.case_id,
                (SELECT organisation_id FROM cases WHERE id = new.case_id),
                new.note);
END;
CREATE TRIGGER search_referrals_au AFTER UPDATE ON referrals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 5;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 5, 5, new.case_id,
                (SELECT organisation_id FROM cases WHERE id = new.case_id),
                new.note);
END;
CREATE TRIGGER search_referrals_ad AFTER DELETE ON referrals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 5;
END;
CREATE TRIGGER search_follow_ups_ai AFTER INSERT ON follow_ups BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 6, 6, new.case_id, new.organisation_id,
                new.note);
END;
CREATE TRIGGER search_follow_ups_au AFTER UPDATE ON follow_ups BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 6;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 6, 6, new.case_id, new.organisation_id,
                new.note);
END;
CREATE TRIGGER search_follow_ups_ad AFTER DELETE ON follow_ups BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 6;
END;
CREATE TRIGGER search_outreach_ai AFTER INSERT ON outreach BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 7, 7, NULL, new.organisation_id,
                new.title || char(10) || new.audience || char(10) || new.notes);
END;
CREATE TRIGGER search_outreach_au AFTER UPDATE ON outreach BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 7;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 7, 7, NULL, new.organisation_id,
                new.title || char(10) || new.audience || char(10) || new.notes);
END;
CREATE TRIGGER search_outreach_ad AFTER DELETE ON outreach BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 7;
END;
CREATE TRIGGER search_signals_ai AFTER INSERT ON signals BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 8, 8, NULL, new.organisation_id,
                new.subject || char(10) || new.text);
END;
CREATE TRIGGER search_signals_au AFTER UPDATE ON signals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 8;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 8, 8, NULL, new.organisation_id,
                new.subject || char(10) || new.text);
END;
CREATE TRIGGER search_signals_ad AFTER DELETE ON signals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 8;
END;
CREATE TRIGGER search_time_entries_ai AFTER INSERT ON time_entries BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 9, 9, new.case_id, new.organisation_id,
                new.note);
END;
CREATE TRIGGER search_time_entries_au AFTER UPDATE ON time_entries BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 9;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 9, 9, new.case_id, new.organisation_id,
                new.note);
END;
CREATE TRIGGER search_time_entries_ad AFTER DELETE ON time_entries BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 9;
END;
CREATE TRIGGER search_organisations_ai AFTER INSERT ON organisations BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 10, 10, NULL, new.id,
                new.name || char(10) || new.sector || char(10) || new.notes);
END;
CREATE TRIGGER search_organisations_au AFTER UPDATE ON organisations BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 10;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 10, 10, NULL, new.id,
                new.name || char(10) || new.sector || char(10) || new.notes);
END;
CREATE TRIGGER search_organisations_ad AFTER DELETE ON organisations BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 10;
END;
"""

# The VP's signals and recommendations, written for one organisation's annual report.
# Deliberately not in the search index: the text is reached by organisation and year on the
# report screen, it is meant to hold nothing that points to a case, and a search hit would
# need a place to open that the case-centred search screen does not have.
_V3_REPORT_TEXTS = """
CREATE TABLE report_texts (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    text            TEXT NOT NULL DEFAULT '',
    updated_on      TEXT NOT NULL,
    PRIMARY KEY (organisation_id, year)
) WITHOUT ROWID;
"""

# The VP's decisions to keep a closed case past its retention date, with the reason. The newest
# row of a case wins (core/retention.py). Not in the search index, like report texts: the
# reason is read on the case itself. A case row outlives destruction, so ON DELETE CASCADE does
# not remove these; core/destruction.py deletes them itself.
_V4_RETENTION_EXTENSIONS = """
CREATE TABLE retention_extensions (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    decided_on TEXT NOT NULL,
    keep_until TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX retention_extensions_by_case ON retention_extensions (case_id, id);
"""

# The ledger of published annual reports: per organisation and year every version the VP
# exported or printed, with the protected figures exactly as printed (JSON), so a later report
# shows earlier years as published and a re-issue is checked against them. Only protected
# aggregates and hashes: no personal data, so destruction leaves it alone; an organisation's
# ledger goes with the organisation.
_V5_PUBLISHED_REPORTS = """
CREATE TABLE published_reports (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    version         INTEGER NOT NULL CHECK (version >= 1),
    issued_on       TEXT NOT NULL,
    how             TEXT NOT NULL CHECK (how IN ('pdf', 'csv', 'print', 'cli')),
    language        TEXT NOT NULL,
    k               INTEGER NOT NULL CHECK (k >= 3),
    content_sha256  TEXT NOT NULL,
    pdf_sha256      TEXT NOT NULL,
    figures         TEXT NOT NULL,
    UNIQUE (organisation_id, year, version)
);
"""


# The VP's confirmations of the annual report's free-text check: "this word may stay, in this
# sentence". Per organisation and year, the kind of hit and a SHA-256 fingerprint of the kind,
# the word and the sentence it stands in (core/report_texts.py), so a changed sentence asks
# again and no word is kept beside the text it came from. Like the ledger it belongs to an
# organisation, not a case: destruction leaves it; the organisation takes it along.
_V6_TEXT_CONFIRMATIONS = """
CREATE TABLE text_confirmations (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    kind            TEXT NOT NULL,
    fingerprint     TEXT NOT NULL CHECK (length(fingerprint) = 64),
    confirmed_on    TEXT NOT NULL,
    PRIMARY KEY (organisation_id, year, kind, fingerprint)
) WITHOUT ROWID;
"""


# Issue 13: what a case says about its reporters (anonymous, a group), the reporter's consent
# to a hand-over, the case's own notes (searchable: the case's search triggers again with
# `notes` in their body, and the cases indexed again), links between cases, and the log of
# cases handed over to another VP. A link is about people (two cases share a reporter or an
# accused): destruction removes it (core/destruction.py). The hand-over log is the VP's own
# record that a file left, like the destruction log: no content, kept after destruction.
_V7_LINKS_AND_HANDOVER = """
ALTER TABLE cases ADD COLUMN reporter_known INTEGER NOT NULL DEFAULT 1
    CHECK (reporter_known IN (0, 1));
ALTER TABLE cases ADD COLUMN reporter_count INTEGER NOT NULL DEFAULT 1
    CHECK (reporter_count >= 1);
ALTER TABLE cases ADD COLUMN handover_consent_on TEXT;
ALTER TABLE cases ADD COLUMN notes TEXT NOT NULL DEFAULT '';
CREATE TABLE case_links (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    linked_case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    CHECK (case_id < linked_case_id),
    UNIQUE (case_id, linked_case_id)
);
CREATE INDEX case_links_by_linked_case ON case_links (linked_case_id);
CREATE TABLE handover_log (
    id              INTEGER PRIMARY KEY,
    handed_over_on  TEXT NOT NULL,
    recipient       TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
    case_number     TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    case_id         INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    destroyed       INTEGER NOT NULL DEFAULT 0 CHECK (destroyed IN (0, 1))
);
CREATE INDEX handover_log_by_case ON handover_log (case_id);
DROP TRIGGER search_cases_ai;
DROP TRIGGER search_cases_au;
CREATE TRIGGER search_cases_ai AFTER INSERT ON cases BEGIN
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 1, 1, new.id, new.organisation_id,
                new.title || char(10) || new.reporter_wishes || char(10) || new.outcome_note
                || char(10) || new.notes);
END;
CREATE TRIGGER search_cases_au AFTER UPDATE ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 1;
    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
        VALUES (new.id * 16 + 1, 1, new.id, new.organisation_id,
                new.title || char(10) || new.reporter_wishes || char(10) || new.outcome_note
                || char(10) || new.notes);
END;
DELETE FROM search_index WHERE kind = 1;
INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)
    SELECT t.id * 16 + 1, 1, t.id, t.organisation_id,
           t.title || char(10) || t.reporter_wishes || char(10) || t.outcome_note
           || char(10) || t.notes
      FROM cases AS t;
"""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "journal tables", _V1_JOURNAL_TABLES),
    Migration(2, "full-text search index", _V2_SEARCH_INDEX),
    Migration(3, "report texts", _V3_REPORT_TEXTS),
    Migration(4, "retention extensions", _V4_RETENTION_EXTENSIONS),
    Migration(5, "ledger of published reports", _V5_PUBLISHED_REPORTS),
    Migration(6, "confirmations of the report's text check", _V6_TEXT_CONFIRMATIONS),
    Migration(
        7, "links between cases, anonymous and group reporters, hand-overs", _V7_LINKS_AND_HANDOVER
    ),
)
LATEST_VERSION = MIGRATIONS[-1].version
