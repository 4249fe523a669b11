"""The journal: every read and write of the VP's records, over one open vault database.

One generic mapping (fields.py) serves every entity; the few rules that are not plain storage
— case numbering, categories, closing and re-opening — live here as named operations. One rule
rides along with `add`: new activity on a closed case re-opens it (see _reopen_on_activity).
The reads are in core/reads.py, which `Journal` extends.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from ..vault.database import UniqueViolation
from .fields import ValidationError, identity_fields, to_row, validate
from .models import DATE_FIELDS, TABLES, Case, CaseLink, Department, Organisation, Reporter
from .reads import CaseSummary, Head, LinkedCase, NotFoundError, Reader

__all__ = ["CaseSummary", "Head", "Journal", "LinkedCase", "NotFoundError"]

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# A record of any kind: every entity is a dataclass (core/models.py).
Record = TypeVar("Record", bound="DataclassInstance")
C = TypeVar("C", bound=Case)


class Journal(Reader):
    """The journal of one open vault: `Reader`'s reads and every write."""

    def transaction(self) -> contextlib.AbstractContextManager[object]:
        """Several journal operations as one: all of them are stored, or none."""
        return self.db.transaction()

    # -- generic storage -------------------------------------------------------------------

    def add(self, entity: Record) -> Record:
        with _named_duplicates(entity):
            return self._add(entity)

    def _add(self, entity: Record) -> Record:
        if isinstance(entity, Case):
            return self._add_case(entity)
        entity = _in_order(entity)
        validate(entity)
        row = to_row(entity)
        table = TABLES[type(entity)]
        with self.db.transaction():
            self._refuse_a_taken_name(entity)
            if isinstance(entity, CaseLink):
                self._refuse_a_link_that_cannot_be(entity)
            if isinstance(entity, Reporter):
                self._refuse_identity_of_an_anonymous_reporter(entity)
                self._upsert(table, row, key="case_id")
                return entity
            new_id = self._insert(table, row)
            self._reopen_on_activity(entity)
        return replace(entity, id=new_id)

    def update(self, entity: Any) -> None:
        with _named_duplicates(entity):
            self._update(entity)

    def _update(self, entity: Any) -> None:
        entity = _in_order(entity)
        validate(entity)
        if entity.id is None:
            raise ValueError("cannot update a record that was never stored")
        row = to_row(entity)
        table = TABLES[type(entity)]
        assignments = ", ".join(f"{column} = :{column}" for column in row)
        with self.db.transaction():
            self._refuse_a_taken_name(entity)
            if isinstance(entity, Case):
                self._refuse_anonymity_over_a_stored_identity(entity)
            if isinstance(entity, CaseLink):
                self._refuse_a_link_that_cannot_be(entity)
            cursor = self.db.execute(
                f"UPDATE {table} SET {assignments} WHERE id = :id", {**row, "id": entity.id}
            )
            if cursor.rowcount != 1:
                raise NotFoundError(f"{table} {entity.id}")
            if isinstance(entity, Case):
                self._store_categories(entity.id, entity.categories)
                self._keep_case_records_with_its_organisation(entity)

    def _refuse_a_taken_name(self, entity: Any) -> None:
        # Department names compare as organisation names do (the table's UNIQUE on them is
        # exact): "keuken" beside "Keuken" is one place.
        if isinstance(entity, Department) and self.db.scalar(
            "SELECT 1 FROM departments WHERE organisation_id = ? AND name = ? COLLATE NOCASE "
            "AND id IS NOT ?",
            (entity.organisation_id, entity.name.strip(), entity.id),
        ):
            raise _duplicate(entity, "name")

    def _refuse_identity_of_an_anonymous_reporter(self, reporter: Reporter) -> None:
        known = self.db.scalar("SELECT reporter_known FROM cases WHERE id = ?", (reporter.case_id,))
        if known == 0 and has_identity(reporter):
            raise ValidationError(
                "Reporter",
                _first_filled(reporter),
                "Deze melder is anoniem: naam, bereikbaarheid en notities over de melder "
                "worden niet bewaard. Zet eerst het vinkje 'Anonieme melder' uit als de "
                "melder toch bekend is.",
                "this reporter is anonymous: no identity is kept for the case",
            )

    def _refuse_anonymity_over_a_stored_identity(self, case: Case) -> None:
        if case.reporter_known:
            return
        row = self.db.query_one(
            "SELECT name, contact, notes FROM reporters WHERE case_id = ?", (case.id,)
        )
        if row is not None and any(str(value).strip() for value in row):
            raise ValidationError(
                "Case",
                "reporter_known",
                "Van deze melder zijn naam of contactgegevens bewaard. Wis die eerst; een "
                "anonieme melding bewaart niets over wie de melder is.",
                "the reporter's identity is stored: wipe it before marking the case anonymous",
            )

    def _refuse_a_link_that_cannot_be(self, link: CaseLink) -> None:
        if link.case_id == link.linked_case_id:
            raise ValidationError(
                "CaseLink",
                "linked_case_id",
                "Een melding kan niet aan zichzelf worden gekoppeld.",
                "a case cannot be linked to itself",
            )
        found = {
            row[0]: row[1]
            for row in self.db.query(
                "SELECT id, destroyed_on FROM cases WHERE id IN (?, ?)",
                (link.case_id, link.linked_case_id),
            )
        }
        if len(found) != 2:
            raise NotFoundError(f"cases {link.case_id}, {link.linked_case_id}")
        if any(destroyed is not None for destroyed in found.values()):
            raise ValidationError(
                "CaseLink",
                "linked_case_id",
                "Een vernietigde melding kan niet worden gekoppeld.",
                "a destroyed case cannot be linked",
            )
        if self.db.scalar(
            "SELECT 1 FROM case_links WHERE case_id = ? AND linked_case_id = ? AND id IS NOT ?",
            (link.case_id, link.linked_case_id, link.id),
        ):
            raise ValidationError(
                "CaseLink",
                "linked_case_id",
                "Deze twee meldingen zijn al aan elkaar gekoppeld.",
                "these two cases are linked already",
            )

    def delete(self, entity_type: type, record_id: int) -> None:
        key = "case_id" if entity_type is Reporter else "id"
        with self.db.transaction():
            self.db.execute(f"DELETE FROM {TABLES[entity_type]} WHERE {key} = ?", (record_id,))

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        values = ", ".join(f":{column}" for column in row)
        cursor = self.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({values})", row)
        assert cursor.lastrowid is not None  # every INSERT sets it
        return cursor.lastrowid

    def _upsert(self, table: str, row: dict[str, Any], key: str) -> None:
        columns = ", ".join(row)
        values = ", ".join(f":{column}" for column in row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != key)
        self.db.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({values}) "
            f"ON CONFLICT({key}) DO UPDATE SET {updates}",
            row,
        )

    # -- cases -----------------------------------------------------------------------------

    def add_case(self, case: Case, reporter: Reporter | None = None) -> Case:
        """A new case and, if anything of it was typed, who the reporter is: both or neither
        (a case never ends up stored without the identity typed for it)."""
        validate(case)
        if reporter is not None:
            validate(replace(reporter, case_id=case.id or 1))  # before anything is stored
        with self.db.transaction():
            created = self.add(case)
            assert created.id is not None
            if reporter is not None and any(
                (reporter.name, reporter.contact, reporter.notes.strip())
            ):
                self.add(replace(reporter, case_id=created.id))
        return created

    def update_case(self, case: Case, reporter: Reporter | None = None) -> None:
        """Store an edited case and, if given, its reporter's details, together.

        Details emptied in the form remove the reporter's row, so a case can become anonymous
        in the same step (its identity goes first; an anonymous case keeps none).
        """
        validate(case)
        if reporter is not None:
            validate(reporter)
        with self.db.transaction():
            # An identity goes in after the case (which may have just become known), and out
            # before it (which may have just become anonymous).
            if reporter is not None and not has_identity(reporter):
                self.delete(Reporter, reporter.case_id or 0)
            self.update(case)
            if reporter is not None and has_identity(reporter):
                self.add(reporter)

    # -- links between cases ---------------------------------------------------------------

    def link_cases(self, case_id: int, other_id: int, kind: str, note: str = "") -> CaseLink:
        """Link two cases (stored once, shown on both); a second link of the same two cases
        is refused: change the kind of the one there is."""
        return self.add(CaseLink(case_id=case_id, linked_case_id=other_id, kind=kind, note=note))

    def unlink(self, link_id: int) -> None:
        self.delete(CaseLink, link_id)

    def _add_case(self, case: C) -> C:
        validate(case)
        assert case.first_contact is not None
        with self.db.transaction():
            year = case.year or case.first_contact.year
            seq = case.seq or int(
                self.db.scalar(
                    "SELECT coalesce(max(seq), 0) + 1 FROM cases WHERE year = ?", (year,)
                )
            )
            stored = replace(case, year=year, seq=seq)
            if self.db.scalar("SELECT 1 FROM cases WHERE year = ? AND seq = ?", (year, seq)):
                raise _duplicate(case, "seq")
            new_id = self._insert("cases", to_row(stored))
            self._store_categories(new_id, stored.categories)
        return replace(stored, id=new_id)

    def _keep_case_records_with_its_organisation(self, case: Case) -> None:
        # A case moved to another organisation (a wrong choice at intake) takes its
        # follow-ups and time along, and drops a department of the old organisation.
        params = {"case": case.id, "org": case.organisation_id}
        self.db.execute(
            "UPDATE follow_ups SET organisation_id = :org WHERE case_id = :case "
            "AND organisation_id != :org",
            params,
        )
        self.db.execute(
            "UPDATE time_entries SET organisation_id = :org WHERE case_id = :case "
            "AND organisation_id != :org",
            params,
        )
        self.db.execute(
            "UPDATE cases SET department_id = NULL WHERE id = :case AND department_id IS NOT "
            "NULL AND department_id NOT IN (SELECT id FROM departments "
            "WHERE organisation_id = :org)",
            params,
        )

    def _store_categories(self, case_id: int, categories: tuple[str, ...]) -> None:
        self.db.execute("DELETE FROM case_categories WHERE case_id = ?", (case_id,))
        self.db.executemany(
            "INSERT INTO case_categories (case_id, category) VALUES (?, ?)",
            [(case_id, category) for category in categories],
        )

    def close_case(self, case_id: int, on: date, outcome: str, note: str = "") -> Case:
        case = self.get(Case, case_id)
        closed = replace(case, status="closed", closed_on=on, outcome=outcome, outcome_note=note)
        if case.first_contact and on < case.first_contact:
            raise ValidationError(
                "Case",
                "closed_on",
                "De afsluitdatum ligt vóór het eerste contact.",
                "closing date before first contact",
            )
        self.update(closed)
        return closed

    def reopen_case(self, case_id: int) -> Case:
        case = self.get(Case, case_id)
        reopened = replace(case, status="reopened", closed_on=None, outcome=None)
        with self.db.transaction():
            self.update(reopened)
            self._forget_retention_decisions(case_id)
        return reopened

    def _reopen_on_activity(self, entity: Any) -> None:
        """A conversation, referral, route, follow-up or time entry dated after a case was
        closed means the case is running again: it re-opens, and its retention date with it.

        Activity dated on or before the closing day is the VP writing down what happened
        earlier (and how the demo and an import fill a closed case), not new activity.
        """
        field_name = DATE_FIELDS.get(type(entity))
        case_id = getattr(entity, "case_id", None)
        on = getattr(entity, field_name) if field_name else None
        if case_id is None or on is None:
            return
        cursor = self.db.execute(
            "UPDATE cases SET status = 'reopened', closed_on = NULL, outcome = NULL "
            "WHERE id = ? AND status = 'closed' AND destroyed_on IS NULL AND closed_on < ?",
            (case_id, on.isoformat()),
        )
        if cursor.rowcount:
            self._forget_retention_decisions(case_id)

    def _forget_retention_decisions(self, case_id: int) -> None:
        # A decision to keep a case longer was about a closing that no longer stands; when
        # the case closes again its date counts afresh from the new closing (retention.py).
        self.db.execute("DELETE FROM retention_extensions WHERE case_id = ?", (case_id,))

    # -- settings --------------------------------------------------------------------------

    def set_setting(self, key: str, value: str) -> None:
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def delete_setting(self, key: str) -> None:
        with self.db.transaction():
            self.db.execute("DELETE FROM settings WHERE key = ?", (key,))


