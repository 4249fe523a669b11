"""Today on a new vault: the first three things to do, each one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget


class FirstSteps(QFrame):
    """Shown until the first case is recorded. Each button does what it says."""

    new_case = Signal()
    new_organisation = Signal()
    backup = Signal()
    guide = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.setStyleSheet(
            "#firstSteps { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        title = QLabel(self.tr("<b>Welkom. Waar wilt u beginnen?</b>"))
        title.setTextFormat(Qt.TextFormat.RichText)
        self.case_button = QPushButton(self.tr("Eerste melding vastleggen (Ctrl+N)"))
        self.case_button.clicked.connect(self.new_case)
        self.organisation_button = QPushButton(self.tr("Organisatie toevoegen"))
        self.organisation_button.clicked.connect(self.new_organisation)
        self.backup_button = QPushButton(self.tr("Reservekopie instellen"))
        self.backup_button.clicked.connect(self.backup)
        self.guide_button = QPushButton(self.tr("Handleiding lezen (F1)"))
        self.guide_button.clicked.connect(self.guide)
        steps = (
            (
                self.case_button,
                self.tr("Iemand kwam bij u? Leg de melding en het eerste gesprek vast."),
            ),
            (
                self.organisation_button,
                self.tr("Bent u vertrouwenspersoon voor meer organisaties? Voeg ze hier toe."),
            ),
            (
                self.backup_button,
                self.tr(
                    "Kies een USB-stick voor de reservekopie, zodat uw aantekeningen veilig "
                    "zijn als deze computer het begeeft."
                ),
            ),
            (self.guide_button, self.tr("Hoe alles werkt, in gewone taal.")),
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 12)
        grid.setHorizontalSpacing(12)
        grid.addWidget(title, 0, 0, 1, 2)
        for row, (button, text) in enumerate(steps, start=1):
            explanation = QLabel(text)
            explanation.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(explanation, row, 1)
        grid.setColumnStretch(1, 1)
