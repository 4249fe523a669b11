"""Dates, numbers, ages, headings and taxonomy values as spreadsheets hold them (Hypothesis)."""

from __future__ import annotations

import calendar
import unicodedata
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vpnotebook.core import taxonomy as tx
from vpnotebook.core.sheetimport import FIELDS
from vpnotebook.core.sheetimport import vocabulary as words
from vpnotebook.core.sheetimport.columns import recognise
from vpnotebook.core.sheetimport.errors import BadValue
from vpnotebook.core.sheetimport.matching import TermMatcher, Unrecognised
from vpnotebook.core.sheetimport.values import (
    AGE_BANDS,
    EXCEL_EPOCH,
    NoBand,
    parse_age,
    parse_count,
    parse_date,
    parse_minutes,
    parse_number,
)

TODAY = date(2026, 11, 28)
dates = st.dates(min_value=date(1990, 1, 1), max_value=TODAY)

# -- dates -----------------------------------------------------------------------------------

DUTCH_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
LONG_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[object, date]:
    """A date as some spreadsheet holds it, and the date it is."""
    day = draw(dates)
    separator = draw(st.sampled_from("-/."))
    forms: list[object] = [
        datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.integers(0, 59)))),
        day,
        (day - EXCEL_EPOCH).days,
        (day - EXCEL_EPOCH).days + draw(st.floats(0, 0.999)),
        f"{day.day:02d}{separator}{day.month:02d}{separator}{day.year}",
        f"{day.day}{separator}{day.month}{separator}{day:%y}",
        f"{day.day}-{day.month}-{day.year} {draw(st.integers(0, 23))}:{draw(st.integers(0, 59)):02d}",
        day.isoformat(),
        f"{day.isoformat()} 00:00:00",
        f"{day.year}/{day.month}/{day.day}",
        f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}",
        f"{day.day}-{DUTCH_MONTHS[day.month - 1]}-{day:%y}",
        f"{day.day} {LONG_MONTHS[day.month - 1].capitalize()} {day.year}",
        f"{day:%Y%m%d}",
        str((day - EXCEL_EPOCH).days),
    ]
    form = draw(st.sampled_from(forms))
    if isinstance(form, str):
        form = draw(st.sampled_from(["", " ", "\u00a0"])).join(["", form, ""]).strip(" ") or form
    return form, day


@given(written_dates())
def test_every_way_of_writing_a_date_gives_that_date(case: tuple[object, date]) -> None:
    written, day = case
    assert parse_date(written, TODAY) == day


@st.composite
def missing_days(draw: st.DrawFn) -> tuple[int, int, int]:
    """A day number past the end of its month: 30-02, 31-04, 29-02 outside a leap year."""
    year = draw(st.integers(1990, 2026))
    month = draw(st.sampled_from([2, 4, 6, 9, 11]))
    last = calendar.monthrange(year, month)[1]
    return year, month, draw(st.integers(last + 1, 31))


@given(missing_days(), st.sampled_from("-/."))
def test_a_day_that_does_not_exist_is_no_date(missing: tuple[int, int, int], sep: str) -> None:
    year, month, day = missing
    written = f"{day:02d}{sep}{month:02d}{sep}{year}"
    with pytest.raises(BadValue) as refused:
        parse_date(written, TODAY)
    assert refused.value.reason.nl == f"{written} is geen datum"


@given(st.integers(1, 31), st.integers(13, 99), st.integers(1990, 2026))
def test_month_and_day_are_never_swapped(day: int, month: int, year: int) -> None:
    with pytest.raises(BadValue):
        parse_date(f"{day}-{month}-{year}", TODAY)


@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.booleans(), st.none()))
def test_any_cell_is_a_date_in_range_or_a_reason(cell: object) -> None:
    try:
        found = parse_date(cell, TODAY)
    except BadValue as bad:
        assert bad.reason.nl and bad.reason.en
    else:
        assert date(1990, 1, 1) <= found <= TODAY


def test_dates_outside_the_years_a_case_can_have() -> None:
    with pytest.raises(BadValue, match="future"):
        parse_date(TODAY + timedelta(days=1), TODAY)
    with pytest.raises(BadValue, match="before 1990"):
        parse_date("31-12-1989", TODAY)
    assert parse_date("1-1-98", TODAY) == date(1998, 1, 1)
    assert parse_date("1-1-26", TODAY) == date(2026, 1, 1)
    with pytest.raises(BadValue, match="future"):
        parse_date("1-1-27", TODAY)  # 2027: two-digit years stay in this century
    with pytest.raises(BadValue, match="time, not a date"):
        parse_date(time(14, 30), TODAY)


# -- numbers, counts, hours, ages ------------------------------------------------------------


