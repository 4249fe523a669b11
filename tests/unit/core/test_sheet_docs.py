"""docs/formats/sheet-import.md promises what the import recognises: every field and heading."""

from __future__ import annotations

import re
from pathlib import Path

from vpnotebook.core.sheetimport import FIELDS

DOC = Path(__file__).resolve().parents[3] / "docs" / "formats" / "sheet-import.md"


def _table() -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\| `([^`]+)` \| [^|]+ \| ([^|]+) \|", line)
        if match:
            rows[match[1]] = [heading.strip() for heading in match[2].split(",")]
    return rows


def test_the_page_lists_every_field_with_exactly_its_headings() -> None:
    assert _table() == {field.key: list(field.headings) for field in FIELDS}


def test_the_user_guide_names_every_field() -> None:
    guide = (DOC.parents[1] / "handleiding" / "README.md").read_text(encoding="utf-8")
    chapter = guide.split("## Overstappen vanuit Excel", 1)[1].split("\n## ", 1)[0]
    for field in FIELDS:
        assert field.nl.split(" (")[0].lower() in chapter.lower(), field.nl
