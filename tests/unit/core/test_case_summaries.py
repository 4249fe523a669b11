"""`Journal.case_summaries`: the case list's rows, whole or only their head (`limit`)."""

from datetime import date

import pytest

from vpnotebook.core.demo import fill_demo
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation
from vpnotebook.core.reads import _in_taxonomy_order
from vpnotebook.core.taxonomy import CATEGORIES

DEMO_TODAY = date(2026, 11, 28)


@pytest.fixture
def filled(journal: Journal) -> Journal:
    # More cases than the case list's first read (100), over several years and organisations.
    fill_demo(journal, cases=130, seed=11, today=DEMO_TODAY)
    return journal


def test_every_figure_matches_the_records_it_summarises(filled: Journal) -> None:
    summaries = filled.case_summaries()
    cases = {case.id: case for case in filled.find(Case)}
    names = {o.id: o.name for o in filled.find(Organisation)}
    conversations: dict[int, list[date]] = {}
    for conversation in filled.find(Conversation):
        conversations.setdefault(conversation.case_id, []).append(conversation.held_on)  # type: ignore[arg-type]
    assert len(summaries) == len(cases) == 130
    assert any(len(s.categories) > 1 for s in summaries)
    for summary in summaries:
        case = cases[summary.id]
        held = conversations.get(summary.id, [])
        assert summary.number == case.number
        assert summary.organisation_id == case.organisation_id
        assert summary.organisation == names[case.organisation_id]  # type: ignore[index]
        assert summary.first_contact == case.first_contact
        assert (summary.contact_type, summary.status, summary.title) == (
            case.contact_type,
            case.status,
            case.title,
        )
        assert summary.categories == case.categories
        assert summary.last_contact == (max(held) if held else None)
        assert summary.conversations == len(held)
        assert summary.destroyed == case.is_destroyed
    keys = [(int(s.number[:4]), int(s.number[5:])) for s in summaries]
    assert keys == sorted(keys, reverse=True)  # newest number first


@pytest.mark.parametrize(
    "where",
    [{}, {"status": "closed"}, {"category": "bullying"}, {"year": 2024}, {"organisation_id": 2}],
)
def test_a_limit_gives_the_head_of_the_same_list(filled: Journal, where: dict) -> None:  # type: ignore[type-arg]
    everything = filled.case_summaries(**where)
    assert everything, "the demo vault has cases for every filter used here"
    for limit in (1, 7, len(everything) - 1, len(everything), len(everything) + 5):
        assert filled.case_summaries(limit=limit, **where) == everything[:limit]
    assert filled.case_summaries(limit=0, **where) == []


def test_categories_come_in_taxonomy_order_whatever_the_stored_order() -> None:
    codes = CATEGORIES.codes
    assert _in_taxonomy_order(None) == ()
    assert _in_taxonomy_order("") == ()
    assert _in_taxonomy_order(f"{codes[4]},{codes[0]},{codes[2]}") == (codes[0], codes[2], codes[4])
    # A code this version does not know (a newer vault) goes last, not lost.
    assert _in_taxonomy_order(f"unknown,{codes[1]}") == (codes[1], "unknown")
