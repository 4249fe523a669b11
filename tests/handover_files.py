"""A small practice for the hand-over and merge tests: two client organisations, cases with
and without the reporter's consent to a hand-over, an anonymous reporter, a group, links,
conversations and the rest — and the organisation's own work that must not go along.

Loaded by path (tests/conftest.py, fixture `practice`); every text is invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
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
from vpnotebook.core.report_texts import save_report_text
from vpnotebook.core.retention import keep_longer

# Passes the passphrase policy, and is not the test vaults' own (tests/conftest.py).
HANDOVER_PASSPHRASE = "zeven vrolijke wolken boven het stille meer"
TODAY = date(2026, 3, 2)
CONSENT = date(2026, 2, 20)


@dataclass
class Practice:
    linde: int  # Zorggroep De Linde: every case has consent
    anker: int  # Stichting Anker: one case without consent
    cases: dict[str, int] = field(default_factory=dict)  # by a name used in the tests
    # Texts of De Linde's cases: they travel with a hand-over of De Linde.
    markers: list[str] = field(default_factory=list)


def fill_practice(journal: Journal) -> Practice:
    linde = journal.add(
        Organisation(name="Zorggroep De Linde", employee_count=240, retention_years=3)
    )
    anker = journal.add(Organisation(name="Stichting Anker", employee_count=60))
    assert linde.id is not None and anker.id is not None
    practice = Practice(linde.id, anker.id)
    keuken = journal.add(Department(organisation_id=linde.id, name="Keuken"))
    journal.add(Department(organisation_id=linde.id, name="Verpleging Noord"))
    journal.add(
        ReferralContact(
            organisation_id=linde.id, party="company_doctor", name="Dr. Visser", phone="010-555"
        )
    )

    def case(name: str, org: int, first: date, **fields: object) -> int:
        stored = journal.add(
            Case(
                organisation_id=org,
                first_contact=first,
                contact_type="report",
                reporter_role="employee",
                categories=("bullying",),
                title=f"Werktitel {name}",
                **{"handover_consent_on": CONSENT, **fields},
            )
        )
        assert stored.id is not None
        practice.cases[name] = stored.id
        if org == linde.id:  # what goes along with a hand-over of De Linde
            practice.markers.append(f"Werktitel {name}")
        return stored.id

    named = case(
        "benoemd", linde.id, date(2025, 3, 4), department_id=keuken.id, notes="Notitie benoemd"
    )
    journal.add(Reporter(case_id=named, name="Ria Pronk", contact="06-11122233"))
    journal.add(
        Conversation(case_id=named, held_on=date(2025, 3, 4), duration_min=50, story="Verhaal één")
    )
    journal.add(Route(case_id=named, route="vp_informal", started_on=date(2025, 3, 5)))
    journal.add(Referral(case_id=named, party="company_doctor", referred_on=date(2025, 3, 6)))
    journal.add(
        FollowUp(
            organisation_id=linde.id,
            kind="aftercare",
            due_on=date(2026, 4, 1),
            case_id=named,
            note="Nazorg bellen",
        )
    )
    journal.add(
        TimeEntry(
            organisation_id=linde.id,
            spent_on=date(2025, 3, 7),
            minutes=30,
            activity="case_work",
            case_id=named,
        )
    )
    anonymous = case("anoniem", linde.id, date(2025, 5, 6), reporter_known=False)
    journal.add(Conversation(case_id=anonymous, held_on=date(2025, 5, 6), duration_min=20))
    group = case("groep", linde.id, date(2025, 6, 7), reporter_count=4)
    journal.add(Reporter(case_id=group, name="Woordvoerder groep"))
    closed = case("gesloten", linde.id, date(2024, 9, 1))
    journal.close_case(closed, date(2024, 12, 1), "resolved_informally", "Uitkomst gesloten")
    keep_longer(journal, closed, date(2028, 1, 1), "Procedure loopt nog", today=TODAY)
    practice.markers += ["Notitie benoemd", "Verhaal één", "Uitkomst gesloten"]
    journal.link_cases(named, group, "same_accused", "Zelfde kok")
    journal.link_cases(anonymous, group, "same_event")

    other = case("anker", anker.id, date(2025, 2, 2), handover_consent_on=None)
    journal.add(Reporter(case_id=other, name="Bas Anker"))
    journal.link_cases(named, other, "same_reporter", "Werkt bij beide")
    # The organisations' own work: it stays with the VP who did it.
    journal.add(
        OutreachActivity(
            organisation_id=linde.id, held_on=date(2025, 4, 1), kind="presentation", title="Les"
        )
    )
    journal.add(Signal(organisation_id=linde.id, given_on=date(2025, 5, 1), subject="Werkdruk"))
    journal.add(
        TimeEntry(
            organisation_id=linde.id, spent_on=date(2025, 5, 1), minutes=60, activity="travel"
        )
    )
    save_report_text(journal, linde.id, 2025, "Aandacht voor de keuken.", today=TODAY)
    journal.set_setting("vp_name", "Anna de Vries")
    return practice
