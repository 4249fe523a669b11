"""Bestand → Overdragen aan een collega… and Bestand → Overdracht samenvoegen…, driven as a VP
drives them over real vaults (issue 13): a case without consent stops the first step and is
named; the passphrase is held to the policy; the recovery code is typed back before anything
is made; the result opens with its own secrets; a merge shows exactly what it will do, then
does it; a lock while a hand-over is open closes it too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from vpnotebook.core.handover.log import handover_log
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case
from vpnotebook.gui.handover.handover_dialog import HandoverDialog
from vpnotebook.gui.handover.merge_dialog import MergeDialog
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.errors import WrongSecretError
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

from .conftest import GUI_PASSPHRASE

JOB_MS = 20_000


@pytest.fixture
def window(
    qtbot, tmp_path: Path, settings: AppSettings, handover_kit: ModuleType, answers
) -> Iterator[MainWindow]:
    """The program, unlocked by typing the passphrase, over the practice of handover_files."""
    folder = tmp_path / "kluis"
    vault, _ = Vault.create(folder, GUI_PASSPHRASE, kdf_params=TEST_PARAMS)
    handover_kit.fill_practice(Journal(vault.db))
    vault.close()
    main = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.keyClicks(main.unlock_screen.passphrase, GUI_PASSPHRASE)
    qtbot.keyClick(main.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.workspace is not None, timeout=10_000)
    yield main
    if main.session is not None:
        main.lock()


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _tick(qtbot, box: QCheckBox) -> None:
    """Click the box itself (a check box in a form row is wider than what it reacts to)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _open_handover(window: MainWindow) -> HandoverDialog:
    assert window.handover_action.isEnabled()
    window.handover_action.trigger()  # Bestand → Overdragen aan een collega…
    assert window.workspace is not None
    (dialog,) = [d for d in window.workspace.findChildren(HandoverDialog) if d.isVisible()]
    return dialog


def _first_step(qtbot, dialog: HandoverDialog, folder: Path, organisation: str) -> None:
    dialog.organisation.setCurrentIndex(dialog.organisation.findText(organisation))
    _tick(qtbot, dialog.all_cases)
    qtbot.keyClicks(dialog.recipient, "Mr. P. Jansen")
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(folder))


def _passphrase_and_code(qtbot, dialog: HandoverDialog, passphrase: str) -> str:
    _click(qtbot, dialog.next_button)
    assert dialog.pages.currentIndex() == dialog.PASSPHRASE
    qtbot.keyClicks(dialog.fields.first, "Zomer2026!")
    qtbot.keyClicks(dialog.fields.second, "Zomer2026!")
    assert not dialog.next_button.isEnabled()  # the policy refuses it, and says why
    assert "te makkelijk te raden" in dialog.fields.advice.text()
    dialog.fields.clear()
    qtbot.keyClicks(dialog.fields.first, passphrase)
    qtbot.keyClicks(dialog.fields.second, passphrase)
    _click(qtbot, dialog.next_button)
    assert dialog.pages.currentIndex() == dialog.CODE
    code = dialog.view.code
    assert code
    qtbot.keyClicks(dialog.view.check, "FOUT FOUT")
    assert not dialog.next_button.isEnabled()  # nothing is made before the code is copied
    dialog.view.check.clear()
    groups = code.split("-")
    qtbot.keyClicks(dialog.view.check, f"{groups[1]} {groups[-1]}")
    return code


