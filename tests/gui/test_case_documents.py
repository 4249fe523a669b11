"""The case's two documents from the screen: the VP's own print and the intervisie export."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from vpnotebook.core.models import Case, Reporter
from vpnotebook.gui.cases.case_print import save_case_summary
from vpnotebook.gui.cases.intervision import IntervisionDialog
from vpnotebook.gui.session import Session
from vpnotebook.report.case_summary import CONFIDENTIAL

from .conftest import DEMO_TODAY


def _case_with_talks(session: Session) -> tuple[Case, Reporter]:
    journal = session.journal
    for case in journal.find(Case, "destroyed_on IS NULL", order="id"):
        talks = journal.conversations_of(case.id)
        try:
            reporter = journal.get(Reporter, case.id)
        except LookupError:
            continue
        if len(talks) >= 2 and reporter.name.strip():
            return case, reporter
    raise AssertionError("the demo vault has a case with talks and a named reporter")


def _pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_the_print_for_the_vps_own_file(qtbot, session: Session, answers, tmp_path: Path) -> None:
    case, reporter = _case_with_talks(session)
    target = tmp_path / "overzicht.pdf"
    suggested: list[str] = []

    def ask(_parent, name: str) -> Path:
        suggested.append(name)
        return target

    written = save_case_summary(None, session.journal, case, DEMO_TODAY, ask_path=ask)
    assert written == target and target.is_file()
    assert suggested == [f"overzicht-melding-{case.number}.pdf"]
    assert [kind for kind, _, _ in answers] == ["ask", "info"]  # unencrypted: asked first
    text = _pdf_text(target)
    assert CONFIDENTIAL in text and reporter.name.split()[-1] in text


def test_saying_no_writes_nothing(qtbot, session: Session, tmp_path: Path) -> None:
    from vpnotebook.gui.common import dialogs

    case, _ = _case_with_talks(session)
    dialogs.set_test_hook(lambda kind, title, text: False)
    try:
        assert (
            save_case_summary(
                None, session.journal, case, DEMO_TODAY, ask_path=lambda *_: tmp_path / "x.pdf"
            )
            is None
        )
    finally:
        dialogs.set_test_hook(None)
    assert not (tmp_path / "x.pdf").exists()


def test_intervision_waits_for_review_and_writes_only_the_text(
    qtbot, session: Session, answers, tmp_path: Path
) -> None:
    case, reporter = _case_with_talks(session)
    dialog = IntervisionDialog(session.journal, case, DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "intervisie.pdf"
    dialog.ask_save_path = lambda _name: target
    text = dialog.editor.toPlainText()
    assert reporter.name not in text and case.number not in text
    assert "Sector van de organisatie" in text

    # The VP types the reporter's surname: the check finds it and saving waits.
    surname = reporter.name.split()[-1]
    dialog.editor.moveCursor(dialog.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(dialog.editor, f"Later belde {surname} nog.")
    qtbot.waitUntil(lambda: any(hit.matched == surname for hit in dialog.hits))
    assert dialog.open_hits()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert answers[-1][0] == "warn" and not target.exists()

    # Clicking the hit selects it in the text; typing over it removes it.
    row = next(i for i, hit in enumerate(dialog.hits) if hit.matched == surname)
    item = dialog.hit_list.item(row)
    dialog.hit_list.itemClicked.emit(item)
    assert dialog.editor.textCursor().selectedText() == surname
    qtbot.keyClicks(dialog.editor, "melder")
    qtbot.waitUntil(lambda: all(hit.matched != surname for hit in dialog.hits))

    # Whatever else the check found, the VP confirms one by one.
    for index in range(dialog.hit_list.count()):
        dialog.hit_list.item(index).setCheckState(Qt.CheckState.Checked)
    assert dialog.open_hits() == []
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_to == target
    written = _pdf_text(target)
    assert surname not in written and case.number not in written
    assert "Later belde melder nog." in written


def test_choosing_conversations_rebuilds_the_text_after_asking(
    qtbot, session: Session, answers
) -> None:
    case, _ = _case_with_talks(session)
    dialog = IntervisionDialog(session.journal, case, DEMO_TODAY)
    qtbot.addWidget(dialog)
    talks = list(dialog.conversation_checks.values())
    before = dialog.editor.toPlainText().count("# Gesprek")
    talks[0].setChecked(False)
    assert dialog.editor.toPlainText().count("# Gesprek") == before - 1
    assert answers == []  # nothing was edited yet: no question
    qtbot.keyClicks(dialog.editor, "eigen zin")
    talks[1].setChecked(False)
    assert answers and answers[-1][0] == "ask"
    assert "eigen zin" not in dialog.editor.toPlainText()


def test_keeping_the_edits_leaves_text_and_choice_as_they_were(qtbot, session: Session) -> None:
    from vpnotebook.gui.common import dialogs

    case, _ = _case_with_talks(session)
    dialog = IntervisionDialog(session.journal, case, DEMO_TODAY)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.editor, "eigen zin")
    first = next(iter(dialog.conversation_checks.values()))
    dialogs.set_test_hook(lambda kind, title, text: False)
    try:
        first.setChecked(False)
    finally:
        dialogs.set_test_hook(None)
    assert first.isChecked()
    assert "eigen zin" in dialog.editor.toPlainText()


def test_the_case_menu_offers_both_documents(qtbot, session: Session) -> None:
    from vpnotebook.gui.cases.page import CasesPage
    from vpnotebook.gui.common import dialogs

    page = CasesPage(session)
    qtbot.addWidget(page)
    case, _ = _case_with_talks(session)
    page.open_case(case.id)
    view = page.view
    texts = [a.text() for a in view.more_menu.actions() if not a.isSeparator()]
    assert "Overzicht voor uw dossier (PDF)…" in texts
    assert "Casus voor intervisie (PDF)…" in texts
    view.intervision_action.trigger()
    dialog = view.findChild(IntervisionDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    # Saying no to the unencrypted file: nothing is asked further, nothing written.
    dialogs.set_test_hook(lambda kind, title, text: False)
    try:
        view.print_action.trigger()
        assert [kind for kind, _, _ in dialogs.shown] == ["ask"]
    finally:
        dialogs.set_test_hook(None)
    # A running case is destroyed only on the reporter's request, from this menu.
    assert view.erase_action.isVisible() == (case.status != "closed")
