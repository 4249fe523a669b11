"""One way to save, on every page: typing is stored without pressing anything, it survives a
lock, the status bar says when it was stored and can undo the last change, a full disk is
said in place with the typing kept, and what cannot be stored yet survives a lock as a draft.

Each test runs for every form of every page, driven through the real main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

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
from vpnotebook.gui.common.editor import RecordEditor
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.organisations.page import CONTACTS_TAB, DEPARTMENTS_TAB
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.errors import StorageError
from vpnotebook.vault.kdf import TEST_PARAMS

from .conftest import GUI_PASSPHRASE

CTRL = Qt.KeyboardModifier.ControlModifier
MARK = " Merkteken"


@pytest.fixture
def window(qtbot, demo_vault: tuple[Path, str], settings: AppSettings) -> MainWindow:
    folder, _ = demo_vault
    main = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    unlock(qtbot, main)
    return main


def unlock(qtbot, window: MainWindow) -> None:
    screen = window.unlock_screen
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, GUI_PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    # The unlock screen that had the focus is gone: the workspace's window takes the keys.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@dataclass
class Form:
    """One form on a page: where the VP types, its editor, and where the journal keeps it."""

    widget: QWidget
    editor: RecordEditor
    stored: Callable[[Journal], str]


def _first_row(table: Any) -> None:
    table.setCurrentIndex(table.model().index(0, 0))


def _outreach(window: MainWindow) -> Form:
    page: Any = window.workspace.show_page("outreach")
    _first_row(page.table)
    record_id = page.current.id
    return Form(page.title_field, page.editor, lambda j: j.get(OutreachActivity, record_id).title)


def _signals(window: MainWindow) -> Form:
    page: Any = window.workspace.show_page("signals")
    _first_row(page.table)
    record_id = page.current.id
    return Form(page.subject_field, page.editor, lambda j: j.get(Signal, record_id).subject)


def _time(window: MainWindow) -> Form:
    page: Any = window.workspace.show_page("time")
    _first_row(page.table)
    record_id = page.current.id
    return Form(page.note_field, page.editor, lambda j: j.get(TimeEntry, record_id).note)


def _organisation(window: MainWindow) -> Form:
    page: Any = window.workspace.show_page("organisations")
    _first_row(page.table)
    record_id = page.current.id
    return Form(page.notes_field, page.editor, lambda j: j.get(Organisation, record_id).notes)


def _contact(window: MainWindow) -> Form:
    page: Any = window.workspace.show_page("organisations")
    _first_row(page.table)
    page.tabs.setCurrentIndex(CONTACTS_TAB)
    panel = page.contacts
    _first_row(panel.table)
    record_id = panel.selected_id()
    return Form(panel.notes_field, panel.editor, lambda j: j.get(ReferralContact, record_id).notes)


def _department(window: MainWindow) -> Form:
    page: Any = window.workspace.show_page("organisations")
    with_departments = next(
        o.id
        for o in window.session.journal.organisations()
        if window.session.journal.departments_of(o.id)
    )
    page.table.setCurrentIndex(page.proxy.index(page.proxy.row_of(with_departments), 0))
    page.tabs.setCurrentIndex(DEPARTMENTS_TAB)
    panel = page.departments
    panel.list.setCurrentRow(0)
    record_id = panel.selected_id()
    return Form(panel.name_field, panel.editor, lambda j: j.get(Department, record_id).name)


def _case_with(window: MainWindow, kind: type | None = None) -> Any:
    """The Meldingen page with an open case shown that has a record of `kind`."""
    journal = window.session.journal
    for case in journal.find(Case):
        if case.status == "closed" or case.is_destroyed:
            continue
        assert case.id is not None
        if kind is None or journal.records_of_case(kind, case.id):
            page = window.workspace.cases_page()
            page.open_case(case.id)
            QCoreApplication.processEvents()
            return page
    raise AssertionError(f"the demo has no open case with a {kind}")


def _intake(window: MainWindow) -> Form:
    page = _case_with(window)
    case_id = page.view.case.id
    return Form(
        page.view.intake.title, page.view.intake_editor, lambda j: j.get(Case, case_id).title
    )


def _reporter(window: MainWindow) -> Form:
    page = _case_with(window)
    case_id = page.view.case.id
    intake = page.view.intake
    return Form(
        intake.reporter_notes, page.view.intake_editor, lambda j: j.get(Reporter, case_id).notes
    )


def _conversation(window: MainWindow) -> Form:
    page = _case_with(window, Conversation)
    page.view.tabs.setCurrentIndex(1)
    panel = page.view.conversations
    record_id = panel.record_editor.current.id
    return Form(
        panel.editor.notes, panel.record_editor, lambda j: j.get(Conversation, record_id).notes
    )


def _panel(attribute: str, kind: type, tab: int) -> Callable[[MainWindow], Form]:
    def form(window: MainWindow) -> Form:
        journal = window.session.journal
        case = next(c for c in journal.find(Case) if c.status == "open")
        if kind is TimeEntry and not journal.records_of_case(TimeEntry, case.id):  # type: ignore[arg-type]
            # The demo writes most time per organisation; one line at the open case.
            journal.add(
                TimeEntry(
                    organisation_id=case.organisation_id,
                    case_id=case.id,
                    spent_on=case.first_contact,
                    minutes=20,
                    activity="case_work",
                    note="Dossier bijgewerkt",
                )
            )
        page = _case_with(window, kind)
        page.view.tabs.setCurrentIndex(tab)
        panel = getattr(page.view, attribute)
        panel.table.selectRow(0)
        record_id = panel.editor.current.id
        return Form(
            panel.binding.widget("note"), panel.editor, lambda j: j.get(kind, record_id).note
        )

    return form


FORMS: dict[str, Callable[[MainWindow], Form]] = {
    "voorlichting": _outreach,
    "signalen": _signals,
    "tijd": _time,
    "organisatie": _organisation,
    "doorverwijscontact": _contact,
    "afdeling": _department,
    "intake": _intake,
    "melder": _reporter,
    "gesprek": _conversation,
    "route": _panel("routes", Route, 2),
    "verwijzing": _panel("referrals", Referral, 2),
    "nazorg": _panel("follow_ups", FollowUp, 3),
    "tijd-bij-melding": _panel("time_entries", TimeEntry, 4),
}


def type_at_end(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.end(False)
    elif isinstance(widget, QPlainTextEdit):
        widget.moveCursor(widget.textCursor().MoveOperation.End)
    qtbot.keyClicks(widget, text)


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    assert isinstance(widget, QPlainTextEdit)
    return widget.toPlainText()


@pytest.mark.parametrize("name", FORMS)
def test_typing_survives_a_lock_without_pressing_anything(
    qtbot, window: MainWindow, name: str
) -> None:
    form = FORMS[name](window)
    before = form.stored(window.session.journal)
    type_at_end(qtbot, form.widget, MARK)
    assert form.editor.autosave.dirty  # typed, and not stored by anything the VP did
    qtbot.keyClick(form.widget, Qt.Key.Key_L, CTRL)
    assert window.is_locked and window.workspace is None

    unlock(qtbot, window)
    assert form.stored(window.session.journal) in (before + MARK, before.strip() + MARK)
    again = FORMS[name](window)  # the same record, on the page as it is after the unlock
    assert text_of(again.widget).endswith(MARK)


@pytest.mark.parametrize("name", FORMS)
def test_the_status_bar_says_when_it_was_stored_and_undoes_the_last_change(
    qtbot, window: MainWindow, name: str
) -> None:
    form = FORMS[name](window)
    before = form.stored(window.session.journal)
    type_at_end(qtbot, form.widget, MARK)
    qtbot.waitUntil(lambda: not form.editor.autosave.dirty, timeout=10_000)  # the clock
    assert form.stored(window.session.journal).endswith(MARK)
    assert window.save_label.text().startswith("Opgeslagen om ")
    assert window.undo_button.isVisible() and window.undo_button.toolTip()

    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert form.stored(window.session.journal) == before
    assert not text_of(form.widget).endswith(MARK)
    assert window.save_label.text() == "Laatste wijziging ongedaan gemaakt"
    assert not window.undo_button.isVisible()


@pytest.mark.parametrize("name", FORMS)
def test_a_disk_that_refuses_is_said_in_place_and_the_typing_is_stored_once_it_can(
    qtbot, window: MainWindow, name: str, answers
) -> None:
    form = FORMS[name](window)
    db = window.session.vault.db
    type_at_end(qtbot, form.widget, MARK)
    # SQLite refuses every write from here on, as with a full disk or a drive pulled out
    # (a full disk itself: tests/gui/test_cases.py and tests/integration/test_disk_full.py).
    db.execute("PRAGMA query_only = ON")
    assert form.editor.save() is False
    assert form.editor.save() is False  # tried again: still refused, still kept
    assert text_of(form.widget).endswith(MARK)  # nothing typed is lost
    said = [
        label
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.text().startswith(StorageError.message_nl)
    ]
    assert said, "the form says why, beside what was typed"
    assert window.save_label.text() == "Niet opgeslagen"
    assert answers == []  # no dialog stands between the VP and the text

    db.execute("PRAGMA query_only = OFF")  # the disk has room again
    assert form.editor.save() is True
    assert form.stored(window.session.journal).endswith(MARK)
    assert not any(label.isVisible() for label in said)
    assert window.save_label.text().startswith("Opgeslagen om ")


# -- what cannot be stored yet survives a lock as a draft ----------------------------------------


@dataclass
class Incomplete:
    """A new record typed on a page but missing something required, and where its text is."""

    widget: Callable[[MainWindow], QWidget]  # found again after the unlock
    missing: str  # what the form says once it is back
    complete: Callable[[MainWindow], Any]  # fills in what was missing; returns its editor


def _new_on(key: str, field: str) -> Callable[[MainWindow], QWidget]:
    def start(window: MainWindow) -> QWidget:
        page: Any = window.workspace.show_page(key)
        return getattr(page, field)

    return start


def _new_outreach(window: MainWindow) -> None:
    page: Any = window.workspace.show_page("outreach")
    page.new_record()
    page.organisation_field.select(window.session.journal.organisations()[0].id)  # no kind yet


def _new_time(window: MainWindow) -> None:
    page: Any = window.workspace.show_page("time")
    page.new_record()
    page.organisation_field.select(window.session.journal.organisations()[0].id)


def _new_organisation(window: MainWindow) -> None:
    page: Any = window.workspace.show_page("organisations")
    page.new_organisation()  # no name yet


def _new_route(window: MainWindow) -> None:
    page = _case_with(window)
    page.view.tabs.setCurrentIndex(2)
    page.view.routes.start_new()  # no route chosen yet


def _route_note(window: MainWindow) -> QWidget:
    page: Any = window.workspace.show_page("cases")
    page.view.tabs.setCurrentIndex(2)
    return page.view.routes.binding.widget("note")


def _choose(key: str, field: str, value: object) -> Callable[[MainWindow], Any]:
    def complete(window: MainWindow) -> Any:
        page: Any = window.workspace.show_page(key)
        widget = getattr(page, field)
        if isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif hasattr(widget, "set_code"):
            widget.set_code(value)
        else:
            widget.setValue(value)
        return page.editor

    return complete


def _complete_time(window: MainWindow) -> Any:
    _choose("time", "activity_field", "meeting")(window)
    return _choose("time", "minutes_field", 35)(window)


def _choose_route(window: MainWindow) -> Any:
    panel = window.workspace.cases_page().view.routes
    panel.binding.widget("route").set_code("vp_informal")
    return panel.editor


INCOMPLETE: dict[str, tuple[Callable[[MainWindow], None], Incomplete]] = {
    "voorlichting": (
        _new_outreach,
        Incomplete(
            _new_on("outreach", "notes_field"),
            "Soort is verplicht.",
            _choose("outreach", "kind_field", "workshop"),
        ),
    ),
    "tijd": (
        _new_time,
        Incomplete(
            _new_on("time", "note_field"),
            "Minuten moet minstens 1 zijn.",
            _complete_time,
        ),
    ),
    "organisatie": (
        _new_organisation,
        Incomplete(
            _new_on("organisations", "notes_field"),
            "Naam is verplicht.",
            _choose("organisations", "name_field", "Stichting Halverwege"),
        ),
    ),
    "route": (_new_route, Incomplete(_route_note, "Route is verplicht.", _choose_route)),
}


@pytest.mark.parametrize("name", INCOMPLETE)
def test_an_incomplete_new_record_survives_a_lock_as_a_draft_in_the_vault(
    qtbot, window: MainWindow, name: str
) -> None:
    start, incomplete = INCOMPLETE[name]
    start(window)
    widget = incomplete.widget(window)
    type_at_end(qtbot, widget, "Halverwege vergrendeld")
    journal = window.session.journal
    counts = journal.record_counts()
    window.lock_action.trigger()  # the session lock, as the idle timer does it
    assert window.is_locked

    unlock(qtbot, window)
    journal = window.session.journal
    assert journal.record_counts() == counts  # nothing incomplete was stored ...
    again = incomplete.widget(window)
    assert text_of(again).endswith("Halverwege vergrendeld")  # ... and nothing was lost
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert incomplete.missing in shown, shown
    assert any(key.startswith("draft:") for key in _settings(journal))

    # Once it is complete it is stored as any record is, and the draft goes.
    editor = incomplete.complete(window)
    assert editor.save() is True
    assert sum(journal.record_counts().values()) == sum(counts.values()) + 1
    assert not any(key.startswith("draft:") for key in _settings(journal))


def _settings(journal: Journal) -> list[str]:
    return [str(row[0]) for row in journal.db.query("SELECT key FROM settings")]


def test_an_edit_that_cannot_be_stored_yet_survives_a_lock_too(qtbot, window: MainWindow) -> None:
    # The intake of a stored case, its contact type taken away while the title is retyped.
    page = _case_with(window)
    case_id = page.view.case.id
    intake = page.view.intake
    before = window.session.journal.get(Case, case_id)
    type_at_end(qtbot, intake.title, " (bijgewerkt)")
    intake.contact_type.set_code(None)
    window.lock_action.trigger()

    unlock(qtbot, window)
    assert window.session.journal.get(Case, case_id) == before  # nothing half was stored
    intake = window.workspace.cases_page().view.intake
    assert intake.title.text().endswith(" (bijgewerkt)")  # nothing typed was lost
    assert intake._boxes["Case.contact_type"].error.text() == "Soort contact is verplicht."

    intake.contact_type.set_code("report")
    assert window.workspace.cases_page().view.intake_editor.save() is True
    stored = window.session.journal.get(Case, case_id)
    assert stored.title.endswith(" (bijgewerkt)") and stored.contact_type == "report"
    assert not any(key.startswith("draft:") for key in _settings(window.session.journal))
