"""Earlier reports as published: the ledger's cells, and the check a change must pass.

A report prints, per year, a set of *cells*: each protected table as its shape (which
categories have a row, which are hidden, whether there is an "other" row) and its numbers,
and the key figures as a number or a token for what was printed instead ("band:10", "lt",
"-"). The ledger (core/ledger.py) stores those cells for every issue. From them:

* a later report shows an earlier year *as published*: the latest published value of each
  cell, restored into the same protected table;
* a figure that changed since (a case recorded late, re-opened, edited, destroyed) is printed
  only as a "bijgesteld" note, and only when every printed cell of that year keeps its shape
  and differs from *every* value it ever had by 0 or at least k. Anything else — a change of
  1, a hidden category that would now get a row, a band that moved — keeps the year exactly
  as published;
* a new version of a year's own report passes the same check against all its earlier
  versions, or prints the figures of the latest one.

Differences of at least k between two printed figures are facts about k or more cases; a
shape that stays the same keeps every hidden cell hidden in both; so the published history
of a year never narrows a hidden count (the tests check it with an attacker who knows both).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core import taxonomy as tx
from ..core.annual import UNRECORDED
from ..core.ledger import PublishedRecord
from . import grouping as gr
from . import wording as w
from .disclosure import ProtectedTable, Reason

OTHER_CODE = "*other*"
REVISED = "bijgesteld:"
Cells = Mapping[str, Any]

# The vocabulary behind each table, to turn stored codes back into printed labels.
VOCABULARIES: Mapping[str, tx.Vocabulary | None] = {
    "contact_types": tx.CONTACT_TYPES,
    "categories": tx.CATEGORIES,
    "reporter_kinds": tx.REPORTER_KINDS,
    "reporter_roles": tx.REPORTER_ROLES,
    "relations": tx.RELATIONS,
    "departments": None,  # department names are their own codes
    "routes": tx.ROUTES,
    "outcomes": tx.CASE_OUTCOMES,
    "referrals": tx.REFERRAL_PARTIES,
}


def table_cells(key: str, table: ProtectedTable, codes: Mapping[str, str]) -> dict[str, Any]:
    """A protected table as ledger cells; ``codes`` maps printed labels to stored codes."""

    def code(label: str) -> str:
        return OTHER_CODE if label == table.other_label else codes.get(label, label)

    shape: dict[str, Any] = {
        "rows": [code(label) for label, _ in table.rows],
        "hidden": [code(label) for label in table.hidden_labels],
        "other": table.other_label is not None,
        "multi": table.multi_valued,
        "dropped": None if table.drop_reason is None else str(table.drop_reason),
    }
    # Only a table of families has these: a table of categories keeps the shape it had in
    # reports issued before families existed, so the same figures are the same content.
    if table.covers:
        shape["covers"] = [[code(row), [code(c) for c in cats]] for row, cats in table.covers]
    if table.within:
        shape["within"] = [[code(row), code(parent)] for row, parent in table.within]
    cells: dict[str, Any] = {f"{key}:shape": json.dumps(shape, sort_keys=True)}
    for label, count in table.rows:
        cells[f"{key}:row:{code(label)}"] = count
    if table.total is not None:
        cells[f"{key}:total"] = table.total
    if table.units is not None:
        cells[f"{key}:units"] = table.units
    return cells


def label_for(key: str, code: str, language: str, other_label: str) -> str:
    if code == OTHER_CODE:
        return other_label
    family = gr.stored_label(key, code, language)
    if family is not None:
        return family
    if code == UNRECORDED:
        pair = w.UNRECORDED_DEPARTMENT if key == "departments" else w.UNRECORDED
        return w.pick(pair, language)
    vocabulary = VOCABULARIES.get(key)
    return code if vocabulary is None else vocabulary.label(code, language)


def restore_table(
    key: str, table_key: str, cells: Cells, *, language: str, other_label: str
) -> ProtectedTable | None:
    """The protected table as it was published, or None if it was not."""
    raw = cells.get(f"{key}:shape")
    if raw is None:
        return None
    shape = json.loads(raw)
    if shape["dropped"]:
        return ProtectedTable(
            key=table_key,
            rows=(),
            total=None,
            multi_valued=shape["multi"],
            dropped=True,
            # A reason this version does not know (a newer program's) still reads as left out.
            drop_reason=Reason(shape["dropped"])
            if shape["dropped"] in set(Reason)
            else Reason.DROPPED_CANNOT_PROTECT,
        )
    rows = tuple(
        (label_for(key, code, language, other_label), int(cells[f"{key}:row:{code}"]))
        for code in shape["rows"]
    )

    def label(code: str) -> str:
        return label_for(key, code, language, other_label)

    return ProtectedTable(
        key=table_key,
        rows=rows,
        total=cells.get(f"{key}:total"),
        multi_valued=shape["multi"],
        other_label=other_label if shape["other"] else None,
        hidden_labels=tuple(
            label_for(key, code, language, other_label) for code in shape["hidden"]
        ),
        units=cells.get(f"{key}:units"),
        covers=tuple(
            (label(row), tuple(label(c) for c in cats)) for row, cats in shape.get("covers", [])
        ),
        within=tuple((label(row), label(parent)) for row, parent in shape.get("within", [])),
    )


@dataclass(frozen=True)
class Revision:
    """Whether a year's figures may be printed as they are now, and which cells changed."""

    allowed: bool
    changes: tuple[str, ...] = ()
    reason: str = ""  # for the VP's audit when not allowed


def check_revision(
    now: Cells, published: Cells, history: Mapping[str, set[Any]], *, k: int
) -> Revision:
    """The figures ``now`` against the published ones (see the module docstring)."""
    changes = []
    for key in sorted(now):
        new = now[key]
        if key not in published:
            return Revision(False, reason=key)
        if new == published[key]:
            continue
        if isinstance(new, int) and all(
            isinstance(old, int) and (new == old or abs(new - old) >= k)
            for old in history.get(key, {published[key]})
        ):
            changes.append(key)
            continue
        return Revision(False, reason=key)
    return Revision(True, tuple(changes))


@dataclass
class PublishedHistory:
    """Every issue of one organisation, read per year: latest values and all past values."""

    records: Sequence[PublishedRecord] = ()
    _latest: dict[int, dict[str, Any]] = field(default_factory=dict)
    _history: dict[int, dict[str, set[Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for record in self.records:  # oldest first: later issues win
            for year, cells in record.figures.items():
                latest = self._latest.setdefault(year, {})
                history = self._history.setdefault(year, {})
                for key, value in cells.items():
                    # A figure printed in a "bijgesteld" note is published too: a later change
                    # must keep its distance from it as well. The tables keep the old value.
                    cell = key.removeprefix(REVISED)
                    if cell == key:
                        latest[key] = value
                    history.setdefault(cell, set()).add(value)

    def cells(self, year: int) -> dict[str, Any]:
        return dict(self._latest.get(year, {}))

    def history(self, year: int) -> dict[str, set[Any]]:
        return self._history.get(year, {})

    def published(self, year: int) -> bool:
        return year in self._latest

    def revision(self, year: int, now: Cells, k: int) -> Revision:
        return check_revision(now, self.cells(year), self.history(year), k=k)
