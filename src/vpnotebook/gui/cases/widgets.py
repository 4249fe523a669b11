"""Small input widgets shared by the case screens, and the debounced autosave."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.taxonomy import Vocabulary
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.labels import current_language, label

AUTOSAVE_DELAY_MS = 1500
DATE_FORMAT = "dd-MM-yyyy"
FIRST_DAY = QDate(1990, 1, 1)
LAST_DAY = QDate(2200, 12, 31)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def plain(text: str) -> str:
    """A label's text without its mnemonic marker, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label whose Alt+letter mnemonic moves focus to `buddy`, which it also names."""
    widget = QLabel(text)
    widget.setBuddy(buddy)
    buddy.setAccessibleName(plain(text).rstrip(":? ").strip())
    return widget


class Autosave(QObject):
    """Writes an edit 1.5 s after typing stops, when focus leaves a watched input, or on demand.

    `save` returns False when the input could not be stored (a validation message is then
    on screen); the edit stays pending, so it is tried again and nothing typed is dropped.
    When the vault cannot write at all (a full disk, a drive gone), the VP is told once, in
    their words, and the edit stays pending and on screen until a later save succeeds.
    """

    def __init__(self, save: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._told_unsaved = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def touch(self) -> None:
        self._dirty = True
        self._timer.start()

    def watch(self, widgets: Iterable[QWidget]) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._dirty:
            self.flush()
        return False

    def flush(self) -> bool:
        self._timer.stop()
        if not self._dirty:
            return True
        try:
            saved = self._save()
        except VaultError as error:
            self._tell_unsaved(error)
            return False
        if saved:
            self._dirty = False
            self._told_unsaved = False
            return True
        return False

    def _tell_unsaved(self, error: VaultError) -> None:
        # Once per outage: every pause in typing tries again, and a dialog each time would
        # stand between the VP and the text they are trying to keep.
        if self._told_unsaved:
            return
        self._told_unsaved = True
        parent = self.parent()
        dialogs.error(
            parent if isinstance(parent, QWidget) else None,
            QCoreApplication.translate("Autosave", "Niet opgeslagen"),
            error.message(current_language())
            + " "
            + QCoreApplication.translate(
                "Autosave",
                "Wat u typte staat nog op het scherm; het wordt opnieuw bewaard zodra dat "
                "weer kan.",
            ),
        )

    def discard(self) -> None:
        self._timer.stop()
        self._dirty = False


class CodeCombo(QComboBox):
    """A choice from a vocabulary; `empty_text` adds a first "nothing chosen" entry."""

    def __init__(
        self, vocab: Vocabulary, empty_text: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if empty_text is not None:
            self.addItem(empty_text, None)
        for term in vocab:
            self.addItem(label(vocab, term.code), term.code)
        # Long labels must not widen the form; the open list still shows them whole.
        self.setMinimumContentsLength(12)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def code(self) -> str | None:
        value = self.currentData()
        return str(value) if value is not None else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index if index >= 0 else 0)


class DateField(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setDateRange(FIRST_DAY, LAST_DAY)
        self.setDate(QDate.currentDate())

    def day(self) -> date:
        return from_qdate(self.date())

    def set_day(self, day: date | None) -> None:
        self.setDate(to_qdate(day) if day else QDate.currentDate())


class OptionalDateField(QWidget):
    """A date that may be absent: a check box switches the date on, today by default."""

    changed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.check.setAccessibleName(plain(text))
        self.edit = DateField()
        self.edit.setAccessibleName(plain(text))
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.setFocusProxy(self.check)

    def day(self) -> date | None:
        return self.edit.day() if self.check.isChecked() else None

    def set_day(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        self.edit.set_day(day)


class FieldBox(QWidget):
    """An input with room for a validation message right under it."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.error)
        self.setFocusProxy(widget)
        self.setSizePolicy(widget.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Preferred)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.setVisible(False)


def error_label() -> QLabel:
    """A form-wide message line for errors that belong to no single field."""
    widget = QLabel()
    widget.setObjectName("formError")
    widget.setWordWrap(True)
    widget.setStyleSheet("color: #b3261e;")
    widget.setVisible(False)
    return widget


def minutes_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return QCoreApplication.translate("Cases", "%1 min").replace("%1", str(rest))
    return (
        QCoreApplication.translate("Cases", "%1 u %2 min")
        .replace("%1", str(hours))
        .replace("%2", f"{rest:02d}")
    )


class ElidedLabel(QLabel):
    """One line that ends in "…" when there is no room; the tooltip shows it whole."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, hint.height())
