"""The annual report of one organisation for one year, as protected tables and texts.

Every count goes through the disclosure engine (disclosure.py) and follows the rules its
callers must keep: one-way tables only, each variable once per year, percentages only from
printed rows, and a last `check_published` over everything the document prints. What the
report adds is the linking between tables:

* the tables about the year's new cases share one total, printed once (cohort.py);
* carried-over, closed and open cases are linked across years and printed only for a
  population whose carried-over number is public (flow.py);
* trends protect every year on its own, exactly like the stand-alone table of that year;
* conversations and hours are not counts of people, but a small one is still printed as
  "fewer than k": in a tiny organisation it says a lot.

The result holds the document to render, the protected tables by key, and the audit for the
VP's screen (never printed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..core import taxonomy as tx
from ..core.annual import organisation_history, year_outreach, year_signals
from ..core.journal import Journal
from ..core.models import OutreachActivity, Signal
from ..core.report_texts import load_report_text
from . import wording as w
from .activities import (
    CONVERSATION_BANDS,
    Figure,
    intensity,
    opvang_is_banded,
    outreach_blocks,
    signal_blocks,
    task_minutes,
    time_table,
    trend_intensity,
)
from .cohort import AuditItem, CohortBuilder
from .disclosure import (
    DisclosurePolicy,
    ProtectedTable,
    Reason,
    TrendTable,
    check_published,
    protect_trend,
    published_numbers,
    rate_per_100,
)
from .document import Block, Chart, Document, Paragraph, Section, Table
from .flow import PublishedFlow, flow_chain

EARLIER_YEARS = 4
# Tables the VP may leave out (the audit's "decide whether this table belongs in the
# report"); leaving a table out never reveals more than printing it.
OPTIONAL_TABLES = tuple(w.TABLE_TITLES)


def optional_table_title(key: str, language: str = "nl") -> str:
    """The printed title of a table the VP may leave out, for a check box on the screen."""
    return w.pick(w.TABLE_TITLES[key], language)


@dataclass(frozen=True)
class AnnualReport:
    organisation_id: int
    organisation: str
    year: int
    policy: DisclosurePolicy
    language: str
    document: Document
    tables: Mapping[str, ProtectedTable]  # every protected table, trend years as "key/year"
    trends: Mapping[str, TrendTable]
    flow: PublishedFlow
    audit: tuple[AuditItem, ...]
    text: str  # the VP's signals and recommendations as printed

    def audit_lines(self, language: str | None = None) -> list[str]:
        """The audit as sentences, each notice once, for the VP's screen (never the PDF)."""
        lines: list[str] = []
        for item in self.audit:
            line = (
                w.describe_audit(
                    item.reason,
                    (),
                    dict(item.detail),
                    k=self.policy.k,
                    other_label="",
                    language=language or self.language,
                )
                if item.reason == Reason.THRESHOLD_LOWERED
                else item.describe(self.policy.k, language or self.language)
            )
            if line not in lines:
                lines.append(line)
        return lines

    def notices(self, language: str | None = None) -> list[str]:
        """Tables not broken down because every case shares one value: worth knowing for
        the VP, who may want to say in words what the table cannot.

        (A lowered threshold is the other warning; ``policy.threshold_lowered`` says so.)
        """
        lines: list[str] = []
        for item in self.audit:
            if item.reason in (Reason.MERGED_ALL_ALIKE, Reason.ALL_UNITS_IN_ONE_CATEGORY):
                line = item.describe(self.policy.k, language or self.language)
                if line not in lines:
                    lines.append(line)
        return lines

    def published_counts(self) -> set[int]:
        return set(self.document.printed_counts())


def _hours(minutes: int) -> int:
    return int((Decimal(minutes) / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))


