"""Anonymous reporters, groups and linked cases in the annual report (issue 13).

Who came is one more one-way table over the year's new cases (one named reporter, one
anonymous, a group), protected by the same engine as every other; the number of reporters
behind the cases is printed only where it cannot give a small group's size away. Links
between cases change no figure: each linked case is a case of its own.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpnotebook.core.destruction import destroy_case
from vpnotebook.core.exchange import dumps_document, export_journal, import_journal
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Organisation
from vpnotebook.report.annual_report import build_annual_report, issue_report
from vpnotebook.report.pdf import render_pdf
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

from .test_annual_report import assert_protected, pdf_text

YEAR = 2025
NAMED, ANONYMOUS, GROUP = (
    "Eén melder, bij de vertrouwenspersoon bekend",
    "Eén melder, anoniem",
    "Een groep melders",
)
PEOPLE = "Melders bij deze meldingen (bij een groep telt iedereen mee)"


def _org(journal: Journal) -> int:
    # No digits in the name: the report's check reads every number in the text as a count.
    letters = "".join(chr(ord("a") + int(d)) for d in str(journal.count(Organisation) + 1))
    organisation = journal.add(Organisation(name=f"Stichting Wie {letters}", employee_count=200))
    assert organisation.id is not None
    return organisation.id


def _cases(journal: Journal, org: int, named: int, anonymous: int, groups: list[int]) -> list[int]:
    """`named` cases of one known reporter, `anonymous` of one anonymous, one per group size."""
    who = [(True, 1)] * named + [(False, 1)] * anonymous + [(True, size) for size in groups]
    ids = []
    for index, (known, count) in enumerate(who):
        case = journal.add(
            Case(
                organisation_id=org,
                first_contact=date(YEAR, 1 + index % 12, 1 + index % 27),
                contact_type="report",
                reporter_role="employee",
                categories=("bullying",),
                reporter_known=known,
                reporter_count=count,
            )
        )
        assert case.id is not None
        ids.append(case.id)
    return ids


def _rows(report, key: str = "reporter_kinds") -> dict[str, int]:
    return dict(report.tables[key].rows)


def _people_rows(report) -> list[tuple[str, ...]]:
    return [
        row for table in report.document.tables() if table.key == "reporters" for row in table.rows
    ]


def test_each_case_counts_once_and_the_reporters_of_groups_are_counted(journal: Journal) -> None:
    org = _org(journal)
    _cases(journal, org, named=12, anonymous=5, groups=[2, 3, 4, 5, 6])

    report = build_annual_report(journal, org, YEAR)
    text = assert_protected(report)

    assert report.flow.new == 22  # five groups are five cases
    assert _rows(report) == {NAMED: 12, ANONYMOUS: 5, GROUP: 5}
    assert report.tables["reporter_kinds"].total == 22
    assert _people_rows(report) == [(PEOPLE, str(12 + 5 + 20))]
    assert "Wie kwam er" in text and "37" in text
    assert report.figures[YEAR]["reporter_kinds:people"] == 37


def test_a_few_groups_never_give_their_size_away(journal: Journal) -> None:
    org = _org(journal)
    _cases(journal, org, named=15, anonymous=0, groups=[7, 9])

    report = build_annual_report(journal, org, YEAR)
    text = assert_protected(report)

    table = report.tables["reporter_kinds"]
    assert GROUP not in dict(table.rows) and GROUP in table.hidden_labels
    # Reporters minus cases would be 14: the two groups' size. Neither it nor the total shows.
    assert _people_rows(report) == []
    assert report.figures[YEAR]["reporter_kinds:people"] == "-"
    assert "31" not in text and "16" not in text


def test_anonymous_reporters_alone_are_not_broken_down(journal: Journal) -> None:
    # Homogeneity: that every reporter stayed anonymous is a fact about each of them.
    org = _org(journal)
    _cases(journal, org, named=0, anonymous=9, groups=[])

    report = build_annual_report(journal, org, YEAR)
    assert_protected(report)

    table = report.tables["reporter_kinds"]
    assert ANONYMOUS not in dict(table.rows) and table.rows == ((table.other_label, 9),)
    assert _people_rows(report) == []


def test_links_change_no_figure_and_neither_does_destroying_a_linked_case(
    journal: Journal,
) -> None:
    org = _org(journal)
    ids = _cases(journal, org, named=10, anonymous=5, groups=[2, 2, 3, 3, 4])
    before = build_annual_report(journal, org, YEAR)
    before_pdf = render_pdf(before.document)

    journal.link_cases(ids[0], ids[1], "same_reporter")
    journal.link_cases(ids[2], ids[10], "same_accused", "Zelfde leidinggevende")
    journal.link_cases(ids[15], ids[3], "same_event")
    linked = build_annual_report(journal, org, YEAR)
    assert linked.content_sha256 == before.content_sha256
    assert render_pdf(linked.document) == before_pdf

    journal.close_case(ids[2], date(YEAR, 12, 1), "resolved_informally")
    closed = build_annual_report(journal, org, YEAR)
    destroy_case(journal, ids[2], rule="vp_decision", today=date(YEAR + 1, 1, 5))
    assert journal.links_of(ids[10]) == []  # the link went with the case
    after = build_annual_report(journal, org, YEAR)
    assert after.content_sha256 == closed.content_sha256
    assert render_pdf(after.document) == render_pdf(closed.document)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    named=st.integers(0, 14),
    anonymous=st.integers(0, 8),
    groups=st.lists(st.integers(2, 9), max_size=8),
    k=st.sampled_from([3, 5]),
)
def test_who_came_is_protected_for_any_mix(
    journal: Journal, named: int, anonymous: int, groups: list[int], k: int
) -> None:
    org = _org(journal)
    _cases(journal, org, named, anonymous, groups)
    new = named + anonymous + len(groups)

    report = build_annual_report(journal, org, YEAR, k=k)
    text = pdf_text(render_pdf(report.document))
    assert_protected(report)

    table = report.tables.get("reporter_kinds")
    if new < k:
        assert table is None  # fewer than k new cases: nothing is broken down
        return
    assert table is not None
    for label, count in table.rows:
        assert count == 0 or count >= k, (label, count)
    shown = dict(table.rows)
    people = _people_rows(report)
    if GROUP in shown:
        assert shown[GROUP] == len(groups)
        assert people == [(PEOPLE, str(named + anonymous + sum(groups)))]
        assert str(named + anonymous + sum(groups)) in text
    else:
        assert people == []


def test_a_published_year_keeps_who_came_as_published(journal: Journal) -> None:
    """The ledger holds the new table like every other: a later change of one anonymous
    reporter (a difference below k) is not shown in a re-issue of the year."""
    org = _org(journal)
    ids = _cases(journal, org, named=12, anonymous=5, groups=[2, 3, 4, 5, 6])
    first = build_annual_report(journal, org, YEAR)
    issue_report(journal, first, render_pdf(first.document), how="pdf", today=date(YEAR + 1, 2, 1))
    assert _rows(first) == {NAMED: 12, ANONYMOUS: 5, GROUP: 5}

    # Learned later: one named reporter had in fact stayed anonymous.
    case = journal.get(Case, ids[0])
    journal.update(replace(case, reporter_known=False))
    again = build_annual_report(journal, org, YEAR)
    assert _rows(again) == {NAMED: 12, ANONYMOUS: 5, GROUP: 5}
    assert _people_rows(again) == _people_rows(first)
    assert again.content_sha256 == first.content_sha256


def test_linked_anonymous_and_group_cases_round_trip_to_the_same_report(
    journal: Journal, tmp_path: Path
) -> None:
    """Export, import into a fresh vault: the same records, the same protected tables and
    the same PDF, byte for byte."""
    org = _org(journal)
    ids = _cases(journal, org, named=11, anonymous=6, groups=[2, 3, 5, 2, 4, 6])
    journal.link_cases(ids[0], ids[12], "same_accused", "Zelfde ploegleider")
    journal.link_cases(ids[20], ids[1], "same_event")
    document = export_journal(journal)
    before = build_annual_report(journal, org, YEAR)

    fresh, _code = Vault.create(tmp_path / "nieuw", "een hele verse kluis", kdf_params=TEST_PARAMS)
    with fresh:
        copy = Journal(fresh.db)
        import_journal(copy, json.loads(dumps_document(document)))
        assert export_journal(copy)["records"] == document["records"]
        assert {(link.link.kind, link.other_id) for link in copy.links_of(ids[0])} == {
            ("same_accused", ids[12])
        }
        after = build_annual_report(copy, org, YEAR)
        assert after.tables == before.tables
        assert _rows(after) == {NAMED: 11, ANONYMOUS: 6, GROUP: 6}
        assert render_pdf(after.document) == render_pdf(before.document)
