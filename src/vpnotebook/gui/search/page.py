"""The Zoeken screen: find any word the VP wrote, grouped by case, as they type."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...core.search import MAX_HITS, CaseGroup, HitRow, Results
from ...vault.errors import VaultError
from ..common.labels import current_language
from ..common.page import Page
from ..session import Session
from .delegate import HTML_ROLE, HtmlDelegate
from .results import PAGE_FOR_SOURCE, plain, snippet_html
from .searcher import BackgroundSearch

DEBOUNCE_MS = 250
# Typing one letter would match half the vault; wait for a second one (Enter still searches).
MIN_TYPED = 2
CASE_ROLE = Qt.ItemDataRole.UserRole
PAGE_ROLE = Qt.ItemDataRole.UserRole + 1

SOURCE_NAMES = {
    "cases": QT_TRANSLATE_NOOP("SearchPage", "Melding"),
    "reporters": QT_TRANSLATE_NOOP("SearchPage", "Gegevens melder"),
    "conversations": QT_TRANSLATE_NOOP("SearchPage", "Gesprek"),
    "routes": QT_TRANSLATE_NOOP("SearchPage", "Route"),
    "referrals": QT_TRANSLATE_NOOP("SearchPage", "Doorverwijzing"),
    "follow_ups": QT_TRANSLATE_NOOP("SearchPage", "Nazorg of afspraak"),
    "outreach": QT_TRANSLATE_NOOP("SearchPage", "Voorlichting"),
    "signals": QT_TRANSLATE_NOOP("SearchPage", "Signaal of advies"),
    "time_entries": QT_TRANSLATE_NOOP("SearchPage", "Tijd"),
    "organisations": QT_TRANSLATE_NOOP("SearchPage", "Organisatie"),
}


def source_name(source: str) -> str:
    return QCoreApplication.translate("SearchPage", SOURCE_NAMES.get(source, source))


class SearchPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.results: Results | None = None

        heading = QLabel(self.tr("Zoeken"))
        heading.setObjectName("screenTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        heading.setFont(font)
        hint = QLabel(
            self.tr(
                "Zoek in alles wat u hebt vastgelegd: gespreksverslagen, meldingen, nazorg, "
                "voorlichting, signalen en organisaties. Hoofdletters en accenten maken niet "
                "uit; een begin van een woord is genoeg."
            )
        )
        hint.setWordWrap(True)

        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Typ een of meer woorden…"))
        self.field.setAccessibleName(self.tr("Zoekwoorden"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.search_now)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.searcher = BackgroundSearch(session, self)
        self.searcher.found.connect(self._show)
        self.searcher.failed.connect(self._search_failed)

        self.status = QLabel()
        self.status.setWordWrap(True)
        # It repeats what was typed: never let that be read as markup.
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Zoekresultaat"))

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Gevonden"))
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setItemDelegate(HtmlDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.itemActivated.connect(self._activated)
        # Arrow down from the field goes straight into the results.
        self.field.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        self._show_idle()

    # -- Page ------------------------------------------------------------------------------

    def refresh(self) -> None:
        # Records may have changed while the VP was elsewhere; show what is true now.
        if self.field.text().strip():
            self.search_now()

    def save_pending(self) -> None:
        """Nothing to save; a search still out is no longer wanted (a lock, another page)."""
        self.searcher.cancel()

    def state(self) -> dict[str, Any]:
        # The state outlives a lock; what the VP searched for is case content: not kept.
        return {}

    def restore_state(self, state: dict[str, Any]) -> None:
        text = str(state.get("text", ""))
        self.field.blockSignals(True)
        self.field.setText(text)
        self.field.blockSignals(False)
        self.search_now()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_field()

    def focus_field(self) -> None:
        """Ready to type: the main window's Ctrl+F lands here."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    # -- searching -------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        if len(text.strip()) >= MIN_TYPED:
            self._debounce.start()
        else:
            self._debounce.stop()
            if not text.strip():
                self._show_idle()

    def search_now(self) -> None:
        self._debounce.stop()
        typed = self.field.text().strip()
        if not typed:
            self._show_idle()
            return
        self.status.setText(self.tr("Bezig met zoeken…"))
        self.searcher.request(typed)

    def _show_idle(self) -> None:
        self.searcher.cancel()
        self.results = None
        self.tree.clear()
        self.status.setText(
            self.tr("Typ hierboven wat u zoekt; de resultaten verschijnen vanzelf.")
        )

    def _search_failed(self, error: BaseException) -> None:
        if isinstance(error, VaultError):
            text = error.message(current_language())
        else:
            text = self.tr("Zoeken lukte niet (%1). Er is niets gewijzigd.").replace(
                "%1", type(error).__name__
            )
        self.results = None
        self.tree.clear()
        self.status.setText(text)

    def _show(self, results: Results) -> None:
        self.results = results
        self.tree.clear()
        self.status.setText(self._summary(results))
        for group in results.groups:
            self.tree.addTopLevelItem(self._group_item(group))
        self.tree.expandAll()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _summary(self, results: Results) -> str:
        if results.count == 0:
            return self.tr("Niets gevonden voor ‘%1’. Probeer een ander of korter woord.").replace(
                "%1", results.typed
            )
        if results.capped:
            return self.tr(
                "Meer dan %1 resultaten; hieronder staan de %1 die het best passen. "
                "Voeg een woord toe om gerichter te zoeken."
            ).replace("%1", str(MAX_HITS))
        cases = sum(1 for group in results.groups if group.case_id is not None)
        found = (
            self.tr("1 resultaat")
            if results.count == 1
            else self.tr("%1 resultaten").replace("%1", str(results.count))
        )
        if cases == 0:
            return found
        where = (
            self.tr("in 1 melding")
            if cases == 1
            else self.tr("in %1 meldingen").replace("%1", str(cases))
        )
        return f"{found} {where}"

    def _group_item(self, group: CaseGroup) -> QTreeWidgetItem:
        if group.case_id is None:
            title = self.tr("Buiten meldingen")
            markup = f"<b>{html.escape(title)}</b>"
        else:
            parts = [group.number, group.organisation, group.title]
            title = " · ".join(part for part in parts if part)
            markup = " · ".join(
                [f"<b>{html.escape(group.number)}</b>"]
                + [html.escape(part) for part in parts[1:] if part]
            )
        item = QTreeWidgetItem([title])
        item.setData(0, HTML_ROLE, markup)
        item.setData(0, CASE_ROLE, group.case_id)
        for row in group.hits:
            item.addChild(self._hit_item(row, outside=group.case_id is None))
        return item

    def _hit_item(self, row: HitRow, *, outside: bool) -> QTreeWidgetItem:
        hit = row.hit
        where = source_name(hit.source)
        if outside and row.organisation:
            where = f"{row.organisation} · {where}"
        if row.when is not None:
            where = f"{where} · {row.when.strftime('%d-%m-%Y')}"
        item = QTreeWidgetItem([f"{where}: {plain(hit.snippet)}"])
        markup = f"<i>{html.escape(where)}</i>&nbsp;&nbsp;{snippet_html(hit.snippet)}"
        item.setData(0, HTML_ROLE, markup)
        item.setData(0, CASE_ROLE, hit.case_id)
        item.setData(0, PAGE_ROLE, PAGE_FOR_SOURCE.get(hit.source))
        item.setToolTip(0, plain(hit.snippet))
        return item

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, CASE_ROLE)
        if case_id is not None:
            self.session.open_case(int(case_id))
            return
        page = item.data(0, PAGE_ROLE)
        if page:
            self.session.page_requested.emit(str(page))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.tree.topLevelItemCount()
        ):
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)
