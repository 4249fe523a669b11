"""The small traps a new VP fell into, each held shut by a test that walks the real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.gui.unlock.recovery import RecoveryDialog
from vpnotebook.vault.kdf import TEST_PARAMS


def test_the_recovery_dialog_starts_at_the_code(qtbot) -> None:  # type: ignore[no-untyped-def]
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


def test_every_new_passphrase_can_be_shown_and_hides_again(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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


def test_quitting_and_closing_a_case_are_different_words(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(tmp_path / "kluis", AppSettings(tmp_path / "s.ini"), kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    texts = [
        action.text().replace("&", "")
        for menu_action in window.menuBar().actions()
        if menu_action.menu() is not None
        for action in menu_action.menu().actions()  # type: ignore[union-attr]
    ]
    assert "vpnotebook sluiten" in texts
    assert not any("afsluiten" in text.lower() for text in texts)
