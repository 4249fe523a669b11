"""What the hand-over and merge dialogs share: labels that wrap, the line for what went wrong,
and the page shown while the work runs in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QProgressBar, QVBoxLayout, QWidget


def wrapped(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def problem_label() -> QLabel:
    """Where a dialog says what went wrong: red, hidden until there is something to say."""
    label = wrapped("", "errorMessage")
    label.setStyleSheet("color: #b3261e;")
    label.setVisible(False)
    return label


def busy_page(text: QLabel) -> QWidget:
    """`text` above a bar that moves while the work has no known length."""
    page = QWidget()
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    layout = QVBoxLayout(page)
    layout.addWidget(text)
    layout.addWidget(bar)
    layout.addStretch(1)
    return page


def form_page(intro: str, form: QFormLayout, page: QWidget | None = None) -> QWidget:
    """A step of a dialog: a few sentences, then its fields (on `page`, or a new one)."""
    page = page or QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(wrapped(intro))
    layout.addLayout(form)
    layout.addStretch(1)
    return page
