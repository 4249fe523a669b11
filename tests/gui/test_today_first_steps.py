"""Today on a new vault (the first steps) and on a full one (destroying overdue cases at once)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from vpnotebook.core.destruction import destruction_log
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Organisation
from vpnotebook.core.retention import OVERDUE, due_for_destruction
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.gui.today.batch_destruction import BatchDestroyDialog
from vpnotebook.gui.today.page import LATE_COLOUR, TodayPage
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

from .conftest import DEMO_TODAY, GUI_PASSPHRASE


def _open(qtbot, folder: Path, settings: AppSettings) -> MainWindow:
    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_screen.passphrase, GUI_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    return window


@pytest.fixture
def new_vault(tmp_path: Path) -> Path:
    """What the wizard leaves: one organisation, no cases."""
    folder = tmp_path / "kluis"
    vault, _ = Vault.create(folder, GUI_PASSPHRASE, kdf_params=TEST_PARAMS)
    Journal(vault.db).add(Organisation(name="Waterschap De Vliet"))
    vault.close()
    return folder


def _today(window: MainWindow) -> TodayPage:
    assert window.workspace is not None
    page = window.workspace.show_page("today")
    assert isinstance(page, TodayPage)
    return page


def test_first_steps_on_a_new_vault_each_do_what_they_say(
    qtbot, new_vault: Path, settings: AppSettings, answers
) -> None:
    window = _open(qtbot, new_vault, settings)
    today = _today(window)
    steps = today.first_steps
    assert steps.isVisible()
    texts = [b.text() for b in (steps.case_button, steps.organisation_button, steps.backup_button)]
    assert texts == [
        "Eerste melding vastleggen (Ctrl+N)",
        "Organisatie toevoegen",
        "Reservekopie instellen",
    ]
    # The backup step stands for the reminder: not said twice.
    assert not today.reminder.isVisible()

    qtbot.mouseClick(steps.backup_button, Qt.MouseButton.LeftButton)
    assert window.workspace.current_key == "backup"

    window.go_to("today")
    qtbot.mouseClick(steps.organisation_button, Qt.MouseButton.LeftButton)
    assert window.workspace.current_key == "organisations"
    organisations = window.workspace.pages["organisations"]
    assert organisations.current is not None and organisations.current.id is None  # a new one

    window.go_to("today")
    qtbot.mouseClick(steps.guide_button, Qt.MouseButton.LeftButton)
    assert window.help_menu.guide is not None and window.help_menu.guide.isVisible()

    window.go_to("today")
    qtbot.mouseClick(steps.case_button, Qt.MouseButton.LeftButton)
    assert window.workspace.current_key == "cases"
    intake = window.workspace.pages["cases"]._intake
    assert intake is not None and intake.isVisible()
    intake.form.contact_type.set_code("report")
    intake.form.reporter_role.set_code("employee")
    intake.accept()
    qtbot.waitUntil(lambda: intake.created is not None)

    # Once there is a case, the first steps have done their work.
    window.go_to("today")
    assert not today.first_steps.isVisible()
    assert today.reminder.isVisible()  # and the reminder is back, as no backup was made
    window.close()


def test_overdue_cases_are_checked_and_destroyed_with_one_confirmation(
    qtbot, demo_vault, settings: AppSettings, answers
) -> None:
    folder, _ = demo_vault
    window = _open(qtbot, folder, settings)
    today = _today(window)
    today.today = DEMO_TODAY
    today.refresh()
    journal = window.session.journal
    overdue = [s for s in due_for_destruction(journal, DEMO_TODAY) if s.state == OVERDUE]
    items = today.overdue_items()
    assert [item.text(0) for item in items] == [s.number for s in overdue]
    # No red over the list: words say what is late.
    for item in items:
        assert item.foreground(3).color() != LATE_COLOUR
        assert "over tijd" in item.text(3) or "gisteren" in item.text(3)
    actions = today.destruction_actions
    assert not actions.destroy_button.isEnabled()

    qtbot.mouseClick(actions.check_all, Qt.MouseButton.LeftButton)
    assert len(today.checked_cases()) == len(overdue)
    # One left out again by hand: the rest go.
    keep: QTreeWidgetItem = items[-1]
    keep.setCheckState(0, Qt.CheckState.Unchecked)
    assert actions.destroy_button.isEnabled()
    assert str(len(overdue) - 1) in actions.destroy_button.text()

    qtbot.mouseClick(actions.destroy_button, Qt.MouseButton.LeftButton)
    dialog = today.findChild(BatchDestroyDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.case_numbers == [s.number for s in overdue[:-1]]
    qtbot.keyClicks(dialog.confirm, str(len(overdue) - 1))
    qtbot.mouseClick(dialog.destroy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not today.checked_cases() and len(today.overdue_items()) == 1)
    assert [e.case_number for e in destruction_log(journal)] == [s.number for s in overdue[:-1]]
    assert not journal.get(Case, overdue[-1].case_id).is_destroyed
    assert answers[-1][1] == "Meldingen vernietigd"  # and the offer of a new key
    window.close()
