<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name></name>
    <message>
        <source>Er ging onverwacht iets mis (%1). Er is niets gewijzigd.</source>
        <translation>Something unexpected went wrong (%1). Nothing has been changed.</translation>
    </message>
    <message>
        <source>%1 om %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>gisteren</source>
        <translation>yesterday</translation>
    </message>
    <message>
        <source>%1 dagen geleden</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <source>1 melding</source>
        <translation>1 case</translation>
    </message>
    <message>
        <source>%1 meldingen</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>1 gesprek</source>
        <translation>1 conversation</translation>
    </message>
    <message>
        <source>%1 gesprekken</source>
        <translation>%1 conversations</translation>
    </message>
    <message>
        <source>%1 en %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <source>Nog geen reservekopie gemaakt</source>
        <translation>No backup made yet</translation>
    </message>
    <message>
        <source>Laatste reservekopie: %1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Meldingen</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Organisaties</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Voorlichting</source>
        <translation>Outreach</translation>
    </message>
    <message>
        <source>Signalen en advies</source>
        <translation>Signals and advice</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Jaarverslag</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <source>Reservekopie</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>nog invullen</source>
        <translation>fill in</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 (gearchiveerd)</source>
        <translation>%1 (archived)</translation>
    </message>
    <message>
        <source>Toon organisatie</source>
        <translation>Show organisation</translation>
    </message>
    <message>
        <source>Alle organisaties</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <source>Toon jaar</source>
        <translation>Show year</translation>
    </message>
    <message>
        <source>&amp;Organisatie:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Jaar:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Kies een organisatie</source>
        <translation>Choose an organisation</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Organisatie:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Datum:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Wijzigingen worden vanzelf bewaard.</source>
        <translation>Changes are saved automatically.</translation>
    </message>
    <message>
        <source>&amp;Verwijderen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Invoer weggooien</source>
        <translation>Discard entry</translation>
    </message>
    <message>
        <source>Wat u hier nieuw invoerde, is nog niet opgeslagen. Wilt u het weggooien?</source>
        <translation>What you have just entered here has not been saved yet. Do you want to discard it?</translation>
    </message>
    <message>
        <source>Alle jaren</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Er is nog geen organisatie vastgelegd. Leg eerst een opdrachtgever vast onder &lt;a href=&quot;organisations&quot;&gt;Organisaties&lt;/a&gt;.</source>
        <translation>No organisation has been recorded yet. First add a client organisation under &lt;a href=&quot;organisations&quot;&gt;Organisations&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Een eerder onderbroken terugzetting kon niet worden afgemaakt. De kluis die er stond, is teruggezet zoals hij was; er is niets verloren gegaan.</source>
        <translation>An earlier, interrupted restore could not be completed. The vault that was there has been put back as it was; nothing was lost.</translation>
    </message>
    <message>
        <source>Het terugzetten van een reservekopie was onderbroken (bijvoorbeeld doordat de computer uitviel). Het is nu afgemaakt: in %1 staat de teruggezette kluis.</source>
        <translation>Restoring a backup was interrupted (for instance because the computer went off). It has now been completed: %1 holds the restored vault.</translation>
    </message>
    <message>
        <source>De kluis die er eerder stond, is bewaard in %1.</source>
        <translation>The vault that was there before is kept in %1.</translation>
    </message>
    <message>
        <source>— kies —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>— niet vastgelegd —</source>
        <translation>— not recorded —</translation>
    </message>
    <message>
        <source>Dit was intussen elders verwijderd. Het wordt opnieuw vastgelegd.</source>
        <translation>This was deleted elsewhere in the meantime. It will be recorded again.</translation>
    </message>
    <message>
        <source>Wat u typte staat nog op het scherm; het wordt opnieuw bewaard zodra dat weer kan.</source>
        <translation>What you typed is still on the screen; it will be saved again as soon as that is possible.</translation>
    </message>
    <message>
        <source>Verwijdert %1 weer.</source>
        <translation>Removes %1 again.</translation>
    </message>
    <message>
        <source>%1 weer verwijderen?</source>
        <translation>Remove %1 again?</translation>
    </message>
    <message>
        <source>Zet %1 terug zoals het was voordat u het wijzigde.</source>
        <translation>Puts %1 back as it was before you changed it.</translation>
    </message>
    <message>
        <source>Overzicht opslaan</source>
        <translation>Save overview</translation>
    </message>
    <message>
        <source>Dit bestand is niet versleuteld</source>
        <translation>This file is not encrypted</translation>
    </message>
    <message>
        <source>Het overzicht bevat alles van deze melding, ook de naam van de melder en uw gespreksverslagen, en het bestand is niet versleuteld. Druk het af voor uw eigen dossier, bewaar het papier achter slot en verwijder het bestand daarna. Wilt u het bestand maken?</source>
        <translation>The overview holds everything about this case, including the reporter&apos;s name and your conversation logs, and the file is not encrypted. Print it for your own file, keep the paper under lock and key, and delete the file afterwards. Do you want to create the file?</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Opgeslagen</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Opgeslagen als %1.</source>
        <translation>Saved as %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wat verdwijnt:&lt;/b&gt; de naam en contactgegevens van de melder en uw notities over de melder, alle gespreksverslagen, de werktitel, de wensen van de melder, de toelichting bij de uitkomst, de toelichtingen bij routes, verwijzingen en tijd, nazorg en afspraken, en uw besluiten om langer te bewaren. Datums worden teruggebracht tot het kwartaal. Dit is niet terug te draaien.</source>
        <translation>&lt;b&gt;What goes:&lt;/b&gt; the reporter&apos;s name and contact details and your notes about the reporter, all conversation logs, the working title, the reporter&apos;s wishes, the note on the outcome, the notes on routes, referrals and time, after-care and appointments, and your decisions to keep the case longer. Dates are reduced to the quarter. This cannot be undone.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wat blijft:&lt;/b&gt; het meldingsnummer en de anonieme kenmerken die meetellen in het jaarverslag — organisatie, soort contact, aard, rol, afdeling, relatie, routes met hun uitkomst, naar wie is verwezen, en per jaar het aantal gesprekken en minuten. Zo kloppen de jaarverslagen van eerdere jaren nog steeds. In het vernietigingslogboek komen de datum, het nummer en de grond, zonder inhoud.</source>
        <translation>&lt;b&gt;What stays:&lt;/b&gt; the case number and the anonymous features that count in the annual report — organisation, contact type, category, role, department, relation, routes with their outcome, who the reporter was referred to, and per year the number of conversations and minutes. So annual reports of earlier years still add up. The destruction log records the date, the number and the ground, without content.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reservekopieën:&lt;/b&gt; reservekopieën die u eerder maakte, bevatten deze melding nog. U bewaart de laatste %1; na %1 nieuwe reservekopieën op dezelfde plek is de melding ook daaruit verdwenen. Kopieën op een andere plek ruimt u zelf op.</source>
        <translation>&lt;b&gt;Backups:&lt;/b&gt; backups you made earlier still hold this case. You keep the last %1; after %1 new backups in the same place the case is gone from those too. Copies kept elsewhere you clean up yourself.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reservekopieën:&lt;/b&gt; reservekopieën die u eerder maakte, bevatten deze meldingen nog. U bewaart de laatste %1; na %1 nieuwe reservekopieën op dezelfde plek zijn ze ook daaruit verdwenen. Kopieën op een andere plek ruimt u zelf op.</source>
        <translation>&lt;b&gt;Backups:&lt;/b&gt; backups you made earlier still hold these cases. You keep the last %1; after %1 new backups in the same place they are gone from those too. Copies kept elsewhere you clear up yourself.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>Over vpnotebook</source>
        <translation>About vpnotebook</translation>
    </message>
    <message>
        <source>Versie %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Het vertrouwelijke logboek voor de vertrouwenspersoon: meldingen, gesprekken, voorlichting en advies, versleuteld op uw eigen computer. Het programma maakt nooit verbinding met internet; er gaat alleen iets naar buiten als u het zelf exporteert.</source>
        <translation>The confidential journal of the confidential counsellor: cases, conversations, outreach and advice, encrypted on your own computer. The program never connects to the internet; nothing leaves it unless you export it yourself.</translation>
    </message>
    <message>
        <source>vpnotebook is vrije software onder de GNU General Public License, versie 3 of later. U mag het gebruiken, bestuderen, delen en verbeteren. Er wordt geen garantie gegeven; de volledige voorwaarden staan hieronder.</source>
        <translation>vpnotebook is free software under the GNU General Public License, version 3 or later. You may use, study, share and improve it. There is no warranty; the full terms are below.</translation>
    </message>
    <message>
        <source>Licentie</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Onderdelen van anderen</source>
        <translation>Third-party components</translation>
    </message>
    <message>
        <source>&amp;Licentie</source>
        <translation>&amp;Licence</translation>
    </message>
    <message>
        <source>&amp;Onderdelen van anderen</source>
        <translation>&amp;Third-party components</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AccessExportDialog</name>
    <message>
        <source>Inzage-export voor de melder</source>
        <translation>Access export for the reporter</translation>
    </message>
    <message>
        <source>Een PDF met alles wat u over de melder en deze melding heeft vastgelegd, om aan de melder te geven. Staan er gegevens over anderen in, bijvoorbeeld over degene over wie de melding gaat, dan kunt u die delen weglaten. Namen in uw aantekeningen herkent het programma niet zelf: lees de verslagen eerst na.</source>
        <translation>A PDF with everything you recorded about the reporter and this case, to give to the reporter. If it holds data about others, for example about the person the case is about, you can leave those parts out. The program does not recognise names in your notes by itself: read the logs through first.</translation>
    </message>
    <message>
        <source>Gesprek van %1 (%2)</source>
        <translation>Conversation of %1 (%2)</translation>
    </message>
    <message>
        <source>Bij deze melding zijn geen gesprekken.</source>
        <translation>This case has no conversations.</translation>
    </message>
    <message>
        <source>Gesprekken met uw verslagen</source>
        <translation>Conversations with your logs</translation>
    </message>
    <message>
        <source>Gekozen routes</source>
        <translation>Chosen routes</translation>
    </message>
    <message>
        <source>Doorverwijzingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Nazorg en afspraken</source>
        <translation>After-care and appointments</translation>
    </message>
    <message>
        <source>Bestede tijd</source>
        <translation>Time spent</translation>
    </message>
    <message>
        <source>Gekoppelde meldingen</source>
        <translation>Linked cases</translation>
    </message>
    <message>
        <source>Verder in het overzicht</source>
        <translation>Also in the document</translation>
    </message>
    <message>
        <source>Altijd opgenomen: de gegevens van de melder, de intake en hoe lang het dossier bewaard wordt.</source>
        <translation>Always included: the reporter’s details, the intake and how long the file is kept.</translation>
    </message>
    <message>
        <source>Namen en gegevens van contactpersonen vervangen door [contactpersoon]</source>
        <translation>Replace names and details of referral contacts with [contactpersoon]</translation>
    </message>
    <message>
        <source>Het gaat om: %1.</source>
        <translation>These are: %1.</translation>
    </message>
    <message>
        <source>Voor deze organisatie zijn geen contactpersonen vastgelegd.</source>
        <translation>No referral contacts are recorded for this organisation.</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Inzage-export opslaan</source>
        <translation>Save access export</translation>
    </message>
    <message>
        <source>Dit bestand is niet versleuteld</source>
        <translation>This file is not encrypted</translation>
    </message>
    <message>
        <source>Dit bestand is niet versleuteld. Iedereen die het in handen krijgt, kan de naam van de melder en uw gespreksverslagen lezen. Bewaar het alleen op een plek die u zelf beheert, geef het rechtstreeks aan de melder en verwijder uw eigen exemplaar daarna. Wilt u het bestand maken?</source>
        <translation>This file is not encrypted. Anyone who gets hold of it can read the reporter’s name and your conversation logs. Keep it only in a place you control, hand it to the reporter directly and delete your own copy afterwards. Do you want to create the file?</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Opgeslagen</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Opgeslagen als %1.</source>
        <translation>Saved as %1.</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Reservekopie</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Een reservekopie is één versleuteld bestand met de hele kluis. Bewaar hem op een USB-stick of externe schijf die u los van deze computer bewaart: raakt de laptop zoek of kapot, dan zijn uw aantekeningen er nog. Zonder uw wachtwoord of herstelcode is het bestand voor niemand te lezen.</source>
        <translation>A backup is a single encrypted file containing the whole vault. Save it on a USB stick or external drive that you keep apart from this computer: if the laptop is lost or broken, your notes are still safe. Without your passphrase or recovery code, nobody can read the file.</translation>
    </message>
    <message>
        <source>Nieuwe reservekopie maken</source>
        <translation>Make a new backup</translation>
    </message>
    <message>
        <source>Waar wilt u de reservekopie bewaren?</source>
        <translation>Where would you like to save the backup?</translation>
    </message>
    <message>
        <source>USB-sticks en externe schijven</source>
        <translation>USB sticks and external drives</translation>
    </message>
    <message>
        <source>Geen USB-stick of externe schijf gevonden. Steek er een in en kies ‘Opnieuw zoeken’, of kies zelf een map.</source>
        <translation>No USB stick or external drive found. Plug one in and choose ‘Search again’, or choose a folder yourself.</translation>
    </message>
    <message>
        <source>Opnieuw zoeken</source>
        <translation>Search again</translation>
    </message>
    <message>
        <source>Andere map…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <source>Aantal reservekopieën dat bewaard blijft</source>
        <translation>Number of backups to keep</translation>
    </message>
    <message>
        <source>Bewaar in die map de laatste</source>
        <translation>Keep the last</translation>
    </message>
    <message>
        <source>reservekopieën; oudere worden opgeruimd.</source>
        <translation>backups in that folder; older ones are removed.</translation>
    </message>
    <message>
        <source>Datum in de bestandsnaam zetten</source>
        <translation>Put the date in the file name</translation>
    </message>
    <message>
        <source>Zonder datum heet het bestand alleen ‘vpnotebook-’ met een volgnummer; wanneer het is gemaakt, staat dan alleen versleuteld in het bestand zelf.</source>
        <translation>Without a date the file is called only ‘vpnotebook-’ with a sequence number; when it was made is then kept only inside the file, encrypted.</translation>
    </message>
    <message>
        <source>Reservekopie maken</source>
        <translation>Make backup</translation>
    </message>
    <message>
        <source>Voortgang van de reservekopie</source>
        <translation>Backup progress</translation>
    </message>
    <message>
        <source>Controleren of terugzetten</source>
        <translation>Check or restore</translation>
    </message>
    <message>
        <source>Reservekopieën in de gekozen map:</source>
        <translation>Backups in the chosen folder:</translation>
    </message>
    <message>
        <source>Reservekopieën in de gekozen map</source>
        <translation>Backups in the chosen folder</translation>
    </message>
    <message>
        <source>Gemaakt op</source>
        <translation>Made on</translation>
    </message>
    <message>
        <source>Grootte</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>In deze map staan nog geen reservekopieën.</source>
        <translation>There are no backups in this folder yet.</translation>
    </message>
    <message>
        <source>Nog geen reservekopie gekozen.</source>
        <translation>No backup chosen yet.</translation>
    </message>
    <message>
        <source>Gekozen reservekopie</source>
        <translation>Chosen backup</translation>
    </message>
    <message>
        <source>Bestand kiezen…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Reservekopie controleren…</source>
        <translation>Check backup…</translation>
    </message>
    <message>
        <source>Leest het hele bestand en controleert of alles te openen en compleet is.</source>
        <translation>Reads the whole file and checks that everything can be opened and is complete.</translation>
    </message>
    <message>
        <source>In een nieuwe map (aanbevolen)</source>
        <translation>Into a new folder (recommended)</translation>
    </message>
    <message>
        <source>In plaats van de huidige kluis</source>
        <translation>In place of the current vault</translation>
    </message>
    <message>
        <source>Map voor de teruggezette kluis</source>
        <translation>Folder for the restored vault</translation>
    </message>
    <message>
        <source>Wijzigen…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>De huidige kluis wordt eerst vergrendeld en in zijn geheel opzij gezet, in een map ernaast met ‘voor-herstel’ en de datum in de naam. Er wordt niets gewist. Daarna ontgrendelt u met het wachtwoord dat gold toen de reservekopie werd gemaakt, of met uw herstelcode.</source>
        <translation>The current vault is locked first and set aside in its entirety, in a folder next to it with ‘voor-herstel’ (before restore) and the date in its name. Nothing is deleted. Afterwards, you unlock with the passphrase that was valid when the backup was made, or with your recovery code.</translation>
    </message>
    <message>
        <source>Terugzetten…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Bezig</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Terugzetten:</source>
        <translation>Restore:</translation>
    </message>
    <message>
        <source>Laatste gecontroleerde reservekopie: nog geen. Maak er vandaag een.</source>
        <translation>Last verified backup: none yet. Make one today.</translation>
    </message>
    <message>
        <source>Laatste gecontroleerde reservekopie: %1 (%2), %3.</source>
        <translation>Last verified backup: %1 (%2), %3.</translation>
    </message>
    <message>
        <source>%1 — %2 vrij</source>
        <translation>%1 — %2 free</translation>
    </message>
    <message>
        <source>Kies een map voor de reservekopie</source>
        <translation>Choose a folder for the backup</translation>
    </message>
    <message>
        <source>Nog geen map gekozen.</source>
        <translation>No folder chosen yet.</translation>
    </message>
    <message>
        <source>Gekozen map: %1 — niet gevonden. Is de USB-stick aangesloten?</source>
        <translation>Chosen folder: %1 — not found. Is the USB stick plugged in?</translation>
    </message>
    <message>
        <source>Gekozen map: %1</source>
        <translation>Chosen folder: %1</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Niet te lezen met de sleutel van deze kluis: een reservekopie van een andere kluis of van vóór een nieuwe sleutel, of een beschadigd bestand.</source>
        <translation>Cannot be read with this vault&apos;s key: a backup of another vault or from before a new key, or a damaged file.</translation>
    </message>
    <message>
        <source>Kies eerst waar de reservekopie moet komen: een USB-stick of een map.</source>
        <translation>First choose where the backup should go: a USB stick or a folder.</translation>
    </message>
    <message>
        <source>De map %1 is niet te vinden. Is de USB-stick of schijf aangesloten? Er is niets gewijzigd.</source>
        <translation>The folder %1 cannot be found. Is the USB stick or drive plugged in? Nothing has been changed.</translation>
    </message>
    <message>
        <source>Reservekopie maken mislukt</source>
        <translation>Making the backup failed</translation>
    </message>
    <message>
        <source>Gelukt en gecontroleerd: %1 (%2) met %3. Het bestand is na het schrijven helemaal teruggelezen.</source>
        <translation>Done and verified: %1 (%2) with %3. The file was read back in full after writing.</translation>
    </message>
    <message>
        <source>Opgeruimd, omdat u de laatste %1 bewaart: %2.</source>
        <translation>Removed, because you keep the last %1: %2.</translation>
    </message>
