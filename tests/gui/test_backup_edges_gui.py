"""Issue 17 in the desktop program: the backup screen refuses a damaged vault, lists backups
by the time recorded inside them, a restore killed half-way is finished at the next start,
and a vault that can only be opened read-only is clearly marked so and saves nothing.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Organisation
from vpnotebook.gui.backup.page import BackupPage
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.session import Session
from vpnotebook.vault.backup import list_backups, make_backup
from vpnotebook.vault.errors import DamagedVaultNotBackedUpError, ReadOnlyVaultError
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

PASSPHRASE = "paarse olifant danst op zolder"  # conftest's GUI_PASSPHRASE
JOB_TIMEOUT = 60_000


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "USB-STICK"
    folder.mkdir()
    return folder


@pytest.fixture
def backup_page(qtbot, session: Session, answers) -> BackupPage:
    page = BackupPage(session)
    qtbot.addWidget(page)
    page.find_volumes = lambda: []
    page.refresh()
    return page


def _flip_a_bit_in_an_index_page(vault: Vault) -> None:
    vault.db.checkpoint()
    page = max(
        int(row[0])
        for row in vault.db.query(
            "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND rootpage > 0"
        )
    )
    with (vault.folder / "vault.db").open("r+b") as handle:
        handle.seek((page - 1) * 4096 + 2048)
        byte = handle.read(1)[0]
        handle.seek((page - 1) * 4096 + 2048)
        handle.write(bytes([byte ^ 0x10]))


def test_the_backup_screen_refuses_a_damaged_vault_and_keeps_the_good_backups(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, answers
) -> None:
    good = make_backup(session.vault, stick, now=datetime(2026, 11, 1, 9, 0)).path
    _flip_a_bit_in_an_index_page(session.vault)
    backup_page.set_folder(stick)
    backup_page.keep.setValue(1)
    qtbot.mouseClick(backup_page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not backup_page.busy_now, timeout=JOB_TIMEOUT)

    assert answers and answers[-1][0] == "error"
    assert answers[-1][2] == DamagedVaultNotBackedUpError.message_nl
    assert DamagedVaultNotBackedUpError.message_nl in backup_page.make_result.text()
    assert list_backups(stick) == [good]  # keep 1, and still the good one is there
    assert sorted(p.name for p in stick.iterdir()) == [good.name]


def test_the_list_says_when_each_backup_was_made_as_recorded_inside_it(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, tmp_path: Path
) -> None:
    older = make_backup(session.vault, stick, now=datetime(2026, 10, 1, 9, 5)).path
    newer = make_backup(session.vault, stick, now=datetime(2026, 11, 2, 14, 30)).path
    older.rename(stick / "vpnotebook-9999.vpbackup")  # the name no longer tells
    other, _ = Vault.create(tmp_path / "andere", PASSPHRASE, kdf_params=TEST_PARAMS)
    with other:
        foreign = make_backup(other, stick, now=datetime(2026, 11, 3, 8, 0)).path
    backup_page.set_folder(stick)
    rows = [
        backup_page.backups.topLevelItem(i) for i in range(backup_page.backups.topLevelItemCount())
    ]
    assert [row.text(2) for row in rows] == [newer.name, "vpnotebook-9999.vpbackup", foreign.name]
    assert [row.text(0) for row in rows] == [
        "02-11-2026 om 14:30",
        "01-10-2026 om 09:05",
        "onbekend",
    ]
    assert rows[2].toolTip(0)


def test_the_date_goes_into_the_name_only_when_the_vp_asks(
    qtbot, backup_page: BackupPage, session: Session, stick: Path
) -> None:
    backup_page.set_folder(stick)
    qtbot.mouseClick(backup_page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not backup_page.busy_now, timeout=JOB_TIMEOUT)
    backup_page.date_in_name.setChecked(True)
    qtbot.mouseClick(backup_page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not backup_page.busy_now, timeout=JOB_TIMEOUT)
    first, second = list_backups(stick)
    assert first.name == "vpnotebook-0001.vpbackup"
    assert second.name == f"vpnotebook-0002-{datetime.now().strftime('%Y-%m-%d')}.vpbackup"
    assert session.journal.setting("backup_date_in_name") == "1"


# -- a restore killed between its renames --------------------------------------------------------

VICTIM = """\
import os, sys
from pathlib import Path
real, calls = os.replace, [0]
def replace(*args, **kwargs):
    calls[0] += 1
    if calls[0] == 4:  # staging -> target: the old vault is aside, the new one not yet in
        print("paused", flush=True)
        sys.stdin.readline()
    return real(*args, **kwargs)
