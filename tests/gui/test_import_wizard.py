"""Bestand → Importeren uit Excel…: the wizard driven as a VP drives it, over a real vault.

The path is typed into the file field, the buttons are clicked, the drop-downs are chosen;
the workbook and the CSV come from tests/sheet_files.py. Afterwards the vault holds exactly
the spreadsheet's cases — or, when a row is bad, exactly what it held before.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Department, Organisation
from vpnotebook.core.sheetimport import SKIP
from vpnotebook.gui.importing.wizard import SheetImportWizard
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

from .conftest import GUI_PASSPHRASE

NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def window(qtbot, tmp_path: Path, settings: AppSettings) -> Iterator[MainWindow]:
    """The program, unlocked by typing the passphrase, over a vault that knows Wadwijk."""
    folder = tmp_path / "kluis"
    vault, _ = Vault.create(folder, GUI_PASSPHRASE, kdf_params=TEST_PARAMS)
    journal = Journal(vault.db)
    wadwijk = journal.add(Organisation(name="Gemeente Wadwijk"))
    journal.add(Department(wadwijk.id, "Financiën"))
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


def _open_wizard(qtbot, window: MainWindow) -> SheetImportWizard:
    assert window.import_action.isEnabled()
    window.import_action.trigger()  # Bestand → Importeren uit Excel…
    (wizard,) = [w for w in window.workspace.findChildren(SheetImportWizard) if w.isVisible()]
    return wizard


def _choose_file(qtbot, wizard: SheetImportWizard, path: Path) -> None:
    page = wizard.file_page
    page.path.clear()
    qtbot.keyClicks(page.path, str(path))
    qtbot.keyClick(page.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.reading, timeout=10_000)


def _click(qtbot, wizard: SheetImportWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _import_and_finish(qtbot, window: MainWindow, wizard: SheetImportWizard) -> None:
    assert wizard.currentPage() is wizard.preview_page
    _click(qtbot, wizard, COMMIT)
    assert wizard.currentPage() is wizard.run_page
    qtbot.waitUntil(wizard.run_page.isComplete, timeout=20_000)
    assert wizard.run_page.failure is None, wizard.run_page.failure
    _click(qtbot, wizard, FINISH)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert window.workspace.current_key == "cases"  # where the imported cases are


def _snapshot(window: MainWindow, sheets: ModuleType) -> dict:
    return sheets.vault_snapshot(window.session.journal)


def test_the_workbook_imports_through_the_wizard(
    qtbot, window: MainWindow, tmp_path: Path, sheets: ModuleType
) -> None:
    path = sheets.write_workbook(tmp_path / "meldingen.xlsx")
    wizard = _open_wizard(qtbot, window)
    assert not wizard.button(NEXT).isEnabled()  # no file yet

    _choose_file(qtbot, wizard, path)
    page = wizard.file_page
    assert "Gevonden: 6 rijen met meldingen op blad 'Meldingen'" in page.status.text()
    assert [page.sheet.itemText(i) for i in range(page.sheet.count())] == [
        "Meldingen",
        "Toelichting",
    ]
    _click(qtbot, wizard, NEXT)

    columns = wizard.columns_page
    assert wizard.currentPage() is columns
    shown = {
        columns.table.item(row, columns.NAME).text(): columns.choice(row)
        for row in range(columns.table.rowCount())
    }
    assert shown == {
        "Datum eerste contact": "datum", "Organisatie": "organisatie", "Afdeling": "afdeling",
        "Aard melding": "aard", "Soort contact": "soort", "Functie": "rol",
        "Geslacht": "geslacht", "Leeftijd": "leeftijd", "Aantal gesprekken": "gesprekken",
        "Uren": "uren", "Doorverwezen naar": "doorverwezen", "Route": "route",
        "Afgesloten": "afgesloten", "Datum afsluiting": "afgesloten op",
        "Opmerkingen": "opmerkingen",
    }  # fmt: skip
    assert not columns.organisation_row.isVisibleTo(wizard)
    _click(qtbot, wizard, NEXT)

    # Everything known: straight to the preview, which shows the rows as they will be stored.
    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    assert preview.table.rowCount() == len(sheets.EXPECTED)
    first = [preview.table.item(0, column).text() for column in range(preview.table.columnCount())]
    assert first[:9] == [
        "2", "15-01-2024", "Gemeente Wadwijk", "Financiën", "Melding", "Seksuele intimidatie",
        "Medewerker", "Vrouw", "25–34",
    ]  # fmt: skip
    assert first[9] == ""  # one reporter, known to the VP: nothing to say
    assert first[14] == "Afgesloten 01-03-2024"
    assert first[15].endswith("bron: geïmporteerd uit meldingen.xlsx, rij 2")
    summary = preview.summary.text()
    assert "<b>6 meldingen</b> met 11 gesprekken" in summary
    assert "<b>Gemeente Wadwijk</b> (bestaat al) — 2024: 3 meldingen" in summary
    assert "<b>Zorggroep Noorderlicht</b> (nieuw) — 2025: 1 melding" in summary
    assert not preview.again.isVisibleTo(wizard)
    assert window.session.journal.count(Case) == 0  # nothing written before Importeren

    _import_and_finish(qtbot, window, wizard)
    sheets.assert_imported(window.session.journal, path.name)
    assert "6 meldingen geïmporteerd (2024-001 tot en met 2025-002)" in (
        wizard.run_page.status.text()
    )


def test_a_bad_row_5_blocks_the_import_until_the_file_is_corrected(
    qtbot, window: MainWindow, tmp_path: Path, sheets: ModuleType
) -> None:
    path = tmp_path / "meldingen.csv"
    rows = sheets.with_cell(sheets.BAD_ROW, "Datum eerste contact", sheets.BAD_DATE)
    sheets.write_dutch_csv(path, rows)
    before = _snapshot(window, sheets)
    wizard = _open_wizard(qtbot, window)
    _choose_file(qtbot, wizard, path)
    _click(qtbot, wizard, NEXT)
    _click(qtbot, wizard, NEXT)

    values = wizard.values_page
    assert wizard.currentPage() is values
    assert values.problems.toPlainText() == (
        "rij 5: 30-02-2025 is geen datum (kolom Datum eerste contact)"
    )
    assert not values.values_box.isVisibleTo(wizard)
    assert not wizard.button(NEXT).isEnabled()
    assert _snapshot(window, sheets) == before

    sheets.write_dutch_csv(path)  # the VP corrects row 5 in Excel and saves
    qtbot.mouseClick(values.reread, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not values.reading, timeout=10_000)
    assert values.reread_status.text() == "Opnieuw gelezen: alles klopt nu. Klik op Volgende."
    assert not values.problems_box.isVisibleTo(wizard)
    _click(qtbot, wizard, NEXT)
    _import_and_finish(qtbot, window, wizard)
    sheets.assert_imported(window.session.journal, path.name)


def test_unknown_columns_values_and_one_organisation_for_all(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "lijst.csv"
    path.write_bytes(
        "Datum;Soort klacht;Functie;Behandelaar\r\n"
        "03-02-2025;ruzie;docent;RV\r\n"
        "10-02-2025;pesten;Docent;RV\r\n".encode("cp1252")
    )
    wizard = _open_wizard(qtbot, window)
    _choose_file(qtbot, wizard, path)
    _click(qtbot, wizard, NEXT)

    columns = wizard.columns_page
    assert columns.organisation_row.isVisibleTo(wizard)
    assert columns.problem.text().splitlines() == [
        "Kies nog wat er in deze kolom(men) staat: 'Behandelaar'.",
        "Kies of typ de organisatie waar alle meldingen uit dit bestand bij horen.",
    ]
    assert not wizard.button(NEXT).isEnabled()
    columns.choose(3, SKIP)
    assert columns.problem.text().startswith("Kies of typ de organisatie")
    qtbot.keyClicks(columns.organisation.lineEdit(), "Stichting Anker")
    assert columns.problem.text() == ""
    _click(qtbot, wizard, NEXT)

    values = wizard.values_page
    assert wizard.currentPage() is values
    listed = [
        (values.values.item(row, values.VALUE).text(), values.values.item(row, values.ROWS).text())
        for row in range(values.values.rowCount())
    ]
    assert listed == [("ruzie", "2"), ("docent", "2, 3")]
    assert not values.problems_box.isVisibleTo(wizard)
    assert not wizard.button(NEXT).isEnabled()
    values.choose(0, "outside_remit")
    assert not wizard.button(NEXT).isEnabled()
    values.choose(1, "employee")
    _click(qtbot, wizard, NEXT)

    assert "<b>Stichting Anker</b> (nieuw)" in wizard.preview_page.summary.text()
    _import_and_finish(qtbot, window, wizard)
    journal = window.session.journal
    cases = sorted(journal.find(Case), key=lambda case: case.first_contact)
    assert [c.categories for c in cases] == [("outside_remit",), ("bullying",)]
    assert {c.reporter_role for c in cases} == {"employee"}
    assert {journal.get(Organisation, c.organisation_id).name for c in cases} == {"Stichting Anker"}


def test_a_file_imported_before_asks_to_confirm(
    qtbot, window: MainWindow, tmp_path: Path, sheets: ModuleType
) -> None:
    path = sheets.write_dutch_csv(tmp_path / "meldingen.csv")
    wizard = _open_wizard(qtbot, window)
    _choose_file(qtbot, wizard, path)
    _click(qtbot, wizard, NEXT)
    _click(qtbot, wizard, NEXT)
    _import_and_finish(qtbot, window, wizard)

    again = _open_wizard(qtbot, window)
    _choose_file(qtbot, again, path)
    _click(qtbot, again, NEXT)
    _click(qtbot, again, NEXT)
    preview = again.preview_page
    assert preview.previous.isVisibleTo(again)
    assert "al eens geïmporteerd (6 meldingen)" in preview.previous.text()
    assert not again.button(COMMIT).isEnabled()
    # Click on the box itself: the check box widget is as wide as the wizard.
    qtbot.mouseClick(
        preview.again, Qt.MouseButton.LeftButton, pos=QPoint(8, preview.again.height() // 2)
    )
    assert preview.again.isChecked()
    assert again.button(COMMIT).isEnabled()
    again.reject()
    assert window.session.journal.count(Case) == len(sheets.EXPECTED)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Het bestand is leeg."),
        (b"%PDF-1.7\n\x00\x01", "is geen spreadsheet"),
        (b"Datum;Organisatie\r\n", "alleen kopjes (rij 1)"),
        (b"PK\x03\x04\x14\x00\x00\x00", "beschadigd of onvolledig"),
    ],
)
def test_a_malformed_file_is_named_on_the_first_page(
    qtbot, window: MainWindow, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bestand.xlsx"
    path.write_bytes(content)
    wizard = _open_wizard(qtbot, window)
    _choose_file(qtbot, wizard, path)
    assert message in wizard.file_page.status.text()
    assert not wizard.button(NEXT).isEnabled()
    _choose_file(qtbot, wizard, tmp_path / "bestaat-niet.csv")
    assert "bestaat niet" in wizard.file_page.status.text()


def test_the_idle_lock_waits_for_the_import_and_a_lock_closes_the_wizard(
    qtbot, window: MainWindow, tmp_path: Path, sheets: ModuleType
) -> None:
    path = sheets.write_workbook(tmp_path / "meldingen.xlsx")
    wizard = _open_wizard(qtbot, window)
    seen: list[tuple[bool, bool]] = []
    wizard.busy_changed.connect(lambda busy: seen.append((busy, window.inactivity.active)))
    _choose_file(qtbot, wizard, path)
    _click(qtbot, wizard, NEXT)
    _click(qtbot, wizard, NEXT)
    _click(qtbot, wizard, COMMIT)
    wizard.reject()  # Escape while it writes: the import goes on
    assert wizard.isVisible()
    qtbot.waitUntil(wizard.run_page.isComplete, timeout=20_000)
    assert seen == [(True, False), (False, True)]  # idle timer off while busy, then back on
    _click(qtbot, wizard, FINISH)

    second = _open_wizard(qtbot, window)
    _choose_file(qtbot, second, path)
    assert second.isVisible()
    window.lock()  # a lock takes the wizard, with what it showed of the file, away
    qtbot.waitUntil(lambda: not shiboken6.isValid(second))
    assert window.is_locked
