"""The VP's own text for an annual report, and the check that keeps every printed text from
naming anyone.

The free text an annual report carries is what the VP wrote for it: the signals and
recommendations stored per organisation and year, the signals and advice given during the
year (the Signalen page), and the subjects and audiences of the outreach. Before export each
is held against the vault (core/text_check.py lists exactly what is looked for). A hit blocks
the export until the VP rewrites the text or confirms that very hit; the hits carry positions
and their source so a screen can point at them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from . import text_check as tc
from .annual import active_department_counts, year_outreach, year_signals
from .fields import specs
from .journal import Journal
from .models import (
    Case,
    Conversation,
    FollowUp,
    Referral,
    Reporter,
    Route,
    TimeEntry,
    case_number,
)
from .taxonomy import Term, Vocabulary

MIN_TITLE_LENGTH = 8

KIND_REPORTER = "reporter"
KIND_CONTACT = "referral_contact"
KIND_VP = "vp"
KIND_NOTES_NAME = "notes_name"
KIND_DEPARTMENT = "department"
KIND_DEPARTMENT_NAME = "department_name"
KIND_CASE_NUMBER = "case_number"
KIND_CASE_TITLE = "case_title"
KIND_EMAIL = "email"
KIND_PHONE = "phone"
KIND_DATE = "date"
KIND_COUNT = "count"

_REASONS: dict[str, tuple[str, str]] = {
    KIND_REPORTER: ("naam of contactgegeven van een melder", "name or contact of a reporter"),
    KIND_CONTACT: (
        "naam of contactgegeven van een verwijscontact",
        "name or contact of a referral contact",
    ),
    KIND_VP: ("uw eigen naam", "your own name"),
    KIND_NOTES_NAME: (
        "naam die in de aantekeningen van een melding staat",
        "name that appears in the notes of a case",
    ),
    KIND_DEPARTMENT: (
        "afdeling met minder meldingen dan de drempel",
        "department with fewer cases than the threshold",
    ),
    KIND_DEPARTMENT_NAME: ("naam van een afdeling", "name of a department"),
    KIND_CASE_NUMBER: ("meldingsnummer", "case number"),
    KIND_CASE_TITLE: ("werktitel van een melding", "working title of a case"),
    KIND_EMAIL: ("e-mailadres", "e-mail address"),
    KIND_PHONE: ("telefoonnummer", "phone number"),
    KIND_DATE: ("datum van een dag", "date of a day"),
    KIND_COUNT: (
        "getal bij een aantal: de tabellen zijn beschermd, de tekst niet",
        "number next to a count: the tables are protected, the text is not",
    ),
}

# The kinds of hit, as codes: a confirmation stores its kind (and travels in the export).
HIT_KINDS = Vocabulary("hit_kind", *(Term(kind, nl, en) for kind, (nl, en) in _REASONS.items()))

SOURCE_TEXT = "text"  # the VP's signals and recommendations for the report
SOURCE_SIGNAL = "signal"  # a signal or advice given during the year
SOURCE_OUTREACH = "outreach"  # an outreach activity of the year


@dataclass(frozen=True)
class TextHit:
    """A place in a printed text that may point to a person; ``start:end`` indexes that text.

    ``source`` says which text: the report text itself, or a signal or outreach activity
    (``record_id``, ``field``) that the report prints.
    """

    start: int
    end: int
    kind: str
    matched: str
    source: str = SOURCE_TEXT
    record_id: int | None = None
    field: str = ""
    # The sentence the hit stands in, spaces collapsed: what the VP looks at to confirm it.
    sentence: str = ""

    def reason(self, language: str = "nl") -> str:
        dutch, english = _REASONS[self.kind]
        return english if language == "en" else dutch

    @property
    def key(self) -> tuple[str, str]:
        """The kind of hit and the word, case and accents aside (what ``--confirm-text`` names)."""
        return self.kind, tc.fold_plain(self.matched)

    @property
    def fingerprint(self) -> str:
        """What a stored confirmation is about: this kind, this word, in this very sentence.
        A SHA-256, so the vault keeps no word beside the text it came from; any change to
        the sentence makes a new fingerprint, and the check asks again."""
        kind, word = self.key
        return hashlib.sha256("\x1f".join((kind, word, self.sentence)).encode()).hexdigest()


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


# -- confirmations ---------------------------------------------------------------------------


def confirmed(journal: Journal, organisation_id: int, year: int) -> set[tuple[str, str]]:
    """The (kind, fingerprint) of every hit the VP confirmed for this report."""
    return {
        (row["kind"], row["fingerprint"])
        for row in journal.db.query(
            "SELECT kind, fingerprint FROM text_confirmations "
            "WHERE organisation_id = ? AND year = ?",
            (organisation_id, year),
        )
    }


def confirm_hits(
    journal: Journal, organisation_id: int, year: int, hits: Iterable[TextHit], *, today: date
) -> None:
    """Store that the VP looked at these hits and let them stay, each in its sentence."""
    with journal.db.transaction():
        journal.db.executemany(
            "INSERT INTO text_confirmations (organisation_id, year, kind, fingerprint, "
            "confirmed_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(organisation_id, year, h.kind, h.fingerprint, today.isoformat()) for h in hits],
        )


def withdraw_confirmation(journal: Journal, organisation_id: int, year: int, hit: TextHit) -> None:
    with journal.db.transaction():
        journal.db.execute(
            "DELETE FROM text_confirmations WHERE organisation_id = ? AND year = ? AND kind = ? "
            "AND fingerprint = ?",
            (organisation_id, year, hit.kind, hit.fingerprint),
        )


def open_hits(
    journal: Journal, organisation_id: int, year: int, hits: Iterable[TextHit]
) -> list[TextHit]:
    """The hits neither changed nor confirmed yet: an export waits for these."""
    done = confirmed(journal, organisation_id, year)
    return [hit for hit in hits if (hit.kind, hit.fingerprint) not in done]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` that holds ``start:end``, spaces collapsed."""
    first, last = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.start()
            break
    return " ".join(text[first:last].split())


