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
            f"Let op: aantallen vanaf {self.k} in plaats van vanaf 5, zoals aanbevolen.",
            f"Note: numbers from {self.k} instead of from 5, as recommended.",
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
            )
        ]

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
            cells = [label, str(count)]
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
            if table.hidden_labels:
                notes.append(
                    self.t(
                        f"Niet apart genoemd, om de melders te beschermen: {', '.join(table.hidden_labels)}.",
                        f"Not named separately, to protect the reporters: {', '.join(table.hidden_labels)}.",
                    )
                )
        elif table.other_label is not None:
            notes.append(
                self.t(
                    f"Onder {table.other_label} vallen: {', '.join(table.hidden_labels)}.",
                    f"{table.other_label} covers: {', '.join(table.hidden_labels)}.",
                )
            )
        notes.append(self._threshold_note())
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
                chart=Chart(title, tuple(table.rows))
                if chart and any(count for _, count in table.rows)
                else None,
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
        return [
            Table(
                key="departments",
                title=title,
                header=("", self.t("Aantal", "Number")),
                rows=tuple((label, str(count)) for label, count in table.rows),
                total=(w.pick(w.TOTAL, self.language), str(table.total)),
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

    def trend(self, key: str, title: str, trend: TrendTable, labels: Sequence[str]) -> list[Block]:
        years = [year for year, _ in trend.years]
        tables = [table for _, table in trend.years]
        multi = any(table.multi_valued for table in tables)
        rows: list[tuple[str, ...]] = []
        for label in labels:
            cells = []
            for table in tables:
                printed = dict(table.rows)
                if table.dropped:
                    cells.append(w.NOT_SHOWN)
                elif label in printed:
                    cells.append(str(printed[label]))
                else:
                    cells.append(w.NOT_SHOWN if multi else w.IN_OTHER)
            rows.append((label, *cells))
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
                f"{w.IN_OTHER} = opgenomen in Overig; {w.NOT_SHOWN} = niet getoond, dat jaar "
                f"minder dan {self.k} nieuwe meldingen. Elk jaar is apart beschermd.",
                f"{w.IN_OTHER} = included in Other; {w.NOT_SHOWN} = not shown, fewer than "
                f"{self.k} new cases that year. Each year is protected on its own.",
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
