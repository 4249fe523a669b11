"""Organisaties, Voorlichting, Signalen en advies, Tijd: driven as the VP would, on a real vault."""

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget

from vpnotebook.core.destruction import RULE_VP_DECISION, destroy_case
from vpnotebook.core.hours import hours_per_organisation
from vpnotebook.core.models import (
    Case,
    Conversation,
    Department,
    Organisation,
    OutreachActivity,
    ReferralContact,
    Signal,
    TimeEntry,
)
from vpnotebook.gui.common.page import Page
from vpnotebook.gui.models.record_table_model import Column, RecordSortModel, RecordTableModel
from vpnotebook.gui.organisations.page import CONTACTS_TAB, DEPARTMENTS_TAB, OrganisationsPage
from vpnotebook.gui.outreach.page import OutreachPage
from vpnotebook.gui.session import Session
from vpnotebook.gui.signals.page import SignalsPage
from vpnotebook.gui.timesheet.page import TimePage

# The offscreen platform says this whenever a top-level widget is shown; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier


# -- helpers: what a VP's hands do -----------------------------------------------------------


def shown(qtbot, page: Page) -> Page:
    qtbot.addWidget(page)
    # As in the workspace: a change the page reports refreshes the page on screen.
    page.session.changed.connect(lambda _what: page.refresh())
    page.resize(1366, 768)
    # Focus and shortcuts such as Ctrl+S only work in the active window.
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    return page


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick a choice by typing its first letters, as in any closed drop-down list."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def choose_first(qtbot, combo: QComboBox) -> None:
    """The first choice ("Alle organisaties", "Geen melding"): Home, as on the keyboard."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)


def retype(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save_now(qtbot, page: QWidget) -> None:
    """Ctrl+S where the cursor is: what the clock or leaving the record would do anyway."""
    qtbot.keyClick(QApplication.focusWidget() or page, Qt.Key.Key_S, CTRL)


def click_row(qtbot, table: QAbstractItemView, row: int) -> None:
    index = table.model().index(row, 0)
    assert index.isValid(), f"no row {row}"
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def organisation_named(session: Session, prefix: str) -> Organisation:
    return next(o for o in session.journal.organisations() if o.name.startswith(prefix))


# -- the shared table model ------------------------------------------------------------------


@dataclass
class Item:
    id: int
    name: str
    minutes: int


def test_record_table_model_passes_the_model_tester(qtmodeltester) -> None:
    model: RecordTableModel[Item] = RecordTableModel(
        [
            Column("Naam", lambda i: i.name),
            Column("Duur", lambda i: f"{i.minutes} min", lambda i: i.minutes, numeric=True),
        ]
    )
    qtmodeltester.check(model)
    model.set_records([Item(1, "Presentatie voor het hele management", 45), Item(2, "Mail", 9)])
    qtmodeltester.check(model)
    model.put(Item(3, "Overleg", 120))
    model.put(Item(1, "Presentatie", 50))
    model.drop(2)
    qtmodeltester.check(model)
    assert [r.id for r in model.records()] == [3, 1]
    proxy = RecordSortModel(model)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    assert proxy.id_at(0) == 1 and proxy.row_of(3) == 1
    model.set_records([])
    qtmodeltester.check(model)


def test_every_page_model_passes_the_model_tester(qtbot, qtmodeltester, session) -> None:
    time_page = TimePage(session)
    organisations = OrganisationsPage(session)
    for page in (OutreachPage(session), SignalsPage(session), time_page, organisations):
        qtbot.addWidget(page)
        qtmodeltester.check(page.model)
        assert page.model.rowCount() > 0
    qtmodeltester.check(time_page.hours_model)
    qtmodeltester.check(organisations.contacts.model)


# -- Voorlichting ----------------------------------------------------------------------------


def test_outreach_add_edit_and_delete(qtbot, session, answers) -> None:
    page = shown(qtbot, OutreachPage(session))
    library = organisation_named(session, "Bibliotheek")
    click(qtbot, page.new_button)
    choose(qtbot, page.organisation_field, "Bibliotheek")
    page.date_field.setDate(QDate(2026, 3, 12))
    choose(qtbot, page.kind_field, "Pres")
    qtbot.keyClicks(page.title_field, "Omgangsvormen bij de uitleenbalie")
    qtbot.keyClicks(page.audience_field, "Baliemedewerkers")
    retype(qtbot, page.participants_field, "14")
    retype(qtbot, page.duration_field, "75")
    qtbot.keyClicks(page.notes_field, "Veel vragen over agressieve bezoekers.")
    assert page.is_dirty()
    assert not hasattr(page, "save_button")  # no Opslaan anywhere: the form saves itself
    page.save_pending()  # what leaving the record does; the clock would too

    [stored] = session.journal.find(
        OutreachActivity, "title = ?", ("Omgangsvormen bij de uitleenbalie",)
    )
    assert stored.organisation_id == library.id
    assert stored.held_on == date(2026, 3, 12)
    assert (stored.kind, stored.audience) == ("presentation", "Baliemedewerkers")
    assert (stored.participants, stored.duration_min) == (14, 75)
    assert stored.notes == "Veel vragen over agressieve bezoekers."
    assert page.current.id == stored.id
    assert page.model.row_of(stored.id) >= 0
    assert not page.is_dirty()

    retype(qtbot, page.audience_field, "Alle medewerkers van de vestiging")
    qtbot.keyClick(page.audience_field, Qt.Key.Key_S, CTRL)
    assert session.journal.get(OutreachActivity, stored.id).audience == (
        "Alle medewerkers van de vestiging"
    )

    click(qtbot, page.delete_button)
    assert [kind for kind, _title, _text in answers] == ["ask"]
    assert "Omgangsvormen bij de uitleenbalie" in answers[0][2]
    assert not session.journal.find(OutreachActivity, "id = ?", (stored.id,))
    assert page.model.row_of(stored.id) < 0
    assert page.form_stack.currentWidget() is page.placeholder


def test_outreach_without_organisation_is_refused_in_dutch_and_stores_nothing(
    qtbot, session
) -> None:
    page = shown(qtbot, OutreachPage(session))
    before = session.journal.count(OutreachActivity)
    click(qtbot, page.new_button)
    choose(qtbot, page.kind_field, "Work")
    qtbot.keyClicks(page.title_field, "Training voor leidinggevenden")
    page.editor.autosave._pause()  # the clock strikes while it is still being filled in
    assert not page.message.isVisibleTo(page)  # not complete yet, and nothing is said yet
    save_now(qtbot, page)
    assert page.message.isVisibleTo(page)
    assert page.message.text() == "Organisatie is verplicht."
    assert page.organisation_field.hasFocus()
    assert session.journal.count(OutreachActivity) == before
    # Nothing typed is lost, also not when the VP tries to leave for another record.
    click_row(qtbot, page.table, 0)
    assert page.title_field.text() == "Training voor leidinggevenden"
    assert page.current.id is None
    assert session.journal.count(OutreachActivity) == before


def test_outreach_filters_show_one_organisation_and_year(qtbot, session) -> None:
    page = shown(qtbot, OutreachPage(session))
    school = organisation_named(session, "Hogeschool")
    choose(qtbot, page.organisation_filter, "Hogeschool")
    choose(qtbot, page.year_filter, "2025")
    expected = session.journal.find(
        OutreachActivity,
        "organisation_id = ? AND held_on LIKE '2025-%'",
        (school.id,),
    )
    assert {r.id for r in page.model.records()} == {r.id for r in expected}
    assert page.table.isColumnHidden(page.ORGANISATION_COLUMN)
    choose_first(qtbot, page.organisation_filter)
    assert page.organisation_filter.currentText() == "Alle organisaties"
    assert not page.table.isColumnHidden(page.ORGANISATION_COLUMN)


def test_leaving_an_edited_record_or_changing_a_filter_saves_it(qtbot, session) -> None:
    page = shown(qtbot, OutreachPage(session))
    click_row(qtbot, page.table, 0)
    first = page.current
    retype(qtbot, page.title_field, "Kennismaking met het nieuwe team")
    click_row(qtbot, page.table, 1)
    assert page.current.id != first.id
    assert session.journal.get(OutreachActivity, first.id).title == (
        "Kennismaking met het nieuwe team"
    )
    # Changing a filter is leaving too; the save must not undo the VP's new choice.
    second = page.current
    retype(qtbot, page.audience_field, "Teamleiders")
    choose(qtbot, page.year_filter, "2023")
    assert page.filters[1] == 2023
    assert all(r.held_on.year == 2023 for r in page.model.records())
    assert session.journal.get(OutreachActivity, second.id).audience == "Teamleiders"


def test_a_record_deleted_elsewhere_keeps_the_edit_and_can_be_stored_again(qtbot, session) -> None:
    page = shown(qtbot, OutreachPage(session))
    click_row(qtbot, page.table, 0)
    gone = page.current
    session.journal.delete(OutreachActivity, gone.id)
    retype(qtbot, page.title_field, "Kennismaking, tweede ronde")
    save_now(qtbot, page)
    assert "elders verwijderd" in page.message.text()
    assert page.title_field.text() == "Kennismaking, tweede ronde"
    page.save_pending()
    [again] = session.journal.find(OutreachActivity, "title = ?", ("Kennismaking, tweede ronde",))
    assert (again.organisation_id, again.held_on) == (gone.organisation_id, gone.held_on)


def test_a_refused_new_signal_can_be_discarded(qtbot, session, answers) -> None:
    page = shown(qtbot, SignalsPage(session))
    before = session.journal.count(Signal)
    click(qtbot, page.new_button)
    qtbot.keyClicks(page.subject_field, "Werkdruk")
    save_now(qtbot, page)
    assert page.message.text() == "Organisatie is verplicht."
    assert page.subject_field.text() == "Werkdruk"
    assert session.journal.count(Signal) == before
    click(qtbot, page.delete_button)
    assert [kind for kind, _title, _text in answers] == ["ask"]
    assert page.form_stack.currentWidget() is page.placeholder
    page.save_pending()
    assert session.journal.count(Signal) == before


# -- Signalen en advies ----------------------------------------------------------------------


def test_signal_add_edit_and_delete(qtbot, session, answers) -> None:
    page = shown(qtbot, SignalsPage(session))
    assert page.anonymity_hint.text().startswith("Schrijf geanonimiseerd")
    school = organisation_named(session, "Hogeschool")
    click(qtbot, page.new_button)
    choose(qtbot, page.organisation_field, "Hogeschool")
    page.date_field.setDate(QDate(2026, 9, 1))
    choose(qtbot, page.kind_field, "Adv")
    page.asked_field.setFocus()
    qtbot.keyClick(page.asked_field, Qt.Key.Key_Space)
    qtbot.keyClicks(page.subject_field, "Vertrouwenspersoon bij onboarding")
    qtbot.keyClicks(page.text_field, "Advies: noem de vertrouwenspersoon in de introductie.")
    save_now(qtbot, page)

    [stored] = session.journal.find(Signal, "subject = ?", ("Vertrouwenspersoon bij onboarding",))
    assert (stored.organisation_id, stored.given_on) == (school.id, date(2026, 9, 1))
    assert (stored.kind, stored.asked) == ("advice", True)
    assert stored.text == "Advies: noem de vertrouwenspersoon in de introductie."

    page.text_field.setFocus()
    qtbot.keyClicks(page.text_field, " Ook in de nieuwsbrief.")
    save_now(qtbot, page)
    assert session.journal.get(Signal, stored.id).text.endswith("Ook in de nieuwsbrief.")

    click(qtbot, page.delete_button)
    assert [kind for kind, _title, _text in answers] == ["ask"]
    assert not session.journal.find(Signal, "id = ?", (stored.id,))


# -- Tijd ------------------------------------------------------------------------------------


def test_time_entry_add_with_case_edit_and_delete(qtbot, session, answers) -> None:
    page = shown(qtbot, TimePage(session))
    school = organisation_named(session, "Hogeschool")
    case = session.journal.find(Case, "organisation_id = ?", (school.id,), order="id DESC")[0]
    click(qtbot, page.new_button)
    choose(qtbot, page.organisation_field, "Hogeschool")
    page.date_field.setDate(QDate(2026, 10, 5))
    retype(qtbot, page.minutes_field, "50")
    choose(qtbot, page.activity_field, "Verslag")
    choose(qtbot, page.case_field, case.number)
    qtbot.keyClicks(page.note_field, "Verslag voor de melder uitgewerkt")
    save_now(qtbot, page)

    [stored] = session.journal.find(TimeEntry, "note = ?", ("Verslag voor de melder uitgewerkt",))
    assert (stored.organisation_id, stored.case_id) == (school.id, case.id)
    assert (stored.spent_on, stored.minutes, stored.activity) == (
        date(2026, 10, 5),
        50,
        "reporting",
    )

    retype(qtbot, page.minutes_field, "65")
    choose_first(qtbot, page.case_field)
    save_now(qtbot, page)
    edited = session.journal.get(TimeEntry, stored.id)
    assert (edited.minutes, edited.case_id) == (65, None)

    click(qtbot, page.delete_button)
    assert len(answers) == 1
    assert not session.journal.find(TimeEntry, "id = ?", (stored.id,))


def test_time_entry_of_zero_minutes_is_refused_in_dutch(qtbot, session) -> None:
    page = shown(qtbot, TimePage(session))
    before = session.journal.count(TimeEntry)
    click(qtbot, page.new_button)
    choose(qtbot, page.organisation_field, "Bibliotheek")
    choose(qtbot, page.activity_field, "Admin")
    qtbot.keyClicks(page.note_field, "Mail bijgewerkt")
    save_now(qtbot, page)
    assert page.message.text() == "Minuten moet minstens 1 zijn."
    assert page.minutes_field.hasFocus()
    assert session.journal.count(TimeEntry) == before
    # Another year cannot be shown while the edit cannot be stored: the filter stays put.
    page.year_filter.setFocus()
    qtbot.keyClicks(page.year_filter, "2024")
    assert page.year_filter.currentText() == "Alle jaren"
    assert page.note_field.toPlainText() == "Mail bijgewerkt"
    retype(qtbot, page.minutes_field, "20")
    save_now(qtbot, page)
    assert not page.message.isVisibleTo(page)
    assert session.journal.count(TimeEntry) == before + 1


def expected_minutes(session: Session, organisation_id: int, year: int) -> tuple[int, int]:
    """Conversations and time of one organisation-year, counted the long way round."""
    journal = session.journal
    cases = {c.id for c in journal.find(Case, "organisation_id = ?", (organisation_id,))}
    conversations = sum(
        c.duration_min
        for c in journal.find(Conversation)
        if c.case_id in cases and c.held_on.year == year
    )
    archived = journal.db.scalar(
        "SELECT coalesce(sum(minutes), 0) FROM conversation_archive WHERE year = ? "
        "AND case_id IN (SELECT id FROM cases WHERE organisation_id = ?)",
        (year, organisation_id),
    )
    other = sum(
        t.minutes
        for t in journal.find(TimeEntry, "organisation_id = ?", (organisation_id,))
        if t.spent_on.year == year
    )
    return conversations + archived, other


def test_hours_overview_adds_conversations_and_time_entries(qtbot, session) -> None:
    school = organisation_named(session, "Hogeschool")
    assert school.id is not None
    conversations, other = expected_minutes(session, school.id, 2024)
    assert conversations > 0 and other > 0

    page = shown(qtbot, TimePage(session))
    page.tabs.setCurrentIndex(1)
    choose(qtbot, page.organisation_filter, "Hogeschool")
    choose(qtbot, page.year_filter, "2024")
    [row] = page.hours_model.records()
    assert (row.organisation_id, row.year) == (school.id, 2024)
    assert (row.conversation_minutes, row.other_minutes) == (conversations, other)
    total = page.hours_model.index(0, 4).data()
    assert total == f"{(conversations + other) / 60:.1f}".replace(".", ",")
    assert page.hours_model.index(0, 5).data() == "≈ 104"

    # A destroyed case keeps its minutes in the archive: the year adds up the same.
    case = next(
        c
        for c in session.journal.find(Case, "organisation_id = ?", (school.id,))
        if any(v.held_on.year == 2024 for v in session.journal.conversations_of(c.id))
    )
    destroy_case(session.journal, case.id, rule=RULE_VP_DECISION, today=date(2026, 11, 28))
    [after] = hours_per_organisation(session.journal, organisation_id=school.id, year=2024)
    assert after.total_minutes == conversations + other


# -- Organisaties ----------------------------------------------------------------------------


def test_organisation_add_and_edit(qtbot, session) -> None:
    page = shown(qtbot, OrganisationsPage(session))
    click(qtbot, page.new_button)
    assert not page.tabs.isTabEnabled(CONTACTS_TAB)
    qtbot.keyClicks(page.name_field, "Gemeente Zeewolde-Oost")
    retype(qtbot, page.employees_field, "480")
    qtbot.keyClicks(page.sector_field, "Overheid")
    retype(qtbot, page.retention_field, "5")
    qtbot.keyClicks(page.notes_field, "Spreekuur op het stadhuis, dinsdagmiddag.")
    save_now(qtbot, page)

    stored = session.journal.organisation_by_name("Gemeente Zeewolde-Oost")
    assert (stored.employee_count, stored.sector, stored.retention_years) == (480, "Overheid", 5)
    assert stored.notes == "Spreekuur op het stadhuis, dinsdagmiddag."
    assert page.tabs.isTabEnabled(CONTACTS_TAB)
    assert page.model.row_of(stored.id) >= 0

    retype(qtbot, page.name_field, "Gemeente Zeewolde")
    page.archived_field.setFocus()
    qtbot.keyClick(page.archived_field, Qt.Key.Key_Space)
    qtbot.keyClick(page.archived_field, Qt.Key.Key_S, CTRL)
    edited = session.journal.get(Organisation, stored.id)
    assert (edited.name, edited.archived) == ("Gemeente Zeewolde", True)


def test_organisation_name_missing_or_taken_is_refused(qtbot, session) -> None:
    page = shown(qtbot, OrganisationsPage(session))
    before = session.journal.count(Organisation)
    click(qtbot, page.new_button)
    qtbot.keyClicks(page.sector_field, "Zorg")
    save_now(qtbot, page)
    assert page.message.text() == "Naam is verplicht."
    assert page.name_field.hasFocus()
    qtbot.keyClicks(page.name_field, "bibliotheek schelpdijk")
    save_now(qtbot, page)
    assert page.message.text() == "Er is al een organisatie met deze naam."
    assert session.journal.count(Organisation) == before
    assert page.sector_field.text() == "Zorg"


def test_departments_add_rename_and_remove_one_that_cases_use(qtbot, session, answers) -> None:
    page = shown(qtbot, OrganisationsPage(session))
    school = organisation_named(session, "Hogeschool")
    click_row(qtbot, page.table, page.proxy.row_of(school.id))
    page.tabs.setCurrentIndex(DEPARTMENTS_TAB)
    panel = page.departments
    qtbot.keyClicks(panel.name_field, "Bibliotheek en Leercentrum")
    qtbot.keyClick(panel.name_field, Qt.Key.Key_Return)
    names = [d.name for d in session.journal.departments_of(school.id)]
    assert "Bibliotheek en Leercentrum" in names
    assert not answers

    qtbot.keyClicks(panel.name_field, "personeelszaken")
    qtbot.keyClick(panel.name_field, Qt.Key.Key_Return)
    assert panel.message.text() == "Deze organisatie heeft al een afdeling met die naam."
    qtbot.keyClick(panel.name_field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(panel.name_field, Qt.Key.Key_Delete)  # not a department after all

    used = next(d for d in session.journal.departments_of(school.id) if d.name == "Personeelszaken")
    cases = session.journal.find(Case, "department_id = ?", (used.id,))
    assert cases
    row = next(
        i
        for i in range(panel.list.count())
        if panel.list.item(i).data(Qt.ItemDataRole.UserRole) == used.id
    )
    panel.list.setCurrentRow(row)
    retype(qtbot, panel.name_field, "HR en Personeelszaken")
    assert not hasattr(panel, "rename_button")  # typing renames; it saves itself
    page.save_pending()
    assert session.journal.get(Department, used.id).name == "HR en Personeelszaken"

    click(qtbot, panel.remove_button)
    assert len(answers) == 1 and str(len(cases)) in answers[0][2]
    assert not session.journal.find(Department, "id = ?", (used.id,))
    for case in cases:
        kept = session.journal.get(Case, case.id)
        assert kept.department_id is None and kept.first_contact == case.first_contact


def test_referral_contacts_add_copy_edit_and_delete(qtbot, session, answers) -> None:
    page = shown(qtbot, OrganisationsPage(session))
    library = organisation_named(session, "Bibliotheek")
    click_row(qtbot, page.table, page.proxy.row_of(library.id))
    page.tabs.setCurrentIndex(CONTACTS_TAB)
    panel = page.contacts
    click(qtbot, panel.new_button)
    choose(qtbot, panel.party_field, "Mediator")
    qtbot.keyClicks(panel.name_field, "mr. J. de Wit")
    qtbot.keyClicks(panel.phone_field, "020-5550123")
    qtbot.keyClicks(panel.email_field, "dewit@mediation.example.nl")
    save_now(qtbot, page)
    [stored] = session.journal.find(ReferralContact, "name = ?", ("mr. J. de Wit",))
    assert (stored.organisation_id, stored.party) == (library.id, "mediator")
    assert (stored.phone, stored.email) == ("020-5550123", "dewit@mediation.example.nl")

    # Quick to copy during a conversation: Ctrl+C on the phone cell, marked as secret.
    row = panel.proxy.row_of(stored.id)
    panel.table.setCurrentIndex(panel.proxy.index(row, 2))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "020-5550123"
    assert "Telefoonnummer gekopieerd" in panel.copied_label.text()
    click(qtbot, panel.copy_email)
    assert QGuiApplication.clipboard().text() == "dewit@mediation.example.nl"

    qtbot.keyClicks(panel.notes_field, "Ook beschikbaar voor groepsgesprekken.")
    page.save_pending()
    assert session.journal.get(ReferralContact, stored.id).notes == (
        "Ook beschikbaar voor groepsgesprekken."
    )

    click(qtbot, panel.delete_button)
    assert len(answers) == 1
    assert not session.journal.find(ReferralContact, "id = ?", (stored.id,))


# -- for every page: save_pending and state ------------------------------------------------


def test_save_pending_writes_an_unsaved_edit_on_every_page(qtbot, session) -> None:
    outreach = shown(qtbot, OutreachPage(session))
    click_row(qtbot, outreach.table, 0)
    retype(qtbot, outreach.audience_field, "Ondernemingsraad")
    outreach.save_pending()
    assert session.journal.get(OutreachActivity, outreach.current.id).audience == (
        "Ondernemingsraad"
    )

    signals = shown(qtbot, SignalsPage(session))
    click_row(qtbot, signals.table, 0)
    retype(qtbot, signals.subject_field, "Omgangstoon in de teams")
    signals.save_pending()
    assert session.journal.get(Signal, signals.current.id).subject == "Omgangstoon in de teams"

    time = shown(qtbot, TimePage(session))
    click_row(qtbot, time.table, 0)
    retype(qtbot, time.minutes_field, "95")
    time.save_pending()
    assert session.journal.get(TimeEntry, time.current.id).minutes == 95

    organisations = shown(qtbot, OrganisationsPage(session))
    retype(qtbot, organisations.sector_field, "Advies en accountancy")
    organisations.save_pending()
    assert session.journal.get(Organisation, organisations.current.id).sector == (
        "Advies en accountancy"
    )

    # A new record that was typed but never saved is written as well.
    click(qtbot, signals.new_button)
    choose(qtbot, signals.organisation_field, "Biblio")
    qtbot.keyClicks(signals.subject_field, "Sociale veiligheid op zaterdag")
    signals.save_pending()
    assert session.journal.find(Signal, "subject = ?", ("Sociale veiligheid op zaterdag",))


@pytest.mark.parametrize("page_type", [OutreachPage, SignalsPage, TimePage])
def test_state_round_trip_on_a_new_page(qtbot, session, page_type) -> None:
    page = shown(qtbot, page_type(session))
    choose(qtbot, page.organisation_filter, "Accountants")
    choose(qtbot, page.year_filter, "2026")
    assert page.model.rowCount() > 0
    click_row(qtbot, page.table, page.model.rowCount() - 1)
    if isinstance(page, TimePage):
        page.tabs.setCurrentIndex(1)
    state = page.state()
    assert state["organisation"] is not None and state["year"] == 2026
    assert state["selected"] == page.current.id

    again = page_type(session)
    qtbot.addWidget(again)
    again.restore_state(state)
    assert again.state() == state
    assert again.organisation_filter.currentText().startswith("Accountants")
    assert again.current.id == state["selected"]
    assert again.table.currentIndex().row() == again.proxy.row_of(state["selected"])
    if isinstance(again, TimePage):
        assert again.tabs.currentIndex() == 1


def test_organisations_state_round_trip_on_a_new_page(qtbot, session) -> None:
    page = shown(qtbot, OrganisationsPage(session))
    school = organisation_named(session, "Hogeschool")
    click_row(qtbot, page.table, page.proxy.row_of(school.id))
    page.tabs.setCurrentIndex(CONTACTS_TAB)
    click_row(qtbot, page.contacts.table, 2)
    state = page.state()
    assert state["selected"] == school.id and state["contact"] is not None

    again = OrganisationsPage(session)
    qtbot.addWidget(again)
    again.restore_state(state)
    assert again.state() == state
    assert again.name_field.text() == school.name
    assert again.tabs.currentIndex() == CONTACTS_TAB


# -- keyboard and screen size ---------------------------------------------------------------


def test_keyboard_only_from_list_to_form_and_back(qtbot, session, answers) -> None:
    page = shown(qtbot, SignalsPage(session))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.current is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert page.organisation_field.hasFocus()
    page.text_field.setFocus()
    qtbot.keyClick(page.text_field, Qt.Key.Key_Tab)
    assert page.delete_button.hasFocus()
    # Delete in the list asks first, then removes the record.
    chosen = page.current.id
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [kind for kind, _title, _text in answers] == ["ask"]
    assert not session.journal.find(Signal, "id = ?", (chosen,))


@pytest.mark.parametrize("page_type", [OrganisationsPage, OutreachPage, SignalsPage, TimePage])
def test_pages_fit_a_small_laptop_screen(qtbot, session, page_type, tmp_path) -> None:
    organisation = Organisation(
        name="Stichting Regionale Samenwerking Jeugdzorg en Maatschappelijke Ondersteuning",
        sector="Zorg en welzijn, jeugdhulp en maatschappelijke ondersteuning",
    )
    session.journal.add(organisation)
    page = shown(qtbot, page_type(session))
    # What the page gets of a 1366×768 screen beside the navigation and under the menu.
    page.resize(1140, 690)
    if hasattr(page, "organisation_filter"):
        click_row(qtbot, page.table, 0)
    QApplication.processEvents()  # let the layouts settle at the new size
    assert not page.table.horizontalScrollBar().isVisible()
    assert page.grab().save(str(tmp_path / f"{page_type.__name__}.png"))


def test_an_empty_vault_says_what_to_do_first(qtbot, vault) -> None:
    session = Session(vault)
    organisations = shown(qtbot, OrganisationsPage(session))
    assert organisations.list_stack.currentWidget() is organisations.empty_label
    assert organisations.details_stack.currentWidget() is organisations.placeholder
    for page_type in (OutreachPage, SignalsPage, TimePage):
        page = shown(qtbot, page_type(session))
        assert not page.new_button.isEnabled()
        assert page.list_stack.currentWidget() is page.empty_label
        assert "Organisaties" in page.empty_label.text()
        with qtbot.waitSignal(session.page_requested) as requested:
            page.empty_label.linkActivated.emit("organisations")
        assert requested.args == ["organisations"]

    click(qtbot, organisations.new_button)
    qtbot.keyClicks(organisations.name_field, "Woningcorporatie Het Anker")
    organisations.save_pending()
    page.refresh()
    assert page.new_button.isEnabled()
    assert page.organisation_filter.findText("Woningcorporatie Het Anker") >= 0
