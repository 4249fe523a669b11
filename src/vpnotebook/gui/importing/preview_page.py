"""Step 4: what will be stored — per organisation and year, and the first rows as cases."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ...core import taxonomy as tx
from ...core.sheetimport import ImportPlan
from ...core.sheetimport.columns import CaseDraft
from ...core.sheetimport.plan import DEFAULT_CONTACT_TYPE, DEFAULT_ROLE
from ...core.sheetimport.writing import notes_for
from ..common.labels import label
from .file_page import ERROR_STYLE, counted, hours_text

if TYPE_CHECKING:
    from .wizard import SheetImportWizard

PREVIEW_ROWS = 25
NOTES_SHOWN = 90


class PreviewPage(QWizardPage):
    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Zo komt het in uw kluis"))
        self.setSubTitle(
            self.tr(
                "Kijk het na. Pas als u op Importeren klikt, komt alles in één keer in uw "
                "kluis; gaat er iets mis, dan komt er niets in."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Importeren"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().setVisible(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.previous = QLabel()
        self.previous.setWordWrap(True)
        self.previous.setStyleSheet(ERROR_STYLE)
        self.again = QCheckBox(
            self.tr("&Toch nog een keer importeren (alles komt er dan dubbel in)")
        )
        self.again.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.previous)
        layout.addWidget(self.again)

    def initializePage(self) -> None:
        plan = self._wizard.make_plan()
        self.summary.setText(self._summary_html(plan))
        self._fill_table(plan)
        seen = plan.previous is not None
        self.previous.setVisible(seen)
        self.again.setVisible(seen)
        self.again.setChecked(False)
        if plan.previous is not None:
            self.previous.setText(
                self.tr(
                    "Let op: dit bestand is al eens geïmporteerd (%1 meldingen). Nog een keer "
                    "importeren zet alles er dubbel in."
                ).replace("%1", str(plan.previous.cases))
            )

    def isComplete(self) -> bool:
        plan = self._wizard.plan
        return plan is not None and (plan.previous is None or self.again.isChecked())

    # -- what is shown -------------------------------------------------------------------

    def _summary_html(self, plan: ImportPlan) -> str:
        totals = plan.totals()
        parts = [
            counted(totals["conversations"], self.tr("1 gesprek"), self.tr("%1 gesprekken")),
            counted(
                totals["referrals"], self.tr("1 doorverwijzing"), self.tr("%1 doorverwijzingen")
            ),
            counted(totals["routes"], self.tr("1 route"), self.tr("%1 routes")),
        ]
        if totals["minutes"]:
            parts.append(self.tr("%1 uur").replace("%1", hours_text(totals["minutes"])))
        head = (
            self.tr("<b>%1</b> met %2; %3 afgesloten.")
            .replace("%1", counted(totals["cases"], self.tr("1 melding"), self.tr("%1 meldingen")))
            .replace("%2", ", ".join(parts))
            .replace("%3", str(totals["closed"]))
        )
        items = []
        for organisation in plan.organisations.values():
            state = self.tr("nieuw") if organisation.is_new else self.tr("bestaat al")
            years = ", ".join(
                f"{year}: "
                + counted(organisation.years[year], self.tr("1 melding"), self.tr("%1 meldingen"))
                for year in sorted(organisation.years)
            )
            line = f"<b>{html.escape(organisation.name)}</b> ({state}) — {years}"
            if organisation.new_departments:
                line += " — " + self.tr("nieuwe afdelingen: %1").replace(
                    "%1", html.escape(", ".join(organisation.new_departments))
                )
            items.append(f"<li>{line}</li>")
        defaults = plan.interpretation.defaults
        notes = []
        if defaults.get("contact_type"):
            notes.append(
                self.tr("%1 zonder soort contact krijgen '%2'.")
                .replace("%1", str(defaults["contact_type"]))
                .replace("%2", label(tx.CONTACT_TYPES, DEFAULT_CONTACT_TYPE))
            )
        if defaults.get("reporter_role"):
            notes.append(
                self.tr("%1 zonder rol van de melder krijgen '%2'.")
                .replace("%1", str(defaults["reporter_role"]))
                .replace("%2", label(tx.REPORTER_ROLES, DEFAULT_ROLE))
            )
        if defaults.get("closed_on"):
            notes.append(
                self.tr(
                    "%1 afgesloten zonder datum: als afsluitdatum geldt de datum van het eerste "
                    "contact."
                ).replace("%1", str(defaults["closed_on"]))
            )
        extra = ""
        if notes:
            extra = "<p>" + self.tr("Zelf ingevuld:") + " " + " ".join(notes) + "</p>"
        caption = self.tr("De eerste rijen zoals ze worden opgeslagen:")
        return f"<p>{head}</p><ul style='margin: 0'>{''.join(items)}</ul>{extra}<p>{caption}</p>"

    def _fill_table(self, plan: ImportPlan) -> None:
        headings = [
            self.tr("Rij"), self.tr("Eerste contact"), self.tr("Organisatie"),
            self.tr("Afdeling"), self.tr("Soort contact"), self.tr("Aard"), self.tr("Rol"),
            self.tr("Gender"), self.tr("Leeftijd"), self.tr("Melders"),
            self.tr("Gesprekken"), self.tr("Uren"),
            self.tr("Doorverwezen naar"), self.tr("Route"), self.tr("Status"),
            self.tr("Notities"),
        ]  # fmt: skip
        self.table.clear()
        self.table.setColumnCount(len(headings))
        self.table.setHorizontalHeaderLabels(headings)
        drafts = sorted(plan.cases, key=lambda draft: draft.row)[:PREVIEW_ROWS]
        self.table.setRowCount(len(drafts))
        for row, draft in enumerate(drafts):
            for column, text in enumerate(self._cells(plan, draft)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headings) - 1, QHeaderView.ResizeMode.Stretch)

    def _cells(self, plan: ImportPlan, draft: CaseDraft) -> list[str]:
        organisation = plan.organisation_of(draft)
        org = organisation.name + (" " + self.tr("(nieuw)") if organisation.is_new else "")
        if draft.closing == "closed" and draft.closed_on is not None:
            status = self.tr("Afgesloten %1").replace("%1", draft.closed_on.strftime("%d-%m-%Y"))
        else:
            status = label(
                tx.CASE_STATUSES, "aftercare" if draft.closing == "aftercare" else "open"
            )
        hours = hours_text(draft.minutes) if draft.minutes else ""
        reporters = (
            self.tr("groep van %1").replace("%1", str(draft.reporters))
            if draft.reporters > 1
            else ""
        )
        if draft.anonymous:
            reporters = (
                self.tr("anoniem")
                if not reporters
                else self.tr("anoniem, %1").replace("%1", reporters)
            )
        notes = " · ".join(notes_for(draft, plan.file_name).splitlines())
        if len(notes) > NOTES_SHOWN:
            notes = notes[: NOTES_SHOWN - 1] + "…"

        def one(vocab: tx.Vocabulary, code: str | None) -> str:
            return label(vocab, code) if code else ""

        def many(vocab: tx.Vocabulary, codes: tuple[str, ...]) -> str:
            return ", ".join(label(vocab, code) for code in codes)

        return [
            str(draft.row),
            draft.first_contact.strftime("%d-%m-%Y") if draft.first_contact else "",
            org,
            draft.department,
            one(tx.CONTACT_TYPES, draft.contact_type),
            many(tx.CATEGORIES, draft.categories),
            one(tx.REPORTER_ROLES, draft.reporter_role),
            one(tx.GENDERS, draft.gender),
            one(tx.AGE_BANDS, draft.age_band),
            reporters,
            str(draft.conversations),
            hours,
            many(tx.REFERRAL_PARTIES, draft.referrals),
            many(tx.ROUTES, draft.routes),
            status,
            notes,
        ]
