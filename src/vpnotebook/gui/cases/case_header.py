"""The header of an open case: its number, organisation and status, where it was handed
over, and the buttons to close or re-open it with a menu for the rarer actions.
case_view.CaseView builds on it and connects the buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

from ...core import taxonomy as tx
from ...core.handover.log import handovers_of_case
from ...core.journal import Journal
from ...core.models import Case
from ..common.labels import label
from .intake import IntakeForm
from .retention import RetentionBar
from .widgets import ElidedLabel


class CaseHeaderView(QWidget):
    """An open case's header; the tabs, the intake and the retention bar are the subclass's."""

    _journal: Journal
    intake: IntakeForm
    aftercare: QCheckBox
    destroyed_note: QLabel
    tabs: QTabWidget
    retention: RetentionBar

    def _build_header(self) -> QHBoxLayout:
        self.number = QLabel()
        self.number.setObjectName("caseNumber")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.organisation = ElidedLabel()
        org_font = self.organisation.font()
        org_font.setPointSizeF(org_font.pointSizeF() * 1.15)
        self.organisation.setFont(org_font)
        # The status is words in the line under the number, not a rounded box that looks
        # like a button.
        self.status = QLabel()
        self.status.setObjectName("caseStatus")
        self.status.setVisible(False)
        self.details = ElidedLabel()
        self.details.setObjectName("hint")
        # Where the file went, if it was handed over to a colleague (core/handover/log.py).
        self.handed_over = QLabel()
        self.handed_over.setObjectName("handedOver")
        self.handed_over.setWordWrap(True)
        self.handed_over.setStyleSheet(
            "background: #e8f0fe; color: #0b3a75; border-radius: 4px; padding: 4px 8px;"
        )
        self.handed_over.setVisible(False)
        self.close_button = QPushButton(self.tr("Melding a&fsluiten…"))
        self.close_button.setToolTip(
            self.tr("De melding is klaar: leg de uitkomst vast. Heropenen kan altijd.")
        )
        self.reopen_button = QPushButton(self.tr("Heropenen"))
        # What is done now and then lives in one menu: the header stays short on a laptop.
        self.more_menu = QMenu(self)
        self.copy_action = self.more_menu.addAction(self.tr("Nummer kopiëren"))
        self.more_menu.addSeparator()
        self.print_action = self.more_menu.addAction(self.tr("Overzicht voor uw dossier (PDF)…"))
        self.intervision_action = self.more_menu.addAction(self.tr("Casus voor intervisie (PDF)…"))
        self.access_action = self.more_menu.addAction(self.tr("Inzage-export voor de melder…"))
        self.more_menu.addSeparator()
        self.erase_action = self.more_menu.addAction(
            self.tr("Vernietigen op verzoek van de melder…")
        )
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("Meer"))
        self.more_button.setAccessibleName(self.tr("Meer mogelijkheden voor deze melding"))
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMenu(self.more_menu)
        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addSpacing(6)
        top.addWidget(self.organisation, 1)
        top.addSpacing(12)
        top.addWidget(self.close_button)
        top.addWidget(self.reopen_button)
        top.addWidget(self.more_button)
        return top

    def _show_header(self, case: Case) -> None:
        """The header for ``case``, and what the tabs may do with it."""
        self.number.setText(case.number)
        organisation = self.intake.organisation.currentText() if case.organisation_id else ""
        self.organisation.set_full_text(organisation)
        self.status.setText(label(tx.CASE_STATUSES, case.status))
        details = [label(tx.CASE_STATUSES, case.status)]
        if case.first_contact:
            details.append(
                self.tr("eerste contact %1").replace("%1", case.first_contact.strftime("%d-%m-%Y"))
            )
        if case.status == "closed" and case.closed_on:
            details.append(
                self.tr("afgesloten op %1").replace("%1", case.closed_on.strftime("%d-%m-%Y"))
            )
            if case.outcome:
                details.append(label(tx.CASE_OUTCOMES, case.outcome))
        self.details.set_full_text(" · ".join(details))
        closed = case.status == "closed"
        destroyed = case.is_destroyed
        self.close_button.setVisible(not closed and not destroyed)
        self.reopen_button.setVisible(closed and not destroyed)
        self.more_button.setEnabled(not destroyed)
        # A closed case is destroyed from the retention strip; a running one only on the
        # reporter's request, from this menu.
        self.erase_action.setVisible(not closed)
        self.aftercare.setEnabled(not closed and not destroyed)
        self.aftercare.setChecked(case.status == "aftercare")
        self.destroyed_note.setVisible(destroyed)
        self.tabs.setEnabled(not destroyed)
        self.retention.set_case(case)
        self._show_handovers(case)

    def _show_handovers(self, case: Case) -> None:
        assert case.id is not None
        lines = [
            self.tr("Overgedragen aan %1 op %2.")
            .replace("%1", entry.recipient)
            .replace(
                "%2", entry.handed_over_on.strftime("%d-%m-%Y") if entry.handed_over_on else ""
            )
            for entry in handovers_of_case(self._journal, case.id)
        ]
        self.handed_over.setText(" ".join(lines))
        self.handed_over.setVisible(bool(lines))
