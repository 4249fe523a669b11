"""A backup brings back exactly what the vault held (docs/formats/backup.md): every record,
setting and search hit, with the passphrase or the recovery code; from an older schema and an
older format version; in any chunking; and with not one byte of case text outside the vault.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import struct
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from backup_kit import (  # tests/unit/vault/backup_kit.py, loaded by conftest.py
    MARKERS,
    MOMENT,
    PASSPHRASE,
    SMALL_CHUNK,
    entities,
    fill,
    hits,
    listing,
    plaintext_in,
    raw_rows,
    settings_of,
)
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.hmac import HMAC
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Case,
    Conversation,
    Organisation,
    Reporter,
)
from vpnotebook.core.search import search
from vpnotebook.vault import container
from vpnotebook.vault.backup import (
    BACKUP_SUFFIX,
    PAYLOAD_MAGIC,
    backup_file_key,
    make_backup,
    read_header,
    table_counts,
    verify_backup,
)
from vpnotebook.vault.backup_files import recorded_time
from vpnotebook.vault.backup_format import PayloadSplitter
from vpnotebook.vault.errors import (
    BackupDamagedError,
)
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.paths import PRE_MIGRATION_DIR
from vpnotebook.vault.restore import restore_backup
from vpnotebook.vault.schema import LATEST_VERSION
from vpnotebook.vault.vault import Vault

from .old_schema import fill_schema_1

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
    # A number, no date: the time of writing is inside the encrypted file only.
    assert info.path == stick / "vpnotebook-0001.vpbackup"
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
        assert restored_info.moment == MOMENT.astimezone()
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
        # Written as the program of schema 1 wrote it (today's Journal knows newer columns).
        fill_schema_1(old.db, "kraanvogel")
        before = raw_rows(old)
        old_cases = [tuple(row) for row in old.db.query("SELECT * FROM cases ORDER BY id")]
        info = make_backup(old, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    assert info.schema_version == 1
    assert verify_backup(info.path, passphrase=PASSPHRASE).schema_version == 1

    target = restore_parent / "kluis"
    restored_info, _ = restore_backup(info.path, target, passphrase=PASSPHRASE)
    assert restored_info.schema_version == 1  # what the backup held
    with Vault.open(target, passphrase=PASSPHRASE) as restored:
        assert restored.db.user_version == LATEST_VERSION
        assert restored.check() == []
        after = raw_rows(restored)
        for table in ("organisations", "case_categories", "reporters", "conversations"):
            assert after[table] == before[table], table
        # Every case as it was; the columns later schemas added come after the old ones.
        cases = [tuple(row) for row in restored.db.query("SELECT * FROM cases ORDER BY id")]
        assert [case[: len(old_cases[0])] for case in cases] == old_cases
        # The migrations built the search index over the restored text.
        hits = search(restored.db, "kraanvogel")
        assert hits and {hit.case_id for hit in hits} == {old_cases[0][0]}
    # The migration kept its encrypted copy of the schema-1 database, as any upgrade does.
    assert list((target / PRE_MIGRATION_DIR).glob("vault-schema1-*.db"))


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


GOLDEN = Path(__file__).with_name("golden")


@pytest.mark.parametrize("secret", ["passphrase", "recovery_code"])
def test_a_version_1_backup_still_verifies_and_restores(
    secret: str, restore_parent: Path, tmp_path: Path
) -> None:
    """A file written by the version-1 writer (time and app version in the plaintext header),
    kept in the repository as it was written: every later reader must still open it."""
    expected = json.loads((GOLDEN / "backup-v1.json").read_text(encoding="utf-8"))
    path = tmp_path / "vpnotebook-2026-03-04T1030.vpbackup"
    shutil.copyfile(GOLDEN / "backup-v1.vpbackup", path)
    document, _ = read_header(path)
    assert (document["version"], document["created_at"]) == (1, expected["created_at"])

    info = verify_backup(path, **{secret: expected[secret]})
    assert info.record_counts == expected["record_counts"]
    assert info.moment == datetime.fromisoformat(expected["created_at"]).astimezone()
    assert (info.vault_id, info.schema_version) == (expected["vault_id"], 4)

    target = restore_parent / "kluis"
    restore_backup(path, target, **{secret: expected[secret]})
    with Vault.open(target, passphrase=expected["passphrase"]) as restored:
        assert restored.check() == []
        assert restored.db.user_version == LATEST_VERSION  # migrated on opening
        journal = Journal(restored.db)
        (org,) = journal.find(Organisation)
        (case,) = journal.find(Case)
        (reporter,) = journal.find(Reporter, order="case_id")
        (talk,) = journal.find(Conversation)
        assert (org.name, case.title) == (expected["organisation"], expected["case_title"])
        assert (reporter.name, talk.story) == (expected["reporter"], expected["story"])
    # Rotation reads a version-1 file's time too, from its encrypted manifest.
    with Vault.open(target, passphrase=expected["passphrase"]) as restored:
        moment = recorded_time(path, backup_file_key(restored.data_key))
    assert moment == datetime.fromisoformat(expected["created_at"]).astimezone()


def test_a_version_2_header_shows_no_time_and_no_app_version(
    vault: Vault, journal: Journal, stick: Path
) -> None:
    fill(journal)
    info = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    document, _ = read_header(info.path)
    assert sorted(document) == ["format", "keyslots", "version"]
    assert document["version"] == 2
    raw = info.path.read_bytes()[:4000]
    for leak in (b"2026", b"created_at", b"app_version", b"10:30", b"09:30"):
        assert leak not in raw
    assert info.path.name == "vpnotebook-0001.vpbackup"
    # The time is in the encrypted manifest, in UTC.
    assert info.created_at == MOMENT.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
