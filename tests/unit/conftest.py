"""A vault built through the import format (docs/formats/export.md), as another program or a
move from another laptop would fill it: the leak tests of the annual report start here, so
the situation they test is one the VP can really bring in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from vpnotebook.core.exchange import import_journal
from vpnotebook.core.journal import Journal


class ExportDocument:
    """An export document written record by record; ids and case numbers are handed out."""

    def __init__(self) -> None:
        self.records: dict[str, list[dict[str, Any]]] = {}
        self.settings: dict[str, str] = {}
        self._seq: Counter[int] = Counter()

    def _add(self, table: str, record: dict[str, Any]) -> int:
        rows = self.records.setdefault(table, [])
        if table != "reporters":
            record = {**record, "id": len(rows) + 1}
        rows.append(record)
        return int(record.get("id", 0))

    def organisation(self, name: str, employees: int | None = None) -> int:
        return self._add("organisations", {"name": name, "employee_count": employees})

    def department(self, organisation: int, name: str) -> int:
        return self._add("departments", {"organisation_id": organisation, "name": name})

    def case(
        self,
        organisation: int,
        first_contact: date,
        *,
        categories: tuple[str, ...] = ("bullying",),
        contact_type: str = "report",
        role: str = "employee",
        relation: str | None = "colleague",
        department: int | None = None,
        closed_on: date | None = None,
        outcome: str | None = None,
        title: str = "",
        reporter: str = "",
    ) -> int:
        self._seq[first_contact.year] += 1
        status = "closed" if closed_on else "open"
        case_id = self._add(
            "cases",
            {
                "organisation_id": organisation,
                "first_contact": first_contact.isoformat(),
                "contact_type": contact_type,
                "reporter_role": role,
                "categories": list(categories),
                "title": title,
                "department_id": department,
                "relation_to_accused": relation,
                "status": status,
                "closed_on": closed_on.isoformat() if closed_on else None,
                "outcome": outcome if closed_on else None,
                "year": first_contact.year,
                "seq": self._seq[first_contact.year],
            },
        )
        if reporter:
            self._add("reporters", {"case_id": case_id, "name": reporter})
        return case_id

    def conversation(
        self, case: int, held_on: date, minutes: int = 60, story: str = "", notes: str = ""
    ) -> int:
        return self._add(
            "conversations",
            {
                "case_id": case,
                "held_on": held_on.isoformat(),
                "duration_min": minutes,
                "story": story,
                "notes": notes,
            },
        )

    def route(self, case: int, route: str, started_on: date) -> int:
        return self._add(
            "routes", {"case_id": case, "route": route, "started_on": started_on.isoformat()}
        )

    def contact(self, organisation: int, name: str, phone: str = "", email: str = "") -> int:
        return self._add(
            "referral_contacts",
            {
                "organisation_id": organisation,
                "party": "company_doctor",
                "name": name,
                "phone": phone,
                "email": email,
            },
        )

    def outreach(
        self,
        organisation: int,
        held_on: date,
        *,
        kind: str = "presentation",
        title: str = "",
        audience: str = "",
        participants: int | None = None,
        minutes: int = 60,
    ) -> int:
        return self._add(
            "outreach",
            {
                "organisation_id": organisation,
                "held_on": held_on.isoformat(),
                "kind": kind,
                "title": title,
                "audience": audience,
                "participants": participants,
                "duration_min": minutes,
            },
        )

    def signal(
        self,
        organisation: int,
        given_on: date,
        *,
        kind: str = "signal",
        subject: str = "",
        text: str = "",
        asked: bool = False,
    ) -> int:
        return self._add(
            "signals",
            {
                "organisation_id": organisation,
                "given_on": given_on.isoformat(),
                "kind": kind,
                "subject": subject,
                "text": text,
                "asked": asked,
            },
        )

    def time(
        self,
        organisation: int,
        spent_on: date,
        minutes: int,
        activity: str,
        case: int | None = None,
    ) -> int:
        return self._add(
            "time_entries",
            {
                "organisation_id": organisation,
                "spent_on": spent_on.isoformat(),
                "minutes": minutes,
                "activity": activity,
                "case_id": case,
            },
        )

    def document(self) -> dict[str, Any]:
        return {
            "format": "vpnotebook-export",
            "version": 1,
            "settings": dict(self.settings),
            "records": self.records,
        }


@pytest.fixture
def export() -> ExportDocument:
    return ExportDocument()


@pytest.fixture
def imported(journal: Journal) -> Callable[[ExportDocument], Journal]:
    """Import the document into the test's empty vault, as `vpnotebook import` does."""

    def load(document: ExportDocument) -> Journal:
        import_journal(journal, document.document())
        return journal

    return load
