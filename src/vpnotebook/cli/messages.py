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
    "passphrase_too_short": (
        "Kies een wachtwoord van minstens {minimum} tekens; een zin van een paar woorden "
        "is sterk en goed te onthouden.",
        "Choose a passphrase of at least {minimum} characters; a sentence of a few words is "
        "strong and easy to remember.",
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
    "passphrase_changed": (
        "Het wachtwoord is gewijzigd. De herstelcode blijft geldig.",
        "The passphrase was changed. The recovery code stays valid.",
    ),
    "recovered": (
        "De kluis is geopend met de herstelcode en heeft een nieuw wachtwoord.",
        "The vault was opened with the recovery code and has a new passphrase.",
    ),
    "new_recovery_code": (
        "Er is een nieuwe herstelcode gemaakt; de oude werkt niet meer.",
        "A new recovery code was made; the old one no longer works.",
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
        "(herhaalbaar; het woord zoals hierboven tussen aanhalingstekens).",
        "Change the text, or confirm each place as safe with --confirm-text WORD (repeatable; "
        "the word as quoted above).",
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
