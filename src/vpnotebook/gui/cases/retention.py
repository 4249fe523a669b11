"""Retention on the open case: when it is due for destruction, keeping it longer, destroying it.

A strip under the case header says where the case stands; once the case is closed it offers
the two actions that belong to retention: keep longer and destroy now. (A running case is
destroyed only on the reporter's request, from the case's Meer menu.) Nothing is destroyed without the dialog here: it says what goes and what
stays, that older backups still hold the case, and asks for the case number to be typed.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.destruction import RULE_ERASURE, RULE_RETENTION, RULE_VP_DECISION, destroy_case
from ...core.exchange import DESTRUCTION_RULES
from ...core.fields import ValidationError
from ...core.journal import Journal
from ...core.models import Case, Organisation
from ...core.retention import (
    OVERDUE,
    RetentionStatus,
    add_years,
    case_retention,
    keep_longer,
)
from ...vault.backup import DEFAULT_KEEP
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.inputs import DateField, FieldBox, buddy_label, error_label
from ..common.labels import current_language, label
from ..common.record_form import format_date, validation_text
from ..common.screen import resize_within_screen

_CALM = "#retentionBar { background: palette(alternate-base); border-radius: 6px; }"
_DUE = (
    "#retentionBar { background: #fff4e5; border: 1px solid #e8a13a; border-radius: 6px; }"
    " #retentionBar QLabel { color: #4a2c00; }"
)
REASON_SHOWN = 160  # characters of the reason on the strip; the tooltip holds all of it


# What destroying does, in the same words for one case and for several (Today).
def _tr(text: str) -> str:
    return QCoreApplication.translate("Destruction", text)


def what_goes() -> str:
    return _tr(
        "<b>Wat verdwijnt:</b> de naam en contactgegevens van de melder en uw notities "
        "over de melder, alle gespreksverslagen, de werktitel, de wensen van de melder, de "
        "toelichting bij de uitkomst, de toelichtingen bij routes, verwijzingen en tijd, "
        "nazorg en afspraken, en uw besluiten om langer te bewaren. Datums worden "
        "teruggebracht tot het kwartaal. Dit is niet terug te draaien."
    )


def what_stays() -> str:
    return _tr(
        "<b>Wat blijft:</b> het meldingsnummer en de anonieme kenmerken die meetellen in "
        "het jaarverslag — organisatie, soort contact, aard, rol, afdeling, relatie, routes "
        "met hun uitkomst, naar wie is verwezen, en per jaar het aantal gesprekken en "
        "minuten. Zo kloppen de jaarverslagen van eerdere jaren nog steeds. In het "
        "vernietigingslogboek komen de datum, het nummer en de grond, zonder inhoud."
    )


def about_backups(backups_kept: int, count: int = 1) -> str:
    if count == 1:
        text = _tr(
            "<b>Reservekopieën:</b> reservekopieën die u eerder maakte, bevatten deze melding "
            "nog. U bewaart de laatste %1; na %1 nieuwe reservekopieën op dezelfde plek is de "
            "melding ook daaruit verdwenen. Kopieën op een andere plek ruimt u zelf op."
        )
    else:
        text = _tr(
            "<b>Reservekopieën:</b> reservekopieën die u eerder maakte, bevatten deze meldingen "
            "nog. U bewaart de laatste %1; na %1 nieuwe reservekopieën op dezelfde plek zijn "
            "ze ook daaruit verdwenen. Kopieën op een andere plek ruimt u zelf op."
        )
    return text.replace("%1", str(backups_kept))


class RetentionBar(QFrame):
    """The strip under the case header. `changed` after a decision, `destroyed` after that."""

    changed = Signal()
    destroyed = Signal()

    def __init__(
        self, journal: Journal, save_pending: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("retentionBar")
        self._journal = journal
        self._save_pending = save_pending
        self._case: Case | None = None
        self._today: date | None = None
        self.status: RetentionStatus | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        # No quick keys on the first two: the intake beneath uses most letters, and
        # destroying should never be one keystroke away.
        self.keep_button = QPushButton(self.tr("Langer bewaren…"))
        self.keep_button.clicked.connect(self.keep_longer)
        self.destroy_button = QPushButton(self.tr("Nu vernietigen…"))
        self.destroy_button.clicked.connect(self.ask_to_destroy)
        self.destroy_button.setToolTip(
            self.tr("Vernietig deze melding nu, bijvoorbeeld omdat de melder daarom vraagt.")
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.destroy_button)

    @property
    def today(self) -> date:
        # Not fixed when the case opens: the program may stay open past midnight.
        return self._today or date.today()

    @today.setter
    def today(self, value: date | None) -> None:
        self._today = value

    def set_case(self, case: Case | None) -> None:
        self._case = case
        self.setVisible(case is not None and not case.is_destroyed)
        if case is None or case.id is None or case.is_destroyed:
            self.status = None
            return
        self.status = case_retention(self._journal, case.id, self.today)
        self.keep_button.setVisible(self.status is not None)
        # Destroying a running case is the reporter's request, under the case's Meer menu;
        # here only once it is closed and its retention is what is being decided.
        self.destroy_button.setVisible(self.status is not None)
        due = self.status is not None and self.status.state == OVERDUE
        self.setStyleSheet(_DUE if due else _CALM)
        self.text.setText(self._describe(case, self.status))
        reason = self.status.extension.reason if self.status and self.status.extension else ""
        self.text.setToolTip(reason)

    def _describe(self, case: Case, status: RetentionStatus | None) -> str:
        if status is None:
            assert case.organisation_id is not None
            period = self._period(
                self._journal.get(Organisation, case.organisation_id).retention_years
            )
            if case.status == "reopened":
                text = self.tr(
                    "Deze melding is heropend. Zodra u haar weer afsluit, gaat de bewaartermijn "
                    "van %1 opnieuw in."
                )
            else:
                text = self.tr("Na het afsluiten wordt deze melding nog %1 bewaard.")
            return text.replace("%1", period)
        day = f"<b>{format_date(status.due_on)}</b>"
        if status.extension is not None:
            reason = status.extension.reason
            if len(reason) > REASON_SHOWN:
                reason = reason[: REASON_SHOWN - 1].rstrip() + "…"
            text = self.tr("Bewaard tot: %1 — %2").replace("%1", day)
            text = text.replace("%2", html.escape(reason).replace("\n", " "))
        else:
            text = self.tr("Te vernietigen vanaf: %1 (bewaartermijn %2 na afsluiten)").replace(
                "%1", day
            )
            text = text.replace("%2", self._period(status.retention_years))
        if status.state == OVERDUE:
            text += "<br>" + self.tr(
                "De bewaartermijn is verstreken. Er wordt niets vernietigd zonder uw bevestiging."
            )
        return text

    def _dialog_parent(self) -> QWidget:
        # Not the strip itself: its style sheet would colour every label of the dialog.
        return self.parentWidget() or self

    def _period(self, years: int) -> str:
        return self.tr("1 jaar") if years == 1 else self.tr("%1 jaar").replace("%1", str(years))

    # -- actions -----------------------------------------------------------------------

    def keep_longer(self) -> KeepLongerDialog | None:
        """Ask for a date and a reason (window-modal, not blocking)."""
        if self._case is None or self.status is None:
            return None
        self._save_pending()
        dialog = KeepLongerDialog(self._journal, self.status, self.today, self._dialog_parent())
        dialog.accepted.connect(self.changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def ask_to_destroy(self) -> DestroyCaseDialog | None:
        """Ask for the confirmation with the typed case number (window-modal, not blocking)."""
        if self._case is None or self._case.is_destroyed:
            return None
        self._save_pending()
        keep = self._journal.setting("backup_keep")
        dialog = DestroyCaseDialog(
            self._journal,
            self._case,
            self.status,
            int(keep) if keep and keep.isdigit() else DEFAULT_KEEP,
            self.today,
            self._dialog_parent(),
        )
        dialog.accepted.connect(self.destroyed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


class KeepLongerDialog(QDialog):
    def __init__(
        self, journal: Journal, status: RetentionStatus, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Langer bewaren"))
        self._journal = journal
        self._status = status
        self._today = today
        intro = QLabel(
            self.tr(
                "Volgens de bewaartermijn is deze melding te vernietigen vanaf %1. Bewaar haar "
                "alleen langer als daar een goede reden voor is, bijvoorbeeld een klacht of "
                "rechtszaak die nog loopt. Uw besluit en de reden worden bij de melding "
                "vastgelegd. Op Vandaag verschijnt de melding dan pas weer kort voor de nieuwe "
                "datum."
            ).replace("%1", format_date(status.computed_due))
        )
        intro.setWordWrap(True)
        self.keep_until = DateField()
        self.keep_until.set_day(add_years(max(status.due_on, today), 1))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(110)
        self.reason.setPlaceholderText(self.tr("Waarom is langer bewaren nodig?"))
        self.date_box = FieldBox(self.keep_until)
        self.reason_box = FieldBox(self.reason)
        self.general_error = error_label()
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("Bewaren &tot"), self.keep_until), self.date_box)
        form.addRow(buddy_label(self.tr("&Reden"), self.reason), self.reason_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Vastleggen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(buttons)
        resize_within_screen(self, 520, layout.totalHeightForWidth(520))
        self.reason.setFocus()

    def accept(self) -> None:
        for box in (self.date_box, self.reason_box):
            box.clear_error()
        self.general_error.setVisible(False)
        try:
            keep_longer(
                self._journal,
                self._status.case_id,
                self.keep_until.day(),
                self.reason.toPlainText(),
                today=self._today,
            )
        except ValidationError as error:
            boxes = {"keep_until": self.date_box, "reason": self.reason_box}
            target = boxes.get(error.field_name)
            if target is None:
                self.general_error.setText(validation_text(error))
                self.general_error.setVisible(True)
            else:
                target.show_error(validation_text(error))
                target.widget.setFocus()
            return
        except VaultError as error:
            dialogs.error(self, self.tr("Niet opgeslagen"), error.message(current_language()))
            return
        super().accept()


class DestroyCaseDialog(QDialog):
    """Says exactly what goes and what stays; destroys only after the number is typed."""

    def __init__(
        self,
        journal: Journal,
        case: Case,
        status: RetentionStatus | None,
        backups_kept: int,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Generic on purpose: a window title never carries anything about the case.
        self.setWindowTitle(self.tr("Melding vernietigen"))
        self._journal = journal
        self._case = case
        self._today = today
        heading = QLabel(
            "<b>" + self.tr("Melding %1 definitief vernietigen").replace("%1", case.number) + "</b>"
        )
        goes, stays, backups = what_goes(), what_stays(), about_backups(backups_kept)
        texts = QVBoxLayout()
        texts.setSpacing(10)
        for text in (goes, stays, backups):
            part = QLabel(text)
            part.setWordWrap(True)
            part.setTextFormat(Qt.TextFormat.RichText)
            texts.addWidget(part)

        self.rule = QComboBox()
        overdue = status is not None and status.state == OVERDUE
        rules = ([RULE_RETENTION] if overdue else []) + [RULE_ERASURE, RULE_VP_DECISION]
        for code in rules:
            self.rule.addItem(label(DESTRUCTION_RULES, code), code)
        self.confirm = QLineEdit()
        self.confirm.setMaximumWidth(self.confirm.fontMetrics().horizontalAdvance("0000-0000") * 2)
        self.confirm.textChanged.connect(self._typed)
        # Typing the number is the confirmation; Enter then confirms, as the button would.
        self.confirm.returnPressed.connect(self.accept)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Grond"), self.rule), self.rule)
        form.addRow(
            buddy_label(
                self.tr("Typ ter bevestiging het &meldingsnummer: %1").replace("%1", case.number),
                self.confirm,
            )
        )
        form.addRow(self.confirm)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuleren"))
        cancel.setAutoDefault(False)
        self.destroy_button = self.buttons.addButton(
            self.tr("Definitief vernietigen"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.destroy_button.setEnabled(False)
        self.destroy_button.setAutoDefault(False)
        self.destroy_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.general_error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(texts)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        # Wrapped text is as tall as the width makes it; ask for the height at that width.
        resize_within_screen(self, 640, layout.totalHeightForWidth(640))
        self.confirm.setFocus()

    def _matches(self) -> bool:
        return self.confirm.text().strip() == self._case.number

    def _typed(self) -> None:
        self.destroy_button.setEnabled(self._matches())

    def accept(self) -> None:
        if not self._matches():
            return  # Enter with a wrong number, or any other way round the disabled button
        assert self._case.id is not None
        try:
            destroy_case(
                self._journal, self._case.id, rule=str(self.rule.currentData()), today=self._today
            )
        except VaultError as error:
            self.general_error.setText(error.message(current_language()))
            self.general_error.setVisible(True)
            return
        super().accept()
