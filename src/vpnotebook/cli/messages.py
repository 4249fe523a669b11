"""The CLI's words, in Dutch by default and English with VPNOTEBOOK_LANGUAGE=en."""

from __future__ import annotations

import os
from typing import Any

LANGUAGE_ENV = "VPNOTEBOOK_LANGUAGE"

MESSAGES: dict[str, tuple[str, str]] = {
    "prompt_passphrase": ("Wachtwoord van de kluis: ", "Vault passphrase: "),
    "prompt_new_passphrase": ("Nieuw wachtwoord: ", "New passphrase: "),
    "prompt_repeat_passphrase": ("Herhaal het nieuwe wachtwoord: ", "Repeat the new passphrase: "),
    "prompt_recovery_code": ("Herstelcode: ", "Recovery code: "),
    "passphrases_differ": (
        "De twee wachtwoorden zijn niet gelijk. Er is niets gewijzigd.",
        "The two passphrases differ. Nothing was changed.",
    ),
    "secret_file_unreadable": (
        "Het bestand {path} kan niet worden gelezen.",
        "The file {path} cannot be read.",
    ),
    "secret_file_empty": ("Het bestand {path} is leeg.", "The file {path} is empty."),
    "no_terminal": (
        "Er is geen terminal om het wachtwoord te vragen. Gebruik --passphrase-file of de "
        "omgevingsvariabele VPNOTEBOOK_PASSPHRASE.",
        "There is no terminal to ask for the passphrase. Use --passphrase-file or the "
        "VPNOTEBOOK_PASSPHRASE environment variable.",
    ),
    "created": ("Nieuwe kluis gemaakt in {folder}.", "New vault created in {folder}."),
    "recovery_code_intro": (
        "Uw herstelcode (wordt maar één keer getoond). Schrijf hem op of print hem, en bewaar "
        "hem op een veilige plek, los van de laptop:",
        "Your recovery code (shown only once). Write it down or print it, and keep it in a "
        "safe place, away from the laptop:",
    ),
    "recovery_code_outro": (
        "Met deze code opent u de kluis als u het wachtwoord kwijt bent.",
        "With this code you open the vault if you lose the passphrase.",
    ),
    "weak_kdf": (
        "Let op: lichte sleutelafleiding gekozen. Alleen bedoeld voor tests.",
        "Warning: light key derivation chosen. Meant for tests only.",
    ),
    "kdf_out_of_bounds": (
        "Deze Argon2id-instellingen vallen buiten de grenzen (zie docs/formats/keyslots.md).",
        "These Argon2id settings are outside the bounds (see docs/formats/keyslots.md).",
    ),
    "kdf_chosen": (
        "Sleutelafleiding: Argon2id met {params}.",
        "Key derivation: Argon2id with {params}.",
    ),
    "kdf_memory_limited": (
        "Let op: deze computer heeft weinig werkgeheugen ({total} GiB). De sleutelafleiding "
        "gebruikt daarom {memory} in plaats van minstens 256 MiB; op een computer met 4 GiB "
        "of meer kunt u de sleutel later versterken met 'vpnotebook strengthen'.",
        "Note: this computer has little memory ({total} GiB). So key derivation uses {memory} "
        "instead of at least 256 MiB; on a computer with 4 GiB or more you can strengthen the "
        "key later with 'vpnotebook strengthen'.",
    ),
    "decryption_time_range": (
        "--decryption-time: kies {low} tot {high} milliseconden.",
        "--decryption-time: choose {low} to {high} milliseconds.",
    ),
    "init_code_not_shown": (
        "De herstelcode kon niet worden getoond (de uitvoer is vol of gesloten). Daarom is er "
        "geen kluis gemaakt. Probeer het opnieuw met een uitvoer die wel werkt.",
        "The recovery code could not be shown (the output is full or closed). So no vault was "
        "made. Try again with an output that works.",
    ),
    "init_failed_after_code": (
        "Er is geen kluis gemaakt; de herstelcode die hierboven staat, hoort bij niets en "
        "kunt u weggooien.",
        "No vault was made; the recovery code shown above belongs to nothing and can be "
        "thrown away.",
    ),
    "code_not_shown": (
        "De nieuwe herstelcode kon niet worden getoond (de uitvoer is vol of gesloten). "
        "Daarom is er niets gewijzigd: de oude herstelcode blijft geldig.",
        "The new recovery code could not be shown (the output is full or closed). So nothing "
        "was changed: the old recovery code stays valid.",
    ),
    "code_not_stored": (
        "De nieuwe herstelcode die hierboven staat, is niet opgeslagen en werkt niet; de oude "
        "herstelcode blijft geldig.",
        "The new recovery code shown above was not stored and does not work; the old "
        "recovery code stays valid.",
    ),
    "weak_slot_passphrase": (
        "Let op: de sleutel achter uw wachtwoord is lichter beveiligd ({params}) dan "
        "vpnotebook nu als minimum aanhoudt ({floor}).",
        "Note: the key behind your passphrase is protected more lightly ({params}) than "
        "vpnotebook's current minimum ({floor}).",
    ),
    "weak_slot_recovery": (
        "Let op: de sleutel achter uw herstelcode is lichter beveiligd ({params}) dan "
        "vpnotebook nu als minimum aanhoudt ({floor}).",
        "Note: the key behind your recovery code is protected more lightly ({params}) than "
        "vpnotebook's current minimum ({floor}).",
    ),
    "weak_slot_advice": (
        "Heeft u dat niet zelf zo ingesteld, dan kan iemand met het sleutelbestand hebben "
        "geknoeid. Versterk de sleutel met: vpnotebook strengthen --vault {folder} "
        "(met --recovery-code-file ook die van de herstelcode).",
        "If you did not set it up like that yourself, someone may have tampered with the "
        "key-slot file. Strengthen it with: vpnotebook strengthen --vault {folder} "
        "(with --recovery-code-file also the recovery code's).",
    ),
    "strengthened_passphrase": (
        "Wachtwoord: Argon2id met {params}.",
        "Passphrase: Argon2id with {params}.",
    ),
    "strengthened_recovery": (
        "Herstelcode: Argon2id met {params}.",
        "Recovery code: Argon2id with {params}.",
    ),
    "strengthen_recovery_needs_code": (
        "De sleutel achter de herstelcode is niet versterkt: daarvoor is de herstelcode "
        "nodig (--recovery-code-file). Of maak een nieuwe: vpnotebook new-recovery-code "
        "--vault {folder}.",
        "The key behind the recovery code was not strengthened: that needs the recovery "
        "code (--recovery-code-file). Or make a new one: vpnotebook new-recovery-code "
        "--vault {folder}.",
    ),
    "rekey_finished": (
        "Een sleutelwissel die was onderbroken, is nu afgemaakt: de kluis heeft de nieuwe sleutel.",
        "A key change that was interrupted has now been finished: the vault has the new key.",
    ),
    "rekey_undone": (
        "Een sleutelwissel die was onderbroken, is teruggedraaid: de kluis heeft nog de oude "
        "sleutel, en het oude wachtwoord en de oude herstelcode gelden nog.",
        "A key change that was interrupted has been undone: the vault still has its old key, "
        "and the old passphrase and recovery code still apply.",
    ),
    "rekey_offer": (
        "Tip: maak nu ook een nieuwe sleutel met 'vpnotebook rekey --vault {folder}'. Oude "
        "reservekopieën en oude sleutelbestanden openen de kluis daarna niet meer; oude "
        "reservekopieën blijven wél met het oude wachtwoord te openen.",
        "Tip: now also make a new key with 'vpnotebook rekey --vault {folder}'. Old backups "
        "and old key-slot files no longer open the vault after that; old backups can still "
        "be opened with the old passphrase.",
    ),
    "rekey_code_choice": (
        "Geef de huidige herstelcode met --recovery-code-file, of kies --new-recovery-code "
        "voor een nieuwe (niet allebei).",
        "Give the current recovery code with --recovery-code-file, or choose "
        "--new-recovery-code for a new one (not both).",
    ),
    "rekey_new_code": (
        "Bij de nieuwe sleutel hoort een nieuwe herstelcode.",
        "The new key comes with a new recovery code.",
    ),
    "rekey_code_not_shown": (
        "De nieuwe herstelcode kon niet worden getoond (de uitvoer is vol of gesloten). "
        "Daarom is er niets gewijzigd: de kluis heeft nog de oude sleutel en de oude "
        "herstelcode blijft geldig.",
        "The new recovery code could not be shown (the output is full or closed). So nothing "
        "was changed: the vault still has its old key and the old recovery code stays valid.",
    ),
    "rekey_code_not_used": (
        "De nieuwe herstelcode die hierboven staat, is niet in gebruik genomen.",
        "The new recovery code shown above was not taken into use.",
    ),
    "rekey_busy": (
        "De kluis wordt onder een nieuwe sleutel gekopieerd en gecontroleerd…",
        "The vault is being copied under a new key and checked…",
    ),
    "rekey_done": (
        "De kluis heeft een nieuwe sleutel. Oude reservekopieën en oude sleutelbestanden "
        "openen de kluis niet meer; oude reservekopieën blijven wél met het oude wachtwoord "
        "te openen. Maak nu een nieuwe reservekopie.",
        "The vault has a new key. Old backups and old key-slot files no longer open the "
        "vault; old backups can still be opened with the old passphrase. Make a new backup "
        "now.",
    ),
    "passphrase_changed": (
        "Het wachtwoord is gewijzigd. De herstelcode blijft geldig.",
        "The passphrase was changed. The recovery code stays valid.",
    ),
    "recovered": (
        "De kluis is geopend met de herstelcode en heeft een nieuw wachtwoord.",
        "The vault was opened with the recovery code and has a new passphrase.",
    ),
    "new_recovery_code_made": (
        "Er is een nieuwe herstelcode gemaakt.",
        "A new recovery code was made.",
    ),
    "new_recovery_code": (
        "De nieuwe herstelcode is opgeslagen; de oude werkt niet meer.",
        "The new recovery code is stored; the old one no longer works.",
    ),
    "check_ok": (
        "De kluis is in orde: versleuteling, structuur en verwijzingen gecontroleerd.",
        "The vault is sound: encryption, structure and references checked.",
    ),
    "check_failed": (
        "De controle vond {count} probleem/problemen. De kluis is niet gewijzigd.",
        "The check found {count} problem(s). The vault was not changed.",
    ),
    "export_warning": (
        "Let op: het exportbestand is NIET versleuteld. Iedereen die het bestand in handen "
        "krijgt, kan alles lezen. Bewaar het alleen op een veilige plek en verwijder het als "
        "u het niet meer nodig hebt.",
        "Warning: the export file is NOT encrypted. Anyone who gets hold of the file can "
        "read everything. Keep it only in a safe place and delete it when no longer needed.",
    ),
    "export_confirm": ("Typ 'ja' om door te gaan: ", "Type 'yes' to continue: "),
    "export_needs_yes": (
        "Exporteren vraagt om bevestiging. Gebruik --yes als u het zeker weet.",
        "Exporting needs confirmation. Use --yes if you are sure.",
    ),
    "export_cancelled": (
        "Export afgebroken; er is niets geschreven.",
        "Export cancelled; nothing was written.",
    ),
    "exported": ("Alles geëxporteerd naar {path}.", "Everything exported to {path}."),
    "imported": ("Geïmporteerd: {summary}.", "Imported: {summary}."),
    "import_failed": (
        "Het bestand kon niet worden ingelezen; er is niets geïmporteerd.\n{message}",
        "The file could not be read in; nothing was imported.\n{message}",
    ),
    "demo_filled": (
        "Voorbeeldgegevens (fictief) toegevoegd: {summary}.",
        "Example data (fictional) added: {summary}.",
    ),
    "vault_not_empty": (
        "Deze kluis bevat al gegevens. Kies een nieuwe of lege kluis.",
        "This vault already holds data. Choose a new or empty vault.",
    ),
    "unexpected": (
        "Er ging onverwacht iets mis ({kind}). Er is niets van uw gegevens getoond of "
        "weggeschreven; wat al was opgeslagen, is bewaard.",
        "Something unexpected went wrong ({kind}). None of your data was shown or written "
        "out; what was saved before is kept.",
    ),
    "opened_read_only": (
        "Let op: de schijf is vol of alleen-lezen. De kluis is daarom alleen-lezend geopend; er "
        "wordt niets in de kluis gewijzigd.",
        "Note: the disk is full or read-only. The vault was therefore opened read-only; nothing "
        "in the vault is changed.",
    ),
    "backup_not_recorded": (
        "Omdat de kluis alleen-lezend open was, is deze reservekopie niet in de kluis "
        "vastgelegd als ‘laatste reservekopie’.",
        "Because the vault was open read-only, this backup is not recorded in the vault as "
        "the ‘last backup’.",
    ),
    "restore_resumed": (
        "Een eerder onderbroken terugzetting in {folder} is nu afgemaakt.",
        "An earlier, interrupted restore into {folder} has now been completed.",
    ),
    "restore_rolled_back": (
        "Een eerder onderbroken terugzetting in {folder} kon niet worden afgemaakt; de kluis "
        "die er stond, is teruggezet zoals hij was.",
        "An earlier, interrupted restore into {folder} could not be completed; the vault that "
        "was there has been put back as it was.",
    ),
    "check_wal_damaged": (
        "Bij het openen op {moment} (UTC) eindigde het logbestand van de kluis (vault.db-wal) bij "
        "een beschadigd blok: {count} vastgelegde wijziging(en) daarna konden niet worden "
        "gelezen en ontbreken in de kluis. Een kopie van dat logbestand is bewaard in {copy}. "
        "Vergelijk de kluis met uw laatste reservekopie en zet die zo nodig terug; verwijder de "
        "kopie als u dit hebt afgehandeld.",
        "When the vault was opened at {moment} (UTC), its log file (vault.db-wal) ended at a "
        "damaged block: {count} committed change(s) after it could not be read and are missing "
        "from the vault. A copy of that log is kept in {copy}. Compare the vault with your last "
        "backup and restore it if needed; delete the copy once you have dealt with this.",
    ),
    "import_missing": (
        "Het bestand {path} bestaat niet of is geen bestand. Er is niets geïmporteerd.",
        "The file {path} does not exist or is not a file. Nothing was imported.",
    ),
    "backup_made": (
        "Reservekopie gemaakt en gecontroleerd: {path} ({size} kB).",
        "Backup made and verified: {path} ({size} kB).",
    ),
    "backup_contents": (
        "Inhoud: {organisations} organisaties, {cases} meldingen, {conversations} gesprekken "
        "(gemaakt {created}).",
        "Contents: {organisations} organisations, {cases} cases, {conversations} conversations "
        "(made {created}).",
    ),
    "backup_rotated": ("Oude reservekopie opgeruimd: {path}", "Old backup removed: {path}"),
    "backup_verified": (
        "De reservekopie {path} is volledig, onbeschadigd en te openen.",
        "The backup {path} is complete, undamaged and opens.",
    ),
    "restored": (
        "De reservekopie is teruggezet in {folder}. U opent die kluis met het wachtwoord of de "
        "herstelcode van het moment van de reservekopie.",
        "The backup was restored into {folder}. Open that vault with the passphrase or "
        "recovery code valid when the backup was made.",
    ),
    "restore_set_aside": (
        "De kluis die er stond, is bewaard in {folder}.",
        "The vault that was there is kept in {folder}.",
    ),
    "report_needs_org": (
        "Kies een organisatie met --org, of gebruik --overview voor uw overzicht van alle "
        "organisaties.",
        "Choose an organisation with --org, or use --overview for your overview of all "
        "organisations.",
    ),
    "report_unknown_org": (
        "Er is geen organisatie met de naam '{name}' in deze kluis.",
        "There is no organisation named '{name}' in this vault.",
    ),
    "report_bad_year": (
        "--year: geef een jaartal tussen 1990 en 2200.",
        "--year: give a year between 1990 and 2200.",
    ),
    "report_k_too_low": (
        "--k: de drempel kan niet lager dan 3.",
        "--k: the threshold cannot be lower than 3.",
    ),
    "report_k_lowered": (
        "Let op: de drempel is verlaagd naar {k} (aanbevolen: 5). Doe dit alleen als dat met de "
        "organisatie is afgesproken; het verslag vermeldt het bij elke tabel.",
        "Warning: the threshold is lowered to {k} (recommended: 5). Do this only as agreed with "
        "the organisation; the report says so at every table.",
    ),
    "report_text_unreadable": (
        "Het tekstbestand {path} kan niet worden gelezen (UTF-8 verwacht).",
        "The text file {path} cannot be read (UTF-8 expected).",
    ),
    "report_text_hits": (
        "De teksten van het verslag bevatten {count} plek(ken) die naar een persoon of "
        "melding kunnen wijzen en nog niet zijn bevestigd. Er is niets geschreven.",
        "The report's texts have {count} place(s) that may point to a person or case and are "
        "not confirmed yet. Nothing was written.",
    ),
    "report_text_hit": (
        "  regel {line}, positie {column}: '{word}' ({reason})",
        "  line {line}, position {column}: '{word}' ({reason})",
    ),
    "report_record_hit": (
        "  {where}: '{word}' ({reason})",
        "  {where}: '{word}' ({reason})",
    ),
    "report_where_signal": ("signaal of advies {id}, {field}", "signal or advice {id}, {field}"),
    "report_where_outreach": ("voorlichting {id}, {field}", "outreach {id}, {field}"),
    "report_text_confirm": (
        "Pas de tekst aan, of bevestig per plek dat die veilig is met --confirm-text WOORD "
        "(herhaalbaar; het woord zoals hierboven tussen aanhalingstekens). De kluis onthoudt "
        "een bevestiging zolang de zin waarin het woord staat niet verandert.",
        "Change the text, or confirm each place as safe with --confirm-text WORD (repeatable; "
        "the word as quoted above). The vault remembers a confirmation as long as the sentence "
        "the word is in does not change.",
    ),
    "report_text_confirmed": (
        "U hebt bevestigd dat {count} aandachtspunt(en) zo mogen blijven.",
        "You confirmed that {count} point(s) of attention may stay as they are.",
    ),
    "report_issued": (
        "Vastgelegd als versie {version} van het jaarverslag over {year}.",
        "Recorded as version {version} of the annual report on {year}.",
    ),
    "report_written": ("Jaarverslag geschreven naar {path}.", "Annual report written to {path}."),
    "report_csv_written": (
        "Tabellen als CSV geschreven naar {path}.",
        "Tables written as CSV to {path}.",
    ),
    "report_overview_warning": (
        "Let op: dit overzicht is alleen voor uzelf. Het bevat exacte aantallen, ook kleine; "
        "deel het niet.",
        "Warning: this overview is for yourself only. It holds exact numbers, small ones too; "
        "do not share it.",
    ),
    "report_overview_written": (
        "Overzicht (niet voor verspreiding) geschreven naar {path}.",
        "Overview (not for distribution) written to {path}.",
    ),
    "report_audit": (
        "Beschermingsoverzicht (alleen voor u; staat niet in het verslag):",
        "Disclosure audit (for you only; not in the report):",
    ),
    "interrupted": ("Afgebroken.", "Interrupted."),
    "gui_unavailable": (
        "Het venster kan niet worden gestart: {reason}",
        "The window cannot be started: {reason}",
    ),
}


def language() -> str:
    return "en" if os.environ.get(LANGUAGE_ENV, "nl").lower().startswith("en") else "nl"


def text(key: str, **values: Any) -> str:
    dutch, english = MESSAGES[key]
    return (english if language() == "en" else dutch).format(**values)


class UsageProblem(Exception):
    """Wrong use of the command line; exit code 2 with a message in the VP's language."""


class CliFailure(Exception):
    """A failure the command words itself (exit code 1 unless a vault error says otherwise)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    @classmethod
    def after(cls, error: Any, addition: str) -> CliFailure:
        """A vault error's own message and exit code, with what it means here."""
        return cls(f"{error.message(language())} {addition}", error.exit_code)
