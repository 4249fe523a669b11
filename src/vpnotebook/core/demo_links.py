"""Demo cases that belong together, and groups of reporters (issue 13).

Drawn from a `Random` of their own, so adding them left every other demo record as it was:
the same seed still gives the same organisations, cases and texts as before. Groups are
chosen before the cases are written (a case is stored with its number of reporters); links
after, once every case has its id.
"""

from __future__ import annotations

from random import Random

from .demo_plan import _CasePlan
from .journal import Journal
from .models import CaseLink

# What a VP notes on a case itself, beside the conversations: never who the reporter is.
_CASE_NOTES = (
    "Afgesproken dat de melder eerst zelf het gesprek met de leidinggevende aangaat.",
    "Melder wil nog niets op papier bij HR; opnieuw bespreken na de zomer.",
    "Situatie speelt al langer in dit team; eerder signaal in het jaaroverleg genoemd.",
    "Terugbelafspraak gemaakt; melder denkt na over een formele klacht.",
    "Geen vervolg nodig volgens de melder, wel gevraagd om over een maand even te bellen.",
)
_GROUP_NOTE = "Kwam met collega's van hetzelfde team; één van hen voert het woord."

# (kind, note) for links drawn between two cases of one organisation.
_LINKS = {
    "same_accused": (
        "Beide melders noemen dezelfde persoon, los van elkaar.",
        "Zelfde leidinggevende; melders weten niet van elkaar.",
        "",
    ),
    "same_event": (
        "Hetzelfde voorval op de afdeling, door een ander gemeld.",
        "Ander perspectief op hetzelfde incident.",
    ),
    "same_reporter": (
        "Melder komt terug met een nieuwe kwestie.",
        "",
    ),
}


def choose_groups_and_notes(plans: list[_CasePlan], rng: Random) -> None:
    """A few reports made by a group, and notes on some cases (before they are written)."""
    for plan in plans:
        if plan.contact_type == "report" and not plan.anonymous and rng.random() < 0.05:
            plan.reporters = rng.randint(2, 6)
            plan.notes = _GROUP_NOTE
        elif rng.random() < 0.12:
            plan.notes = rng.choice(_CASE_NOTES)


def link_cases(journal: Journal, plans: list[_CasePlan], rng: Random) -> int:
    """Links between cases of one organisation that plausibly belong together; how many."""
    by_org: dict[int, list[_CasePlan]] = {}
    for plan in sorted(plans, key=lambda p: (p.first_contact, p.index)):
        if plan.case_id is not None and plan.org.id is not None:
            by_org.setdefault(plan.org.id, []).append(plan)
    linked: set[tuple[int, int]] = set()
    count = 0
    for org_id in sorted(by_org):
        cases = by_org[org_id]
        for position, plan in enumerate(cases):
            if rng.random() >= 0.07:
                continue
            kind = rng.choices(("same_accused", "same_event", "same_reporter"), (5, 3, 2))[0]
            fits = [
                other for other in cases[position + 1 : position + 15] if _fits(kind, plan, other)
            ]
            if not fits:
                continue
            other = rng.choice(fits)
            assert plan.case_id is not None and other.case_id is not None
            pair = (min(plan.case_id, other.case_id), max(plan.case_id, other.case_id))
            if pair in linked:
                continue
            linked.add(pair)
            journal.add(
                CaseLink(
                    case_id=pair[0],
                    linked_case_id=pair[1],
                    kind=kind,
                    note=rng.choice(_LINKS[kind]),
                )
            )
            count += 1
    return count


def _fits(kind: str, plan: _CasePlan, other: _CasePlan) -> bool:
    if kind == "same_reporter":  # someone who came back later, named both times
        return not plan.anonymous and not other.anonymous and other.role == plan.role
    same_place = plan.department is not None and other.department == plan.department
    if kind == "same_event":
        return same_place and (other.first_contact - plan.first_contact).days <= 30
    return same_place and other.relation == plan.relation
