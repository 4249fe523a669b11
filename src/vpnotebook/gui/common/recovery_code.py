"""A new recovery code on screen, and the VP typing part of it back.

Used wherever a code is made (the first-start wizard, a new recovery code, a re-key with a new
code): the slot for a code is written only after `confirmed()`, so no code is ever stored
that the VP has not seen and copied.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class RecoveryCodeView(QWidget):
    confirmed_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = ""
        self.code_label = QLabel()
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.5)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setAccessibleName(self.tr("Herstelcode"))
        self.print_button = QPushButton(self.tr("Afdrukken…"))
        self.print_button.clicked.connect(self._print)
        self.warning = QLabel(
            self.tr(
                "Met de herstelcode opent u de kluis als u uw wachtwoord vergeten bent. Wie de "
                "code vindt, kan uw logboek lezen: bewaar hem dus net zo zorgvuldig als een "
                "sleutel, los van de laptop."
            )
        )
        self.warning.setWordWrap(True)
        self.check_label = QLabel(
            self.tr(
                "Hebt u de code opgeschreven? Typ ter controle het tweede en het laatste "
                "groepje over, met een spatie ertussen."
            )
        )
        self.check_label.setWordWrap(True)
        self.check = QLineEdit()
        self.check.setAccessibleName(self.tr("Controle van de herstelcode"))
        self.check.textChanged.connect(self.confirmed_changed)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code_label)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.warning)
        layout.addWidget(self.check_label)
        layout.addWidget(self.check)

    def show_code(self, code: str) -> None:
        self.code = code
        self.code_label.setText(code)
        self.check.clear()
        self.check.setEnabled(True)

    def clear(self) -> None:
        self.code = ""
        self.code_label.clear()
        self.check.clear()

    def expected_check(self) -> str:
        groups = self.code.split("-")
        return f"{groups[1]} {groups[-1]}" if len(groups) == 6 else ""

    def confirmed(self) -> bool:
        typed = " ".join(self.check.text().upper().replace("-", " ").split())
        return bool(self.code) and typed == self.expected_check()

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            document = QTextDocument()
            document.setHtml(
                self.tr(
                    "<h2>Herstelcode vpnotebook</h2><p style='font-size:18pt;"
                    "font-family:monospace'>%1</p><p>Bewaar dit papier op een "
                    "veilige plek, los van de laptop.</p>"
                ).replace("%1", self.code)
            )
            document.print_(printer)
