"""The journal's entities. Field specs (see fields.py) drive validation, storage and export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import taxonomy as tx
from .fields import code, codes, day, flag, integer, record_id, ref, text

SHORT = 300


def case_number(year: int, seq: int) -> str:
    """The per-year case number the VP refers to, such as 2026-007."""
    return f"{year}-{seq:03d}"


@dataclass
class Organisation:
    name: str = text("Naam", required=True, max_length=SHORT)
    employee_count: int | None = integer("Aantal medewerkers", minimum=0, maximum=1_000_000)
    sector: str = text("Sector", max_length=SHORT)
    retention_years: int = integer(
        "Bewaartermijn (jaren)", default=2, minimum=0, maximum=30, required=True
    )
    notes: str = text("Notities")
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
    first_contact: date | None = day("Datum eerste contact", required=True)
    contact_type: str | None = code("Soort contact", tx.CONTACT_TYPES, required=True)
    reporter_role: str | None = code("Rol van de melder", tx.REPORTER_ROLES, required=True)
    categories: tuple[str, ...] = codes("Aard van de melding", tx.CATEGORIES)
    title: str = text("Werktitel", max_length=SHORT)
    gender: str | None = code("Gender", tx.GENDERS)
    age_band: str | None = code("Leeftijd", tx.AGE_BANDS)
    department_id: int | None = ref("Afdeling")
    relation_to_accused: str | None = code("Relatie tot veroorzaker", tx.RELATIONS)
    reporter_wishes: str = text("Wat wil de melder")
    consent_on: date | None = day("Toestemming dossier")
    status: str = code("Status", tx.CASE_STATUSES, required=True, default="open")
    closed_on: date | None = day("Afgesloten op")
    outcome: str | None = code("Uitkomst", tx.CASE_OUTCOMES)
    outcome_note: str = text("Toelichting uitkomst")
    year: int | None = integer("Jaar", minimum=1990, maximum=2200)
    seq: int | None = integer("Volgnummer", minimum=1)
    destroyed_on: date | None = day("Vernietigd op")
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


@dataclass
class Reporter:
    """The reporter's identifying details, kept apart so they can be wiped on their own."""

    case_id: int | None = ref("Melding", required=True)
    name: str = text("Naam melder", max_length=SHORT)
    contact: str = text("Contactgegevens", max_length=1000)
    notes: str = text("Notities over de melder")


@dataclass
class Conversation:
    case_id: int | None = ref("Melding", required=True)
    held_on: date | None = day("Datum gesprek", required=True)
    form: str | None = code("Vorm", tx.CONVERSATION_FORMS, required=True, default="in_person")
    duration_min: int = integer(
        "Duur (minuten)", default=0, minimum=0, maximum=24 * 60, required=True
    )
    occasion: str = text("Aanleiding")
    story: str = text("Verhaal van de melder")
    wishes: str = text("Wat wil de melder")
    options: str = text("Besproken mogelijkheden")
    agreements: str = text("Afspraken")
    next_step: str = text("Volgende stap")
    notes: str = text("Vrije aantekeningen")
    id: int | None = record_id()


@dataclass
class Route:
    case_id: int | None = ref("Melding", required=True)
    route: str | None = code("Route", tx.ROUTES, required=True)
    started_on: date | None = day("Gestart op")
    outcome: str = code("Uitkomst", tx.ROUTE_OUTCOMES, required=True, default="pending")
    note: str = text("Toelichting")
    id: int | None = record_id()


@dataclass
class Referral:
    case_id: int | None = ref("Melding", required=True)
    party: str | None = code("Verwezen naar", tx.REFERRAL_PARTIES, required=True)
    referred_on: date | None = day("Datum", required=True)
    note: str = text("Toelichting")
    id: int | None = record_id()


@dataclass
class FollowUp:
    organisation_id: int | None = ref("Organisatie", required=True)
    kind: str | None = code("Soort", tx.FOLLOW_UP_KINDS, required=True)
    due_on: date | None = day("Datum", required=True)
    case_id: int | None = ref("Melding")
    due_time: str = text("Tijd", max_length=5)
    note: str = text("Notitie")
    done_on: date | None = day("Afgerond op")
    id: int | None = record_id()


@dataclass
class OutreachActivity:
    organisation_id: int | None = ref("Organisatie", required=True)
    held_on: date | None = day("Datum", required=True)
    kind: str | None = code("Soort", tx.OUTREACH_KINDS, required=True)
    title: str = text("Onderwerp", max_length=SHORT)
    audience: str = text("Doelgroep", max_length=SHORT)
    participants: int | None = integer("Aantal deelnemers", minimum=0, maximum=100_000)
    duration_min: int = integer(
        "Duur (minuten)", default=0, minimum=0, maximum=24 * 60, required=True
    )
    notes: str = text("Notities")
    id: int | None = record_id()


@dataclass
class Signal:
    organisation_id: int | None = ref("Organisatie", required=True)
    given_on: date | None = day("Datum", required=True)
    kind: str | None = code("Soort", tx.SIGNAL_KINDS, required=True, default="signal")
    subject: str = text("Onderwerp", max_length=SHORT)
    text: str = text("Tekst")
    asked: bool = flag("Gevraagd advies")
    id: int | None = record_id()


@dataclass
class TimeEntry:
    organisation_id: int | None = ref("Organisatie", required=True)
    spent_on: date | None = day("Datum", required=True)
    minutes: int | None = integer("Minuten", minimum=1, maximum=24 * 60, required=True)
    activity: str | None = code("Activiteit", tx.TIME_ACTIVITIES, required=True)
    case_id: int | None = ref("Melding")
    note: str = text("Notitie")
    id: int | None = record_id()


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
}
