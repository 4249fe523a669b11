"""The one passphrase policy: the classes of easy passphrases are refused, with the reason.

Each class is tried through Hypothesis, not only the examples from the issue: any month,
day, season, holiday, word of this program or of the profession, common Dutch word or name,
in any capitalisation, with a year or a few digits and any decoration; keyboard walks;
repetitions; sequences; the VP's own name and organisations.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vpnotebook.core.passphrase_policy import MIN_LENGTH, REASONS, assess, personal_words
from vpnotebook.core.passphrase_words import CALENDAR, COMMON, NAMES, PASSWORDS, PROGRAM

THE_ISSUES_EXAMPLES = [
    "aaaaaaaa",
    "12345678",
    " " * 8,
    "Maandag1",
    "Zomer2025",
    "Wachtwoord2024",
    "vpnotebook2026",
]
SENTENCES = [
    "de kat slaapt graag op warme vensterbanken",
    "mijn fiets staat altijd scheef bij bakker",
    "oma bakt appeltaart op een regenachtige zondag",
    "Zeven eenden zwemmen traag door de gracht",
]


@pytest.mark.parametrize("passphrase", THE_ISSUES_EXAMPLES)
def test_the_issues_examples_are_refused_with_a_dutch_and_an_english_reason(
    passphrase: str,
) -> None:
    verdict = assess(passphrase)
    assert not verdict.acceptable and verdict.score < 3
    assert verdict.reasons
    dutch, english = verdict.explain("nl"), verdict.explain("en")
    assert dutch.startswith("Dit wachtwoord is te makkelijk te raden")
    assert english.startswith("This passphrase is too easy to guess")
    assert "zin van vier of meer woorden" in dutch


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("Maandag1", "calendar"),
        ("Zomer2025", "calendar"),
        ("Zomer2025", "date"),
        ("Wachtwoord2024", "date"),
        ("vpnotebook2026", "program"),
        ("aaaaaaaa", "repeat"),
        (" " * 8, "repeat"),
        ("abcdefghij", "sequence"),
        ("lkjhgfds", "keyboard"),
        ("kort", "too_short"),
    ],
)
def test_the_reason_names_what_made_it_easy(passphrase: str, reason: str) -> None:
    verdict = assess(passphrase)
    assert reason in verdict.reasons
    assert REASONS[reason][0].split(" (")[0].format(minimum=MIN_LENGTH) in verdict.explain("nl")


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_seven_word_sentence_passes(sentence: str) -> None:
    assert len(sentence.split()) == 7
    verdict = assess(sentence)
    assert verdict.acceptable and verdict.reasons == ()
    assert verdict.explain("nl") in ("Sterk wachtwoord.", "Redelijk sterk. Langer is nog beter.")


_GUESSABLE_WORDS = CALENDAR + PROGRAM + PASSWORDS + COMMON + NAMES
_CASES = st.sampled_from([str.lower, str.capitalize, str.upper])
_DECORATION = st.sampled_from(["", " ", "-", "_", ".", "!", "@", "#", "&", "!!", "?", "*"])
_DIGITS = st.one_of(
    st.integers(min_value=1900, max_value=2099).map(str),
    st.text(alphabet="0123456789", min_size=0, max_size=4),
)


@settings(max_examples=400, deadline=None)
@given(
    word=st.sampled_from(_GUESSABLE_WORDS),
    case=_CASES,
    before=_DECORATION,
    digits=_DIGITS,
    after=_DECORATION,
)
def test_any_guessable_word_with_a_year_or_digits_and_decoration_is_refused(
    word: str, case, before: str, digits: str, after: str
) -> None:  # type: ignore[no-untyped-def]
    passphrase = case(word) + before + digits + after
    assert not assess(passphrase).acceptable, passphrase


@settings(max_examples=200, deadline=None)
@given(
    word=st.sampled_from(CALENDAR + PROGRAM + PASSWORDS),
    digits=_DIGITS,
    first=st.booleans(),
)
def test_digits_before_the_word_are_no_better(word: str, digits: str, first: bool) -> None:
    passphrase = digits + word.capitalize() if first else word.capitalize() + "!" + digits
    assert not assess(passphrase).acceptable, passphrase


_ROWS = ["`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./"]
# Walks down the columns are found only from their usual start, as password lists hold them.
_COLUMNS = ["1qaz2wsx3edc4rfv5tgb"]


@settings(max_examples=300, deadline=None)
@given(
    data=st.data(),
    row=st.sampled_from(_ROWS + _COLUMNS),
    reverse=st.booleans(),
    shift=st.booleans(),
)
def test_keyboard_walks_are_refused(
    data: st.DataObject, row: str, reverse: bool, shift: bool
) -> None:
    length = data.draw(st.integers(min_value=MIN_LENGTH, max_value=len(row)))
    if row in _COLUMNS:
        start, reverse = 0, False
    else:
        start = data.draw(st.integers(min_value=0, max_value=len(row) - length))
    walk = row[start : start + length]
    walk = walk[::-1] if reverse else walk
    walk = walk.capitalize() if shift else walk
    assert not assess(walk).acceptable, walk


@settings(max_examples=300, deadline=None)
@given(
    unit=st.text(
        alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=3
    ),
    count=st.integers(min_value=3, max_value=40),
)
def test_repetitions_are_refused(unit: str, count: int) -> None:
    passphrase = unit * count
    if len(passphrase) < MIN_LENGTH:
        passphrase = unit * (MIN_LENGTH // len(unit) + 1)
    assert not assess(passphrase).acceptable, passphrase


@settings(max_examples=200, deadline=None)
@given(
    alphabet=st.sampled_from(["abcdefghijklmnopqrstuvwxyz", "0123456789", "ABCDEFGHIJKLMNOP"]),
    data=st.data(),
    reverse=st.booleans(),
)
def test_sequences_are_refused(alphabet: str, data: st.DataObject, reverse: bool) -> None:
    length = data.draw(st.integers(min_value=MIN_LENGTH, max_value=len(alphabet)))
    start = data.draw(st.integers(min_value=0, max_value=len(alphabet) - length))
    run = alphabet[start : start + length]
    run = run[::-1] if reverse else run
    assert not assess(run).acceptable, run


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(
        ["Marieke de Vries", "Gemeente Wadwijk", "Stichting Zorgkring Oost", "A. Bakkerveld"]
    ),
    part=st.sampled_from(["whole", "first", "last"]),
    case=_CASES,
    digits=_DIGITS,
    after=_DECORATION,
)
def test_the_vps_own_name_and_organisations_are_refused(
    name: str, part: str, case, digits: str, after: str
) -> None:  # type: ignore[no-untyped-def]
    words = [w for w in name.replace(".", " ").split() if len(w) >= 3]
    chosen = {"whole": name.replace(" ", ""), "first": words[0], "last": words[-1]}[part]
    passphrase = case(chosen) + digits + after
    personal = ["Marieke de Vries", "Gemeente Wadwijk", "Stichting Zorgkring Oost", "A. Bakkerveld"]
    verdict = assess(passphrase, personal)
    assert not verdict.acceptable, passphrase
    # Without knowing the VP, a made-up organisation name is not in any list.
    if chosen.lower() in ("wadwijk", "zorgkring", "bakkerveld") and len(passphrase) >= 12:
        assert "personal" in verdict.reasons


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(COMMON[300:] + PROGRAM[40:]), min_size=7, max_size=7, unique=True))
def test_seven_less_common_words_in_a_row_pass(words: list[str]) -> None:
    assert assess(" ".join(words)).acceptable, words


def test_personal_words_are_taken_whole_and_by_word() -> None:
    assert personal_words(["Marieke de Vries", "  ", "Gemeente Wadwijk"]) == [
        "mariekedevries",
        "marieke",
        "vries",
        "gemeentewadwijk",
        "gemeente",
        "wadwijk",
    ]


def test_only_the_first_hundred_characters_are_estimated_and_length_still_counts() -> None:
    long = "de kat slaapt graag op warme vensterbanken " * 5
    assert assess(long).acceptable
    assert not assess("Zomer2025").acceptable
