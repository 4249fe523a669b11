"""Handing cases over to a colleague and merging a hand-over (issue 13): the hand-over vault
opens with its own secrets only, holds exactly the chosen cases and what they need, and the
source records where they went; a merge keeps every record of both vaults, overwrites
nothing, and is one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.core.destruction import destruction_log
from vpnotebook.core.exchange import RECORD_TABLES, export_journal
from vpnotebook.core.fields import ValidationError
from vpnotebook.core.handover.errors import HandoverError
from vpnotebook.core.handover.log import handover_log, handovers_of_case
from vpnotebook.core.handover.merge import merge_vault
from vpnotebook.core.handover.selection import select_cases
from vpnotebook.core.handover.writing import write_handover
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, CaseLink, Department, Organisation, Reporter
from vpnotebook.core.search import search
from vpnotebook.report.annual_report import build_annual_report
from vpnotebook.report.pdf import render_pdf
from vpnotebook.vault import recovery
from vpnotebook.vault.errors import WrongSecretError
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

PASSPHRASE = "correct paard batterij niet"  # the test vaults' own (tests/conftest.py)


def _hand_over(vault: Vault, kit: ModuleType, folder: Path, **options: Any) -> Any:
    journal = Journal(vault.db)
    selection = select_cases(journal, organisation="Zorggroep De Linde")
    code = options.pop("code", recovery.generate())
    return write_handover(
        vault,
        selection,
        folder,
        passphrase=options.pop("passphrase", kit.HANDOVER_PASSPHRASE),
        recovery_code=code,
        recipient=options.pop("recipient", "Mr. drs. P. Jansen"),
        today=kit.TODAY,
        kdf_params=TEST_PARAMS,
        **options,
    )


def _rows(journal: Journal) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: sorted(tuple(r) for r in journal.db.query(f"SELECT * FROM {table}"))
        for table in (*RECORD_TABLES, "case_categories", "settings")
    }


# -- handing over --------------------------------------------------------------------------------


def test_a_case_without_the_reporter_s_consent_is_named_and_nothing_is_handed_over(
    vault: Vault, journal: Journal, handover_kit: ModuleType, tmp_path: Path
) -> None:
    handover_kit.fill_practice(journal)
    selection = select_cases(journal, numbers=["2025-004", "2025-001"])
    assert [case.number for case in selection.without_consent] == ["2025-004"]
    before = _rows(journal)
    with pytest.raises(HandoverError) as refused:
        write_handover(
            vault,
            selection,
            tmp_path / "overdracht",
            passphrase=handover_kit.HANDOVER_PASSPHRASE,
            recovery_code=recovery.generate(),
            recipient="P. Jansen",
            today=handover_kit.TODAY,
            kdf_params=TEST_PARAMS,
        )
    assert "2025-004" in refused.value.message_nl and "2025-001" not in refused.value.message_nl
    assert refused.value.exit_code == 2
    assert not (tmp_path / "overdracht").exists()
    assert list(tmp_path.glob(".overdracht*")) == []
    assert _rows(journal) == before


def test_the_hand_over_vault_opens_with_its_own_secrets_only(
    vault: Vault, vault_and_code: tuple[Vault, str], handover_kit: ModuleType, tmp_path: Path
) -> None:
    journal = Journal(vault.db)
    handover_kit.fill_practice(journal)
    code = recovery.generate()
    folder = tmp_path / "overdracht"
    _hand_over(vault, handover_kit, folder, code=code)

    with Vault.open(folder, passphrase=handover_kit.HANDOVER_PASSPHRASE) as opened:
        assert opened.check() == []
        assert opened.vault_id != vault.vault_id
    with Vault.open(folder, recovery_code=code) as opened:
        assert opened.check() == []
    source_code = vault_and_code[1]
    with pytest.raises(WrongSecretError):
        Vault.open(folder, passphrase=PASSPHRASE)
    with pytest.raises(WrongSecretError):
        Vault.open(folder, recovery_code=source_code)
    # And the other way round: the hand-over's secrets do not open the VP's own vault.
    vault.close()
    with pytest.raises(WrongSecretError):
        Vault.open(vault.folder, passphrase=handover_kit.HANDOVER_PASSPHRASE)
    with pytest.raises(WrongSecretError):
        Vault.open(vault.folder, recovery_code=code)


def test_the_hand_over_holds_the_cases_and_what_they_need_and_nothing_else(
    vault: Vault, journal: Journal, handover_kit: ModuleType, tmp_path: Path
) -> None:
    practice = handover_kit.fill_practice(journal)
    folder = tmp_path / "overdracht"
    result = _hand_over(vault, handover_kit, folder)
    assert result.numbers == ("2024-001", "2025-001", "2025-002", "2025-003")
    assert result.destroyed == 0

    with Vault.open(folder, passphrase=handover_kit.HANDOVER_PASSPHRASE) as opened:
        other = Journal(opened.db)
        assert [o.name for o in other.organisations()] == ["Zorggroep De Linde"]
        assert {d.name for d in other.find(Department)} == {
            "Keuken",
            "Verpleging Noord",
        }
        assert [c.name for c in other.referral_contacts_of(practice.linde)] == ["Dr. Visser"]
        numbers = [summary.number for summary in other.case_summaries()]
        assert sorted(numbers) == ["2024-001", "2025-001", "2025-002", "2025-003"]
        anonymous = other.get(Case, practice.cases["anoniem"])
        assert anonymous.reporter_known is False
        assert other.get(Case, practice.cases["groep"]).reporter_count == 4
        # Links among the handed-over cases go along; the one to Stichting Anker does not.
        links = other.find(CaseLink)
        assert {(link.kind, link.note) for link in links} == {
            ("same_accused", "Zelfde kok"),
            ("same_event", ""),
        }
        for marker in practice.markers:
            assert search(opened.db, marker), marker
        assert other.get(Reporter, practice.cases["benoemd"]).name == "Ria Pronk"
        # The VP's own work for the organisation stays with the VP.
        document = export_journal(other)
        for table in ("outreach", "signals", "report_texts", "destruction_log", "handover_log"):
            assert document["records"][table] == [], table
        assert [t["case_id"] for t in document["records"]["time_entries"]] == [
            practice.cases["benoemd"]
        ]
        assert document["settings"] == {
            "handover.from": "Anna de Vries",
            "handover.on": "2026-03-02",
            "handover.to": "Mr. drs. P. Jansen",
        }

    log = handover_log(journal)
    assert [(e.case_number, e.recipient, e.destroyed) for e in log] == [
        (number, "Mr. drs. P. Jansen", False) for number in result.numbers
    ]
    assert [e.handed_over_on for e in handovers_of_case(journal, practice.cases["groep"])] == [
        handover_kit.TODAY
    ]
    assert journal.get(Case, practice.cases["benoemd"]).is_destroyed is False


def test_destroying_after_the_hand_over_keeps_the_log_and_every_report(
    vault: Vault, journal: Journal, handover_kit: ModuleType, tmp_path: Path
) -> None:
    practice = handover_kit.fill_practice(journal)
    reports = {
        year: render_pdf(build_annual_report(journal, practice.linde, year).document)
        for year in (2024, 2025)
    }
    result = _hand_over(vault, handover_kit, tmp_path / "overdracht", destroy=True)

    assert result.destroyed == 4
    destroyed = [r for r in destruction_log(journal) if r.rule == "handed_over"]
    assert sorted(r.case_number for r in destroyed) == sorted(result.numbers)
    assert all(entry.destroyed for entry in handover_log(journal))
    for name in ("benoemd", "anoniem", "groep", "gesloten"):
        assert journal.get(Case, practice.cases[name]).is_destroyed
    # The link to the case that stayed went with the destroyed one.
    assert journal.links_of(practice.cases["anker"]) == []
    for marker in practice.markers:
        assert search(vault.db, marker) == [], marker
    for year, pdf in reports.items():
        assert render_pdf(build_annual_report(journal, practice.linde, year).document) == pdf


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"passphrase": "Zomer2026!"}, "makkelijk te raden"),
        ({"passphrase": PASSPHRASE}, "wachtwoord van uw eigen kluis"),
        ({"recipient": "   "}, "naam in van de collega"),
    ],
    ids=["weak", "own passphrase", "no recipient"],
)
def test_a_hand_over_that_cannot_be_made_changes_nothing(
    vault: Vault,
    journal: Journal,
    handover_kit: ModuleType,
    tmp_path: Path,
    options: dict[str, str],
    says: str,
) -> None:
    handover_kit.fill_practice(journal)
    before = _rows(journal)
    with pytest.raises(HandoverError) as refused:
        _hand_over(vault, handover_kit, tmp_path / "overdracht", **options)
    assert says in refused.value.message_nl.lower() or says in refused.value.message_nl
    assert not (tmp_path / "overdracht").exists()
    assert _rows(journal) == before


def test_nothing_is_ever_written_over_a_folder_that_holds_something(
    vault: Vault, journal: Journal, handover_kit: ModuleType, tmp_path: Path
) -> None:
    handover_kit.fill_practice(journal)
    folder = tmp_path / "bezet"
    folder.mkdir()
    (folder / "brief.txt").write_text("van mij")
    with pytest.raises(HandoverError):
        _hand_over(vault, handover_kit, folder)
    assert [p.name for p in folder.iterdir()] == ["brief.txt"]
    with pytest.raises(HandoverError):
        _hand_over(vault, handover_kit, vault.folder / "binnen")
    empty = tmp_path / "leeg"
    empty.mkdir()
    _hand_over(vault, handover_kit, empty)  # an empty folder made for it is fine
    assert (empty / "keyslots.json").is_file()


# -- merging -------------------------------------------------------------------------------------


@pytest.fixture
def handed_over(
    vault: Vault, journal: Journal, handover_kit: ModuleType, tmp_path: Path
) -> tuple[Path, Any]:
    practice = handover_kit.fill_practice(journal)
    folder = tmp_path / "overdracht"
    _hand_over(vault, handover_kit, folder)
    return folder, practice


def _colleague(tmp_path: Path) -> Vault:
    """The colleague's own vault: the same organisation spelled otherwise, numbers that clash."""
    mine, _ = Vault.create(
        tmp_path / "collega", "eigen kluis van de collega", kdf_params=TEST_PARAMS
    )
    journal = Journal(mine.db)
    linde = journal.add(Organisation(name="zorggroep de linde B.V.", employee_count=250))
    journal.add(
        Case(
            organisation_id=linde.id,
            first_contact=date(2025, 1, 9),
            contact_type="question",
            reporter_role="manager",
            title="Eigen melding",
        )
    )
    return mine


