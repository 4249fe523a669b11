"""The report's fixed words in Dutch and English: titles, the method note, the audit.

Kept apart from the builder so the rules stay readable. Sentences meant for the PDF never
contain a count below the threshold: they speak of "fewer than k" and write small numbers
of years in words.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.profile import VP_ROLES as _VP_ROLES
from ..core.text_check import DUTCH_NUMBER_WORDS
from .disclosure import Reason

OTHER = ("Overig", "Other (combined)")
OTHER_DEPARTMENTS = ("Overige afdelingen", "Other departments (combined)")
UNRECORDED = ("Niet vastgelegd", "Not recorded")
UNRECORDED_DEPARTMENT = ("Afdeling niet vastgelegd", "Department not recorded")
TOTAL = ("Totaal", "Total")
QUARTERS = (
    ("jan–mrt", "Jan–Mar"),
    ("apr–jun", "Apr–Jun"),
    ("jul–sep", "Jul–Sep"),
    ("okt–dec", "Oct–Dec"),
)
NOT_SHOWN = "–"
IN_OTHER = "·"

# The tables the VP may leave out of a report, by key, with their printed titles.
TABLE_TITLES: Mapping[str, tuple[str, str]] = {
    "contact_types": ("Soort contact", "Kind of contact"),
    "categories": ("Aard van de meldingen", "Nature of the cases"),
    "reporter_kinds": ("Wie kwam er", "Who came"),
    "reporter_roles": ("Rol van de melder", "Role of the reporter"),
    "relations": ("Relatie tot de veroorzaker", "Relation to the accused"),
    "departments": ("Afdeling van de melder", "Department of the reporter"),
    "quarters": ("Nieuwe meldingen per kwartaal", "New cases per quarter"),
    "routes": ("Gekozen routes", "Routes taken"),
    "outcomes": ("Uitkomst van de afgesloten meldingen", "Outcome of the closed cases"),
    "referrals": ("Doorverwijzingen", "Referrals"),
    "outreach": ("Voorlichtingsactiviteiten", "Outreach activities"),
}

# The VP's roles, from their one definition in core/profile.py.
VP_ROLES: Mapping[str, tuple[str, str]] = {term.code: (term.nl, term.en) for term in _VP_ROLES}

# The reason codes this module adds to the disclosure engine's own (report/disclosure.py).
FLOW_NEW_SMALL = "flow_new_small"
FLOW_SPLIT_SMALL = "flow_split_small"
FLOW_RESTARTED = "flow_restarted"
OUTCOMES_WITHOUT_TOTAL = "outcomes_without_total"
QUARTERS_WITHOUT_TOTAL = "quarters_without_total"
FIGURE_BELOW_THRESHOLD = "figure_below_threshold"
COHORT_TOO_SMALL = "cohort_too_small"
OMITTED_BY_VP = "omitted_by_vp"
INTENSITY_BANDED = "intensity_banded"
KEPT_AS_PUBLISHED = "kept_as_published"
FLOW_CHANGED = "flow_changed"
REISSUE_AS_PUBLISHED = "reissue_as_published"


def pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "en" else pair[0]


_WORDS_NL = DUTCH_NUMBER_WORDS
_WORDS_EN = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


def in_words(number: int, language: str) -> str:
    """Numbers up to twenty in words, as Dutch (and English) prose writes them; the report
    prints no bare small digit that a reader could take for a count of people."""
    words = _WORDS_EN if language == "en" else _WORDS_NL
    return words[number] if 0 <= number < len(words) else str(number)


def fewer_than(k: int, language: str) -> str:
    return f"fewer than {k}" if language == "en" else f"minder dan {k}"


def _list(labels: tuple[str, ...] | list[str], language: str) -> str:
    items = list(labels)
    if len(items) <= 1:
        return "".join(items)
    joiner = " and " if language == "en" else " en "
    return ", ".join(items[:-1]) + joiner + items[-1]


def _with_counts(detail: Mapping[str, int], labels: tuple[str, ...]) -> str:
    return ", ".join(f"{label} ({detail[label]})" if label in detail else label for label in labels)


def describe_audit(
    reason: str,
    labels: tuple[str, ...],
    detail: Mapping[str, int],
    *,
    k: int,
    other_label: str,
    language: str,
) -> str:
    """One sentence for the VP's screen. It may hold the true small counts: never printed."""
    en = language == "en"
    named = _with_counts(detail, labels)
    if reason == Reason.THRESHOLD_LOWERED:
        return (
            f"Numbers shown from {detail.get('k', k)} instead of from 5 (recommended)."
            if en
            else f"Aantallen getoond vanaf {detail.get('k', k)} in plaats van vanaf 5 (aanbevolen)."
        )
    if reason == Reason.MERGED_SMALL:
        return (
            f"Combined into '{other_label}' because each is below {k}: {named}."
            if en
            else f"Samengevoegd onder '{other_label}' omdat elk kleiner is dan {k}: {named}."
        )
    if reason == Reason.MERGED_ZERO:
        return (
            f"Empty categories also under '{other_label}', so empty and small look alike: {named}."
            if en
            else f"Lege categorieën ook onder '{other_label}', zodat leeg en klein niet te "
            f"onderscheiden zijn: {named}."
        )
    if reason in (Reason.MERGED_TO_REACH_THRESHOLD, Reason.MERGED_TO_PREVENT_DERIVATION):
        total = detail.get(other_label, 0)
        if reason == Reason.MERGED_TO_REACH_THRESHOLD:
            why = (
                f"to bring '{other_label}' to at least {k}"
                if en
                else f"om '{other_label}' op minstens {k} te brengen"
            )
        else:
            why = (
                f"because the parts of '{other_label}' could otherwise be worked out"
                if en
                else f"omdat de delen van '{other_label}' anders terug te rekenen waren"
            )
        return (
            f"{named} added to '{other_label}' {why} ('{other_label}' is now {total})."
            if en
            else f"{named} toegevoegd aan '{other_label}' {why} ('{other_label}' is nu {total})."
        )
    if reason == Reason.SUPPRESSED_SMALL:
        return (
            f"Not shown, below {k}: {named}." if en else f"Niet genoemd, kleiner dan {k}: {named}."
        )
    if reason == Reason.SUPPRESSED_NEAR_ALL:
        units = detail.get("units", 0)
        return (
            f"Not shown because all or nearly all {units} cases have it (the rest would be "
            f"below {k}): {named}."
            if en
            else f"Niet genoemd omdat alle of bijna alle {units} meldingen dit hebben (de rest "
            f"zou kleiner zijn dan {k}): {named}."
        )
    if reason == Reason.SUPPRESSED_ZERO:
        return (
            f"Empty categories not named either, so empty and hidden look alike: {named}."
            if en
            else f"Lege categorieën ook niet genoemd, zodat leeg en verborgen niet te "
            f"onderscheiden zijn: {named}."
        )
    if reason == Reason.SUPPRESSED_TO_PREVENT_DERIVATION:
        return (
            f"Also not named, because the number of cases minus the named ones would give the "
            f"rest away: {named}."
            if en
            else f"Ook niet genoemd, omdat het aantal meldingen min de genoemde de rest zou "
            f"prijsgeven: {named}."
        )
    if reason == Reason.SUPPRESSED_OVERLAP:
        excess = detail.get("excess", 0)
        return (
            f"Also not named: with every row named, the numbers minus the number of cases "
            f"({excess}) would tell how many cases fall under more than one row: {named}."
            if en
            else f"Ook niet genoemd: met alle regels genoemd zouden de aantallen min het aantal "
            f"meldingen ({excess}) laten zien hoeveel meldingen onder meer dan één regel vallen: "
            f"{named}."
        )
    if reason == Reason.MERGED_ALL_ALIKE:
        units = detail.get("units", 0)
        return (
            f"Not broken down: all {units} cases fall under {named}. Whoever knows that someone "
            "came to you would then know what about."
            if en
            else f"Niet uitgesplitst: alle {units} meldingen vallen onder {named}. Wie weet dat "
            "iemand bij u was, zou dan ook weten waarover."
        )
    if reason == INTENSITY_BANDED:
        return (
            f"{detail.get('value', 0)} belongs to {detail.get('cases', 0)} case(s), fewer than "
            f"{k}: printed as a broad range."
            if en
            else f"{detail.get('value', 0)} hoort bij {detail.get('cases', 0)} melding(en), "
            f"minder dan {k}: getoond als ruime bandbreedte."
        )
    if reason == Reason.QUARTERS_SUPPRESSED:
        return (
            f"No quarterly figures: not every quarter reaches {k} ({named})."
            if en
            else f"Geen kwartaalcijfers: niet elk kwartaal haalt {k} ({named})."
        )
    if reason in (Reason.DROPPED_TOTAL_BELOW_THRESHOLD, Reason.DROPPED_UNITS_BELOW_THRESHOLD):
        total = detail.get("total", detail.get("units", 0))
        return (
            f"Table left out: it covers {total}, below {k}."
            if en
            else f"Tabel weggelaten: het gaat om {total}, minder dan {k}."
        )
    if reason == Reason.DROPPED_ORGANISATION_TOO_SMALL:
        minimum = detail.get("minimum", 50)
        if "employees" in detail:
            size = f"{detail['employees']}"
            return (
                f"No department figures: {size} employees, the minimum is {minimum}."
                if en
                else f"Geen afdelingscijfers: {size} medewerkers, het minimum is {minimum}."
            )
        return (
            f"No department figures: the number of employees is not recorded (minimum {minimum})."
            if en
            else f"Geen afdelingscijfers: het aantal medewerkers is niet vastgelegd "
            f"(minimum {minimum})."
        )
    if reason == Reason.DROPPED_CANNOT_PROTECT:
        return (
            "Table left out: no safe grouping exists."
            if en
            else "Tabel weggelaten: geen veilige indeling mogelijk."
        )
    if reason == Reason.ALL_UNITS_IN_ONE_CATEGORY:
        units = detail.get("units", 0)
        return (
            f"Note: all {units} cases fall under {named}. Whoever knows that someone came to "
            "you then also knows what about. Decide whether this table belongs in the report."
            if en
            else f"Let op: alle {units} meldingen vallen onder {named}. Wie weet dat iemand bij u "
            "was, weet dan ook waarover. Beslis of deze tabel in het verslag hoort."
        )
    if reason == FLOW_NEW_SMALL:
        return (
            f"Closed and still-open cases not shown: new cases ({detail.get('new', 0)}) are "
            f"below {k}. From next year these figures count only cases from then on."
            if en
            else f"Afgesloten en nog lopende meldingen niet getoond: het aantal nieuwe "
            f"meldingen ({detail.get('new', 0)}) is kleiner dan {k}. Vanaf volgend jaar tellen "
            "deze cijfers alleen de meldingen vanaf dat jaar."
        )
    if reason == FLOW_SPLIT_SMALL:
        return (
            f"Closed ({detail.get('closed', 0)}) and still open ({detail.get('open', 0)}) not "
            f"shown: one of them is below {k}. From next year these figures count only cases "
            "from then on, or the difference would give the small number away."
            if en
            else f"Afgesloten ({detail.get('closed', 0)}) en nog lopend ({detail.get('open', 0)}) "
            f"niet getoond: een van beide is kleiner dan {k}. Vanaf volgend jaar tellen deze "
            "cijfers alleen de meldingen vanaf dat jaar, anders zou het verschil het kleine "
            "aantal prijsgeven."
        )
    if reason == FLOW_RESTARTED:
        year = detail.get("year", 0)
        return (
            f"Carried-over, closed and open cases count only cases from {year} on: in an "
            "earlier year they could not be shown safely."
            if en
            else f"Doorgelopen, afgesloten en nog lopende meldingen tellen alleen de meldingen "
            f"vanaf {year}: in een eerder jaar konden ze niet veilig worden getoond."
        )
    if reason == OUTCOMES_WITHOUT_TOTAL:
        return (
            f"Outcomes not shown: the number of closed cases ({detail.get('closed', 0)}) is not "
            "in the report."
            if en
            else f"Uitkomsten niet getoond: het aantal afgesloten meldingen "
            f"({detail.get('closed', 0)}) staat niet in het verslag."
        )
    if reason == QUARTERS_WITHOUT_TOTAL:
        return (
            "No quarterly figures: the number of new cases is not in the report."
            if en
            else "Geen kwartaalcijfers: het aantal nieuwe meldingen staat niet in het verslag."
        )
    if reason == FIGURE_BELOW_THRESHOLD:
        value = detail.get("value", 0)
        return (
            f"{_list(labels, language)}: {value} is below {k}; printed as 'fewer than {k}'."
            if en
            else f"{_list(labels, language)}: {value} is kleiner dan {k}; getoond als "
            f"'minder dan {k}'."
        )
    if reason == COHORT_TOO_SMALL:
        return (
            f"No breakdowns: {detail.get('new', 0)} new cases, below {k}."
            if en
            else f"Geen uitsplitsingen: {detail.get('new', 0)} nieuwe meldingen, minder dan {k}."
        )
    if reason == KEPT_AS_PUBLISHED:
        year = detail.get("year", 0)
        return (
            f"The figures of {year} changed since they were published, by too little to show "
            f"without giving a case away: {year} stays as published."
            if en
            else f"De cijfers van {year} zijn veranderd sinds ze zijn gepubliceerd, maar te "
            f"weinig om te tonen zonder een melding prijs te geven: {year} blijft zoals "
            "gepubliceerd."
        )
    if reason == FLOW_CHANGED:
        year = detail.get("year", 0)
        return (
            f"Cases still open at the end of {year} differ from the published report (a case "
            f"re-opened or changed): carried-over figures start again after {year}."
            if en
            else f"De meldingen die eind {year} nog liepen wijken af van het gepubliceerde "
            f"verslag (een melding heropend of aangepast): de doorgelopen cijfers beginnen na "
            f"{year} opnieuw."
        )
    if reason == REISSUE_AS_PUBLISHED:
        return (
            "A new version with the figures as they are now would give away a change of "
            f"fewer than {k} cases: this version keeps the figures of the earlier one."
            if en
            else "Een nieuwe versie met de cijfers van nu zou een verandering van minder dan "
            f"{k} meldingen prijsgeven: deze versie houdt de cijfers van de vorige."
        )
    if reason == OMITTED_BY_VP:
        return "Left out at your request." if en else "Weggelaten op uw verzoek."
    return f"{reason}: {named}"


