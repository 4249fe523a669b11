"""Authenticated-encryption container for the backup file on the USB stick.

The layout is specified byte by byte in docs/formats/backup-container.md. In short:

    header  = MAGIC || version || chunk_size || len(public) || public || nonce || header_mac
    payload = chunk_0 || chunk_1 || ... || chunk_n     (each chunk sealed with ChaCha20-Poly1305)

The payload is cut into chunks and sealed with the STREAM construction exactly as age
(age-encryption.org/v1) does it: each chunk's nonce is its 11-byte big-endian counter followed by
a flag byte that is 0x01 only on the final chunk. The counter makes swapped, repeated and dropped
chunks fail; the flag makes a file cut off at a chunk boundary fail, because its new last chunk
was sealed as "not last". The header is authenticated with HMAC-SHA256 before any chunk is
opened, and its MAC is the associated data of every chunk, so neither a header nor a chunk can be
spliced in from another backup file.

Only `cryptography`'s primitives are used; nothing here is a home-made cipher or MAC.

This module knows nothing about key slots, the vault or Qt: the caller supplies the 32-byte file
key and an opaque public header (typically the wrapped key slots and the app version), and maps
the exceptions below to Dutch messages. OS errors (disk full, stick pulled) are never caught
here; they reach the caller as the original `OSError`.
"""

from __future__ import annotations

import errno
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from hmac import compare_digest
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "CHUNK_SIZE",
    "FILE_KEY_SIZE",
    "FORMAT_VERSION",
    "MAC_SIZE",
    "MAGIC",
    "MAX_CHUNK_SIZE",
    "MAX_PUBLIC_HEADER_SIZE",
    "NONCE_SIZE",
    "TAG_SIZE",
    "ContainerError",
    "ContainerFormatError",
    "ContainerHeader",
    "ContainerIntegrityError",
    "ContainerVersionError",
    "SealedContainer",
    "decrypt_container",
    "iter_chunks",
    "read_public_header",
    "seal_container",
    "verify_container",
    "write_container",
]

MAGIC = b"VPNBAK"
FORMAT_VERSION = 1
CHUNK_SIZE = 64 * 1024
# The reader holds a few chunks at a time, so the header may not ask for more than this.
MAX_CHUNK_SIZE = 16 * 1024 * 1024
# Key slots plus an app version are a few hundred bytes; anything near this cap is not ours.
MAX_PUBLIC_HEADER_SIZE = 1024 * 1024
FILE_KEY_SIZE = 32
NONCE_SIZE = 32
MAC_SIZE = 32
TAG_SIZE = 16

# magic, version, chunk size, public header length
_FIXED = struct.Struct(">6sBII")
_COUNTER_SIZE = 11
_MAX_COUNTER = (1 << (8 * _COUNTER_SIZE)) - 1
_LAST_CHUNK = b"\x01"
_NOT_LAST_CHUNK = b"\x00"
# Distinct labels so that the payload key and the header-MAC key are independent even though both
# come from the same file key and salt; the version in the label keeps a future format's keys
# apart from these.
_INFO_PAYLOAD = b"vpnotebook backup-container v1 payload"
_INFO_HEADER_MAC = b"vpnotebook backup-container v1 header-mac"

# Reads and writes move up to this much per system call, through buffers that are reused: for
# a 183 MiB vault about 190 calls each way instead of 3,000, which slow or remote media notice
# more than a local disk does (there the time is in the cipher and the copies). The
# cap on chunks per batch keeps buffers small for tiny chunk sizes (and gives the tests, which
# use those, many batch boundaries).
_BATCH_BYTES = 1024 * 1024
_MAX_CHUNKS_PER_BATCH = 64

ProgressCallback = Callable[[int], None]


class ContainerError(Exception):
    """Base of every container failure. Messages are English and never carry content."""


class ContainerFormatError(ContainerError):
    """Not a backup container, or its header is cut off or impossible."""


class ContainerVersionError(ContainerError):
    """Made by a newer vpnotebook with a format version this one does not know."""


class ContainerIntegrityError(ContainerError):
    """Wrong key, or the file was damaged, cut off, extended or tampered with."""


