"""The encrypted backup on the USB stick, as a VP relies on it (docs/formats/backup.md).

A backup must bring back exactly what the vault held; every kind of damage to the file must be
refused as *damaged* (never as a wrong passphrase, never half-restored); a failing or pulled
stick must leave no half file and touch neither the vault nor the backups already there; and
not one byte of case text may appear in the file, on the stick or in a temp file.

Real vaults in tmp_path, real files, real failures: the only stand-ins are the devices below,
real files on disk that fail like a full or pulled stick after N bytes (`FailDevice`, after
KeePassXC's test helper), store a byte wrong (`LyingDevice`) or change after they were written
(`DecayingDevice`).
Backups in these tests use 4 KiB chunks, so that a vault of a few hundred KiB is sealed in dozens
of chunks and can be cut and flipped at every chunk boundary.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import random
import shutil
import struct
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.hmac import HMAC
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vpnotebook.core import models
from vpnotebook.core.destruction import RULE_VP_DECISION, destroy_case
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Case,
    Conversation,
    Department,
    FollowUp,
    Organisation,
    OutreachActivity,
    Referral,
    ReferralContact,
    Reporter,
    Route,
    Signal,
    TimeEntry,
)
from vpnotebook.core.search import search
from vpnotebook.vault import container, recovery
from vpnotebook.vault.backup import (
    BACKUP_SUFFIX,
    DIGEST_SIZE,
    PAYLOAD_MAGIC,
    backup_file_key,
    backup_name,
    list_backups,
    make_backup,
    restore_backup,
    table_counts,
    verify_backup,
)
from vpnotebook.vault.backup_format import PayloadSplitter
from vpnotebook.vault.errors import (
    EXIT_FAILURE,
    BackupDamagedError,
    BackupTooNewError,
    BackupWriteError,
    InvalidRecoveryCodeError,
    NotABackupError,
    RestoreTargetError,
    VaultDamagedError,
    VaultInUseError,
    WrongSecretError,
)
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.schema import LATEST_VERSION
from vpnotebook.vault.vault import PRE_MIGRATION_DIR, Vault

# The passphrase of the `vault` fixture in tests/conftest.py.
PASSPHRASE = "correct paard batterij niet"
OTHER_PASSPHRASE = "een heel ander wachtwoord"
SMALL_CHUNK = 4096
SEALED_CHUNK = SMALL_CHUNK + container.TAG_SIZE
MOMENT = datetime(2026, 3, 4, 10, 30)
# Case text that must never be readable outside the vault: an organisation name, a reporter's
# name and a conversation note, with letters that differ between UTF-8, NFD and UTF-16.
MARKERS = {
    "organisation": "Zwaluwstaart-Zorggroep-Qx7ë",
    "reporter": "Meldster-Yvonne-Wqz9-Çelik",
    "conversation": "Kraanvogel-gespreksnotitie-88ü",
}
SEARCH_WORDS = ("kraanvogel", "zwaluwstaart", "werkdruk", "pesten", "meldster")


# -- set-up -----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Python's temp dir (where verification unpacks) at a folder the test can inspect.

    This redirects the standard library's choice of folder, nothing of our own storage.
    """
    folder = tmp_path / "systeem-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """The USB stick's folder."""
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    return folder


@pytest.fixture
def restore_parent(tmp_path: Path) -> Path:
    """An empty folder to restore into: anything left in it afterwards is a leftover."""
    folder = tmp_path / "herstel"
    folder.mkdir()
    return folder


def fill(journal: Journal) -> None:
    """Records of every kind, with categories, references, closed and destroyed cases."""
    org = journal.add(
        Organisation(
            name=f"Stichting {MARKERS['organisation']}",
            employee_count=240,
            sector="Zorg",
            retention_years=5,
            notes="Contract tot 2027; overleg in het café",
        )
    )
    other = journal.add(Organisation(name="Gemeente Ëindhoven", archived=True))
    department = journal.add(Department(organisation_id=org.id, name="Thuiszorg Noord"))
    journal.add(Department(organisation_id=org.id, name="Facilitair"))
    journal.add(
        ReferralContact(
            organisation_id=org.id,
            party="company_doctor",
            name="Dr. Visser",
            phone="010-1234567",
            email="visser@example.org",
            notes="Bereikbaar op dinsdag",
        )
    )
    categories = (
        ("bullying",),
        ("intimidation", "sexual_harassment"),
        ("discrimination", "aggression", "integrity"),
        (),
    )
    cases = []
    for n, chosen in enumerate(categories):
        organisation = org if n % 2 == 0 else other
        case = journal.add(
            Case(
                organisation_id=organisation.id,
                first_contact=date(2025, 1 + n, 3 + n),
                contact_type=("report", "question", "sounding_board", "report")[n],
                reporter_role=("employee", "manager", "temp", "intern")[n],
                categories=chosen,
                title=f"Melding over pesten {n}",
                gender=("female", "male", "other", None)[n],
                age_band="35_44",
                department_id=department.id if n == 0 else None,
                relation_to_accused="manager",
                reporter_wishes=f"Wil dat het stopt ({n})",
                consent_on=date(2025, 1 + n, 5 + n),
            )
        )
        cases.append(case)
        journal.add(
            Reporter(
                case_id=case.id,
                name=f"{MARKERS['reporter']} {n}",
                contact="06-12345678",
                notes="Bel na vijf uur",
            )
        )
        for k, form in enumerate(("in_person", "phone", "video", "email")):
            journal.add(
                Conversation(
                    case_id=case.id,
                    held_on=date(2025, 1 + n, 10 + k),
                    form=form,
                    duration_min=15 * (k + 1),
                    occasion="Eerste gesprek" if k == 0 else "Vervolg",
                    story=f"Het verhaal {n}.{k}: opmerkingen over werkdruk en pesten.",
                    wishes="Gehoord worden",
                    options="Informeel gesprek, mediation",
                    agreements="Volgende week bellen",
                    next_step="Terugbellen",
                    notes=f"{MARKERS['conversation']} {n}.{k}",
                )
            )
        journal.add(
            Route(
                case_id=case.id,
                route="vp_informal",
                started_on=date(2025, 2 + n, 1),
                outcome=("pending", "resolved", "not_resolved", "withdrawn")[n],
                note="Route besproken",
            )
        )
        journal.add(
            Referral(case_id=case.id, party="hr", referred_on=date(2025, 2 + n, 2), note="HR")
        )
        journal.add(
            FollowUp(
                organisation_id=organisation.id,
                kind="aftercare",
                due_on=date(2025, 6, 1 + n),
                case_id=case.id,
                due_time="09:30",
                note="Nazorg: even bellen",
                done_on=date(2025, 6, 2 + n) if n % 2 else None,
            )
        )
        journal.add(
            TimeEntry(
                organisation_id=organisation.id,
                spent_on=date(2025, 1 + n, 20),
                minutes=30 + n,
                activity="case_work",
                case_id=case.id,
                note="Dossier bijgewerkt",
            )
        )
    journal.close_case(cases[0].id, date(2025, 6, 1), "resolved_informally", "Opgelost")
    journal.close_case(cases[1].id, date(2025, 6, 2), "referred")
    journal.reopen_case(cases[1].id)
    journal.add(
        OutreachActivity(
            organisation_id=org.id,
            held_on=date(2025, 3, 3),
            kind="presentation",
            title="Kennismaking vertrouwenspersoon",
            audience="Teamleiders",
            participants=14,
            duration_min=60,
            notes="Goede vragen over werkdruk",
        )
    )
    journal.add(
        Signal(
            organisation_id=org.id,
            given_on=date(2025, 4, 4),
            kind="advice",
            subject="Werkdruk",
            text="Signaal over werkdruk op de afdeling",
            asked=True,
        )
    )
    journal.add(
        FollowUp(organisation_id=org.id, kind="appointment", due_on=date(2025, 9, 9), note="Jaar")
    )
    journal.add(
        TimeEntry(
            organisation_id=other.id, spent_on=date(2025, 5, 5), minutes=90, activity="training"
        )
    )
    journal.set_setting("vp_name", "A. de Vries")
    journal.set_setting("report_year", "2025")
    destroy_case(journal, cases[3].id, rule=RULE_VP_DECISION, today=date(2026, 1, 2))


