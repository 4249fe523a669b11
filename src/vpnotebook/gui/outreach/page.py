"""The Voorlichting screen: the VP's outreach per organisation and year, for the annual report."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QFormLayout

from ...core import taxonomy as tx
from ...core.models import OutreachActivity
from ..common.inputs import MinutesField
from ..common.labels import label
from ..common.record_form import (
    format_date,
    line_edit,
    optional_number_edit,
    text_edit,
    vocab_combo,
)
from ..common.record_page import PageTexts, RecordPage
from ..models.record_table_model import Column


class OutreachPage(RecordPage):
    ENTITY = OutreachActivity
    NOTIFY = "outreach"
    DATE_FIELD = "held_on"
    STRETCH_COLUMN = 2

    def texts(self) -> PageTexts:
        return PageTexts(
            title=self.tr("Voorlichting"),
            intro=self.tr(
                "Alles wat u doet om uw rol bekend te maken en ongewenst gedrag te voorkomen: "
                "kennismakingen met teams, presentaties, workshops, een stuk in de nieuwsbrief. "
                "Het jaarverslag telt deze activiteiten per organisatie."
            ),
            new=self.tr("&Nieuwe activiteit"),
            list_name=self.tr("Voorlichtingsactiviteiten"),
            empty=self.tr(
                "Voor deze keuze is nog geen voorlichting vastgelegd. Met ‘Nieuwe activiteit’ "
                "legt u een kennismaking, presentatie of workshop vast."
            ),
            placeholder=self.tr(
                "Kies links een activiteit om die te bekijken of aan te vullen, of begin een "
                "nieuwe."
            ),
            delete_title=self.tr("Activiteit verwijderen"),
            delete_question=self.tr("Wilt u %1 verwijderen? Dit kan niet ongedaan worden gemaakt."),
        )

    def columns(self) -> list[Column[Any]]:
        return [
            Column(
                self.tr("Datum"), lambda r: format_date(r.held_on), lambda r: r.held_on.isoformat()
            ),
            Column(self.tr("Organisatie"), lambda r: self.names.get(r.organisation_id, "")),
            Column(self.tr("Onderwerp"), lambda r: r.title),
            Column(self.tr("Soort"), lambda r: label(tx.OUTREACH_KINDS, r.kind)),
            Column(
                self.tr("Duur"),
                lambda r: (
                    self.tr("%1 min").replace("%1", str(r.duration_min))
                    if r.duration_min
                    else self.tr("nog invullen")
                ),
                lambda r: r.duration_min,
                numeric=True,
            ),
        ]

    def build_form(self, form: QFormLayout) -> None:
        bind = self.binding.bind
        self.kind_field = bind(
            "kind",
            vocab_combo(tx.OUTREACH_KINDS, self.tr("Soort activiteit"), self.tr("Kies een soort")),
        )
        self.title_field = bind("title", line_edit(self.tr("Onderwerp")))
        self.title_field.setPlaceholderText(self.tr("Bijvoorbeeld: kennismaking team Planning"))
        self.audience_field = bind("audience", line_edit(self.tr("Doelgroep")))
        self.audience_field.setPlaceholderText(self.tr("Voor wie was het?"))
        self.participants_field = bind(
            "participants", optional_number_edit(self.tr("Aantal deelnemers"), 100_000)
        )
        self.duration_field = bind(
            "duration_min",
            MinutesField(self.tr("Duur in minuten"), step=15),
        )
        self.notes_field = bind("notes", text_edit(self.tr("Notities"), lines=5))
        form.addRow(self.tr("Soort:"), self.kind_field)
        form.addRow(self.tr("Onderwerp:"), self.title_field)
        form.addRow(self.tr("Doelgroep:"), self.audience_field)
        form.addRow(self.tr("Deelnemers:"), self.participants_field)
        form.addRow(self.tr("Duur:"), self.duration_field)
        form.addRow(self.tr("Notities:"), self.notes_field)

    def blank(self, organisation_id: int | None) -> OutreachActivity:
        return OutreachActivity(organisation_id=organisation_id, held_on=date.today())

    def describe(self, record: Any) -> str:
        kind = label(tx.OUTREACH_KINDS, record.kind) if record.kind else self.tr("de activiteit")
        text = self.tr("‘%1’ van %2").replace("%1", record.title or kind)
        return text.replace("%2", format_date(record.held_on))
