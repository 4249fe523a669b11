"""The unlocked workspace: navigation on the left, one page per feature on the right."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from ..vault.errors import VaultError
from .common.page import Page
from .session import Session

if TYPE_CHECKING:
    from .cases.page import CasesPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: Callable[[Session], Page]


def page_specs() -> list[PageSpec]:
    # Imported here so each feature package stays independent of the others.
    from .backup.page import BackupPage
    from .cases.page import CasesPage
    from .organisations.page import OrganisationsPage
    from .outreach.page import OutreachPage
    from .report.page import ReportPage
    from .search.page import SearchPage
    from .signals.page import SignalsPage
    from .timesheet.page import TimePage
    from .today.page import TodayPage

    tr = Workspace.tr_static
    return [
        PageSpec("today", tr("Vandaag"), TodayPage),
        PageSpec("cases", tr("Meldingen"), CasesPage),
        PageSpec("organisations", tr("Organisaties"), OrganisationsPage),
        PageSpec("outreach", tr("Voorlichting"), OutreachPage),
        PageSpec("signals", tr("Signalen en advies"), SignalsPage),
        PageSpec("time", tr("Tijd"), TimePage),
        PageSpec("search", tr("Zoeken"), SearchPage),
        PageSpec("report", tr("Jaarverslag"), ReportPage),
        PageSpec("backup", tr("Reservekopie"), BackupPage),
    ]


class Workspace(QWidget):
    page_changed = Signal(str)
    page_created = Signal(str, object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Onderdelen"))
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(230)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        # Roomy rows: this list is how the VP moves around all day.
        self.navigation.setStyleSheet(
            "QListWidget#navigation { background: palette(base); }"
            "QListWidget#navigation::item { padding: 9px 14px; }"
        )
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.navigation.setFont(font)
        self.stack = QStackedWidget()
        self._frames: dict[str, _PageFrame] = {}
        self._specs = {spec.key: spec for spec in page_specs()}
        self._keys: list[str] = list(self._specs)
        self.pages = _LazyPages(self._create_page, self._keys)
        for spec in self._specs.values():
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
        # As wide as its longest name and its padding, no wider: on a small screen every
        # pixel goes to the page.
        widest = max(
            self.navigation.fontMetrics().horizontalAdvance(spec.title)
            for spec in self._specs.values()
        )
        self.navigation.setMinimumWidth(widest + 2 * 14 + 12)
        self.navigation.currentRowChanged.connect(self._show_row)
        session.changed.connect(self._records_changed)
        session.open_case_requested.connect(self._open_case)
        session.page_requested.connect(self.show_page)
        session.new_record_requested.connect(self._new_record)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.navigation.setCurrentRow(0)

    def _create_page(self, key: str) -> Page:
        # Pages are built when first shown: each loads its records, and building all nine
        # at unlock took seconds on a 10,000-case vault.
        page = self._specs[key].factory(self.session)
        page.setObjectName(f"page_{key}")
        frame = _PageFrame(page)
        self._frames[key] = frame
        self.stack.addWidget(frame)
        self.page_created.emit(key, page)
        return page

    @staticmethod
    def tr_static(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Workspace", text)

    @property
    def current_key(self) -> str:
        return self._keys[max(self.navigation.currentRow(), 0)]

    def current_page(self) -> Page:
        return self.pages[self.current_key]

    def show_page(self, key: str) -> Page:
        self.navigation.setCurrentRow(self._keys.index(key))
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        previous = self._current_page()
        if previous is not None:
            # A disk that refuses is said on that page already; the VP may still move on.
            with contextlib.suppress(VaultError):
                previous.save_pending()
        page = self.pages[self._keys[row]]
        self.stack.setCurrentWidget(self._frames[self._keys[row]])
        page.refresh()
        self.page_changed.emit(self._keys[row])

    def cases_page(self) -> CasesPage:
        """The Meldingen page, shown (Ctrl+N and any "open this case" go there)."""
        from .cases.page import CasesPage

        page = self.show_page("cases")
        assert isinstance(page, CasesPage)
        return page

    def _new_record(self, kind: str) -> None:
        if kind == "case":
            self.cases_page().new_case()
        elif kind == "organisation":
            from .organisations.page import OrganisationsPage

            page = self.show_page("organisations")
            assert isinstance(page, OrganisationsPage)
            page.new_organisation()

    def _open_case(self, case_id: int) -> None:
        self.cases_page().open_case(case_id)

    def _current_page(self) -> Page | None:
        frame = self.stack.currentWidget()
        return frame.page if isinstance(frame, _PageFrame) else None

    def _records_changed(self, what: str) -> None:
        current = self._current_page()
        if current is not None:
            current.refresh()

    def save_pending(self) -> None:
        """Every page writes what is being typed; one that cannot (a full disk) does not stop
        the others. The first such failure is raised once all have tried."""
        failure: VaultError | None = None
        for page in self.pages.created():
            try:
                page.save_pending()
            except VaultError as error:
                failure = failure or error
        if failure is not None:
            raise failure

    def save_pending_quietly(self) -> None:
        """Every page writes what is being typed; one that cannot says so itself."""
        with contextlib.suppress(VaultError):
            self.save_pending()

    def state(self) -> dict[str, Any]:
        return {
            "page": self.current_key,
            "pages": {key: self.pages[key].state() for key in self.pages.created_keys()},
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        for key, page_state in state.get("pages", {}).items():
            if key in self.pages and page_state:
                self.pages[key].restore_state(page_state)
        if state.get("page") in self.pages:
            self.show_page(state["page"])


class _PageFrame(QScrollArea):
    """A page that scrolls down when the window is lower than the page needs (a laptop at
    150 %), and never sideways: its minimum width is the window's, so nothing is cut off."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page
        self.setObjectName(f"frame_{page.objectName()}")
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        needed = self.page.minimumSizeHint().width()
        return QSize(needed + self.verticalScrollBar().sizeHint().width(), 160)

    def sizeHint(self) -> QSize:
        return self.page.sizeHint()


class _LazyPages(Mapping[str, Page]):
    """The workspace's pages by key; a page is built the first time it is asked for."""

    def __init__(self, create: Callable[[str], Page], keys: list[str]) -> None:
        self._create = create
        self._keys = keys
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        if key not in self._built:
            if key not in self._keys:
                raise KeyError(key)
            self._built[key] = self._create(key)
        return self._built[key]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def created_keys(self) -> list[str]:
        return [key for key in self._keys if key in self._built]

    def created(self) -> list[Page]:
        return [self._built[key] for key in self.created_keys()]
