"""The report document as HTML, for the on-screen preview and printing without QtPdf.

It lays out exactly the blocks the PDF renderer gets — the same printed words and numbers —
so the preview can never show a figure the PDF does not.
"""

from __future__ import annotations

from html import escape

from ...report.document import Chart, Document, Paragraph, Table

_PARAGRAPH_STYLE = {
    "body": "",
    "note": "color:#555; font-size:small;",
    "quote": "margin-left:16px; font-style:italic;",
    "warning": "color:#7a1c14; font-weight:bold;",
}
BAR_WIDTH = 260  # pixels for the longest bar


def _table(table: Table) -> str:
    head = "".join(f"<th align='left'>{escape(cell)}</th>" for cell in table.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    total = ""
    if table.total is not None:
        total = "<tr>" + "".join(f"<td><b>{escape(cell)}</b></td>" for cell in table.total)
        total += "</tr>"
    parts = [
        f"<h3>{escape(table.title)}</h3>",
        "<table cellspacing='0' cellpadding='4' border='1' "
        "style='border-collapse:collapse; border-color:#ccc;' width='100%'>"
        f"<tr style='background:#eef2f6;'>{head}</tr>{rows}{total}</table>",
    ]
    if table.note:
        parts.append(f"<p style='{_PARAGRAPH_STYLE['note']}'>{escape(table.note)}</p>")
    if table.chart is not None:
        parts.append(_chart(table.chart))
    return "".join(parts)


def _chart(chart: Chart) -> str:
    values = [value for _, value in chart.bars if value is not None]
    longest = max(values, default=0) or 1
    rows = []
    for label, value in chart.bars:
        if value is None:
            bar = escape(chart.missing)
        else:
            width = max(1, round(BAR_WIDTH * value / longest)) if value else 0
            bar = (
                f"<table cellspacing='0' cellpadding='0'><tr><td width='{width}' "
                f"style='background:#2f6ea5;'>&nbsp;</td><td>&nbsp;{value}</td></tr></table>"
            )
        rows.append(f"<tr><td align='right'>{escape(label)}</td><td>{bar}</td></tr>")
    return f"<table cellspacing='2'>{''.join(rows)}</table>"


def document_html(document: Document) -> str:
    parts = [f"<h1>{escape(document.title)}</h1>"]
    if document.banner:
        parts.append(f"<p style='{_PARAGRAPH_STYLE['warning']}'>{escape(document.banner)}</p>")
    parts.extend(f"<p>{escape(line)}</p>" for line in document.cover_lines)
    for section in document.sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, Paragraph):
                style = _PARAGRAPH_STYLE.get(block.style, "")
                parts.append(f"<p style='{style}'>{escape(block.text)}</p>")
            else:
                parts.append(_table(block))
    parts.append(f"<p style='{_PARAGRAPH_STYLE['note']}'>{escape(document.footer)}</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"
