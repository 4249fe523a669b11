"""The key's life in the desktop program: Instellingen → Beveiliging, the wizard, the unlock
screen and the lock, driven as the VP would on real vaults (issue 11, issue 17 item 2).
"""

from __future__ import annotations

import gc
import json
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QWizard

from vpnotebook.core.models import Case
from vpnotebook.gui.common import dialogs
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.key_dialogs import (
    ChangePassphraseDialog,
    NewRecoveryCodeDialog,
    RekeyDialog,
)
from vpnotebook.gui.settings.security import SecuritySection
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault import keyslots, recovery
from vpnotebook.vault import rekey as rekeying
from vpnotebook.vault.errors import VaultDamagedError, WrongSecretError
from vpnotebook.vault.kdf import TEST_PARAMS, Argon2Params, KdfPolicy
from vpnotebook.vault.vault import Vault

from .conftest import GUI_PASSPHRASE

NEW_PASSPHRASE = "zeven eenden zwemmen traag door de gracht"
JOB = 30_000
CHEAP = KdfPolicy.explicit(TEST_PARAMS)


@pytest.fixture
def said() -> Iterator[dict[str, Any]]:
    """Message boxes answered by the test: `said["yes"]` decides every question."""
    answers: dict[str, Any] = {"yes": False}
    dialogs.set_test_hook(lambda kind, title, text: answers["yes"] if kind == "ask" else True)
    answers["shown"] = dialogs.shown
    yield answers
    dialogs.set_test_hook(None)


def _window(qtbot, folder: Path, settings: AppSettings, **kwargs: Any) -> MainWindow:
    window = MainWindow(folder, settings, kdf_params=kwargs.pop("kdf_params", TEST_PARAMS))
    qtbot.addWidget(window)
    window.show()
    return window


def _unlock(qtbot, window: MainWindow, passphrase: str = GUI_PASSPHRASE) -> None:
    window.unlock_screen.passphrase.setText(passphrase)
    window.unlock_screen.unlock()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=JOB)


@pytest.fixture
def unlocked(qtbot, demo_vault: tuple[Path, str], settings: AppSettings, said) -> MainWindow:
    folder, _ = demo_vault
    window = _window(qtbot, folder, settings)
    _unlock(qtbot, window)
    return window


def _security(qtbot, window: MainWindow) -> SecuritySection:
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    section = window.security_section
    dialog.show_section(section)
    return section


def _opens(folder: Path, **secret: str) -> bool:
    try:
        Vault.open(folder, policy=CHEAP, **secret).close()
    except WrongSecretError:
        return False
    return True


def _wait_done(qtbot, dialog: QDialog) -> None:
    manager = dialog.manager
    # Closed (and deleted) once its work succeeded.
    qtbot.waitUntil(
        lambda: not manager.busy and (not shiboken6.isValid(dialog) or not dialog.isVisible()),
        timeout=JOB,
    )


# -- the settings dialog ----------------------------------------------------------------------


def test_settings_have_a_security_section_once_unlocked(
    qtbot, demo_vault, settings: AppSettings, said
) -> None:
    folder, _ = demo_vault
    window = _window(qtbot, folder, settings)
    locked = window.settings_dialog()
    qtbot.addWidget(locked)
    assert [locked.tabs.tabText(i) for i in range(locked.tabs.count())] == ["Algemeen"]
    _unlock(qtbot, window)
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Algemeen",
        "Over u",
        "Beveiliging",
    ]
    section = window.security_section
    assert section.passphrase_status.text() == "Argon2id, 256 KiB, t=1, p=1"
    assert not section.strengthen_button.isVisibleTo(section)


# -- a new passphrase ----------------------------------------------------------------------------


