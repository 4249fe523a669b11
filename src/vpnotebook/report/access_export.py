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

What it holds is read from the field specs (core/fields.py), not listed here: every field of
the case and of its records that the VP can fill in — so a field added to a case is in the
reporter's copy without a change to this module. Only the headings are chosen here, addressed
to the reporter; a field without one is headed by its label from the spec.

Rendered by pdf.render_pdf: the same bytes for the same input, and a neutral /Title that says
what kind of document it is, never whose.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..core import taxonomy as tx
from ..core.fields import Spec, form_fields, specs
from ..core.journal import Journal, NotFoundError
from ..core.models import (
    Case,
    CaseLink,
    Conversation,
    Department,
    FollowUp,
    Organisation,
    Referral,
    Reporter,
    Route,
    TimeEntry,
)
from ..core.profile import vp_profile
from ..core.report_texts import referral_contact_hits
from ..core.retention import case_retention
from .document import Block, Document, Paragraph, Section, Table

TITLE = "Inzage in uw gegevens bij de vertrouwenspersoon"
MASK = "[contactpersoon]"
NOT_RECORDED = "niet vastgelegd"

# The sections the VP may leave out as a whole: their headings, and the records they list.
SECTIONS: dict[str, str] = {
    "routes": "Gekozen routes",
    "referrals": "Doorverwijzingen",
    "follow_ups": "Nazorg en afspraken",
    "time": "Bestede tijd",
    "links": "Meldingen die met de uwe samenhangen",
}
_LISTED: dict[str, type] = {
    "routes": Route,
    "referrals": Referral,
    "follow_ups": FollowUp,
    "time": TimeEntry,
    "links": CaseLink,
}
_EMPTY_LIST = {
    "routes": "Er is geen route vastgelegd.",
    "referrals": "U bent niet doorverwezen.",
    "follow_ups": "Er is geen nazorg of afspraak vastgelegd.",
    "time": "Buiten de gesprekken is geen tijd aan uw melding geschreven.",
    "links": "Uw melding is niet aan een andere melding gekoppeld.",
}

# Headings addressed to the reporter; a field not named here is headed by its spec's label.
_HEADINGS: dict[tuple[type, str], str] = {
    (Reporter, "name"): "Naam",
    (Reporter, "contact"): "Bereikbaar via",
    (Reporter, "notes"): "Wat de vertrouwenspersoon over u noteerde",
    (Case, "organisation_id"): "Organisatie",
    (Case, "department_id"): "Afdeling",
    (Case, "first_contact"): "Eerste contact",
    (Case, "contact_type"): "Soort contact",
    (Case, "categories"): "Waar de melding over gaat",
    (Case, "reporter_role"): "Uw rol in de organisatie",
    (Case, "relation_to_accused"): "Relatie tot wie het gedrag vertoonde",
    (Case, "consent_on"): "Toestemming voor het dossier gegeven op",
    (Case, "title"): "Werktitel (de korte aanduiding die de vertrouwenspersoon gebruikt)",
    (Case, "reporter_wishes"): "Wat u wilde bereiken",
    (Case, "outcome_note"): "Toelichting bij de uitkomst",
    (Conversation, "occasion"): "Aanleiding",
    (Conversation, "story"): "Uw verhaal",
    (Conversation, "wishes"): "Wat u wilde",
    (Conversation, "options"): "Besproken mogelijkheden",
    (Conversation, "agreements"): "Afspraken",
    (Conversation, "next_step"): "Volgende stap",
    (Conversation, "notes"): "Aantekeningen van de vertrouwenspersoon",
    (Route, "route"): "Route",
    (Route, "note"): "Toelichting",
    (Referral, "party"): "Verwezen naar",
    (Referral, "note"): "Toelichting",
    (FollowUp, "due_time"): "Tijd",
    (FollowUp, "note"): "Notitie",
    (TimeEntry, "minutes"): "Tijd",
    (TimeEntry, "note"): "Notitie",
    (Case, "reporter_known"): "Uw naam is bij de vertrouwenspersoon bekend",
    (Case, "reporter_count"): "Aantal melders (u en wie samen met u meldden)",
    (Case, "handover_consent_on"): "Toestemming om uw dossier over te dragen gegeven op",
    (Case, "notes"): "Notities van de vertrouwenspersoon bij de melding",
    (CaseLink, "linked_case_id"): "Andere melding",
    (CaseLink, "kind"): "Hoe ze samenhangen",
    (CaseLink, "note"): "Toelichting",
}
# Shown once the case is closed; before that they hold nothing to tell.
_ABOUT_CLOSING = ("closed_on", "outcome")
# Numbers that are minutes, printed as "1 u 05 min".
_MINUTES = ("duration_min", "minutes")

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


