"""The program's one window: first-start wizard, unlock screen, or the unlocked workspace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..vault.errors import VaultError
from ..vault.paths import is_vault
from . import i18n, warm_up
from .common import clipboard, dialogs
from .common.inactivity import InactivityTimer
from .common.screen import resize_within_screen
from .help.menu import HelpMenu
from .settings.store import AppSettings
from .status_window import StatusWindow
from .unlock.screen import UnlockScreen

if TYPE_CHECKING:
    # Loaded when first needed (or by warm_up after the first paint): a start shows only
    # the unlock screen, and every module imported before it paints delays it.
    from ..vault.kdf import Argon2Params
    from .common.page import Page
    from .platform.sessionlock import SessionLockWatcher
    from .session import Session
    from .settings.dialog import SettingsDialog
    from .settings.key_manager import KeyManager
    from .wizard.first_start import FirstStartWizard
    from .workspace import Workspace


class MainWindow(StatusWindow):
    def __init__(
        self,
        vault_folder: Path,
        settings: AppSettings,
        *,
        kdf_params: Argon2Params | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.vault_folder = vault_folder
        # Explicit Argon2id parameters are for tests (cheap, and their own floor); without
        # them every seal is calibrated on this machine and never below its floor.
        self._kdf_params = kdf_params
        self.session: Session | None = None
        self._key_manager: KeyManager | None = None
        self._lock_when_key_job_ends = False
        self._vault_jobs = 0  # hand-overs and merges writing in the background
        self.workspace: Workspace | None = None
        # The workspace, or the read-only banner's holder around it: what the stack shows.
        self._shown_workspace: QWidget | None = None
        self._saved_state: dict[str, Any] = {}
        self._close_when_done = QTimer(self)
        self._close_when_done.setInterval(250)
        self._close_when_done.timeout.connect(self._close_if_done)
        # Only the program's name: a title must never show case content or a client's name.
        self.setWindowTitle("vpnotebook")
        resize_within_screen(self, 1200, 760)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.unlock_screen = UnlockScreen(vault_folder, settings.language, kdf_params=kdf_params)
        self.unlock_screen.unlocked.connect(self._unlocked)
        self.unlock_screen.other_vault_chosen.connect(self.open_other_vault)
        warm_up.after_first_paint(self.unlock_screen)
        self.stack.addWidget(self.unlock_screen)
        self.wizard: FirstStartWizard | None = None

        self.inactivity = InactivityTimer(settings.autolock_minutes, self)
        self.inactivity.inactive.connect(self._lock_when_idle)
        # Watched from the first unlock on: there is nothing to lock before it, and its D-Bus
        # connections need not delay the first paint. (On Windows: WTS session
        # notifications for this window; on macOS: com.apple.screenIsLocked. See gui/platform.)
        self.screen_lock: SessionLockWatcher | None = None

        self._build_menus()
        self._build_status_bar()
        self._heard_session: Session | None = None
        self._finish_interrupted_restore(vault_folder)
        if is_vault(vault_folder):
            self.show_unlock()
        else:
            self.show_wizard()

    # -- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        # setShortcuts, not setShortcut: PySide6 resolves setShortcut's overloads through the
        # Qt namespace, which is not to be built before the first paint (see warm_up).
        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.lock_action = QAction(self.tr("&Vergrendelen"), self)
        self.lock_action.setShortcuts([QKeySequence("Ctrl+L")])
        self.lock_action.triggered.connect(self.lock)
        file_menu.addAction(self.lock_action)
        self.settings_action = QAction(self.tr("&Instellingen…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(self.settings_action)
        self.import_action = QAction(self.tr("Importeren uit &Excel…"), self)
        self.import_action.triggered.connect(self.import_sheet)
        file_menu.addAction(self.import_action)
        self.handover_action = QAction(self.tr("&Overdragen aan een collega…"), self)
        self.handover_action.triggered.connect(self.hand_over)
        file_menu.addAction(self.handover_action)
        self.merge_action = QAction(self.tr("Overdracht sa&menvoegen…"), self)
        self.merge_action.triggered.connect(self.merge_handover)
        file_menu.addAction(self.merge_action)
        file_menu.addSeparator()
        # "Sluiten", not "Afsluiten": that word is for closing a case.
        self.quit_action = QAction(self.tr("vpnotebook &sluiten"), self)
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("Be&werken"))
        self.undo_action = QAction(self.tr("Laatste wijziging &ongedaan maken"), self)
        self.undo_action.triggered.connect(self.undo_last_change)
        self.undo_action.setEnabled(False)
        edit_menu.addAction(self.undo_action)

        go_menu = self.menuBar().addMenu(self.tr("&Ga naar"))
        self.search_action = QAction(self.tr("&Zoeken"), self)
        self.search_action.setShortcuts(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.show_search)
        go_menu.addAction(self.search_action)
        self.new_case_action = QAction(self.tr("&Nieuwe melding…"), self)
        self.new_case_action.setShortcuts(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self.new_case)
        go_menu.addAction(self.new_case_action)
        self.today_action = QAction(self.tr("&Vandaag"), self)
        self.today_action.setShortcuts([QKeySequence("Ctrl+1")])
        self.today_action.triggered.connect(lambda: self.go_to("today"))
        go_menu.addAction(self.today_action)
        # The user guide, the shortcuts and "Over": locked or not, none of it shows the vault.
        self.help_menu = HelpMenu(self)
        self._unlocked_actions = [
            self.lock_action,
            self.search_action,
            self.new_case_action,
            self.today_action,
            self.import_action,
            self.handover_action,
            self.merge_action,
        ]

    # -- states --------------------------------------------------------------------------

    def show_wizard(self) -> None:
        from PySide6.QtCore import Qt  # see warm_up: not loaded before the first paint

        from .wizard.first_start import FirstStartWizard

        self.wizard = FirstStartWizard(self.vault_folder, kdf_params=self._kdf_params)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)
        self.wizard.completed.connect(self._wizard_done)
        self.wizard.rejected.connect(self.close)
        self.wizard.setMaximumWidth(860)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.addStretch(1)
        row.addWidget(self.wizard, 4)
        row.addStretch(1)
        self._wizard_holder = holder
        self.stack.addWidget(holder)
        self.stack.setCurrentWidget(holder)
        self._set_locked_ui()

    def _wizard_done(self, session: Session) -> None:
        self.vault_folder = session.vault.folder
        self.settings.vault_folder = self.vault_folder
        self.unlock_screen.set_folder(self.vault_folder)
        if self.wizard is not None:
            self.stack.removeWidget(self._wizard_holder)
            self._wizard_holder.deleteLater()
            self.wizard = None
        self._unlocked(session)
        # The wizard had the keyboard; give it to the first step, so Enter (or Ctrl+N) starts
        # the first case at once.
        self.activateWindow()
        self._focus_first_step()

    def _focus_first_step(self) -> None:
        from .today.page import TodayPage

        if self.workspace is None:
            return
        today = self.workspace.current_page()
        if isinstance(today, TodayPage) and today.first_steps.isVisibleTo(self):
            today.first_steps.case_button.setFocus()
        else:
            self.workspace.navigation.setFocus()

    def _finish_interrupted_restore(self, folder: Path) -> None:
        """A restore killed half-way is finished before the folder is judged (it may hold no
        vault at all just now); the VP hears what happened once the window shows."""
        from .backup.resume import finish_interrupted_restore

        notice = finish_interrupted_restore(folder)
        if notice is not None:
            QTimer.singleShot(0, lambda: self._tell_restore(notice))

    def _tell_restore(self, notice: str) -> None:
        dialogs.inform(self, self.tr("Terugzetten afgemaakt"), notice)

    def show_unlock(self) -> None:
        self.unlock_screen.reset()
        self.stack.setCurrentWidget(self.unlock_screen)
        self._set_locked_ui()
        self.unlock_screen.passphrase.setFocus()

    def _set_locked_ui(self) -> None:
        for action in self._unlocked_actions:
            action.setEnabled(False)
        self.vault_label.setText(self.tr("Kluis: %1").replace("%1", self.vault_folder.name))
        self.lock_label.setText(self.tr("Vergrendeld"))
        self.backup_label.clear()

    def _unlocked(self, session: Session) -> None:
        from .workspace import Workspace

        if self.screen_lock is None:
            from . import platform

            self.screen_lock = platform.current().session_lock_watcher(self)
            self.screen_lock.lock_requested.connect(self.lock)

        self.session = session
        session.layout.store = self.settings  # splitters and columns, as numbers only
        session.key_renewal_requested.connect(self.offer_rekey)
        session.guide_requested.connect(lambda: self.help_menu.show_guide())
        self.workspace = Workspace(session)
        self.workspace.page_created.connect(self._page_created)
        # Undo is for the last change on the page the VP is on.
        self.workspace.page_changed.connect(lambda _key: self._offer_undo(None))
        if session is not self._heard_session:  # once: a re-key shows the same session again
            self._heard_session = session
            session.saved.connect(self._saved)
            session.unsaved.connect(self._unsaved)
        self._shown_workspace = self._with_read_only_banner(self.workspace, session)
        self.stack.addWidget(self._shown_workspace)
        self.stack.setCurrentWidget(self._shown_workspace)
        if self._saved_state:
            self.workspace.restore_state(self._saved_state)
            self._saved_state = {}
        for action in self._unlocked_actions:
            action.setEnabled(True)
        self.lock_label.setText(
            self.tr("Ontgrendeld, alleen lezen") if session.read_only else self.tr("Ontgrendeld")
        )
        self.new_case_action.setEnabled(not session.read_only)
        self.update_backup_status()
        from .backup.resume import resumed_text

        notice = resumed_text(session.vault.resumed_restore)
        if notice is not None:
            QTimer.singleShot(0, lambda: self._tell_restore(notice))
        session.changed.connect(lambda _what: self.update_backup_status())
        self.inactivity.set_minutes(self.settings.autolock_minutes)
        self.inactivity.start()

    def _with_read_only_banner(self, workspace: Workspace, session: Session) -> QWidget:
        """The workspace as it is, or — opened read-only — under a banner that says so."""
        if not session.read_only:
            return workspace
        from .common.read_only import ReadOnlyBanner

        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = ReadOnlyBanner()
        column.addWidget(self.read_only_banner)
        column.addWidget(workspace, 1)
        return holder

    @property
    def is_locked(self) -> bool:
        return self.session is None

    def lock(self) -> None:
        """Save what is being typed, drop every widget that held case data, close the vault.

        Closing the vault wipes its data key; the search text is not kept either.
        """
        if (self._key_manager is not None and self._key_manager.busy) or self._vault_jobs:
            # A key operation holds the vault (a re-key has put the workspace away already),
            # or a hand-over or merge is writing: it ends in seconds, and the lock follows.
            self._lock_when_key_job_ends = True
            return
        if self.session is None:
            return
        self.inactivity.stop()
        unsaved = self._put_away_workspace()
        clipboard.clear_if_ours()
        self.session.close()
        self.session = None
        self.save_label.clear()
        self._offer_undo(None)
        self.show_unlock()
        if unsaved is not None:
            from .common.labels import current_language

            dialogs.error(
                self,
                self.tr("Niet opgeslagen"),
                unsaved.message(current_language())
                + " "
                + self.tr("De laatste wijziging is niet bewaard; de kluis is wel vergrendeld."),
            )

    def _put_away_workspace(self) -> VaultError | None:
        """Save pending edits, keep only the pages' state, delete the workspace."""
        unsaved: VaultError | None = None
        if self.workspace is not None:
            try:
                self.workspace.save_pending()
            except VaultError as error:
                # The lock goes on regardless: a full disk must not keep the journal open
                # and on screen. The VP hears why once the vault is locked.
                unsaved = error
            self._saved_state = self.workspace.state()
            shown = self._shown_workspace or self.workspace
            self.stack.removeWidget(shown)
            shown.deleteLater()
            self._shown_workspace = None
            self.workspace = None
        return unsaved

    # -- the key's life (Instellingen → Beveiliging) -----------------------------------------

    @property
    def key_manager(self) -> KeyManager:
        if self._key_manager is None:
            from .settings.key_manager import KeyManager

            self._key_manager = KeyManager(self, self)
            self._key_manager.busy_changed.connect(self._key_job_busy)
        return self._key_manager

    def _vault_job_busy(self, busy: bool) -> None:
        """A hand-over or merge writes in the background: no lock until it is done."""
        self._vault_jobs += 1 if busy else -1
        if busy:
            self.inactivity.stop()
            return
        self.inactivity.start()
        self._key_job_busy(False)

    def _key_job_busy(self, busy: bool) -> None:
        if not busy and self._lock_when_key_job_ends and not self._vault_jobs:
            self._lock_when_key_job_ends = False
            self.lock()

    def suspend_workspace(self) -> Session | None:
        """For a re-key: the workspace goes, the vault stays open (its database is copied)."""
        session = self.session
        if session is None:
            return None
        self.inactivity.stop()
        unsaved = self._put_away_workspace()
        if unsaved is not None:
            from .common.labels import current_language

            dialogs.error(self, self.tr("Niet opgeslagen"), unsaved.message(current_language()))
        self.session = None
        self.stack.setCurrentWidget(self._rekey_screen())
        self._set_locked_ui()
        self.lock_label.setText(self.tr("Nieuwe sleutel wordt gemaakt…"))
        return session

    def _rekey_screen(self) -> QWidget:
        screen = getattr(self, "_rekey_busy", None)
        if screen is None:
            screen = QLabel(self.tr("De kluis krijgt een nieuwe sleutel. Een ogenblik…"))
            screen.setWordWrap(True)
            screen.setMargin(24)
            self._rekey_busy = screen
            self.stack.addWidget(screen)
        return screen

    def resume_workspace(self, session: Session | None) -> None:
        """After a re-key: the workspace back over the vault, or the unlock screen."""
        if session is None:
            self.show_unlock()
            return
        self._unlocked(session)

    def settings_dialog(self) -> SettingsDialog:
        from .settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if self.session is not None and not self.session.read_only:
            from .settings.profile import ProfileSection
            from .settings.security import SecuritySection

            self.profile_section = ProfileSection(self.session.journal, dialog)
            self.profile_section.organisations_requested.connect(dialog.reject)
            self.profile_section.organisations_requested.connect(
                lambda: self.go_to("organisations")
            )
            dialog.add_section(self.tr("Over u"), self.profile_section)

            self.security_section = SecuritySection(self, self.key_manager, dialog)
            dialog.add_section(self.tr("Beveiliging"), self.security_section)
        return dialog

    def offer_rekey(self) -> QDialog | None:
        """Asked for by a page (after destroying a case): the re-key dialog, over the window."""
        if self.session is None:
            return None
        from .settings.security import start_rekey

        self.rekey_dialog = start_rekey(self.key_manager, self)
        return self.rekey_dialog

    def _page_created(self, key: str, page: Page) -> None:
        page.set_reminder_days(self.settings.backup_reminder_days)
        # Replacing the vault from a backup needs it closed first.
        page.lock_requested.connect(self.lock)

    def show_search(self) -> None:
        if self.workspace is not None:
            self.workspace.show_page("search").focus_field()

    def _lock_when_idle(self) -> None:
        # A backup in progress finishes first; the timer tries again a minute later.
        from .backup import tasks

        if tasks.any_running() or self._key_job_running():
            self.inactivity.set_interval_ms(60_000)
            self.inactivity.start()
            return
        self.lock()

    def go_to(self, key: str) -> None:
        if self.workspace is not None:
            self.workspace.show_page(key)

    def new_case(self) -> None:
        if self.workspace is not None:
            self.workspace.cases_page().new_case()

    def import_sheet(self) -> Any:
        """Bestand → Importeren uit Excel…: the wizard, over the workspace (a lock closes it)."""
        if self.session is None or self.workspace is None:
            return None
        from .importing.wizard import SheetImportWizard

        wizard = SheetImportWizard(self.session, self.workspace)
        # While the import writes, the idle timer must not lock the vault under it.
        wizard.busy_changed.connect(
            lambda busy: self.inactivity.stop() if busy else self.inactivity.start()
        )
        wizard.imported.connect(lambda _result: self.go_to("cases"))
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()
        return wizard

    def hand_over(self) -> Any:
        """Bestand → Overdragen aan een collega…, over the workspace (a lock closes it)."""
        if self.session is None or self.workspace is None:
            return None
        from .handover.handover_dialog import HandoverDialog

        dialog = HandoverDialog(self.session, self.workspace, kdf_params=self._kdf_params)
        dialog.busy_changed.connect(self._vault_job_busy)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def merge_handover(self) -> Any:
        """Bestand → Overdracht samenvoegen…, over the workspace (a lock closes it)."""
        if self.session is None or self.workspace is None:
            return None
        from .handover.merge_dialog import MergeDialog

        dialog = MergeDialog(self.session, self.workspace)
        dialog.busy_changed.connect(self._vault_job_busy)
        dialog.merged.connect(lambda _result: self.go_to("cases"))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_other_vault(self, folder: Path) -> None:
        if self.session is not None:
            self.lock()
        self.vault_folder = folder
        self.settings.vault_folder = folder
        if is_vault(folder):
            self.unlock_screen.set_folder(folder)
            self.show_unlock()
        else:
            self.show_wizard()

    def open_settings(self) -> None:
        dialog = self.settings_dialog()
        if dialog.exec():
            i18n.install_language(self.settings.language)
            self.inactivity.set_minutes(self.settings.autolock_minutes)
            self.update_backup_status()

    def _key_job_running(self) -> bool:
        # A hand-over or merge writing in the background holds the vault as a key job does.
        return (self._key_manager is not None and self._key_manager.busy) or self._vault_jobs > 0

    def closeEvent(self, event: QCloseEvent) -> None:
        from .backup import tasks

        if self._key_job_running():
            # A re-key or passphrase change is writing the key slots: wait for it.
            event.ignore()
            if not self._close_when_done.isActive():
                self._close_when_done.start()
            return
        if tasks.any_running():
            # A backup or restore is writing: closing now would lock the vault under it and
            # lose the copy. Wait for it, then close by ourselves.
            event.ignore()
            if not self._close_when_done.isActive():
                dialogs.inform(
                    self,
                    self.tr("Reservekopie nog bezig"),
                    self.tr(
                        "Er wordt nog een reservekopie gemaakt of teruggezet. Het programma "
                        "sluit vanzelf zodra dat klaar is."
                    ),
                )
                self._close_when_done.start()
            return
        self._close_when_done.stop()
        if self.session is not None:
            self.lock()
        self.settings.sync()
        event.accept()

    def _close_if_done(self) -> None:
        from .backup import tasks

        if not tasks.any_running() and not self._key_job_running():
            self._close_when_done.stop()
            self.close()