def test_a_weak_new_passphrase_is_refused_with_the_policys_reason(
    qtbot, unlocked: MainWindow, said
) -> None:
    section = _security(qtbot, unlocked)
    section.change_passphrase()
    dialog = section.dialog
    assert isinstance(dialog, ChangePassphraseDialog)
    dialog.current.setText(GUI_PASSPHRASE)
    org = unlocked.session.journal.organisations()[0].name
    for weak in ("Zomer2025", "Wachtwoord2024", org.replace(" ", "") + "1"):
        dialog.fields.first.setText(weak)
        dialog.fields.second.setText(weak)
        assert not dialog.ok_button.isEnabled(), weak
        assert dialog.fields.advice.text().startswith("Dit wachtwoord is te makkelijk te raden")
    assert "uw eigen naam of die van een organisatie" in dialog.fields.advice.text()
    dialog.fields.first.setText(NEW_PASSPHRASE)
    dialog.fields.second.setText(NEW_PASSPHRASE)
    assert dialog.ok_button.isEnabled()


def test_changing_the_passphrase_keeps_the_code_and_offers_a_new_key(
    qtbot, unlocked: MainWindow, demo_vault, said
) -> None:
    folder, code = demo_vault
    section = _security(qtbot, unlocked)
    section.change_passphrase()
    dialog = section.dialog
    dialog.current.setText("niet het goede wachtwoord")
    dialog.fields.first.setText(NEW_PASSPHRASE)
    dialog.fields.second.setText(NEW_PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=JOB)
    assert "klopt niet" in dialog.problem.text() and dialog.isVisible()

    dialog.current.setText(GUI_PASSPHRASE)
    said["yes"] = False  # no new key this time
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    offer = said["shown"][-1]
    assert offer[0] == "ask" and "nieuwe sleutel" in offer[2]
    assert "oude reservekopieën blijven wél met het oude wachtwoord te openen" in offer[2]
    unlocked.lock()
    assert _opens(folder, passphrase=NEW_PASSPHRASE)
    assert not _opens(folder, passphrase=GUI_PASSPHRASE)
    assert _opens(folder, recovery_code=code)


def test_yes_to_the_offer_makes_a_new_key_and_the_old_slot_file_opens_nothing(
    qtbot, unlocked: MainWindow, demo_vault, said
) -> None:
    folder, code = demo_vault
    old_slot_file = (folder / "keyslots.json").read_bytes()
    cases_before = unlocked.session.journal.count(Case)
    section = _security(qtbot, unlocked)
    section.change_passphrase()
    dialog = section.dialog
    dialog.current.setText(GUI_PASSPHRASE)
    dialog.fields.first.setText(NEW_PASSPHRASE)
    dialog.fields.second.setText(NEW_PASSPHRASE)
    said["yes"] = True
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    rekey = section.dialog
    assert isinstance(rekey, RekeyDialog)
    # The passphrase was just typed: only the recovery code is asked.
    assert not rekey.passphrase.isVisibleTo(rekey)
    assert not rekey.ok_button.isEnabled()
    rekey.code.setText(code.lower().replace("-", " "))
    assert rekey.ok_button.isEnabled()
    rekey.ok_button.click()
    _wait_done(qtbot, rekey)
    assert said["shown"][-1][1] == "Nieuwe sleutel gemaakt"
    # The workspace is back over the re-keyed vault.
    qtbot.waitUntil(lambda: unlocked.workspace is not None)
    assert unlocked.session.journal.count(Case) == cases_before
    assert unlocked.session.vault.check() == []
    unlocked.lock()
    (folder / "keyslots.json").write_bytes(old_slot_file)
    with pytest.raises(VaultDamagedError):
        Vault.open(folder, passphrase=GUI_PASSPHRASE, policy=CHEAP)


# -- a new recovery code --------------------------------------------------------------------------