def entities(vault: Vault) -> dict[str, list[Any]]:
    """Every record of every kind, as the journal reads it."""
    journal = Journal(vault.db)
    return {
        table: journal.find(kind, order="case_id" if kind is Reporter else "id")
        for kind, table in models.TABLES.items()
    }


def raw_rows(vault: Vault) -> dict[str, list[str]]:
    """Every row of every table (settings, categories, archive, log, search index included)."""
    names = [
        row[0]
        for row in vault.db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: sorted(repr(tuple(row)) for row in vault.db.query(f'SELECT * FROM "{name}"'))
        for name in names
    }


def settings_of(vault: Vault) -> dict[str, str]:
    return {row[0]: row[1] for row in vault.db.query("SELECT key, value FROM settings")}


def hits(vault: Vault) -> dict[str, list[Any]]:
    return {word: search(vault.db, word) for word in SEARCH_WORDS}


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def encodings_of(marker: str) -> dict[str, bytes]:
    return {
        "utf-8": marker.encode("utf-8"),
        "utf-8 (NFD)": unicodedata.normalize("NFD", marker).encode("utf-8"),
        "utf-16-le": marker.encode("utf-16-le"),
        "utf-16-be": marker.encode("utf-16-be"),
    }


def plaintext_in(*roots: Path) -> list[str]:
    found = []
    for root in roots:
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            if not path.is_file():
                continue
            data = path.read_bytes()
            for marker in MARKERS.values():
                for encoding, needle in encodings_of(marker).items():
                    if needle in data:
                        found.append(f"{path}: {marker!r} as {encoding}")
    return found


@dataclass(frozen=True)
class Layout:
    """Where the pieces of a backup file are, read from its own header."""

    data: bytes
    header_length: int

    @classmethod
    def of(cls, path: Path) -> Layout:
        with path.open("rb") as handle:
            header = container.read_public_header(handle)
        assert header.chunk_size == SMALL_CHUNK
        return cls(path.read_bytes(), header.header_length)

    @property
    def chunks(self) -> list[bytes]:
        body = self.data[self.header_length :]
        return [body[i : i + SEALED_CHUNK] for i in range(0, len(body), SEALED_CHUNK)]

    @property
    def boundaries(self) -> list[int]:
        """The offset where each sealed chunk starts (the header's end is the first)."""
        return [self.header_length + i * SEALED_CHUNK for i in range(len(self.chunks))]

    @property
    def header(self) -> bytes:
        return self.data[: self.header_length]

    def with_chunks(self, chunks: list[bytes]) -> bytes:
        return self.header + b"".join(chunks)


class Judge:
    """Feeds one damaged file to verify_backup and restore_backup and notes what went wrong.

    Both must raise `expected`; neither may leave a vault, a staging folder or a temp file.
    Problems are collected so that one failing run shows every bad offset at once.
    """

    def __init__(self, restore_parent: Path, system_temp: Path) -> None:
        self.parent = restore_parent
        self.target = restore_parent / "kluis"
        self.system_temp = system_temp
        self.problems: list[str] = []
        self.seen: dict[str, int] = {}
        self.runs = 0

    def judge(
        self,
        path: Path,
        what: str,
        expected: type[BaseException] | tuple[type[BaseException], ...] = VaultDamagedError,
        secret: dict[str, str] | None = None,
    ) -> None:
        secret = secret or {"passphrase": PASSPHRASE}
        actions: dict[str, Callable[[], object]] = {
            "verify_backup": lambda: verify_backup(path, **secret),
            "restore_backup": lambda: restore_backup(path, self.target, **secret),
        }
        for name, action in actions.items():
            self.runs += 1
            try:
                action()
            except expected as exc:
                self.seen[type(exc).__name__] = self.seen.get(type(exc).__name__, 0) + 1
            except Exception as exc:
                self.problems.append(f"{what}: {name} raised {type(exc).__name__}: {exc}")
            else:
                self.problems.append(f"{what}: {name} accepted the file")
            for folder in (self.parent, self.system_temp):
                left = listing(folder)
                if left:
                    self.problems.append(f"{what}: {name} left {left} in {folder.name}")
                    for leftover in folder.iterdir():
                        if leftover.is_dir():
                            shutil.rmtree(leftover)
                        else:
                            leftover.unlink()

    def assert_all_refused(self) -> None:
        shown = "\n".join(self.problems[:40])
        assert not self.problems, f"{len(self.problems)} problem(s) in {self.runs} runs:\n{shown}"


@pytest.fixture
def judge(restore_parent: Path, system_temp: Path) -> Judge:
    return Judge(restore_parent, system_temp)


@pytest.fixture
def sealed(vault: Vault, journal: Journal, stick: Path) -> Layout:
    """A filled vault's backup in 4 KiB chunks."""
    fill(journal)
    info = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    layout = Layout.of(info.path)
    assert len(layout.chunks) > 30  # enough chunks for the boundary tests to mean something
    return layout


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """Where the damaged copies are written; a folder of its own, away from the stick."""
    folder = tmp_path / "beschadigd"
    folder.mkdir()
    return folder / f"kopie{BACKUP_SUFFIX}"


# -- a backup brings everything back ----------------------------------------------------------


def test_a_filled_vault_restores_to_identical_data_with_passphrase_or_recovery_code(
    vault_and_code: tuple[Vault, str], tmp_path: Path, stick: Path
) -> None:
    vault, code = vault_and_code
    fill(Journal(vault.db))
    before_entities, before_rows = entities(vault), raw_rows(vault)
    before_settings, before_hits = settings_of(vault), hits(vault)
    before_counts = table_counts(vault.db)
    assert all(before_entities.values()), "every kind of record is in the vault"
    assert all(before_hits.values()), "every search word finds something"
    assert before_rows["case_categories"] and before_rows["conversation_archive"]
    assert before_rows["destruction_log"]

    info = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    assert info.path == stick / "vpnotebook-2026-03-04T1030.vpbackup"
    assert info.record_counts == before_counts
    assert (info.vault_id, info.schema_version) == (vault.vault_id, LATEST_VERSION)
    vault_id = vault.vault_id
    vault.close()

    assert verify_backup(info.path, passphrase=PASSPHRASE).record_counts == before_counts
    assert verify_backup(info.path, recovery_code=code).record_counts == before_counts

    for secret in ({"passphrase": PASSPHRASE}, {"recovery_code": code}):
        target = tmp_path / f"hersteld-{next(iter(secret))}"
        restored_info, set_aside = restore_backup(info.path, target, **secret)
        assert set_aside is None
        assert restored_info.record_counts == before_counts
        assert restored_info.created_at == MOMENT.isoformat()
        # Both secrets of the moment of the backup open the restored vault.
        with Vault.open(target, recovery_code=code):
            pass
        with Vault.open(target, passphrase=PASSPHRASE) as restored:
            assert restored.vault_id == vault_id
            assert restored.db.user_version == LATEST_VERSION
            assert restored.check() == []
            assert entities(restored) == before_entities
            assert raw_rows(restored) == before_rows
            assert settings_of(restored) == before_settings
            assert hits(restored) == before_hits


