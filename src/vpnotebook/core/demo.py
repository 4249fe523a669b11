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

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any, TypeVar

from . import taxonomy as tx
from .demo_data import (  # noqa: F401 - the material the planner draws from
    _ADVICE,
    _AFTERCARE_NOTES,
    _AFTERCARE_STORIES,
    _AGE_WEIGHTS,
    _AGREEMENTS,
    _APPOINTMENT_BY_FORM,
    _APPOINTMENT_NOTES,
    _BEFORE_AFTERCARE,
    _CATEGORY_WEIGHTS,
    _CLOSING_AGREEMENTS,
    _CONTACT_NAMES,
    _CONTACT_TYPE_WEIGHTS,
    _DURATIONS,
    _EXTRA_CATEGORY_WEIGHTS,
    _FIRST_NAMES,
    _FOLLOW_UP_STORIES,
    _FORM_WEIGHTS,
    _FORMAL_ROUTES,
    _GENDER_WEIGHTS,
    _IMPACT,
    _INITIALS,
    _LAST_STEPS,
    _NEXT_STEPS,
    _NOTES,
    _OCCASIONS,
    _OPTIONS,
    _OPTIONS_GENERAL,
    _ORG_APPOINTMENT_NOTES,
    _ORG_NOTES,
    _ORGANISATIONS,
    _OUTCOME_NOTES,
    _OUTREACH,
    _OUTREACH_NOTES,
    _OUTREACH_WEIGHTS,
    _PERIODS,
    _QUESTION_STORIES,
    _QUESTION_TITLES,
    _REFERRAL_NOTES,
    _REFERRAL_WEIGHTS,
    _RELATION_WEIGHTS,
    _REOPEN_STORIES,
    _REPORTER_NOTES,
    _ROLE_WEIGHTS,
    _ROUTE_NOTES,
    _ROUTE_WEIGHTS,
    _SIGNALS,
    _STORIES,
    _SURNAMES,
    _TIME_NOTES,
    _TITLES,
    _WHO,
    _WISHES,
    _WISHES_GENERAL,
    SMALL_ORGANISATION,
    _OrgTemplate,
    _OutreachKind,
)
from .journal import Journal
from .models import (
    TABLES,
    Case,
    Conversation,
    Department,
    FollowUp,
    Organisation,
    OutreachActivity,
    Referral,
    ReferralContact,
    Reporter,
    Route,
    Signal,
    TimeEntry,
)

# A fixed default keeps `fill_demo(journal)` reproducible; callers that want the data to look
# current pass today's date explicitly.
DEFAULT_TODAY = date(2026, 11, 28)
YEARS = 4
MAX_ORGANISATIONS = 20

T = TypeVar("T")


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

    def as_counts(self) -> dict[str, int]:
        return {table: getattr(self, table) for table in TABLES.values()}

    @property
    def total(self) -> int:
        return sum(self.as_counts().values())


# -- the plan: structure first, text later --------------------------------------------------


@dataclass
class _Org:
    id: int
    name: str
    employees: int
    departments: list[tuple[int, str]]
    weight: float


@dataclass
class _ConvPlan:
    held_on: date
    phase: str  # intake | follow_up | aftercare | reopened
    form: str
    minutes: int


@dataclass
class _RoutePlan:
    route: str
    started_on: date
    outcome: str


@dataclass
class _ReferralPlan:
    party: str
    referred_on: date


@dataclass
class _FollowUpPlan:
    kind: str
    due_on: date
    due_time: str
    done_on: date | None
    note: str


@dataclass
class _TimePlan:
    spent_on: date
    minutes: int
    activity: str
    note: str


@dataclass
class _CasePlan:
    index: int
    org: _Org
    first_contact: date
    contact_type: str
    categories: list[str]
    role: str
    gender: str | None
    age_band: str | None
    department: tuple[int, str] | None
    relation: str | None
    anonymous: bool
    consent_on: date | None = None
    convs: list[_ConvPlan] = field(default_factory=list)
    routes: list[_RoutePlan] = field(default_factory=list)
    referrals: list[_ReferralPlan] = field(default_factory=list)
    follow_ups: list[_FollowUpPlan] = field(default_factory=list)
    time: list[_TimePlan] = field(default_factory=list)
    status: str = "open"
    closed_on: date | None = None  # for a re-opened case: the date it was closed before
    outcome: str | None = None

    @property
    def primary(self) -> str:
        return self.categories[0]

    @property
    def is_closed(self) -> bool:
        return self.status in ("closed", "reopened")

    def past_dates(self) -> list[date]:
        return [conv.held_on for conv in self.convs]


@dataclass
class _OrgItem:
    """An outreach activity, signal, follow-up or time entry outside the cases."""

    org: _Org
    on: date
    kind: str
    payload: dict[str, Any]


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
    with journal.db.transaction():
        filler.fill(cases)
    return DemoSummary(**filler.counts)


