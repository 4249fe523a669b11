"""Render every main screen and dialog of a fictional demo vault to PNG, offscreen.

    .venv/bin/python scripts/screenshots.py [--language nl|en] [--out docs/screenshots]
    .venv/bin/python scripts/screenshots.py --screen 1280x720 --scale 1.5 --out docs/screenshots/150

Uses a throwaway demo vault with cheap key derivation in a temporary folder, a screen of the
given size (default 1366×768, a common laptop) at the given scale, the window as large as that
screen allows, and isolated settings. Nothing of a real vault is touched. Each picture is
taken once the program has finished its work (the key derivation, a search, a layout pass).
At a scale other than 1 only the main screens and the case are taken (`--all` for everything).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path


def _screen_from_arguments() -> None:
    """The offscreen screen's size and scale are fixed when Qt starts: set them first."""
    screen, scale = "1366x768", "1"
    for index, argument in enumerate(sys.argv):
        if argument == "--screen" and index + 1 < len(sys.argv):
            screen = sys.argv[index + 1]
        if argument == "--scale" and index + 1 < len(sys.argv):
            scale = sys.argv[index + 1]
    width, height = (int(part) for part in screen.lower().split("x"))
    config = Path(tempfile.mkdtemp(prefix="vpnotebook-screen-")) / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                ]
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = scale


_screen_from_arguments()

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402  (after the screen is set)

from vpnotebook.core.demo import fill_demo  # noqa: E402
from vpnotebook.core.journal import Journal  # noqa: E402
from vpnotebook.core.profile import save_vp_profile  # noqa: E402
from vpnotebook.gui import i18n  # noqa: E402
from vpnotebook.gui.app import create_application  # noqa: E402
from vpnotebook.gui.main_window import MainWindow  # noqa: E402
from vpnotebook.gui.settings.store import AppSettings  # noqa: E402
from vpnotebook.vault.kdf import TEST_PARAMS  # noqa: E402
from vpnotebook.vault.vault import Vault  # noqa: E402

PASSPHRASE = "paarse olifant danst op zolder"
TODAY = date(2026, 11, 28)


def settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def fill_screen(window: QWidget, app: QApplication) -> None:
    """As large as the screen allows, as a VP maximises the window on a laptop."""
    room = app.primaryScreen().availableGeometry()
    window.resize(room.width(), room.height())


def wait_for(app: QApplication, done: Callable[[], bool], what: str) -> None:
    """Until the program has finished (a search, a key derivation); 60 s at most."""
    deadline = time.monotonic() + 60
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"still waiting for {what}")
        app.processEvents()


def save(widget: QWidget, out: Path, name: str, app: QApplication) -> None:
    settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def shoot_case_screens(window: MainWindow, out: Path, app: QApplication) -> None:
    """A case opened at each tab, and the dialogs the VP meets around a case."""
    from vpnotebook.core.models import Case
    from vpnotebook.core.retention import case_retention
    from vpnotebook.gui.cases.access import AccessExportDialog
    from vpnotebook.gui.cases.case_view import Tab
    from vpnotebook.gui.cases.closing import CloseCaseDialog
    from vpnotebook.gui.cases.intervision import IntervisionDialog
    from vpnotebook.gui.cases.retention import DestroyCaseDialog, KeepLongerDialog

    assert window.workspace is not None and window.session is not None
    journal = window.session.journal
    today = TODAY
    cases = window.workspace.show_page("cases")
    open_case = journal.find(
        Case, "status = 'open' AND reporter_known = 1", order="year DESC, seq DESC"
    )[0]
    cases.open_case(open_case.id)
    for tab, name in (
        (Tab.INTAKE, "intake"),
        (Tab.CONVERSATIONS, "gesprekken"),
        (Tab.ROUTES, "routes"),
        (Tab.FOLLOW_UPS, "nazorg"),
        (Tab.TIME, "tijd"),
    ):
        cases.view.tabs.setCurrentIndex(tab)
        save(window, out, f"20-melding-{name}", app)
    closed = journal.find(Case, "status = 'closed' AND destroyed_on IS NULL", order="closed_on")[0]
    cases.open_case(closed.id)
    cases.view.tabs.setCurrentIndex(Tab.INTAKE)
    save(window, out, "21-afgesloten-melding", app)
    status = case_retention(journal, closed.id, today)
    dialogs_to_shoot: list[tuple[str, QWidget]] = [
        ("22-nieuwe-melding", cases.new_case()),
        ("23-afsluiten", CloseCaseDialog(journal, open_case.id, window)),
        ("24-vernietigen", DestroyCaseDialog(journal, closed, status, 5, today, window)),
        ("26-inzage-export", AccessExportDialog(journal, closed, today, window)),
        ("29-intervisie", IntervisionDialog(journal, open_case, today, window)),
    ]
    if status is not None:
        dialogs_to_shoot.append(
            ("25-langer-bewaren", KeepLongerDialog(journal, status, today, window))
        )
    for name, dialog in dialogs_to_shoot:
        if dialog is None:
            continue
        dialog.show()
        save(dialog, out, name, app)
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()
    search = window.workspace.show_page("search")
    search.field.setText("leidinggevende")
    search.search_now()
    # Only once the results are on screen: never "Bezig met zoeken…".
    wait_for(
        app,
        lambda: search.results is not None and search.results.typed == "leidinggevende",
        "the search",
    )
    save(window, out, "27-zoeken-resultaten", app)


