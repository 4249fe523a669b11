"""One case, anonymised, for peer consultation (intervisie) with other VPs.

What leaves the vault is exactly the text the VP read and approved, nothing else:

1. `draft_text` writes the case as plain text: its anonymous features (the organisation
   replaced by its sector, dates only as month and year, no department, gender or age) and,
   per conversation the VP chose, its notes under their labels. Certain identifiers are
   replaced on the way: the reporter's full name by [melder], the organisation's name by
   [organisatie], case numbers, e-mail addresses and phone numbers by a placeholder.
2. The VP edits that text on screen. `check_text` runs the same free-text check as the
   annual report (core/report_texts.py) over it, plus the names of every client
   organisation; every hit must be changed or confirmed before the file is written.
3. `build_intervision` lays the approved text out as a PDF: a line "# Kop" is a heading, a
   line ending in a colon a label, anything else a paragraph. It adds no data of its own.

Counts in the text ("twee collega's") are not flagged here: the annual report checks them
because its tables are protected against small numbers, and this document has no tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..core import text_check as tc
from ..core.case_file import CaseFile, read_case_file
from ..core.fields import specs
from ..core.journal import Journal
from ..core.models import Case, Conversation
from ..core.report_texts import KIND_COUNT, TextHit, check_report_text
from .case_summary import minutes_text
from .disclosure import DEFAULT_POLICY
from .document import Block, Document, Paragraph, Section

TITLE = "Casus voor intervisie"
NOTICE = "Geanonimiseerd door de vertrouwenspersoon. Niet verder verspreiden."
KIND_ORGANISATION = "organisation"
REPORTER = "[melder]"
ORGANISATION = "[organisatie]"
# Hits that are replaced in the draft without asking: they are certain, and never wanted.
_PLACEHOLDERS = {
    "email": "[e-mailadres]",
    "phone": "[telefoonnummer]",
    "case_number": "[meldingsnummer]",
}
_PHONE = re.compile(r"\+?[\d ()\-.]+")


def _is_phone(text: str) -> bool:
    """Digits with the separators of a phone number, at least nine of them (not a date)."""
    return bool(_PHONE.fullmatch(text)) and sum(c.isdigit() for c in text) >= 9


# The conversation's texts in the draft, in the order of the form (labels from the spec).
_TEXTS = ("occasion", "story", "wishes", "options", "agreements", "next_step", "notes")


@dataclass(frozen=True)
class IntervisionOptions:
    """Which conversations go into the draft (None: all of them)."""

    conversations: frozenset[int] | None = None
    routes_and_referrals: bool = True


@dataclass(frozen=True)
class ReviewHit:
    """A place in the text that may point to someone, with why, for the VP to review."""

    start: int
    end: int
    kind: str
    matched: str
    reason: str

    @property
    def key(self) -> tuple[str, str]:
        """What a confirmation is about: the same word of the same kind anywhere."""
        return self.kind, tc.fold_plain(self.matched)


def month_text(day: date | None) -> str:
    return f"{tc.MONTHS[day.month - 1]} {day.year}" if day else "onbekend"


def _label(entity_type: type, name: str) -> str:
    return specs(entity_type)[name].label_nl or name


def _code(entity_type: type, name: str, value: str | None) -> str:
    vocab = specs(entity_type)[name].vocab
    assert vocab is not None
    return vocab.label(value, "nl") if value else "niet vastgelegd"


# Reported, but in one small organisation's story it would point to the reporter's team.
_LEFT_OUT_REPORTED = frozenset({"department_id"})
# Shown once the case is closed; before that they hold nothing.
_WHEN_CLOSED = frozenset({"closed_on", "outcome"})


def _features(file: CaseFile) -> list[str]:
    """The case's anonymous features: every field the annual report counts (read from the
    field specs, so a new one is here too) but the department, with dates as month and
    year; never a personal field. The organisation stands as its sector."""
    case = file.case
    lines = [
        "# De casus",
        f"Sector van de organisatie: {file.organisation.sector.strip() or 'niet vastgelegd'}",
    ]
    for name, spec in specs(Case).items():
        if not spec.reported or spec.kind == "ref" or name in _LEFT_OUT_REPORTED:
            continue
        if name in _WHEN_CLOSED and case.status != "closed":
            continue
        value = getattr(case, name)
        if spec.kind == "date":
            shown = month_text(value)
        elif spec.kind == "codes":
            assert spec.vocab is not None
            shown = ", ".join(spec.vocab.label(code, "nl") for code in value)
        elif spec.kind == "code":
            assert spec.vocab is not None
            shown = spec.vocab.label(value, "nl") if value else ""
        else:
            shown = str(value) if value is not None else ""
        lines.append(f"{spec.label_nl or name}: {shown or 'niet vastgelegd'}")
    talks = len(file.conversations)
    state = "afgesloten" if case.status == "closed" else "loopt nog"
    conversations = "1 gesprek" if talks == 1 else f"{talks} gesprekken"
    if file.conversation_minutes:
        conversations += f", samen {minutes_text(file.conversation_minutes)}"
    lines.append(f"Stand van zaken: {state} ({conversations})")
    return lines


def _conversation(number: int, total: int, talk: Conversation) -> list[str]:
    form = _code(Conversation, "form", talk.form).lower()
    about = f"{form}, {minutes_text(talk.duration_min)}" if talk.duration_min else form
    lines = ["", f"# Gesprek {number} van {total}: {month_text(talk.held_on)} ({about})"]
    for name in _TEXTS:
        value = str(getattr(talk, name)).strip()
        if value:
            lines += [f"{_label(Conversation, name)}:", value, ""]
    if lines[-1] == "":
        lines.pop()
    return lines


def _routes_and_referrals(file: CaseFile) -> list[str]:
    lines: list[str] = []
    if file.routes:
        lines += ["", "# Gekozen routes"]
        for route in file.routes:
            text = f"{_code(type(route), 'route', route.route)}: "
            text += _code(type(route), "outcome", route.outcome).lower()
            if route.started_on:
                text += f" (gestart in {month_text(route.started_on)})"
            lines.append(text)
    if file.referrals:
        lines += ["", "# Doorverwezen naar"]
        for referral in file.referrals:
            party = _code(type(referral), "party", referral.party)
            lines.append(f"{party} ({month_text(referral.referred_on)})")
    return lines


def draft_text(
    journal: Journal, case_id: int, *, today: date, options: IntervisionOptions | None = None
) -> str:
    """The case as text for the VP to read and edit, certain identifiers already replaced."""
    options = options or IntervisionOptions()
    file = read_case_file(journal, case_id, today)
    if file.case.is_destroyed:
        raise ValueError("a destroyed case holds nothing to share")
    chosen = [
        talk
        for talk in file.conversations
        if options.conversations is None or talk.id in options.conversations
    ]
    lines = _features(file)
    for number, talk in enumerate(chosen, start=1):
        lines += _conversation(number, len(chosen), talk)
    if options.routes_and_referrals:
        lines += _routes_and_referrals(file)
    return _replace_certain(journal, file, "\n".join(lines) + "\n")


def _replace_certain(journal: Journal, file: CaseFile, text: str) -> str:
    """Put placeholders where the text certainly names the reporter or the organisation, or
    holds an e-mail address, a phone number or a case number. Overlapping finds (the check
    may see "melding 2026-001" and "2026-001") become one placeholder."""
    spans: list[tuple[int, int, str]] = []
    reporter = file.reporter.name if file.reporter else ""
    for start, end in _phrase_spans(text, reporter):
        spans.append((start, end, REPORTER))
    for start, end in _phrase_spans(text, file.organisation.name):
        spans.append((start, end, ORGANISATION))
    for hit in _hits(journal, file.case, text):
        # By shape too: a phone number the vault knows comes back as the reporter's.
        shape = "email" if "@" in hit.matched else "phone" if _is_phone(hit.matched) else ""
        if hit.kind in _PLACEHOLDERS or shape:
            spans.append((hit.start, hit.end, _PLACEHOLDERS[shape or hit.kind]))
    merged: list[tuple[int, int, str]] = []
    for start, end, replacement in sorted(spans, key=lambda span: (span[0], -span[1])):
        if merged and start < merged[-1][1]:
            first, last, kept = merged[-1]
            merged[-1] = (first, max(last, end), kept)
            continue
        merged.append((start, end, replacement))
    for start, end, replacement in reversed(merged):
        text = text[:start] + replacement + text[end:]
    return text


def _phrase_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where a name occurs whole in the text, case and accents aside."""
    needle = tc.fold_plain(phrase)
    if not needle:
        return []
    folded, origin = tc.fold(text)
    return [
        (origin[match.start()], origin[match.end() - 1] + 1)
        for match in tc.phrase_pattern(needle).finditer(folded)
    ]


