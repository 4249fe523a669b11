"""Fictional material for the demo vault: invented organisations, people, Dutch text fragments
and the weights that make the mix realistic. Kept apart from demo.py's logic."""

from __future__ import annotations

from dataclasses import dataclass

# -- invented organisations ----------------------------------------------------------------


@dataclass(frozen=True)
class _OrgTemplate:
    name: str
    sector: str
    employees: tuple[int, int]
    departments: tuple[str, ...]
    domain: str  # for fictional e-mail addresses: <domain>.example.nl


_ORGANISATIONS = (
    _OrgTemplate(
        "Gemeente Wadwijk",
        "Openbaar bestuur",
        (540, 760),
        (
            "Burgerzaken",
            "Sociaal Domein",
            "Openbare Ruimte",
            "Financiën",
            "Vergunningen en Handhaving",
            "Klantcontactcentrum",
            "Informatievoorziening",
            "Bestuursondersteuning",
        ),
        "wadwijk",
    ),
    _OrgTemplate(
        "Stichting Kinderopvang Lindeloo",
        "Kinderopvang",
        (27, 34),
        ("Locatie Het Klavertje", "Locatie De Boomhut", "Buitenschoolse opvang", "Kantoor"),
        "kinderopvanglindeloo",
    ),
    _OrgTemplate(
        "Zorggroep Velderbroek",
        "Ouderenzorg",
        (1500, 2100),
        (
            "Verpleeghuis De Esch",
            "Wijkteam Noord",
            "Wijkteam Zuid",
            "Dagbesteding",
            "Facilitaire Dienst",
            "Planning en Roostering",
            "Behandelteam",
            "Nachtdienst",
        ),
        "zorggroepvelderbroek",
    ),
    _OrgTemplate(
        "Transportbedrijf Rietmond B.V.",
        "Transport en logistiek",
        (110, 170),
        (
            "Planning",
            "Chauffeurs Nationaal",
            "Chauffeurs Internationaal",
            "Werkplaats",
            "Magazijn",
            "Administratie",
        ),
        "transportrietmond",
    ),
    _OrgTemplate(
        "Hogeschool Kranenveld",
        "Hoger onderwijs",
        (2100, 2700),
        (
            "Instituut Techniek",
            "Instituut Gezondheidszorg",
            "Instituut Economie",
            "Studentzaken",
            "Onderwijsondersteuning",
            "Facilitair Bedrijf",
            "Bibliotheek",
            "Personeelszaken",
        ),
        "hskranenveld",
    ),
    _OrgTemplate(
        "Bouwbedrijf Eikhorst & Zonen",
        "Bouw",
        (70, 95),
        ("Uitvoering", "Werkvoorbereiding", "Timmerwerkplaats", "Kantoor"),
        "bouweikhorst",
    ),
    _OrgTemplate(
        "Waterschap Zandmeer",
        "Openbaar bestuur",
        (380, 460),
        (
            "Waterkeringen",
            "Zuiveringsbeheer",
            "Vergunningverlening",
            "Belastingen",
            "Gemalen en Techniek",
            "Communicatie",
        ),
        "waterschapzandmeer",
    ),
    _OrgTemplate(
        "Ziekenhuis Gravenvaart",
        "Ziekenhuiszorg",
        (3500, 4000),
        (
            "Spoedeisende Hulp",
            "Verpleegafdeling Chirurgie",
            "Polikliniek",
            "Operatiekamers",
            "Radiologie",
            "Schoonmaak en Catering",
            "Patiëntenadministratie",
            "Laboratorium",
        ),
        "zhgravenvaart",
    ),
    _OrgTemplate(
        "Woningstichting Doornemeer",
        "Woningcorporatie",
        (160, 220),
        ("Wijkbeheer", "Verhuur", "Onderhoud", "Klantenservice", "Financiën"),
        "wsdoornemeer",
    ),
    _OrgTemplate(
        "Bibliotheek Schelpdijk",
        "Cultuur",
        (24, 31),
        ("Uitleen", "Educatie", "Vrijwilligerscoördinatie"),
        "bibliotheekschelpdijk",
    ),
    _OrgTemplate(
        "Schoonmaakbedrijf Glansrijk Oostervaart B.V.",
        "Facilitaire dienstverlening",
        (480, 720),
        ("Regio Noord", "Regio Midden", "Glazenwassers", "Planning", "Kantoor"),
        "glansrijk",
    ),
    _OrgTemplate(
        "Stichting Jeugdzorg Keizersveen",
        "Jeugdzorg",
        (280, 340),
        ("Ambulante Hulp", "Gezinshuizen", "Crisisopvang", "Gedragswetenschappers", "Bureau"),
        "jeugdzorgkeizersveen",
    ),
    _OrgTemplate(
        "Buurtsupermarkten Brakelhoven",
        "Detailhandel",
        (900, 1300),
        (
            "Filiaal Centrum",
            "Filiaal Oost",
            "Filiaal Havenkwartier",
            "Distributiecentrum",
            "Hoofdkantoor",
        ),
        "buurtsupermarkten",
    ),
    _OrgTemplate(
        "Accountantskantoor Stokkerveen & Partners",
        "Zakelijke dienstverlening",
        (45, 60),
        ("Controle", "Belastingadvies", "Salarisadministratie", "Secretariaat"),
        "stokkerveenpartners",
    ),
    _OrgTemplate(
        "Museum Hollerdam",
        "Cultuur",
        (55, 80),
        ("Collectie", "Publieksservice", "Educatie", "Beveiliging", "Horeca"),
        "museumhollerdam",
    ),
    _OrgTemplate(
        "Metaalwerken Marwolde B.V.",
        "Industrie",
        (220, 300),
        ("Productiehal", "Lasafdeling", "Kwaliteitsdienst", "Inkoop", "Expeditie"),
        "metaalwerkenmarwolde",
    ),
    _OrgTemplate(
        "Scholengroep Wadwijk-Zuid",
        "Voortgezet onderwijs",
        (750, 980),
        ("Locatie Havo/Vwo", "Locatie Vmbo", "Onderwijsondersteuning", "Conciërges", "Bestuur"),
        "scholengroepwadwijkzuid",
    ),
    _OrgTemplate(
        "Sportcentrum Keizersveen",
        "Sport en recreatie",
        (38, 48),
        ("Zwembad", "Sporthal", "Receptie", "Technische dienst"),
        "sportcentrumkeizersveen",
    ),
    _OrgTemplate(
        "Klantcontactcentrum Rietmond",
        "Zakelijke dienstverlening",
        (300, 420),
        ("Team Energie", "Team Verzekeringen", "Team Telecom", "Kwaliteit en Training", "Planning"),
        "kccrietmond",
    ),
    _OrgTemplate(
        "Thuiszorg Lindeloo-Zandmeer",
        "Thuiszorg",
        (600, 850),
        ("Wijkteam Lindeloo", "Wijkteam Zandmeer", "Huishoudelijke Hulp", "Zorgplanning", "Staf"),
        "thuiszorglz",
    ),
)
SMALL_ORGANISATION = 50  # fewer employees than this: disclosure control bites in the report

