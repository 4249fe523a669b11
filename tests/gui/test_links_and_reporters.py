"""Linked cases, anonymous reporters and groups on the Meldingen screen, driven as a VP would
(issue 13): a link made from one case is seen on the other and opens it; unlinking removes it
from both; an anonymous reporter turns the identity inputs off and says why; a group keeps its
number of reporters; the case's own notes and the consent to a hand-over save by themselves."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from vpnotebook.core.models import Case, CaseLink, Reporter
from vpnotebook.gui.cases.case_view import Tab
from vpnotebook.gui.cases.page import CasesPage
from vpnotebook.gui.common.autosave import AUTOSAVE_DELAY_MS
from vpnotebook.gui.session import Session

SAVE_WAIT_MS = AUTOSAVE_DELAY_MS * 4


@pytest.fixture
def page(session: Session, qtbot, answers) -> CasesPage:
    shown = CasesPage(session)
    qtbot.addWidget(shown)
    shown.resize(1136, 698)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _tick(qtbot, box: QCheckBox) -> None:
    """Click the box itself (a check box in a form row is wider than what it reacts to)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _open_cases(page: CasesPage, count: int) -> list[Case]:
    cases = page.session.journal.find(
        Case,
        "destroyed_on IS NULL AND status != 'closed' AND reporter_known = 1",
        order="year, seq",
    )
    return cases[:count]


def test_a_link_made_on_one_case_shows_on_the_other_and_opens_it(
    page: CasesPage,
    qtbot,
) -> None:
    journal = page.session.journal
    first, second = _open_cases(page, 2)
    assert first.id is not None and second.id is not None
    before = {link.id for link in journal.find(CaseLink)}
    page.open_case(first.id)
    view = page.view
    view.tabs.setCurrentIndex(Tab.LINKS)
    links = view.links
    # Find the other case by typing its number, as the VP would.
    picker = links.picker
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), second.number)
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert picker.currentData() == second.id
    links.records.binding.widget("kind").set_code("same_accused")
    note = links.records.binding.widget("note")
    qtbot.keyClicks(note, "Beiden noemen dezelfde teamleider")
    qtbot.waitUntil(
        lambda: {link.id for link in journal.find(CaseLink)} - before != set(),
        timeout=SAVE_WAIT_MS,
    )
    (made,) = [link for link in journal.find(CaseLink) if link.id not in before]
    assert {made.case_id, made.linked_case_id} == {first.id, second.id}
    assert (made.kind, made.note) == ("same_accused", "Beiden noemen dezelfde teamleider")
    assert view.tabs.tabText(Tab.LINKS).startswith("Gekoppeld (")

    # Opening the other case from the link: the same link, seen from there.
    row = next(
        r for r, rec in enumerate(links.records.records()) if rec.linked_case_id == second.id
    )
    links.records.table.selectRow(row)
    qtbot.mouseClick(links.open_button, Qt.MouseButton.LeftButton)
    assert view.case is not None and view.case.id == second.id
    assert page.selected_case_id() == second.id
    view.tabs.setCurrentIndex(Tab.LINKS)
    seen = [record for record in links.records.records() if record.id == made.id]
    assert [(r.case_id, r.linked_case_id, r.kind) for r in seen] == [
        (second.id, first.id, "same_accused")
    ]
    texts = [links.records.table.item(r, 0).text() for r in range(links.records.table.rowCount())]
    assert any(text.startswith(first.number) for text in texts)

    # Changing the kind on this side changes the one link.
    other_row = next(r for r, rec in enumerate(links.records.records()) if rec.id == made.id)
    links.records.table.selectRow(other_row)
    links.records.binding.widget("kind").set_code("same_event")
    links.save_pending()
    assert journal.get(CaseLink, made.id).kind == "same_event"

    # Unlinking from here removes it from both.
    qtbot.mouseClick(links.unlink_button, Qt.MouseButton.LeftButton)
    assert made.id not in {link.id for link in journal.find(CaseLink)}
    page.open_case(first.id)
    assert all(r.linked_case_id != second.id for r in view.links.records.records())


