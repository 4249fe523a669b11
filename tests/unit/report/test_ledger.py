"""The ledger of published reports (issue 12, leak class 3): a year once published is shown
as published in every later report, whatever happens to its cases; a changed figure appears
only as a checked "bijgesteld" note; a re-issue is checked against the earlier versions.

Vaults come in through the import format, as a VP moving from another laptop brings them.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpnotebook.core.destruction import destroy_case
from vpnotebook.core.journal import Journal
from vpnotebook.core.ledger import issues, published_records
from vpnotebook.core.models import Case
from vpnotebook.report.annual_report import AnnualReport, build_annual_report, issue_report
from vpnotebook.report.disclosure import DisclosurePolicy, ProtectedTable, protect_table
from vpnotebook.report.pdf import render_pdf
from vpnotebook.report.published import PublishedHistory, check_revision, table_cells
from vpnotebook.report.vp_overview import build_vp_overview

TODAY = date(2026, 3, 1)
CATEGORY_CYCLE = ("bullying", "bullying", "intimidation", "sexual_harassment", "aggression")


def _fill(export: Any, org_cases: dict[int, int], *, closed_share: int = 2) -> int:
    org = export.organisation("Zorgcentrum De Esch", employees=140)
    for year, count in org_cases.items():
        for index in range(count):
            closed = date(year, 11, 1) if index % closed_share == 0 else None
            case = export.case(
                org,
                date(year, 1 + index % 12, 1 + index % 27),
                categories=(CATEGORY_CYCLE[index % len(CATEGORY_CYCLE)],),
                contact_type="report" if index % 3 else "question",
                closed_on=closed,
                outcome="resolved_informally" if index % 2 else "referred",
            )
            export.conversation(case, date(year, 1 + index % 12, 2), minutes=60)
    return org


def _issue(journal: Journal, org: int, year: int) -> AnnualReport:
    report = build_annual_report(journal, org, year)
    issue_report(journal, report, render_pdf(report.document), how="pdf", today=TODAY)
    return report


def _year_cells(report: AnnualReport, year: int) -> dict[str, Any]:
    return {key: value for key, value in report.figures[year].items() if ":" in key}


def _printed_for(report: AnnualReport, year: int) -> dict[str, Any]:
    return {k: v for k, v in report.figures[year].items() if not k.startswith("bijgesteld:")}


def _cases(journal: Journal, org: int, year: int) -> list[Case]:
    return [
        c
        for c in journal.find(Case, "organisation_id = ?", (org,))
        if c.first_contact is not None and c.first_contact.year == year
    ]


# -- the edits the issue names ------------------------------------------------------------------


def _add_category(journal: Journal, case: Case) -> None:
    from vpnotebook.core.taxonomy import CATEGORIES

    extra = next((c for c in CATEGORIES.codes if c not in case.categories), None)
    if extra is None:
        return
    journal.update(Case(**{**case.__dict__, "categories": (*case.categories, extra)}))


def _reopen(journal: Journal, case: Case) -> None:
    if case.closed_on is not None:
        journal.reopen_case(case.id)  # type: ignore[arg-type]


def _clear_closed(journal: Journal, case: Case) -> None:
    journal.update(Case(**{**case.__dict__, "closed_on": None, "status": "open", "outcome": None}))


def _destroy(journal: Journal, case: Case) -> None:
    destroy_case(journal, case.id, rule="vp_decision", today=TODAY)  # type: ignore[arg-type]


def _move_to_next_year(journal: Journal, case: Case) -> None:
    assert case.first_contact is not None
    journal.update(
        Case(**{**case.__dict__, "first_contact": case.first_contact.replace(year=2025)})
    )


EDITS = {
    "add_category": _add_category,
    "reopen": _reopen,
    "clear_closed": _clear_closed,
    "destroy": _destroy,
    "move": _move_to_next_year,
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_an_edit_of_a_published_year_never_changes_what_later_reports_print_for_it(
    export: Any, imported: Any, edit: str
) -> None:
    org = _fill(export, {2024: 12, 2025: 10})
    journal = imported(export)
    published = _issue(journal, org, 2024)

    EDITS[edit](journal, _cases(journal, org, 2024)[0])
    later = build_annual_report(journal, org, 2025)

    # Every cell the 2025 report prints for 2024 is what the 2024 report printed.
    for key, value in _printed_for(later, 2024).items():
        assert published.figures[2024][key] == value, key
    assert not any(key.startswith("bijgesteld:") for key in later.figures[2024])
    # The carried-over figure is last year's published "still open", or not printed at all.
    carried = later.figures[2025]["key:carried_over"]
    assert carried in ("-", published.figures[2024]["key:open_at_end"])
    # And a re-issue of 2024 keeps its published figures: a change of one case is not shown.
    again = build_annual_report(journal, org, 2024)
    assert _year_cells(again, 2024) == _year_cells(published, 2024)


def test_without_the_ledger_the_same_edit_would_have_shown(export: Any, imported: Any) -> None:
    """The test above is not blind: recomputing 2024 from the edited journal differs."""
    org = _fill(export, {2024: 12, 2025: 10})
    journal = imported(export)
    before = build_annual_report(journal, org, 2025)
    _reopen(journal, _cases(journal, org, 2024)[0])
    after = build_annual_report(journal, org, 2025)
    assert before.figures[2025]["key:carried_over"] != after.figures[2025]["key:carried_over"]


def test_enough_late_cases_show_as_a_checked_bijgesteld_note(export: Any, imported: Any) -> None:
    org = _fill(export, {2024: 12, 2025: 10})
    journal = imported(export)
    published = _issue(journal, org, 2024)
    for index in range(5):  # five cases of 2024, recorded only in 2025: a change of k
        journal.add(
            Case(
                organisation_id=org,
                first_contact=date(2024, 12, 1 + index),
                contact_type="report",
                reporter_role="employee",
                categories=("bullying",),
            )
        )

    later = build_annual_report(journal, org, 2025)
    text = " ".join(
        block.text for s in later.document.sections for block in s.blocks if hasattr(block, "text")
    )
    assert later.figures[2024]["key:new"] == published.figures[2024]["key:new"] == 12
    assert later.figures[2024]["bijgesteld:key:new"] == 17
    assert "Bijgesteld sinds het eerdere verslag" in text and "nu 17 (gepubliceerd: 12)" in text
    # Issued, that note is published too: a later change must keep k from both 12 and 17.
    _issue(journal, org, 2025)
    history = PublishedHistory(published_records(journal, org))
    assert history.history(2024)["key:new"] == {12, 17}
    assert not history.revision(2024, {"key:new": 20}, 5).allowed  # 3 from 17
    assert history.revision(2024, {"key:new": 22}, 5).allowed


def test_a_reissue_is_a_new_version_only_when_it_differs(export: Any, imported: Any) -> None:
    org = _fill(export, {2024: 12})
    journal = imported(export)
    first = _issue(journal, org, 2024)
    _issue(journal, org, 2024)  # the same report again: nothing new
    assert [(i.year, i.version) for i in issues(journal, org)] == [(2024, 1)]

    report = build_annual_report(journal, org, 2024, text="Een nieuw advies over werkdruk.")
    assert report.version == 2
    pdf = render_pdf(report.document)
    issue_report(journal, report, pdf, how="print", today=date(2026, 4, 2))
    found = issues(journal, org)
    assert [(i.version, i.how, i.issued_on) for i in found] == [
        (1, "pdf", TODAY),
        (2, "print", date(2026, 4, 2)),
    ]
    assert len(found[1].pdf_sha256) == 64 and found[0].content_sha256 != found[1].content_sha256
    text = " ".join(
        block.text for s in report.document.sections for block in s.blocks if hasattr(block, "text")
    )
    assert (
        "Dit is versie 2 van het jaarverslag over 2024. Het vervangt versie 1 van 01-03-2026."
        in text
    )
    assert _year_cells(report, 2024) == _year_cells(first, 2024)
    # The VP's own overview lists what was issued when.
    overview = build_vp_overview(journal, 2026)
    listed = next(t for t in overview.tables() if t.key == "vp_issued")
    assert [row[:3] for row in listed.rows] == [
        ("Zorgcentrum De Esch", "2024", "1"),
        ("Zorgcentrum De Esch", "2024", "2"),
    ]


# -- the attacker who reads a table and its published history ---------------------------------


def _protect(counts: dict[str, int], k: int) -> ProtectedTable:
    return protect_table("t", counts, other_label="Overig", policy=DisclosurePolicy(k=k))[0]


@pytest.mark.parametrize(("k", "labels", "max_total"), [(3, 3, 9), (4, 3, 11)])
def test_a_published_table_and_its_revision_never_narrow_a_hidden_cell(
    k: int, labels: int, max_total: int
) -> None:
    """Every pair (published input, input now) where now only adds cases: the reader sees the
    published table and, if the revision check lets it through, the new one. No hidden count
    of either, and no hidden difference between them, may come down to one small value."""
    names = [chr(ord("a") + i) for i in range(labels)]
    inputs = [
        dict(zip(names, values, strict=True))
        for total in range(max_total + 1)
        for values in itertools.product(range(total + 1), repeat=labels)
        if sum(values) == total
    ]
    tables = {tuple(x.values()): _protect(x, k) for x in inputs}
    seen: defaultdict[tuple, list[tuple[dict[str, int], dict[str, int]]]] = defaultdict(list)
    for old in inputs:
        old_table = tables[tuple(old.values())]
        old_cells = table_cells("t", old_table, {})
        for new in inputs:
            if any(new[n] < old[n] for n in names):
                continue
            new_table = tables[tuple(new.values())]
            revision = check_revision(
                table_cells("t", new_table, {}),
                old_cells,
                {key: {value} for key, value in old_cells.items()},
                k=k,
            )
            shown = (new_table.rows, new_table.total) if revision.allowed else None
            seen[(old_table.rows, old_table.total, shown)].append((old, new))
    for (old_rows, _, shown), pairs in seen.items():
        hidden_old = [n for n in names if n not in dict(old_rows)]
        hidden_new = [n for n in names if shown is None or n not in dict(shown[0])]
        for group_size in (1, 2):
            for group in itertools.combinations(names, group_size):
                for what, values in (
                    ("old", {sum(o[n] for n in group) for o, _ in pairs}),
                    ("new", {sum(x[n] for n in group) for _, x in pairs}),
                    ("difference", {sum(x[n] - o[n] for n in group) for o, x in pairs}),
                ):
                    hidden = hidden_old if what == "old" else hidden_new
                    if not set(group) <= set(hidden) or len(values) != 1:
                        continue
                    (value,) = values
                    assert not 0 < value < k, (what, group, old_rows, shown, value)


# -- whatever the edits, the published year stands -------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.tuples(st.sampled_from(sorted(EDITS)), st.integers(0, 11)), max_size=6),
    st.integers(0, 6),
)
def test_any_sequence_of_edits_keeps_the_published_year(
    journal: Journal, edits: list[tuple[str, int]], late: int
) -> None:
    from vpnotebook.core.models import Organisation

    org = journal.add(Organisation(name=f"Stichting {journal.count(Organisation) + 1}")).id
    assert org is not None
    for year, count in ((2024, 12), (2025, 9)):
        for index in range(count):
            case = journal.add(
                Case(
                    organisation_id=org,
                    first_contact=date(year, 1 + index % 12, 1 + index),
                    contact_type="report",
                    reporter_role="employee",
                    categories=(CATEGORY_CYCLE[index % len(CATEGORY_CYCLE)],),
                )
            )
            if index % 2 == 0:
                journal.close_case(case.id, date(year, 12, 1), "referred")  # type: ignore[arg-type]
    published = _issue(journal, org, 2024)
    for name, index in edits:
        cases = _cases(journal, org, 2024)
        if cases:
            EDITS[name](journal, journal.get(Case, cases[index % len(cases)].id))  # type: ignore[arg-type]
    for index in range(late):
        journal.add(
            Case(
                organisation_id=org,
                first_contact=date(2024, 6, 1 + index),
                contact_type="question",
                reporter_role="manager",
                categories=("aggression",),
            )
        )
    later = build_annual_report(journal, org, 2025)
    for key, value in _printed_for(later, 2024).items():
        assert published.figures[2024][key] == value, key
    for key, value in later.figures[2024].items():
        if key.startswith("bijgesteld:"):
            old = published.figures[2024][key.removeprefix("bijgesteld:")]
            assert abs(value - old) >= 5, (key, value, old)
    assert later.figures[2025]["key:carried_over"] in (
        "-",
        published.figures[2024]["key:open_at_end"],
    )


def _all_text(report: AnnualReport) -> str:
    return " ".join(
        block.text for s in report.document.sections for block in s.blocks if hasattr(block, "text")
    )
