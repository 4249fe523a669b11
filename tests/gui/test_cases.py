"""The Meldingen screen, driven as a VP would: typing, clicking, filtering, locking."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vpnotebook.core.journal import CaseSummary
from vpnotebook.core.models import Case, Conversation, Organisation, Referral, Reporter, TimeEntry
from vpnotebook.gui.cases.closing import CloseCaseDialog
from vpnotebook.gui.cases.page import CasesPage
from vpnotebook.gui.common import labels
from vpnotebook.gui.common.autosave import AUTOSAVE_DELAY_MS
from vpnotebook.gui.models.case_list_model import (
    STATUS_ACTIVE,
    CaseFilter,
    CaseFilterProxy,
    CaseListModel,
    Column,
)
from vpnotebook.gui.session import Session
from vpnotebook.vault.errors import StorageError
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

PNG_FOLDER = Path("/tmp/vpnotebook-cases")
SAVE_WAIT_MS = AUTOSAVE_DELAY_MS * 4


@pytest.fixture
def page(session: Session, qtbot, answers) -> CasesPage:
    shown = CasesPage(session)
    qtbot.addWidget(shown)
    shown.resize(1136, 698)  # 1366×768 minus the navigation column and the window's bars
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def empty_session(tmp_path: Path) -> Iterator[Session]:
    """A vault with one organisation and no cases at all."""
    vault, _code = Vault.create(
        tmp_path / "leeg", "lange zin voor een lege kluis", kdf_params=TEST_PARAMS
    )
    opened = Session(vault)
    opened.journal.add(Organisation(name="Stichting Waterweg"))
    yield opened
    if opened.vault.is_open:
        opened.close()


def render(widget: QWidget, name: str) -> Path:
    # Let pending layouts and scroll bars settle before taking the picture.
    QCoreApplication.processEvents()
    PNG_FOLDER.mkdir(exist_ok=True)
    path = PNG_FOLDER / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def ok_button(dialog: QWidget) -> QWidget:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def open_case_with_status(page: CasesPage, status: str) -> Case:
    case = next(c for c in page.session.journal.find(Case) if c.status == status)
    assert case.id is not None
    page.open_case(case.id)
    # The case pane appears with the first open case; let its layout settle before clicking.
    QCoreApplication.processEvents()
    return case


def visible_case_ids(proxy: CaseFilterProxy) -> list[int]:
    return [proxy.case_id(row) for row in range(proxy.rowCount())]


# -- the item model ---------------------------------------------------------------------------


def test_case_list_model_passes_the_model_tester(session: Session, qtmodeltester) -> None:
    model = CaseListModel()
    model.set_summaries(session.journal.case_summaries())
    qtmodeltester.check(model)
    proxy = CaseFilterProxy(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(CaseFilter(status="closed"))
    qtmodeltester.check(proxy)
    proxy.sort(Column.ORGANISATION, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    model.set_summaries([])
    qtmodeltester.check(proxy)


def _summaries(count: int) -> list[CaseSummary]:
    organisations = ["Gemeente Zuidplas", "Zorggroep De Linde", "Transportbedrijf Van Dalen"]
    statuses = ["open", "aftercare", "closed", "reopened"]
    categories = [("bullying",), ("intimidation", "discrimination"), (), ("integrity",)]
    start = date(2016, 1, 1)
    return [
        CaseSummary(
            id=index + 1,
            number=f"{2016 + index // 1000}-{index % 1000 + 1:03d}",
            organisation_id=index % 3 + 1,
            organisation=organisations[index % 3],
            first_contact=start + timedelta(days=index // 3),
            contact_type="report",
            status=statuses[index % 4],
            categories=categories[index % 4],
            title=f"Werktitel {index}",
            last_contact=None if index % 5 == 0 else start + timedelta(days=index // 3 + 7),
            conversations=index % 6,
            destroyed=index % 97 == 0,
        )
        for index in range(count)
    ]


def test_ten_thousand_cases_sort_and_filter_correctly(qtmodeltester) -> None:
    model = CaseListModel()
    model.set_summaries(_summaries(10_000))
    proxy = CaseFilterProxy(model)
    assert model.rowCount() == 10_000 == proxy.rowCount()
    # The journal's order: newest number first.
    assert proxy.index(0, Column.NUMBER).data() == "2025-1000"
    proxy.sort(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, Column.NUMBER).data() == "2016-001"
    assert proxy.index(9_999, Column.NUMBER).data() == "2025-1000"
    proxy.sort(Column.LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    assert proxy.index(9_999, Column.LAST_CONTACT).data() == ""  # no conversation: last
    proxy.sort(Column.ORGANISATION, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(row, Column.ORGANISATION).data() for row in range(proxy.rowCount())]
    assert names == sorted(names)

    proxy.set_filter(CaseFilter(organisation_id=2, status="closed"))
    # Organisation 2 is index % 3 == 1; closed is index % 4 == 2: one in twelve.
    assert proxy.rowCount() == len([i for i in range(10_000) if i % 3 == 1 and i % 4 == 2])
    proxy.set_filter(CaseFilter(year=2019, status=STATUS_ACTIVE, category="bullying"))
    expected = [i for i in range(3000, 4000) if i % 4 == 0]  # bullying cases are all "open"
    assert sorted(visible_case_ids(proxy)) == [i + 1 for i in expected]
    proxy.set_filter(CaseFilter(text="werktitel 9999"))
    assert visible_case_ids(proxy) == [10_000]
    proxy.set_filter(CaseFilter())
    assert proxy.rowCount() == 10_000
    qtmodeltester.check(proxy)


def test_a_refresh_with_the_same_cases_keeps_the_selection(page: CasesPage) -> None:
    case = open_case_with_status(page, "open")
    other = next(c for c in page.session.journal.find(Case) if c.id != case.id)
    page.session.journal.update(replace(other, title="Elders gewijzigd"))
    resets: list[bool] = []
    page.model.modelReset.connect(lambda: resets.append(True))
    page.session.notify("cases")  # a save elsewhere: the page re-reads its list in place
    assert resets == []
    assert page.selected_case_id() == case.id
    row = page.proxy.row_of(other.id)
    assert page.proxy.index(row, Column.TITLE).data() == "Elders gewijzigd"


# -- the intake dialog ------------------------------------------------------------------------


def test_typing_a_new_case_stores_it_and_opens_it(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    before = journal.count(Case)
    dialog = page.new_case()
    assert dialog is not None
    assert dialog.windowTitle() == "Nieuwe melding"
    qtbot.waitExposed(dialog)
    form = dialog.form
    organisation = journal.organisations()[1]
    qtbot.keyClicks(form.title, "Opmerkingen in het werkoverleg")
    form.organisation.setFocus()
    qtbot.keyClicks(form.organisation, organisation.name[:6])
    assert form.organisation.currentData() == organisation.id
    qtbot.mouseClick(form.contact_type.radios["report"], Qt.MouseButton.LeftButton)
    form.reporter_role.radios["employee"].setFocus()
    qtbot.keyClick(form.reporter_role.radios["employee"], Qt.Key.Key_Space)
    qtbot.keyClick(form.category_checks["discrimination"], Qt.Key.Key_Space)
    qtbot.keyClick(form.category_checks["bullying"], Qt.Key.Key_Space)
    qtbot.keyClicks(form.wishes, "Dat het ophoudt, zonder formele klacht.")
    qtbot.keyClick(form.consent.check, Qt.Key.Key_Space)
    qtbot.keyClicks(form.reporter_name, "Fictieve Melder")
    qtbot.keyClicks(form.reporter_contact, "06-00000000")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    assert journal.count(Case) == before + 1
    stored = max(journal.find(Case), key=lambda c: c.id or 0)
    assert stored.title == "Opmerkingen in het werkoverleg"
    assert stored.organisation_id == organisation.id
    assert stored.contact_type == "report" and stored.reporter_role == "employee"
    assert stored.categories == ("bullying", "discrimination")
    assert stored.first_contact == date.today() == stored.consent_on
    assert stored.reporter_wishes == "Dat het ophoudt, zonder formele klacht."
    assert journal.get(Reporter, stored.id).name == "Fictieve Melder"
    # The new case is selected and open at its conversations, ready for the intake log.
    assert page.selected_case_id() == stored.id
    assert page.view.case is not None and page.view.case.id == stored.id
    assert page.view.tabs.currentIndex() == 1


def test_invalid_intake_shows_the_dutch_message_and_stores_nothing(
    page: CasesPage,
    qtbot,
) -> None:
    journal = page.session.journal
    before = journal.record_counts()
    dialog = page.new_case()
    assert dialog is not None
    qtbot.keyClicks(dialog.form.title, "Nog zonder soort contact")
    dialog.form.organisation.setCurrentIndex(1)
    qtbot.keyClicks(dialog.form.reporter_name, "Iemand")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    errors = [box.error.text() for box in dialog.form._boxes.values() if box.error.isVisible()]
    assert errors == ["Soort contact is verplicht."]
    assert journal.record_counts() == before
    # Nothing typed is lost: fix the one field and the same dialog stores it.
    assert dialog.form.title.text() == "Nog zonder soort contact"
    assert dialog.form.reporter_name.text() == "Iemand"
    dialog.form.contact_type.set_code("question")
    dialog.form.reporter_role.set_code("manager")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert journal.count(Case) == before["cases"] + 1


def test_a_reporter_field_that_is_too_long_keeps_the_case_unstored(
    page: CasesPage,
    qtbot,
) -> None:
    journal = page.session.journal
    before = journal.count(Case)
    dialog = page.new_case()
    assert dialog is not None
    form = dialog.form
    form.organisation.setCurrentIndex(1)
    form.contact_type.set_code("report")
    form.reporter_role.set_code("employee")
    form.reporter_notes.setPlainText("x" * 200_001)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert form._boxes["Reporter.notes"].error.text() == "Notities over de melder is te lang."
    assert journal.count(Case) == before


def test_new_case_without_an_organisation_points_to_the_organisations(
    empty_session: Session,
    qtbot,
    answers,
) -> None:
    empty_session.journal.update(Organisation(name="Stichting Waterweg", archived=True, id=1))
    page = CasesPage(empty_session)
    qtbot.addWidget(page)
    with qtbot.waitSignal(empty_session.page_requested) as requested:
        assert page.new_case() is None
    assert requested.args == ["organisations"]
    assert answers and answers[0][0] == "info"


def test_empty_vault_shows_a_friendly_start(empty_session: Session, qtbot, answers) -> None:
    page = CasesPage(empty_session)
    qtbot.addWidget(page)
    page.resize(1136, 698)
    page.show()
    qtbot.waitExposed(page)
    assert page.list_stack.currentWidget() is page.empty
    assert "Nog geen meldingen" in page.empty.text()
    assert page.view.stack.currentIndex() == 0
    render(page, "cases-empty")


def test_an_empty_list_shown_again_after_a_change_reads_the_new_case(
    empty_session: Session, qtbot, answers
) -> None:
    # The empty state has no list to paint first: the page must read again at once.
    from vpnotebook.gui.workspace import Workspace

    workspace = Workspace(empty_session)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 768)
    workspace.show()
    qtbot.waitExposed(workspace)
    page = workspace.show_page("cases")
    assert isinstance(page, CasesPage) and page.list_stack.currentWidget() is page.empty
    workspace.show_page("organisations")
    journal = empty_session.journal
    org = journal.find(Organisation)[0]
    added = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 11, 2),
            contact_type="report",
            reporter_role="employee",
            title="De eerste melding",
        )
    )
    empty_session.notify("cases")
    workspace.show_page("cases")
    qtbot.waitUntil(lambda: page.model.row_of(added.id) >= 0)
    assert page.list_stack.currentWidget() is page.table


# -- conversations and autosave ---------------------------------------------------------------


def test_a_new_conversation_is_saved_by_save_pending(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    case = open_case_with_status(page, "open")
    page.view.tabs.setCurrentIndex(1)
    panel = page.view.conversations
    count = len(journal.conversations_of(case.id))
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = panel.editor
    qtbot.keyClicks(editor.texts["occasion"], "Vervolg op het eerste gesprek")
    qtbot.keyClicks(editor.notes, "Melder klinkt opgeluchter; wil nog even afwachten.")
    editor.duration.setValue(45)
    with qtbot.waitSignal(page.session.changed):
        page.save_pending()
    stored = journal.conversations_of(case.id)
    assert len(stored) == count + 1
    new = [c for c in stored if c.occasion == "Vervolg op het eerste gesprek"]
    assert len(new) == 1
    assert new[0].notes == "Melder klinkt opgeluchter; wil nog even afwachten."
    assert new[0].duration_min == 45 and new[0].held_on == date.today()
    # The list follows, and the editor keeps the conversation the VP is writing.
    assert panel.list.count() == count + 1
    assert panel.list.currentItem().data(Qt.ItemDataRole.UserRole) == new[0].id


def test_a_full_disk_keeps_the_typed_conversation_and_says_so_in_place(
    page: CasesPage, qtbot, answers
) -> None:
    journal = page.session.journal
    case = open_case_with_status(page, "open")
    page.view.tabs.setCurrentIndex(1)
    panel = page.view.conversations
    count = len(journal.conversations_of(case.id))
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = panel.editor
    qtbot.keyClicks(editor.notes, "Geschreven terwijl de schijf vol is. ")
    # SQLite's own "database or disk is full": no page may be added to the database.
    db = page.session.vault.db
    db.execute(f"PRAGMA max_page_count = {db.pragma('page_count')}")
    editor.notes.insertPlainText("Tekst " * 2000)  # more than fits in the pages there are
    unsaved: list[str] = []
    page.session.unsaved.connect(unsaved.append)
    assert panel.record_editor.save() is False
    assert panel.record_editor.save() is False  # tried again: still full
    # Said beside the conversation, where the VP is typing; no dialog interrupts the typing.
    assert answers == []
    assert editor.error.isVisibleTo(page)
    assert editor.error.text().startswith(StorageError.message_nl)
    assert unsaved and unsaved[0].startswith(StorageError.message_nl)  # the status bar too
    assert editor.notes.toPlainText().startswith("Geschreven terwijl de schijf vol is.")
    assert len(journal.conversations_of(case.id)) == count
    with pytest.raises(StorageError):  # a lock now would hear why (main_window.lock)
        panel.save_pending()

    db.execute("PRAGMA max_page_count = 1073741823")  # space again
    assert panel.record_editor.save() is True
    assert not editor.error.isVisibleTo(page)
    stored = journal.conversations_of(case.id)
    assert len(stored) == count + 1
    assert any(c.notes.startswith("Geschreven terwijl de schijf vol is.") for c in stored)


def test_the_autosave_timer_stores_typing_without_any_other_action(
    page: CasesPage,
    qtbot,
) -> None:
    journal = page.session.journal
    case = open_case_with_status(page, "open")
    page.view.tabs.setCurrentIndex(1)
    editor = page.view.conversations.editor
    conversation = journal.conversations_of(case.id)[-1]
    editor.notes.moveCursor(editor.notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.notes, " Later nog gebeld.")
    assert page.view.conversations.autosave.dirty

    def stored_notes() -> str:
        return journal.get(Conversation, conversation.id).notes

    qtbot.waitUntil(lambda: stored_notes().endswith("Later nog gebeld."), timeout=SAVE_WAIT_MS)
    assert not page.view.conversations.autosave.dirty
    assert page.selected_case_id() == case.id


def test_intake_edits_autosave_and_the_list_follows_without_losing_the_selection(
    page: CasesPage,
    qtbot,
) -> None:
    journal = page.session.journal
    case = open_case_with_status(page, "open")
    title = page.view.intake.title
    title.selectAll()
    qtbot.keyClicks(title, "Nieuwe werktitel na het tweede gesprek")
    qtbot.waitUntil(
        lambda: journal.get(Case, case.id).title == "Nieuwe werktitel na het tweede gesprek",
        timeout=SAVE_WAIT_MS,
    )
    row = page.proxy.row_of(case.id)
    assert page.proxy.index(row, Column.TITLE).data() == "Nieuwe werktitel na het tweede gesprek"
    assert page.selected_case_id() == case.id
    assert title.text() == "Nieuwe werktitel na het tweede gesprek"


def test_the_reporter_identity_is_saved_and_can_be_wiped(page: CasesPage, qtbot, answers) -> None:
    journal = page.session.journal
    case = open_case_with_status(page, "open")
    intake = page.view.intake
    intake.reporter_name.clear()
    qtbot.keyClicks(intake.reporter_name, "Andere Naam")
    page.save_pending()
    assert journal.get(Reporter, case.id).name == "Andere Naam"
    assert intake.wipe_button is not None
    qtbot.mouseClick(intake.wipe_button, Qt.MouseButton.LeftButton)
    assert answers[-1][0] == "ask"
    assert intake.reporter_name.text() == ""
    assert not journal.db.query("SELECT 1 FROM reporters WHERE case_id = ?", (case.id,))
    assert journal.get(Case, case.id).title == case.title


# -- list, filters and navigation -------------------------------------------------------------


def test_filters_narrow_the_list(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    summaries = journal.case_summaries()
    assert page.proxy.rowCount() == len(summaries) == 40
    organisation = journal.organisations()[0]
    page.organisation_filter.setCurrentIndex(page.organisation_filter.findData(organisation.id))
    expected = {s.id for s in summaries if s.organisation_id == organisation.id}
    assert set(visible_case_ids(page.proxy)) == expected
    assert page.count.text() == f"{len(expected)} van 40"

    page.status_filter.setCurrentIndex(page.status_filter.findData("closed"))
    expected = {
        s.id for s in summaries if s.organisation_id == organisation.id and s.status == "closed"
    }
    assert set(visible_case_ids(page.proxy)) == expected

    page.clear_filters()
    year = page.model.years()[-1]
    page.year_filter.setCurrentIndex(page.year_filter.findData(year))
    assert set(visible_case_ids(page.proxy)) == {
        s.id for s in summaries if s.number.startswith(f"{year}-")
    }

    page.clear_filters()
    page.category_filter.setCurrentIndex(page.category_filter.findData("bullying"))
    assert set(visible_case_ids(page.proxy)) == {
        s.id for s in summaries if "bullying" in s.categories
    }

    page.clear_filters()
    target = summaries[5]
    qtbot.keyClicks(page.search, target.number)
    assert visible_case_ids(page.proxy) == [target.id]
    page.search.clear()
    qtbot.keyClicks(page.search, "zzz geen treffer")
    assert page.proxy.rowCount() == 0
    assert page.list_stack.currentWidget() is page.empty
    assert "Geen meldingen die bij deze filters passen" in page.empty.text()
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == 40
    assert page.count.text() == "40 meldingen"


def test_open_case_selects_and_shows_it_even_when_filtered_out(page: CasesPage) -> None:
    journal = page.session.journal
    closed = next(s for s in journal.case_summaries() if s.status == "closed")
    page.status_filter.setCurrentIndex(page.status_filter.findData(STATUS_ACTIVE))
    assert closed.id not in visible_case_ids(page.proxy)
    page.open_case(closed.id)
    assert page.selected_case_id() == closed.id
    assert page.view.number.text() == closed.number
    assert page.view.status.text() == "Afgesloten"
    assert page.view.reopen_button.isVisibleTo(page.view)
    assert not page.view.close_button.isVisibleTo(page.view)
    assert page.proxy.case_filter.is_empty


def test_clicking_a_row_opens_that_case(page: CasesPage, qtbot) -> None:
    rect = page.table.visualRect(page.proxy.index(2, Column.TITLE))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.view.case is not None
    assert page.view.case.id == page.proxy.case_id(2)


def test_state_survives_a_lock_on_a_new_page(page: CasesPage, session: Session, qtbot) -> None:
    organisation = session.journal.organisations()[2]
    page.organisation_filter.setCurrentIndex(page.organisation_filter.findData(organisation.id))
    qtbot.keyClicks(page.search, "20")
    case_id = page.proxy.case_id(0)
    assert case_id is not None
    page.open_case(case_id)
    page.view.tabs.setCurrentIndex(2)
    page.table.sortByColumn(Column.FIRST_CONTACT, Qt.SortOrder.AscendingOrder)
    state = page.state()
    assert "title" not in repr(state)  # ids and filters only, no case content

    again = CasesPage(session)
    qtbot.addWidget(again)
    again.restore_state(state)
    assert again.selected_case_id() == case_id
    assert again.view.case is not None and again.view.case.id == case_id
    assert again.proxy.case_filter == page.proxy.case_filter
    assert again.organisation_filter.currentData() == organisation.id
    assert again.search.text() == "20"
    assert again.view.tabs.currentIndex() == 2
    assert again.model.sort_column == Column.FIRST_CONTACT


# -- closing, re-opening and the other tabs --------------------------------------------------


def test_closing_and_reopening_a_case(page: CasesPage, qtbot, answers) -> None:
    journal = page.session.journal
    case = open_case_with_status(page, "open")
    dialog = page.view.close_case()
    assert isinstance(dialog, CloseCaseDialog)
    assert dialog.windowTitle() == "Melding afsluiten"
    # Without an outcome the dialog asks for one and closes nothing.
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.outcome_box.error.text() == "Kies hoe de melding is afgelopen."
    assert journal.get(Case, case.id).status == "open"
    # A date before the first contact gets the journal's Dutch message.
    assert case.first_contact is not None
    dialog.closed_on.set_day(case.first_contact - timedelta(days=1))
    dialog.outcome.set_code("resolved_informally")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.date_box.error.text() == "De afsluitdatum ligt vóór het eerste contact."
    dialog.closed_on.set_day(date.today())
    qtbot.keyClicks(dialog.note, "Samen met de leidinggevende opgelost.")
    with qtbot.waitSignal(page.session.changed):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    closed = journal.get(Case, case.id)
    assert (closed.status, closed.closed_on, closed.outcome) == (
        "closed",
        date.today(),
        "resolved_informally",
    )
    assert closed.outcome_note == "Samen met de leidinggevende opgelost."
    assert page.view.status.text() == "Afgesloten"
    row = page.proxy.row_of(case.id)
    assert page.proxy.index(row, Column.STATUS).data() == "Afgesloten"

    qtbot.mouseClick(page.view.reopen_button, Qt.MouseButton.LeftButton)
    assert answers[-1][0] == "ask"
    reopened = journal.get(Case, case.id)
    assert (reopened.status, reopened.closed_on, reopened.outcome) == ("reopened", None, None)
    assert page.view.status.text() == "Heropend"
    assert page.view.close_button.isVisibleTo(page.view)


def test_aftercare_status_is_a_check_box(page: CasesPage, qtbot) -> None:
    case = open_case_with_status(page, "open")
    page.view.tabs.setCurrentIndex(3)
    qtbot.keyClick(page.view.aftercare, Qt.Key.Key_Space)
    assert page.session.journal.get(Case, case.id).status == "aftercare"
    assert page.view.status.text() == "Nazorg"


def test_referral_follow_up_and_time_are_added_in_their_tabs(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    case = open_case_with_status(page, "open")
    assert case.id is not None
    view = page.view
    referrals = len(journal.find(Referral, "case_id = ?", (case.id,)))
    view.tabs.setCurrentIndex(2)
    panel = view.referrals
    party = panel.binding.widget("party")
    note = panel.binding.widget("note")
    party.set_code("company_doctor")
    qtbot.keyClicks(note, "Over de slaapklachten.")
    assert panel.autosave.dirty  # the clock will store it; leaving the tab does at once
    panel.save_pending()
    stored = journal.find(Referral, "case_id = ?", (case.id,))
    assert len(stored) == referrals + 1
    assert stored[-1].party == "company_doctor" and stored[-1].note == "Over de slaapklachten."
    # The new row stays in the form; changing it is saved as the VP types.
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_End)
    qtbot.keyClicks(note, " Afspraak staat.")
    panel.save_pending()
    assert journal.get(Referral, stored[-1].id).note.endswith("Afspraak staat.")

    minutes = journal.minutes_of_case(case.id)
    view.tabs.setCurrentIndex(4)
    time_panel = view.time_entries
    time_panel.binding.widget("minutes").setValue(25)
    time_panel.save_pending()
    assert journal.minutes_of_case(case.id) == minutes + 25
    entry = journal.find(TimeEntry, "case_id = ?", (case.id,))[-1]
    assert entry.organisation_id == case.organisation_id and entry.activity == "case_work"
    assert "25 min" in view.time_summary.text() or str(minutes + 25) in view.time_summary.text()


def test_a_time_entry_without_minutes_gets_the_dutch_message(page: CasesPage, qtbot) -> None:
    case = open_case_with_status(page, "open")
    before = page.session.journal.minutes_of_case(case.id)
    page.view.tabs.setCurrentIndex(4)
    panel = page.view.time_entries
    qtbot.keyClicks(panel.binding.widget("note"), "Dossier geordend")
    panel.autosave._pause()  # the clock strikes while it is still being filled in
    # Still being filled in: nothing is said yet, nothing is stored.
    assert not panel._boxes["minutes"].error.isVisibleTo(page)
    assert page.session.journal.minutes_of_case(case.id) == before
    # Leaving it (another row, another case, the lock) names what is missing.
    assert panel.editor.save() is False
    assert panel._boxes["minutes"].error.text() == "Minuten is verplicht."
    assert page.session.journal.minutes_of_case(case.id) == before


def test_copy_buttons_copy_as_secret(page: CasesPage, qtbot) -> None:
    case = open_case_with_status(page, "open")
    page.view.copy_action.trigger()  # Meer → Nummer kopiëren
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == case.number
    assert clipboard.mimeData().data("x-kde-passwordManagerHint") == b"secret"
    page.view.tabs.setCurrentIndex(1)
    editor = page.view.conversations.editor
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert editor.notes.toPlainText().strip() in clipboard.text()


def test_switching_cases_saves_the_one_being_edited(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    first = open_case_with_status(page, "open")
    wishes = page.view.intake.wishes
    wishes.moveCursor(wishes.textCursor().MoveOperation.End)
    qtbot.keyClicks(wishes, " En een luisterend oor.")
    other = next(s.id for s in journal.case_summaries() if s.id != first.id)
    page.open_case(other)
    assert journal.get(Case, first.id).reporter_wishes.endswith("En een luisterend oor.")
    assert page.view.case is not None and page.view.case.id == other


def test_english_labels_come_from_the_vocabulary(session: Session) -> None:
    assert labels.current_language() == "nl"
    from vpnotebook.core.taxonomy import CASE_STATUSES

    assert labels.label(CASE_STATUSES, "aftercare") == "Nazorg"


# -- how it looks -----------------------------------------------------------------------------


def test_render_the_screens_at_1366_by_768(page: CasesPage, qtbot) -> None:
    render(page, "cases-list-no-selection")
    case = open_case_with_status(page, "open")
    # A long organisation name and title must elide, not push the layout apart.
    journal = page.session.journal
    organisation = journal.get(Organisation, case.organisation_id)
    long_name = (
        "Stichting voor Maatschappelijke Dienstverlening en Welzijn Regio Noordoost-Friesland"
    )
    journal.update(replace(organisation, name=long_name))
    journal.update(replace(case, title="Aanhoudende opmerkingen " * 8))
    page.session.notify("cases")
    page.view.show_case(case.id)
    names = ("intake", "conversations", "routes", "follow-ups", "time")
    for index, name in enumerate(names):
        page.view.tabs.setCurrentIndex(index)
        render(page, f"cases-{name}")
    page.view.conversations.editor.show_structure.setChecked(False)
    render(page.view.conversations, "conversation-notes-only")
    dialog = page.new_case()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    render(dialog, "intake-dialog")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    render(dialog, "intake-dialog-errors")
    dialog.reject()
    close = page.view.close_case()
    assert close is not None
    render(close, "close-dialog")
    close.reject()


def test_leaving_a_field_saves_at_once(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    case = open_case_with_status(page, "open")
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    title = page.view.intake.title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.selectAll()
    qtbot.keyClicks(title, "Gewijzigd en meteen verlaten")
    assert journal.get(Case, case.id).title == case.title
    qtbot.keyClick(title, Qt.Key.Key_Tab)  # focus moves on: no need to wait for the timer
    assert journal.get(Case, case.id).title == "Gewijzigd en meteen verlaten"


def test_a_complete_intake_is_kept_when_the_screen_locks(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    before = journal.count(Case)
    dialog = page.new_case()
    assert dialog is not None and page.new_case() is dialog  # Ctrl+N twice: still one intake
    form = dialog.form
    form.organisation.setCurrentIndex(1)
    form.contact_type.set_code("sounding_board")
    form.reporter_role.set_code("intern")
    qtbot.keyClicks(form.title, "Half getypt toen het scherm op slot ging")
    page.save_pending()  # what the main window does before it locks
    assert journal.count(Case) == before + 1
    assert not dialog.isVisible()


def test_the_workspace_routes_open_case_and_saves_before_a_lock(
    session: Session, qtbot, answers
) -> None:
    from vpnotebook.gui.workspace import Workspace

    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    case = next(c for c in session.journal.find(Case) if c.status == "open")
    assert case.id is not None
    session.open_case(case.id)
    page = workspace.current_page()
    assert isinstance(page, CasesPage)
    assert page.view.case is not None and page.view.case.id == case.id
    page.view.tabs.setCurrentIndex(1)
    panel = page.view.conversations
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.editor.notes, "Kort telefonisch contact over de voortgang.")
    workspace.save_pending()
    notes = [c.notes for c in session.journal.conversations_of(case.id)]
    assert "Kort telefonisch contact over de voortgang." in notes
    state = workspace.state()
    assert state["pages"]["cases"]["case_id"] == case.id


def test_an_autosave_that_cannot_be_stored_shows_why_and_keeps_the_typing(
    page: CasesPage,
    qtbot,
) -> None:
    journal = page.session.journal
    case = open_case_with_status(page, "open")
    intake = page.view.intake
    intake.organisation.setCurrentIndex(0)  # "— kies een organisatie —"
    qtbot.keyClick(intake.title, Qt.Key.Key_End)
    qtbot.keyClicks(intake.title, " (bijgewerkt)")
    page.save_pending()
    box = intake._boxes["Case.organisation_id"]
    assert box.error.text() == "Organisatie is verplicht."
    assert journal.get(Case, case.id).title == case.title
    assert intake.title.text().endswith(" (bijgewerkt)")
    assert page.view.intake_autosave.dirty
    intake.organisation.setCurrentIndex(intake.organisation.findData(case.organisation_id))
    page.save_pending()
    assert journal.get(Case, case.id).title.endswith(" (bijgewerkt)")
    assert not box.error.isVisible()


def test_a_half_typed_intake_survives_a_lock_as_an_encrypted_draft(qtbot, demo_vault, settings):
    from vpnotebook.gui.main_window import MainWindow
    from vpnotebook.vault.kdf import TEST_PARAMS

    from .conftest import GUI_PASSPHRASE

    folder, _ = demo_vault
    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.unlock_screen.passphrase.setText(GUI_PASSPHRASE)
    window.unlock_screen.unlock()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    window.new_case_action.trigger()
    page = window.workspace.pages["cases"]
    dialog = page._intake
    assert dialog is not None
    # Only the reporter's wishes and name: the intake cannot be stored yet (no contact type).
    dialog.form.contact_type.set_code(None)
    dialog.form.reporter_role.set_code(None)
    qtbot.keyClicks(dialog.form.wishes, "Wil eerst alleen haar verhaal kwijt")
    qtbot.keyClicks(dialog.form.reporter_name, "Concept-melder Zandbergen")
    window.lock()
    assert window.is_locked
    window.unlock_screen.passphrase.setText(GUI_PASSPHRASE)
    window.unlock_screen.unlock()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    restored = window.workspace.pages["cases"]._intake
    assert restored is not None
    assert restored.form.wishes.toPlainText() == "Wil eerst alleen haar verhaal kwijt"
    assert restored.form.reporter_name.text() == "Concept-melder Zandbergen"
    assert restored.form.draft_notice.isVisibleTo(restored.form)
    restored.reject()
    assert window.session.journal.setting("intake_draft") is None
    window.close()