_ORG_NOTES = (
    "Contact loopt via het directiesecretariaat. Jaargesprek meestal in het voorjaar.",
    "Externe vertrouwenspersoon op basis van een raamovereenkomst; uren per kwartaal factureren.",
    "Twee interne vertrouwenspersonen daarnaast; afstemming twee keer per jaar.",
    "Klachtenregeling vernieuwd; nieuwe versie staat op intranet.",
    "Veel medewerkers werken in wisselende diensten; spreekuur ook 's avonds mogelijk.",
    "",
)

# -- invented people -------------------------------------------------------------------------

_FIRST_NAMES = (
    "Anouk", "Annelies", "Ayşe", "Bart", "Bram", "Chantal", "Ciska", "Daan", "Dewi", "Dirk",
    "Eline", "Emre", "Esther", "Farid", "Fatima", "Floor", "Gert-Jan", "Gijs", "Hamza",
    "Hanneke", "Hatice", "Ilse", "Ingrid", "Iris", "Jasper", "Jeroen", "Joyce", "Karim", "Kees",
    "Kim", "Laura", "Linda", "Lotte", "Marco", "Marieke", "Mark", "Mohamed", "Naima", "Nienke",
    "Noor", "Olga", "Patrick", "Pieter", "Priya", "Rachid", "Rianne", "Richard", "Rob", "Roel",
    "Sabine", "Sanne", "Sem", "Sevda", "Sophie", "Stefan", "Tamara", "Thijs", "Tom", "Wendy",
    "Wouter", "Youssef", "Yvonne", "Zeynep",
)  # fmt: skip
_SURNAMES = (
    "van Aalst", "Aarnink", "El Amrani", "Bouzid", "Brinkhorst", "de Clercq", "Dijkema",
    "Everts", "Fokkema", "Geerdink", "Haverkamp", "ter Hofstede", "Hoekstra-Veld", "IJzerman",
    "Jansma", "Kaya", "Kolkman", "Lammertink", "Meulenbelt", "van der Meij", "Nijhof",
    "Oosterhuis", "Öztürk", "Postma", "Pranger", "Quint", "Ramdin", "Roelofsen", "Schippers",
    "Sitompul", "Tuinstra", "Uiterwijk", "Veldkamp", "Verhoeks", "de Waal-Bosman", "Wessels",
    "Wiersema", "Yıldız", "Zwartkruis",
)  # fmt: skip
_INITIALS = "ABCDEFGHIJKLMNPRSTW"

_REPORTER_NOTES = (
    "Liever niet bellen onder werktijd.",
    "Bereikbaar na 17.00 uur.",
    "Alleen via privé-mail contact opnemen, niet via de werkmail.",
    "Voicemail inspreken mag, zonder de naam van de organisatie te noemen.",
    "Werkt parttime: maandag, dinsdag en donderdag.",
    "Heeft gevraagd om sms vooraf voordat er wordt gebeld.",
    "",
    "",
)

# -- text fragments for case notes ------------------------------------------------------------
# Placeholders: {who} (the accused, described without a name), {period}, {dept}.

_WHO: dict[str | None, tuple[str, ...]] = {
    "manager": ("de leidinggevende", "de teamleider", "het afdelingshoofd", "de locatiemanager"),
    "colleague": ("een collega", "een directe collega", "een collega van een ander team"),
    "subordinate": ("een medewerker uit het eigen team", "een nieuwe medewerker in het team"),
    "external": ("een klant", "een leverancier", "een bezoeker", "een externe opdrachtgever"),
    None: (
        "iemand binnen de organisatie",
        "een persoon die melder nog niet bij naam wil noemen",
    ),
}

_PERIODS = (
    "sinds een paar weken",
    "de afgelopen maanden",
    "al ruim een jaar",
    "sinds de zomer",
    "al een half jaar",
    "sinds de reorganisatie",
    "vanaf het begin van het dienstverband",
    "sinds de komst van een nieuwe teamindeling",
)

_TITLES: dict[str, tuple[str, ...]] = {
    "bullying": (
        "Buitensluiten in het team",
        "Spot in de groepsapp",
        "Kleinerende opmerkingen",
        "Negeren na conflict",
    ),
    "intimidation": (
        "Harde toon leidinggevende",
        "Druk om extra diensten",
        "Sfeer in werkoverleg",
        "Berichten buiten werktijd",
    ),
    "sexual_harassment": (
        "Opmerkingen over uiterlijk",
        "Ongewenste berichten",
        "Voorval personeelsuitje",
        "Ongewenste aanrakingen",
    ),
    "aggression": (
        "Bedreiging na discussie",
        "Agressie aan de balie",
        "Verbale agressie avonddienst",
        "Duwincident",
    ),
    "discrimination": (
        "Overgeslagen bij opleiding",
        "Opmerkingen over geloof",
        "Contract na zwangerschap",
        "Ongelijke behandeling",
    ),
    "integrity": (
        "Vermoeden declaratiefraude",
        "Gunning opdrachten",
        "Aangepaste cijfers",
        "Gebruik bedrijfsmiddelen",
    ),
    "outside_remit": (
        "Onvrede beoordeling",
        "Zorgen over reorganisatie",
        "Roosterconflict",
        "Werkdruk",
    ),
}
_QUESTION_TITLES = (
    "Vraag over de klachtenregeling",
    "Vraag over vertrouwelijkheid",
    "Vraag over de rol van de vertrouwenspersoon",
)

