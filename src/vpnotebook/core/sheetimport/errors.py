"""The sheet import's failures and problems, each in Dutch and English.

A `SheetError` refuses the whole file (not a spreadsheet, empty, no date column, bad rows …);
the CLI exits with code 2 for it, as for any other malformed input. Messages name places
(row, column) and the structured value that is wrong (a date, a number, a category); they
never quote free text such as remarks or names.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...vault.errors import EXIT_USAGE, VaultError

# Longest piece of a cell quoted back in a message: enough to recognise it, never a paragraph.
QUOTE_MAX = 40


def quote(value: object) -> str:
    """A cell's value as a message may show it: one line, shortened."""
    text = " ".join(str(value).split())
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 1] + "…"


class SheetError(VaultError):
    """The file cannot be imported; nothing was changed."""

    exit_code = EXIT_USAGE

    def __init__(self, message_nl: str, message_en: str) -> None:
        super().__init__(message_en)
        # Instance attributes shadow VaultError's fixed class messages.
        self.message_nl = message_nl
        self.message_en = message_en


@dataclass(frozen=True)
class Reason:
    """Why one cell or row cannot be imported, without its row number."""

    nl: str
    en: str

    def text(self, language: str = "nl") -> str:
        return self.en if language == "en" else self.nl


class BadValue(ValueError):
    """A value-parsing failure: carries the reason for the VP."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(en)
        self.reason = Reason(nl, en)


@dataclass(frozen=True)
class RowProblem:
    """One bad row: its number as the VP sees it in Excel (header row = 1) and why."""

    row: int
    reason: Reason
    column: str = ""

    def text(self, language: str = "nl") -> str:
        where = (
            f" ({'column' if language == 'en' else 'kolom'} {self.column})" if self.column else ""
        )
        word = "row" if language == "en" else "rij"
        return f"{word} {self.row}: {self.reason.text(language)}{where}"
