"""The reporter's right of access: choose what goes into the PDF, confirm, save where the VP says.

Everything is included by default: it is the reporter's own file. The VP leaves out what is
about others — a conversation, a whole section — and referral contacts' names are replaced.
The PDF is plaintext by nature, so the VP confirms that before choosing where it goes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import Journal
from ...core.models import Case
from ...report.access_export import AccessOptions, build_access_export
from ...report.pdf import write_pdf
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.labels import current_language
from ..common.screen import resize_within_screen
from .widgets import conversation_check


class AccessExportDialog(QDialog):
    def __init__(
        self, journal: Journal, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inzage-export voor de melder"))
        assert case.id is not None and case.organisation_id is not None
        self._journal = journal
        self._case = case
        self._today = today
        self.saved_to: Path | None = None
        intro = QLabel(
            self.tr(
                "Een PDF met alles wat u over de melder en deze melding heeft vastgelegd, om "
                "aan de melder te geven. Staan er gegevens over anderen in, bijvoorbeeld over "
                "degene over wie de melding gaat, dan kunt u die delen weglaten. Namen in uw "
                "aantekeningen herkent het programma niet zelf: lees de verslagen eerst na."
            )
        )
        intro.setWordWrap(True)

        # One check box per conversation: the accused may be named in one and not another.
        self.conversation_checks: dict[int, QCheckBox] = {}
        talks_box = QWidget()
        talks_column = QVBoxLayout(talks_box)
        talks_column.setContentsMargins(6, 6, 6, 6)
        talks = journal.conversations_of(case.id)
        for talk in talks:
            assert talk.id is not None
            check = conversation_check(talk, self.tr("Gesprek van %1 (%2)"))
            self.conversation_checks[talk.id] = check
            talks_column.addWidget(check)
        if not talks:
            talks_column.addWidget(QLabel(self.tr("Bij deze melding zijn geen gesprekken.")))
        talks_column.addStretch(1)
        talks_scroll = QScrollArea()
        talks_scroll.setWidgetResizable(True)
        talks_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        talks_scroll.setWidget(talks_box)
        talks_scroll.setMinimumHeight(min(220, 30 + 26 * max(1, len(talks))))
        talks_group = QGroupBox(self.tr("Gesprekken met uw verslagen"))
        QVBoxLayout(talks_group).addWidget(talks_scroll)

        self.section_checks = {
            "routes": QCheckBox(self.tr("Gekozen routes")),
            "referrals": QCheckBox(self.tr("Doorverwijzingen")),
            "follow_ups": QCheckBox(self.tr("Nazorg en afspraken")),
            "time": QCheckBox(self.tr("Bestede tijd")),
            "links": QCheckBox(self.tr("Gekoppelde meldingen")),
        }
        sections_group = QGroupBox(self.tr("Verder in het overzicht"))
        sections_column = QVBoxLayout(sections_group)
        fixed = QLabel(
            self.tr(
                "Altijd opgenomen: de gegevens van de melder, de intake en hoe lang het "
                "dossier bewaard wordt."
            )
        )
        fixed.setWordWrap(True)
        fixed.setObjectName("hint")
        sections_column.addWidget(fixed)
        for check in self.section_checks.values():
            check.setChecked(True)
            sections_column.addWidget(check)

        contacts = [
            contact.name
            for contact in journal.referral_contacts_of(case.organisation_id)
            if contact.name.strip()
        ]
        self.hide_contacts = QCheckBox(
            self.tr("Namen en gegevens van contactpersonen vervangen door [contactpersoon]")
        )
        self.hide_contacts.setChecked(bool(contacts))
        self.hide_contacts.setEnabled(bool(contacts))
        if contacts:
            shown = ", ".join(contacts[:6]) + (" …" if len(contacts) > 6 else "")
            who = self.tr("Het gaat om: %1.").replace("%1", shown)
        else:
            who = self.tr("Voor deze organisatie zijn geen contactpersonen vastgelegd.")
        contacts_hint = QLabel(who)
        contacts_hint.setWordWrap(True)
        contacts_hint.setObjectName("hint")
        contacts_hint.setTextFormat(Qt.TextFormat.PlainText)
        sections_column.addSpacing(6)
        sections_column.addWidget(self.hide_contacts)
        sections_column.addWidget(contacts_hint)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.save_button = buttons.addButton(
            self.tr("Opslaan als PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(talks_group, 1)
        layout.addWidget(sections_group)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        resize_within_screen(self, 600, self.sizeHint().height())

    def options(self) -> AccessOptions:
        return AccessOptions(
            left_out_conversations=frozenset(
                talk_id
                for talk_id, check in self.conversation_checks.items()
                if not check.isChecked()
            ),
            left_out_sections=frozenset(
                key for key, check in self.section_checks.items() if not check.isChecked()
            ),
            hide_contact_names=self.hide_contacts.isChecked(),
        )

    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to save (tests replace this method to answer without a modal dialog)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Inzage-export opslaan"), str(Path.home() / suggested), "PDF (*.pdf)"
        )
        return Path(chosen) if chosen else None

    def save(self) -> None:
        assert self._case.id is not None
        if not dialogs.ask(
            self,
            self.tr("Dit bestand is niet versleuteld"),
            self.tr(
                "Dit bestand is niet versleuteld. Iedereen die het in handen krijgt, kan de "
                "naam van de melder en uw gespreksverslagen lezen. Bewaar het alleen op een "
                "plek die u zelf beheert, geef het rechtstreeks aan de melder en verwijder uw "
                "eigen exemplaar daarna. Wilt u het bestand maken?"
            ),
        ):
            return
        path = self.ask_save_path(f"inzage-melding-{self._case.number}.pdf")
        if path is None:
            return
        document = build_access_export(
            self._journal, self._case.id, today=self._today, options=self.options()
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
