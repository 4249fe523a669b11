"""The backup container must open what it sealed and reject every kind of damage or tampering.

Most tests use a 64-byte chunk size so that a file of a few hundred bytes has several chunks and
can be damaged exhaustively (every truncation offset, every bit) in well under a second.
"""

from __future__ import annotations

import errno
import hashlib
import io
import itertools
import os
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, cast

import pytest
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpnotebook.vault.container import (
    CHUNK_SIZE,
    FORMAT_VERSION,
    MAC_SIZE,
    MAGIC,
    MAX_CHUNK_SIZE,
    MAX_PUBLIC_HEADER_SIZE,
    NONCE_SIZE,
    TAG_SIZE,
    ContainerError,
    ContainerFormatError,
    ContainerHeader,
    ContainerIntegrityError,
    ContainerVersionError,
    _chunks_per_batch,
    decrypt_container,
    read_public_header,
    seal_container,
    verify_container,
    write_container,
)

KEY = bytes(range(32))
OTHER_KEY = bytes(range(100, 132))
SMALL = 64
SEALED_SMALL = SMALL + TAG_SIZE
PUBLIC = b"keyslots+app-version"
MARKER = b"VERTROUWELIJK-meldster-Jansen"
# The fixed part of the header: magic, version, chunk size, public-header length.
FIXED_SIZE = len(MAGIC) + 1 + 4 + 4

