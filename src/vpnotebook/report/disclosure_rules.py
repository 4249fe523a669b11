"""The rules that protect one one-way table, and the certificates that they leave nothing
to recalculate (docs/disclosure-policy.md, "Single-valued tables", "The certificate",
"Multi-valued tables").

Single-valued tables fold small categories into an "other" row until the certificate holds;
multi-valued tables leave categories out until the remainder rule holds. Called through
disclosure.py, which checks the input first.
"""

from __future__ import annotations

from collections.abc import Sequence

from .disclosure_types import AuditEntry, DisclosurePolicy, ProtectedTable, Reason


def policy_notice(key: str, policy: DisclosurePolicy) -> list[AuditEntry]:
    if policy.threshold_lowered:
        return [AuditEntry(key, Reason.THRESHOLD_LOWERED, (), (("k", policy.k),))]
    return []


def dropped_table(key: str, multi_valued: bool, reason: Reason) -> ProtectedTable:
    return ProtectedTable(
        key=key, rows=(), total=None, multi_valued=multi_valued, dropped=True, drop_reason=reason
    )


def _other_is_underivable(
    shown: Sequence[tuple[int, int]], hidden: Sequence[int], other: int, k: int
) -> bool:
    """Certify that no part of the "other" row can be recalculated.

    ``shown`` holds (input position, count) of every row printed on its own, ``hidden`` the
    input positions folded into "other". The certificate exhibits families of alternative
    inputs that the merge rule maps to exactly this output (docs/disclosure-policy.md, section
    "The certificate"):

    * family A: every hidden category between 0 and k-1; it makes every proper part of
      "other" ambiguous as soon as ``other < len(hidden) * (k - 1)``;
    * family B(b): category ``b`` is the one large category pulled in to lift "other" to k,
      the rest sum to S in 1..k-1. ``b`` can only have been pulled in if it was not larger
      than any printed row, which bounds it by ``upper``.

    Two non-empty families, or one family with two possible values of S, leave every part
    of "other" that could be 1..k-1 with at least two possible values.
    """
    size = len(hidden)
    if size < 2 or other < k:
        return False
    cap = k - 1
    if other < size * cap:
        return True
    witnesses = 1 if other == size * cap else 0
    for position in hidden:
        # The merge picks the smallest count, earlier input position first on a tie, so b
        # can equal a printed row only if b comes first in the caller's order.
        upper = min(
            (count if position < row_position else count - 1 for row_position, count in shown),
            default=None,
        )
        low = 1 if upper is None else max(1, other - upper)
        high = min(k - 1, other - k)
        width = high - low + 1
        if width >= 2:
            return True
        if width == 1:
            witnesses += 1
            if witnesses >= 2:
                return True
    return False