def test_a_new_code_is_shown_and_typed_back_before_it_is_stored(
    qtbot, unlocked: MainWindow, demo_vault, said
) -> None:
    folder, old_code = demo_vault
    before = (folder / "keyslots.json").read_bytes()
    section = _security(qtbot, unlocked)
    section.new_recovery_code()
    dialog = section.dialog
    assert isinstance(dialog, NewRecoveryCodeDialog)
    dialog.current.setText(GUI_PASSPHRASE)
    dialog.ok_button.click()  # on to the code
    shown = dialog.view.code
    assert recovery.looks_like_recovery_code(shown)
    assert not dialog.ok_button.isEnabled()
    assert (folder / "keyslots.json").read_bytes() == before  # seen, not yet stored
    dialog.reject()  # the VP gives up: nothing changes
    assert (folder / "keyslots.json").read_bytes() == before

    section.new_recovery_code()
    dialog = section.dialog
    dialog.current.setText(GUI_PASSPHRASE)
    dialog.ok_button.click()
    new_code = dialog.view.code
    assert new_code != shown  # a code given up is never used again
    dialog.view.check.setText(dialog.view.expected_check())
    said["yes"] = False
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    unlocked.lock()
    assert _opens(folder, recovery_code=new_code)
    assert not _opens(folder, recovery_code=old_code)
    assert not _opens(folder, recovery_code=shown)


def test_after_a_new_code_the_new_key_needs_nothing_typed_again(
    qtbot, unlocked: MainWindow, demo_vault, said
) -> None:
    folder, _ = demo_vault
    key_before = bytes(unlocked.session.vault.data_key)
    section = _security(qtbot, unlocked)
    section.new_recovery_code()
    dialog = section.dialog
    dialog.current.setText(GUI_PASSPHRASE)
    dialog.ok_button.click()
    code = dialog.view.code
    dialog.view.check.setText(dialog.view.expected_check())
    said["yes"] = True
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    rekey = section.dialog
    assert isinstance(rekey, RekeyDialog)
    assert rekey.ok_button.isEnabled()  # both secrets are known
    rekey.ok_button.click()
    _wait_done(qtbot, rekey)
    qtbot.waitUntil(lambda: unlocked.workspace is not None)
    assert bytes(unlocked.session.vault.data_key) != key_before
    unlocked.lock()
    assert _opens(folder, recovery_code=code)


def test_a_new_key_with_a_new_code_shows_the_code_first(
    qtbot, unlocked: MainWindow, demo_vault, said
) -> None:
    folder, old_code = demo_vault
    section = _security(qtbot, unlocked)
    rekey = section.rekey()
    rekey.passphrase.setText(GUI_PASSPHRASE)
    rekey.new_code.setChecked(True)
    assert rekey.ok_button.text() == "Volgende"
    rekey.ok_button.click()
    code = rekey.view.code
    assert rekey.pages.currentWidget() is rekey.view
    assert not rekey.ok_button.isEnabled()
    rekey.view.check.setText(rekey.view.expected_check())
    rekey.ok_button.click()
    _wait_done(qtbot, rekey)
    unlocked.lock()
    assert _opens(folder, recovery_code=code)
    assert not _opens(folder, recovery_code=old_code)


def test_a_rekey_with_a_wrong_code_changes_nothing_and_the_work_goes_on(
    qtbot, unlocked: MainWindow, demo_vault, said
) -> None:
    folder, _ = demo_vault
    before = (folder / "keyslots.json").read_bytes()
    section = _security(qtbot, unlocked)
    rekey = section.rekey()
    rekey.passphrase.setText(GUI_PASSPHRASE)
    rekey.code.setText(recovery.generate())
    rekey.ok_button.click()
    qtbot.waitUntil(lambda: rekey.problem.isVisible(), timeout=JOB)
    assert rekey.isVisible()
    qtbot.waitUntil(lambda: unlocked.workspace is not None)
    assert (folder / "keyslots.json").read_bytes() == before


@pytest.mark.parametrize("job", ["passphrase", "rekey"])
def test_a_lock_asked_for_during_a_key_job_happens_when_it_ends(
    qtbot, unlocked: MainWindow, demo_vault, said, job: str
) -> None:
    folder, code = demo_vault
    section = _security(qtbot, unlocked)
    if job == "passphrase":
        section.change_passphrase()
        dialog = section.dialog
        dialog.current.setText(GUI_PASSPHRASE)
        dialog.fields.first.setText(NEW_PASSPHRASE)
        dialog.fields.second.setText(NEW_PASSPHRASE)
    else:
        dialog = section.rekey()
        dialog.passphrase.setText(GUI_PASSPHRASE)
        dialog.code.setText(code)
    dialog.ok_button.click()
    assert unlocked.key_manager.busy
    unlocked.lock()  # the inactivity timer, or the screen lock, fires meanwhile
    qtbot.waitUntil(lambda: not unlocked.key_manager.busy, timeout=JOB)
    assert unlocked.is_locked and unlocked.workspace is None
    passphrase = NEW_PASSPHRASE if job == "passphrase" else GUI_PASSPHRASE
    assert _opens(folder, passphrase=passphrase)


