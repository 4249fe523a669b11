"""Writing a hand-over: the chosen cases into a new, separate vault for a colleague.

The hand-over vault is an ordinary vault (docs/security.md), with a data key of its own, its
own passphrase (held to the one passphrase policy, and never the source vault's) and its own
recovery code, which the caller has already shown the VP. It holds the cases with everything
recorded about them, their links among themselves, and what they need: their organisations
with every department and referral contact. Nothing else of the source vault goes along —
no other case, no outreach or signals, no report texts, no settings beyond who handed over.

The records travel through the export format's checks (core/exchange) in memory, never as a
file: the new vault is made in a hidden folder beside the target, filled in one transaction,
counted, closed, and only then renamed to the target name. Then the source vault records the
hand-over in its log and, if the VP chose so, destroys the cases there through the ordinary
destruction path (one destruction-log line each). Killed before the rename, the source is as
it was and only a hidden folder is left (removed by the next hand-over to that name).
"""

from __future__ import annotations

import contextlib
import glob
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ...vault.errors import StorageError, WrongSecretError
from ...vault.fsutil import fsync_dir
from ...vault.kdf import Argon2Params
from ...vault.paths import is_vault
from ...vault.vault import Vault
from ..destruction import RULE_HANDED_OVER, destroy_case
from ..exchange import FORMAT_NAME, FORMAT_VERSION, import_journal, iter_records
from ..exchange.tables import RECORD_TABLES
from ..journal import Journal
from ..models import SHORT
from ..passphrase_policy import assess, personal_context
from .errors import HandoverError
from .log import mark_destroyed, record_handover
from .selection import Selection, require_consent

# Settings of the hand-over vault that say where it came from; the merge reads them.
FROM_SETTING = "handover.from"
ON_SETTING = "handover.on"
TO_SETTING = "handover.to"
STAGING = ".{name}.overdracht-"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class HandoverResult:
    folder: Path
    numbers: tuple[str, ...]
    counts: dict[str, int]  # records per table in the hand-over vault
    destroyed: int  # cases destroyed in the source afterwards


def check_recipient(recipient: str) -> str:
    name = " ".join(recipient.split())
    if not name:
        raise HandoverError(
            "Vul de naam in van de collega aan wie u de meldingen overdraagt.",
            "Fill in the name of the colleague you hand the cases over to.",
        )
    if len(name) > SHORT:
        raise HandoverError(
            f"De naam van de collega is langer dan {SHORT} tekens.",
            f"The colleague's name is longer than {SHORT} characters.",
        )
    return name


def check_passphrase(journal: Journal, passphrase: str, recipient: str) -> None:
    """The one passphrase policy, with what the vault knows of the VP and the colleague's name
    as easy-to-guess words."""
    verdict = assess(passphrase, [*personal_context(journal), recipient])
    if not verdict.acceptable:
        raise HandoverError(verdict.explain("nl"), verdict.explain("en"))


def check_not_own_secret(source: Vault, passphrase: str) -> None:
    """The colleague must not learn the VP's own passphrase: refuse it for the hand-over."""
    try:
        source.verify_secret(passphrase=passphrase)
    except WrongSecretError:
        return
    raise HandoverError(
        "Dit is het wachtwoord van uw eigen kluis. Kies voor de overdracht een ander "
        "wachtwoord: uw collega krijgt het te weten.",
        "This is your own vault's passphrase. Choose another one for the hand-over: your "
        "colleague will know it.",
    )


def check_target(folder: Path, source: Vault) -> None:
    """A new folder, or an empty one; never the source vault or a folder inside it."""
    folder = Path(folder)
    resolved = folder.resolve()
    own = source.folder.resolve()
    if resolved == own or own in resolved.parents:
        raise HandoverError(
            "Kies voor de overdracht een map buiten uw eigen kluis.",
            "Choose a folder outside your own vault for the hand-over.",
        )
    if is_vault(folder) or (folder.exists() and (not folder.is_dir() or any(folder.iterdir()))):
        raise HandoverError(
            f"De map {folder} bestaat al en is niet leeg. Kies een nieuwe map; er wordt nooit "
            "iets overschreven.",
            f"The folder {folder} exists and is not empty. Choose a new folder; nothing is "
            "ever overwritten.",
        )
    if not folder.parent.is_dir():
        raise HandoverError(
            f"De map {folder.parent} bestaat niet.", f"The folder {folder.parent} does not exist."
        )