def test_the_vault_records_its_last_verified_backup(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    assert journal.setting("last_backup_at") is None
    first = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    assert journal.setting("last_backup_at") == MOMENT.isoformat()
    assert journal.setting("last_backup_file") == first.path.name

    later = MOMENT + timedelta(days=7, hours=2)
    second = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=later)
    assert journal.setting("last_backup_at") == later.isoformat()
    assert journal.setting("last_backup_file") == second.path.name
    vault.close()
    # Stored in the vault itself, so it survives closing.
    with Vault.open(vault.folder, passphrase=PASSPHRASE) as reopened:
        assert Journal(reopened.db).setting("last_backup_file") == second.path.name


def test_a_backup_from_an_older_schema_restores_at_the_latest_schema(
    tmp_path: Path, stick: Path, restore_parent: Path
) -> None:
    assert LATEST_VERSION > 1
    old, _ = Vault.create(tmp_path / "oud", PASSPHRASE, kdf_params=TEST_PARAMS, schema_version=1)
    with old:
        assert old.db.user_version == 1
        journal = Journal(old.db)
        org = journal.add(Organisation(name="Oude Stichting"))
        case = journal.add(
            Case(
                organisation_id=org.id,
                first_contact=date(2024, 5, 6),
                contact_type="report",
                reporter_role="employee",
                categories=("bullying", "integrity"),
                title="Van vóór de zoekfunctie",
            )
        )
        journal.add(Reporter(case_id=case.id, name="B. Jansen"))
        journal.add(
            Conversation(case_id=case.id, held_on=date(2024, 5, 7), story="Over de kraanvogel")
        )
        before = entities(old)
        info = make_backup(old, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    assert info.schema_version == 1
    assert verify_backup(info.path, passphrase=PASSPHRASE).schema_version == 1

    target = restore_parent / "kluis"
    restored_info, _ = restore_backup(info.path, target, passphrase=PASSPHRASE)
    assert restored_info.schema_version == 1  # what the backup held
    with Vault.open(target, passphrase=PASSPHRASE) as restored:
        assert restored.db.user_version == LATEST_VERSION
        assert restored.check() == []
        assert entities(restored) == before
        # The migration built the search index over the restored text.
        assert [hit.record_id for hit in search(restored.db, "kraanvogel")] == [1]
    # The migration kept its encrypted copy of the schema-1 database, as any upgrade does.
    assert list((target / PRE_MIGRATION_DIR).glob("vault-schema1-*.db"))


# -- damage is refused as damage, and leaves nothing behind -------------------------------------


def test_truncation_at_every_chunk_boundary_and_around_it_is_refused(
    sealed: Layout, damaged: Path, judge: Judge
) -> None:
    cuts = {0, 1, 6, 7, 11, 15, sealed.header_length - 33, sealed.header_length - 1}
    for boundary in sealed.boundaries:
        # At the boundary, in the previous chunk's tag, one byte into the next chunk.
        cuts |= {boundary, boundary - 1, boundary - container.TAG_SIZE, boundary + 1}
    cuts.add(len(sealed.data) - 1)
    cuts.discard(len(sealed.data))
    for cut in sorted(cuts):
        damaged.write_bytes(sealed.data[:cut])
        judge.judge(damaged, f"cut at {cut}")
    judge.assert_all_refused()
    # Cut after the header, the file is known to be ours but incomplete: damaged.
    assert judge.seen.get("BackupDamagedError", 0) >= 2 * len(sealed.boundaries)


def test_truncation_at_random_offsets_is_refused(
    sealed: Layout, damaged: Path, judge: Judge
) -> None:
    rng = random.Random(20260304)
    for cut in sorted(rng.sample(range(1, len(sealed.data)), 150)):
        damaged.write_bytes(sealed.data[:cut])
        judge.judge(damaged, f"cut at {cut}")
    judge.assert_all_refused()


def _flip_each(path: Path, data: bytes, offsets: list[int]) -> Iterator[tuple[int, int]]:
    """Flip one bit at each offset in turn (in place), yielding (offset, bit)."""
    path.write_bytes(data)
    with path.open("r+b", buffering=0) as handle:
        for offset in offsets:
            bit = offset % 8
            handle.seek(offset)
            handle.write(bytes([data[offset] ^ (1 << bit)]))
            yield offset, bit
            handle.seek(offset)
            handle.write(data[offset : offset + 1])


def test_a_flipped_bit_anywhere_in_the_header_is_refused_as_damage(
    sealed: Layout, damaged: Path, judge: Judge
) -> None:
    # Every byte of the header: fixed fields, the public header with the key slots and its
    # digest, the nonce and the MAC; one bit each, the bit moving along with the offset.
    for offset, bit in _flip_each(damaged, sealed.data, list(range(sealed.header_length))):
        # The version byte is the one place where a flipped bit reads as a higher version; the
        # container format decides that before anything else and cannot tell the two apart.
        expected = (VaultDamagedError, BackupTooNewError) if offset == 6 else VaultDamagedError
        judge.judge(damaged, f"bit {bit} of byte {offset}", expected)
    judge.assert_all_refused()
    # Above all, a flipped bit in the key slots must never read as a wrong passphrase.
    assert "WrongSecretError" not in judge.seen


def test_a_flipped_bit_in_the_chunks_is_refused_as_damage(
    sealed: Layout, damaged: Path, judge: Judge
) -> None:
    start = sealed.header_length
    offsets = set()
    # Every 7th byte of the first KiB of the first chunk and of the whole last chunk ...
    offsets |= set(range(start, start + 1024, 7))
    offsets |= set(range(sealed.boundaries[-1], len(sealed.data), 7))
    # ... every chunk at its first bytes and in its tag ...
    for boundary in [*sealed.boundaries[1:], len(sealed.data)]:
        offsets |= {boundary - 16, boundary - 1, boundary, boundary + 1}
    # ... and a sample across the whole file: a prime stride, so every bit position is hit.
    # (Every 7th byte of all ~150 KiB would take minutes: each run derives a key and unpacks.)
    offsets |= set(range(start, len(sealed.data), 131))
    offsets = {offset for offset in offsets if start <= offset < len(sealed.data)}
    for offset, bit in _flip_each(damaged, sealed.data, sorted(offsets)):
        judge.judge(damaged, f"bit {bit} of byte {offset}", BackupDamagedError)
    judge.assert_all_refused()


def test_swapped_repeated_and_dropped_chunks_are_refused(
    sealed: Layout, damaged: Path, judge: Judge
) -> None:
    chunks = sealed.chunks
    last, middle = len(chunks) - 1, len(chunks) // 2
    variants: dict[str, list[bytes]] = {}
    for i in (0, middle, last - 1):
        swapped = list(chunks)
        swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
        variants[f"chunks {i} and {i + 1} swapped"] = swapped
    for i in (0, middle, last):
        variants[f"chunk {i} twice"] = [*chunks[: i + 1], chunks[i], *chunks[i + 1 :]]
    for i in (0, middle, last - 1, last):
        variants[f"chunk {i} dropped"] = chunks[:i] + chunks[i + 1 :]
    variants["first and last chunk swapped"] = [chunks[last], *chunks[1:last], chunks[0]]
    for what, variant in variants.items():
        damaged.write_bytes(sealed.with_chunks(variant))
        judge.judge(damaged, what, BackupDamagedError)
    judge.assert_all_refused()


def test_a_chunk_from_another_backup_of_the_same_vault_is_refused(
    vault: Vault, sealed: Layout, stick: Path, damaged: Path, judge: Judge
) -> None:
    # Same data key, same passphrase, but a different file: its chunks do not belong here.
    other = Layout.of(
        make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(hours=1)).path
    )
    middle = len(sealed.chunks) // 2
    mixed = [*sealed.chunks[:middle], other.chunks[middle], *sealed.chunks[middle + 1 :]]
    damaged.write_bytes(sealed.with_chunks(mixed))
    judge.judge(damaged, "chunk from another backup", BackupDamagedError)
    # Its header on these chunks: the header is genuine and opens, the chunks are not its own.
    damaged.write_bytes(other.header + sealed.data[sealed.header_length :])
    judge.judge(damaged, "header of another backup of this vault", BackupDamagedError)
    judge.assert_all_refused()


