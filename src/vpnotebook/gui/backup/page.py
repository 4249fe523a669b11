"""The Reservekopie screen: make, check and restore encrypted backups, without a command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...vault.backup import DEFAULT_KEEP, BackupInfo, list_backups, make_backup
from ...vault.backup_files import recorded_time
from ...vault.backup_format import backup_file_key
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.flow import Columns
from ..session import Session
from . import tasks
from .existing import ExistingBackups
from .volumes import Volume, find_volumes

PATH_ROLE = Qt.ItemDataRole.UserRole
ALERT_STYLE = "color: #b3261e; font-weight: bold;"
MAX_KEEP = 50


def _result_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def _plain_label(text: str = "") -> QLabel:
    # File and folder names are shown as they are, never read as markup.
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class BackupPage(ExistingBackups):
    reminder_days: int = 14

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.folder: Path | None = None
        self.backup_file: Path | None = None
        self.last_made: BackupInfo | None = None
        self.last_verified: BackupInfo | None = None
        self._today: date | None = None
        self._job: Any = None
        self._choices_loaded = False

        heading = QLabel(self.tr("Reservekopie"))
        heading.setObjectName("screenTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Een reservekopie is één versleuteld bestand met de hele kluis. Bewaar hem "
                "op een USB-stick of externe schijf die u los van deze computer bewaart: "
                "raakt de laptop zoek of kapot, dan zijn uw aantekeningen er nog. Zonder uw "
                "wachtwoord of herstelcode is het bestand voor niemand te lezen."
            )
        )
        intro.setWordWrap(True)
        self.last_line = _plain_label()

        # Side by side on a wide screen, one above the other on a laptop at 150 %.
        columns = Columns(self._build_make_box(), self._build_existing_box())
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(intro)
        body_layout.addWidget(self.last_line)
        body_layout.addSpacing(6)
        body_layout.addWidget(columns)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)

    # -- layout ----------------------------------------------------------------------------

    def _build_make_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Nieuwe reservekopie maken"))
        where = QLabel(self.tr("Waar wilt u de reservekopie bewaren?"))
        self.volumes = QListWidget()
        self.volumes.setAccessibleName(self.tr("USB-sticks en externe schijven"))
        self.volumes.setMaximumHeight(96)
        self.volumes.setSpacing(3)
        self.volumes.itemSelectionChanged.connect(self._volume_chosen)
        self.no_volumes = QLabel(
            self.tr(
                "Geen USB-stick of externe schijf gevonden. Steek er een in en kies "
                "‘Opnieuw zoeken’, of kies zelf een map."
            )
        )
        self.no_volumes.setWordWrap(True)
        rescan = QPushButton(self.tr("Opnieuw zoeken"))
        rescan.clicked.connect(self.scan_volumes)
        other = QPushButton(self.tr("Andere map…"))
        other.clicked.connect(self._choose_other_folder)
        row = QHBoxLayout()
        row.addWidget(rescan)
        row.addWidget(other)
        row.addStretch(1)
        self.folder_label = _plain_label()

        self.keep = QSpinBox()
        self.keep.setRange(1, MAX_KEEP)
        self.keep.setValue(DEFAULT_KEEP)
        self.keep.setAccessibleName(self.tr("Aantal reservekopieën dat bewaard blijft"))
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Bewaar in die map de laatste")))
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel(self.tr("reservekopieën; oudere worden opgeruimd.")))
        keep_row.addStretch(1)
        self.date_in_name = QCheckBox(self.tr("Datum in de bestandsnaam zetten"))
        self.date_in_name.setToolTip(
            self.tr(
                "Zonder datum heet het bestand alleen ‘vpnotebook-’ met een volgnummer; wanneer "
                "het is gemaakt, staat dan alleen versleuteld in het bestand zelf."
            )
        )

        self.make_button = QPushButton(self.tr("Reservekopie maken"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        make_row = QHBoxLayout()
        make_row.addWidget(self.make_button)
        make_row.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Voortgang van de reservekopie"))
        self.progress.setVisible(False)
        self.relay: tasks.ProgressRelay | None = None
        self.make_result = _result_label()

        layout = QVBoxLayout(box)
        layout.addWidget(where)
        layout.addWidget(self.volumes)
        layout.addWidget(self.no_volumes)
        layout.addLayout(row)
        layout.addWidget(self.folder_label)
        layout.addSpacing(6)
        layout.addLayout(keep_row)
        layout.addWidget(self.date_in_name)
        layout.addSpacing(6)
        layout.addLayout(make_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.make_result)
        layout.addStretch(1)
        return box

    def _build_existing_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Controleren of terugzetten"))
        self.backups_title = QLabel(self.tr("Reservekopieën in de gekozen map:"))
        self.backups = QTreeWidget()
        self.backups.setAccessibleName(self.tr("Reservekopieën in de gekozen map"))
        self.backups.setHeaderLabels(
            [self.tr("Gemaakt op"), self.tr("Grootte"), self.tr("Bestand")]
        )
        self.backups.setRootIsDecorated(False)
        self.backups.setMaximumHeight(130)
        self.backups.setAlternatingRowColors(True)
        header = self.backups.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.backups.itemSelectionChanged.connect(self._backup_chosen)
        self.no_backups = QLabel(self.tr("In deze map staan nog geen reservekopieën."))

        self.file_label = _plain_label(self.tr("Nog geen reservekopie gekozen."))
        self.file_label.setAccessibleName(self.tr("Gekozen reservekopie"))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose_file = QPushButton(self.tr("Bestand kiezen…"))
        choose_file.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose_file)

        self.verify_button = QPushButton(self.tr("Reservekopie controleren…"))
        self.verify_button.setToolTip(
            self.tr("Leest het hele bestand en controleert of alles te openen en compleet is.")
        )
        self.verify_button.clicked.connect(self.verify)

        self.to_new = QRadioButton(self.tr("In een nieuwe map (aanbevolen)"))
        self.to_new.setChecked(True)
        self.to_current = QRadioButton(self.tr("In plaats van de huidige kluis"))
        target_choice = QButtonGroup(self)
        target_choice.addButton(self.to_new)
        target_choice.addButton(self.to_current)
        self.to_new.toggled.connect(self._target_mode_changed)
        self.target_field = QLineEdit()
        self.target_field.setAccessibleName(self.tr("Map voor de teruggezette kluis"))
        change_target = QPushButton(self.tr("Wijzigen…"))
        change_target.clicked.connect(self._choose_target)
        self._target_widgets = (self.target_field, change_target)
        target_row = QHBoxLayout()
        target_row.setContentsMargins(24, 0, 0, 0)
        target_row.addWidget(self.target_field, 1)
        target_row.addWidget(change_target)
        self.replace_note = QLabel(
            self.tr(
                "De huidige kluis wordt eerst vergrendeld en in zijn geheel opzij gezet, in "
                "een map ernaast met ‘voor-herstel’ en de datum in de naam. Er wordt niets "
                "gewist. Daarna ontgrendelt u met het wachtwoord dat gold toen de "
                "reservekopie werd gemaakt, of met uw herstelcode."
            )
        )
        self.replace_note.setWordWrap(True)
        self.replace_note.setContentsMargins(24, 0, 0, 0)
        self.restore_button = QPushButton(self.tr("Terugzetten…"))
        self.restore_button.clicked.connect(self.restore)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Bezig"))
        self.busy.setVisible(False)
        self.check_result = _result_label()

        actions = QHBoxLayout()
        actions.addWidget(self.verify_button)
        actions.addStretch(1)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.backups_title)
        layout.addWidget(self.backups)
        layout.addWidget(self.no_backups)
        layout.addLayout(file_row)
        layout.addLayout(actions)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Terugzetten:")))
        layout.addWidget(self.to_new)
        layout.addLayout(target_row)
        layout.addWidget(self.to_current)
        layout.addWidget(self.replace_note)
        layout.addLayout(restore_row)
        layout.addWidget(self.busy)
        layout.addWidget(self.check_result)
        layout.addStretch(1)
        self._target_mode_changed()
        return box

    # -- Page ------------------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self._today or date.today()

    @today.setter
    def today(self, value: date | None) -> None:
        self._today = value

    def set_reminder_days(self, days: int) -> None:
        self.reminder_days = days
        self._show_last_backup()

    def refresh(self) -> None:
        if self.folder is None:
            remembered = self.session.journal.setting("backup_folder")
            self.folder = Path(remembered) if remembered else None
        if not self._choices_loaded:
            # Once: after that the spin box holds what the VP chose, saved or not.
            keep = self.session.journal.setting("backup_keep")
            if keep and keep.isdigit():
                self.keep.setValue(int(keep))
            dated = self.session.journal.setting("backup_date_in_name")
            self.date_in_name.setChecked(dated == "1")
            self._choices_loaded = True
        if not self.target_field.text():
            self.target_field.setText(str(self.default_target()))
        self._show_last_backup()
        self.scan_volumes()
        self._show_folder()

    def save_pending(self) -> None:
        """Nothing is typed here that would be lost; choices are kept as they are made."""

    def state(self) -> dict[str, Any]:
        return {"folder": str(self.folder) if self.folder else ""}

    def restore_state(self, state: dict[str, Any]) -> None:
        folder = state.get("folder")
        if folder:
            self.set_folder(Path(folder))

    # -- the last backup -------------------------------------------------------------------

    def _show_last_backup(self) -> None:
        journal = self.session.journal
        made = tasks.parse_moment(journal.setting("last_backup_at") or "")
        if made is None:
            self.last_line.setText(
                self.tr("Laatste gecontroleerde reservekopie: nog geen. Maak er vandaag een.")
            )
            self.last_line.setStyleSheet(ALERT_STYLE)
            return
        text = self.tr("Laatste gecontroleerde reservekopie: %1 (%2), %3.")
        text = (
            text.replace("%1", tasks.moment_text(made))
            .replace("%2", tasks.age_text(made, self.today))
            .replace("%3", journal.setting("last_backup_file") or "")
        )
        due = (self.today - made.date()).days > self.reminder_days
        self.last_line.setText(text)
        self.last_line.setStyleSheet(ALERT_STYLE if due else "")

    # -- where to ----------------------------------------------------------------------------

    def find_volumes(self) -> list[Volume]:
        """Overridable, so tests and screenshots can show drives this machine lacks."""
        return find_volumes()

    def scan_volumes(self) -> None:
        self.volumes.blockSignals(True)
        self.volumes.clear()
        for volume in self.find_volumes():
            text = self.tr("%1 — %2 vrij").replace("%1", volume.name)
            item = QListWidgetItem(text.replace("%2", tasks.size_text(volume.free_bytes)))
            item.setData(PATH_ROLE, str(volume.path))
            item.setToolTip(str(volume.path))
            self.volumes.addItem(item)
            if self.folder == volume.path:
                item.setSelected(True)
        self.volumes.blockSignals(False)
        found = self.volumes.count() > 0
        self.volumes.setVisible(found)
        self.no_volumes.setVisible(not found)

    def _volume_chosen(self) -> None:
        selected = self.volumes.selectedItems()
        if selected:
            self.set_folder(Path(str(selected[0].data(PATH_ROLE))))

    def ask_folder(self) -> Path | None:
        start = str(self.folder or Path.home())
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Kies een map voor de reservekopie"), start
        )
        return Path(chosen) if chosen else None

    def _choose_other_folder(self) -> None:
        folder = self.ask_folder()
        if folder is not None:
            self.volumes.clearSelection()
            self.set_folder(folder)

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self._show_folder()

    def _show_folder(self) -> None:
        if self.folder is None:
            self.folder_label.setText(self.tr("Nog geen map gekozen."))
        elif not self.folder.is_dir():
            self.folder_label.setText(
                self.tr("Gekozen map: %1 — niet gevonden. Is de USB-stick aangesloten?").replace(
                    "%1", str(self.folder)
                )
            )
        else:
            self.folder_label.setText(self.tr("Gekozen map: %1").replace("%1", str(self.folder)))
        self._list_backups()

    def _list_backups(self) -> None:
        self.backups.clear()
        found = list_backups(self.folder) if self.folder is not None else []
        # When each was made is recorded inside it, encrypted: this vault's key reads it.
        key = backup_file_key(self.session.vault.data_key)
        moments = {path: recorded_time(path, key) for path in found}
        dated = [(path, made) for path, made in moments.items() if made is not None]
        readable = [path for path, _ in sorted(dated, key=lambda pair: pair[1], reverse=True)]
        unreadable = [path for path in found if moments[path] is None]
        for path in readable + unreadable:  # newest first; what this vault cannot read last
            made = moments[path]
            try:
                size = tasks.size_text(path.stat().st_size)
            except OSError:
                size = ""
            when = tasks.moment_text(made.astimezone()) if made else self.tr("onbekend")
            item = QTreeWidgetItem([when, size, path.name])
            item.setData(0, PATH_ROLE, str(path))
            if made is None:
                item.setToolTip(
                    0,
                    self.tr(
                        "Niet te lezen met de sleutel van deze kluis: een reservekopie van een "
                        "andere kluis of van vóór een nieuwe sleutel, of een beschadigd bestand."
                    ),
                )
            self.backups.addTopLevelItem(item)
        self.backups.setVisible(bool(found))
        self.no_backups.setVisible(self.folder is not None and not found)
        self.backups_title.setVisible(self.folder is not None)

    # -- making ----------------------------------------------------------------------------

    @property
    def busy_now(self) -> bool:
        return self._job is not None

    def make(self) -> None:
        if self.busy_now:
            return
        folder = self.folder
        if folder is None:
            dialogs.warn(
                self,
                self.tr("Reservekopie maken"),
                self.tr("Kies eerst waar de reservekopie moet komen: een USB-stick of een map."),
            )
            return
        if not folder.is_dir():
            dialogs.error(
                self,
                self.tr("Reservekopie maken"),
                self.tr(
                    "De map %1 is niet te vinden. Is de USB-stick of schijf aangesloten? "
                    "Er is niets gewijzigd."
                ).replace("%1", str(folder)),
            )
            return
        keep = self.keep.value()
        dated = self.date_in_name.isChecked()
        journal = self.session.journal
        # Remembered inside the vault, so the next backup goes to the same place (not in a
        # vault open read-only: the backup is what matters then, and it still works).
        if not self.session.read_only:
            try:
                journal.set_setting("backup_folder", str(folder))
                journal.set_setting("backup_keep", str(keep))
                journal.set_setting("backup_date_in_name", "1" if dated else "0")
            except VaultError as error:
                dialogs.error(
                    self, self.tr("Reservekopie maken mislukt"), tasks.failure_text(error)
                )
                return
        vault = self.session.vault
        # One relay per backup and owned by the job, not the page: a lock that deletes the
        # page mid-backup must not take the worker's progress callback with it.
        relay = self.relay = tasks.ProgressRelay()
        relay.progressed.connect(self.progress.setValue)
        self.make_result.setVisible(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        job = tasks.start(
            lambda: make_backup(
                vault, folder, keep=keep, progress=relay.report, date_in_name=dated
            ),
            self._made,
            lambda error: self._failed(
                error, self.tr("Reservekopie maken mislukt"), self.make_result
            ),
            owner=self,
        )
        self._set_busy(True, job)

    def _made(self, info: BackupInfo) -> None:
        self._set_busy(False)
        self.progress.setVisible(False)
        self.last_made = info
        text = self.tr(
            "Gelukt en gecontroleerd: %1 (%2) met %3. Het bestand is na het schrijven "
            "helemaal teruggelezen."
        )
        text = (
            text.replace("%1", info.path.name)
            .replace("%2", tasks.size_text(info.size))
            .replace("%3", tasks.contents_text(info.record_counts))
        )
        if info.removed_old:
            names = ", ".join(path.name for path in info.removed_old)
            text += "\n" + self.tr("Opgeruimd, omdat u de laatste %1 bewaart: %2.").replace(
                "%1", str(self.keep.value())
            ).replace("%2", names)
        self._show_result(self.make_result, text, good=True)
        self._show_last_backup()
        self._list_backups()
        self.session.notify("backup")

    def _backup_chosen(self) -> None:
        selected = self.backups.selectedItems()
        if selected:
            self.set_backup_file(Path(str(selected[0].data(0, PATH_ROLE))))

    # -- shared ----------------------------------------------------------------------------

    def _set_busy(self, busy: bool, job: object | None = None) -> None:
        self._job = job if busy else None
        if not busy:
            self.busy.setVisible(False)
        for widget in (self.make_button, self.verify_button, self.restore_button, self.keep):
            widget.setEnabled(not busy)

    def _failed(self, error: BaseException, title: str, where: QLabel) -> None:
        self._set_busy(False)
        self.progress.setVisible(False)
        text = tasks.failure_text(error)
        self._show_result(where, text, good=False)
        # A failed backup may have left nothing, or a stick may be gone: show what is there.
        self._list_backups()
        dialogs.error(self, title, text)

    def _target_mode_changed(self) -> None:
        new_folder = self.to_new.isChecked()
        for widget in self._target_widgets:
            widget.setEnabled(new_folder)