# -- the check -------------------------------------------------------------------------------


class TextChecker:
    """The needles of one organisation and year, gathered once, for any number of texts."""

    def __init__(self, needles: list[tuple[str, str]], names: list[tuple[str, str]]) -> None:
        # (kind, folded phrase): matched whole. Names also with possessive endings.
        self._patterns = [(kind, tc.phrase_pattern(n)) for kind, n in needles if n]
        self._patterns += [(kind, tc.phrase_pattern(n, endings=True)) for kind, n in names if n]
        self._phones = {
            tc.digits_of(n): kind
            for kind, n in reversed(needles)
            if kind in (KIND_REPORTER, KIND_CONTACT) and tc.digits_of(n)
        }

    def check(
        self, text: str, source: str = SOURCE_TEXT, record_id: int | None = None, field: str = ""
    ) -> list[TextHit]:
        if not text.strip():
            return []
        folded, origin = tc.fold(text)
        spans: dict[tuple[int, int], str] = {}
        for kind, pattern in self._patterns:
            for match in pattern.finditer(folded):
                spans.setdefault(match.span(), kind)
        for match in tc.EMAIL.finditer(folded):
            spans.setdefault(match.span(), KIND_EMAIL)
        for start, end in tc.phone_spans(folded):
            known = self._phones.get(tc.digits_of(folded[start:end]), KIND_PHONE)
            spans.setdefault((start, end), known)
        for span in tc.case_number_spans(folded):
            spans.setdefault(span, KIND_CASE_NUMBER)
        for match in tc.DATE.finditer(folded):
            spans.setdefault(match.span(), KIND_DATE)
        taken = list(spans)
        for start, end in tc.count_spans(folded, text, origin):
            # A number inside a case number, date or phone is that, not a count.
            if not any(start < other_end and other_start < end for other_start, other_end in taken):
                spans.setdefault((start, end), KIND_COUNT)
        hits = []
        for (start, end), kind in sorted(spans.items()):
            first, last = origin[start], origin[end - 1] + 1
            hits.append(
                TextHit(
                    first,
                    last,
                    kind,
                    text[first:last],
                    source,
                    record_id,
                    field,
                    sentence_around(text, first, last),
                )
            )
        return _without_nested(hits)


def _case_texts(journal: Journal, organisation_id: int) -> Iterable[str]:
    """Every free text of the organisation's cases: the notes that may name the accused.

    Read from the field specs, so a text field added to any of these records is read too."""
    in_org = "(SELECT id FROM cases WHERE organisation_id = ?)"
    for entity, table, key in (
        (Case, "cases", "id"),
        (Reporter, "reporters", "case_id"),
        (Conversation, "conversations", "case_id"),
        (Route, "routes", "case_id"),
        (Referral, "referrals", "case_id"),
        (FollowUp, "follow_ups", "case_id"),
        (TimeEntry, "time_entries", "case_id"),
    ):
        columns = [name for name, spec in specs(entity).items() if spec.kind == "text"]
        if entity is Reporter:
            columns = [c for c in columns if c != "name"]  # names are needles of their own
        for row in journal.db.query(
            f"SELECT {', '.join(columns)} FROM {table} WHERE {key} IN {in_org}",
            (organisation_id,),
        ):
            yield from (str(value) for value in row if value)