_STORIES: dict[str, tuple[str, ...]] = {
    "bullying": (
        "Melder wordt {period} structureel buitengesloten: niet uitgenodigd voor de lunch en niet "
        "op de hoogte gebracht van wijzigingen in het rooster.",
        "{Who} maakt in het bijzijn van anderen kleinerende opmerkingen over het werk van melder; "
        "anderen lachen mee of kijken weg.",
        "In de groepsapp van het team verschijnen volgens melder spottende berichten en plaatjes "
        "over melder, ook buiten werktijd.",
        "Werk van melder wordt achtergehouden of op het laatste moment overgenomen, waardoor het "
        "lijkt alsof melder fouten maakt.",
        "Na een meningsverschil over de planning negeert {who} melder consequent; een groet wordt "
        "niet meer beantwoord.",
        "Spullen van melder verdwijnen of worden verplaatst. Melder vermoedt dat het bewust "
        "gebeurt en voelt zich op {dept} niet meer veilig.",
        "Er wordt {period} steeds dezelfde 'grap' over melders accent gemaakt. Melder heeft gezegd "
        "dat niet leuk te vinden, maar het gaat door.",
        "Melder krijgt {period} de minst gewilde diensten toebedeeld en heeft het gevoel dat daar "
        "geen eerlijke verdeling achter zit.",
    ),
    "intimidation": (
        "{Who} spreekt melder {period} regelmatig op harde toon aan, ook waar collega's en klanten "
        "bij zijn.",
        "Melder voelt zich onder druk gezet om extra diensten te draaien; weigeren zou volgens "
        "{who} 'gevolgen hebben voor de beoordeling'.",
        "Tijdens het werkoverleg wordt melder herhaaldelijk onderbroken en belachelijk gemaakt "
        "door {who}.",
        "{Who} stuurt 's avonds laat berichten met verwijten en verwacht daarop direct een "
        "reactie.",
        "Melder beschrijft een sfeer op {dept} waarin niemand nog hardop durft te zeggen wat hij "
        "of zij ergens van vindt.",
        "Bij meningsverschillen komt {who} vlak voor melder staan en verheft de stem. Melder "
        "schrikt daar elke keer weer van.",
        "Melder is in een gesprek onder vier ogen door {who} gewaarschuwd 'niet moeilijk te "
        "doen', nadat melder kritiek had geuit op de werkverdeling.",
    ),
    "sexual_harassment": (
        "{Who} maakt {period} opmerkingen over het uiterlijk en de kleding van melder, waar "
        "melder zich ongemakkelijk bij voelt.",
        "Melder ontvangt privéberichten met een seksuele ondertoon van {who}, ook nadat melder "
        "duidelijk heeft gemaakt dat niet te willen.",
        "Tijdens een personeelsuitje is melder door {who} ongewenst aangeraakt. Melder heeft de "
        "situatie toen snel verlaten.",
        "Op {dept} worden grappen met een seksuele lading gemaakt waardoor melder zich vernederd "
        "voelt; {who} is daarin de drijvende kracht.",
        "{Who} blijft melder uitnodigen voor een etentje met z'n tweeën, ondanks herhaalde "
        "afwijzingen.",
        "Melder vertelt dat {who} bij het overdragen van werk steeds te dicht bij komt staan en "
        "een hand op melders schouder of rug legt.",
    ),
    "aggression": (
        "{Who} heeft melder uitgescholden en gedreigd melder 'na het werk wel op te wachten'.",
        "Tijdens een woordenwisseling sloeg {who} met de vuist op tafel en gooide een stoel om. "
        "Melder was erg geschrokken.",
        "Melder is tijdens een discussie in de gang door {who} geduwd; er waren twee getuigen.",
        "Nadat melder een fout in de planning had gemeld, kreeg melder een dreigend bericht van "
        "{who}.",
        "Melder beschrijft herhaalde verbale agressie van {who} tijdens avonddiensten, wanneer "
        "melder alleen op de locatie is.",
        "{Who} heeft melder in het bijzijn van anderen vernederd en gezegd dat melder 'beter kan "
        "opstappen'.",
    ),
    "discrimination": (
        "Melder heeft het gevoel bij de verdeling van opleidingen steeds te worden overgeslagen en "
        "vermoedt dat dit met melders leeftijd te maken heeft.",
        "{Who} maakt {period} opmerkingen over melders geloof en over het dragen van een "
        "hoofddoek.",
        "Bij een sollicitatie op een interne functie kreeg melder te horen 'niet in het profiel "
        "van het team te passen', zonder verdere uitleg.",
        "{Who} maakt grappen over mensen met een migratieachtergrond. Melder voelt zich daardoor "
        "persoonlijk geraakt.",
        "Kort nadat melder de zwangerschap bekendmaakte, hoorde melder van {who} dat het contract "
        "waarschijnlijk niet wordt verlengd.",
        "Melder wordt als enige op {dept} steeds aangesproken op taalfouten in e-mails, terwijl "
        "anderen die ook maken.",
        "Melder heeft een functiebeperking en merkt dat {who} afspraken over aangepast werk niet "
        "nakomt en daar openlijk over klaagt.",
    ),
    "integrity": (
        "Melder heeft gezien dat {who} declaraties indient voor reizen die volgens de agenda niet "
        "hebben plaatsgevonden.",
        "Melder vermoedt dat opdrachten steeds aan hetzelfde bedrijf worden gegund, zonder dat "
        "offertes van anderen worden opgevraagd.",
        "Melder heeft aanwijzingen dat materialen en gereedschap van de organisatie voor "
        "privéklussen worden gebruikt.",
        "Melder is door {who} gevraagd cijfers in een rapportage aan te passen, zodat de "
        "resultaten beter uitkomen.",
        "Er lijkt sprake van belangenverstrengeling bij de aanstelling van een familielid van "
        "{who}.",
        "Melder twijfelt of vertrouwelijke cliëntgegevens zorgvuldig worden behandeld; gegevens "
        "worden via privé-mail gedeeld.",
    ),
    "outside_remit": (
        "Melder is ontevreden over het verloop van het beoordelingsgesprek en voelt zich onheus "
        "behandeld.",
        "Melder maakt zich zorgen over de aangekondigde reorganisatie en de gevolgen voor de eigen "
        "functie.",
        "Melder loopt vast in een conflict over het rooster en de vakantieplanning op {dept}.",
        "Melder heeft thuis een zware periode en merkt dat het werk daaronder lijdt; op het werk "
        "weet nog niemand ervan.",
        "Melder heeft een arbeidsconflict over de uitbetaling van overuren en weet niet bij wie dit "
        "neer te leggen.",
        "Melder vindt de werkdruk {period} te hoog en heeft het gevoel dat er niet naar signalen "
        "wordt geluisterd.",
    ),
}
_QUESTION_STORIES = (
    "Melder wil weten wat de vertrouwenspersoon wel en niet met het gesprek doet en wie ervan "
    "hoort.",
    "Melder vraagt hoe de klachtenregeling werkt en of een klacht ook anoniem kan worden "
    "ingediend.",
    "Melder belt namens zichzelf met een vraag over een situatie die een collega heeft verteld, "
    "en wil weten hoe die collega het best kan worden geholpen.",
)
_IMPACT = (
    "Melder slaapt slecht en ziet op tegen het naar het werk gaan.",
    "Melder heeft zich de afgelopen weken twee keer ziek gemeld.",
    "Melder merkt dat het plezier in het werk grotendeels is verdwenen.",
    "Melder is vooral boos en wil dat dit ophoudt.",
    "Thuis heeft melder er nog weinig over verteld; melder schaamt zich ervoor.",
    "Een collega die het heeft gezien, steunt melder en wil zo nodig vertellen wat er gebeurde.",
    "Melder twijfelt of de situatie 'erg genoeg' is om er iets mee te doen.",
    "Melder is bang dat het werk eronder gaat lijden als dit zo doorgaat.",
)
_FOLLOW_UP_STORIES = (
    "Sinds het vorige gesprek is het rustiger; melder blijft wel alert.",
    "Het gedrag is na het gesprek met de leidinggevende even gestopt, maar inmiddels weer "
    "begonnen.",
    "Melder heeft het voorval besproken met een collega die melder vertrouwt en voelt zich "
    "gesteund.",
    "Melder houdt een logboek bij met data en korte beschrijvingen van wat er gebeurde.",
    "Er zijn twee nieuwe voorvallen geweest; melder licht die in het gesprek toe.",
    "Het gesprek met {who} is volgens melder redelijk verlopen; er zijn excuses aangeboden.",
    "Melder twijfelt of verdere stappen de situatie niet erger maken.",
    "De leidinggevende heeft toegezegd het onderwerp in het teamoverleg te bespreken, maar dat "
    "is nog niet gebeurd.",
    "Melder is een week vrij geweest en merkt dat de afstand goed deed.",
    "HR heeft melder uitgenodigd voor een gesprek; melder weet nog niet wat daarvan te verwachten.",
    "Melder heeft het gesprek met {who} voorbereid zoals besproken, maar het is er nog niet van "
    "gekomen.",
    "Melder merkt dat collega's zich afzijdig houden sinds bekend werd dat er iets speelt.",
    "De situatie is niet veranderd; melder voelt zich er wel beter tegen opgewassen.",
    "Melder heeft het logboek meegenomen; daarin staan vier voorvallen sinds het vorige gesprek.",
    "De leidinggevende reageerde begripvol en heeft een gesprek met {who} gevoerd.",
    "Melder heeft zich enkele dagen ziek gemeld en is inmiddels weer aan het werk.",
)
_AFTERCARE_STORIES = (
    "Melder geeft aan dat het gedrag is gestopt en dat de samenwerking weer normaal verloopt.",
    "Het gaat beter, al heeft melder minder vertrouwen in de leidinggevende dan voorheen.",
    "Melder werkt inmiddels op een andere afdeling en heeft het daar naar de zin.",
    "Er worden nog af en toe opmerkingen gemaakt, maar melder kan die nu zelf goed begrenzen.",
    "Melder is tevreden over hoe de organisatie heeft gereageerd en wil de melding afsluiten.",
    "De procedure heeft veel energie gekost; melder is blij dat het achter de rug is.",
)
_REOPEN_STORIES = (
    "Melder neemt opnieuw contact op: het gedrag is na enkele maanden weer begonnen.",
    "Melder meldt zich opnieuw omdat afspraken uit het eerdere traject niet worden nagekomen.",
    "Na een wisseling van leidinggevende speelt de oude situatie weer op; melder wil de draad "
    "weer oppakken.",
)

