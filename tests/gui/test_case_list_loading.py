"""How the Meldingen list loads: the first screenful painted first, the rest right after it,
and no second read when the VP comes back to a list whose records did not change.

The vault here has more cases than the first read (FIRST_ROWS), so the two steps are real.
"""

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QWidget

from vpnotebook.core.demo import fill_demo
from vpnotebook.core.journal import CaseSummary, Journal
from vpnotebook.core.models import Case
from vpnotebook.gui.cases.case_view import CaseView
from vpnotebook.gui.cases.page import FIRST_ROWS, CasesPage
from vpnotebook.gui.models.case_list_model import CaseListModel, Column, day_text, folded
from vpnotebook.gui.session import Session
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

from .conftest import DEMO_TODAY, GUI_PASSPHRASE

CASES = 150


@pytest.fixture
def busy_session(tmp_path: Path) -> Iterator[Session]:
    """A vault with more cases than the list's first read."""
    vault, _code = Vault.create(tmp_path / "kluis", GUI_PASSPHRASE, kdf_params=TEST_PARAMS)
    fill_demo(Journal(vault.db), cases=CASES, seed=3, today=DEMO_TODAY)
    opened = Session(vault)
    yield opened
    if opened.vault.is_open:
        opened.close()


@pytest.fixture
def new_page(busy_session: Session, qtbot, answers) -> CasesPage:
    """A page as built, not yet shown: it holds the first rows, the rest waits for a paint."""
    page = CasesPage(busy_session)
    qtbot.addWidget(page)
    page.resize(1136, 698)
    return page


class _FirstPaint(QObject):
    """Notes how many rows the list had when its viewport was first painted, and runs
    `then` right after that frame: before the page's own call for the rest, which the page
    queues while the same paint passes its event filter (this filter, installed later, runs
    before the page's and queues first)."""

    def __init__(self, page: CasesPage, then: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.page = page
        self.then = then
        self.rows: int | None = None
        self.case_pane_built: bool | None = None
        page.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.rows is None:
            self.rows = self.page.proxy.rowCount()
            self.case_pane_built = self.page.findChild(CaseView) is not None
            if self.then is not None:
                QTimer.singleShot(0, self.then)
        return False


def _ids(page: CasesPage) -> list[int | None]:
    return [page.proxy.case_id(row) for row in range(page.proxy.rowCount())]


def _reference(summaries: list[CaseSummary], column: int, order: Qt.SortOrder) -> list[int]:
    model = CaseListModel()
    model.set_summaries(summaries)
    model.sort(column, order)
    return [model.summary(row).id for row in range(model.rowCount())]


def _show_and_complete(page: CasesPage, qtbot) -> None:
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.list_complete)


# -- the two steps -------------------------------------------------------------------------


def test_the_first_rows_are_painted_first_and_the_whole_list_follows(
    new_page: CasesPage, busy_session: Session, qtbot
) -> None:
    page, everything = new_page, busy_session.journal.case_summaries()
    assert len(everything) == CASES > FIRST_ROWS
    assert not page.list_complete
    assert _ids(page) == [s.id for s in everything[:FIRST_ROWS]]
    # In between: the list, never the "no cases" message, and the count is already final.
    assert page.list_stack.currentWidget() is page.table
    assert page.count.text() == f"{CASES} meldingen"
    shown_widgets: list[QWidget] = []
    page.list_stack.currentChanged.connect(
        lambda i: shown_widgets.append(page.list_stack.widget(i))
    )
    painted = _FirstPaint(page)

    _show_and_complete(page, qtbot)
    assert painted.rows == FIRST_ROWS  # the rest came after the first frame, not before it
    # The hidden case pane is built after that frame too, before the VP opens a case.
    assert painted.case_pane_built is False
    assert page.findChild(CaseView) is not None
    assert _ids(page) == [s.id for s in everything]
    assert page.count.text() == f"{CASES} meldingen"
    assert page.empty not in shown_widgets
    years = [page.year_filter.itemData(i) for i in range(1, page.year_filter.count())]
    assert years == sorted({int(s.number[:4]) for s in everything}, reverse=True)


def test_another_order_before_the_rest_arrives_sorts_the_whole_list(
    busy_session: Session, qtbot, answers
) -> None:
    everything = busy_session.journal.case_summaries()
    default = (Column.NUMBER, Qt.SortOrder.DescendingOrder)
    for column in Column:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            page = CasesPage(busy_session)
            qtbot.addWidget(page)
            # The first read is the head of the page's own order (newest number first) …
            assert _ids(page) == _reference(everything, *default)[:FIRST_ROWS]
            if (column, order) == default:
                continue
            # … and another order is never applied to that head alone.
            page.table.sortByColumn(column, order)
            assert page.list_complete, (column, order)
            assert _ids(page) == _reference(everything, column, order), (column, order)