@dataclass(frozen=True)
class ContainerHeader:
    """The parsed header. From `read_public_header` alone it is not yet authenticated."""

    version: int
    public_header: bytes
    chunk_size: int
    nonce: bytes
    mac: bytes
    # Byte offset of the first chunk, i.e. the whole header's length including the MAC.
    header_length: int


@dataclass(frozen=True)
class SealedContainer:
    """What `seal_container` wrote: its size, and its header MAC, which names this file.

    The MAC covers the header's fresh random nonce, from which this file's payload key is
    derived: a reader that finds this MAC and opens every chunk has read exactly this file.
    """

    size: int
    header_mac: bytes


def write_container(
    dst: BinaryIO,
    src: BinaryIO,
    file_key: bytes,
    public_header: bytes,
    *,
    chunk_size: int = CHUNK_SIZE,
    progress: ProgressCallback | None = None,
) -> int:
    """`seal_container`, returning only the number of bytes written."""
    return seal_container(
        dst, src, file_key, public_header, chunk_size=chunk_size, progress=progress
    ).size


def seal_container(
    dst: BinaryIO,
    src: BinaryIO,
    file_key: bytes,
    public_header: bytes,
    *,
    chunk_size: int = CHUNK_SIZE,
    progress: ProgressCallback | None = None,
) -> SealedContainer:
    """Seal everything `src` yields into `dst`.

    `src` is read incrementally, so memory stays at a few batches of chunks (about 3 MiB with
    the default chunk size) whatever the payload size. `progress`, if given, is called after
    each chunk with the plaintext bytes sealed so far; the last call carries the payload size
    (0 for an empty payload).

    Raises ValueError for a bad key length, chunk size or oversized public header (caller bugs).
    An OSError from `src` or `dst` propagates unchanged; `dst` then holds a partial container
    that any reader rejects as truncated.
    """
    _check_key(file_key)
    if not 1 <= chunk_size <= MAX_CHUNK_SIZE:
        raise ValueError(f"chunk_size must be between 1 and {MAX_CHUNK_SIZE}")
    if len(public_header) > MAX_PUBLIC_HEADER_SIZE:
        raise ValueError(f"public header is longer than {MAX_PUBLIC_HEADER_SIZE} bytes")

    nonce = os.urandom(NONCE_SIZE)
    payload_key, mac_key = _derive_keys(file_key, nonce)
    authenticated = _encode_header(FORMAT_VERSION, chunk_size, bytes(public_header), nonce)
    mac = _header_mac(mac_key, authenticated)
    written = _write_all(dst, authenticated + mac)

    aead = ChaCha20Poly1305(payload_key)
    per_batch = _chunks_per_batch(chunk_size)
    # Sealed chunks are copied into one reused buffer and written with one call per batch;
    # joining them into a fresh 1 MiB object per batch instead doubled the time of a write
    # (every new allocation of that size is fresh pages from the system).
    sealed_buffer = memoryview(bytearray(per_batch * (chunk_size + TAG_SIZE)))
    sealed_total = 0
    counter = 0
    for batch, last_batch in _batches(src, per_batch * chunk_size):
        filled = 0
        count = max(1, -(-len(batch) // chunk_size))  # an empty payload is one empty chunk
        for index in range(count):
            plaintext = batch[index * chunk_size : (index + 1) * chunk_size]
            last = last_batch and index == count - 1
            sealed = aead.encrypt(_chunk_nonce(counter, last), plaintext, mac)
            sealed_buffer[filled : filled + len(sealed)] = sealed
            filled += len(sealed)
            sealed_total += len(plaintext)
            counter += 1
            if progress is not None:
                progress(sealed_total)
        written += _write_all(dst, sealed_buffer[:filled])
    return SealedContainer(written, mac)


def read_public_header(src: BinaryIO) -> ContainerHeader:
    """Parse the header at the current position of `src` without any key.

    This is how the caller gets at the key-slot data it needs to derive `file_key`. Nothing
    returned here is authenticated yet: `decrypt_container` / `verify_container` check the MAC.
    On return `src` is positioned at the first chunk.

    Raises ContainerFormatError for a wrong magic, a cut-off header or out-of-range lengths, and
    ContainerVersionError for a format version newer than this code knows.
    """
    fixed = _read_up_to(src, _FIXED.size)
    # Check the magic on whatever arrived, so that a short non-container file gets the
    # "not a backup" message rather than "cut off".
    if fixed[: len(MAGIC)] != MAGIC[: len(fixed)] or not fixed:
        raise ContainerFormatError("not a vpnotebook backup container")
    if len(fixed) < len(MAGIC) + 1:
        raise ContainerFormatError("container header is truncated")
    version = fixed[len(MAGIC)]
    # The version is judged before anything after it is parsed: a newer format may lay out the
    # rest of its header differently.
    if version > FORMAT_VERSION:
        raise ContainerVersionError(f"container format version {version} is not supported")
    if version < 1:
        raise ContainerFormatError("container format version 0 is invalid")
    if len(fixed) < _FIXED.size:
        raise ContainerFormatError("container header is truncated")
    _, _, chunk_size, public_length = _FIXED.unpack(fixed)
    if not 1 <= chunk_size <= MAX_CHUNK_SIZE:
        raise ContainerFormatError("container chunk size is out of range")
    if public_length > MAX_PUBLIC_HEADER_SIZE:
        raise ContainerFormatError("container public header is too long")

    rest_length = public_length + NONCE_SIZE + MAC_SIZE
    rest = _read_up_to(src, rest_length)
    if len(rest) < rest_length:
        raise ContainerFormatError("container header is truncated")
    public_header = rest[:public_length]
    nonce = rest[public_length : public_length + NONCE_SIZE]
    mac = rest[public_length + NONCE_SIZE :]
    return ContainerHeader(
        version=version,
        chunk_size=chunk_size,
        public_header=public_header,
        nonce=nonce,
        mac=mac,
        header_length=_FIXED.size + rest_length,
    )


def decrypt_container(
    src: BinaryIO,
    dst: BinaryIO,
    file_key: bytes,
    *,
    progress: ProgressCallback | None = None,
) -> ContainerHeader:
    """Verify and decrypt the container at the current position of `src` into `dst`.

    WARNING: plaintext reaches `dst` one authenticated chunk at a time, before the end of the
    file has been seen. Each chunk written is genuine, but until this function returns normally
    the plaintext may be incomplete (a cut-off or extended file is only detected at the end).
    Treat `dst` as untrusted until then, and on any exception discard it. `dst` must never be a
    plaintext file on disk: decrypt into memory or into an already-encrypted destination.

    The header MAC is checked before a single byte is written, so a wrong key or a tampered
    header leaves `dst` untouched.

    Raises ContainerFormatError / ContainerVersionError as `read_public_header` does and
    ContainerIntegrityError for a wrong key or any damage, truncation, reordering or trailing
    data. OSError from `src` or `dst` propagates unchanged.
    """
    header, _ = _open(src, dst, file_key, progress)
    return header


def verify_container(
    src: BinaryIO,
    file_key: bytes,
    *,
    progress: ProgressCallback | None = None,
    expected_header_mac: bytes | None = None,
) -> int:
    """Run every check `decrypt_container` runs, discard the plaintext, return its length.

    With `expected_header_mac` (from `seal_container`), also that this is that very file and
    not another genuine container sealed with the same file key.
    """
    _, payload_length = _open(src, None, file_key, progress, expected_header_mac)
    return payload_length


def iter_chunks(src: BinaryIO, file_key: bytes) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk, each authenticated, reading one chunk ahead.

    For a reader that needs only the start of the payload (a manifest): it stops reading
    when the caller stops iterating. Each chunk yielded is genuine and in its place; that the
    file is complete is known only once the iteration ends by itself.
    """
    _check_key(file_key)
    header = read_public_header(src)
    payload_key, mac_key = _derive_keys(file_key, header.nonce)
    verifier = hmac.HMAC(mac_key, hashes.SHA256())
    verifier.update(
        _encode_header(header.version, header.chunk_size, header.public_header, header.nonce)
    )
    try:
        verifier.verify(header.mac)
    except InvalidSignature:
        raise ContainerIntegrityError("wrong key or damaged container header") from None
    aead = ChaCha20Poly1305(payload_key)
    sealed_size = header.chunk_size + TAG_SIZE
    pending = _read_up_to(src, sealed_size)
    counter = 0
    while True:
        following = _read_up_to(src, sealed_size)
        last = not following
        plaintext = _open_chunk(aead, counter, last, pending, header.mac)
        if last and not plaintext and counter > 0:
            raise ContainerIntegrityError("empty final chunk after data chunks")
        yield plaintext
        if last:
            return
        pending, counter = following, counter + 1


def _open(
    src: BinaryIO,
    dst: BinaryIO | None,
    file_key: bytes,
    progress: ProgressCallback | None,
    expected_header_mac: bytes | None = None,
) -> tuple[ContainerHeader, int]:
    _check_key(file_key)
    header = read_public_header(src)
    payload_key, mac_key = _derive_keys(file_key, header.nonce)
    verifier = hmac.HMAC(mac_key, hashes.SHA256())
    verifier.update(
        _encode_header(header.version, header.chunk_size, header.public_header, header.nonce)
    )
    try:
        verifier.verify(header.mac)  # constant-time comparison
    except InvalidSignature:
        # Both causes look identical from here; the caller knows whether the key came from a
        # slot that itself verified (then it is damage) or not.
        raise ContainerIntegrityError("wrong key or damaged container header") from None
    if expected_header_mac is not None and not compare_digest(header.mac, expected_header_mac):
        raise ContainerIntegrityError("a different container than the one that was written")

    aead = ChaCha20Poly1305(payload_key)
    sealed_size = header.chunk_size + TAG_SIZE
    per_batch = _chunks_per_batch(header.chunk_size)
    plain_buffer = memoryview(bytearray(per_batch * header.chunk_size)) if dst is not None else None
    payload_length = 0
    counter = 0
    for batch, last_batch in _batches(src, per_batch * sealed_size):
        # A stored chunk is the next C + 16 bytes, or what is left at the end of the file;
        # the final chunk is the one no byte follows (an empty file body is one empty chunk,
        # which fails as truncated).
        count = max(1, -(-len(batch) // sealed_size))
        filled = 0
        for index in range(count):
            last = last_batch and index == count - 1
            sealed = batch[index * sealed_size : (index + 1) * sealed_size]
            plaintext = _open_chunk(aead, counter, last, sealed, header.mac)
            if last and not plaintext and counter > 0:
                # As in age: only an entirely empty payload may end in an empty chunk. The
                # writer never produces one, so seeing it means the file was crafted.
                raise ContainerIntegrityError("empty final chunk after data chunks")
            if plain_buffer is not None:
                plain_buffer[filled : filled + len(plaintext)] = plaintext
                filled += len(plaintext)
            payload_length += len(plaintext)
            counter += 1
            if progress is not None:
                progress(payload_length)
        # Only authenticated chunks are written, and all of a batch's chunks at once.
        if dst is not None and plain_buffer is not None:
            _write_all(dst, plain_buffer[:filled])
    return header, payload_length


def _open_chunk(
    aead: ChaCha20Poly1305, counter: int, last: bool, sealed: bytes, mac: bytes
) -> bytes:
    if len(sealed) < TAG_SIZE:
        # Also covers a file that ends right after the header: every container has a chunk.
        raise ContainerIntegrityError("container is truncated")
    try:
        return aead.decrypt(_chunk_nonce(counter, last), sealed, mac)
    except InvalidTag:
        pass
    # Only on failure, and only to pick the message: does the chunk open with the other flag?
    # Success there means a genuine chunk sits in the wrong place at the end of the stream.
    try:
        aead.decrypt(_chunk_nonce(counter, not last), sealed, mac)
    except InvalidTag:
        raise ContainerIntegrityError(f"chunk {counter} failed authentication") from None
    if last:
        raise ContainerIntegrityError("container is truncated")
    raise ContainerIntegrityError("unexpected data after the final chunk")


def _check_key(file_key: bytes) -> None:
    if len(file_key) != FILE_KEY_SIZE:
        raise ValueError(f"file_key must be {FILE_KEY_SIZE} bytes")


def _derive_keys(file_key: bytes, nonce: bytes) -> tuple[bytes, bytes]:
    def hkdf(info: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=info).derive(file_key)

    return hkdf(_INFO_PAYLOAD), hkdf(_INFO_HEADER_MAC)


def _encode_header(version: int, chunk_size: int, public_header: bytes, nonce: bytes) -> bytes:
    # Fixed-width fields make this encoding canonical, so the reader can rebuild the exact MAC
    # input from the parsed fields.
    return _FIXED.pack(MAGIC, version, chunk_size, len(public_header)) + public_header + nonce


def _header_mac(mac_key: bytes, authenticated: bytes) -> bytes:
    signer = hmac.HMAC(mac_key, hashes.SHA256())
    signer.update(authenticated)
    return signer.finalize()


def _chunk_nonce(counter: int, last: bool) -> bytes:
    if counter > _MAX_COUNTER:
        # Unreachable in practice (2**88 chunks), but a wrapped counter would reuse nonces.
        raise ContainerError("chunk counter overflow")
    return counter.to_bytes(_COUNTER_SIZE, "big") + (_LAST_CHUNK if last else _NOT_LAST_CHUNK)


def _chunks_per_batch(chunk_size: int) -> int:
    return max(1, min(_MAX_CHUNKS_PER_BATCH, _BATCH_BYTES // chunk_size))


def _batches(src: BinaryIO, batch_size: int) -> Iterator[tuple[memoryview, bool]]:
    """Yield `src` in batches of `batch_size` bytes (fewer only at the end), each with whether
    it is the last one.

    Only EOF tells whether a batch is the last, so one batch is read ahead. Two buffers take
    turns: one holds the batch handed out, the other the look-ahead. A yielded view is valid
    until the next one is requested.
    """
    views = (memoryview(bytearray(batch_size)), memoryview(bytearray(batch_size)))
    current = 0
    count = _fill(src, views[current])
    while True:
        batch = views[current][:count]
        if count < batch_size:
            yield batch, True
            return
        count = _fill(src, views[1 - current])
        # A full batch followed by EOF is the last one: the writer never adds an empty chunk.
        yield batch, count == 0
        if count == 0:
            return
        current = 1 - current


def _fill(src: BinaryIO, buffer: memoryview) -> int:
    """Read into `buffer` until it is full or EOF; return the byte count."""
    readinto: Callable[[memoryview], int | None] | None = getattr(src, "readinto", None)
    if readinto is None:
        data = _read_up_to(src, len(buffer))
        buffer[: len(data)] = data
        return len(data)
    filled = 0
    while filled < len(buffer):
        count = readinto(buffer[filled:])
        if count is None:
            raise BlockingIOError("non-blocking source has no data available")
        if not count:
            break
        filled += count
    return filled


def _read_up_to(src: BinaryIO, size: int) -> bytes:
    """Read exactly `size` bytes, or fewer only at EOF (raw streams may return short reads)."""
    data = src.read(size)
    if data is None:
        raise BlockingIOError("non-blocking source has no data available")
    if len(data) == size or not data:
        return data
    parts = bytearray(data)
    while len(parts) < size:
        more = src.read(size - len(parts))
        if more is None:
            raise BlockingIOError("non-blocking source has no data available")
        if not more:
            break
        parts += more
    return bytes(parts)


def _write_all(dst: BinaryIO, data: bytes) -> int:
    """Write all of `data`; raw streams may accept only part of it per call."""
    view = memoryview(data)
    while view:
        count = dst.write(view)
        if count is None:
            raise BlockingIOError("non-blocking destination accepted no data")
        if count == 0:
            # Retrying would spin forever; this is the medium's fault, so report it as one.
            raise OSError(errno.EIO, "destination accepted no data")
        view = view[count:]
    return len(data)
