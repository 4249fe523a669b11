"""Search results as the result list shows them: safe HTML snippets and where a hit opens.

Everything that came out of the vault is HTML-escaped before the only markup we add
ourselves — the bold around the matched words — so a note that happens to contain "<b>" or
"<img>" is shown as the text the VP typed, never interpreted. No Qt here.
"""

from __future__ import annotations

import html

from ...core.search import HIT_END, HIT_START

# Where a hit outside any case can be looked at: the workspace's page keys.
PAGE_FOR_SOURCE = {
    "outreach": "outreach",
    "signals": "signals",
    "organisations": "organisations",
    "follow_ups": "today",
    "time_entries": "time",
}


def snippet_html(snippet: str) -> str:
    """Escape the vault's text, then mark the matched words — in that order, always."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(HIT_START, "<b>").replace(HIT_END, "</b>")


def plain(text: str) -> str:
    return text.replace(HIT_START, "").replace(HIT_END, "")
