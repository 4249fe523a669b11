"""Destroying a case: no text survives in any page, encrypted or decrypted; the stats stay."""

from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from vpnotebook.core.destruction import destroy_case, destruction_log, wipe_reporter_identity
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Case,
    Conversation,
    FollowUp,
    Organisation,
    Referral,
    Reporter,
    Route,
)
from vpnotebook.core.search import search
from vpnotebook.vault.vault import DATABASE_NAME, Vault

PAGE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC at the end of every page
MARKERS = ("Vernietigmarker", "Geheimmeldernaam", "Afsprakenmarker", "Verwijsmarker")


def _decrypt_page(page: bytes, key: bytes, page_number: int) -> bytes:
    offset = 16 if page_number == 1 else 0  # page 1 starts with the salt
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[offset : PAGE - RESERVE]) + decryptor.finalize()


def decrypted_database(folder: Path, key: bytes) -> bytes:
    """Every page of the SQLCipher 4 file and of its WAL frames, decrypted with the raw key."""
    out = bytearray()
    raw = (folder / DATABASE_NAME).read_bytes()
    for number, start in enumerate(range(0, len(raw) - PAGE + 1, PAGE), start=1):
        out += _decrypt_page(raw[start : start + PAGE], key, number)
    wal = folder / (DATABASE_NAME + "-wal")
    raw = wal.read_bytes() if wal.exists() else b""
    position = 32
    while position + 24 + PAGE <= len(raw):
        number = int.from_bytes(raw[position : position + 4], "big")
        out += _decrypt_page(raw[position + 24 : position + 24 + PAGE], key, number)
        position += 24 + PAGE
    return bytes(out)


def _make_case(journal: Journal) -> tuple[Organisation, Case]:
    org = journal.add(Organisation(name="Bouwbedrijf Krijgsman", employee_count=40))
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2025, 2, 17),
            contact_type="report",
            reporter_role="employee",
            categories=("sexual_harassment", "intimidation"),
            relation_to_accused="manager",
            gender="female",
            age_band="25_34",
            title=f"{MARKERS[0]} titel",
            reporter_wishes=f"{MARKERS[0]} wens",
        )
    )
    journal.add(Reporter(case_id=case.id, name=MARKERS[1], contact="06-11112222"))
    for day in (17, 24):
        journal.add(
            Conversation(
                case_id=case.id,
                held_on=date(2025, 2, day),
                duration_min=60,
                story=f"{MARKERS[0]} verhaal " * 40,
                agreements=MARKERS[2],
            )
        )
    journal.add(
        Conversation(
            case_id=case.id, held_on=date(2026, 1, 8), duration_min=30, notes="nazorg " + MARKERS[0]
        )
    )
    journal.add(
        Route(case_id=case.id, route="complaints_committee", outcome="founded", note=MARKERS[3])
    )
    journal.add(
        Referral(
            case_id=case.id, party="company_doctor", referred_on=date(2025, 3, 3), note=MARKERS[3]
        )
    )
    journal.add(
        FollowUp(
            organisation_id=org.id,
            case_id=case.id,
            kind="aftercare",
            due_on=date(2026, 3, 1),
            note=MARKERS[2],
        )
    )
    journal.close_case(case.id, date(2026, 1, 20), "formal_complaint", f"{MARKERS[0]} uitkomst")
    return org, case


def test_destroyed_case_leaves_no_text_in_any_page(vault_folder: Path, vault: Vault) -> None:
    journal = Journal(vault.db)
    org, case = _make_case(journal)
    # Another case so the file has live pages around the destroyed ones.
    journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2025, 5, 1),
            contact_type="question",
            reporter_role="manager",
            title="Blijft staan",
        )
    )
    key = bytes(vault.data_key)  # a copy: closing wipes the vault's own
    assert MARKERS[1].encode() in decrypted_database(vault_folder, key)  # the decryption works

    destroy_case(journal, case.id, rule="retention", today=date(2026, 11, 28))
    after_destruction = decrypted_database(vault_folder, key)
    vault.close()
    after_close = decrypted_database(vault_folder, key)

    raw_files = b"".join(p.read_bytes() for p in vault_folder.rglob("*") if p.is_file())
    for marker in MARKERS:
        assert marker.encode() not in raw_files
        assert marker.encode() not in after_destruction, marker
        assert marker.encode() not in after_close, marker
    assert b"Blijft staan" in after_close


def test_statistics_stay_after_destruction(journal: Journal) -> None:
    _org, case = _make_case(journal)
    destroy_case(journal, case.id, rule="erasure_request", today=date(2026, 11, 28))
    kept = journal.get(Case, case.id)
    assert kept.is_destroyed and kept.number == case.number
    assert kept.categories == ("intimidation", "sexual_harassment")
    assert kept.relation_to_accused == "manager" and kept.outcome == "formal_complaint"
    assert kept.first_contact == date(2025, 1, 1) and kept.closed_on == date(2026, 1, 1)
    assert kept.title == "" and kept.gender is None and kept.age_band is None
    archive = journal.db.query(
        "SELECT year, conversations, minutes FROM conversation_archive WHERE case_id = ? "
        "ORDER BY year",
        (case.id,),
    )
    assert [tuple(row) for row in archive] == [(2025, 2, 120), (2026, 1, 30)]
    assert journal.find(Conversation, "case_id = ?", (case.id,)) == []
    assert [r.party for r in journal.find(Referral)] == ["company_doctor"]
    assert [r.outcome for r in journal.find(Route)] == ["founded"]
    with pytest.raises(LookupError):
        journal.get(Reporter, case.id)
    assert search(journal.db, MARKERS[0]) == []
    log = destruction_log(journal)
    assert [(e.case_number, e.rule, e.scope) for e in log] == [
        (case.number, "erasure_request", "case")
    ]


def test_wiping_only_the_reporter_identity(journal: Journal) -> None:
    _, case = _make_case(journal)
    wipe_reporter_identity(journal, case.id, today=date(2026, 11, 28))
    assert search(journal.db, MARKERS[1]) == []
    assert journal.find(Conversation, "case_id = ?", (case.id,))
    assert destruction_log(journal)[0].scope == "reporter_identity"
