"""The other words VPs use in their spreadsheets for the taxonomy's terms.

Labels and codes of core/taxonomy.py are known without being listed here. Only words that
mean one term and nothing else belong here: an ambiguous word ("rechter": against the
employer or the accused?) stays out, so the VP is asked instead of the program guessing.
"""

from __future__ import annotations

from .. import taxonomy as tx
from ..taxonomy import Term, Vocabulary
from .matching import UNKNOWN_WORDS, TermMatcher

CATEGORY_WORDS = {
    "intimidation": ("intimiderend gedrag", "intimideren"),
    "sexual_harassment": (
        "seksuele intimidatie", "sexuele intimidatie", "seks intimidatie", "sex intimidatie",
        "ongewenste intimiteiten", "ongewenste intimiteit", "seksueel grensoverschrijdend gedrag",
        "sgg", "si",
    ),
    "bullying": ("gepest", "pesterij", "pesterijen", "pestgedrag", "treiteren", "buitensluiten"),
    "aggression": (
        "agressie", "geweld", "agressie geweld", "agressie en of geweld", "bedreiging", "bedreigingen", "fysiek geweld",
        "verbaal geweld", "verbale agressie", "fysieke agressie", "chantage", "vernedering",
        "aggression", "violence",
    ),
    "discrimination": ("racisme", "ongelijke behandeling", "seksisme"),
    "integrity": (
        "integriteitsschending", "vermoeden van misstand", "misstand", "misstanden", "fraude",
        "corruptie", "omkoping", "machtsmisbruik", "belangenverstrengeling", "diefstal",
        "klokkenluider", "klokkenluiden",
    ),
    "outside_remit": (
        "buiten het werkterrein", "buiten werkgebied", "geen ongewenste omgangsvormen",
        "arbeidsconflict", "arbeidsgeschil", "reorganisatie", "functioneren", "beoordeling",
        "prive", "prive situatie", "prive problemen", "outside remit",
    ),
}  # fmt: skip

CONTACT_WORDS = {
    "question": ("vraag", "vragen", "informatie", "info", "informatievraag", "adviesvraag"),
    "sounding_board": ("sparren", "sparring", "klankbord", "klankbordgesprek", "consult"),
    "report": ("melding", "meldingen", "klacht"),
}

ROLE_WORDS = {
    "employee": ("werknemer", "medewerkster", "mdw", "personeelslid", "staff"),
    "manager": (
        "manager", "lg", "teamleider", "teamleidster", "afdelingshoofd", "directeur", "hoofd",
    ),
    "temp": (
        "uitzendkracht", "inhuur", "ingehuurd", "ingehuurde", "zzp", "zzp er", "zzper",
        "gedetacheerd", "gedetacheerde", "flexkracht", "flexwerker", "contractor",
    ),
    "intern": (
        "stagiair", "stagiaire", "stagair", "stagiare", "stagiair e", "student", "trainee",
        "leerling",
    ),
    "volunteer": ("vrijwilligster", "vrijwillig"),
    "ex_employee": (
        "oud medewerker", "ex medewerker", "voormalig medewerker", "oud werknemer",
        "ex werknemer", "oudmedewerker",
    ),
}  # fmt: skip

GENDER_WORDS = {
    "female": ("v", "f", "vr", "w", "vrouwelijk", "mevrouw", "mevr", "woman"),
    "male": ("m", "mannelijk", "heer", "dhr", "man"),
    "other": ("x", "overig", "non binair", "nonbinair", "non binary", "divers"),
}

RELATION_WORDS = {
    "manager": ("lg", "chef", "baas", "manager"),
    "colleague": ("collegas", "collega s", "collega's"),
    "subordinate": ("ondergeschikt",),
    "external": (
        "extern", "externe", "klant", "client", "leverancier", "bezoeker", "burger", "patient",
    ),
}  # fmt: skip

ROUTE_WORDS = {
    "address_directly": ("zelf aanspreken", "aanspreken", "zelf", "direct aanspreken"),
    "manager": ("leidinggevende", "via leidinggevende", "via de leidinggevende", "lg"),
    "vp_informal": ("informeel", "informele oplossing", "via vp", "via de vp", "vp"),
    "mediation": ("mediation", "bemiddeling", "mediator"),
    "complaints_committee": ("klachtencommissie", "klacht", "formele klacht", "klachtprocedure"),
    "court_employer": ("rechter werkgever", "rechter tegen werkgever"),
    "court_accused": ("rechter veroorzaker", "rechter tegen veroorzaker", "rechter beklaagde"),
    "police_report": ("aangifte", "politie"),
    "human_rights_institute": (
        "crm",
        "cgb",
        "commissie gelijke behandeling",
        "college rechten van de mens",
    ),
    "report_to_management": ("melding misstand", "interne melding", "melding bij de organisatie"),
    "whistleblowers_house": ("klokkenluiders", "hvk", "huis klokkenluiders"),
}

