"""Journeys through the program's shell: first start, unlock, auto-lock, recovery, privacy."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from vpnotebook.core.models import Case, Organisation
from vpnotebook.gui.common import clipboard
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.backup import list_backups, verify_backup
from vpnotebook.vault.errors import StorageError, VaultInUseError, WrongSecretError
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

from .conftest import GUI_PASSPHRASE


@pytest.fixture
def window(qtbot, demo_vault: tuple[Path, str], settings: AppSettings) -> MainWindow:
    folder, _ = demo_vault
    main = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(main)
    main.show()
    return main


def _unlock(qtbot, window: MainWindow, passphrase: str = GUI_PASSPHRASE) -> None:
    screen = window.unlock_screen
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)


def test_first_start_wizard_makes_a_vault_and_opens_it(
    qtbot, tmp_path: Path, settings: AppSettings
) -> None:
    folder = tmp_path / "nieuwe-kluis"
    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()
    wizard = window.wizard
    assert wizard is not None
    assert wizard.welcome_page.chosen() == folder
    wizard.next()  # welcome, with the folder
    qtbot.keyClicks(wizard.profile_page.name, "M. de Boer")
    qtbot.keyClicks(wizard.profile_page.organisation_name, "Stichting Voorbeeld")
    wizard.profile_page.employees.setValue(45)
    wizard.next()
    fields = wizard.passphrase_page.fields
    qtbot.keyClicks(fields.first, GUI_PASSPHRASE)
    assert not wizard.passphrase_page.isComplete()  # not repeated yet
    qtbot.keyClicks(fields.second, GUI_PASSPHRASE)
    assert wizard.passphrase_page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.code_page
    code = wizard.code_page.code
    assert code.count("-") == 5
    # The code is on screen, and there is no vault yet: it is made once the code is typed back.
    assert not (folder / "keyslots.json").exists()
    groups = code.split("-")
    qtbot.keyClicks(wizard.code_page.check, groups[0])
    assert not wizard.code_page.isComplete()
    wizard.code_page.check.clear()
    qtbot.keyClicks(wizard.code_page.check, f"{groups[1].lower()} {groups[5]}")
    assert wizard.code_page.isComplete()
    assert not (folder / "keyslots.json").exists()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert window.session is not None
    journal = window.session.journal
    assert [o.name for o in journal.find(Organisation)] == ["Stichting Voorbeeld"]
    assert journal.setting("vp_name") == "M. de Boer"
    assert window.windowTitle() == "vpnotebook"
    assert settings.vault_folder == folder
    window.close()
    # The recovery code shown in the wizard really opens the vault.
    Vault.open(folder, recovery_code=code).close()


def test_the_vault_path_on_the_unlock_screen_can_be_selected_once_it_shows(
    qtbot, window: MainWindow
) -> None:
    label = window.unlock_screen.folder_label
    assert str(window.vault_folder) in label.text()
    qtbot.waitUntil(
        lambda: bool(label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse)
    )
    # The shortcuts are set without going through setShortcut (see warm_up).
    assert window.lock_action.shortcut().toString() == "Ctrl+L"


def test_wrong_passphrase_then_right_one(qtbot, window: MainWindow) -> None:
    _unlock(qtbot, window, "dit is niet het wachtwoord")
    screen = window.unlock_screen
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=10_000)
    assert screen.message.text() == WrongSecretError().message("nl")
    assert window.is_locked
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    assert window.workspace is not None and window.lock_action.isEnabled()


def test_auto_lock_by_the_inactivity_timer_and_back_to_where_we_were(
    qtbot, window: MainWindow
) -> None:
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    assert window.workspace is not None
    window.workspace.show_page("organisations")
    window.inactivity.set_interval_ms(300)
    window.inactivity.start()
    qtbot.waitUntil(lambda: window.is_locked, timeout=5_000)
    assert window.workspace is None
    assert window.stack.currentWidget() is window.unlock_screen
    assert not window.unlock_screen.passphrase.text()
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    assert window.workspace.current_key == "organisations"


def test_ctrl_l_locks_and_clears_our_clipboard(qtbot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    clipboard.copy_secret("2026-004")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.data("x-kde-passwordManagerHint").data() == b"secret"
    window.lock_action.trigger()
    assert window.is_locked
    assert QGuiApplication.clipboard().text() == ""


def test_the_clipboard_is_left_alone_when_it_is_not_ours(qtbot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    clipboard.copy_secret("iets van ons")
    QGuiApplication.clipboard().setText("iets van een ander programma")
    window.lock()
    assert QGuiApplication.clipboard().text() == "iets van een ander programma"


def test_recovery_code_route_sets_a_new_passphrase(qtbot, demo_vault, settings, answers) -> None:
    folder, code = demo_vault
    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.unlock_screen.ask_recovery = lambda: (code.lower(), "een gloednieuw wachtwoord")
    window.unlock_screen.recovery_button.click()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    assert answers and answers[0][0] == "info"
    window.close()
    Vault.open(folder, passphrase="een gloednieuw wachtwoord").close()
    Vault.open(folder, recovery_code=code).close()


def test_a_vault_open_elsewhere_is_refused_with_its_own_message(qtbot, window: MainWindow) -> None:
    other = Vault.open(window.vault_folder, passphrase=GUI_PASSPHRASE)
    try:
        _unlock(qtbot, window)
        screen = window.unlock_screen
        qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=10_000)
        assert screen.message.text() == VaultInUseError().message("nl")
    finally:
        other.close()


def test_closing_the_window_closes_the_vault(qtbot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    vault = window.session.vault
    window.close()
    assert not vault.is_open
    Vault.open(window.vault_folder, passphrase=GUI_PASSPHRASE).close()


def test_closing_the_window_during_a_backup_waits_for_it_then_closes(
    qtbot, window: MainWindow, tmp_path: Path, answers
) -> None:
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    page = window.workspace.show_page("backup")
    page.find_volumes = lambda: []
    stick = tmp_path / "stick"
    stick.mkdir()
    page.set_folder(stick)
    page.make()
    vault = window.session.vault

    window.close()
    # Not closed under the running backup: the VP is told, and the vault stays open for it.
    assert window.isVisible() and vault.is_open
    assert answers[-1][1] == "Reservekopie nog bezig"
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert not vault.is_open
    [made] = list_backups(stick)
    assert verify_backup(made, passphrase=GUI_PASSPHRASE).record_counts["cases"] > 0
    assert len(answers) == 1  # told once, however long it took


def test_a_lock_completes_even_when_the_last_edit_cannot_be_stored(
    qtbot, window: MainWindow, answers
) -> None:
    # A typed-in referral that the lock tries to add, on a vault that can no longer write.
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    vault = window.session.vault
    journal = window.session.journal
    page = window.workspace.show_page("cases")
    case = journal.find(Case, "status = 'open'")[0]
    page.open_case(case.id)
    page.view.tabs.setCurrentIndex(2)
    panel = page.view.referrals
    panel.binding.widget("party").set_code("company_doctor")
    qtbot.keyClicks(panel.binding.widget("note"), "Nog niet bewaard.")
    vault.db.execute("PRAGMA query_only = ON")  # SQLite refuses every write from here on

    window.lock()

    assert window.is_locked and window.workspace is None and not vault.is_open
    assert [a[:2] for a in answers] == [("error", "Niet opgeslagen")]
    assert answers[0][2].startswith(StorageError.message_nl)
    with Vault.open(window.vault_folder, passphrase=GUI_PASSPHRASE) as reopened:
        assert reopened.db.integrity_problems() == []


def test_a_job_whose_owner_is_deleted_mid_run_ends_without_aborting_the_program(
    tmp_path: Path,
) -> None:
    # Qt aborts the process when a running QThread is destroyed, so this runs in a child.
    script = """
