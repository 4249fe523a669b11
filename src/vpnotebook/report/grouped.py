"""Tables of families: the disclosure engine applied twice, to families and within them.

A table about the cases may print a family of categories as one row ("Zorg en
ondersteuning": the cases referred to a company doctor, GP, social worker, psychologist or
occupational health service) where each member alone is too rare to be shown. The rows are
found in two steps, each one an ordinary `protect_table`:

1. the table of families: each family counts its cases (single-valued: the sum of its
   members; multi-valued: the cases with at least one member). A category outside every
   family is a family of one. This table is protected exactly like a table of categories.
2. within every family printed with a count of at least k, the table of its members, with
   that count as its total (single-valued) or its number of cases (multi-valued). Its rows
   replace the family row (single-valued: members, and "Overige ..." for the rest of the
   family) or stand under it as "waarvan" rows (multi-valued). If nothing inside can be
   shown, the family stays one row.

Why that is safe (docs/disclosure-policy.md, "Families", has the argument in full): the first
step sees only family counts and the second only the members of one printed family, whose
total the first step printed already. So every input a reader cannot tell apart from the
true one is a choice of family counts the first step cannot tell apart, combined with,
per printed family, a choice of members the second step cannot tell apart. Each step hides
its small parts from its own reader; a sum that mixes both is fixed only if each part is,
and then it is either printed or at least k. No step looks at a hidden value of the other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .disclosure import (
    DEFAULT_POLICY,
    AuditEntry,
    DisclosurePolicy,
    ProtectedTable,
    protect_table,
)


@dataclass(frozen=True)
class Part:
    """One row of the first step: a category on its own (``members == (label,)``) or a
    family of categories with a label of its own and one for the rest of it."""

    label: str
    members: tuple[str, ...]
    rest_label: str = ""

    @property
    def is_family(self) -> bool:
        return len(self.members) > 1


def _check_parts(
    counts: Mapping[str, int], parts: Sequence[Part], other_label: str, multi: bool
) -> None:
    members = [m for part in parts for m in part.members]
    if sorted(members) != sorted(counts) or len(set(members)) != len(members):
        raise ValueError("the parts must hold every category exactly once")
    names: set[str] = set(counts) | {other_label}
    for part in parts:
        if not part.is_family:
            if part.label != part.members[0]:
                raise ValueError(f"a category on its own keeps its label: {part.label!r}")
            continue
        own = [part.label] if multi else [part.label, part.rest_label]
        for name in own:
            if not name or name in names:
                raise ValueError(f"family label {name!r} is empty or already in use")
            names.add(name)


def protect_grouped(
    key: str,
    counts: Mapping[str, int],
    parts: Sequence[Part],
    *,
    other_label: str,
    policy: DisclosurePolicy = DEFAULT_POLICY,
    multi_valued: bool = False,
    units: int | None = None,
    unions: Mapping[str, int] | None = None,
) -> tuple[ProtectedTable, list[AuditEntry]]:
    """Protect a one-way table whose categories are grouped into ``parts`` (see above).

    ``counts`` holds every category; a multi-valued table also needs ``units`` (its number
    of cases) and ``unions``: per family label, the cases with at least one of its members.
    With every part a category on its own the result is exactly ``protect_table``'s.
    """
    _check_parts(counts, parts, other_label, multi_valued)
    first: dict[str, int] = {}
    for part in parts:
        if not part.is_family:
            first[part.label] = counts[part.label]
        elif multi_valued:
            if unions is None or part.label not in unions:
                raise ValueError(f"a multi-valued family needs its number of cases: {part.label}")
            union = unions[part.label]
            mentions = [counts[m] for m in part.members]
            if not max(mentions) <= union <= min(sum(mentions), units or 0):
                raise ValueError(f"the cases of {part.label!r} do not fit its members' counts")
            first[part.label] = union
        else:
            first[part.label] = sum(counts[m] for m in part.members)
    table, audit = protect_table(
        key,
        first,
        other_label=other_label,
        policy=policy,
        multi_valued=multi_valued,
        units=units,
    )
    if table.dropped or not any(part.is_family for part in parts):
        return table, audit
    by_label = {part.label: part for part in parts}
    rows: list[tuple[str, int]] = []
    covers: list[tuple[str, tuple[str, ...]]] = []
    within: list[tuple[str, str]] = []
    for label, value in table.rows:
        found = by_label.get(label)
        if found is None:  # the "other" row: the members of every family folded into it
            rows.append((label, value))
            hidden = [
                m for hidden_label in table.hidden_labels for m in by_label[hidden_label].members
            ]
            covers.append((label, tuple(m for m in counts if m in hidden)))
            continue
        part = found
        if not part.is_family:
            rows.append((label, value))
            continue
        if value == 0:
            rows.append((label, value))
            covers.append((label, part.members))
            continue
        inner, inner_audit = protect_table(
            key,
            {m: counts[m] for m in part.members},
            other_label=part.rest_label or part.label,
            policy=policy,
            multi_valued=multi_valued,
            units=value if multi_valued else None,
        )
        audit.extend(
            replace(entry, within=part.label, other_label=part.rest_label) for entry in inner_audit
        )
        if multi_valued:
            rows.append((label, value))
            covers.append((label, part.members))
            for member, count in inner.rows:
                rows.append((member, count))
                within.append((member, label))
        elif inner.dropped or inner.rows == ((part.rest_label, value),):
            # Nothing inside can be shown: the family stays one row.
            rows.append((label, value))
            covers.append((label, part.members))
        else:
            for member, count in inner.rows:
                rows.append((member, count))
                if member == part.rest_label:
                    covers.append((member, inner.hidden_labels))
    printed = {label for label, _ in rows}
    grouped = ProtectedTable(
        key=key,
        rows=tuple(rows),
        total=table.total,
        multi_valued=multi_valued,
        other_label=table.other_label,
        hidden_labels=tuple(label for label in counts if label not in printed),
        units=table.units,
        covers=tuple(covers),
        within=tuple(within),
    )
    return grouped, audit
