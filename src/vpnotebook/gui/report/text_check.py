"""The check of the annual report's texts before it goes out: every place that may point at
a person is listed, changed by the VP or confirmed one by one (kept in the vault), and
nothing is exported while one is open. report/page.ReportPage builds on it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit

from ...core.report_texts import (
    SOURCE_TEXT,
    TextHit,
    confirm_hits,
    confirmed,
    withdraw_confirmation,
)
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.labels import current_language
from ..common.page import Page


class TextCheckPage(Page):
    """The places found in the report's texts, for the organisation and year chosen; the
    widgets are the subclass's."""

    today: date
    hits: list[TextHit]
    organisation: QComboBox
    year: QComboBox
    text: QPlainTextEdit
    hit_list: QListWidget
    hit_status: QLabel

    def _key(self) -> tuple[int, int] | None:
        organisation_id, year = self.organisation.currentData(), self.year.currentData()
        if organisation_id is None or year is None:
            return None
        return int(organisation_id), int(year)

    def _confirmed(self) -> set[tuple[str, str]]:
        key = self._key()
        if key is None or not self.session.vault.is_open:
            return set()
        return confirmed(self.session.journal, *key)

    def open_hits(self) -> list[TextHit]:
        """The places neither changed nor confirmed yet: export waits for these."""
        done = self._confirmed()
        return [hit for hit in self.hits if (hit.kind, hit.fingerprint) not in done]

    def _show_hits(self) -> None:
        self.hit_list.blockSignals(True)
        self.hit_list.clear()
        language = current_language()
        done = self._confirmed()
        for hit in self.hits:
            where = ""
            if hit.source != SOURCE_TEXT:
                where = (
                    self.tr(" (signaal of advies)")
                    if hit.source == "signal"
                    else self.tr(" (voorlichting)")
                )
            item = QListWidgetItem(
                self.tr("‘%1’: %2").replace("%1", hit.matched).replace("%2", hit.reason(language))
                + where
            )
            item.setData(Qt.ItemDataRole.UserRole, (hit.start, hit.end, hit.source))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if (hit.kind, hit.fingerprint) in done
                else Qt.CheckState.Unchecked
            )
            item.setToolTip(
                self.tr("Vink aan als u hebt nagekeken dat dit niet naar een persoon wijst.")
            )
            self.hit_list.addItem(item)
        self.hit_list.blockSignals(False)
        self.hit_list.setVisible(bool(self.hits))
        self._show_hit_status()

    def _show_hit_status(self) -> None:
        open_hits = self.open_hits()
        if open_hits:
            self.hit_status.setText(
                self.tr(
                    "Deze woorden kunnen naar een persoon wijzen. Pas de tekst aan, of vink per "
                    "woord aan dat u het hebt nagekeken. Klik op een regel om het woord te vinden."
                )
            )
            self.hit_status.setStyleSheet("color: #7a1c14;")
        elif self.hits:
            self.hit_status.setText(
                self.tr("U hebt elke gevonden plek nagekeken; het verslag kan worden uitgegeven.")
            )
            self.hit_status.setStyleSheet("")
        else:
            self.hit_status.setText(
                self.tr(
                    "De teksten zijn nagelopen op namen, afdelingen, meldingsnummers, "
                    "contactgegevens, data en aantallen: niets gevonden."
                )
            )
            self.hit_status.setStyleSheet("")

    def _hit_confirmed(self, item: QListWidgetItem) -> None:
        row = self.hit_list.row(item)
        key = self._key()
        if not 0 <= row < len(self.hits) or key is None:
            return
        hit = self.hits[row]
        try:
            if item.checkState() == Qt.CheckState.Checked:
                confirm_hits(self.session.journal, *key, [hit], today=self.today)
            else:
                withdraw_confirmation(self.session.journal, *key, hit)
        except VaultError as error:
            dialogs.error(self, self.tr("Niet vastgelegd"), error.message(current_language()))
        self._show_hits()

    def _select_hit(self, item: QListWidgetItem) -> None:
        start, end, source = item.data(Qt.ItemDataRole.UserRole)
        if source != SOURCE_TEXT:
            return  # signals and outreach are changed on their own pages
        text = self.text.toPlainText()
        # Qt counts UTF-16 code units; Python counts code points.
        qt_start = len(text[:start].encode("utf-16-le")) // 2
        qt_end = len(text[:end].encode("utf-16-le")) // 2
        cursor = self.text.textCursor()
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.setFocus()

    def _text_is_cleared(self) -> bool:
        """Export only when every place the check found is changed or confirmed one by one."""
        open_hits = self.open_hits()
        if not open_hits:
            return True
        words = ", ".join(f"‘{hit.matched}’" for hit in open_hits[:6])
        dialogs.inform(
            self,
            self.tr("Tekst nog nakijken"),
            self.tr(
                "In de teksten van het verslag staan nog %1 plek(ken) die naar een persoon "
                "kunnen wijzen: %2. Pas de tekst aan, of vink in de lijst per woord aan dat u "
                "het hebt nagekeken. Daarna kunt u het verslag opslaan of afdrukken."
            )
            .replace("%1", str(len(open_hits)))
            .replace("%2", words),
        )
        return False
