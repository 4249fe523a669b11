"""What refuses a hand-over or a merge, in Dutch and English; nothing was changed."""

from __future__ import annotations

from ...vault.errors import EXIT_USAGE, VaultError


class HandoverError(VaultError):
    """The hand-over or merge cannot be done as asked (exit 2: the request, not the vault)."""

    exit_code = EXIT_USAGE

    def __init__(self, message_nl: str, message_en: str) -> None:
        super().__init__(message_en)
        # Instance attributes shadow VaultError's fixed class messages.
        self.message_nl = message_nl
        self.message_en = message_en
