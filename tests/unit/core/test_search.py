from datetime import date

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, OutreachActivity, Reporter
from vpnotebook.core.search import HIT_END, HIT_START, group_by_case, match_query, search


def _setup(journal: Journal) -> tuple[int, int]:
    org = journal.add(Organisation(name="Hogeschool Noorderpoort"))
    first = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 1, 5),
            contact_type="report",
            reporter_role="employee",
            title="Opmerkingen in de kantine",
        )
    )
    second = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 2, 5),
            contact_type="question",
            reporter_role="intern",
        )
    )
    journal.add(
        Conversation(
            case_id=first.id,
            held_on=date(2026, 1, 5),
            story="Zij voelt zich geïntimideerd door de coördinator.",
        )
    )
    journal.add(
        Conversation(
            case_id=first.id,
            held_on=date(2026, 1, 19),
            agreements="Gesprek met de coordinator voorbereiden.",
        )
    )
    journal.add(Reporter(case_id=second.id, name="Noëlle Brouwer"))
    journal.add(
        OutreachActivity(
            organisation_id=org.id,
            held_on=date(2026, 3, 1),
            kind="presentation",
            title="Coördinatorenoverleg",
        )
    )
    return first.id, second.id


def test_search_ignores_case_and_diacritics(journal: Journal) -> None:
    first, second = _setup(journal)
    for typed in ("coordinator", "COÖRDINATOR", "Coördinator"):
        hits = search(journal.db, typed)
        assert {hit.case_id for hit in hits} == {first, None}
    assert {hit.case_id for hit in search(journal.db, "noelle")} == {second}


def test_prefix_and_all_words(journal: Journal) -> None:
    first, _ = _setup(journal)
    assert {hit.case_id for hit in search(journal.db, "geintimid")} == {first}
    assert search(journal.db, "geintimideerd brouwer") == []


def test_hits_are_grouped_by_case_and_show_the_hit(journal: Journal) -> None:
    first, _ = _setup(journal)
    grouped = group_by_case(search(journal.db, "coordinator"))
    assert len(grouped[first]) == 2
    snippet = grouped[first][0].snippet
    assert HIT_START in snippet and HIT_END in snippet
    assert grouped[first][0].plain_snippet("[", "]").count("[") >= 1


def test_fts_syntax_is_never_passed_through(journal: Journal) -> None:
    _setup(journal)
    for typed in ('"', "AND OR NOT", "NEAR(", "*", "kantine)", "-x", "col:val", ""):
        search(journal.db, typed)  # must not raise
    assert match_query("  ") is None
    assert match_query('a"b') == '"a"* "b"*'


def test_index_follows_edits_and_deletes(journal: Journal) -> None:
    first, _ = _setup(journal)
    conversation = journal.find(Conversation, "case_id = ?", (first,))[0]
    conversation.story = "Nieuwe tekst zonder dat woord."
    journal.update(conversation)
    assert len(search(journal.db, "geintimideerd")) == 0
    journal.delete(Case, first)
    assert all(hit.case_id != first for hit in search(journal.db, "coordinator"))


def test_a_word_in_very_many_notes_lists_the_newest_first(journal: Journal, monkeypatch) -> None:
    import vpnotebook.core.search as search_module

    first, _ = _setup(journal)
    for day in (2, 3, 4):
        journal.add(
            Conversation(
                case_id=first, held_on=date(2026, 2, day), notes=f"koffieautomaat dag {day}"
            )
        )
    ranked = [hit.record_id for hit in search(journal.db, "koffieautomaat")]
    monkeypatch.setattr(search_module, "RANKED_MATCHES", 2)
    newest_first = [hit.record_id for hit in search(journal.db, "koffieautomaat")]
    assert sorted(ranked) == sorted(newest_first)
    assert newest_first == sorted(newest_first, reverse=True)