def _hits(journal: Journal, case: Case, text: str) -> list[TextHit]:
    assert case.organisation_id is not None and case.year is not None
    found = check_report_text(journal, case.organisation_id, case.year, text, k=DEFAULT_POLICY.k)
    found = [hit for hit in found if hit.kind != KIND_COUNT]
    for organisation in journal.organisations():
        for start, end in _phrase_spans(text, organisation.name):
            # The organisation's name wins over a part of it the check saw as a name.
            found = [hit for hit in found if not (start <= hit.start and hit.end <= end)]
            if not any(hit.start < end and start < hit.end for hit in found):
                found.append(TextHit(start, end, KIND_ORGANISATION, text[start:end]))
    return sorted(found, key=lambda hit: (hit.start, hit.end))


def check_text(journal: Journal, case_id: int, text: str) -> list[ReviewHit]:
    """Every place in the text that may point to someone: the annual report's check, and
    the names of the client organisations."""
    case = journal.get(Case, case_id)
    return [
        ReviewHit(
            hit.start,
            hit.end,
            hit.kind,
            hit.matched,
            "naam van een organisatie" if hit.kind == KIND_ORGANISATION else hit.reason("nl"),
        )
        for hit in _hits(journal, case, text)
    ]


@dataclass
class Approval:
    """The VP's confirmations of hits that may stay, by their key."""

    confirmed: set[tuple[str, str]] = field(default_factory=set)

    def open_hits(self, hits: Iterable[ReviewHit]) -> list[ReviewHit]:
        return [hit for hit in hits if hit.key not in self.confirmed]