def test_the_header_of_another_vaults_backup_with_the_same_passphrase_is_refused_as_damage(
    sealed: Layout, tmp_path: Path, damaged: Path, judge: Judge
) -> None:
    other_stick = tmp_path / "andere-stick"
    other_stick.mkdir()
    other_vault, _ = Vault.create(tmp_path / "andere-kluis", PASSPHRASE, kdf_params=TEST_PARAMS)
    with other_vault:
        Journal(other_vault.db).add(Organisation(name="Een heel andere organisatie"))
        other = Layout.of(
            make_backup(other_vault, other_stick, chunk_size=SMALL_CHUNK, now=MOMENT).path
        )
    # The passphrase opens the spliced-on key slots (they are the other vault's, same
    # passphrase), so this is not a wrong passphrase: it is a file that was tampered with.
    damaged.write_bytes(other.header + sealed.data[sealed.header_length :])
    judge.judge(damaged, "header of another vault's backup", BackupDamagedError)
    # Only the other vault's public header (key slots), with this file's own nonce and MAC.
    public_end = sealed.header_length - container.NONCE_SIZE - container.MAC_SIZE
    other_public_end = other.header_length - container.NONCE_SIZE - container.MAC_SIZE
    spliced = bytearray(other.data[:other_public_end] + sealed.data[public_end:])
    damaged.write_bytes(bytes(spliced))
    judge.judge(damaged, "key slots of another vault's backup", BackupDamagedError)
    judge.assert_all_refused()


# -- wrong secret, wrong file, newer file ---------------------------------------------------


def test_a_wrong_passphrase_or_recovery_code_is_told_apart_and_leaves_nothing(
    vault_and_code: tuple[Vault, str], sealed: Layout, stick: Path, judge: Judge
) -> None:
    code = vault_and_code[1]
    path = list_backups(stick)[0]
    judge.judge(path, "wrong passphrase", WrongSecretError, {"passphrase": OTHER_PASSPHRASE})
    judge.judge(path, "empty passphrase", WrongSecretError, {"passphrase": ""})
    # A well-formed code of another vault ...
    judge.judge(path, "another code", WrongSecretError, {"recovery_code": recovery.generate()})
    judge.assert_all_refused()
    assert judge.seen == {"WrongSecretError": 6}
    # ... and this vault's code with one character mistyped: told as such.
    mistyped = ("B" if code[0] != "B" else "C") + code[1:]
    judge.judge(path, "mistyped code", InvalidRecoveryCodeError, {"recovery_code": mistyped})
    judge.assert_all_refused()
    # The file itself was not touched by any of it, and still opens with the right secrets.
    assert path.read_bytes() == sealed.data
    verify_backup(path, recovery_code=code)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty file"),
        pytest.param(random.Random(7).randbytes(5000), id="random bytes"),
        pytest.param(
            json.dumps({"format": "vpnotebook-backup", "version": 1}).encode(), id="json file"
        ),
        pytest.param(b"VPNBA", id="five bytes of the magic"),
        pytest.param(b"PK\x03\x04" + bytes(200), id="zip file"),
    ],
)
def test_a_file_that_is_no_backup_is_refused_as_such(
    content: bytes, damaged: Path, judge: Judge
) -> None:
    damaged.write_bytes(content)
    judge.judge(damaged, "not a backup", NotABackupError)
    judge.assert_all_refused()


def test_the_vault_database_itself_is_not_a_backup(
    vault: Vault, damaged: Path, judge: Judge
) -> None:
    vault.db.checkpoint()
    shutil.copyfile(vault.folder / "vault.db", damaged)
    judge.judge(damaged, "vault.db", NotABackupError)
    judge.assert_all_refused()


def _reseal(
    vault: Vault,
    source: Path,
    target: Path,
    *,
    header: Callable[[dict[str, Any]], None] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
) -> None:
    """Write a genuine, correctly sealed backup with a changed public header or manifest."""
    with source.open("rb") as handle:
        public = container.read_public_header(handle).public_header
    payload = io.BytesIO()
    with source.open("rb") as handle:
        container.decrypt_container(handle, payload, backup_file_key(vault.data_key))
    data = payload.getvalue()
    document = json.loads(public[:-DIGEST_SIZE])
    if header is not None:
        header(document)
    body = json.dumps(document, sort_keys=True).encode("utf-8")
    new_public = body + hashlib.sha256(body).digest()
    if manifest is not None:
        start = len(PAYLOAD_MAGIC) + 4
        (length,) = struct.unpack(">I", data[len(PAYLOAD_MAGIC) : start])
        content = json.loads(data[start : start + length])
        manifest(content)
        encoded = json.dumps(content, sort_keys=True).encode("utf-8")
        data = PAYLOAD_MAGIC + struct.pack(">I", len(encoded)) + encoded + data[start + length :]
    with target.open("wb") as handle:
        container.write_container(
            handle,
            io.BytesIO(data),
            backup_file_key(vault.data_key),
            new_public,
            chunk_size=SMALL_CHUNK,
        )