def test_a_merge_keeps_every_record_of_both_and_overwrites_nothing(
    handed_over: tuple[Path, Any], handover_kit: ModuleType, tmp_path: Path
) -> None:
    folder, practice = handed_over
    mine = _colleague(tmp_path)
    target = Journal(mine.db)
    before = _rows(target)
    with Vault.open(folder, passphrase=handover_kit.HANDOVER_PASSPHRASE) as other:
        source = Journal(other.db)
        source_counts = {t: len(rows) for t, rows in _rows(source).items()}
        preview = merge_vault(
            target,
            source,
            target_id=mine.vault_id,
            source_id=other.vault_id,
            today=handover_kit.TODAY,
            dry_run=True,
        )
        assert _rows(target) == before  # a preview changes nothing
        result = merge_vault(
            target,
            source,
            target_id=mine.vault_id,
            source_id=other.vault_id,
            today=handover_kit.TODAY,
        )
        assert result == preview
        assert other.check() == []
    after = _rows(target)
    assert mine.check() == []

    # Nothing of the colleague's own vault changed; everything of the hand-over arrived.
    for table, rows in before.items():
        if table != "settings":
            assert set(rows) <= set(after[table]), table
    assert result.organisations_matched == ["zorggroep de linde B.V."]
    assert result.organisations_created == []
    assert target.organisation_by_name("zorggroep de linde B.V.").employee_count == 250
    for table in ("cases", "reporters", "conversations", "routes", "referrals", "case_links"):
        assert len(after[table]) == len(before[table]) + source_counts[table], table
    # Renumbered in the colleague's sequence: 2025-001 is the colleague's own.
    assert result.numbers == [
        ("2025-001", "2025-002"),
        ("2025-002", "2025-003"),
        ("2025-003", "2025-004"),
        ("2024-001", "2024-001"),
    ]
    new_numbers = dict(result.numbers)
    group = target.case_by_number(new_numbers["2025-003"])
    assert group.reporter_count == 4
    assert group.notes == (
        "Nummer bij de vorige vertrouwenspersoon: 2025-003 (overgenomen uit de overdracht van "
        "Anna de Vries, 02-03-2026)."
    )
    named = target.case_by_number(new_numbers["2025-001"])
    assert named.notes.splitlines()[0] == "Notitie benoemd"
    anonymous = target.case_by_number(new_numbers["2025-002"])
    assert anonymous.reporter_known is False
    assert {(o.other_number, o.link.kind) for o in target.links_of(group.id)} == {
        (new_numbers["2025-001"], "same_accused"),
        (new_numbers["2025-002"], "same_event"),
    }
    for marker in practice.markers:
        assert search(mine.db, marker), marker
    # The same hand-over twice is refused, unless asked for.
    with Vault.open(folder, passphrase=handover_kit.HANDOVER_PASSPHRASE) as other:
        with pytest.raises(HandoverError) as twice:
            merge_vault(
                target,
                Journal(other.db),
                target_id=mine.vault_id,
                source_id=other.vault_id,
                today=handover_kit.TODAY,
            )
        assert "al eens samengevoegd op 02-03-2026" in twice.value.message_nl
    mine.close()


