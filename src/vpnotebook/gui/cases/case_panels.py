"""The record panels of an open case (routes, referrals, follow-ups, time), as CaseView builds
them: which fields each form shows, how a new one starts, and what undo calls it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject

from ...core import taxonomy as tx
from ...core.journal import Journal
from ...core.models import Case, FollowUp, Referral, Route, TimeEntry
from ..common.labels import label
from ..session import Session
from .records import FieldSpec, RecordPanel


class CasePanels(QObject):
    """Builds the four panels for a CaseView; `case()` says which case is open."""

    def __init__(self, session: Session, case: Callable[[], Case | None], parent: QObject) -> None:
        super().__init__(parent)
        self._session = session
        self._case = case
        self.routes = self._routes_panel()
        self.referrals = self._referrals_panel()
        self.follow_ups = self._follow_ups_panel()
        self.time_entries = self._time_panel()

    def _case_id_or_none(self) -> int | None:
        case = self._case()
        return case.id if case is not None else None

    def _organisation_or_none(self) -> int | None:
        case = self._case()
        return case.organisation_id if case is not None else None

    def _of_case(self, entity: type) -> Any:
        def query(journal: Journal) -> list[Any]:
            case_id = self._case_id_or_none()
            return [] if case_id is None else journal.records_of_case(entity, case_id)

        return query

    def _routes_panel(self) -> RecordPanel:
        return RecordPanel(
            self._session,
            Route,
            [
                FieldSpec("route", self.tr("&Route"), self.tr("Route")),
                FieldSpec("started_on", self.tr("Gestart o&p"), self.tr("Gestart")),
                FieldSpec("outcome", self.tr("&Uitkomst"), self.tr("Uitkomst")),
                FieldSpec("note", self.tr("&Toelichting"), self.tr("Toelichting")),
            ],
            query=self._of_case(Route),
            new_record=lambda: Route(case_id=self._case_id_or_none(), started_on=date.today()),
            add_text=self.tr("Route toevoegen"),
            empty_text=self.tr("Nog geen route gekozen."),
            describe=lambda r: self.tr("de route ‘%1’").replace(
                "%1", label(tx.ROUTES, r.route) if r.route else "…"
            ),
        )

    def _referrals_panel(self) -> RecordPanel:
        return RecordPanel(
            self._session,
            Referral,
            [
                FieldSpec("party", self.tr("&Verwezen naar"), self.tr("Verwezen naar")),
                FieldSpec("referred_on", self.tr("Datu&m"), self.tr("Datum")),
                FieldSpec("note", self.tr("Toe&lichting"), self.tr("Toelichting")),
            ],
            query=self._of_case(Referral),
            new_record=lambda: Referral(case_id=self._case_id_or_none(), referred_on=date.today()),
            add_text=self.tr("Verwijzing toevoegen"),
            empty_text=self.tr("Nog niet doorverwezen."),
            describe=lambda r: self.tr("de verwijzing naar %1").replace(
                "%1", label(tx.REFERRAL_PARTIES, r.party) if r.party else "…"
            ),
        )

    def _follow_ups_panel(self) -> RecordPanel:
        def new() -> FollowUp:
            organisation = self._organisation_or_none()
            return FollowUp(
                organisation_id=organisation,
                case_id=self._case_id_or_none(),
                kind="aftercare",
                due_on=date.today(),
            )

        return RecordPanel(
            self._session,
            FollowUp,
            [
                FieldSpec("kind", self.tr("&Soort"), self.tr("Soort")),
                FieldSpec("due_on", self.tr("&Datum"), self.tr("Datum")),
                FieldSpec("due_time", self.tr("T&ijd"), self.tr("Tijd")),
                FieldSpec("note", self.tr("N&otitie"), self.tr("Notitie")),
                FieldSpec("done_on", self.tr("Afgerond o&p"), self.tr("Afgerond op")),
            ],
            query=self._of_case(FollowUp),
            new_record=new,
            add_text=self.tr("Afspraak toevoegen"),
            empty_text=self.tr("Nog geen nazorg of afspraken gepland voor deze melding."),
            describe=lambda f: self.tr("de afspraak van %1").replace(
                "%1", f.due_on.strftime("%d-%m-%Y") if f.due_on else "…"
            ),
            form_beside=True,
        )

    def _time_panel(self) -> RecordPanel:
        def new() -> TimeEntry:
            organisation = self._organisation_or_none()
            return TimeEntry(
                organisation_id=organisation,
                case_id=self._case_id_or_none(),
                spent_on=date.today(),
                activity="case_work",
            )

        return RecordPanel(
            self._session,
            TimeEntry,
            [
                FieldSpec("spent_on", self.tr("&Datum"), self.tr("Datum")),
                FieldSpec("minutes", self.tr("&Minuten"), self.tr("Minuten"), self.tr(" min")),
                FieldSpec("activity", self.tr("&Activiteit"), self.tr("Activiteit")),
                FieldSpec("note", self.tr("N&otitie"), self.tr("Notitie")),
            ],
            query=self._of_case(TimeEntry),
            new_record=new,
            add_text=self.tr("Tijd toevoegen"),
            empty_text=self.tr(
                "Nog geen losse tijd geschreven. De duur van gesprekken telt vanzelf mee."
            ),
            describe=lambda t: self.tr("de tijd van %1").replace(
                "%1", t.spent_on.strftime("%d-%m-%Y") if t.spent_on else "…"
            ),
            form_beside=True,
        )
