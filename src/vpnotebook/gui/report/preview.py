"""The preview: the real PDF through QtPdf where PySide6-Pdf is installed, else the same
document laid out as rich text. Either way nothing is written to disk.

PySide6-Pdf exists only for PySide6 6.12, which cannot be used on Python 3.11 (see
pyproject.toml), so on 3.11 the rich-text preview is what the VP sees.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QStackedWidget, QTextBrowser, QWidget

from ...report.document import Document
from .html import document_html

try:  # pragma: no cover - only where PySide6-Pdf is installed (Python >= 3.12)
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:
    HAVE_QTPDF = False


class ReportPreview(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_view = QTextBrowser()
        self.text_view.setAccessibleName(self.tr("Voorbeeld van het jaarverslag"))
        self.text_view.setOpenLinks(False)
        self.addWidget(self.text_view)
        self._pdf_document = None
        self._buffer: QBuffer | None = None
        if HAVE_QTPDF:  # pragma: no cover
            self._pdf_document = QPdfDocument(self)
            self.pdf_view = QPdfView(self)
            self.pdf_view.setDocument(self._pdf_document)
            self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.addWidget(self.pdf_view)
            self.setCurrentWidget(self.pdf_view)

    @property
    def uses_pdf(self) -> bool:
        return self._pdf_document is not None

    def show_document(self, document: Document, pdf: bytes | None) -> None:
        self.text_view.setHtml(document_html(document))
        if self._pdf_document is not None and pdf is not None:  # pragma: no cover
            # From memory: a QBuffer, never a temporary file.
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(pdf))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self._pdf_document.load(self._buffer)

    def clear(self) -> None:
        self.text_view.clear()
        if self._pdf_document is not None:  # pragma: no cover
            self._pdf_document.close()
        self._buffer = None

    def text_document(self) -> QTextDocument:
        return self.text_view.document()

    def pdf_document(self) -> object | None:
        return self._pdf_document
