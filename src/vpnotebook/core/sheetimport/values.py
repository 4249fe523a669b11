"""Reading one cell as a date, a count, hours or an age, the way Dutch spreadsheets hold them.

Cells come from openpyxl (datetime, int, float, str, time, timedelta, bool) or from a CSV
(always str). Every failure is a `BadValue` whose reason names the value, in Dutch and English.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from typing import Any

from ..models import MAX_REPORTERS
from .errors import BadValue, quote
from .text import is_blank, normalise

# Excel's day 0 in the 1900 date system (which counts 1900 as a leap year, so serials from
# 61 on are right with this epoch; the years a VP imports are far past that).
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_EPOCH_1904 = date(1904, 1, 1)
EARLIEST_YEAR = 1990  # what the journal accepts (fields.py)
MAX_CONVERSATIONS = 200
MAX_HOURS = 1000

MONTHS = {
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "febr": 2, "februari": 2, "february": 2,
    "mrt": 3, "maa": 3, "mar": 3, "maart": 3, "march": 3,
    "apr": 4, "april": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "augustus": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oct": 10, "oktober": 10, "october": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

NUMBER_WORDS = {
    "nul": 0, "geen": 0, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
}  # fmt: skip

_TIME_TAIL = r"(?:[ T]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME_TAIL)
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME_TAIL)
_DAY_MONTH_NAME = re.compile(r"(\d{1,2}) ([a-z]+) (\d{4}|\d{2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"(\d{5})(?:[.,]\d+)?")


def not_a_date(value: object) -> BadValue:
    shown = quote(value)
    return BadValue(f"{shown} is geen datum", f"{shown} is not a date")


def serial_to_date(serial: float, epoch: date = EXCEL_EPOCH) -> date:
    """An Excel serial day number (a fraction is the time of day) as a date."""
    if isinstance(serial, bool) or not math.isfinite(serial) or not 1 <= serial < 2_958_466:
        raise not_a_date(serial)
    return epoch + timedelta(days=int(serial))


def _year(text: str, today: date) -> int:
    year = int(text)
    if len(text) == 2:
        # d-m-jj: this century unless that lies more than a year ahead ("98" is 1998).
        year += 2000 if 2000 + year <= today.year + 1 else 1900
    return year


def _calendar_date(year: int, month: int, day: int, shown: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise not_a_date(shown) from None


def parse_date(cell: Any, today: date, epoch: date = EXCEL_EPOCH) -> date:
    """A date cell, serial number, dd-mm-jjjj, d-m-jj, ISO or "5 mrt 2024"; in range."""
    found = _any_date(cell, today, epoch)
    if found.year < EARLIEST_YEAR:
        shown = found.strftime("%d-%m-%Y")
        raise BadValue(f"{shown} ligt vóór {EARLIEST_YEAR}", f"{shown} lies before {EARLIEST_YEAR}")
    if found > today:
        shown = found.strftime("%d-%m-%Y")
        raise BadValue(f"{shown} ligt in de toekomst", f"{shown} lies in the future")
    return found


def _any_date(cell: Any, today: date, epoch: date) -> date:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, time | timedelta):
        shown = cell.isoformat() if isinstance(cell, time) else str(cell)
        raise BadValue(f"{shown} is een tijd, geen datum", f"{shown} is a time, not a date")
    if isinstance(cell, bool) or not isinstance(cell, int | float | str):
        raise not_a_date(cell)
    if isinstance(cell, int | float):
        return serial_to_date(cell, epoch)
    text = cell.strip()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _calendar_date(year, month, day, text)
    if match := _DAY_FIRST.fullmatch(text):
        day, month = int(match[1]), int(match[2])
        return _calendar_date(_year(match[3], today), month, day, text)
    if match := _DAY_MONTH_NAME.fullmatch(normalise(text)):
        named = MONTHS.get(match[2])
        if named is not None:
            return _calendar_date(_year(match[3], today), named, int(match[1]), text)
    if match := _COMPACT.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _calendar_date(year, month, day, text)
    if _SERIAL.fullmatch(text):
        return serial_to_date(float(text.replace(",", ".")), epoch)
    raise not_a_date(text)


def looks_like_date(cell: Any, today: date, epoch: date = EXCEL_EPOCH) -> bool:
    """Whether a cell holds a date at all (in any format), whether or not in range."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return cell >= 10_000  # 1927 on; smaller numbers in a status column are 0/1 answers
    try:
        _any_date(cell, today, epoch)
    except BadValue:
        return False
    return True


