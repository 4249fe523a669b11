"""The annual report's trends over the years, and what changed since a year was published.

Each earlier year is protected on its own, exactly like the stand-alone table of that year;
a year already published is shown as published (a revision only where the ledger allows
it, and then said in a note). annual_report.py builds the rest of the document on top.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..core import taxonomy as tx
from . import grouping as gr
from . import wording as w
from .activities import CONVERSATION_BANDS, HOUR_BANDS, figure_from_token, trend_intensity
from .cohort import CohortBuilder
from .disclosure import AuditEntry, ProtectedTable, Reason, TrendTable
from .document import Block, Chart, Paragraph, Section, Table
from .published import label_for, restore_table, table_cells

# How many years before the report's own a trend goes back.
EARLIER_YEARS = 4


def token(value: int | None, k: int) -> int | str:
    """A figure as the ledger stores it: the number, "lt" for fewer than k, "-" for none."""
    if value is None:
        return "-"
    return "lt" if 0 < value < k else value


class TrendBuilder(CohortBuilder):
    """The trend section and the notes about versions and revisions."""

    def trend_section(self) -> Section | None:
        first = self.history.first_year
        title = self.t("Ontwikkeling door de jaren", "Trends over the years")
        if first is None or first >= self.year:
            return Section(
                title,
                (
                    Paragraph(
                        self.t(
                            "Er zijn nog geen eerdere jaren om mee te vergelijken.",
                            "There are no earlier years to compare with yet.",
                        )
                    ),
                ),
            )
        years = list(range(max(first, self.year - EARLIER_YEARS), self.year + 1))
        history = self.history.years
        new_cases = {y: token(history[y].flow.new, self.k) for y in years}
        conversations, spent = trend_intensity(
            {y: history[y] for y in years}, self.k, self.language
        )
        other = w.pick(w.OTHER, self.language)
        recomputed: dict[str, dict[int, ProtectedTable]] = {}
        for key, vocabulary, units in (
            ("contact_types", tx.CONTACT_TYPES, None),
            ("categories", tx.CATEGORIES, {y: history[y].flow.new for y in years}),
        ):
            # Each year exactly as the table of that year (families included), on its own.
            audit: list[AuditEntry] = []
            recomputed[key] = {}
            for y in years:
                year_counts = self.labelled(getattr(history[y], key), vocabulary, key=key)
                recomputed[key][y], year_audit = self.protect(
                    key,
                    year_counts,
                    history[y],
                    table_key=f"trend_{key}/{y}",
                    multi_valued=units is not None,
                    units=None if units is None else units[y],
                )
                audit += year_audit
            shown = key in self.tables
            this_year = f"trend_{key}/{self.year}"
            engine = [e for e in audit if not (shown and e.table == this_year)]
            engine = [e for e in engine if not self.published.published(int(e.table[-4:]))]
            self.engine_audit(self.trend_title(key), engine, other)
        shown_cells: dict[int, dict[str, Any]] = {}
        revised: list[tuple[int, str, int, int]] = []
        for index, y in enumerate(years):
            now: dict[str, Any] = {
                "key:new": new_cases[y],
                "key:conversations": conversations[index].token,
                "key:hours": spent[index].token,
            }
            for key in recomputed:
                now.update(table_cells(key, recomputed[key][y], self.codes.get(key, {})))
            if y == self.year:
                this_years = self.cells.setdefault(y, {})
                shown_cells[y] = {**now, **{k: v for k, v in this_years.items() if k in now}}
                if self.fixed is not None:
                    shown_cells[y].update({k: v for k, v in self.fixed.items() if k in now})
                this_years.update(shown_cells[y])
                continue
            if not self.published.published(y):
                shown_cells[y] = now
                self.cells[y] = dict(now)
                continue
            published = self.published.cells(y)
            shown_cells[y] = {
                k: v
                for k, v in published.items()
                if k in now or k.split(":")[0] in ("contact_types", "categories")
            }
            self.cells[y] = dict(shown_cells[y])
            revision = self.published.revision(y, now, self.k)
            if not revision.allowed:
                if any(now.get(k) != published.get(k) for k in now):
                    self.note(
                        self.t("Ontwikkeling door de jaren", "Trends over the years"),
                        w.KEPT_AS_PUBLISHED,
                        (),
                        year=y,
                    )
                continue
            for cell in revision.changes:
                revised.append((y, cell, int(now[cell]), int(published[cell])))
                self.cells[y][f"bijgesteld:{cell}"] = now[cell]
        rows: list[tuple[str, ...]] = []
        printed: list[int] = []
        figures_by_row = []
        for label, cell, edges in (
            (self.t("Nieuwe meldingen", "New cases"), "key:new", None),
            (self.t("Gesprekken", "Conversations"), "key:conversations", CONVERSATION_BANDS),
            (self.t("Bestede uren", "Hours spent"), "key:hours", HOUR_BANDS),
        ):
            figures = [
                figure_from_token(
                    shown_cells[y].get(cell, "-"),
                    k=self.k,
                    edges=edges or (self.k,),
                    language=self.language,
                )
                for y in years
            ]
            printed += [f.value for f in figures if f.value is not None]
            rows.append((label, *(f.text for f in figures)))
            figures_by_row.append(figures)
        bars = tuple((str(y), f.value) for y, f in zip(years, figures_by_row[0], strict=True))
        table = Table(
            key="trend_key_figures",
            title=self.t("Kerncijfers per jaar", "Key figures per year"),
            header=("", *(str(y) for y in years)),
            rows=tuple(rows),
            counts=tuple(printed),
            note=self.t(
                f"Gesprekken en uren van een jaar met minder dan {self.k} meldingen staan in "
                f"een ruime bandbreedte; de uren van zo'n jaar staan er niet ({w.NOT_SHOWN}).",
                f"Conversations and hours of a year with fewer than {self.k} cases are given as "
                f"a broad range; the hours of such a year are not shown ({w.NOT_SHOWN}).",
            ),
            chart=Chart(
                self.t("Nieuwe meldingen per jaar", "New cases per year"),
                bars,
                w.fewer_than(self.k, self.language),
            ),
            first_column_share=0.4,
        )
        blocks: list[Block] = [table]
        for key in recomputed:
            by_year = {}
            for y in years:
                restored = restore_table(
                    key,
                    f"trend_{key}/{y}",
                    shown_cells[y],
                    language=self.language,
                    other_label=other,
                )
                by_year[y] = restored or ProtectedTable(
                    key=f"trend_{key}/{y}",
                    rows=(),
                    total=None,
                    multi_valued=key == "categories",
                    dropped=True,
                    drop_reason=Reason.DROPPED_CANNOT_PROTECT,
                )
                self.tables[f"trend_{key}/{y}"] = by_year[y]
            trend_table = TrendTable(key=f"trend_{key}", years=tuple(by_year.items()))
            self.trends[f"trend_{key}"] = trend_table
            labels, optional = self.trend_labels(key)
            blocks += self.render.trend(
                f"trend_{key}", self.trend_title(key), trend_table, labels, optional
            )
        if revised:
            blocks.append(Paragraph(self.revised_note(revised), "note"))
        if any(self.published.published(y) for y in years if y < self.year):
            blocks.append(
                Paragraph(
                    self.t(
                        "Eerdere jaren staan hier zoals ze eerder zijn gepubliceerd.",
                        "Earlier years are shown here as they were published before.",
                    ),
                    "note",
                )
            )
        return Section(title, tuple(blocks))

    def version_note_for(
        self,
        version: int,
        previous_on: date,
        changes: tuple[str, ...],
        now: Mapping[str, Any],
        published: Mapping[str, Any],
    ) -> str:
        when = previous_on.strftime("%d-%m-%Y")
        note = self.t(
            f"Dit is versie {version} van het jaarverslag over {self.year}. Het vervangt "
            f"versie {version - 1} van {when}.",
            f"This is version {version} of the annual report on {self.year}. It replaces "
            f"version {version - 1} of {when}.",
        )
        if changes:
            parts = "; ".join(
                self.t(
                    f"{self.cell_label(c)}: {now[c]} (was {published[c]})",
                    f"{self.cell_label(c)}: {now[c]} (was {published[c]})",
                )
                for c in changes
            )
            note += " " + self.t(f"Bijgesteld: {parts}.", f"Revised: {parts}.")
        return note

    def trend_labels(self, key: str) -> tuple[list[str], frozenset[str]]:
        """The rows a trend may have, in printing order: every category, and each family's
        own rows (shown only where a year printed them)."""
        vocabulary = tx.CONTACT_TYPES if key == "contact_types" else tx.CATEGORIES
        other = w.pick(w.OTHER, self.language)
        labels: list[str] = []
        optional: set[str] = set()
        for family, members in gr.partition(key, list(vocabulary.codes)):
            if family is not None:
                own = [f"{gr.FAMILY}{family.code}"]
                rest = [] if key == "categories" else [f"{gr.REST}{family.code}"]
                names = [label_for(key, code, self.language, other) for code in own + rest]
                optional.update(names)
                labels.append(names[0])
                labels += [label_for(key, m, self.language, other) for m in members]
                labels += names[1:]
            else:
                labels.append(label_for(key, members[0], self.language, other))
        return labels, frozenset(optional)

    def trend_title(self, key: str) -> str:
        if key == "contact_types":
            return self.t("Soort contact per jaar", "Kind of contact per year")
        return self.t("Aard van de meldingen per jaar", "Nature of the cases per year")

    def cell_label(self, cell: str) -> str:
        names = {
            "key:new": self.t("nieuwe meldingen", "new cases"),
            "key:conversations": self.t("gesprekken", "conversations"),
            "key:hours": self.t("bestede uren", "hours spent"),
            "key:carried_over": self.t("doorgelopen meldingen", "cases carried over"),
            "key:handled": self.t("meldingen in behandeling", "cases in hand"),
            "key:closed": self.t("afgesloten meldingen", "closed cases"),
            "key:open_at_end": self.t("nog lopende meldingen", "cases still open"),
        }
        if cell in names:
            return names[cell]
        table, _, rest = cell.partition(":")
        title = (
            self.title(table)
            if table in w.TABLE_TITLES
            else self.t("tijd", "time")
            if table == "time"
            else table
        )
        if rest.startswith("row:"):
            code = rest[4:]
            return (
                f"{title}, {label_for(table, code, self.language, w.pick(w.OTHER, self.language))}"
            )
        part = {"total": w.TOTAL, "units": ("aantal meldingen", "number of cases")}.get(rest)
        return f"{title}, {w.pick(part, self.language)}" if part else f"{title}, {rest}"

    def revised_note(self, revised: list[tuple[int, str, int, int]]) -> str:
        parts = [
            self.t(
                f"{year}, {self.cell_label(cell)}: nu {new} (gepubliceerd: {old})",
                f"{year}, {self.cell_label(cell)}: now {new} (published: {old})",
            )
            for year, cell, new, old in revised
        ]
        return (
            self.t(
                "Bijgesteld sinds het eerdere verslag, doordat meldingen later zijn vastgelegd of "
                "aangepast: ",
                "Revised since the earlier report, because cases were recorded or changed later: ",
            )
            + "; ".join(parts)
            + "."
        )
