"""Settings: language, auto-lock minutes, backup reminder days."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from .store import AUTOLOCK_MAX, AUTOLOCK_MIN, AppSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Instellingen"))
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
        form = QFormLayout(self)
        form.addRow(self.tr("Taal:"), self.language)
        form.addRow(self.tr("Automatisch vergrendelen na:"), self.autolock)
        form.addRow(self.tr("Herinnering reservekopie na:"), self.reminder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.language = str(self.language.currentData())
        self.settings.autolock_minutes = self.autolock.value()
        self.settings.backup_reminder_days = self.reminder.value()
        self.settings.sync()
        super().accept()