# -- numbers ---------------------------------------------------------------------------------


def parse_number(cell: Any) -> float:
    """A number as Excel stores it, or as Dutch text ("1,5", "1.234,5") or English ("1.5")."""
    if isinstance(cell, bool):
        raise _not_a_number(cell)
    if isinstance(cell, int | float):
        if not math.isfinite(cell):
            raise _not_a_number(cell)
        return float(cell)
    if not isinstance(cell, str):
        raise _not_a_number(cell)
    text = cell.strip().replace("\u00a0", "").replace(" ", "")
    if "," in text and "." in text:
        # The separator that comes last is the decimal one: 1.234,5 or 1,234.5.
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "")
    text = text.replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", text):
        raise _not_a_number(cell)
    return float(text)


def _not_a_number(cell: Any) -> BadValue:
    shown = quote(cell)
    return BadValue(f"{shown} is geen getal", f"{shown} is not a number")


def _number_in(cell: Any) -> float:
    """A count as written: a number, or a Dutch number word ("drie")."""
    if isinstance(cell, str) and normalise(cell) in NUMBER_WORDS:
        return float(NUMBER_WORDS[normalise(cell)])
    try:
        return parse_number(cell)
    except BadValue:
        shown = quote(cell)
        raise BadValue(f"{shown} is geen aantal", f"{shown} is not a count") from None


def parse_count(cell: Any) -> int:
    """A number of conversations: a whole number from 0; empty is 0."""
    if is_blank(cell):
        return 0
    number = _number_in(cell)
    shown = quote(cell)
    if number != int(number) or number < 0:
        raise BadValue(f"{shown} is geen heel aantal", f"{shown} is not a whole count")
    if number > MAX_CONVERSATIONS:
        raise BadValue(
            f"{shown} gesprekken is meer dan de {MAX_CONVERSATIONS} die een melding kan hebben",
            f"{shown} conversations is more than the {MAX_CONVERSATIONS} a case can have",
        )
    return int(number)


def parse_reporters(cell: Any) -> int:
    """A number of reporters: a whole number from 1 (two or more: a group); empty is 1."""
    if is_blank(cell):
        return 1
    number = _number_in(cell)
    shown = quote(cell)
    if number != int(number) or number < 1:
        raise BadValue(
            f"{shown} is geen aantal melders (één of meer)",
            f"{shown} is not a number of reporters (one or more)",
        )
    if number > MAX_REPORTERS:
        raise BadValue(
            f"{shown} melders is meer dan de {MAX_REPORTERS} die één melding kan hebben",
            f"{shown} reporters is more than the {MAX_REPORTERS} one case can have",
        )
    return int(number)


_HOURS_UNIT = re.compile(r"^(.*?)\s*(uren|uur|u|hours|hour|h)\.?$", re.IGNORECASE)
_MINUTES_UNIT = re.compile(r"^(.*?)\s*(minuten|minuut|min|m)\.?$", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,4})[:.](\d{2})(?:[:.]\d{2})?")


