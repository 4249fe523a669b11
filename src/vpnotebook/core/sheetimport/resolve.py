"""Matching the sheet's organisations and departments to the vault's, and the import plan.

Names match forgivingly (case, diacritics, punctuation, spacing, and a legal form such as
"B.V." at the end); a name the vault does not have yet becomes a new organisation, spelled
as the sheet first spells it. The plan says which, so the dry run can tell the VP.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from ..journal import Journal
from .columns import CaseDraft
from .plan import Interpretation
from .text import normalise

_LEGAL_FORMS = ("b v", "bv", "n v", "nv", "v o f", "vof")
SETTING_PREFIX = "sheet_import."


def name_key(name: str) -> str:
    """The form two spellings of one organisation or department share."""
    key = normalise(name)
    for form in _LEGAL_FORMS:
        if key.endswith(" " + form):
            return key[: -len(form) - 1]
    return key


@dataclass(frozen=True)
class KnownOrganisation:
    id: int
    name: str
    departments: dict[str, tuple[int, str]]  # name_key -> (id, name)


def known_organisations(journal: Journal) -> dict[str, KnownOrganisation]:
    """The vault's organisations (archived ones too) with their departments, by name_key."""
    found: dict[str, KnownOrganisation] = {}
    for organisation in journal.organisations(include_archived=True):
        assert organisation.id is not None
        departments = {
            name_key(department.name): (department.id, department.name)
            for department in journal.departments_of(organisation.id)
            if department.id is not None
        }
        found.setdefault(
            name_key(organisation.name),
            KnownOrganisation(organisation.id, organisation.name, departments),
        )
    return found


@dataclass(frozen=True)
class PreviousImport:
    on: str  # ISO date
    cases: int


def previous_import(journal: Journal, fingerprint: str) -> PreviousImport | None:
    """When this very file (by its content) was imported before, if it was."""
    stored = journal.setting(SETTING_PREFIX + fingerprint)
    if not stored:
        return None
    try:
        data = json.loads(stored)
        return PreviousImport(str(data["on"]), int(data["cases"]))
    except (ValueError, KeyError, TypeError):
        return PreviousImport("", 0)


@dataclass
class OrganisationPlan:
    name: str
    existing_id: int | None
    years: Counter[int] = field(default_factory=Counter)
    new_departments: list[str] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.existing_id is None


@dataclass
class ImportPlan:
    interpretation: Interpretation
    organisations: dict[str, OrganisationPlan]  # by name_key
    previous: PreviousImport | None

    @property
    def cases(self) -> list[CaseDraft]:
        return self.interpretation.cases

    @property
    def file_name(self) -> str:
        return self.interpretation.table.file_name

    @property
    def fingerprint(self) -> str:
        return self.interpretation.table.fingerprint

    def organisation_of(self, draft: CaseDraft) -> OrganisationPlan:
        return self.organisations[name_key(draft.organisation)]

    def totals(self) -> dict[str, int]:
        cases = self.cases
        return {
            "cases": len(cases),
            "conversations": sum(d.conversations for d in cases),
            "referrals": sum(len(d.referrals) for d in cases),
            "routes": sum(len(d.routes) for d in cases),
            "minutes": sum(d.minutes for d in cases),
            "closed": sum(1 for d in cases if d.closing == "closed"),
            "new_organisations": sum(1 for o in self.organisations.values() if o.is_new),
            "new_departments": sum(len(o.new_departments) for o in self.organisations.values()),
        }


def plan_import(
    interpretation: Interpretation, known: dict[str, KnownOrganisation], journal: Journal | None
) -> ImportPlan:
    """Which organisations exist, which are new, and the cases per organisation and year."""
    organisations: dict[str, OrganisationPlan] = {}
    departments_seen: set[tuple[str, str]] = set()
    for draft in interpretation.cases:
        key = name_key(draft.organisation)
        plan = organisations.get(key)
        if plan is None:
            existing = known.get(key)
            plan = OrganisationPlan(
                existing.name if existing else draft.organisation,
                existing.id if existing else None,
            )
            organisations[key] = plan
        if draft.first_contact is not None:
            plan.years[draft.first_contact.year] += 1
        if draft.department:
            department = name_key(draft.department)
            existing = known.get(key)
            if (key, department) not in departments_seen and not (
                existing and department in existing.departments
            ):
                plan.new_departments.append(draft.department)
            departments_seen.add((key, department))
    previous = (
        previous_import(journal, interpretation.table.fingerprint) if journal is not None else None
    )
    ordered = dict(sorted(organisations.items(), key=lambda item: item[1].name.casefold()))
    return ImportPlan(interpretation, ordered, previous)
