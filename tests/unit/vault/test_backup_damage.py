"""Every kind of damage to a backup file is refused as damage — never as a wrong passphrase,
never half-restored — and leaves nothing behind; a wrong secret, a wrong file and a newer
file each get their own answer.

Backups here use 4 KiB chunks, so a vault of a few hundred KiB is sealed in dozens of chunks
and can be cut and flipped at every chunk boundary.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
import struct
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from backup_kit import (  # tests/unit/vault/backup_kit.py, loaded by conftest.py
    MOMENT,
    OTHER_PASSPHRASE,
    PASSPHRASE,
    SMALL_CHUNK,
    Judge,
    Layout,
)

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Organisation,
)
from vpnotebook.vault import container, recovery
from vpnotebook.vault.backup import (
    DIGEST_SIZE,
    PAYLOAD_MAGIC,
    backup_file_key,
    list_backups,
    make_backup,
    verify_backup,
)
from vpnotebook.vault.errors import (
    EXIT_FAILURE,
    BackupDamagedError,
    BackupTooNewError,
    InvalidRecoveryCodeError,
    NotABackupError,
    VaultDamagedError,
    WrongSecretError,
)
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.schema import LATEST_VERSION
from vpnotebook.vault.vault import Vault

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
