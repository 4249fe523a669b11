"""Dutch words a guesser tries first, for the passphrase policy (passphrase_policy.py).

zxcvbn ships English lists only, so `Zomer2025` looked strong to it. These lists are ours,
written for this program: each is in rough order of how early a guesser would try a word,
because zxcvbn counts a word's rank as the number of guesses it takes.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for word in text.split():
        seen.setdefault(word.lower(), None)
    return tuple(seen)


# Months, days, seasons and holidays, with their usual abbreviations.
CALENDAR = _words(
    """
    januari februari maart april mei juni juli augustus september oktober november december
    jan feb mrt apr jun jul aug sep sept okt nov dec
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    ma di wo do vr za zo
    lente voorjaar zomer herfst najaar winter zomertijd wintertijd zomervakantie
    kerst kerstmis kerstfeest pasen pinksteren hemelvaart sinterklaas sint piet koningsdag
    koninginnedag bevrijdingsdag oudjaar oudejaarsavond nieuwjaar carnaval vakantie weekend
    ochtend middag avond nacht vandaag morgen gisteren week maand jaar eeuw
    """
)

# Words that belong to this program and to the profession: the first a colleague would try.
PROGRAM = _words(
    """
    vpnotebook notebook vp vpi vertrouwenspersoon vertrouwenspersonen vertrouwen vertrouwelijk
    kluis kluisje wachtwoord herstelcode sleutel geheim geheimhouding privacy avg
    melding meldingen melder melders casus casussen dossier dossiers logboek notitie notities
    gesprek gesprekken gespreksverslag verslag verslagen jaarverslag rapport rapportage
    doorverwijzing doorverwijzen nazorg voorlichting signaal signalen advies adviezen
    opdrachtgever opdrachtgevers organisatie organisaties werkgever werknemer medewerker
    medewerkers collega collegas leidinggevende manager directie directeur bestuur
    integriteit intimidatie seksuele pesten pestgedrag agressie geweld discriminatie
    ongewenst ongewenste omgangsvormen gedrag klacht klachten klachtencommissie
    beklaagde veroorzaker misstand misstanden klokkenluider klokkenluiders huisvoorklokkenluiders
    bedrijfsarts arbodienst huisarts psycholoog mediator mediation ombudsman politie aangifte
    hr personeelszaken bedrijfsmaatschappelijk werk lvv beroepsprofiel bewaartermijn
    anoniem anonimiteit vertrouwensfunctie luisteren steun hulp begeleiding
    """
)

# Dutch stand-ins for the world's favourite passwords.
PASSWORDS = _words(
    """
    wachtwoord wachtwoorden welkom welkom01 welkom123 geheim geheimpje hallo hallo123
    inloggen login toegang beheer beheerder gebruiker test testen proberen nederland holland
    oranje ajax feyenoord psv azalkmaar twente utrecht amsterdam rotterdam denhaag
    ikhouvanjou schatje lieverd liefje snoepje prinses kanjer toppie lekker
    qwerty azerty asdfgh 1qaz2wsx 1qaz2wsx3edc 1qaz2wsx3edc4rfv zaq12wsx zaq12wsxcde34rfv
    qazwsx qazwsxedc wachtwoord1 wachtwoord123 welkom2024 welkom2025 welkom2026
    """
)

# Common Dutch words, roughly by frequency (function words, then everyday nouns, verbs and
# adjectives, numbers, colours, family, animals, food, home, work and nature).
COMMON = _words(
    """
    de het een en van ik te dat die in je niet is zijn op aan met voor er maar om hij
    ze zo als wat dan nog bij uit of wel naar ook kan hebben was had heb moet gaan mijn
    meer geen zou hem al toen wil zal we jij u haar hier daar nu heel veel goed ja nee
    door over tot onder tegen zonder tussen na sinds omdat want dus toch echt misschien
    altijd nooit soms vaak weer waar wie waarom hoe welke deze dit iets niets alles iemand
    niemand iedereen elk elke ieder zelf samen alleen allemaal andere ander beide eens even
    al eerst later straks laat vroeg snel langzaam zeker graag liever beter best meest
    groot klein lang kort hoog laag oud nieuw jong mooi lelijk leuk saai fijn lief boos blij
    verdrietig bang moe ziek gezond sterk zwak rijk arm warm koud heet nat droog licht
    donker zwaar makkelijk moeilijk stil druk rustig vrolijk slim dom snel traag vrij
    wit zwart rood blauw geel groen oranje paars roze bruin grijs goud zilver
    een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien
    twintig dertig veertig vijftig honderd duizend miljoen eerste tweede derde laatste
    mens mensen man vrouw kind kinderen jongen meisje baby vriend vriendin vrienden familie
    moeder vader mama papa ouders zoon dochter broer zus opa oma oom tante neef nicht
    gezin liefde leven dood hart hoofd hand handen voet voeten oog ogen oor mond neus haar
    huis thuis kamer keuken badkamer slaapkamer tuin deur raam dak muur vloer trap bed
    tafel stoel bank kast lamp spiegel sleutel boek boeken brief pen papier tas fiets auto
    bus trein boot vliegtuig weg straat stad dorp land wereld water zee strand rivier
    meer bos boom bomen bloem bloemen gras berg heuvel lucht zon maan ster sterren wolk
    regen sneeuw wind storm weer natuur dier dieren hond honden kat katten poes paard
    koe varken schaap geit kip eend vogel vis muis konijn beer leeuw tijger olifant aap
    slang vlinder bij spin wolf vos uil zwaan kikker schildpad
    eten drinken brood kaas melk boter ei eieren vlees kip vis appel peer banaan sinaasappel
    aardbei kers druif citroen tomaat aardappel patat friet soep rijst pasta pizza taart
    koek koekje chocola chocolade snoep suiker zout peper koffie thee bier wijn sap
    ontbijt lunch diner avondeten feest verjaardag cadeau muziek liedje film spel spelletje
    school klas leraar juf meester student studie werk baan kantoor bedrijf winkel markt
    geld euro prijs bank rekening boodschappen ziekenhuis dokter arts zuster apotheek
    kerk moskee museum bibliotheek park speeltuin zwembad voetbal sport tennis hockey
    schaatsen zwemmen fietsen wandelen lopen rennen springen dansen zingen spelen lezen
    schrijven rekenen tekenen koken bakken slapen werken leren denken weten kennen zien
    kijken horen luisteren praten zeggen vragen antwoorden geven nemen krijgen houden
    brengen halen kopen verkopen betalen zoeken vinden verliezen winnen beginnen stoppen
    komen gaan blijven staan zitten liggen wonen leven sterven lachen huilen helpen
    maken doen zijn worden hebben kunnen mogen moeten willen zullen laten vinden
    tijd dag dagen nacht uur minuut seconde moment keer begin einde eind plaats plek
    kant midden deel stuk woord woorden taal vraag antwoord idee reden manier soort
    naam nummer getal kleur vorm maat gewicht lengte grootte
    werk vrije tijd hobby reis reizen vakantie camping hotel kamperen
    computer laptop telefoon mobiel internet website email bericht berichten app scherm
    toetsenbord muis printer programma bestand map foto fotos video
    koning koningin prins prinses ridder kasteel draak heks tovenaar sprookje
    geluk pech kans hoop angst vreugde vrede oorlog vrijheid waarheid leugen droom dromen
    nederlands nederlander hollands vlaams belgie duitsland frankrijk engeland spanje
    zomerzon zonneschijn regenboog sneeuwpop kerstboom paasei
    ja nee oke doei hoi hey dag dank bedankt alsjeblieft sorry welterusten
    goedemorgen goedemiddag goedenavond gefeliciteerd proost
    probleem oplossing vraagje kans keuze besluit plan doel reden gevolg verschil begin
    ervaring gevoel gedachte mening gesprek verhaal geschiedenis toekomst verleden heden
    gemeente provincie regering politiek partij minister burgemeester wet regel recht
    zaak zaken winkel klant prijs kosten product dienst kwaliteit afdeling team groep
    vergadering overleg afspraak agenda project opdracht taak rapport resultaat cijfer
    bericht nieuws krant tijdschrift radio televisie tv serie programma omroep verhaal
    school universiteit hogeschool opleiding cursus les examen diploma toets huiswerk
    gezondheid ziekte pijn hoofdpijn koorts griep verkoudheid medicijn pil rust slaap
    lichaam arm been rug buik nek schouder knie vinger teen huid bloed bot spier tand
    kleding jas broek trui shirt jurk rok schoen schoenen sok sokken hoed muts sjaal
    bril horloge ring ketting tasje portemonnee paraplu
    keukentafel bureau stoelen kussen deken laken gordijn tapijt schilderij klok
    vaatwasser wasmachine koelkast oven magnetron fornuis pan pot kopje glas bord vork
    mes lepel fles doos zak emmer schaar touw lijm hamer spijker schroef zaag boor
    straatje plein markt brug tunnel haven station vliegveld snelweg fietspad stoep
    gracht kanaal dijk polder molen boerderij weiland akker veld sloot vijver meer
    zand steen rots klei modder ijs vuur rook as stof lucht golf
    tulp roos zonnebloem madeliefje boom eik beuk berk den wilg plant blad takken wortel
    fruit groente wortel ui knoflook sla komkommer paprika boon bonen erwt maïs
    hagelslag pindakaas stroopwafel drop kroket bitterbal frikandel haring stamppot
    hutspot erwtensoep poffertjes pannenkoek oliebol speculaas boterham broodje
    koning koningin prins prinses kroon troon paleis leger soldaat oorlog vrede
    avontuur reis kaart kompas route richting noord zuid oost west links rechts boven
    onder binnen buiten voor achter naast tussen rond door langs over
    vrolijk gelukkig ongelukkig tevreden trots jaloers eenzaam verliefd nerveus zenuwachtig
    kalm eerlijk aardig vriendelijk gemeen lief stout braaf slim dapper laf sterk
    zacht hard luid stil scherp bot glad ruw plat rond vierkant breed smal diep ondiep
    snel rap vlug traag lui actief sportief creatief slordig netjes schoon vies
    altijd nooit vaak soms zelden meestal weleens telkens steeds opnieuw alweer nog
    zondagochtend maandagochtend vrijdagmiddag zaterdagavond weekendje vakantiehuis
    kerstavond nieuwjaarsdag oudejaarsdag paasmaandag pinksterdag moederdag vaderdag
    verjaardagsfeest bruiloft begrafenis doop trouwdag jubileum
    computerspel spelcomputer laptopje telefoontje wachtwoordje inlogcode pincode
    bankpas creditcard rekeningnummer huisnummer postcode telefoonnummer geboortedatum
    """
)

# First names, surnames and places a guesser tries for a Dutch user.
NAMES = _words(
    """
    jan piet kees klaas henk gerrit willem hendrik johannes cornelis peter paul mark
    martin marcel erik frank hans johan jeroen dennis sander bas tim tom thomas daan sem
    lucas finn levi luuk milan bram jesse noah liam max ruben stijn thijs lars niels
    maria anna johanna cornelia elisabeth wilhelmina petra monique sandra linda marieke
    anouk sanne lisa lotte eva emma julia sophie tess sara fleur isa mila zoe nina lieke
    femke anne iris esther ingrid karin marloes mirjam annemiek yvonne els ans joke
    jansen devries vries deboer boer vandenberg berg bakker visser smit meijer meyer
    degroot groot mulder bos vos peters hendriks vanleeuwen dekker brouwer dewit wit
    dijkstra smits degraaf vandermeer meer vanderlinden kok jacobs dehaan haan vermeulen
    vandenheuvel vanderveen vandenbroek dejong jong schouten willems vandijk dijk
    amsterdam rotterdam utrecht denhaag haag eindhoven groningen tilburg almere breda
    nijmegen apeldoorn haarlem arnhem enschede amersfoort zaanstad zwolle leiden maastricht
    dordrecht zoetermeer delft alkmaar leeuwarden venlo deventer helmond hilversum
    friesland drenthe overijssel gelderland brabant limburg zeeland noordholland zuidholland
    """
)

# The dictionaries zxcvbn gets, by name: a match says which kind of word it was.
DICTIONARIES: dict[str, tuple[str, ...]] = {
    "nl_calendar": CALENDAR,
    "nl_program": PROGRAM,
    "nl_passwords": PASSWORDS,
    "nl_common": COMMON,
    "nl_names": NAMES,
}
