"""Which of the linked flow figures (carried over, closed, still open) may be printed.

Carried over + new = closed + open at the end, and the open cases at the end of one year are
the carried-over ones of the next. Printed naively, this year's "carried over" minus last
year's report would hand the reader a closed count that last year's report hid. So the
figures are printed for a *population*: the cases first contacted from some year on, whose
carried-over number is public (0 in its first year, and afterwards exactly the "open at the
end" printed the year before). A year that cannot print closed and open (new below k, or
closed or open below k, protected as one two-row table with total "handled") ends its
population; the next year starts a new one. Later figures then involve none of the cases
whose numbers were hidden, so no difference between reports can give a small number away.
The choices for a year depend on that year and earlier ones only, so the report of an
earlier year made the very same choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..core.annual import OrganisationHistory
from . import wording as w
from .disclosure import DisclosurePolicy, protect_table

Step = tuple[str, tuple[tuple[str, int], ...]]
FIGURES = ("new", "carried_over", "handled", "closed", "open_at_end")


@dataclass(frozen=True)
class PublishedFlow:
    """The flow figures of the report year as printed; ``None`` means not printed."""

    new: int | None
    carried_over: int | None
    handled: int | None
    closed: int | None
    open_at_end: int | None


def _value(cells: Mapping[str, Any], name: str) -> int | None:
    token = cells.get(f"key:{name}", "-")
    return token if isinstance(token, int) else None


def flow_chain(
    history: OrganisationHistory,
    year: int,
    policy: DisclosurePolicy,
    *,
    published: Mapping[int, Mapping[str, Any]] | None = None,
) -> tuple[PublishedFlow, int, list[tuple[str, tuple[tuple[str, int], ...]]]]:
    """The flow figures of ``year`` as printed, the first year of their population, and why.

    ``published`` holds the ledger's cells of earlier years that were published: those years
    keep the choices and figures they were printed with. If the cases still open at the end
    of such a year are no longer what was printed (a case re-opened, a closing date cleared),
    the next year starts a new population, so the difference is never printed."""
    steps: list[tuple[str, tuple[tuple[str, int], ...]]] = []
    changed: list[tuple[str, tuple[tuple[str, int], ...]]] = []
    first = history.first_year
    published = published or {}
    if first is None or first > year:
        return PublishedFlow(0, 0, 0, 0, 0), year, steps
    since = first
    result = PublishedFlow(None, None, None, None, None)
    population = first
    for y in range(first, year + 1):
        cells = published.get(y) if y < year else None
        if cells and "key:population" in cells:
            population = int(cells["key:population"])
            steps = []
            result = PublishedFlow(*(_value(cells, n) for n in FIGURES))
            open_at_end = result.open_at_end
            since = y + 1
            if open_at_end is not None:
                carried = history.flow(y + 1, since=population).carried_over
                if carried == open_at_end:
                    since = population
                else:
                    changed = [(w.FLOW_CHANGED, (("year", y),))]
            continue
        population = since
        flow = history.flow(y, since=since)
        steps = []
        # A population that starts after the first case has nothing carried over by
        # construction; printing that 0 would read as "nothing ran on from last year".
        fresh = since == y > first
        carried = None if fresh else flow.carried_over
        handled = None if fresh else flow.handled
        if not policy.is_publishable_count(flow.new):
            steps.append((w.FLOW_NEW_SMALL, (("new", flow.new),)))
            result = PublishedFlow(None, carried, None, None, None)
            since = y + 1
            continue
        split, _ = protect_table(
            "flow",
            {"closed": flow.closed, "open": flow.open_at_end},
            other_label="-",
            policy=policy,
            # Open or closed is the state of the VP's caseload, not a fact about a reporter:
            # "all closed" is worth printing and exposes no one.
            diverse=False,
        )
        if split.other_label is None and not split.dropped:
            result = PublishedFlow(flow.new, carried, handled, flow.closed, flow.open_at_end)
            continue
        steps.append((w.FLOW_SPLIT_SMALL, (("closed", flow.closed), ("open", flow.open_at_end))))
        result = PublishedFlow(flow.new, carried, handled, None, None)
        since = y + 1
    if population > first:
        steps.insert(0, (w.FLOW_RESTARTED, (("year", population),)))
    return result, population, changed + steps
