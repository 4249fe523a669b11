"""First start: what is protected, where the vault lives, passphrase, recovery code, profile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
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
from ...vault.errors import VaultError
from ...vault.kdf import Argon2Params
from ...vault.vault import Vault, is_vault
from ..common import dialogs
from ..common.passphrase import PassphraseFields
from ..common.worker import BackgroundJob
from ..session import Session


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class IntroPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welkom bij vpnotebook"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _label(
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
        )
        layout.addStretch(1)


class FolderPage(QWizardPage):
    def __init__(self, default_folder: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Waar komt de kluis?"))
        self.setSubTitle(
            self.tr(
                "De voorgestelde map is prima. Kies een andere als u de kluis "
                "bijvoorbeeld op een versleutelde schijf wilt."
            )
        )
        self.folder = QLineEdit(str(default_folder))
        self.folder.setAccessibleName(self.tr("Map van de kluis"))
        browse = QPushButton(self.tr("Bladeren…"))
        browse.clicked.connect(self._browse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.folder.textChanged.connect(self.completeChanged)

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
    created = Signal(object, str)  # the open Vault, the recovery code

    def __init__(self, folder_page: FolderPage, kdf_params: Argon2Params | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Kies uw wachtwoord"))
        self.setSubTitle(
            self.tr(
                "Met dit wachtwoord opent u elke dag de kluis. Niemand anders "
                "kent het, ook wij niet; het is niet terug te halen."
            )
        )
        self._folder_page = folder_page
        self._kdf_params = kdf_params
        self.fields = PassphraseFields(self)
        self.fields.changed.connect(self.completeChanged)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setTextVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        self.fields.add_to(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.vault: Vault | None = None
        self.code = ""
        self._job: BackgroundJob | None = None

    def isComplete(self) -> bool:
        return self.fields.acceptable() and not (self._job and self._job.running)

    def validatePage(self) -> bool:
        if self.vault is not None:
            return True
        folder, passphrase = self._folder_page.chosen(), self.fields.passphrase()
        self.busy.setVisible(True)
        self.status.setText(
            self.tr("De kluis wordt gemaakt en de sleutel afgeleid. Dit duurt een paar seconden…")
        )
        self._job = BackgroundJob(
            lambda: Vault.create(folder, passphrase, kdf_params=self._kdf_params), self
        )
        self._job.done.connect(self._created)
        self._job.failed.connect(self._failed)
        self._job.start()
        self.completeChanged.emit()
        return False

    def _created(self, result: tuple[Vault, str]) -> None:
        self.vault, self.code = result
        self.busy.setVisible(False)
        self.status.setText(self.tr("De kluis is gemaakt."))
        self.fields.clear()
        self.created.emit(self.vault, self.code)
        self.wizard().next()

    def _failed(self, error: object) -> None:
        self.busy.setVisible(False)
        self.status.clear()
        message = (
            error.message(self.wizard().property("language") or "nl")
            if isinstance(error, VaultError)
            else type(error).__name__
        )
        dialogs.error(self, self.tr("De kluis kon niet worden gemaakt"), message)
        self.completeChanged.emit()


class RecoveryCodePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Uw herstelcode"))
        self.setSubTitle(
            self.tr(
                "Deze code ziet u maar één keer. Schrijf hem op of druk hem "
                "af, en bewaar hem op een veilige plek, los van de laptop."
            )
        )
        self.code_label = QLabel()
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.5)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setAccessibleName(self.tr("Herstelcode"))
        print_button = QPushButton(self.tr("Afdrukken…"))
        print_button.clicked.connect(self._print)
        self.check = QLineEdit()
        self.check.setAccessibleName(self.tr("Controle van de herstelcode"))
        self.check.textChanged.connect(self.completeChanged)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(print_button)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(
            _label(
                self.tr(
                    "Met de herstelcode opent u de kluis als u uw wachtwoord vergeten bent. Wie de code "
                    "vindt, kan uw logboek lezen: bewaar hem dus net zo zorgvuldig als een sleutel."
                )
            )
        )
        layout.addWidget(self.check_label)
        layout.addWidget(self.check)
        layout.addStretch(1)
        self.code = ""

    def set_code(self, code: str) -> None:
        self.code = code
        self.code_label.setText(code)
        self.check_label.setText(
            self.tr(
                "Hebt u de code opgeschreven? Typ ter controle het tweede en het laatste groepje "
                "over, met een spatie ertussen."
            )
        )

    def expected_check(self) -> str:
        groups = self.code.split("-")
        return f"{groups[1]} {groups[-1]}" if len(groups) == 6 else ""

    def isComplete(self) -> bool:
        typed = " ".join(self.check.text().upper().replace("-", " ").split())
        return bool(self.code) and typed == self.expected_check()

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            document = QTextDocument()
            document.setHtml(
                self.tr(
                    "<h2>Herstelcode vpnotebook</h2><p style='font-size:18pt;"
                    "font-family:monospace'>%1</p><p>Bewaar dit papier op een "
                    "veilige plek, los van de laptop.</p>"
                ).replace("%1", self.code)
            )
            document.print_(printer)


class ProfilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Over u"))
        self.setSubTitle(
            self.tr("Uw naam en rol komen op het jaarverslag. U kunt ze later wijzigen.")
        )
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Uw naam"))
        self.role = QComboBox()
        self.role.addItem(self.tr("Externe vertrouwenspersoon"), "external")
        self.role.addItem(self.tr("Interne vertrouwenspersoon"), "internal")
        self.role.addItem(self.tr("Vertrouwenspersoon integriteit"), "integrity")
        self.role.setAccessibleName(self.tr("Uw rol"))
        form = QFormLayout(self)
        form.addRow(self.tr("Naam:"), self.name)
        form.addRow(self.tr("Rol:"), self.role)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class OrganisationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Uw eerste opdrachtgever"))
        self.setSubTitle(
            self.tr(
                "Voor welke organisatie bent u vertrouwenspersoon? Meer "
                "organisaties voegt u later toe."
            )
        )
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Naam van de organisatie"))
        self.employees = QSpinBox()
        self.employees.setRange(0, 1_000_000)
        self.employees.setValue(0)
        self.employees.setSpecialValueText(self.tr("onbekend"))
        self.employees.setAccessibleName(self.tr("Aantal medewerkers"))
        self.sector = QLineEdit()
        self.sector.setAccessibleName(self.tr("Sector"))
        self.retention = QSpinBox()
        self.retention.setRange(0, 30)
        self.retention.setValue(2)
        self.retention.setSuffix(self.tr(" jaar na afsluiten"))
        self.retention.setAccessibleName(self.tr("Bewaartermijn"))
        form = QFormLayout(self)
        form.addRow(self.tr("Naam:"), self.name)
        form.addRow(self.tr("Aantal medewerkers:"), self.employees)
        form.addRow(self.tr("Sector:"), self.sector)
        form.addRow(self.tr("Bewaartermijn dossiers:"), self.retention)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())

    def organisation(self) -> Organisation:
        return Organisation(
            name=self.name.text().strip(),
            employee_count=self.employees.value() or None,
            sector=self.sector.text().strip(),
            retention_years=self.retention.value(),
        )


class FirstStartWizard(QWizard):
    """Emits `completed(Session)` with the new vault open and the first organisation added."""

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
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.intro = IntroPage()
        self.folder_page = FolderPage(default_folder)
        self.passphrase_page = PassphrasePage(self.folder_page, kdf_params)
        self.code_page = RecoveryCodePage()
        self.profile_page = ProfilePage()
        self.organisation_page = OrganisationPage()
        for page in (
            self.intro,
            self.folder_page,
            self.passphrase_page,
            self.code_page,
            self.profile_page,
            self.organisation_page,
        ):
            self.addPage(page)
        self.passphrase_page.created.connect(self._vault_created)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Volgende"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Vorige"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Aan de slag"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuleren"))

    def _vault_created(self, vault: Vault, code: str) -> None:
        self.code_page.set_code(code)
        # From here the vault exists: no way back to the passphrase, no silent cancel.
        self.passphrase_page.setCommitPage(True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)

    def accept(self) -> None:
        vault = self.passphrase_page.vault
        if vault is None:
            return
        session = Session(vault)
        journal = session.journal
        with journal.transaction():
            journal.set_setting("vp_name", self.profile_page.name.text().strip())
            journal.set_setting("vp_role", str(self.profile_page.role.currentData()))
            journal.add(self.organisation_page.organisation())
        self.code_page.code = ""
        self.code_page.code_label.clear()
        super().accept()
        self.completed.emit(session)
