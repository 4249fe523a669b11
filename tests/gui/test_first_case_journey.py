"""From a fresh start to a first case with a conversation, counted: at most 12 interactions in
the wizard and at most 10 after it.

How the test counts (the driver below does the interactions and counts them):

* a mouse click on a widget is one interaction;
* a key chord (Tab, Enter, Ctrl+N) is one interaction;
* typing into a field is one interaction, whatever its length (a person types after the
  program has answered the click before: the driver lets it, without waiting any longer). A field that does not have the
  keyboard focus is clicked first, and that click counts as one more: a screen that puts the
  focus where the VP will type saves the VP a click, and the count shows it.

Everything happens on the real widgets of the real window over a real new vault; nothing is
set through the program's own functions. Waiting for the program (the key derivation, an
autosave) is no interaction. The journey: choose a passphrase and confirm the recovery code in
the wizard, with the VP's name and first organisation; then a new case with a working title,
its contact type, the reporter's role and one category, and its first conversation with the
reporter's story and its duration, stored without pressing anything.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget, QWizard

from vpnotebook.core.models import Case, Conversation
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS

from .conftest import GUI_PASSPHRASE

WIZARD_LIMIT = 12
AFTER_WIZARD_LIMIT = 10


class Driver:
    """Clicks and types as the VP does, and counts each interaction."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.steps: list[str] = []

    def click(self, widget: QWidget, what: str) -> None:
        assert widget.isVisible() and widget.isEnabled(), what
        if isinstance(widget, QAbstractButton) and widget.isCheckable():
            # On the box and its text, where a check box or radio button takes a click.
            pos = QPoint(8, widget.height() // 2)
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        # A person's next key comes after the program has answered the click (no sleep: the
        # events the click caused are handled, nothing more).
        QApplication.processEvents()
        self.steps.append(f"click {what}")

    def key(
        self, key: Qt.Key, what: str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None, f"no focus for {what}"
        self.qtbot.keyClick(focused, key, modifier)
        self.steps.append(f"key {what}")

    def type(self, widget: QWidget, text: str, what: str) -> None:
        if QApplication.focusWidget() is not widget:
            self.click(widget, f"into {what}")
        assert QApplication.focusWidget() is widget, what
        self.qtbot.keyClicks(widget, text)
        self.steps.append(f"type {what}")


def test_a_first_case_with_a_conversation_in_few_interactions(
    qtbot, tmp_path: Path, answers
) -> None:
    settings = AppSettings(tmp_path / "instellingen.ini")
    window = MainWindow(tmp_path / "kluis", settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    wizard = window.wizard
    assert wizard is not None
    driver = Driver(qtbot)

    # -- the wizard ---------------------------------------------------------------------
    driver.click(wizard.button(QWizard.WizardButton.NextButton), "Volgende (welkom)")
    profile = wizard.profile_page
    qtbot.waitUntil(lambda: wizard.currentPage() is profile)
    driver.type(profile.name, "R. Vermeulen", "uw naam")
    driver.type(profile.organisation_name, "Waterschap De Vliet", "eerste organisatie")
    driver.click(wizard.button(QWizard.WizardButton.NextButton), "Volgende (over u)")
    fields = wizard.passphrase_page.fields
    driver.type(fields.first, GUI_PASSPHRASE, "wachtwoord")
    driver.key(Qt.Key.Key_Tab, "Tab naar de herhaling")
    driver.type(fields.second, GUI_PASSPHRASE, "herhaling")
    driver.click(wizard.button(QWizard.WizardButton.NextButton), "Volgende (wachtwoord)")
    code = wizard.code_page
    qtbot.waitUntil(lambda: wizard.currentPage() is code)
    driver.type(code.check, code.expected_check(), "controle van de herstelcode")
    driver.click(wizard.button(QWizard.WizardButton.FinishButton), "Kluis maken")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    in_wizard = list(driver.steps)
    assert len(in_wizard) <= WIZARD_LIMIT, in_wizard

    # -- a first case with a conversation -------------------------------------------------
    driver.steps = []
    today = window.workspace.current_page()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is today.first_steps.case_button)
    driver.key(Qt.Key.Key_N, "Ctrl+N", Qt.KeyboardModifier.ControlModifier)
    cases = window.workspace.cases_page()
    intake = cases._intake
    assert intake is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is intake)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is intake.form.title)
    form = intake.form
    driver.type(form.title, "Grappen over afkomst", "werktitel")
    driver.click(form.contact_type.radios["report"], "soort contact: melding")
    driver.click(form.reporter_role.radios["employee"], "rol: medewerker")
    driver.click(form.category_checks["discrimination"], "aard: discriminatie")
    ok = intake.buttons.buttons()[0]
    driver.click(ok, "Melding vastleggen")
    qtbot.waitUntil(lambda: intake.created is not None)
    case_id = intake.created.id
    editor = cases.view.conversations.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.texts["story"])
    driver.type(editor.texts["story"], "Opmerkingen bij de koffieautomaat", "het verhaal")
    driver.type(editor.duration, "45", "duur")
    after_wizard = list(driver.steps)
    assert len(after_wizard) <= AFTER_WIZARD_LIMIT, after_wizard

    # Stored by itself, as every screen saves: nothing pressed to save.
    journal = window.session.journal

    def stored() -> bool:
        talks = journal.conversations_of(case_id)
        return bool(talks) and talks[0].duration_min == 45 and "koffie" in talks[0].story

    qtbot.waitUntil(stored, timeout=10_000)
    case = journal.get(Case, case_id)
    assert case.title == "Grappen over afkomst" and case.categories == ("discrimination",)
    assert (case.contact_type, case.reporter_role) == ("report", "employee")
    [talk] = journal.find(Conversation, "case_id = ?", (case_id,))
    assert talk.story == "Opmerkingen bij de koffieautomaat"
    window.close()