def test_a_case_without_consent_stops_the_first_step_and_is_named(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    dialog = _open_handover(window)
    _first_step(qtbot, dialog, tmp_path / "overdracht", "Stichting Anker")
    assert dialog.consent_problem.isVisibleTo(dialog)
    assert "Van 2025-004 heeft de melder nog geen toestemming" in dialog.consent_problem.text()
    assert not dialog.next_button.isEnabled()
    dialog.reject()


def test_a_hand_over_through_the_dialog_opens_with_its_own_secrets_only(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    handover_kit: ModuleType,
) -> None:
    folder = tmp_path / "overdracht"
    dialog = _open_handover(window)
    _first_step(qtbot, dialog, folder, "Zorggroep De Linde")
    assert not dialog.consent_problem.isVisibleTo(dialog)
    assert len(dialog.selection().cases) == 4
    code = _passphrase_and_code(qtbot, dialog, handover_kit.HANDOVER_PASSPHRASE)
    assert dialog.next_button.text() == "Overdragen"
    assert not folder.exists()
    with qtbot.waitSignal(dialog.handed_over, timeout=JOB_MS) as done:
        _click(qtbot, dialog.next_button)
    assert done.args[0].numbers == ("2024-001", "2025-001", "2025-002", "2025-003")
    assert dialog.pages.currentIndex() == dialog.DONE
    assert "4 melding(en) staan in de overdracht" in dialog.done_text.text()
    assert window.session is not None
    journal = window.session.journal
    assert [e.recipient for e in handover_log(journal)] == ["Mr. P. Jansen"] * 4
    with Vault.open(folder, passphrase=handover_kit.HANDOVER_PASSPHRASE) as opened:
        assert opened.check() == []
        assert Journal(opened.db).count(Case) == 4
    with Vault.open(folder, recovery_code=code) as opened:
        assert opened.check() == []
    with pytest.raises(WrongSecretError):
        Vault.open(folder, passphrase=GUI_PASSPHRASE)
    # The case shows where it went.
    cases = window.workspace.show_page("cases")
    dialog.reject()
    cases.open_case(journal.case_by_number("2025-001").id)
    assert cases.view.handed_over.isVisibleTo(cases.view)
    assert "Overgedragen aan Mr. P. Jansen op" in cases.view.handed_over.text()


def test_destroying_after_the_hand_over_is_typed_to_confirm(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    handover_kit: ModuleType,
) -> None:
    dialog = _open_handover(window)
    _first_step(qtbot, dialog, tmp_path / "weg", "Zorggroep De Linde")
    _tick(qtbot, dialog.destroy_after)
    assert dialog.destroy_after.isChecked()
    _passphrase_and_code(qtbot, dialog, handover_kit.HANDOVER_PASSPHRASE)
    assert dialog.next_button.text() == "Volgende"
    _click(qtbot, dialog.next_button)
    assert dialog.pages.currentIndex() == dialog.CONFIRM
    qtbot.keyClicks(dialog.confirm, "ja")
    assert not dialog.next_button.isEnabled()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "vernietigen")
    with qtbot.waitSignal(dialog.handed_over, timeout=JOB_MS) as done:
        _click(qtbot, dialog.next_button)
    assert done.args[0].destroyed == 4
    assert window.session is not None
    journal = window.session.journal
    assert sorted(c.number for c in journal.find(Case) if c.is_destroyed) == [
        "2024-001",
        "2025-001",
        "2025-002",
        "2025-003",
    ]
    dialog.reject()


def test_the_vp_s_own_passphrase_is_refused_and_nothing_is_made(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "eigen"
    dialog = _open_handover(window)
    _first_step(qtbot, dialog, folder, "Zorggroep De Linde")
    _passphrase_and_code(qtbot, dialog, GUI_PASSPHRASE)
    _click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.problem.isVisibleTo(dialog), timeout=JOB_MS)
    assert "Dit is het wachtwoord van uw eigen kluis" in dialog.problem.text()
    assert dialog.pages.currentIndex() == dialog.CHOOSE
    assert dialog.view.code == ""  # the code shown is never used
    assert not folder.exists()
    assert window.session is not None and handover_log(window.session.journal) == []
    dialog.reject()


def _hand_over_by_core(window: MainWindow, folder: Path, kit: ModuleType) -> None:
    from vpnotebook.core.handover.selection import select_cases
    from vpnotebook.core.handover.writing import write_handover
    from vpnotebook.vault import recovery

    assert window.session is not None
    write_handover(
        window.session.vault,
        select_cases(window.session.journal, organisation="Zorggroep De Linde"),
        folder,
        passphrase=kit.HANDOVER_PASSPHRASE,
        recovery_code=recovery.generate(),
        recipient="Mr. P. Jansen",
        today=kit.TODAY,
        kdf_params=TEST_PARAMS,
    )


