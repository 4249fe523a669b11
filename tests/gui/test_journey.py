"""The whole day of a VP in one go, on a new vault: wizard → organisation → case →
conversation → referral → follow-up → auto-lock by the timer → unlock → everything intact."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from vpnotebook.core.models import Case, Conversation, FollowUp, Organisation, Referral, Reporter
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS

from .conftest import GUI_PASSPHRASE


def test_a_working_day_survives_an_auto_lock(
    qtbot, tmp_path: Path, settings: AppSettings, answers
) -> None:
    window = MainWindow(tmp_path / "kluis", settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()
    wizard = window.wizard
    wizard.next()
    qtbot.keyClicks(wizard.profile_page.name, "R. Vermeulen")
    qtbot.keyClicks(wizard.profile_page.organisation_name, "Waterschap De Vliet")
    wizard.profile_page.employees.setValue(260)
    wizard.next()
    qtbot.keyClicks(wizard.passphrase_page.fields.first, GUI_PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.fields.second, GUI_PASSPHRASE)
    wizard.next()
    qtbot.keyClicks(wizard.code_page.check, wizard.code_page.expected_check())
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None)

    # A new case through Ctrl+N and the intake dialog.
    window.new_case_action.trigger()
    cases = window.workspace.pages["cases"]
    intake = cases._intake
    form = intake.form
    qtbot.keyClicks(form.title, "Grappen over afkomst")
    form.contact_type.set_code("report")
    form.reporter_role.set_code("employee")
    form.category_checks["discrimination"].setChecked(True)
    # QTest cannot type letters outside ASCII offscreen; the name goes in as a paste would.
    form.reporter_name.setText("S. Öztürk")
    qtbot.mouseClick(intake.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: intake.created is not None)
    case_id = intake.created.id

    # The intake conversation, written in the editor the case opens at.
    panel = cases.view.conversations
    qtbot.keyClicks(panel.editor.texts["story"], "Opmerkingen bij de koffieautomaat.")
    qtbot.keyClicks(panel.editor.texts["agreements"], "Over twee weken verder praten.")

    # A referral and a follow-up in their tabs.
    view = cases.view
    # Nothing is pressed to store them: the forms save by themselves, and the lock saves
    # what the clock has not stored yet.
    view.tabs.setCurrentIndex(2)
    view.referrals.binding.widget("party").set_code("social_worker")
    qtbot.keyClicks(view.referrals.binding.widget("note"), "Telefoonnummer meegegeven.")
    view.tabs.setCurrentIndex(3)
    view.follow_ups.binding.widget("kind").set_code("appointment")
    qtbot.keyClicks(view.follow_ups.binding.widget("note"), "Vervolggesprek")
    # Still typing when the timer strikes: the lock must save this too.
    qtbot.keyClicks(panel.editor.texts["next_step"], "Melder denkt na over een gesprek")

    window.inactivity.set_interval_ms(300)
    window.inactivity.start()
    qtbot.waitUntil(lambda: window.is_locked, timeout=5_000)
    assert window.workspace is None

    qtbot.keyClicks(window.unlock_screen.passphrase, GUI_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    journal = window.session.journal
    assert [o.name for o in journal.find(Organisation)] == ["Waterschap De Vliet"]
    case = journal.get(Case, case_id)
    assert case.title == "Grappen over afkomst" and case.categories == ("discrimination",)
    assert journal.get(Reporter, case_id).name == "S. Öztürk"
    [conversation] = journal.find(Conversation, "case_id = ?", (case_id,))
    assert conversation.story == "Opmerkingen bij de koffieautomaat."
    assert conversation.agreements == "Over twee weken verder praten."
    assert conversation.next_step == "Melder denkt na over een gesprek"
    [referral] = journal.find(Referral, "case_id = ?", (case_id,))
    assert referral.party == "social_worker" and referral.note == "Telefoonnummer meegegeven."
    [follow_up] = journal.find(FollowUp, "case_id = ?", (case_id,))
    assert follow_up.kind == "appointment" and follow_up.note == "Vervolggesprek"
    # And the VP is back at the case they were working on.
    assert window.workspace.current_key == "cases"
    assert window.workspace.pages["cases"].view.case.id == case_id
    window.close()