def test_a_backup_from_a_newer_version_says_to_update(
    vault: Vault, sealed: Layout, stick: Path, damaged: Path, judge: Judge
) -> None:
    source = list_backups(stick)[0]
    # The resealing itself is faithful: unchanged, the copy verifies.
    _reseal(vault, source, damaged)
    verify_backup(damaged, passphrase=PASSPHRASE)

    _reseal(vault, source, damaged, header=lambda document: document.update(version=99))
    judge.judge(damaged, "backup format version 99", BackupTooNewError)
    _reseal(vault, source, damaged, manifest=lambda m: m.update(schema_version=LATEST_VERSION + 1))
    judge.judge(damaged, "database schema from the future", BackupTooNewError)
    data = bytearray(sealed.data)
    data[6] = container.FORMAT_VERSION + 1
    damaged.write_bytes(bytes(data))
    judge.judge(damaged, "container version 2", BackupTooNewError)
    judge.assert_all_refused()
    assert "nieuwere versie" in BackupTooNewError.message_nl
    assert BackupTooNewError.exit_code == EXIT_FAILURE


def test_a_manifest_that_does_not_match_the_database_is_refused(
    vault: Vault, sealed: Layout, stick: Path, damaged: Path, judge: Judge
) -> None:
    # Sealed with the right key, so only someone holding the key could make it; still refused.
    source = list_backups(stick)[0]

    def one_case_more(manifest: dict[str, Any]) -> None:
        manifest["record_counts"]["cases"] += 1

    _reseal(vault, source, damaged, manifest=one_case_more)
    judge.judge(damaged, "record counts off by one", BackupDamagedError)
    judge.assert_all_refused()


# -- the payload, split while it is decrypted ------------------------------------------------


def _payload(manifest: dict[str, Any], database: bytes) -> bytes:
    body = json.dumps(manifest, sort_keys=True).encode("utf-8")
    return PAYLOAD_MAGIC + struct.pack(">I", len(body)) + body + database


def _split(payload: bytes, step: int, target: Path) -> dict[str, Any]:
    with target.open("wb") as database:
        splitter = PayloadSplitter(database)
        for start in range(0, len(payload), step):
            splitter.write(memoryview(payload)[start : start + step])
    return splitter.manifest()


def test_the_manifest_is_kept_and_the_database_written_however_the_payload_arrives(
    tmp_path: Path,
) -> None:
    # The container hands over a batch at a time; the manifest may end anywhere in one.
    manifest = {"schema_version": 3, "record_counts": {"cases": 2}, "vault_id": "v"}
    database = bytes(range(256)) * 40
    payload = _payload(manifest, database)
    target = tmp_path / "vault.db"
    for step in (1, 2, 7, len(PAYLOAD_MAGIC), len(PAYLOAD_MAGIC) + 5, 100, len(payload)):
        target.unlink(missing_ok=True)
        assert _split(payload, step, target) == manifest, step
        assert target.read_bytes() == database, step


@pytest.mark.parametrize(
    ("payload", "detail"),
    [
        pytest.param(b"", "no manifest", id="empty payload"),
        pytest.param(PAYLOAD_MAGIC + b"\x00\x00", "no manifest", id="cut in the length"),
        pytest.param(b"VPNBPAY2" + bytes(100), "no manifest", id="other magic"),
        pytest.param(PAYLOAD_MAGIC + struct.pack(">I", 50) + b"{}", "no manifest", id="cut short"),
        pytest.param(PAYLOAD_MAGIC + struct.pack(">I", (1 << 20) + 1), "too large", id="huge"),
        pytest.param(PAYLOAD_MAGIC + struct.pack(">I", 2) + b"[]", "unreadable", id="not a dict"),
        pytest.param(
            _payload({"schema_version": "drie", "record_counts": {}}, b"db"),
            "unreadable",
            id="schema not a number",
        ),
    ],
)
def test_a_payload_without_a_good_manifest_is_damaged(
    payload: bytes, detail: str, tmp_path: Path
) -> None:
    with pytest.raises(BackupDamagedError, match=detail):
        _split(payload, 3, tmp_path / "vault.db")


# -- a failing or pulled stick -----------------------------------------------------------------


class FailDevice(io.RawIOBase):
    """A real file that fails like a full or pulled USB stick once `limit` bytes are in.

    Like a real device it first accepts what still fits (a short write), then raises. With
    `fail_flush` every byte is accepted and the flush fails instead: buffers lost on pulling.
    """

    def __init__(
        self, path: Path, limit: int, code: int = errno.ENOSPC, *, fail_flush: bool = False
    ) -> None:
        super().__init__()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._file = os.fdopen(fd, "wb", buffering=0)
        self._limit = limit
        self._code = code
        self._fail_flush = fail_flush
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        room = self._limit - self.written
        if room <= 0:
            raise OSError(self._code, os.strerror(self._code))
        count = self._file.write(bytes(memoryview(data)[:room]))
        self.written += count
        return count

    def flush(self) -> None:
        if self._fail_flush and not self.closed:
            raise OSError(self._code, os.strerror(self._code))
        super().flush()

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        if not self.closed:
            self._file.close()
            self._fail_flush = False
        super().close()


class LyingDevice(io.RawIOBase):
    """A real file on a stick that silently stores one byte wrong (it says all went well)."""

    def __init__(self, path: Path, at: int) -> None:
        super().__init__()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._file = os.fdopen(fd, "wb", buffering=0)
        self._at = at
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytearray(memoryview(data))
        if self.written <= self._at < self.written + len(chunk):
            chunk[self._at - self.written] ^= 0x10
        count = self._file.write(bytes(chunk))
        self.written += count
        return count

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        if not self.closed:
            self._file.close()
        super().close()


class DecayingDevice(io.RawIOBase):
    """A real file on a stick whose stored bytes change after they were written.

    Everything is written correctly; at the flush that ends the write, before the backup is read
    back, `decay` is applied to the file on disk: a flipped bit, or the bytes of another file.
    """

    def __init__(self, path: Path, decay: Callable[[int], None]) -> None:
        super().__init__()
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        self._file = os.fdopen(fd, "r+b", buffering=0)
        self._decay: Callable[[int], None] | None = decay

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return self._file.write(bytes(memoryview(data)))

    def flush(self) -> None:
        super().flush()
        if self._decay is not None and not self.closed:
            decay, self._decay = self._decay, None
            decay(self._file.fileno())

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        if not self.closed:
            self._file.close()
        super().close()


def flip_bit_at(where: Callable[[int], int]) -> Callable[[int], None]:
    """Flip a bit at `where(size of the file as written)`."""

    def flip(fd: int) -> None:
        offset = where(os.fstat(fd).st_size)
        (byte,) = os.pread(fd, 1, offset)
        os.pwrite(fd, bytes([byte ^ 0x04]), offset)

    return flip


def replace_content_with(content: bytes) -> Callable[[int], None]:
    def replace(fd: int) -> None:
        os.ftruncate(fd, 0)
        os.pwrite(fd, content, 0)

    return replace


@dataclass
class Earlier:
    """A good backup already on the stick, and how big a backup of this vault is."""

    path: Path
    data: bytes
    header_length: int


@pytest.fixture
def earlier(vault: Vault, journal: Journal, stick: Path) -> Earlier:
    journal.add(Organisation(name=f"Stichting {MARKERS['organisation']}"))
    info = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    layout = Layout.of(info.path)
    return Earlier(info.path, layout.data, layout.header_length)