</context>
<context>
    <name>BatchDestroyDialog</name>
    <message>
        <source>Meldingen vernietigen</source>
        <translation>Destroy cases</translation>
    </message>
    <message>
        <source>1 melding definitief vernietigen</source>
        <translation>Destroy 1 case for good</translation>
    </message>
    <message>
        <source>%1 meldingen definitief vernietigen</source>
        <translation>Destroy %1 cases for good</translation>
    </message>
    <message>
        <source>Van deze meldingen is de bewaartermijn verstreken. Kijk de nummers na: ze worden allemaal tegelijk vernietigd.</source>
        <translation>The retention period of these cases has passed. Check the numbers: they are all destroyed at once.</translation>
    </message>
    <message>
        <source>Meldingen die worden vernietigd</source>
        <translation>Cases to be destroyed</translation>
    </message>
    <message>
        <source>%1 — %2, te vernietigen sinds %3</source>
        <translation>%1 — %2, due for destruction since %3</translation>
    </message>
    <message>
        <source>Grond:</source>
        <translation>Ground:</translation>
    </message>
    <message>
        <source>Typ ter bevestiging het &amp;aantal meldingen: %1</source>
        <translation>To confirm, type the &amp;number of cases: %1</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Definitief vernietigen</source>
        <translation>Destroy for good</translation>
    </message>
    <message>
        <source>Alle %1 definitief vernietigen</source>
        <translation>Destroy all %1 for good</translation>
    </message>
    <message>
        <source>Er is niets vernietigd.</source>
        <translation>Nothing has been destroyed.</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Zoek: nummer, titel, organisatie</source>
        <translation>Search: number, title, organisation</translation>
    </message>
    <message>
        <source>Zoeken in de lijst</source>
        <translation>Search the list</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Lopend en nazorg</source>
        <translation>Open and after-care</translation>
    </message>
    <message>
        <source>Aard</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Alle soorten</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Filters wissen</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Alle organisaties</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <source>Alle jaren</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>1 melding</source>
        <translation>1 case</translation>
    </message>
    <message>
        <source>%1 meldingen</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>CaseHeaderView</name>
    <message>
        <source>Melding a&amp;fsluiten…</source>
        <translation>Clos&amp;e case…</translation>
    </message>
    <message>
        <source>De melding is klaar: leg de uitkomst vast. Heropenen kan altijd.</source>
        <translation>The case is finished: record the outcome. You can always reopen it.</translation>
    </message>
    <message>
        <source>Heropenen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Nummer kopiëren</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>Overzicht voor uw dossier (PDF)…</source>
        <translation>Overview for your own file (PDF)…</translation>
    </message>
    <message>
        <source>Casus voor intervisie (PDF)…</source>
        <translation>Case for peer consultation (PDF)…</translation>
    </message>
    <message>
        <source>Inzage-export voor de melder…</source>
        <translation>Access export for the reporter…</translation>
    </message>
    <message>
        <source>Vernietigen op verzoek van de melder…</source>
        <translation>Destroy at the reporter&apos;s request…</translation>
    </message>
    <message>
        <source>Meer</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Meer mogelijkheden voor deze melding</source>
        <translation>More options for this case</translation>
    </message>
    <message>
        <source>eerste contact %1</source>
        <translation>first contact %1</translation>
    </message>
    <message>
        <source>afgesloten op %1</source>
        <translation>closed on %1</translation>
    </message>
    <message>
        <source>Overgedragen aan %1 op %2.</source>
        <translation>Handed over to %1 on %2.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Eerste contact</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Aard</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Laatste contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Werktitel</source>
        <translation>Working title</translation>
    </message>
    <message>
        <source>(vernietigd)</source>
        <translation>(destroyed)</translation>
    </message>
</context>
<context>
    <name>CasePanels</name>
    <message>
        <source>&amp;Route</source>
        <translation>&amp;Route</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Gestart o&amp;p</source>
        <translation>Started o&amp;n</translation>
    </message>
    <message>
        <source>Gestart</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>&amp;Uitkomst</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>&amp;Toelichting</source>
        <translation>&amp;Explanation</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Route toevoegen</source>
        <translation>Add route</translation>
    </message>
    <message>
        <source>Nog geen route gekozen.</source>
        <translation>No route chosen yet.</translation>
    </message>
    <message>
        <source>de route ‘%1’</source>
        <translation>the route ‘%1’</translation>
    </message>
    <message>
        <source>&amp;Verwezen naar</source>
        <translation>Referred &amp;to</translation>
    </message>
    <message>
        <source>Verwezen naar</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>Datu&amp;m</source>
        <translation>D&amp;ate</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Toe&amp;lichting</source>
        <translation>Exp&amp;lanation</translation>
    </message>
    <message>
        <source>Verwijzing toevoegen</source>
        <translation>Add referral</translation>
    </message>
    <message>
        <source>Nog niet doorverwezen.</source>
        <translation>Not referred yet.</translation>
    </message>
    <message>
        <source>de verwijzing naar %1</source>
        <translation>the referral to %1</translation>
    </message>
    <message>
        <source>&amp;Soort</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>T&amp;ijd</source>
        <translation>T&amp;ime</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>N&amp;otitie</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Afgerond op</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>Afgerond o&amp;p</source>
        <translation>Done o&amp;n</translation>
    </message>
    <message>
        <source>Afspraak toevoegen</source>
        <translation>Add appointment</translation>
    </message>
    <message>
        <source>Nog geen nazorg of afspraken gepland voor deze melding.</source>
        <translation>No after-care or appointments planned for this case yet.</translation>
    </message>
    <message>
        <source>de afspraak van %1</source>
        <translation>the appointment of %1</translation>
    </message>
    <message>
        <source>&amp;Minuten</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <source>Minuten</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Activiteit</source>
        <translation>&amp;Activity</translation>
    </message>
    <message>
        <source>Activiteit</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Tijd toevoegen</source>
        <translation>Add time</translation>
    </message>
    <message>
        <source>Nog geen losse tijd geschreven. De duur van gesprekken telt vanzelf mee.</source>
        <translation>No separate time recorded yet. The duration of conversations is counted automatically.</translation>
    </message>
    <message>
        <source>de tijd van %1</source>
        <translation>the time of %1</translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <source>Gekoppelde melding</source>
        <translation>Linked case</translation>
    </message>
    <message>
        <source>Nummer of werktitel</source>
        <translation>Number or working title</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>de intake van melding %1</source>
        <translation>the intake of case %1</translation>
    </message>
    <message>
        <source>Gekozen routes</source>
        <translation>Chosen routes</translation>
    </message>
    <message>
        <source>Doorverwijzingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Deze melding is in de &amp;nazorgfase</source>
        <translation>This case is in the &amp;after-care phase</translation>
    </message>
    <message>
        <source>Het ongewenste gedrag is gestopt; u houdt nog een vinger aan de pols.</source>
        <translation>The undesirable behaviour has stopped; you are still keeping an eye on things.</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Gesprekken</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Routes en verwijzingen</source>
        <translation>Routes and referrals</translation>
    </message>
    <message>
        <source>Nazorg en afspraken</source>
        <translation>After-care and appointments</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Gekoppeld</source>
        <translation>Linked</translation>
    </message>
    <message>
        <source>Deze melding is vernietigd. Alleen wat meetelt voor het jaarverslag is bewaard; er valt niets meer aan te vullen.</source>
        <translation>This case has been destroyed. Only what counts towards the annual report has been kept; nothing more can be added.</translation>
    </message>
    <message>
        <source>Kies een melding in de lijst, of begin een nieuwe met Ctrl+N.</source>
        <translation>Choose a case from the list, or start a new one with Ctrl+N.</translation>
    </message>
    <message>
        <source>Gesprekken (%1)</source>
        <translation>Conversations (%1)</translation>
    </message>
    <message>
        <source>Gekoppeld (%1)</source>
        <translation>Linked (%1)</translation>
    </message>
    <message>
        <source>Bestede tijd aan deze melding: &lt;b&gt;%1&lt;/b&gt; — gesprekken %2, overige tijd %3.</source>
        <translation>Time spent on this case: &lt;b&gt;%1&lt;/b&gt; — conversations %2, other time %3.</translation>
    </message>
    <message>
        <source>Melding heropenen</source>
        <translation>Reopen case</translation>
    </message>
    <message>
        <source>Deze melding weer openen? De afsluitdatum en uitkomst vervallen.</source>
        <translation>Open this case again? The closing date and outcome will be cleared.</translation>
    </message>
    <message>
        <source>Gegevens van de melder wissen</source>
        <translation>Erase the reporter’s details</translation>
    </message>
    <message>
        <source>Naam, bereikbaarheid en notities over de melder definitief wissen? De melding zelf en de gesprekken blijven bewaard. Reservekopieën die u eerder maakte, bevatten deze gegevens nog tot ze worden opgeruimd.</source>
        <translation>Permanently erase the reporter’s name, contact details and the notes about them? The case itself and the conversations are kept. Backups you made earlier still hold these details until they are cleaned up.</translation>
    </message>
    <message>
        <source>Melding vernietigd</source>
        <translation>Case destroyed</translation>
    </message>
    <message>
        <source>Melding %1 is vernietigd. Maak binnenkort een nieuwe reservekopie, zodat oudere reservekopieën met deze melding op den duur worden opgeruimd.</source>
        <translation>Case %1 has been destroyed. Make a new backup soon, so that older backups holding this case are cleaned up in time.</translation>
    </message>
    <message>
        <source>Wilt u nu ook een nieuwe sleutel maken?</source>
        <translation>Would you like to make a new key as well?</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 u %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Nieuwe melding</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Nieuwe melding (Ctrl+N)</source>
        <translation>New case (Ctrl+N)</translation>
    </message>
    <message>
        <source>Meldingen</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Een melding hoort altijd bij een organisatie. Voeg eerst de organisatie toe waarvoor u vertrouwenspersoon bent.</source>
        <translation>A case always belongs to an organisation. First add the organisation for which you are the confidential counsellor.</translation>
    </message>
    <message>
        <source>Nog geen meldingen. Kies Nieuwe melding (Ctrl+N) om te beginnen.</source>
        <translation>No cases yet. Choose New case (Ctrl+N) to begin.</translation>
    </message>
    <message>
        <source>Geen meldingen die bij deze filters passen. Kies Filters wissen om alles weer te zien.</source>
        <translation>No cases match these filters. Choose Clear filters to see everything again.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Huidig wachtwoord</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>Huidig wachtwoord:</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <source>Daarna opent u de kluis met het nieuwe wachtwoord. Uw herstelcode blijft geldig.</source>
        <translation>Afterwards you open the vault with the new passphrase. Your recovery code stays valid.</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Melding afsluiten</source>
        <translation>Close case</translation>
    </message>
    <message>
        <source>— kies —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Hoe is het afgelopen? Alleen voor uw eigen dossier.</source>
        <translation>How did it end? For your own file only.</translation>
    </message>
    <message>
        <source>Een afgesloten melding blijft in uw dossier staan en telt mee in het jaarverslag. U kunt haar later altijd heropenen.</source>
        <translation>A closed case stays in your records and counts towards the annual report. You can always reopen it later.</translation>
    </message>
    <message>
        <source>Afgesloten &amp;op</source>
        <translation>Closed &amp;on</translation>
    </message>
    <message>
        <source>&amp;Uitkomst</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <source>&amp;Toelichting</source>
        <translation>&amp;Explanation</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Close case</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kies hoe de melding is afgelopen.</source>
        <translation>Choose how the case ended.</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Wat staat er in welke kolom?</source>
        <translation>What is in which column?</translation>
    </message>
    <message>
        <source>Kolommen met een bekend kopje zijn al ingevuld. Kies bij de andere wat erin staat, of &apos;Niet importeren&apos;.</source>
        <translation>Columns with a known heading are filled in already. For the others, choose what they hold, or &apos;Do not import&apos;.</translation>
    </message>
    <message>
        <source>Kolom in uw bestand</source>
        <translation>Column in your file</translation>
    </message>
    <message>
        <source>Bijvoorbeeld</source>
        <translation>For example</translation>
    </message>
    <message>
        <source>Wordt in vpnotebook</source>
        <translation>Becomes in vpnotebook</translation>
    </message>
    <message>
        <source>Herkend?</source>
        <translation>Recognised?</translation>
    </message>
    <message>
        <source>Organisatie voor alle meldingen</source>
        <translation>Organisation for all cases</translation>
    </message>
    <message>
        <source>Het blad heeft geen kolom Organisatie. Alle meldingen horen bij:</source>
        <translation>The sheet has no Organisation column. All cases belong to:</translation>
    </message>
    <message>
        <source>Kolom %1 wordt</source>
        <translation>Column %1 becomes</translation>
    </message>
    <message>
        <source>— kies —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Niet importeren</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>herkend</source>
        <translation>recognised</translation>
    </message>
    <message>
        <source>door u gekozen</source>
        <translation>chosen by you</translation>
    </message>
    <message>
        <source>leeg</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>kies zelf</source>
        <translation>your choice</translation>
    </message>
    <message>
        <source>Kies nog wat er in deze kolom(men) staat: %1.</source>
        <translation>Still choose what this column (these columns) holds: %1.</translation>
    </message>
    <message>
        <source>Kies of typ de organisatie waar alle meldingen uit dit bestand bij horen.</source>
        <translation>Choose or type the organisation all cases in this file belong to.</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Doorverwijscontacten</source>
        <translation>Referral contacts</translation>
    </message>
    <message>
        <source>Nog geen contacten. Leg hier vast naar wie u bij deze organisatie kunt doorverwijzen: bedrijfsarts, HR, bedrijfsmaatschappelijk werk, klachtencommissie.</source>
        <translation>No contacts yet. Record here who you can refer people to at this organisation: company doctor, HR, company social worker, complaints committee.</translation>
    </message>
    <message>
        <source>Tip: Ctrl+C of dubbelklikken kopieert een telefoonnummer of e-mailadres.</source>
        <translation>Tip: Ctrl+C or a double-click copies a phone number or email address.</translation>
    </message>
    <message>
        <source>Soort contact</source>
        <translation>Type of contact</translation>
    </message>
    <message>
        <source>Kies een soort</source>
        <translation>Choose a type</translation>
    </message>
    <message>
        <source>Naam contactpersoon</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <source>Telefoonnummer</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>E-mailadres</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>Notities over dit contact</source>
        <translation>Notes on this contact</translation>
    </message>
    <message>
        <source>Telefoonnummer kopiëren</source>
        <translation>Copy phone number</translation>
    </message>
    <message>
        <source>E-mailadres kopiëren</source>
        <translation>Copy email address</translation>
    </message>
    <message>
        <source>Soort:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Naam:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Telefoon:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Notities:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Kies een contact, of voeg er een toe.</source>
        <translation>Choose a contact, or add one.</translation>
    </message>
    <message>
        <source>Nieuw &amp;contact</source>
        <translation>New &amp;contact</translation>
    </message>
    <message>
        <source>Contact verwijderen</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>Wijzigingen worden vanzelf bewaard.</source>
        <translation>Changes are saved automatically.</translation>
    </message>
    <message>
        <source>het contact ‘%1’</source>
        <translation>the contact ‘%1’</translation>
    </message>
    <message>
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Wilt u het contact ‘%1’ verwijderen?</source>
        <translation>Do you want to delete the contact ‘%1’?</translation>
    </message>
    <message>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>%1 gekopieerd. Bij vergrendelen wordt het klembord geleegd.</source>
        <translation>%1 copied. The clipboard is cleared when the program locks.</translation>
    </message>