REFERRAL_WORDS = {
    "manager": ("manager", "lg"),
    "hr": (
        "hr", "p o", "p en o", "personeelszaken", "hrm", "personeelsadviseur", "hr adviseur",
    ),
    "company_doctor": ("ba",),
    "social_worker": (
        "bmw", "maatschappelijk werk", "maatschappelijk werker", "bedrijfsmaatschappelijk werker",
        "amw",
    ),
    "psychologist": ("psych", "psychotherapeut", "therapeut", "gz psycholoog"),
    "mediator": ("mediation",),
    "legal_aid": ("jurist", "advocaat", "juridisch loket", "rechtsbijstand"),
    "complaints_committee": ("klachtcommissie",),
    "whistleblowers_house": ("hvk", "klokkenluiders"),
    "ombudsman": ("ombudsfunctionaris",),
    "occupational_health": ("arbo", "arbo dienst"),
    "other": ("overig", "overige"),
}  # fmt: skip

OUTCOME_WORDS = {
    "resolved_informally": ("opgelost", "informeel", "opgelost informeel"),
    "formal_complaint": ("formele klacht", "klacht ingediend", "klacht"),
    "referred": ("verwezen",),
    "no_further_steps": ("geen vervolg", "geen actie", "geen stappen", "geen verdere actie"),
    "reporter_withdrew": ("ingetrokken", "afgezien", "zag ervan af", "teruggetrokken"),
    "left_organisation": ("uit dienst", "vertrokken"),
    "other": ("overig",),
}

# Whether a case is closed: the answers a "Afgesloten" or "Status" column holds.
CLOSING = Vocabulary(
    "closing",
    Term("closed", "Afgesloten", "Closed"),
    Term("open", "Lopend", "Open"),
    Term("aftercare", "Nazorg", "After-care"),
)
CLOSING_WORDS = {
    "closed": (
        "ja", "j", "yes", "y", "x", "v", "gesloten", "afgerond", "klaar", "gereed", "dicht",
        "done", "1", "true", "waar",
    ),
    "open": (
        "nee", "n", "no", "lopend", "lopende", "loopt", "loopt nog", "niet afgesloten", "bezig",
        "in behandeling", "0", "false", "onwaar", "actief",
    ),
    "aftercare": ("in nazorg",),
}  # fmt: skip

# Whether the reporter stayed anonymous: the answers an "Anoniem" column holds.
ANONYMITY = Vocabulary(
    "anonymity",
    Term("anonymous", "Anoniem", "Anonymous"),
    Term("known", "Bekend", "Known"),
)
ANONYMITY_WORDS = {
    "anonymous": ("ja", "j", "yes", "y", "x", "v", "1", "true", "waar", "anonieme melder"),
    "known": (
        "nee", "n", "no", "0", "false", "onwaar", "niet anoniem", "met naam", "bij naam bekend",
    ),
}  # fmt: skip

CATEGORIES = TermMatcher(tx.CATEGORIES, CATEGORY_WORDS)
CONTACT_TYPES = TermMatcher(tx.CONTACT_TYPES, CONTACT_WORDS)
REPORTER_ROLES = TermMatcher(tx.REPORTER_ROLES, ROLE_WORDS)
GENDERS = TermMatcher(tx.GENDERS, GENDER_WORDS)
AGE_BANDS = TermMatcher(tx.AGE_BANDS, {})
RELATIONS = TermMatcher(tx.RELATIONS, RELATION_WORDS)
ROUTES = TermMatcher(tx.ROUTES, ROUTE_WORDS)
REFERRALS = TermMatcher(tx.REFERRAL_PARTIES, REFERRAL_WORDS)
OUTCOMES = TermMatcher(tx.CASE_OUTCOMES, OUTCOME_WORDS)
CLOSINGS = TermMatcher(CLOSING, CLOSING_WORDS, empty_words=UNKNOWN_WORDS)
ANONYMITIES = TermMatcher(ANONYMITY, ANONYMITY_WORDS, empty_words=UNKNOWN_WORDS)
