"""Forgiving comparison of what people type in spreadsheets: case, diacritics, punctuation."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def normalise(text: str) -> str:
    """Lower case without diacritics; every run of punctuation and space becomes one space.

    "Seks. Intimidatie", "seks intimidatie " and "SEKS-INTIMIDATIE" all give
    "seks intimidatie"; "Geïmporteerd" gives "geimporteerd"; "ĳ" gives "ij".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", bare.casefold()).split())


def normalise_heading(heading: str) -> str:
    """A column heading without what is in brackets: "Leeftijd (jaren)" is "leeftijd"."""
    return normalise(_PARENTHESES.sub(" ", heading)) or normalise(heading)


def column_letter(index: int) -> str:
    """The column's name as Excel shows it: 0 is A, 25 is Z, 26 is AA."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def column_index(letters: str) -> int | None:
    """The inverse of column_letter, or None when `letters` is not a column name."""
    letters = letters.strip().upper()
    if not letters or len(letters) > 3 or not letters.isascii() or not letters.isalpha():
        return None
    number = 0
    for char in letters:
        number = number * 26 + (ord(char) - ord("A") + 1)
    return number - 1


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
