"""The VP's own text for an annual report, and the check that keeps it from naming anyone.

The only free text an annual report carries is what the VP writes for it: signals and
recommendations to management, stored per organisation and year. Before export that text is
held against the vault: names of the organisation's reporters and referral contacts, case
numbers, e-mail addresses and phone numbers, case working titles, and departments with
fewer cases than the threshold. A hit blocks the export until the VP rewrites the text or
confirms it; the hits carry positions so a screen can highlight them.

Matching ignores case and diacritics ("Ozturk" finds "Öztürk") and works on whole words, so
"Bos" does not fire inside "bosrand". It is deliberately generous: a false alarm costs the VP
one confirmation, a miss may cost a reporter their anonymity.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .annual import active_department_counts
from .journal import Journal
from .models import case_number

# Name particles and titles that say nothing about who someone is on their own.
_NAME_NOISE = frozenset(
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
        "mr",
        "mw",
        "mevr",
        "dhr",
        "heer",
        "mevrouw",
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
MIN_NAME_PART = 3
MIN_TITLE_LENGTH = 8

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Nine or more digits, possibly grouped by spaces or dashes, optionally with a + or 00: Dutch
# mobile and landline numbers and international ones. Years and amounts are shorter.
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d(?:[ \-]?\d){8,13}(?!\w)")
CASE_NUMBER = re.compile(r"(?<![\w-])(?:19|20|21|22)\d{2}-\d{3}(?![\w-])")

KIND_REPORTER = "reporter"
KIND_CONTACT = "referral_contact"
KIND_DEPARTMENT = "department"
KIND_CASE_NUMBER = "case_number"
KIND_CASE_TITLE = "case_title"
KIND_EMAIL = "email"
KIND_PHONE = "phone"

_REASONS: dict[str, tuple[str, str]] = {
    KIND_REPORTER: ("naam of contactgegeven van een melder", "name or contact of a reporter"),
    KIND_CONTACT: (
        "naam of contactgegeven van een verwijscontact",
        "name or contact of a referral contact",
    ),
    KIND_DEPARTMENT: (
        "afdeling met minder meldingen dan de drempel",
        "department with fewer cases than the threshold",
    ),
    KIND_CASE_NUMBER: ("meldingsnummer", "case number"),
    KIND_CASE_TITLE: ("werktitel van een melding", "working title of a case"),
    KIND_EMAIL: ("e-mailadres", "e-mail address"),
    KIND_PHONE: ("telefoonnummer", "phone number"),
}


@dataclass(frozen=True)
class TextHit:
    """A place in the VP's text that may point to a person; ``start:end`` indexes the text."""

    start: int
    end: int
    kind: str
    matched: str

    def reason(self, language: str = "nl") -> str:
        dutch, english = _REASONS[self.kind]
        return english if language == "en" else dutch


# -- storage ---------------------------------------------------------------------------------


def load_report_text(journal: Journal, organisation_id: int, year: int) -> str:
    value = journal.db.scalar(
        "SELECT text FROM report_texts WHERE organisation_id = ? AND year = ?",
        (organisation_id, year),
    )
    return "" if value is None else str(value)


def save_report_text(
    journal: Journal, organisation_id: int, year: int, text: str, *, today: date
) -> None:
    """Store (or, with an empty text, remove) the text for one organisation and year."""
    with journal.db.transaction():
        if not text.strip():
            journal.db.execute(
                "DELETE FROM report_texts WHERE organisation_id = ? AND year = ?",
                (organisation_id, year),
            )
            return
        journal.db.execute(
            "INSERT INTO report_texts (organisation_id, year, text, updated_on) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (organisation_id, year) DO UPDATE SET "
            "text = excluded.text, updated_on = excluded.updated_on",
            (organisation_id, year, text, today.isoformat()),
        )


# -- the check -------------------------------------------------------------------------------


def _fold(text: str) -> tuple[str, list[int]]:
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


def _fold_plain(text: str) -> str:
    return _fold(text)[0]


def _name_needles(name: str) -> list[str]:
    """The whole name and every part of it that could identify someone on its own."""
    folded = " ".join(_fold_plain(name).split())
    if not folded:
        return []
    # Double-barrelled names count whole and per part: "Öztürk-de Boer" is also "Öztürk".
    compounds = re.findall(r"\w+(?:['-]\w+)+", folded)
    words = compounds + re.findall(r"\w+", folded)
    parts = [w for w in words if len(w) >= MIN_NAME_PART and w not in _NAME_NOISE]
    return [folded, *dict.fromkeys(parts)]


def _contact_needles(contact: str) -> list[str]:
    found = [m.group(0) for m in EMAIL.finditer(contact)]
    found += [m.group(0) for m in PHONE.finditer(contact)]
    return [_fold_plain(item) for item in found]


