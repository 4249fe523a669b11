"""The counts the annual report is built from, on real vaults: what is new, carried over and
closed, what destroyed cases still count for, and the VP's own overview."""

from __future__ import annotations

from datetime import date

from vpnotebook.core.annual import (
    UNRECORDED,
    organisation_history,
    organisation_year,
    report_years,
    vp_overview,
)
from vpnotebook.core.destruction import RULE_RETENTION, destroy_case
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Case,
    Conversation,
    Department,
    Organisation,
    OutreachActivity,
    Referral,
    Route,
    TimeEntry,
)


def _org(journal: Journal, name: str = "Bakkerij De Korrel", employees: int | None = 80) -> int:
    organisation = journal.add(Organisation(name=name, employee_count=employees))
    assert organisation.id is not None
    return organisation.id


def _case(
    journal: Journal,
    org: int,
    first: date,
    *,
    closed: date | None = None,
    categories: tuple[str, ...] = ("bullying",),
    **fields: object,
) -> int:
    case = journal.add(
        Case(
            organisation_id=org,
            first_contact=first,
            contact_type=str(fields.pop("contact_type", "report")),
            reporter_role=str(fields.pop("reporter_role", "employee")),
            categories=categories,
            **fields,
        )
    )
    assert case.id is not None
    if closed is not None:
        journal.close_case(case.id, closed, "resolved_informally")
    return case.id


def test_new_carried_over_closed_and_open_follow_the_definitions(journal: Journal) -> None:
    org = _org(journal)
    _case(journal, org, date(2024, 3, 1), closed=date(2024, 6, 1))  # new and closed in 2024
    _case(journal, org, date(2024, 11, 1), closed=date(2025, 2, 1))  # carried into 2025
    _case(journal, org, date(2024, 12, 1))  # still open: carried into 2025 and 2026
    _case(journal, org, date(2025, 5, 1), closed=date(2025, 5, 20))
    _case(journal, org, date(2025, 9, 1), closed=date(2026, 1, 5))
    reopened = _case(journal, org, date(2023, 1, 1), closed=date(2023, 2, 1))
    journal.reopen_case(reopened)  # open again: it runs through every later year

    history = organisation_history(journal, org, 2026, since=2023)
    flows = {year: counts.flow for year, counts in history.years.items()}

    assert (flows[2025].new, flows[2025].carried_over, flows[2025].closed) == (2, 3, 2)
    assert flows[2025].open_at_end == 3
    assert (flows[2024].new, flows[2024].carried_over, flows[2024].closed) == (3, 1, 1)
    for year in (2023, 2024, 2025):
        flow = flows[year]
        assert flow.carried_over + flow.new == flow.closed + flow.open_at_end == flow.handled
        assert flow.open_at_end == flows[year + 1].carried_over


def test_a_population_counts_only_cases_first_contacted_since_its_year(journal: Journal) -> None:
    org = _org(journal)
    _case(journal, org, date(2023, 12, 1), closed=date(2024, 2, 1))
    _case(journal, org, date(2024, 1, 5), closed=date(2024, 3, 1))
    _case(journal, org, date(2024, 2, 5))
    history = organisation_history(journal, org, 2024, since=2023)

    whole = history.flow(2024)
    since_2024 = history.flow(2024, since=2024)

    assert (whole.carried_over, whole.closed) == (1, 2)
    assert (since_2024.carried_over, since_2024.new, since_2024.closed) == (0, 2, 1)
    assert sum(history.outcomes(2024, since=2024).values()) == 1


