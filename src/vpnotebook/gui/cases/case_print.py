"""Print one case for the VP's own file: a PDF of everything, marked for the VP alone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ...core.journal import Journal
from ...core.models import Case
from ...report.case_summary import build_case_summary
from ...report.pdf import write_pdf
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.labels import current_language

AskPath = Callable[[QWidget, str], Path | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("CasePrint", text)


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, _tr("Overzicht opslaan"), str(Path.home() / suggested), "PDF (*.pdf)"
    )
    return Path(chosen) if chosen else None


def save_case_summary(
    parent: QWidget,
    journal: Journal,
    case: Case,
    today: date,
    ask_path: AskPath = ask_pdf_path,
) -> Path | None:
    """Ask, write the PDF where the VP says, and say where it went. None when not written."""
    assert case.id is not None
    if not dialogs.ask(
        parent,
        _tr("Dit bestand is niet versleuteld"),
        _tr(
            "Het overzicht bevat alles van deze melding, ook de naam van de melder en uw "
            "gespreksverslagen, en het bestand is niet versleuteld. Druk het af voor uw "
            "eigen dossier, bewaar het papier achter slot en verwijder het bestand daarna. "
            "Wilt u het bestand maken?"
        ),
    ):
        return None
    path = ask_path(parent, f"overzicht-melding-{case.number}.pdf")
    if path is None:
        return None
    try:
        write_pdf(build_case_summary(journal, case.id, today=today), path)
    except VaultError as error:
        dialogs.error(parent, _tr("Niet opgeslagen"), error.message(current_language()))
        return None
    dialogs.inform(parent, _tr("Opgeslagen"), _tr("Opgeslagen als %1.").replace("%1", str(path)))
    return path