def _phrase_pattern(needle: str) -> re.Pattern[str]:
    # Whitespace in a name matches any run of whitespace in the text; word edges on both
    # sides so a short surname does not fire inside a longer word.
    body = r"\s+".join(re.escape(part) for part in needle.split())
    return re.compile(rf"(?<!\w){body}(?!\w)")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def check_report_text(
    journal: Journal, organisation_id: int, year: int, text: str, *, k: int
) -> list[TextHit]:
    """Every place in ``text`` that may identify someone in this organisation's cases."""
    if not text.strip():
        return []
    db = journal.db
    folded, origin = _fold(text)
    needles: list[tuple[str, str]] = []  # (kind, folded needle)
    for row in db.query(
        "SELECT r.name, r.contact FROM reporters r JOIN cases c ON c.id = r.case_id "
        "WHERE c.organisation_id = ? ORDER BY r.case_id",
        (organisation_id,),
    ):
        needles += [(KIND_REPORTER, n) for n in _name_needles(row["name"])]
        needles += [(KIND_REPORTER, n) for n in _contact_needles(row["contact"])]
    needles += _referral_contact_needles(journal, organisation_id)
    for name, count in active_department_counts(journal, organisation_id, year).items():
        if 0 < count < k:
            needles.append((KIND_DEPARTMENT, " ".join(_fold_plain(name).split())))
    numbers: list[str] = []
    for row in db.query(
        "SELECT year, seq, title FROM cases WHERE organisation_id = ? ORDER BY id",
        (organisation_id,),
    ):
        numbers.append(case_number(row["year"], row["seq"]))
        title = " ".join(_fold_plain(row["title"]).split())
        # A one-word title ("Werkdruk") is a theme, not a fingerprint; a phrase may be one.
        if len(title) >= MIN_TITLE_LENGTH and " " in title:
            needles.append((KIND_CASE_TITLE, title))
    needles += [(KIND_CASE_NUMBER, number) for number in numbers]

    spans: dict[tuple[int, int], str] = {}
    for kind, needle in needles:
        if not needle:
            continue
        for match in _phrase_pattern(needle).finditer(folded):
            spans.setdefault((match.start(), match.end()), kind)
    for pattern, kind in ((CASE_NUMBER, KIND_CASE_NUMBER), (EMAIL, KIND_EMAIL)):
        for match in pattern.finditer(folded):
            spans.setdefault((match.start(), match.end()), kind)
    phones = {_digits(n) for kind, n in needles if kind in (KIND_REPORTER, KIND_CONTACT)}
    for match in PHONE.finditer(folded):
        known = _digits(match.group(0)) in phones
        spans.setdefault((match.start(), match.end()), KIND_REPORTER if known else KIND_PHONE)

    hits = []
    for (start, end), kind in sorted(spans.items()):
        first, last = origin[start], origin[end - 1] + 1
        hits.append(TextHit(first, last, kind, text[first:last]))
    return _without_nested(hits)


def _referral_contact_needles(journal: Journal, organisation_id: int) -> list[tuple[str, str]]:
    needles: list[tuple[str, str]] = []
    for row in journal.db.query(
        "SELECT name, phone, email FROM referral_contacts WHERE organisation_id = ? ORDER BY id",
        (organisation_id,),
    ):
        needles += [(KIND_CONTACT, n) for n in _name_needles(row["name"])]
        needles += [(KIND_CONTACT, n) for n in _contact_needles(f"{row['email']} {row['phone']}")]
    return needles


def referral_contact_hits(journal: Journal, organisation_id: int, text: str) -> list[TextHit]:
    """Where the referral contacts of the organisation appear in ``text``: their full names,
    surnames, e-mail addresses and phone numbers — third parties a reporter's access export
    may leave out.

    Narrower than the annual report's check, which may cry wolf: here a hit removes words
    from the reporter's own story. So a name counts whole, and of its parts only the last
    word when it is capitalised ("IJzerman" in "drs. B. IJzerman"), never a common word
    ("klachtencommissie" in "Secretariaat klachtencommissie").
    """
    if not text.strip():
        return []
    needles: list[str] = []
    for row in journal.db.query(
        "SELECT name, phone, email FROM referral_contacts WHERE organisation_id = ? ORDER BY id",
        (organisation_id,),
    ):
        needles.append(" ".join(_fold_plain(row["name"]).split()))
        words = row["name"].split()
        surname = words[-1] if len(words) > 1 else ""
        if surname[:1].isupper() and len(surname) >= MIN_NAME_PART:
            needles.append(_fold_plain(surname).strip(".,"))
        needles += _contact_needles(f"{row['email']} {row['phone']}")
    folded, origin = _fold(text)
    spans: set[tuple[int, int]] = set()
    for needle in needles:
        if needle and needle not in _NAME_NOISE:
            spans.update(m.span() for m in _phrase_pattern(needle).finditer(folded))
    phones = {_digits(n) for n in needles if PHONE.fullmatch(n)}
    spans.update(m.span() for m in PHONE.finditer(folded) if _digits(m.group(0)) in phones)
    hits = []
    for start, end in sorted(spans):
        first, last = origin[start], origin[end - 1] + 1
        hits.append(TextHit(first, last, KIND_CONTACT, text[first:last]))
    return _without_nested(hits)


def _without_nested(hits: list[TextHit]) -> list[TextHit]:
    """Drop a hit that lies inside another one (a surname inside the full name)."""
    kept: list[TextHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if any(other.start <= hit.start and hit.end <= other.end for other in kept):
            continue
        kept.append(hit)
    return kept