def test_a_filter_typed_before_the_rest_arrives_applies_to_the_whole_list(
    busy_session: Session, qtbot, answers
) -> None:
    journal = busy_session.journal
    oldest = journal.case_summaries()[-1]  # far outside the first rows
    case = journal.get(Case, oldest.id)
    journal.update(replace(case, title="Vrijwilligerscoördinatie onder druk"))
    page = CasesPage(busy_session)  # built after the change, as after an unlock
    qtbot.addWidget(page)
    assert oldest.id not in _ids(page)
    shown_widgets: list[QWidget] = []
    page.list_stack.currentChanged.connect(
        lambda i: shown_widgets.append(page.list_stack.widget(i))
    )

    page.search.setText("Coördinatie")  # setText: keyClicks cannot type "ö" offscreen
    everything = journal.case_summaries()
    expected = [
        s.id
        for s in everything
        if "coordinatie" in folded(f"{s.number}\n{s.title}\n{s.organisation}")
    ]
    assert oldest.id in expected
    # No count of the first rows only, not even for a moment.
    assert page.count.text() == f"{len(expected)} van {CASES}"
    _show_and_complete(page, qtbot)
    assert _ids(page) == expected
    assert page.count.text() == f"{len(expected)} van {CASES}"
    assert page.empty not in shown_widgets  # no "nothing matches" on the way


def test_a_page_deleted_before_the_rest_arrives_drops_the_call(
    busy_session: Session, qtbot
) -> None:
    page = CasesPage(busy_session)  # not handed to qtbot: the test deletes it itself
    page.resize(1136, 698)
    seen: dict[str, bool] = {}

    def lock() -> None:
        # What a lock does between two event-loop turns: the page goes, the vault closes.
        seen["complete"] = page.list_complete
        shiboken6.delete(page)
        busy_session.close()

    painted = _FirstPaint(page, then=lock)
    page.show()
    qtbot.waitUntil(lambda: "complete" in seen)
    # A call queued now runs after the page's own queued call: once it has run, that call
    # was due too, and an exception in it would have failed the test.
    behind: list[bool] = []
    QTimer.singleShot(0, lambda: behind.append(True))
    qtbot.waitUntil(lambda: bool(behind))
    assert painted.rows == FIRST_ROWS and seen["complete"] is False
    assert not shiboken6.isValid(page)


# -- selection and scroll position ---------------------------------------------------------


