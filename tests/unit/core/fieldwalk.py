"""Records with every field filled, built from the specs alone: what the walk tests store.

Each text field holds its own marker, each date and number its own value, so a test can tell
fields apart in a decrypted page, a search hit or a document. A field added to an entity is
filled here without a change to this module; a reference this module cannot resolve fails
loudly instead of being left empty.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from vpnotebook.core.fields import specs
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    CASE_RECORDS,
    TABLES,
    Case,
    Department,
    Organisation,
)

FIRST_DAY = date(2025, 2, 3)


@dataclass
class Filled:
    """What `fill` stored: the records, and per "Entity.field" the value it was given."""

    organisation: Organisation
    case: Case
    records: dict[type, Any]
    values: dict[str, Any] = field(default_factory=dict)

    def markers(self, names: list[str]) -> dict[str, str]:
        return {name: self.values[name] for name in names if isinstance(self.values[name], str)}


def field_id(entity_type: type, name: str) -> str:
    return f"{entity_type.__name__}.{name}"


class _Values:
    def __init__(self, tag: str) -> None:
        self._count = itertools.count(1)
        # Numbers count on their own, so a text or date field added to an entity does not
        # push a number (a duration) past what a document prints as the same digits.
        self._numbers = itertools.count(1)
        self._tag = tag

    def text(self, entity_type: type, name: str, max_length: int) -> str:
        n = next(self._count)
        # Short fields (a time of day holds five characters) get a short, still unique mark.
        full = f"{self._tag}{entity_type.__name__}{name.title().replace('_', '')}{n}x"
        return full if len(full) <= max_length else f"Q{n:0{max_length - 1}d}"[:max_length]

    def day(self) -> date:
        return FIRST_DAY + timedelta(days=37 * next(self._count))

    def number(self, minimum: int | None, maximum: int | None) -> int:
        low = 1 if minimum is None else max(minimum, 1)
        high = 10_000 if maximum is None else maximum
        return min(low + 40 + next(self._numbers), high)


def sample(entity_type: type, refs: dict[str, int | None], values: _Values, filled: Filled) -> Any:
    """An entity of `entity_type` with every field the VP can fill in set to its own value."""
    kwargs: dict[str, Any] = {}
    for name, spec in specs(entity_type).items():
        if spec.system:
            continue
        if spec.kind == "ref":
            if name not in refs:
                raise KeyError(f"no record to refer to for {field_id(entity_type, name)}")
            kwargs[name] = filled.values[field_id(entity_type, name)] = refs[name]
            continue
        if spec.kind == "text":
            value: Any = values.text(entity_type, name, spec.max_length)
        elif spec.kind == "date":
            value = values.day()
        elif spec.kind == "int":
            value = values.number(spec.minimum, spec.maximum)
        elif spec.kind == "bool":
            value = True
        elif spec.kind == "code":
            assert spec.vocab is not None
            value = spec.vocab.codes[-1]
        else:
            assert spec.vocab is not None and spec.kind == "codes"
            value = tuple(spec.vocab.codes[:2])
        kwargs[name] = value
        filled.values[field_id(entity_type, name)] = value
    return entity_type(**kwargs)


def _other_case_references() -> list[str]:
    """Reference fields that point at a case other than the record's own (…_case_id)."""
    return sorted(
        {
            name
            for entity_type in TABLES
            for name, spec in specs(entity_type).items()
            if spec.kind == "ref" and name.endswith("_case_id")
        }
    )


def fill(journal: Journal, tag: str = "Merk") -> Filled:
    """An organisation with a department and one case with one record of every kind, every
    field filled. The references point at these; nothing else is in the journal."""
    values = _Values(tag)
    filled = Filled(Organisation(), Case(), {})
    organisation = journal.add(sample(Organisation, {}, values, filled))
    filled.organisation = filled.records[Organisation] = organisation
    refs: dict[str, int | None] = {"organisation_id": organisation.id}
    department = journal.add(sample(Department, refs, values, filled))
    filled.records[Department] = department
    refs["department_id"] = department.id
    case = journal.add(sample(Case, refs, values, filled))
    assert case.id is not None
    filled.case = case
    filled.records[Case] = case
    refs["case_id"] = case.id
    # A record that links two cases (CaseLink) points at a second case: a bare one, so that
    # its values never mix with the walked case's markers.
    for other in _other_case_references():
        second = journal.add(
            Case(
                organisation_id=organisation.id,
                first_contact=FIRST_DAY,
                contact_type=specs(Case)["contact_type"].vocab.codes[0],
                reporter_role=specs(Case)["reporter_role"].vocab.codes[0],
            )
        )
        refs[other] = second.id
    for entity_type in CASE_RECORDS:
        if entity_type is Case:
            continue
        stored = journal.add(sample(entity_type, refs, values, filled))
        filled.records[entity_type] = stored
    for entity_type in TABLES:
        if entity_type in filled.records:
            continue
        filled.records[entity_type] = journal.add(sample(entity_type, refs, values, filled))
    # The case as stored (a record dated after its closing day re-opened it).
    filled.case = journal.get(Case, case.id)
    return filled
