"""Drafts: what a lock kept because it could not be stored yet, inside the vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from vpnotebook.core.destruction import destroy_case, wipe_reporter_identity
from vpnotebook.core.drafts import draft, drop_draft, keep_draft
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, Reporter, Route
from vpnotebook.vault.vault import Vault

from .test_destruction import decrypted_database

TODAY = date(2026, 11, 28)


def _case(journal: Journal, title: str) -> Case:
    org = journal.organisations()[0] if journal.organisations() else None
    if org is None:
        org = journal.add(Organisation(name="Stichting Concept"))
    return journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 3, 2),
            contact_type="report",
            reporter_role="employee",
            title=title,
        )
    )


def test_a_draft_comes_back_as_it_was_typed_and_goes_when_dropped(journal: Journal) -> None:
    case = _case(journal, "Concept")
    typed = Route(case_id=case.id, note="Nog geen route gekozen", started_on=date(2026, 3, 9))
    keep_draft(journal, "case_route", typed)
    assert draft(journal, "case_route") == [typed]  # incomplete, and not refused for it
    keep_draft(journal, "case_route", replace(typed, note="Tweede versie"))
    assert draft(journal, "case_route") == [replace(typed, note="Tweede versie")]
    drop_draft(journal, "case_route")
    assert draft(journal, "case_route") is None


def test_an_unreadable_draft_is_no_draft(journal: Journal) -> None:
    journal.set_setting("draft:kapot", "{geen json")
    assert draft(journal, "kapot") is None


def test_destroying_a_case_takes_its_drafts_and_no_others(vault_folder: Path, vault: Vault) -> None:
    journal = Journal(vault.db)
    doomed, other = _case(journal, "Weg"), _case(journal, "Blijft")
    keep_draft(
        journal,
        "case_intake",
        replace(doomed, title="Conceptwerktitel"),
        Reporter(case_id=doomed.id, name="Conceptmeldernaam"),
    )
    keep_draft(journal, "conversations", Conversation(case_id=doomed.id, notes="Conceptgesprek"))
    keep_draft(journal, "case_route", Route(case_id=other.id, note="Andere melding"))
    keep_draft(journal, "outreach", Organisation(name="Los van meldingen"))
    assert doomed.id is not None
    destroy_case(journal, doomed.id, rule="retention", today=TODAY)
    assert draft(journal, "case_intake") is None and draft(journal, "conversations") is None
    assert draft(journal, "case_route") is not None and draft(journal, "outreach") is not None
    pages = decrypted_database(vault_folder, vault.data_key)
    for marker in ("Conceptwerktitel", "Conceptmeldernaam", "Conceptgesprek"):
        assert marker.encode() not in pages


def test_wiping_the_reporter_takes_the_drafts_of_that_case(journal: Journal) -> None:
    case = _case(journal, "Met melder")
    assert case.id is not None
    keep_draft(journal, "case_intake", case, Reporter(case_id=case.id, name="Conceptnaam"))
    wipe_reporter_identity(journal, case.id, today=TODAY)
    assert draft(journal, "case_intake") is None