def _assert_nothing_changed(vault: Vault, stick: Path, earlier: Earlier, system_temp: Path) -> None:
    # No partial file and no other file with a backup's name; the earlier backup as it was.
    assert listing(stick) == [earlier.path.name]
    assert earlier.path.read_bytes() == earlier.data
    assert listing(system_temp) == []
    assert vault.check() == []
    assert Journal(vault.db).setting("last_backup_file") == earlier.path.name
    vault.close()
    with Vault.open(vault.folder, passphrase=PASSPHRASE) as reopened:
        assert reopened.check() == []
        # And the stick still takes a good backup.
        info = make_backup(reopened, stick, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(days=2))
    verify_backup(info.path, passphrase=PASSPHRASE)
    verify_backup(earlier.path, passphrase=PASSPHRASE)


FAILURE_POINTS: dict[str, Callable[[Earlier], int]] = {
    "before the first byte": lambda e: 0,
    "inside the fixed header": lambda e: 9,
    "inside the key slots": lambda e: 400,
    "inside the header MAC": lambda e: e.header_length - 5,
    "in the first chunk": lambda e: e.header_length + 100,
    "mid-payload": lambda e: len(e.data) // 2,
    "at the last byte": lambda e: len(e.data) - 1,
}


@pytest.mark.parametrize("point", list(FAILURE_POINTS))
def test_a_full_stick_leaves_no_half_file_and_touches_nothing(
    point: str, vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    limit = FAILURE_POINTS[point](earlier)
    devices: list[FailDevice] = []

    def full_stick(path: Path) -> BinaryIO:
        devices.append(FailDevice(path, limit, errno.ENOSPC))
        return devices[-1]  # type: ignore[return-value]

    with pytest.raises(BackupWriteError) as caught:
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=full_stick,
        )
    assert devices and devices[0].written == limit  # the failure really came at that point
    assert caught.value.message_nl.startswith("De reservekopie kon niet worden geschreven")
    _assert_nothing_changed(vault, stick, earlier, system_temp)


@pytest.mark.parametrize("code", [errno.EIO, errno.ENODEV], ids=["EIO", "ENODEV"])
@pytest.mark.parametrize("moment", ["mid-payload", "flush"])
def test_a_stick_pulled_out_mid_write_leaves_no_half_file(
    code: int, moment: str, vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    def pulled_stick(path: Path) -> BinaryIO:
        if moment == "flush":
            return FailDevice(path, 1 << 40, code, fail_flush=True)  # type: ignore[return-value]
        return FailDevice(path, len(earlier.data) // 2, code)  # type: ignore[return-value]

    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=pulled_stick,
        )
    _assert_nothing_changed(vault, stick, earlier, system_temp)


def test_a_stick_that_stores_a_byte_wrong_is_caught_by_the_read_back(
    vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    def lying_stick(path: Path) -> BinaryIO:
        return LyingDevice(path, len(earlier.data) // 3)  # type: ignore[return-value]

    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=lying_stick,
        )
    _assert_nothing_changed(vault, stick, earlier, system_temp)


def test_a_failed_read_back_keeps_the_previous_backup_of_the_same_name(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    # The VP names the file (`--out E:/kluis.vpbackup`) and reuses the name every week.
    target = stick / f"kluis{BACKUP_SUFFIX}"
    journal.add(Organisation(name="Stichting Eerste"))
    make_backup(vault, target, chunk_size=SMALL_CHUNK, now=MOMENT)
    previous = target.read_bytes()

    def lying_stick(path: Path) -> BinaryIO:
        return LyingDevice(path, len(previous) // 3)  # type: ignore[return-value]

    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            target,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=7),
            open_sink=lying_stick,
        )
    # The new file failed its check; the one that was good must still be there.
    assert target.exists(), "the previous, verified backup was deleted"
    assert target.read_bytes() == previous
    verify_backup(target, passphrase=PASSPHRASE)


# Where a bit flips, given the earlier backup (its header is as long) and the new file's size.
DECAY_POINTS: dict[str, Callable[[Earlier, int], int]] = {
    "in the key slots": lambda e, size: 400,
    "in the header MAC": lambda e, size: e.header_length - 5,
    "in the first chunk": lambda e, size: e.header_length + 100,
    "in a chunk in the middle": lambda e, size: (e.header_length + size) // 2,
    "in the last tag": lambda e, size: size - 1,
}


@pytest.mark.parametrize("point", list(DECAY_POINTS))
def test_a_bit_that_flips_between_write_and_read_back_fails_the_backup(
    point: str, vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    def where(size: int) -> int:
        return DECAY_POINTS[point](earlier, size)

    def decaying_stick(path: Path) -> BinaryIO:
        return DecayingDevice(path, flip_bit_at(where))  # type: ignore[return-value]

    with pytest.raises(BackupWriteError) as caught:
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=decaying_stick,
        )
    assert isinstance(caught.value.__cause__, BackupDamagedError)
    _assert_nothing_changed(vault, stick, earlier, system_temp)


def test_a_stick_that_shows_an_older_genuine_backup_is_caught_by_its_header_mac(
    vault: Vault, earlier: Earlier, stick: Path, system_temp: Path
) -> None:
    # A stick whose controller lost the new data and serves an earlier backup of this vault in
    # its place: same file key, so its header MAC and every chunk tag verify. Only the header
    # MAC, which covers each file's own random nonce, differs from the one just written.
    def stale_stick(path: Path) -> BinaryIO:
        return DecayingDevice(path, replace_content_with(earlier.data))  # type: ignore[return-value]

    with pytest.raises(BackupWriteError) as caught:
        make_backup(
            vault,
            stick,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=1),
            open_sink=stale_stick,
        )
    assert "different container" in str(caught.value.__cause__)
    _assert_nothing_changed(vault, stick, earlier, system_temp)


def test_a_vault_larger_than_one_batch_restores_identically_with_the_default_chunks(
    vault: Vault, journal: Journal, stick: Path, restore_parent: Path
) -> None:
    # The writer and reader move up to 1 MiB per call; this vault's payload spans several such
    # batches, so the look-ahead and the batch boundaries are crossed on every path.
    fill(journal)
    org = journal.find(Organisation)[0]
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2025, 9, 1),
            contact_type="report",
            reporter_role="employee",
            title="Lang dossier",
        )
    )
    rng = random.Random(11)
    words = ["werkdruk", "gesprek", "afspraak", "leidinggevende", "pesten", "team", "zorg"]
    for _conversation in range(400):
        story = " ".join(rng.choice(words) + str(rng.randrange(10**6)) for _word in range(500))
        journal.add(Conversation(case_id=case.id, held_on=date(2025, 9, 2), story=story))
    vault.db.checkpoint()
    assert (vault.folder / "vault.db").stat().st_size > 2 * 1024 * 1024
    before_rows, before_counts = raw_rows(vault), table_counts(vault.db)

    info = make_backup(vault, stick, now=MOMENT)
    with info.path.open("rb") as handle:
        assert container.read_public_header(handle).chunk_size == container.CHUNK_SIZE
    vault.close()
    assert verify_backup(info.path, passphrase=PASSPHRASE).record_counts == before_counts
    target = restore_parent / "kluis"
    restored_info, _ = restore_backup(info.path, target, passphrase=PASSPHRASE)
    assert restored_info.record_counts == before_counts
    with Vault.open(target, passphrase=PASSPHRASE) as restored:
        assert restored.check() == []
        assert raw_rows(restored) == before_rows
    assert listing(restore_parent) == ["kluis"]