import gc, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import shiboken6
from PySide6.QtWidgets import QApplication, QWidget
from vpnotebook.gui.common import worker
app = QApplication([])
owner = QWidget()
job = worker.BackgroundJob(lambda: time.sleep(0.5), owner)
job.start()
shiboken6.delete(owner)
del job
gc.collect()
print("running", worker.running_count(), flush=True)
worker.wait_for_all()
print("ended", worker.running_count(), flush=True)
"""
    finished = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.split() == ["running", "1", "ended", "0"]


def test_screen_lock_and_suspend_lock_the_vault(qtbot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    # What the desktop's D-Bus signals call: the screensaver coming on, or going to sleep.
    window.screen_lock._screensaver_changed(False)
    assert not window.is_locked
    window.screen_lock._screensaver_changed(True)
    assert window.is_locked
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    window.screen_lock._sleep(True)
    assert window.is_locked


def test_settings_take_effect_and_stay_free_of_case_content(
    qtbot, window: MainWindow, settings: AppSettings
) -> None:
    from vpnotebook.gui.settings.dialog import SettingsDialog

    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.autolock.setValue(12)
    dialog.reminder.setValue(30)
    dialog.accept()
    assert settings.autolock_minutes == 12 and settings.backup_reminder_days == 30
    window.inactivity.set_minutes(settings.autolock_minutes)
    assert window.inactivity._timer.interval() == 12 * 60_000
    settings.sync()
    stored = settings.path.read_text(encoding="utf-8")
    journal = window.session.journal
    for org in journal.organisations():
        assert org.name not in stored
    for summary in journal.case_summaries()[:20]:
        assert summary.number not in stored
        assert not summary.title or summary.title not in stored
