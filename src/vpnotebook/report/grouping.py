"""The families the annual report may print as one row: the one place they are defined.

Each table about the cases splits its vocabulary into families, in printing order. A family
of one code is that code on its own; a family of several is a row of its own in the report
("Zorg en ondersteuning", "Inhuur, stage, vrijwilligerswerk of oud-medewerker"), which the
disclosure engine may open up into its members when that is safe (report/grouped.py, and
docs/disclosure-policy.md, "Families").

Family codes are stored in the ledger of published reports (as ``family:<code>`` and
``rest:<code>``): never change one once released; labels may be reworded freely. A table
without an entry here, or a vocabulary code missing from it, is printed one code per row.

Why these families (docs/disclosure-policy.md has the measured figures): at 8 to 25 cases a
year a row needs 5 cases and, for the tables where a case can have several values, at most
all but 5; so a family is worth having when its members are each too rare to be shown but
together often are. A code that is common on its own (Medewerker, Pesten) stays on its own,
because a family that nearly every case belongs to may never be printed and would take its
common member down with it. That is why there is no family "all undesirable behaviour":
about four in five cases carry one of those categories.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..core import taxonomy as tx
from ..core.annual import UNRECORDED

# How a family's rows are stored in the ledger: "family:<code>" for the family row and
# "rest:<code>" for the rest of it beside its named members.
FAMILY = "family:"
REST = "rest:"


@dataclass(frozen=True)
class Family:
    """Codes that may be printed together, with the labels of that row."""

    code: str
    members: tuple[str, ...]
    nl: str
    en: str
    # The row for the members that are not named on their own inside the family (tables
    # where every case has one value only; see grouped.py).
    rest_nl: str
    rest_en: str

    def label(self, language: str) -> str:
        return self.en if language == "en" else self.nl

    def rest_label(self, language: str) -> str:
        return self.rest_en if language == "en" else self.rest_nl


FAMILIES: Mapping[str, tuple[Family, ...]] = {
    "contact_types": (
        Family(
            "question_or_sounding_board",
            ("question", "sounding_board"),
            "Vraag of sparren",
            "Question or sounding board",
            "Overige vragen en sparren",
            "Other questions and sounding board",
        ),
    ),
    "reporter_roles": (
        Family(
            "not_on_the_payroll",
            ("temp", "intern", "volunteer", "ex_employee"),
            "Inhuur, stage, vrijwilligerswerk of oud-medewerker",
            "Temp, intern, volunteer or ex-employee",
            "Overige inhuur, stage, vrijwilligerswerk en oud-medewerkers",
            "Other temps, interns, volunteers and ex-employees",
        ),
    ),
    "relations": (
        Family(
            "below_outside_or_unrecorded",
            ("subordinate", "external", UNRECORDED),
            "Ondergeschikte, extern, of niet vastgelegd",
            "Subordinate, external, or not recorded",
            "Overig ondergeschikte, extern of niet vastgelegd",
            "Other subordinate, external or not recorded",
        ),
    ),
    "outcomes": (
        Family(
            "ended_otherwise",
            ("reporter_withdrew", "left_organisation", "other", UNRECORDED),
            "Melder zag af of vertrok, anders, of niet vastgelegd",
            "Reporter withdrew or left, other, or not recorded",
            "Overige afloop",
            "Other endings",
        ),
    ),
    "categories": (
        Family(
            "sexual_aggression_discrimination",
            ("sexual_harassment", "aggression", "discrimination"),
            "Seksuele intimidatie, agressie of discriminatie",
            "Sexual harassment, aggression or discrimination",
            "Overige seksuele intimidatie, agressie en discriminatie",
            "Other sexual harassment, aggression and discrimination",
        ),
    ),
    "routes": (
        Family(
            "informal",
            ("address_directly", "manager", "vp_informal", "mediation"),
            "Informele weg",
            "Informal route",
            "Overige informele wegen",
            "Other informal routes",
        ),
    ),
    "referrals": (
        Family(
            "inside_the_organisation",
            ("manager", "hr"),
            "Binnen de organisatie",
            "Within the organisation",
            "Overig binnen de organisatie",
            "Other within the organisation",
        ),
        Family(
            "care_and_support",
            ("company_doctor", "gp", "social_worker", "psychologist", "occupational_health"),
            "Zorg en ondersteuning",
            "Care and support",
            "Overige zorg en ondersteuning",
            "Other care and support",
        ),
        Family(
            "mediation_and_legal_advice",
            ("mediator", "legal_aid"),
            "Bemiddeling of juridisch advies",
            "Mediation or legal advice",
            "Overige bemiddeling en juridisch advies",
            "Other mediation and legal advice",
        ),
        Family(
            "formal_bodies",
            ("complaints_committee", "police", "whistleblowers_house", "ombudsman"),
            "Formele instanties",
            "Formal bodies",
            "Overige formele instanties",
            "Other formal bodies",
        ),
    ),
}

# The vocabulary of each table, for the order the families are printed in.
VOCABULARIES: Mapping[str, tx.Vocabulary] = {
    "contact_types": tx.CONTACT_TYPES,
    "categories": tx.CATEGORIES,
    "reporter_roles": tx.REPORTER_ROLES,
    "relations": tx.RELATIONS,
    "routes": tx.ROUTES,
    "outcomes": tx.CASE_OUTCOMES,
    "referrals": tx.REFERRAL_PARTIES,
}


def families(table: str) -> tuple[Family, ...]:
    return FAMILIES.get(table, ())


def family(table: str, code: str) -> Family | None:
    return next((f for f in families(table) if f.code == code), None)


def stored_label(table: str, code: str, language: str) -> str | None:
    """The label of a stored family or rest code (``family:care_and_support``), else None."""
    for prefix, rest in ((FAMILY, False), (REST, True)):
        if code.startswith(prefix):
            found = family(table, code.removeprefix(prefix))
            if found is None:
                return code.removeprefix(prefix)
            return found.rest_label(language) if rest else found.label(language)
    return None


def partition(table: str, codes: Sequence[str]) -> list[tuple[Family | None, tuple[str, ...]]]:
    """``codes`` (in printing order) as families in printing order: a family where its
    first member stands, every other code on its own (``None``, a tuple of one)."""
    by_member = {member: f for f in families(table) for member in f.members}
    parts: list[tuple[Family | None, tuple[str, ...]]] = []
    placed: set[str] = set()
    for code in codes:
        if code in placed:
            continue
        found = by_member.get(code)
        if found is None:
            parts.append((None, (code,)))
            placed.add(code)
            continue
        members = tuple(c for c in codes if c in found.members)
        parts.append((found, members))
        placed.update(members)
    return parts


def _check() -> None:
    """Every family lies inside its table's vocabulary, and no code is in two families."""
    for table, found in FAMILIES.items():
        known = {*VOCABULARIES[table].codes, UNRECORDED}
        seen: set[str] = set()
        for f in found:
            if len(f.members) < 2 or not set(f.members) <= known or seen & set(f.members):
                raise ValueError(f"family {f.code} of {table} is not a valid family")
            seen.update(f.members)


_check()
