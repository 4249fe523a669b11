"""Instellingen → Over u: the name and role the wizard asked for can be changed, as it promises."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from vpnotebook.core.profile import vp_profile
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS

from .conftest import GUI_PASSPHRASE


def _unlocked(qtbot, demo_vault, settings: AppSettings) -> MainWindow:
    folder, _ = demo_vault
    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_screen.passphrase, GUI_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    return window


def test_name_and_role_change_with_ok(qtbot, demo_vault, settings: AppSettings) -> None:
    window = _unlocked(qtbot, demo_vault, settings)
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    section = window.profile_section
    dialog.show_section(section)
    section.name.clear()
    qtbot.keyClicks(section.name, "Ria Vermeulen")
    section.role.setCurrentIndex(section.role.findData("integrity"))
    assert vp_profile(window.session.journal).name != "Ria Vermeulen"  # nothing before OK
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    profile = vp_profile(window.session.journal)
    assert (profile.name, profile.role) == ("Ria Vermeulen", "integrity")
    # And it stays after a lock, read back from the vault.
    window.lock()
    qtbot.keyClicks(window.unlock_screen.passphrase, GUI_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    reopened = window.settings_dialog()
    qtbot.addWidget(reopened)
    assert window.profile_section.name.text() == "Ria Vermeulen"
    assert window.profile_section.role.currentData() == "integrity"


def test_an_empty_name_keeps_the_dialog_open_and_says_why(
    qtbot, demo_vault, settings: AppSettings
) -> None:
    window = _unlocked(qtbot, demo_vault, settings)
    before = vp_profile(window.session.journal)
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    section = window.profile_section
    section.name.clear()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is section
    assert section.error.isVisible() and "naam" in section.error.text()
    assert vp_profile(window.session.journal) == before


def test_organisation_details_are_one_click_away(qtbot, demo_vault, settings: AppSettings) -> None:
    window = _unlocked(qtbot, demo_vault, settings)
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    section = window.profile_section
    button = next(b for b in section.findChildren(QPushButton) if "Organisaties" in b.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.workspace is not None and window.workspace.current_key == "organisations"


def test_the_wizard_says_where_to_change_them(qtbot, tmp_path: Path, settings: AppSettings) -> None:
    """The wizard promises name and role can be changed later, and says where: that place
    must exist under that name."""
    window = MainWindow(tmp_path / "nieuw", settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    assert window.wizard is not None
    promise = window.wizard.profile_page.subTitle()
    assert "Instellingen → Over u" in promise
    assert window.settings_action.text().replace("&", "").rstrip("…") == "Instellingen"