def text_checker(journal: Journal, organisation_id: int, year: int, *, k: int) -> TextChecker:
    """Everything in the vault that a text of this organisation's report must not name."""
    db = journal.db
    needles: list[tuple[str, str]] = []
    names: list[tuple[str, str]] = []
    # Every person held in the vault, of any organisation: a reporter may have moved.
    for row in db.query("SELECT name, contact FROM reporters ORDER BY case_id"):
        names += [(KIND_REPORTER, n) for n in tc.name_needles(row["name"])]
        needles += [(KIND_REPORTER, n) for n in _contact_needles(row["contact"])]
    for row in db.query("SELECT name, phone, email FROM referral_contacts ORDER BY id"):
        names += [(KIND_CONTACT, n) for n in tc.name_needles(row["name"])]
        needles += [(KIND_CONTACT, n) for n in _contact_needles(f"{row['email']} {row['phone']}")]
    names += [(KIND_VP, n) for n in tc.name_needles(journal.setting("vp_name", "") or "")]
    names += [
        (KIND_NOTES_NAME, n)
        for n in sorted(tc.names_in_notes(_case_texts(journal, organisation_id)))
    ]
    for name, count in active_department_counts(journal, organisation_id, year).items():
        kind = KIND_DEPARTMENT if 0 < count < k else KIND_DEPARTMENT_NAME
        needles.append((kind, tc.fold_plain(name)))
    for row in db.query(
        "SELECT year, seq, title FROM cases WHERE organisation_id = ? ORDER BY id",
        (organisation_id,),
    ):
        needles.append((KIND_CASE_NUMBER, case_number(row["year"], row["seq"])))
        title = tc.fold_plain(row["title"])
        # A one-word title ("Werkdruk") is a theme, not a fingerprint; a phrase may be one.
        if len(title) >= MIN_TITLE_LENGTH and " " in title:
            needles.append((KIND_CASE_TITLE, title))
    # Longer needles first, so "ayşe öztürk-de boer" wins over "boer" at the same place.
    needles.sort(key=lambda item: -len(item[1]))
    names.sort(key=lambda item: -len(item[1]))
    return TextChecker(needles, names)


def check_report_text(
    journal: Journal, organisation_id: int, year: int, text: str, *, k: int
) -> list[TextHit]:
    """Every place in ``text`` that may identify someone (see core/text_check.py)."""
    if not text.strip():
        return []
    return text_checker(journal, organisation_id, year, k=k).check(text)


def check_report_sources(
    journal: Journal,
    organisation_id: int,
    year: int,
    text: str,
    *,
    k: int,
    checker: TextChecker | None = None,
) -> list[TextHit]:
    """The check over every free text the report prints: the VP's text, the year's signals
    and advice (subject and text) and the outreach (subject and audience)."""
    checker = checker or text_checker(journal, organisation_id, year, k=k)
    hits = checker.check(text)
    for signal in year_signals(journal, organisation_id, year):
        for field in ("subject", "text"):
            hits += checker.check(getattr(signal, field), SOURCE_SIGNAL, signal.id, field)
    for activity in year_outreach(journal, organisation_id, year):
        for field in ("title", "audience"):
            found = checker.check(getattr(activity, field), SOURCE_OUTREACH, activity.id, field)
            # Outreach goes to departments by nature ("team Inkoop"); only a department with
            # fewer cases than k is worth a second look there.
            hits += [hit for hit in found if hit.kind != KIND_DEPARTMENT_NAME]
    return hits


def _contact_needles(contact: str) -> list[str]:
    found = [m.group(0) for m in tc.EMAIL.finditer(tc.fold(contact)[0])]
    folded = tc.fold(contact)[0]
    found += [folded[start:end] for start, end in tc.phone_spans(folded)]
    return [tc.fold_plain(item) for item in found]


_MIN_SURNAME = 3


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
        needles.append(" ".join(tc.fold_plain(row["name"]).split()))
        words = row["name"].split()
        surname = words[-1] if len(words) > 1 else ""
        if surname[:1].isupper() and len(surname) >= _MIN_SURNAME:
            needles.append(tc.fold_plain(surname).strip(".,"))
        needles += _contact_needles(f"{row['email']} {row['phone']}")
    folded, origin = tc.fold(text)
    spans: set[tuple[int, int]] = set()
    for needle in needles:
        if needle and needle not in tc.NAME_NOISE:
            spans.update(m.span() for m in tc.phrase_pattern(needle).finditer(folded))
    phones = {tc.digits_of(n) for n in needles if tc.phone_spans(n) == [(0, len(n))]}
    spans.update(
        (start, end)
        for start, end in tc.phone_spans(folded)
        if tc.digits_of(folded[start:end]) in phones
    )
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