_OCCASIONS = {
    "intake": (
        "Melder belt na het lezen van het stuk over de vertrouwenspersoon in de nieuwsbrief.",
        "Melder is door de bedrijfsarts gewezen op de vertrouwenspersoon.",
        "Melder stuurt een mail met het verzoek om een gesprek; de leidinggevende mag er niet van "
        "weten.",
        "Na de kennismaking in het teamoverleg vraagt melder om een afspraak.",
        "Een collega heeft melder aangeraden contact op te nemen.",
        "Melder zoekt contact na een voorval op de werkvloer vorige week.",
        "Melder heeft de contactgegevens van de vertrouwenspersoon op intranet gevonden.",
        "Melder twijfelde al langer en neemt nu toch contact op.",
        "HR heeft melder gewezen op de mogelijkheid van een vertrouwelijk gesprek.",
        "Melder meldt zich kort na de introductiebijeenkomst voor nieuwe medewerkers.",
    ),
    "follow_up": (
        "Vervolggesprek, zoals afgesproken in het vorige gesprek.",
        "Melder vraagt om een extra gesprek omdat de situatie opnieuw is opgelaaid.",
        "Terugkoppeling na het gesprek van melder met de leidinggevende.",
        "Melder wil de volgende stap samen voorbereiden.",
        "Korte tussentijdse check: hoe gaat het nu?",
        "Gesprek na de vakantieperiode om de draad weer op te pakken.",
        "Melder belt op eigen initiatief na een nieuw voorval.",
        "Melder wil de conceptmail aan de leidinggevende samen doorlopen.",
    ),
    "aftercare": (
        "Nazorggesprek, enkele weken na de afronding.",
        "Nazorg: nagaan of het gedrag echt is gestopt.",
        "Afsluitend nazorgcontact, zoals afgesproken.",
    ),
    "reopened": (
        "Melder neemt na afsluiting opnieuw contact op.",
        "Heropening op verzoek van melder.",
    ),
}

