"""The computer's clock, checked: a date the journal could not store is refused up front.

A clock outside 1990–2200 (a flat CMOS battery, a mistyped year) would otherwise surface as
a validation error deep inside whatever used "today", or put a backup's recorded time where
rotation would misjudge its age.
"""

from __future__ import annotations

from datetime import date, datetime

from .errors import ClockError

EARLIEST_YEAR = 1990
LATEST_YEAR = 2200


def checked(moment: datetime) -> datetime:
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ClockError(f"clock says year {moment.year}")
    return moment


def now() -> datetime:
    """This machine's local time, aware, to the second; ClockError if it cannot be right."""
    try:
        moment = datetime.now().astimezone()
    except (OverflowError, OSError, ValueError) as exc:  # beyond what the system can hold
        raise ClockError(f"clock unreadable: {exc}") from exc
    return checked(moment.replace(microsecond=0))


def problem() -> ClockError | None:
    """The clock's problem, if it has one (for naming the cause of an unexpected failure)."""
    try:
        now()
    except ClockError as error:
        return error
    return None


def today() -> date:
    return now().date()
