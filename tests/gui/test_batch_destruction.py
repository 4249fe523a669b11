"""Destroying several overdue cases from one dialog: it names them all and asks for their count."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from vpnotebook.core.destruction import destruction_log
from vpnotebook.core.models import Case
from vpnotebook.core.retention import DUE_SOON, OVERDUE, due_for_destruction
from vpnotebook.gui.session import Session
from vpnotebook.gui.today.batch_destruction import BatchDestroyDialog

from .conftest import DEMO_TODAY


def _overdue(session: Session) -> list:
    found = [s for s in due_for_destruction(session.journal, DEMO_TODAY) if s.state == OVERDUE]
    assert len(found) >= 3, "the demo vault has overdue cases"
    return found


def test_the_dialog_names_every_case_and_destroys_after_the_count(qtbot, session: Session) -> None:
    overdue = _overdue(session)
    dialog = BatchDestroyDialog(session.journal, overdue, 5, DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    listed = [dialog.numbers.item(row).text() for row in range(dialog.numbers.count())]
    assert [line.split(" ")[0] for line in listed] == [s.number for s in overdue]
    assert dialog.windowTitle() == "Meldingen vernietigen"  # nothing of the cases in a title

    assert not dialog.destroy_button.isEnabled()
    qtbot.keyClicks(dialog.confirm, str(len(overdue) - 1))
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.destroy_button.isEnabled()
    assert destruction_log(session.journal) == []

    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, str(len(overdue)))
    assert dialog.destroy_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.destroy_button, Qt.MouseButton.LeftButton)
    assert dialog.destroyed_numbers == [s.number for s in overdue]
    assert [e.case_number for e in destruction_log(session.journal)] == dialog.destroyed_numbers
    for status in overdue:
        assert session.journal.get(Case, status.case_id).is_destroyed
    assert not any(s.state == OVERDUE for s in due_for_destruction(session.journal, DEMO_TODAY))


def test_cases_not_yet_due_are_not_offered_together(qtbot, session: Session) -> None:
    overdue = _overdue(session)
    # The same case seen on a day before its date: due soon, not overdue.
    soon = replace(overdue[-1], today=overdue[-1].due_on - timedelta(days=3))
    assert soon.state == DUE_SOON
    for cases in ([], [*overdue[:-1], soon]):
        with pytest.raises(ValueError):
            BatchDestroyDialog(session.journal, cases, 5, DEMO_TODAY)


def test_one_case_reads_as_one(qtbot, session: Session) -> None:
    dialog = BatchDestroyDialog(session.journal, _overdue(session)[:1], 5, DEMO_TODAY)
    qtbot.addWidget(dialog)
    assert dialog.destroy_button.text() == "Definitief vernietigen"
    assert "1 melding definitief" in dialog.findChildren(type(dialog.general_error))[0].text()