os.replace = replace
from vpnotebook.vault.restore import restore_backup
restore_backup(Path(sys.argv[1]), Path(sys.argv[2]), passphrase=sys.argv[3], replace=True)
"""


def test_a_restore_killed_between_its_renames_is_finished_when_the_program_starts(
    qtbot, demo_vault, settings, answers, tmp_path: Path
) -> None:
    folder, _ = demo_vault
    stick = tmp_path / "stick"
    stick.mkdir()
    source, _ = Vault.create(tmp_path / "bron", PASSPHRASE, kdf_params=TEST_PARAMS)
    with source:
        Journal(source.db).add(Organisation(name="Stichting uit de reservekopie"))
        backup = make_backup(source, stick).path
    script = tmp_path / "slachtoffer.py"
    script.write_text(VICTIM, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, str(script), str(backup), str(folder), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as victim:
        assert victim.stdout is not None and victim.stdout.readline().strip() == "paused"
        victim.kill()
        victim.wait(30)
    assert not folder.exists()  # no vault at the target: the window would offer a new one

    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    kind, title, text = answers[-1]
    assert (kind, title) == ("info", "Terugzetten afgemaakt")
    assert str(folder) in text and "voor-herstel" in text
    assert window.wizard is None and window.stack.currentWidget() is window.unlock_screen
    with Vault.open(folder, passphrase=PASSPHRASE) as restored:
        (org,) = Journal(restored.db).find(Organisation)
        assert org.name == "Stichting uit de reservekopie"


# -- read-only --------------------------------------------------------------------------------------


def test_a_read_only_opening_shows_the_banner_and_saves_nothing_pretending(
    qtbot, demo_vault, settings, answers, tmp_path: Path
) -> None:
    folder, _ = demo_vault
    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()
    # The same opening the unlock screen falls back to on a full or read-only disk.
    window._unlocked(Session(Vault.open(folder, passphrase=PASSPHRASE, access="ro")))
    banner = window.read_only_banner
    assert banner.isVisible() and "Alleen lezen" in banner.text()
    assert "wijzigingen worden niet bewaard" in banner.text()
    assert window.lock_label.text() == "Ontgrendeld, alleen lezen"
    assert not window.new_case_action.isEnabled()
    assert window.session is not None
    with pytest.raises(ReadOnlyVaultError) as refused:
        window.session.journal.add(Organisation(name="Kan niet"))
    assert refused.value.message("nl") == ReadOnlyVaultError.message_nl
    # A backup through the screen still works (and is not recorded in the vault).
    assert window.workspace is not None
    page = window.workspace.show_page("backup")
    page.find_volumes = lambda: []
    stick = tmp_path / "stick"
    stick.mkdir()
    page.set_folder(stick)
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy_now, timeout=JOB_TIMEOUT)
    (made,) = list_backups(stick)
    assert page.last_made is not None and page.last_made.path == made
    assert not [a for a in answers if a[0] == "error"], answers
    window.lock()
    assert window.is_locked


GUI_DRIVER = """\
import json, os, sys, time
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from vpnotebook.gui import app as gui_app
from vpnotebook.gui.common import dialogs
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings

folder, out, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
app = gui_app.create_application()
dialogs.set_test_hook(lambda kind, title, text: True)
window = MainWindow(folder, AppSettings(out / "instellingen.ini"))
window.resize(1366, 768)
window.show()
window.unlock_screen.passphrase.setText(passphrase)
window.unlock_screen.unlock()
deadline = time.monotonic() + 60
while window.workspace is None and time.monotonic() < deadline:
    app.processEvents()
    if window.unlock_screen.message.isVisible():
        break
banner = getattr(window, "read_only_banner", None)
window.grab().save(str(out / "alleen-lezen.png"))
result = {
    "unlocked": window.workspace is not None,
    "error": window.unlock_screen.message.text(),
    "banner": banner.text() if banner is not None and banner.isVisible() else None,
    "lock_label": window.lock_label.text(),
}
window.lock()
window.close()
print(json.dumps(result))
"""


def test_on_a_read_only_medium_the_program_opens_read_only_and_says_so(
    demo_vault, tmp_path: Path
) -> None:
    """The real fault: the vault folder is a read-only bind mount (private mount namespace);
    the whole program runs there, unlocked by typing the passphrase."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is needed to make a read-only medium")
    prefix = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        prefix[1:1] = ["--user", "--map-root-user"]
    folder, _ = demo_vault
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    out = tmp_path / "uit"
    out.mkdir()
    driver = tmp_path / "driver.py"
    driver.write_text(GUI_DRIVER, encoding="utf-8")
    quoted = shlex.quote(str(folder))
    script = f"mount --bind {quoted} {quoted} && mount -o remount,ro,bind {quoted} && " + " ".join(
        shlex.quote(w) for w in (sys.executable, str(driver), str(folder), str(out), PASSPHRASE)
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [*prefix, "sh", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["unlocked"], result
    assert result["banner"] and "alleen-lezend geopend" in result["banner"]
    assert result["lock_label"] == "Ontgrendeld, alleen lezen"
    assert (out / "alleen-lezen.png").stat().st_size > 10_000
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
