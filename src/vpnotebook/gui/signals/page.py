"""The Signalen en advies screen: what the VP tells management, always anonymised."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout

from ...core import taxonomy as tx
from ...core.models import Signal
from ..common.labels import label
from ..common.record_form import Banner, format_date, line_edit, text_edit, vocab_combo
from ..common.record_page import PageTexts, RecordPage
from ..models.record_table_model import Column


class SignalsPage(RecordPage):
    ENTITY = Signal
    NOTIFY = "signals"
    DATE_FIELD = "given_on"
    STRETCH_COLUMN = 2

    def texts(self) -> PageTexts:
        return PageTexts(
            title=self.tr("Signalen en advies"),
            intro=self.tr(
                "Patronen die u ziet en adviezen die u de leiding geeft, gevraagd of "
                "ongevraagd. Ze komen in het jaarverslag van de organisatie."
            ),
            new=self.tr("&Nieuw signaal of advies"),
            list_name=self.tr("Signalen en adviezen"),
            empty=self.tr(
                "Voor deze keuze zijn nog geen signalen of adviezen vastgelegd. Met ‘Nieuw "
                "signaal of advies’ legt u vast wat u de leiding meegeeft."
            ),
            placeholder=self.tr(
                "Kies links een signaal of advies om het te bekijken of aan te vullen, of begin "
                "een nieuw."
            ),
            delete_title=self.tr("Signaal of advies verwijderen"),
            delete_question=self.tr("Wilt u %1 verwijderen? Dit kan niet ongedaan worden gemaakt."),
        )

    def columns(self) -> list[Column[Any]]:
        return [
            Column(
                self.tr("Datum"),
                lambda r: format_date(r.given_on),
                lambda r: r.given_on.isoformat(),
            ),
            Column(self.tr("Organisatie"), lambda r: self.names.get(r.organisation_id, "")),
            Column(self.tr("Onderwerp"), lambda r: r.subject),
            Column(self.tr("Soort"), lambda r: label(tx.SIGNAL_KINDS, r.kind)),
            Column(
                self.tr("Gevraagd"),
                lambda r: self.tr("gevraagd") if r.asked else self.tr("ongevraagd"),
            ),
        ]

    def build_form(self, form: QFormLayout) -> None:
        bind = self.binding.bind
        self.kind_field = bind(
            "kind", vocab_combo(tx.SIGNAL_KINDS, self.tr("Signaal of advies"), self.tr("Kies"))
        )
        self.asked_field = bind("asked", QCheckBox(self.tr("De leiding heeft er zelf om gevraagd")))
        self.asked_field.setAccessibleName(self.tr("Gevraagd advies"))
        self.subject_field = bind("subject", line_edit(self.tr("Onderwerp")))
        self.subject_field.setPlaceholderText(self.tr("Bijvoorbeeld: werkdruk en omgangstoon"))
        self.text_field = bind("text", text_edit(self.tr("Tekst van het signaal of advies"), 8))
        self.anonymity_hint = Banner(
            "hint",
            self.tr(
                "Schrijf geanonimiseerd: geen namen, functies of details waaraan iemand te "
                "herkennen is. Wat hier staat, kan in het jaarverslag terechtkomen."
            ),
        )
        form.addRow(self.tr("Soort:"), self.kind_field)
        form.addRow(self.tr("Gevraagd:"), self.asked_field)
        form.addRow(self.tr("Onderwerp:"), self.subject_field)
        form.addRow(self.anonymity_hint)
        form.addRow(self.tr("Tekst:"), self.text_field)

    def blank(self, organisation_id: int | None) -> Signal:
        return Signal(organisation_id=organisation_id, given_on=date.today())

    def describe(self, record: Any) -> str:
        kind = label(tx.SIGNAL_KINDS, record.kind) if record.kind else self.tr("Signaal")
        text = self.tr("het %1 ‘%2’ van %3").replace("%1", kind.lower())
        text = text.replace("%2", record.subject or "…")
        return text.replace("%3", format_date(record.given_on))