def test_a_vault_is_never_merged_into_itself(vault: Vault, journal: Journal) -> None:
    with pytest.raises(HandoverError) as refused:
        merge_vault(
            journal,
            journal,
            target_id=vault.vault_id,
            source_id=vault.vault_id,
            today=date(2026, 1, 1),
        )
    assert "eigen kluis" in refused.value.message_nl


def test_a_merge_refused_half_way_leaves_the_target_as_it_was(
    handed_over: tuple[Path, Any], handover_kit: ModuleType, tmp_path: Path
) -> None:
    folder, _practice = handed_over
    mine = _colleague(tmp_path)
    target = Journal(mine.db)
    before = _rows(target)
    calls = 0

    def fail_late(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if done == total - 1:
            raise OSError("the disk went away")

    with (
        Vault.open(folder, passphrase=handover_kit.HANDOVER_PASSPHRASE) as other,
        pytest.raises(OSError),
    ):
        merge_vault(
            target,
            Journal(other.db),
            target_id=mine.vault_id,
            source_id=other.vault_id,
            today=handover_kit.TODAY,
            progress=fail_late,
        )
    assert calls > 10
    assert _rows(target) == before
    mine.close()


def test_a_new_organisation_arrives_with_its_departments_and_contacts(
    handed_over: tuple[Path, Any], handover_kit: ModuleType, tmp_path: Path
) -> None:
    folder, _practice = handed_over
    mine, _ = Vault.create(tmp_path / "leeg", "nog een andere kluis", kdf_params=TEST_PARAMS)
    target = Journal(mine.db)
    with Vault.open(folder, passphrase=handover_kit.HANDOVER_PASSPHRASE) as other:
        result = merge_vault(
            target,
            Journal(other.db),
            target_id=mine.vault_id,
            source_id=other.vault_id,
            today=handover_kit.TODAY,
        )
    assert result.organisations_created == ["Zorggroep De Linde"]
    linde = target.organisation_by_name("Zorggroep De Linde")
    assert (linde.employee_count, linde.retention_years) == (240, 3)
    assert sorted(d.name for d in target.departments_of(linde.id)) == [
        "Keuken",
        "Verpleging Noord",
    ]
    assert [c.name for c in target.referral_contacts_of(linde.id)] == ["Dr. Visser"]
    assert [old for old, _new in result.numbers] == [new for _old, new in result.numbers]
    mine.close()


def test_identity_of_an_anonymous_case_is_refused_everywhere(journal: Journal) -> None:
    org = journal.add(Organisation(name="Anoniem BV"))
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2025, 1, 1),
            contact_type="report",
            reporter_role="employee",
            reporter_known=False,
        )
    )
    with pytest.raises(ValidationError):
        journal.add(Reporter(case_id=case.id, name="Toch een naam"))
    with pytest.raises(ValidationError):
        journal.add_case(replace(case, id=None, seq=None), Reporter(case_id=1, contact="06"))
    named = journal.add(replace(case, id=None, seq=None, reporter_known=True))
    journal.add(Reporter(case_id=named.id, notes="Iets over de melder"))
    with pytest.raises(ValidationError) as refused:
        journal.update(replace(named, reporter_known=False))
    assert refused.value.field_name == "reporter_known"
    # Emptying the identity and marking the case anonymous in one step is fine.
    journal.update_case(replace(named, reporter_known=False), Reporter(case_id=named.id))
    assert journal.find(Reporter, "case_id = ?", (named.id,)) == []
    assert journal.get(Case, named.id).reporter_known is False
