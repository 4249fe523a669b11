"""The annual report of one organisation for one year, as protected tables and texts.

Every count goes through the disclosure engine (disclosure.py) and follows the rules its
callers must keep: one-way tables only, each variable once per year, percentages only from
printed rows, and a last `check_published` over everything the document prints. What the
report adds is the linking between tables:

* the tables about the year's new cases share one total, printed once (cohort.py);
* carried-over, closed and open cases are linked across years and printed only for a
  population whose carried-over number is public (flow.py);
* trends protect every year on its own, exactly like the stand-alone table of that year
  (annual_trends.py);
* conversations and hours are not counts of people, but a small one is still printed as
  "fewer than k": in a tiny organisation it says a lot.

The result holds the document to render, the protected tables by key, and the audit for the
VP's screen (never printed).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..core.annual import organisation_history, year_outreach, year_signals
from ..core.journal import Journal
from ..core.ledger import Issue, issues, latest_issue, published_records, record_issue
from ..core.models import OutreachActivity, Signal
from ..core.profile import VpProfile, vp_profile
from ..core.report_texts import load_report_text
from . import wording as w
from .activities import (
    CONVERSATION_BANDS,
    figure_from_token,
    intensity,
    opvang_is_banded,
    outreach_blocks,
    signal_blocks,
    task_minutes,
    time_cells,
    time_table,
    trend_intensity,
)
from .annual_trends import EARLIER_YEARS, TrendBuilder, token
from .cohort import AuditItem
from .disclosure import (
    DisclosurePolicy,
    ProtectedTable,
    Reason,
    TrendTable,
    check_published,
    published_numbers,
    rate_per_100,
)
from .document import Block, Document, Paragraph, Section, Table
from .flow import PublishedFlow, flow_chain
from .published import PublishedHistory

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
    # For the ledger: the cells printed per year, the hash of the content (the document
    # without its version line) and the version this report is or would become.
    figures: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)
    content_sha256: str = ""
    version: int = 1

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


class _Builder(TrendBuilder):
    signals: Sequence[Signal] = ()
    outreach: Sequence[OutreachActivity] = ()
    version_note: str = ""
    document: Document

    def figure(self, title: str, label: str, value: int | None) -> tuple[str, str, int | None]:
        """A key figure as printed: the value, 'fewer than k', or 'not shown'."""
        if value is None:
            return label, self.t("niet getoond", "not shown"), None
        if 0 < value < self.k:
            self.note(title, w.FIGURE_BELOW_THRESHOLD, (label,), value=value)
            return label, w.fewer_than(self.k, self.language), None
        return label, str(value), value

    def _flow_value(self, name: str, value: int | None) -> int | None:
        """The flow figure to print: computed, or as published when the year is fixed."""
        if self.fixed is None:
            return value
        token = self.fixed.get(f"key:{name}", "-")
        return token if isinstance(token, int) else None

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
        values = {
            "new": self._flow_value("new", c.flow.new),
            "carried_over": self._flow_value("carried_over", f.carried_over),
            "handled": self._flow_value("handled", f.handled),
            "closed": self._flow_value("closed", f.closed),
            "open_at_end": self._flow_value("open_at_end", f.open_at_end),
        }
        labels = {
            "new": self.t("Nieuwe meldingen", "New cases"),
            "carried_over": self.t(
                "Doorgelopen uit eerdere jaren", "Carried over from earlier years"
            ),
            "handled": self.t(
                "In behandeling (nieuw en doorgelopen)", "In hand (new and carried over)"
            ),
            "closed": closed_label,
            "open_at_end": open_label,
        }
        rows = [self.figure(title, labels[name], value) for name, value in values.items()]
        cells = self.cells.setdefault(self.year, {})
        for name, value in values.items():
            cells[f"key:{name}"] = token(value, self.k)
        cells["key:population"] = self.population
        if self.fixed is not None:
            conversations = figure_from_token(
                self.fixed.get("key:conversations", "-"),
                k=self.k,
                edges=CONVERSATION_BANDS,
                language=self.language,
            )
        else:
            conversations = intensity(
                c.conversations,
                c.intensity_cases,
                k=self.k,
                edges=CONVERSATION_BANDS,
                language=self.language,
            )
            if conversations.value is None and c.conversations:
                self.note(
                    title, w.INTENSITY_BANDED, (), value=c.conversations, cases=c.intensity_cases
                )
        cells["key:conversations"] = conversations.token
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

    # -- the whole document --------------------------------------------------------------------

    def build(self, vp_name: str, vp_role: str, text: str) -> Document:
        c = self.counts
        anchors = {
            y: self.published.cells(y)
            for y in range(self.history.first_year or self.year, self.year)
            if self.published.published(y)
        }
        self.flow, self.population, steps = flow_chain(
            self.history, self.year, self.policy, published=anchors
        )
        if self.fixed is not None:
            fixed = self.fixed

            def value(name: str) -> int | None:
                token = fixed.get(f"key:{name}", "-")
                return token if isinstance(token, int) else None

            self.flow = PublishedFlow(
                value("new"),
                value("carried_over"),
                value("handled"),
                value("closed"),
                value("open_at_end"),
            )
            self.population = int(fixed.get("key:population", self.population))
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
        version: list[Block] = [Paragraph(self.version_note, "note")] if self.version_note else []
        sections: list[Section] = [
            Section(
                self.t("Inleiding", "Introduction"),
                (Paragraph(intro), *version, *self.key_figures()),
            ),
            *self.cohort_tables(),
        ]
        sections.append(
            Section(
                self.t("Voorlichting", "Outreach"),
                tuple(
                    block
                    for block in outreach_blocks(self.outreach, self.year, self.language)
                    # The VP may leave the list out; the sentence that sums it up stays.
                    if not (isinstance(block, Table) and "outreach" in self.omit)
                ),
            )
        )
        sections.append(
            Section(
                self.t("Signalen en adviezen aan de leiding", "Signals and advice to management"),
                tuple(signal_blocks(self.signals, _paragraphs(text), self.year, self.language)),
            )
        )
        if self.fixed is None and opvang_is_banded(c, self.k):
            self.note(
                self.t("Tijd per taak", "Time per task"),
                w.INTENSITY_BANDED,
                (),
                value=_hours(task_minutes(c)["opvang"]),
                cases=c.intensity_cases,
            )
        # The year's hours as a later report's trend will show them, trend or no trend now.
        _, spent = trend_intensity({self.year: c}, self.k, self.language)
        hours_token = spent[0].token if self.fixed is None else self.fixed.get("key:hours", "-")
        self.year_cells()["key:hours"] = hours_token
        cells = time_cells(c, self.k) if self.fixed is None else dict(self.fixed)
        time = {key: value for key, value in cells.items() if key.startswith("time:")}
        self.year_cells().update(time)
        sections.append(
            Section(
                self.t("Tijdsbesteding", "Time spent"),
                tuple(time_table(time, self.k, self.language)),
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
        author = VpProfile(vp_name, vp_role).signature(self.language)
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
    ``core.report_texts.check_report_sources`` on it before exporting. Earlier years come from
    the ledger of published reports where they were published (report/published.py); a year
    that was itself published before is a new version, checked against the earlier ones.
    Raises ValueError for a threshold below 3, and ``disclosure.DisclosureError`` if a count
    below the threshold were ever about to be printed (a bug: the builder never produces one).
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
    published = PublishedHistory(published_records(journal, organisation_id))
    signals = year_signals(journal, organisation_id, year)
    outreach = year_outreach(journal, organisation_id, year)
    profile = vp_profile(journal)
    vp_name, vp_role = profile.name, profile.role

    def make(fixed: Mapping[str, Any] | None, note: str) -> _Builder:
        builder = _Builder(
            history, year, policy, language, frozenset(omit), published=published, fixed=fixed
        )
        builder.signals, builder.outreach, builder.version_note = signals, outreach, note
        builder.document = builder.build(vp_name, vp_role, text or "")
        return builder

    builder = make(None, "")
    changes: tuple[str, ...] = ()
    if published.published(year):
        revision = published.revision(year, builder.cells[year], policy.k)
        if revision.allowed:
            changes = revision.changes
        else:
            builder = make(published.cells(year), "")
            builder.note(builder.t("Kerncijfers", "Key figures"), w.REISSUE_AS_PUBLISHED)
    content = hashlib.sha256(repr(builder.document).encode("utf-8")).hexdigest()
    latest = latest_issue(journal, organisation_id, year)
    if latest is not None:
        same = latest.content_sha256 == content
        version = latest.version if same else latest.version + 1
        previous = next(
            (
                i
                for i in reversed(issues(journal, organisation_id))
                if i.year == year and i.version == version - 1
            ),
            None,
        )
        if version > 1 and previous is not None:
            old_fixed, old_note = (
                builder.fixed,
                builder.version_note_for(
                    version,
                    previous.issued_on,
                    changes,
                    dict(builder.cells[year]),
                    published.cells(year),
                ),
            )
            builder = make(old_fixed, old_note)
            if old_fixed is not None:
                builder.note(builder.t("Kerncijfers", "Key figures"), w.REISSUE_AS_PUBLISHED)
        version_number = version
    else:
        version_number = 1
    document = builder.document
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
        figures={y: dict(cells) for y, cells in builder.cells.items()},
        content_sha256=content,
        version=version_number,
    )


def issue_report(
    journal: Journal, report: AnnualReport, pdf: bytes, *, how: str, today: date
) -> Issue:
    """Record in the ledger that ``report`` was exported or printed as ``pdf``; a report that
    equals the latest version of its year records nothing new."""
    issue, _ = record_issue(
        journal,
        report.organisation_id,
        report.year,
        issued_on=today,
        how=how,
        language=report.language,
        k=report.policy.k,
        content_sha256=report.content_sha256,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        figures=report.figures,
    )
    return issue
