"""Run as a program (tests/gui/test_laptop_layout.py starts it): the real window on a screen of
a given size and scale, every page, every tab of a case and every dialog, measured.

    python layout_probe.py OUT.json

The screen comes from the environment (QT_QPA_PLATFORM=offscreen:configfile=…, QT_SCALE_FACTOR),
which must be set before Qt starts: that is why this is a process of its own. Prints nothing;
writes what it measured as JSON.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

from vpnotebook.core.demo import fill_demo
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case
from vpnotebook.core.retention import OVERDUE, case_retention, due_for_destruction
from vpnotebook.gui.app import create_application
from vpnotebook.gui.common import dialogs
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

PASSPHRASE = "paarse olifant danst op zolder"
TODAY = date(2026, 11, 28)


def settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def problems(window: QWidget) -> list[str]:
    """What does not fit: sideways scroll bars, and content wider than what shows it."""
    found: list[str] = []
    for area in window.findChildren(QAbstractScrollArea):
        if not area.isVisibleTo(window) or area.window() is not window:
            continue
        name = f"{type(area).__name__}:{area.objectName() or area.accessibleName()}"
        if area.horizontalScrollBar().isVisible():
            found.append(f"sideways scroll bar in {name}")
        content = area.widget() if isinstance(area, QScrollArea) else None
        if content is not None and content.width() > area.viewport().width() + 1:
            found.append(f"{name} cuts its content: {content.width()} > {area.viewport().width()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        right = widget.mapTo(window, widget.rect().topRight()).x()
        if right > window.width() + 1 and not _inside_scrolling(widget, window):
            found.append(f"{type(widget).__name__} ends at {right} > {window.width()}")
    return found


def _inside_scrolling(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def main() -> int:
    out = Path(sys.argv[1])
    app = create_application()
    dialogs.set_test_hook(lambda kind, title, text: True)
    screen = app.primaryScreen().availableGeometry()
    result: dict[str, Any] = {
        "screen": [screen.width(), screen.height()],
        "scale": app.primaryScreen().devicePixelRatio(),
        "pages": {},
        "dialogs": {},
    }
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        settings = AppSettings(base / "instellingen.ini")
        wizard_window = MainWindow(base / "nieuw", settings, kdf_params=TEST_PARAMS)
        wizard_window.show()
        settle(app)
        result["wizard_minimum"] = [
            wizard_window.minimumSizeHint().width(),
            wizard_window.minimumSizeHint().height(),
        ]
        wizard_window.close()

        folder = base / "kluis"
        vault, _ = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
        fill_demo(Journal(vault.db), cases=60, seed=1, today=TODAY)
        vault.close()
        window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
        window.show()
        window.unlock_screen.passphrase.setText(PASSPHRASE)
        window.unlock_screen.unlock()
        while window.is_locked:
            app.processEvents()
        assert window.workspace is not None and window.session is not None
        # The largest the screen allows, as a VP would maximise it.
        window.resize(screen.width(), screen.height())
        settle(app)
        for key in window.workspace.pages:
            window.workspace.show_page(key)
            settle(app)
            result["pages"][key] = problems(window)
        cases = window.workspace.cases_page()
        journal = window.session.journal
        for status in ("open", "closed"):
            case = journal.find(Case, "status = ? AND destroyed_on IS NULL", (status,))[0]
            assert case.id is not None
            cases.open_case(case.id)
            for index in range(cases.view.tabs.count()):
                cases.view.tabs.setCurrentIndex(index)
                settle(app)
                result["pages"][f"{status} case, tab {index}"] = problems(window)
        minimum = window.minimumSizeHint()
        result["window_minimum"] = [minimum.width(), minimum.height()]
        result["window"] = [window.width(), window.height()]
        for name, dialog in _dialogs(window, journal):
            dialog.show()
            settle(app)
            hint = dialog.minimumSizeHint()
            result["dialogs"][name] = {
                "minimum": [hint.width(), hint.height()],
                "size": [dialog.width(), dialog.height()],
                "problems": problems(dialog),
            }
            dialog.close()
        window.close()
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


def _dialogs(window: MainWindow, journal: Journal) -> list[tuple[str, QWidget]]:
    from vpnotebook.gui.cases.access import AccessExportDialog
    from vpnotebook.gui.cases.closing import CloseCaseDialog
    from vpnotebook.gui.cases.intervision import IntervisionDialog
    from vpnotebook.gui.cases.retention import DestroyCaseDialog, KeepLongerDialog
    from vpnotebook.gui.help.about import AboutDialog
    from vpnotebook.gui.help.guide import GuideWindow
    from vpnotebook.gui.help.shortcuts import ShortcutsDialog
    from vpnotebook.gui.today.batch_destruction import BatchDestroyDialog
    from vpnotebook.gui.unlock.recovery import RecoveryDialog

    open_case = journal.find(Case, "status = 'open'")[0]
    closed = journal.find(Case, "status = 'closed' AND destroyed_on IS NULL", order="closed_on")[0]
    assert open_case.id is not None and closed.id is not None
    status = case_retention(journal, closed.id, TODAY)
    overdue = [s for s in due_for_destruction(journal, TODAY) if s.state == OVERDUE]
    assert window.workspace is not None
    intake = window.workspace.cases_page().new_case()
    assert intake is not None
    found: list[tuple[str, QWidget]] = [
        ("new case", intake),
        ("close case", CloseCaseDialog(journal, open_case.id, window)),
        ("destroy case", DestroyCaseDialog(journal, closed, status, 5, TODAY, window)),
        ("access export", AccessExportDialog(journal, closed, TODAY, window)),
        ("intervisie", IntervisionDialog(journal, open_case, TODAY, window)),
        ("settings", window.settings_dialog()),
        ("about", AboutDialog(window)),
        ("shortcuts", ShortcutsDialog([], window)),
        ("guide", GuideWindow(window)),
        ("recovery", RecoveryDialog(window)),
    ]
    if status is not None:
        found.append(("keep longer", KeepLongerDialog(journal, status, TODAY, window)))
    if overdue:
        found.append(("batch destruction", BatchDestroyDialog(journal, overdue, 5, TODAY, window)))
    return found


if __name__ == "__main__":
    sys.exit(main())
