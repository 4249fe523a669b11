"""The journal's entities. Field specs (see fields.py) drive validation, storage and export."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from . import taxonomy as tx
from .fields import code, codes, day, flag, integer, record_id, ref, specs, text

SHORT = 300
MAX_REPORTERS = 500  # a group report of a whole workforce is still one case


def case_number(year: int, seq: int) -> str:
    """The per-year case number the VP refers to, such as 2026-007."""
    return f"{year}-{seq:03d}"


@dataclass
class Organisation:
    name: str = text("Naam", required=True, max_length=SHORT, searchable=True)
    employee_count: int | None = integer("Aantal medewerkers", minimum=0, maximum=1_000_000)
    sector: str = text("Sector", max_length=SHORT, searchable=True)
    retention_years: int = integer(
        "Bewaartermijn (jaren)", default=2, minimum=0, maximum=30, required=True
    )
    notes: str = text("Notities", searchable=True)
    archived: bool = flag("Gearchiveerd")
    id: int | None = record_id()


@dataclass
class Department:
    organisation_id: int | None = ref("Organisatie", required=True)
    name: str = text("Afdeling", required=True, max_length=SHORT)
    id: int | None = record_id()


@dataclass
class ReferralContact:
    organisation_id: int | None = ref("Organisatie", required=True)
    party: str | None = code("Soort", tx.REFERRAL_PARTIES, required=True)
    name: str = text("Naam", max_length=SHORT)
    phone: str = text("Telefoon", max_length=SHORT)
    email: str = text("E-mail", max_length=SHORT)
    notes: str = text("Notities")
    id: int | None = record_id()


@dataclass
class Case:
    organisation_id: int | None = ref("Organisatie", required=True)
    first_contact: date | None = day("Datum eerste contact", required=True, reported=True)
    contact_type: str | None = code("Soort contact", tx.CONTACT_TYPES, required=True, reported=True)
    reporter_role: str | None = code(
        "Rol van de melder", tx.REPORTER_ROLES, required=True, reported=True
    )
    categories: tuple[str, ...] = codes("Aard van de melding", tx.CATEGORIES, reported=True)
    title: str = text("Werktitel", max_length=SHORT, personal=True, searchable=True)
    gender: str | None = code("Gender", tx.GENDERS, personal=True)
    age_band: str | None = code("Leeftijd", tx.AGE_BANDS, personal=True)
    department_id: int | None = ref("Afdeling", reported=True)
    relation_to_accused: str | None = code("Relatie tot veroorzaker", tx.RELATIONS, reported=True)
    # Anonymous means no identity may be stored for the case (Journal refuses it); the report
    # counts anonymous reporters. True is the usual case, so the default: "known to the VP".
    reporter_known: bool = flag("Melder bij de VP bekend", default=True, reported=True)
    # Two or more: a group came with one story. Still one case; the report counts its people.
    reporter_count: int = integer(
        "Aantal melders", default=1, minimum=1, maximum=MAX_REPORTERS, required=True, reported=True
    )
    reporter_wishes: str = text("Wat wil de melder", personal=True, searchable=True)
    consent_on: date | None = day("Toestemming dossier", personal=True)
    # The reporter agreed to the file going to another VP (core/handover.py needs it).
    handover_consent_on: date | None = day("Toestemming overdracht", personal=True)
    status: str = code("Status", tx.CASE_STATUSES, required=True, default="open", system=True)
    closed_on: date | None = day("Afgesloten op", reported=True)
    outcome: str | None = code("Uitkomst", tx.CASE_OUTCOMES, reported=True)
    outcome_note: str = text("Toelichting uitkomst", personal=True, searchable=True)
    notes: str = text("Notities bij de melding", personal=True, searchable=True)
    year: int | None = integer("Jaar", minimum=1990, maximum=2200, system=True)
    seq: int | None = integer("Volgnummer", minimum=1, system=True)
    destroyed_on: date | None = day("Vernietigd op", system=True)
    id: int | None = record_id()

    @property
    def number(self) -> str:
        """The per-year case number the VP refers to, such as 2026-007."""
        if self.year is None or self.seq is None:
            return ""
        return case_number(self.year, self.seq)

    @property
    def is_destroyed(self) -> bool:
        return self.destroyed_on is not None

    @property
    def anonymous(self) -> bool:
        return not self.reporter_known

    @property
    def is_group(self) -> bool:
        return self.reporter_count >= 2


@dataclass
class Reporter:
    """The reporter's identifying details, kept apart so they can be wiped on their own."""

    case_id: int | None = ref("Melding", required=True)
    name: str = text("Naam melder", max_length=SHORT, identity=True, personal=True, searchable=True)
    contact: str = text(
        "Contactgegevens", max_length=1000, identity=True, personal=True, searchable=True
    )
    notes: str = text("Notities over de melder", identity=True, personal=True, searchable=True)


@dataclass
class Conversation:
    """One conversation with the reporter. Every field is personal: destroying the case
    removes the conversations, after counting them per year in the conversation archive
    that the annual report reads (core/destruction.py)."""

    case_id: int | None = ref("Melding", required=True)
    held_on: date | None = day("Datum gesprek", required=True, personal=True)
    form: str | None = code(
        "Vorm", tx.CONVERSATION_FORMS, required=True, default="in_person", personal=True
    )
    duration_min: int = integer(
        "Duur (minuten)", default=0, minimum=0, maximum=24 * 60, required=True, personal=True
    )
    occasion: str = text("Aanleiding", personal=True, searchable=True)
    story: str = text("Verhaal van de melder", personal=True, searchable=True)
    wishes: str = text("Wat wil de melder", personal=True, searchable=True)
    options: str = text("Besproken mogelijkheden", personal=True, searchable=True)
    agreements: str = text("Afspraken", personal=True, searchable=True)
    next_step: str = text("Volgende stap", personal=True, searchable=True)
    notes: str = text("Vrije aantekeningen", personal=True, searchable=True)
    id: int | None = record_id()


