"""The ledger of published reports, and the VP's confirmations of the text check, travel with
the export (format version 2): a vault moved to a new laptop by export and import prints its
published years exactly as before, and does not ask again about text it already cleared.
Older exports (version 1, without these tables) still import.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from vpnotebook.core.exchange import (
    ImportFormatError,
    export_journal,
    import_file,
    import_journal,
    write_export,
)
from vpnotebook.core.journal import Journal
from vpnotebook.core.ledger import issues
from vpnotebook.core.models import Case, Organisation, Reporter
from vpnotebook.core.report_texts import check_report_text, confirm_hits, open_hits
from vpnotebook.report.annual_report import build_annual_report, issue_report
from vpnotebook.report.pdf import render_pdf
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

TEXT = "Het werkklimaat verbeterde. Met dank aan Jorieke voor de goede samenwerking."


def _vault(folder: Path) -> Vault:
    vault, _ = Vault.create(folder, "een lange zin voor de test", kdf_params=TEST_PARAMS)
    return vault


def _fill(journal: Journal) -> int:
    org = journal.add(Organisation(name="Woonstichting De Brug", employee_count=160)).id
    assert org is not None
    for year, count in ((2024, 14), (2025, 12)):
        for index in range(count):
            case = journal.add(
                Case(
                    organisation_id=org,
                    first_contact=date(year, 1 + index % 12, 2 + index),
                    contact_type=("report", "report", "question")[index % 3],
                    reporter_role="employee",
                    categories=(("bullying",), ("intimidation",), ("aggression",))[index % 3],
                    relation_to_accused=("colleague", "manager")[index % 2],
                )
            )
            if index == 0:
                journal.add(Reporter(case_id=case.id, name="Jorieke Landman"))
    return org


def _issue(journal: Journal, org: int, year: int) -> None:
    report = build_annual_report(journal, org, year)
    issue_report(
        journal, report, render_pdf(report.document), how="pdf", today=date(year + 1, 2, 1)
    )


@pytest.fixture
def moved(tmp_path: Path) -> tuple[Journal, Journal, int]:
    """A vault that published 2024, whose 2024 cases changed since, exported and imported
    into a new vault (through a file, as `vpnotebook export` and `import` do)."""
    source = _vault(tmp_path / "oud")
    journal = Journal(source.db)
    org = _fill(journal)
    _issue(journal, org, 2024)
    # After publication: four more 2024 cases recorded late, one 2024 case moved away.
    for index in range(4):
        journal.add(
            Case(
                organisation_id=org,
                first_contact=date(2024, 12, 1 + index),
                contact_type="report",
                reporter_role="manager",
                categories=("discrimination",),
            )
        )
    confirm_hits(
        journal, org, 2025, check_report_text(journal, org, 2025, TEXT, k=5), today=date(2026, 1, 5)
    )
    write_export(journal, tmp_path / "alles.json")
    target = _vault(tmp_path / "nieuw")
    moved_journal = Journal(target.db)
    import_file(moved_journal, tmp_path / "alles.json")
    return journal, moved_journal, org


def test_every_later_report_prints_the_published_years_the_same(
    moved: tuple[Journal, Journal, int],
) -> None:
    journal, moved_journal, org = moved
    before = build_annual_report(journal, org, 2025, text="")
    after = build_annual_report(moved_journal, org, 2025, text="")
    assert after.document == before.document
    assert after.figures == before.figures
    # And what the old vault printed for 2024 is what it published, not what it holds now.
    published = [i for i in issues(journal, org) if i.year == 2024]
    assert [(i.version, i.content_sha256) for i in issues(moved_journal, org)] == [
        (i.version, i.content_sha256) for i in published
    ]
    # A new version of 2024 is checked against the same history in both vaults.
    again = build_annual_report(moved_journal, org, 2024)
    assert again.document == build_annual_report(journal, org, 2024).document
    assert again.version == 2


def test_without_the_ledger_the_published_year_would_be_recomputed(
    moved: tuple[Journal, Journal, int], tmp_path: Path
) -> None:
    """The test above can fail: an export without the ledger (as version 1 was) loses it."""
    journal, _, org = moved
    document = export_journal(journal)
    document["version"] = 1
    del document["records"]["published_reports"]
    del document["records"]["text_confirmations"]
    bare = Journal(_vault(tmp_path / "kaal").db)
    import_journal(bare, document)
    assert issues(bare, org) == []
    assert (
        build_annual_report(bare, org, 2025, text="").figures[2024]
        != build_annual_report(journal, org, 2025, text="").figures[2024]
    )


def test_the_confirmations_travel_too(moved: tuple[Journal, Journal, int]) -> None:
    _, moved_journal, org = moved
    hits = check_report_text(moved_journal, org, 2025, TEXT, k=5)
    assert hits and open_hits(moved_journal, org, 2025, hits) == []


def _document(moved: tuple[Journal, Journal, int]) -> dict[str, Any]:
    return export_journal(moved[0])


@pytest.mark.parametrize(
    ("table", "change", "field"),
    [
        ("published_reports", {"figures": "{not json"}, "figures"),
        ("published_reports", {"figures": '{"2024": {"key:new": "twaalf"}}'}, "figures"),
        (
            "published_reports",
            {"figures": '{"2024": {"t:shape": "{\\"rows\\": [\\"a\\"]}"}}'},
            "figures",
        ),
        ("published_reports", {"content_sha256": "ABC"}, "content_sha256"),
        ("published_reports", {"how": "fax"}, "how"),
        ("published_reports", {"k": 2}, "k"),
        ("text_confirmations", {"fingerprint": "0" * 63}, "fingerprint"),
        ("text_confirmations", {"kind": "gossip"}, "kind"),
    ],
)
def test_a_ledger_a_later_report_could_not_read_is_refused_by_name(
    moved: tuple[Journal, Journal, int],
    tmp_path: Path,
    table: str,
    change: dict[str, Any],
    field: str,
) -> None:
    document = copy.deepcopy(_document(moved))
    document["records"][table][0].update(change)
    target = Journal(_vault(tmp_path / "doel").db)
    with pytest.raises(ImportFormatError) as refused:
        import_journal(target, document)
    assert (refused.value.table, refused.value.field) == (table, field)
    assert target.db.scalar("SELECT count(*) FROM organisations") == 0


def test_a_second_copy_of_a_version_is_refused(
    moved: tuple[Journal, Journal, int], tmp_path: Path
) -> None:
    document = copy.deepcopy(_document(moved))
    rows = document["records"]["published_reports"]
    rows.append({**rows[0], "id": rows[0]["id"] + 100})
    with pytest.raises(ImportFormatError) as refused:
        import_journal(Journal(_vault(tmp_path / "doel").db), document)
    assert (refused.value.table, refused.value.field) == ("published_reports", "version")
