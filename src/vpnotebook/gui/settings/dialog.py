"""Settings, in sections (tabs): Algemeen here, others (Beveiliging, …) from their own modules.

A section is any widget; `add_section` puts it in a tab of its own. The OK and Cancel buttons
apply to what is a plain setting (Algemeen) and to a section with an `apply()` (Over u: the
VP's name and role), which returns False, with its reason shown, when it cannot store. A
section that acts at once (Beveiliging changes the passphrase or the key when the VP
confirms its own dialog) needs neither.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .store import AUTOLOCK_MAX, AUTOLOCK_MIN, AppSettings


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        sections: list[tuple[str, QWidget]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Instellingen"))
        self.setMinimumWidth(640)
        self.language = QComboBox()
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.language.setAccessibleName(self.tr("Taal"))
        self.autolock = QSpinBox()
        self.autolock.setRange(AUTOLOCK_MIN, AUTOLOCK_MAX)
        self.autolock.setValue(settings.autolock_minutes)
        self.autolock.setSuffix(self.tr(" minuten"))
        self.autolock.setAccessibleName(self.tr("Automatisch vergrendelen na"))
        self.reminder = QSpinBox()
        self.reminder.setRange(1, 365)
        self.reminder.setValue(settings.backup_reminder_days)
        self.reminder.setSuffix(self.tr(" dagen"))
        self.reminder.setAccessibleName(self.tr("Herinnering reservekopie na"))
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("Taal:"), self.language)
        form.addRow(self.tr("Automatisch vergrendelen na:"), self.autolock)
        form.addRow(self.tr("Herinnering reservekopie na:"), self.reminder)

        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("Algemeen"))
        self._sections: dict[str, QWidget] = {}
        for title, widget in sections or []:
            self.add_section(title, widget)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def add_section(self, title: str, widget: QWidget) -> None:
        self._sections[title] = widget
        self.tabs.addTab(widget, title)

    def show_section(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)

    def accept(self) -> None:
        # A section saved with OK (Over u) says itself what is wrong; the dialog stays open.
        for widget in self._sections.values():
            apply = getattr(widget, "apply", None)
            if callable(apply) and not apply():
                self.show_section(widget)
                return
        self.settings.language = str(self.language.currentData())
        self.settings.autolock_minutes = self.autolock.value()
        self.settings.backup_reminder_days = self.reminder.value()
        self.settings.sync()
        super().accept()