# -- the wizard --------------------------------------------------------------------------------


def _to_passphrase_page(qtbot, window: MainWindow, name: str, organisation: str) -> Any:
    wizard = window.wizard
    wizard.next()
    qtbot.keyClicks(wizard.profile_page.name, name)
    qtbot.keyClicks(wizard.profile_page.organisation_name, organisation)
    wizard.next()
    assert wizard.currentPage() is wizard.passphrase_page
    return wizard


def test_the_wizard_refuses_the_vps_own_name_and_says_why(
    qtbot, tmp_path: Path, settings: AppSettings, said
) -> None:
    window = _window(qtbot, tmp_path / "kluis", settings)
    wizard = _to_passphrase_page(qtbot, window, "Anouk Zwaneveld", "Stichting Klaverhof")
    fields = wizard.passphrase_page.fields
    for weak in ("Zwaneveld2026!", "Klaverhof#1", "Zomer2025", " " * 10):
        fields.first.setText(weak)
        fields.second.setText(weak)
        assert not wizard.passphrase_page.isComplete(), weak
        assert fields.advice.text().startswith("Dit wachtwoord is te makkelijk te raden")
    fields.first.setText("Zwaneveld2026!")
    assert "uw eigen naam of die van een organisatie" in fields.advice.text()


def test_the_wizard_makes_no_vault_before_the_code_was_typed_back(
    qtbot, tmp_path: Path, settings: AppSettings, said
) -> None:
    folder = tmp_path / "kluis"
    window = _window(qtbot, folder, settings)
    wizard = _to_passphrase_page(qtbot, window, "R. Vermeulen", "Waterschap De Vliet")
    wizard.passphrase_page.fields.first.setText(NEW_PASSPHRASE)
    wizard.passphrase_page.fields.second.setText(NEW_PASSPHRASE)
    wizard.next()
    first_code = wizard.code_page.code
    assert not folder.exists() or not (folder / "keyslots.json").exists()
    wizard.back()  # the VP goes back: that code is never stored
    wizard.next()
    second_code = wizard.code_page.code
    assert second_code != first_code
    wizard.code_page.check.setText(wizard.code_page.expected_check())
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=JOB)
    window.lock()
    assert _opens(folder, recovery_code=second_code)
    assert not _opens(folder, recovery_code=first_code)


# -- the unlock screen ----------------------------------------------------------------------------


@pytest.mark.parametrize("agree", [True, False])
def test_a_slot_below_the_floor_is_reported_on_unlock_and_strengthened_if_agreed(
    qtbot, demo_vault, settings: AppSettings, said, agree: bool
) -> None:
    folder, code = demo_vault
    floor = Argon2Params(1024, 2, 1)  # the floor this window holds to (a cheap one, for speed)
    window = _window(qtbot, folder, settings, kdf_params=floor)
    said["yes"] = agree
    _unlock(qtbot, window)
    report = [s for s in said["shown"] if s[1] == "Sleutel lichter beveiligd"]
    assert len(report) == 1 and report[0][0] == "ask"
    assert "256 KiB, t=1, p=1" in report[0][2] and floor.describe() in report[0][2]
    slots = json.loads((folder / "keyslots.json").read_text())["slots"]
    passphrase_slot = next(s for s in slots if s["kind"] == "passphrase")["kdf"]
    recovery_slot = next(s for s in slots if s["kind"] == "recovery")["kdf"]
    if agree:
        assert (passphrase_slot["memory_kib"], passphrase_slot["iterations"]) == (1024, 2)
    else:
        assert (passphrase_slot["memory_kib"], passphrase_slot["iterations"]) == (256, 1)
    assert recovery_slot["memory_kib"] == 256  # that one needs the recovery code
    section = _security(qtbot, window)
    assert section.strengthen_button.isVisibleTo(section)
    assert "lichter dan het minimum" in section.recovery_status.text()
    window.lock()
    assert _opens(folder, passphrase=GUI_PASSPHRASE) and _opens(folder, recovery_code=code)


