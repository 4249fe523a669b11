"""Typed vault failures, each with its own Dutch and English message and CLI exit code.

Messages never carry case content: they are shown in dialogs and printed by the CLI, and may
end up in a screenshot or a support e-mail.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_WRONG_SECRET = 3
EXIT_DAMAGED = 4
EXIT_IN_USE = 5


class VaultError(Exception):
    """Base of every failure the VP is told about in words rather than a traceback."""

    exit_code: int = EXIT_FAILURE
    message_nl: str = "Er ging iets mis met de kluis."
    message_en: str = "Something went wrong with the vault."

    def __init__(self, detail: str = "") -> None:
        # `detail` is for developers (never case content); the user sees the fixed message.
        super().__init__(detail or self.message_en)
        self.detail = detail

    def message(self, language: str = "nl") -> str:
        return self.message_en if language == "en" else self.message_nl


class WrongSecretError(VaultError):
    exit_code = EXIT_WRONG_SECRET
    message_nl = (
        "Het wachtwoord of de herstelcode klopt niet. Controleer hoofdletters en de "
        "Caps Lock-toets en probeer het opnieuw."
    )
    message_en = (
        "The passphrase or recovery code is not correct. Check upper and lower case and "
        "Caps Lock, and try again."
    )


class InvalidRecoveryCodeError(WrongSecretError):
    message_nl = (
        "Deze herstelcode is niet goed overgenomen: de controletekens kloppen niet. "
        "Kijk de code nog eens na, groepje voor groepje."
    )
    message_en = (
        "This recovery code was not copied correctly: its check characters do not match. "
        "Go through the code again, group by group."
    )


class VaultDamagedError(VaultError):
    exit_code = EXIT_DAMAGED
    message_nl = (
        "De kluis is beschadigd of er is mee geknoeid. Er is niets gewijzigd. "
        "Zet een reservekopie terug of neem contact op met de ondersteuning."
    )
    message_en = (
        "The vault is damaged or has been tampered with. Nothing was changed. "
        "Restore a backup or contact support."
    )


class KeySlotsDamagedError(VaultDamagedError):
    """The key-slot file fails its digest or its bounds: damage, not a wrong secret."""

    message_nl = (
        "Het sleutelbestand van de kluis (keyslots.json) is beschadigd of er is mee geknoeid. "
        "Uw wachtwoord is dus niet het probleem. Er is niets gewijzigd. Zet een reservekopie "
        "terug; die bevat zijn eigen sleutelbestand."
    )
    message_en = (
        "The vault's key-slot file (keyslots.json) is damaged or has been tampered with, so "
        "your passphrase is not the problem. Nothing was changed. Restore a backup; it holds "
        "its own key-slot file."
    )


class KdfMemoryError(VaultError):
    """Argon2id could not get the memory a slot asks for."""

    message_nl = (
        "Er is niet genoeg werkgeheugen vrij om de sleutel van de kluis af te leiden. Sluit "
        "andere programma's en probeer het opnieuw. Er is niets gewijzigd."
    )
    message_en = (
        "There is not enough free memory to derive the vault's key. Close other programs "
        "and try again. Nothing was changed."
    )


class DamagedVaultNotBackedUpError(VaultDamagedError):
    """The live vault fails its integrity check: a copy of it would not restore."""

    message_nl = (
        "Er is geen reservekopie gemaakt: de kluis zelf is beschadigd (de controle van "
        "versleuteling en structuur vond fouten). Er is ook geen oudere reservekopie "
        "opgeruimd. Maak nu een export om veilig te stellen wat nog leesbaar is, en zet daarna "
        "de laatste goede reservekopie terug."
    )
    message_en = (
        "No backup was made: the vault itself is damaged (the check of its encryption and "
        "structure found errors). No older backup was removed either. Make an export now to "
        "save what can still be read, then restore the last good backup."
    )


class VaultInUseError(VaultError):
    exit_code = EXIT_IN_USE
    message_nl = (
        "Deze kluis is al geopend in een ander venster of programma. Sluit dat eerst; "
        "twee tegelijk zou gegevens kunnen beschadigen."
    )
    message_en = (
        "This vault is already open in another window or program. Close that first; "
        "two at once could damage data."
    )


class LockFileError(VaultError):
    """`vault.lock` is there but is no ordinary file (a folder, a link to elsewhere, …)."""

    message_nl = (
        "In de kluismap staat ‘vault.lock’, maar dat is geen gewoon bestand (bijvoorbeeld een "
        "map). Zo kan niet worden vastgelegd dat de kluis in gebruik is. Verwijder of hernoem "
        "‘vault.lock’ en probeer het opnieuw; de kluis zelf is niet aangeraakt."
    )
    message_en = (
        "The vault folder holds ‘vault.lock’, but it is not an ordinary file (a folder, for "
        "instance). So the vault cannot be marked as in use. Remove or rename ‘vault.lock’ and "
        "try again; the vault itself was not touched."
    )


class ClockError(VaultError):
    """The computer's clock is outside the years the journal accepts."""

    message_nl = (
        "De klok van deze computer staat op een onmogelijke datum (buiten 1990–2200). Zet de "
        "datum en tijd goed en probeer het opnieuw. Er is niets gewijzigd."
    )
    message_en = (
        "This computer's clock shows an impossible date (outside 1990–2200). Set the date and "
        "time right and try again. Nothing was changed."
    )


