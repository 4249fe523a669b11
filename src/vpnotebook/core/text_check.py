"""The patterns behind the free-text check of an annual report (report_texts.py uses them).

Everything here works on *folded* text: case- and diacritics-free, with for every character
its index in the original (``fold``). The check is deliberately generous: a false alarm costs
the VP one confirmation, a miss may cost a reporter their anonymity.

What it finds, and nothing more (the report's method page says exactly this):

* names held in the vault — reporters, referral contacts, the VP — whole and in part down to
  two letters, with possessive and diminutive endings ("Jans", "Jan's", "Jantje");
* names written in the notes of the organisation's cases (the accused, colleagues): a word
  with a capital inside a sentence, after a particle ("de Graaf") or after a title or role
  ("meneer Smit", "teamleider Bos"), unless the notes also use it as an ordinary word;
* department names of the organisation; case titles of more than one word;
* case numbers in any spelling ("2025-003", "2025/3", "#3", "melding 3 van 2025", "nr. 3");
* phone numbers in every Dutch format (06, landline, +31, 0031, brackets, dots, dashes);
* e-mail addresses, also written as "naam (at) domein punt nl", "[at]", " at ";
* dates of a day ("3 maart", "03-03-2025");
* numbers next to a count: digits, number words, ordinals and "alle", "geen", "enige" next
  to words such as melding, melder, klacht, gesprek, collega ("Er was 1 melding",
  "twee meldingen", "alle melders").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Name particles and titles that say nothing about who someone is on their own.
NAME_NOISE = frozenset(
    [
        "de",
        "der",
        "den",
        "van",
        "von",
        "het",
        "ten",
        "ter",
        "te",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "dos",
        "das",
        "op",
        "in",
        "en",
        "mr",
        "mw",
        "mevr",
        "dhr",
        "heer",
        "mevrouw",
        "meneer",
        "dr",
        "drs",
        "ir",
        "ing",
        "prof",
        "bc",
        "ms",
        "mrs",
        "mx",
    ]
)
MIN_NAME_PART = 2
PARTICLES = frozenset(
    [
        "de",
        "der",
        "den",
        "van",
        "von",
        "ten",
        "ter",
        "te",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "dos",
        "das",
    ]
)
# Words after which a capitalised word is almost always a person's name.
NAME_CUES = frozenset(
    [
        "dhr",
        "mw",
        "mevr",
        "meneer",
        "mevrouw",
        "heer",
        "collega",
        "leidinggevende",
        "teamleider",
        "manager",
        "directeur",
        "chef",
        "baas",
        "afdelingshoofd",
        "teamleidster",
        "leidster",
        "coordinator",
        "bestuurder",
    ]
)

# Words written with a capital in notes that are not names: the calendar, the product's own
# vocabulary, common tools and places.
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
COMMON_CAPITALISED = frozenset(
    [
        *MONTHS,
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "ik",
        "jij",
        "hij",
        "zij",
        "wij",
        "jullie",
        "u",
        "hr",
        "vp",
        "vpi",
        "mt",
        "or",
        "po",
        "teams",
        "zoom",
        "whatsapp",
        "outlook",
        "signal",
        "nederland",
        "nederlands",
        "engels",
        "kerst",
        "pasen",
        "huis",
        "klokkenluiders",
        "college",
        "rechten",
        "mens",
        "politie",
        "arbodienst",
    ]
)

_NAME_ENDING = r"(?:['’`]?s|['’`]|tje|je)?"


def fold(text: str) -> tuple[str, list[int]]:
    """Case- and diacritics-free text, with for every character its index in ``text``."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        for piece in base.casefold():
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


def fold_plain(text: str) -> str:
    return " ".join(fold(text)[0].split())


def name_needles(name: str) -> list[str]:
    """The whole name and every part of it that could identify someone on its own."""
    folded = fold_plain(name)
    if not folded:
        return []
    # Double-barrelled names count whole and per part: "Öztürk-de Boer" is also "Öztürk".
    compounds = re.findall(r"\w+(?:['-]\w+)+", folded)
    words = compounds + re.findall(r"\w+", folded)
    parts = [
        w for w in words if len(w) >= MIN_NAME_PART and w not in NAME_NOISE and not w.isdigit()
    ]
    return list(dict.fromkeys([folded, *parts]))


def phrase_pattern(needle: str, *, endings: bool = False) -> re.Pattern[str]:
    """Whole words only; whitespace in the needle matches any run of whitespace."""
    body = r"\s+".join(re.escape(part) for part in needle.split())
    tail = _NAME_ENDING if endings else ""
    return re.compile(rf"(?<!\w){body}{tail}(?!\w)")


# -- names in the notes of cases -------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?")
_BOUNDARY = frozenset(".!?:;\n•")


