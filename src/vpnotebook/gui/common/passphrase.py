"""A new passphrase: two fields, a strength meter and the policy's own words.

The same policy as the command line (core/passphrase_policy.py): zxcvbn with Dutch word lists
and, when known, the VP's name and organisations; score 3 or better. A refusal says what made
the passphrase easy to guess, in the program's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from ...core.passphrase_policy import Verdict, assess
from .labels import current_language


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
        self.reveal = QCheckBox(self.tr("Wachtwoord &tonen"), parent)
        self.reveal.setToolTip(
            self.tr("Laat zien wat u typt, om tikfouten te zien. Let op wie er meekijkt.")
        )
        self.reveal.toggled.connect(self._show_typed)
        self.meter = QProgressBar(parent)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Sterkte van het wachtwoord"))
        self.meter.setMaximumHeight(10)
        self.advice = QLabel(parent)
        self.advice.setWordWrap(True)
        self.advice.setMinimumWidth(380)
        # Room for a refusal's reason (up to six lines) from the start: a dialog does not grow
        # when the label's text gets longer, and the reason would be cut off.
        self.advice.setMinimumHeight(self.advice.fontMetrics().lineSpacing() * 6 + 4)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._personal: list[str] = []
        self.verdict: Verdict | None = None
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def set_personal(self, words: Sequence[str]) -> None:
        """What is known of the VP (name, organisations): a passphrase made of it is refused."""
        self._personal = [word for word in words if word.strip()]
        self._update()

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Nieuw wachtwoord:"), self.first)
        form.addRow(self.tr("Sterkte:"), self.meter)
        form.addRow("", self.advice)
        form.addRow(self.tr("Herhaal wachtwoord:"), self.second)
        form.addRow("", self.reveal)

    def _show_typed(self, shown: bool) -> None:
        # Off by default and after every clear: someone may look over the VP's shoulder.
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _update(self) -> None:
        text = self.first.text()
        self.verdict = assess(text, self._personal) if text else None
        self.meter.setValue(self.verdict.score if self.verdict else 0)
        if self.verdict is None:
            advice = self.tr(
                "Tip: een zin van vier of vijf gewone woorden die niet vanzelf bij elkaar horen, "
                "is sterk en goed te onthouden."
            )
        elif not self.verdict.acceptable:
            advice = self.verdict.explain(current_language())
        elif self.second.text() and self.second.text() != text:
            advice = self.tr("De twee wachtwoorden zijn nog niet gelijk.")
        else:
            advice = self.verdict.explain(current_language())
        self.advice.setText(advice)
        self.changed.emit()

    def acceptable(self) -> bool:
        verdict = self.verdict
        return (
            verdict is not None and verdict.acceptable and self.second.text() == self.first.text()
        )

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.reveal.setChecked(False)
