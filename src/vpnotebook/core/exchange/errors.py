"""The export's and import's failures, told to the VP in Dutch and English."""

from __future__ import annotations

from ...vault.errors import EXIT_DAMAGED, VaultError


class ExchangeError(VaultError):
    """An export or import failure told to the VP in words (Dutch and English)."""

    def __init__(self, message_nl: str, message_en: str) -> None:
        super().__init__(message_en)
        # Instance attributes shadow VaultError's fixed class messages.
        self.message_nl = message_nl
        self.message_en = message_en


class JournalNotEmptyError(ExchangeError):
    def __init__(self) -> None:
        super().__init__(
            "Importeren kan alleen in een lege kluis. Deze kluis bevat al gegevens; "
            "maak een nieuwe kluis en importeer daarin. Er is niets gewijzigd.",
            "Importing is only possible into an empty vault. This vault already holds data; "
            "create a new vault and import into that. Nothing was changed.",
        )


class ImportFormatError(ExchangeError):
    """The document is not a valid export; names the record and field where possible.

    `table` is the key under "records" (or None for the document itself), `index` the
    position in that list (from 0), `record_id` the record's id when it had a usable one and
    `field` the field name. Messages name places, never values: they may end up in a
    screenshot.
    """

    exit_code = EXIT_DAMAGED

    def __init__(
        self,
        message_nl: str,
        message_en: str,
        *,
        table: str | None = None,
        index: int | None = None,
        record_id: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message_nl, message_en)
        self.table = table
        self.index = index
        self.record_id = record_id
        self.field = field

    def location(self, language: str = "nl") -> str:
        parts = []
        if self.table is not None:
            where = f"records.{self.table}"
            if self.index is not None:
                where += f"[{self.index}]"
            if self.record_id is not None:
                where += f" (id {self.record_id})"
            parts.append(where)
        if self.field is not None:
            parts.append(f"{'field' if language == 'en' else 'veld'} {self.field}")
        if not parts:
            return "the file" if language == "en" else "het bestand"
        return ", ".join(parts)

    def message(self, language: str = "nl") -> str:
        plain = self.message_en if language == "en" else self.message_nl
        return f"{self.location(language)}: {plain}"

    def __str__(self) -> str:
        return self.message("en")


class ImportVersionError(ImportFormatError):
    """The document was written by a newer vpnotebook that this one cannot read."""
