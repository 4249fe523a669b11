"""A report `Document` as an A4 PDF: the same bytes for the same input, nothing personal in
the metadata.

Determinism: reportlab's invariant mode fixes the creation date and the file identifier,
fonts are the Bitstream Vera TTFs that ship inside reportlab (so every machine embeds the
very same font, and Dutch diacritics are covered), and nothing reads the clock. Metadata:
a neutral title, empty author and subject, "vpnotebook" as creator and producer; the
organisation and the VP's name are on the pages, not in the document information. The
catalog carries /Lang so screen readers pick the right language.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from ..vault.fsutil import atomic_writer
from .document import Chart, Document, Paragraph, Table

# One command of a TableStyle: its name, the cells from and to, then its values.
_TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]

FONT = "VPSans"
FONT_BOLD = "VPSans-Bold"
FONT_ITALIC = "VPSans-Italic"
_FONT_FILES = {FONT: "Vera.ttf", FONT_BOLD: "VeraBd.ttf", FONT_ITALIC: "VeraIt.ttf"}
PRODUCER = "vpnotebook"
LANG = {"nl": "nl-NL", "en": "en-GB"}

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#2b6cb0")
RULE = colors.HexColor("#cbd2d9")
SHADE = colors.HexColor("#eef2f6")
WARN = colors.HexColor("#9b2c2c")

MARGIN = 20 * mm
WIDTH = A4[0] - 2 * MARGIN


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = Path(reportlab.__file__).parent / "fonts"
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=14, textColor=INK, spaceAfter=6
    )
    return {
        "body": base,
        "note": ParagraphStyle(
            "note", parent=base, fontSize=8.5, leading=11.5, textColor=MUTED, spaceBefore=2
        ),
        "quote": ParagraphStyle(
            "quote",
            parent=base,
            leftIndent=8,
            # A (top, right, bottom, left) tuple works (reportlab's normalizeTRBL).
            borderPadding=(4, 6, 4, 6),  # type: ignore[arg-type]  # types-reportlab: a number only
            backColor=SHADE,
            spaceBefore=4,
            spaceAfter=8,
        ),
        "warning": ParagraphStyle("warning", parent=base, fontName=FONT_BOLD, textColor=WARN),
        # A field's name above its text; stays on the page of the text it names.
        "label": ParagraphStyle(
            "label",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            textColor=MUTED,
            spaceBefore=4,
            spaceAfter=1,
            keepWithNext=1,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=19,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=8,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=24,
            leading=30,
            textColor=ACCENT,
            spaceAfter=18,
        ),
        "cover": ParagraphStyle("cover", parent=base, fontSize=13, leading=19),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=FONT_BOLD, fontSize=9, leading=11.5, spaceAfter=0
        ),
        "number": ParagraphStyle(
            "number", parent=base, fontSize=9, leading=11.5, spaceAfter=0, alignment=TA_RIGHT
        ),
        "number_bold": ParagraphStyle(
            "number_bold",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=11.5,
            spaceAfter=0,
            alignment=TA_RIGHT,
        ),
        "number_header": ParagraphStyle(
            "number_header",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=7.5,
            leading=9.5,
            spaceAfter=0,
            alignment=TA_RIGHT,
        ),
        "banner": ParagraphStyle(
            "banner",
            parent=base,
            fontName=FONT_BOLD,
            textColor=colors.white,
            backColor=WARN,
            borderPadding=6,
            spaceAfter=12,
        ),
    }


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def _page_canvas(document: Document) -> type[Canvas]:
    """A canvas that knows the page count, for "page 2 of 5" on every page."""
    page_word, of_word = ("page", "of") if document.language == "en" else ("pagina", "van")

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # private; not in types-reportlab

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 14 * mm, A4[0] - MARGIN, 14 * mm)
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, 10 * mm, document.footer)
            self.drawRightString(A4[0] - MARGIN, 10 * mm, f"{page_word} {number} {of_word} {total}")
            if document.banner:
                self.setFillColor(WARN)
                self.setFont(FONT_BOLD, 8)
                self.drawCentredString(A4[0] / 2, A4[1] - 10 * mm, document.banner)
            self.restoreState()

    return NumberedCanvas


def _chart(chart: Chart) -> Drawing:
    """Horizontal bars with their count at the end; no value axis, so no tick numbers."""
    bar_height, gap, label_width = 11, 5, WIDTH * 0.42
    values = [value for _, value in chart.bars if value is not None]
    largest = max(values, default=0) or 1
    height = len(chart.bars) * (bar_height + gap) + gap
    drawing = Drawing(WIDTH, height, initialFontName=FONT, initialFontSize=8)
    room = WIDTH - label_width - 60
    for index, (label, value) in enumerate(chart.bars):
        y = height - (index + 1) * (bar_height + gap)
        shown = label if len(label) <= 44 else label[:42] + "…"
        drawing.add(
            String(
                label_width - 6,
                y + 2.5,
                shown,
                fontName=FONT,
                fontSize=8,
                fillColor=INK,
                textAnchor="end",
            )
        )
        if value is None:
            drawing.add(
                String(
                    label_width + 2,
                    y + 2.5,
                    chart.missing,
                    fontName=FONT_ITALIC,
                    fontSize=8,
                    fillColor=MUTED,
                )
            )
            continue
        length = room * value / largest
        bar = Rect(label_width, y, length, bar_height)
        bar.fillColor, bar.strokeColor = ACCENT, None
        drawing.add(bar)
        drawing.add(
            String(
                label_width + length + 4,
                y + 2.5,
                str(value),
                fontName=FONT,
                fontSize=8,
                fillColor=INK,
            )
        )
    return drawing


def _table(table: Table, styles: dict[str, ParagraphStyle]) -> list[Any]:
    columns = len(table.header)
    first = WIDTH * (table.first_column_share if columns > 1 else 1.0)
    rest = (WIDTH - first) / max(1, columns - 1)
    widths = [first, *([rest] * (columns - 1))]

    def row(cells: tuple[str, ...], bold: bool = False, header: bool = False) -> list[RLParagraph]:
        text_style = styles["cell_bold" if bold else "cell"]
        number_style = styles["number_bold" if bold else "number"]
        if not table.numeric:
            number_style = text_style
        elif header and columns > 5:
            # Many narrow columns: a smaller header keeps each word on one line.
            number_style = styles["number_header"]
        return [
            RLParagraph(_text(cell), text_style if index == 0 else number_style)
            for index, cell in enumerate(cells)
        ]

    data = [row(table.header, bold=True, header=True), *(row(cells) for cells in table.rows)]
    if table.total is not None:
        data.append(row(table.total, bold=True))
    grid = RLTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style: list[_TableCommand] = [
        # Cells hold paragraphs with their own font, but the table still sets its default
        # (Helvetica, not embedded) unless told otherwise.
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if columns > 5:
        style += [("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if not table.numeric:
        style.append(("VALIGN", (0, 0), (-1, -1), "TOP"))  # a long value reads from its top
    if table.total is not None:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
    grid.setStyle(TableStyle(style))
    # A table that is its section's only content takes the section's heading as its own.
    parts: list[Any] = [RLParagraph(_text(table.title), styles["h2"])] if table.title else []
    parts.append(grid)
    if table.note:
        parts.append(RLParagraph(_text(table.note), styles["note"]))
    if table.chart is not None:
        parts.append(Spacer(1, 4))
        parts.append(_chart(table.chart))
    parts.append(Spacer(1, 8))
    return parts


def render_pdf(document: Document) -> bytes:
    _register_fonts()
    styles = _styles()
    story: list[Any] = []
    if document.banner:
        story.append(RLParagraph(_text(document.banner), styles["banner"]))
    story.append(Spacer(1, 30 * mm))
    story.append(RLParagraph(_text(document.title), styles["title"]))
    for line in document.cover_lines:
        story.append(RLParagraph(_text(line), styles["cover"]))
    story.append(PageBreak())
    for section in document.sections:
        heading = RLParagraph(_text(section.title), styles["h1"])
        label: list[Any] = []  # a field's label travels with the text under it
        first = True
        for index, block in enumerate(section.blocks):
            if isinstance(block, Table):
                flowables = _table(block, styles)
            else:
                flowables = [
                    RLParagraph(_text(block.text), styles.get(block.style, styles["body"]))
                ]
            flowables, label = [*label, *flowables], []
            if (
                isinstance(block, Paragraph)
                and block.style == "label"
                and index + 1 < len(section.blocks)
            ):
                label = flowables
                continue
            if first:
                # The section heading travels with its first block: never alone at a page end.
                story.append(CondPageBreak(40 * mm))
                flowables = [heading, *flowables]
                first = False
            # A table stays with its title and notes; a long one may split (header repeated).
            # (KeepTogether must not nest: an inner one reports an endless height.)
            if isinstance(block, Table) and len(block.rows) >= 25:
                story.extend(flowables)
            else:
                story.append(KeepTogether(flowables))
        if not section.blocks:
            story.append(heading)
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=22 * mm,
        title=document.title,
        author="",
        subject="",
        creator=PRODUCER,
        producer=PRODUCER,
        keywords=[],
        invariant=1,
        # Otherwise reportlab starts every page in Helvetica, a font the PDF does not embed.
        initialFontName=FONT,
        lang=LANG.get(document.language, "nl-NL"),
        displayDocTitle=True,
    )
    template.build(story, canvasmaker=_page_canvas(document))
    return buffer.getvalue()


def write_pdf(document: Document, path: Path) -> None:
    """Render and write atomically (mode 0600): the file appears whole or not at all."""
    data = render_pdf(document)
    with atomic_writer(Path(path), temp_prefix=".verslag-") as handle:
        handle.write(data)
