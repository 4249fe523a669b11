"""The Vandaag screen: what asks for the VP's attention today, calm and at a glance."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.agenda import FollowUpRow, Overview, QuietCase, build_overview, mark_done
from ...core.models import Case
from ...core.retention import OVERDUE, RetentionStatus, due_for_destruction_and_total
from ...core.taxonomy import FOLLOW_UP_KINDS
from ...vault.backup import DEFAULT_KEEP
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.inputs import to_qdate
from ..common.labels import current_language, label
from ..common.page import Page
from ..session import Session
from ..settings.key_dialogs import rekey_why
from .batch_destruction import BatchDestroyDialog, DestructionActions
from .first_steps import FirstSteps

LATE_COLOUR = QColor("#b3261e")
CASE_ROLE = Qt.ItemDataRole.UserRole
FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # an overdue case's RetentionStatus


def locale() -> QLocale:
    if current_language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def short_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


class _RoomyDelegate(QStyledItemDelegate):
    """A little air between rows: these lists are read, not scanned like a spreadsheet."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 8)


def _top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items = (tree.topLevelItem(row) for row in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]


class _FittedTree(QTreeWidget):
    """A list exactly as tall as its rows, so the page scrolls as a whole, not per list."""

    def sizeHint(self) -> QSize:
        height = 2 * self.frameWidth()
        if not self.header().isHidden():
            height += self.header().sizeHint().height()
        for item in _top_items(self):
            height += self.rowHeight(self.indexFromItem(item))
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class _Section(QWidget):
    """A heading, a line of explanation, and either a list or a calm empty state."""

    def __init__(self, title: str, hint: str, empty: str, headers: list[str]) -> None:
        super().__init__()
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self._title_text = title
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        self.empty = QLabel(empty)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyState")
        quiet = self.empty.palette()
        quiet.setColor(
            QPalette.ColorRole.WindowText, quiet.color(QPalette.ColorRole.PlaceholderText)
        )
        self.empty.setPalette(quiet)
        self.tree = _FittedTree()
        self.tree.setAccessibleName(title)
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        # Every row is one line of text (the note is elided, its whole text is the tooltip):
        # uniform heights let Qt measure one row instead of every row on each layout pass.
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemDelegate(_RoomyDelegate(self.tree))
        self.tree.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.tree.header()
        header.setStretchLastSection(False)
        self._stretched: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree)

    def add_footer(self, widget: QWidget) -> None:
        """A row under the list (Today's destruction list: its buttons)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(widget)

    def stretch_column(self, column: int) -> None:
        self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._stretched = column

    def fit_columns(self) -> None:
        """Size the other columns to their contents once, after the rows are in.

        Not ResizeToContents: that mode measures every cell again on each layout pass (8,500
        delegate calls for one fill of the four lists), and the rows only change on a refresh.
        """
        for column in range(self.tree.columnCount()):
            if column != self._stretched:
                self.tree.resizeColumnToContents(column)

    def finish(self, shown: int, total: int) -> None:
        """After the rows are in: the count in the title, a line for the rows not shown."""
        self._show_more(total - shown)
        self.title.setText(self._title_text if not total else f"{self._title_text} ({total})")
        self.empty.setVisible(total == 0)
        self.tree.setVisible(total > 0)
        self.fit_columns()
        # Rows were replaced: let the fitted height follow them.
        self.tree.updateGeometry()

    def _show_more(self, hidden: int) -> None:
        """A last line saying how many rows are not shown; the most urgent come first."""
        if hidden <= 0:
            return
        item = QTreeWidgetItem(
            [
                QCoreApplication.translate(
                    "TodayPage", "… en nog %1; de meest dringende staan bovenaan."
                ).replace("%1", str(hidden))
            ]
        )
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.tree.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)


# Each list stays short enough to read (and to lay out: a few thousand rows with widgets took
# minutes on a 10,000-case vault); the header still shows the full count.
SHOWN_PER_SECTION = 50


class TodayPage(Page):
    reminder_days: int = 14

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._today: date | None = None
        self.overview: Overview | None = None

        heading = QLabel(self.tr("Vandaag"))
        heading.setObjectName("screenTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        heading.setFont(font)
        self.date_label = QLabel()

        self.reminder = QFrame()
        self.reminder.setObjectName("backupReminder")
        self.reminder.setStyleSheet(
            "#backupReminder { background: #fff4e5; border: 1px solid #e8a13a;"
            " border-radius: 6px; } #backupReminder QLabel { color: #4a2c00; }"
        )
        self.reminder_text = QLabel()
        self.reminder_text.setWordWrap(True)
        self.reminder_button = QPushButton(self.tr("Nu een reservekopie maken"))
        self.reminder_button.clicked.connect(self._go_to_backup)
        reminder_row = QHBoxLayout(self.reminder)
        reminder_row.setContentsMargins(12, 8, 12, 8)
        reminder_row.addWidget(self.reminder_text, 1)
        reminder_row.addWidget(self.reminder_button)

        self.first_steps = FirstSteps()
        self.first_steps.new_case.connect(lambda: session.new_record_requested.emit("case"))
        self.first_steps.new_organisation.connect(
            lambda: session.new_record_requested.emit("organisation")
        )
        self.first_steps.backup.connect(self._go_to_backup)
        self.first_steps.guide.connect(session.guide_requested)
        self.first_steps.setVisible(False)

        self.attention = _Section(
            self.tr("Vraagt aandacht"),
            self.tr("Nazorg en afspraken van vandaag, en wat nog openstaat van eerder."),
            self.tr("Niets dat vandaag aandacht vraagt."),
            [
                self.tr("Datum"),
                self.tr("Soort"),
                self.tr("Melding"),
                self.tr("Organisatie"),
                self.tr("Notitie"),
                "",
            ],
        )
        self.attention.stretch_column(4)
        self.appointments = _Section(
            self.tr("Afspraken in de komende twee weken"),
            "",
            self.tr("Er staan voor de komende twee weken geen afspraken in de agenda."),
            [self.tr("Wanneer"), self.tr("Melding"), self.tr("Organisatie"), self.tr("Notitie")],
        )
        self.appointments.stretch_column(3)
        self.quiet = _Section(
            self.tr("Even niets gehoord"),
            self.tr(
                "Lopende meldingen zonder gesprek in de afgelopen 30 dagen en zonder "
                "geplande afspraak. Misschien tijd om even contact op te nemen, of om de "
                "melding af te sluiten."
            ),
            self.tr("Met elke lopende melding is er de afgelopen 30 dagen contact geweest."),
            [
                self.tr("Melding"),
                self.tr("Organisatie"),
                self.tr("Werktitel"),
                self.tr("Laatste contact"),
            ],
        )
        self.quiet.stretch_column(2)
        self.destruction = _Section(
            self.tr("Te vernietigen"),
            self.tr(
                "Afgesloten meldingen waarvan de bewaartermijn verstreken is of binnen 30 "
                "dagen verstrijkt. Er wordt niets vernietigd zonder uw bevestiging. Vink de "
                "verlopen meldingen aan om ze in één keer te vernietigen, of open een "
                "melding om haar, met een reden, langer te bewaren."
            ),
            self.tr("Er zijn geen meldingen waarvan de bewaartermijn binnenkort verstrijkt."),
            [
                self.tr("Melding"),
                self.tr("Organisatie"),
                self.tr("Afgesloten"),
                self.tr("Te vernietigen vanaf"),
                "",
            ],
        )
        self.destruction.stretch_column(3)
        self.destruction_actions = DestructionActions()
        self.destruction_actions.check_all.clicked.connect(self._check_all_overdue)
        self.destruction_actions.destroy_button.clicked.connect(self.destroy_checked)
        self.destruction.add_footer(self.destruction_actions)
        self.destruction.tree.itemChanged.connect(lambda _item, _column: self._checked_changed())
        for section in (self.attention, self.appointments, self.quiet, self.destruction):
            section.tree.itemActivated.connect(self._activated)

        body = QWidget()
        sections = QVBoxLayout(body)
        sections.setContentsMargins(0, 0, 12, 0)
        sections.addWidget(self.attention)
        sections.addWidget(self.appointments)
        sections.addWidget(self.quiet)
        sections.addWidget(self.destruction)
        sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.date_label)
        layout.addSpacing(8)
        layout.addWidget(self.first_steps)
        layout.addWidget(self.reminder)
        layout.addSpacing(8)
        layout.addWidget(scroll, 1)

    # -- the date the screen is about ------------------------------------------------------

    @property
    def today(self) -> date:
        # Not fixed at start-up: the program may stay open past midnight.
        return self._today or date.today()

    @today.setter
    def today(self, value: date | None) -> None:
        self._today = value

    def set_reminder_days(self, days: int) -> None:
        if days != self.reminder_days:
            self.reminder_days = days
            if self.overview is not None:
                self.refresh()

    # -- Page ------------------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.today
        overview = build_overview(
            self.session.journal, today, reminder_days=self.reminder_days, shown=SHOWN_PER_SECTION
        )
        self.overview = overview
        self.date_label.setText(locale().toString(to_qdate(today), "dddd d MMMM yyyy"))
        # Until the first case: what to do first. Its backup step stands for the reminder.
        starting = self.session.journal.count(Case) == 0
        self.first_steps.setVisible(starting)
        self._show_reminder(overview)
        if starting:
            self.reminder.setVisible(False)
        self._fill_attention(overview.attention, overview.attention_total, today)
        self._fill_appointments(overview.appointments, overview.appointments_total)
        self._fill_quiet(overview.quiet, overview.quiet_total)
        self._fill_destruction(
            *due_for_destruction_and_total(self.session.journal, today, limit=SHOWN_PER_SECTION)
        )

    # -- filling the sections --------------------------------------------------------------

    def _show_reminder(self, overview: Overview) -> None:
        self.reminder.setVisible(overview.backup_due)
        if not overview.backup_due:
            return
        if overview.last_backup is None:
            text = self.tr(
                "Er is nog geen reservekopie van deze kluis. Maak er een op een USB-stick "
                "of externe schijf, zodat uw aantekeningen veilig zijn als deze computer "
                "het begeeft."
            )
        else:
            made = overview.last_backup.date()
            text = self.tr(
                "De laatste gecontroleerde reservekopie is van %1, %2 dagen geleden. "
                "Tijd voor een nieuwe."
            )
            text = text.replace("%1", short_date(made)).replace("%2", str((self.today - made).days))
        self.reminder_text.setText(text)

    def _fill_attention(self, rows: list[FollowUpRow], total: int, today: date) -> None:
        tree = self.attention.tree
        tree.clear()
        bold = QFont(tree.font())
        bold.setBold(True)
        for row in rows:
            follow_up = row.follow_up
            assert follow_up.due_on is not None and follow_up.kind is not None
            late = row.days_late(today)
            when = self.tr("vandaag") if late == 0 else short_date(follow_up.due_on)
            if follow_up.due_time:
                when = f"{when} {follow_up.due_time}"
            item = QTreeWidgetItem(
                [
                    when,
                    label(FOLLOW_UP_KINDS, follow_up.kind),
                    row.case_number or "—",
                    row.organisation,
                    follow_up.note,
                    "",
                ]
            )
            item.setData(0, CASE_ROLE, follow_up.case_id)
            item.setData(0, FOLLOW_UP_ROLE, follow_up.id)
            item.setToolTip(4, follow_up.note)
            if late > 0:
                # Colour alone does not carry meaning: the tooltip and accessible text say it.
                late_text = (
                    self.tr("1 dag te laat")
                    if late == 1
                    else self.tr("%1 dagen te laat").replace("%1", str(late))
                )
                # Only the date is red: a screen full of red would alarm more than inform.
                item.setForeground(0, QBrush(LATE_COLOUR))
                item.setFont(0, bold)
                item.setToolTip(0, late_text)
                item.setText(0, f"{when} · {late_text}")
            tree.addTopLevelItem(item)
            button = QPushButton(self.tr("Afgerond"))
            button.setAccessibleName(self.tr("Markeer als afgerond"))
            button.setToolTip(self.tr("Markeer als afgerond; het verdwijnt dan van deze lijst."))
            assert follow_up.id is not None
            button.clicked.connect(lambda _=False, fid=follow_up.id: self.mark_done(fid))
            tree.setItemWidget(item, 5, button)
        self.attention.finish(len(rows), total)

    def _fill_appointments(self, rows: list[FollowUpRow], total: int) -> None:
        tree = self.appointments.tree
        tree.clear()
        loc = locale()
        for row in rows:
            follow_up = row.follow_up
            assert follow_up.due_on is not None
            when = loc.toString(to_qdate(follow_up.due_on), "ddd d MMMM")
            if follow_up.due_time:
                when = self.tr("%1 om %2").replace("%1", when).replace("%2", follow_up.due_time)
            item = QTreeWidgetItem([when, row.case_number or "—", row.organisation, follow_up.note])
            item.setToolTip(3, follow_up.note)
            item.setData(0, CASE_ROLE, follow_up.case_id)
            item.setData(0, FOLLOW_UP_ROLE, follow_up.id)
            tree.addTopLevelItem(item)
        self.appointments.finish(len(rows), total)

    def _fill_quiet(self, cases: list[QuietCase], total: int) -> None:
        tree = self.quiet.tree
        tree.clear()
        for case in cases:
            since = self.tr("%1 · %2 dagen geleden")
            since = since.replace("%1", short_date(case.last_contact)).replace("%2", str(case.days))
            item = QTreeWidgetItem([case.number, case.organisation, case.title, since])
            item.setData(0, CASE_ROLE, case.case_id)
            tree.addTopLevelItem(item)
        self.quiet.finish(len(cases), total)

    def _fill_destruction(self, cases: list[RetentionStatus], total: int) -> None:
        tree = self.destruction.tree
        tree.blockSignals(True)
        tree.clear()
        for case in cases:
            days = case.days_left
            if days == 0:
                when = self.tr("%1 · vandaag")
            elif days < 0:
                when = self.tr("%1 · %2 dagen over tijd") if days < -1 else self.tr("%1 · gisteren")
            else:
                when = self.tr("%1 · over %2 dagen") if days > 1 else self.tr("%1 · morgen")
            when = when.replace("%1", short_date(case.due_on)).replace("%2", str(abs(days)))
            if case.extension is not None:
                when += " · " + self.tr("langer bewaard")
            item = QTreeWidgetItem(
                [case.number, case.organisation, short_date(case.closed_on), when, ""]
            )
            item.setData(0, CASE_ROLE, case.case_id)
            if case.state == OVERDUE:
                # Checkable, in the words "over tijd": a list of past dates is work to do,
                # not an alarm, so no red (a long list of it alarmed more than it helped).
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setData(0, STATUS_ROLE, case)
            tree.addTopLevelItem(item)
            button = QPushButton(self.tr("Openen"))
            button.setAccessibleName(self.tr("Melding %1 openen").replace("%1", case.number))
            button.clicked.connect(lambda _=False, cid=case.case_id: self.session.open_case(cid))
            tree.setItemWidget(item, 4, button)
        tree.blockSignals(False)
        self.destruction.finish(len(cases), total)
        self._checked_changed()

    # -- destroying overdue cases together -------------------------------------------------

    def overdue_items(self) -> list[QTreeWidgetItem]:
        tree = self.destruction.tree
        items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        return [
            item for item in items if item is not None and item.data(0, STATUS_ROLE) is not None
        ]

    def checked_cases(self) -> list[RetentionStatus]:
        return [
            item.data(0, STATUS_ROLE)
            for item in self.overdue_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def _check_all_overdue(self) -> None:
        everything = not all(
            item.checkState(0) == Qt.CheckState.Checked for item in self.overdue_items()
        )
        state = Qt.CheckState.Checked if everything else Qt.CheckState.Unchecked
        self.destruction.tree.blockSignals(True)
        for item in self.overdue_items():
            item.setCheckState(0, state)
        self.destruction.tree.blockSignals(False)
        self._checked_changed()

    def _checked_changed(self) -> None:
        self.destruction_actions.show_counts(len(self.overdue_items()), len(self.checked_cases()))

    def destroy_checked(self) -> BatchDestroyDialog | None:
        """One confirmation for every checked case (window-modal, not blocking)."""
        cases = self.checked_cases()
        if not cases:
            return None
        keep = self.session.journal.setting("backup_keep")
        dialog = BatchDestroyDialog(
            self.session.journal,
            cases,
            int(keep) if keep and keep.isdigit() else DEFAULT_KEEP,
            self.today,
            self,
        )
        dialog.accepted.connect(lambda: self._destroyed(dialog.destroyed_numbers))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _destroyed(self, numbers: list[str]) -> None:
        self.refresh()
        self.session.notify("cases")
        if dialogs.ask(
            self,
            self.tr("Meldingen vernietigd"),
            self.tr(
                "Vernietigd: %1. Maak binnenkort een nieuwe reservekopie, zodat oudere "
                "reservekopieën met deze meldingen op den duur worden opgeruimd."
            ).replace("%1", ", ".join(numbers))
            + "\n\n"
            + self.tr("Wilt u nu ook een nieuwe sleutel maken?")
            + " "
            + rekey_why(),
        ):
            self.session.request_key_renewal()

    # -- actions ---------------------------------------------------------------------------

    def mark_done(self, follow_up_id: int) -> None:
        try:
            mark_done(self.session.journal, follow_up_id, self.today)
        except VaultError as error:
            dialogs.error(self, self.tr("Niet opgeslagen"), error.message(current_language()))
            return
        self.refresh()
        self.session.notify("follow_ups")

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, CASE_ROLE)
        if case_id is not None:
            self.session.open_case(int(case_id))

    def _go_to_backup(self) -> None:
        self.session.page_requested.emit("backup")

    # -- for tests and the main window -----------------------------------------------------

    def case_ids(self, section: _Section) -> list[int]:
        return [int(item.data(0, CASE_ROLE)) for item in _top_items(section.tree)]

    def follow_up_ids(self, section: _Section) -> list[int]:
        return [int(item.data(0, FOLLOW_UP_ROLE)) for item in _top_items(section.tree)]

    def save_pending(self) -> None:
        """Nothing is typed here: every change is saved the moment it is made."""

    def state(self) -> dict[str, Any]:
        return {}

    def restore_state(self, state: dict[str, Any]) -> None:
        """Nothing to return to: the screen is rebuilt from the journal when shown."""
