"""One passphrase policy for the command line and the desktop program.

zxcvbn (Dropbox's estimator) with our Dutch word lists (passphrase_words.py) and, when known,
the VP's own name and organisations. A passphrase is accepted from score 3 (at least 10^8
guesses by zxcvbn's count) and eight characters. A refusal says in plain words what made it
easy to guess, from the parts zxcvbn found: a month with a year, a common word with digits,
a keyboard walk, a repetition.

The recovery code is not a passphrase and never passes through here: it is 140 random bits.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .passphrase_words import DICTIONARIES

if TYPE_CHECKING:
    from .journal import Journal

MIN_LENGTH = 8
MIN_SCORE = 3  # zxcvbn 0..4; 3 = "safely unguessable" for a slow hash, >= 10^8 guesses
MAX_CHECKED = 100  # zxcvbn is quadratic in the length; what comes after adds strength anyway
MIN_DIFFERENT = 5  # fewer different characters is a repetition, however long

_loaded = False


def _zxcvbn() -> Any:
    global _loaded
    from zxcvbn import matching, zxcvbn  # type: ignore[import-untyped]  # ships no type hints

    if not _loaded:
        # zxcvbn keeps its dictionaries in one module-level table; ours join it once.
        matching.add_frequency_lists({name: list(words) for name, words in DICTIONARIES.items()})
        _loaded = True
    return zxcvbn


# Reason codes, in the order they are told; each has a Dutch and an English phrase.
REASONS: dict[str, tuple[str, str]] = {
    "too_short": (
        "het is korter dan {minimum} tekens",
        "it is shorter than {minimum} characters",
    ),
    "common_password": ("een veelgebruikt wachtwoord", "a commonly used password"),
    "personal": (
        "uw eigen naam of die van een organisatie waarvoor u werkt",
        "your own name or that of an organisation you work for",
    ),
    "program": (
        "woorden uit dit programma of uit uw vak",
        "words from this program or from your profession",
    ),
    "calendar": (
        "een maand, dag, seizoen of feestdag",
        "a month, day, season or holiday",
    ),
    "name": ("een veelvoorkomende naam of plaats", "a common name or place"),
    "word": ("één of twee gewone woorden", "one or two common words"),
    "date": ("een jaartal of datum", "a year or a date"),
    "digits": ("een paar cijfers", "a few digits"),
    "repeat": ("herhaling (zoals 'aaaa' of 'abcabc')", "repetition (like 'aaaa' or 'abcabc')"),
    "sequence": ("een reeks (zoals 'abcd' of '1234')", "a sequence (like 'abcd' or '1234')"),
    "keyboard": (
        "een patroon op het toetsenbord (zoals 'qwerty')",
        "a pattern on the keyboard (like 'qwerty')",
    ),
    "short_parts": ("een paar losse tekens", "a few loose characters"),
}

_TEXTS: dict[str, tuple[str, str]] = {
    "refused": (
        "Dit wachtwoord is te makkelijk te raden: {parts}.",
        "This passphrase is too easy to guess: {parts}.",
    ),
    "made_of": ("het bestaat uit {items}", "it consists of {items}"),
    "advice": (
        "Kies liever een zin van vier of meer woorden die niet vanzelf bij elkaar horen, "
        "over iets wat alleen u weet. Zo'n zin is sterk en toch goed te onthouden.",
        "Choose a sentence of four or more words that do not naturally belong together, "
        "about something only you know. Such a sentence is strong and still easy to remember.",
    ),
    "and": ("en", "and"),
    "fair": ("Redelijk sterk. Langer is nog beter.", "Fairly strong. Longer is even better."),
    "strong": ("Sterk wachtwoord.", "Strong passphrase."),
}


def _text(key: str, language: str) -> str:
    dutch, english = _TEXTS[key]
    return english if language == "en" else dutch


@dataclass(frozen=True)
class Verdict:
    """What the policy says of one passphrase."""

    score: int  # zxcvbn's 0..4, for a strength meter
    acceptable: bool
    reasons: tuple[str, ...]  # keys of REASONS; empty when acceptable

    def explain(self, language: str = "nl") -> str:
        """One or two plain sentences: why it is refused, or how strong it is."""
        if self.acceptable:
            return _text("strong" if self.score >= 4 else "fair", language)
        index = 1 if language == "en" else 0
        if self.reasons == ("too_short",):
            short = REASONS["too_short"][index].format(minimum=MIN_LENGTH)
            return f"{_text('refused', language).format(parts=short)} {_text('advice', language)}"
        phrases = [REASONS[r][index] for r in self.reasons if r != "too_short"]
        items = (
            phrases[0]
            if len(phrases) == 1
            else ", ".join(phrases[:-1]) + f" {_text('and', language)} " + phrases[-1]
        )
        parts = _text("made_of", language).format(items=items)
        if "too_short" in self.reasons:
            parts += "; " + REASONS["too_short"][index].format(minimum=MIN_LENGTH)
        return f"{_text('refused', language).format(parts=parts)} {_text('advice', language)}"


_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def _reasons_of(match: dict[str, Any]) -> list[str]:
    """What one part of the passphrase is, in the policy's words (see REASONS)."""
    token = str(match.get("token", ""))
    pattern = match.get("pattern")
    reasons = []
    if pattern == "dictionary":
        name = match.get("dictionary_name", "")
        reasons.append(_DICTIONARY_REASONS.get(name, "word"))
    elif pattern in ("date", "regex"):
        reasons.append("date")
    elif pattern in ("repeat", "sequence"):
        reasons.append(pattern)
    elif pattern == "spatial":
        # A year typed on the number row or keypad is still a year, not a keyboard walk.
        reasons.append("digits" if token.isdigit() else "keyboard")
    elif token.isdigit():
        reasons.append("digits")
    else:
        reasons.append("short_parts")
    if _YEAR.search(token):
        reasons.insert(0, "date")
        if token.isdigit() and len(token) == 4:
            reasons = ["date"]
    return reasons


