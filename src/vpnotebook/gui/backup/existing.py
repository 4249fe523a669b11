"""Checking and restoring a backup that already exists; the layout lives in BackupPage.

Restoring goes into a new folder by default. Replacing the open vault asks the main window to
lock first — a vault must be closed before it can be put aside — so that last step runs on
after this page is gone, and reports to the main window instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QProgressBar, QRadioButton, QWidget

from ...vault.backup import BACKUP_SUFFIX, BackupInfo, verify_backup
from ...vault.errors import RestoreTargetError
from ...vault.restore import restore_backup
from ..common import dialogs
from ..common.labels import current_language
from ..common.page import Page
from . import tasks
from .secret import Secret, SecretDialog

GOOD_STYLE = "background: #e7f4ea; color: #1b4d2b; border-radius: 4px; padding: 6px;"
BAD_STYLE = "background: #fbe9e7; color: #7a1c14; border-radius: 4px; padding: 6px;"


class ExistingBackups(Page):
    # Replacing the open vault needs the program locked first; the main window answers this.
    lock_requested = Signal()

    # Built by BackupPage's layout.
    file_label: QLabel
    to_new: QRadioButton
    target_field: QLineEdit
    check_result: QLabel
    busy: QProgressBar
    folder: Path | None
    backup_file: Path | None
    last_verified: BackupInfo | None
    today: date

    # -- hooks BackupPage implements (this class is its restore-and-check half) --------------

    @property
    def busy_now(self) -> bool: ...  # provided by BackupPage

    def _set_busy(
        self, busy: bool, job: object | None = None
    ) -> None: ...  # provided by BackupPage

    def _failed(
        self, error: BaseException, title: str, where: QLabel
    ) -> None: ...  # provided by BackupPage

    # -- asking (overridable: tests answer here instead of in modal dialogs) ---------------

    def ask_secret(self) -> Secret | None:
        dialog = SecretDialog(self)
        return dialog.secret() if dialog.exec() else None

    def ask_backup_file(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Kies een reservekopie"),
            str(self.folder or Path.home()),
            self.tr("Reservekopieën (*%1);;Alle bestanden (*)").replace("%1", BACKUP_SUFFIX),
        )
        return Path(chosen) if chosen else None

    def ask_target_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            self,
            self.tr("Kies een lege map, of de map waarin een nieuwe map moet komen"),
            str(self.session.vault.folder.parent),
        )
        return Path(chosen) if chosen else None

    # -- which file ------------------------------------------------------------------------

    def set_backup_file(self, path: Path) -> None:
        self.backup_file = path
        # The name first: the end of a long path is what tells backups apart.
        self.file_label.setText(
            self.tr("Gekozen: %1\nin %2").replace("%1", path.name).replace("%2", str(path.parent))
        )
        self.check_result.setVisible(False)

    def _choose_file(self) -> None:
        path = self.ask_backup_file()
        if path is not None:
            self.set_backup_file(path)

    def _chosen_file(self, title: str) -> Path | None:
        if self.backup_file is None:
            dialogs.warn(
                self,
                title,
                self.tr("Kies eerst een reservekopie: in de lijst, of met ‘Bestand kiezen…’."),
            )
        return self.backup_file

    # -- checking --------------------------------------------------------------------------

    def verify(self) -> None:
        path = self._chosen_file(self.tr("Reservekopie controleren"))
        if path is None or self.busy_now:
            return
        secret = self.ask_secret()
        if secret is None:
            return
        self._start(
            lambda: verify_backup(path, **secret.arguments()),
            self._verified,
            self.tr("Controleren mislukt"),
        )

    def _verified(self, info: BackupInfo) -> None:
        self._set_busy(False)
        self.last_verified = info
        made = info.moment
        text = self.tr(
            "In orde. Deze reservekopie van %1 is helemaal gelezen en gecontroleerd, en bevat %2."
        )
        text = text.replace("%1", tasks.moment_text(made) if made else info.created_at).replace(
            "%2", tasks.contents_text(info.record_counts)
        )
        if info.vault_id != self.session.vault.vault_id:
            text += " " + self.tr("Let op: hij hoort bij een andere kluis dan de geopende.")
        self._show_result(self.check_result, text, good=True)

    # -- restoring -------------------------------------------------------------------------

    def default_target(self) -> Path:
        """A new folder beside the vault, named so the VP sees what it is and from when."""
        vault_folder = self.session.vault.folder
        name = (
            self.tr("%1-teruggezet-%2")
            .replace("%1", vault_folder.name)
            .replace("%2", self.today.isoformat())
        )
        candidate, counter = vault_folder.parent / name, 2
        while candidate.exists():
            candidate = vault_folder.parent / f"{name}-{counter}"
            counter += 1
        return candidate

    def _choose_target(self) -> None:
        folder = self.ask_target_folder()
        if folder is None:
            return
        if _is_empty_folder(folder):
            self.target_field.setText(str(folder))
        else:
            self.target_field.setText(str(folder / self.default_target().name))

    def restore(self) -> None:
        title = self.tr("Reservekopie terugzetten")
        path = self._chosen_file(title)
        if path is None or self.busy_now:
            return
        if self.to_new.isChecked():
            self._restore_to_new_folder(path, title)
        else:
            self._restore_in_place(path)

    def _restore_to_new_folder(self, path: Path, title: str) -> None:
        typed = self.target_field.text().strip()
        if not typed:
            dialogs.warn(self, title, self.tr("Vul in in welke nieuwe map de kluis moet komen."))
            return
        target = Path(typed).expanduser()
        # Said before the passphrase is asked, not after the work is done.
        if target.exists() and not _is_empty_folder(target):
            dialogs.error(self, title, RestoreTargetError().message(current_language()))
            return
        if not target.parent.is_dir():
            dialogs.error(
                self,
                title,
                self.tr("De map %1 bestaat niet. Kies een map die er al is.").replace(
                    "%1", str(target.parent)
                ),
            )
            return
        secret = self.ask_secret()
        if secret is None:
            return
        self._start(
            lambda: restore_backup(path, target, **secret.arguments())[0],
            lambda _info: self._restored_to_new_folder(target),
            self.tr("Terugzetten mislukt"),
        )

    def _restored_to_new_folder(self, target: Path) -> None:
        self._set_busy(False)
        text = self.tr(
            "De reservekopie is teruggezet als aparte kluis in de map %1. Uw huidige kluis is "
            "niet veranderd. Wilt u met de teruggezette kluis werken? Vergrendel dan (Ctrl+L) "
            "en kies op het ontgrendelscherm ‘Andere kluis openen…’. Hij opent met het "
            "wachtwoord dat gold toen de reservekopie werd gemaakt, of met uw herstelcode."
        ).replace("%1", str(target))
        self._show_result(self.check_result, text, good=True)
        # That folder is taken now; offer a fresh name for a next restore.
        self.target_field.setText(str(self.default_target()))
        dialogs.inform(self, self.tr("Reservekopie teruggezet"), text)

    def _restore_in_place(self, path: Path) -> None:
        vault_folder = self.session.vault.folder
        agreed = dialogs.ask(
            self,
            self.tr("Huidige kluis vervangen?"),
            self.tr(
                "U zet de reservekopie terug in plaats van de kluis waarin u nu werkt.\n\n"
                "Wat er gebeurt: het programma wordt vergrendeld, de huidige kluis wordt in "
                "zijn geheel opzij gezet in een map naast %1 (er wordt niets gewist), en de "
                "reservekopie komt op zijn plaats. Wat u na het maken van de reservekopie "
                "hebt vastgelegd, staat dan alleen nog in de opzijgezette map.\n\n"
                "Daarna ontgrendelt u met het wachtwoord dat gold toen de reservekopie werd "
                "gemaakt, of met uw herstelcode.\n\nWilt u doorgaan?"
            ).replace("%1", str(vault_folder)),
        )
        if not agreed:
            return
        secret = self.ask_secret()
        if secret is None:
            return
        # Checked in full while the vault is still open: a wrong passphrase or a damaged file
        # must not cost the VP their open session.
        self._start(
            lambda: verify_backup(path, **secret.arguments()),
            lambda _info: self._swap(path, secret, vault_folder),
            self.tr("Terugzetten mislukt"),
        )

    def _swap(self, path: Path, secret: Secret, vault_folder: Path) -> None:
        self._set_busy(False)
        window = self.window()
        self.lock_requested.emit()
        if self.session.vault.is_open:
            dialogs.error(
                self,
                self.tr("Terugzetten mislukt"),
                self.tr(
                    "De kluis kon niet worden vergrendeld, dus er is niets teruggezet. "
                    "Vergrendel zelf (Ctrl+L) en probeer het opnieuw."
                ),
            )
            return

        def parent() -> QWidget | None:
            return window if shiboken6.isValid(window) else None

        def done(result: tuple[BackupInfo, Path | None]) -> None:
            set_aside = result[1]
            text = tasks.tr(
                "De reservekopie is teruggezet en staat nu op de plaats van uw kluis. "
                "De vorige kluis is niet gewist maar opzij gezet in de map %1. Ontgrendel "
                "met het wachtwoord dat gold toen de reservekopie werd gemaakt, of met uw "
                "herstelcode."
            ).replace("%1", str(set_aside or ""))
            dialogs.inform(parent(), tasks.tr("Reservekopie teruggezet"), text)

        def failed(error: BaseException) -> None:
            dialogs.error(parent(), tasks.tr("Terugzetten mislukt"), tasks.failure_text(error))

        # The lock is deleting this page; the job lives on in tasks and reports to the window.
        tasks.start(
            lambda: restore_backup(path, vault_folder, replace=True, **secret.arguments()),
            done,
            failed,
        )

    # -- shared ----------------------------------------------------------------------------

    def _start(
        self, work: Callable[[], Any], on_done: Callable[[Any], None], failure_title: str
    ) -> None:
        self.check_result.setVisible(False)
        self.busy.setVisible(True)
        job = tasks.start(
            work,
            on_done,
            lambda error: self._failed(error, failure_title, self.check_result),
            owner=self,
        )
        self._set_busy(True, job)

    def _show_result(self, where: QLabel, text: str, *, good: bool) -> None:
        where.setText(text)
        where.setStyleSheet(GOOD_STYLE if good else BAD_STYLE)
        where.setVisible(True)


def _is_empty_folder(folder: Path) -> bool:
    try:
        return folder.is_dir() and not any(folder.iterdir())
    except OSError:
        return False
