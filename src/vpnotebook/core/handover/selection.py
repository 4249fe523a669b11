"""Which cases go to the colleague: all open or closed cases of an organisation, or some by
number; and which of them the reporter has not agreed to hand over yet.

The profession asks the reporter's consent before a file goes to another VP; a case without a
date of consent (Case.handover_consent_on) cannot be handed over, and the VP is told which.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..journal import Journal, NotFoundError
from ..models import Case, Organisation
from .errors import HandoverError


@dataclass(frozen=True)
class HandoverCase:
    """A case as the hand-over dialog lists it: never more than its number and title."""

    id: int
    number: str
    organisation_id: int
    organisation: str
    title: str
    consent_on: date | None
    status: str

    @property
    def has_consent(self) -> bool:
        return self.consent_on is not None


@dataclass(frozen=True)
class Selection:
    cases: tuple[HandoverCase, ...]

    @property
    def without_consent(self) -> tuple[HandoverCase, ...]:
        return tuple(case for case in self.cases if not case.has_consent)

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(case.id for case in self.cases)

    @property
    def organisation_ids(self) -> tuple[int, ...]:
        return tuple(sorted({case.organisation_id for case in self.cases}))

    def numbers(self) -> str:
        return ", ".join(case.number for case in self.cases)


def handover_candidates(journal: Journal, organisation_id: int | None = None) -> list[HandoverCase]:
    """Every case that can go (not destroyed), of one organisation or all, by number."""
    names = {o.id: o.name for o in journal.organisations()}
    where = "destroyed_on IS NULL" + (" AND organisation_id = ?" if organisation_id else "")
    params = (organisation_id,) if organisation_id else ()
    cases = journal.find(Case, where, params, order="year, seq")
    return [_listed(case, names) for case in cases]


def select_cases(
    journal: Journal,
    *,
    organisation: str | None = None,
    numbers: Sequence[str] = (),
) -> Selection:
    """The cases asked for: every case of `organisation` (by name), or these numbers.

    Raises HandoverError for an unknown organisation or number, a destroyed case, or an empty
    selection. Consent is not checked here: `require_consent` says which cases lack it."""
    if (organisation is None) == (not numbers):
        raise HandoverError(
            "Kies de meldingen: alle meldingen van één organisatie, of meldingen bij nummer.",
            "Choose the cases: every case of one organisation, or cases by number.",
        )
    names = {o.id: o.name for o in journal.organisations()}
    if organisation is not None:
        try:
            chosen: Organisation = journal.organisation_by_name(organisation)
        except NotFoundError:
            raise HandoverError(
                f"Er is geen organisatie '{organisation.strip()}' in deze kluis.",
                f"There is no organisation '{organisation.strip()}' in this vault.",
            ) from None
        assert chosen.id is not None
        cases = handover_candidates(journal, chosen.id)
        if not cases:
            raise HandoverError(
                f"{chosen.name} heeft geen meldingen om over te dragen.",
                f"{chosen.name} has no cases to hand over.",
            )
        return Selection(tuple(cases))
    found: list[HandoverCase] = []
    for number in dict.fromkeys(n.strip() for n in numbers):
        try:
            case = journal.case_by_number(number)
        except NotFoundError:
            raise HandoverError(
                f"Er is geen melding {number} in deze kluis.",
                f"There is no case {number} in this vault.",
            ) from None
        if case.is_destroyed:
            raise HandoverError(
                f"Melding {case.number} is vernietigd en kan niet worden overgedragen.",
                f"Case {case.number} was destroyed and cannot be handed over.",
            )
        found.append(_listed(case, names))
    return Selection(tuple(found))


def require_consent(selection: Selection) -> None:
    """Refuse a selection with a case whose reporter has not agreed, naming those cases."""
    missing = selection.without_consent
    if missing:
        listed = ", ".join(case.number for case in missing)
        raise HandoverError(
            f"Van deze meldingen heeft de melder (nog) geen toestemming gegeven voor de "
            f"overdracht: {listed}. Vraag die eerst, en vul de datum in bij de melding "
            "(Intake, 'Toestemming voor overdracht'). Er is niets overgedragen.",
            f"For these cases the reporter has not (yet) agreed to the hand-over: {listed}. "
            "Ask first, and fill in the date on the case (Intake, 'consent to hand over'). "
            "Nothing was handed over.",
        )


def _listed(case: Case, names: dict[int | None, str]) -> HandoverCase:
    assert case.id is not None and case.organisation_id is not None
    return HandoverCase(
        id=case.id,
        number=case.number,
        organisation_id=case.organisation_id,
        organisation=names.get(case.organisation_id, ""),
        title=case.title,
        consent_on=case.handover_consent_on,
        status=case.status,
    )