def test_the_recovery_route_uses_the_policy_and_never_an_edited_down_slot(
    qtbot, demo_vault, settings: AppSettings, said
) -> None:
    from vpnotebook.gui.unlock.recovery import RecoveryDialog

    folder, code = demo_vault
    dialog = RecoveryDialog()
    qtbot.addWidget(dialog)
    dialog.code.setText(code)
    dialog.fields.first.setText("Maandag1")
    dialog.fields.second.setText("Maandag1")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "een maand, dag, seizoen of feestdag" in dialog.fields.advice.text()

    # An editor sets the passphrase slot to 8 KiB and one pass; the VP recovers.
    document = json.loads((folder / "keyslots.json").read_text())
    document["slots"][0]["kdf"].update(memory_kib=8, iterations=1, parallelism=1)
    document["digest"] = keyslots.document_digest(document)
    (folder / "keyslots.json").write_text(json.dumps(document))
    window = _window(qtbot, folder, settings)
    window.unlock_screen.ask_recovery = lambda: (code, NEW_PASSPHRASE)
    window.unlock_screen.use_recovery_code()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=JOB)
    sealed = window.session.vault.slot_file.slots[keyslots.PASSPHRASE].params
    assert sealed.memory_kib >= TEST_PARAMS.memory_kib and sealed != Argon2Params(8, 1, 1)


def test_an_interrupted_rekey_is_finished_on_unlock_and_said(
    qtbot, demo_vault, settings: AppSettings, said
) -> None:
    folder, code = demo_vault
    vault = Vault.open(folder, passphrase=GUI_PASSPHRASE, policy=CHEAP)
    new_key = bytearray(secrets.token_bytes(32))
    pending = keyslots.sealed_slots(
        vault.vault_id,
        new_key,
        passphrase=GUI_PASSPHRASE,
        recovery_code=code,
        passphrase_params=TEST_PARAMS,
        recovery_params=TEST_PARAMS,
    )
    rekeying.export_copy(vault.db, folder, new_key)
    pending.save(folder / rekeying.PENDING_SLOTS_NAME)
    vault.db.close()
    (folder / rekeying.REKEY_DATABASE_NAME).replace(folder / "vault.db")
    vault._lock.release()  # killed here: after the commit point, before the slots followed
    window = _window(qtbot, folder, settings)
    _unlock(qtbot, window)
    assert any(
        "afgemaakt" in text for _kind, title, text in said["shown"] if title == "Sleutelwissel"
    )
    assert bytes(window.session.vault.data_key) == bytes(new_key)


# -- destruction offers a new key ------------------------------------------------------------------


def test_destroying_a_case_offers_a_new_key(qtbot, unlocked: MainWindow, said) -> None:
    cases = unlocked.workspace.show_page("cases")
    journal = unlocked.session.journal
    case = next(c for c in journal.find(Case) if c.status == "open")
    cases.open_case(case.id)
    dialog = cases.view.retention.ask_to_destroy()
    assert dialog is not None
    said["yes"] = True
    qtbot.keyClicks(dialog.confirm, case.number)
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: journal.get(Case, case.id).is_destroyed)
    offer = said["shown"][-1]
    assert offer[0] == "ask" and offer[1] == "Melding vernietigd"
    assert "nieuwe sleutel" in offer[2] and "oude sleutelbestanden" in offer[2]
    qtbot.waitUntil(lambda: getattr(unlocked, "rekey_dialog", None) is not None)
    assert isinstance(unlocked.rekey_dialog, RekeyDialog)
    assert unlocked.rekey_dialog.isVisible()


# -- the lock drops the key and the search text ---------------------------------------------------


