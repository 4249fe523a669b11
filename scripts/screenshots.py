"""Render every main screen and dialog of a fictional demo vault to PNG, offscreen.

    .venv/bin/python scripts/screenshots.py [--language nl|en] [--out docs/screenshots]

Uses a throwaway demo vault with cheap key derivation in a temporary folder, a 1366×768
window (a common laptop screen) and isolated settings. Nothing of a real vault is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from vpnotebook.core.demo import fill_demo
from vpnotebook.core.journal import Journal
from vpnotebook.gui import i18n
from vpnotebook.gui.app import create_application
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

PASSPHRASE = "paarse olifant danst op zolder"
SIZE = (1366, 768)


def settle(app: QApplication) -> None:
    for _ in range(5):
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
    from vpnotebook.gui.cases.retention import DestroyCaseDialog, KeepLongerDialog

    assert window.workspace is not None and window.session is not None
    journal = window.session.journal
    today = date(2026, 11, 28)
    cases = window.workspace.show_page("cases")
    open_case = journal.find(Case, "status = 'open'", order="year DESC, seq DESC")[0]
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
    for _ in range(200):
        app.processEvents()
    save(window, out, "27-zoeken-resultaten", app)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", choices=("nl", "en"), default="nl")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--cases", type=int, default=150)
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        settings = AppSettings(base / "instellingen.ini")
        settings.language = args.language
        i18n.install_language(args.language)

        wizard_window = MainWindow(base / "nieuw", settings, kdf_params=TEST_PARAMS)
        wizard_window.resize(*SIZE)
        wizard_window.show()
        assert wizard_window.wizard is not None
        save(wizard_window, out, "01-eerste-start", app)
        wizard = wizard_window.wizard
        wizard.next()
        wizard.next()
        wizard.profile_page.name.setText("M. de Boer")
        wizard.next()
        wizard.organisation_page.name.setText("Gemeente Wadwijk")
        wizard.next()
        fields = wizard.passphrase_page.fields
        fields.first.setText(PASSPHRASE)
        fields.second.setText(PASSPHRASE)
        save(wizard_window, out, "02-wachtwoord-kiezen", app)
        wizard_window.close()

        folder = base / "kluis"
        vault, _ = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
        fill_demo(Journal(vault.db), cases=args.cases, seed=1, today=date(2026, 11, 28))
        vault.close()
        window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
        window.resize(*SIZE)
        window.show()
        save(window, out, "03-ontgrendelen", app)
        window.unlock_screen.passphrase.setText("verkeerd wachtwoord")
        window.unlock_screen.unlock()
        while window.unlock_screen._job is not None and window.unlock_screen._job.running:
            app.processEvents()
        save(window, out, "04-verkeerd-wachtwoord", app)
        window.unlock_screen.passphrase.setText(PASSPHRASE)
        window.unlock_screen.unlock()
        while window.is_locked:
            app.processEvents()
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
        from screenshots_import import shoot_import_wizard  # beside this script

        shoot_import_wizard(window, out, app, base)
        from screenshots_handover import shoot_cases, shoot_handover  # beside this script

        handed = shoot_handover(window, out, app, base, shoot_cases(window, out, app))
        dialog = window.settings_dialog()
        dialog.resize(760, 540)
        dialog.show()
        save(dialog, out, "30-instellingen", app)
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