</context>
<context>
    <name>ConversationEditor</name>
    <message>
        <source>&amp;Structuur tonen</source>
        <translation>Show &amp;structure</translation>
    </message>
    <message>
        <source>Verberg de vaste kopjes als u liever alleen vrij aantekeningen maakt.</source>
        <translation>Hide the fixed headings if you prefer to take free-form notes only.</translation>
    </message>
    <message>
        <source>&amp;Kopiëren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Kopieert dit verslag; het klembord wordt gewist bij vergrendelen.</source>
        <translation>Copies this log; the clipboard is cleared when the program locks.</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Vorm</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>D&amp;uur</source>
        <translation>D&amp;uration</translation>
    </message>
    <message>
        <source>&amp;Aanleiding</source>
        <translation>&amp;Reason for contact</translation>
    </message>
    <message>
        <source>Het verhaal van de &amp;melder</source>
        <translation>The reporter’s stor&amp;y</translation>
    </message>
    <message>
        <source>Hoe lang duurde het gesprek? Dat telt mee in uw uren.</source>
        <translation>How long was the conversation? It counts in your hours.</translation>
    </message>
    <message>
        <source>Wat w&amp;il de melder?</source>
        <translation>What does the re&amp;porter want?</translation>
    </message>
    <message>
        <source>Besproken m&amp;ogelijkheden</source>
        <translation>&amp;Options discussed</translation>
    </message>
    <message>
        <source>Afsp&amp;raken</source>
        <translation>Ag&amp;reements</translation>
    </message>
    <message>
        <source>Volgende s&amp;tap</source>
        <translation>Next s&amp;tep</translation>
    </message>
    <message>
        <source>Schrijf hier vrij, met of zonder de kopjes hierboven.</source>
        <translation>Write freely here, with or without the headings above.</translation>
    </message>
    <message>
        <source>Vrije aa&amp;ntekeningen</source>
        <translation>Free-form &amp;notes</translation>
    </message>
    <message>
        <source>Aanleiding</source>
        <translation>Reason for contact</translation>
    </message>
    <message>
        <source>Het verhaal van de melder</source>
        <translation>The reporter’s story</translation>
    </message>
    <message>
        <source>Wat wil de melder?</source>
        <translation>What does the reporter want?</translation>
    </message>
    <message>
        <source>Besproken mogelijkheden</source>
        <translation>Options discussed</translation>
    </message>
    <message>
        <source>Afspraken</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Volgende stap</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Vrije aantekeningen</source>
        <translation>Free-form notes</translation>
    </message>
</context>
<context>
    <name>ConversationsPanel</name>
    <message>
        <source>Gesprekken</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Verwijderen…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>duur nog invullen</source>
        <translation>duration to fill in</translation>
    </message>
    <message>
        <source>het nieuwe gesprek</source>
        <translation>the new conversation</translation>
    </message>
    <message>
        <source>het gesprek van %1</source>
        <translation>the conversation of %1</translation>
    </message>
    <message>
        <source>Gesprek van %1</source>
        <translation>Conversation on %1</translation>
    </message>
    <message>
        <source>Nieuw gesprek — het wordt bewaard zodra u begint te schrijven.</source>
        <translation>New conversation — it is saved as soon as you start writing.</translation>
    </message>
    <message>
        <source>Nieuw g&amp;esprek</source>
        <translation>N&amp;ew conversation</translation>
    </message>
    <message>
        <source>Gesprek verwijderen</source>
        <translation>Delete conversation</translation>
    </message>
    <message>
        <source>Dit gesprek en alles wat erbij staat verwijderen? Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Delete this conversation and everything recorded with it? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Niet gelukt</source>
        <translation>Did not work</translation>
    </message>
    <message>
        <source>Er ging iets mis</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Er ging onverwacht iets mis. Wat u al had vastgelegd, is bewaard; u kunt gewoon verder werken. Er is een foutrapport gemaakt zonder iets uit uw dossiers: %1. Gebeurt dit vaker, stuur dat bestand dan naar de makers van vpnotebook.</source>
        <translation>Something unexpected went wrong. What you had already recorded has been saved; you can simply carry on working. An error report has been made that contains nothing from your files: %1. If this happens more often, please send that file to the makers of vpnotebook.</translation>
    </message>
</context>
<context>
    <name>DepartmentsPanel</name>
    <message>
        <source>Bij een melding kiest u de afdeling uit deze lijst. Het jaarverslag noemt een afdeling alleen als de aantallen groot genoeg zijn om niemand herkenbaar te maken.</source>
        <translation>For a case, you choose the department from this list. The annual report only names a department when the numbers are large enough that nobody can be identified.</translation>
    </message>
    <message>
        <source>Afdelingen</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>Naam van de afdeling</source>
        <translation>Name of the department</translation>
    </message>
    <message>
        <source>Nog geen afdelingen. Typ hierboven een naam; die wordt vanzelf bewaard.</source>
        <translation>No departments yet. Type a name above; it is saved automatically.</translation>
    </message>
    <message>
        <source>de afdeling ‘%1’</source>
        <translation>the department ‘%1’</translation>
    </message>
    <message>
        <source>&amp;Nieuwe afdeling</source>
        <translation>&amp;New department</translation>
    </message>
    <message>
        <source>Afdeling verwijderen</source>
        <translation>Delete department</translation>
    </message>
    <message>
        <source>Bij ‘%1’ hoort een melding. Die blijft bestaan, maar zonder afdeling. Wilt u de afdeling toch verwijderen?</source>
        <translation>A case belongs to ‘%1’. It will remain, but without a department. Do you still want to delete the department?</translation>
    </message>
    <message>
        <source>Bij ‘%1’ horen %2 meldingen. Die blijven bestaan, maar zonder afdeling. Wilt u de afdeling toch verwijderen?</source>
        <translation>%2 cases belong to ‘%1’. They will remain, but without a department. Do you still want to delete the department?</translation>
    </message>
    <message>
        <source>Typ om de naam te wijzigen; dat wordt vanzelf bewaard.</source>
        <translation>Type to change the name; it is saved automatically.</translation>
    </message>
    <message>
        <source>Typ de naam van een nieuwe afdeling; Enter voor de volgende.</source>
        <translation>Type the name of a new department; Enter for the next one.</translation>
    </message>
    <message>
        <source>%1  (1 melding)</source>
        <translation>%1  (1 case)</translation>
    </message>
    <message>
        <source>%1  (%2 meldingen)</source>
        <translation>%1  (%2 cases)</translation>
    </message>
</context>
<context>
    <name>DestroyCaseDialog</name>
    <message>
        <source>Melding vernietigen</source>
        <translation>Destroy case</translation>
    </message>
    <message>
        <source>Melding %1 definitief vernietigen</source>
        <translation>Permanently destroy case %1</translation>
    </message>
    <message>
        <source>&amp;Grond</source>
        <translation>&amp;Ground</translation>
    </message>
    <message>
        <source>Typ ter bevestiging het &amp;meldingsnummer: %1</source>
        <translation>To confirm, type the &amp;case number: %1</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Definitief vernietigen</source>
        <translation>Destroy permanently</translation>
    </message>
</context>
<context>
    <name>DestructionActions</name>
    <message>
        <source>Alle verlopen aanvinken</source>
        <translation>Tick all overdue</translation>
    </message>
    <message>
        <source>Aangevinkte vernietigen…</source>
        <translation>Destroy ticked…</translation>
    </message>
    <message>
        <source>Niets aanvinken</source>
        <translation>Untick all</translation>
    </message>
    <message>
        <source>%1 aangevinkte vernietigen…</source>
        <translation>Destroy %1 ticked…</translation>
    </message>
</context>
<context>
    <name>ExistingBackups</name>
    <message>
        <source>Kies een reservekopie</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Reservekopieën (*%1);;Alle bestanden (*)</source>
        <translation>Backups (*%1);;All files (*)</translation>
    </message>
    <message>
        <source>Kies een lege map, of de map waarin een nieuwe map moet komen</source>
        <translation>Choose an empty folder, or the folder in which a new folder should be created</translation>
    </message>
    <message>
        <source>Gekozen: %1
in %2</source>
        <translation>Chosen: %1
in %2</translation>
    </message>
    <message>
        <source>Kies eerst een reservekopie: in de lijst, of met ‘Bestand kiezen…’.</source>
        <translation>First choose a backup: from the list, or with ‘Choose file…’.</translation>
    </message>
    <message>
        <source>Reservekopie controleren</source>
        <translation>Check backup</translation>
    </message>
    <message>
        <source>Controleren mislukt</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <source>In orde. Deze reservekopie van %1 is helemaal gelezen en gecontroleerd, en bevat %2.</source>
        <translation>All good. This backup from %1 has been read and checked in full, and contains %2.</translation>
    </message>
    <message>
        <source>Let op: hij hoort bij een andere kluis dan de geopende.</source>
        <translation>Please note: it belongs to a different vault from the one that is open.</translation>
    </message>
    <message>
        <source>%1-teruggezet-%2</source>
        <translation>%1-restored-%2</translation>
    </message>
    <message>
        <source>Reservekopie terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Vul in in welke nieuwe map de kluis moet komen.</source>
        <translation>Enter the new folder the vault should go into.</translation>
    </message>
    <message>
        <source>De map %1 bestaat niet. Kies een map die er al is.</source>
        <translation>The folder %1 does not exist. Choose a folder that already exists.</translation>
    </message>
    <message>
        <source>Terugzetten mislukt</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>De reservekopie is teruggezet als aparte kluis in de map %1. Uw huidige kluis is niet veranderd. Wilt u met de teruggezette kluis werken? Vergrendel dan (Ctrl+L) en kies op het ontgrendelscherm ‘Andere kluis openen…’. Hij opent met het wachtwoord dat gold toen de reservekopie werd gemaakt, of met uw herstelcode.</source>
        <translation>The backup has been restored as a separate vault in the folder %1. Your current vault has not changed. Would you like to work with the restored vault? Then lock (Ctrl+L) and choose ‘Open another vault…’ on the unlock screen. It opens with the passphrase that was valid when the backup was made, or with your recovery code.</translation>
    </message>
    <message>
        <source>Reservekopie teruggezet</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Huidige kluis vervangen?</source>
        <translation>Replace the current vault?</translation>
    </message>
    <message>
        <source>U zet de reservekopie terug in plaats van de kluis waarin u nu werkt.

Wat er gebeurt: het programma wordt vergrendeld, de huidige kluis wordt in zijn geheel opzij gezet in een map naast %1 (er wordt niets gewist), en de reservekopie komt op zijn plaats. Wat u na het maken van de reservekopie hebt vastgelegd, staat dan alleen nog in de opzijgezette map.

Daarna ontgrendelt u met het wachtwoord dat gold toen de reservekopie werd gemaakt, of met uw herstelcode.

Wilt u doorgaan?</source>
        <translation>You are restoring the backup in place of the vault you are working in now.

What happens: the program is locked, the current vault is set aside in its entirety in a folder next to %1 (nothing is deleted), and the backup takes its place. Anything you recorded after the backup was made will then only be in the folder that was set aside.

Afterwards, you unlock with the passphrase that was valid when the backup was made, or with your recovery code.

