"""The demo's organisations (core/demo.py): the client organisations with their departments
and referral contacts, and the work outside cases (outreach, signals, follow-ups, time)."""

from __future__ import annotations

from datetime import date, timedelta

from . import taxonomy as tx
from .demo_data import (
    _ADVICE,
    _CONTACT_NAMES,
    _INITIALS,
    _ORG_APPOINTMENT_NOTES,
    _ORG_NOTES,
    _ORGANISATIONS,
    _OUTREACH,
    _OUTREACH_NOTES,
    _OUTREACH_WEIGHTS,
    _SIGNALS,
    _SURNAMES,
    _TIME_NOTES,
    SMALL_ORGANISATION,
)
from .demo_plan import (
    MAX_ORGANISATIONS,
    _cover,
    _department_phrase,
    _Drawing,
    _Org,
    _OrgItem,
    _round,
    _slug,
)
from .models import (
    Department,
    FollowUp,
    Organisation,
    OutreachActivity,
    ReferralContact,
    Signal,
    TimeEntry,
)


class _OrganisationPlanner(_Drawing):
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
