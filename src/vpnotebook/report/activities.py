"""Everything the VP did besides the cases: outreach, signals and advice, and time per task.

Outreach is not about a person: it is printed in full. Signals and advice are the VP's own
words to management; they are printed as written, after the free-text check
(core/report_texts.py) the VP cleared. Time is the one figure here that can speak about a
case: the hours of receiving and accompanying reporters ("opvang") and the number of
conversations are exact only when they belong to at least k cases, and otherwise given in
broad bands (``intensity``), per year as well. A total next to exact other tasks would give a
banded opvang figure back by subtraction, so a year with banded opvang prints no total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..core import taxonomy as tx
from ..core.annual import OrganisationYear
from ..core.models import OutreachActivity, Signal
from . import wording as w
from .document import Block, Paragraph, Table

HOUR_BANDS = (10, 25, 50, 100)
CONVERSATION_BANDS = (10, 20, 50)
# The profession's rule of thumb for the time of a VP: about two hours a week per organisation.
GUIDELINE_HOURS_PER_WEEK = 2
WEEKS = 52
MONTHS = (
    ("januari", "January"),
    ("februari", "February"),
    ("maart", "March"),
    ("april", "April"),
    ("mei", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("augustus", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("december", "December"),
)
# Time entries by task. Conversations count as receiving and accompanying (opvang), the
# outreach activities' own length as outreach.
TASKS: tuple[tuple[str, tuple[str, str], tuple[str, ...]], ...] = (
    (
        "opvang",
        ("Opvang en begeleiding van melders", "Receiving and accompanying reporters"),
        ("case_work",),
    ),
    ("voorlichting", ("Voorlichting", "Outreach"), ("outreach",)),
    ("advies", ("Advies aan de leiding", "Advice to management"), ("advice",)),
    (
        "overig",
        (
            "Overleg, scholing, administratie en reistijd",
            "Meetings, training, administration and travel",
        ),
        ("meeting", "training", "administration", "reporting", "travel", "other"),
    ),
)


def hours(minutes: int) -> int:
    return int((Decimal(minutes) / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Figure:
    """A figure as printed, the exact value when it is printed exactly, and a token that
    says the same without words (for the ledger: "band:10", "lt", "-", or the number)."""

    text: str
    value: int | None  # None: banded, "fewer than k" or not shown
    token: int | str = "-"


def _band_low(value: int, edges: Sequence[int]) -> int:
    return max((edge for edge in edges if edge <= value), default=0)


def band(value: int, edges: Sequence[int], language: str) -> str:
    return band_text(_band_low(value, edges), edges, language)


def band_text(low: int, edges: Sequence[int], language: str) -> str:
    if low < edges[0]:
        return w.fewer_than(edges[0], language)
    if low >= edges[-1]:
        return f"{edges[-1]} or more" if language == "en" else f"{edges[-1]} of meer"
    high = min(edge for edge in edges if edge > low)
    return f"{low} to {high}" if language == "en" else f"{low} tot {high}"


def intensity(
    value: int, cases: int, *, k: int, edges: Sequence[int], language: str, minutes: int = 0
) -> Figure:
    """Conversations or hours of ``cases`` cases: exact for at least k cases, else a band.

    A value from 1 to k-1 prints as "fewer than k" either way, like every small number; so
    does time under half an hour, which would round to a misleading 0."""
    if value == 0 and minutes == 0:
        return Figure("0", 0, 0)
    if cases < k:
        low = _band_low(value, edges)
        return Figure(band_text(low, edges, language), None, f"band:{low}")
    if value < k:
        return Figure(w.fewer_than(k, language), None, "lt")
    return Figure(str(value), value, value)


def figure_from_token(token: int | str, *, k: int, edges: Sequence[int], language: str) -> Figure:
    """The printed figure back from its ledger token."""
    if isinstance(token, int):
        return Figure(str(token), token, token)
    if token.startswith("band:"):
        return Figure(band_text(int(token[5:]), edges, language), None, token)
    if token == "lt":
        return Figure(w.fewer_than(k, language), None, token)
    return Figure(w.NOT_SHOWN, None, "-")


def task_minutes(counts: OrganisationYear) -> dict[str, int]:
    """Minutes per task (TASKS order) for one organisation and year."""
    result = {}
    for task, _, activities in TASKS:
        minutes = sum(counts.time_minutes.get(code, 0) for code in activities)
        if task == "opvang":
            minutes += counts.conversation_minutes
        if task == "voorlichting":
            minutes += counts.outreach_minutes
        result[task] = minutes
    return result


def opvang_is_banded(counts: OrganisationYear, k: int) -> bool:
    return counts.intensity_cases < k and task_minutes(counts)["opvang"] > 0


def time_cells(counts: OrganisationYear, k: int) -> dict[str, int | str]:
    """The time per task as ledger cells: a token per task, the total and hours a week."""
    minutes = task_minutes(counts)
    total = sum(minutes.values())
    banded = opvang_is_banded(counts, k)
    cells: dict[str, int | str] = {}
    for task, _, _ in TASKS:
        cases = counts.intensity_cases if task == "opvang" and banded else k
        figure = intensity(
            hours(minutes[task]),
            cases,
            k=k,
            edges=HOUR_BANDS,
            language="nl",
            minutes=minutes[task],
        )
        cells[f"time:{task}"] = figure.token
    if banded or total == 0:
        cells["time:total"] = "-" if total else 0
        cells["time:week"] = "-"
    else:
        cells["time:total"] = intensity(
            hours(total), k, k=k, edges=HOUR_BANDS, language="nl", minutes=total
        ).token
        week = (Decimal(total) / 60 / WEEKS).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        cells["time:week"] = str(week)
    return cells


def time_table(cells: Mapping[str, int | str], k: int, language: str) -> list[Block]:
    """Time per task from its cells (computed now, or as published)."""

    def t(dutch: str, english: str) -> str:
        return english if language == "en" else dutch

    if all(cells.get(f"time:{task}", 0) == 0 for task, _, _ in TASKS):
        return [Paragraph(t("Er is dit jaar geen tijd vastgelegd.", "No time was recorded."))]
    rows = [
        (
            w.pick(label, language),
            figure_from_token(
                cells.get(f"time:{task}", "-"), k=k, edges=HOUR_BANDS, language=language
            ).text,
        )
        for task, label, _ in TASKS
    ]
    notes = [
        t(
            f"In uren, afgerond. Als richtlijn geldt ongeveer "
            f"{w.in_words(GUIDELINE_HOURS_PER_WEEK, language)} uur per week per organisatie, "
            f"zo'n {GUIDELINE_HOURS_PER_WEEK * WEEKS} uur per jaar.",
            f"In hours, rounded. A common guideline is about "
            f"{w.in_words(GUIDELINE_HOURS_PER_WEEK, language)} hours a week per organisation, "
            f"some {GUIDELINE_HOURS_PER_WEEK * WEEKS} hours a year.",
        )
    ]
    total_row: tuple[str, ...] | None = None
    week = cells.get("time:week", "-")
    if week == "-":
        notes.append(
            t(
                f"De tijd voor opvang hoort bij minder dan {k} meldingen en staat daarom in een "
                "ruime bandbreedte. Om dezelfde reden ontbreekt het totaal: anders was die tijd "
                "terug te rekenen.",
                f"The time for reporters belongs to fewer than {k} cases and is therefore given "
                "as a broad range. For the same reason there is no total: it would give that "
                "time back.",
            )
        )
    else:
        total = figure_from_token(
            cells.get("time:total", "-"), k=k, edges=HOUR_BANDS, language=language
        )
        total_row = (w.pick(w.TOTAL, language), total.text)
        week_text = str(week) if language == "en" else str(week).replace(".", ",")
        notes.append(
            t(f"Gemiddeld {week_text} uur per week.", f"On average {week_text} hours a week.")
        )
    return [
        Table(
            key="time_per_task",
            title=t("Tijd per taak", "Time per task"),
            header=("", t("Uren", "Hours")),
            rows=tuple(rows),
            total=total_row,
            note=" ".join(notes),
            first_column_share=0.7,
        )
    ]


def _month(day_month: int, language: str) -> str:
    return w.pick(MONTHS[day_month - 1], language)


def outreach_blocks(
    activities: Sequence[OutreachActivity], year: int, language: str
) -> list[Block]:
    def t(dutch: str, english: str) -> str:
        return english if language == "en" else dutch

    if not activities:
        return [
            Paragraph(
                t(
                    f"In {year} is geen voorlichting vastgelegd.",
                    f"No outreach was recorded in {year}.",
                )
            )
        ]
    participants = [a.participants for a in activities if a.participants is not None]
    minutes = sum(a.duration_min for a in activities)
    summary = t(
        f"De vertrouwenspersoon verzorgde in {year} {w.in_words(len(activities), language)} "
        f"{'activiteit' if len(activities) == 1 else 'activiteiten'} om de rol bekend te maken "
        "en ongewenst gedrag te voorkomen",
        f"In {year} the confidential counsellor held {w.in_words(len(activities), language)} "
        f"{'activity' if len(activities) == 1 else 'activities'} to make the role known and "
        "to prevent undesirable behaviour",
    )
    if participants:
        summary += t(
            f", met samen {sum(participants)} deelnemers",
            f", with {sum(participants)} participants in all",
        )
    if minutes:
        summary += t(
            f", in {_hours_text(minutes, language)}", f", in {_hours_text(minutes, language)}"
        )
    rows = []
    for activity in activities:
        assert activity.held_on is not None and activity.kind is not None
        kind = tx.OUTREACH_KINDS.label(activity.kind, language)
        rows.append(
            (
                _month(activity.held_on.month, language),
                f"{kind}: {activity.title}" if activity.title else kind,
                activity.audience or "–",
                "–"
                if activity.participants is None
                else w.in_words(activity.participants, language),
            )
        )
    return [
        Paragraph(summary + "."),
        Table(
            key="outreach",
            title=w.pick(w.TABLE_TITLES["outreach"], language),
            header=(
                t("Maand", "Month"),
                t("Soort en onderwerp", "Kind and subject"),
                t("Voor wie", "Audience"),
                t("Deelnemers", "Participants"),
            ),
            rows=tuple(rows),
            note=t(
                "Voorlichting gaat niet over personen en staat hier volledig.",
                "Outreach is not about persons and is listed in full.",
            ),
            first_column_share=0.13,
            numeric=False,
        ),
    ]


def _hours_text(minutes: int, language: str) -> str:
    value = (Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{value:.1f}".removesuffix(".0")
    if text.isdigit():
        text = w.in_words(int(text), language)
    text = text if language == "en" else text.replace(".", ",")
    unit = ("hour" if value == 1 else "hours") if language == "en" else "uur"
    return f"{text} {unit}"


def signal_blocks(
    signals: Sequence[Signal], vp_text: Sequence[str], year: int, language: str
) -> list[Block]:
    """The VP's own summary first, then every signal and advice given during the year."""

    def t(dutch: str, english: str) -> str:
        return english if language == "en" else dutch

    blocks: list[Block] = [Paragraph(part, "quote") for part in vp_text]
    for signal in signals:
        assert signal.given_on is not None and signal.kind is not None
        kind = tx.SIGNAL_KINDS.label(signal.kind, language)
        asked = t("gevraagd", "asked for") if signal.asked else t("ongevraagd", "unasked")
        heading = f"{kind}, {_month(signal.given_on.month, language)} ({asked})"
        if signal.subject:
            heading += f": {signal.subject}"
        blocks.append(Paragraph(heading, "label"))
        if signal.text.strip():
            blocks.append(Paragraph(signal.text.strip()))
    if not blocks:
        blocks.append(
            Paragraph(
                t(
                    f"De vertrouwenspersoon heeft de leiding in {year} geen signalen of adviezen "
                    "gegeven.",
                    f"The confidential counsellor gave management no signals or advice in {year}.",
                ),
                "note",
            )
        )
    return blocks


def trend_intensity(
    years: Mapping[int, OrganisationYear], k: int, language: str
) -> tuple[list[Figure], list[Figure]]:
    """Conversations and hours per year for the trend: per year the same rule as above; the
    hours of a year whose opvang is banded are not shown (they would give it back)."""
    conversations, spent = [], []
    for counts in years.values():
        conversations.append(
            intensity(
                counts.conversations,
                counts.intensity_cases,
                k=k,
                edges=CONVERSATION_BANDS,
                language=language,
            )
        )
        total = sum(task_minutes(counts).values())
        if opvang_is_banded(counts, k):
            spent.append(Figure(w.NOT_SHOWN, None, "-"))
        else:
            spent.append(
                intensity(hours(total), k, k=k, edges=HOUR_BANDS, language=language, minutes=total)
            )
    return conversations, spent