@pytest.fixture
def colleague(
    qtbot, tmp_path: Path, settings: AppSettings, window: MainWindow, handover_kit: ModuleType
) -> Iterator[tuple[MainWindow, Path]]:
    """A hand-over from the practice, and the colleague's own program with a case of their own."""
    folder = tmp_path / "overdracht"
    _hand_over_by_core(window, folder, handover_kit)
    window.lock()
    mine = tmp_path / "collega"
    vault, _ = Vault.create(mine, "de eigen kluis van de collega", kdf_params=TEST_PARAMS)
    vault.close()
    other = MainWindow(mine, AppSettings(tmp_path / "collega.ini"), kdf_params=TEST_PARAMS)
    qtbot.addWidget(other)
    other.resize(1366, 768)
    other.show()
    qtbot.keyClicks(other.unlock_screen.passphrase, "de eigen kluis van de collega")
    qtbot.keyClick(other.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: other.workspace is not None, timeout=10_000)
    yield other, folder
    if other.session is not None:
        other.lock()


def _open_merge(window: MainWindow) -> MergeDialog:
    assert window.merge_action.isEnabled()
    window.merge_action.trigger()  # Bestand → Overdracht samenvoegen…
    assert window.workspace is not None
    (dialog,) = [d for d in window.workspace.findChildren(MergeDialog) if d.isVisible()]
    return dialog


def test_a_hand_over_merges_after_a_preview_of_exactly_what_happens(
    qtbot,
    colleague: tuple[MainWindow, Path],
    handover_kit: ModuleType,
) -> None:
    window, folder = colleague
    assert window.session is not None
    journal = window.session.journal
    dialog = _open_merge(window)
    qtbot.keyClicks(dialog.folder, str(folder))
    qtbot.keyClicks(dialog.secret, "niet het goede wachtwoord")
    _click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.problem.isVisibleTo(dialog), timeout=JOB_MS)
    assert "van de overdracht klopt niet" in dialog.problem.text()
    assert dialog.pages.currentIndex() == dialog.OPEN
    assert dialog.secret.text() == ""  # to be typed again

    qtbot.keyClicks(dialog.secret, handover_kit.HANDOVER_PASSPHRASE)
    _click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PREVIEW, timeout=JOB_MS)
    preview = dialog.preview_text.toPlainText()
    assert "4 melding(en), 2 gesprek(ken)." in preview
    assert "Zorggroep De Linde — nieuw" in preview
    assert "2025-003 → 2025-003" in preview
    assert journal.count(Case) == 0  # a preview changes nothing
    assert dialog.next_button.text() == "Samenvoegen"
    with qtbot.waitSignal(dialog.merged, timeout=JOB_MS) as done:
        _click(qtbot, dialog.next_button)
    assert done.args[0].cases == 4
    assert journal.count(Case) == 4
    assert dialog.other is None  # the hand-over is closed again
    assert "De map van de overdracht bevat de meldingen nog" in dialog.done_text.toPlainText()
    assert window.session.vault.check() == []
    dialog.reject()
    # The cases are on the Meldingen screen, their old number in their notes.
    group = journal.case_by_number("2025-003")
    assert group.reporter_count == 4
    assert "Nummer bij de vorige vertrouwenspersoon: 2025-003" in group.notes


def test_a_lock_while_a_hand_over_is_open_closes_it_too(
    qtbot,
    colleague: tuple[MainWindow, Path],
    handover_kit: ModuleType,
) -> None:
    window, folder = colleague
    dialog = _open_merge(window)
    qtbot.keyClicks(dialog.folder, str(folder))
    qtbot.keyClicks(dialog.secret, handover_kit.HANDOVER_PASSPHRASE)
    _click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PREVIEW, timeout=JOB_MS)
    other = dialog.other
    assert other is not None and other.is_open
    window.lock()
    assert not other.is_open  # its key is wiped with the lock, like the vault's own
    with Vault.open(folder, passphrase=handover_kit.HANDOVER_PASSPHRASE) as again:
        assert again.check() == []  # and nothing holds it any more
