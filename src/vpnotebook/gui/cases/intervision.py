"""Share one case, anonymised, for peer consultation (intervisie).

The VP sees the exact text that will go into the PDF, can change anything in it, and must
change or confirm every place the free-text check finds (the annual report's check, plus the
names of the client organisations) before saving. Which conversations go in is the VP's
choice; the draft is rebuilt from the case when that choice changes, after asking if the VP
already edited it. The edited text is not stored: it exists only in this dialog and the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import Journal
from ...core.models import Case
from ...report.intervision import (
    Approval,
    IntervisionOptions,
    ReviewHit,
    build_intervision,
    check_text,
    draft_text,
)
from ...report.pdf import write_pdf
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.inputs import buddy_label
from ..common.labels import current_language
from ..common.screen import resize_within_screen
from .widgets import conversation_check

CHECK_DELAY_MS = 300
HIT_COLOUR = "#ffe08a"


class IntervisionDialog(QDialog):
    def __init__(
        self, journal: Journal, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Generic on purpose: a window title never carries anything about the case.
        self.setWindowTitle(self.tr("Casus voor intervisie"))
        assert case.id is not None
        self._journal = journal
        self._case = case
        self._today = today
        self._edited = False
        self._building = False
        self.approval = Approval()
        self.hits: list[ReviewHit] = []
        self.saved_to: Path | None = None

        intro = QLabel(
            self.tr(
                "Deel deze melding geanonimiseerd met collega-vertrouwenspersonen. Wat rechts "
                "staat, komt precies zo in de PDF. Namen van de melder en de organisatie, "
                "e-mailadressen en telefoonnummers zijn al vervangen; kijk de rest na en pas "
                "de tekst aan waar nodig."
            )
        )
        intro.setWordWrap(True)

        # Left: what goes in, and what the check found.
        self.conversation_checks: dict[int, QCheckBox] = {}
        choices = QWidget()
        column = QVBoxLayout(choices)
        column.setContentsMargins(0, 0, 6, 0)
        talks_title = QLabel(self.tr("<b>Gesprekken</b>"))
        column.addWidget(talks_title)
        talks = journal.conversations_of(case.id)
        for talk in talks:
            assert talk.id is not None
            check = conversation_check(talk, self.tr("%1 (%2)"))
            check.toggled.connect(self._choice_changed)
            self.conversation_checks[talk.id] = check
            column.addWidget(check)
        if not talks:
            column.addWidget(QLabel(self.tr("Bij deze melding zijn geen gesprekken.")))
        self.routes_check = QCheckBox(self.tr("Routes en verwijzingen"))
        self.routes_check.setChecked(True)
        self.routes_check.toggled.connect(self._choice_changed)
        column.addSpacing(6)
        column.addWidget(self.routes_check)
        column.addSpacing(10)
        column.addWidget(QLabel(self.tr("<b>Na te kijken</b>")))
        self.hit_status = QLabel()
        self.hit_status.setWordWrap(True)
        column.addWidget(self.hit_status)
        self.hit_list = QListWidget()
        self.hit_list.setAccessibleName(self.tr("Mogelijk herleidbare woorden"))
        self.hit_list.setWordWrap(True)
        self.hit_list.itemClicked.connect(self._select_hit)
        self.hit_list.itemActivated.connect(self._select_hit)
        self.hit_list.itemChanged.connect(self._hit_confirmed)
        column.addWidget(self.hit_list, 1)
        left = QScrollArea()
        left.setWidgetResizable(True)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        left.setWidget(choices)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As wide as its widest choice: a conversation's date and form are never cut off.
        left.setMinimumWidth(
            choices.minimumSizeHint().width() + left.verticalScrollBar().sizeHint().width()
        )

        # Right: the text that goes into the file.
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._text_changed)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(6, 0, 0, 0)
        right_column.addWidget(buddy_label(self.tr("&Tekst voor de intervisie"), self.editor))
        right_column.addWidget(self.editor, 1)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 560])

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.save_button = buttons.addButton(
            self.tr("Opslaan als PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.setMinimumSize(720, 400)
        resize_within_screen(self, 900, 600)
        self.rebuild()

    # -- the draft -------------------------------------------------------------------------

    def options(self) -> IntervisionOptions:
        return IntervisionOptions(
            conversations=frozenset(
                talk_id for talk_id, check in self.conversation_checks.items() if check.isChecked()
            ),
            routes_and_referrals=self.routes_check.isChecked(),
        )

    def rebuild(self) -> None:
        assert self._case.id is not None
        text = draft_text(self._journal, self._case.id, today=self._today, options=self.options())
        self._building = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._building = False
        self._edited = False
        self.check_now()

    def _choice_changed(self) -> None:
        if self._edited and not dialogs.ask(
            self,
            self.tr("Tekst opnieuw opbouwen?"),
            self.tr(
                "U heeft de tekst al aangepast. Als u kiest welke onderdelen meegaan, wordt "
                "de tekst opnieuw opgebouwd en gaan uw aanpassingen verloren. Doorgaan?"
            ),
        ):
            sender = self.sender()
            if isinstance(sender, QCheckBox):
                sender.blockSignals(True)
                sender.setChecked(not sender.isChecked())
                sender.blockSignals(False)
            return
        self.rebuild()

    def _text_changed(self) -> None:
        if not self._building:
            self._edited = True
            self._check_timer.start()

    # -- the check -------------------------------------------------------------------------

    def check_now(self) -> None:
        self._check_timer.stop()
        assert self._case.id is not None
        self.hits = check_text(self._journal, self._case.id, self.editor.toPlainText())
        self._show_hits()

    def open_hits(self) -> list[ReviewHit]:
        return self.approval.open_hits(self.hits)

    def _show_hits(self) -> None:
        self.hit_list.blockSignals(True)
        self.hit_list.clear()
        for hit in self.hits:
            item = QListWidgetItem(
                self.tr("‘%1’: %2").replace("%1", hit.matched).replace("%2", hit.reason)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if hit.key in self.approval.confirmed
                else Qt.CheckState.Unchecked
            )
            item.setToolTip(self.tr("Vink aan als dit mag blijven staan."))
            self.hit_list.addItem(item)
        self.hit_list.blockSignals(False)
        self.hit_list.setVisible(bool(self.hits))
        open_hits = self.open_hits()
        if open_hits:
            self.hit_status.setText(
                self.tr(
                    "Nog %1 plaats(en) na te kijken. Pas de tekst aan, of vink aan wat mag "
                    "blijven staan."
                ).replace("%1", str(len(open_hits)))
            )
        elif self.hits:
            self.hit_status.setText(self.tr("Alles nagekeken."))
        else:
            self.hit_status.setText(self.tr("Het programma vond niets dat naar iemand wijst."))
        self._mark_hits()

    def _mark_hits(self) -> None:
        marks = []
        for hit in self.open_hits():
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(hit.start)
            cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            highlight = QTextCharFormat()
            highlight.setBackground(QColor(HIT_COLOUR))
            selection.format = highlight
            marks.append(selection)
        self.editor.setExtraSelections(marks)

    def _hit_confirmed(self, item: QListWidgetItem) -> None:
        row = self.hit_list.row(item)
        if not 0 <= row < len(self.hits):
            return
        key = self.hits[row].key
        if item.checkState() == Qt.CheckState.Checked:
            self.approval.confirmed.add(key)
        else:
            self.approval.confirmed.discard(key)
        self._show_hits()

    def _select_hit(self, item: QListWidgetItem) -> None:
        row = self.hit_list.row(item)
        if 0 <= row < len(self.hits):
            hit = self.hits[row]
            cursor = self.editor.textCursor()
            cursor.setPosition(hit.start)
            cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)
            self.editor.setFocus()

    # -- saving ----------------------------------------------------------------------------

    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to save (tests replace this method to answer without a modal dialog)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Casus voor intervisie opslaan"),
            str(Path.home() / suggested),
            "PDF (*.pdf)",
        )
        return Path(chosen) if chosen else None

    def save(self) -> None:
        assert self._case.id is not None
        self.check_now()
        open_hits = self.open_hits()
        if open_hits:
            words = ", ".join(f"‘{hit.matched}’" for hit in open_hits[:6])
            dialogs.warn(
                self,
                self.tr("Nog niet nagekeken"),
                self.tr(
                    "Er staan nog %1 plaats(en) in de tekst die naar iemand kunnen wijzen: %2. "
                    "Pas ze aan of vink aan dat ze mogen blijven staan."
                )
                .replace("%1", str(len(open_hits)))
                .replace("%2", words),
            )
            return
        if not dialogs.ask(
            self,
            self.tr("Dit bestand is niet versleuteld"),
            self.tr(
                "Het bestand is niet versleuteld. Het bevat alleen de tekst die u hier ziet. "
                "Geef het alleen aan de collega's van uw intervisiegroep en verwijder het "
                "daarna. Wilt u het bestand maken?"
            ),
        ):
            return
        # A neutral name: the file says what it is, not which case.
        path = self.ask_save_path(f"intervisie-{self._today.isoformat()}.pdf")
        if path is None:
            return
        document = build_intervision(
            self._journal,
            self._case.id,
            self.editor.toPlainText(),
            approval=self.approval,
            today=self._today,
        )
        try:
            write_pdf(document, path)
        except VaultError as error:
            dialogs.error(self, self.tr("Niet opgeslagen"), error.message(current_language()))
            return
        self.saved_to = path
        dialogs.inform(
            self, self.tr("Opgeslagen"), self.tr("Opgeslagen als %1.").replace("%1", str(path))
        )
        self.accept()
