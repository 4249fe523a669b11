"""Screenshots of every step of Bestand → Importeren uit Excel…, for the user guide.

Called by scripts/screenshots.py with its unlocked demo window; on its own it makes its own
throwaway demo vault:

    .venv/bin/python scripts/screenshots_import.py [--language nl|en] [--out docs/screenshots]

Each step is shown as the VP sees it: the wizard over the 1366×768 main window.
The spreadsheet is fictional, written to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from vpnotebook.gui.main_window import MainWindow

TODAY = date(2026, 11, 28)
HEADINGS = (
    "Nr.", "Datum", "Organisatie", "Afdeling", "Aard melding", "Soort contact", "Functie",
    "Geslacht", "Leeftijd", "Aantal gesprekken", "Doorverwezen naar", "Afgesloten",
    "Opmerkingen", "Behandelaar",
)  # fmt: skip
ROWS = (
    ("2025-01", datetime(2025, 1, 14), "Stichting Kinderopvang Lindeloo", "Kantoor",
     "Pesten", "Melding", "Medewerker", "V", 41, 3, "Bedrijfsarts", "ja",
     "Wil geen stappen zonder overleg.", "RV"),
    ("2025-02", datetime(2025, 2, 3), "Stichting Kinderopvang Lindeloo", "Buitenschoolse opvang",
     "seks. intimidatie", "melding", "pedagogisch medewerker", "v", 27, 2, "", "nee", "", "RV"),
    ("2025-03", "18-3-25", "Bouwbedrijf Zandmeer", "Uitvoering", "agressie/geweld", "Vraag",
     "Leidinggevende", "M", "45-54", 1, "HR", "ja", "Belt terug na overleg met HR.", "RV"),
    ("2025-04", 45772, "Bouwbedrijf Zandmeer", "Kantoor", "ruzie", "sparren", "Medewerker", "",
     "", 1, "", "nee", "", "RV"),
    ("2025-05", datetime(2025, 5, 20), "Thuiszorg Lindeloo-Zandmeer", "Wijkteam Noord",
     "Discriminatie, pesten", "Melding", "uitzendkracht", "man", 23, 4,
     "Bedrijfsmaatschappelijk werk", "afgesloten", "Voorval in de kantine.", "RV"),
    ("2025-06", datetime(2025, 6, 2), "Thuiszorg Lindeloo-Zandmeer", "Wijkteam Zuid",
     "ongewenste intimiteiten", "melding", "Medewerker", "V", 36, 2, "", "nee", "", "RV"),
)  # fmt: skip


def write_sample(folder: Path, *, bad_date: str | None = None) -> Path:
    """The fictional registration; `bad_date` replaces the third row's date (row 4)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Meldingen 2025"
    sheet.append(list(HEADINGS))
    for number, row in enumerate(ROWS, start=2):
        cells = list(row)
        if number == 4 and bad_date is not None:
            cells[1] = bad_date
        sheet.append(cells)
    workbook.create_sheet("Toelichting").append(["Vrije aantekeningen"])
    (folder / "Documenten").mkdir(exist_ok=True)
    path = folder / "Documenten" / "Registratie meldingen 2025.xlsx"
    workbook.save(path)
    return path


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save_over(window: QWidget, dialog: QWidget, out: Path, name: str, app: QApplication) -> None:
    """The dialog painted over the main window, centred, as one 1366×768 picture."""
    settle(app)
    shot = dialog.grab()
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 70))  # the window behind a modal dialog
    painter.drawPixmap(
        QPoint((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 2),
        shot,
    )
    painter.end()
    path = out / f"{name}.png"
    picture.save(str(path))
    print(path)


def wait(app: QApplication, condition: object, what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"gave up waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def shoot_import_wizard(window: MainWindow, out: Path, app: QApplication, scratch: Path) -> None:
    from vpnotebook.core.sheetimport import SKIP

    sample = write_sample(scratch, bad_date="31-02-2025")
    wizard = window.import_sheet()
    wizard.today = TODAY
    wizard.choices.today = TODAY
    wizard.resize(1080, 640)
    page = wizard.file_page
    page.path.setText(str(sample))
    page.read()
    wait(app, page.isComplete, "the file to be read")
    save_over(window, wizard, out, "40-importeren-bestand", app)
    wizard.next()
    columns = wizard.columns_page
    save_over(window, wizard, out, "41-importeren-kolommen", app)
    for row in range(len(columns.combos)):
        if columns.choice(row) == "":
            name = columns.table.item(row, columns.NAME).text()
            columns.choose(row, "nummer" if name == "Nr." else SKIP)
    wizard.next()
    values = wizard.values_page
    save_over(window, wizard, out, "42-importeren-waarden", app)
    write_sample(scratch)  # the VP corrects row 4 in Excel and saves
    values.read_again()
    wait(app, lambda: not values.reading, "the file to be read again")
    for row, (value, _) in enumerate(values.combos):
        values.choose(row, "outside_remit" if value.field == "aard" else "employee")
    wizard.next()
    save_over(window, wizard, out, "43-importeren-voorbeeld", app)
    wizard.next()
    wait(app, wizard.run_page.isComplete, "the import to finish")
    save_over(window, wizard, out, "44-importeren-klaar", app)
    result = wizard.run_page.result
    wizard.accept()
    # An imported case as it then opens: the remarks and the source line in the notes.
    from vpnotebook.gui.cases.case_view import Tab

    journal = window.session.journal
    cases = window.workspace.show_page("cases")
    cases.open_case(journal.case_by_number(result.case_numbers[0]).id)
    cases.view.tabs.setCurrentIndex(Tab.INTAKE)
    settle(app)
    from PySide6.QtWidgets import QScrollArea

    notes = cases.view.intake.notes
    for area in cases.view.findChildren(QScrollArea):
        if area.isAncestorOf(notes):
            area.ensureWidgetVisible(notes)
    settle(app)
    path = out / "45-importeren-melding.png"
    window.grab().save(str(path))
    print(path)


def demo_window(base: Path, language: str, app: QApplication) -> MainWindow:
    """The program over a throwaway demo vault in `base`, unlocked, at 1366×768."""
    from vpnotebook.core.demo import fill_demo
    from vpnotebook.core.journal import Journal
    from vpnotebook.gui import i18n
    from vpnotebook.gui.main_window import MainWindow
    from vpnotebook.gui.settings.store import AppSettings
    from vpnotebook.vault.kdf import TEST_PARAMS
    from vpnotebook.vault.vault import Vault

    passphrase = "paarse olifant danst op zolder"
    settings = AppSettings(base / "instellingen.ini")
    settings.language = language
    i18n.install_language(language)
    vault, _ = Vault.create(base / "kluis", passphrase, kdf_params=TEST_PARAMS)
    fill_demo(Journal(vault.db), cases=150, seed=1, today=TODAY)
    vault.close()
    window = MainWindow(base / "kluis", settings, kdf_params=TEST_PARAMS)
    window.resize(1366, 768)
    window.show()
    window.unlock_screen.passphrase.setText(passphrase)
    window.unlock_screen.unlock()
    wait(app, lambda: not window.is_locked, "the vault to unlock")
    return window


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
        window.workspace.show_page("cases")
        shoot_import_wizard(window, args.out, app, base)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
