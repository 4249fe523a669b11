"""Retention and the reporter's rights on screen: keep longer, destroy with the typed number,
the Today list of cases due for destruction, and the access export, on a real demo vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vpnotebook.core.destruction import destruction_log
from vpnotebook.core.models import Case, Referral, Reporter
from vpnotebook.core.retention import OVERDUE, case_retention, due_for_destruction, extensions_of
from vpnotebook.gui.cases.access import AccessExportDialog
from vpnotebook.gui.cases.page import CasesPage
from vpnotebook.gui.cases.retention import DestroyCaseDialog, KeepLongerDialog
from vpnotebook.gui.common import dialogs
from vpnotebook.gui.session import Session
from vpnotebook.gui.today.page import TodayPage

from .conftest import DEMO_TODAY

PNG_FOLDER = Path("/tmp/vpnotebook-retention")


@pytest.fixture
def page(session: Session, qtbot, answers) -> CasesPage:
    shown = CasesPage(session)
    qtbot.addWidget(shown)
    shown.view.retention.today = DEMO_TODAY
    shown.resize(1136, 698)  # 1366×768 minus the navigation column and the window's bars
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def render(widget: QWidget, name: str) -> None:
    QCoreApplication.processEvents()
    PNG_FOLDER.mkdir(exist_ok=True)
    assert widget.grab().save(str(PNG_FOLDER / f"{name}.png"))


def open_overdue(page: CasesPage) -> Case:
    due = [s for s in due_for_destruction(page.session.journal, DEMO_TODAY) if s.state == OVERDUE]
    assert due, "the demo vault has cases past their retention date"
    case = page.session.journal.get(Case, due[0].case_id)
    assert case.id is not None
    page.open_case(case.id)
    QCoreApplication.processEvents()
    return case


def test_a_closed_case_shows_its_date_and_is_kept_longer_through_the_dialog(
    page: CasesPage, qtbot
) -> None:
    journal = page.session.journal
    case = open_overdue(page)
    assert case.id is not None and case.closed_on is not None
    bar = page.view.retention
    status = case_retention(journal, case.id, DEMO_TODAY)
    assert status is not None and bar.isVisible()
    assert f"Te vernietigen vanaf: <b>{status.due_on:%d-%m-%Y}</b>" in bar.text.text()
    assert "verstreken" in bar.text.text() and bar.keep_button.isVisible()

    qtbot.mouseClick(bar.keep_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(KeepLongerDialog)
    assert dialog is not None and dialog.isVisible()
    render(dialog, "keep-longer")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no reason yet
    assert dialog.isVisible() and dialog.reason_box.error.isVisible()
    assert extensions_of(journal, case.id) == []

    dialog.keep_until.set_day(date(2028, 3, 1))
    qtbot.keyClicks(dialog.reason, "Klachtprocedure loopt nog; uitspraak in het voorjaar.")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [extension] = extensions_of(journal, case.id)
    assert extension.keep_until == date(2028, 3, 1) and extension.decided_on == DEMO_TODAY
    assert extension.reason == "Klachtprocedure loopt nog; uitspraak in het voorjaar."
    assert "Bewaard tot: <b>01-03-2028</b>" in bar.text.text()
    assert "Klachtprocedure loopt nog" in bar.text.text()
    assert case.id not in [s.case_id for s in due_for_destruction(journal, DEMO_TODAY)]
    render(page, "case-kept-longer")


def test_destroying_needs_the_typed_number_and_says_what_stays(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    case = open_overdue(page)
    assert case.id is not None
    bar = page.view.retention
    qtbot.mouseClick(bar.destroy_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(DestroyCaseDialog)
    assert dialog is not None and dialog.isVisible()
    words = " ".join(label.text() for label in dialog.findChildren(type(bar.text)))
    for expected in ("Wat verdwijnt", "Wat blijft", "jaarverslag", "Reservekopieën", "laatste 5"):
        assert expected in words, expected
    assert dialog.rule.currentData() == "retention"  # the case is past its date
    render(dialog, "destroy-confirmation")

    other = next(c.number for c in journal.find(Case) if c.number != case.number)
    qtbot.keyClicks(dialog.confirm, other)
    assert not dialog.destroy_button.isEnabled()
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)  # a wrong number does nothing
    assert dialog.isVisible()
    assert not journal.get(Case, case.id).is_destroyed
    assert destruction_log(journal) == []

    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, case.number)
    assert dialog.destroy_button.isEnabled()
    with qtbot.waitSignal(page.session.changed):
        qtbot.mouseClick(dialog.destroy_button, Qt.MouseButton.LeftButton)
    destroyed = journal.get(Case, case.id)
    assert destroyed.is_destroyed and destroyed.title == ""
    assert journal.conversations_of(case.id) == []
    [entry] = destruction_log(journal)
    assert (entry.case_number, entry.rule, entry.scope) == (case.number, "retention", "case")
    assert page.view.destroyed_note.isVisible() and not bar.isVisible()
    assert not page.view.tabs.isEnabled()
    assert dialogs.shown[-1][1] == "Melding vernietigd"


def test_an_open_case_is_destroyed_on_the_reporters_request(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    case = next(c for c in journal.find(Case) if c.status == "open")
    assert case.id is not None
    page.open_case(case.id)
    bar = page.view.retention
    assert not bar.keep_button.isVisible()  # nothing to keep longer while it runs
    assert "Na het afsluiten wordt deze melding nog" in bar.text.text()
    dialog = bar.ask_to_destroy()
    assert dialog is not None
    assert [dialog.rule.itemData(i) for i in range(dialog.rule.count())] == [
        "erasure_request",
        "vp_decision",
    ]
    qtbot.keyClicks(dialog.confirm, f"  {case.number} ")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: journal.get(Case, case.id).is_destroyed)
    assert destruction_log(journal)[0].rule == "erasure_request"


def test_new_activity_on_a_closed_case_reopens_it_on_screen(page: CasesPage, qtbot) -> None:
    journal = page.session.journal
    case = open_overdue(page)
    page.view.tabs.setCurrentIndex(1)
    panel = page.view.conversations
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.editor.notes, "Melder belde opnieuw; het speelt weer.")
    with qtbot.waitSignal(page.session.changed):
        page.save_pending()
    reopened = journal.get(Case, case.id)
    assert reopened.status == "reopened" and reopened.closed_on is None
    assert page.view.status.text() == "Heropend"
    assert page.view.close_button.isVisible() and not page.view.reopen_button.isVisible()
    assert "heropend" in page.view.retention.text.text()


# -- Vandaag -----------------------------------------------------------------------------------


def test_today_lists_cases_due_for_destruction_with_a_button_to_open_them(
    qtbot, session: Session
) -> None:
    page = TodayPage(session)
    qtbot.addWidget(page)
    page.today = DEMO_TODAY
    page.refresh()
    due = due_for_destruction(session.journal, DEMO_TODAY)
    assert due and page.case_ids(page.destruction) == [s.case_id for s in due]
    assert page.destruction.title.text() == f"Te vernietigen ({len(due)})"
    tree = page.destruction.tree
    first = tree.topLevelItem(0)
    assert first.text(0) == due[0].number
    # Overdue in words, and checkable to destroy together; not bold or red (a calm list).
    assert "dagen over tijd" in first.text(3) and not first.font(3).bold()
    assert first.flags() & Qt.ItemFlag.ItemIsUserCheckable
    button = tree.itemWidget(first, 4)
    with qtbot.waitSignal(session.open_case_requested) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.args == [due[0].case_id]

    # A day long before anything is due: a calm empty state.
    page.today = date(2024, 1, 2)
    page.refresh()
    assert page.case_ids(page.destruction) == []
    assert not page.destruction.empty.isHidden()


# -- the reporter's right of access ------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())


def test_access_export_writes_one_pdf_with_the_chosen_parts(
    page: CasesPage, qtbot, tmp_path: Path
) -> None:
    journal = page.session.journal
    case = journal.case_by_number("2023-004")
    assert case.id is not None
    talks = journal.conversations_of(case.id)
    journal.update(replace(talks[0], story="Meenemmarker: het verhaal van de melder."))
    journal.update(replace(talks[1], story="Weglaatmarker: over een collega."))
    referral = journal.find(Referral, "case_id = ?", (case.id,))[0]
    journal.update(replace(referral, note="Verwijsweglaatmarker"))
    reporter = journal.get(Reporter, case.id)
    page.open_case(case.id)
    QCoreApplication.processEvents()  # the case pane appears; let its layout settle

    page.view.access_action.trigger()  # Meer → Inzage-export voor de melder…
    dialog = page.findChild(AccessExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert all(check.isChecked() for check in dialog.conversation_checks.values())
    render(dialog, "access-export")
    assert talks[1].id is not None
    for check in (dialog.conversation_checks[talks[1].id], dialog.section_checks["referrals"]):
        # On the box itself: a check box only reacts to clicks on its box and its text.
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert not dialog.conversation_checks[talks[1].id].isChecked()
    assert dialog.options().left_out_conversations == {talks[1].id}
    assert dialog.options().left_out_sections == {"referrals"}
    folder = tmp_path / "uitvoer"
    folder.mkdir()
    chosen: list[str] = []

    def ask_save_path(suggested: str) -> Path:
        chosen.append(suggested)
        return folder / suggested

    dialog.ask_save_path = ask_save_path

    # Declining the plaintext warning writes nothing and keeps the dialog open.
    dialogs.set_test_hook(lambda kind, title, text: kind != "ask")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert list(folder.iterdir()) == [] and chosen == [] and dialog.isVisible()
    assert dialogs.shown[-1][1] == "Dit bestand is niet versleuteld"

    dialogs.set_test_hook(lambda kind, title, text: True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert chosen == ["inzage-melding-2023-004.pdf"]
    [written] = list(folder.iterdir())
    assert written.stat().st_mode & 0o077 == 0
    text = _pdf_text(written)
    assert reporter.name in text and "Meenemmarker" in text and case.number in text
    assert "Weglaatmarker" not in text and "Verwijsweglaatmarker" not in text
    assert "Niet opgenomen" in text
    meta = PdfReader(written).metadata
    assert meta is not None and reporter.name not in str(dict(meta))
