"""The demo's cases (core/demo.py): who comes, when and about what, how each case runs, and
how it is written into the journal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from . import taxonomy as tx
from .demo_data import (
    _AFTERCARE_NOTES,
    _AGE_WEIGHTS,
    _APPOINTMENT_BY_FORM,
    _APPOINTMENT_NOTES,
    _CATEGORY_WEIGHTS,
    _CONTACT_TYPE_WEIGHTS,
    _DURATIONS,
    _EXTRA_CATEGORY_WEIGHTS,
    _FIRST_NAMES,
    _FORM_WEIGHTS,
    _FORMAL_ROUTES,
    _GENDER_WEIGHTS,
    _OUTCOME_NOTES,
    _REFERRAL_NOTES,
    _REFERRAL_WEIGHTS,
    _RELATION_WEIGHTS,
    _REPORTER_NOTES,
    _ROLE_WEIGHTS,
    _ROUTE_NOTES,
    _ROUTE_WEIGHTS,
    _SURNAMES,
    _TIME_NOTES,
)
from .demo_plan import (
    _INTEGRITY_ROUTES,
    _CasePlan,
    _ConvPlan,
    _cover,
    _Drawing,
    _FollowUpPlan,
    _Org,
    _outcome_fits,
    _ReferralPlan,
    _RoutePlan,
    _slug,
    _TimePlan,
)
from .demo_text import _Writer
from .models import (
    Case,
    FollowUp,
    Referral,
    Reporter,
    Route,
    TimeEntry,
)


class _CasePlanner(_Drawing):
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
                reporter_known=not plan.anonymous,
                reporter_count=plan.reporters,
                reporter_wishes=writer.wishes(plan, values),
                consent_on=plan.consent_on,
                notes=plan.notes,
                **self.final_state(plan),
            )
        )
        case_id = stored.id
        assert case_id is not None
        plan.case_id = case_id
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