def test_the_selection_and_scroll_position_survive_the_rest_and_a_refresh(
    new_page: CasesPage, busy_session: Session, qtbot
) -> None:
    page, journal = new_page, busy_session.journal
    inserted: list[tuple[int, int]] = []
    resets: list[bool] = []
    page.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    page.model.modelReset.connect(lambda: resets.append(True))
    chosen = page.proxy.case_id(60)
    assert chosen is not None
    page.open_case(chosen)
    assert not page.list_complete  # a case among the first rows needs no more
    bar = page.table.verticalScrollBar()
    before: dict[str, int] = {}

    def scroll_while_only_the_first_rows_are_there() -> None:
        before["rows"] = page.model.rowCount()
        page.table.scrollTo(page.proxy.index(60, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        before["position"] = bar.value()

    painted = _FirstPaint(page, then=scroll_while_only_the_first_rows_are_there)
    _show_and_complete(page, qtbot)
    position = before["position"]
    assert painted.rows == before["rows"] == FIRST_ROWS and position > 0
    assert inserted == [(FIRST_ROWS, CASES - 1)] and resets == []
    assert page.selected_case_id() == chosen
    assert page.proxy.case_id(60) == chosen
    assert bar.value() == position

    # A change elsewhere: the list is re-read in place.
    other = page.proxy.case_id(61)
    assert other is not None
    journal.update(replace(journal.get(Case, other), title="Nieuwe werktitel na het gesprek"))
    busy_session.notify("cases")
    assert page.proxy.index(61, Column.TITLE).data() == "Nieuwe werktitel na het gesprek"
    assert resets == []
    assert page.selected_case_id() == chosen
    assert bar.value() == position


# -- switching back to the page ------------------------------------------------------------


def test_switching_back_without_changes_reads_nothing(
    busy_session: Session, qtbot, answers
) -> None:
    from vpnotebook.gui.workspace import Workspace

    workspace = Workspace(busy_session)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 768)
    workspace.show()
    qtbot.waitExposed(workspace)
    page = workspace.show_page("cases")
    assert isinstance(page, CasesPage)
    qtbot.waitUntil(lambda: page.list_complete)
    statements: list[str] = []
    busy_session.vault.db.raw_connection.set_trace_callback(statements.append)

    def back_to_cases(while_away: Callable[[], None] = lambda: None) -> list[str]:
        workspace.show_page("organisations")
        while_away()
        del statements[:]
        workspace.show_page("cases")
        return [s for s in statements if "FROM cases" in s]

    try:
        assert back_to_cases() == []
        # A case stored behind the page's back (no change signal) is not read …
        journal = busy_session.journal
        template = journal.get(Case, page.proxy.case_id(0))
        added = journal.add(replace(template, id=None, seq=None, title="Stil toegevoegd"))
        assert back_to_cases() == []
        assert page.model.row_of(added.id) < 0
        # … until records change: then the next visit shows the list as it was at once, and
        # reads it again, once, right after that paint.
        read = back_to_cases(lambda: busy_session.notify("follow_ups"))
        assert [s for s in read if "JOIN organisations" in s] == []
        assert page.model.row_of(added.id) < 0
        qtbot.waitUntil(lambda: page.model.row_of(added.id) >= 0)
        assert len([s for s in statements if "JOIN organisations" in s]) == 1
        assert page.count.text() == f"{CASES + 1} meldingen"
        assert back_to_cases() == []
    finally:
        busy_session.vault.db.raw_connection.set_trace_callback(None)


def test_a_change_while_the_page_is_shown_updates_it_at_once(
    new_page: CasesPage, busy_session: Session, qtbot
) -> None:
    _show_and_complete(new_page, qtbot)
    journal = busy_session.journal
    first = new_page.proxy.case_id(0)
    journal.update(replace(journal.get(Case, first), title="Direct zichtbaar"))
    busy_session.notify("cases")
    assert new_page.proxy.index(0, Column.TITLE).data() == "Direct zichtbaar"


# -- row text --------------------------------------------------------------------------------


def test_dates_read_day_month_year() -> None:
    assert day_text(date(2026, 3, 4)) == "04-03-2026"
    assert day_text(date(2019, 12, 31)) == "31-12-2019"
    assert day_text(None) == ""


# -- the VP's own saves --------------------------------------------------------------------


def _list_reads(statements: list[str]) -> list[str]:
    """Statements that read the case list (all of it or a screenful), not one case's row."""
    return [s for s in statements if "JOIN organisations" in s and "c.id = " not in s]


def test_saving_the_open_case_updates_its_row_without_reading_the_list(
    new_page: CasesPage, busy_session: Session, qtbot
) -> None:
    _show_and_complete(new_page, qtbot)
    page = new_page
    case_id = page.proxy.case_id(3)
    assert case_id is not None
    page.open_case(case_id)
    page.view.tabs.setCurrentIndex(0)
    statements: list[str] = []
    busy_session.vault.db.raw_connection.set_trace_callback(statements.append)
    try:
        page.view.intake.title.selectAll()
        qtbot.keyClicks(page.view.intake.title, "Titel bijgewerkt tijdens het typen")
        page.save_pending()
    finally:
        busy_session.vault.db.raw_connection.set_trace_callback(None)
    assert _list_reads(statements) == []
    row = page.proxy.row_of(case_id)
    assert page.proxy.index(row, Column.TITLE).data() == "Titel bijgewerkt tijdens het typen"
    assert page.selected_case_id() == case_id
    assert page.count.text() == f"{CASES} meldingen"


def test_a_saved_row_that_moves_in_the_sort_order_stays_selected(
    new_page: CasesPage, busy_session: Session, qtbot
) -> None:
    _show_and_complete(new_page, qtbot)
    page = new_page
    page.table.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    case_id = page.proxy.case_id(5)
    assert case_id is not None
    page.open_case(case_id)
    page.view.intake.title.selectAll()
    qtbot.keyClicks(page.view.intake.title, "AAA eerst in de lijst")
    page.save_pending()
    assert page.proxy.case_id(0) == case_id
    assert page.selected_case_id() == case_id
    assert page.view.case is not None and page.view.case.id == case_id
    titles = [page.proxy.index(r, Column.TITLE).data() for r in range(page.proxy.rowCount())]
    assert titles == sorted(titles, key=folded)


def test_a_new_case_made_while_another_is_open_appears_in_the_list(
    new_page: CasesPage, busy_session: Session, qtbot
) -> None:
    _show_and_complete(new_page, qtbot)
    page = new_page
    other = page.proxy.case_id(0)
    assert other is not None
    page.open_case(other)
    journal = busy_session.journal
    template = journal.get(Case, other)
    added = journal.add(replace(template, id=None, seq=None, title="Net binnengekomen"))

    class _Made:  # what the intake dialog hands over once it stored the case
        created = added

    page._case_created(_Made())
    assert page.model.row_of(added.id) >= 0
    assert page.count.text() == f"{CASES + 1} meldingen"
    assert page.view.case is not None and page.view.case.id == added.id
