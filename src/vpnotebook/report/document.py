"""What a rendered report is made of: sections of paragraphs, tables and bar charts.

The report builders (annual_report.py, vp_overview.py) decide every word and every printed
number; the renderers (pdf.py, csv_export.py) only lay them out. So the tests can inspect
exactly what will be printed without reading a PDF, and a renderer can never add a figure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chart:
    """Horizontal bars drawn from a table's printed counts; ``None`` draws no bar."""

    title: str
    bars: tuple[tuple[str, int | None], ...]
    missing: str = "–"  # the bar label where the value is not shown


@dataclass(frozen=True)
class Table:
    """A table exactly as printed. ``counts`` lists every count of people it prints."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None
    counts: tuple[int, ...] = ()
    note: str = ""
    chart: Chart | None = None
    first_column_share: float = 0.55  # of the text width; the rest is shared equally
    numeric: bool = True  # False: every column is text, aligned left (a list of facts)


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body | note | quote (the VP's own text) | warning | label
    # The title of the table this sentence stands in for, when a table has nothing it may
    # show (the CSV gives it a line of its own, so no table silently disappears there).
    table: str = ""


Block = Table | Paragraph


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    language: str  # "nl" or "en"
    title: str  # the cover title, also the neutral PDF /Title
    cover_lines: tuple[str, ...]
    sections: tuple[Section, ...]
    footer: str
    banner: str = ""  # printed on every page when set (the VP-only overview)

    def tables(self) -> list[Table]:
        return [
            block
            for section in self.sections
            for block in section.blocks
            if isinstance(block, Table)
        ]

    def blocks(self) -> list[Block]:
        return [block for section in self.sections for block in section.blocks]

    def printed_counts(self) -> list[int]:
        """Every count of people any table or chart prints, for a last check before output."""
        counts: list[int] = []
        for table in self.tables():
            counts.extend(table.counts)
            if table.chart is not None:
                counts.extend(value for _, value in table.chart.bars if value is not None)
        return counts
