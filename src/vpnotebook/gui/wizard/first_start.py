"""First start: what is protected and where the vault lives, who the VP is and the first
client organisation, passphrase, recovery code: four pages, the vault made at the end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...core.models import Organisation
from ...core.profile import VP_ROLES, save_vp_profile
from ...vault import recovery
from ...vault.errors import VaultError
from ...vault.kdf import PRODUCTION, Argon2Params, Calibration, calibrate
from ...vault.vault import Vault, is_vault
from ..common import dialogs
from ..common.inputs import buddy_label
from ..common.labels import current_language, label
from ..common.passphrase import PassphraseFields
from ..common.recovery_code import RecoveryCodeView
from ..common.worker import BackgroundJob
from ..session import Session

# What making the vault gives: the open vault, and the calibration (None with explicit
# parameters, as in tests).
Made = tuple[Vault, Calibration | None]


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class WelcomePage(QWizardPage):
    """What is protected, and where the vault goes (the suggested folder is fine)."""

    def __init__(self, default_folder: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Welkom bij vpnotebook"))
        intro = _label(
            self.tr(
                "<p>Hier houdt u uw vertrouwelijke logboek bij: meldingen, gespreksverslagen, "
                "doorverwijzingen, nazorg, voorlichting en adviezen, voor al uw opdrachtgevers.</p>"
                "<p><b>Wat is beschermd?</b> Alles wat u vastlegt, staat versleuteld op deze "
                "computer, in een <i>kluis</i>. Zonder uw wachtwoord of herstelcode is de kluis "
                "onleesbaar, ook als de laptop gestolen wordt. Het programma maakt nooit verbinding "
                "met internet; er gaat niets naar buiten, tenzij u zelf iets exporteert of "
                "afdrukt.</p>"
                "<p><b>Waar moet u zelf op letten?</b> Kies een sterk wachtwoord, bewaar de "
                "herstelcode los van de laptop, en laat de laptop niet ontgrendeld achter. Na een "
                "paar minuten zonder gebruik vergrendelt het programma zichzelf.</p>"
            )
        )
        self.folder = QLineEdit(str(default_folder))
        self.folder.setAccessibleName(self.tr("Map van de kluis"))
        folder_label = QLabel(self.tr("De kluis komt in deze &map:"))
        folder_label.setBuddy(self.folder)
        folder_hint = QLabel(
            self.tr(
                "De voorgestelde map is prima. Kies een andere als u de kluis bijvoorbeeld op "
                "een versleutelde schijf wilt."
            )
        )
        folder_hint.setWordWrap(True)
        browse = QPushButton(self.tr("Andere map…"))
        browse.clicked.connect(self._browse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(folder_label)
        layout.addLayout(row)
        layout.addWidget(folder_hint)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.folder.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        # On Volgende, not in the folder: a typed letter must not replace the folder's path.
        # (After the wizard has put the focus on its own choice for the page.)
        next_button = self.wizard().button(QWizard.WizardButton.NextButton)
        QTimer.singleShot(0, next_button, next_button.setFocus)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Kies een map"), self.folder.text())
        if chosen:
            self.folder.setText(str(Path(chosen) / "vpnotebook-kluis"))

    def chosen(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def isComplete(self) -> bool:
        text = self.folder.text().strip()
        taken = bool(text) and is_vault(self.chosen())
        self.problem.setText(
            self.tr(
                "In deze map staat al een kluis. Kies een andere map, of "
                "sluit de wizard en open die kluis."
            )
            if taken
            else ""
        )
        return bool(text) and not taken


class PassphrasePage(QWizardPage):
    """Choose the passphrase; the policy knows the name and organisation given before."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Kies uw wachtwoord"))
        self.setSubTitle(
            self.tr(
                "Met dit wachtwoord opent u elke dag de kluis. Niemand anders "
                "kent het, ook wij niet; het is niet terug te halen."
            )
        )
        self.fields = PassphraseFields(self)
        self.fields.changed.connect(self.completeChanged)
        form = QFormLayout()
        self.fields.add_to(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.fields.first.setFocus()

    def isComplete(self) -> bool:
        return self.fields.acceptable()


class RecoveryCodePage(QWizardPage):
    """The recovery code, shown and typed back; only then is the vault made."""

    created = Signal(object)  # the open Vault

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Uw herstelcode"))
        self.setSubTitle(
            self.tr(
                "Deze code ziet u maar één keer. Schrijf hem op of druk hem "
                "af, en bewaar hem op een veilige plek, los van de laptop. Pas als u hem "
                "hebt overgetypt, wordt de kluis gemaakt."
            )
        )
        self.view = RecoveryCodeView(self)
        self.view.confirmed_changed.connect(self.completeChanged)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setTextVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.vault: Vault | None = None
        self.calibration: Calibration | None = None
        self._job: BackgroundJob | None = None
        self._job_for: Callable[[str], Callable[[], Made]] | None = None

    @property
    def code(self) -> str:
        return self.view.code

    @property
    def check(self) -> QLineEdit:
        return self.view.check

    def initializePage(self) -> None:
        # A new code each time the page is reached: one that was shown and then given up
        # (Back) is never stored.
        self.view.show_code(recovery.generate())
        self.status.clear()
        # After the wizard has put the focus on its own choice for a new page.
        QTimer.singleShot(0, self.view.check, self.view.check.setFocus)

    def cleanupPage(self) -> None:
        self.view.clear()

    def set_maker(self, job_for: Callable[[str], Callable[[], Made]]) -> None:
        """How the vault is made once the code is confirmed: `job_for(code)` is called here,
        on the GUI thread, and the job it returns runs on a worker thread."""
        self._job_for = job_for

    def expected_check(self) -> str:
        return self.view.expected_check()

    def isComplete(self) -> bool:
        return self.view.confirmed() and not (self._job is not None and self._job.running)

    def validatePage(self) -> bool:
        if self.vault is not None:
            return True
        if self._job_for is None or not self.view.confirmed():
            return False
        job = self._job_for(self.code)
        self.busy.setVisible(True)
        self.view.check.setEnabled(False)
        self.wizard().button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.status.setText(
            self.tr("De kluis wordt gemaakt en de sleutel afgeleid. Dit duurt een paar seconden…")
        )
        self._job = BackgroundJob(job, self)
        self._job.done.connect(self._created)
        self._job.failed.connect(self._failed)
        self._job.start()
        self.completeChanged.emit()
        return False

    def _created(self, result: Made) -> None:
        self.vault, self.calibration = result
        self.busy.setVisible(False)
        self.status.setText(self.tr("De kluis is gemaakt."))
        self.created.emit(self.vault)

    def _failed(self, error: object) -> None:
        self.busy.setVisible(False)
        self.view.check.setEnabled(True)
        self.wizard().button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.status.clear()
        message = (
            error.message(current_language())
            if isinstance(error, VaultError)
            else type(error).__name__
        )
        dialogs.error(
            self,
            self.tr("De kluis kon niet worden gemaakt"),
            message
            + " "
            + self.tr(
                "Er is nog geen kluis; de herstelcode hierboven blijft de code voor de kluis "
                "zodra het maken wel lukt."
            ),
        )
        self.completeChanged.emit()


class ProfilePage(QWizardPage):
    """Who the VP is (for the report) and the first client organisation, on one page."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Over u en uw eerste opdrachtgever"))
        self.setSubTitle(
            self.tr(
                "Uw naam en rol komen op het jaarverslag. U kunt ze later wijzigen onder "
                "Bestand → Instellingen → Over u."
            )
        )
        self.name = QLineEdit()
        self.role = QComboBox()
        for term in VP_ROLES:
            self.role.addItem(label(VP_ROLES, term.code), term.code)
        self.organisation_name = QLineEdit()
        self.employees = QSpinBox()
        self.employees.setRange(0, 1_000_000)
        self.employees.setValue(0)
        self.employees.setSpecialValueText(self.tr("onbekend"))
        self.sector = QLineEdit()
        self.sector.setPlaceholderText(self.tr("Bijvoorbeeld: zorg, onderwijs, overheid"))
        self.retention = QSpinBox()
        self.retention.setRange(0, 30)
        self.retention.setValue(2)
        self.retention.setSuffix(self.tr(" jaar na afsluiten"))
        you = QFormLayout()
        you.addRow(buddy_label(self.tr("Uw &naam:"), self.name), self.name)
        you.addRow(buddy_label(self.tr("Uw &rol:"), self.role), self.role)
        client = QFormLayout()
        client.addRow(
            buddy_label(self.tr("Naam van de &organisatie:"), self.organisation_name),
            self.organisation_name,
        )
        client.addRow(buddy_label(self.tr("Aantal &medewerkers:"), self.employees), self.employees)
        client.addRow(buddy_label(self.tr("&Sector:"), self.sector), self.sector)
        client.addRow(
            buddy_label(self.tr("Bewaar&termijn dossiers:"), self.retention), self.retention
        )
        heading = QLabel(
            self.tr("<b>Uw eerste opdrachtgever</b> — meer organisaties voegt u later toe")
        )
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(you)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addLayout(client)
        layout.addStretch(1)
        self.name.textChanged.connect(self.completeChanged)
        self.organisation_name.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        self.name.setFocus()

    def isComplete(self) -> bool:
        return bool(self.name.text().strip() and self.organisation_name.text().strip())

    def organisation(self) -> Organisation:
        return Organisation(
            name=self.organisation_name.text().strip(),
            employee_count=self.employees.value() or None,
            sector=self.sector.text().strip(),
            retention_years=self.retention.value(),
        )


class FirstStartWizard(QWizard):
    """Emits `completed(Session)` with the new vault open and the first organisation added.

    Who the VP is and the first organisation come first, so that the passphrase policy knows
    them; the vault is made only after the recovery code was shown and typed back.
    """

    completed = Signal(object)

    def __init__(
        self,
        default_folder: Path,
        *,
        kdf_params: Argon2Params | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("vpnotebook instellen"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self._kdf_params = kdf_params
        self.welcome_page = WelcomePage(default_folder)
        self.profile_page = ProfilePage()
        self.passphrase_page = PassphrasePage()
        self.code_page = RecoveryCodePage()
        for page in (
            self.welcome_page,
            self.profile_page,
            self.passphrase_page,
            self.code_page,
        ):
            self.addPage(page)
        self.code_page.set_maker(self._job_for)
        self.code_page.created.connect(self._vault_created)
        self.currentIdChanged.connect(self._page_shown)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Volgende"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Vorige"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Kluis maken"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuleren"))

    def _page_shown(self, _page_id: int) -> None:
        if self.currentPage() is self.passphrase_page:
            self.passphrase_page.fields.set_personal(
                [self.profile_page.name.text(), self.profile_page.organisation_name.text()]
            )

    def _job_for(self, code: str) -> Callable[[], Made]:
        """Read the pages here (GUI thread); the job calibrates and makes the vault."""
        folder, passphrase = self.welcome_page.chosen(), self.passphrase_page.fields.passphrase()
        explicit = self._kdf_params

        def make() -> Made:
            calibration = None if explicit is not None else calibrate()
            params = explicit if calibration is None else calibration.params
            vault, _ = Vault.create(folder, passphrase, recovery_code=code, kdf_params=params)
            if explicit is None:
                vault.policy = PRODUCTION  # later seals calibrate afresh, never below the floor
            return vault, calibration

        return make

    def _vault_created(self, vault: Vault) -> None:
        session = Session(vault)
        journal = session.journal
        with journal.transaction():
            save_vp_profile(
                journal, self.profile_page.name.text(), str(self.profile_page.role.currentData())
            )
            journal.add(self.profile_page.organisation())
        calibration = self.code_page.calibration
        self.passphrase_page.fields.clear()
        self.code_page.view.clear()
        if calibration is not None and calibration.memory_limited:
            dialogs.inform(
                self,
                self.tr("Weinig werkgeheugen"),
                self.tr(
                    "Deze computer heeft weinig werkgeheugen. De sleutel van uw kluis is daarom "
                    "afgeleid met %1 in plaats van minstens 256 MiB. Op een computer met 4 GiB "
                    "of meer kunt u hem later versterken (Instellingen, Beveiliging)."
                ).replace("%1", calibration.params.describe()),
            )
        # Finish ran the code page's validatePage, which made the vault in the background;
        # now that it exists, the same check lets the wizard close.
        self.accept()
        self.completed.emit(session)
