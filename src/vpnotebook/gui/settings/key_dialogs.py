"""The dialogs of Instellingen → Beveiliging: a new passphrase, a new recovery code, a new key,
and strengthening the key derivation.

Each asks for the current passphrase (whoever sits at an unlocked laptop must not be able to
take the vault over), runs its work through the KeyManager, and stays open with the reason if
something fails. A new recovery code is shown and typed back before anything is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.passphrase_policy import personal_context
from ...vault import recovery
from ...vault.errors import InvalidRecoveryCodeError, VaultError, WrongSecretError
from ..common.labels import current_language
from ..common.passphrase import PassphraseFields
from ..common.recovery_code import RecoveryCodeView
from ..session import Session
from .key_manager import KeyManager


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumWidth(320)
    return field


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class _KeyDialog(QDialog):
    """A form, a busy bar, a line for what went wrong, and OK/Cancel."""

    def __init__(self, manager: KeyManager, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.setWindowTitle(title)
        self.setMinimumWidth(640)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.problem = _wrapped("")
        self.problem.setObjectName("errorMessage")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.go)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(self.buttons)
        self.update_ok()

    def update_ok(self) -> None:
        self.ok_button.setEnabled(self.ready() and not self.manager.busy)

    def ready(self) -> bool:
        raise NotImplementedError

    def go(self) -> None:
        raise NotImplementedError

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for child in self.findChildren(QLineEdit) + self.findChildren(QRadioButton):
            child.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        if busy:
            self.problem.setVisible(False)
        self.update_ok()

    def show_problem(self, error: BaseException) -> None:
        if isinstance(error, InvalidRecoveryCodeError):
            text = error.message(current_language())
        elif isinstance(error, WrongSecretError):
            text = self.tr("Het wachtwoord of de herstelcode klopt niet. Er is niets gewijzigd.")
        elif isinstance(error, VaultError):
            text = error.message(current_language())
        else:
            text = self.tr("Er ging onverwacht iets mis (%1). Er is niets gewijzigd.").replace(
                "%1", type(error).__name__
            )
        self.problem.setText(text)
        self.problem.setVisible(True)

    def reject(self) -> None:
        if not self.manager.busy:
            super().reject()


class ChangePassphraseDialog(_KeyDialog):
    def __init__(
        self, session: Session, manager: KeyManager, parent: QWidget | None = None
    ) -> None:
        super().__init__(manager, self.tr("Wachtwoord wijzigen"), parent)
        self.ok_button.setText(self.tr("Wachtwoord wijzigen"))
        self.current = _secret_field(self.tr("Huidig wachtwoord"))
        self.fields = PassphraseFields(self)
        self.fields.set_personal(personal_context(session.journal))
        form = QFormLayout()
        form.addRow(self.tr("Huidig wachtwoord:"), self.current)
        self.fields.add_to(form)
        self.layout_.addWidget(
            _wrapped(
                self.tr(
                    "Daarna opent u de kluis met het nieuwe wachtwoord. Uw herstelcode blijft "
                    "geldig."
                )
            )
        )
        self.layout_.addLayout(form)
        self.finish_layout()
        self.current.textChanged.connect(self.update_ok)
        self.fields.changed.connect(self.update_ok)
        # Kept until the dialog is gone, for the offer of a new key that follows.
        self.new_passphrase = ""

    def ready(self) -> bool:
        return bool(self.current.text()) and self.fields.acceptable()

    def go(self) -> None:
        if not self.ready():
            return
        current, new = self.current.text(), self.fields.passphrase()
        self.set_busy(True)

        def outcome(error: BaseException | None) -> None:
            self.set_busy(False)
            if error is not None:
                self.show_problem(error)
                return
            self.new_passphrase = new
            self.current.clear()
            self.fields.clear()
            self.accept()

        self.manager.change_passphrase(current, new, outcome)


class NewRecoveryCodeDialog(_KeyDialog):
    """Step 1: the current passphrase. Step 2: the new code, shown and typed back; stored."""

    def __init__(self, manager: KeyManager, parent: QWidget | None = None) -> None:
        super().__init__(manager, self.tr("Nieuwe herstelcode"), parent)
        self.pages = QStackedWidget()
        first = QWidget()
        first_layout = QVBoxLayout(first)
        first_layout.setContentsMargins(0, 0, 0, 0)
        first_layout.addWidget(
            _wrapped(
                self.tr(
                    "U krijgt een nieuwe herstelcode; de oude werkt daarna niet meer. Gebruik "
                    "dit als u de oude kwijt bent of als iemand anders hem gezien kan hebben."
                )
            )
        )
        self.current = _secret_field(self.tr("Huidig wachtwoord"))
        form = QFormLayout()
        form.addRow(self.tr("Huidig wachtwoord:"), self.current)
        first_layout.addLayout(form)
        first_layout.addStretch(1)
        self.view = RecoveryCodeView()
        self.pages.addWidget(first)
        self.pages.addWidget(self.view)
        self.layout_.addWidget(self.pages)
        self.finish_layout()
        self.ok_button.setText(self.tr("Volgende"))
        self.current.textChanged.connect(self.update_ok)
        self.view.confirmed_changed.connect(self.update_ok)
        self.code = ""  # for the offer of a new key that follows, once stored
        self.passphrase = ""

    def ready(self) -> bool:
        if self.pages.currentIndex() == 0:
            return bool(self.current.text())
        return self.view.confirmed()

    def go(self) -> None:
        if not self.ready():
            return
        if self.pages.currentIndex() == 0:
            self.view.show_code(recovery.generate())
            self.pages.setCurrentIndex(1)
            self.ok_button.setText(self.tr("Herstelcode opslaan"))
            self.update_ok()
            return
        current, code = self.current.text(), self.view.code
        self.set_busy(True)

        def outcome(error: BaseException | None) -> None:
            self.set_busy(False)
            if error is not None:
                # Nothing was stored: back to the start; the code shown is never used.
                self.view.clear()
                self.pages.setCurrentIndex(0)
                self.ok_button.setText(self.tr("Volgende"))
                self.show_problem(error)
                self.update_ok()
                return
            self.code, self.passphrase = code, current
            self.current.clear()
            self.view.clear()
            self.accept()

        self.manager.set_recovery_code(current, code, outcome)


def rekey_why() -> str:
    """The one sentence on why a new key is worth it, wherever a new key is offered."""
    return QCoreApplication.translate(
        "KeyDialogs",
        "Met een nieuwe sleutel wordt de kluis opnieuw versleuteld. Oude reservekopieën en oude "
        "sleutelbestanden openen de kluis daarna niet meer; oude reservekopieën blijven wél met "
        "het oude wachtwoord te openen.",
    )


class RekeyDialog(_KeyDialog):
    """A new key. Secrets already known (just typed in a previous dialog) are not asked again."""

    def __init__(
        self,
        manager: KeyManager,
        parent: QWidget | None = None,
        *,
        passphrase: str = "",
        code: str = "",
    ) -> None:
        super().__init__(manager, self.tr("Nieuwe sleutel maken"), parent)
        self._known_passphrase = passphrase
        self._known_code = code
        self.pages = QStackedWidget()
        first = QWidget()
        first_layout = QVBoxLayout(first)
        first_layout.setContentsMargins(0, 0, 0, 0)
        first_layout.addWidget(_wrapped(rekey_why()))
        first_layout.addWidget(
            _wrapped(
                self.tr(
                    "Dit duurt bij een grote kluis een halve minuut. Maak daarna een nieuwe "
                    "reservekopie."
                )
            )
        )
        self.passphrase = _secret_field(self.tr("Wachtwoord"))
        self.keep_code = QRadioButton(self.tr("Mijn herstelcode blijft geldig:"))
        self.new_code = QRadioButton(self.tr("Maak een nieuwe herstelcode (de oude vervalt)"))
        self.keep_code.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep_code)
        group.addButton(self.new_code)
        self.code = QLineEdit()
        self.code.setPlaceholderText("_____-_____-_____-_____-_____-_____")
        self.code.setAccessibleName(self.tr("Huidige herstelcode"))
        form = QFormLayout()
        if not passphrase:
            form.addRow(self.tr("Wachtwoord:"), self.passphrase)
        if not code:
            form.addRow(self.keep_code, self.code)
            form.addRow("", self.new_code)
        first_layout.addLayout(form)
        first_layout.addStretch(1)
        self.view = RecoveryCodeView()
        self.pages.addWidget(first)
        self.pages.addWidget(self.view)
        self.layout_.addWidget(self.pages)
        self.finish_layout()
        self.ok_button.setText(self.tr("Nieuwe sleutel maken"))
        for field in (self.passphrase, self.code):
            field.textChanged.connect(self.update_ok)
        self.new_code.toggled.connect(self._code_choice)
        self.view.confirmed_changed.connect(self.update_ok)
        self._code_choice()

    def _code_choice(self) -> None:
        self.code.setEnabled(self.keep_code.isChecked())
        self.ok_button.setText(
            self.tr("Volgende") if self._making_code() else self.tr("Nieuwe sleutel maken")
        )
        self.update_ok()

    def _making_code(self) -> bool:
        return not self._known_code and self.new_code.isChecked()

    def ready(self) -> bool:
        if self.pages.currentIndex() == 1:
            return self.view.confirmed()
        if not (self._known_passphrase or self.passphrase.text()):
            return False
        if self._known_code or self.new_code.isChecked():
            return True
        return recovery.looks_like_recovery_code(self.code.text())

    def go(self) -> None:
        if not self.ready():
            return
        if self.pages.currentIndex() == 0 and self._making_code():
            self.view.show_code(recovery.generate())
            self.pages.setCurrentIndex(1)
            self.ok_button.setText(self.tr("Nieuwe sleutel maken"))
            self.update_ok()
            return
        passphrase = self._known_passphrase or self.passphrase.text()
        if self._known_code:
            code, is_new = self._known_code, False
        elif self._making_code():
            code, is_new = self.view.code, True
        else:
            code, is_new = self.code.text(), False
        self.set_busy(True)

        def outcome(error: BaseException | None) -> None:
            self.set_busy(False)
            if error is not None:
                self.view.clear()
                self.pages.setCurrentIndex(0)
                self._code_choice()
                self.show_problem(error)
                return
            self._known_passphrase = self._known_code = ""
            self.passphrase.clear()
            self.code.clear()
            self.view.clear()
            self.accept()

        self.manager.rekey(passphrase, code, is_new, outcome)


class StrengthenDialog(_KeyDialog):
    """Seal the slots again at today's strength; the same passphrase and recovery code."""

    def __init__(self, manager: KeyManager, parent: QWidget | None = None) -> None:
        super().__init__(manager, self.tr("Sleutelafleiding versterken"), parent)
        self.layout_.addWidget(
            _wrapped(
                self.tr(
                    "Uw wachtwoord en herstelcode blijven hetzelfde; de sleutel erachter wordt "
                    "opnieuw afgeleid met wat deze computer nu aankan. Typ de herstelcode ook in "
                    "om die sleutel mee te versterken."
                )
            )
        )
        self.passphrase = _secret_field(self.tr("Wachtwoord"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("_____-_____-_____-_____-_____-_____")
        self.code.setAccessibleName(self.tr("Herstelcode (mag leeg)"))
        form = QFormLayout()
        form.addRow(self.tr("Wachtwoord:"), self.passphrase)
        form.addRow(self.tr("Herstelcode (mag leeg):"), self.code)
        self.layout_.addLayout(form)
        self.finish_layout()
        self.ok_button.setText(self.tr("Versterken"))
        self.passphrase.textChanged.connect(self.update_ok)
        self.code.textChanged.connect(self.update_ok)

    def ready(self) -> bool:
        code = self.code.text().strip()
        return bool(self.passphrase.text()) and (
            not code or recovery.looks_like_recovery_code(code)
        )

    def go(self) -> None:
        if not self.ready():
            return
        passphrase, code = self.passphrase.text(), self.code.text().strip() or None
        self.set_busy(True)

        def outcome(error: BaseException | None) -> None:
            self.set_busy(False)
            if error is not None:
                self.show_problem(error)
                return
            self.passphrase.clear()
            self.code.clear()
            self.accept()

        self.manager.strengthen(passphrase, code, outcome)