def names_in_notes(texts: Iterable[str]) -> set[str]:
    """Folded words that the notes use as names (see the module docstring).

    A capitalised word that opens a sentence counts only when a name follows it directly
    ("Sanne Kuipers weet ervan", "Henk de Graaf belde"): alone it is just the first word."""
    candidates: set[str] = set()
    strong: set[str] = set()
    ordinary: set[str] = set()
    for text in texts:
        previous = ""
        opener = ""  # a capitalised first word of a sentence, until we know what follows
        for match in _TOKEN.finditer(text):
            word = match.group(0)
            folded = fold_plain(word)
            capital = word[0].isupper() and not (word.isupper() and len(word) > 1)
            if not capital:
                if word[0].islower():
                    ordinary.add(folded)
                if folded not in PARTICLES:
                    opener = ""
                previous = folded
                continue
            before = text[: match.start()].rstrip(" \t\"'“‘(-–")
            starts = not before or before[-1] in _BOUNDARY
            cue = previous in PARTICLES or previous.rstrip(".") in NAME_CUES
            usable = len(folded) >= MIN_NAME_PART and folded not in COMMON_CAPITALISED
            if starts:
                opener = folded if usable else ""
            elif usable:
                if cue:
                    strong.add(folded)
                else:
                    candidates.add(folded)
                if opener:
                    candidates.add(opener)
                    opener = ""
            previous = folded
    names = strong | {word for word in candidates if word not in ordinary}
    return {name for name in names if name not in NAME_NOISE}


# -- contact details -------------------------------------------------------------------------

_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*(?:at|a|apenstaartje)\s*[)\]}>]\s*|\s+(?:at|apenstaartje)\s+)"
_DOT = r"(?:\.|\s*[(\[{<]\s*(?:dot|punt)\s*[)\]}>]\s*|\s+(?:dot|punt)\s+)"
EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]*\w{_AT}[\w-]+(?:{_DOT}[\w-]+)+", re.UNICODE)
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\+?\d[\d \t().\-/]{6,24}\d\)?(?![\w])")
_YEAR = re.compile(r"(?:19|20|21|22)\d\d")


def phone_spans(folded: str) -> list[tuple[int, int]]:
    """Phone numbers: 9 to 15 digits in groups, as Dutch numbers are written."""
    spans = []
    for match in _PHONE_CANDIDATE.finditer(folded):
        start, end = match.span()
        value = match.group(0)
        # Brackets around the whole number belong to the sentence, not to the number.
        if value.startswith("(") and value.find(")") == len(value) - 1:
            start, end, value = start + 1, end - 1, value[1:-1]
        elif value.endswith(")") and value.count(")") > value.count("("):
            end, value = end - 1, value[:-1]
        digits = re.sub(r"\D", "", value)
        groups = re.findall(r"\d+", value)
        if not 9 <= len(digits) <= 15 or re.search(r"\s{2,}|[.\-/]{2,}", value):
            continue
        if all(len(g) == 4 and _YEAR.fullmatch(g) for g in groups):
            continue  # a list of years
        spans.append((start, end))
    return spans


def digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


# -- case numbers and dates ------------------------------------------------------------------

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
DATE = re.compile(
    rf"(?<![\w-])(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}})|(?:19|20|21|22)\d\d-\d\d-\d\d"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\b\.?(?:\s+(?:19|20|21|22)\d\d)?)(?![\w-])"
)
_CASE_NUMBER_PATTERNS = (
    # 2025-003, 2025/3, 2025.3, 2025 - 3 (not a range of years, not a date)
    re.compile(r"(?<![\w-])(?:19|20|21|22)\d\d\s?[-/.]\s?(\d{1,4})(?![\w]|[-/.]\d)"),
    re.compile(r"(?<![\w-])\d\d-\d{3}(?![\w-])"),  # 25-003
    re.compile(r"(?<!\w)#\s?\d+"),  # #3
    re.compile(
        r"(?<!\w)(?:meldingsnummer|dossiernummer|volgnummer|melding|casus|zaak|dossier|"
        r"nummer|nr|no)\.?\s*(?:nr\.?|nummer|no\.?)?\s*#?\s*\d+(?:\s+(?:van|uit)\s+"
        r"(?:19|20|21|22)\d\d)?(?!\w)"
    ),  # melding 3, melding nr. 3, dossier 12, melding 3 van 2025
    re.compile(r"(?<!\w)\d{1,4}\s+(?:van|uit)\s+(?:19|20|21|22)\d\d(?!\w)"),  # 3 van 2025
)


