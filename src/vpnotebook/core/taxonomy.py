"""The profession's vocabulary: stable codes stored in the vault, with Dutch and English labels.

Codes are English and never change once released (they are in vaults, exports and backups);
labels may be reworded freely. Order here is the order the GUI and the report show.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    nl: str
    en: str

    def label(self, language: str = "nl") -> str:
        return self.en if language == "en" else self.nl


class Vocabulary:
    def __init__(self, name: str, *terms: Term) -> None:
        self.name = name
        self.terms = terms
        self._by_code = {term.code: term for term in terms}

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.terms)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def label(self, code: str, language: str = "nl") -> str:
        term = self._by_code.get(code)
        return term.label(language) if term else code


CONTACT_TYPES = Vocabulary(
    "contact_type",
    Term("question", "Vraag", "Question"),
    Term("sounding_board", "Sparren", "Sounding board"),
    Term("report", "Melding", "Report"),
)

CATEGORIES = Vocabulary(
    "category",
    Term("intimidation", "Intimidatie", "Intimidation"),
    Term("sexual_harassment", "Seksuele intimidatie", "Sexual harassment"),
    Term("bullying", "Pesten", "Bullying"),
    Term("aggression", "Agressie en geweld", "Aggression and violence"),
    Term("discrimination", "Discriminatie", "Discrimination"),
    Term("integrity", "Integriteit (vermoeden van misstand)", "Integrity (suspected wrongdoing)"),
    Term("outside_remit", "Buiten werkterrein", "Outside the VP's remit"),
)

REPORTER_ROLES = Vocabulary(
    "reporter_role",
    Term("employee", "Medewerker", "Employee"),
    Term("manager", "Leidinggevende", "Manager"),
    Term("temp", "Uitzendkracht of inhuur", "Temp or contractor"),
    Term("intern", "Stagiair", "Intern"),
    Term("volunteer", "Vrijwilliger", "Volunteer"),
    Term("ex_employee", "Oud-medewerker (binnen een jaar)", "Ex-employee (within a year)"),
)

GENDERS = Vocabulary(
    "gender",
    Term("female", "Vrouw", "Female"),
    Term("male", "Man", "Male"),
    Term("other", "Anders", "Other"),
)

AGE_BANDS = Vocabulary(
    "age_band",
    Term("under_25", "Jonger dan 25", "Under 25"),
    Term("25_34", "25–34", "25–34"),
    Term("35_44", "35–44", "35–44"),
    Term("45_54", "45–54", "45–54"),
    Term("55_plus", "55 of ouder", "55 or older"),
)

RELATIONS = Vocabulary(
    "relation_to_accused",
    Term("manager", "Leidinggevende", "Manager"),
    Term("colleague", "Collega", "Colleague"),
    Term("subordinate", "Ondergeschikte", "Subordinate"),
    Term(
        "external", "Extern (klant, leverancier, bezoeker)", "External (client, supplier, visitor)"
    ),
)

ROUTES = Vocabulary(
    "route",
    Term("address_directly", "Zelf aanspreken", "Address the person directly"),
    Term("manager", "Naar de leidinggevende", "Go to the manager"),
    Term("vp_informal", "Informele oplossing via de VP", "Informal solution through the VP"),
    Term("mediation", "Bemiddeling of mediation", "Mediation"),
    Term("complaints_committee", "Klacht bij de klachtencommissie", "Complaint to the committee"),
    Term("court_employer", "Rechter (tegen werkgever)", "Court (against the employer)"),
    Term("court_accused", "Rechter (tegen veroorzaker)", "Court (against the accused)"),
    Term("police_report", "Aangifte bij de politie", "Police report"),
    Term(
        "human_rights_institute",
        "College voor de Rechten van de Mens",
        "Netherlands Institute for Human Rights",
    ),
    Term(
        "report_to_management",
        "Melding misstand bij de organisatie",
        "Report of wrongdoing to the organisation",
    ),
    Term("whistleblowers_house", "Huis voor Klokkenluiders", "Whistleblowers Authority"),
)

ROUTE_OUTCOMES = Vocabulary(
    "route_outcome",
    Term("pending", "Loopt nog", "Pending"),
    Term("resolved", "Opgelost", "Resolved"),
    Term("not_resolved", "Niet opgelost", "Not resolved"),
    Term("withdrawn", "Afgezien of ingetrokken", "Withdrawn"),
    Term("founded", "Gegrond verklaard", "Found justified"),
    Term("unfounded", "Ongegrond verklaard", "Found unjustified"),
    Term("unknown", "Onbekend", "Unknown"),
)

REFERRAL_PARTIES = Vocabulary(
    "referral_party",
    Term("manager", "Leidinggevende", "Manager"),
    Term("hr", "HR / P&O", "HR"),
    Term("company_doctor", "Bedrijfsarts", "Company doctor"),
    Term("gp", "Huisarts", "GP"),
    Term("social_worker", "Bedrijfsmaatschappelijk werk", "Company social worker"),
    Term("psychologist", "Psycholoog", "Psychologist"),
    Term("mediator", "Mediator", "Mediator"),
    Term("legal_aid", "Juridisch adviseur", "Legal aid"),
    Term("complaints_committee", "Klachtencommissie", "Complaints committee"),
    Term("police", "Politie", "Police"),
    Term("whistleblowers_house", "Huis voor Klokkenluiders", "Whistleblowers Authority"),
    Term("ombudsman", "Ombudsman", "Ombudsman"),
    Term("occupational_health", "Arbodienst", "Occupational health service"),
    Term("other", "Anders", "Other"),
)

CASE_STATUSES = Vocabulary(
    "status",
    Term("open", "Lopend", "Open"),
    Term("aftercare", "Nazorg", "After-care"),
    Term("closed", "Afgesloten", "Closed"),
    Term("reopened", "Heropend", "Re-opened"),
)

CASE_OUTCOMES = Vocabulary(
    "outcome",
    Term("resolved_informally", "Informeel opgelost", "Resolved informally"),
    Term("formal_complaint", "Formele klacht ingediend", "Formal complaint filed"),
    Term("referred", "Doorverwezen", "Referred"),
    Term("no_further_steps", "Geen verdere stappen", "No further steps"),
    Term("reporter_withdrew", "Melder zag ervan af", "Reporter withdrew"),
    Term("left_organisation", "Melder uit dienst", "Reporter left the organisation"),
    Term("other", "Anders", "Other"),
)

CONVERSATION_FORMS = Vocabulary(
    "form",
    Term("in_person", "Persoonlijk", "In person"),
    Term("phone", "Telefonisch", "Phone"),
    Term("video", "Video", "Video"),
    Term("email", "E-mail", "E-mail"),
)

FOLLOW_UP_KINDS = Vocabulary(
    "follow_up_kind",
    Term("aftercare", "Nazorg", "After-care"),
    Term("appointment", "Afspraak", "Appointment"),
)

OUTREACH_KINDS = Vocabulary(
    "outreach_kind",
    Term("introduction", "Kennismaking in een team", "Introduction to a team"),
    Term("presentation", "Presentatie", "Presentation"),
    Term("newsletter", "Artikel of nieuwsbrief", "Article or newsletter"),
    Term("onboarding", "Introductie nieuwe medewerkers", "Onboarding of new staff"),
    Term("workshop", "Workshop of training", "Workshop or training"),
    Term("meeting", "Overleg", "Meeting"),
    Term("other", "Anders", "Other"),
)

SIGNAL_KINDS = Vocabulary(
    "signal_kind",
    Term("signal", "Signaal", "Signal"),
    Term("advice", "Advies", "Advice"),
)

TIME_ACTIVITIES = Vocabulary(
    "activity",
    Term("case_work", "Werk aan een melding", "Case work"),
    Term("outreach", "Voorlichting", "Outreach"),
    Term("advice", "Advies aan de organisatie", "Advice to the organisation"),
    Term("meeting", "Overleg", "Meeting"),
    Term("training", "Scholing of intervisie", "Training or peer review"),
    Term("administration", "Administratie", "Administration"),
    Term("reporting", "Verslaglegging", "Reporting"),
    Term("travel", "Reistijd", "Travel"),
    Term("other", "Anders", "Other"),
)

# How two cases of the VP belong together (core/models.CaseLink).
LINK_KINDS = Vocabulary(
    "link_kind",
    Term("same_reporter", "Zelfde melder", "Same reporter"),
    Term("same_accused", "Zelfde veroorzaker", "Same accused"),
    Term("same_event", "Zelfde gebeurtenis", "Same event"),
    Term("other", "Hangt op een andere manier samen", "Related otherwise"),
)

# Who came, as the annual report counts it (core/annual.py): one reporter who gave their name
# to the VP, one who stayed anonymous, or a group (two or more, named or not). Not stored in
# the journal (a case holds reporter_known and reporter_count); the codes are in the ledger
# of published reports, so they never change.
REPORTER_KINDS = Vocabulary(
    "reporter_kind",
    Term("named", "Eén melder, bij de vertrouwenspersoon bekend", "One reporter, known to the VP"),
    Term("anonymous", "Eén melder, anoniem", "One reporter, anonymous"),
    Term("group", "Een groep melders", "A group of reporters"),
)

ALL_VOCABULARIES = (
    CONTACT_TYPES,
    CATEGORIES,
    REPORTER_ROLES,
    GENDERS,
    AGE_BANDS,
    RELATIONS,
    ROUTES,
    ROUTE_OUTCOMES,
    REFERRAL_PARTIES,
    CASE_STATUSES,
    CASE_OUTCOMES,
    CONVERSATION_FORMS,
    FOLLOW_UP_KINDS,
    OUTREACH_KINDS,
    SIGNAL_KINDS,
    TIME_ACTIVITIES,
    LINK_KINDS,
)
