"""The free-text check, class by class (issue 12, leak class 5): every way of writing a count,
a phone number, an e-mail address, a name held in the vault or a case number is found.

The vault is brought in through the import format. Each class is tested over many spellings
and carrier sentences, not over one example; Hypothesis varies names and sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpnotebook.core.journal import Journal
from vpnotebook.core.report_texts import (
    KIND_CASE_NUMBER,
    KIND_CONTACT,
    KIND_COUNT,
    KIND_DATE,
    KIND_DEPARTMENT,
    KIND_DEPARTMENT_NAME,
    KIND_EMAIL,
    KIND_NOTES_NAME,
    KIND_PHONE,
    KIND_REPORTER,
    KIND_VP,
    TextChecker,
    text_checker,
)
from vpnotebook.core.text_check import NAME_NOISE, fold_plain, name_needles

YEAR = 2025


@pytest.fixture
def checker(export, imported: Callable) -> TextChecker:  # type: ignore[no-untyped-def]
    org = export.organisation("Zuivelfabriek De Weide", employees=120)
    small = export.department(org, "Kaasmakerij")
    big = export.department(org, "Logistiek")
    for index in range(8):
        case = export.case(
            org,
            date(YEAR, 1 + index, 5),
            department=small if index < 2 else big,
            reporter={0: "Jan Bakker", 1: "Bo de Wit", 2: "Yusuf Öztürk"}.get(index, ""),
        )
        if index == 0:
            export.conversation(
                case,
                date(YEAR, 1, 5),
                story=(
                    "Melder vertelt dat teamleider Henk de Graaf haar al maanden kleineert. "
                    "Ook collega Mirjam zag het. Het speelde vooral op de vrijdag. "
                    "Graaf zei dat het een grap was; Sanne Kuipers weet ervan."
                ),
                notes="Afspraak: melder praat eerst met Henk zelf.\nbelt terug.",
            )
    export.contact(org, "drs. Ferdinand Vlaskamp", phone="0513-123456", email="f.vlaskamp@arbo.nl")
    export.settings["vp_name"] = "Ingrid Valstar"
    journal: Journal = imported(export)
    return text_checker(journal, org, YEAR, k=5)


def _hits(checker: TextChecker, text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.matched) for hit in checker.check(text)]


def _covers(checker: TextChecker, text: str, part: str, kind: str) -> bool:
    start = text.index(part)
    return any(
        hit.kind == kind and hit.start <= start and start + len(part) <= hit.end
        for hit in checker.check(text)
    )


# -- numbers next to counts ------------------------------------------------------------------

COUNT_SENTENCES = [
    ("Er was 1 melding over intimidatie.", "1 melding"),
    ("Er waren twee meldingen over pesten.", "twee meldingen"),
    ("Drie melders kwamen uit hetzelfde team.", "Drie melders"),
    ("Het ging om één collega.", "één collega"),
    ("Het was de enige melding van dit soort.", "enige melding"),
    ("Alle meldingen gingen over de werkdruk.", "Alle meldingen"),
    ("Er waren geen klachten over agressie.", "geen klachten"),
    ("Van de meldingen gingen er 4 over pesten.", "meldingen gingen er 4"),
    ("Het aantal gesprekken was 3.", "gesprekken was 3"),
    ("Ik sprak 2 medewerkers van de nachtdienst.", "2 medewerkers"),
    ("In 20% van de gevallen was er een vervolg.", "20% van de gevallen"),
    ("De derde melding kwam in maart.", "derde melding"),
    ("Slechts een melder koos voor een klacht.", "een melder"),
    ("Beide melders wilden anoniem blijven.", "Beide melders"),
    ("Zij kwam 3 keer terug.", "3 keer"),
    ("Het ging om vijf pestmeldingen.", "vijf pestmeldingen"),
]


@pytest.mark.parametrize(("text", "part"), COUNT_SENTENCES)
def test_numbers_next_to_counts_are_found(checker: TextChecker, text: str, part: str) -> None:
    assert _covers(checker, text, part.split()[0], KIND_COUNT), checker.check(text)


@pytest.mark.parametrize(
    "text",
    [
        "In 2025 was de werkdruk een terugkerend thema.",
        "Ik adviseer een training over omgangsvormen voor het hele personeel.",
        "Een goed gesprek met de directie helpt.",
        "Medewerkers weten de vertrouwenspersoon beter te vinden.",
    ],
)
def test_prose_without_counts_passes(checker: TextChecker, text: str) -> None:
    assert [kind for kind, _ in _hits(checker, text) if kind == KIND_COUNT] == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    number=st.one_of(
        st.integers(1, 99).map(str),
        st.sampled_from(["één", "twee", "drie", "vier", "Twee", "TWEE", "dertien", "eerste"]),
    ),
    noun=st.sampled_from(
        [
            "melding",
            "meldingen",
            "melders",
            "klachten",
            "gesprekken",
            "collega's",
            "personen",
            "intimidatiemeldingen",
            "casussen",
            "vrouwen",
        ]
    ),
    filler=st.sampled_from(["", "nieuwe ", "ernstige ", "van de "]),
    frame=st.sampled_from(
        ["Er waren {}.", "{} in het najaar.", "Dit jaar: {}, vooral in de zomer."]
    ),
)
def test_any_number_in_any_spelling_next_to_any_count_word(
    checker: TextChecker, number: str, noun: str, filler: str, frame: str
) -> None:
    phrase = f"{number} {filler}{noun}"
    text = frame.format(phrase)
    assert _covers(checker, text, number, KIND_COUNT), (text, checker.check(text))


# -- phone numbers ---------------------------------------------------------------------------

PHONES = [
    "06-12345678",
    "06 12345678",
    "0612345678",
    "(06) 12345678",
    "(06)-12345678",
    "06.12.34.56.78",
    "06 12 34 56 78",
    "06-1234 5678",
    "+31 6 12345678",
    "+31612345678",
    "+31 (0)6 1234 5678",
    "+31-6-12345678",
    "0031 6 12345678",
    "0031612345678",
    "020-1234567",
    "020 123 45 67",
    "(020) 123 4567",
    "0513-123456",
    "0513 12 34 56",
    "+31 513 123456",
    "070/1234567",
]


@pytest.mark.parametrize("phone", PHONES)
@pytest.mark.parametrize("frame", ["Bel {} voor een afspraak.", "Telefoon: {}", "({})"])
def test_every_dutch_phone_format_is_found(checker: TextChecker, phone: str, frame: str) -> None:
    text = frame.format(phone)
    assert _covers(checker, text, phone, KIND_PHONE) or _covers(
        checker, text, phone, KIND_CONTACT
    ), checker.check(text)


def test_a_known_contacts_number_is_named_as_theirs(checker: TextChecker) -> None:
    assert (KIND_CONTACT, "0513 12 34 56") in _hits(checker, "Bel 0513 12 34 56.")


# -- e-mail addresses ------------------------------------------------------------------------

EMAILS = [
    "naam@domein.nl",
    "naam (at) domein.nl",
    "naam(at)domein.nl",
    "naam [at] domein.nl",
    "naam {at} domein.nl",
    "naam at domein.nl",
    "naam at domein punt nl",
    "naam (at) domein (punt) nl",
    "naam [at] domein [dot] nl",
    "naam apenstaartje domein punt nl",
    "voor.naam+vp@sub.domein.co.uk",
    "naam @ domein.nl",
]


@pytest.mark.parametrize("email", EMAILS)
def test_obfuscated_email_is_found(checker: TextChecker, email: str) -> None:
    text = f"Mail gerust naar {email} als er iets is."
    assert _covers(checker, text, email, KIND_EMAIL), checker.check(text)


# -- names held in the vault -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "part", "kind"),
    [
        ("Ik sprak met Jan over de sfeer.", "Jan", KIND_REPORTER),
        ("Jans verhaal raakte me.", "Jans", KIND_REPORTER),
        ("Jan's verhaal raakte me.", "Jan's", KIND_REPORTER),
        ("Bakkers afdeling", "Bakkers", KIND_REPORTER),
        ("Bo kwam twee keer.", "Bo", KIND_REPORTER),
        ("Het verhaal van Bo's team.", "Bo's", KIND_REPORTER),
        ("Mevrouw de wit belde.", "wit", KIND_REPORTER),
        ("Yusuf Ozturk sprak me aan.", "Yusuf Ozturk", KIND_REPORTER),
        ("Dokter Vlaskamp hielp.", "Vlaskamp", KIND_CONTACT),
        ("Geschreven door Valstar.", "Valstar", KIND_VP),
        # The accused and others named only in the notes of a case:
        ("Het gedrag van Henk was een thema.", "Henk", KIND_NOTES_NAME),
        ("Meneer de Graaf werd aangesproken.", "Graaf", KIND_NOTES_NAME),
        ("De Graafs aanpak.", "Graafs", KIND_NOTES_NAME),
        ("Mirjam zag het ook.", "Mirjam", KIND_NOTES_NAME),
        ("Ook sanne kuipers.", "sanne", KIND_NOTES_NAME),
        ("Ook sanne kuipers.", "kuipers", KIND_NOTES_NAME),
    ],
)
def test_every_name_held_in_the_vault_is_found(
    checker: TextChecker, text: str, part: str, kind: str
) -> None:
    assert _covers(checker, text, part, kind), checker.check(text)


def test_ordinary_words_from_the_notes_are_not_names(checker: TextChecker) -> None:
    # "Melder", "Afspraak", "Het", "Ook" start a sentence or a line; "vrijdag" is the calendar.
    text = "De melder maakte een afspraak; het was vrijdag en ook de zaterdag."
    assert [kind for kind, _ in _hits(checker, text) if kind == KIND_NOTES_NAME] == []


@settings(max_examples=80, deadline=None)
@given(
    name=st.text(alphabet="abcdefghijklmnopqrstuvwxyzéöü", min_size=2, max_size=9).filter(
        lambda n: fold_plain(n) not in NAME_NOISE
    ),
    ending=st.sampled_from(["", "s", "'s", "’s"]),
    frame=st.sampled_from(["Ik sprak {} kort.", "{} was er niet.", "Met {}: een goed gesprek."]),
)
def test_any_name_part_even_two_letters_with_any_ending(name: str, ending: str, frame: str) -> None:
    # The matching itself, for names the vault could hold (gathering them is tested above).
    checker = TextChecker([], [(KIND_REPORTER, n) for n in name_needles(f"{name} Zwartewaal")])
    written = name.capitalize() + ending
    text = frame.format(written)
    assert _covers(checker, text, written, KIND_REPORTER), (text, checker.check(text))


# -- departments and case numbers ------------------------------------------------------------


def test_every_department_is_found_small_ones_as_such(checker: TextChecker) -> None:
    found = _hits(checker, "In de kaasmakerij en bij Logistiek speelde het.")
    assert (KIND_DEPARTMENT, "kaasmakerij") in found  # two cases: below k
    assert (KIND_DEPARTMENT_NAME, "Logistiek") in found


@pytest.mark.parametrize(
    "number",
    [
        "2025-003",
        "2025-3",
        "2025/003",
        "2025/3",
        "2025.3",
        "25-003",
        "#3",
        "# 3",
        "melding 3",
        "melding 3 van 2025",
        "3 van 2025",
        "melding nr. 3",
        "meldingsnummer 3",
        "dossier 12",
        "casus 7",
        "zaak 7",
        "nr 7",
    ],
)
def test_case_numbers_in_any_spelling_are_found(checker: TextChecker, number: str) -> None:
    text = f"Zie {number} voor de achtergrond."
    assert _covers(checker, text, number, KIND_CASE_NUMBER), checker.check(text)


def test_a_period_of_years_is_no_case_number(checker: TextChecker) -> None:
    assert _hits(checker, "Over de periode 2024-2025 nam de werkdruk toe.") == []


@pytest.mark.parametrize("day", ["3 maart", "3 maart 2025", "03-03-2025", "3-3-25", "2025-03-03"])
def test_dates_of_a_day_are_found(checker: TextChecker, day: str) -> None:
    text = f"Op {day} was er een incident."
    assert _covers(checker, text, day, KIND_DATE), checker.check(text)