def test_a_case_cannot_be_linked_to_itself_or_twice(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    first, second = _open_cases(page, 2)
    assert first.id is not None and second.id is not None
    journal.link_cases(first.id, second.id, "same_reporter")
    page.open_case(first.id)
    view = page.view
    view.tabs.setCurrentIndex(Tab.LINKS)
    links = view.links
    assert links.picker.findData(first.id) < 0  # not offered at all
    links.records.start_new()
    links.picker.setCurrentIndex(links.picker.findData(second.id))
    links.records.binding.widget("kind").set_code("same_event")
    assert not links.records.editor.save()
    assert links.records._boxes["linked_case_id"].error.text() == (
        "Deze twee meldingen zijn al aan elkaar gekoppeld."
    )
    assert len(journal.links_of(first.id)) == 1


def test_an_anonymous_reporter_turns_the_identity_off_and_says_why(
    page: CasesPage,
    qtbot,
    answers,
) -> None:
    journal = page.session.journal
    (case,) = _open_cases(page, 1)
    assert case.id is not None
    page.open_case(case.id)
    intake = page.view.intake
    intake.reporter_name.setText("Iemand Bekends")
    page.save_pending()
    assert journal.get(Reporter, case.id).name == "Iemand Bekends"

    _tick(qtbot, intake.anonymous)
    assert answers[-1][:2] == ("ask", "Anonieme melder")  # asked before the name goes
    assert intake.anonymous.isChecked()
    assert not intake.reporter_name.isEnabled() and not intake.reporter_contact.isEnabled()
    assert intake.anonymous_note.isVisibleTo(intake)
    assert intake.reporter_name.text() == ""
    page.save_pending()
    stored = journal.get(Case, case.id)
    assert stored.reporter_known is False
    assert journal.find(Reporter, "case_id = ?", (case.id,)) == []

    # Known after all: the inputs come back.
    _tick(qtbot, intake.anonymous)
    assert intake.reporter_name.isEnabled() and not intake.anonymous_note.isVisibleTo(intake)
    qtbot.keyClicks(intake.reporter_name, "Toch Bekend")
    page.save_pending()
    assert journal.get(Case, case.id).reporter_known is True
    assert journal.get(Reporter, case.id).name == "Toch Bekend"


def test_saying_no_keeps_the_reporter_known(page: CasesPage, qtbot) -> None:
    from vpnotebook.gui.common import dialogs

    journal = page.session.journal
    (case,) = _open_cases(page, 1)
    assert case.id is not None
    page.open_case(case.id)
    intake = page.view.intake
    intake.reporter_name.setText("Blijft Staan")
    page.save_pending()
    dialogs.set_test_hook(lambda kind, title, text: False)
    try:
        _tick(qtbot, intake.anonymous)
    finally:
        dialogs.set_test_hook(lambda kind, title, text: True)
    assert not intake.anonymous.isChecked() and intake.reporter_name.text() == "Blijft Staan"
    page.save_pending()
    assert journal.get(Case, case.id).reporter_known is True


def test_a_group_its_notes_and_the_consent_to_hand_over_save_by_themselves(
    page: CasesPage,
    qtbot,
) -> None:
    journal = page.session.journal
    (case,) = _open_cases(page, 1)
    assert case.id is not None
    page.open_case(case.id)
    intake = page.view.intake
    intake.reporter_count.setValue(5)
    intake.notes.setPlainText("")
    qtbot.keyClicks(intake.notes, "Vijf collega's van de avonddienst")
    qtbot.mouseClick(intake.handover_consent.check, Qt.MouseButton.LeftButton)
    intake.handover_consent.edit.set_day(date(2026, 11, 20))
    qtbot.waitUntil(
        lambda: (
            journal.get(Case, case.id).reporter_count == 5
            and journal.get(Case, case.id).handover_consent_on == date(2026, 11, 20)
        ),
        timeout=SAVE_WAIT_MS,
    )
    assert journal.get(Case, case.id).notes == "Vijf collega's van de avonddienst"
