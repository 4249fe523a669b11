"""The demo's plan (core/demo.py): the structure of every case and organisation, drawn before
any text is written, and the drawing helpers the planners share."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any, TypeVar

from . import taxonomy as tx
from .demo_data import _FORMAL_ROUTES
from .journal import Journal, Record
from .models import TABLES

# A fixed default keeps `fill_demo(journal)` reproducible; callers that want the data to look
# current pass today's date explicitly.
DEFAULT_TODAY = date(2026, 11, 28)
YEARS = 4
MAX_ORGANISATIONS = 20

T = TypeVar("T")


@dataclass
class _Org:
    id: int
    name: str
    employees: int
    departments: list[tuple[int, str]]
    weight: float


@dataclass
class _ConvPlan:
    held_on: date
    phase: str  # intake | follow_up | aftercare | reopened
    form: str
    minutes: int


@dataclass
class _RoutePlan:
    route: str
    started_on: date
    outcome: str


@dataclass
class _ReferralPlan:
    party: str
    referred_on: date


@dataclass
class _FollowUpPlan:
    kind: str
    due_on: date
    due_time: str
    done_on: date | None
    note: str


@dataclass
class _TimePlan:
    spent_on: date
    minutes: int
    activity: str
    note: str


@dataclass
class _CasePlan:
    index: int
    org: _Org
    first_contact: date
    contact_type: str
    categories: list[str]
    role: str
    gender: str | None
    age_band: str | None
    department: tuple[int, str] | None
    relation: str | None
    anonymous: bool
    consent_on: date | None = None
    reporters: int = 1  # two or more: a group came (demo_links.py)
    notes: str = ""  # the VP's notes on the case (demo_links.py)
    case_id: int | None = None  # once inserted
    convs: list[_ConvPlan] = field(default_factory=list)
    routes: list[_RoutePlan] = field(default_factory=list)
    referrals: list[_ReferralPlan] = field(default_factory=list)
    follow_ups: list[_FollowUpPlan] = field(default_factory=list)
    time: list[_TimePlan] = field(default_factory=list)
    status: str = "open"
    closed_on: date | None = None  # for a re-opened case: the date it was closed before
    outcome: str | None = None

    @property
    def primary(self) -> str:
        return self.categories[0]

    @property
    def is_closed(self) -> bool:
        return self.status in ("closed", "reopened")

    def past_dates(self) -> list[date]:
        return [conv.held_on for conv in self.convs]


@dataclass
class _OrgItem:
    """An outreach activity, signal, follow-up or time entry outside the cases."""

    org: _Org
    on: date
    kind: str
    payload: dict[str, Any]


class _Drawing:
    """Draws from one `Random`, counted back from `today`: what every planner shares."""

    def __init__(self, journal: Journal, rng: Random, today: date) -> None:
        self.journal = journal
        self.rng = rng
        self.today = today
        self.start = today - timedelta(days=365 * YEARS)
        self.counts: Counter[str] = Counter()

    def add(self, entity: Record) -> Record:
        stored = self.journal.add(entity)
        self.counts[TABLES[type(entity)]] += 1
        return stored

    def weighted(self, weights: dict[Any, int]) -> Any:
        keys = list(weights)
        return self.rng.choices(keys, weights=list(weights.values()))[0]

    def workday(self, day: date, latest: date | None = None) -> date:
        """The first working day from `day` on; the last one before it if that passes `latest`."""
        forward = day
        while not _is_workday(forward):
            forward += timedelta(days=1)
        if latest is None or forward <= latest:
            return forward
        back = day
        while not _is_workday(back):
            back -= timedelta(days=1)
        return back

    def random_day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def clock(self) -> str:
        return f"{self.rng.randint(8, 16):02d}:{self.rng.choice((0, 15, 30, 45)):02d}"

    def minutes(self, low: int, high: int) -> int:
        return max(5, round(self.rng.randint(low, high) / 5) * 5)

    def mobile(self) -> str:
        return f"06-{self.rng.randint(10_000_000, 69_999_999)}"

    def landline(self) -> str:
        return f"0{self.rng.randint(10, 99)}-{self.rng.randint(200_0000, 999_9999)}"


_INTEGRITY_ROUTES = ("report_to_management", "whistleblowers_house")


def _outcome_fits(outcome: str, plan: _CasePlan, route: str) -> bool:
    if outcome in ("founded", "unfounded"):
        return plan.is_closed and route in _FORMAL_ROUTES
    if outcome == "pending":
        return not plan.is_closed or route in (*_FORMAL_ROUTES, "police_report")
    return True


_HOLIDAYS = ((1, 1), (4, 27), (12, 25), (12, 26))  # the fixed-date ones are enough here


def _is_workday(day: date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in _HOLIDAYS


def _round(rng: Random, expected: float) -> int:
    """A whole number with the given expectation, so that a third of an outreach can happen."""
    whole = int(expected)
    return whole + (1 if rng.random() < expected - whole else 0)


_DEPARTMENT_ARTICLES = (
    ("Locatie ", "de locatie "),
    ("Filiaal ", "het filiaal "),
    ("Wijkteam ", "het wijkteam "),
    ("Team ", "het team "),
    ("Regio ", "de regio "),
    ("Verpleeghuis ", "het verpleeghuis "),
    ("Verpleegafdeling ", "de verpleegafdeling "),
)


def _department_phrase(name: str) -> str:
    """'de afdeling Burgerzaken', but 'het filiaal Oost': Dutch articles differ per noun."""
    for prefix, phrase in _DEPARTMENT_ARTICLES:
        if name.startswith(prefix):
            return phrase + name[len(prefix) :]
    return f"de afdeling {name}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower().replace(" ", "") if c.isalnum() or c in "-.")


def _cover(
    rng: Random,
    items: Sequence[T],
    get: Callable[[T], Any],
    put: Callable[[T, Any], None],
    codes: Any,
    *,
    eligible: Callable[[T], bool] | None = None,
) -> None:
    """Make every code occur among `items`, changing only items whose value occurs twice or more.

    Changing a value that occurs only once would trade one missing code for another.
    """
    wanted = codes.codes if isinstance(codes, tx.Vocabulary) else tuple(codes)
    for code in wanted:
        counts = Counter(get(item) for item in items)
        if counts[code]:
            continue
        candidates = [
            item for item in items if counts[get(item)] > 1 and (eligible is None or eligible(item))
        ]
        if candidates:
            put(rng.choice(candidates), code)