class _Filler:
    def __init__(self, journal: Journal, rng: Random, today: date) -> None:
        self.journal = journal
        self.rng = rng
        self.today = today
        self.start = today - timedelta(days=365 * YEARS)
        self.counts: Counter[str] = Counter()

    # -- helpers ----------------------------------------------------------------------------

    def add(self, entity: T) -> T:
        stored = self.journal.add(entity)
        self.counts[TABLES[type(entity)]] += 1
        return stored

    def weighted(self, weights: dict[Any, int]) -> Any:
        keys = list(weights)
        return self.rng.choices(keys, weights=list(weights.values()))[0]

    def workday(self, day: date, latest: date | None = None) -> date:
        """The first working day from `day` on; the last one before it if that passes `latest`."""
        forward = day
        while not _is_workday(forward):
            forward += timedelta(days=1)
        if latest is None or forward <= latest:
            return forward
        back = day
        while not _is_workday(back):
            back -= timedelta(days=1)
        return back

    def random_day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def clock(self) -> str:
        return f"{self.rng.randint(8, 16):02d}:{self.rng.choice((0, 15, 30, 45)):02d}"

    def minutes(self, low: int, high: int) -> int:
        return max(5, round(self.rng.randint(low, high) / 5) * 5)

    # -- the whole fill ---------------------------------------------------------------------

    def fill(self, case_count: int) -> None:
        orgs = self.add_organisations(case_count)
        plans = [self.plan_profile(index, orgs) for index in range(case_count)]
        self.cover_profiles(plans)
        for plan in plans:
            self.plan_timeline(plan)
        self.cover_timelines(plans)
        items = self.plan_organisation_work(orgs)
        self.cover_organisation_work(items, orgs)
        writer = _Writer(self.rng)
        for plan in sorted(plans, key=lambda p: (p.first_contact, p.index)):
            self.insert_case(plan, writer)
        for item in sorted(items, key=lambda i: (i.on, i.kind)):
            self.insert_item(item)

    # -- organisations --------------------------------------------------------------------

    def add_organisations(self, case_count: int) -> list[_Org]:
        rng = self.rng
        wanted = min(MAX_ORGANISATIONS, max(3, case_count // 40))
        small = [t for t in _ORGANISATIONS if t.employees[1] < SMALL_ORGANISATION]
        first = rng.choice(small)  # small organisations are where disclosure control matters
        others = rng.sample([t for t in _ORGANISATIONS if t is not first], wanted - 1)
        orgs: list[_Org] = []
        for template in sorted([first, *others], key=lambda t: t.name):
            employees = rng.randint(*template.employees)
            organisation = self.add(
                Organisation(
                    name=template.name,
                    employee_count=employees,
                    sector=template.sector,
                    retention_years=rng.choice((2, 2, 2, 3, 5)),
                    notes=rng.choice(_ORG_NOTES),
                )
            )
            assert organisation.id is not None
            size = min(len(template.departments), max(2, min(8, 2 + employees // 150)))
            names = rng.sample(template.departments, rng.randint(2, size))
            departments = []
            for name in sorted(names):
                department = self.add(Department(organisation_id=organisation.id, name=name))
                assert department.id is not None
                departments.append((department.id, name))
            self.add_referral_contacts(organisation.id, template.domain)
            # Small organisations still get a handful of cases a year: that is the point.
            weight = max(12.0, employees**0.6)
            orgs.append(_Org(organisation.id, template.name, employees, departments, weight))
        return orgs

    def add_referral_contacts(self, organisation_id: int, domain: str) -> None:
        rng = self.rng
        parties = ["company_doctor", "complaints_committee", "social_worker"]
        extra = ["hr", "occupational_health", "mediator", "legal_aid", "psychologist"]
        parties += rng.sample(extra, rng.randint(1, 3))
        for party in parties:
            title, note = _CONTACT_NAMES[party]
            if party == "complaints_committee":
                name = "Secretariaat klachtencommissie"
                email = f"klachtencommissie@{domain}.example.nl"
            else:
                surname = rng.choice(_SURNAMES)
                name = f"{title} {rng.choice(_INITIALS)}. {surname}".strip()
                email = f"{_slug(surname)}@{domain}.example.nl"
            phone = self.landline() if rng.random() < 0.6 else self.mobile()
            self.add(
                ReferralContact(
                    organisation_id=organisation_id,
                    party=party,
                    name=name,
                    phone=phone,
                    email=email,
                    notes=note,
                )
            )

    def mobile(self) -> str:
        return f"06-{self.rng.randint(10_000_000, 69_999_999)}"

    def landline(self) -> str:
        return f"0{self.rng.randint(10, 99)}-{self.rng.randint(200_0000, 999_9999)}"

    # -- stage 1: who, when, what ---------------------------------------------------------

    def plan_profile(self, index: int, orgs: list[_Org]) -> _CasePlan:
        rng = self.rng
        org = rng.choices(orgs, weights=[o.weight for o in orgs])[0]
        first_contact = self.random_day(self.start + timedelta(days=1), self.today)
        if first_contact.month in (7, 8) and rng.random() < 0.35:
            # Fewer people come during the summer holidays.
            first_contact = self.random_day(self.start + timedelta(days=1), self.today)
        first_contact = self.workday(first_contact, latest=self.today)
        contact_type = self.weighted(_CONTACT_TYPE_WEIGHTS)
        categories = [self.weighted(_CATEGORY_WEIGHTS)]
        if categories[0] not in ("outside_remit", "integrity"):
            extra = rng.choices((0, 1, 2), weights=(70, 25, 5))[0]
            while len(categories) < 1 + extra:
                candidate = self.weighted(_EXTRA_CATEGORY_WEIGHTS)
                if candidate not in categories:
                    categories.append(candidate)
        department = rng.choice(org.departments) if rng.random() < 0.85 else None
        return _CasePlan(
            index=index,
            org=org,
            first_contact=first_contact,
            contact_type=contact_type,
            categories=categories,
            role=self.weighted(_ROLE_WEIGHTS),
            gender=self.weighted(_GENDER_WEIGHTS),
            age_band=self.weighted(_AGE_WEIGHTS),
            department=department,
            relation=self.weighted(_RELATION_WEIGHTS[categories[0]]),
            anonymous=rng.random() < 0.05,
        )

    def cover_profiles(self, plans: list[_CasePlan]) -> None:
        """Make every code of the case-level vocabularies occur at least once."""
        rng = self.rng

        def set_attr(name: str) -> Callable[[_CasePlan, Any], None]:
            return lambda plan, value: setattr(plan, name, value)

        _cover(rng, plans, lambda p: p.contact_type, set_attr("contact_type"), tx.CONTACT_TYPES)
        _cover(rng, plans, lambda p: p.role, set_attr("role"), tx.REPORTER_ROLES)
        _cover(rng, plans, lambda p: p.gender, set_attr("gender"), [*tx.GENDERS.codes, None])
        _cover(rng, plans, lambda p: p.age_band, set_attr("age_band"), [*tx.AGE_BANDS.codes, None])
        _cover(rng, plans, lambda p: p.relation, set_attr("relation"), [*tx.RELATIONS.codes, None])
        _cover(
            rng,
            plans,
            lambda p: p.department is None,
            lambda p, none: setattr(
                p, "department", None if none else rng.choice(p.org.departments)
            ),
            [True, False],
        )
        _cover(
            rng,
            plans,
            lambda p: p.primary,
            lambda p, value: setattr(p, "categories", [value]),
            tx.CATEGORIES,
            eligible=lambda p: len(p.categories) == 1,
        )
        # A case with more than one category is common enough to show in every demo.
        if plans and all(len(p.categories) == 1 for p in plans):
            candidates = [p for p in plans if p.primary in _EXTRA_CATEGORY_WEIGHTS]
            if candidates:
                plan = rng.choice(candidates)
                plan.categories.append(
                    "intimidation" if plan.primary != "intimidation" else "bullying"
                )

    # -- stage 2: the timeline -----------------------------------------------------------

    def plan_timeline(self, plan: _CasePlan) -> None:
        rng, today = self.rng, self.today
        if plan.contact_type == "question":
            planned = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
        elif plan.contact_type == "sounding_board":
            planned = rng.choices((1, 2, 3, 4, 5), weights=(15, 30, 25, 18, 12))[0]
        else:
            planned = rng.choices(range(2, 11), weights=(3, 5, 8, 11, 13, 15, 15, 15, 15))[0]
        dates = [plan.first_contact]
        for number in range(1, planned):
            gap = rng.randint(3, 21) if number == 1 else rng.randint(7, 42)
            dates.append(self.workday(dates[-1] + timedelta(days=gap)))
        past = [d for d in dates if d <= today]
        upcoming = [d for d in dates if d > today]
        for number, held_on in enumerate(past):
            plan.convs.append(self.conversation(held_on, "intake" if number == 0 else "follow_up"))
            if number and rng.random() < 0.3:
                note = _APPOINTMENT_BY_FORM[plan.convs[-1].form]
                plan.follow_ups.append(
                    _FollowUpPlan("appointment", held_on, self.clock(), held_on, note)
                )
        consent_chance = {"report": 0.8, "sounding_board": 0.5, "question": 0.15}
        if rng.random() < consent_chance[plan.contact_type]:
            # Usually asked at the intake, sometimes only once the VP starts keeping a file.
            plan.consent_on = past[1] if len(past) > 1 and rng.random() < 0.3 else past[0]

        if upcoming:
            plan.status = "open"
            plan.follow_ups.append(
                _FollowUpPlan(
                    "appointment", upcoming[0], self.clock(), None, rng.choice(_APPOINTMENT_NOTES)
                )
            )
        else:
            self.plan_ending(plan, past[-1])
        self.plan_routes(plan)
        self.plan_referrals(plan)
        if rng.random() < 0.3:
            for _ in range(rng.randint(1, 2)):
                conv = rng.choice(plan.convs)
                activity = (
                    "travel" if conv.form == "in_person" and rng.random() < 0.3 else "case_work"
                )
                note = rng.choice(
                    ("Reistijd gesprek op locatie",)
                    if activity == "travel"
                    else _TIME_NOTES["case_work"]
                )
                plan.time.append(_TimePlan(conv.held_on, self.minutes(10, 60), activity, note))

    def conversation(self, held_on: date, phase: str) -> _ConvPlan:
        form = self.weighted(_FORM_WEIGHTS[phase])
        low, high = _DURATIONS[form]
        if phase == "intake":
            low, high = low + 15, high + 20
        return _ConvPlan(held_on, phase, form, self.minutes(low, high))

    def plan_ending(self, plan: _CasePlan, last: date) -> None:
        """Status, closure and after-care of a case whose planned conversations all happened."""
        rng, today = self.rng, self.today
        aftercare_chance = {"report": 0.55, "sounding_board": 0.2, "question": 0.0}
        wants_aftercare = rng.random() < aftercare_chance[plan.contact_type]
        # A few older cases were never closed: the overdue items in the VP's agenda.
        # Recent enough to be believable: a busy VP lets an item slip for weeks, not years.
        stale = (
            today - timedelta(days=150) < last < today - timedelta(days=45) and rng.random() < 0.12
        )
        end = last
        if wants_aftercare:
            due = self.workday(last + timedelta(days=rng.randint(28, 56)))
            done = self.workday(due + timedelta(days=rng.randint(0, 6)))
            note = rng.choice(_AFTERCARE_NOTES)
            if due > today or stale or done > today:
                plan.status = "aftercare"
                plan.follow_ups.append(_FollowUpPlan("aftercare", due, "", None, note))
                return
            plan.follow_ups.append(_FollowUpPlan("aftercare", due, "", done, note))
            plan.convs.append(self.conversation(done, "aftercare"))
            end = done
        elif stale:
            plan.status = "open"
            due = self.workday(last + timedelta(days=rng.randint(14, 28)))
            plan.follow_ups.append(
                _FollowUpPlan(
                    "appointment", due, self.clock(), None, rng.choice(_APPOINTMENT_NOTES)
                )
            )
            return
        closing = end + timedelta(days=rng.randint(0, 14))
        if closing > today:
            plan.status = "open"
            return
        plan.status, plan.closed_on, plan.outcome = "closed", closing, self.outcome_for(plan)
        recently = today - timedelta(days=365) <= closing <= today - timedelta(days=14)
        if recently and rng.random() < 0.04:
            self.reopen(plan)

    def reopen(self, plan: _CasePlan) -> None:
        assert plan.closed_on is not None
        room = (self.today - plan.closed_on).days
        again = self.workday(
            plan.closed_on + timedelta(days=self.rng.randint(7, max(7, min(120, room)))),
            latest=self.today,
        )
        if again <= plan.closed_on or again > self.today:
            return
        plan.status = "reopened"
        plan.convs.append(self.conversation(again, "reopened"))

    def outcome_for(self, plan: _CasePlan) -> str:
        if plan.primary == "outside_remit":
            weights = {"referred": 60, "no_further_steps": 30, "other": 10}
        elif plan.contact_type == "question":
            weights = {"no_further_steps": 50, "referred": 20, "resolved_informally": 30}
        else:
            weights = {
                "resolved_informally": 40,
                "no_further_steps": 15,
                "referred": 12,
                "reporter_withdrew": 12,
                "left_organisation": 8,
                "formal_complaint": 6,
                "other": 5,
            }
        return str(self.weighted(weights))

    def plan_routes(self, plan: _CasePlan) -> None:
        rng = self.rng
        count = {
            "report": rng.choices((0, 1, 2), weights=(20, 55, 25))[0],
            "sounding_board": rng.choices((0, 1), weights=(70, 30))[0],
            "question": 0,
        }[plan.contact_type]
        weights = dict(_ROUTE_WEIGHTS["general"])
        if plan.primary in ("integrity", "outside_remit"):
            weights = dict(_ROUTE_WEIGHTS[plan.primary])
        else:
            for category in plan.categories:
                weights.update(_ROUTE_WEIGHTS.get(category, {}))
        if plan.outcome == "formal_complaint":
            self.add_route(plan, "complaints_committee")
        while len(plan.routes) < count:
            self.add_route(plan, self.weighted(weights))

    def add_route(self, plan: _CasePlan, route: str) -> None:
        if any(r.route == route for r in plan.routes):
            return
        dates = plan.past_dates()
        started = self.rng.choice(dates[1:] or dates)
        plan.routes.append(_RoutePlan(route, started, self.route_outcome(plan, route)))

    def route_outcome(self, plan: _CasePlan, route: str) -> str:
        if not plan.is_closed:
            weights = {
                "pending": 55,
                "resolved": 15,
                "not_resolved": 12,
                "withdrawn": 8,
                "unknown": 10,
            }
        elif route in _FORMAL_ROUTES:
            weights = {"founded": 40, "unfounded": 30, "withdrawn": 15, "pending": 10, "unknown": 5}
        elif route in ("police_report", "whistleblowers_house"):
            weights = {"unknown": 40, "pending": 30, "withdrawn": 15, "resolved": 15}
        else:
            weights = {"resolved": 50, "not_resolved": 20, "withdrawn": 15, "unknown": 15}
        return str(self.weighted(weights))

    def plan_referrals(self, plan: _CasePlan) -> None:
        rng = self.rng
        count = {
            "report": rng.choices((0, 1, 2, 3, 4), weights=(4, 13, 28, 30, 25))[0],
            "sounding_board": rng.choices((0, 1, 2), weights=(30, 45, 25))[0],
            "question": rng.choices((0, 1), weights=(65, 35))[0],
        }[plan.contact_type]
        if plan.primary in ("integrity", "outside_remit"):
            weights = dict(_REFERRAL_WEIGHTS[plan.primary])
        else:
            weights = dict(_REFERRAL_WEIGHTS["general"])
            for category in plan.categories:
                weights.update(_REFERRAL_WEIGHTS.get(category, {}))
        for _ in range(count):
            party = self.weighted(weights)
            if all(r.party != party for r in plan.referrals):
                self.add_referral(plan, party)

    def add_referral(self, plan: _CasePlan, party: str) -> None:
        plan.referrals.append(_ReferralPlan(party, self.rng.choice(plan.past_dates())))

    def cover_timelines(self, plans: list[_CasePlan]) -> None:
        """Make every status, outcome, route, referral party and agenda state occur at least once."""
        rng, today = self.rng, self.today
        if not plans:
            return
        statuses = Counter(p.status for p in plans)
        if not statuses["reopened"]:
            candidates = [
                p
                for p in plans
                if p.status == "closed"
                and p.closed_on is not None
                and p.closed_on <= today - timedelta(days=14)
            ]
            if statuses["closed"] > 1 and candidates:
                year_ago = today - timedelta(days=365)
                recent = [p for p in candidates if p.closed_on and p.closed_on >= year_ago]
                self.reopen(rng.choice(recent or candidates))

        def unfinished_candidates() -> list[_CasePlan]:
            closed = [p for p in plans if p.status == "closed"]
            if len(closed) < 2:
                return []
            # Closed a while ago, so that the agenda item left behind is overdue.
            older = [
                p
                for p in closed
                if p.closed_on
                and today - timedelta(days=240) < p.closed_on < today - timedelta(days=60)
            ]
            return older or closed

        for status in ("open", "aftercare"):
            candidates = unfinished_candidates()
            if not any(p.status == status for p in plans) and candidates:
                self.leave_unfinished(rng.choice(candidates), status)
        if not any(f.done_on is None and f.due_on < today for p in plans for f in p.follow_ups):
            candidates = unfinished_candidates()
            if candidates:
                self.leave_unfinished(rng.choice(candidates), "aftercare")

        closed = [p for p in plans if p.status == "closed"]
        _cover(
            rng,
            closed,
            lambda p: p.outcome,
            lambda p, value: setattr(p, "outcome", value),
            tx.CASE_OUTCOMES,
        )
        for plan in closed:
            if plan.outcome == "formal_complaint":
                self.add_route(plan, "complaints_committee")  # no-op when it is there already
        convs = [c for p in plans for c in p.convs]
        _cover(
            rng, convs, lambda c: c.form, lambda c, v: setattr(c, "form", v), tx.CONVERSATION_FORMS
        )

        reports = [p for p in plans if p.contact_type == "report"] or plans
        for route in tx.ROUTES.codes:
            if any(r.route == route for p in plans for r in p.routes):
                continue
            fitting = [
                p for p in reports if (p.primary == "integrity") == (route in _INTEGRITY_ROUTES)
            ]
            self.add_route(rng.choice(fitting or reports), route)
        routes = [(p, r) for p in plans for r in p.routes]
        for outcome in tx.ROUTE_OUTCOMES.codes:
            counts = Counter(r.outcome for _, r in routes)
            if counts[outcome]:
                continue
            fits = [
                (p, r)
                for p, r in routes
                if counts[r.outcome] > 1 and _outcome_fits(outcome, p, r.route)
            ]
            if fits:
                rng.choice(fits)[1].outcome = outcome
            elif closed:
                plan = rng.choice(closed)
                route = (
                    "complaints_committee" if outcome in ("founded", "unfounded") else "vp_informal"
                )
                if all(r.route != route for r in plan.routes):
                    self.add_route(plan, route)
                    plan.routes[-1].outcome = outcome
                    routes.append((plan, plan.routes[-1]))
        for party in tx.REFERRAL_PARTIES.codes:
            if any(r.party == party for p in plans for r in p.referrals):
                continue
            fitting = [
                p
                for p in plans
                if all(r.party != party for r in p.referrals)
                and (party != "whistleblowers_house" or p.primary == "integrity")
            ]
            if fitting:
                self.add_referral(rng.choice(fitting), party)

    def leave_unfinished(self, plan: _CasePlan, status: str) -> None:
        """Turn a closed case into one the VP never closed, with an overdue agenda item."""
        rng = self.rng
        plan.convs = [c for c in plan.convs if c.phase != "reopened"]
        plan.follow_ups = [f for f in plan.follow_ups if f.kind != "aftercare"]
        if plan.convs[-1].phase == "aftercare" and len(plan.convs) > 1:
            plan.convs.pop()
        last = plan.convs[-1].held_on
        plan.status, plan.closed_on, plan.outcome = status, None, None
        kind = "aftercare" if status == "aftercare" else "appointment"
        due = min(
            self.workday(last + timedelta(days=rng.randint(14, 42))),
            self.today - timedelta(days=1),
        )
        note = rng.choice(_AFTERCARE_NOTES if kind == "aftercare" else _APPOINTMENT_NOTES)
        plan.follow_ups.append(
            _FollowUpPlan(
                kind, max(due, last), "" if kind == "aftercare" else self.clock(), None, note
            )
        )
        for route in plan.routes:
            route.started_on = min(route.started_on, last)
            route.outcome = self.route_outcome(plan, route.route)
        plan.referrals = [r for r in plan.referrals if r.referred_on <= last]
        plan.time = [t for t in plan.time if t.spent_on <= last]

    # -- organisation work: voorlichting, signals, agenda, hours -----------------------

    def plan_organisation_work(self, orgs: list[_Org]) -> list[_OrgItem]:
        rng, today = self.rng, self.today
        items: list[_OrgItem] = []
        first_year, last_year = self.start.year, today.year
        for org in orgs:
            per_year = 1.5 if org.employees < 100 else 3.0 if org.employees < 800 else 5.0
            for year in range(first_year, last_year + 1):
                begin = max(self.start + timedelta(days=1), date(year, 1, 1))
                end = min(today, date(year, 12, 31))
                share = ((end - begin).days + 1) / 365
                # Outreach: the VP's visibility, scaled with the size of the organisation.
                for _ in range(_round(rng, per_year * share * rng.uniform(0.6, 1.4))):
                    kind = self.weighted(_OUTREACH_WEIGHTS)
                    on = self.workday(self.random_day(begin, end), latest=today)
                    items.append(_OrgItem(org, on, "outreach", {"kind": kind}))
                    if rng.random() < 0.5:
                        items.append(self.time_item(org, on, "outreach"))
                    if kind not in ("newsletter", "meeting") and rng.random() < 0.6:
                        items.append(self.time_item(org, on, "travel"))
                # The yearly meeting with the top: advice given, and time spent.
                meeting = self.workday(date(year, 2, 1) + timedelta(days=rng.randint(0, 70)))
                if self.start < meeting <= today:
                    items.append(
                        _OrgItem(org, meeting, "org_follow_up", {"done": meeting, "meeting": True})
                    )
                    items.append(self.time_item(org, meeting, "meeting"))
                    items.append(_OrgItem(org, meeting, "signal", {"kind": "advice"}))
                    report_day = meeting - timedelta(days=rng.randint(7, 21))
                    if (
                        report_day.year == year
                        and self.start < report_day
                        and year - 1 >= first_year
                    ):
                        items.append(
                            self.time_item(org, report_day, "reporting", year=str(year - 1))
                        )
                elif meeting > today:
                    items.append(
                        _OrgItem(org, meeting, "org_follow_up", {"done": None, "meeting": True})
                    )
                for _ in range(_round(rng, share * rng.choice((0, 1, 1, 2)))):
                    on = self.workday(self.random_day(begin, end), latest=today)
                    items.append(_OrgItem(org, on, "signal", {"kind": "signal"}))
                    if rng.random() < 0.5:
                        items.append(self.time_item(org, on, "advice"))
                for _ in range(_round(rng, share * rng.randint(3, 6))):
                    on = self.workday(self.random_day(begin, end), latest=today)
                    items.append(self.time_item(org, on, "administration"))
                if rng.random() < 0.3 * share:
                    on = self.workday(self.random_day(begin, end), latest=today)
                    items.append(self.time_item(org, on, "other"))
            # Next year's meeting is always in the agenda, and sometimes a call is overdue.
            meeting = self.workday(date(last_year + 1, 2, 1) + timedelta(days=rng.randint(0, 50)))
            items.append(_OrgItem(org, meeting, "org_follow_up", {"done": None, "meeting": True}))
            if rng.random() < 0.4:
                on = self.workday(today - timedelta(days=rng.randint(2, 30)), latest=today)
                items.append(_OrgItem(org, on, "org_follow_up", {"done": None, "meeting": False}))
        # Training and peer review are not for one client; booked on one in turn.
        for year in range(first_year, last_year + 1):
            for _ in range(3):
                on = self.workday(date(year, 1, 1) + timedelta(days=rng.randint(0, 364)))
                if self.start < on <= today:
                    items.append(self.time_item(rng.choice(orgs), on, "training"))
        return items

    def time_item(self, org: _Org, on: date, activity: str, year: str = "") -> _OrgItem:
        ranges = {
            "administration": (15, 90),
            "reporting": (120, 360),
            "meeting": (60, 120),
            "training": (120, 360),
            "travel": (20, 90),
            "outreach": (30, 120),
            "advice": (30, 90),
            "other": (15, 60),
        }
        note = self.rng.choice(_TIME_NOTES[activity]).format(year=year)
        payload = {"activity": activity, "minutes": self.minutes(*ranges[activity]), "note": note}
        return _OrgItem(org, on, "time", payload)

    def cover_organisation_work(self, items: list[_OrgItem], orgs: list[_Org]) -> None:
        rng = self.rng
        if not orgs:
            return

        def kind_of(wanted: str) -> list[_OrgItem]:
            return [i for i in items if i.kind == wanted]

        def set_kind(item: _OrgItem, value: str) -> None:
            item.payload["kind"] = value

        _cover(rng, kind_of("outreach"), lambda i: i.payload["kind"], set_kind, tx.OUTREACH_KINDS)
        _cover(rng, kind_of("signal"), lambda i: i.payload["kind"], set_kind, tx.SIGNAL_KINDS)
        for code in tx.OUTREACH_KINDS.codes:
            if not any(i.payload["kind"] == code for i in kind_of("outreach")):
                on = self.workday(
                    self.random_day(self.start + timedelta(days=1), self.today), latest=self.today
                )
                items.append(_OrgItem(rng.choice(orgs), on, "outreach", {"kind": code}))
        for code in tx.SIGNAL_KINDS.codes:
            if not any(i.payload["kind"] == code for i in kind_of("signal")):
                on = self.workday(
                    self.random_day(self.start + timedelta(days=1), self.today), latest=self.today
                )
                items.append(_OrgItem(rng.choice(orgs), on, "signal", {"kind": code}))
        for code in tx.TIME_ACTIVITIES.codes:
            if code == "case_work":
                continue  # booked on cases
            if not any(i.payload.get("activity") == code for i in kind_of("time")):
                on = self.workday(
                    self.random_day(self.start + timedelta(days=1), self.today), latest=self.today
                )
                items.append(self.time_item(rng.choice(orgs), on, code, year=str(on.year - 1)))

    # -- stage 3: writing it down ----------------------------------------------------------

    def insert_case(self, plan: _CasePlan, writer: _Writer) -> None:
        rng = self.rng
        values = writer.values(plan)
        stored = self.add(
            Case(
                organisation_id=plan.org.id,
                first_contact=plan.first_contact,
                contact_type=plan.contact_type,
                reporter_role=plan.role,
                categories=tuple(plan.categories),
                title=writer.title(plan),
                gender=plan.gender,
                age_band=plan.age_band,
                department_id=plan.department[0] if plan.department else None,
                relation_to_accused=plan.relation,
                reporter_wishes=writer.wishes(plan, values),
                consent_on=plan.consent_on,
                **self.final_state(plan),
            )
        )
        case_id = stored.id
        assert case_id is not None
        if not plan.anonymous:
            first, surname = rng.choice(_FIRST_NAMES), rng.choice(_SURNAMES)
            email = f"{_slug(first)}.{_slug(surname)}{rng.randint(1, 99)}@example.nl"
            contact = f"{self.mobile()} (privé), {email}"
            self.add(
                Reporter(
                    case_id=case_id,
                    name=f"{first} {surname}",
                    contact=contact,
                    notes=rng.choice(_REPORTER_NOTES),
                )
            )
        convs = sorted(plan.convs, key=lambda c: c.held_on)
        for number, conv in enumerate(convs):
            following = convs[number + 1].phase if number + 1 < len(convs) else None
            self.add(writer.conversation(case_id, plan, conv, values, following=following))
        for route in plan.routes:
            note = _ROUTE_NOTES[route.route].format(**values) if rng.random() < 0.8 else ""
            self.add(
                Route(
                    case_id=case_id,
                    route=route.route,
                    started_on=route.started_on,
                    outcome=route.outcome,
                    note=note,
                )
            )
        for referral in plan.referrals:
            self.add(
                Referral(
                    case_id=case_id,
                    party=referral.party,
                    referred_on=referral.referred_on,
                    note=_REFERRAL_NOTES[referral.party] if rng.random() < 0.85 else "",
                )
            )
        for item in plan.follow_ups:
            self.add(
                FollowUp(
                    organisation_id=plan.org.id,
                    kind=item.kind,
                    due_on=item.due_on,
                    case_id=case_id,
                    due_time=item.due_time,
                    note=item.note,
                    done_on=item.done_on,
                )
            )
        for entry in plan.time:
            self.add(
                TimeEntry(
                    organisation_id=plan.org.id,
                    spent_on=entry.spent_on,
                    minutes=entry.minutes,
                    activity=entry.activity,
                    case_id=case_id,
                    note=entry.note,
                )
            )
        if plan.status == "reopened":
            assert plan.closed_on is not None and plan.outcome is not None
            note = rng.choice(_OUTCOME_NOTES[plan.outcome])
            self.journal.close_case(case_id, plan.closed_on, plan.outcome, note)
            self.journal.reopen_case(case_id)

    def final_state(self, plan: _CasePlan) -> dict[str, Any]:
        """The status fields a case is added with.

        A closed case is added closed rather than added open and then closed: close_case's
        update rewrites the case's search-index row, which costs about 40% of the whole fill at
        scale. Re-opened cases do take the real close-and-reopen path; they are few.
        """
        if plan.status != "closed":
            return {"status": "aftercare" if plan.status == "aftercare" else "open"}
        assert plan.outcome is not None
        return {
            "status": "closed",
            "closed_on": plan.closed_on,
            "outcome": plan.outcome,
            "outcome_note": self.rng.choice(_OUTCOME_NOTES[plan.outcome]),
        }

    def insert_item(self, item: _OrgItem) -> None:
        rng, org, payload = self.rng, item.org, item.payload
        if item.kind == "outreach":
            spec = _OUTREACH[payload["kind"]]
            department = _department_phrase(rng.choice(org.departments)[1])
            count = None
            if spec.participants is not None:
                count = min(org.employees, rng.randint(*spec.participants))
            self.add(
                OutreachActivity(
                    organisation_id=org.id,
                    held_on=item.on,
                    kind=payload["kind"],
                    title=rng.choice(spec.titles),
                    audience=rng.choice(spec.audiences).format(dept=department),
                    participants=count,
                    duration_min=self.minutes(*spec.minutes),
                    notes=rng.choice(_OUTREACH_NOTES),
                )
            )
        elif item.kind == "signal":
            advice = payload["kind"] == "advice"
            subject, text = rng.choice(_ADVICE if advice else _SIGNALS)
            self.add(
                Signal(
                    organisation_id=org.id,
                    given_on=item.on,
                    kind=payload["kind"],
                    subject=subject,
                    text=text,
                    asked=advice and rng.random() < 0.5,
                )
            )
        elif item.kind == "time":
            self.add(
                TimeEntry(
                    organisation_id=org.id,
                    spent_on=item.on,
                    minutes=payload["minutes"],
                    activity=payload["activity"],
                    note=payload["note"],
                )
            )
        else:
            if payload["meeting"]:
                note = f"Jaargesprek met de directie over het jaarverslag {item.on.year - 1}."
                due_time = "10:00"
            else:
                note = rng.choice(_ORG_APPOINTMENT_NOTES)
                due_time = self.clock()
            self.add(
                FollowUp(
                    organisation_id=org.id,
                    kind="appointment",
                    due_on=item.on,
                    due_time=due_time,
                    note=note,
                    done_on=payload["done"],
                )
            )


_INTEGRITY_ROUTES = ("report_to_management", "whistleblowers_house")


def _outcome_fits(outcome: str, plan: _CasePlan, route: str) -> bool:
    if outcome in ("founded", "unfounded"):
        return plan.is_closed and route in _FORMAL_ROUTES
    if outcome == "pending":
        return not plan.is_closed or route in (*_FORMAL_ROUTES, "police_report")
    return True


class _Writer:
    """Assembles the Dutch notes of a case from fragments, once its structure is final."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng

    def values(self, plan: _CasePlan) -> dict[str, str]:
        who = self.rng.choice(_WHO[plan.relation])
        return {
            "who": who,
            "Who": who[0].upper() + who[1:],
            "period": self.rng.choice(_PERIODS),
            "dept": _department_phrase(plan.department[1]) if plan.department else "de afdeling",
        }

    def title(self, plan: _CasePlan) -> str:
        if plan.contact_type == "question" and self.rng.random() < 0.5:
            return self.rng.choice(_QUESTION_TITLES)
        return self.rng.choice(_TITLES[plan.primary])

    def wishes(self, plan: _CasePlan, values: dict[str, str]) -> str:
        pool = _WISHES.get(plan.primary, _WISHES_GENERAL)
        return self.rng.choice(pool).format(**values)

    def conversation(
        self,
        case_id: int,
        plan: _CasePlan,
        conv: _ConvPlan,
        values: dict[str, str],
        *,
        following: str | None,
    ) -> Conversation:
        """One conversation log; `following` is the phase of the next conversation, if any."""
        rng = self.rng

        def fmt(template: str) -> str:
            return template.format(**values)

        story: list[str] = []
        wishes = options = ""
        if conv.phase == "intake":
            if plan.contact_type == "question" and rng.random() < 0.6:
                story.append(rng.choice(_QUESTION_STORIES))
            else:
                for category in plan.categories:
                    story += rng.sample(_STORIES[category], 3 if category == plan.primary else 1)
            story += rng.sample(_IMPACT, rng.randint(1, 3))
            wishes = self.wishes(plan, values)
            pool = list(_OPTIONS.get(plan.primary, ()))
            if plan.primary not in ("integrity", "outside_remit"):
                pool += _OPTIONS_GENERAL
                for category in plan.categories[1:]:
                    pool += _OPTIONS.get(category, ())
            options = " ".join(rng.sample(pool, min(len(pool), rng.randint(2, 4))))
        elif conv.phase == "follow_up":
            story += rng.sample(_FOLLOW_UP_STORIES, rng.randint(2, 4))
            if rng.random() < 0.5:
                story.append(rng.choice(_STORIES[plan.primary]))
            if rng.random() < 0.5:
                wishes = self.wishes(plan, values)
            if rng.random() < 0.8:
                options = " ".join(rng.sample(_OPTIONS_GENERAL, rng.randint(1, 3)))
        elif conv.phase == "aftercare":
            story += rng.sample(_AFTERCARE_STORIES, rng.randint(1, 2))
        else:
            story.append(rng.choice(_REOPEN_STORIES))
            story.append(rng.choice(_STORIES[plan.primary]))
            wishes = self.wishes(plan, values)
        closing = conv.phase == "aftercare" or (following is None and plan.status == "closed")
        if closing:
            agreements = rng.choice(_CLOSING_AGREEMENTS)
            next_step = rng.choice(_LAST_STEPS)
        else:
            agreements = " ".join(rng.sample(_AGREEMENTS, rng.randint(1, 3)))
            next_step = rng.choice(_BEFORE_AFTERCARE if following == "aftercare" else _NEXT_STEPS)
        notes = " ".join(rng.sample(_NOTES, rng.choice((0, 1, 1, 2))))
        return Conversation(
            case_id=case_id,
            held_on=conv.held_on,
            form=conv.form,
            duration_min=conv.minutes,
            occasion=rng.choice(_OCCASIONS[conv.phase]),
            story=fmt(" ".join(story)),
            wishes=wishes,
            options=fmt(options),
            agreements=fmt(agreements),
            next_step=next_step,
            notes=notes,
        )


def _cover(
    rng: Random,
    items: Sequence[T],
    get: Callable[[T], Any],
    put: Callable[[T, Any], None],
    codes: Any,
    *,
    eligible: Callable[[T], bool] | None = None,
) -> None:
    """Make every code occur among `items`, changing only items whose value occurs twice or more.

    Changing a value that occurs only once would trade one missing code for another.
    """
    wanted = codes.codes if isinstance(codes, tx.Vocabulary) else tuple(codes)
    for code in wanted:
        counts = Counter(get(item) for item in items)
        if counts[code]:
            continue
        candidates = [
            item for item in items if counts[get(item)] > 1 and (eligible is None or eligible(item))
        ]
        if candidates:
            put(rng.choice(candidates), code)


_HOLIDAYS = ((1, 1), (4, 27), (12, 25), (12, 26))  # the fixed-date ones are enough here


def _is_workday(day: date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in _HOLIDAYS


def _round(rng: Random, expected: float) -> int:
    """A whole number with the given expectation, so that a third of an outreach can happen."""
    whole = int(expected)
    return whole + (1 if rng.random() < expected - whole else 0)


_DEPARTMENT_ARTICLES = (
    ("Locatie ", "de locatie "),
    ("Filiaal ", "het filiaal "),
    ("Wijkteam ", "het wijkteam "),
    ("Team ", "het team "),
    ("Regio ", "de regio "),
    ("Verpleeghuis ", "het verpleeghuis "),
    ("Verpleegafdeling ", "de verpleegafdeling "),
)


def _department_phrase(name: str) -> str:
    """'de afdeling Burgerzaken', but 'het filiaal Oost': Dutch articles differ per noun."""
    for prefix, phrase in _DEPARTMENT_ARTICLES:
        if name.startswith(prefix):
            return phrase + name[len(prefix) :]
    return f"de afdeling {name}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower().replace(" ", "") if c.isalnum() or c in "-.")


__all__ = ["DEFAULT_TODAY", "DemoSummary", "fill_demo"]
