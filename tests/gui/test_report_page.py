"""The annual report screen: preview, audit, the text check that blocks export, output."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from vpnotebook.core.models import Case, Organisation, Reporter
from vpnotebook.core.report_texts import load_report_text
from vpnotebook.gui.common import dialogs
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


def test_preview_and_audit_show_the_protected_report(page: ReportPage) -> None:
    report = page.current_report()
    assert report is not None
    html = page.preview.text_view.toPlainText()
    assert report.organisation in html
    assert page.audit.count() >= 1
    for number in report.document.printed_counts():
        assert number == 0 or number >= report.policy.k


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


def test_a_reporters_name_blocks_export_until_the_vp_confirms(
    qtbot, page: ReportPage, session: Session, tmp_path: Path
) -> None:
    organisation_id, _ = page._key()
    name = _reporter_name_of(session, organisation_id)
    qtbot.keyClicks(page.text, f"In gesprek met {name} bleek dat er meer speelt.")
    report = page.current_report()
    assert page.hits and page.hit_list.isVisibleTo(page)
    assert any(hit.matched.lower() in name.lower() for hit in page.hits)
    target = tmp_path / "verslag.pdf"
    page.ask_save_path = lambda *args: target
    dialogs.set_test_hook(lambda kind, title, text: False)  # "no, let me fix the text"
    try:
        page.save_pdf()
        assert not target.exists()
        assert dialogs.shown and dialogs.shown[0][0] == "ask"
    finally:
        dialogs.set_test_hook(None)
    # Clicking the hit selects the word in the text, so the VP can change it.
    page.hit_list.setCurrentRow(0)
    page._select_hit(page.hit_list.item(0))
    assert page.text.textCursor().selectedText().lower() in name.lower()
    assert report is not None


def test_export_writes_exactly_the_rendered_report_and_nothing_else(
    page: ReportPage, session: Session, tmp_path: Path, answers
) -> None:
    out = tmp_path / "uitvoer"
    out.mkdir()
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
