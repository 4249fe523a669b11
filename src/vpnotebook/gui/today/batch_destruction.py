"""Destroying several overdue cases at once, from Today: one confirmation that names them all.

Only cases whose retention period has passed come here, so the ground is always "bewaartermijn
verstreken". The dialog names every number, says what goes and what stays (the same words as
for one case), and destroys after the VP typed how many cases it are: deliberate, but not
thirty-six times the same question. Core destroys all of them or, on a failure, none.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.destruction import RULE_RETENTION, destroy_cases
from ...core.exchange import DESTRUCTION_RULES
from ...core.journal import Journal
from ...core.retention import OVERDUE, RetentionStatus
from ...vault.errors import VaultError
from ..cases.retention import about_backups, what_goes, what_stays
from ..common.inputs import buddy_label, error_label
from ..common.labels import current_language, label
from ..common.record_form import format_date
from ..common.screen import resize_within_screen


class DestructionActions(QWidget):
    """Under Today's destruction list: check every overdue case, destroy the checked ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check_all = QPushButton(self.tr("Alle verlopen aanvinken"))
        self.destroy_button = QPushButton(self.tr("Aangevinkte vernietigen…"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(self.check_all)
        row.addWidget(self.destroy_button)
        row.addStretch(1)

    def show_counts(self, overdue: int, checked: int) -> None:
        self.setVisible(overdue > 0)
        self.check_all.setText(
            self.tr("Niets aanvinken")
            if overdue and checked == overdue
            else self.tr("Alle verlopen aanvinken")
        )
        self.destroy_button.setEnabled(checked > 0)
        self.destroy_button.setText(
            self.tr("Aangevinkte vernietigen…")
            if checked == 0
            else self.tr("%1 aangevinkte vernietigen…").replace("%1", str(checked))
        )


class BatchDestroyDialog(QDialog):
    """Destroys the given overdue cases after the VP typed their count."""

    def __init__(
        self,
        journal: Journal,
        cases: Sequence[RetentionStatus],
        backups_kept: int,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not cases or any(case.state != OVERDUE for case in cases):
            raise ValueError("only cases past their retention date are destroyed together")
        # Generic on purpose: a window title never carries anything about the cases.
        self.setWindowTitle(self.tr("Meldingen vernietigen"))
        self._journal = journal
        self._cases = list(cases)
        self._today = today
        self.destroyed_numbers: list[str] = []
        count = len(self._cases)
        title = (
            self.tr("1 melding definitief vernietigen")
            if count == 1
            else self.tr("%1 meldingen definitief vernietigen").replace("%1", str(count))
        )
        heading = QLabel(f"<b>{title}</b>")
        reason = QLabel(
            self.tr(
                "Van deze meldingen is de bewaartermijn verstreken. Kijk de nummers na: ze "
                "worden allemaal tegelijk vernietigd."
            )
        )
        reason.setWordWrap(True)
        self.numbers = QListWidget()
        self.numbers.setAccessibleName(self.tr("Meldingen die worden vernietigd"))
        self.numbers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.numbers.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for case in self._cases:
            line = self.tr("%1 — %2, te vernietigen sinds %3")
            line = line.replace("%1", case.number).replace("%2", case.organisation)
            self.numbers.addItem(line.replace("%3", format_date(case.due_on)))
        rows = min(count, 8)
        self.numbers.setFixedHeight(
            self.numbers.sizeHintForRow(0) * rows + 2 * self.numbers.frameWidth() + 4
        )
        texts = QVBoxLayout()
        texts.setSpacing(10)
        for text in (what_goes(), what_stays(), about_backups(backups_kept, count)):
            part = QLabel(text)
            part.setWordWrap(True)
            part.setTextFormat(Qt.TextFormat.RichText)
            texts.addWidget(part)

        ground = QLabel(label(DESTRUCTION_RULES, RULE_RETENTION))
        self.confirm = QLineEdit()
        self.confirm.setMaximumWidth(self.confirm.fontMetrics().horizontalAdvance("0000") * 3)
        self.confirm.textChanged.connect(self._typed)
        self.confirm.returnPressed.connect(self.accept)
        form = QFormLayout()
        form.addRow(self.tr("Grond:"), ground)
        form.addRow(
            buddy_label(
                self.tr("Typ ter bevestiging het &aantal meldingen: %1").replace("%1", str(count)),
                self.confirm,
            )
        )
        form.addRow(self.confirm)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuleren"))
        cancel.setAutoDefault(False)
        self.destroy_button = self.buttons.addButton(
            self.tr("Definitief vernietigen")
            if count == 1
            else self.tr("Alle %1 definitief vernietigen").replace("%1", str(count)),
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        self.destroy_button.setEnabled(False)
        self.destroy_button.setAutoDefault(False)
        self.destroy_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.general_error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(reason)
        layout.addWidget(self.numbers)
        layout.addLayout(texts)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        resize_within_screen(self, 660, layout.totalHeightForWidth(660))
        self.confirm.setFocus()

    @property
    def case_numbers(self) -> list[str]:
        return [case.number for case in self._cases]

    def _matches(self) -> bool:
        return self.confirm.text().strip() == str(len(self._cases))

    def _typed(self) -> None:
        self.destroy_button.setEnabled(self._matches())

    def accept(self) -> None:
        if not self._matches():
            return  # Enter with a wrong count, or any other way round the disabled button
        try:
            self.destroyed_numbers = destroy_cases(
                self._journal,
                [case.case_id for case in self._cases],
                rule=RULE_RETENTION,
                today=self._today,
            )
        except VaultError as error:
            self.general_error.setText(
                error.message(current_language()) + " " + self.tr("Er is niets vernietigd.")
            )
            self.general_error.setVisible(True)
            return
        super().accept()
