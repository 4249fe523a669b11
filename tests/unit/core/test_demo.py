"""The demo journal: reproducible, valid, consistent in time, and showing every code.

Real vaults in tmp_path throughout. Two 120-case journals (seeds 1 and 2) are filled once per
module and shared by the read-only checks; only the reproducibility tests fill more.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from vpnotebook.core import taxonomy as tx
from vpnotebook.core.demo import DEFAULT_TODAY, DemoSummary, fill_demo
from vpnotebook.core.fields import to_json, validate
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import TABLES, Organisation, Reporter
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

CASES = 120
TODAY = DEFAULT_TODAY


@dataclass
class Filled:
    vault: Vault
    journal: Journal
    summary: DemoSummary

    def scalar(self, sql: str, params: Any = ()) -> Any:
        return self.vault.db.scalar(sql, params)

    def column(self, sql: str) -> set[Any]:
        return {row[0] for row in self.vault.db.query(sql)}


def make_vault(folder: Path) -> tuple[Vault, Journal]:
    vault, _code = Vault.create(folder, "pw", kdf_params=TEST_PARAMS)
    return vault, Journal(vault.db)


def dump(journal: Journal) -> dict[str, list[dict[str, Any]]]:
    """Every record of every table, as plain data, in storage order."""
    data: dict[str, list[dict[str, Any]]] = {}
    for entity_type, table in TABLES.items():
        # Reporters are keyed by case_id and have no id column to order by.
        order = "case_id" if entity_type is Reporter else "id"
        data[table] = [to_json(entity) for entity in journal.find(entity_type, order=order)]
    return data


def digest(journal: Journal) -> str:
    return hashlib.sha256(repr(dump(journal)).encode()).hexdigest()


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, Filled]]:
    filled: dict[int, Filled] = {}
    for seed in (1, 2):
        vault, journal = make_vault(tmp_path_factory.mktemp(f"seed{seed}") / "v")
        filled[seed] = Filled(vault, journal, fill_demo(journal, cases=CASES, seed=seed))
    yield filled
    for item in filled.values():
        item.vault.close()


@pytest.fixture(params=[1, 2], ids=["seed1", "seed2"])
def demo(request: pytest.FixtureRequest, demos: dict[int, Filled]) -> Filled:
    return demos[request.param]


# -- reproducibility ----------------------------------------------------------------------


def test_same_seed_gives_identical_journal(demos: dict[int, Filled], tmp_path: Path) -> None:
    vault, journal = make_vault(tmp_path / "again")
    try:
        summary = fill_demo(journal, cases=CASES, seed=1)
        assert summary == demos[1].summary
        assert dump(journal) == dump(demos[1].journal)
        categories = "SELECT case_id, category FROM case_categories ORDER BY 1, 2"
        assert vault.db.query(categories) == demos[1].vault.db.query(categories)
    finally:
        vault.close()


def test_different_seed_gives_different_journal(demos: dict[int, Filled]) -> None:
    first, second = dump(demos[1].journal), dump(demos[2].journal)
    assert first["conversations"] != second["conversations"]
    assert first["cases"] != second["cases"]


def test_same_data_in_a_process_with_other_string_hashing(tmp_path: Path) -> None:
    # Set iteration order depends on PYTHONHASHSEED; the demo must not depend on it.
    script = (
        "import sys, hashlib\n"
        "from pathlib import Path\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from test_demo import digest, make_vault\n"
        "from vpnotebook.core.demo import fill_demo\n"
        "vault, journal = make_vault(Path(sys.argv[1]))\n"
        "fill_demo(journal, cases=25, seed=7)\n"
        "print(digest(journal))\n"
        "vault.close()\n"
    )
    digests = set()
    for hash_seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / hash_seed), str(Path(__file__).parent)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(result.stdout.strip())
    vault, journal = make_vault(tmp_path / "here")
    try:
        fill_demo(journal, cases=25, seed=7)
        digests.add(digest(journal))
    finally:
        vault.close()
    assert len(digests) == 1


def test_refuses_a_journal_that_holds_records(tmp_path: Path) -> None:
    vault, journal = make_vault(tmp_path / "v")
    try:
        journal.add(Organisation(name="Een echte opdrachtgever"))
        with pytest.raises(ValueError, match="empty journal"):
            fill_demo(journal, cases=5)
        assert journal.count(Organisation) == 1
    finally:
        vault.close()


@pytest.mark.parametrize("cases", [0, 1, 7])
def test_small_fills_work(tmp_path: Path, cases: int) -> None:
    vault, journal = make_vault(tmp_path / "v")
    try:
        summary = fill_demo(journal, cases=cases, seed=cases + 3)
        assert summary.cases == cases
        assert summary.organisations == 3
        assert summary.as_counts() == journal.record_counts()
        assert vault.check() == []
    finally:
        vault.close()


# -- counts, validity, integrity ----------------------------------------------------------


def test_counts_match_summary(demo: Filled) -> None:
    assert demo.summary.cases == CASES
    assert demo.summary.as_counts() == demo.journal.record_counts()
    assert demo.summary.total == sum(demo.journal.record_counts().values())
    # max(3, cases // 40) client organisations, each with 2 to 8 departments.
    assert demo.summary.organisations == 3
    per_org = demo.column("SELECT count(*) FROM departments GROUP BY organisation_id")
    assert min(per_org) >= 2 and max(per_org) <= 8
    # Roughly the scale the benchmark relies on: several conversations and referrals a case.
    assert 4 <= demo.summary.conversations / CASES <= 8
    assert 1 <= demo.summary.referrals / CASES <= 3


def test_every_record_is_valid(demo: Filled) -> None:
    for entity_type in TABLES:
        order = "case_id" if entity_type is Reporter else "id"
        for entity in demo.journal.find(entity_type, order=order):
            validate(entity)


def test_vault_check_finds_nothing(demo: Filled) -> None:
    assert demo.vault.check() == []


def test_no_text_has_an_unfilled_placeholder(demo: Filled) -> None:
    assert demo.scalar("SELECT count(*) FROM search_index WHERE body LIKE '%{%'") == 0


def test_search_index_covers_the_notes(demo: Filled) -> None:
    found = demo.scalar("SELECT count(*) FROM search_index WHERE search_index MATCH 'melder'")
    assert found >= demo.summary.conversations


# -- dates --------------------------------------------------------------------------------

NOT_AFTER_TODAY = (
    ("cases", "first_contact"),
    ("cases", "consent_on"),
    ("cases", "closed_on"),
    ("conversations", "held_on"),
    ("routes", "started_on"),
    ("referrals", "referred_on"),
    ("follow_ups", "done_on"),
    ("outreach", "held_on"),
    ("signals", "given_on"),
    ("time_entries", "spent_on"),
)


@pytest.mark.parametrize(("table", "column"), NOT_AFTER_TODAY)
def test_nothing_happens_after_today(demo: Filled, table: str, column: str) -> None:
    late = demo.scalar(f"SELECT count(*) FROM {table} WHERE {column} > ?", (TODAY.isoformat(),))
    assert late == 0


def test_only_open_follow_ups_lie_ahead(demo: Filled) -> None:
    sql = "SELECT count(*) FROM follow_ups WHERE due_on > ? AND done_on IS NOT NULL"
    assert demo.scalar(sql, (TODAY.isoformat(),)) == 0
    assert demo.scalar("SELECT count(*) FROM follow_ups WHERE done_on < due_on") == 0


def test_cases_lie_in_the_last_four_years(demo: Filled) -> None:
    earliest = (TODAY - timedelta(days=4 * 365)).isoformat()
    assert demo.scalar("SELECT count(*) FROM cases WHERE first_contact <= ?", (earliest,)) == 0
    years = demo.column("SELECT year FROM cases")
    assert len(years) >= 4
    assert (
        demo.scalar(
            "SELECT count(*) FROM cases WHERE year <> CAST(substr(first_contact, 1, 4) AS INTEGER)"
        )
        == 0
    )


@pytest.mark.parametrize(
    ("what", "sql"),
    [
        (
            "conversation before first contact",
            "SELECT count(*) FROM conversations v JOIN cases c ON c.id = v.case_id "
            "WHERE v.held_on < c.first_contact",
        ),
        (
            "closed before its last conversation",
            "SELECT count(*) FROM cases c WHERE c.status = 'closed' AND c.closed_on < "
            "(SELECT max(held_on) FROM conversations WHERE case_id = c.id)",
        ),
        (
            "case without a conversation",
            "SELECT count(*) FROM cases c WHERE NOT EXISTS "
            "(SELECT 1 FROM conversations WHERE case_id = c.id)",
        ),
        (
            "first conversation not on the day of first contact",
            "SELECT count(*) FROM cases c WHERE c.first_contact <> "
            "(SELECT min(held_on) FROM conversations WHERE case_id = c.id)",
        ),
        (
            "consent before first contact",
            "SELECT count(*) FROM cases WHERE consent_on < first_contact",
        ),
        (
            "route before first contact",
            "SELECT count(*) FROM routes r JOIN cases c ON c.id = r.case_id "
            "WHERE r.started_on < c.first_contact",
        ),
        (
            "referral before first contact",
            "SELECT count(*) FROM referrals r JOIN cases c ON c.id = r.case_id "
            "WHERE r.referred_on < c.first_contact",
        ),
        (
            "case follow-up before first contact",
            "SELECT count(*) FROM follow_ups f JOIN cases c ON c.id = f.case_id "
            "WHERE f.due_on < c.first_contact",
        ),
        (
            "case time before first contact",
            "SELECT count(*) FROM time_entries t JOIN cases c ON c.id = t.case_id "
            "WHERE t.spent_on < c.first_contact",
        ),
        (
            "closed without date and outcome",
            "SELECT count(*) FROM cases WHERE status = 'closed' "
            "AND (closed_on IS NULL OR outcome IS NULL)",
        ),
        (
            "not closed but with closing date or outcome",
            "SELECT count(*) FROM cases WHERE status <> 'closed' "
            "AND (closed_on IS NOT NULL OR outcome IS NOT NULL)",
        ),
        (
            "conversation in a weekend",
            "SELECT count(*) FROM conversations WHERE strftime('%w', held_on) IN ('0', '6')",
        ),
    ],
)
def test_dates_are_consistent(demo: Filled, what: str, sql: str) -> None:
    assert demo.scalar(sql) == 0, what


def test_references_stay_within_one_organisation(demo: Filled) -> None:
    assert (
        demo.scalar(
            "SELECT count(*) FROM cases c JOIN departments d ON d.id = c.department_id "
            "WHERE d.organisation_id <> c.organisation_id"
        )
        == 0
    )
    for table in ("follow_ups", "time_entries"):
        assert (
            demo.scalar(
                f"SELECT count(*) FROM {table} t JOIN cases c ON c.id = t.case_id "
                "WHERE t.organisation_id <> c.organisation_id"
            )
            == 0
        )
    assert (
        demo.scalar(
            "SELECT count(*) FROM outreach a JOIN organisations o ON o.id = a.organisation_id "
            "WHERE a.participants > o.employee_count"
        )
        == 0
    )


# -- realism: every code shows, and the interesting situations occur ---------------------

COVERED = (
    ("case_categories", "category", tx.CATEGORIES),
    ("cases", "contact_type", tx.CONTACT_TYPES),
    ("cases", "reporter_role", tx.REPORTER_ROLES),
    ("cases", "gender", tx.GENDERS),
    ("cases", "age_band", tx.AGE_BANDS),
    ("cases", "relation_to_accused", tx.RELATIONS),
    ("cases", "status", tx.CASE_STATUSES),
    ("cases", "outcome", tx.CASE_OUTCOMES),
    ("conversations", "form", tx.CONVERSATION_FORMS),
    ("routes", "route", tx.ROUTES),
    ("routes", "outcome", tx.ROUTE_OUTCOMES),
    ("referrals", "party", tx.REFERRAL_PARTIES),
    ("follow_ups", "kind", tx.FOLLOW_UP_KINDS),
    ("outreach", "kind", tx.OUTREACH_KINDS),
    ("signals", "kind", tx.SIGNAL_KINDS),
    ("time_entries", "activity", tx.TIME_ACTIVITIES),
)


@pytest.mark.parametrize(
    ("table", "column", "vocabulary"), COVERED, ids=[f"{t}.{c}" for t, c, _ in COVERED]
)
def test_every_code_occurs(demo: Filled, table: str, column: str, vocabulary: Any) -> None:
    found = demo.column(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL")
    assert found == set(vocabulary.codes)


@pytest.mark.parametrize("column", ["gender", "age_band", "relation_to_accused", "department_id"])
def test_optional_case_fields_are_sometimes_empty(demo: Filled, column: str) -> None:
    assert demo.scalar(f"SELECT count(*) FROM cases WHERE {column} IS NULL") > 0
    assert demo.scalar(f"SELECT count(*) FROM cases WHERE {column} IS NOT NULL") > 0


def test_weights_look_like_practice(demo: Filled) -> None:
    def share(sql: str) -> float:
        return float(demo.scalar(sql)) / CASES

    assert share("SELECT count(*) FROM cases WHERE contact_type = 'report'") > 0.5
    bullying_or_intimidation = share(
        "SELECT count(DISTINCT case_id) FROM case_categories "
        "WHERE category IN ('bullying', 'intimidation')"
    )
    assert bullying_or_intimidation > 0.35
    assert share("SELECT count(*) FROM cases WHERE status = 'closed'") > 0.6
    multi = "SELECT count(*) FROM (SELECT case_id FROM case_categories GROUP BY case_id HAVING count(*) > 1)"
    assert demo.scalar(multi) > 0


def test_agenda_has_overdue_upcoming_and_done_items(demo: Filled) -> None:
    today = TODAY.isoformat()
    assert (
        demo.scalar(
            "SELECT count(*) FROM follow_ups WHERE done_on IS NULL AND due_on < ?", (today,)
        )
        > 0
    )
    assert (
        demo.scalar(
            "SELECT count(*) FROM follow_ups WHERE done_on IS NULL AND due_on > ?", (today,)
        )
        > 0
    )
    assert demo.scalar("SELECT count(*) FROM follow_ups WHERE done_on IS NOT NULL") > 0
    assert demo.scalar("SELECT count(*) FROM follow_ups WHERE case_id IS NULL") > 0


def test_some_cases_cross_a_year_boundary(demo: Filled) -> None:
    carried = demo.scalar(
        "SELECT count(*) FROM cases WHERE substr(coalesce(closed_on, ?), 1, 4) > substr(first_contact, 1, 4)",
        (TODAY.isoformat(),),
    )
    assert carried > 0


def test_reopened_cases_had_a_conversation_after_reopening(demo: Filled) -> None:
    reopened = demo.column("SELECT id FROM cases WHERE status = 'reopened'")
    assert reopened
    for case_id in reopened:
        phases = [c.occasion for c in demo.journal.conversations_of(case_id)]
        assert len(phases) >= 2


def test_organisations_include_a_small_one(demo: Filled) -> None:
    sizes = demo.column("SELECT employee_count FROM organisations")
    assert min(sizes) < 50
    assert all(25 <= size <= 4000 for size in sizes)


def test_every_organisation_has_the_usual_referral_contacts(demo: Filled) -> None:
    for organisation in demo.journal.organisations():
        parties = demo.column(
            f"SELECT party FROM referral_contacts WHERE organisation_id = {organisation.id}"
        )
        assert {"company_doctor", "complaints_committee", "social_worker"} <= parties
    emails = demo.column("SELECT email FROM referral_contacts")
    assert all(email.endswith(".example.nl") for email in emails)
    contacts = demo.column("SELECT contact FROM reporters")
    assert all("@example.nl" in contact and "06-" in contact for contact in contacts)


def test_outreach_and_signals_every_year_per_organisation(demo: Filled) -> None:
    rows = demo.vault.db.query(
        "SELECT organisation_id, count(DISTINCT substr(held_on, 1, 4)) FROM outreach "
        "GROUP BY organisation_id"
    )
    assert len(rows) == demo.summary.organisations
    # The first and last year are partial, so a small organisation may skip one.
    assert all(years >= 3 for _, years in rows)
    assert demo.scalar("SELECT count(DISTINCT organisation_id) FROM signals") == len(rows)
    outside_cases = demo.scalar("SELECT count(*) FROM time_entries WHERE case_id IS NULL")
    assert outside_cases > 0


def test_default_today_is_fixed() -> None:
    assert date(2026, 11, 28) == DEFAULT_TODAY
