"""The JSON export must carry every record, and the import must take all of it or nothing.

Every test uses real vaults. The fuzz tests mutate a valid export in many ways and hold the
import to one promise: it succeeds completely or raises ImportFormatError, and after a failure
not a single row was written. One empty vault serves all examples of a test; a successful
example is wiped again before the next.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from vpnotebook import __version__
from vpnotebook.core import destruction, exchange
from vpnotebook.core.destruction import destroy_case, wipe_reporter_identity
from vpnotebook.core.exchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_INT,
    RECORD_TABLES,
    ImportFormatError,
    ImportVersionError,
    JournalNotEmptyError,
    dumps_document,
    export_journal,
    import_journal,
    parse_document,
    read_import,
    validate_document,
    write_export,
)
from vpnotebook.core.fields import specs
from vpnotebook.core.handover.log import record_handover
from vpnotebook.core.journal import Journal
from vpnotebook.core.ledger import ISSUE_WAYS, REPORT_LANGUAGES
from vpnotebook.core.models import (
    Case,
    CaseLink,
    Conversation,
    Department,
    FollowUp,
    Organisation,
    OutreachActivity,
    Referral,
    ReferralContact,
    Reporter,
    Route,
    Signal,
    TimeEntry,
)
from vpnotebook.core.report_texts import (
    HIT_KINDS,
    check_report_text,
    confirm_hits,
    save_report_text,
)
from vpnotebook.core.retention import keep_longer
from vpnotebook.core.taxonomy import ALL_VOCABULARIES
from vpnotebook.report.annual_report import build_annual_report, issue_report
from vpnotebook.report.pdf import render_pdf
from vpnotebook.vault.errors import StorageError, VaultError
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

DOC_PATH = Path(__file__).resolve().parents[3] / "docs" / "formats" / "export.md"
COUNTED_TABLES = (*RECORD_TABLES, "case_categories", "settings", "search_index")
EMPTY = dict.fromkeys(COUNTED_TABLES, 0)

fuzz_settings = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# -- a journal with every kind of record -------------------------------------------------------


def fill(journal: Journal) -> None:
    """Every table, closed, re-opened and destroyed cases, Unicode, empty strings, None."""
    zorg = journal.add(
        Organisation(
            name="Zorggroep Ærø 🌷",
            employee_count=120,
            sector="Zorg & welzijn",
            retention_years=3,
            notes="Locatie ’s-Hertogenbosch — café “De Éénhoorn”",
        )
    )
    stichting = journal.add(Organisation(name="Stichting Één", archived=True, retention_years=0))
    journal.add(Organisation(name="ACME bv", employee_count=0))
    finance = journal.add(Department(organisation_id=zorg.id, name="Financiën"))
    ict = journal.add(Department(organisation_id=zorg.id, name="ICT 💻"))
    journal.add(Department(organisation_id=stichting.id, name="Financiën"))
    journal.add(
        ReferralContact(
            organisation_id=zorg.id,
            party="company_doctor",
            name="Dr. Öztürk",
            phone="+31 6 1234 5678",
            email="arts@example.nl",
            notes="Alleen op dinsdag",
        )
    )
    journal.add(ReferralContact(organisation_id=stichting.id, party="other"))

    open_case = journal.add(
        Case(
            organisation_id=zorg.id,
            first_contact=date(2024, 3, 5),
            contact_type="report",
            reporter_role="employee",
            categories=("bullying", "sexual_harassment", "intimidation"),
            title="Opmerkingen in de kantine 😠",
            gender="female",
            age_band="25_34",
            department_id=finance.id,
            relation_to_accused="manager",
            reporter_wishes="Dat het stopt.\nMeer niet.",
            consent_on=date(2024, 3, 5),
            handover_consent_on=date(2024, 4, 2),
            notes="Eigen notitie bij de melding 📝\nbron: geïmporteerd uit lijst.xlsx, rij 4",
        )
    )
    journal.add(Reporter(case_id=open_case.id, name="Anna de Vries-Ünal", contact="06-…", notes=""))
    journal.add(
        Conversation(
            case_id=open_case.id,
            held_on=date(2024, 3, 5),
            duration_min=45,
            occasion="Intake",
            story="Zij vertelt over de opmerkingen — al maanden. 🙁",
            agreements="Over twee weken opnieuw.",
        )
    )
    journal.add(Conversation(case_id=open_case.id, held_on=date(2024, 3, 19), form="phone"))
    journal.add(Route(case_id=open_case.id, route="vp_informal", started_on=date(2024, 3, 20)))
    journal.add(
        Referral(case_id=open_case.id, party="social_worker", referred_on=date(2024, 3, 19))
    )
    journal.add(
        FollowUp(
            organisation_id=zorg.id,
            kind="aftercare",
            due_on=date(2024, 6, 1),
            case_id=open_case.id,
            due_time="09:30",
            note="Even bellen",
        )
    )

    closed = journal.add(
        Case(
            organisation_id=zorg.id,
            first_contact=date(2024, 5, 2),
            contact_type="question",
            reporter_role="manager",
            categories=("outside_remit",),
            department_id=ict.id,
            reporter_count=3,
        )
    )
    journal.close_case(closed.id, date(2024, 5, 30), "referred", "Naar HR ✓")
    # Two decisions: the newest one is in force; both travel with the export.
    keep_longer(journal, closed.id, date(2028, 3, 31), "Klacht loopt nog ⚖️", today=date(2026, 5, 1))
    keep_longer(
        journal, closed.id, date(2027, 6, 30), "Uitspraak\nvolgt later", today=date(2026, 6, 2)
    )
    reopened = journal.add(
        Case(
            organisation_id=stichting.id,
            first_contact=date(2025, 1, 8),
            contact_type="sounding_board",
            reporter_role="ex_employee",
        )
    )
    journal.close_case(reopened.id, date(2025, 2, 1), "other")
    journal.reopen_case(reopened.id)
    journal.add(Reporter(case_id=closed.id, name="Piet", contact="", notes=""))
    journal.add(Reporter(case_id=reopened.id, name="", contact="", notes="Wil anoniem blijven"))

    # Numbered by hand in an earlier year: numbers are kept as they are, not renumbered.
    destroyed = journal.add(
        Case(
            organisation_id=zorg.id,
            first_contact=date(2019, 11, 14),
            contact_type="report",
            reporter_role="temp",
            categories=("aggression", "discrimination"),
            year=2019,
            seq=7,
            department_id=finance.id,
        )
    )
    journal.add(Reporter(case_id=destroyed.id, name="Geheim"))
    for held_on, minutes in ((date(2019, 11, 14), 60), (date(2020, 1, 9), 30)):
        journal.add(Conversation(case_id=destroyed.id, held_on=held_on, duration_min=minutes))
    journal.add(Referral(case_id=destroyed.id, party="police", referred_on=date(2019, 12, 3)))
    journal.close_case(destroyed.id, date(2020, 2, 1), "formal_complaint")
    destroy_case(journal, destroyed.id, rule="retention", today=date(2023, 3, 1))
    wipe_reporter_identity(journal, reopened.id, today=date(2025, 3, 1))
    save_report_text(
        journal,
        stichting.id,
        2024,
        "Meer aandacht voor omgangsvormen in ploegendiensten.",
        today=date(2025, 2, 10),
    )

    journal.add(
        FollowUp(
            organisation_id=stichting.id,
            kind="appointment",
            due_on=date(2025, 4, 1),
            done_on=date(2025, 4, 1),
        )
    )
    journal.add(
        OutreachActivity(
            organisation_id=zorg.id,
            held_on=date(2024, 9, 10),
            kind="presentation",
            title="Wat doet de vertrouwenspersoon?",
            audience="Team Zuid",
            participants=None,
            duration_min=90,
        )
    )
    journal.add(
        Signal(
            organisation_id=zorg.id,
            given_on=date(2024, 12, 1),
            kind="advice",
            subject="Patroon op Financiën",
            text="Meerdere signalen; advies: teamgesprek.",
            asked=True,
        )
    )
    journal.add(Signal(organisation_id=stichting.id, given_on=date(2025, 1, 2)))
    journal.add(
        TimeEntry(
            organisation_id=zorg.id,
            spent_on=date(2024, 3, 5),
            minutes=15,
            activity="administration",
            case_id=open_case.id,
        )
    )
    journal.add(
        TimeEntry(
            organisation_id=stichting.id, spent_on=date(2025, 1, 2), minutes=120, activity="travel"
        )
    )
    # An anonymous reporter (no identity), a group, links both ways, a hand-over.
    anonymous = journal.add(
        Case(
            organisation_id=zorg.id,
            first_contact=date(2024, 3, 6),
            contact_type="report",
            reporter_role="employee",
            reporter_known=False,
            reporter_count=2,
        )
    )
    journal.link_cases(open_case.id, closed.id, "same_accused", "Zelfde leidinggevende 👔")
    journal.link_cases(anonymous.id, open_case.id, "same_event")
    record_handover(
        journal, [(closed.id, closed.number, zorg.id)], recipient="Mr. Jansen", on=date(2025, 6, 1)
    )
    journal.set_setting("ui.language", "nl")
    journal.set_setting("report.footer", "Vertrouwelijk — Marjolein Ëvers 🔒")
    journal.set_setting("leeg", "")
    # The ledger of what was published, and a confirmation of the report's text check.
    report = build_annual_report(journal, zorg.id, 2024)
    issue_report(journal, report, render_pdf(report.document), how="pdf", today=date(2025, 3, 1))
    hits = check_report_text(journal, zorg.id, 2024, "Dank aan Anna voor haar inzet.", k=5)
    assert hits
    confirm_hits(journal, zorg.id, 2024, hits, today=date(2025, 3, 1))


def new_vault(folder: Path) -> Vault:
    vault, _code = Vault.create(folder, "passphrase", kdf_params=TEST_PARAMS)
    return vault


@pytest.fixture(scope="module")
def source_document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with new_vault(tmp_path_factory.mktemp("source") / "v") as vault:
        journal = Journal(vault.db)
        fill(journal)
        return export_journal(journal)


@pytest.fixture
def document(source_document: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(source_document)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    vault = new_vault(tmp_path / "target")
    try:
        yield Journal(vault.db)
    finally:
        vault.close()


def table_counts(journal: Journal) -> dict[str, int]:
    return {t: int(journal.db.scalar(f"SELECT count(*) FROM {t}")) for t in COUNTED_TABLES}


def wipe(journal: Journal) -> None:
    with journal.db.transaction():
        for table in (*reversed(RECORD_TABLES), "case_categories", "settings"):
            journal.db.execute(f"DELETE FROM {table}")


def refused(journal: Journal, document: Any) -> ImportFormatError:
    with pytest.raises(ImportFormatError) as info:
        import_journal(journal, document)
    assert table_counts(journal) == EMPTY
    return info.value


def import_or_refuse(journal: Journal, document: Any) -> bool:
    """The property every fuzz test holds the import to; returns whether it imported."""
    try:
        summary = import_journal(journal, document)
    except ImportFormatError as error:
        assert table_counts(journal) == EMPTY
        event(f"refused at {error.table or 'top level'}")
        return False
    event("imported")
    counts = table_counts(journal)
    for table, count in summary.counts.items():
        assert counts[table] == count
    assert counts["settings"] == summary.settings
    wipe(journal)
    assert table_counts(journal) == EMPTY
    return True


def parse_then_import(journal: Journal, data: bytes) -> bool:
    try:
        document = parse_document(data)
    except ImportFormatError:
        event("refused while parsing")
        return False
    return import_or_refuse(journal, document)


# -- export ------------------------------------------------------------------------------------


def test_export_has_the_documented_shape(source_document: dict[str, Any]) -> None:
    doc = source_document
    assert list(doc) == ["format", "version", "exported_at", "app_version", "settings", "records"]
    assert doc["format"] == FORMAT_NAME == "vpnotebook-export"
    assert doc["version"] == FORMAT_VERSION == 3
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", doc["exported_at"])
    assert doc["app_version"] == __version__
    assert list(doc["records"]) == list(RECORD_TABLES)
    assert list(RECORD_TABLES)[-8:] == [
        "case_links",
        "conversation_archive",
        "destruction_log",
        "report_texts",
        "retention_extensions",
        "published_reports",
        "text_confirmations",
        "handover_log",
    ]
    for table, entity_type in RECORD_TABLES.items():
        rows = doc["records"][table]
        assert rows, f"the test journal should fill {table}"
        for row in rows:
            assert list(row) == list(specs(entity_type))
    cases = doc["records"]["cases"]
    assert cases[0]["categories"] == ["intimidation", "sexual_harassment", "bullying"]
    destroyed = next(case for case in cases if case["destroyed_on"])
    assert destroyed["title"] == "" and destroyed["gender"] is None
    assert doc["records"]["conversation_archive"] == [
        {"case_id": destroyed["id"], "year": 2019, "conversations": 1, "minutes": 60},
        {"case_id": destroyed["id"], "year": 2020, "conversations": 1, "minutes": 30},
    ]
    assert [row["scope"] for row in doc["records"]["destruction_log"]] == [
        "case",
        "reporter_identity",
    ]
    assert doc["settings"]["report.footer"] == "Vertrouwelijk — Marjolein Ëvers 🔒"
    # Version 2: who came (anonymous, a group), links stored once with the lower id first.
    anonymous = next(case for case in cases if not case["reporter_known"])
    assert anonymous["reporter_count"] == 2
    assert not any(row["case_id"] == anonymous["id"] for row in doc["records"]["reporters"])
    assert all(link["case_id"] < link["linked_case_id"] for link in doc["records"]["case_links"])
    assert [row["recipient"] for row in doc["records"]["handover_log"]] == ["Mr. Jansen"]


def test_write_export_is_private_atomic_readable_utf8(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    with new_vault(tmp_path / "v") as vault:
        journal = Journal(vault.db)
        fill(journal)
        written = write_export(journal, target)
        document = export_journal(journal)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json", "v"]
    assert target.stat().st_mode & 0o777 == 0o600
    data = target.read_bytes()
    assert "Zorggroep Ærø 🌷".encode() in data  # readable, not \u-escaped
    # Streamed record by record, byte for byte what encoding the whole document gives.
    document["exported_at"] = json.loads(data)["exported_at"]
    assert data == dumps_document(document)
    assert read_import(target) == document
    assert written.counts == {t: len(rows) for t, rows in document["records"].items()}
    assert written.settings == len(document["settings"])


def test_write_export_to_a_missing_folder_is_a_storage_error(journal: Journal, tmp_path: Path):
    with pytest.raises(StorageError):
        write_export(journal, tmp_path / "no such folder" / "export.json")


# -- round trip --------------------------------------------------------------------------------


def test_round_trip_gives_identical_records_and_settings(
    source_document: dict[str, Any], journal: Journal, tmp_path: Path
) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(dumps_document(source_document))
    summary = import_journal(journal, read_import(path))

    again = export_journal(journal)
    assert again["records"] == source_document["records"]
    assert again["settings"] == source_document["settings"]
    assert summary.counts == {t: len(rows) for t, rows in source_document["records"].items()}
    assert summary.settings == 3
    assert summary.app_version == __version__
    assert summary.exported_at == source_document["exported_at"]
    assert journal.db.integrity_problems() == []
    # The search index was fed by the schema's triggers, as for any other writer.
    hits = journal.db.scalar("SELECT count(*) FROM search_index WHERE search_index MATCH 'kantine'")
    assert hits == 1
    numbers = [s.number for s in journal.case_summaries()]
    assert numbers == ["2025-001", "2024-003", "2024-002", "2024-001", "2019-007"]
    # New records continue after the imported ids instead of colliding with them.
    org = journal.organisation_by_name("acme BV")
    added = journal.add(Department(organisation_id=org.id, name="Nieuw"))
    assert added.id == max(d["id"] for d in source_document["records"]["departments"]) + 1


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_export_still_imports(
    source_document: dict[str, Any], journal: Journal, version: int
) -> None:
    """What later versions added is left out of an older file; it reads with the defaults."""
    old = copy.deepcopy(source_document)
    old["version"] = version
    records = old["records"]
    left_out = ["case_links", "handover_log"]  # version 3
    if version < 2:
        left_out += ["published_reports", "text_confirmations"]
    for table in left_out:
        del records[table]
    for case in records["cases"]:
        for field in ("reporter_known", "reporter_count", "handover_consent_on", "notes"):
            del case[field]
    anonymous = {c["id"] for c in source_document["records"]["cases"] if not c["reporter_known"]}
    summary = import_journal(journal, old)
    assert summary.counts["cases"] == len(records["cases"])
    cases = journal.find(Case)
    assert all(c.reporter_known and c.reporter_count == 1 and c.notes == "" for c in cases)
    assert anonymous and all(c.handover_consent_on is None for c in cases)
    assert journal.count(CaseLink) == 0


def test_validate_document_is_a_dry_run(source_document: dict[str, Any], journal: Journal):
    summary = validate_document(source_document)
    assert summary.counts["cases"] == 5
    assert table_counts(journal) == EMPTY


TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)


@pytest.fixture
def second_journal(tmp_path: Path) -> Iterator[Journal]:
    vault = new_vault(tmp_path / "second")
    try:
        yield Journal(vault.db)
    finally:
        vault.close()


# Fewer examples: every example writes a dozen durable transactions.
@settings(fuzz_settings, max_examples=40)
# str.strip, as fields.validate uses: a name of only "\x1f" is blank to the vault too.
@given(name=TEXT.filter(lambda s: s.strip()), notes=TEXT, story=TEXT)
def test_any_storable_text_survives_the_round_trip(
    journal: Journal, second_journal: Journal, name: str, notes: str, story: str
) -> None:
    org = journal.add(Organisation(name=name, notes=notes))
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2024, 1, 1),
            contact_type="report",
            reporter_role="employee",
            title=notes,
        )
    )
    journal.add(Conversation(case_id=case.id, held_on=date(2024, 1, 2), story=story))
    journal.add(Reporter(case_id=case.id, contact=story))
    journal.set_setting(name, story)
    first = export_journal(journal)
    import_journal(second_journal, parse_document(dumps_document(first)))
    second = export_journal(second_journal)
    wipe(journal)
    wipe(second_journal)
    assert second["records"] == first["records"]
    assert second["settings"] == first["settings"]


# -- the import refuses, and names the place ---------------------------------------------------


def test_refuses_a_journal_that_holds_data(source_document: dict, journal: Journal) -> None:
    journal.add(Organisation(name="Er staat al iets"))
    with pytest.raises(JournalNotEmptyError) as info:
        import_journal(journal, source_document)
    assert isinstance(info.value, VaultError)  # so the CLI tells it in words
    assert "lege kluis" in info.value.message("nl")
    assert "empty vault" in info.value.message("en")
    assert journal.count(Organisation) == 1 and journal.count(Department) == 0


def test_error_names_table_index_id_and_field_in_both_languages(
    document: dict, journal: Journal
) -> None:
    document["records"]["cases"][1]["first_contact"] = "5 maart"
    error = refused(journal, document)
    case_id = document["records"]["cases"][1]["id"]
    assert (error.table, error.index, error.record_id, error.field) == (
        "cases",
        1,
        case_id,
        "first_contact",
    )
    assert error.message_nl == "Datum eerste contact: geen geldige datum (JJJJ-MM-DD)."
    assert error.message_en == "must be a date as YYYY-MM-DD"
    assert str(error) == (
        f"records.cases[1] (id {case_id}), field first_contact: must be a date as YYYY-MM-DD"
    )
    assert error.location("nl") == f"records.cases[1] (id {case_id}), veld first_contact"
    assert error.message("nl").endswith("geen geldige datum (JJJJ-MM-DD).")


def index_of(document: dict, table: str, **match: Any) -> int:
    rows = document["records"][table]
    return next(i for i, row in enumerate(rows) if all(row[k] == v for k, v in match.items()))


def rec(document: dict, table: str, index: int = 0) -> dict[str, Any]:
    return document["records"][table][index]


def other_org_department(doc: dict) -> None:
    case = rec(doc, "cases", 0)
    foreign = next(
        d for d in doc["records"]["departments"] if d["organisation_id"] != case["organisation_id"]
    )
    case["department_id"] = foreign["id"]


def other_org_case(table: str) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        row = rec(doc, table, 0)
        foreign = next(
            c for c in doc["records"]["cases"] if c["organisation_id"] != row["organisation_id"]
        )
        row["case_id"] = foreign["id"]

    return mutate


def setter(table: str, index: int, field: str, value: Any) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        doc["records"][table][index][field] = value

    return mutate


def appender(table: str, index: int, **changes: Any) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        rows = doc["records"][table]
        rows.append({**copy.deepcopy(rows[index]), **changes})

    return mutate


def deleter(table: str, index: int, field: str) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        del doc["records"][table][index][field]

    return mutate


def case_number_of_first(doc: dict) -> None:
    first, second = doc["records"]["cases"][:2]
    second["year"], second["seq"] = first["year"], first["seq"]


REFUSALS: dict[str, tuple[Callable[[dict], None], str, int | None, str | None]] = {
    # name: (mutation, table, index, field)
    "duplicate organisation id": (
        lambda d: rec(d, "organisations", 1).update(id=rec(d, "organisations", 0)["id"]),
        "organisations",
        1,
        "id",
    ),
    "duplicate conversation id": (
        lambda d: rec(d, "conversations", 1).update(id=rec(d, "conversations", 0)["id"]),
        "conversations",
        1,
        "id",
    ),
    "dangling department organisation": (
        setter("departments", 0, "organisation_id", 999_999),
        "departments",
        0,
        "organisation_id",
    ),
    "dangling case organisation": (
        setter("cases", 0, "organisation_id", 424_242),
        "cases",
        0,
        "organisation_id",
    ),
    "dangling case department": (
        setter("cases", 0, "department_id", 77),
        "cases",
        0,
        "department_id",
    ),
    "department of another organisation": (other_org_department, "cases", 0, "department_id"),
    "dangling conversation case": (
        setter("conversations", 0, "case_id", 31_337),
        "conversations",
        0,
        "case_id",
    ),
    "dangling archive case": (
        setter("conversation_archive", 0, "case_id", 5_000),
        "conversation_archive",
        0,
        "case_id",
    ),
    "dangling log organisation": (
        setter("destruction_log", 0, "organisation_id", 5_000),
        "destruction_log",
        0,
        "organisation_id",
    ),
    "follow-up for a case of another organisation": (
        other_org_case("follow_ups"),
        "follow_ups",
        0,
        "case_id",
    ),
    "time entry for a case of another organisation": (
        other_org_case("time_entries"),
        "time_entries",
        0,
        "case_id",
    ),
    "second reporter for one case": (appender("reporters", 0), "reporters", 2, "case_id"),
    "archive year twice": (
        appender("conversation_archive", 0),
        "conversation_archive",
        2,
        "year",
    ),
    "organisation name differing in case only": (
        setter("organisations", 1, "name", "acme BV"),
        "organisations",
        2,
        "name",
    ),
    "department name twice in one organisation": (
        appender("departments", 0, id=900),
        "departments",
        3,
        "name",
    ),
    "case number twice": (case_number_of_first, "cases", 1, "seq"),
    "blank organisation name": (
        setter("organisations", 0, "name", "   "),
        "organisations",
        0,
        "name",
    ),
    "empty department name": (setter("departments", 1, "name", ""), "departments", 1, "name"),
    "lone surrogate in a story": (
        setter("conversations", 0, "story", "abc\ud800"),
        "conversations",
        0,
        "story",
    ),
    "NUL in a note": (setter("routes", 0, "note", "a\x00b"), "routes", 0, "note"),
    "id beyond the safe integers": (
        setter("organisations", 0, "id", MAX_INT + 1),
        "organisations",
        0,
        "id",
    ),
    "sequence number beyond sqlite": (setter("cases", 0, "seq", 2**70), "cases", 0, "seq"),
    "id zero": (setter("signals", 0, "id", 0), "signals", 0, "id"),
    "id as text": (setter("signals", 0, "id", "7"), "signals", 0, "id"),
    "missing id": (deleter("signals", 0, "id"), "signals", 0, "id"),
    "missing case year": (deleter("cases", 0, "year"), "cases", 0, "year"),
    "missing required date": (
        deleter("conversations", 0, "held_on"),
        "conversations",
        0,
        "held_on",
    ),
    "compact date": (setter("cases", 0, "first_contact", "20240305"), "cases", 0, "first_contact"),
    "impossible date": (
        setter("referrals", 0, "referred_on", "2024-02-30"),
        "referrals",
        0,
        "referred_on",
    ),
    "date as number": (setter("signals", 0, "given_on", 20240101), "signals", 0, "given_on"),
    "year out of range": (setter("outreach", 0, "held_on", "1899-12-31"), "outreach", 0, "held_on"),
    "boolean as number": (
        setter("organisations", 0, "archived", 1),
        "organisations",
        0,
        "archived",
    ),
    "number as boolean": (
        setter("organisations", 0, "retention_years", True),
        "organisations",
        0,
        "retention_years",
    ),
    "number as float": (setter("time_entries", 0, "minutes", 15.0), "time_entries", 0, "minutes"),
    "number below minimum": (setter("time_entries", 0, "minutes", 0), "time_entries", 0, "minutes"),
    "number as empty text": (
        setter("organisations", 0, "employee_count", ""),
        "organisations",
        0,
        "employee_count",
    ),
    "reference as empty text": (
        setter("cases", 0, "department_id", ""),
        "cases",
        0,
        "department_id",
    ),
    "empty optional code": (setter("cases", 0, "gender", ""), "cases", 0, "gender"),
    "unknown code": (setter("cases", 0, "gender", "unknown"), "cases", 0, "gender"),
    "code as list": (setter("cases", 0, "gender", ["female"]), "cases", 0, "gender"),
    "code as object": (setter("routes", 0, "route", {"a": 1}), "routes", 0, "route"),
    "categories as text": (setter("cases", 0, "categories", "bullying"), "cases", 0, "categories"),
    "nested category": (setter("cases", 0, "categories", [["bullying"]]), "cases", 0, "categories"),
    "category twice": (
        setter("cases", 0, "categories", ["bullying", "bullying"]),
        "cases",
        0,
        "categories",
    ),
    "required code null": (
        setter("cases", 0, "contact_type", None),
        "cases",
        0,
        "contact_type",
    ),
    "text null": (setter("signals", 0, "text", None), "signals", 0, "text"),
    "text too long": (setter("organisations", 0, "name", "x" * 301), "organisations", 0, "name"),
    "unknown log rule": (
        setter("destruction_log", 0, "rule", "whim"),
        "destruction_log",
        0,
        "rule",
    ),
    "archive minutes negative": (
        setter("conversation_archive", 0, "minutes", -1),
        "conversation_archive",
        0,
        "minutes",
    ),
    "unknown field": (setter("organisations", 0, "colour", "red"), "organisations", 0, "colour"),
    "record is not an object": (
        lambda d: d["records"]["organisations"].__setitem__(0, "Zorggroep"),
        "organisations",
        0,
        None,
    ),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_refuses_a_bad_record_and_names_it(name: str, document: dict, journal: Journal) -> None:
    mutate, table, index, field = REFUSALS[name]
    mutate(document)
    error = refused(journal, document)
    assert (error.table, error.index, error.field) == (table, index, field), str(error)
    assert error.message_nl and error.message_en
    assert not isinstance(error, ImportVersionError)


DOCUMENT_REFUSALS: dict[str, tuple[Callable[[dict], Any], str | None]] = {
    # name: (mutation returning the document, field)
    "not an object": (lambda d: [d], None),
    "null": (lambda d: None, None),
    "other format": (lambda d: {**d, "format": "keepass-export"}, None),
    "no format": (lambda d: {k: v for k, v in d.items() if k != "format"}, None),
    "version as text": (lambda d: {**d, "version": "1"}, "version"),
    "version as boolean": (lambda d: {**d, "version": True}, "version"),
    "version as float": (lambda d: {**d, "version": 1.0}, "version"),
    "version zero": (lambda d: {**d, "version": 0}, "version"),
    "no version": (lambda d: {k: v for k, v in d.items() if k != "version"}, "version"),
    "unknown top-level key": (lambda d: {**d, "comment": "hoi"}, "comment"),
    "no records": (lambda d: {k: v for k, v in d.items() if k != "records"}, "records"),
    "records as list": (lambda d: {**d, "records": []}, "records"),
    "unknown table": (
        lambda d: {**d, "records": {**d["records"], "patients": []}},
        "records.patients",
    ),
    "table as object": (
        lambda d: {**d, "records": {**d["records"], "cases": {}}},
        "records.cases",
    ),
    "settings as list": (lambda d: {**d, "settings": [["a", "b"]]}, "settings"),
    "setting as number": (lambda d: {**d, "settings": {"a": 1}}, "settings.a"),
    "setting with NUL": (lambda d: {**d, "settings": {"a\x00": "b"}}, "settings"),
    "exported_at not a time": (lambda d: {**d, "exported_at": "gisteren"}, "exported_at"),
    "app_version as number": (lambda d: {**d, "app_version": 1}, "app_version"),
}


@pytest.mark.parametrize("name", list(DOCUMENT_REFUSALS))
def test_refuses_a_bad_document(name: str, document: dict, journal: Journal) -> None:
    mutate, field = DOCUMENT_REFUSALS[name]
    error = refused(journal, mutate(document))
    assert (error.table, error.index, error.field) == (None, None, field)


def test_a_newer_version_has_its_own_error(document: dict, journal: Journal) -> None:
    document["version"] = FORMAT_VERSION + 1
    document["records"]["cases"][0]["new_field"] = "the future"
    error = refused(journal, document)
    assert isinstance(error, ImportVersionError)
    assert "nieuwere versie" in error.message_nl and "newer vpnotebook" in error.message_en


def test_what_is_left_out_takes_its_default(document: dict, journal: Journal) -> None:
    # Optional fields and tables may be missing, so a later version can add them freely.
    del document["settings"], document["exported_at"], document["app_version"]
    del document["records"]["destruction_log"]
    signal = rec(document, "signals", 0)
    for field in ("subject", "text", "asked"):
        del signal[field]
    summary = import_journal(journal, document)
    assert summary.counts["destruction_log"] == 0 and summary.settings == 0
    stored = journal.get(Signal, signal["id"])
    assert (stored.subject, stored.text, stored.asked) == ("", "", False)


def test_same_department_name_in_two_organisations_is_fine(document: dict, journal: Journal):
    names = [d["name"] for d in document["records"]["departments"]]
    assert names.count("Financiën") == 2
    import_journal(journal, document)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("ACME", "acme"),
        ("Café", "CAFé"),
        ("Café", "CAFÉ"),  # the vault folds only A-Z, so these are two names
        ("Ærø", "ærø"),
        ("Acme", "Acme "),
        ("Één", "één"),
    ],
)
def test_organisation_names_clash_exactly_when_the_vault_says_so(
    first: str, second: str, tmp_path: Path
) -> None:
    with new_vault(tmp_path / "probe") as probe, new_vault(tmp_path / "t") as target:
        probe_journal = Journal(probe.db)
        probe_journal.add(Organisation(name=first))
        try:
            probe_journal.add(Organisation(name=second))
            vault_accepts = True
        except Exception:
            vault_accepts = False
        doc = {
            "format": FORMAT_NAME,
            "version": 1,
            "records": {"organisations": [{"id": 1, "name": first}, {"id": 2, "name": second}]},
        }
        journal = Journal(target.db)
        try:
            import_journal(journal, doc)
            import_accepts = True
        except ImportFormatError:
            import_accepts = False
    assert import_accepts == vault_accepts


def test_a_failing_insert_rolls_back_everything(source_document: dict, journal: Journal) -> None:
    # A rule that validation cannot know about, failing late: after organisations, cases,
    # conversations and more are already inserted in the same transaction.
    journal.db.execute(
        "CREATE TEMP TRIGGER refuse_signals BEFORE INSERT ON main.signals "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    )
    error = refused(journal, source_document)
    assert (error.table, error.index) == ("signals", 0)
    assert error.record_id == source_document["records"]["signals"][0]["id"]
    assert "refused by the test" in error.message_en
    journal.db.execute("DROP TRIGGER temp.refuse_signals")
    import_journal(journal, source_document)
    assert journal.count(Signal) == 2


# -- malformed files ---------------------------------------------------------------------------


MALFORMED: dict[str, bytes] = {
    "empty": b"",
    "bad utf-8": b'{"format": "vpnotebook-export\xff"}',
    "utf-16": '{"format": 1}'.encode("utf-16"),
    "syntax error": b'{"format": "vpnotebook-export",}',
    "truncated": b'{"format": "vpnotebook-export", "version": 1, "records": {"cases": [',
    "NaN": b'{"format": "vpnotebook-export", "version": NaN}',
    "Infinity": b'{"version": -Infinity}',
    "duplicate key": b'{"format": "vpnotebook-export", "version": 1, "version": 1}',
    "huge number": b'{"version": ' + b"9" * 5000 + b"}",
    "deep nesting": b"[" * 200_000 + b"]" * 200_000,
    "deep objects": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "two documents": b"{} {}",
    "binary": bytes(range(256)),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_json_is_an_import_format_error(name: str, tmp_path: Path) -> None:
    path = tmp_path / "import.json"
    path.write_bytes(MALFORMED[name])
    with pytest.raises(ImportFormatError) as info:
        read_import(path)
    assert info.value.table is None
    assert info.value.message_nl and info.value.message_en


@pytest.mark.parametrize("top", [b"[]", b'"vpnotebook-export"', b"42", b"null", b"{}"])
def test_wrong_top_level_type_is_refused(top: bytes, journal: Journal) -> None:
    refused(journal, parse_document(top))


def test_a_byte_order_mark_is_accepted(source_document: dict) -> None:
    data = b"\xef\xbb\xbf" + dumps_document(source_document)
    assert parse_document(data) == source_document


def test_unreadable_or_oversized_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImportFormatError, match="cannot read"):
        read_import(tmp_path / "missing.json")
    with pytest.raises(ImportFormatError, match="cannot read"):
        read_import(tmp_path)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 100 + b"{}")
    monkeypatch.setattr(exchange.tables, "MAX_IMPORT_BYTES", 64)
    with pytest.raises(ImportFormatError, match="too large"):
        read_import(path)


# -- fuzzing -----------------------------------------------------------------------------------

INTERESTING: list[Any] = [
    "",
    " ",
    "\x00",
    "\ud800",
    "x" * 301,
    "2024-01-01",
    "2024-02-30",
    "20240101",
    "1899-12-31",
    "open",
    "closed",
    "bullying",
    "in_person",
    "retention",
    "vpnotebook-export",
    0,
    1,
    2,
    -1,
    3,
    MAX_INT,
    MAX_INT + 1,
    2**63,
    10**30,
    1.0,
    float("nan"),
    True,
    False,
    None,
    [],
    {},
    ["bullying", "bullying"],
    ["nonsense"],
]
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-2, 12),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(INTERESTING).map(copy.deepcopy),
)
JSON_VALUES = st.recursive(
    LEAVES,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
FIELD_NAMES = sorted(
    {name for entity in RECORD_TABLES.values() for name in specs(entity)}
    | {"format", "version", "records", "settings", *RECORD_TABLES}
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


def at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> Any:
    doc: Any = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(paths(doc))))
        op = draw(st.sampled_from(["delete", "replace", "replace", "add", "duplicate"]))
        if not path:
            doc = draw(JSON_VALUES) if op in ("delete", "replace") else doc
            continue
        parent, last = at(doc, path[:-1]), path[-1]
        if op == "delete":
            del parent[last]
        elif op == "replace":
            parent[last] = draw(JSON_VALUES)
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif op == "duplicate":
            # Copy a value onto a sibling key: duplicate ids, swapped references.
            parent[draw(st.sampled_from(sorted(parent)))] = copy.deepcopy(parent[last])
        else:
            node = parent[last]
            if isinstance(node, dict):
                node[draw(st.sampled_from(FIELD_NAMES) | st.text(max_size=8))] = draw(JSON_VALUES)
            elif isinstance(node, list):
                node.insert(draw(st.integers(0, len(node))), draw(JSON_VALUES))
            else:
                parent[last] = [node]
    return doc


@fuzz_settings
@given(data=st.data())
def test_fuzz_mutated_documents(source_document: dict, journal: Journal, data: Any) -> None:
    import_or_refuse(journal, data.draw(mutated(source_document)))


REF_FIELDS = [
    (table, field)
    for table, entity in RECORD_TABLES.items()
    for field, spec in specs(entity).items()
    if spec.kind == "ref" and field != "id"
]


@fuzz_settings
@given(data=st.data())
def test_fuzz_dangling_references_and_duplicate_ids(
    source_document: dict, journal: Journal, data: Any
) -> None:
    doc = copy.deepcopy(source_document)
    if data.draw(st.booleans(), label="dangling"):
        table, field = data.draw(st.sampled_from(REF_FIELDS))
        index = data.draw(st.integers(0, len(doc["records"][table]) - 1))
        target = exchange.REFERENCES[field]
        taken = {row["id"] for row in doc["records"][target]}
        missing = data.draw(st.integers(1, MAX_INT).filter(lambda i: i not in taken))
        doc["records"][table][index][field] = missing
    else:
        tables = [t for t in RECORD_TABLES if "id" in specs(RECORD_TABLES[t])]
        table = data.draw(st.sampled_from([t for t in tables if len(doc["records"][t]) > 1]))
        rows = doc["records"][table]
        source, index = data.draw(
            st.lists(st.integers(0, len(rows) - 1), min_size=2, max_size=2, unique=True)
        )
        rows[index]["id"] = rows[source]["id"]
        field = "id"
        index = max(source, index)  # the second of the two is the duplicate
    error = refused(journal, doc)
    assert (error.table, error.index, error.field) == (table, index, field)


@fuzz_settings
@given(data=st.data())
def test_fuzz_truncated_files(source_document: dict, journal: Journal, data: Any) -> None:
    text = dumps_document(source_document)
    offset = data.draw(st.integers(0, len(text) - 1))
    if offset <= len(text) - 2:  # the closing brace is gone: it can never be valid
        with pytest.raises(ImportFormatError):
            parse_document(text[:offset])
    else:
        parse_then_import(journal, text[:offset])


@fuzz_settings
@given(data=st.data())
def test_fuzz_flipped_bytes(source_document: dict, journal: Journal, data: Any) -> None:
    raw = bytearray(dumps_document(source_document))
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] ^= data.draw(st.integers(1, 255))
    parse_then_import(journal, bytes(raw))


@fuzz_settings
@given(raw=st.binary(max_size=200) | JSON_VALUES.map(lambda v: json.dumps(v).encode()))
def test_fuzz_arbitrary_input(journal: Journal, raw: bytes) -> None:
    assert not parse_then_import(journal, raw)


@fuzz_settings
@given(
    value=JSON_VALUES,
    table=st.sampled_from(list(RECORD_TABLES)),
)
def test_fuzz_arbitrary_records(journal: Journal, value: Any, table: str) -> None:
    doc = {"format": FORMAT_NAME, "version": 1, "records": {table: [value]}}
    import_or_refuse(journal, doc)


# -- the format document -----------------------------------------------------------------------


def test_the_format_document_describes_every_table_field_and_code() -> None:
    doc = DOC_PATH.read_text(encoding="utf-8")
    assert "NOT encrypted" in doc and "niet versleuteld" in doc.lower()
    sections = dict(re.findall(r"^### `(\w+)`\n(.*?)(?=^##|\Z)", doc, re.M | re.S))
    assert list(sections) == list(RECORD_TABLES)
    for table, entity in RECORD_TABLES.items():
        documented = re.findall(r"^\| `(\w+)` \|", sections[table], re.M)
        assert documented == list(specs(entity)), table
    for vocabulary in (
        *ALL_VOCABULARIES,
        exchange.DESTRUCTION_RULES,
        exchange.DESTRUCTION_SCOPES,
        ISSUE_WAYS,
        REPORT_LANGUAGES,
        HIT_KINDS,
    ):
        for term in vocabulary:
            assert f"`{term.code}`" in doc, (vocabulary.name, term.code)


def test_the_destruction_codes_match_the_destruction_module() -> None:
    assert exchange.DESTRUCTION_RULES.codes == destruction.RULES
    assert set(exchange.DESTRUCTION_SCOPES.codes) == {
        destruction.SCOPE_CASE,
        destruction.SCOPE_REPORTER,
    }


def test_the_documented_example_is_a_valid_export() -> None:
    doc = DOC_PATH.read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", doc, re.S)
    assert example is not None
    summary = validate_document(parse_document(example.group(1).encode()))
    assert summary.counts["cases"] == 1
