"""Matching a cell's words to a vocabulary's codes, forgivingly, and the VP's own value maps.

Forgiving means: case, diacritics, spacing and punctuation do not matter ("Seks. intimidatie"),
known other words count ("agressie/geweld", "bmw", "P&O"), every word may be shortened to
its first three letters or more as long as only one code fits ("discr."), and a cell may
hold several values separated by , ; / & + or "en" ("pesten, seks. intimidatie en
discriminatie"). What still does not match is never guessed: it is returned as unrecognised,
so the VP decides (`--map "aard:ruzie=buiten werkterrein"` or a drop-down in the wizard).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..taxonomy import Vocabulary
from .text import normalise

# A value map from the VP: normalised cell value -> code, or None for "record nothing".
# The key "*" catches every value the program does not know.
ValueMap = Mapping[str, str | None]
EVERYTHING_ELSE = "*"

# Words that mean "nothing to record here" in an optional field.
EMPTY_WORDS = frozenset(
    normalise(word)
    for word in (
        "geen", "nee", "n.v.t.", "nvt", "niet van toepassing", "onbekend", "niet bekend",
        "niets", "leeg", "niet opgegeven", "niet ingevuld", "zeg ik niet", "wil ik niet zeggen",
        "none", "no", "n/a", "unknown",
    )
)  # fmt: skip
# In a field where "nee" and "geen" are answers of their own (closed: no), only these.
UNKNOWN_WORDS = frozenset(normalise(w) for w in ("onbekend", "niet bekend", "n.v.t.", "unknown"))

_SEPARATORS = re.compile(r"(\s+en/of\s+|\s*[,;/&+|\n]\s*|\s+(?:en|and)\s+)", re.IGNORECASE)
_MIN_PREFIX = 3


class Unrecognised(ValueError):
    """Parts of a cell that match no code; `parts` keeps the VP's own spelling."""

    def __init__(self, parts: Sequence[str]) -> None:
        super().__init__(", ".join(parts))
        self.parts = tuple(parts)


@dataclass(frozen=True)
class Choice:
    """Something a value can be mapped to: a code, or None for "record nothing"."""

    code: str | None
    nl: str
    en: str

    def label(self, language: str = "nl") -> str:
        return self.en if language == "en" else self.nl


NOTHING = Choice(None, "niets vastleggen", "record nothing")
_EMPTY = ""  # _lookup's answer for an empty word (distinct from None: not found)


class TermMatcher:
    """One vocabulary's codes, found from labels, codes and other words for them."""

    def __init__(
        self,
        vocab: Vocabulary,
        synonyms: Mapping[str, Iterable[str]],
        *,
        empty_words: frozenset[str] = EMPTY_WORDS,
    ) -> None:
        self.vocab = vocab
        self.empty_words = empty_words
        self._exact: dict[str, str] = {}
        for term in vocab:
            for word in (
                term.code.replace("_", " "),
                term.nl,
                term.en,
                *synonyms.get(term.code, ()),
            ):
                self._add(normalise(word), term.code)
        unknown = set(synonyms) - set(vocab.codes)
        if unknown:
            raise ValueError(f"synonyms for unknown codes: {sorted(unknown)}")
        self._by_length: dict[int, list[tuple[tuple[str, ...], str]]] = {}
        for words, code in self._exact.items():
            split = tuple(words.split())
            self._by_length.setdefault(len(split), []).append((split, code))

    def _add(self, key: str, code: str) -> None:
        if not key:
            return
        known = self._exact.get(key)
        if known is not None and known != code:
            raise ValueError(f"{key!r} would mean both {known} and {code}")
        self._exact[key] = code

    def choices(self, *, optional: bool) -> tuple[Choice, ...]:
        found = tuple(Choice(term.code, term.nl, term.en) for term in self.vocab)
        return (*found, NOTHING) if optional else found

    def _lookup(self, text: str, value_map: ValueMap) -> str | None:
        """The code for `text`, _EMPTY for an empty word, None when unknown."""
        key = normalise(text)
        if key in value_map:
            mapped = value_map[key]
            return _EMPTY if mapped is None else mapped
        if key in self._exact:
            return self._exact[key]
        if not key or key in self.empty_words:
            return _EMPTY
        return self._by_prefix(tuple(key.split()))

    def _by_prefix(self, words: tuple[str, ...]) -> str | None:
        if any(len(word) < _MIN_PREFIX and not word.isdigit() for word in words):
            return None
        codes = {
            code
            for known, code in self._by_length.get(len(words), ())
            if all(k.startswith(w) for w, k in zip(words, known, strict=True))
        }
        return codes.pop() if len(codes) == 1 else None

    def target(self, text: str) -> str | None:
        """What the VP wrote after "=" in a value map: a code, or None for nothing.

        Raises Unrecognised when it names no code.
        """
        key = normalise(text)
        if key in {normalise(NOTHING.nl), normalise(NOTHING.en), "niets", "leeg", "geen"}:
            return None
        found = self._lookup(text, {})
        if not found:
            raise Unrecognised([text.strip()])
        return found

    def one(self, text: str, value_map: ValueMap) -> str | None:
        """A single value: its code, or None for an empty or "nothing" word."""
        found = self._lookup(text, value_map)
        if found is None:
            if EVERYTHING_ELSE in value_map:
                return value_map[EVERYTHING_ELSE]
            raise Unrecognised([text.strip()])
        return found or None

    def many(self, text: str, value_map: ValueMap) -> tuple[str, ...]:
        """Several values in one cell, in taxonomy order, each once."""
        whole = self._lookup(text, value_map)
        if whole is not None:
            return (whole,) if whole else ()
        pieces = _SEPARATORS.split(text)
        parts, separators = pieces[0::2], pieces[1::2]
        found: set[str] = set()
        unknown: list[str] = []
        start = 0
        while start < len(parts):
            if not parts[start].strip():
                start += 1
                continue
            # The longest run of parts that means one thing: "HR / P&O" before "HR".
            for end in range(len(parts), start, -1):
                candidate = "".join(
                    part + (separators[index] if index < end - 1 else "")
                    for index, part in enumerate(parts[start:end], start=start)
                )
                code = self._lookup(candidate, value_map)
                if code is not None:
                    if code:
                        found.add(code)
                    start = end
                    break
            else:
                unknown.append(parts[start].strip())
                start += 1
        if unknown:
            if EVERYTHING_ELSE not in value_map:
                raise Unrecognised(unknown)
            fallback = value_map[EVERYTHING_ELSE]
            if fallback:
                found.add(fallback)
        return tuple(code for code in self.vocab.codes if code in found)
