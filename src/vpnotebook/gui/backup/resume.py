"""What the program tells the VP about a restore that was interrupted and is now finished.

The vault layer finishes (or undoes) the restore when the folder is next opened
(vault/restore.py); this module only puts it in words. Kept free of heavy imports: the main
window asks at start, before its first paint, and the restore module loads only when a
restore's leftovers are actually there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...vault.errors import VaultError


def tr(text: str) -> str:
    return QCoreApplication.translate("RestoreResume", text)


def resumed_text(resumed: object) -> str | None:
    """The VP's words for `Vault.resumed_restore` (None when there was nothing to finish)."""
    from ...vault.restore import ResumedRestore

    if not isinstance(resumed, ResumedRestore):
        return None
    if not resumed.finished:
        return tr(
            "Een eerder onderbroken terugzetting kon niet worden afgemaakt. De kluis die er "
            "stond, is teruggezet zoals hij was; er is niets verloren gegaan."
        ).replace("%1", str(resumed.target))
    text = tr(
        "Het terugzetten van een reservekopie was onderbroken (bijvoorbeeld doordat de "
        "computer uitviel). Het is nu afgemaakt: in %1 staat de teruggezette kluis."
    ).replace("%1", str(resumed.target))
    if resumed.set_aside is not None:
        text += " " + tr("De kluis die er eerder stond, is bewaard in %1.").replace(
            "%1", str(resumed.set_aside)
        )
    return text


def finish_interrupted_restore(folder: Path) -> str | None:
    """Finish a restore into `folder` that was killed; the words for it, or None."""
    name = folder.name
    parent = folder.parent
    try:
        leftovers = any(parent.glob(f".{name}.herstelplan.json*")) or any(
            parent.glob(f".{name}.restoring-*")
        )
    except OSError:
        return None
    if not leftovers:
        return None
    from ...vault.restore import resume_interrupted_restore

    try:
        return resumed_text(resume_interrupted_restore(folder))
    except VaultError as error:
        from ..common.labels import current_language

        return error.message(current_language())