def protect_single_valued(
    key: str,
    labels: list[str],
    values: list[int],
    *,
    other_label: str,
    policy: DisclosurePolicy,
    show_zero_rows: bool,
    diverse: bool = True,
) -> tuple[ProtectedTable, list[AuditEntry]]:
    k = policy.k
    audit = policy_notice(key, policy)
    total = sum(values)
    if 0 < total < k:
        audit.append(
            AuditEntry(
                key, Reason.DROPPED_TOTAL_BELOW_THRESHOLD, tuple(labels), (("total", total),)
            )
        )
        return dropped_table(key, False, Reason.DROPPED_TOTAL_BELOW_THRESHOLD), audit

    positions = range(len(values))
    small = [i for i in positions if 0 < values[i] < k]
    zeros = [i for i in positions if values[i] == 0]

    alike = [i for i in positions if total > 0 and values[i] == total]
    if not small and not (diverse and alike):
        rows = tuple((labels[i], values[i]) for i in positions if values[i] or show_zero_rows)
        hidden = () if show_zero_rows else tuple(labels[i] for i in zeros)
        table = ProtectedTable(
            key=key, rows=rows, total=total, multi_valued=False, hidden_labels=hidden, units=total
        )
        audit.extend(_all_in_one_notice(key, rows, total))
        return table, audit
    if not small:
        # Homogeneity: every case has the same value. Printed, it would tell about anyone known
        # to have come to the VP what their case was; so nothing is broken down. The output
        # (everything under "other") is the one many mixed inputs give as well, so it names
        # no category (docs/disclosure-policy.md, "Homogeneity").
        if len(labels) < 2:
            audit.append(
                AuditEntry(key, Reason.DROPPED_CANNOT_PROTECT, tuple(labels), (("total", total),))
            )
            return dropped_table(key, False, Reason.DROPPED_CANNOT_PROTECT), audit
        audit.append(
            AuditEntry(key, Reason.MERGED_ALL_ALIKE, (labels[alike[0]],), (("units", total),))
        )
        table = ProtectedTable(
            key=key,
            rows=((other_label, total),),
            total=total,
            multi_valued=False,
            other_label=other_label,
            hidden_labels=tuple(labels),
            units=total,
        )
        return table, audit

    merged: set[int] = set(small)
    other = sum(values[i] for i in small)
    audit.append(
        AuditEntry(
            key,
            Reason.MERGED_SMALL,
            tuple(labels[i] for i in small),
            tuple((labels[i], values[i]) for i in small),
        )
    )

    def next_smallest() -> int | None:
        candidates = [i for i in positions if i not in merged and values[i] > 0]
        return min(candidates, key=lambda i: (values[i], i), default=None)

    def fold_in(position: int, reason: Reason) -> None:
        nonlocal other
        merged.add(position)
        other += values[position]
        audit.append(
            AuditEntry(
                key,
                reason,
                (labels[position],),
                ((labels[position], values[position]), (other_label, other)),
            )
        )

    while other < k:
        candidate = next_smallest()
        if candidate is None:  # pragma: no cover - impossible once total >= k
            break
        fold_in(candidate, Reason.MERGED_TO_REACH_THRESHOLD)

    # Once an "other" row exists, empty categories join it: a printed 0 next to a missing
    # label would tell the reader that the missing one is 1..k-1 (or pulled in), which is
    # exactly the knowledge that makes small parts recalculable.
    if zeros:
        audit.append(
            AuditEntry(
                key,
                Reason.MERGED_ZERO,
                tuple(labels[i] for i in zeros),
                tuple((labels[i], 0) for i in zeros),
            )
        )

    while True:
        hidden_positions = sorted(merged.union(zeros))
        shown = [(i, values[i]) for i in positions if i not in merged and values[i] > 0]
        if _other_is_underivable(shown, hidden_positions, other, k):
            break
        candidate = next_smallest()
        if candidate is None:
            # Everything is already in "other"; with two or more categories this cannot be
            # reached (the certificate always holds), but never publish an uncertified table.
            audit.append(
                AuditEntry(key, Reason.DROPPED_CANNOT_PROTECT, tuple(labels), (("total", total),))
            )
            return dropped_table(key, False, Reason.DROPPED_CANNOT_PROTECT), audit
        fold_in(candidate, Reason.MERGED_TO_PREVENT_DERIVATION)

    rows = (*((labels[i], v) for i, v in shown), (other_label, other))
    table = ProtectedTable(
        key=key,
        rows=rows,
        total=total,
        multi_valued=False,
        other_label=other_label,
        hidden_labels=tuple(labels[i] for i in hidden_positions),
        units=total,
    )
    audit.extend(_all_in_one_notice(key, rows[:-1], total))
    return table, audit


def _all_in_one_notice(key: str, rows: Sequence[tuple[str, int]], units: int) -> list[AuditEntry]:
    return [
        AuditEntry(key, Reason.ALL_UNITS_IN_ONE_CATEGORY, (label,), (("units", units),))
        for label, count in rows
        if units > 0 and count == units
    ]


