"""The annual report screen: preview, audit, the text check that blocks export, output."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from vpnotebook.core.models import Case, Organisation, Reporter
from vpnotebook.core.report_texts import load_report_text
from vpnotebook.gui.report.page import ReportPage
from vpnotebook.gui.session import Session
from vpnotebook.report.annual_report import build_annual_report
from vpnotebook.report.pdf import render_pdf


def _biggest_organisation_year(session: Session) -> tuple[Organisation, int]:
    journal = session.journal
    row = journal.db.query_one(
        "SELECT organisation_id, year, count(*) AS n FROM cases GROUP BY 1, 2 "
        "ORDER BY n DESC LIMIT 1"
    )
    return journal.get(Organisation, row["organisation_id"]), int(row["year"])


@pytest.fixture
def page(qtbot, session: Session) -> ReportPage:
    report_page = ReportPage(session)
    qtbot.addWidget(report_page)
    report_page.resize(1200, 700)
    report_page.show()
    report_page.refresh()
    organisation, year = _biggest_organisation_year(session)
    report_page.organisation.setCurrentIndex(report_page.organisation.findData(organisation.id))
    report_page.year.setCurrentIndex(report_page.year.findData(year))
    report_page.current_report()
    return report_page


def _reporter_name_of(session: Session, organisation_id: int) -> str:
    for case in session.journal.find(Case, "organisation_id = ?", (organisation_id,)):
        try:
            name = session.journal.get(Reporter, case.id).name
        except LookupError:
            continue
        if name:
            return name
    raise AssertionError("the demo vault has reporters")


def test_the_preview_is_the_real_pdf_page_for_page(qtbot, page: ReportPage) -> None:
    report = page.current_report()
    assert report is not None and page.pdf is not None
    pdf = render_pdf(report.document)
    assert page.pdf == pdf
    assert page.preview.page_count() == len(PdfReader(io.BytesIO(pdf)).pages) > 1
    qtbot.waitUntil(lambda: 0 in page.preview.rendered_pages())
    assert page.audit.count() >= 1
    for number in report.document.printed_counts():
        assert number == 0 or number >= report.policy.k


def test_the_preview_fits_the_width_at_1366_by_768(qtbot, session: Session) -> None:
    from vpnotebook.gui.workspace import Workspace

    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 768)
    workspace.show()
    report_page = workspace.show_page("report")
    assert isinstance(report_page, ReportPage)
    report_page.refresh()
    report_page.current_report()
    preview = report_page.preview
    qtbot.waitUntil(lambda: bool(preview.rendered_pages()))
    assert not preview.horizontalScrollBar().isVisible()
    first = preview.widget().layout().itemAt(0).widget()
    assert first.width() <= preview.viewport().width()
    assert first.pixmap().width() == first.width()


def test_a_lowered_threshold_warns(page: ReportPage) -> None:
    assert not page.k_warning.isVisible()
    page.k.setValue(3)
    assert page.k_warning.isVisible()
    assert page.current_report().policy.k == 3


def test_the_text_is_kept_in_the_vault(qtbot, page: ReportPage, session: Session) -> None:
    qtbot.keyClicks(page.text, "Meer aandacht voor omgangsvormen in ploegendiensten.")
    page.save_pending()
    key = page._key()
    assert load_report_text(session.journal, *key).startswith("Meer aandacht")


def test_a_reporters_name_blocks_export_until_the_vp_confirms_each_hit(
    qtbot, page: ReportPage, session: Session, tmp_path: Path, answers
) -> None:
    organisation_id, _ = page._key()
    name = _reporter_name_of(session, organisation_id)
    qtbot.keyClicks(page.text, f"In gesprek met {name} bleek dat er 1 melding meer speelt.")
    report = page.current_report()
    assert page.hits and page.hit_list.isVisibleTo(page)
    assert any(hit.matched.lower() in name.lower() for hit in page.hits)
    assert any(hit.kind == "count" for hit in page.hits)
    target = tmp_path / "verslag.pdf"
    page.ask_save_path = lambda *args: target
    page.save_pdf()
    assert not target.exists() and answers[-1][0] == "info"
    # Clicking the hit selects the word in the text, so the VP can change it.
    text_rows = [
        row
        for row in range(page.hit_list.count())
        if page.hit_list.item(row).data(Qt.ItemDataRole.UserRole)[2] == "text"
    ]
    page._select_hit(page.hit_list.item(text_rows[0]))
    assert page.text.textCursor().selectedText().lower() in name.lower()
    # Confirming one place is not enough: every place, one by one.
    page.hit_list.item(0).setCheckState(Qt.CheckState.Checked)
    page.save_pdf()
    assert not target.exists()
    for row in range(page.hit_list.count()):
        page.hit_list.item(row).setCheckState(Qt.CheckState.Checked)
    assert page.open_hits() == []
    page.save_pdf()
    assert target.exists() and report is not None
    assert "Uitgegeven: versie 1" in page.issued.text()


def test_export_writes_exactly_the_rendered_report_and_nothing_else(
    page: ReportPage, session: Session, tmp_path: Path, answers
) -> None:
    out = tmp_path / "uitvoer"
    out.mkdir()
    for row in range(page.hit_list.count()):  # the VP looked at every place the check found
        page.hit_list.item(row).setCheckState(Qt.CheckState.Checked)
    page.ask_save_path = lambda title, suggested, file_filter: out / suggested
    page.save_pdf()
    page.save_csv()
    written = sorted(path.name for path in out.iterdir())
    report = page.current_report()
    assert written == [f"jaarverslag-{report.year}.csv", f"jaarverslag-{report.year}.pdf"]
    expected = build_annual_report(
        session.journal, *page._key(), k=5, language="nl", text=page.text.toPlainText()
    )
    pdf_path = out / f"jaarverslag-{report.year}.pdf"
    assert pdf_path.read_bytes() == render_pdf(expected.document)
    assert pdf_path.stat().st_mode & 0o077 == 0
    text = "".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert report.organisation in text
    assert answers[-1][0] == "info"


def test_the_overview_for_the_vp_is_marked_not_for_distribution(
    page: ReportPage, tmp_path: Path, answers
) -> None:
    page.ask_save_path = lambda title, suggested, file_filter: tmp_path / suggested
    page.save_overview()
    [written] = list(tmp_path.glob("overzicht-vp-*.pdf"))
    text = "".join(p.extract_text() for p in PdfReader(written).pages).lower()
    assert "niet" in text and ("verspreid" in text or "delen" in text)


def test_state_round_trip(qtbot, page: ReportPage, session: Session) -> None:
    page.k.setValue(4)
    page.language.setCurrentIndex(1)
    page.tabs.setCurrentIndex(1)
    state = page.state()
    again = ReportPage(session)
    qtbot.addWidget(again)
    again.restore_state(state)
    assert again.state() == state


def test_confirmations_survive_a_lock_and_a_changed_sentence_asks_again(
    qtbot, demo_vault, settings, answers
) -> None:
    from vpnotebook.gui.main_window import MainWindow
    from vpnotebook.vault.kdf import TEST_PARAMS

    from .conftest import GUI_PASSPHRASE

    folder, _ = demo_vault
    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()

    def unlock() -> ReportPage:
        window.unlock_screen.passphrase.setText(GUI_PASSPHRASE)
        window.unlock_screen.unlock()
        qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)
        assert window.workspace is not None
        report_page = window.workspace.show_page("report")
        assert isinstance(report_page, ReportPage)
        report_page.refresh()
        organisation, year = _biggest_organisation_year(window.session)
        report_page.organisation.setCurrentIndex(report_page.organisation.findData(organisation.id))
        report_page.year.setCurrentIndex(report_page.year.findData(year))
        report_page.current_report()
        return report_page

    page = unlock()
    name = _reporter_name_of(window.session, page._key()[0])
    page.text.setPlainText(f"Het werkklimaat is verbeterd. Ik sprak vaak met {name}.")
    page.current_report()
    assert page.open_hits()
    for row in range(page.hit_list.count()):
        page.hit_list.item(row).setCheckState(Qt.CheckState.Checked)
    assert page.open_hits() == []

    window.lock()
    assert window.is_locked
    page = unlock()
    # The text came back from the vault, and so did every confirmation.
    assert page.text.toPlainText().endswith(f"{name}.")
    assert page.hits and page.open_hits() == []
    assert all(
        page.hit_list.item(row).checkState() == Qt.CheckState.Checked
        for row in range(page.hit_list.count())
    )
    # Changing the sentence the name stands in asks again; the other sentence does not.
    page.text.setPlainText(f"Het werkklimaat is sterk verbeterd. Ik sprak vaak met {name}.")
    page.current_report()
    assert page.open_hits() == []
    page.text.setPlainText(f"Het werkklimaat is sterk verbeterd. Ik sprak soms met {name}.")
    page.current_report()
    assert page.open_hits() and all(name.split()[0] in h.sentence for h in page.open_hits())


def test_the_text_saves_as_every_form_does_said_undone_and_refused_in_place(
    qtbot, page: ReportPage, session: Session, answers
) -> None:
    """The one save model (docs/architecture.md) for the report's own text: the status bar is
    told, the last change can be undone, and a disk that refuses is said beside the text."""
    from vpnotebook.gui.common.editor import Undo
    from vpnotebook.vault.errors import StorageError

    saved: list[object] = []
    unsaved: list[str] = []
    session.saved.connect(saved.append)
    session.unsaved.connect(unsaved.append)
    key = page._key()
    before = load_report_text(session.journal, *key)
    qtbot.keyClicks(page.text, "Eerste versie van de signalen.")
    page.save_pending()
    assert load_report_text(session.journal, *key).endswith("Eerste versie van de signalen.")
    (undo,) = saved
    assert isinstance(undo, Undo)
    undo.revert()
    assert load_report_text(session.journal, *key) == before
    assert page.text.toPlainText() == before

    session.vault.db.execute("PRAGMA query_only = ON")  # as a full disk refuses every write
    qtbot.keyClicks(page.text, " Tweede.")
    page.save_pending()
    assert page.text.toPlainText().endswith(" Tweede.")  # nothing typed is lost
    assert page.text_problem.isVisibleTo(page)
    assert page.text_problem.text().startswith(StorageError.message_nl)
    assert unsaved and answers == []  # the status bar knows; no dialog in the way
    session.vault.db.execute("PRAGMA query_only = OFF")
    page.save_pending()
    assert load_report_text(session.journal, *key).endswith(" Tweede.")
    assert not page.text_problem.isVisibleTo(page)
