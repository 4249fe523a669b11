"""The demo's Dutch texts (core/demo.py), written at insertion time from a case's final plan."""

from __future__ import annotations

from random import Random

from .demo_data import (
    _AFTERCARE_STORIES,
    _AGREEMENTS,
    _BEFORE_AFTERCARE,
    _CLOSING_AGREEMENTS,
    _FOLLOW_UP_STORIES,
    _IMPACT,
    _LAST_STEPS,
    _NEXT_STEPS,
    _NOTES,
    _OCCASIONS,
    _OPTIONS,
    _OPTIONS_GENERAL,
    _PERIODS,
    _QUESTION_STORIES,
    _QUESTION_TITLES,
    _REOPEN_STORIES,
    _STORIES,
    _TITLES,
    _WHO,
    _WISHES,
    _WISHES_GENERAL,
)
from .demo_plan import (
    _CasePlan,
    _ConvPlan,
    _department_phrase,
)
from .models import (
    Conversation,
)


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