@given(st.decimals(min_value=0, max_value=999_999, places=2, allow_nan=False))
def test_numbers_in_dutch_and_english_notation(value: object) -> None:
    plain = f"{value:.2f}"
    whole, fraction = plain.split(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    for written in (plain, plain.replace(".", ","), f"{grouped},{fraction}", f" {plain} "):
        assert parse_number(written) == pytest.approx(float(plain))


@given(st.integers(0, 200))
def test_counts(count: int) -> None:
    for written in (count, float(count), str(count), f"{count},0", f"{count}.0"):
        assert parse_count(written) == count


@pytest.mark.parametrize("written", ["-1", "2,5", "201", "veel", True])
def test_not_a_count(written: object) -> None:
    with pytest.raises(BadValue):
        parse_count(written)


@given(st.integers(0, 24 * 60))
def test_hours_in_every_form(minutes: int) -> None:
    hours = minutes / 60
    forms = [
        f"{minutes // 60}:{minutes % 60:02d}",
        f"{minutes} min",
        timedelta(minutes=minutes),
        hours,
        f"{hours:.6f}".replace(".", ","),
        f"{hours:.6f} uur",
    ]
    if minutes < 24 * 60:
        forms.append(time(minutes // 60, minutes % 60))
    for written in forms:
        assert parse_minutes(written) == minutes, written


@given(st.integers(14, 99))
def test_ages_become_the_taxonomys_bands(age: int) -> None:
    band = next(code for code, low, high in AGE_BANDS if low <= age <= high)
    for written in (age, float(age), str(age), f"{age} jaar", f"{age},0"):
        assert parse_age(written) == band
    assert band in tx.AGE_BANDS


@given(st.sampled_from(AGE_BANDS), st.data())
def test_ranges_inside_one_band_are_that_band(
    band: tuple[str, int, int], data: st.DataObject
) -> None:
    code, low, high = band
    high = min(high, 99)
    start = data.draw(st.integers(max(low, 14), high))
    end = data.draw(st.integers(start, high))
    assert parse_age(f"{start}-{end}") == code
    assert parse_age(f"{start} t/m {end}") == code


@pytest.mark.parametrize(
    ("written", "band"),
    [("<25", "under_25"), ("jonger dan 25", "under_25"), ("55+", "55_plus"),
     ("55 of ouder", "55_plus"), ("ouder dan 54", "55_plus"), ("25 tot 35", "25_34"),
     ("25–34", "25_34"), ("Jonger dan 25", "under_25")],
)  # fmt: skip
def test_age_band_words(written: str, band: str) -> None:
    assert parse_age(written) == band


@pytest.mark.parametrize("written", ["30-39", "20 - 29", "ouder dan 30", "<30", "jong"])
def test_ranges_across_bands_are_asked_not_guessed(written: str) -> None:
    with pytest.raises(NoBand):
        parse_age(written)


@pytest.mark.parametrize("written", [7, 130, "230", -4])
def test_impossible_ages(written: object) -> None:
    with pytest.raises(BadValue, match="cannot be right"):
        parse_age(written)


# -- taxonomy values -------------------------------------------------------------------------

MATCHERS: dict[str, tuple[TermMatcher, dict[str, tuple[str, ...]]]] = {
    "categories": (words.CATEGORIES, words.CATEGORY_WORDS),
    "contact": (words.CONTACT_TYPES, words.CONTACT_WORDS),
    "roles": (words.REPORTER_ROLES, words.ROLE_WORDS),
    "genders": (words.GENDERS, words.GENDER_WORDS),
    "relations": (words.RELATIONS, words.RELATION_WORDS),
    "routes": (words.ROUTES, words.ROUTE_WORDS),
    "referrals": (words.REFERRALS, words.REFERRAL_WORDS),
    "outcomes": (words.OUTCOMES, words.OUTCOME_WORDS),
    "closing": (words.CLOSINGS, words.CLOSING_WORDS),
}


def _spellings(matcher: TermMatcher, synonyms: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    found = []
    for term in matcher.vocab:
        for spelling in (term.nl, term.en, *synonyms.get(term.code, ())):
            found.append((spelling, term.code))
    return found


ALL_SPELLINGS = [
    (name, spelling, code)
    for name, (matcher, synonyms) in MATCHERS.items()
    for spelling, code in _spellings(matcher, synonyms)
]


@st.composite
def sloppy(draw: st.DrawFn, text: str) -> str:
    """`text` as someone might type it: case, diacritics, spacing and punctuation vary."""
    letters = []
    for char in text:
        if char.isalpha():
            char = char.upper() if draw(st.booleans()) else char.lower()
            if char.lower() in "aeiou" and draw(st.integers(0, 5)) == 0:
                char = unicodedata.normalize("NFC", char + draw(st.sampled_from("\u0301\u0308")))
        elif char == " ":
            char = draw(st.sampled_from([" ", "  ", "-", ". ", "_", "\u00a0"]))
        letters.append(char)
    return (
        draw(st.sampled_from(["", " ", "  "]))
        + "".join(letters)
        + draw(st.sampled_from(["", ".", " ", "!", ":"]))
    )


@given(st.sampled_from(ALL_SPELLINGS), st.data())
def test_every_known_spelling_matches_its_code_however_typed(
    known: tuple[str, str, str], data: st.DataObject
) -> None:
    name, spelling, code = known
    matcher = MATCHERS[name][0]
    typed = data.draw(sloppy(spelling))
    assert matcher.one(typed, {}) == code, typed
    assert matcher.many(typed, {}) == (code,), typed


@given(st.lists(st.sampled_from([s for s in ALL_SPELLINGS if s[0] == "categories"]),
                min_size=1, max_size=5), st.data())  # fmt: skip
def test_several_categories_in_one_cell(
    picked: list[tuple[str, str, str]], data: st.DataObject
) -> None:
    parts = [data.draw(sloppy(spelling)) for _, spelling, _ in picked]
    cell = parts[0]
    for part in parts[1:]:
        cell += (
            data.draw(st.sampled_from([", ", ";", " / ", " en ", " & ", "+", "\n", " ,"])) + part
        )
    expected = {code for _, _, code in picked}
    found = words.CATEGORIES.many(cell, {})
    assert set(found) == expected, cell
    assert list(found) == [c for c in tx.CATEGORIES.codes if c in expected]


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        ("seks. intimidatie", ("sexual_harassment",)),
        ("agressie/geweld", ("aggression",)),
        ("Agressie & Geweld", ("aggression",)),
        ("agressie en/of geweld", ("aggression",)),
        ("pesten en/of intimidatie", ("intimidation", "bullying")),
        ("Pesten, seks. intim. en discr.", ("sexual_harassment", "bullying", "discrimination")),
        ("PESTEN;AGRESSIE", ("bullying", "aggression")),
        ("integriteit (vermoeden van misstand)", ("integrity",)),
        ("Buiten werkterrein", ("outside_remit",)),
        ("geen", ()),
        ("", ()),
    ],
)
def test_categories_as_vps_write_them(cell: str, codes: tuple[str, ...]) -> None:
    assert words.CATEGORIES.many(cell, {}) == codes


@pytest.mark.parametrize("cell", ["int", "ruzie", "pesten, ruzie", "rechter", "xyz"])
def test_what_is_not_clear_is_asked_not_guessed(cell: str) -> None:
    matcher = words.ROUTES if cell == "rechter" else words.CATEGORIES
    with pytest.raises(Unrecognised):
        matcher.many(cell, {})


@given(st.text(alphabet="qxzjk", min_size=4, max_size=12))
def test_strange_words_are_never_matched(cell: str) -> None:
    for matcher, _ in MATCHERS.values():
        with pytest.raises(Unrecognised) as unknown:
            matcher.one(cell, {})
        assert unknown.value.parts == (cell,)


def test_value_maps_come_first_and_a_wildcard_catches_the_rest() -> None:
    value_map = {"ruzie": "outside_remit", "pesten": "intimidation", "*": None}
    assert words.CATEGORIES.many("Ruzie, pesten, gedoe", value_map) == (
        "intimidation",
        "outside_remit",
    )
    assert words.REPORTER_ROLES.one("docent", {"*": "employee"}) == "employee"


def test_no_word_means_two_codes_and_every_code_can_be_reached() -> None:
    for matcher, synonyms in MATCHERS.values():
        rebuilt = TermMatcher(matcher.vocab, synonyms)  # raises on a word with two meanings
        for term in matcher.vocab:
            assert rebuilt.one(term.nl, {}) == term.code


# -- headings --------------------------------------------------------------------------------

ALL_HEADINGS = [(heading, f.key) for f in FIELDS for heading in f.headings]


@given(st.sampled_from(ALL_HEADINGS), st.data())
def test_every_heading_is_recognised_however_typed(
    known: tuple[str, str], data: st.DataObject
) -> None:
    heading, key = known
    typed = data.draw(sloppy(heading)) + data.draw(st.sampled_from(["", " (jaren)", " [ja/nee]"]))
    found = recognise(typed)
    assert found is not None and found.key == key, typed


@pytest.mark.parametrize(
    ("heading", "key"),
    [("Datum", "datum"), ("Datum eerste contact", "datum"), ("Organisatie", "organisatie"),
     ("Afdeling", "afdeling"), ("Aard", "aard"), ("Aard melding", "aard"),
     ("Soort klacht", "aard"), ("Soort contact (melding/vraag/sparren)", "soort"),
     ("Functie", "rol"), ("Rol melder", "rol"), ("Geslacht", "geslacht"),
     ("Leeftijd", "leeftijd"), ("Aantal gesprekken", "gesprekken"),
     ("Doorverwezen naar", "doorverwezen"), ("Route", "route"), ("Afgesloten", "afgesloten"),
     ("Afgesloten?", "afgesloten"), ("Datum afsluiting", "afgesloten op"),
     ("Opmerkingen", "opmerkingen"), ("Notities", "opmerkingen"),
     ("DATUM  EERSTE-CONTACT", "datum"), ("Aard v.d. melding", None)],
)  # fmt: skip
def test_the_headings_the_issue_names(heading: str, key: str | None) -> None:
    found = recognise(heading)
    assert (found.key if found else None) == key