def shoot_today_destruction(window: MainWindow, out: Path, app: QApplication) -> None:
    """Today with the overdue cases ticked, and the one confirmation for all of them."""
    from vpnotebook.gui.today.page import TodayPage

    assert window.workspace is not None
    today = window.workspace.show_page("today")
    assert isinstance(today, TodayPage)
    today.today = TODAY
    today.refresh()
    today.destruction_actions.check_all.click()
    dialog = today.destroy_checked()
    if dialog is not None:
        save(dialog, out, "28-vernietigen-meerdere", app)
        dialog.reject()
    today.destruction_actions.check_all.click()  # unticked again for the pictures after


def shoot_help(window: MainWindow, out: Path, app: QApplication) -> None:
    """Help: the user guide at a chapter with a picture, the shortcuts, Over vpnotebook."""
    guide = window.help_menu.show_guide("zoeken")
    save(guide, out, "50-handleiding", app)
    guide.close()
    from vpnotebook.gui.help.about import AboutDialog
    from vpnotebook.gui.help.shortcuts import ShortcutsDialog

    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    for name, dialog in (
        ("51-sneltoetsen", ShortcutsDialog(menus, window)),
        ("52-over", AboutDialog(window)),
    ):
        dialog.show()
        save(dialog, out, name, app)
        dialog.close()


def shoot_first_steps(base: Path, settings: AppSettings, out: Path, app: QApplication) -> None:
    """Today just after the wizard: one organisation, no case yet."""
    from vpnotebook.core.models import Organisation

    folder = base / "nieuwe-kluis"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
    Journal(vault.db).add(Organisation(name="Gemeente Wadwijk", sector="overheid"))
    vault.close()
    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    fill_screen(window, app)
    window.show()
    unlock(window, app)
    save(window, out, "05-eerste-stappen", app)
    window.close()


def unlock(window: MainWindow, app: QApplication) -> None:
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock()
    wait_for(app, lambda: not window.is_locked, "the unlock")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", choices=("nl", "en"), default="nl")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--cases", type=int, default=150)
    # Read before Qt starts (see _screen_from_arguments); listed here for --help.
    parser.add_argument("--screen", default="1366x768", help="the screen, such as 1280x720")
    parser.add_argument("--scale", default="1", help="the scale, such as 1.5 for 150 %%")
    parser.add_argument("--all", action="store_true", help="every picture at any scale")
    args = parser.parse_args()
    everything = args.all or float(args.scale) == 1
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        settings = AppSettings(base / "instellingen.ini")
        settings.language = args.language
        i18n.install_language(args.language)

        wizard_window = MainWindow(base / "nieuw", settings, kdf_params=TEST_PARAMS)
        fill_screen(wizard_window, app)
        wizard_window.show()
        assert wizard_window.wizard is not None
        save(wizard_window, out, "01-eerste-start", app)
        wizard = wizard_window.wizard
        wizard.next()
        wizard.profile_page.name.setText("M. de Boer")
        wizard.profile_page.organisation_name.setText("Gemeente Wadwijk")
        wizard.next()
        fields = wizard.passphrase_page.fields
        fields.first.setText(PASSPHRASE)
        fields.second.setText(PASSPHRASE)
        save(wizard_window, out, "02-wachtwoord-kiezen", app)
        wizard_window.close()

        folder = base / "kluis"
        vault, _ = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
        fill_demo(Journal(vault.db), cases=args.cases, seed=1, today=TODAY)
        save_vp_profile(Journal(vault.db), "M. de Boer", "external")
        vault.close()
        shoot_first_steps(base, settings, out, app)
        window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
        fill_screen(window, app)
        window.show()
        save(window, out, "03-ontgrendelen", app)
        window.unlock_screen.passphrase.setText("verkeerd wachtwoord")
        window.unlock_screen.unlock()
        job = window.unlock_screen._job
        wait_for(app, lambda: job is None or not job.running, "the wrong passphrase's answer")
        save(window, out, "04-verkeerd-wachtwoord", app)
        unlock(window, app)
        assert window.workspace is not None
        for number, key in enumerate(window.workspace.pages, start=10):
            page = window.workspace.show_page(key)
            save(window, out, f"{number}-{key}", app)
            for name, dialog in getattr(page, "screenshot_dialogs", lambda: [])():
                dialog.resize(max(dialog.width(), 640), dialog.height())
                dialog.show()
                save(dialog, out, f"{number}-{key}-{name}", app)
                dialog.close()
        shoot_case_screens(window, out, app)
        if not everything:
            window.close()
            return 0
        shoot_today_destruction(window, out, app)
        shoot_help(window, out, app)
        from screenshots_import import shoot_import_wizard  # beside this script

        shoot_import_wizard(window, out, app, base)
        from screenshots_handover import shoot_cases, shoot_handover  # beside this script

        handed = shoot_handover(window, out, app, base, shoot_cases(window, out, app))
        dialog = window.settings_dialog()
        dialog.show()
        save(dialog, out, "30-instellingen", app)
        dialog.show_section(window.profile_section)
        save(dialog, out, "33-over-u", app)
        dialog.show_section(window.security_section)
        save(dialog, out, "32-beveiliging", app)
        dialog.close()
        from vpnotebook.gui.unlock.recovery import RecoveryDialog

        window.lock()
        recovery = RecoveryDialog(window)
        recovery.show()
        save(recovery, out, "31-herstelcode", app)
        recovery.close()
        from screenshots_handover import shoot_merge

        shoot_merge(window, out, app, base, handed)  # opens the colleague's vault: last
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
