"""The preview: the real PDF, rendered page by page with pypdfium2 on every Python and in the
bundle. The PDF stays in memory; nothing is written to disk.

Pages are drawn as QImages straight from PDFium's pixel buffer (no Pillow), only when they
scroll into view, at the width of the view, and kept until the width or the PDF changes:
a report of ten pages costs one render per page, and scrolling costs none.
"""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

PAGE_GAP = 12
POINTS_PER_INCH = 72


def render_page(document: pdfium.PdfDocument, index: int, width: int) -> QImage:
    """Page ``index`` as an image ``width`` pixels wide (RGBX straight from PDFium)."""
    page = document[index]
    try:
        scale = width / page.get_width()
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            )
            return image.copy()  # own the pixels before PDFium frees its buffer
        finally:
            bitmap.close()
    finally:
        page.close()


class ReportPreview(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Voorbeeld van het jaarverslag"))
        self.setWidgetResizable(True)
        # The pages always fit the width: a horizontal scroll bar would only hide the margin.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._canvas = QWidget()
        self._canvas.setStyleSheet("background: #8a9299;")
        self._layout = QVBoxLayout(self._canvas)
        self._layout.setSpacing(PAGE_GAP)
        self._layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._layout.addStretch(1)
        self.setWidget(self._canvas)
        self._document: pdfium.PdfDocument | None = None
        self._pages: list[QLabel] = []
        self._sizes: list[tuple[float, float]] = []
        self._rendered: dict[int, int] = {}  # page -> width it was rendered at
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._render_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _: self._pending.start())

    # -- content ---------------------------------------------------------------------------

    def show_pdf(self, pdf: bytes) -> None:
        """Show these PDF bytes (from memory: never a temporary file)."""
        self.clear()
        self._document = pdfium.PdfDocument(pdf)
        for index in range(len(self._document)):
            page = self._document[index]
            self._sizes.append((page.get_width(), page.get_height()))
            page.close()
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: white;")
            label.setAccessibleName(self.tr("Pagina %1").replace("%1", str(index + 1)))
            self._layout.insertWidget(index, label)
            self._pages.append(label)
        self._fit()

    def clear(self) -> None:
        for label in self._pages:
            self._layout.removeWidget(label)
            label.deleteLater()
        self._pages, self._sizes, self._rendered = [], [], {}
        if self._document is not None:
            self._document.close()
            self._document = None

    def page_count(self) -> int:
        return len(self._pages)

    def rendered_pages(self) -> list[int]:
        return sorted(self._rendered)

    def pdf_document(self) -> pdfium.PdfDocument | None:
        return self._document

    # -- layout and lazy rendering ---------------------------------------------------------

    def page_width(self) -> int:
        return max(100, self.viewport().width() - 2 * PAGE_GAP)

    def _fit(self) -> None:
        width = self.page_width()
        for label, (w, h) in zip(self._pages, self._sizes, strict=True):
            label.setFixedSize(QSize(width, round(width * h / w)))
        self._pending.start()

    def _render_visible(self) -> None:
        if self._document is None:
            return
        width = self.page_width()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        for index, label in enumerate(self._pages):
            y = label.y()
            if y + label.height() < top - label.height() or y > bottom + label.height():
                continue  # one page ahead and behind is drawn in advance
            if self._rendered.get(index) == width:
                continue
            label.setPixmap(QPixmap.fromImage(render_page(self._document, index, width)))
            self._rendered[index] = width

    def render_all(self) -> None:
        """Draw every page now (for a screenshot of the whole preview, or a test)."""
        if self._document is None:
            return
        width = self.page_width()
        for index, label in enumerate(self._pages):
            if self._rendered.get(index) != width:
                label.setPixmap(QPixmap.fromImage(render_page(self._document, index, width)))
                self._rendered[index] = width

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._pages:
            self._fit()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._pending.start()


def print_pdf(pdf: bytes, printer: Any) -> None:
    """Print the very PDF the preview shows, page by page at the printer's resolution."""
    document = pdfium.PdfDocument(pdf)
    painter = QPainter(printer)
    try:
        for index in range(len(document)):
            if index:
                printer.newPage()
            target = painter.viewport()
            image = render_page(document, index, target.width())
            painter.drawImage(target.topLeft(), image)
    finally:
        painter.end()
        document.close()