_WISHES_GENERAL = (
    "Melder wil vooral dat het gedrag stopt, zonder dat er een grote zaak van wordt gemaakt.",
    "Melder wil eerst alleen het verhaal kwijt en nog geen stappen zetten.",
    "Melder wil weten welke mogelijkheden er zijn en daar rustig over nadenken.",
    "Melder wil dat de leidinggevende op de hoogte is, maar wil dat gesprek niet alleen voeren.",
    "Melder overweegt een formele klacht, maar is bang voor de gevolgen voor de eigen positie.",
    "Melder wil anoniem blijven en geen direct contact met {who}.",
    "Melder wil ondersteuning bij het voorbereiden van een gesprek met {who}.",
    "Melder wil dat er op {dept} aandacht komt voor de omgangsvormen.",
)
_WISHES: dict[str, tuple[str, ...]] = {
    "integrity": (
        "Melder wil het vermoeden laten onderzoeken zonder zelf in beeld te komen.",
        "Melder wil weten hoe een melding van een vermoeden van een misstand verloopt en welke "
        "bescherming melder daarbij heeft.",
    ),
    "outside_remit": (
        "Melder wil weten bij wie dit het beste kan worden neergelegd.",
        "Melder zoekt vooral een luisterend oor en advies over de volgende stap.",
    ),
}

_OPTIONS_GENERAL = (
    "Besproken: zelf aanspreken, naar de leidinggevende gaan, bemiddeling of een formele klacht. "
    "Voor- en nadelen van elke route zijn doorgenomen.",
    "Uitleg gegeven over de klachtenregeling en de werkwijze van de klachtencommissie, inclusief "
    "de termijnen.",
    "Besproken dat melder {who} zelf kan aanspreken; samen geoefend hoe dat gesprek kan lopen.",
    "Mogelijkheid van mediation toegelicht, en wat daarin wel en niet vertrouwelijk blijft.",
    "Melder gewezen op het bijhouden van een logboek met data, tijdstippen en eventuele getuigen.",
    "Toegelicht dat de vertrouwenspersoon niet bemiddelt tussen partijen, maar melder wel kan "
    "ondersteunen bij elke stap.",
    "Besproken of een gesprek met de bedrijfsarts zinvol is, gezien de klachten die melder "
    "ervaart.",
)
_OPTIONS: dict[str, tuple[str, ...]] = {
    "aggression": (
        "Uitgelegd dat aangifte bij de politie mogelijk is en wat daarbij komt kijken.",
    ),
    "sexual_harassment": (
        "Uitgelegd dat aangifte bij de politie mogelijk is en wat daarbij komt kijken.",
    ),
    "discrimination": (
        "Besproken dat melder het College voor de Rechten van de Mens om een oordeel kan vragen.",
    ),
    "integrity": (
        "Toegelicht hoe een melding van een vermoeden van een misstand intern verloopt en wat het "
        "Huis voor Klokkenluiders kan betekenen.",
        "Besproken dat de vertrouwenspersoon integriteit de melding namens melder kan doorgeven, "
        "zodat melders naam buiten beeld blijft.",
    ),
    "outside_remit": (
        "Uitgelegd dat dit onderwerp buiten de taak van de vertrouwenspersoon valt; samen gekeken "
        "waar melder wel terecht kan.",
        "Besproken dat HR of bedrijfsmaatschappelijk werk hier beter kan helpen; melder krijgt de "
        "contactgegevens.",
    ),
}

_AGREEMENTS = (
    "Melder denkt na over de mogelijkheden en neemt binnen twee weken contact op.",
    "Melder gaat zelf het gesprek met de leidinggevende aan en laat daarna weten hoe het ging.",
    "Vertrouwenspersoon stuurt melder de tekst van de klachtenregeling toe.",
    "Melder houdt een logboek bij en neemt dat mee naar het volgende gesprek.",
    "Melder geeft toestemming om aantekeningen van de gesprekken te bewaren zolang de melding "
    "loopt.",
    "Vertrouwenspersoon gaat mee naar het gesprek met HR, als ondersteuner van melder.",
    "Melder maakt zelf een afspraak bij de bedrijfsarts.",
    "Melder schrijft een conceptmail aan {who}; die lezen we samen door voordat melder hem "
    "verstuurt.",
    "Vertrouwenspersoon zoekt uit hoe de klachtencommissie is samengesteld en laat het melder "
    "weten.",
    "Melder bespreekt thuis of een formele klacht haalbaar voelt.",
    "Afgesproken dat melder bij een nieuw voorval direct contact opneemt, ook buiten de "
    "geplande gesprekken.",
)
_NEXT_STEPS = (
    "Vervolggesprek over twee weken.",
    "Telefonisch contact na het gesprek met de leidinggevende.",
    "Melder neemt zelf contact op als dat nodig is.",
    "Afwachten of melder een klacht indient; daarna contact.",
    "Conceptbrief van melder per mail doornemen.",
    "Over een maand navragen hoe het gaat.",
)
_BEFORE_AFTERCARE = (
    "Nazorggesprek plannen over ongeveer zes weken.",
    "Over een maand of anderhalf bellen voor nazorg.",
)
_CLOSING_AGREEMENTS = (
    "Geen verdere afspraken; melder weet de vertrouwenspersoon te vinden.",
    "Afgesproken dat melder zich meldt als het gedrag terugkomt.",
    "Melder bevestigt per mail dat de melding kan worden afgesloten.",
    "Aantekeningen worden bewaard volgens de bewaartermijn; dat is met melder besproken.",
)
_LAST_STEPS = (
    "Geen vervolg; de melding kan worden afgesloten.",
    "Afsluiten na bevestiging van melder per mail.",
    "Melder weet de vertrouwenspersoon te vinden als het nodig is.",
)
_NOTES = (
    "Melder was zichtbaar aangeslagen, maar werd gaandeweg het gesprek rustiger.",
    "Gesprek op verzoek van melder buiten het kantoorgebouw gevoerd.",
    "Melder vond het prettig het hele verhaal eens rustig te kunnen vertellen.",
    "Let op: melder wil niet op het werknummer gebeld worden.",
    "Melder had aantekeningen voorbereid; het gesprek verliep gestructureerd.",
    "Melder vroeg of de leidinggevende iets van dit gesprek te horen krijgt. Uitgelegd dat dat "
    "zonder toestemming van melder niet gebeurt.",
    "Melder werd emotioneel toen het over het voorval ging; ruimte genomen om stil te staan bij "
    "wat het met melder doet.",
    "Gesprek liep uit; volgende keer ruimer plannen.",
    "Melder wil de aantekeningen niet inzien; dat hoeft ook niet.",
    "Melder gaf aan dat het goed deed om gehoord te worden zonder meteen advies te krijgen.",
    "Bij het volgende gesprek nagaan of de bedrijfsarts al is bezocht.",
    "Melder was kort van stof; mogelijk speelt er meer dan nu verteld is.",
)

