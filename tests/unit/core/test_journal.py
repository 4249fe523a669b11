from dataclasses import replace
from datetime import date

import pytest

from vpnotebook.core.fields import ValidationError
from vpnotebook.core.journal import Journal, NotFoundError
from vpnotebook.core.models import (
    Case,
    Conversation,
    Department,
    FollowUp,
    Organisation,
    Reporter,
    TimeEntry,
)


def _org(journal: Journal, name: str = "Gemeente Wadwijk") -> Organisation:
    return journal.add(Organisation(name=name, employee_count=250, sector="Overheid"))


def _case(journal: Journal, org: Organisation, **changes: object) -> Case:
    base = Case(
        organisation_id=org.id,
        first_contact=date(2026, 3, 4),
        contact_type="report",
        reporter_role="employee",
        categories=("bullying",),
    )
    return journal.add(replace(base, **changes))


def test_case_numbers_count_per_year(journal: Journal) -> None:
    org = _org(journal)
    numbers = [_case(journal, org).number for _ in range(3)]
    numbers.append(_case(journal, org, first_contact=date(2027, 1, 2)).number)
    assert numbers == ["2026-001", "2026-002", "2026-003", "2027-001"]
    assert journal.case_by_number("2026-002").seq == 2
    with pytest.raises(NotFoundError):
        journal.case_by_number("2026-999")


def test_categories_round_trip_in_taxonomy_order(journal: Journal) -> None:
    case = _case(journal, _org(journal), categories=("integrity", "bullying", "intimidation"))
    assert journal.get(Case, case.id).categories == ("intimidation", "bullying", "integrity")
    journal.update(replace(case, categories=("discrimination",)))
    assert journal.get(Case, case.id).categories == ("discrimination",)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contact_type": "klacht"}, "contact_type"),
        ({"categories": ("bullying", "bullying")}, "categories"),
        ({"first_contact": None}, "first_contact"),
        ({"reporter_role": None}, "reporter_role"),
        ({"title": "x" * 301}, "title"),
    ],
)
def test_invalid_cases_name_the_field(journal: Journal, changes: dict, field: str) -> None:
    org = _org(journal)
    with pytest.raises(ValidationError) as caught:
        _case(journal, org, **changes)
    assert caught.value.field_name == field
    assert caught.value.message_nl
    assert journal.count(Case) == 0


def test_reporter_identity_is_kept_apart_and_replaced(journal: Journal) -> None:
    case = _case(journal, _org(journal))
    journal.add(Reporter(case_id=case.id, name="A. de Vries", contact="06-12345678"))
    journal.add(Reporter(case_id=case.id, name="A. de Vries-Bakker"))
    assert journal.get(Reporter, case.id).name == "A. de Vries-Bakker"
    assert journal.count(Reporter) == 1


def test_summaries_filter_and_show_last_contact(journal: Journal) -> None:
    first, second = _org(journal), _org(journal, "Zorggroep De Linde")
    case = _case(journal, first, categories=("sexual_harassment",))
    _case(journal, second)
    journal.add(Conversation(case_id=case.id, held_on=date(2026, 3, 9), duration_min=45))
    journal.add(Conversation(case_id=case.id, held_on=date(2026, 4, 1), duration_min=30))
    only = journal.case_summaries(organisation_id=first.id)
    assert [s.number for s in only] == [case.number]
    assert only[0].last_contact == date(2026, 4, 1) and only[0].conversations == 2
    assert [s.number for s in journal.case_summaries(category="sexual_harassment")] == [case.number]
    assert journal.case_summaries(year=2025) == []


def test_closing_and_reopening(journal: Journal) -> None:
    case = _case(journal, _org(journal))
    closed = journal.close_case(case.id, date(2026, 6, 1), "resolved_informally")
    assert journal.get(Case, case.id).status == "closed" and closed.closed_on == date(2026, 6, 1)
    with pytest.raises(ValidationError):
        journal.close_case(case.id, date(2025, 1, 1), "other")
    assert journal.reopen_case(case.id).status == "reopened"
    assert journal.get(Case, case.id).closed_on is None


def test_time_per_case_adds_conversations_and_time_entries(journal: Journal) -> None:
    org = _org(journal)
    case = _case(journal, org)
    journal.add(Conversation(case_id=case.id, held_on=date(2026, 3, 9), duration_min=50))
    journal.add(
        TimeEntry(
            organisation_id=org.id,
            case_id=case.id,
            spent_on=date(2026, 3, 9),
            minutes=20,
            activity="case_work",
        )
    )
    assert journal.minutes_of_case(case.id) == 70


def test_references_are_enforced(journal: Journal) -> None:
    from vpnotebook.vault.errors import VaultError

    with pytest.raises((VaultError, Exception)) as caught:
        journal.add(Department(organisation_id=999, name="Financiën"))
    assert "FOREIGN KEY" in str(caught.value).upper() or isinstance(caught.value, VaultError)
    assert journal.count(Department) == 0


def test_follow_ups_due_and_settings(journal: Journal) -> None:
    org = _org(journal)
    journal.add(FollowUp(organisation_id=org.id, kind="aftercare", due_on=date(2026, 5, 1)))
    journal.add(FollowUp(organisation_id=org.id, kind="appointment", due_on=date(2026, 9, 1)))
    assert len(journal.open_follow_ups(until=date(2026, 6, 1))) == 1
    journal.set_setting("vp_name", "M. Jansen")
    assert journal.setting("vp_name") == "M. Jansen"
    assert journal.setting("ontbreekt", "standaard") == "standaard"


def test_a_failed_transaction_leaves_nothing(journal: Journal) -> None:
    org = _org(journal)
    with pytest.raises(RuntimeError), journal.db.transaction():
        _case(journal, org)
        raise RuntimeError("stop")
    assert journal.count(Case) == 0


def test_a_duplicate_name_is_a_validation_error_on_that_field(journal: Journal) -> None:
    _org(journal, "Gemeente Wadwijk")
    with pytest.raises(ValidationError) as caught:
        _org(journal, "gemeente wadwijk")
    assert caught.value.field_name == "name"
    assert caught.value.message_nl == "Er is al een organisatie met deze naam."
    org = journal.organisation_by_name("Gemeente Wadwijk")
    journal.add(Department(organisation_id=org.id, name="Financiën"))
    # Letters compare without case for departments too, on adding and on renaming.
    for name in ("Financiën", "financiën"):
        with pytest.raises(ValidationError) as caught:
            journal.add(Department(organisation_id=org.id, name=name))
        assert caught.value.message_nl == "Deze organisatie heeft al een afdeling met die naam."
    other = journal.add(Department(organisation_id=org.id, name="Keuken"))
    with pytest.raises(ValidationError):
        journal.update(Department(org.id, "FINANCIëN", other.id))
    journal.update(Department(org.id, "keuken", other.id))  # its own name, in other letters
    assert journal.count(Department) == 2
