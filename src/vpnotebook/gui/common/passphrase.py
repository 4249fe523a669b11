"""A new passphrase: two fields, a strength meter (zxcvbn) and plain advice."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget
from zxcvbn import zxcvbn

MIN_LENGTH = 8
MIN_SCORE = 2  # zxcvbn 0..4; 2 = "somewhat guessable" is the floor we accept


class PassphraseFields(QObject):
    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.first = QLineEdit(parent)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Nieuw wachtwoord"))
        self.second = QLineEdit(parent)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Herhaal het nieuwe wachtwoord"))
        self.meter = QProgressBar(parent)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Sterkte van het wachtwoord"))
        self.meter.setMaximumHeight(10)
        self.advice = QLabel(parent)
        self.advice.setWordWrap(True)
        self._score = 0
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Nieuw wachtwoord:"), self.first)
        form.addRow(self.tr("Sterkte:"), self.meter)
        form.addRow("", self.advice)
        form.addRow(self.tr("Herhaal wachtwoord:"), self.second)

    def _update(self) -> None:
        text = self.first.text()
        self._score = zxcvbn(text[:100])["score"] if text else 0
        self.meter.setValue(self._score)
        if not text:
            advice = self.tr(
                "Tip: een zin van vier of vijf gewone woorden is sterk en goed te onthouden."
            )
        elif len(text) < MIN_LENGTH:
            advice = self.tr("Te kort: gebruik minstens %1 tekens.").replace("%1", str(MIN_LENGTH))
        elif self._score < MIN_SCORE:
            advice = self.tr("Te makkelijk te raden. Voeg een paar woorden toe.")
        elif self.second.text() and self.second.text() != text:
            advice = self.tr("De twee wachtwoorden zijn nog niet gelijk.")
        elif self._score < 4:
            advice = self.tr("Redelijk sterk. Langer is nog beter.")
        else:
            advice = self.tr("Sterk wachtwoord.")
        self.advice.setText(advice)
        self.changed.emit()

    def acceptable(self) -> bool:
        text = self.first.text()
        return len(text) >= MIN_LENGTH and self._score >= MIN_SCORE and self.second.text() == text

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