_DICTIONARY_REASONS = {
    "user_inputs": "personal",
    "nl_program": "program",
    "nl_calendar": "calendar",
    "passwords": "common_password",
    "nl_passwords": "common_password",
    "nl_names": "name",
    "female_names": "name",
    "male_names": "name",
    "surnames": "name",
}


def personal_words(values: Iterable[str]) -> list[str]:
    """The VP's name, organisations and the like, as zxcvbn's user inputs: whole and by word."""
    words: dict[str, None] = {}
    for value in values:
        value = value.strip().lower()
        if not value:
            continue
        words.setdefault(re.sub(r"\s+", "", value), None)
        for word in re.split(r"[\s\-_.,/()&']+", value):
            if len(word) >= 3:
                words.setdefault(word, None)
    return list(words)


# Spaces and punctuation between and around words: zxcvbn counts each as a random character,
# so "hond kat muis" looked like 10^10 guesses and "Laptop&3449!!" like 10^9. The policy
# also scores what is left without them, and the weaker of the two counts.
_DECORATION = re.compile(r"[\W_]+", re.UNICODE)


def _score_of(guesses: float) -> int:
    # zxcvbn's own thresholds: 10^3, 10^6, 10^8 and 10^10 guesses (plus its delta of 5).
    for score, limit in enumerate((1e3, 1e6, 1e8, 1e10)):
        if guesses < limit + 5:
            return score
    return 4


def _strict(result: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    """zxcvbn's guesses without its bonus for the number of parts.

    zxcvbn adds 10^4 to the power (parts - 1) so that a long chain of small matches is not
    preferred; as a side effect any three parts ("Marieke" + "Wadwijk" + "1") count as 10^8
    guesses. We count the parts' own guesses times the orders they can come in.
    """
    sequence = list(result["sequence"])
    product = math.factorial(len(sequence)) * math.prod(m["guesses"] for m in sequence)
    return _score_of(min(float(result["guesses"]), float(product))), sequence


def assess(passphrase: str, personal: Sequence[str] = ()) -> Verdict:
    """Score a passphrase and say why it is refused (if it is)."""
    checked = passphrase[:MAX_CHECKED]
    if not checked:
        return Verdict(0, False, ("too_short",))
    if len(set(passphrase.casefold())) < MIN_DIFFERENT:
        # "        ", "aaaaaaaa", "001001…": zxcvbn finds most repetitions, but not all of them
        # (a long one cut at MAX_CHECKED ends in a piece it scores apart).
        short = ("too_short",) if len(passphrase) < MIN_LENGTH else ()
        return Verdict(0, False, ("repeat", *short))
    estimate = _zxcvbn()
    inputs = personal_words(personal)
    variants = dict.fromkeys((checked, _DECORATION.sub("", checked) or checked))
    score, sequence = min(
        (
            _strict(estimate(variant, user_inputs=inputs, max_length=MAX_CHECKED))
            for variant in variants
        ),
        key=lambda scored: scored[0],
    )
    too_short = len(passphrase) < MIN_LENGTH
    if score >= MIN_SCORE and not too_short:
        return Verdict(score, True, ())
    found: dict[str, None] = {}
    for match in sequence:
        for reason in _reasons_of(match):
            found.setdefault(reason, None)
    reasons = [r for r in REASONS if r in found and r != "too_short"]
    if too_short:
        reasons.append("too_short")
    return Verdict(score, False, tuple(reasons or ["short_parts"]))


def personal_context(journal: Journal) -> list[str]:
    """What the vault knows of the VP: their name and the organisations they work for."""
    names = [journal.setting("vp_name") or ""]
    names += [organisation.name for organisation in journal.organisations()]
    return [name for name in names if name]
