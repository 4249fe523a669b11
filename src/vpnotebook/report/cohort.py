"""The tables about the cases of one year: contact type, categories, roles, relation,
departments, quarters, routes, outcomes and referrals.

All but the outcomes count the year's new cases, so they share one total (printed once
among the key figures); multi-valued tables use it as their number of cases. The outcomes
count the closed cases, and appear only when the key figures print that number: a table
whose total the report hides would give the hidden number away.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..core import taxonomy as tx
from ..core.annual import UNRECORDED, OrganisationHistory, OrganisationYear
from . import grouping as gr
from . import wording as w
from .disclosure import (
    AuditEntry,
    DisclosurePolicy,
    ProtectedTable,
    TrendTable,
    protect_departments,
    protect_quarters,
)
from .document import Block, Paragraph, Section, Table
from .flow import PublishedFlow
from .grouped import Part, protect_grouped
from .published import PublishedHistory, restore_table, table_cells
from .tables import TableRenderer


@dataclass(frozen=True)
class AuditItem:
    """One protective step, for the VP's eyes only: may hold the true small counts."""

    table: str  # the table's title in the report's language
    reason: str  # a disclosure.Reason value or one of wording's own codes
    labels: tuple[str, ...] = ()
    detail: tuple[tuple[str, int], ...] = ()
    other_label: str = ""

    def describe(self, k: int, language: str = "nl") -> str:
        sentence = w.describe_audit(
            self.reason,
            self.labels,
            dict(self.detail),
            k=k,
            other_label=self.other_label,
            language=language,
        )
        return f"{self.table}: {sentence}"