@dataclass
class Route:
    case_id: int | None = ref("Melding", required=True)
    route: str | None = code("Route", tx.ROUTES, required=True, reported=True)
    started_on: date | None = day("Gestart op", reported=True)
    outcome: str = code(
        "Uitkomst", tx.ROUTE_OUTCOMES, required=True, default="pending", reported=True
    )
    note: str = text("Toelichting", personal=True, searchable=True)
    id: int | None = record_id()


@dataclass
class Referral:
    case_id: int | None = ref("Melding", required=True)
    party: str | None = code("Verwezen naar", tx.REFERRAL_PARTIES, required=True, reported=True)
    referred_on: date | None = day("Datum", required=True, reported=True)
    note: str = text("Toelichting", personal=True, searchable=True)
    id: int | None = record_id()


@dataclass
class FollowUp:
    organisation_id: int | None = ref("Organisatie", required=True)
    kind: str | None = code("Soort", tx.FOLLOW_UP_KINDS, required=True, personal=True)
    due_on: date | None = day("Datum", required=True, personal=True)
    case_id: int | None = ref("Melding")
    due_time: str = text("Tijd", max_length=5, personal=True)
    note: str = text("Notitie", personal=True, searchable=True)
    done_on: date | None = day("Afgerond op", personal=True)
    id: int | None = record_id()


@dataclass
class OutreachActivity:
    organisation_id: int | None = ref("Organisatie", required=True)
    held_on: date | None = day("Datum", required=True)
    kind: str | None = code("Soort", tx.OUTREACH_KINDS, required=True)
    title: str = text("Onderwerp", max_length=SHORT, searchable=True)
    audience: str = text("Doelgroep", max_length=SHORT, searchable=True)
    participants: int | None = integer("Aantal deelnemers", minimum=0, maximum=100_000)
    duration_min: int = integer(
        "Duur (minuten)", default=0, minimum=0, maximum=24 * 60, required=True
    )
    notes: str = text("Notities", searchable=True)
    id: int | None = record_id()


@dataclass
class Signal:
    organisation_id: int | None = ref("Organisatie", required=True)
    given_on: date | None = day("Datum", required=True)
    kind: str | None = code("Soort", tx.SIGNAL_KINDS, required=True, default="signal")
    subject: str = text("Onderwerp", max_length=SHORT, searchable=True)
    text: str = text("Tekst", searchable=True)
    asked: bool = flag("Gevraagd advies")
    id: int | None = record_id()


@dataclass
class TimeEntry:
    organisation_id: int | None = ref("Organisatie", required=True)
    spent_on: date | None = day("Datum", required=True, reported=True)
    minutes: int | None = integer(
        "Minuten", minimum=1, maximum=24 * 60, required=True, reported=True
    )
    activity: str | None = code("Activiteit", tx.TIME_ACTIVITIES, required=True, reported=True)
    case_id: int | None = ref("Melding")
    note: str = text("Notitie", personal=True, searchable=True)
    id: int | None = record_id()


@dataclass
class CaseLink:
    """Two of the VP's cases that belong together. Stored once per pair, the lower case id
    first (Journal.link_cases); shown on both. Destroying either case removes the link: that
    two cases share a reporter or an accused is itself something about people."""

    case_id: int | None = ref("Melding", required=True)
    linked_case_id: int | None = ref("Gekoppelde melding", required=True)
    kind: str | None = code("Soort koppeling", tx.LINK_KINDS, required=True, personal=True)
    note: str = text("Toelichting bij de koppeling", max_length=SHORT, personal=True)
    id: int | None = record_id()

    def seen_from(self, case_id: int) -> CaseLink:
        """The link with `case_id` as its own case and the other one as the linked case."""
        if self.linked_case_id == case_id:
            return replace(self, case_id=self.linked_case_id, linked_case_id=self.case_id)
        return self


# Entity -> table, in an order where every reference points to an earlier table.
TABLES: dict[type, str] = {
    Organisation: "organisations",
    Department: "departments",
    ReferralContact: "referral_contacts",
    Case: "cases",
    Reporter: "reporters",
    Conversation: "conversations",
    Route: "routes",
    Referral: "referrals",
    FollowUp: "follow_ups",
    OutreachActivity: "outreach",
    Signal: "signals",
    TimeEntry: "time_entries",
    CaseLink: "case_links",
}

# The date each dated kind of record is known by: it orders the record in every list, and
# for a case's record it is the day of the activity (see Journal._reopen_on_activity).
DATE_FIELDS: dict[type, str] = {
    Conversation: "held_on",
    Route: "started_on",
    Referral: "referred_on",
    FollowUp: "due_on",
    TimeEntry: "spent_on",
    OutreachActivity: "held_on",
    Signal: "given_on",
}

# The case itself and every kind of record that can belong to one (it has a case_id): what
# destroying a case goes through, what the reporter's access export shows.
CASE_RECORDS: tuple[type, ...] = (Case, *(t for t in TABLES if "case_id" in specs(t)))
