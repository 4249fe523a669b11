"""No table of the annual report is ever an empty grid (issue 12, follow-up).

A table whose every row is protected away used to print its header over nothing ("Gekozen
routes" with only "Aantal"). The class: any table kind, any small case set. Hypothesis builds
small organisations (0 to 14 cases over two years, any mix of categories, routes, referrals,
outcomes, departments, outreach and signals) and checks every report, in both languages and
with tables left out at random:

* every table in the document has at least one row: nothing to show is one sentence;
* every such sentence is tied to its table, and the CSV has a line for it, so a table never
  silently disappears from the CSV either;
* every table in the document has its lines in the CSV, and the PDF renders.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpnotebook.core import taxonomy as tx
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Case,
    Department,
    Organisation,
    OutreachActivity,
    Referral,
    Route,
    Signal,
)
from vpnotebook.report import wording as w
from vpnotebook.report.annual_report import OPTIONAL_TABLES, build_annual_report
from vpnotebook.report.csv_export import render_csv
from vpnotebook.report.document import Paragraph, Table
from vpnotebook.report.pdf import render_pdf

YEAR = 2025


@st.composite
def small_cases(draw: st.DrawFn) -> list[dict[str, object]]:
    cases = []
    for _ in range(draw(st.integers(0, 14))):
        closed = draw(st.booleans())
        cases.append(
            {
                "year": draw(st.sampled_from((YEAR - 1, YEAR, YEAR))),
                "month": draw(st.integers(1, 12)),
                "contact_type": draw(st.sampled_from(tx.CONTACT_TYPES.codes)),
                "reporter_role": draw(st.sampled_from(tx.REPORTER_ROLES.codes)),
                "relation": draw(st.sampled_from((None, *tx.RELATIONS.codes))),
                "categories": draw(st.sets(st.sampled_from(tx.CATEGORIES.codes), max_size=3)),
                "routes": draw(st.sets(st.sampled_from(tx.ROUTES.codes), max_size=2)),
                "referrals": draw(st.sets(st.sampled_from(tx.REFERRAL_PARTIES.codes), max_size=3)),
                "outcome": draw(st.sampled_from(tx.CASE_OUTCOMES.codes)) if closed else None,
                "department": draw(st.sampled_from((None, 0, 1))),
            }
        )
    return cases


def _fill(journal: Journal, cases: list[dict[str, object]], employees: int, work: int) -> int:
    name = f"Stichting {journal.count(Organisation) + 1}"
    org = journal.add(Organisation(name=name, employee_count=employees)).id
    assert org is not None
    departments = [
        journal.add(Department(organisation_id=org, name=f"Afdeling {i}")).id for i in (1, 2)
    ]
    for spec in cases:
        first = date(int(spec["year"]), int(spec["month"]), 3)  # type: ignore[call-overload]
        department = spec["department"]
        case = journal.add(
            Case(
                organisation_id=org,
                first_contact=first,
                contact_type=str(spec["contact_type"]),
                reporter_role=str(spec["reporter_role"]),
                relation_to_accused=spec["relation"],  # type: ignore[arg-type]
                categories=tuple(c for c in tx.CATEGORIES.codes if c in spec["categories"]),  # type: ignore[operator]
                department_id=None if department is None else departments[int(department)],  # type: ignore[call-overload]
            )
        )
        assert case.id is not None
        for route in sorted(spec["routes"]):  # type: ignore[call-overload]
            journal.add(Route(case_id=case.id, route=route, started_on=first))
        for party in sorted(spec["referrals"]):  # type: ignore[call-overload]
            journal.add(Referral(case_id=case.id, party=party, referred_on=first))
        if spec["outcome"] is not None:
            journal.close_case(case.id, date(YEAR, 12, 28), str(spec["outcome"]), "")
    for index in range(work):
        journal.add(
            OutreachActivity(
                organisation_id=org, held_on=date(YEAR, 3, 1 + index), kind="presentation"
            )
        )
        journal.add(
            Signal(organisation_id=org, given_on=date(YEAR, 4, 1 + index), subject="Werkdruk")
        )
    return org


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    small_cases(),
    st.sampled_from((None, 30, 400)),
    st.integers(0, 2),
    st.sampled_from(("nl", "en")),
    st.sets(st.sampled_from(OPTIONAL_TABLES), max_size=2),
    st.integers(3, 5),
)
def test_no_table_of_any_kind_is_an_empty_grid(
    journal: Journal,
    cases: list[dict[str, object]],
    employees: int | None,
    work: int,
    language: str,
    omit: set[str],
    k: int,
) -> None:
    org = _fill(journal, cases, employees or 0, work)
    report = build_annual_report(journal, org, YEAR, k=k, language=language, omit=sorted(omit))
    blocks = report.document.blocks()
    tables = [b for b in blocks if isinstance(b, Table)]
    for table in tables:
        assert table.rows, f"{table.title}: a header over no rows"
    lines = list(
        csv.reader(io.StringIO(render_csv(report.document).decode("utf-8-sig")), delimiter=";")
    )[1:]
    in_csv = {line[0] for line in lines}
    for table in tables:
        assert table.title in in_csv, table.title
    stand_ins = [b for b in blocks if isinstance(b, Paragraph) and b.table]
    for paragraph in stand_ins:
        assert [paragraph.table, "", "", paragraph.text] in lines
    # Every table about the cases is there in one of its forms, unless the VP left it out or
    # the year had too few cases for any breakdown (one sentence for all of them).
    titles = {t.title for t in tables} | {p.table for p in stand_ins}
    if report.flow.new and report.flow.new >= k:
        for key in (
            "contact_types",
            "categories",
            "reporter_roles",
            "relations",
            "routes",
            "referrals",
        ):
            title = w.pick(w.TABLE_TITLES[key], language)
            assert key in omit or title in titles, title
    assert render_pdf(report.document).startswith(b"%PDF")