def parse_minutes(cell: Any) -> int:
    """Time spent, in whole minutes: hours as a number ("1,5"), "1:30", "90 min", a time cell."""
    if is_blank(cell):
        return 0
    if isinstance(cell, timedelta):
        minutes = cell.total_seconds() / 60
    elif isinstance(cell, time):
        minutes = cell.hour * 60 + cell.minute + cell.second / 60
    elif isinstance(cell, datetime):
        # Excel shows a duration past 24 h ([u]:mm) as a date-time from 1899-12-30/31.
        minutes = (cell - datetime(1899, 12, 30)).total_seconds() / 60
    elif isinstance(cell, str):
        minutes = _minutes_from_text(cell.strip())
    else:
        minutes = parse_number(cell) * 60
    shown = quote(cell)
    if not math.isfinite(minutes) or minutes < 0 or minutes > MAX_HOURS * 60:
        raise BadValue(
            f"{shown} is geen mogelijke tijd (uren)", f"{shown} is not a possible time (hours)"
        )
    return round(minutes)


def _minutes_from_text(text: str) -> float:
    if match := _CLOCK.fullmatch(text):
        return int(match[1]) * 60 + int(match[2])
    if match := _MINUTES_UNIT.fullmatch(text):
        return parse_number(match[1])
    if match := _HOURS_UNIT.fullmatch(text):
        return parse_number(match[1]) * 60
    return parse_number(text) * 60


# -- age -------------------------------------------------------------------------------------

# The age bands of the taxonomy (core/taxonomy.py AGE_BANDS) as inclusive year ranges.
AGE_BANDS = (
    ("under_25", 0, 24),
    ("25_34", 25, 34),
    ("35_44", 35, 44),
    ("45_54", 45, 54),
    ("55_plus", 55, 999),
)
YOUNGEST, OLDEST = 14, 99

_RANGE = re.compile(r"(\d{1,3}) ?(-|–|—|t/m|t\.m\.|tot en met|tot|to|until) ?(\d{1,3})(?: jaar)?")


class NoBand(ValueError):
    """The text is an age range that does not fit one band (such as 30-39): ask the VP."""


def age_band_of(age: int) -> str:
    for code, low, high in AGE_BANDS:
        if low <= age <= high:
            return code
    raise AssertionError(age)


def _band_holding(low: int, high: int) -> str:
    for code, band_low, band_high in AGE_BANDS:
        if band_low <= low and high <= band_high:
            return code
    raise NoBand()


def parse_age(cell: Any) -> str | None:
    """An age or an age range, as the taxonomy's age band; None when the cell is empty.

    Raises BadValue for an impossible age and NoBand for a range across bands (30-39).
    Other text raises NoBand too, so that the caller can try the band's words.
    """
    if is_blank(cell):
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return _age(cell, quote(cell))
    if not isinstance(cell, str):
        raise NoBand()
    raw = cell.strip().lower().replace(" ", "")
    lowered = " ".join(cell.lower().split())
    if re.fullmatch(r"\d{1,3}([.,]\d+)?(jaar|jr|j)?\.?", raw):
        return _age(parse_number(re.sub(r"[a-z.]+$", "", raw) or raw), quote(cell))
    if match := re.fullmatch(r"(?:<|-|onder|jongerdan|tot|under)(\d{1,3})(jaar)?", raw):
        return _band_holding(0, int(match[1]) - 1)
    if match := re.fullmatch(r"(\d{1,3})(?:\+|jaar\+|(?:of|en)ouder|andover|orolder)", raw):
        return _band_holding(int(match[1]), 999)
    if match := re.fullmatch(r"(?:>|ouderdan|boven|over)(\d{1,3})(jaar)?", raw):
        return _band_holding(int(match[1]) + 1, 999)
    if match := _RANGE.fullmatch(lowered):
        low, high = int(match[1]), int(match[3])
        if match[2] == "tot":
            high -= 1  # "25 tot 35": up to, not including, 35
        if low > high:
            raise NoBand()
        return _band_holding(low, high)
    raise NoBand()


def _age(value: float, shown: str) -> str:
    if not math.isfinite(value) or not YOUNGEST <= value < OLDEST + 1:
        raise BadValue(
            f"leeftijd {shown} kan niet kloppen (verwacht {YOUNGEST} tot {OLDEST})",
            f"age {shown} cannot be right (expected {YOUNGEST} to {OLDEST})",
        )
    return age_band_of(int(value))
