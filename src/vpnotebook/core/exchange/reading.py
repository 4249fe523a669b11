"""Reading an export file: whole into memory (`parse_document`, for small documents and
tests), or streamed (`FileSource`, for the import), with the same refusals in both.

A streamed read never holds more than a window of the file's text and one record: the top
level and the list of tables are read first (`outline`), then each table's records are
handed out one at a time (`rows`). For a file in the documented table order that is one pass
for the outline and one for the records; a table out of that order costs a pass of its own.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from . import tables
from .errors import ImportFormatError

# Text decoded per read, and the most one value (a record, a setting) may take; a record of
# the format is at most a few MiB even with every text field full and escaped.
_READ_BYTES = 1 << 20
_MAX_VALUE_CHARS = 64 << 20
_WHITESPACE = " \t\n\r"


def read_import(path: Path) -> Any:
    """Read and parse an export file; any problem becomes an ImportFormatError."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(tables.MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise ImportFormatError(
            "Het bestand kan niet worden gelezen.", f"cannot read the file ({exc.strerror})"
        ) from None
    return parse_document(data)


def parse_document(data: bytes) -> Any:
    """Decode and parse the JSON text of an export; the structure is checked on import."""
    if len(data) > tables.MAX_IMPORT_BYTES:
        raise ImportFormatError(
            "Het bestand is te groot voor een export.", "the file is too large for an export"
        )
    try:
        # utf-8-sig: Windows editors put a byte-order mark in front; it is not content.
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            f"Het bestand is geen UTF-8-tekst (byte {exc.start}).",
            f"the file is not UTF-8 text (byte {exc.start})",
        ) from None
    try:
        return json.loads(
            decoded, object_pairs_hook=_object_without_duplicates, parse_constant=_no_constant
        )
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"Het bestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}); "
            "misschien is het afgebroken of beschadigd.",
            f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}); "
            "it may be truncated or damaged",
        ) from None
    except RecursionError:
        raise ImportFormatError(
            "Het bestand is te diep genest voor een export.", "the file is nested too deeply"
        ) from None
    except ValueError:
        # Python refuses integer literals of thousands of digits.
        raise ImportFormatError(
            "Het bestand bevat een onmogelijk groot getal.", "the file holds an impossible number"
        ) from None


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        # A repeated key is ambiguous: readers disagree on which value counts.
        raise ImportFormatError(
            "Een naam staat twee keer in hetzelfde object.", "a key appears twice in one object"
        )
    return result


def _no_constant(name: str) -> Any:
    raise ImportFormatError(
        f"Het bestand bevat de ongeldige waarde {name}.", f"the file holds the invalid value {name}"
    )


_DECODER = json.JSONDecoder(
    object_pairs_hook=_object_without_duplicates, parse_constant=_no_constant
)


def _not_json(line: int, column: int) -> ImportFormatError:
    return ImportFormatError(
        f"Het bestand is geen geldige JSON (regel {line}, kolom {column}); "
        "misschien is het afgebroken of beschadigd.",
        f"the file is not valid JSON (line {line}, column {column}); "
        "it may be truncated or damaged",
    )


