"""The printed tables of a report `Document` as one CSV file, in long form.

One line per printed cell: table, row, column, value, exactly as the PDF prints them, so a
spreadsheet can pivot them and the CSV can never hold a figure the PDF does not. A table the
report could not show at all gets one line whose value is the sentence the PDF prints. Semicolons
and a byte-order mark, because that is what Dutch spreadsheet programs open without asking.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..vault.fsutil import atomic_writer
from .document import Document, Paragraph

HEADER = {
    "nl": ("tabel", "rij", "kolom", "waarde"),
    "en": ("table", "row", "column", "value"),
}


def _cell(value: str) -> str:
    # A department or organisation name starting with "=" would run as a formula in a
    # spreadsheet; a leading apostrophe keeps it text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render_csv(document: Document) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER.get(document.language, HEADER["nl"]))
    for block in document.blocks():
        if isinstance(block, Paragraph):
            # A table with nothing it may show is one sentence in the PDF and one line here.
            if block.table:
                writer.writerow(tuple(map(_cell, (block.table, "", "", block.text))))
            continue
        table = block
        lines = list(table.rows) + ([table.total] if table.total is not None else [])
        for cells in lines:
            label = cells[0]
            for column, value in zip(table.header[1:], cells[1:], strict=True):
                if value != "":
                    writer.writerow(tuple(map(_cell, (table.title, label, column, value))))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_csv(document: Document, path: Path) -> None:
    data = render_csv(document)
    with atomic_writer(Path(path), temp_prefix=".verslag-") as handle:
        handle.write(data)