def has_identity(reporter: Reporter) -> bool:
    """Whether anything about who the reporter is was filled in."""
    return any(str(getattr(reporter, name)).strip() for name in identity_fields(Reporter))


def _first_filled(reporter: Reporter) -> str:
    return next(
        (name for name in identity_fields(Reporter) if str(getattr(reporter, name)).strip()),
        "name",
    )


def _in_order(link: Record) -> Record:
    """A link is stored with the lower case id first: one row per pair, either way round.
    Any other record is returned as it is."""
    if (
        isinstance(link, CaseLink)
        and isinstance(link.case_id, int)
        and isinstance(link.linked_case_id, int)
        and link.case_id > link.linked_case_id
    ):
        return replace(link, case_id=link.linked_case_id, linked_case_id=link.case_id)
    return link


# What the VP reads when a name or number is taken, per kind of record.
_TAKEN: dict[type, tuple[str, str]] = {
    Organisation: (
        "Er is al een organisatie met deze naam.",
        "an organisation with this name already exists",
    ),
    Department: (
        "Deze organisatie heeft al een afdeling met die naam.",
        "this organisation already has a department with that name",
    ),
    Case: ("Dit meldingsnummer bestaat al.", "case number already used"),
}


def _duplicate(entity: Any, field_name: str) -> ValidationError:
    nl, en = _TAKEN.get(
        type(entity), ("Deze naam of dit nummer bestaat al. Kies een andere.", "already exists")
    )
    return ValidationError(type(entity).__name__, field_name, nl, en)


@contextlib.contextmanager
def _named_duplicates(entity: Any) -> Iterator[None]:
    """A UNIQUE refusal becomes a ValidationError on the field, in words the VP understands."""
    try:
        yield
    except UniqueViolation as violation:
        raise _duplicate(entity, violation.columns[-1].split(".")[-1]) from None