# tmp_path is function-scoped; each example overwrites the same file, so sharing it is fine.
file_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def payload_of(size: int) -> bytes:
    # Varied bytes so that a swapped or repeated chunk would give visibly different plaintext.
    return bytes((i * 7 + i // 251) % 256 for i in range(size))


def seal(
    path: Path,
    payload: bytes,
    *,
    key: bytes = KEY,
    public_header: bytes = PUBLIC,
    chunk_size: int = SMALL,
) -> bytes:
    with path.open("wb") as dst:
        written = write_container(
            dst, io.BytesIO(payload), key, public_header, chunk_size=chunk_size
        )
    data = path.read_bytes()
    assert written == len(data)
    return data


def open_file(path: Path, key: bytes = KEY) -> bytes:
    out = io.BytesIO()
    with path.open("rb") as src:
        decrypt_container(src, out, key)
    return out.getvalue()


def verify_file(path: Path, key: bytes = KEY) -> int:
    with path.open("rb") as src:
        return verify_container(src, key)


def split(data: bytes, chunk_size: int = SMALL) -> tuple[bytes, list[bytes]]:
    header_length = read_public_header(io.BytesIO(data)).header_length
    body = data[header_length:]
    step = chunk_size + TAG_SIZE
    return data[:header_length], [body[i : i + step] for i in range(0, len(body), step)]


def assert_rejected(
    path: Path,
    data: bytes,
    expected: type[ContainerError] | tuple[type[ContainerError], ...] = ContainerIntegrityError,
    key: bytes = KEY,
) -> None:
    """Both readers must refuse `data` with `expected`; anything else fails the test."""
    path.write_bytes(data)
    with pytest.raises(expected) as excinfo:
        verify_file(path, key)
    assert MARKER.decode() not in str(excinfo.value)
    with pytest.raises(expected):
        open_file(path, key)


# An independent implementation of docs/formats/backup-container.md, used to craft files the
# writer would never produce (and to prove the spec describes what the code does).
def spec_keys(file_key: bytes, nonce: bytes) -> tuple[bytes, bytes]:
    def hkdf(info: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=info).derive(file_key)

    return (
        hkdf(b"vpnotebook backup-container v1 payload"),
        hkdf(b"vpnotebook backup-container v1 header-mac"),
    )


def spec_seal(
    chunks: list[tuple[bytes, bool]],
    *,
    key: bytes = KEY,
    nonce: bytes = b"\x42" * NONCE_SIZE,
    public_header: bytes = PUBLIC,
    chunk_size: int = SMALL,
    version: int = 1,
) -> bytes:
    payload_key, mac_key = spec_keys(key, nonce)
    header = (
        MAGIC
        + bytes([version])
        + struct.pack(">II", chunk_size, len(public_header))
        + public_header
        + nonce
    )
    signer = hmac.HMAC(mac_key, hashes.SHA256())
    signer.update(header)
    mac = signer.finalize()
    aead = ChaCha20Poly1305(payload_key)
    body = b"".join(
        aead.encrypt(counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00"), chunk, mac)
        for counter, (chunk, last) in enumerate(chunks)
    )
    return header + mac + body


def as_binary(stream: io.RawIOBase) -> BinaryIO:
    # Raw streams are what the module sees from real files opened unbuffered; typing's
    # BinaryIO just does not list io.RawIOBase as one.
    return cast(BinaryIO, stream)


class FailDevice(io.RawIOBase):
    """A medium that fills up after `capacity` bytes, like a USB stick with no space left."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        room = self.capacity - len(self.data)
        if room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken = bytes(b)[:room]
        self.data += taken
        return len(taken)


class Trickle(io.RawIOBase):
    """A source or sink that moves at most `step` bytes per call, as pipes and raw files may."""

    def __init__(self, data: bytes = b"", step: int = 7) -> None:
        self.src = io.BytesIO(data)
        self.step = step
        self.data = bytearray()

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        chunk = self.src.read(min(len(b), self.step))
        b[: len(chunk)] = chunk
        return len(chunk)

    def write(self, b: Any) -> int:
        taken = bytes(b)[: self.step]
        self.data += taken
        return len(taken)


class FailingSource(io.RawIOBase):
    """A source whose medium disappears after `good` bytes, like a stick pulled mid-read."""

    def __init__(self, data: bytes, good: int) -> None:
        self.src = io.BytesIO(data[:good])

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        chunk = self.src.read(len(b))
        if not chunk:
            raise OSError(errno.EIO, "Input/output error")
        b[: len(chunk)] = chunk
        return len(chunk)


# --- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size", [0, 1, SMALL - 1, SMALL, SMALL + 1, 2 * SMALL, 5 * SMALL, 5 * SMALL + 17]
)
def test_round_trip_small_chunks(tmp_path: Path, size: int) -> None:
    payload = payload_of(size)
    path = tmp_path / "backup.vpnbak"
    data = seal(path, payload)

    assert open_file(path) == payload
    assert verify_file(path) == size
    chunk_count = max(1, -(-size // SMALL))
    assert len(data) == FIXED_SIZE + len(PUBLIC) + NONCE_SIZE + MAC_SIZE + size + chunk_count * (
        TAG_SIZE
    )


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE + 5]
)
def test_round_trip_default_chunk_size(tmp_path: Path, size: int) -> None:
    payload = payload_of(size)
    path = tmp_path / "backup.vpnbak"
    with path.open("wb") as dst:
        write_container(dst, io.BytesIO(payload), KEY, PUBLIC)

    assert open_file(path) == payload
    with path.open("rb") as src:
        assert read_public_header(src).chunk_size == CHUNK_SIZE


@file_settings
@given(
    payload=st.binary(max_size=1500),
    chunk_size=st.integers(min_value=1, max_value=300),
    public_header=st.binary(max_size=200),
)
def test_round_trip_any_size(
    tmp_path: Path, payload: bytes, chunk_size: int, public_header: bytes
) -> None:
    path = tmp_path / "backup.vpnbak"
    seal(path, payload, public_header=public_header, chunk_size=chunk_size)

    assert open_file(path) == payload
    with path.open("rb") as src:
        header = read_public_header(src)
    assert header.public_header == public_header
    assert header.chunk_size == chunk_size


def test_streams_with_short_reads_and_writes() -> None:
    payload = payload_of(5 * SMALL + 3)
    sink = Trickle()
    write_container(as_binary(sink), as_binary(Trickle(payload)), KEY, PUBLIC, chunk_size=SMALL)

    out = Trickle()
    decrypt_container(as_binary(Trickle(bytes(sink.data))), as_binary(out), KEY)
    assert bytes(out.data) == payload


def test_same_payload_seals_differently_each_time(tmp_path: Path) -> None:
    # The random per-file nonce gives every backup its own keys, even under one file key.
    first = seal(tmp_path / "a", MARKER)
    second = seal(tmp_path / "b", MARKER)
    assert first != second
    assert split(first)[1] != split(second)[1]


def test_spec_implementation_opens_with_the_module(tmp_path: Path) -> None:
    # Guards the written spec: a file built from the document alone must open.
    payload = payload_of(2 * SMALL + 10)
    chunks = [(payload[:SMALL], False), (payload[SMALL : 2 * SMALL], False)]
    data = spec_seal([*chunks, (payload[2 * SMALL :], True)])
    path = tmp_path / "spec.vpnbak"
    path.write_bytes(data)
    assert open_file(path) == payload


# --- batches: the writer and reader move many chunks per call, the format stays per chunk ------

# The reader and writer handle up to 64 chunks per read or write (at most 1 MiB): with 64-byte
# chunks a batch is 4 KiB, so a few KiB of payload cross several batch boundaries.
BATCH = 64 * SMALL
GOLDEN_NONCE = b"\x42" * NONCE_SIZE
# SHA-256 of what the writer of commit 64f1414 (one chunk read, sealed and written at a time)
# produced for these inputs with GOLDEN_NONCE: the batched writer must produce the same bytes.
GOLDEN = {
    "64-byte chunks, three batches and a bit": (
        SMALL,
        3 * BATCH + 100,
        "f4d7355ee574ca2633e377fb1289875a732e5fe18da9f97b3c1305ad8a7ca550",
    ),
    "default chunks, two full batches and a half": (
        CHUNK_SIZE,
        5 * 1024 * 1024 // 2 + 17,
        "17a11bea63f78759e703d6d7f4434ff46733af853e316178e66be2804ee5fbb2",
    ),
}


def golden_payload(chunk_size: int, size: int) -> bytes:
    if chunk_size == SMALL:
        return payload_of(size)
    return hashlib.shake_256(b"vpnotebook golden").digest(size)  # payload_of is slow at MiBs


def test_the_batch_boundaries_of_these_tests_are_the_writers() -> None:
    assert _chunks_per_batch(SMALL) * SMALL == BATCH
    assert _chunks_per_batch(CHUNK_SIZE) * CHUNK_SIZE == 1024 * 1024


@pytest.mark.parametrize("case", list(GOLDEN))
def test_the_writer_produces_the_bytes_of_the_one_chunk_at_a_time_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    chunk_size, size, expected = GOLDEN[case]
    payload = golden_payload(chunk_size, size)
    # The nonce is the writer's only randomness; fixing it makes its output comparable.
    monkeypatch.setattr(os, "urandom", lambda count: GOLDEN_NONCE[:count])
    data = seal(tmp_path / "backup.vpnbak", payload, chunk_size=chunk_size)
    assert hashlib.sha256(data).hexdigest() == expected
    assert open_file(tmp_path / "backup.vpnbak") == payload


@pytest.mark.parametrize(
    "size",
    [
        BATCH - 1,
        BATCH,
        BATCH + 1,
        2 * BATCH - SMALL,
        2 * BATCH,
        2 * BATCH + SMALL + 3,
        3 * BATCH + 100,
    ],
)
def test_batch_boundaries_match_the_spec_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    payload = payload_of(size)
    monkeypatch.setattr(os, "urandom", lambda count: GOLDEN_NONCE[:count])
    data = seal(tmp_path / "backup.vpnbak", payload)
    pieces = [payload[i : i + SMALL] for i in range(0, size, SMALL)]
    chunks = [(piece, index == len(pieces) - 1) for index, piece in enumerate(pieces)]
    assert data == spec_seal(chunks, nonce=GOLDEN_NONCE)
    assert open_file(tmp_path / "backup.vpnbak") == payload
    assert verify_file(tmp_path / "backup.vpnbak") == size


@pytest.mark.parametrize("size", [0, 1, SMALL, BATCH, 3 * BATCH + 100])
def test_the_header_mac_names_the_file_that_was_sealed(tmp_path: Path, size: int) -> None:
    path = tmp_path / "backup.vpnbak"
    with path.open("wb") as dst:
        sealed = seal_container(dst, io.BytesIO(payload_of(size)), KEY, PUBLIC, chunk_size=SMALL)
    assert sealed.size == path.stat().st_size
    with path.open("rb", buffering=0) as src:
        assert verify_container(src, KEY, expected_header_mac=sealed.header_mac) == size

    # The same payload sealed again under the same key is a genuine container too, but not
    # the one written: a fresh nonce gives it another MAC (and another payload key).
    other = tmp_path / "again.vpnbak"
    with other.open("wb") as dst:
        again = seal_container(dst, io.BytesIO(payload_of(size)), KEY, PUBLIC, chunk_size=SMALL)
    assert again.header_mac != sealed.header_mac
    with other.open("rb") as src:
        assert verify_container(src, KEY) == size
    with other.open("rb") as src, pytest.raises(ContainerIntegrityError, match="different"):
        verify_container(src, KEY, expected_header_mac=sealed.header_mac)


def test_truncation_at_every_chunk_boundary_of_a_file_of_several_batches(tmp_path: Path) -> None:
    path = tmp_path / "backup.vpnbak"
    for size in (2 * BATCH + 3 * SMALL + 10, 2 * BATCH):  # a short and a full final chunk
        data = seal(path, payload_of(size))
        header, chunks = split(data)
        for kept in range(len(chunks)):
            assert_rejected(path, data[: len(header) + kept * SEALED_SMALL])


@pytest.mark.parametrize("first", [63, 64, 127])  # across the first and second batch boundary
def test_chunks_swapped_across_a_batch_boundary_are_rejected(tmp_path: Path, first: int) -> None:
    path = tmp_path / "backup.vpnbak"
    header, chunks = split(seal(path, payload_of(2 * BATCH + 5)))
    chunks[first], chunks[first + 1] = chunks[first + 1], chunks[first]
    assert_rejected(path, header + b"".join(chunks))


def seal_bytes(payload: bytes) -> bytes:
    out = io.BytesIO()
    write_container(out, io.BytesIO(payload), KEY, PUBLIC, chunk_size=SMALL)
    return out.getvalue()


# --- header ----------------------------------------------------------------------------------


def test_read_public_header_needs_no_key(tmp_path: Path) -> None:
    path = tmp_path / "backup.vpnbak"
    data = seal(path, payload_of(3 * SMALL))

    with path.open("rb") as src:
        header = read_public_header(src)
        assert src.tell() == header.header_length
    assert header == ContainerHeader(
        version=FORMAT_VERSION,
        chunk_size=SMALL,
        public_header=PUBLIC,
        nonce=data[FIXED_SIZE + len(PUBLIC) : FIXED_SIZE + len(PUBLIC) + NONCE_SIZE],
        mac=data[header.header_length - MAC_SIZE : header.header_length],
        header_length=FIXED_SIZE + len(PUBLIC) + NONCE_SIZE + MAC_SIZE,
    )
    with path.open("rb") as src:
        assert decrypt_container(src, io.BytesIO(), KEY) == header


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"VPN",
        b"PK\x03\x04 a zip file, not a backup",
        b"vpnbak" + bytes(80),
        b"SQLite format 3\x00",
    ],
)
def test_not_a_container(tmp_path: Path, data: bytes) -> None:
    assert_rejected(tmp_path / "x", data, ContainerFormatError)
    with pytest.raises(ContainerFormatError):
        read_public_header(io.BytesIO(data))


def test_newer_version_is_reported_as_such(tmp_path: Path) -> None:
    # The rest of a newer header may look like anything; the version alone decides.
    assert_rejected(tmp_path / "x", MAGIC + bytes([FORMAT_VERSION + 1]), ContainerVersionError)
    assert_rejected(tmp_path / "x", MAGIC + b"\xff" + b"garbage", ContainerVersionError)


def test_version_zero_is_malformed(tmp_path: Path) -> None:
    data = seal(tmp_path / "x", b"")
    assert_rejected(tmp_path / "x", MAGIC + b"\x00" + data[len(MAGIC) + 1 :], ContainerFormatError)


@pytest.mark.parametrize("chunk_size", [0, MAX_CHUNK_SIZE + 1, 0xFFFFFFFF])
def test_absurd_chunk_size_is_malformed(chunk_size: int) -> None:
    data = MAGIC + b"\x01" + struct.pack(">II", chunk_size, 0) + bytes(NONCE_SIZE + MAC_SIZE)
    with pytest.raises(ContainerFormatError):
        read_public_header(io.BytesIO(data))


@pytest.mark.parametrize("length", [MAX_PUBLIC_HEADER_SIZE + 1, 0xFFFFFFFF])
def test_absurd_public_header_length_is_malformed(length: int) -> None:
    # Rejected from the length field alone, before anything that size is read.
    data = MAGIC + b"\x01" + struct.pack(">II", SMALL, length)
    with pytest.raises(ContainerFormatError):
        read_public_header(io.BytesIO(data))


def test_largest_public_header_round_trips(tmp_path: Path) -> None:
    public = bytes(MAX_PUBLIC_HEADER_SIZE)
    path = tmp_path / "backup.vpnbak"
    seal(path, MARKER, public_header=public)
    assert open_file(path) == MARKER


def test_writer_rejects_caller_mistakes() -> None:
    with pytest.raises(ValueError):
        write_container(io.BytesIO(), io.BytesIO(), KEY[:16], PUBLIC)
    with pytest.raises(ValueError):
        write_container(io.BytesIO(), io.BytesIO(), KEY, bytes(MAX_PUBLIC_HEADER_SIZE + 1))
    for chunk_size in (0, -1, MAX_CHUNK_SIZE + 1):
        with pytest.raises(ValueError):
            write_container(io.BytesIO(), io.BytesIO(), KEY, PUBLIC, chunk_size=chunk_size)
    with pytest.raises(ValueError):
        verify_container(io.BytesIO(), KEY + b"\x00")


# --- truncation ------------------------------------------------------------------------------


def test_truncation_at_every_chunk_boundary(tmp_path: Path) -> None:
    path = tmp_path / "backup.vpnbak"
    # Both a short and a full final chunk: the full one is the case only the flag can catch.
    for size in (6 * SMALL + 10, 6 * SMALL):
        data = seal(path, payload_of(size))
        header, chunks = split(data)
        assert len(chunks) == (7 if size % SMALL else 6)
        for kept in range(len(chunks)):
            cut = data[: len(header) + kept * SEALED_SMALL]
            assert_rejected(path, cut, ContainerIntegrityError)


def test_truncation_at_every_offset(tmp_path: Path) -> None:
    path = tmp_path / "backup.vpnbak"
    data = seal(path, payload_of(4 * SMALL + 5))
    header_length = read_public_header(io.BytesIO(data)).header_length
    for offset in range(len(data)):
        # Inside the header it is a format problem; once the header is whole, an integrity one.
        expected = ContainerFormatError if offset < header_length else ContainerIntegrityError
        assert_rejected(path, data[:offset], expected)


@file_settings
@given(
    payload=st.binary(max_size=1000),
    chunk_size=st.integers(min_value=1, max_value=200),
    data=st.data(),
)
def test_truncation_at_random_offsets(
    tmp_path: Path, payload: bytes, chunk_size: int, data: st.DataObject
) -> None:
    path = tmp_path / "backup.vpnbak"
    sealed = seal(path, payload, chunk_size=chunk_size)
    offset = data.draw(st.integers(min_value=0, max_value=len(sealed) - 1))
    assert_rejected(path, sealed[:offset], (ContainerIntegrityError, ContainerFormatError))


def test_truncation_in_the_middle_writes_only_genuine_prefix(tmp_path: Path) -> None:
    # What reached dst before the error is a genuine prefix: the reason the caller may keep it in
    # memory until the call returns, and must then throw it away.
    path = tmp_path / "backup.vpnbak"
    payload = payload_of(4 * SMALL)
    data = seal(path, payload)
    path.write_bytes(data[: len(data) - SEALED_SMALL])
    out = io.BytesIO()
    with path.open("rb") as src, pytest.raises(ContainerIntegrityError, match="truncated"):
        decrypt_container(src, out, KEY)
    assert payload.startswith(out.getvalue())


# --- bit flips -------------------------------------------------------------------------------


def test_every_single_bit_flip_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "backup.vpnbak"
    data = seal(path, MARKER + payload_of(2 * SMALL), public_header=b"slots")
    assert len(split(data)[1]) == 3
    for index in range(len(data)):
        for bit in range(8):
            damaged = bytearray(data)
            damaged[index] ^= 1 << bit
            # Which subclass depends on the field hit (magic, version, lengths, MAC, chunks).
            assert_rejected(path, bytes(damaged), ContainerError)


@file_settings
@given(
    payload=st.binary(max_size=600),
    chunk_size=st.integers(min_value=1, max_value=100),
    data=st.data(),
)
def test_any_byte_change_is_detected(
    tmp_path: Path, payload: bytes, chunk_size: int, data: st.DataObject
) -> None:
    path = tmp_path / "backup.vpnbak"
    sealed = bytearray(seal(path, payload, chunk_size=chunk_size))
    index = data.draw(st.integers(min_value=0, max_value=len(sealed) - 1))
    sealed[index] ^= data.draw(st.integers(min_value=1, max_value=255))
    assert_rejected(path, bytes(sealed), ContainerError)


def test_tampered_header_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "backup.vpnbak"
    data = bytearray(seal(path, MARKER))
    data[FIXED_SIZE] ^= 0x20  # first byte of the public header
    path.write_bytes(bytes(data))
    out = io.BytesIO()
    with path.open("rb") as src, pytest.raises(ContainerIntegrityError):
        decrypt_container(src, out, KEY)
    assert out.getvalue() == b""


# --- reordering, splicing, extension ---------------------------------------------------------


def reorder_cases() -> dict[str, Callable[[list[bytes]], list[bytes]]]:
    return {
        "swap first two": lambda c: [c[1], c[0], *c[2:]],
        "swap middle two": lambda c: [c[0], c[2], c[1], *c[3:]],
        "swap last two": lambda c: [*c[:-2], c[-1], c[-2]],
        "repeat a chunk": lambda c: [c[0], c[1], c[1], *c[2:]],
        "repeat the first chunk at the end": lambda c: [*c, c[0]],
        "repeat the final chunk": lambda c: [*c, c[-1]],
        "drop the first chunk": lambda c: c[1:],
        "drop a middle chunk": lambda c: [c[0], *c[2:]],
        "drop the final chunk": lambda c: c[:-1],
        "final chunk moved first": lambda c: [c[-1], *c[:-1]],
        "reverse": lambda c: c[::-1],
    }


@pytest.mark.parametrize("case", list(reorder_cases()))
@pytest.mark.parametrize("final_is_full", [False, True])
def test_reordered_chunks_are_rejected(tmp_path: Path, case: str, final_is_full: bool) -> None:
    path = tmp_path / "backup.vpnbak"
    size = 4 * SMALL if final_is_full else 4 * SMALL + 9
    header, chunks = split(seal(path, payload_of(size)))
    assert_rejected(path, header + b"".join(reorder_cases()[case](chunks)))


@pytest.mark.parametrize(
    "garbage", [b"\x00", b"x" * TAG_SIZE, b"y" * SEALED_SMALL, b"z" * (SEALED_SMALL + 1)]
)
def test_appended_data_is_rejected(tmp_path: Path, garbage: bytes) -> None:
    path = tmp_path / "backup.vpnbak"
    for size in (3 * SMALL, 3 * SMALL + 1, 0):
        data = seal(path, payload_of(size))
        assert_rejected(path, data + garbage)


def test_appended_data_after_full_final_chunk_is_named(tmp_path: Path) -> None:
    path = tmp_path / "backup.vpnbak"
    data = seal(path, payload_of(2 * SMALL))
    path.write_bytes(data + b"extra")
    with path.open("rb") as src, pytest.raises(ContainerIntegrityError, match="after the final"):
        verify_container(src, KEY)


@pytest.mark.parametrize("other_key", [KEY, OTHER_KEY])
def test_header_from_another_backup_is_rejected(tmp_path: Path, other_key: bytes) -> None:
    path = tmp_path / "backup.vpnbak"
    _, chunks = split(seal(path, payload_of(3 * SMALL + 3)))
    other_header, _ = split(seal(tmp_path / "other", payload_of(3 * SMALL + 3), key=other_key))
    assert_rejected(path, other_header + b"".join(chunks))


@pytest.mark.parametrize("position", [0, 1, 3])
def test_chunk_from_another_backup_is_rejected(tmp_path: Path, position: int) -> None:
    path = tmp_path / "backup.vpnbak"
    # Same key, same chunk size, same length: only the file they belong to differs.
    header, chunks = split(seal(path, payload_of(3 * SMALL + 3)))
    _, foreign = split(seal(tmp_path / "other", payload_of(3 * SMALL + 3)))
    chunks[position] = foreign[position]
    assert_rejected(path, header + b"".join(chunks))


def test_chunks_are_bound_to_the_header_mac(tmp_path: Path) -> None:
    # Two files with the same key AND the same nonce share the payload key; only the header MAC
    # as associated data tells their chunks apart. (The writer never reuses a nonce; this
    # isolates the binding.)
    path = tmp_path / "backup.vpnbak"
    mine = spec_seal([(MARKER, True)], public_header=b"mine")
    theirs = spec_seal([(b"swapped-in text", True)], public_header=b"theirs")
    header, _ = split(mine)
    _, their_chunks = split(theirs)
    assert_rejected(path, header + b"".join(their_chunks))


def test_empty_final_chunk_after_data_is_rejected(tmp_path: Path) -> None:
    # The writer never ends a non-empty payload with an empty chunk; as in age, a key holder
    # crafting one must still be refused.
    data = spec_seal([(payload_of(SMALL), False), (b"", True)])
    assert_rejected(tmp_path / "x", data)


def test_final_flag_in_the_middle_is_rejected(tmp_path: Path) -> None:
    data = spec_seal([(payload_of(SMALL), True), (payload_of(SMALL)[:5], True)])
    assert_rejected(tmp_path / "x", data)


def test_short_chunk_before_the_end_is_rejected(tmp_path: Path) -> None:
    data = spec_seal([(b"short", False), (b"more", True)])
    assert_rejected(tmp_path / "x", data)


def test_header_without_any_chunk_is_rejected(tmp_path: Path) -> None:
    header, _ = split(seal(tmp_path / "x", b""))
    assert_rejected(tmp_path / "x", header, ContainerIntegrityError)


# --- keys and secrecy ------------------------------------------------------------------------


def test_wrong_key_is_an_integrity_error_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "backup.vpnbak"
    seal(path, MARKER)
    assert_rejected(path, path.read_bytes(), ContainerIntegrityError, key=OTHER_KEY)
    out = io.BytesIO()
    with path.open("rb") as src, pytest.raises(ContainerIntegrityError):
        decrypt_container(src, out, OTHER_KEY)
    assert out.getvalue() == b""


def test_plaintext_never_appears_in_the_container(tmp_path: Path) -> None:
    payload = b"".join(MARKER + bytes([i]) for i in range(200))
    for chunk_size in (SMALL, CHUNK_SIZE):
        data = seal(tmp_path / "backup.vpnbak", payload, chunk_size=chunk_size)
        assert MARKER not in data
        assert MARKER[:12] not in data
        assert data.count(PUBLIC) == 1  # the public header is, by design, readable


# --- progress and OS errors ------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, SMALL, 3 * SMALL + 7])
def test_progress_rises_to_the_payload_size(tmp_path: Path, size: int) -> None:
    path = tmp_path / "backup.vpnbak"
    payload = payload_of(size)
    seen: dict[str, list[int]] = {"write": [], "decrypt": [], "verify": []}

    with path.open("wb") as dst:
        write_container(
            dst, io.BytesIO(payload), KEY, PUBLIC, chunk_size=SMALL, progress=seen["write"].append
        )
    with path.open("rb") as src:
        decrypt_container(src, io.BytesIO(), KEY, progress=seen["decrypt"].append)
    with path.open("rb") as src:
        verify_container(src, KEY, progress=seen["verify"].append)

    for values in seen.values():
        assert values[-1] == size
        assert all(a < b for a, b in itertools.pairwise(values))
        assert len(values) == max(1, -(-size // SMALL))


@pytest.mark.parametrize("capacity", [0, 10, 200, 300])
def test_disk_full_propagates_as_oserror(capacity: int) -> None:
    device = FailDevice(capacity)
    with pytest.raises(OSError) as excinfo:
        write_container(
            as_binary(device), io.BytesIO(payload_of(5 * SMALL)), KEY, PUBLIC, chunk_size=SMALL
        )
    assert excinfo.value.errno == errno.ENOSPC
    assert not isinstance(excinfo.value, ContainerError)
    # What did land is a partial container that no reader accepts.
    with pytest.raises((ContainerFormatError, ContainerIntegrityError)):
        verify_container(io.BytesIO(bytes(device.data)), KEY)


def test_read_error_propagates_as_oserror() -> None:
    sealed = io.BytesIO()
    write_container(sealed, io.BytesIO(payload_of(5 * SMALL)), KEY, PUBLIC, chunk_size=SMALL)
    for good in (5, 200):
        source = FailingSource(sealed.getvalue(), good)
        with pytest.raises(OSError) as excinfo:
            verify_container(as_binary(source), KEY)
        assert excinfo.value.errno == errno.EIO
    with pytest.raises(OSError) as excinfo:
        write_container(io.BytesIO(), as_binary(FailingSource(b"abc", 3)), KEY, PUBLIC)
    assert excinfo.value.errno == errno.EIO