_OUTCOME_NOTES = {
    "resolved_informally": (
        "Na een gesprek met de leidinggevende is het gedrag gestopt.",
        "Melder en collega hebben onder begeleiding van de leidinggevende afspraken gemaakt.",
        "Het zelf aanspreken werkte; de verhoudingen zijn weer werkbaar.",
    ),
    "formal_complaint": (
        "Melder heeft een klacht ingediend bij de klachtencommissie.",
        "Klacht ingediend; de klachtencommissie heeft de behandeling overgenomen.",
    ),
    "referred": (
        "Melder is doorverwezen en krijgt daar verdere begeleiding.",
        "Doorverwezen naar de juiste instantie; geen rol meer voor de vertrouwenspersoon.",
    ),
    "no_further_steps": (
        "Melder wilde vooral het verhaal kwijt en ziet af van verdere stappen.",
        "Vraag beantwoord; geen verdere stappen nodig.",
    ),
    "reporter_withdrew": (
        "Melder heeft aangegeven de melding niet verder te willen doorzetten.",
        "Melder ziet af van verdere stappen uit zorg voor de eigen positie.",
    ),
    "left_organisation": (
        "Melder heeft een baan elders gevonden en is uit dienst gegaan.",
        "Contract van melder is afgelopen; melding daarmee afgesloten.",
    ),
    "other": (
        "De situatie is door een reorganisatie veranderd; de melding is niet meer aan de orde.",
        "Betrokkene is vertrokken; melder heeft geen verdere wensen.",
    ),
}

_ROUTE_NOTES = {
    "address_directly": "Melder heeft {who} zelf aangesproken; dat gesprek is samen voorbereid.",
    "manager": "Melder heeft de situatie voorgelegd aan de eigen leidinggevende.",
    "vp_informal": "Vertrouwenspersoon ondersteunt melder bij het zoeken naar een informele "
    "oplossing.",
    "mediation": "Melder en {who} zijn in gesprek gegaan onder begeleiding van een externe "
    "mediator.",
    "complaints_committee": "Melder heeft een schriftelijke klacht ingediend bij de "
    "klachtencommissie; vertrouwenspersoon ondersteunt bij de voorbereiding van de hoorzitting.",
    "court_employer": "Melder heeft via een juridisch adviseur een procedure tegen de werkgever "
    "gestart.",
    "court_accused": "Melder heeft via een advocaat een procedure tegen {who} aangespannen.",
    "police_report": "Melder heeft aangifte gedaan; vertrouwenspersoon heeft vooraf uitgelegd "
    "wat daarbij komt kijken.",
    "human_rights_institute": "Melder heeft het College voor de Rechten van de Mens om een oordeel "
    "gevraagd.",
    "report_to_management": "Het vermoeden is gemeld bij de directie; de vertrouwenspersoon "
    "integriteit trad op als tussenpersoon.",
    "whistleblowers_house": "Melder heeft advies gevraagd bij het Huis voor Klokkenluiders.",
}

_REFERRAL_NOTES = {
    "manager": "Melder aangemoedigd de situatie met de leidinggevende te bespreken.",
    "hr": "Doorverwezen naar HR voor vragen over de rechtspositie en een mogelijke overplaatsing.",
    "company_doctor": "Melder heeft klachten die met de situatie samenhangen; doorverwezen naar "
    "het spreekuur van de bedrijfsarts.",
    "gp": "Geadviseerd de huisarts te raadplegen over de slaapproblemen.",
    "social_worker": "Doorverwezen naar bedrijfsmaatschappelijk werk voor begeleiding bij de "
    "spanning thuis en op het werk.",
    "psychologist": "Via de huisarts is melder naar een psycholoog verwezen; intake is gepland.",
    "mediator": "Contactgegevens van een mediator meegegeven; melder overweegt een "
    "bemiddelingsgesprek.",
    "legal_aid": "Melder gewezen op juridisch advies via de rechtsbijstandsverzekering.",
    "complaints_committee": "Procedure en contactgegevens van de klachtencommissie doorgegeven.",
    "police": "Melder overweegt aangifte; informatie gegeven over het doen van aangifte.",
    "whistleblowers_house": "Melder gewezen op het adviespunt van het Huis voor Klokkenluiders.",
    "ombudsman": "Doorverwezen naar de ombudsman, omdat de kwestie buiten de regeling ongewenste "
    "omgangsvormen valt.",
    "occupational_health": "Melder aangemeld bij de arbodienst in verband met het verzuim.",
    "other": "Doorverwezen naar de vakbond voor advies over de arbeidsvoorwaarden.",
}