class _Text:
    """The file's text as a sliding window, with line and column kept for messages."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self._bytes = 0
        self._bom = 0
        self.buffer = ""
        self.pos = 0
        self._eof = False
        self._line = 1  # of the buffer's first character
        self._column = 1

    def _more(self) -> bool:
        if self._eof:
            return False
        data = self._handle.read(_READ_BYTES)
        try:
            text = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            pending = len(self._decoder.getstate()[0])
            # Counted as a whole-file decode counts: after the byte-order mark, if any.
            offset = self._bytes - pending + exc.start - self._bom
            raise ImportFormatError(
                f"Het bestand is geen UTF-8-tekst (byte {offset}).",
                f"the file is not UTF-8 text (byte {offset})",
            ) from None
        if not self._bytes and data.startswith(codecs.BOM_UTF8):
            self._bom = len(codecs.BOM_UTF8)
        self._bytes += len(data)
        if not data:
            self._eof = True
        # Drop what was read; keep line and column of the new start.
        consumed = self.buffer[: self.pos]
        newlines = consumed.count("\n")
        if newlines:
            self._line += newlines
            self._column = self.pos - consumed.rfind("\n")
        else:
            self._column += self.pos
        self.buffer = self.buffer[self.pos :] + text
        self.pos = 0
        return bool(text) or not self._eof

    def more_bytes(self) -> bool:
        """Decode the next read and drop it (the encoding check): False at the end."""
        self.pos = len(self.buffer)
        return self._more() and not self._eof

    def error_at(self, pos: int) -> ImportFormatError:
        before = self.buffer[:pos]
        newlines = before.count("\n")
        if newlines:
            return _not_json(self._line + newlines, pos - before.rfind("\n"))
        return _not_json(self._line, self._column + pos)

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end of the file)."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise self.error_at(self.pos)
        self.pos += 1

    def value(self) -> Any:
        """Decode the value that starts here (after whitespace)."""
        if not self.peek():
            raise self.error_at(self.pos)
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                # Perhaps only cut off by the window (the error is at its end, or in a string
                # that runs to it): read on, up to what one value may take.
                cut = exc.pos >= len(self.buffer) - 8 or exc.msg.startswith("Unterminated")
                error = self.error_at(exc.pos)  # before the window moves
                if cut and len(self.buffer) - self.pos < _MAX_VALUE_CHARS and self._more():
                    continue
                raise error from None
            except RecursionError:
                raise ImportFormatError(
                    "Het bestand is te diep genest voor een export.",
                    "the file is nested too deeply",
                ) from None
            except ValueError:
                raise ImportFormatError(
                    "Het bestand bevat een onmogelijk groot getal.",
                    "the file holds an impossible number",
                ) from None
            if end == len(self.buffer):
                # A number may go on past the window ("12" of "1234"): decode it again.
                start = self.pos
                if self._more():
                    continue
                # At the end of the file the window may still have moved past what was read.
                end -= start - self.pos
            self.pos = end
            return value

    def key(self) -> str:
        if self.peek() != '"':
            raise self.error_at(self.pos)
        name = self.value()
        self.expect(":")
        return str(name)

    def members(self) -> Iterator[str]:
        """The keys of the object that starts here, each positioned at its value; the caller
        reads or skips every value before asking for the next key."""
        self.expect("{")
        seen: set[str] = set()
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            name = self.key()
            if name in seen:
                raise ImportFormatError(
                    "Een naam staat twee keer in hetzelfde object.",
                    "a key appears twice in one object",
                )
            seen.add(name)
            yield name
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("}")
            return

    def elements(self) -> Iterator[Any]:
        """The values of the list that starts here, one at a time."""
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("]")
            return

    def end(self) -> None:
        if self.peek():
            raise self.error_at(self.pos)


class Outline:
    """The top level of a document without its records, and which tables it has."""

    def __init__(self, head: dict[str, Any], tables: list[str] | None, lists: set[str]) -> None:
        self.head = head  # "records" (if present) maps to None here
        self.tables = tables  # table names in file order; None: "records" is not an object
        self.lists = lists  # the tables whose value is a list


class DocumentSource:
    """A document already in memory (parse_document's result, or built by a test)."""

    def __init__(self, document: Any) -> None:
        self.document = document

    def outline(self) -> Outline:
        document = self.document
        if not isinstance(document, dict):
            return Outline(document, None, set())  # refused by the format check
        records = document.get("records")
        head = {**document, "records": None} if "records" in document else dict(document)
        if not isinstance(records, dict):
            return Outline(head, None, set())
        lists = {name for name, rows in records.items() if isinstance(rows, list)}
        return Outline(head, list(records), lists)

    def rows(self, table: str) -> Iterator[Any]:
        yield from self.document["records"].get(table, [])


class FileSource:
    """An export file, read as a stream: an outline first, then table by table."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._outline: Outline | None = None
        self._reader: tuple[BinaryIO, _Text, Iterator[str]] | None = None
        self._position = -1  # the index, in file order, of the table the reader is at

    def _open(self) -> tuple[BinaryIO, _Text]:
        try:
            size = self.path.stat().st_size
            handle = open(self.path, "rb")  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise ImportFormatError(
                "Het bestand kan niet worden gelezen.", f"cannot read the file ({exc.strerror})"
            ) from None
        if size > tables.MAX_IMPORT_BYTES:
            handle.close()
            raise ImportFormatError(
                "Het bestand is te groot voor een export.", "the file is too large for an export"
            )
        return handle, _Text(handle)

    def _check_encoding(self) -> None:
        """The whole file is UTF-8, as for a document read whole, before any JSON is read."""
        handle, text = self._open()
        try:
            while text.more_bytes():
                pass
        finally:
            handle.close()

    def outline(self) -> Outline:
        """Read the whole file once: every syntax error surfaces here, before any check."""
        self._check_encoding()
        handle, text = self._open()
        try:
            if text.peek() != "{":
                document = text.value()  # not an object: refused by the format check
                text.end()
                return Outline(document, None, set())
            head: dict[str, Any] = {}
            names: list[str] | None = None
            lists: set[str] = set()
            for key in text.members():
                if key != "records":
                    head[key] = text.value()
                    continue
                head[key] = None
                if text.peek() != "{":
                    text.value()
                    continue
                names = []
                for table in text.members():
                    names.append(table)
                    if text.peek() == "[":
                        lists.add(table)
                        for _ in text.elements():
                            pass
                    else:
                        text.value()
            text.end()
        finally:
            handle.close()
        self._outline = Outline(head, names, lists)
        return self._outline

    def rows(self, table: str) -> Iterator[Any]:
        assert self._outline is not None and self._outline.tables is not None
        order = self._outline.tables
        if table not in order:
            return
        wanted = order.index(table)
        if self._reader is None or wanted <= self._position:
            self._start()
        assert self._reader is not None
        _, text, names = self._reader
        for name in names:
            self._position += 1
            if name == table:
                yield from text.elements()
                return
            text.value()  # a table before the one wanted, or out of order: skip it

    def _start(self) -> None:
        """(Re)open the file and move to the first table of "records"."""
        self.close()
        handle, text = self._open()
        for key in text.members():
            if key == "records":
                break
            text.value()
        self._reader = (handle, text, text.members())
        self._position = -1

    def close(self) -> None:
        if self._reader is not None:
            self._reader[0].close()
            self._reader = None