class CohortBuilder:
    """Shared state and the tables about the year's new cases; annual_report adds the rest."""

    # Set by the annual report before the cohort tables are built (outcomes need them).
    flow: PublishedFlow
    population: int

    def __init__(
        self,
        history: OrganisationHistory,
        year: int,
        policy: DisclosurePolicy,
        language: str,
        omit: frozenset[str],
        *,
        published: PublishedHistory | None = None,
        fixed: Mapping[str, Any] | None = None,
    ) -> None:
        self.history = history
        self.year = year
        self.counts: OrganisationYear = history.years[year]
        self.policy = policy
        self.k = policy.k
        self.language = language
        self.omit = omit
        self.audit: list[AuditItem] = []
        self.tables: dict[str, ProtectedTable] = {}
        self.trends: dict[str, TrendTable] = {}
        self.render = TableRenderer(policy, language)
        # The ledger: earlier issues, and for a re-issue whose change may not be shown, the
        # report year's cells as published (every table is then printed from those).
        self.published = published or PublishedHistory()
        self.fixed = fixed
        self.codes: dict[str, dict[str, str]] = {}  # table -> printed label -> stored code
        self.cells: dict[int, dict[str, Any]] = {}  # year -> cells this report prints

    def t(self, dutch: str, english: str) -> str:
        return english if self.language == "en" else dutch

    def title(self, key: str) -> str:
        return w.pick(w.TABLE_TITLES[key], self.language)

    # -- audit -------------------------------------------------------------------------------

    def note(self, title: str, reason: str, labels: tuple[str, ...] = (), **detail: int) -> None:
        self.audit.append(AuditItem(title, reason, labels, tuple(detail.items())))

    def engine_audit(self, title: str, entries: Iterable[AuditEntry], other_label: str) -> None:
        for entry in entries:
            year = entry.table.rpartition("/")[2]
            label = f"{title} ({year})" if "/" in entry.table else title
            if entry.within:
                label = f"{label}, {entry.within}"
            self.audit.append(
                AuditItem(
                    label,
                    entry.reason,
                    entry.labels,
                    entry.detail,
                    entry.other_label or other_label,
                )
            )

    # -- labels --------------------------------------------------------------------------------

    def labelled(
        self,
        counts: Mapping[str, int],
        vocabulary: tx.Vocabulary | None,
        *,
        extra: Mapping[str, str] | None = None,
        key: str = "",
    ) -> dict[str, int]:
        """Counts keyed by the printed label, every label unique and never the 'other' label."""
        reserved = {w.pick(w.OTHER, self.language), w.pick(w.OTHER_DEPARTMENTS, self.language)}
        labelled: dict[str, int] = {}
        for code, count in counts.items():
            if extra and code in extra:
                label = extra[code]
            elif vocabulary is not None:
                label = vocabulary.label(code, self.language)
            else:
                label = code
            while label in labelled or label in reserved:
                label += " *"
            labelled[label] = count
            if key:
                self.codes.setdefault(key, {})[label] = code
        return labelled

    def parts(self, key: str, counts: Mapping[str, int]) -> list[Part]:
        """The printed labels of ``counts`` (made by ``labelled``) in the families of
        report/grouping.py; a family's own labels are registered as codes for the ledger."""
        codes = self.codes.setdefault(key, {})
        label_of = {codes.get(label, label): label for label in counts}
        parts: list[Part] = []
        for family, members in gr.partition(key, list(label_of)):
            if family is None:
                parts.append(Part(label_of[members[0]], (label_of[members[0]],)))
                continue
            label = self._family_label(
                codes, counts, family.label(self.language), f"{gr.FAMILY}{family.code}"
            )
            rest = self._family_label(
                codes, counts, family.rest_label(self.language), f"{gr.REST}{family.code}"
            )
            parts.append(Part(label, tuple(label_of[m] for m in members), rest))
        return parts

    def _family_label(
        self, codes: dict[str, str], counts: Mapping[str, int], label: str, code: str
    ) -> str:
        """``label`` registered for ``code`` (a family's stored code), unique in the table,
        and the same label every time it is asked for."""
        known = next((name for name, stored in codes.items() if stored == code), None)
        if known is not None:
            return known
        while label in counts or label in codes or label == w.pick(w.OTHER, self.language):
            label += " *"
        codes[label] = code
        return label

    def protect(
        self,
        key: str,
        counts: Mapping[str, int],
        year: OrganisationYear,
        *,
        table_key: str = "",
        multi_valued: bool = False,
        units: int | None = None,
    ) -> tuple[ProtectedTable, list[AuditEntry]]:
        """One table of the year's new cases, by family where report/grouping.py has them."""
        parts = self.parts(key, counts)
        codes = self.codes.get(key, {})
        unions = {
            part.label: year.cases_with_any(key, [codes.get(m, m) for m in part.members])
            for part in parts
            if part.is_family and multi_valued
        }
        return protect_grouped(
            table_key or key,
            counts,
            parts,
            other_label=w.pick(w.OTHER, self.language),
            policy=self.policy,
            multi_valued=multi_valued,
            units=units,
            unions=unions,
        )

    # -- tables --------------------------------------------------------------------------------

    def one_way(
        self,
        key: str,
        title: str,
        counts: Mapping[str, int],
        *,
        multi_valued: bool = False,
        units: int | None = None,
        chart: bool = False,
        what: tuple[str, str] = ("meldingen", "cases"),
    ) -> list[Block]:
        if key in self.omit:
            self.note(title, w.OMITTED_BY_VP)
            return []
        other = w.pick(w.OTHER, self.language)
        self.parts(key, counts)  # the families' labels, to store a restored table by code too
        if self.fixed is not None:
            published = restore_table(
                key, key, self.fixed, language=self.language, other_label=other
            )
            if published is None:
                self.note(title, w.OMITTED_BY_VP)
                return []
            table = published
        else:
            table, audit = self.protect(
                key, counts, self.counts, multi_valued=multi_valued, units=units
            )
            self.engine_audit(title, audit, other)
        self.tables[key] = table
        self.year_cells().update(table_cells(key, table, self.codes.get(key, {})))
        return self.render.one_way(key, title, table, chart=chart, what=what)

    def year_cells(self) -> dict[str, Any]:
        return self.cells.setdefault(self.year, {})

    def cohort_tables(self) -> list[Section]:
        c = self.counts
        new = c.flow.new
        title = self.t("Over de nieuwe meldingen", "About the new cases")
        if new == 0:
            text = self.t(
                f"Er waren in {self.year} geen nieuwe meldingen, dus ook geen uitsplitsingen.",
                f"There were no new cases in {self.year}, so there are no breakdowns either.",
            )
            return [Section(title, (Paragraph(text),))]
        if new < self.k:
            self.note(title, w.COHORT_TOO_SMALL, new=new)
            text = self.t(
                f"Er waren in {self.year} minder dan {self.k} nieuwe meldingen. Om de melders "
                "te beschermen zijn die niet verder uitgesplitst.",
                f"There were fewer than {self.k} new cases in {self.year}. To protect the "
                "reporters they are not broken down any further.",
            )
            return [Section(title, (Paragraph(text),))]
        unrecorded = {UNRECORDED: w.pick(w.UNRECORDED, self.language)}
        sections = [
            Section(
                self.t(
                    "Soort contact en aard van de meldingen",
                    "Kind of contact and nature of the cases",
                ),
                (
                    *self.one_way(
                        "contact_types",
                        self.title("contact_types"),
                        self.labelled(c.contact_types, tx.CONTACT_TYPES, key="contact_types"),
                    ),
                    *self.one_way(
                        "categories",
                        self.title("categories"),
                        self.labelled(c.categories, tx.CATEGORIES, key="categories"),
                        multi_valued=True,
                        units=new,
                        chart=True,
                    ),
                ),
            ),
            Section(
                self.t("Wie meldde", "Who reported"),
                (
                    *self.reporters(),
                    *self.one_way(
                        "reporter_roles",
                        self.title("reporter_roles"),
                        self.labelled(c.reporter_roles, tx.REPORTER_ROLES, key="reporter_roles"),
                    ),
                    *self.one_way(
                        "relations",
                        self.title("relations"),
                        self.labelled(c.relations, tx.RELATIONS, extra=unrecorded, key="relations"),
                    ),
                    *self.departments(),
                    *self.quarters(),
                ),
            ),
            Section(
                self.t("Routes, uitkomsten en doorverwijzingen", "Routes, outcomes and referrals"),
                (
                    *self.one_way(
                        "routes",
                        self.title("routes"),
                        self.labelled(c.routes, tx.ROUTES, key="routes"),
                        multi_valued=True,
                        units=new,
                    ),
                    *self.outcomes(),
                    *self.one_way(
                        "referrals",
                        self.title("referrals"),
                        self.labelled(c.referrals, tx.REFERRAL_PARTIES, key="referrals"),
                        multi_valued=True,
                        units=new,
                    ),
                ),
            ),
        ]
        return sections

    def reporters(self) -> list[Block]:
        """Who came: one named reporter, one anonymous, or a group; then how many people that
        was, but only when the group row stands on its own (at least k groups, or none): with
        fewer groups, people minus cases would give their size away."""
        key = "reporter_kinds"
        c = self.counts
        blocks = self.one_way(
            key, self.title(key), self.labelled(c.reporter_kinds, tx.REPORTER_KINDS, key=key)
        )
        if not blocks:
            return blocks
        table = self.tables[key]
        group = tx.REPORTER_KINDS.label("group", self.language)
        people: int | None = None
        if self.fixed is not None:
            token = self.fixed.get(f"{key}:people", "-")
            people = token if isinstance(token, int) else None
        elif not table.dropped and any(label == group for label, _count in table.rows):
            people = c.reporters
        self.year_cells()[f"{key}:people"] = "-" if people is None else people
        if people is None:
            return blocks
        return [
            *blocks,
            Table(
                key="reporters",
                title="",
                header=("", self.t("Aantal", "Number")),
                rows=(
                    (
                        self.t(
                            "Melders bij deze meldingen (bij een groep telt iedereen mee)",
                            "Reporters behind these cases (everyone in a group counts)",
                        ),
                        str(people),
                    ),
                ),
                counts=(people,),
                first_column_share=0.7,
            ),
        ]

    def departments(self) -> list[Block]:
        title = self.title("departments")
        if "departments" in self.omit:
            self.note(title, w.OMITTED_BY_VP)
            return []
        c = self.counts
        counts = self.labelled(
            {**{name: n for name, n in c.departments.items()}, UNRECORDED: c.department_unrecorded},
            None,
            extra={UNRECORDED: w.pick(w.UNRECORDED_DEPARTMENT, self.language)},
            key="departments",
        )
        other = w.pick(w.OTHER_DEPARTMENTS, self.language)
        if self.fixed is not None:
            published = restore_table(
                "departments",
                "departments",
                self.fixed,
                language=self.language,
                other_label=other,
            )
            if published is None:
                self.note(title, w.OMITTED_BY_VP)
                return []
            table = published
        else:
            table, audit = protect_departments(
                "departments",
                counts,
                employees=c.employees,
                other_label=other,
                policy=self.policy,
            )
            self.engine_audit(title, audit, other)
        self.tables["departments"] = table
        codes = self.codes.get("departments", {})
        self.year_cells().update(table_cells("departments", table, codes))
        return self.render.departments(title, table, self.policy.min_employees_for_departments)

    def quarters(self) -> list[Block]:
        title = self.title("quarters")
        if "quarters" in self.omit:
            self.note(title, w.OMITTED_BY_VP)
            return []
        quarters: tuple[int, int, int, int] | None
        if self.fixed is not None:
            stored = self.fixed.get("quarters", "-")
            quarters = None if stored == "-" else tuple(json.loads(stored))
        else:
            quarters, audit = protect_quarters("quarters", self.counts.quarters, policy=self.policy)
            self.engine_audit(title, audit, "")
        self.year_cells()["quarters"] = "-" if quarters is None else json.dumps(list(quarters))
        return self.render.quarters(title, quarters)

    def outcomes(self) -> list[Block]:
        title = self.title("outcomes")
        if "outcomes" in self.omit:
            self.note(title, w.OMITTED_BY_VP)
            return []
        closed = self.flow.closed
        outcomes = self.history.outcomes(self.year, since=self.population)
        if closed is None:
            # Its total would print the number of closed cases, which the flow rules hid.
            self.note(title, w.OUTCOMES_WITHOUT_TOTAL, closed=sum(outcomes.values()))
            return [
                Paragraph(
                    self.t(
                        "De uitkomsten van afgesloten meldingen staan niet in dit verslag, "
                        "omdat het aantal afgesloten meldingen er niet in staat.",
                        "The outcomes of closed cases are not in this report, because the "
                        "number of closed cases is not in it.",
                    ),
                    "note",
                )
            ]
        restricted = self.population > (self.history.first_year or self.population)
        if closed == 0:
            # The flow figures may count only the cases from some year on (flow.py); a case
            # from before that year may well have been closed this year, so say which cases.
            sentence = (
                self.t(
                    f"Van de meldingen vanaf {self.population} is in {self.year} geen afgesloten.",
                    f"Of the cases from {self.population} on, none was closed in {self.year}.",
                )
                if restricted
                else self.t(
                    f"In {self.year} is geen melding afgesloten.",
                    f"No case was closed in {self.year}.",
                )
            )
            return [Paragraph(sentence, "note")]
        unrecorded = {UNRECORDED: w.pick(w.UNRECORDED, self.language)}
        blocks = self.one_way(
            "outcomes",
            title,
            self.labelled(outcomes, tx.CASE_OUTCOMES, extra=unrecorded, key="outcomes"),
        )
        if restricted and blocks:
            blocks.append(
                Paragraph(
                    self.t(
                        f"Alleen de meldingen vanaf {self.population}.",
                        f"Only the cases from {self.population} on.",
                    ),
                    "note",
                )
            )
        return blocks
