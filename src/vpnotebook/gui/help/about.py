"""Help → Over vpnotebook: the version, the licence in full, and the parts of others inside."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import __version__, notices
from ..common.screen import resize_within_screen
from ..icon import app_icon


def _read_only_text(text: str, name: str) -> QPlainTextEdit:
    view = QPlainTextEdit(text)
    view.setReadOnly(True)
    view.setAccessibleName(name)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    return view


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Over vpnotebook"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        name = QLabel("vpnotebook")
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        self.version = QLabel(self.tr("Versie %1").replace("%1", __version__))
        title_column = QVBoxLayout()
        title_column.addWidget(name)
        title_column.addWidget(self.version)
        title_row = QHBoxLayout()
        title_row.addWidget(icon)
        title_row.addLayout(title_column, 1)

        what = QLabel(
            self.tr(
                "Het vertrouwelijke logboek voor de vertrouwenspersoon: meldingen, gesprekken, "
                "voorlichting en advies, versleuteld op uw eigen computer. Het programma maakt "
                "nooit verbinding met internet; er gaat alleen iets naar buiten als u het zelf "
                "exporteert."
            )
        )
        what.setWordWrap(True)
        licence = QLabel(
            self.tr(
                "vpnotebook is vrije software onder de GNU General Public License, versie 3 of "
                "later. U mag het gebruiken, bestuderen, delen en verbeteren. Er wordt geen "
                "garantie gegeven; de volledige voorwaarden staan hieronder."
            )
        )
        licence.setWordWrap(True)

        self.tabs = QTabWidget()
        self.licence_text = _read_only_text(notices.licence_text(), self.tr("Licentie"))
        self.notices_text = _read_only_text(
            notices.third_party_notices(), self.tr("Onderdelen van anderen")
        )
        self.tabs.addTab(self.licence_text, self.tr("&Licentie"))
        self.tabs.addTab(self.notices_text, self.tr("&Onderdelen van anderen"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(what)
        layout.addWidget(licence)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 640, 560)
