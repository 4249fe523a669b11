"""Storing an import plan through the journal: every row, or nothing at all.

Everything is written in one transaction; any failure (a record the journal refuses, a full
disk) rolls all of it back. What each row becomes, and the dates the program chooses where a
spreadsheet has none (docs/formats/sheet-import.md):

- a case, numbered in order of first contact (rows sorted by date, then row number);
- the remarks, the old number and a line "bron: geïmporteerd uit FILE, rij N" in the case's
  own notes (Case.notes): searchable, in the reporter's access copy, destroyed with the case,
  never in a report — and not wiped with the reporter's identity, since they are about the
  case; the reporter's record holds only a name, when the sheet gives one;
- an anonymous reporter ("Anoniem": ja) and a group ("Aantal melders" of two or more) as the
  case says them (reporter_known, reporter_count);
- "Aantal gesprekken" conversations without a log: all on the day of first contact, or, for
  a closed case, spread evenly from the first contact to the closing day (first on the
  first, last on the last), so each year's report counts them where they most likely fell;
- the hours, divided evenly over those conversations; without conversations, one time entry
  "Werk aan een melding" on the day of first contact;
- a referral per party and a route per route, dated on the day of first contact (routes of a
  closed case with outcome "Onbekend", of an open one "Loopt nog").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..fields import ValidationError
from ..journal import Journal, Record
from ..models import (
    Case,
    Conversation,
    Department,
    Organisation,
    Referral,
    Reporter,
    Route,
    TimeEntry,
)
from .columns import CaseDraft
from .errors import SheetError
from .resolve import SETTING_PREFIX, ImportPlan, known_organisations, name_key

Progress = Callable[[int, int], None]
SOURCE_LINE = "bron: geïmporteerd uit {file}, rij {row}"
OLD_NUMBER_LINE = "Nummer in het oude overzicht: {number}"


@dataclass(frozen=True)
class ImportResult:
    cases: int
    conversations: int
    referrals: int
    routes: int
    time_entries: int
    organisations_created: int
    departments_created: int
    case_numbers: tuple[str, str]  # the numbers of the earliest and the latest case


def notes_for(draft: CaseDraft, file_name: str) -> str:
    """The case's notes: the remarks, the old number, and where the case came from."""
    lines: list[str] = []
    if len(draft.remarks) == 1:
        lines.append(draft.remarks[0][1])
    else:
        lines.extend(f"{heading}: {text}" for heading, text in draft.remarks)
    if draft.old_number:
        lines.append(OLD_NUMBER_LINE.format(number=draft.old_number))
    lines.append(SOURCE_LINE.format(file=file_name, row=draft.row))
    return "\n".join(lines)


def conversation_dates(first: date, closed_on: date | None, count: int) -> list[date]:
    """The days of `count` conversations a spreadsheet only counted (see the module text)."""
    if count <= 0:
        return []
    if closed_on is None or closed_on <= first or count == 1:
        return [first] * count
    span = (closed_on - first).days
    return [first + timedelta(days=round(i * span / (count - 1))) for i in range(count)]


def split_minutes(total: int, parts: int) -> list[int]:
    """`total` minutes over `parts` records, as evenly as whole minutes allow."""
    if parts <= 0:
        return []
    share, rest = divmod(total, parts)
    return [share + (1 if index < rest else 0) for index in range(parts)]


def write_import(
    journal: Journal, plan: ImportPlan, *, today: date, progress: Progress | None = None
) -> ImportResult:
    """Store every planned case in one transaction. Raises SheetError (nothing stored) when
    the journal refuses a record, naming the row; vault errors (full disk) pass unchanged."""
    if not plan.interpretation.ready:
        raise ValueError("an interpretation with problems or unknown values cannot be written")
    ordered = sorted(plan.cases, key=lambda d: (d.first_contact or today, d.row))
    counts = dict.fromkeys(("conversations", "referrals", "routes", "time"), 0)
    numbers: list[str] = []
    with journal.db.transaction():
        organisation_ids, created = _organisations(journal, plan)
        departments: dict[tuple[int, str], int] = {
            (organisation.id, key): known_id
            for organisation in known_organisations(journal).values()
            for key, (known_id, _) in organisation.departments.items()
        }
        departments_created = 0
        for done, draft in enumerate(ordered, start=1):
            organisation_id = organisation_ids[name_key(draft.organisation)]
            department_id: int | None = None
            if draft.department:
                slot = (organisation_id, name_key(draft.department))
                if slot not in departments:
                    stored = _add(journal, draft, Department(organisation_id, draft.department))
                    assert stored.id is not None
                    departments[slot] = stored.id
                    departments_created += 1
                department_id = departments[slot]
            notes = notes_for(draft, plan.file_name)
            case = _add(journal, draft, _case(draft, organisation_id, department_id, notes))
            numbers.append(case.number)
            for key, added in _records_of(journal, draft, case).items():
                counts[key] += added
            if progress is not None:
                progress(done, len(ordered))
        journal.set_setting(
            SETTING_PREFIX + plan.fingerprint,
            json.dumps({"on": today.isoformat(), "cases": len(ordered)}),
        )
    return ImportResult(
        cases=len(ordered),
        conversations=counts["conversations"],
        referrals=counts["referrals"],
        routes=counts["routes"],
        time_entries=counts["time"],
        organisations_created=created,
        departments_created=departments_created,
        case_numbers=(numbers[0], numbers[-1]) if numbers else ("", ""),
    )