class VaultTooNewError(VaultError):
    message_nl = (
        "Deze kluis is gemaakt met een nieuwere versie van vpnotebook. Werk het programma "
        "bij om hem te openen; de kluis zelf is niet aangeraakt."
    )
    message_en = (
        "This vault was made with a newer version of vpnotebook. Update the program to open "
        "it; the vault itself was not touched."
    )


class VaultNotFoundError(VaultError):
    message_nl = "In deze map staat geen kluis. Kies een andere map of maak een nieuwe kluis."
    message_en = "There is no vault in this folder. Choose another folder or create a new vault."


class VaultExistsError(VaultError):
    message_nl = "In deze map staat al een kluis. Kies een lege map voor een nieuwe kluis."
    message_en = "This folder already holds a vault. Choose an empty folder for a new vault."


class StorageError(VaultError):
    """Not our fault: the disk is full, read-only, gone, or failing."""

    message_nl = (
        "De gegevens konden niet worden opgeslagen: de schijf is vol, alleen-lezen of "
        "niet meer bereikbaar. Wat al was opgeslagen, is bewaard gebleven."
    )
    message_en = (
        "The data could not be saved: the disk is full, read-only or no longer available. "
        "What was saved before is kept."
    )


class ReadOnlyUnavailableError(StorageError):
    """The disk is full or read-only, and not even a read-only opening can see everything."""

    message_nl = (
        "De kluis kan op deze schijf nu ook niet alleen-lezend worden geopend: de laatste "
        "wijzigingen staan nog in een hulpbestand dat zonder schrijfruimte niet te lezen is, of "
        "de kluis moet eerst worden bijgewerkt. Maak ruimte vrij, of kopieer de hele kluismap "
        "naar een schijf met ruimte en open hem daar. Er is niets gewijzigd."
    )
    message_en = (
        "The vault cannot be opened read-only on this disk either: its last changes are still "
        "in a helper file that cannot be read without space to write, or the vault needs an "
        "upgrade first. Free some space, or copy the whole vault folder to a disk with space "
        "and open it there. Nothing was changed."
    )


class ReadOnlyVaultError(StorageError):
    """A change was asked of a vault that is open read-only (full disk, read-only medium)."""

    message_nl = (
        "Niet bewaard: de kluis is alleen-lezend geopend, omdat de schijf vol of alleen-lezen "
        "is. Lezen, exporteren en een reservekopie maken kan wel. Maak ruimte vrij (of zet de "
        "kluis op een schrijfbare schijf) en open de kluis opnieuw om weer te kunnen wijzigen."
    )
    message_en = (
        "Not saved: the vault is open read-only because the disk is full or read-only. "
        "Reading, exporting and making a backup still work. Free some space (or put the vault "
        "on a writable disk) and open the vault again to make changes."
    )


class BackupWriteError(StorageError):
    message_nl = (
        "De reservekopie kon niet worden geschreven: de schijf of USB-stick is vol, "
        "alleen-lezen of is verwijderd. Er is geen half bestand achtergebleven en de kluis "
        "is niet aangeraakt."
    )
    message_en = (
        "The backup could not be written: the disk or USB stick is full, read-only or was "
        "removed. No half-written file was left behind and the vault was not touched."
    )


class BackupDamagedError(VaultDamagedError):
    message_nl = (
        "Deze reservekopie is beschadigd, onvolledig of er is mee geknoeid, en is niet te "
        "gebruiken. Er is niets gewijzigd. Probeer een andere reservekopie."
    )
    message_en = (
        "This backup is damaged, incomplete or has been tampered with, and cannot be used. "
        "Nothing was changed. Try another backup."
    )


class NotABackupError(VaultDamagedError):
    message_nl = "Dit bestand is geen reservekopie van vpnotebook."
    message_en = "This file is not a vpnotebook backup."


class BackupTooNewError(VaultTooNewError):
    message_nl = (
        "Deze reservekopie is gemaakt met een nieuwere versie van vpnotebook. Werk het "
        "programma bij om hem terug te zetten."
    )
    message_en = (
        "This backup was made with a newer version of vpnotebook. Update the program to restore it."
    )


class RestoreTargetError(VaultError):
    message_nl = (
        "In de gekozen map staat al een kluis of andere bestanden. Kies een nieuwe, lege map, "
        "of kies uitdrukkelijk voor vervangen."
    )
    message_en = (
        "The chosen folder already holds a vault or other files. Choose a new, empty folder, "
        "or explicitly choose to replace."
    )


class BackupUnreadableError(VaultError):
    message_nl = (
        "Het bestand met de reservekopie kan niet worden gelezen. Bestaat het nog, en is de "
        "USB-stick goed aangesloten?"
    )
    message_en = (
        "The backup file cannot be read. Does it still exist, and is the USB stick properly "
        "connected?"
    )
