"""Migration 7 (issue 13) on a vault written by the program of schema 6: every case keeps what
it had and reads as one reporter known to the VP, with no notes and no consent to a hand-over;
the search index holds the cases again, now with their notes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, CaseLink
from vpnotebook.core.search import search
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

from .old_schema import fill_schema_1

PASSPHRASE = "zeven stappen verder"


def test_a_schema_6_vault_upgrades_with_its_cases_as_they_were(tmp_path: Path) -> None:
    old, _code = Vault.create(
        tmp_path / "oud", PASSPHRASE, kdf_params=TEST_PARAMS, schema_version=6
    )
    case_id = fill_schema_1(old.db, "zeemeeuw")
    old.close()
    with Vault.open(tmp_path / "oud", passphrase=PASSPHRASE) as upgraded:
        assert upgraded.db.user_version == 7
        journal = Journal(upgraded.db)
        case = journal.get(Case, case_id)
        assert (case.reporter_known, case.reporter_count) == (True, 1)
        assert (case.notes, case.handover_consent_on) == ("", None)
        assert case.title == "Titel zeemeeuw" and case.categories == ("bullying",)
        # Indexed again: the title is found, and notes written from now on are found too.
        assert {hit.case_id for hit in search(upgraded.db, "zeemeeuw")} == {case_id}
        journal.update(replace(case, notes="Notitie over de aalscholver"))
        assert [hit.case_id for hit in search(upgraded.db, "aalscholver")] == [case_id]
        other = journal.add(replace(case, id=None, seq=None, title="Tweede"))
        assert other.id is not None
        journal.link_cases(case_id, other.id, "same_event")
        assert journal.count(CaseLink) == 1
        assert upgraded.check() == []