def seal_one_chunk_at_a_time(target: Path, payload: bytes, file_key: bytes, public: bytes) -> None:
    """The container of docs/formats/backup-container.md, one chunk sealed and written at a time.

    Written from the document, as the writer before batching worked: what older versions of
    vpnotebook put on a stick must still verify and restore.
    """
    nonce = os.urandom(container.NONCE_SIZE)

    def derive(info: bytes) -> bytes:
        return HKDF(algorithm=SHA256(), length=32, salt=nonce, info=info).derive(file_key)

    payload_key = derive(b"vpnotebook backup-container v1 payload")
    mac_key = derive(b"vpnotebook backup-container v1 header-mac")
    header = (
        container.MAGIC + bytes([1]) + struct.pack(">II", SMALL_CHUNK, len(public)) + public + nonce
    )
    signer = HMAC(mac_key, SHA256())
    signer.update(header)
    mac = signer.finalize()
    aead = ChaCha20Poly1305(payload_key)
    pieces = [payload[i : i + SMALL_CHUNK] for i in range(0, len(payload), SMALL_CHUNK)] or [b""]
    with target.open("wb", buffering=0) as out:
        out.write(header + mac)
        for counter, piece in enumerate(pieces):
            flag = b"\x01" if counter == len(pieces) - 1 else b"\x00"
            out.write(aead.encrypt(counter.to_bytes(11, "big") + flag, piece, mac))


def test_a_backup_sealed_one_chunk_at_a_time_still_verifies_and_restores(
    vault: Vault, journal: Journal, stick: Path, tmp_path: Path, restore_parent: Path
) -> None:
    fill(journal)
    before_rows, before_counts = raw_rows(vault), table_counts(vault.db)
    made = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    with made.path.open("rb") as handle:
        public = container.read_public_header(handle).public_header
    payload = io.BytesIO()
    with made.path.open("rb") as handle:
        container.decrypt_container(handle, payload, backup_file_key(vault.data_key))
    older = tmp_path / f"ouder{BACKUP_SUFFIX}"
    seal_one_chunk_at_a_time(older, payload.getvalue(), backup_file_key(vault.data_key), public)
    assert older.read_bytes() != made.path.read_bytes()  # its own nonce: really another file
    vault.close()

    assert verify_backup(older, passphrase=PASSPHRASE).record_counts == before_counts
    restore_backup(older, restore_parent / "kluis", passphrase=PASSPHRASE)
    with Vault.open(restore_parent / "kluis", passphrase=PASSPHRASE) as restored:
        assert raw_rows(restored) == before_rows


def _unwritable(kind: str, tmp_path: Path) -> Path:
    if kind == "read-only folder":
        folder = tmp_path / "alleen-lezen"
        folder.mkdir()
        folder.chmod(0o500)
        probe = folder / "probe"
        try:
            probe.write_bytes(b"")
        except PermissionError:
            return folder
        # Running as root (as in CI containers): permission bits do not stop root, so the
        # folder would be writable after all. A file standing where the folder should be is
        # refused by the OS for root too, and reaches the same code path (creating the file).
        probe.unlink()
        folder.chmod(0o700)
        blocker = tmp_path / "geen-map"
        blocker.write_bytes(b"")
        return blocker / f"kluis{BACKUP_SUFFIX}"
    if kind == "missing folder":
        return tmp_path / "bestaat-niet"
    if kind == "file in place of the folder":
        blocker = tmp_path / "E-schijf"
        blocker.write_bytes(b"geen map")
        return blocker
    assert kind == "file name in a missing folder"
    return tmp_path / "bestaat-niet" / f"kluis{BACKUP_SUFFIX}"


@pytest.mark.parametrize(
    "kind",
    [
        "read-only folder",
        "missing folder",
        "file in place of the folder",
        "file name in a missing folder",
    ],
)
def test_a_target_that_cannot_be_written_is_a_write_error(
    kind: str, vault: Vault, journal: Journal, tmp_path: Path, system_temp: Path
) -> None:
    target = _unwritable(kind, tmp_path)
    before = {path: path.stat().st_mode for path in tmp_path.rglob("*")}
    try:
        with pytest.raises(BackupWriteError):
            make_backup(vault, target, chunk_size=SMALL_CHUNK, now=MOMENT)
        assert not [path for path in tmp_path.rglob(f"*{BACKUP_SUFFIX}*")]
        assert not [path for path in tmp_path.rglob("*.partial-*")]
        assert set(before) == set(tmp_path.rglob("*"))  # nothing new anywhere
        assert listing(system_temp) == []
        assert vault.check() == []
        assert journal.setting("last_backup_file") is None
    finally:
        for path in tmp_path.iterdir():
            if path.is_dir():
                path.chmod(0o700)


# -- rotation -----------------------------------------------------------------------------------


def test_rotation_keeps_the_newest_and_nothing_else_of_ours(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    unrelated = [stick / "boodschappen.txt", stick / "vpnotebook-handleiding.pdf"]
    for path in unrelated:
        path.write_bytes(b"niet van ons")
    moments = [MOMENT + timedelta(days=7 * week) for week in range(5)]
    removed: list[str] = []
    for week, moment in enumerate(moments):
        journal.add(Organisation(name=f"Organisatie week {week}"))
        info = make_backup(vault, stick, keep=3, chunk_size=SMALL_CHUNK, now=moment)
        removed += [path.name for path in info.removed_old]
        assert len(list_backups(stick)) == min(week + 1, 3)

    newest = [backup_name(moment) for moment in moments[2:]]
    assert [path.name for path in list_backups(stick)] == newest
    assert removed == [backup_name(moment) for moment in moments[:2]]
    assert all(path.read_bytes() == b"niet van ons" for path in unrelated)
    for name in newest:
        verify_backup(stick / name, passphrase=PASSPHRASE)


def test_rotation_keeps_the_newest_even_when_two_backups_share_a_minute(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    # A VP makes a backup, adds a note, and makes another within the same minute.
    morning = datetime(2026, 3, 4, 9, 15, 10)
    first = make_backup(vault, stick, keep=2, chunk_size=SMALL_CHUNK, now=morning)
    journal.add(Organisation(name="Toegevoegd tussen twee backups"))
    second = make_backup(
        vault, stick, keep=2, chunk_size=SMALL_CHUNK, now=morning + timedelta(seconds=40)
    )
    assert first.path != second.path
    third = make_backup(
        vault, stick, keep=2, chunk_size=SMALL_CHUNK, now=morning + timedelta(days=1)
    )
    # Keep 2: the newest two are the second and the third; the first, oldest, goes.
    remaining = {path.name for path in list_backups(stick)}
    assert remaining == {second.path.name, third.path.name}, (
        f"rotation removed {[p.name for p in third.removed_old]}, the newer of the two "
        "backups made in the same minute"
    )


def test_a_failing_write_rotates_nothing_away(
    vault: Vault, journal: Journal, stick: Path, system_temp: Path
) -> None:
    for day in range(3):
        make_backup(vault, stick, keep=3, chunk_size=SMALL_CHUNK, now=MOMENT + timedelta(days=day))
    before = {path.name: path.read_bytes() for path in list_backups(stick)}
    assert len(before) == 3

    def full_stick(path: Path) -> BinaryIO:
        return FailDevice(path, 50_000)  # type: ignore[return-value]

    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            stick,
            keep=3,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=9),
            open_sink=full_stick,
        )
    assert {path.name: path.read_bytes() for path in list_backups(stick)} == before
    assert listing(stick) == sorted(before)

    def lying_stick(path: Path) -> BinaryIO:
        return LyingDevice(path, 50_000)  # type: ignore[return-value]

    # Written in full, but it fails its read-back: still nothing rotated away.
    with pytest.raises(BackupWriteError):
        make_backup(
            vault,
            stick,
            keep=3,
            chunk_size=SMALL_CHUNK,
            now=MOMENT + timedelta(days=9),
            open_sink=lying_stick,
        )
    assert {path.name: path.read_bytes() for path in list_backups(stick)} == before
    assert listing(stick) == sorted(before)
    assert listing(system_temp) == []