def _heading(entity_type: type, name: str) -> str:
    return _HEADINGS.get((entity_type, name)) or specs(entity_type)[name].label_nl or name


def _shown(entity_type: type, kinds: Iterable[str]) -> list[tuple[str, Spec]]:
    """The fields of a record the reporter reads, of these kinds, in the spec's order: every
    field the VP fills in, except the links between records (the case, its organisation)."""
    all_specs = specs(entity_type)
    wanted = set(kinds)
    return [
        (name, all_specs[name])
        for name in form_fields(entity_type)
        if all_specs[name].kind in wanted and name not in ("case_id", "organisation_id")
    ]


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

    def value(self, name: str, spec: Spec, value: Any) -> str:
        """One field's value as the reporter reads it."""
        if spec.kind == "text":
            return self.text(value)
        if spec.kind == "date":
            return _day(value)
        if spec.kind == "code":
            assert spec.vocab is not None
            return _label(spec.vocab, value)
        if spec.kind == "codes":
            assert spec.vocab is not None
            return ", ".join(spec.vocab.label(c, "nl") for c in value) or NOT_RECORDED
        if spec.kind == "bool":
            return "ja" if value else "nee"
        if spec.kind == "int":
            if value is None:
                return NOT_RECORDED
            return _minutes(value) if name in _MINUTES else str(value)
        if name == "department_id":
            department = NOT_RECORDED
            if value is not None:
                with contextlib.suppress(NotFoundError):
                    department = self.journal.get(Department, value).name
            return department
        raise LookupError(f"the access export cannot name what {name} refers to")

    def fields(self, entity_type: type, record: Any) -> list[Block]:
        """Each filled-in text under its own heading; empty ones are not printed."""
        blocks: list[Block] = []
        for name, _spec in _shown(entity_type, ("text",)):
            value = getattr(record, name)
            if value.strip():
                blocks.append(Paragraph(_heading(entity_type, name), "label"))
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
        blocks = self.fields(Reporter, reporter) if reporter is not None else []
        if not blocks:
            return Section(
                "Uw gegevens",
                (Paragraph("Uw naam en contactgegevens zijn niet (meer) vastgelegd."),),
            )
        return Section("Uw gegevens", tuple(blocks))

    def the_case(self, organisation: Organisation) -> Section:
        case = self.case
        rows = [("Meldingsnummer", case.number), ("Organisatie", organisation.name)]
        for name, spec in specs(Case).items():
            shown = not spec.system or name == "status"
            if not shown or spec.kind == "text" or name == "organisation_id":
                continue
            if name in _ABOUT_CLOSING and case.status != "closed":
                continue
            heading = "Stand van zaken" if name == "status" else _heading(Case, name)
            rows.append((heading, self.value(name, spec, getattr(case, name))))
        table = Table(
            key="case",
            title="Gegevens van de melding",
            header=("Gegeven", "Vastgelegd"),
            rows=tuple(rows),
            first_column_share=0.42,
            numeric=False,
        )
        return Section("Uw melding", (table, *self.fields(Case, case)))

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
        # The date is in the title; the rest of the facts on one line (a duration of zero
        # minutes means none was written down).
        facts = [
            self.value(name, spec, getattr(talk, name))
            for name, spec in _shown(Conversation, ("date", "int", "code", "codes", "bool", "ref"))
            if name != "held_on" and not (name in _MINUTES and not getattr(talk, name))
        ]
        blocks: list[Block] = [Paragraph(", ".join(facts), "note")]
        texts = self.fields(Conversation, talk)
        return blocks + (texts or [Paragraph("Van dit gesprek is geen verslag geschreven.")])

    def listed(self, key: str) -> Section:
        """Routes, referrals, after-care, time or links: a table, or a note that it was left
        out."""
        title = SECTIONS[key]
        if key in self.options.left_out_sections:
            return Section(title, (self.left_out_note(),))
        assert self.case.id is not None
        entity_type: type[Any] = _LISTED[key]
        columns = _shown(entity_type, ("text", "int", "date", "code", "codes", "bool", "ref"))
        if entity_type is CaseLink:
            # Seen from this case: the other one, whichever way round the link is stored.
            rows = [
                tuple(
                    linked.other_number
                    if name == "linked_case_id"
                    else self.value(name, spec, getattr(linked.link, name))
                    for name, spec in columns
                )
                for linked in self.journal.links_of(self.case.id)
            ]
        else:
            rows = [
                tuple(self.value(name, spec, getattr(record, name)) for name, spec in columns)
                for record in self.journal.records_of_case(entity_type, self.case.id)
            ]
        if not rows:
            return Section(title, (Paragraph(_EMPTY_LIST[key]),))
        table = Table(
            key=key,
            title="",
            header=tuple(_heading(entity_type, name) for name, _spec in columns),
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
    author = vp_profile(journal).signature("nl")
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