def method_note(
    *,
    k: int,
    lowered: bool,
    min_denominator: int,
    min_employees: int,
    language: str,
    checked_text: bool = True,
) -> list[str]:
    """The paragraphs of the method note: how the figures in this report were protected.

    Every sentence states a rule the program applies; none promises more (the free-text
    check lists what it looks for, and says a computer does not catch everything)."""
    if language == "en":
        paragraphs = [
            f"Every number of cases in this report is either 0 or at least {k}. Smaller numbers "
            "are never printed: in a small organisation a single number can point to a person.",
            "Categories with small numbers are combined under 'Other (combined)'. Where a reader "
            "who knows these rules could still work out a part of that row, a further category "
            f"is added to it. A table about fewer than {k} cases is left out, with one sentence "
            "saying so.",
            "No table shows a value that all cases share, or all but a few: whoever knows "
            "that a colleague came to the confidential counsellor would then know what it was "
            "about. Such a table shows only its total.",
            "A case can concern more than one category, route or referral. Such tables have no "
            "total and no 'other' row. A category with a small number, one that (nearly) all "
            "cases share, and the empty ones beside it are not named; nor is a category whose "
            "number, subtracted from the number of cases, would give the others away, or "
            "would tell how many cases concern more than one.",
            "Some categories that are rare on their own are also counted as a group, such as "
            "'Care and support'. The group is protected first, exactly like a single category; "
            "only inside a group that is shown, and by the same rules, can a category of it be "
            "named ('of which ...'). A group always counts all of its categories, never only "
            "the small ones that are left over.",
            "Every table describes one characteristic. There are no cross tables: for example, "
            "the relation to the accused is never shown per department.",
            f"Department figures appear only for organisations with at least {min_employees} "
            f"employees, and only for departments with at least {k} new cases. Dates are "
            f"given per year; quarters only when every quarter has at least {k} new cases.",
            "Percentages are calculated only from printed numbers and only for at least "
            f"{min_denominator} cases. Rates per 100 employees are rounded to one decimal.",
            "Earlier years are shown as they were published in earlier reports, not worked out "
            "again. If a figure of such a year has changed since (a case recorded late, for "
            "example), the new figure appears in a note 'Revised', and only when the "
            f"difference itself is at least {k}. No figures are added up over years.",
            "Carried-over, closed and still-open cases are linked from year to year: what is "
            "still open at the end of one year is carried over into the next. If a year could "
            "not show them safely, or they changed since an earlier report, from the next year "
            "on they count only the cases from then on. That way no difference with an earlier "
            "report can give a small number away.",
            f"Conversations and hours for reporters are exact only when they concern at least "
            f"{k} cases; otherwise they are given as a broad range, and the total time is left "
            "out. Outreach is not about persons and is listed in full.",
        ]
        if checked_text:
            paragraphs.append(
                "The texts in this report (signals, advice and outreach) were checked by the "
                "program for: names of reporters, referral contacts and the confidential "
                "counsellor; names that appear in the notes of cases; names of departments; "
                "case numbers; phone numbers; e-mail addresses; dates; and numbers next to "
                "counts. The confidential counsellor changed or consciously kept every find. "
                "A computer does not recognise everything; the confidential counsellor remains "
                "responsible for the text. Notes from conversations never appear in a report."
            )
        if lowered:
            paragraphs.insert(
                0,
                f"In this report the threshold is {k} instead of the recommended 5, as agreed "
                "with the organisation.",
            )
        return paragraphs
    paragraphs = [
        f"Elk aantal meldingen in dit verslag is 0 of minstens {k}. Kleinere aantallen worden "
        "nooit genoemd: in een kleine organisatie kan één getal al naar een persoon wijzen.",
        "Onderwerpen met kleine aantallen zijn samengevoegd onder 'Overig'. Zou een lezer die "
        "deze regels kent een deel van Overig toch kunnen uitrekenen, dan is er nog een "
        f"onderwerp bij gevoegd. Een tabel over minder dan {k} meldingen is weggelaten; het "
        "verslag zegt dat dan in één zin.",
        "Geen tabel toont iets wat alle meldingen gemeen hebben, of bijna alle: wie weet dat "
        "een collega bij de vertrouwenspersoon was, zou dan ook weten waarover. Zo'n tabel "
        "toont alleen het totaal.",
        "Een melding kan over meer dan één onderwerp, route of doorverwijzing gaan. Zulke "
        "tabellen hebben geen totaal en geen Overig. Een onderwerp met een klein aantal, een "
        "dat (bijna) alle meldingen betreft en de lege onderwerpen ernaast worden niet "
        "genoemd; en ook een onderwerp niet waarvan het aantal, afgetrokken van het aantal "
        "meldingen, de andere zou prijsgeven, of zou laten zien hoeveel meldingen over meer "
        "dan één onderwerp gaan.",
        "Sommige onderwerpen die apart te weinig voorkomen, zijn ook als groep geteld, zoals "
        "'Zorg en ondersteuning'. De groep wordt eerst beschermd alsof het één onderwerp is; "
        "alleen binnen een groep die getoond wordt, en met dezelfde regels, kan een onderwerp "
        "ervan apart genoemd worden ('waarvan ...'). Een groep telt altijd al haar onderwerpen, "
        "nooit alleen de kleine die overblijven.",
        "Elke tabel beschrijft één kenmerk. Er zijn geen kruistabellen: zo staat de relatie "
        "tot de veroorzaker nooit per afdeling in het verslag.",
        f"Cijfers per afdeling staan er alleen bij organisaties met minstens {min_employees} "
        f"medewerkers, en alleen voor afdelingen met minstens {k} nieuwe meldingen. Data "
        f"worden per jaar gegeven; kwartalen alleen als elk kwartaal minstens {k} nieuwe "
        "meldingen telt.",
        "Percentages zijn alleen berekend uit getallen die in het verslag staan, en alleen "
        f"bij minstens {min_denominator} meldingen. Het aantal per 100 medewerkers is "
        "afgerond op één decimaal.",
        "Eerdere jaren staan erin zoals ze in eerdere verslagen zijn gepubliceerd; ze worden "
        "niet opnieuw uitgerekend. Is een cijfer van zo'n jaar sindsdien veranderd, "
        "bijvoorbeeld door een melding die later is vastgelegd, dan staat het nieuwe cijfer in "
        f"een noot 'Bijgesteld', en alleen als het verschil zelf minstens {k} is. Er worden "
        "geen cijfers over meerdere jaren opgeteld.",
        "Doorgelopen, afgesloten en nog lopende meldingen hangen van jaar tot jaar samen: wat "
        "aan het eind van een jaar nog loopt, loopt het volgende jaar door. Kon een jaar ze "
        "niet veilig tonen, of zijn ze veranderd sinds een eerder verslag, dan tellen ze vanaf "
        "het jaar erna alleen de meldingen vanaf dat jaar. Zo kan geen verschil met een eerder "
        "verslag een klein aantal prijsgeven.",
        f"Gesprekken en uren voor opvang staan er precies in als ze over minstens {k} meldingen "
        "gaan; anders in een ruime bandbreedte, en dan zonder totale tijd. Voorlichting gaat "
        "niet over personen en staat er volledig in.",
    ]
    if checked_text:
        paragraphs.append(
            "De teksten in dit verslag (signalen, adviezen en voorlichting) zijn door het "
            "programma nagelopen op: namen van melders, verwijscontacten en de "
            "vertrouwenspersoon; namen die in de aantekeningen van meldingen staan; namen van "
            "afdelingen; meldingsnummers; telefoonnummers; e-mailadressen; data; en getallen "
            "bij aantallen. Elke vondst heeft de vertrouwenspersoon aangepast of bewust laten "
            "staan. Een computer herkent niet alles; de vertrouwenspersoon blijft "
            "verantwoordelijk voor de tekst. Aantekeningen uit gesprekken komen nooit in een "
            "verslag."
        )
    if lowered:
        paragraphs.insert(
            0,
            f"In dit verslag staan aantallen vanaf {k} in plaats van vanaf 5, zoals met de "
            "organisatie is afgesproken.",
        )
    return paragraphs