def test_stale_partial_files_are_removed_by_the_next_backup(vault: Vault, stick: Path) -> None:
    def full_stick(path: Path) -> BinaryIO:
        return FailDevice(path, 10_000)  # type: ignore[return-value]

    # What a killed backup leaves: a hidden partial file under the name of a backup.
    stale = stick / f".{backup_name(MOMENT)}.partial-0badc0de"
    stale.write_bytes(b"\x00" * 10_000)
    with pytest.raises(BackupWriteError):
        make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT, open_sink=full_stick)
    assert listing(stick) == []
    info = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    assert listing(stick) == [info.path.name]


# -- no plaintext anywhere ----------------------------------------------------------------------


def test_no_case_text_in_the_backup_on_the_stick_or_in_temp_files(
    vault_and_code: tuple[Vault, str], stick: Path, tmp_path: Path, system_temp: Path
) -> None:
    vault, code = vault_and_code
    journal = Journal(vault.db)
    fill(journal)
    # Proof that the markers really are stored in this vault, readable through the journal.
    stored = [org.name for org in journal.find(Organisation)]
    stored += [reporter.name for reporter in journal.find(Reporter, order="case_id")]
    stored += [talk.notes for talk in journal.find(Conversation)]
    for marker in MARKERS.values():
        assert any(marker in text for text in stored)

    info = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    verify_backup(info.path, recovery_code=code)
    restore_backup(info.path, tmp_path / "hersteld", passphrase=PASSPHRASE)

    assert plaintext_in(info.path) == []
    assert plaintext_in(stick, system_temp, tmp_path / "hersteld") == []
    assert listing(system_temp) == []
    # Not even the names of the tables or the manifest are readable: only the public header is.
    data = info.path.read_bytes()
    assert b"record_counts" not in data and b"conversations" not in data
    assert PAYLOAD_MAGIC not in data


# -- restoring over something -----------------------------------------------------------------


@pytest.fixture
def made(vault: Vault, journal: Journal, stick: Path) -> Path:
    journal.add(Organisation(name="Stichting uit de backup"))
    path = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT).path
    vault.close()
    return path


def test_restore_into_a_folder_that_is_not_empty_is_refused(
    made: Path, restore_parent: Path
) -> None:
    target = restore_parent / "documenten"
    target.mkdir()
    (target / "brief.txt").write_text("niet weggooien", encoding="utf-8")
    for replace in (False, True):  # replacing is only ever for a vault
        with pytest.raises(RestoreTargetError) as caught:
            restore_backup(made, target, passphrase=PASSPHRASE, replace=replace)
        assert caught.value.exit_code == EXIT_FAILURE
        assert listing(restore_parent) == ["documenten"]
        assert listing(target) == ["brief.txt"]


def test_restore_into_an_existing_empty_folder_works(made: Path, restore_parent: Path) -> None:
    target = restore_parent / "lege-map"
    target.mkdir()
    restore_backup(made, target, passphrase=PASSPHRASE)
    assert listing(restore_parent) == ["lege-map"]
    with Vault.open(target, passphrase=PASSPHRASE) as restored:
        assert [org.name for org in Journal(restored.db).find(Organisation)] == [
            "Stichting uit de backup"
        ]


def test_restore_onto_a_file_instead_of_a_folder_is_refused_as_a_target_error(
    made: Path, restore_parent: Path
) -> None:
    # `--vault notities.txt`: the chosen place is not a folder at all.
    target = restore_parent / "notities.txt"
    target.write_text("niet overschrijven", encoding="utf-8")
    for replace in (False, True):
        with pytest.raises(RestoreTargetError):
            restore_backup(made, target, passphrase=PASSPHRASE, replace=replace)
        assert listing(restore_parent) == ["notities.txt"]
        assert target.read_text(encoding="utf-8") == "niet overschrijven"


@pytest.fixture
def occupied(restore_parent: Path) -> Path:
    """A different vault, with a different passphrase, where the backup is to go."""
    target = restore_parent / "kluis"
    vault, _ = Vault.create(target, OTHER_PASSPHRASE, kdf_params=TEST_PARAMS)
    with vault:
        Journal(vault.db).add(Organisation(name="Stichting van nu"))
    return target


def test_restore_over_a_vault_needs_replace_and_then_sets_the_old_one_aside(
    made: Path, occupied: Path, restore_parent: Path
) -> None:
    with pytest.raises(RestoreTargetError):
        restore_backup(made, occupied, passphrase=PASSPHRASE)
    assert listing(restore_parent) == ["kluis"]
    with Vault.open(occupied, passphrase=OTHER_PASSPHRASE) as untouched:
        assert untouched.check() == []

    moment = datetime(2026, 5, 6, 7, 8, 9)
    _, set_aside = restore_backup(made, occupied, passphrase=PASSPHRASE, replace=True, now=moment)
    assert set_aside == restore_parent / "kluis.voor-herstel-20260506T070809"
    assert listing(restore_parent) == ["kluis", "kluis.voor-herstel-20260506T070809"]
    with Vault.open(occupied, passphrase=PASSPHRASE) as restored:
        assert [o.name for o in Journal(restored.db).find(Organisation)] == [
            "Stichting uit de backup"
        ]
    # The vault that was there is kept whole and still opens with its own passphrase.
    with Vault.open(set_aside, passphrase=OTHER_PASSPHRASE) as old:
        assert old.check() == []
        assert [o.name for o in Journal(old.db).find(Organisation)] == ["Stichting van nu"]


def test_restore_with_replace_over_a_vault_that_is_open_is_refused(
    made: Path, occupied: Path, restore_parent: Path
) -> None:
    with Vault.open(occupied, passphrase=OTHER_PASSPHRASE) as in_use:
        with pytest.raises(VaultInUseError):
            restore_backup(made, occupied, passphrase=PASSPHRASE, replace=True)
        assert listing(restore_parent) == ["kluis"]
        # The open vault is not disturbed: it still reads and writes.
        journal = Journal(in_use.db)
        journal.add(Organisation(name="Nog steeds open"))
        assert journal.count(Organisation) == 2
        assert in_use.check() == []