def case_number_spans(folded: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in _CASE_NUMBER_PATTERNS:
        for match in pattern.finditer(folded):
            tail = match.group(1) if match.groups() else None
            if tail is not None and len(tail) == 4 and _YEAR.fullmatch(tail):
                continue  # "2025-2026" is a period
            spans.append(match.span())
    return spans


# -- numbers next to counts ------------------------------------------------------------------

# The Dutch words for 0 to 20, in order: what the report writes out (report/wording.py)
# and what the free-text check looks for (below, with its variants and larger numbers).
DUTCH_NUMBER_WORDS = (
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
)
_NUMBER_WORDS = frozenset(
    [
        *DUTCH_NUMBER_WORDS[1:],
        "een",
        "eén",
        "dertig",
        "veertig",
        "vijftig",
        "honderd",
        "eerste",
        "tweede",
        "derde",
        "vierde",
        "vijfde",
        "zesde",
        "zevende",
        "achtste",
        "negende",
        "tiende",
        "beide",
        "allebei",
        "enige",
        "enkele",
        "enkel",
    ]
)
# Quantifiers that say "all" or "none": a statement about a count, outside the protected
# tables, when next to a word for a case.
_QUANTIFIERS = frozenset(["alle", "allemaal", "iedere", "elke", "geen"])
_CASE_NOUNS = (
    "melding",
    "meldingen",
    "melder",
    "melders",
    "meldster",
    "meldsters",
    "klacht",
    "klachten",
    "casus",
    "casussen",
    "zaak",
    "zaken",
    "dossier",
    "dossiers",
    "geval",
    "gevallen",
    "gesprek",
    "gesprekken",
    "vraag",
    "vragen",
    "signaal",
    "signalen",
    "verwijzing",
    "verwijzingen",
    "aangifte",
    "aangiftes",
)
_PERSON_NOUNS = (
    "persoon",
    "personen",
    "mens",
    "mensen",
    "medewerker",
    "medewerkers",
    "werknemer",
    "werknemers",
    "collega",
    "collega's",
    "collegas",
    "vrouw",
    "vrouwen",
    "man",
    "mannen",
    "leidinggevende",
    "leidinggevenden",
    "stagiair",
    "stagiairs",
    "stagiaires",
    "vrijwilliger",
    "vrijwilligers",
    "uitzendkracht",
    "uitzendkrachten",
    "slachtoffer",
    "slachtoffers",
    "beklaagde",
    "beklaagden",
    "veroorzaker",
    "veroorzakers",
    "keer",
    "maal",
)
_WORD = re.compile(r"\d+(?:[.,]\d+)?\s?%|\d+(?:e|de|ste)?(?!\w)|[^\W\d_][\w'’]*")
WINDOW = 3


def _noun_kind(word: str) -> str | None:
    """'case' or 'person' for a word that counts something, compounds included."""
    for kind, nouns in (("case", _CASE_NOUNS), ("person", _PERSON_NOUNS)):
        for noun in nouns:
            if word == noun or (len(noun) >= 6 and word.endswith(noun)):
                return kind
    return None


def _accented(original: str, origin: list[int] | None, span: tuple[int, int]) -> bool:
    if origin is None:
        return False
    return any(char in "éÉ" for char in original[origin[span[0]] : origin[span[1] - 1] + 1])


def count_spans(
    folded: str, original: str = "", origin: list[int] | None = None
) -> list[tuple[int, int]]:
    """Numbers (digits, words, ordinals) and all/none next to a word that counts people or
    cases, within three words in the same sentence. Years are not numbers here. With the
    original text and the fold's index map, "één" (accents) counts as a number; "een" only
    after "maar", "slechts" and the like, because it is also the article."""
    spans: list[tuple[int, int]] = []
    for sentence in re.finditer(r"[^.!?\n]+", folded):
        words = [
            (m.start() + sentence.start(), m.end() + sentence.start(), m.group(0))
            for m in _WORD.finditer(sentence.group(0))
        ]
        nouns = [(i, _noun_kind(w)) for i, (_, _, w) in enumerate(words)]
        for index, (_, _, word) in enumerate(words):
            wanted: tuple[str, ...]
            digits = word.rstrip("edst% ")
            if digits.isdigit():
                if len(digits) == 4 and _YEAR.fullmatch(digits):
                    continue
                wanted = ("case", "person")
            elif word in _NUMBER_WORDS:
                wanted = ("case", "person")
                if word == "een" and not _accented(original, origin, words[index][:2]):
                    # The article: only "een" right after "maar", "slechts", "precies".
                    before = words[index - 1][2] if index else ""
                    if before not in ("maar", "slechts", "precies", "hooguit", "ten"):
                        continue
            elif word in _QUANTIFIERS:
                wanted = ("case",)
            else:
                continue
            near = [
                i
                for i, kind in nouns
                if kind in wanted and 0 < abs(i - index) <= WINDOW and i != index
            ]
            if near:
                other = min(near, key=lambda i: abs(i - index))
                first, last = min(index, other), max(index, other)
                spans.append((words[first][0], words[last][1]))
    return spans
