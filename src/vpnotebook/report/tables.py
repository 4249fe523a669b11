"""Protected tables as printed: rows, totals, percentages, footnotes and bar charts.

Everything here reads a `ProtectedTable` or `TrendTable` from the disclosure engine and
nothing else, so a printed number is always one the engine published. Percentages come from
`table_percentages`, which only divides printed rows by the table's printed total.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import wording as w
from .disclosure import (
    DisclosurePolicy,
    ProtectedTable,
    Reason,
    TrendTable,
    published_numbers,
    table_percentages,
)
from .document import Block, Chart, Paragraph, Table


class TableRenderer:
    def __init__(self, policy: DisclosurePolicy, language: str) -> None:
        self.policy = policy
        self.k = policy.k
        self.language = language

    def t(self, dutch: str, english: str) -> str:
        return english if self.language == "en" else dutch

    # -- numbers -------------------------------------------------------------------------------

    def decimal(self, value: float) -> str:
        text = f"{value:.1f}"
        return text if self.language == "en" else text.replace(".", ",")

    def count_or_fewer(self, value: int) -> str:
        return w.fewer_than(self.k, self.language) if 0 < value < self.k else str(value)

    def _threshold_note(self) -> str:
        if not self.policy.threshold_lowered:
            return ""
        return self.t(
            f"Let op: drempel {self.k} in plaats van de aanbevolen 5.",
            f"Note: threshold {self.k} instead of the recommended 5.",
        )

    def _join(self, *parts: str) -> str:
        return " ".join(part for part in parts if part)

    def _dropped(self, title: str, table: ProtectedTable, what: tuple[str, str]) -> list[Block]:
        if table.drop_reason == Reason.DROPPED_CANNOT_PROTECT:
            why = self.t("er is geen veilige indeling mogelijk", "no safe grouping exists")
        else:
            why = self.t(
                f"het gaat om minder dan {self.k} {what[0]}",
                f"it concerns fewer than {self.k} {what[1]}",
            )
        return [
            Paragraph(
                self.t(
                    f"{title}: niet getoond, want {why}.", f"{title}: not shown, because {why}."
                ),
                "note",
                table=title,
            )
        ]

    def row_label(self, table: ProtectedTable, label: str) -> str:
        """A row as printed: a row inside a family row reads "waarvan ..." ("of which")."""
        if label not in dict(table.within):
            return label
        if len(label) > 1 and label[1].islower():
            label = label[0].lower() + label[1:]
        # The dash sets it under its family row in the PDF and the CSV alike.
        return self.t(f"– waarvan {label}", f"– of which {label}")

    def _merged_notes(self, table: ProtectedTable) -> list[str]:
        """What each row that stands for several categories counts."""
        notes = []
        for label, _ in table.rows:
            covered = ", ".join(table.covered_by(label))
            if not covered:
                continue
            if table.multi_valued:
                notes.append(
                    self.t(
                        f"{label} telt de meldingen met ten minste één van: {covered}.",
                        f"{label} counts the cases with at least one of: {covered}.",
                    )
                )
            else:
                notes.append(
                    self.t(f"Onder {label} vallen: {covered}.", f"{label} covers: {covered}.")
                )
        return notes

    # -- one-way tables ------------------------------------------------------------------------

    def one_way(
        self,
        key: str,
        title: str,
        table: ProtectedTable,
        *,
        chart: bool = False,
        what: tuple[str, str] = ("meldingen", "cases"),
    ) -> list[Block]:
        if table.dropped:
            return self._dropped(title, table, what)
        if table.multi_valued and not table.rows:
            # Every row is left out: a table of only its header would look broken.
            return [
                Paragraph(
                    self._join(
                        self.t(
                            f"{title}: niet uitgesplitst. Bij deze aantallen kan elke indeling "
                            "naar een persoon wijzen; daarom staan ze hier niet.",
                            f"{title}: not broken down. At these numbers any breakdown could "
                            "point to a person, so they are not given here.",
                        ),
                        self._threshold_note(),
                    ),
                    "note",
                    table=title,
                )
            ]
        if not table.multi_valued and len(table.rows) == 1 and table.other_label is not None:
            # Everything went into "other": one honest line instead of "Other n, Total n".
            return [
                Table(
                    key=key,
                    title=title,
                    header=("", self.t("Aantal", "Number")),
                    rows=(
                        (
                            self.t("Totaal, niet uitgesplitst", "Total, not broken down"),
                            str(table.total),
                        ),
                    ),
                    counts=tuple(sorted(published_numbers(table))),
                    note=self._join(
                        self.t(
                            "Om de melders te beschermen staan de aantallen niet per soort.",
                            "To protect the reporters, the numbers are not given per kind.",
                        ),
                        self._threshold_note(),
                    ),
                )
            ]
        percentages = dict(table_percentages(table, self.policy))
        with_percent = any(value is not None for value in percentages.values())
        header = ("", self.t("Aantal", "Number"), *(("%",) if with_percent else ()))
        rows = []
        for label, count in table.rows:
            cells = [self.row_label(table, label), str(count)]
            if with_percent:
                value = percentages.get(label)
                cells.append(w.NOT_SHOWN if value is None else f"{value:.0f}%")
            rows.append(tuple(cells))
        total = None
        if table.total is not None:
            total = (
                w.pick(w.TOTAL, self.language),
                str(table.total),
                *(("",) if with_percent else ()),
            )
        notes = []
        if table.multi_valued:
            notes.append(
                self.t(
                    f"Eén melding kan onder meer dan één regel vallen; de aantallen tellen daarom "
                    f"niet op tot het aantal nieuwe {what[0]}.",
                    f"One case can fall under more than one row, so the numbers do not add up to "
                    f"the number of new {what[1]}.",
                )
            )
            notes += self._merged_notes(table)
            inside = {c for label, _ in table.rows for c in table.covered_by(label)}
            unnamed = [label for label in table.hidden_labels if label not in inside]
            if unnamed:
                notes.append(
                    self.t(
                        f"Niet apart genoemd, om de melders te beschermen: {', '.join(unnamed)}.",
                        f"Not named separately, to protect the reporters: {', '.join(unnamed)}.",
                    )
                )
        else:
            notes += self._merged_notes(table)
        notes.append(self._threshold_note())
        within = dict(table.within)
        bars = tuple((label, count) for label, count in table.rows if label not in within)
        return [
            Table(
                key=key,
                title=title,
                header=header,
                rows=tuple(rows),
                total=total,
                counts=tuple(sorted(published_numbers(table))),
                note=self._join(*notes),
                # Bars of only zeros draw nothing worth a chart.
                chart=Chart(title, bars) if chart and any(count for _, count in bars) else None,
            )
        ]

    def departments(self, title: str, table: ProtectedTable, min_employees: int) -> list[Block]:
        if table.drop_reason == Reason.DROPPED_ORGANISATION_TOO_SMALL:
            return [
                Paragraph(
                    self.t(
                        f"{title}: cijfers per afdeling staan alleen in het verslag van een "
                        f"organisatie met minstens {min_employees} medewerkers.",
                        f"{title}: figures per department are only given for an organisation "
                        f"with at least {min_employees} employees.",
                    ),
                    "note",
                    table=title,
                )
            ]
        if table.dropped:
            return self._dropped(title, table, ("meldingen", "cases"))
        note = self._join(
            self.t(
                f"Alleen afdelingen met minstens {self.k} nieuwe meldingen staan apart.",
                f"Only departments with at least {self.k} new cases are shown separately.",
            ),
            self._threshold_note(),
        )
        rows = tuple((label, str(count)) for label, count in table.rows)
        total: tuple[str, ...] | None = (w.pick(w.TOTAL, self.language), str(table.total))
        if len(table.rows) == 1 and table.rows[0][0] == table.other_label:
            # Every department inside "other departments": the total, said as what it is.
            rows = ((self.t("Totaal, niet uitgesplitst", "Total, not broken down"), rows[0][1]),)
            total = None
        return [
            Table(
                key="departments",
                title=title,
                header=("", self.t("Aantal", "Number")),
                rows=rows,
                total=total,
                counts=tuple(sorted(published_numbers(table))),
                note=note,
            )
        ]

    def quarters(self, title: str, quarters: tuple[int, int, int, int] | None) -> list[Block]:
        if quarters is None:
            return [
                Paragraph(
                    self.t(
                        f"{title}: niet getoond; dat kan alleen als elk kwartaal minstens "
                        f"{self.k} nieuwe meldingen telt.",
                        f"{title}: not shown; that is only possible when every quarter has at "
                        f"least {self.k} new cases.",
                    ),
                    "note",
                    table=title,
                )
            ]
        labels = [w.pick(pair, self.language) for pair in w.QUARTERS]
        return [
            Table(
                key="quarters",
                title=title,
                header=("", self.t("Aantal", "Number")),
                rows=tuple(
                    (label, str(count)) for label, count in zip(labels, quarters, strict=True)
                ),
                total=(w.pick(w.TOTAL, self.language), str(sum(quarters))),
                counts=(*quarters, sum(quarters)),
                note=self._threshold_note(),
            )
        ]

    # -- trends --------------------------------------------------------------------------------

    def trend(
        self,
        key: str,
        title: str,
        trend: TrendTable,
        labels: Sequence[str],
        optional: frozenset[str] = frozenset(),
    ) -> list[Block]:
        """One row per label and a column per year; a label in ``optional`` (a family's own
        row) only where some year printed it."""
        years = [year for year, _ in trend.years]
        tables = [table for _, table in trend.years]
        multi = any(table.multi_valued for table in tables)
        rows: list[tuple[str, ...]] = []
        for label in labels:
            if label in optional and not any(label in dict(t.rows) for t in tables):
                continue
            cells = []
            for table in tables:
                printed = dict(table.rows)
                if table.dropped:
                    cells.append(w.NOT_SHOWN)
                elif label in printed:
                    cells.append(str(printed[label]))
                elif multi:
                    cells.append(w.NOT_SHOWN)
                elif any(label in table.covered_by(row) for row in printed):
                    cells.append(w.IN_OTHER)
                else:
                    cells.append("")  # a family's row in a year that printed its members
            shown = next((t for t in tables if label in dict(t.within)), None)
            rows.append((label if shown is None else self.row_label(shown, label), *cells))
        total = None
        if not multi:
            other = w.pick(w.OTHER, self.language)
            if any(table.other_label for table in tables):
                rows.append(
                    (other, *(str(dict(t.rows)[other]) if t.other_label else "" for t in tables))
                )
            total = (
                w.pick(w.TOTAL, self.language),
                *(w.NOT_SHOWN if t.dropped else str(t.total) for t in tables),
            )
        counts: set[int] = set()
        for table in tables:
            counts |= published_numbers(table)
        if multi:
            legend = self.t(
                f"{w.NOT_SHOWN} = niet genoemd: een klein aantal, bijna alle meldingen, of dat "
                f"jaar minder dan {self.k} nieuwe meldingen. Een melding kan onder meer dan één "
                "regel vallen.",
                f"{w.NOT_SHOWN} = not named: a small number, nearly all cases, or fewer than "
                f"{self.k} new cases that year. One case can fall under more than one row.",
            )
        else:
            legend = self.t(
                f"{w.IN_OTHER} = geteld in een samengevoegde regel (Overig of een groep); "
                f"{w.NOT_SHOWN} = niet getoond, dat jaar minder dan {self.k} nieuwe meldingen. "
                "Elk jaar is apart beschermd.",
                f"{w.IN_OTHER} = counted in a combined row (Other, or a group); {w.NOT_SHOWN} = "
                f"not shown, fewer than {self.k} new cases that year. Each year is protected "
                "on its own.",
            )
        return [
            Table(
                key=key,
                title=title,
                header=("", *(str(year) for year in years)),
                rows=tuple(rows),
                total=total,
                counts=tuple(sorted(counts)),
                note=self._join(legend, self._threshold_note()),
                first_column_share=0.4,
            )
        ]
