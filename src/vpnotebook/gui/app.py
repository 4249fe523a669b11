"""Start of the desktop program.

Until the desktop journal lands this shows a calm placeholder that says what works today (the
command line) — never an empty or broken window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

PLACEHOLDER_NL = (
    "<h2>vpnotebook</h2>"
    "<p>Uw vertrouwelijke logboek, versleuteld op deze computer.</p>"
    "<p>Het bureaubladvenster is in aanbouw. De kluis zelf werkt al: maak, controleer en "
    "beheer hem met de opdrachtregel, bijvoorbeeld <code>vpnotebook init --vault MAP</code>. "
    "Zie <code>vpnotebook --help</code>.</p>"
    "<p>Kluismap: <code>{folder}</code></p>"
)


def build_placeholder(vault_folder: Path) -> QWidget:
    window = QWidget()
    window.setWindowTitle("vpnotebook")
    layout = QVBoxLayout(window)
    label = QLabel(PLACEHOLDER_NL.format(folder=vault_folder))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(label)
    window.resize(560, 260)
    return window


def run_gui(vault_folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = build_placeholder(vault_folder)
    window.show()
    return int(app.exec())
