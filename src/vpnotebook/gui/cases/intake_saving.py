"""Saving the intake of a stored case: the form as one binding over the case and its
reporter, and a storage that writes both together (common/editor.RecordEditor's parts)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...core.fields import ValidationError
from ...core.journal import NotFoundError
from ...core.models import Case, Reporter
from ..common.editor import Storage
from .intake import CaseAndReporter, IntakeForm


class IntakeBinding(QObject):
    """The intake form as one binding over a case and its reporter (common/editor.Binding)."""

    edited = Signal()

    def __init__(self, form: IntakeForm) -> None:
        super().__init__(form)
        self.form = form
        form.edited.connect(self.edited)

    def load(self, record: CaseAndReporter) -> None:
        self.form.load(record.case, record.reporter)

    def read(self, record: CaseAndReporter) -> CaseAndReporter:
        return self.form.record(record)

    def fields(self) -> tuple[str, ...]:
        reporter = self.form.reporter_binding.fields()
        return self.form.case_binding.fields() + tuple(f"Reporter.{f}" for f in reporter)

    def inputs(self) -> list[QWidget]:
        return self.form.inputs()

    def widget_for(self, error: ValidationError) -> QWidget | None:
        box = self.form._boxes.get(f"{error.entity}.{error.field_name}")
        return box.widget if box is not None else None


class IntakeStorage(Storage):
    """Stores the case and, when its details changed, who the reporter is, together."""

    def store(self, record: CaseAndReporter, fields: tuple[str, ...]) -> CaseAndReporter:
        """Write the intake's fields into the stored case (its status, closing and the rest
        stay as they are) and the reporter's details when they changed."""
        assert record.case.id is not None
        current = self.journal.get(Case, record.case.id)
        case = replace(current, **{f: getattr(record.case, f) for f in fields if "." not in f})
        stored = self._stored_reporter(record.case.id)
        typed = replace(record.reporter, case_id=record.case.id)
        changed = _details(typed) != _details(stored)
        self.journal.update_case(case, typed if changed else None)
        return CaseAndReporter(case, typed)

    def remove(self, record: CaseAndReporter) -> None:
        raise ValueError("the intake of a stored case is never new")

    def restore(self, snapshot: CaseAndReporter, fields: tuple[str, ...]) -> None:
        assert snapshot.case.id is not None
        current = self.journal.get(Case, snapshot.case.id)
        case_fields = [f for f in fields if "." not in f]
        case = replace(current, **{f: getattr(snapshot.case, f) for f in case_fields})
        reporter = replace(snapshot.reporter, case_id=snapshot.case.id)
        with self.journal.transaction():
            self.journal.update(case)
            if any(_details(reporter)):
                self.journal.add(reporter)
            elif any(_details(self._stored_reporter(snapshot.case.id))):
                self.journal.delete(Reporter, snapshot.case.id)

    def stored(self, typed: CaseAndReporter) -> CaseAndReporter:
        assert typed.case.id is not None
        return CaseAndReporter(
            self.journal.get(Case, typed.case.id), self._stored_reporter(typed.case.id)
        )

    def blank_like(self, record: CaseAndReporter, fields: tuple[str, ...]) -> None:
        return None  # the intake of a case that is gone has nothing to go back into

    def to_draft(self, record: CaseAndReporter) -> tuple[Case, Reporter]:
        return record.case, record.reporter

    def from_draft(self, records: list[Any]) -> CaseAndReporter:
        return CaseAndReporter(records[0], records[1])

    def _stored_reporter(self, case_id: int) -> Reporter:
        try:
            return self.journal.get(Reporter, case_id)
        except NotFoundError:
            return Reporter(case_id=case_id)


def _details(reporter: Reporter) -> tuple[str, str, str]:
    return reporter.name, reporter.contact, reporter.notes
