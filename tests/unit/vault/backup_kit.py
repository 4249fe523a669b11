"""What the backup tests share: a filled journal, ways to look at a backup file, and devices
that fail like a full, pulled, lying or decaying USB stick (real files on disk).

Loaded by conftest.py under the name `backup_kit` (the suite imports test modules with
`--import-mode=importlib`, so they cannot import a sibling module by its file name).
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

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
from vpnotebook.vault import container
from vpnotebook.vault.backup import (
    verify_backup,
)
from vpnotebook.vault.errors import (
    VaultDamagedError,
)
from vpnotebook.vault.restore import restore_backup
from vpnotebook.vault.vault import Vault

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
    journal.link_cases(cases[0].id, cases[2].id, "same_accused", "Zelfde teamleider")
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


def index_page(vault: Vault) -> int:
    """The root page of the largest index: one flipped bit there breaks only that index."""
    pages = {
        str(row[0]): int(row[1])
        for row in vault.db.query(
            "SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND rootpage > 0"
        )
    }
    assert pages, "the schema has indexes"
    return max(pages.values())


def flip_bit_in_page(database: Path, page: int, *, page_size: int = 4096) -> None:
    """Flip one bit in the middle of a page of the (encrypted) database file."""
    with database.open("r+b") as handle:
        offset = (page - 1) * page_size + page_size // 2
        handle.seek(offset)
        byte = handle.read(1)[0]
        handle.seek(offset)
        handle.write(bytes([byte ^ 0x10]))
        handle.flush()
        os.fsync(handle.fileno())


def damage_an_index_page(vault: Vault) -> None:
    """The issue's fault: one flipped bit in an index page of vault.db, on an open vault."""
    vault.db.checkpoint()
    flip_bit_in_page(vault.folder / "vault.db", index_page(vault))