_APPOINTMENT_NOTES = (
    "Vervolggesprek met melder",
    "Telefonische afspraak met melder",
    "Videogesprek met melder",
    "Gesprek met melder op locatie",
)
_APPOINTMENT_BY_FORM = {
    "in_person": "Gesprek met melder op locatie",
    "phone": "Telefonische afspraak met melder",
    "video": "Videogesprek met melder",
    "email": "Mail aan melder sturen",
}
_AFTERCARE_NOTES = (
    "Nazorg: nagaan hoe het nu gaat met melder.",
    "Nazorg: bellen of de gemaakte afspraken worden nagekomen.",
    "Nazorg: korte check per mail, daarna afsluiten.",
)
_ORG_APPOINTMENT_NOTES = (
    "Terugbellen HR over een datum voor de teamsessie.",
    "Afspraak met de preventiemedewerker over de risico-inventarisatie.",
    "Overleg met de interne vertrouwenspersoon plannen.",
    "Klachtenregeling nalezen en opmerkingen sturen.",
)

# -- outreach, signals, time ----------------------------------------------------------------


@dataclass(frozen=True)
class _OutreachKind:
    titles: tuple[str, ...]
    audiences: tuple[str, ...]
    participants: tuple[int, int] | None  # None: a text, not a meeting
    minutes: tuple[int, int]


_OUTREACH = {
    "introduction": _OutreachKind(
        ("Kennismaking met de vertrouwenspersoon", "Wie is de vertrouwenspersoon?"),
        ("Teamoverleg {dept}", "Medewerkers van {dept}"),
        (6, 25),
        (30, 60),
    ),
    "presentation": _OutreachKind(
        (
            "Ongewenste omgangsvormen: wat kun je doen?",
            "Grensoverschrijdend gedrag herkennen en bespreekbaar maken",
            "De klachtenregeling uitgelegd",
        ),
        ("Leidinggevenden", "Ondernemingsraad", "Alle medewerkers"),
        (10, 60),
        (45, 90),
    ),
    "newsletter": _OutreachKind(
        (
            "Column in de personeelsnieuwsbrief",
            "Artikel op intranet over de vertrouwenspersoon",
            "Interview in het personeelsblad",
        ),
        ("Alle medewerkers",),
        None,
        (60, 120),
    ),
    "onboarding": _OutreachKind(
        ("Introductiebijeenkomst nieuwe medewerkers", "Welkomstdag: rol van de VP"),
        ("Nieuwe medewerkers", "Stagiairs en nieuwe medewerkers"),
        (5, 30),
        (20, 45),
    ),
    "workshop": _OutreachKind(
        ("Workshop omgaan met agressie", "Training grensoverschrijdend gedrag"),
        ("Leidinggevenden", "Medewerkers met klantcontact"),
        (8, 20),
        (120, 180),
    ),
    "meeting": _OutreachKind(
        ("Overleg met HR over de klachtenregeling", "Overleg met de ondernemingsraad"),
        ("HR", "Ondernemingsraad"),
        (2, 8),
        (45, 90),
    ),
    "other": _OutreachKind(
        ("Informatiestand op de personeelsdag", "Spreekuur op locatie"),
        ("Alle medewerkers",),
        (20, 150),
        (120, 240),
    ),
}
_OUTREACH_WEIGHTS = {
    "introduction": 24,
    "presentation": 18,
    "newsletter": 16,
    "onboarding": 20,
    "workshop": 10,
    "meeting": 8,
    "other": 4,
}
_OUTREACH_NOTES = (
    "Goede vragen uit de groep; na afloop nog twee korte gesprekjes bij de koffie.",
    "Weinig opkomst door drukte; volgend jaar in het reguliere teamoverleg.",
    "Folders en visitekaartjes achtergelaten.",
    "Veel herkenning bij de casus over grappen in de groepsapp.",
    "",
)

_SIGNALS = (
    (
        "Toon in het werkoverleg",
        "Uit meerdere gesprekken komt een harde toon in het werkoverleg van één afdeling naar "
        "voren. Medewerkers durven daar hun mening niet te geven.",
    ),
    (
        "Agressie aan de balie",
        "Medewerkers met publiekscontact krijgen vaker te maken met verbale agressie. De opvang "
        "na een incident is niet overal goed geregeld.",
    ),
    (
        "Onbekendheid klachtenregeling",
        "Meerdere melders wisten niet dat er een klachtenregeling is of waar die te vinden is.",
    ),
    (
        "Spanningen na reorganisatie",
        "Sinds de reorganisatie komen er meer meldingen over conflicten in teams. Onduidelijke "
        "rollen lijken daarbij een rol te spelen.",
    ),
    (
        "Grappen tijdens borrels",
        "Er komen signalen over grappen met een seksuele lading tijdens informele bijeenkomsten.",
    ),
    (
        "Flexwerkers en uitzendkrachten",
        "Flexwerkers en uitzendkrachten kennen de vertrouwenspersoon nauwelijks en melden laat.",
    ),
    (
        "Groepsapps",
        "Pesten verplaatst zich deels naar groepsapps buiten werktijd; leidinggevenden zien dat "
        "niet.",
    ),
)
_ADVICE = (
    (
        "Training leidinggevenden",
        "Advies: leidinggevenden trainen in het herkennen en bespreken van ongewenst gedrag, en "
        "in wat zij doen na een melding.",
    ),
    (
        "Bekendheid vertrouwenspersoon",
        "Advies: de vertrouwenspersoon vast opnemen in het introductieprogramma en jaarlijks in "
        "de nieuwsbrief onder de aandacht brengen.",
    ),
    (
        "Gedragscode",
        "Advies: de gedragscode herzien en met teams bespreken, met voorbeelden uit de praktijk.",
    ),
    (
        "Nazorg na incidenten",
        "Advies: een vaste werkwijze afspreken voor opvang en nazorg na agressie-incidenten.",
    ),
    (
        "Klachtenregeling",
        "Advies: de klachtenregeling actualiseren en een externe klachtencommissie overwegen.",
    ),
)