def handover_document(
    journal: Journal, selection: Selection, *, recipient: str, today: date
) -> dict[str, Any]:
    """The export document (docs/formats/export.md) of just these cases and what they need."""
    cases = set(selection.ids)
    organisations = set(selection.organisation_ids)

    def wanted(table: str, row: dict[str, Any]) -> bool:
        if table == "organisations":
            return row["id"] in organisations
        if table in ("departments", "referral_contacts"):
            return row["organisation_id"] in organisations
        if table == "cases":
            return row["id"] in cases
        if table == "case_links":
            return row["case_id"] in cases and row["linked_case_id"] in cases
        if table in (
            "reporters",
            "conversations",
            "routes",
            "referrals",
            "follow_ups",
            "time_entries",
            "retention_extensions",
        ):
            return row["case_id"] in cases
        return False  # the source's own history: outreach, signals, logs, report texts

    records = {
        table: [row for row in iter_records(journal, table) if wanted(table, row)]
        for table in RECORD_TABLES
    }
    settings = {
        FROM_SETTING: journal.setting("vp_name", "") or "",
        ON_SETTING: today.isoformat(),
        TO_SETTING: recipient,
    }
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": settings,
        "records": records,
    }


def write_handover(
    source: Vault,
    selection: Selection,
    folder: Path,
    *,
    passphrase: str,
    recovery_code: str,
    recipient: str,
    today: date,
    destroy: bool = False,
    kdf_params: Argon2Params | None = None,
    progress: Progress | None = None,
) -> HandoverResult:
    """Hand the selected cases over (see the module text). `recovery_code` must have been
    shown to the VP already. Raises HandoverError (nothing changed) for a case without
    consent, a weak or own passphrase, an unusable folder; vault errors pass unchanged."""
    journal = Journal(source.db)
    step = progress or (lambda _what: None)
    require_consent(selection)
    name = check_recipient(recipient)
    check_target(folder, source)
    check_passphrase(journal, passphrase, name)
    check_not_own_secret(source, passphrase)
    folder = Path(folder)
    with journal.db.read_transaction():
        document = handover_document(journal, selection, recipient=name, today=today)
    _remove_leftovers(folder)
    staging = folder.parent / (STAGING.format(name=folder.name) + secrets.token_hex(4))
    step("vault")
    try:
        vault, _code = Vault.create(
            staging, passphrase, recovery_code=recovery_code, kdf_params=kdf_params
        )
        with vault:
            step("records")
            target = Journal(vault.db)
            import_journal(target, document)
            counts = {table: len(rows) for table, rows in document["records"].items()}
            stored = {
                table: int(vault.db.scalar(f"SELECT count(*) FROM {table}"))
                for table in RECORD_TABLES
            }
            if stored != counts:  # pragma: no cover - the import is all or nothing
                raise StorageError(f"hand-over holds {stored}, expected {counts}")
            problems = vault.check()
            if problems:  # pragma: no cover - a new vault that fails its check: a bad disk
                raise StorageError("the new hand-over vault fails its integrity check")
        if folder.is_dir():
            folder.rmdir()  # an empty folder the VP made for it (check_target)
        staging.rename(folder)
        fsync_dir(folder.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise
    step("log")
    entries = record_handover(
        journal,
        ((case.id, case.number, case.organisation_id) for case in selection.cases),
        recipient=name,
        on=today,
    )
    destroyed = 0
    if destroy:
        step("destroy")
        for case, entry in zip(selection.cases, entries, strict=True):
            destroy_case(journal, case.id, rule=RULE_HANDED_OVER, today=today)
            assert entry.id is not None
            mark_destroyed(journal, [entry.id])
            destroyed += 1
    return HandoverResult(
        folder=folder,
        numbers=tuple(case.number for case in selection.cases),
        counts=counts,
        destroyed=destroyed,
    )


def _remove_leftovers(folder: Path) -> None:
    """Hidden folders of earlier hand-overs to this name that were killed before the rename."""
    pattern = glob.escape(STAGING.format(name=folder.name)) + "*"
    for leftover in folder.parent.glob(pattern):
        with contextlib.suppress(OSError):
            shutil.rmtree(leftover)