class _Builder(CohortBuilder):
    signals: Sequence[Signal] = ()
    outreach: Sequence[OutreachActivity] = ()

    def figure(self, title: str, label: str, value: int | None) -> tuple[str, str, int | None]:
        """A key figure as printed: the value, 'fewer than k', or 'not shown'."""
        if value is None:
            return label, self.t("niet getoond", "not shown"), None
        if 0 < value < self.k:
            self.note(title, w.FIGURE_BELOW_THRESHOLD, (label,), value=value)
            return label, w.fewer_than(self.k, self.language), None
        return label, str(value), value

    def key_figures(self) -> list[Block]:
        c, f = self.counts, self.flow
        title = self.t("Kerncijfers", "Key figures")
        fresh = self.population == self.year and (self.history.first_year or self.year) < self.year
        closed_label = self.t("Afgesloten in het jaar", "Closed in the year")
        open_label = self.t(
            "Nog lopend aan het eind van het jaar", "Still open at the end of the year"
        )
        if fresh:
            # A population that starts this year has nothing carried over by construction;
            # printing that 0 would read as "no case ran on from last year".
            of_new = self.t(" (van de nieuwe meldingen)", " (of the new cases)")
            closed_label, open_label = closed_label + of_new, open_label + of_new
        rows = [
            self.figure(title, self.t("Nieuwe meldingen", "New cases"), c.flow.new),
            self.figure(
                title,
                self.t("Doorgelopen uit eerdere jaren", "Carried over from earlier years"),
                f.carried_over,
            ),
            self.figure(
                title,
                self.t("In behandeling (nieuw en doorgelopen)", "In hand (new and carried over)"),
                f.handled,
            ),
            self.figure(title, closed_label, f.closed),
            self.figure(title, open_label, f.open_at_end),
        ]
        conversations = intensity(
            c.conversations,
            c.intensity_cases,
            k=self.k,
            edges=CONVERSATION_BANDS,
            language=self.language,
        )
        if conversations.value is None and c.conversations:
            self.note(title, w.INTENSITY_BANDED, (), value=c.conversations, cases=c.intensity_cases)
        rows.append(
            (self.t("Gesprekken", "Conversations"), conversations.text, conversations.value)
        )
        if c.employees is not None and c.employees >= self.k:
            rows.append(
                self.figure(
                    title,
                    self.t(
                        "Medewerkers (opgave organisatie)",
                        "Employees (as stated by the organisation)",
                    ),
                    c.employees,
                )
            )
            rate = rate_per_100(c.flow.new, c.employees, self.policy)
            if rate is not None:
                rows.append(
                    (
                        self.t(
                            "Nieuwe meldingen per 100 medewerkers", "New cases per 100 employees"
                        ),
                        self.render.decimal(rate),
                        None,
                    )
                )
        return [
            Table(
                key="key_figures",
                title=title,
                header=(self.t("Kerncijfer", "Figure"), str(self.year)),
                rows=tuple((label, shown) for label, shown, _ in rows),
                counts=tuple(value for _, _, value in rows if value is not None),
                note=self.flow_note(fresh),
                first_column_share=0.7,
            )
        ]

    def flow_note(self, fresh: bool) -> str:
        first = self.history.first_year
        if first is None or self.population == first:
            return ""
        if fresh:
            return self.t(
                "Afgesloten en nog lopend gaan hier alleen over de nieuwe meldingen van dit jaar; "
                "over eerdere meldingen kan dat niet zonder een klein aantal prijs te geven "
                "(zie Verantwoording).",
                "Closed and still open refer to this year's new cases only; for earlier cases "
                "that would give a small number away (see Method).",
            )
        return self.t(
            f"Doorgelopen, afgesloten en nog lopend tellen alleen de meldingen vanaf "
            f"{self.population} (zie Verantwoording).",
            f"Carried over, closed and still open count only cases from {self.population} on "
            "(see Method).",
        )

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
        new_cases = [
            Figure(w.fewer_than(self.k, self.language), None)
            if 0 < history[y].flow.new < self.k
            else Figure(str(history[y].flow.new), history[y].flow.new)
            for y in years
        ]
        conversations, spent = trend_intensity(
            {y: history[y] for y in years}, self.k, self.language
        )
        series = (
            (self.t("Nieuwe meldingen", "New cases"), new_cases),
            (self.t("Gesprekken", "Conversations"), conversations),
            (self.t("Bestede uren", "Hours spent"), spent),
        )
        rows: list[tuple[str, ...]] = []
        counts: list[int] = []
        shown_by_row: list[list[int | None]] = []
        for label, figures in series:
            counts += [f.value for f in figures if f.value is not None]
            rows.append((label, *(f.text for f in figures)))
            shown_by_row.append([f.value for f in figures])
        bars = tuple((str(y), n) for y, n in zip(years, shown_by_row[0], strict=True))
        table = Table(
            key="trend_key_figures",
            title=self.t("Kerncijfers per jaar", "Key figures per year"),
            header=("", *(str(y) for y in years)),
            rows=tuple(rows),
            counts=tuple(counts),
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
        blocks += self.trend(
            "trend_contact_types",
            self.t("Soort contact per jaar", "Kind of contact per year"),
            {
                y: self.labelled(self.history.years[y].contact_types, tx.CONTACT_TYPES)
                for y in years
            },
        )
        blocks += self.trend(
            "trend_categories",
            self.t("Aard van de meldingen per jaar", "Nature of the cases per year"),
            {y: self.labelled(self.history.years[y].categories, tx.CATEGORIES) for y in years},
            units={y: self.history.years[y].flow.new for y in years},
        )
        return Section(title, tuple(blocks))

    def trend(
        self,
        key: str,
        title: str,
        counts_by_year: Mapping[int, Mapping[str, int]],
        *,
        units: Mapping[int, int] | None = None,
    ) -> list[Block]:
        other = w.pick(w.OTHER, self.language)
        trend, audit = protect_trend(
            key,
            counts_by_year,
            other_label=other,
            policy=self.policy,
            multi_valued=units is not None,
            units_by_year=units,
        )
        self.trends[key] = trend
        for year, table in trend.years:
            self.tables[f"{key}/{year}"] = table
        # The report year's column is the stand-alone table again (same engine, same counts):
        # its steps are already in the audit under that table's own title.
        shown = key.removeprefix("trend_") in self.tables
        current = f"{key}/{self.year}"
        self.engine_audit(title, [e for e in audit if not (shown and e.table == current)], other)
        labels = list(dict.fromkeys(label for year in counts_by_year.values() for label in year))
        return self.render.trend(key, title, trend, labels)

    # -- the whole document --------------------------------------------------------------------

    def build(self, vp_name: str, vp_role: str, text: str) -> Document:
        c = self.counts
        self.flow, self.population, steps = flow_chain(self.history, self.year, self.policy)
        flow_title = self.t("Kerncijfers", "Key figures")
        for reason, detail in steps:
            self.audit.append(AuditItem(flow_title, reason, (), detail))
        intro = self.t(
            f"Dit verslag beschrijft het werk van de vertrouwenspersoon voor {c.organisation} "
            f"in {self.year}. Het is geanonimiseerd: elk getal is zo beschermd dat het niet "
            "naar een persoon te herleiden is. Hoe dat is gedaan, staat achterin onder "
            "Verantwoording.",
            f"This report describes the work of the confidential counsellor for "
            f"{c.organisation} in {self.year}. It is anonymised: every number is protected so "
            "that it cannot be traced to a person. How, is explained at the end under Method.",
        )
        sections: list[Section] = [
            Section(self.t("Inleiding", "Introduction"), (Paragraph(intro), *self.key_figures())),
            *self.cohort_tables(),
        ]
        sections.append(
            Section(
                self.t("Voorlichting", "Outreach"),
                tuple(outreach_blocks(self.outreach, self.year, self.language)),
            )
        )
        sections.append(
            Section(
                self.t("Signalen en adviezen aan de leiding", "Signals and advice to management"),
                tuple(signal_blocks(self.signals, _paragraphs(text), self.year, self.language)),
            )
        )
        if opvang_is_banded(c, self.k):
            self.note(
                self.t("Tijd per taak", "Time per task"),
                w.INTENSITY_BANDED,
                (),
                value=_hours(task_minutes(c)["opvang"]),
                cases=c.intensity_cases,
            )
        sections.append(
            Section(
                self.t("Tijdsbesteding", "Time spent"),
                tuple(time_table(c, self.k, self.language)),
            )
        )
        trend = self.trend_section()
        if trend is not None:
            sections.append(trend)
        method = w.method_note(
            k=self.k,
            checked_text=bool(text.strip() or self.signals or self.outreach),
            lowered=self.policy.threshold_lowered,
            min_denominator=self.policy.min_denominator,
            min_employees=self.policy.min_employees_for_departments,
            language=self.language,
        )
        sections.append(
            Section(self.t("Verantwoording", "Method"), tuple(Paragraph(p) for p in method))
        )
        role = w.pick(w.VP_ROLES[vp_role], self.language) if vp_role in w.VP_ROLES else vp_role
        author = ", ".join(part for part in (vp_name, role) if part) or self.t(
            "de vertrouwenspersoon", "the confidential counsellor"
        )
        title = self.t(
            "Jaarverslag vertrouwenspersoon", "Annual report of the confidential counsellor"
        )
        return Document(
            language=self.language,
            title=title,
            cover_lines=(
                c.organisation,
                self.t(f"Verslagjaar {self.year}", f"Reporting year {self.year}"),
                self.t(f"Opgesteld door {author}", f"Prepared by {author}"),
                self.t(
                    f"Vertrouwelijk: voor de leiding van {c.organisation}.",
                    f"Confidential: for the management of {c.organisation}.",
                ),
            ),
            sections=tuple(sections),
            footer=f"{title} · {c.organisation} · {self.year}",
        )


def _paragraphs(text: str) -> list[str]:
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def build_annual_report(
    journal: Journal,
    organisation_id: int,
    year: int,
    *,
    k: int = 5,
    language: str = "nl",
    text: str | None = None,
    omit: Iterable[str] = (),
) -> AnnualReport:
    """The protected report of one organisation for one year.

    ``text`` is the VP's signals and recommendations; by default the stored one. Run
    ``core.report_texts.check_report_text`` on it before exporting. Raises ValueError for a
    threshold below 3, and ``disclosure.DisclosureError`` if a count below the threshold were
    ever about to be printed (a bug: the builder never produces one).
    """
    if language not in ("nl", "en"):
        raise ValueError(f"unknown language {language!r}")
    unknown = set(omit) - set(OPTIONAL_TABLES)
    if unknown:
        raise ValueError(f"unknown tables to leave out: {sorted(unknown)}")
    policy = DisclosurePolicy(k=k)
    from ..core.annual import first_case_year

    first = first_case_year(journal, organisation_id)
    since = min(year - EARLIER_YEARS, first if first is not None else year)
    history = organisation_history(journal, organisation_id, year, since=since)
    if text is None:
        text = load_report_text(journal, organisation_id, year)
    builder = _Builder(history, year, policy, language, frozenset(omit))
    builder.signals = year_signals(journal, organisation_id, year)
    builder.outreach = year_outreach(journal, organisation_id, year)
    document = builder.build(
        journal.setting("vp_name", "") or "", journal.setting("vp_role", "") or "", text
    )
    printed = document.printed_counts()
    for table in builder.tables.values():
        printed.extend(published_numbers(table))
    check_published(printed, policy)
    return AnnualReport(
        organisation_id=organisation_id,
        organisation=history.latest.organisation,
        year=year,
        policy=policy,
        language=language,
        document=document,
        tables=dict(builder.tables),
        trends=dict(builder.trends),
        flow=builder.flow,
        audit=tuple(builder.audit),
        text=text,
    )