_TIME_NOTES = {
    "administration": (
        "Dossiers en agenda bijgewerkt",
        "Mail en telefoon afgehandeld",
        "Urenoverzicht en facturatie",
    ),
    "reporting": ("Jaarverslag {year} opgesteld", "Cijfers voor het jaarverslag {year} verzameld"),
    "meeting": ("Jaargesprek met de directie", "Overleg met HR", "Overleg met de OR"),
    "training": (
        "Intervisie met collega-vertrouwenspersonen",
        "Scholingsdag vertrouwenspersonen",
        "Webinar over de Wet bescherming klokkenluiders",
    ),
    "travel": ("Reistijd voorlichting", "Reistijd overleg op locatie"),
    "outreach": ("Voorbereiding voorlichting", "Artikel voor de nieuwsbrief geschreven"),
    "advice": ("Advies aan de directie voorbereid", "Signalen en trends op een rij gezet"),
    "other": ("Afstemming over vervanging tijdens vakantie", "Evaluatie van de klachtenregeling"),
    "case_work": (
        "Mail aan melder",
        "Voorbereiding gesprek",
        "Telefonisch overleg met HR op verzoek van melder",
        "Verslag uitgewerkt",
    ),
}

_CONTACT_NAMES = {
    "company_doctor": (
        "drs.",
        "Bedrijfsarts, via de arbodienst. Spreekuur op dinsdag en donderdag.",
    ),
    "complaints_committee": (
        "",
        "Klachten schriftelijk indienen; reactietermijn volgens de klachtenregeling.",
    ),
    "social_worker": ("", "Bedrijfsmaatschappelijk werker; kan ook 's avonds."),
    "hr": ("", "HR-adviseur; vaste contactpersoon voor de vertrouwenspersoon."),
    "occupational_health": ("", "Arbodienst, algemeen nummer."),
    "mediator": ("mr.", "Mediator, werkt op uurbasis; eerste gesprek kosteloos."),
    "legal_aid": ("mr.", "Juridisch adviseur van de organisatie."),
    "psychologist": ("drs.", "Psycholoog; kortdurende trajecten, doorverwijzing via huisarts."),
}

# -- weights ------------------------------------------------------------------------------

_CONTACT_TYPE_WEIGHTS = {"question": 10, "sounding_board": 18, "report": 72}
_CATEGORY_WEIGHTS = {
    "bullying": 28,
    "intimidation": 24,
    "sexual_harassment": 10,
    "aggression": 11,
    "discrimination": 8,
    "integrity": 6,
    "outside_remit": 13,
}
# Second and third categories come from the behaviour itself, never from "outside remit".
_EXTRA_CATEGORY_WEIGHTS = {
    "bullying": 30,
    "intimidation": 35,
    "sexual_harassment": 10,
    "aggression": 15,
    "discrimination": 10,
}
_ROLE_WEIGHTS = {
    "employee": 70,
    "manager": 9,
    "temp": 8,
    "intern": 4,
    "volunteer": 4,
    "ex_employee": 5,
}
_GENDER_WEIGHTS = {"female": 56, "male": 34, "other": 2, None: 8}
_AGE_WEIGHTS = {"under_25": 12, "25_34": 24, "35_44": 22, "45_54": 20, "55_plus": 12, None: 10}
_RELATION_WEIGHTS: dict[str, dict[str | None, int]] = {
    "bullying": {"manager": 25, "colleague": 60, "subordinate": 8, "external": 2, None: 5},
    "intimidation": {"manager": 45, "colleague": 35, "subordinate": 8, "external": 7, None: 5},
    "sexual_harassment": {
        "manager": 25,
        "colleague": 50,
        "subordinate": 5,
        "external": 15,
        None: 5,
    },
    "aggression": {"manager": 15, "colleague": 25, "subordinate": 5, "external": 50, None: 5},
    "discrimination": {"manager": 45, "colleague": 35, "subordinate": 3, "external": 7, None: 10},
    "integrity": {"manager": 45, "colleague": 30, "subordinate": 5, "external": 5, None: 15},
    "outside_remit": {"manager": 35, "colleague": 10, None: 55},
}
_ROUTE_WEIGHTS: dict[str, dict[str, int]] = {
    "general": {
        "address_directly": 22,
        "manager": 24,
        "vp_informal": 26,
        "mediation": 9,
        "complaints_committee": 10,
        "police_report": 1,
        "court_employer": 1,
        "court_accused": 1,
        "human_rights_institute": 1,
    },
    "aggression": {"police_report": 6},
    "sexual_harassment": {"police_report": 4},
    "discrimination": {"human_rights_institute": 8},
    "integrity": {
        "report_to_management": 55,
        "whistleblowers_house": 15,
        "manager": 15,
        "vp_informal": 15,
    },
    "outside_remit": {"manager": 50, "vp_informal": 30, "address_directly": 20},
}
_FORMAL_ROUTES = (
    "complaints_committee",
    "court_employer",
    "court_accused",
    "human_rights_institute",
)
_REFERRAL_WEIGHTS: dict[str, dict[str, int]] = {
    "general": {
        "company_doctor": 18,
        "social_worker": 14,
        "manager": 10,
        "hr": 12,
        "gp": 10,
        "psychologist": 9,
        "mediator": 6,
        "legal_aid": 5,
        "complaints_committee": 6,
        "occupational_health": 5,
        "police": 1,
        "ombudsman": 1,
        "other": 2,
    },
    "aggression": {"police": 5},
    "sexual_harassment": {"police": 3},
    "integrity": {
        "legal_aid": 20,
        "whistleblowers_house": 30,
        "hr": 10,
        "manager": 10,
        "ombudsman": 5,
        "other": 5,
    },
    "outside_remit": {
        "hr": 30,
        "social_worker": 30,
        "manager": 15,
        "ombudsman": 10,
        "company_doctor": 10,
        "legal_aid": 5,
        "other": 5,
    },
}
_FORM_WEIGHTS = {
    "intake": {"in_person": 55, "phone": 25, "video": 17, "email": 3},
    "follow_up": {"in_person": 40, "phone": 30, "video": 20, "email": 10},
    "aftercare": {"phone": 55, "in_person": 20, "video": 15, "email": 10},
    "reopened": {"in_person": 50, "phone": 30, "video": 20},
}
_DURATIONS = {  # minutes by form; intakes take longer
    "in_person": (30, 75),
    "video": (25, 60),
    "phone": (10, 35),
    "email": (5, 20),
}
