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
from collections.abc import Callable
from dataclasses import dataclass
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
    "decrypt_container",
    "read_public_header",
    "verify_container",
    "write_container",
]

MAGIC = b"VPNBAK"
FORMAT_VERSION = 1
CHUNK_SIZE = 64 * 1024
# The reader allocates two chunks at a time, so the header may not ask for more than this.
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


def write_container(
    dst: BinaryIO,
    src: BinaryIO,
    file_key: bytes,
    public_header: bytes,
    *,
    chunk_size: int = CHUNK_SIZE,
    progress: ProgressCallback | None = None,
) -> int:
    """Seal everything `src` yields into `dst`; return the number of bytes written.

    `src` is read incrementally, so memory stays at about two chunks whatever the payload size.
    `progress`, if given, is called after each chunk with the plaintext bytes sealed so far; the
    last call carries the payload size (0 for an empty payload).

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
    sealed_total = 0
    counter = 0
    current = _read_up_to(src, chunk_size)
    while True:
        # One chunk of look-ahead: only the reader's EOF tells whether this chunk is the last.
        nxt = _read_up_to(src, chunk_size) if len(current) == chunk_size else b""
        last = not nxt
        sealed = aead.encrypt(_chunk_nonce(counter, last), current, mac)
        written += _write_all(dst, sealed)
        sealed_total += len(current)
        if progress is not None:
            progress(sealed_total)
        if last:
            return written
        current = nxt
        counter += 1


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
) -> int:
    """Run every check `decrypt_container` runs, discard the plaintext, return its length."""
    _, payload_length = _open(src, None, file_key, progress)
    return payload_length


def _open(
    src: BinaryIO,
    dst: BinaryIO | None,
    file_key: bytes,
    progress: ProgressCallback | None,
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

    aead = ChaCha20Poly1305(payload_key)
    sealed_size = header.chunk_size + TAG_SIZE
    payload_length = 0
    counter = 0
    current = _read_up_to(src, sealed_size)
    while True:
        # A short read means EOF was seen, so the current chunk must be the last one; a full one
        # needs a look-ahead read to know.
        nxt = _read_up_to(src, sealed_size) if len(current) == sealed_size else b""
        last = not nxt
        plaintext = _open_chunk(aead, counter, last, current, header.mac)
        if last and not plaintext and counter > 0:
            # As in age: only an entirely empty payload may end in an empty chunk. The writer
            # never produces one, so seeing it means the file was crafted.
            raise ContainerIntegrityError("empty final chunk after data chunks")
        if dst is not None:
            _write_all(dst, plaintext)
        payload_length += len(plaintext)
        if progress is not None:
            progress(payload_length)
        if last:
            return header, payload_length
        current = nxt
        counter += 1


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
