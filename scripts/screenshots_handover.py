"""Screenshots of linked, anonymous and group cases, a hand-over and a merge, for the user guide.

Called by scripts/screenshots.py with its unlocked demo window; on its own it makes its own
throwaway demo vault:

    .venv/bin/python scripts/screenshots_handover.py [--language nl|en] [--out docs/screenshots]

Every picture is the 1366×768 main window, with the dialog over it where there is one.
Everything shown is fictional.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

if TYPE_CHECKING:
    from vpnotebook.gui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots_import import demo_window, save_over, settle, wait

TODAY = date(2026, 11, 28)
PASSPHRASE = "zeven vrolijke wolken boven het stille meer"
COLLEAGUE = "de kluis van collega Bakker voor het hele jaar"


def _save(window: QWidget, out: Path, name: str, app: QApplication) -> None:
    settle(app)
    path = out / f"{name}.png"
    window.grab().save(str(path))
    print(path)


def _show_in_intake(view: object, widget: QWidget, app: QApplication) -> None:
    for area in view.findChildren(QScrollArea):
        if area.isAncestorOf(widget):
            area.ensureWidgetVisible(widget, 40, 120)
    settle(app)


def shoot_cases(window: MainWindow, out: Path, app: QApplication) -> list[int]:
    """An anonymous case, a group, and the links of a case; returns cases to hand over."""
    from vpnotebook.core.models import Case
    from vpnotebook.gui.cases.case_view import Tab

    journal = window.session.journal
    cases = window.workspace.show_page("cases")
    anonymous = journal.find(
        Case, "reporter_known = 0 AND destroyed_on IS NULL", order="year DESC, seq DESC"
    )[0]
    cases.open_case(anonymous.id)
    cases.view.tabs.setCurrentIndex(Tab.INTAKE)
    _show_in_intake(cases.view, cases.view.intake.anonymous_note, app)
    _save(window, out, "60-melding-anoniem", app)
    group = journal.find(
        Case, "reporter_count > 1 AND destroyed_on IS NULL", order="year DESC, seq DESC"
    )[0]
    cases.open_case(group.id)
    cases.view.tabs.setCurrentIndex(Tab.INTAKE)
    _show_in_intake(cases.view, cases.view.intake.reporter_count, app)
    _save(window, out, "61-melding-groep", app)
    linked = int(journal.db.query("SELECT case_id FROM case_links ORDER BY id")[0][0])
    cases.open_case(linked)
    cases.view.tabs.setCurrentIndex(Tab.LINKS)
    links = cases.view.links
    links.records.table.selectRow(0)
    _save(window, out, "62-melding-gekoppeld", app)
    # Running cases of the busiest organisation go to a substitute; three have consent.
    running = journal.find(
        Case, "destroyed_on IS NULL AND status != 'closed'", order="year DESC, seq DESC"
    )
    busiest = max(
        {case.organisation_id for case in running},
        key=lambda org: sum(case.organisation_id == org for case in running),
    )
    chosen = [case for case in running if case.organisation_id == busiest][:4]
    for case in chosen[:3]:
        journal.update(replace(case, handover_consent_on=date(2026, 11, 20)))
    return [case.id for case in chosen]


def shoot_handover(
    window: MainWindow, out: Path, app: QApplication, scratch: Path, case_ids: list[int]
) -> Path:
    """Every step of Bestand → Overdragen aan een collega…; returns the hand-over's folder."""
    from vpnotebook.core.models import Case
    from vpnotebook.gui.common import dialogs

    journal = window.session.journal
    numbers = [journal.get(Case, case_id).number for case_id in case_ids]
    folder = scratch / "Overdracht aan J. Bakker"
    dialog = window.hand_over()
    dialog.today = TODAY
    dialog.organisation.setCurrentIndex(
        dialog.organisation.findData(journal.get(Case, case_ids[0]).organisation_id)
    )
    dialog.choose(numbers)
    dialog.recipient.setText("J. Bakker")
    dialog.folder.setText(str(folder))
    save_over(window, dialog, out, "63-overdragen-toestemming", app)
    dialog.choose(numbers[:3])
    save_over(window, dialog, out, "64-overdragen-kiezen", app)
    dialog.next()
    dialog.fields.first.setText(PASSPHRASE)
    dialog.fields.second.setText(PASSPHRASE)
    save_over(window, dialog, out, "65-overdragen-wachtwoord", app)
    dialog.next()
    groups = dialog.view.code.split("-")
    dialog.view.check.setText(f"{groups[1]} {groups[-1]}")
    save_over(window, dialog, out, "66-overdragen-herstelcode", app)
    dialogs.set_test_hook(lambda kind, title, text: False)  # no new key asked for here
    dialog.next()
    wait(app, lambda: not dialog.busy, "the hand-over to be written")
    dialogs.set_test_hook(None)
    save_over(window, dialog, out, "67-overdragen-klaar", app)
    dialog.reject()
    cases = window.workspace.show_page("cases")
    cases.open_case(case_ids[0])
    _save(window, out, "68-melding-overgedragen", app)
    return folder


def shoot_merge(
    window: MainWindow, out: Path, app: QApplication, scratch: Path, folder: Path
) -> None:
    """The colleague's program: Andere kluis openen, then Bestand → Overdracht samenvoegen…"""
    from vpnotebook.core.journal import Journal
    from vpnotebook.core.models import Organisation
    from vpnotebook.vault.kdf import TEST_PARAMS
    from vpnotebook.vault.vault import Vault

    own = scratch / "kluis-collega"
    vault, _ = Vault.create(own, COLLEAGUE, kdf_params=TEST_PARAMS)
    Journal(vault.db).add(Organisation(name="Gemeente Wadwijk", employee_count=420))
    vault.close()
    window.open_other_vault(own)
    window.unlock_screen.passphrase.setText(COLLEAGUE)
    window.unlock_screen.unlock()
    wait(app, lambda: not window.is_locked, "the colleague's vault to unlock")
    dialog = window.merge_handover()
    dialog.today = TODAY
    dialog.folder.setText(str(folder))
    dialog.secret.setText(PASSPHRASE)
    save_over(window, dialog, out, "69-samenvoegen-openen", app)
    dialog.next()
    wait(app, lambda: dialog.pages.currentIndex() == dialog.PREVIEW, "the preview")
    save_over(window, dialog, out, "70-samenvoegen-voorbeeld", app)
    dialog.next()
    wait(app, lambda: dialog.pages.currentIndex() == dialog.DONE, "the merge")
    save_over(window, dialog, out, "71-samenvoegen-klaar", app)
    dialog.reject()


def shoot_all(window: MainWindow, out: Path, app: QApplication, scratch: Path) -> None:
    case_ids = shoot_cases(window, out, app)
    folder = shoot_handover(window, out, app, scratch, case_ids)
    shoot_merge(window, out, app, scratch, folder)


def main() -> int:
    from vpnotebook.gui.app import create_application

    parser = argparse.ArgumentParser()
    parser.add_argument("--language", choices=("nl", "en"), default="nl")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        window = demo_window(base, args.language, app)
        shoot_all(window, args.out, app, base)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