def _organisations(journal: Journal, plan: ImportPlan) -> tuple[dict[str, int], int]:
    # Matched again inside the transaction: the vault is the truth, not the plan's snapshot.
    known = known_organisations(journal)
    ids: dict[str, int] = {}
    created = 0
    for key, organisation in plan.organisations.items():
        if key in known:
            ids[key] = known[key].id
            continue
        try:
            stored = journal.add(Organisation(name=organisation.name))
        except ValidationError as refused:
            raise SheetError(
                f"De organisatie '{organisation.name}' kan niet worden aangemaakt: "
                f"{refused.message_nl} Er is niets geïmporteerd.",
                f"The organisation '{organisation.name}' cannot be created: "
                f"{refused.message_en}. Nothing was imported.",
            ) from None
        assert stored.id is not None
        ids[key] = stored.id
        created += 1
    return ids, created


def _case(draft: CaseDraft, organisation_id: int, department_id: int | None, notes: str) -> Case:
    closed = draft.closing == "closed"
    status = "closed" if closed else ("aftercare" if draft.closing == "aftercare" else "open")
    return Case(
        organisation_id=organisation_id,
        first_contact=draft.first_contact,
        contact_type=draft.contact_type,
        reporter_role=draft.reporter_role,
        categories=draft.categories,
        title=draft.title,
        gender=draft.gender,
        age_band=draft.age_band,
        department_id=department_id,
        relation_to_accused=draft.relation,
        reporter_known=not draft.anonymous,
        reporter_count=draft.reporters,
        notes=notes,
        status=status,
        closed_on=draft.closed_on if closed else None,
        outcome=draft.outcome if closed else None,
    )


def _records_of(journal: Journal, draft: CaseDraft, case: Case) -> dict[str, int]:
    assert case.id is not None and draft.first_contact is not None
    first = draft.first_contact
    if draft.reporter_name:
        _add(journal, draft, Reporter(case.id, name=draft.reporter_name))
    days = conversation_dates(first, case.closed_on, draft.conversations)
    for day, minutes in zip(days, split_minutes(draft.minutes, len(days)), strict=True):
        _add(journal, draft, Conversation(case.id, held_on=day, duration_min=minutes))
    time_entries = 0
    if not days and draft.minutes:
        _add(
            journal,
            draft,
            TimeEntry(
                case.organisation_id,
                spent_on=first,
                minutes=draft.minutes,
                activity="case_work",
                case_id=case.id,
            ),
        )
        time_entries = 1
    for party in draft.referrals:
        _add(journal, draft, Referral(case.id, party=party, referred_on=first))
    route_outcome = "unknown" if case.status == "closed" else "pending"
    for route in draft.routes:
        _add(journal, draft, Route(case.id, route=route, started_on=first, outcome=route_outcome))
    return {
        "conversations": len(days),
        "referrals": len(draft.referrals),
        "routes": len(draft.routes),
        "time": time_entries,
    }


def _add(journal: Journal, draft: CaseDraft, entity: Record) -> Record:
    try:
        return journal.add(entity)
    except ValidationError as refused:
        # The rules in plan.py should have caught this; the journal's own check is the last
        # line, and the transaction takes everything back.
        raise SheetError(
            f"rij {draft.row}: {refused.message_nl} Er is niets geïmporteerd.",
            f"row {draft.row}: {refused.message_en}. Nothing was imported.",
        ) from None
