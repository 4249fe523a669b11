"""Recovery codes: 140 random bits in Crockford base32, with two check characters.

Shown as six groups of five characters (`7QX4M-...`), easy to print and to type back. The
alphabet leaves out I, L, O and U; when reading, I and L count as 1 and O as 0, case and
separators are ignored. The check characters catch almost every typo before the (slow) key
derivation runs, so the VP hears "you mistyped" rather than "wrong code".
"""

from __future__ import annotations

import hashlib
import secrets

from .errors import InvalidRecoveryCodeError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_CHARS = 28
CHECK_CHARS = 2
GROUP_SIZE = 5
_READ_ALIASES = {"I": "1", "L": "1", "O": "0"}


def _checksum(data: str) -> str:
    digest = hashlib.sha256(b"vpnotebook-recovery-v1:" + data.encode("ascii")).digest()
    value = int.from_bytes(digest[:2], "big") >> (16 - 5 * CHECK_CHARS)
    return "".join(
        ALPHABET[(value >> (5 * (CHECK_CHARS - 1 - i))) & 31] for i in range(CHECK_CHARS)
    )


def _group(chars: str) -> str:
    return "-".join(chars[i : i + GROUP_SIZE] for i in range(0, len(chars), GROUP_SIZE))


def generate() -> str:
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_CHARS))
    return _group(data + _checksum(data))


def normalise(typed: str) -> str:
    """Return the canonical grouped form of a typed code, or raise InvalidRecoveryCodeError."""
    chars = []
    for char in typed.upper():
        if char in " -\t\n":
            continue
        char = _READ_ALIASES.get(char, char)
        if char not in ALPHABET:
            raise InvalidRecoveryCodeError("character outside the alphabet")
        chars.append(char)
    joined = "".join(chars)
    if len(joined) != DATA_CHARS + CHECK_CHARS:
        raise InvalidRecoveryCodeError("wrong length")
    data, check = joined[:DATA_CHARS], joined[DATA_CHARS:]
    if _checksum(data) != check:
        raise InvalidRecoveryCodeError("checksum mismatch")
    return _group(joined)


def looks_like_recovery_code(typed: str) -> bool:
    try:
        normalise(typed)
    except InvalidRecoveryCodeError:
        return False
    return True


def secret_bytes(code: str) -> bytes:
    """The bytes fed to the key derivation: the canonical form, so typing variants agree."""
    return normalise(code).encode("ascii")
