"""Fictional demo data: a journal that looks like a few years of an external VP's work.

For screenshots, manual testing, the user guide and scale benchmarks. Every organisation,
person, phone number and story here is invented; organisations are named after invented
places so that none can be mistaken for a real employer.

The same seed and `today` always give the same journal: all randomness comes from one
`random.Random(seed)`, dates are counted back from `today` (never from the clock), and no set
is ever iterated (string hashing differs per process). Every record goes through the Journal,
so validation, case numbering and the search-index triggers run exactly as for real work.

The fill runs in three stages. First the structure of every case is drawn (who, when, which
categories); then its timeline (conversations, routes, referrals, follow-ups, status) relative
to `today`; in between and after, a coverage pass makes sure every code of the taxonomy
appears at least once, so a demo of 100 or so cases shows every label, chart bar and filter.
Only then are the Dutch texts written, at insertion time, from the final structure — so a
repaired category never leaves a story about something else behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from random import Random

from .demo_cases import _CasePlanner
from .demo_links import choose_groups_and_notes, link_cases
from .demo_organisations import _OrganisationPlanner
from .demo_plan import DEFAULT_TODAY
from .demo_text import _Writer
from .journal import Journal
from .models import TABLES

__all__ = ["DEFAULT_TODAY", "DemoSummary", "fill_demo"]


@dataclass(frozen=True)
class DemoSummary:
    """Records added per kind; field names are the table names of `Journal.record_counts()`."""

    organisations: int = 0
    departments: int = 0
    referral_contacts: int = 0
    cases: int = 0
    reporters: int = 0
    conversations: int = 0
    routes: int = 0
    referrals: int = 0
    follow_ups: int = 0
    outreach: int = 0
    signals: int = 0
    time_entries: int = 0
    case_links: int = 0

    def as_counts(self) -> dict[str, int]:
        return {table: getattr(self, table) for table in TABLES.values()}

    @property
    def total(self) -> int:
        return sum(self.as_counts().values())


def fill_demo(
    journal: Journal, *, cases: int = 120, seed: int = 1, today: date | None = None
) -> DemoSummary:
    """Fill an empty journal with fictional but realistic work; the same arguments, the same data.

    Refuses a journal that already holds records, so demo cases can never mix with real ones.
    """
    if cases < 0:
        raise ValueError("cases must not be negative")
    if any(journal.record_counts().values()):
        raise ValueError("demo data goes into an empty journal only")
    filler = _Filler(journal, Random(seed), today or DEFAULT_TODAY)
    # Groups, case notes and links draw from their own stream (demo_links.py), so that they
    # left every other record of a seed as it was.
    filler.extra = Random(f"{seed}:groepen en koppelingen")
    with journal.transaction():
        filler.fill(cases)
    return DemoSummary(**filler.counts)


class _Filler(_CasePlanner, _OrganisationPlanner):
    """Plans the cases (demo_cases.py) and the organisations' own work (demo_organisations.py),
    then writes them, texts and all (demo_text.py)."""

    extra: Random

    def fill(self, case_count: int) -> None:
        orgs = self.add_organisations(case_count)
        plans = [self.plan_profile(index, orgs) for index in range(case_count)]
        self.cover_profiles(plans)
        for plan in plans:
            self.plan_timeline(plan)
        self.cover_timelines(plans)
        items = self.plan_organisation_work(orgs)
        self.cover_organisation_work(items, orgs)
        choose_groups_and_notes(plans, self.extra)
        writer = _Writer(self.rng)
        for plan in sorted(plans, key=lambda p: (p.first_contact, p.index)):
            self.insert_case(plan, writer)
        self.counts["case_links"] += link_cases(self.journal, plans, self.extra)
        for item in sorted(items, key=lambda i: (i.on, i.kind)):
            self.insert_item(item)
