"""The small traps a new VP fell into, each held shut by a test that walks the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.gui.unlock.recovery import RecoveryDialog
from vpnotebook.vault.kdf import TEST_PARAMS


def test_the_recovery_dialog_starts_at_the_code(qtbot) -> None:
    dialog = RecoveryDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.code
    # Tab goes on to the new passphrase, then its repetition.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.fields.first
    qtbot.keyClick(dialog.fields.first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.fields.second


def test_every_new_passphrase_can_be_shown_and_hides_again(qtbot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "kluis", AppSettings(tmp_path / "s.ini"), kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()
    wizard = window.wizard
    assert wizard is not None
    wizard.next()
    qtbot.keyClicks(wizard.profile_page.name, "M. de Boer")
    qtbot.keyClicks(wizard.profile_page.organisation_name, "Stichting Voorbeeld")
    wizard.next()
    fields = wizard.passphrase_page.fields
    assert fields.reveal.isVisibleTo(wizard) and not fields.reveal.isChecked()
    for field in (fields.first, fields.second):
        assert field.echoMode() == QLineEdit.EchoMode.Password
    box = fields.reveal
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    for field in (fields.first, fields.second):
        assert field.echoMode() == QLineEdit.EchoMode.Normal
    fields.clear()  # as when the vault is made: hidden again for the next time
    assert fields.first.echoMode() == QLineEdit.EchoMode.Password
    # The same fields serve the recovery route and a new passphrase in Instellingen.
    dialog = RecoveryDialog()
    qtbot.addWidget(dialog)
    assert dialog.fields.reveal.isVisibleTo(dialog)


def test_quitting_and_closing_a_case_are_different_words(qtbot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "kluis", AppSettings(tmp_path / "s.ini"), kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    texts = [
        action.text().replace("&", "")
        for menu_action in window.menuBar().actions()
        if menu_action.menu() is not None
        for action in menu_action.menu().actions()
    ]
    assert "vpnotebook sluiten" in texts
    assert not any("afsluiten" in text.lower() for text in texts)


# -- words: one for each thing, none of them jargon ---------------------------------------


def _dutch_ui_strings() -> list[str]:
    import xml.etree.ElementTree as ElementTree

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "vpnotebook_en.ts"
    return [m.findtext("source") or "" for m in ElementTree.parse(ts).getroot().iter("message")]


@pytest.mark.parametrize("word", ["beklaagde", "drempel"])
def test_one_word_for_the_accused_and_no_jargon_on_any_screen(word: str, session) -> None:
    """Every Dutch string of the program, and the annual report of the demo vault."""
    from vpnotebook.core.annual import report_years
    from vpnotebook.report.annual_report import build_annual_report

    screens = [text for text in _dutch_ui_strings() if word in text.lower()]
    assert not screens, screens
    journal = session.journal
    organisation = journal.organisations()[0]
    year = report_years(journal, organisation.id)[-1]
    report = build_annual_report(journal, organisation.id, year, k=3)
    printed = [
        getattr(block, "text", "")
        for section in report.document.sections
        for block in section.blocks
    ] + [line for table in report.document.tables() for line in (table.title, table.note)]
    assert not [text for text in printed if word in text.lower()]
    guide = (Path(__file__).resolve().parents[2] / "docs" / "handleiding" / "README.md").read_text(
        encoding="utf-8"
    )
    # Only as a heading an old spreadsheet may still carry, which the import understands.
    mentions = [line for line in guide.splitlines() if word in line.lower()]
    assert all("of *Relatie tot beklaagde*" in line for line in mentions), mentions


def test_an_open_case_has_no_destroy_button_and_its_status_is_words(qtbot, session) -> None:
    from vpnotebook.core.models import Case
    from vpnotebook.gui.cases.page import CasesPage

    page = CasesPage(session)
    qtbot.addWidget(page)
    page.show()
    journal = session.journal
    running = journal.find(Case, "status = 'open' AND destroyed_on IS NULL")[0]
    page.open_case(running.id)
    view = page.view
    assert view.details.full_text().startswith("Lopend")
    assert not view.status.isVisibleTo(view)  # no rounded box that looks like a button
    assert not view.retention.destroy_button.isVisibleTo(view)
    assert view.erase_action.isVisible()
    assert view.erase_action.text() == "Vernietigen op verzoek van de melder…"
    closed = journal.find(Case, "status = 'closed' AND destroyed_on IS NULL")[0]
    page.open_case(closed.id)
    assert view.retention.destroy_button.isVisibleTo(view)
    assert not view.erase_action.isVisible()


def test_a_duration_not_filled_in_says_so(qtbot, session) -> None:
    from vpnotebook.core.models import Case
    from vpnotebook.gui.cases.page import CasesPage

    page = CasesPage(session)
    qtbot.addWidget(page)
    page.show()
    case = session.journal.find(Case, "status = 'open' AND destroyed_on IS NULL")[0]
    page.open_case(case.id)
    panel = page.view.conversations
    panel.new_conversation()
    editor = panel.editor
    assert editor.duration.value() == 0 and editor.duration.text() == "nog invullen"
    assert editor.duration_hint.isVisibleTo(editor)
    qtbot.keyClicks(editor.texts["story"], "Een gesprek zonder duur")
    assert panel.save_pending()
    item = panel.list.item(panel.list.count() - 1)
    assert "duur nog invullen" in item.text()
    # Clicked into, the words are selected, so typing replaces them.
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    qtbot.mouseClick(editor.duration, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.duration.lineEdit().selectedText() == "nog invullen")
    qtbot.keyClicks(editor.duration, "45")
    assert editor.duration.value() == 45 and not editor.duration_hint.isVisibleTo(editor)
