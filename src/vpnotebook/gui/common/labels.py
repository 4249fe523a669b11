"""Taxonomy labels in the language the program is shown in.

The vocabulary carries its own Dutch and English labels, so these do not go through Qt's
translator; we only ask which language is active.
"""

from __future__ import annotations

from vpnotebook.core.taxonomy import Vocabulary
from vpnotebook.gui import i18n


def current_language() -> str:
    """ "en" while an English translator is installed, otherwise Dutch."""
    return "en" if i18n._installed is not None else "nl"


def label(vocab: Vocabulary, code: str) -> str:
    return vocab.label(code, current_language())