def _reachable(needles_bytes: list[bytes], needles_text: list[str], exclude: set[int]) -> list[str]:
    """Every object the program still references (from the garbage collector's roots down)
    that holds one of the needles."""
    gc.collect()
    roots: list[object] = list(gc.get_objects())
    roots += list(sys._current_frames().values())
    seen: set[int] = set(exclude)
    seen.add(id(roots))
    found: list[str] = []
    stack = roots
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, (bytes, bytearray)):
            if any(needle in obj for needle in needles_bytes):
                found.append(f"{type(obj).__name__} of {len(obj)} bytes")
            continue
        if isinstance(obj, memoryview):
            continue
        if isinstance(obj, str):
            if any(needle in obj for needle in needles_text):
                found.append(f"str {obj[:40]!r}…")
            continue
        stack.extend(gc.get_referents(obj))
    return found


def _search_and_back_up(qtbot, window: MainWindow, marker: str, stick: Path) -> None:
    """Every path that uses the key: the search screen's reader and a backup. In a function
    of its own, so that the test keeps no reference to the pages."""
    search = window.workspace.show_page("search")
    search.field.setText(marker)
    search.search_now()
    qtbot.waitUntil(
        lambda: search.results is not None and search.results.typed == marker, timeout=JOB
    )
    backup = window.workspace.show_page("backup")
    backup.find_volumes = lambda: []
    backup.set_folder(stick)
    backup.make_button.click()
    qtbot.waitUntil(lambda: not backup.busy_now, timeout=JOB)
    assert list(stick.iterdir())


def test_after_a_lock_no_object_the_program_holds_has_the_data_key_or_the_search_text(
    qtbot, unlocked: MainWindow, tmp_path: Path, said
) -> None:
    vault = unlocked.session.vault
    key = bytearray(vault.data_key)  # the test's own copy, excluded below
    marker = "zoekterm" + secrets.token_hex(6)
    stick = tmp_path / "stick"
    stick.mkdir()
    _search_and_back_up(qtbot, unlocked, marker, stick)

    unlocked.lock()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert vault._data_key == bytes(32)  # wiped in place

    hex_key = key.hex()
    needles_bytes = [bytes(key), hex_key.encode(), hex_key.upper().encode()]
    needles_text = [hex_key, hex_key.upper(), marker]
    exclude = {id(key), id(hex_key), id(marker), id(needles_bytes), id(needles_text)}
    exclude |= {id(n) for n in needles_bytes + needles_text}
    found = _reachable(needles_bytes, needles_text, exclude)
    assert found == [], found
    # The control: the same walk finds the key while something holds it.
    holder = [bytes(key)]
    assert _reachable(needles_bytes, needles_text, exclude) != []
    del holder


# -- how the screens look ---------------------------------------------------------------------------


def test_render_the_security_screens_at_1366_by_768(
    qtbot, unlocked: MainWindow, tmp_path: Path, said
) -> None:
    unlocked.resize(1366, 768)
    section = _security(qtbot, unlocked)
    settings_dialog = section.window()
    settings_dialog.resize(760, 520)
    shots = {"instellingen-beveiliging": settings_dialog}
    section.change_passphrase()
    change = section.dialog
    change.current.setText(GUI_PASSPHRASE)
    change.fields.first.setText("Zomer2025")
    shots["wachtwoord-wijzigen"] = change
    for name, widget in shots.items():
        widget.show()
        qtbot.waitExposed(widget)
        path = tmp_path / f"{name}.png"
        assert widget.grab().save(str(path))
        assert path.stat().st_size > 5000
    change.reject()
    section.new_recovery_code()
    code_dialog = section.dialog
    code_dialog.current.setText(GUI_PASSPHRASE)
    code_dialog.ok_button.click()
    rekey_dialog = RekeyDialog(section.manager)
    qtbot.addWidget(rekey_dialog)
    for name, widget in (("nieuwe-herstelcode", code_dialog), ("nieuwe-sleutel", rekey_dialog)):
        widget.show()
        qtbot.waitExposed(widget)
        assert widget.grab().save(str(tmp_path / f"{name}.png"))