def protect_multi_valued(
    key: str,
    labels: list[str],
    values: list[int],
    *,
    units: int,
    policy: DisclosurePolicy,
) -> tuple[ProtectedTable, list[AuditEntry]]:
    # Counts do not add up to anything here, so an "other" row would be a sum of mentions
    # tied to nothing the reader can check; leaving categories out is simpler and provably
    # safe (policy document, "Multi-valued tables").
    k = policy.k
    audit = policy_notice(key, policy)
    if 0 < units < k:
        audit.append(
            AuditEntry(
                key, Reason.DROPPED_UNITS_BELOW_THRESHOLD, tuple(labels), (("units", units),)
            )
        )
        return dropped_table(key, True, Reason.DROPPED_UNITS_BELOW_THRESHOLD), audit

    positions = range(len(values))
    small = [i for i in positions if 0 < values[i] < k]
    # Homogeneity: all cases, or all but 1..k-1, carry it. The number of cases is printed
    # elsewhere, so "all but a few" would print the few as well, and "all" would tell about
    # anyone known to have come to the VP what their case was about.
    near_all = [i for i in positions if values[i] >= k and units - values[i] < k]
    hidden = set(small + near_all)
    zeros = [i for i in positions if values[i] == 0]
    if hidden and zeros:
        # A printed 0 next to "not named: X" says X is not empty; with only X hidden and the
        # rest 0, it says every case is about X. Empty and hidden must look alike.
        hidden.update(zeros)
    overlap: list[int] = []
    excess = sum(values) - units
    if not hidden and 0 < excess < k:
        # Everything printed, and every case known to carry at least one category: the
        # mentions beyond one per case are then excess, and with two categories they are
        # exactly the cases that carry both (8 cases, a=5, b=5: 2 carry both). One printed
        # category joins the hidden, and the remainder rule below takes it from there.
        smallest = min((i for i in positions if values[i] > 0), key=lambda i: (values[i], i))
        hidden.add(smallest)
        overlap.append(smallest)
        hidden.update(zeros)
    derived: list[int] = []
    while hidden:
        shown = [i for i in positions if i not in hidden and values[i] > 0]
        if _remainder_is_underivable(
            [values[i] for i in shown], len(hidden), units - sum(values[i] for i in shown), k
        ):
            break
        if not shown:
            # A table of one category, left out: nothing else can hide it.
            audit.append(
                AuditEntry(key, Reason.DROPPED_CANNOT_PROTECT, tuple(labels), (("units", units),))
            )
            return dropped_table(key, True, Reason.DROPPED_CANNOT_PROTECT), audit
        smallest = min(shown, key=lambda i: (values[i], i))
        hidden.add(smallest)
        derived.append(smallest)
        if zeros:
            hidden.update(zeros)

    for reason, group in (
        (Reason.SUPPRESSED_SMALL, small),
        (Reason.SUPPRESSED_NEAR_ALL, near_all),
        (Reason.SUPPRESSED_ZERO, zeros if hidden else []),
        (Reason.SUPPRESSED_OVERLAP, overlap),
        (Reason.SUPPRESSED_TO_PREVENT_DERIVATION, derived),
    ):
        if group:
            extra = (("excess", excess),) if reason == Reason.SUPPRESSED_OVERLAP else ()
            audit.append(
                AuditEntry(
                    key,
                    reason,
                    tuple(labels[i] for i in group),
                    (*((labels[i], values[i]) for i in group), ("units", units), *extra),
                )
            )
    rows = tuple((labels[i], values[i]) for i in positions if i not in hidden)
    table = ProtectedTable(
        key=key,
        rows=rows,
        total=None,
        multi_valued=True,
        hidden_labels=tuple(labels[i] for i in sorted(hidden)),
        units=units,
    )
    return table, audit


def _remainder_is_underivable(shown: Sequence[int], hidden: int, remainder: int, k: int) -> bool:
    """Whether the hidden categories of a multi-valued table stay ambiguous.

    A reader may assume that most cases carry one category and take "cases minus printed
    rows" as the sum of the hidden ones (12 - 5 - 5 = 2). Under that assumption the hidden
    categories form an "other" row of ``remainder``; it must be 0 (more printed mentions than
    cases: the assumption fails on its face) or reach k with room for every part to vary,
    that is family A of the single-valued certificate: ``remainder < hidden * (k - 1)``.
    With nothing printed, every split (all cases in any one hidden category included) stays
    possible. One hidden category alone is never enough.
    """
    if hidden < 2:
        return False
    if not shown or remainder <= 0:
        return True
    return k <= remainder < hidden * (k - 1)