Do you want to continue?</translation>
    </message>
    <message>
        <source>De kluis kon niet worden vergrendeld, dus er is niets teruggezet. Vergrendel zelf (Ctrl+L) en probeer het opnieuw.</source>
        <translation>The vault could not be locked, so nothing has been restored. Lock it yourself (Ctrl+L) and try again.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Welk bestand wilt u inlezen?</source>
        <translation>Which file do you want to read in?</translation>
    </message>
    <message>
        <source>Kies het Excel-bestand (.xlsx) of CSV-bestand waarin u uw meldingen bijhield. Er verandert niets in uw kluis tot u in de laatste stap op Importeren klikt.</source>
        <translation>Choose the Excel file (.xlsx) or CSV file in which you kept your cases. Nothing changes in your vault until you click Import in the last step.</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kies een bestand met Bladeren…</source>
        <translation>Choose a file with Browse…</translation>
    </message>
    <message>
        <source>&amp;Bladeren…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Werkblad</source>
        <translation>Worksheet</translation>
    </message>
    <message>
        <source>Tip: de eerste rij met kopjes (zoals Datum, Organisatie, Aard melding) gebruikt het programma om de kolommen te herkennen. Word-bestanden kunnen niet worden ingelezen.</source>
        <translation>Tip: the program recognises the columns by the first row of headings (such as Datum, Organisatie, Aard melding). Word files cannot be read in.</translation>
    </message>
    <message>
        <source>&amp;Bestand:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>&amp;Werkblad:</source>
        <translation>&amp;Worksheet:</translation>
    </message>
    <message>
        <source>Bestand kiezen</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;Alle bestanden (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Het bestand wordt gelezen…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>1 rij met een melding</source>
        <translation>1 row with a case</translation>
    </message>
    <message>
        <source>%1 rijen met meldingen</source>
        <translation>%1 rows with cases</translation>
    </message>
    <message>
        <source>op blad &apos;%1&apos;</source>
        <translation>on sheet &apos;%1&apos;</translation>
    </message>
    <message>
        <source>in het bestand</source>
        <translation>in the file</translation>
    </message>
    <message>
        <source>Gevonden: %1 %2; de kopjes staan op rij %3.</source>
        <translation>Found: %1 %2; the headings are on row %3.</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>vpnotebook instellen</source>
        <translation>Set up vpnotebook</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Vorige</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Kluis maken</source>
        <translation>Create vault</translation>
    </message>
    <message>
        <source>Weinig werkgeheugen</source>
        <translation>Little memory</translation>
    </message>
    <message>
        <source>Deze computer heeft weinig werkgeheugen. De sleutel van uw kluis is daarom afgeleid met %1 in plaats van minstens 256 MiB. Op een computer met 4 GiB of meer kunt u hem later versterken (Instellingen, Beveiliging).</source>
        <translation>This computer has little memory. So the key of your vault was derived with %1 instead of at least 256 MiB. On a computer with 4 GiB or more you can strengthen it later (Settings, Security).</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>&lt;b&gt;Welkom. Waar wilt u beginnen?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Welcome. Where would you like to start?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Eerste melding vastleggen (Ctrl+N)</source>
        <translation>Record a first case (Ctrl+N)</translation>
    </message>
    <message>
        <source>Organisatie toevoegen</source>
        <translation>Add an organisation</translation>
    </message>
    <message>
        <source>Reservekopie instellen</source>
        <translation>Set up the backup</translation>
    </message>
    <message>
        <source>Handleiding lezen (F1)</source>
        <translation>Read the user guide (F1)</translation>
    </message>
    <message>
        <source>Iemand kwam bij u? Leg de melding en het eerste gesprek vast.</source>
        <translation>Someone came to you? Record the case and the first conversation.</translation>
    </message>
    <message>
        <source>Bent u vertrouwenspersoon voor meer organisaties? Voeg ze hier toe.</source>
        <translation>Are you the confidential counsellor for more organisations? Add them here.</translation>
    </message>
    <message>
        <source>Kies een USB-stick voor de reservekopie, zodat uw aantekeningen veilig zijn als deze computer het begeeft.</source>
        <translation>Choose a USB stick for the backup, so your notes are safe if this computer fails.</translation>
    </message>
    <message>
        <source>Hoe alles werkt, in gewone taal.</source>
        <translation>How everything works, in plain words (in Dutch).</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Handleiding — vpnotebook</source>
        <translation>User guide — vpnotebook</translation>
    </message>
    <message>
        <source>Tekst van de handleiding</source>
        <translation>Text of the user guide</translation>
    </message>
    <message>
        <source>Hoofdstukken</source>
        <translation>Chapters</translation>
    </message>
    <message>
        <source>Zoeken in de handleiding</source>
        <translation>Search the user guide</translation>
    </message>
    <message>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>&amp;Zoeken:</source>
        <translation>&amp;Search:</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>vernietigen</source>
        <translation>destroy</translation>
    </message>
    <message>
        <source>Overdragen aan een collega</source>
        <translation>Hand over to a colleague</translation>
    </message>
    <message>
        <source>Vorige</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Alle organisaties</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <source>&amp;Alle meldingen van deze organisatie</source>
        <translation>&amp;All cases of this organisation</translation>
    </message>
    <message>
        <source>Meldingen om over te dragen</source>
        <translation>Cases to hand over</translation>
    </message>
    <message>
        <source>Naam van uw collega</source>
        <translation>Your colleague&apos;s name</translation>
    </message>
    <message>
        <source>Voor uw eigen logboek van overdrachten</source>
        <translation>For your own log of hand-overs</translation>
    </message>
    <message>
        <source>Map voor de overdracht</source>
        <translation>Folder for the hand-over</translation>
    </message>
    <message>
        <source>&amp;Bladeren…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Daarna de meldingen in mijn eigen kluis &amp;vernietigen</source>
        <translation>Then &amp;destroy the cases in my own vault</translation>
    </message>
    <message>
        <source>&amp;Organisatie:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Meldingen:</source>
        <translation>Ca&amp;ses:</translation>
    </message>
    <message>
        <source>Aan &amp;collega:</source>
        <translation>To &amp;colleague:</translation>
    </message>
    <message>
        <source>Naar de ma&amp;p:</source>
        <translation>Into the &amp;folder:</translation>
    </message>
    <message>
        <source>Draag meldingen over aan een vervanger of opvolger. Ze komen met alles wat erbij hoort in een nieuwe, versleutelde kluis met een eigen wachtwoord en herstelcode. De melder moet met de overdracht hebben ingestemd: vul die datum eerst in bij de melding.</source>
        <translation>Hand cases over to a substitute or successor. They go, with everything that belongs to them, into a new encrypted vault with its own passphrase and recovery code. The reporter must have agreed to the hand-over: fill in that date on the case first.</translation>
    </message>
    <message>
        <source>Kies een wachtwoord voor deze overdracht, niet dat van uw eigen kluis: uw collega krijgt het te weten. Geef het apart van de map, bijvoorbeeld telefonisch.</source>
        <translation>Choose a passphrase for this hand-over, not your own vault&apos;s: your colleague will know it. Give it separately from the folder, by phone for instance.</translation>
    </message>
    <message>
        <source>De herstelcode van de overdracht. Geef hem uw collega, apart van het wachtwoord: daarmee komt uw collega erin als het wachtwoord kwijt is. De overdracht wordt pas gemaakt als u de code hebt overgenomen.</source>
        <translation>The hand-over&apos;s recovery code. Give it to your colleague, separately from the passphrase: with it your colleague gets in if the passphrase is lost. The hand-over is made only once you have copied the code.</translation>
    </message>
    <message>
        <source>Bevestiging</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>De overdracht wordt gemaakt. Dat duurt een paar seconden.</source>
        <translation>The hand-over is being made. That takes a few seconds.</translation>
    </message>
    <message>
        <source>(nog geen toestemming)</source>
        <translation>(no consent yet)</translation>
    </message>
    <message>
        <source>Kies waar de map voor de overdracht komt</source>
        <translation>Choose where the hand-over folder goes</translation>
    </message>
    <message>
        <source>Van %1 heeft de melder nog geen toestemming gegeven voor de overdracht. Vraag die eerst en vul de datum in bij de melding (tabblad Intake), of laat deze melding(en) hier weg.</source>
        <translation>For %1 the reporter has not yet agreed to the hand-over. Ask first and fill in the date on the case (Intake tab), or leave these cases out here.</translation>
    </message>
    <message>
        <source>Welke meldingen, aan wie</source>
        <translation>Which cases, to whom</translation>
    </message>
    <message>
        <source>Een wachtwoord voor de overdracht</source>
        <translation>A passphrase for the hand-over</translation>
    </message>
    <message>
        <source>De herstelcode van de overdracht</source>
        <translation>The hand-over&apos;s recovery code</translation>
    </message>
    <message>
        <source>Vernietigen in uw eigen kluis</source>
        <translation>Destroying in your own vault</translation>
    </message>
    <message>
        <source>Stap %1 van %2: %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <source>Overdracht</source>
        <translation>Hand-over</translation>
    </message>
    <message>
        <source>Overdragen</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Na de overdracht worden deze %1 melding(en) in uw eigen kluis vernietigd. Alleen de anonieme gegevens voor het jaarverslag blijven, en in uw logboek staat aan wie u ze overdroeg. Dit kan niet ongedaan worden gemaakt. Typ &apos;%2&apos; om door te gaan.</source>
        <translation>After the hand-over these %1 case(s) are destroyed in your own vault. Only the anonymous figures for the annual report remain, and your log says to whom you handed them over. This cannot be undone. Type &apos;%2&apos; to go on.</translation>
    </message>
    <message>
        <source>Er ging onverwacht iets mis (%1).</source>
        <translation>Something unexpected went wrong (%1).</translation>
    </message>
    <message>
        <source>Er is niets overgedragen.</source>
        <translation>Nothing was handed over.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Klaar.&lt;/b&gt; %1 melding(en) staan in de overdracht in &lt;i&gt;%2&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Done.&lt;/b&gt; %1 case(s) are in the hand-over in &lt;i&gt;%2&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Geef uw collega de map (bijvoorbeeld op een USB-stick), en apart daarvan het wachtwoord en de herstelcode. Uw collega opent de map met &lt;i&gt;Andere kluis openen&lt;/i&gt;, of voegt hem samen met de eigen kluis via &lt;i&gt;Bestand → Overdracht samenvoegen&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Give your colleague the folder (on a USB stick, for instance) and, separately, the passphrase and the recovery code. Your colleague opens the folder with &lt;i&gt;Open another vault&lt;/i&gt;, or merges it into their own vault through &lt;i&gt;File → Merge a hand-over&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Bij elke melding staat nu aan wie en wanneer u hem overdroeg.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Each case now says to whom and when you handed it over.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 melding(en) zijn daarna in uw kluis vernietigd. Maak binnenkort een nieuwe reservekopie.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 case(s) were then destroyed in your vault. Make a new backup soon.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Nieuwe sleutel</source>
        <translation>New key</translation>
    </message>
    <message>
        <source>Wilt u nu ook een nieuwe sleutel maken?</source>
        <translation>Would you like to make a new key now as well?</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Handleiding</source>
        <translation>&amp;User guide (Dutch)</translation>
    </message>
    <message>
        <source>&amp;Sneltoetsen</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Over vpnotebook</source>
        <translation>&amp;About vpnotebook</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Nieuwe melding</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Melding vastleggen</source>
        <translation>Record case</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Een paar woorden waaraan u de melding herkent</source>
        <translation>A few words by which you will recognise the case</translation>
    </message>
    <message>
        <source>De melding</source>
        <translation>The case</translation>
    </message>
    <message>
        <source>&amp;Organisatie</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>Afd&amp;eling</source>
        <translation>D&amp;epartment</translation>
    </message>
    <message>
        <source>&amp;Datum eerste contact</source>
        <translation>&amp;Date of first contact</translation>
    </message>
    <message>
        <source>Soort &amp;contact</source>
        <translation>Type of &amp;contact</translation>
    </message>
    <message>
        <source>Aard van de melding</source>
        <translation>Nature of the case</translation>
    </message>
    <message>
        <source>Ge&amp;nder</source>
        <translation>Ge&amp;nder</translation>
    </message>
    <message>
        <source>Relatie tot &amp;veroorzaker</source>
        <translation>Relation to the &amp;accused</translation>
    </message>
    <message>
        <source>Toestemming voor overdracht gegeven o&amp;p</source>
        <translation>Consent to &amp;hand over given on</translation>
    </message>
    <message>
        <source>Nodig voordat u de melding aan een collega-vertrouwenspersoon overdraagt, bijvoorbeeld bij een vervanging.</source>
        <translation>Needed before you hand the case over to another confidential counsellor, when someone stands in for you, for instance.</translation>
    </message>
    <message>
        <source>Aantal melder&amp;s</source>
        <translation>Number of reporter&amp;s</translation>
    </message>
    <message>
        <source>Aantal melders</source>
        <translation>Number of reporters</translation>
    </message>
    <message>
        <source>Kwamen er meer mensen samen, met één verhaal? Vul in hoeveel: het blijft één melding, en het jaarverslag telt de melders apart.</source>
        <translation>Did several people come together, with one story? Fill in how many: it stays one case, and the annual report counts the reporters separately.</translation>
    </message>
    <message>
        <source>De melder bli&amp;jft anoniem</source>
        <translation>The reporter stays anon&amp;ymous</translation>
    </message>
    <message>
        <source>Van een anonieme melder bewaart u niets over wie het is: geen naam, geen bereikbaarheid, geen notities over de persoon.</source>
        <translation>Of an anonymous reporter you keep nothing about who they are: no name, no contact details, no notes about the person.</translation>
    </message>
    <message>
        <source>Wat hoopt de melder te bereiken?</source>
        <translation>What does the reporter hope to achieve?</translation>
    </message>
    <message>
        <source>&amp;Toestemming gegeven op</source>
        <translation>Consen&amp;t given on</translation>
    </message>
    <message>
        <source>Vink aan zodra de melder ermee instemt dat u een dossier bijhoudt; noteer de datum waarop dat gebeurde.</source>
        <translation>Tick this as soon as the reporter agrees that you keep a file; note the date on which that happened.</translation>
    </message>
    <message>
        <source>Notities bij de melding</source>
        <translation>Notes on the case</translation>
    </message>
    <message>
        <source>&amp;Uw notities</source>
        <translation>Your no&amp;tes</translation>
    </message>
    <message>
        <source>Afspraken, bijzonderheden, waar de melding vandaan kwam</source>
        <translation>Agreements, particulars, where the case came from</translation>
    </message>
    <message>
        <source>Naam en bereikbaarheid staan los van de melding. U kunt ze wissen zonder de melding zelf kwijt te raken; ze komen nooit in een verslag.</source>
        <translation>Name and contact details are kept separate from the case. You can erase them without losing the case itself; they never appear in a report.</translation>
    </message>
    <message>
        <source>Over de melder</source>
        <translation>About the reporter</translation>
    </message>
    <message>
        <source>Wer&amp;ktitel</source>
        <translation>Wor&amp;king title</translation>
    </message>
    <message>
        <source>&amp;Rol van de melder</source>
        <translation>&amp;Role of the reporter</translation>
    </message>
    <message>
        <source>&amp;Leeftijd</source>
        <translation>&amp;Age</translation>
    </message>
    <message>
        <source>Wat w&amp;il de melder?</source>
        <translation>What does the re&amp;porter want?</translation>
    </message>
    <message>
        <source>N&amp;aam</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <source>Bereikbaar via</source>
        <translation>Reachable via</translation>
    </message>
    <message>
        <source>Telefoon, e-mail, voorkeur</source>
        <translation>Phone, email, preference</translation>
    </message>
    <message>
        <source>Wie is de melder — apart bewaard, los te wissen</source>
        <translation>Who the reporter is — kept separately, can be erased on its own</translation>
    </message>
    <message>
        <source>Notities over de &amp;melder</source>
        <translation>Notes a&amp;bout the reporter</translation>
    </message>
    <message>
        <source>Deze melder blijft anoniem: naam, bereikbaarheid en notities over de melder worden niet bewaard. Kent u de melder toch bij naam, zet dan het vinkje &apos;De melder blijft anoniem&apos; uit.</source>
        <translation>This reporter stays anonymous: name, contact details and notes about the reporter are not kept. If you do know the reporter by name, untick &apos;The reporter stays anonymous&apos;.</translation>
    </message>
    <message>
        <source>Gegevens van de melder wissen…</source>
        <translation>Erase the reporter’s details…</translation>
    </message>
    <message>
        <source>Dit is de melding die u aan het vastleggen was toen het programma vergrendelde. Vul aan wat nog ontbreekt.</source>
        <translation>This is the case you were recording when the program locked. Fill in whatever is still missing.</translation>
    </message>
    <message>
        <source>— kies een organisatie —</source>
        <translation>— choose an organisation —</translation>
    </message>
    <message>
        <source>Anonieme melder</source>
        <translation>Anonymous reporter</translation>
    </message>
    <message>
        <source>Van een anonieme melder wordt niets bewaard over wie het is. De naam, bereikbaarheid en notities over de melder die hier staan, worden gewist. Doorgaan?</source>
        <translation>Nothing is kept about who an anonymous reporter is. The name, contact details and notes about the reporter shown here will be erased. Go on?</translation>
    </message>
    <message>
        <source>— geen of onbekend —</source>
        <translation>— none or unknown —</translation>
    </message>
</context>
<context>
    <name>IntervisionDialog</name>
    <message>
        <source>Casus voor intervisie</source>
        <translation>Case for peer consultation</translation>
    </message>
    <message>
        <source>Deel deze melding geanonimiseerd met collega-vertrouwenspersonen. Wat rechts staat, komt precies zo in de PDF. Namen van de melder en de organisatie, e-mailadressen en telefoonnummers zijn al vervangen; kijk de rest na en pas de tekst aan waar nodig.</source>
        <translation>Share this case, anonymised, with fellow counsellors. What is on the right goes into the PDF exactly as it is. The names of the reporter and the organisation, e-mail addresses and phone numbers have already been replaced; check the rest and change the text where needed. (The PDF is in Dutch.)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gesprekken&lt;/b&gt;</source>
        <translation>&lt;b&gt;Conversations&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Bij deze melding zijn geen gesprekken.</source>
        <translation>This case has no conversations.</translation>
    </message>
    <message>
        <source>Routes en verwijzingen</source>
        <translation>Routes and referrals</translation>
    </message>
    <message>
        <source>&lt;b&gt;Na te kijken&lt;/b&gt;</source>
        <translation>&lt;b&gt;To check&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Mogelijk herleidbare woorden</source>
        <translation>Words that may identify someone</translation>
    </message>
    <message>
        <source>&amp;Tekst voor de intervisie</source>
        <translation>&amp;Text for the peer consultation</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Tekst opnieuw opbouwen?</source>
        <translation>Rebuild the text?</translation>
    </message>
    <message>
        <source>U heeft de tekst al aangepast. Als u kiest welke onderdelen meegaan, wordt de tekst opnieuw opgebouwd en gaan uw aanpassingen verloren. Doorgaan?</source>
        <translation>You have already changed the text. Choosing what goes in rebuilds the text, and your changes are lost. Continue?</translation>
    </message>
    <message>
        <source>‘%1’: %2</source>
        <translation>‘%1’: %2</translation>
    </message>
    <message>
        <source>Vink aan als dit mag blijven staan.</source>
        <translation>Tick if this may stay.</translation>
    </message>
    <message>
        <source>Nog %1 plaats(en) na te kijken. Pas de tekst aan, of vink aan wat mag blijven staan.</source>
        <translation>%1 place(s) still to check. Change the text, or tick what may stay.</translation>
    </message>
    <message>
        <source>Alles nagekeken.</source>
        <translation>Everything checked.</translation>
    </message>
    <message>
        <source>Het programma vond niets dat naar iemand wijst.</source>
        <translation>The program found nothing that points to anyone.</translation>
    </message>
    <message>
        <source>Casus voor intervisie opslaan</source>
        <translation>Save case for peer consultation</translation>
    </message>
    <message>
        <source>Nog niet nagekeken</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>Er staan nog %1 plaats(en) in de tekst die naar iemand kunnen wijzen: %2. Pas ze aan of vink aan dat ze mogen blijven staan.</source>
        <translation>The text still has %1 place(s) that may point to someone: %2. Change them, or tick that they may stay.</translation>
    </message>
    <message>
        <source>Dit bestand is niet versleuteld</source>
        <translation>This file is not encrypted</translation>
    </message>
    <message>
        <source>Het bestand is niet versleuteld. Het bevat alleen de tekst die u hier ziet. Geef het alleen aan de collega&apos;s van uw intervisiegroep en verwijder het daarna. Wilt u het bestand maken?</source>
        <translation>The file is not encrypted. It holds only the text you see here. Give it only to the colleagues of your peer consultation group, and delete it afterwards. Do you want to create the file?</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Opgeslagen</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Opgeslagen als %1.</source>
        <translation>Saved as %1.</translation>
    </message>
</context>
<context>
    <name>KeepLongerDialog</name>
    <message>
        <source>Langer bewaren</source>
        <translation>Keep longer</translation>
    </message>
    <message>
        <source>Volgens de bewaartermijn is deze melding te vernietigen vanaf %1. Bewaar haar alleen langer als daar een goede reden voor is, bijvoorbeeld een klacht of rechtszaak die nog loopt. Uw besluit en de reden worden bij de melding vastgelegd. Op Vandaag verschijnt de melding dan pas weer kort voor de nieuwe datum.</source>
        <translation>Under the retention period this case is due for destruction from %1. Keep it longer only for a good reason, such as a complaint or a court case that is still running. Your decision and the reason are recorded with the case. The case then appears on Today again only shortly before the new date.</translation>
    </message>
    <message>
        <source>Waarom is langer bewaren nodig?</source>
        <translation>Why does the case need to be kept longer?</translation>
    </message>
    <message>
        <source>Bewaren &amp;tot</source>
        <translation>Keep &amp;until</translation>
    </message>
    <message>
        <source>&amp;Reden</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>KeyDialogs</name>
    <message>
        <source>Met een nieuwe sleutel wordt de kluis opnieuw versleuteld. Oude reservekopieën en oude sleutelbestanden openen de kluis daarna niet meer; oude reservekopieën blijven wél met het oude wachtwoord te openen.</source>
        <translation>With a new key the vault is encrypted anew. Old backups and old key-slot files no longer open the vault after that; old backups can still be opened with the old passphrase.</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <source>&amp;Andere melding</source>
        <translation>&amp;Other case</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Hoe ze &amp;samenhangen</source>
        <translation>How they are &amp;related</translation>
    </message>
    <message>
        <source>Samenhang</source>
        <translation>Related by</translation>
    </message>
    <message>
        <source>&amp;Toelichting</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nog een melding koppelen</source>
        <translation>Link another case</translation>
    </message>
    <message>
        <source>Deze melding is nog niet aan een andere gekoppeld. Koppel meldingen die bij elkaar horen: dezelfde melder, dezelfde veroorzaker of hetzelfde voorval.</source>
        <translation>This case is not linked to another yet. Link cases that belong together: the same reporter, the same accused or the same event.</translation>
    </message>
    <message>
        <source>de koppeling met %1</source>
        <translation>the link with %1</translation>
    </message>
    <message>
        <source>Melding &amp;openen</source>
        <translation>O&amp;pen case</translation>
    </message>
    <message>
        <source>Opent de gekoppelde melding (of dubbelklik op de regel).</source>
        <translation>Opens the linked case (or double-click the row).</translation>
    </message>
    <message>
        <source>Ontkoppelen…</source>
        <translation>Unlink…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Instellingen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Importeren uit &amp;Excel…</source>
        <translation>Import from &amp;Excel…</translation>
    </message>
    <message>
        <source>vpnotebook &amp;sluiten</source>
        <translation>&amp;Quit vpnotebook</translation>
    </message>
    <message>
        <source>&amp;Overdragen aan een collega…</source>
        <translation>&amp;Hand over to a colleague…</translation>
    </message>
    <message>
        <source>Overdracht sa&amp;menvoegen…</source>
        <translation>&amp;Merge a hand-over…</translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Laatste wijziging &amp;ongedaan maken</source>
        <translation>&amp;Undo the last change</translation>
    </message>
    <message>
        <source>&amp;Ga naar</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Nieuwe melding…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <source>&amp;Vandaag</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>Terugzetten afgemaakt</source>
        <translation>Restore completed</translation>
    </message>
    <message>
        <source>Kluis: %1</source>
        <translation>Vault: %1</translation>
    </message>
    <message>
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Ontgrendeld</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>Ontgrendeld, alleen lezen</source>
        <translation>Unlocked, read-only</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>De laatste wijziging is niet bewaard; de kluis is wel vergrendeld.</source>
        <translation>The last change was not saved; the vault is locked all the same.</translation>
    </message>
    <message>
        <source>Nieuwe sleutel wordt gemaakt…</source>
        <translation>Making a new key…</translation>
    </message>
    <message>
        <source>De kluis krijgt een nieuwe sleutel. Een ogenblik…</source>
        <translation>The vault is getting a new key. One moment…</translation>
    </message>
    <message>
        <source>Over u</source>
        <translation>About you</translation>
    </message>
    <message>
        <source>Beveiliging</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Reservekopie nog bezig</source>
        <translation>Backup still in progress</translation>
    </message>
    <message>
        <source>Er wordt nog een reservekopie gemaakt of teruggezet. Het programma sluit vanzelf zodra dat klaar is.</source>
        <translation>A backup is still being made or restored. The program will close by itself as soon as it has finished.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Overdracht samenvoegen</source>
        <translation>Merge a hand-over</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Map van de overdracht</source>
        <translation>The hand-over&apos;s folder</translation>
    </message>
    <message>
        <source>&amp;Bladeren…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Wachtwoord van de overdracht</source>
        <translation>The hand-over&apos;s passphrase</translation>
    </message>
    <message>
        <source>Ik open de overdracht met de &amp;herstelcode</source>
        <translation>I open the hand-over with the &amp;recovery code</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Map van de overdracht:</source>
        <translation>The hand-over&apos;s &amp;folder:</translation>
    </message>
    <message>
        <source>Heeft een collega meldingen aan u overgedragen? Voeg ze samen met uw eigen kluis. Organisaties die u al hebt, worden herkend aan hun naam; de meldingen krijgen nummers in uw eigen reeks (het oude nummer komt in de notities). Er wordt niets van uw eigen gegevens overschreven.</source>
        <translation>Did a colleague hand cases over to you? Merge them into your own vault. Organisations you already have are recognised by their name; the cases get numbers in your own sequence (the old number goes into the notes). Nothing of your own is overwritten.</translation>
    </message>
    <message>
        <source>Kies de map van de overdracht</source>
        <translation>Choose the hand-over&apos;s folder</translation>
    </message>
    <message>
        <source>&amp;Herstelcode:</source>
        <translation>&amp;Recovery code:</translation>
    </message>
    <message>
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>In deze map staat geen overdracht of kluis van vpnotebook.</source>
        <translation>This folder holds no vpnotebook hand-over or vault.</translation>
    </message>
    <message>
        <source>Dat is de map van uw eigen kluis.</source>
        <translation>That is your own vault&apos;s folder.</translation>
    </message>
    <message>
        <source>De overdracht wordt geopend…</source>
        <translation>Opening the hand-over…</translation>
    </message>
    <message>
        <source>De meldingen worden samengevoegd…</source>
        <translation>Merging the cases…</translation>
    </message>
    <message>
        <source>Deze overdracht is al eens samengevoegd. Nog een keer samenvoegen zet alle meldingen er dubbel in.</source>
        <translation>This hand-over was merged before. Merging it again puts every case in twice.</translation>
    </message>
    <message>
        <source>Zo komt de overdracht in uw kluis:</source>
        <translation>This is how the hand-over comes into your vault:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Samengevoegd.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Merged.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Overgedragen door %1 op %2.</source>
        <translation>Handed over by %1 on %2.</translation>
    </message>
    <message>
        <source>%1 melding(en), %2 gesprek(ken).</source>
        <translation>%1 case(s), %2 conversation(s).</translation>
    </message>
    <message>
        <source>%1 — al in uw kluis; haar gegevens blijven zoals ze zijn</source>
        <translation>%1 — already in your vault; its details stay as they are</translation>
    </message>
    <message>
        <source>%1 — nieuw</source>
        <translation>%1 — new</translation>
    </message>
    <message>
        <source>Organisaties:</source>
        <translation>Organisations:</translation>
    </message>
    <message>
        <source>Meldingsnummers (het oude nummer komt in de notities van de melding):</source>
        <translation>Case numbers (the old number goes into the case&apos;s notes):</translation>
    </message>
    <message>
        <source>Bij %1 jaarverslag(en) komt de tekst uit de overdracht onder uw eigen tekst.</source>
        <translation>For %1 annual report(s) the hand-over&apos;s text goes below your own text.</translation>
    </message>
    <message>
        <source>De map van de overdracht bevat de meldingen nog. Bewaar hem zorgvuldig, of verwijder hem (ook uit de prullenbak) als u hem niet meer nodig hebt.</source>
        <translation>The hand-over&apos;s folder still holds the cases. Keep it with care, or delete it (from the recycle bin too) once you no longer need it.</translation>
    </message>
    <message>
        <source>Het wachtwoord of de herstelcode van de overdracht klopt niet. Er is niets samengevoegd.</source>
        <translation>The hand-over&apos;s passphrase or recovery code is not correct. Nothing was merged.</translation>
    </message>
    <message>
        <source>Er is niets samengevoegd.</source>
        <translation>Nothing was merged.</translation>
    </message>
    <message>
        <source>Er ging onverwacht iets mis (%1). Er is niets samengevoegd.</source>
        <translation>Something unexpected went wrong (%1). Nothing was merged.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryCodeDialog</name>
    <message>
        <source>Nieuwe herstelcode</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <source>U krijgt een nieuwe herstelcode; de oude werkt daarna niet meer. Gebruik dit als u de oude kwijt bent of als iemand anders hem gezien kan hebben.</source>
        <translation>You get a new recovery code; the old one stops working. Use this if you lost the old one or someone else may have seen it.</translation>
    </message>
    <message>
        <source>Huidig wachtwoord</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>Huidig wachtwoord:</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Herstelcode opslaan</source>
        <translation>Store recovery code</translation>
    </message>
</context>
<context>
    <name>OrganisationsPage</name>
    <message>
        <source>&amp;Nieuwe organisatie</source>
        <translation>&amp;New organisation</translation>
    </message>
    <message>
        <source>Ook ge&amp;archiveerde organisaties tonen</source>
        <translation>Also show &amp;archived organisations</translation>
    </message>
    <message>
        <source>Organisaties</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>U heeft nog geen organisaties. Met ‘Nieuwe organisatie’ legt u uw eerste opdrachtgever vast.</source>
        <translation>You have no organisations yet. Use ‘New organisation’ to record your first client organisation.</translation>
    </message>
    <message>
        <source>Gegevens</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Doorverwijzen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Afdelingen</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>Kies een organisatie in de lijst.</source>
        <translation>Choose an organisation from the list.</translation>
    </message>
    <message>
        <source>Uw opdrachtgevers, met hun afdelingen en de mensen naar wie u kunt doorverwijzen.</source>
        <translation>Your client organisations, with their departments and the people you can refer to.</translation>
    </message>
    <message>
        <source>1 jaar</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>%1 jaar</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <source>%1 (gearchiveerd)</source>
        <translation>%1 (archived)</translation>
    </message>
    <message>
        <source>Medewerkers</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Bewaartermijn</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>Lopende meldingen</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Naam van de organisatie</source>
        <translation>Name of the organisation</translation>
    </message>
    <message>
        <source>Aantal medewerkers</source>
        <translation>Number of employees</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: zorg, onderwijs, overheid</source>
        <translation>For example: healthcare, education, government</translation>
    </message>
    <message>
        <source>Bewaartermijn in jaren</source>
        <translation>Retention period in years</translation>
    </message>
    <message>
        <source> jaar</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Zoveel jaar na het afsluiten van een melding is het dossier aan vernietiging toe. Het scherm Vandaag laat u dat op tijd zien; er wordt niets vernietigd zonder uw bevestiging. Alleen anonieme telgegevens voor het jaarverslag blijven over. Een andere termijn geldt ook voor meldingen die al zijn afgesloten.</source>
        <translation>This many years after a case is closed, its file is due for destruction. The Today screen shows you in time; nothing is destroyed without your confirmation. Only anonymous counts for the annual report remain. A changed period also applies to cases that are already closed.</translation>
    </message>
    <message>
        <source>Gearchiveerd: geen opdrachtgever meer</source>
        <translation>Archived: no longer a client</translation>
    </message>
    <message>
        <source>Gearchiveerd</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Notities over de organisatie</source>
        <translation>Notes on the organisation</translation>
    </message>
    <message>
        <source>Naam:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Medewerkers:</source>
        <translation>Employees:</translation>
    </message>
    <message>
        <source>Sector:</source>
        <translation>Sector:</translation>
    </message>
    <message>
        <source>Bewaartermijn:</source>
        <translation>Retention period:</translation>
    </message>
    <message>
        <source>Notities:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>de gegevens van ‘%1’</source>
        <translation>the details of ‘%1’</translation>
    </message>
    <message>
        <source>Wijzigingen worden vanzelf bewaard.</source>
        <translation>Changes are saved automatically.</translation>
    </message>
    <message>
        <source>Geef de organisatie eerst een naam.</source>
        <translation>Give the organisation a name first.</translation>
    </message>
</context>
<context>
    <name>OutreachPage</name>
    <message>
        <source>Voorlichting</source>
        <translation>Outreach</translation>
    </message>
    <message>
        <source>Alles wat u doet om uw rol bekend te maken en ongewenst gedrag te voorkomen: kennismakingen met teams, presentaties, workshops, een stuk in de nieuwsbrief. Het jaarverslag telt deze activiteiten per organisatie.</source>
        <translation>Everything you do to make your role known and to prevent undesirable behaviour: introductions to teams, presentations, workshops, a piece in the newsletter. The annual report counts these activities per organisation.</translation>
    </message>
    <message>
        <source>&amp;Nieuwe activiteit</source>
        <translation>&amp;New activity</translation>
    </message>
    <message>
        <source>Voorlichtingsactiviteiten</source>
        <translation>Outreach activities</translation>
    </message>
    <message>
        <source>Voor deze keuze is nog geen voorlichting vastgelegd. Met ‘Nieuwe activiteit’ legt u een kennismaking, presentatie of workshop vast.</source>
        <translation>No outreach has been recorded for this selection yet. Use ‘New activity’ to record an introduction, presentation or workshop.</translation>
    </message>
    <message>
        <source>Kies links een activiteit om die te bekijken of aan te vullen, of begin een nieuwe.</source>
        <translation>Choose an activity on the left to view or add to it, or start a new one.</translation>
    </message>
    <message>
        <source>Activiteit verwijderen</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <source>Wilt u %1 verwijderen? Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Do you want to delete %1? This cannot be undone.</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Duur</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>nog invullen</source>
        <translation>fill in</translation>
    </message>
    <message>
        <source>Soort activiteit</source>
        <translation>Type of activity</translation>
    </message>
    <message>
        <source>Kies een soort</source>
        <translation>Choose a type</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: kennismaking team Planning</source>
        <translation>For example: introduction to the Planning team</translation>
    </message>
    <message>
        <source>Doelgroep</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Voor wie was het?</source>
        <translation>Who was it for?</translation>
    </message>
    <message>
        <source>Aantal deelnemers</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <source>Duur in minuten</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Soort:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Onderwerp:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>Doelgroep:</source>
        <translation>Audience:</translation>
    </message>
    <message>
        <source>Deelnemers:</source>
        <translation>Participants:</translation>
    </message>
    <message>
        <source>Duur:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <source>Notities:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>de activiteit</source>
        <translation>the activity</translation>
    </message>
    <message>
        <source>‘%1’ van %2</source>
        <translation>‘%1’ from %2</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Herhaal het nieuwe wachtwoord</source>
        <translation>Repeat the new passphrase</translation>
    </message>
    <message>
        <source>Wachtwoord &amp;tonen</source>
        <translation>Sho&amp;w passphrase</translation>
    </message>
    <message>
        <source>Laat zien wat u typt, om tikfouten te zien. Let op wie er meekijkt.</source>
        <translation>Shows what you type, so you can spot typing errors. Mind who is looking.</translation>
    </message>
    <message>
        <source>Sterkte van het wachtwoord</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord:</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <source>Sterkte:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Herhaal wachtwoord:</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <source>Tip: een zin van vier of vijf gewone woorden die niet vanzelf bij elkaar horen, is sterk en goed te onthouden.</source>
        <translation>Tip: a sentence of four or five ordinary words that do not naturally belong together is strong and easy to remember.</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn nog niet gelijk.</source>
        <translation>The two passphrases do not match yet.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Kies uw wachtwoord</source>
        <translation>Choose your passphrase</translation>
    </message>
    <message>
        <source>Met dit wachtwoord opent u elke dag de kluis. Niemand anders kent het, ook wij niet; het is niet terug te halen.</source>
        <translation>You open the vault with this passphrase every day. Nobody else knows it, not even us; it cannot be retrieved.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Zo komt het in uw kluis</source>
        <translation>This is how it goes into your vault</translation>
    </message>
    <message>
        <source>Kijk het na. Pas als u op Importeren klikt, komt alles in één keer in uw kluis; gaat er iets mis, dan komt er niets in.</source>
        <translation>Check it. Only when you click Import does everything go into your vault, all at once; if anything goes wrong, nothing goes in.</translation>
    </message>
    <message>
        <source>&amp;Importeren</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>&amp;Toch nog een keer importeren (alles komt er dan dubbel in)</source>
        <translation>&amp;Import once more all the same (everything will then be in twice)</translation>
    </message>
    <message>
        <source>Let op: dit bestand is al eens geïmporteerd (%1 meldingen). Nog een keer importeren zet alles er dubbel in.</source>
        <translation>Note: this file was imported before (%1 cases). Importing it again puts everything in twice.</translation>
    </message>
    <message>
        <source>1 gesprek</source>
        <translation>1 conversation</translation>
    </message>
    <message>
        <source>%1 gesprekken</source>
        <translation>%1 conversations</translation>
    </message>
    <message>
        <source>1 doorverwijzing</source>
        <translation>1 referral</translation>
    </message>
    <message>
        <source>%1 doorverwijzingen</source>
        <translation>%1 referrals</translation>
    </message>
    <message>
        <source>1 route</source>
        <translation>1 route</translation>
    </message>
    <message>
        <source>%1 routes</source>
        <translation>%1 routes</translation>
    </message>
    <message>
        <source>%1 uur</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; met %2; %3 afgesloten.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; with %2; %3 closed.</translation>
    </message>
    <message>
        <source>1 melding</source>
        <translation>1 case</translation>
    </message>
    <message>
        <source>%1 meldingen</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>nieuw</source>
        <translation>new</translation>
    </message>
    <message>
        <source>bestaat al</source>
        <translation>already exists</translation>
    </message>
    <message>
        <source>nieuwe afdelingen: %1</source>
        <translation>new departments: %1</translation>
    </message>
    <message>
        <source>%1 zonder soort contact krijgen &apos;%2&apos;.</source>
        <translation>%1 without a kind of contact get &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>%1 zonder rol van de melder krijgen &apos;%2&apos;.</source>
        <translation>%1 without the reporter&apos;s role get &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>%1 afgesloten zonder datum: als afsluitdatum geldt de datum van het eerste contact.</source>
        <translation>%1 closed without a date: the date of first contact counts as the closing date.</translation>
    </message>
    <message>
        <source>Zelf ingevuld:</source>
        <translation>Filled in by the program:</translation>
    </message>
    <message>
        <source>De eerste rijen zoals ze worden opgeslagen:</source>
        <translation>The first rows as they will be stored:</translation>
    </message>
    <message>
        <source>Rij</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Eerste contact</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Afdeling</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Soort contact</source>
        <translation>Kind of contact</translation>
    </message>
    <message>
        <source>Aard</source>
        <translation>Kind of case</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Leeftijd</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Melders</source>
        <translation>Reporters</translation>
    </message>
    <message>
        <source>Gesprekken</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Uren</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Doorverwezen naar</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>(nieuw)</source>
        <translation>(new)</translation>
    </message>
    <message>
        <source>Afgesloten %1</source>
        <translation>Closed %1</translation>
    </message>
    <message>
        <source>groep van %1</source>
        <translation>group of %1</translation>
    </message>
    <message>
        <source>anoniem</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <source>anoniem, %1</source>
        <translation>anonymous, %1</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Over u en uw eerste opdrachtgever</source>
        <translation>About you and your first client</translation>
    </message>
    <message>
        <source>Uw naam en rol komen op het jaarverslag. U kunt ze later wijzigen onder Bestand → Instellingen → Over u.</source>
        <translation>Your name and role go on the annual report. You can change them later under File → Settings → About you.</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: zorg, onderwijs, overheid</source>
        <translation>For example: healthcare, education, government</translation>
    </message>
    <message>
        <source> jaar na afsluiten</source>
        <translation> years after closing</translation>
    </message>
    <message>
        <source>Uw &amp;naam:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <source>Uw &amp;rol:</source>
        <translation>Your &amp;role:</translation>
    </message>
    <message>
        <source>Naam van de &amp;organisatie:</source>
        <translation>&amp;Organisation name:</translation>
    </message>
    <message>
        <source>Aantal &amp;medewerkers:</source>
        <translation>Number of &amp;employees:</translation>
    </message>
    <message>
        <source>&amp;Sector:</source>
        <translation>&amp;Sector:</translation>
    </message>
    <message>
        <source>Bewaar&amp;termijn dossiers:</source>
        <translation>Re&amp;tention of case files:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uw eerste opdrachtgever&lt;/b&gt; — meer organisaties voegt u later toe</source>
        <translation>&lt;b&gt;Your first client&lt;/b&gt; — you add more organisations later</translation>
    </message>
</context>
<context>
    <name>ProfileSection</name>
    <message>
        <source>Uw &amp;naam:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <source>Uw naam</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Uw &amp;rol:</source>
        <translation>Your &amp;role:</translation>
    </message>
    <message>
        <source>Uw rol</source>
        <translation>Your role</translation>
    </message>
    <message>
        <source>Uw naam en rol staan op het jaarverslag, op de inzage-export voor de melder en op uw eigen overzichten. Wat u eerder maakte, verandert niet.</source>
        <translation>Your name and role are on the annual report, on the reporter&apos;s access export and on your own overviews. What you made before does not change.</translation>
    </message>
    <message>
        <source>Organisaties beheren…</source>
        <translation>Manage organisations…</translation>
    </message>
    <message>
        <source>Naam, grootte, sector en bewaartermijn van uw opdrachtgevers wijzigt u op het scherm Organisaties.</source>
        <translation>You change the name, size, sector and retention period of your client organisations on the Organisations screen.</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Alleen lezen</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>De schijf is vol of alleen-lezen, daarom is de kluis alleen-lezend geopend. U kunt alles inzien, exporteren en een reservekopie maken, maar wijzigingen worden niet bewaard. Maak ruimte vrij (of zet de kluis op een schrijfbare schijf), vergrendel en open de kluis opnieuw om weer te kunnen werken.</source>
        <translation>The disk is full or read-only, so the vault was opened read-only. You can view everything, export and make a backup, but changes are not saved. Free some space (or put the vault on a writable disk), then lock and open the vault again to work as usual.</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>uu:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <source>Verwijderen…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Wijzigingen worden vanzelf bewaard.</source>
        <translation>Changes are saved automatically.</translation>
    </message>
    <message>
        <source>Vul het formulier in; het wordt vanzelf bewaard zodra het compleet is.</source>
        <translation>Fill in the form; it is saved automatically as soon as it is complete.</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Deze regel verwijderen? Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Delete this entry? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <source>Uw herstelcode</source>
        <translation>Your recovery code</translation>
    </message>
    <message>
        <source>Deze code ziet u maar één keer. Schrijf hem op of druk hem af, en bewaar hem op een veilige plek, los van de laptop. Pas als u hem hebt overgetypt, wordt de kluis gemaakt.</source>
        <translation>You see this code only once. Write it down or print it, and keep it in a safe place, away from the laptop. The vault is made only once you have typed it back.</translation>
    </message>
    <message>
        <source>De kluis wordt gemaakt en de sleutel afgeleid. Dit duurt een paar seconden…</source>
        <translation>The vault is being made and the key derived. This takes a few seconds…</translation>
    </message>
    <message>
        <source>De kluis is gemaakt.</source>
        <translation>The vault has been made.</translation>
    </message>
    <message>
        <source>De kluis kon niet worden gemaakt</source>
        <translation>The vault could not be made</translation>
    </message>
    <message>
        <source>Er is nog geen kluis; de herstelcode hierboven blijft de code voor de kluis zodra het maken wel lukt.</source>
        <translation>There is no vault yet; the recovery code above stays the code for the vault once making it succeeds.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeView</name>
    <message>
        <source>Herstelcode</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Met de herstelcode opent u de kluis als u uw wachtwoord vergeten bent. Wie de code vindt, kan uw logboek lezen: bewaar hem dus net zo zorgvuldig als een sleutel, los van de laptop.</source>
        <translation>With the recovery code you open the vault if you have forgotten your passphrase. Whoever finds the code can read your journal: keep it as carefully as a key, away from the laptop.</translation>
    </message>
    <message>
        <source>Hebt u de code opgeschreven? Typ ter controle het tweede en het laatste groepje over, met een spatie ertussen.</source>
        <translation>Have you written the code down? As a check, type the second and the last group, with a space between them.</translation>
    </message>
    <message>
        <source>Controle van de herstelcode</source>
        <translation>Recovery code check</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Herstelcode vpnotebook&lt;/h2&gt;&lt;p style=&apos;font-size:18pt;font-family:monospace&apos;&gt;%1&lt;/p&gt;&lt;p&gt;Bewaar dit papier op een veilige plek, los van de laptop.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;vpnotebook recovery code&lt;/h2&gt;&lt;p style=&apos;font-size:18pt;font-family:monospace&apos;&gt;%1&lt;/p&gt;&lt;p&gt;Keep this paper in a safe place, away from the laptop.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Herstelcode gebruiken</source>
        <translation>Use recovery code</translation>
    </message>
    <message>
        <source>Typ de herstelcode over die u bij het maken van de kluis hebt opgeschreven. Hoofdletters en streepjes maken niet uit. Daarna kiest u een nieuw wachtwoord.</source>
        <translation>Type in the recovery code you wrote down when you created the vault. Capital letters and dashes do not matter. Then you choose a new passphrase.</translation>
    </message>
    <message>
        <source>Herstelcode</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Herstelcode:</source>
        <translation>Recovery code:</translation>
    </message>
    <message>
        <source>Openen en wachtwoord instellen</source>
        <translation>Open and set passphrase</translation>
    </message>
    <message>
        <source>De code is goed overgenomen.</source>
        <translation>The code has been entered correctly.</translation>
    </message>
    <message>
        <source>Nog niet compleet, of er zit een tikfout in.</source>
        <translation>Not complete yet, or there is a typing error.</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <source>Nieuwe sleutel maken</source>
        <translation>Make a new key</translation>
    </message>
    <message>
        <source>Dit duurt bij een grote kluis een halve minuut. Maak daarna een nieuwe reservekopie.</source>
        <translation>With a large vault this takes half a minute. Make a new backup afterwards.</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Mijn herstelcode blijft geldig:</source>
        <translation>My recovery code stays valid:</translation>
    </message>
    <message>
        <source>Maak een nieuwe herstelcode (de oude vervalt)</source>
        <translation>Make a new recovery code (the old one lapses)</translation>
    </message>
    <message>
        <source>Huidige herstelcode</source>
        <translation>Current recovery code</translation>
    </message>
    <message>
        <source>Wachtwoord:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Jaarverslag</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <source>Per organisatie en jaar een geanonimiseerd overzicht voor de leiding. Kleine aantallen worden samengevoegd of weggelaten, zodat geen cijfer naar een persoon te herleiden is. Wat er beschermd is, ziet u onder Verantwoording.</source>
        <translation>An anonymised overview for management, per organisation and year. Small numbers are combined or left out, so that no figure can be traced back to a person. You can see what has been protected under Audit.</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Aantallen kleiner dan dit getal komen nooit in het verslag.</source>
        <translation>Numbers smaller than this never appear in the report.</translation>
    </message>
    <message>
        <source>Taal van het verslag</source>
        <translation>Language of the report</translation>
    </message>
    <message>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Tabellen als CSV…</source>
        <translation>Tables as CSV…</translation>
    </message>
    <message>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Overzicht voor uzelf…</source>
        <translation>Overview for yourself…</translation>
    </message>
    <message>
        <source>Uren en werklast per organisatie, alleen voor uw eigen administratie.</source>
        <translation>Hours and workload per organisation, for your own records only.</translation>
    </message>
    <message>
        <source>Organisatie:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Jaar:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Aantallen tonen vanaf</source>
        <translation>Show numbers from</translation>
    </message>
    <message>
        <source>Let op: toont u aantallen al vanaf 3 of 4, dan is de kans groter dat iemand een cijfer met een persoon in verband brengt. Doe dit alleen als u daar een goede reden voor hebt.</source>
        <translation>Note: if you show numbers from 3 or 4, it is more likely that someone links a figure to a person. Only do this if you have a good reason.</translation>
    </message>
    <message>
        <source>Aantallen vanaf:</source>
        <translation>Numbers from:</translation>
    </message>
    <message>
        <source>Taal:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Uitgegeven versies</source>
        <translation>Issued versions</translation>
    </message>
    <message>
        <source>Signalen en aanbevelingen</source>
        <translation>Signals and recommendations</translation>
    </message>
    <message>
        <source>Wat geeft u de leiding mee? Bijvoorbeeld: wat opviel, welke thema&apos;s terugkwamen, en wat u aanbeveelt. Noem geen namen, afdelingen of meldingsnummers.</source>
        <translation>What would you like to pass on to management? For example: what stood out, which themes kept coming back, and what you recommend. Do not mention names, departments or case numbers.</translation>
    </message>
    <message>
        <source>Mogelijk herleidbare woorden</source>
        <translation>Possibly identifying words</translation>
    </message>
    <message>
        <source>Tabellen weglaten</source>
        <translation>Leave out tables</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signalen en aanbevelingen&lt;/b&gt; (komt letterlijk in het verslag)</source>
        <translation>&lt;b&gt;Signals and recommendations&lt;/b&gt; (appears word for word in the report)</translation>
    </message>
    <message>
        <source>Verantwoording</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Voorbeeld</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Verantwoording (alleen voor u)</source>
        <translation>Audit (for you only)</translation>
    </message>
    <message>
        <source>Er is nog geen organisatie. Voeg onder Organisaties de opdrachtgevers toe; daarna stelt u hier hun jaarverslag op.</source>
        <translation>There is no organisation yet. Add your client organisations under Organisations; then you can draw up their annual report here.</translation>
    </message>
    <message>
        <source>Uw tekst staat nog op het scherm; hij wordt opnieuw bewaard zodra dat weer kan.</source>
        <translation>Your text is still on the screen; it is saved again as soon as that is possible.</translation>
    </message>
    <message>
        <source>De tekst van het jaarverslag terugzetten</source>
        <translation>Put the annual report&apos;s text back</translation>
    </message>
    <message>
        <source>Er hoefde niets samengevoegd of weggelaten te worden.</source>
        <translation>Nothing needed to be combined or left out.</translation>
    </message>
    <message>
        <source>Dit jaarverslag is nog niet uitgegeven. Opslaan of afdrukken legt het vast.</source>
        <translation>This annual report has not been issued yet. Saving or printing records it.</translation>
    </message>
    <message>
        <source>versie %1 op %2</source>
        <translation>version %1 on %2</translation>
    </message>
    <message>
        <source>Uitgegeven: %1.</source>
        <translation>Issued: %1.</translation>
    </message>
    <message>
        <source>Het voorbeeld is versie %1: opslaan of afdrukken geeft die uit.</source>
        <translation>The preview is version %1: saving or printing issues it.</translation>
    </message>
    <message>
        <source>Niet vastgelegd</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Jaarverslag opslaan</source>
        <translation>Save annual report</translation>
    </message>
    <message>
        <source>Tabellen opslaan</source>
        <translation>Save tables</translation>
    </message>
    <message>
        <source>Overzicht voor uzelf opslaan</source>
        <translation>Save overview for yourself</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Opgeslagen</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Opgeslagen als %1.</source>
        <translation>Saved as %1.</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Voorbeeld van het jaarverslag</source>
        <translation>Preview of the annual report</translation>
    </message>
    <message>
        <source>Pagina %1</source>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>RetentionBar</name>
    <message>
        <source>Langer bewaren…</source>
        <translation>Keep longer…</translation>
    </message>
    <message>
        <source>Nu vernietigen…</source>
        <translation>Destroy now…</translation>
    </message>
    <message>
        <source>Vernietig deze melding nu, bijvoorbeeld omdat de melder daarom vraagt.</source>
        <translation>Destroy this case now, for example because the reporter asks for it.</translation>
    </message>
    <message>
        <source>Deze melding is heropend. Zodra u haar weer afsluit, gaat de bewaartermijn van %1 opnieuw in.</source>
        <translation>This case has been re-opened. Once you close it again, the retention period of %1 starts afresh.</translation>
    </message>
    <message>
        <source>Na het afsluiten wordt deze melding nog %1 bewaard.</source>
        <translation>After closing, this case is kept for another %1.</translation>
    </message>
    <message>
        <source>Bewaard tot: %1 — %2</source>
        <translation>Kept until: %1 — %2</translation>
    </message>
    <message>
        <source>Te vernietigen vanaf: %1 (bewaartermijn %2 na afsluiten)</source>
        <translation>Due for destruction from: %1 (retention period %2 after closing)</translation>
    </message>
    <message>
        <source>De bewaartermijn is verstreken. Er wordt niets vernietigd zonder uw bevestiging.</source>
        <translation>The retention period has passed. Nothing is destroyed without your confirmation.</translation>
    </message>
    <message>
        <source>1 jaar</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>%1 jaar</source>
        <translation>%1 years</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Alles komt in één keer in uw kluis, of niets.</source>
        <translation>Everything goes into your vault at once, or nothing does.</translation>
    </message>
    <message>
        <source>Voortgang van het importeren</source>
        <translation>Progress of the import</translation>
    </message>
    <message>
        <source>Bezig met %1 meldingen… Het programma vergrendelt niet zolang dit loopt.</source>
        <translation>Working on %1 cases… The program does not lock while this runs.</translation>
    </message>
    <message>
        <source>1 organisatie</source>
        <translation>1 organisation</translation>
    </message>
    <message>
        <source>%1 organisaties</source>
        <translation>%1 organisations</translation>
    </message>
    <message>
        <source>1 afdeling</source>
        <translation>1 department</translation>
    </message>
    <message>
        <source>%1 afdelingen</source>
        <translation>%1 departments</translation>
    </message>
    <message>
        <source>Nieuw aangemaakt: %1.</source>
        <translation>Newly created: %1.</translation>
    </message>
    <message>
        <source>1 melding</source>
        <translation>1 case</translation>
    </message>
    <message>
        <source>%1 meldingen</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>1 gesprek</source>
        <translation>1 conversation</translation>
    </message>
    <message>
        <source>%1 gesprekken</source>
        <translation>%1 conversations</translation>
    </message>
    <message>
        <source>1 doorverwijzing</source>
        <translation>1 referral</translation>
    </message>
    <message>
        <source>%1 doorverwijzingen</source>
        <translation>%1 referrals</translation>
    </message>
    <message>
        <source>1 route</source>
        <translation>1 route</translation>
    </message>
    <message>
        <source>%1 routes</source>
        <translation>%1 routes</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Klaar.&lt;/b&gt; %1 geïmporteerd (%2 tot en met %3), met %4, %5 en %6.%7&lt;/p&gt;&lt;p&gt;U vindt ze onder Meldingen. De opmerkingen uit uw bestand en de regel &apos;bron: geïmporteerd uit …&apos; staan bij elke melding onder &lt;i&gt;Notities bij de melding&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Done.&lt;/b&gt; %1 imported (%2 to %3), with %4, %5 and %6.%7&lt;/p&gt;&lt;p&gt;You find them under Cases. The remarks from your file and the line &apos;bron: geïmporteerd uit …&apos; are on each case under &lt;i&gt;Notes on the case&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Er is niets geïmporteerd; uw kluis is zoals hij was.</source>
        <translation>Nothing was imported; your vault is as it was.</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Melding</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Gegevens melder</source>
        <translation>Reporter’s details</translation>
    </message>
    <message>
        <source>Gesprek</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Doorverwijzing</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Nazorg of afspraak</source>
        <translation>After-care or appointment</translation>
    </message>
    <message>
        <source>Voorlichting</source>
        <translation>Outreach</translation>
    </message>
    <message>
        <source>Signaal of advies</source>
        <translation>Signal or advice</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Zoek in alles wat u hebt vastgelegd: gespreksverslagen, meldingen, nazorg, voorlichting, signalen en organisaties. Hoofdletters en accenten maken niet uit; een begin van een woord is genoeg.</source>
        <translation>Search everything you have recorded: conversation logs, cases, after-care, outreach, signals and organisations. Capital letters and accents do not matter; the beginning of a word is enough.</translation>
    </message>
    <message>
        <source>Typ een of meer woorden…</source>
        <translation>Type one or more words…</translation>
    </message>
    <message>
        <source>Zoekwoorden</source>
        <translation>Search terms</translation>
    </message>
    <message>
        <source>Zoekresultaat</source>
        <translation>Search result</translation>
    </message>
    <message>
        <source>Gevonden</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Bezig met zoeken…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Typ hierboven wat u zoekt; de resultaten verschijnen vanzelf.</source>
        <translation>Type what you are looking for above; the results appear automatically.</translation>
    </message>
    <message>
        <source>Zoeken lukte niet (%1). Er is niets gewijzigd.</source>
        <translation>The search did not work (%1). Nothing has been changed.</translation>
    </message>
    <message>
        <source>Niets gevonden voor ‘%1’. Probeer een ander of korter woord.</source>
        <translation>Nothing found for ‘%1’. Try a different or shorter word.</translation>
    </message>
    <message>
        <source>Meer dan %1 resultaten; hieronder staan de %1 die het best passen. Voeg een woord toe om gerichter te zoeken.</source>
        <translation>More than %1 results; below are the %1 that match best. Add a word to narrow your search.</translation>
    </message>
    <message>
        <source>1 resultaat</source>
        <translation>1 result</translation>
    </message>
    <message>
        <source>%1 resultaten</source>
        <translation>%1 results</translation>
    </message>
    <message>
        <source>in 1 melding</source>
        <translation>in 1 case</translation>
    </message>
    <message>
        <source>in %1 meldingen</source>
        <translation>in %1 cases</translation>
    </message>
    <message>
        <source>Buiten meldingen</source>
        <translation>Outside cases</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>Reservekopie openen</source>
        <translation>Open backup</translation>
    </message>
    <message>
        <source>Een reservekopie opent met het wachtwoord dat gold op het moment dat hij werd gemaakt, of met uw herstelcode. Niets hiervan wordt bewaard.</source>
        <translation>A backup opens with the passphrase that was valid at the moment it was made, or with your recovery code. None of this is stored.</translation>
    </message>
    <message>
        <source>Met het wachtwoord</source>
        <translation>With the passphrase</translation>
    </message>
    <message>
        <source>Met de herstelcode</source>
        <translation>With the recovery code</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Herstelcode</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>De code is goed overgenomen.</source>
        <translation>The code has been entered correctly.</translation>
    </message>
    <message>
        <source>Nog niet compleet, of er zit een tikfout in.</source>
        <translation>Not complete yet, or there is a typing error.</translation>
    </message>
</context>
<context>
    <name>SecuritySection</name>
    <message>
        <source>Hoe uw kluis beveiligd is</source>
        <translation>How your vault is protected</translation>
    </message>
    <message>
        <source>Wachtwoord:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Herstelcode:</source>
        <translation>Recovery code:</translation>
    </message>
    <message>
        <source>Minimum op deze computer:</source>
        <translation>Minimum on this computer:</translation>
    </message>
    <message>
        <source>Uw wachtwoord en herstelcode openen elk dezelfde sleutel van de kluis. Met Argon2id kost elke poging om een wachtwoord te raden veel geheugen en tijd; hoe meer, hoe beter.</source>
        <translation>Your passphrase and your recovery code each open the same key of the vault. With Argon2id every attempt to guess a passphrase costs much memory and time; the more, the better.</translation>
    </message>
    <message>
        <source>Wachtwoord wijzigen…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>Nieuwe herstelcode…</source>
        <translation>New recovery code…</translation>
    </message>
    <message>
        <source>Nieuwe sleutel maken…</source>
        <translation>Make a new key…</translation>
    </message>
    <message>
        <source>Versterken…</source>
        <translation>Strengthen…</translation>
    </message>
    <message>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Argon2id, %1</source>
        <translation>Argon2id, %1</translation>
    </message>
    <message>
        <source>(lichter dan het minimum)</source>
        <translation>(lighter than the minimum)</translation>
    </message>
    <message>
        <source>Een sleutel is lichter beveiligd dan deze computer nu als minimum aanhoudt. Versterk hem; heeft u dat niet zelf zo ingesteld, dan kan iemand met het sleutelbestand hebben geknoeid.</source>
        <translation>A key is protected more lightly than this computer&apos;s current minimum. Strengthen it; if you did not set it up like that yourself, someone may have tampered with the key-slot file.</translation>
    </message>
    <message>
        <source>Het wachtwoord is gewijzigd. De herstelcode blijft geldig.</source>
        <translation>The passphrase was changed. The recovery code stays valid.</translation>
    </message>
    <message>
        <source>De nieuwe herstelcode is opgeslagen; de oude werkt niet meer.</source>
        <translation>The new recovery code is stored; the old one no longer works.</translation>
    </message>
    <message>
        <source>Wilt u nu ook een nieuwe sleutel maken?</source>
        <translation>Would you like to make a new key as well?</translation>
    </message>
    <message>
        <source>Ook een nieuwe sleutel?</source>
        <translation>A new key as well?</translation>
    </message>
    <message>
        <source>Nieuwe sleutel gemaakt</source>
        <translation>New key made</translation>
    </message>
    <message>
        <source>De kluis heeft een nieuwe sleutel. Oude reservekopieën en oude sleutelbestanden openen de kluis niet meer. Maak nu een nieuwe reservekopie.</source>
        <translation>The vault has a new key. Old backups and old key-slot files no longer open the vault. Make a new backup now.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source> minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen na</source>
        <translation>Lock automatically after</translation>
    </message>
    <message>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Herinnering reservekopie na</source>
        <translation>Backup reminder after</translation>
    </message>
    <message>
        <source>Taal:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen na:</source>
        <translation>Lock automatically after:</translation>
    </message>
    <message>
        <source>Herinnering reservekopie na:</source>
        <translation>Backup reminder after:</translation>
    </message>
    <message>
        <source>Algemeen</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SheetImportWizard</name>
    <message>
        <source>Importeren uit Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Vorige</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Jaarverslag afdrukken</source>
        <translation>Print the annual report</translation>
    </message>
    <message>
        <source>Gekozen regel verwijderen</source>
        <translation>Delete the chosen row</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Naar het volgende of vorige veld</source>
        <translation>To the next or previous field</translation>
    </message>
    <message>
        <source>Alt + onderstreepte letter</source>
        <translation>Alt + underlined letter</translation>
    </message>
    <message>
        <source>Naar dat veld of die knop</source>
        <translation>To that field or button</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>In een lijst: de gekozen regel openen</source>
        <translation>In a list: open the chosen row</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Een venster sluiten zonder iets te doen</source>
        <translation>Close a window without doing anything</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Met deze toetsen werkt u zonder muis.</source>
        <translation>With these keys you work without a mouse.</translation>
    </message>
    <message>
        <source>Toetsen</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Wat het doet</source>
        <translation>What it does</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignalsPage</name>
    <message>
        <source>Signalen en advies</source>
        <translation>Signals and advice</translation>
    </message>
    <message>
        <source>Patronen die u ziet en adviezen die u de leiding geeft, gevraagd of ongevraagd. Ze komen in het jaarverslag van de organisatie.</source>
        <translation>Patterns you notice and advice you give to management, whether asked for or not. They go into the organisation’s annual report.</translation>
    </message>
    <message>
        <source>&amp;Nieuw signaal of advies</source>
        <translation>&amp;New signal or advice</translation>
    </message>
    <message>
        <source>Signalen en adviezen</source>
        <translation>Signals and advice</translation>
    </message>
    <message>
        <source>Voor deze keuze zijn nog geen signalen of adviezen vastgelegd. Met ‘Nieuw signaal of advies’ legt u vast wat u de leiding meegeeft.</source>
        <translation>No signals or advice have been recorded for this selection yet. Use ‘New signal or advice’ to record what you pass on to management.</translation>
    </message>
    <message>
        <source>Kies links een signaal of advies om het te bekijken of aan te vullen, of begin een nieuw.</source>
        <translation>Choose a signal or advice on the left to view or add to it, or start a new one.</translation>
    </message>
    <message>
        <source>Signaal of advies verwijderen</source>
        <translation>Delete signal or advice</translation>
    </message>
    <message>
        <source>Wilt u %1 verwijderen? Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Do you want to delete %1? This cannot be undone.</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Gevraagd</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>gevraagd</source>
        <translation>requested</translation>
    </message>
    <message>
        <source>ongevraagd</source>
        <translation>unrequested</translation>
    </message>
    <message>
        <source>Signaal of advies</source>
        <translation>Signal or advice</translation>
    </message>
    <message>
        <source>Kies</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>De leiding heeft er zelf om gevraagd</source>
        <translation>Management asked for it</translation>
    </message>
    <message>
        <source>Gevraagd advies</source>
        <translation>Requested advice</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: werkdruk en omgangstoon</source>
        <translation>For example: workload and tone of interaction</translation>
    </message>
    <message>
        <source>Tekst van het signaal of advies</source>
        <translation>Text of the signal or advice</translation>
    </message>
    <message>
        <source>Schrijf geanonimiseerd: geen namen, functies of details waaraan iemand te herkennen is. Wat hier staat, kan in het jaarverslag terechtkomen.</source>
        <translation>Write anonymously: no names, job titles or details by which someone could be recognised. What you write here may end up in the annual report.</translation>
    </message>
    <message>
        <source>Soort:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Gevraagd:</source>
        <translation>Requested:</translation>
    </message>
    <message>
        <source>Onderwerp:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>Tekst:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>het %1 ‘%2’ van %3</source>
        <translation>the %1 ‘%2’ from %3</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Opgeslagen om %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>het is intussen gewijzigd of verwijderd.</source>
        <translation>it has been changed or deleted in the meantime.</translation>
    </message>
    <message>
        <source>Ongedaan maken lukte niet: %1</source>
        <translation>Could not undo: %1</translation>
    </message>
    <message>
        <source>Laatste wijziging ongedaan gemaakt</source>
        <translation>Last change undone</translation>
    </message>
</context>
<context>
    <name>StrengthenDialog</name>
    <message>
        <source>Sleutelafleiding versterken</source>
        <translation>Strengthen key derivation</translation>
    </message>
    <message>
        <source>Uw wachtwoord en herstelcode blijven hetzelfde; de sleutel erachter wordt opnieuw afgeleid met wat deze computer nu aankan. Typ de herstelcode ook in om die sleutel mee te versterken.</source>
        <translation>Your passphrase and recovery code stay the same; the key behind them is derived again with what this computer can do now. Type the recovery code as well to strengthen that key too.</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Herstelcode (mag leeg)</source>
        <translation>Recovery code (may be empty)</translation>
    </message>
    <message>
        <source>Wachtwoord:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Herstelcode (mag leeg):</source>
        <translation>Recovery code (may be empty):</translation>
    </message>
    <message>
        <source>Versterken</source>
        <translation>Strengthen</translation>
    </message>
</context>
<context>
    <name>TextCheckPage</name>
    <message>
        <source> (signaal of advies)</source>
        <translation> (signal or advice)</translation>
    </message>
    <message>
        <source> (voorlichting)</source>
        <translation> (outreach)</translation>
    </message>
    <message>
        <source>‘%1’: %2</source>
        <translation>‘%1’: %2</translation>
    </message>
    <message>
        <source>Vink aan als u hebt nagekeken dat dit niet naar een persoon wijst.</source>
        <translation>Tick when you have checked that this does not point to a person.</translation>
    </message>
    <message>
        <source>Deze woorden kunnen naar een persoon wijzen. Pas de tekst aan, of vink per woord aan dat u het hebt nagekeken. Klik op een regel om het woord te vinden.</source>
        <translation>These words may point to a person. Change the text, or tick each word once you have checked it. Click a line to find the word.</translation>
    </message>
    <message>
        <source>U hebt elke gevonden plek nagekeken; het verslag kan worden uitgegeven.</source>
        <translation>You have checked every place found; the report can be issued.</translation>
    </message>
    <message>
        <source>De teksten zijn nagelopen op namen, afdelingen, meldingsnummers, contactgegevens, data en aantallen: niets gevonden.</source>
        <translation>The texts were checked for names, departments, case numbers, contact details, dates and counts: nothing found.</translation>
    </message>
    <message>
        <source>Niet vastgelegd</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Tekst nog nakijken</source>
        <translation>Check the text first</translation>
    </message>
    <message>
        <source>In de teksten van het verslag staan nog %1 plek(ken) die naar een persoon kunnen wijzen: %2. Pas de tekst aan, of vink in de lijst per woord aan dat u het hebt nagekeken. Daarna kunt u het verslag opslaan of afdrukken.</source>
        <translation>The report&apos;s texts still have %1 place(s) that may point to a person: %2. Change the text, or tick each word in the list once you have checked it. Then you can save or print the report.</translation>
    </message>
</context>
<context>
    <name>TimePage</name>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Tijd die niet al in een gespreksverslag staat: overleg, voorbereiding, verslaglegging, reistijd. Koppel een tijdregel aan een melding als die erbij hoort; dat is niet verplicht.</source>
        <translation>Time that is not already in a conversation log: meetings, preparation, reporting, travel. Link a time entry to a case if it belongs to one; this is optional.</translation>
    </message>
    <message>
        <source>&amp;Nieuwe tijdregel</source>
        <translation>&amp;New time entry</translation>
    </message>
    <message>
        <source>Tijdregels</source>
        <translation>Time entries</translation>
    </message>
    <message>
        <source>Voor deze keuze zijn nog geen tijdregels vastgelegd. Met ‘Nieuwe tijdregel’ legt u tijd vast voor een organisatie.</source>
        <translation>No time entries have been recorded for this selection yet. Use ‘New time entry’ to record time for an organisation.</translation>
    </message>
    <message>
        <source>Kies links een tijdregel om die te bekijken of te wijzigen, of begin een nieuwe.</source>
        <translation>Choose a time entry on the left to view or change it, or start a new one.</translation>
    </message>
    <message>
        <source>Tijdregel verwijderen</source>
        <translation>Delete time entry</translation>
    </message>
    <message>
        <source>Wilt u de tijdregel %1 verwijderen? Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Do you want to delete the time entry %1? This cannot be undone.</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Activiteit</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Duur</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Minuten</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Kies een activiteit</source>
        <translation>Choose an activity</translation>
    </message>
    <message>
        <source>Bij melding (niet verplicht)</source>
        <translation>For case (optional)</translation>
    </message>
    <message>
        <source>Duur:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <source>Activiteit:</source>
        <translation>Activity:</translation>
    </message>
    <message>
        <source>Melding:</source>
        <translation>Case:</translation>
    </message>
    <message>
        <source>Notitie:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Uren per organisatie</source>
        <translation>Hours per organisation</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Gesprekken (uur)</source>
        <translation>Conversations (hours)</translation>
    </message>
    <message>
        <source>Overige tijd (uur)</source>
        <translation>Other time (hours)</translation>
    </message>
    <message>
        <source>Totaal (uur)</source>
        <translation>Total (hours)</translation>
    </message>
    <message>
        <source>Richtlijn (uur)</source>
        <translation>Guideline (hours)</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>Uren per organisatie per jaar</source>
        <translation>Hours per organisation per year</translation>
    </message>
    <message>
        <source>Voor deze keuze zijn nog geen gesprekken of tijdregels vastgelegd.</source>
        <translation>No conversations or time entries have been recorded for this selection yet.</translation>
    </message>
    <message>
        <source>De duur van alle gesprekken uit de meldingen plus alle tijdregels, per organisatie en jaar, voor uw urenverantwoording. Als richtlijn geldt ongeveer twee uur per week per organisatie: zo’n %1 uur per jaar.</source>
        <translation>The duration of all conversations from the cases plus all time entries, per organisation and year, for accounting for your hours. The guideline is about two hours a week per organisation: some %1 hours a year.</translation>
    </message>
    <message>
        <source>van %1 (%2 minuten)</source>
        <translation>from %1 (%2 minutes)</translation>
    </message>
    <message>
        <source>Geen melding</source>
        <translation>No case</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>… en nog %1; de meest dringende staan bovenaan.</source>
        <translation>… and %1 more; the most urgent are at the top.</translation>
    </message>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Nu een reservekopie maken</source>
        <translation>Make a backup now</translation>
    </message>
    <message>
        <source>Vraagt aandacht</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Nazorg en afspraken van vandaag, en wat nog openstaat van eerder.</source>
        <translation>Today’s after-care and appointments, and anything still outstanding from before.</translation>
    </message>
    <message>
        <source>Niets dat vandaag aandacht vraagt.</source>
        <translation>Nothing needs your attention today.</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Afspraken in de komende twee weken</source>
        <translation>Appointments in the next two weeks</translation>
    </message>
    <message>
        <source>Er staan voor de komende twee weken geen afspraken in de agenda.</source>
        <translation>There are no appointments in the diary for the next two weeks.</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Even niets gehoord</source>
        <translation>Not heard from for a while</translation>
    </message>
    <message>
        <source>Lopende meldingen zonder gesprek in de afgelopen 30 dagen en zonder geplande afspraak. Misschien tijd om even contact op te nemen, of om de melding af te sluiten.</source>
        <translation>Open cases with no conversation in the past 30 days and no appointment planned. Perhaps time to get in touch, or to close the case.</translation>
    </message>
    <message>
        <source>Met elke lopende melding is er de afgelopen 30 dagen contact geweest.</source>
        <translation>There has been contact on every open case in the past 30 days.</translation>
    </message>
    <message>
        <source>Werktitel</source>
        <translation>Working title</translation>
    </message>
    <message>
        <source>Laatste contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Te vernietigen</source>
        <translation>Due for destruction</translation>
    </message>
    <message>
        <source>Afgesloten meldingen waarvan de bewaartermijn verstreken is of binnen 30 dagen verstrijkt. Er wordt niets vernietigd zonder uw bevestiging. Vink de verlopen meldingen aan om ze in één keer te vernietigen, of open een melding om haar, met een reden, langer te bewaren.</source>
        <translation>Closed cases whose retention period has passed or passes within 30 days. Nothing is destroyed without your confirmation. Tick the overdue cases to destroy them in one go, or open a case to keep it longer, with a reason.</translation>
    </message>
    <message>
        <source>Er zijn geen meldingen waarvan de bewaartermijn binnenkort verstrijkt.</source>
        <translation>No case reaches the end of its retention period soon.</translation>
    </message>
    <message>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Te vernietigen vanaf</source>
        <translation>Due for destruction from</translation>
    </message>
    <message>
        <source>Er is nog geen reservekopie van deze kluis. Maak er een op een USB-stick of externe schijf, zodat uw aantekeningen veilig zijn als deze computer het begeeft.</source>
        <translation>There is no backup of this vault yet. Make one on a USB stick or external drive, so that your notes are safe if this computer fails.</translation>
    </message>
    <message>
        <source>De laatste gecontroleerde reservekopie is van %1, %2 dagen geleden. Tijd voor een nieuwe.</source>
        <translation>The last verified backup is from %1, %2 days ago. Time for a new one.</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>1 dag te laat</source>
        <translation>1 day overdue</translation>
    </message>
    <message>
        <source>%1 dagen te laat</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Markeer als afgerond</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>Markeer als afgerond; het verdwijnt dan van deze lijst.</source>
        <translation>Mark as done; it then disappears from this list.</translation>
    </message>
    <message>
        <source>%1 om %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>%1 · %2 dagen geleden</source>
        <translation>%1 · %2 days ago</translation>
    </message>
    <message>
        <source>%1 · vandaag</source>
        <translation>%1 · today</translation>
    </message>
    <message>
        <source>%1 · %2 dagen over tijd</source>
        <translation>%1 · %2 days overdue</translation>
    </message>
    <message>
        <source>%1 · gisteren</source>
        <translation>%1 · yesterday</translation>
    </message>
    <message>
        <source>%1 · over %2 dagen</source>
        <translation>%1 · in %2 days</translation>
    </message>
    <message>
        <source>%1 · morgen</source>
        <translation>%1 · tomorrow</translation>
    </message>
    <message>
        <source>langer bewaard</source>
        <translation>kept longer</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Melding %1 openen</source>
        <translation>Open case %1</translation>
    </message>
    <message>
        <source>Meldingen vernietigd</source>
        <translation>Cases destroyed</translation>
    </message>
    <message>
        <source>Vernietigd: %1. Maak binnenkort een nieuwe reservekopie, zodat oudere reservekopieën met deze meldingen op den duur worden opgeruimd.</source>
        <translation>Destroyed: %1. Make a new backup soon, so that older backups holding these cases are cleared up in time.</translation>
    </message>
    <message>
        <source>Wilt u nu ook een nieuwe sleutel maken?</source>
        <translation>Would you like to make a new key as well?</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Kluis ontgrendelen</source>
        <translation>Unlock vault</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Caps Lock staat waarschijnlijk aan.</source>
        <translation>Caps Lock is probably on.</translation>
    </message>
    <message>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Bezig met ontgrendelen</source>
        <translation>Unlocking</translation>
    </message>
    <message>
        <source>Wachtwoord vergeten? Herstelcode gebruiken</source>
        <translation>Forgotten your passphrase? Use your recovery code</translation>
    </message>
    <message>
        <source>Andere kluis openen…</source>
        <translation>Open another vault…</translation>
    </message>
    <message>
        <source>Wachtwoord:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Kluis: %1</source>
        <translation>Vault: %1</translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in.</source>
        <translation>Enter your passphrase.</translation>
    </message>
    <message>
        <source>Sleutelwissel</source>
        <translation>Key change</translation>
    </message>
    <message>
        <source>Een sleutelwissel die was onderbroken, is nu afgemaakt: de kluis heeft de nieuwe sleutel.</source>
        <translation>A key change that was interrupted has now been finished: the vault has the new key.</translation>
    </message>
    <message>
        <source>Een sleutelwissel die was onderbroken, is teruggedraaid: de kluis heeft nog de oude sleutel, en het oude wachtwoord en de oude herstelcode gelden nog.</source>
        <translation>A key change that was interrupted has been undone: the vault still has its old key, and the old passphrase and recovery code still apply.</translation>
    </message>
    <message>
        <source>De sleutel achter uw wachtwoord gebruikt %1.</source>
        <translation>The key behind your passphrase uses %1.</translation>
    </message>
    <message>
        <source>De sleutel achter uw herstelcode gebruikt %1.</source>
        <translation>The key behind your recovery code uses %1.</translation>
    </message>
    <message>
        <source>Dat is lichter dan het minimum op deze computer (%1). Heeft u dat niet zelf zo ingesteld, dan kan iemand met het sleutelbestand hebben geknoeid.</source>
        <translation>That is lighter than the minimum on this computer (%1). If you did not set it up like that yourself, someone may have tampered with the key-slot file.</translation>
    </message>
    <message>
        <source>Sleutel lichter beveiligd</source>
        <translation>Key protected more lightly</translation>
    </message>
    <message>
        <source>Versterk hem via Instellingen, Beveiliging (met uw herstelcode), of maak daar een nieuwe herstelcode.</source>
        <translation>Strengthen it in Settings, Security (with your recovery code), or make a new recovery code there.</translation>
    </message>
    <message>
        <source>Nu versterken? Dat duurt een paar seconden.</source>
        <translation>Strengthen it now? That takes a few seconds.</translation>
    </message>
    <message>
        <source>Niet versterkt</source>
        <translation>Not strengthened</translation>
    </message>
    <message>
        <source>De sleutel kon niet worden versterkt; er is niets gewijzigd.</source>
        <translation>The key could not be strengthened; nothing was changed.</translation>
    </message>
    <message>
        <source>Er ging onverwacht iets mis (%1). Uw gegevens zijn niet gewijzigd.</source>
        <translation>Something unexpected went wrong (%1). Your data has not been changed.</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord ingesteld</source>
        <translation>New passphrase set</translation>
    </message>
    <message>
        <source>De kluis is geopend met uw herstelcode en heeft nu het nieuwe wachtwoord. De herstelcode blijft geldig.</source>
        <translation>The vault has been opened with your recovery code and now has the new passphrase. The recovery code remains valid.</translation>
    </message>
    <message>
        <source>Kies de map van een kluis</source>
        <translation>Choose a vault folder</translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message>
        <source>Waarden en rijen nakijken</source>
        <translation>Check values and rows</translation>
    </message>
    <message>
        <source>Een paar dingen kan het programma niet zelf plaatsen. Er is nog niets geïmporteerd.</source>
        <translation>A few things the program cannot place by itself. Nothing has been imported yet.</translation>
    </message>
    <message>
        <source>Deze waarden kent het programma niet</source>
        <translation>The program does not know these values</translation>
    </message>
    <message>
        <source>Waar</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Waarde in uw bestand</source>
        <translation>Value in your file</translation>
    </message>
    <message>
        <source>Rij(en)</source>
        <translation>Row(s)</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Is</translation>
    </message>
    <message>
        <source>Kies bij elke waarde wat die in vpnotebook is.</source>
        <translation>For each value, choose what it is in vpnotebook.</translation>
    </message>
    <message>
        <source>Deze rijen kloppen niet</source>
        <translation>These rows are not right</translation>
    </message>
    <message>
        <source>Rijen die niet kloppen</source>
        <translation>Rows that are not right</translation>
    </message>
    <message>
        <source>Verbeter deze rijen in Excel (de rijnummers zijn die van Excel), sla het bestand op en klik op Opnieuw inlezen. Zo komt er nooit een half bestand in uw kluis.</source>
        <translation>Correct these rows in Excel (the row numbers are Excel&apos;s), save the file and click Read again. That way half a file never goes into your vault.</translation>
    </message>
    <message>
        <source>&amp;Opnieuw inlezen</source>
        <translation>&amp;Read again</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is</source>
        <translation>&apos;%1&apos; is</translation>
    </message>
    <message>
        <source>— kies —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Het bestand wordt opnieuw gelezen…</source>
        <translation>Reading the file again…</translation>
    </message>
    <message>
        <source>Opnieuw gelezen: alles klopt nu. Klik op Volgende.</source>
        <translation>Read again: everything is right now. Click Next.</translation>
    </message>
    <message>
        <source>Opnieuw gelezen.</source>
        <translation>Read again.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welkom bij vpnotebook</source>
        <translation>Welcome to vpnotebook</translation>
    </message>
    <message>
        <source>&lt;p&gt;Hier houdt u uw vertrouwelijke logboek bij: meldingen, gespreksverslagen, doorverwijzingen, nazorg, voorlichting en adviezen, voor al uw opdrachtgevers.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Wat is beschermd?&lt;/b&gt; Alles wat u vastlegt, staat versleuteld op deze computer, in een &lt;i&gt;kluis&lt;/i&gt;. Zonder uw wachtwoord of herstelcode is de kluis onleesbaar, ook als de laptop gestolen wordt. Het programma maakt nooit verbinding met internet; er gaat niets naar buiten, tenzij u zelf iets exporteert of afdrukt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Waar moet u zelf op letten?&lt;/b&gt; Kies een sterk wachtwoord, bewaar de herstelcode los van de laptop, en laat de laptop niet ontgrendeld achter. Na een paar minuten zonder gebruik vergrendelt het programma zichzelf.&lt;/p&gt;</source>
        <translation>&lt;p&gt;This is where you keep your confidential journal: cases, conversation logs, referrals, after-care, outreach and advice, for all your client organisations.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What is protected?&lt;/b&gt; Everything you record is stored encrypted on this computer, in a &lt;i&gt;vault&lt;/i&gt;. Without your passphrase or recovery code the vault cannot be read, even if the laptop is stolen. The program never connects to the internet; nothing leaves this computer unless you export or print something yourself.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What do you need to look after yourself?&lt;/b&gt; Choose a strong passphrase, keep the recovery code apart from the laptop, and do not leave the laptop unlocked. After a few minutes without use, the program locks itself.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Map van de kluis</source>
        <translation>Vault folder</translation>
    </message>
    <message>
        <source>De kluis komt in deze &amp;map:</source>
        <translation>The vault goes in this &amp;folder:</translation>
    </message>
    <message>
        <source>De voorgestelde map is prima. Kies een andere als u de kluis bijvoorbeeld op een versleutelde schijf wilt.</source>
        <translation>The suggested folder is fine. Choose another one if, for example, you want the vault on an encrypted drive.</translation>
    </message>
    <message>
        <source>Andere map…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <source>Kies een map</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>In deze map staat al een kluis. Kies een andere map, of sluit de wizard en open die kluis.</source>
        <translation>This folder already contains a vault. Choose a different folder, or close the wizard and open that vault.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Onderdelen</source>
        <translation>Sections</translation>
    </message>
</context>
<context>
    <name>_KeyDialog</name>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Het wachtwoord of de herstelcode klopt niet. Er is niets gewijzigd.</source>
        <translation>The passphrase or recovery code is not correct. Nothing was changed.</translation>
    </message>
    <message>
        <source>Er ging onverwacht iets mis (%1). Er is niets gewijzigd.</source>
        <translation>Something unexpected went wrong (%1). Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>De reservekopie is teruggezet en staat nu op de plaats van uw kluis. De vorige kluis is niet gewist maar opzij gezet in de map %1. Ontgrendel met het wachtwoord dat gold toen de reservekopie werd gemaakt, of met uw herstelcode.</source>
        <translation>The backup has been restored and now stands in place of your vault. The previous vault has not been deleted but set aside in the folder %1. Unlock with the passphrase that was valid when the backup was made, or with your recovery code.</translation>
    </message>
    <message>
        <source>Reservekopie teruggezet</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Terugzetten mislukt</source>
        <translation>Restore failed</translation>
    </message>
</context>
</TS>
