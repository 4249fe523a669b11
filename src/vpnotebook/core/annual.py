"""Counts per organisation and year for the annual report, and the VP's own overview.

Everything here is a count or a sum of minutes; no text of a case leaves this module except
department names, which are the organisation's structure, not anyone's story. The report
layer protects these counts before anything is printed (report/disclosure.py) and never
reads journal rows itself.

Definitions (the same in every report, so earlier years are recomputed the same way):

* a case is **new** in the year of its first contact;
* it is **carried over** into a year if it was opened before that year and not closed
  before it;
* it is **closed** in the year of its closing date, and **open at the end** of a year if it
  was opened by then and not closed in or before it. So carried over + new = closed + open
  at the end, and the open cases at the end of one year are the carried-over ones of the
  next.

The profile of the cases (contact type, categories, role, relation, department, routes,
referrals, quarter, who came) is counted over the **new** cases of the year. A case with
several reporters (a group) is one case; the reporters are counted apart. A link between two
cases changes no count: each is a case of its own (links say something about people, and
they go when a case is destroyed, which must leave every report as it was). Those sets do not overlap
between years, which is what lets each year of a trend be protected on its own. Destroyed
cases keep exactly these attributes (core/destruction.py), so they count the same before and
after destruction; their conversations count through conversation_archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date

from . import taxonomy as tx
from .journal import Journal
from .models import OutreachActivity, Signal

# The code for "not recorded" in relation, department and outcome counts; never a taxonomy
# code, so it cannot collide with one.
UNRECORDED = "unrecorded"
QUARTER_COUNT = 4


@dataclass(frozen=True)
class CaseFlow:
    """New, carried-over, closed and still-open cases of one organisation in one year."""

    new: int = 0
    carried_over: int = 0
    closed: int = 0
    open_at_end: int = 0

    @property
    def handled(self) -> int:
        """Cases the VP had in hand during the year: carried over plus new."""
        return self.carried_over + self.new


@dataclass(frozen=True)
class OrganisationYear:
    """Every count the annual report of one organisation for one year is built from.

    Mappings are in taxonomy order and hold every code, zeros included: the disclosure
    engine needs the empty categories too (they may join "other").
    """

    organisation_id: int
    organisation: str
    employees: int | None
    year: int
    flow: CaseFlow
    contact_types: Mapping[str, int]
    categories: Mapping[str, int]  # a case may carry several: counts do not add up
    reporter_roles: Mapping[str, int]
    relations: Mapping[str, int]  # plus UNRECORDED
    departments: Mapping[str, int]  # department name -> cases; every department of the org
    department_unrecorded: int
    quarters: tuple[int, int, int, int]  # new cases by quarter of first contact
    routes: Mapping[str, int]  # cases that took the route by the end of the year
    referrals: Mapping[str, int]  # cases referred to the party by the end of the year
    outcomes: Mapping[str, int]  # cases closed in the year, by outcome, plus UNRECORDED
    conversations: int
    conversation_minutes: int
    time_minutes: Mapping[str, int]  # time entries by activity
    outreach: Mapping[str, int]  # outreach activities by kind
    # The cases behind the conversations and case time of the year: a figure about their
    # intensity speaks about this many cases (one, in a tiny organisation).
    intensity_cases: int = 0
    outreach_minutes: int = 0  # the length of the outreach activities themselves
    # Who came with the new cases: one named reporter, one anonymous, or a group (two or
    # more, named or not), in taxonomy order; and how many people that was in all.
    reporter_kinds: Mapping[str, int] = field(default_factory=lambda: _zeros(tx.REPORTER_KINDS))
    reporters: int = 0
    # For the tables where a case may carry several codes (categories, routes, referrals):
    # how many new cases carry exactly which set of codes. A row for a family of codes
    # counts the cases with at least one of them (``cases_with_any``), which the counts per
    # code cannot tell.
    code_sets: Mapping[str, Mapping[frozenset[str], int]] = field(default_factory=dict)

    def cases_with_any(self, table: str, codes: Collection[str]) -> int:
        """The new cases that carry at least one of ``codes`` in ``table``."""
        wanted = set(codes)
        return sum(n for found, n in self.code_sets.get(table, {}).items() if found & wanted)

    @property
    def minutes(self) -> int:
        """All time spent for the organisation in the year: conversations and time entries."""
        return self.conversation_minutes + sum(self.time_minutes.values())

    @property
    def outreach_total(self) -> int:
        return sum(self.outreach.values())


@dataclass
class _CaseFacts:
    first_contact: date
    closed_on: date | None
    contact_type: str
    reporter_role: str
    relation: str | None
    department_id: int | None
    outcome: str | None
    reporter_known: bool = True
    reporter_count: int = 1
    categories: set[str] = field(default_factory=set)
    routes: list[tuple[str, date | None]] = field(default_factory=list)
    referrals: list[tuple[str, date]] = field(default_factory=list)

    def is_new_in(self, year: int) -> bool:
        return self.first_contact.year == year

    @property
    def reporter_kind(self) -> str:
        """A group counts as a group, named or not: the group is what could be recognised."""
        if self.reporter_count >= 2:
            return "group"
        return "named" if self.reporter_known else "anonymous"

    def is_carried_into(self, year: int) -> bool:
        return self.first_contact.year < year and (
            self.closed_on is None or self.closed_on.year >= year
        )

    def is_closed_in(self, year: int) -> bool:
        return self.closed_on is not None and self.closed_on.year == year

    def is_open_at_end_of(self, year: int) -> bool:
        return self.first_contact.year <= year and (
            self.closed_on is None or self.closed_on.year > year
        )


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _zeros(vocabulary: tx.Vocabulary) -> dict[str, int]:
    return dict.fromkeys(vocabulary.codes, 0)


class _OrganisationData:
    """One organisation's facts, read once and counted for as many years as asked."""

    def __init__(self, journal: Journal, organisation_id: int) -> None:
        db = journal.db
        row = db.query_one(
            "SELECT id, name, employee_count FROM organisations WHERE id = ?", (organisation_id,)
        )
        if row is None:
            raise LookupError(f"organisation {organisation_id}")
        self.organisation_id = organisation_id
        self.name: str = row["name"]
        self.employees: int | None = row["employee_count"]
        self.departments: dict[int, str] = {
            r["id"]: r["name"]
            for r in db.query(
                "SELECT id, name FROM departments WHERE organisation_id = ? ORDER BY name, id",
                (organisation_id,),
            )
        }
        self.cases: dict[int, _CaseFacts] = {}
        for r in db.query(
            "SELECT id, first_contact, closed_on, contact_type, reporter_role, "
            "relation_to_accused, department_id, outcome, reporter_known, reporter_count "
            "FROM cases WHERE organisation_id = ? ORDER BY id",
            (organisation_id,),
        ):
            self.cases[r["id"]] = _CaseFacts(
                first_contact=date.fromisoformat(r["first_contact"]),
                closed_on=_day(r["closed_on"]),
                contact_type=r["contact_type"],
                reporter_role=r["reporter_role"],
                relation=r["relation_to_accused"],
                department_id=r["department_id"],
                outcome=r["outcome"],
                reporter_known=bool(r["reporter_known"]),
                reporter_count=r["reporter_count"],
            )
        in_org = "case_id IN (SELECT id FROM cases WHERE organisation_id = ?)"
        params = (organisation_id,)
        for r in db.query(f"SELECT case_id, category FROM case_categories WHERE {in_org}", params):
            self.cases[r["case_id"]].categories.add(r["category"])
        for r in db.query(
            f"SELECT case_id, route, started_on FROM routes WHERE {in_org} ORDER BY id", params
        ):
            self.cases[r["case_id"]].routes.append((r["route"], _day(r["started_on"])))
        for r in db.query(
            f"SELECT case_id, party, referred_on FROM referrals WHERE {in_org} ORDER BY id", params
        ):
            referred_on = date.fromisoformat(r["referred_on"])
            self.cases[r["case_id"]].referrals.append((r["party"], referred_on))

        # Live conversations and what destruction kept of them never overlap: destroying a
        # case moves its conversations into the archive in the same transaction.
        self.conversations: Counter[int] = Counter()
        self.conversation_minutes: Counter[int] = Counter()
        self.intensity_cases: dict[int, set[int]] = {}
        for r in db.query(
            "SELECT CAST(substr(held_on, 1, 4) AS INTEGER) AS year, case_id, count(*) AS n, "
            f"coalesce(sum(duration_min), 0) AS minutes FROM conversations WHERE {in_org} "
            "GROUP BY 1, 2 "
            "UNION ALL SELECT year, case_id, conversations, minutes FROM conversation_archive "
            f"WHERE {in_org} "
            "UNION ALL SELECT CAST(substr(spent_on, 1, 4) AS INTEGER), case_id, 0, 0 "
            "FROM time_entries WHERE organisation_id = ? AND case_id IS NOT NULL "
            "AND activity = 'case_work'",
            (organisation_id, organisation_id, organisation_id),
        ):
            self.conversations[r["year"]] += r["n"]
            self.conversation_minutes[r["year"]] += r["minutes"]
            self.intensity_cases.setdefault(r["year"], set()).add(r["case_id"])
        self.time_minutes: dict[int, Counter[str]] = {}
        for r in db.query(
            "SELECT CAST(substr(spent_on, 1, 4) AS INTEGER) AS year, activity, "
            "sum(minutes) AS minutes FROM time_entries WHERE organisation_id = ? GROUP BY 1, 2",
            params,
        ):
            self.time_minutes.setdefault(r["year"], Counter())[r["activity"]] += r["minutes"]
        self.outreach: dict[int, Counter[str]] = {}
        self.outreach_minutes: Counter[int] = Counter()
        for r in db.query(
            "SELECT CAST(substr(held_on, 1, 4) AS INTEGER) AS year, kind, count(*) AS n, "
            "sum(duration_min) AS minutes FROM outreach WHERE organisation_id = ? GROUP BY 1, 2",
            params,
        ):
            self.outreach.setdefault(r["year"], Counter())[r["kind"]] += r["n"]
            self.outreach_minutes[r["year"]] += r["minutes"]

    def first_year(self) -> int | None:
        return min((c.first_contact.year for c in self.cases.values()), default=None)

    def flow(self, year: int) -> CaseFlow:
        cases = self.cases.values()
        return CaseFlow(
            new=sum(c.is_new_in(year) for c in cases),
            carried_over=sum(c.is_carried_into(year) for c in cases),
            closed=sum(c.is_closed_in(year) for c in cases),
            open_at_end=sum(c.is_open_at_end_of(year) for c in cases),
        )

    def year(self, year: int) -> OrganisationYear:
        new = [c for c in self.cases.values() if c.is_new_in(year)]
        end = date(year, 12, 31)
        contact_types = _zeros(tx.CONTACT_TYPES)
        categories = _zeros(tx.CATEGORIES)
        roles = _zeros(tx.REPORTER_ROLES)
        relations = {**_zeros(tx.RELATIONS), UNRECORDED: 0}
        departments = dict.fromkeys(sorted(set(self.departments.values())), 0)
        department_unrecorded = 0
        quarters = [0] * QUARTER_COUNT
        routes = _zeros(tx.ROUTES)
        referrals = _zeros(tx.REFERRAL_PARTIES)
        reporter_kinds = _zeros(tx.REPORTER_KINDS)
        code_sets: dict[str, Counter[frozenset[str]]] = {
            "categories": Counter(),
            "routes": Counter(),
            "referrals": Counter(),
        }
        for case in new:
            _bump(reporter_kinds, case.reporter_kind)
            _bump(contact_types, case.contact_type)
            _bump(roles, case.reporter_role)
            _bump(relations, case.relation or UNRECORDED)
            for category in case.categories:
                _bump(categories, category)
            name = self.departments.get(case.department_id or -1)
            if name is None:
                department_unrecorded += 1
            else:
                departments[name] += 1
            quarters[(case.first_contact.month - 1) // 3] += 1
            # A case counts once per route or party, however often it was used.
            taken = frozenset(r for r, started in case.routes if started is None or started <= end)
            for route in taken:
                _bump(routes, route)
            referred = frozenset(p for p, on in case.referrals if on <= end)
            for party in referred:
                _bump(referrals, party)
            code_sets["categories"][frozenset(case.categories)] += 1
            code_sets["routes"][taken] += 1
            code_sets["referrals"][referred] += 1
        outcomes = {**_zeros(tx.CASE_OUTCOMES), UNRECORDED: 0}
        for case in self.cases.values():
            if case.is_closed_in(year):
                _bump(outcomes, case.outcome or UNRECORDED)
        outreach = _zeros(tx.OUTREACH_KINDS)
        for kind, count in sorted(self.outreach.get(year, Counter()).items()):
            _bump(outreach, kind, count)
        time_minutes = _zeros(tx.TIME_ACTIVITIES)
        for activity, minutes in sorted(self.time_minutes.get(year, Counter()).items()):
            _bump(time_minutes, activity, minutes)
        return OrganisationYear(
            organisation_id=self.organisation_id,
            organisation=self.name,
            employees=self.employees,
            year=year,
            flow=self.flow(year),
            contact_types=contact_types,
            categories=categories,
            reporter_roles=roles,
            relations=relations,
            departments=departments,
            department_unrecorded=department_unrecorded,
            quarters=(quarters[0], quarters[1], quarters[2], quarters[3]),
            routes=routes,
            referrals=referrals,
            outcomes=outcomes,
            conversations=self.conversations.get(year, 0),
            conversation_minutes=self.conversation_minutes.get(year, 0),
            time_minutes=time_minutes,
            outreach=outreach,
            intensity_cases=len(self.intensity_cases.get(year, ())),
            outreach_minutes=self.outreach_minutes.get(year, 0),
            reporter_kinds=reporter_kinds,
            reporters=sum(case.reporter_count for case in new),
            code_sets={table: dict(found) for table, found in code_sets.items()},
        )

    def active_departments(self, year: int) -> dict[str, int]:
        counts = dict.fromkeys(sorted(set(self.departments.values())), 0)
        for case in self.cases.values():
            active = case.is_new_in(year) or case.is_carried_into(year)
            name = self.departments.get(case.department_id or -1)
            if active and name is not None:
                counts[name] += 1
        return counts


def _bump(counts: dict[str, int], code: str, by: int = 1) -> None:
    # A code outside the taxonomy (from a newer version of the program) is still counted,
    # at the end, rather than silently lost from the totals.
    counts[code] = counts.get(code, 0) + by


@dataclass(frozen=True)
class _CaseYears:
    first: int
    closed: int | None
    outcome: str | None


@dataclass(frozen=True)
class OrganisationHistory:
    """The counts of one organisation for the report year and the years before it.

    Besides the per-year counts it answers flow questions for a *population*: only the
    cases first contacted in ``since`` or later. The report needs that to restart the
    carried-over figures after a year that could not print them (annual_report.py).
    """

    first_year: int | None  # the year of the organisation's first case, if any
    years: Mapping[int, OrganisationYear]  # oldest first
    _cases: tuple[_CaseYears, ...] = ()

    @property
    def latest(self) -> OrganisationYear:
        return self.years[max(self.years)]

    def _population(self, since: int | None) -> list[_CaseYears]:
        return [c for c in self._cases if since is None or c.first >= since]

    def flow(self, year: int, *, since: int | None = None) -> CaseFlow:
        """New, carried-over, closed and open cases among those first contacted from ``since``."""
        cases = self._population(since)
        return CaseFlow(
            new=sum(c.first == year for c in cases),
            carried_over=sum(
                c.first < year and (c.closed is None or c.closed >= year) for c in cases
            ),
            closed=sum(c.closed == year for c in cases),
            open_at_end=sum(
                c.first <= year and (c.closed is None or c.closed > year) for c in cases
            ),
        )

    def outcomes(self, year: int, *, since: int | None = None) -> dict[str, int]:
        """Cases closed in ``year`` by outcome (taxonomy order, then UNRECORDED)."""
        counts = {**_zeros(tx.CASE_OUTCOMES), UNRECORDED: 0}
        for case in self._population(since):
            if case.closed == year:
                _bump(counts, case.outcome or UNRECORDED)
        return counts


def organisation_history(
    journal: Journal, organisation_id: int, year: int, *, since: int | None = None
) -> OrganisationHistory:
    """Counts for every year from ``since`` (default: the year itself) up to ``year``.

    The annual report asks from the organisation's first case onwards, because whether
    carried-over figures may be printed depends on every earlier year (annual_report.py).
    """
    data = _OrganisationData(journal, organisation_id)
    start = year if since is None else min(since, year)
    return OrganisationHistory(
        first_year=data.first_year(),
        years={y: data.year(y) for y in range(start, year + 1)},
        _cases=tuple(
            _CaseYears(
                c.first_contact.year, None if c.closed_on is None else c.closed_on.year, c.outcome
            )
            for c in data.cases.values()
        ),
    )


def organisation_year(journal: Journal, organisation_id: int, year: int) -> OrganisationYear:
    return organisation_history(journal, organisation_id, year).latest


def first_case_year(journal: Journal, organisation_id: int) -> int | None:
    value = journal.db.scalar(
        "SELECT min(CAST(substr(first_contact, 1, 4) AS INTEGER)) FROM cases "
        "WHERE organisation_id = ?",
        (organisation_id,),
    )
    return None if value is None else int(value)


def active_department_counts(journal: Journal, organisation_id: int, year: int) -> dict[str, int]:
    """Cases per department that were new or carried over in the year (every department)."""
    return _OrganisationData(journal, organisation_id).active_departments(year)


def report_years(journal: Journal, organisation_id: int) -> list[int]:
    """Years in which the organisation had any case, conversation, time or outreach."""
    rows = journal.db.query(
        "SELECT CAST(substr(first_contact, 1, 4) AS INTEGER) FROM cases WHERE organisation_id = ?1 "
        "UNION SELECT CAST(substr(spent_on, 1, 4) AS INTEGER) FROM time_entries "
        "WHERE organisation_id = ?1 "
        "UNION SELECT CAST(substr(held_on, 1, 4) AS INTEGER) FROM outreach "
        "WHERE organisation_id = ?1 ORDER BY 1",
        (organisation_id,),
    )
    return [int(r[0]) for r in rows]


def year_signals(journal: Journal, organisation_id: int, year: int) -> list[Signal]:
    """The signals and advice given to the organisation in the year, oldest first."""
    return journal.find(
        Signal,
        "organisation_id = ? AND substr(given_on, 1, 4) = ?",
        (organisation_id, f"{year:04d}"),
        order="given_on, id",
    )


def year_outreach(journal: Journal, organisation_id: int, year: int) -> list[OutreachActivity]:
    """The outreach activities for the organisation in the year, oldest first."""
    return journal.find(
        OutreachActivity,
        "organisation_id = ? AND substr(held_on, 1, 4) = ?",
        (organisation_id, f"{year:04d}"),
        order="held_on, id",
    )


# -- the VP's own overview -----------------------------------------------------------------


@dataclass(frozen=True)
class Workload:
    """One organisation's year as the VP sees it: exact figures, for invoicing and planning."""

    organisation_id: int
    organisation: str
    archived: bool
    flow: CaseFlow
    conversations: int
    conversation_minutes: int
    time_minutes: Mapping[str, int]  # by activity, taxonomy order
    outreach: int

    @property
    def minutes(self) -> int:
        return self.conversation_minutes + sum(self.time_minutes.values())

    @property
    def is_empty(self) -> bool:
        return (
            not (self.flow.handled or self.flow.closed or self.conversations or self.minutes)
            and not self.outreach
        )


def vp_overview(journal: Journal, year: int) -> list[Workload]:
    """Every organisation with any work in the year, by name. Never protected: VP only."""
    rows: list[Workload] = []
    for organisation in journal.organisations():
        assert organisation.id is not None
        counts = _OrganisationData(journal, organisation.id).year(year)
        workload = Workload(
            organisation_id=organisation.id,
            organisation=organisation.name,
            archived=organisation.archived,
            flow=counts.flow,
            conversations=counts.conversations,
            conversation_minutes=counts.conversation_minutes,
            time_minutes=counts.time_minutes,
            outreach=counts.outreach_total,
        )
        if not workload.is_empty:
            rows.append(workload)
    return rows