def test_profile_counts_are_over_the_new_cases_of_the_year(journal: Journal) -> None:
    org = _org(journal)
    finance = journal.add(Department(organisation_id=org, name="Financiën")).id
    journal.add(Department(organisation_id=org, name="Magazijn"))
    _case(journal, org, date(2024, 12, 30), categories=("intimidation",))  # another year
    first = _case(
        journal,
        org,
        date(2025, 2, 1),
        categories=("bullying", "discrimination"),
        department_id=finance,
        relation_to_accused="colleague",
    )
    second = _case(
        journal, org, date(2025, 8, 1), categories=("bullying",), contact_type="question"
    )
    journal.add(Route(case_id=first, route="mediation", started_on=date(2025, 3, 1)))
    journal.add(Route(case_id=first, route="mediation"))  # same route twice: counted once
    journal.add(Route(case_id=second, route="police_report", started_on=date(2026, 1, 2)))
    journal.add(Referral(case_id=first, party="hr", referred_on=date(2025, 4, 1)))
    journal.add(Referral(case_id=second, party="gp", referred_on=date(2026, 2, 1)))

    counts = organisation_year(journal, org, 2025)

    assert counts.flow.new == 2
    assert counts.categories["bullying"] == 2 and counts.categories["discrimination"] == 1
    assert counts.categories["intimidation"] == 0
    assert list(counts.categories)[:3] == ["intimidation", "sexual_harassment", "bullying"]
    assert counts.contact_types == {"question": 1, "sounding_board": 0, "report": 1}
    assert counts.relations["colleague"] == 1 and counts.relations[UNRECORDED] == 1
    assert counts.departments == {"Financiën": 1, "Magazijn": 0}
    assert counts.department_unrecorded == 1
    assert counts.quarters == (1, 0, 1, 0)
    # Taken by the end of the year only: the 2026 route and referral belong to a later year.
    assert counts.routes["mediation"] == 1 and counts.routes["police_report"] == 0
    assert counts.referrals["hr"] == 1 and counts.referrals["gp"] == 0


def test_conversations_and_hours_add_live_archived_and_time_sheet(journal: Journal) -> None:
    org = _org(journal)
    other = _org(journal, "Andere Organisatie")
    case = _case(journal, org, date(2025, 1, 10))
    for day, minutes in ((date(2025, 1, 10), 60), (date(2025, 2, 1), 45), (date(2026, 1, 3), 30)):
        journal.add(Conversation(case_id=case, held_on=day, duration_min=minutes))
    journal.add(
        TimeEntry(organisation_id=org, spent_on=date(2025, 3, 1), minutes=90, activity="travel")
    )
    journal.add(
        TimeEntry(organisation_id=other, spent_on=date(2025, 3, 1), minutes=500, activity="travel")
    )
    journal.add(
        OutreachActivity(organisation_id=org, held_on=date(2025, 5, 1), kind="presentation")
    )

    before = organisation_year(journal, org, 2025)
    destroy_case(journal, case, rule=RULE_RETENTION, today=date(2027, 1, 1))
    after = organisation_year(journal, org, 2025)

    assert (before.conversations, before.conversation_minutes) == (2, 105)
    assert before.minutes == 105 + 90
    assert before.outreach["presentation"] == 1 and before.outreach_total == 1
    # Destruction keeps the statistical record: the year's figures do not move.
    assert after == before
    assert organisation_year(journal, org, 2026).conversations == 1
    assert report_years(journal, org) == [2025]


def test_a_destroyed_case_keeps_counting_as_new_carried_and_closed(journal: Journal) -> None:
    org = _org(journal)
    case = _case(
        journal, org, date(2024, 11, 20), closed=date(2025, 3, 3), categories=("aggression",)
    )
    before = organisation_history(journal, org, 2025, since=2024)
    destroy_case(journal, case, rule=RULE_RETENTION, today=date(2027, 6, 1))
    after = organisation_history(journal, org, 2025, since=2024)

    assert after.years == before.years
    assert after.flow(2025) == before.flow(2025)
    assert after.years[2024].categories["aggression"] == 1


def test_the_vp_overview_lists_exact_figures_of_every_organisation_with_work(
    journal: Journal,
) -> None:
    busy = _org(journal, "Drukke Zaak")
    _org(journal, "Stille Zaak")
    case = _case(journal, busy, date(2025, 6, 1))
    journal.add(Conversation(case_id=case, held_on=date(2025, 6, 1), duration_min=50))
    journal.add(
        TimeEntry(
            organisation_id=busy, spent_on=date(2025, 6, 2), minutes=25, activity="administration"
        )
    )

    rows = vp_overview(journal, 2025)

    assert [row.organisation for row in rows] == ["Drukke Zaak"]
    row = rows[0]
    assert row.flow.new == 1  # small figures are exact here: the overview is the VP's own
    assert (row.conversations, row.conversation_minutes, row.minutes) == (1, 50, 75)
    assert row.time_minutes["administration"] == 25