class NotApproved(ValueError):
    """The text still holds places the VP has neither changed nor confirmed."""


def build_intervision(
    journal: Journal, case_id: int, text: str, *, approval: Approval, today: date
) -> Document:
    """The PDF's content: the approved text, laid out. NotApproved while a hit is open."""
    open_hits = approval.open_hits(check_text(journal, case_id, text))
    if open_hits:
        raise NotApproved(", ".join(sorted({hit.matched for hit in open_hits})))
    sections: list[Section] = []
    title = "De casus"
    blocks: list[Block] = []
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            blocks.append(Paragraph("\n".join(paragraph)))
            paragraph.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("# "):
            end_paragraph()
            if blocks:
                sections.append(Section(title, tuple(blocks)))
            title, blocks = stripped[2:].strip(), []
        elif not stripped:
            end_paragraph()
        elif stripped.endswith(":") and len(stripped) <= 60:
            end_paragraph()
            blocks.append(Paragraph(stripped[:-1], "label"))
        else:
            paragraph.append(stripped)
    end_paragraph()
    if blocks:
        sections.append(Section(title, tuple(blocks)))
    return Document(
        language="nl",
        title=TITLE,
        cover_lines=(f"Opgesteld in {month_text(today)}", NOTICE),
        sections=tuple(sections),
        footer=f"{TITLE} · {NOTICE}",
    )
