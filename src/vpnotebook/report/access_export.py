"""The reporter's right of access: one case as a readable document for the person it is about.

Unlike the annual report this document is *about one person* and holds their case in full:
who they are, the intake in words, every conversation with the VP's notes, routes, referrals,
after-care and time. It is meant for the reporter only, and the VP hands it over. It is read
through core's journal like any screen, never printed for anyone else.

Others have rights too (the GDPR's right of access may not harm them). What can be removed
mechanically is removed on request: the names, e-mail addresses and phone numbers of the
organisation's referral contacts become "[contactpersoon]" wherever they appear. What cannot
be recognised mechanically — the accused named in a conversation — the VP handles by leaving
that conversation, or a whole section, out; the document then says in its place that
something was left out and why, rather than pretending it is complete.

Rendered by pdf.render_pdf: the same bytes for the same input, and a neutral /Title that says
what kind of document it is, never whose.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..core import taxonomy as tx
from ..core.journal import Journal, NotFoundError
from ..core.models import (
    Case,
    Conversation,
    Department,
    FollowUp,
    Organisation,
    Referral,
    Reporter,
    Route,
    TimeEntry,
)
from ..core.report_texts import referral_contact_hits
from ..core.retention import case_retention
from . import wording as w
from .document import Block, Document, Paragraph, Section, Table

TITLE = "Inzage in uw gegevens bij de vertrouwenspersoon"
MASK = "[contactpersoon]"
NOT_RECORDED = "niet vastgelegd"

# The sections the VP may leave out as a whole, with their headings.
SECTIONS: dict[str, str] = {
    "routes": "Gekozen routes",
    "referrals": "Doorverwijzingen",
    "follow_ups": "Nazorg en afspraken",
    "time": "Bestede tijd",
}

# Conversation fields in the order of the form, with headings addressed to the reporter.
_CONVERSATION_TEXTS = (
    ("occasion", "Aanleiding"),
    ("story", "Uw verhaal"),
    ("wishes", "Wat u wilde"),
    ("options", "Besproken mogelijkheden"),
    ("agreements", "Afspraken"),
    ("next_step", "Volgende stap"),
    ("notes", "Aantekeningen van de vertrouwenspersoon"),
)

_LEFT_OUT = (
    "Niet opgenomen: dit onderdeel bevat gegevens over anderen, die ook recht op privacy hebben."
)


@dataclass(frozen=True)
class AccessOptions:
    """What the VP leaves out to protect others; by default nothing but contact names."""

    left_out_conversations: frozenset[int] = field(default_factory=frozenset)
    left_out_sections: frozenset[str] = field(default_factory=frozenset)
    hide_contact_names: bool = True

    def __post_init__(self) -> None:
        unknown = set(self.left_out_sections) - set(SECTIONS)
        if unknown:
            raise ValueError(f"unknown sections to leave out: {sorted(unknown)}")


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else NOT_RECORDED


def _label(vocabulary: tx.Vocabulary, code: str | None) -> str:
    return vocabulary.label(code, "nl") if code else NOT_RECORDED


def _minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} u {rest:02d} min"


class _Builder:
    def __init__(self, journal: Journal, case: Case, options: AccessOptions) -> None:
        self.journal = journal
        self.case = case
        self.options = options
        self.masked = 0
        self.left_out = False

    def text(self, value: str) -> str:
        """The VP's text with referral contacts' names and numbers left out, if asked."""
        if not self.options.hide_contact_names or not value.strip():
            return value
        assert self.case.organisation_id is not None
        parts, position = [], 0
        for hit in referral_contact_hits(self.journal, self.case.organisation_id, value):
            if hit.start < position:
                continue  # overlaps the one before: already left out
            parts += [value[position : hit.start], MASK]
            position = hit.end
            self.masked += 1
        return "".join(parts) + value[position:]

    def fields(self, pairs: Iterable[tuple[str, str]]) -> list[Block]:
        """Each filled-in text under its own heading; empty ones are not printed."""
        blocks: list[Block] = []
        for heading, value in pairs:
            if value.strip():
                blocks.append(Paragraph(heading, "label"))
                blocks.append(Paragraph(self.text(value.strip())))
        return blocks

    def left_out_note(self) -> Paragraph:
        self.left_out = True
        return Paragraph(_LEFT_OUT, "note")

    # -- sections ----------------------------------------------------------------------

    def identity(self) -> Section:
        assert self.case.id is not None
        try:
            reporter: Reporter | None = self.journal.get(Reporter, self.case.id)
        except NotFoundError:
            reporter = None
        if reporter is None or not any(
            (reporter.name.strip(), reporter.contact.strip(), reporter.notes.strip())
        ):
            return Section(
                "Uw gegevens",
                (Paragraph("Uw naam en contactgegevens zijn niet (meer) vastgelegd."),),
            )
        blocks = self.fields(
            (
                ("Naam", reporter.name),
                ("Bereikbaar via", reporter.contact),
                ("Wat de vertrouwenspersoon over u noteerde", reporter.notes),
            )
        )
        return Section("Uw gegevens", tuple(blocks))

    def the_case(self, organisation: Organisation) -> Section:
        case = self.case
        department = NOT_RECORDED
        if case.department_id is not None:
            with contextlib.suppress(NotFoundError):
                department = self.journal.get(Department, case.department_id).name
        categories = ", ".join(tx.CATEGORIES.label(c, "nl") for c in case.categories)
        rows = [
            ("Meldingsnummer", case.number),
            ("Organisatie", organisation.name),
            ("Afdeling", department),
            ("Eerste contact", _day(case.first_contact)),
            ("Soort contact", _label(tx.CONTACT_TYPES, case.contact_type)),
            ("Waar de melding over gaat", categories or NOT_RECORDED),
            ("Uw rol in de organisatie", _label(tx.REPORTER_ROLES, case.reporter_role)),
            ("Gender", _label(tx.GENDERS, case.gender)),
            ("Leeftijd", _label(tx.AGE_BANDS, case.age_band)),
            (
                "Relatie tot wie het gedrag vertoonde",
                _label(tx.RELATIONS, case.relation_to_accused),
            ),
            ("Toestemming voor het dossier gegeven op", _day(case.consent_on)),
            ("Stand van zaken", _label(tx.CASE_STATUSES, case.status)),
        ]
        if case.closed_on is not None:
            rows.append(("Afgesloten op", _day(case.closed_on)))
            rows.append(("Uitkomst", _label(tx.CASE_OUTCOMES, case.outcome)))
        table = Table(
            key="case",
            title="Gegevens van de melding",
            header=("Gegeven", "Vastgelegd"),
            rows=tuple((name, value) for name, value in rows),
            first_column_share=0.42,
            numeric=False,
        )
        texts = self.fields(
            (
                ("Werktitel (de korte aanduiding die de vertrouwenspersoon gebruikt)", case.title),
                ("Wat u wilde bereiken", case.reporter_wishes),
                ("Toelichting bij de uitkomst", case.outcome_note),
            )
        )
        return Section("Uw melding", (table, *texts))

    def conversations(self) -> list[Section]:
        assert self.case.id is not None
        talks = self.journal.conversations_of(self.case.id)
        if not talks:
            return [Section("Gesprekken", (Paragraph("Er zijn geen gesprekken vastgelegd."),))]
        sections = []
        for number, talk in enumerate(talks, start=1):
            title = f"Gesprek {number} van {len(talks)}, {_day(talk.held_on)}"
            if talk.id in self.options.left_out_conversations:
                sections.append(Section(title, (self.left_out_note(),)))
                continue
            sections.append(Section(title, tuple(self.conversation(talk))))
        return sections

    def conversation(self, talk: Conversation) -> list[Block]:
        form = _label(tx.CONVERSATION_FORMS, talk.form)
        about = form if not talk.duration_min else f"{form}, {_minutes(talk.duration_min)}"
        blocks: list[Block] = [Paragraph(about, "note")]
        texts = self.fields((heading, getattr(talk, name)) for name, heading in _CONVERSATION_TEXTS)
        return blocks + (texts or [Paragraph("Van dit gesprek is geen verslag geschreven.")])

    def listed(self, key: str) -> Section:
        """Routes, referrals, after-care or time: a table, or a note that it was left out."""
        title = SECTIONS[key]
        if key in self.options.left_out_sections:
            return Section(title, (self.left_out_note(),))
        assert self.case.id is not None
        where = ("case_id = ?", (self.case.id,))
        header: tuple[str, ...]
        rows: list[tuple[str, ...]]
        if key == "routes":
            header = ("Route", "Gestart op", "Uitkomst", "Toelichting")
            rows = [
                (
                    _label(tx.ROUTES, r.route),
                    _day(r.started_on),
                    _label(tx.ROUTE_OUTCOMES, r.outcome),
                    self.text(r.note),
                )
                for r in self.journal.find(Route, *where, order="coalesce(started_on, ''), id")
            ]
            empty = "Er is geen route vastgelegd."
        elif key == "referrals":
            header = ("Verwezen naar", "Datum", "Toelichting")
            rows = [
                (_label(tx.REFERRAL_PARTIES, r.party), _day(r.referred_on), self.text(r.note))
                for r in self.journal.find(Referral, *where, order="referred_on, id")
            ]
            empty = "U bent niet doorverwezen."
        elif key == "follow_ups":
            header = ("Soort", "Datum", "Notitie", "Afgerond op")
            rows = [
                (
                    _label(tx.FOLLOW_UP_KINDS, f.kind),
                    _day(f.due_on) + (f" {f.due_time}" if f.due_time else ""),
                    self.text(f.note),
                    _day(f.done_on) if f.done_on else "",
                )
                for f in self.journal.find(FollowUp, *where, order="due_on, id")
            ]
            empty = "Er is geen nazorg of afspraak vastgelegd."
        else:
            header = ("Datum", "Tijd", "Activiteit", "Notitie")
            rows = [
                (
                    _day(t.spent_on),
                    _minutes(t.minutes or 0),
                    _label(tx.TIME_ACTIVITIES, t.activity),
                    self.text(t.note),
                )
                for t in self.journal.find(TimeEntry, *where, order="spent_on, id")
            ]
            empty = "Buiten de gesprekken is geen tijd aan uw melding geschreven."
        if not rows:
            return Section(title, (Paragraph(empty),))
        table = Table(
            key=key,
            title="",
            header=header,
            rows=tuple(rows),
            first_column_share=0.3,
            numeric=False,
        )
        return Section(title, (table,))

    def retention(self, organisation: Organisation, today: date) -> Section:
        case = self.case
        years = organisation.retention_years
        period = "1 jaar" if years == 1 else f"{years} jaar"
        assert case.id is not None
        status = case_retention(self.journal, case.id, today)
        if status is None:
            kept = (
                f"Uw dossier wordt bewaard zolang uw melding loopt, en daarna nog {period} "
                "na het afsluiten."
            )
        elif status.extension is not None:
            kept = (
                f"Uw melding is afgesloten op {_day(status.closed_on)}. De vertrouwenspersoon "
                f"heeft besloten uw dossier langer te bewaren, tot {_day(status.due_on)}. "
                f"Reden: {self.text(status.extension.reason)}"
            )
        else:
            kept = (
                f"Uw melding is afgesloten op {_day(status.closed_on)}. Uw dossier wordt "
                f"bewaard tot {_day(status.due_on)}, {period} na het afsluiten."
            )
        blocks = [
            Paragraph(kept),
            Paragraph(
                "Daarna vernietigt de vertrouwenspersoon uw naam en contactgegevens, de "
                "gespreksverslagen en alle aantekeningen. Alleen anonieme gegevens blijven "
                "over, zoals het soort melding en het aantal gesprekken. Die tellen mee in het "
                "jaarverslag aan de organisatie en zijn niet tot u te herleiden."
            ),
            Paragraph(
                "Het dossier staat versleuteld op de computer van de vertrouwenspersoon en "
                "wordt met niemand gedeeld. U kunt vragen om onjuiste gegevens te verbeteren, "
                "of om uw dossier eerder te laten vernietigen. Neem daarvoor contact op met de "
                "vertrouwenspersoon."
            ),
        ]
        return Section("Bewaren en uw rechten", tuple(blocks))


def build_access_export(
    journal: Journal, case_id: int, *, today: date, options: AccessOptions | None = None
) -> Document:
    """The document for the reporter of one case. Raises ValueError for a destroyed case."""
    options = options or AccessOptions()
    case = journal.get(Case, case_id)
    if case.is_destroyed:
        raise ValueError("a destroyed case holds nothing to export")
    assert case.organisation_id is not None
    organisation = journal.get(Organisation, case.organisation_id)
    builder = _Builder(journal, case, options)
    body = [
        builder.identity(),
        builder.the_case(organisation),
        *builder.conversations(),
        *(builder.listed(key) for key in SECTIONS),
        builder.retention(organisation, today),
    ]
    intro = [
        Paragraph(
            "U heeft gevraagd welke gegevens de vertrouwenspersoon over u bewaart. Hier staat "
            "alles wat over u en uw melding is vastgelegd: uw gegevens, de gegevens van de "
            "melding, de verslagen van de gesprekken met de aantekeningen van de "
            "vertrouwenspersoon, en de routes, verwijzingen en afspraken."
        )
    ]
    if builder.left_out:
        intro.append(
            Paragraph(
                "Sommige delen zijn niet opgenomen, omdat ze gegevens over anderen bevatten. "
                "Op die plaatsen staat dat aangegeven."
            )
        )
    if builder.masked:
        intro.append(
            Paragraph(
                "Namen en contactgegevens van contactpersonen bij wie u terecht kon, zoals de "
                f"bedrijfsarts of een mediator, zijn vervangen door {MASK}."
            )
        )
    vp_name = journal.setting("vp_name", "") or ""
    vp_role = journal.setting("vp_role", "") or ""
    role = w.pick(w.VP_ROLES[vp_role], "nl") if vp_role in w.VP_ROLES else ""
    author = ", ".join(part for part in (vp_name, role) if part) or "de vertrouwenspersoon"
    return Document(
        language="nl",
        title=TITLE,
        cover_lines=(
            f"Melding {case.number}, {organisation.name}",
            f"Opgesteld op {_day(today)} door {author}",
            "Vertrouwelijk: alleen bestemd voor de melder.",
        ),
        sections=(Section("Over dit overzicht", tuple(intro)), *body),
        footer=f"Inzage melding {case.number} · vertrouwelijk, alleen voor de melder",
    )
