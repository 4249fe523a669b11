"""One case on paper, for the VP's own file: everything recorded, marked for the VP alone.

Some VPs keep a paper file, or need one case printed for a hand-over or a complaints
procedure. This is that print: the intake, the reporter's details, every conversation in full,
routes, referrals, after-care, time and retention. Every page says it is confidential and for
the VP only (the banner and the footer), and the PDF's /Title says what kind of document it
is, never whose.

Which fields are printed is read from the entities' field specs (core/fields.py), with the
labels the screens use: a field added to a record is in the print without a change here. Only
the links between records (ids) are left out, and the organisation and department are
printed by name.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Any

from ..core.case_file import CaseFile, read_case_file
from ..core.fields import Spec, specs
from ..core.journal import Journal
from ..core.models import Conversation, FollowUp, Referral, Reporter, Route, TimeEntry
from ..core.profile import vp_profile
from .document import Block, Document, Paragraph, Section, Table

TITLE = "Overzicht van een melding"
CONFIDENTIAL = "Vertrouwelijk — alleen voor de vertrouwenspersoon"
NOT_RECORDED = "niet vastgelegd"

# Structure, not content: the record's own id and the links to other records. The case's
# number stands for its year and sequence.
_LINKS = frozenset({"id", "case_id", "organisation_id", "year", "seq"})
# Whole numbers that are minutes, printed as "1 u 05 min".
_MINUTES = frozenset({"duration_min", "minutes"})
# What is not yet there on a running case is left out rather than printed as "not recorded".
_WHEN_CLOSED = frozenset({"closed_on", "outcome", "outcome_note", "destroyed_on"})


def day_text(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else NOT_RECORDED


def minutes_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{rest} min" if not hours else f"{hours} u {rest:02d} min"


def value_text(name: str, spec: Spec, value: Any) -> str:
    """One field's value in words, as the screens show it."""
    if spec.kind == "text":
        return str(value).strip() or NOT_RECORDED
    if spec.kind == "date":
        return day_text(value)
    if spec.kind == "code":
        assert spec.vocab is not None
        return spec.vocab.label(value, "nl") if value else NOT_RECORDED
    if spec.kind == "codes":
        assert spec.vocab is not None
        return ", ".join(spec.vocab.label(c, "nl") for c in value) or NOT_RECORDED
    if spec.kind == "bool":
        return "ja" if value else "nee"
    if value is None:
        return NOT_RECORDED
    return minutes_text(int(value)) if name in _MINUTES else str(value)


def cell_text(name: str, spec: Spec, value: Any) -> str:
    """A value in a table of records: an empty cell where nothing was filled in."""
    if value is None or (spec.kind == "text" and not str(value).strip()):
        return ""
    return value_text(name, spec, value)


def printed_fields(entity_type: type) -> list[tuple[str, Spec]]:
    """Every field of a record that the VP fills in, in the order of its definition."""
    all_specs = specs(entity_type)
    return [
        (f.name, all_specs[f.name])
        for f in dataclass_fields(entity_type)
        if f.name not in _LINKS
        and not (all_specs[f.name].kind == "ref" and f.name != "department_id")
    ]


def _label(spec: Spec, name: str) -> str:
    label = spec.label_nl or name
    # "Duur (minuten)" over "45 min" says the unit twice.
    return label.removesuffix(" (minuten)") if name in _MINUTES else label


class _Builder:
    def __init__(self, file: CaseFile) -> None:
        self.file = file

    def facts_and_texts(
        self,
        record: Any,
        *,
        skip: frozenset[str] = frozenset(),
        head: tuple[tuple[str, str], ...] = (),
    ) -> list[Block]:
        """A record's short facts as a table, its texts as paragraphs under their labels."""
        facts: list[tuple[str, str]] = list(head)
        texts: list[Block] = []
        for name, spec in printed_fields(type(record)):
            if name in skip:
                continue
            value = getattr(record, name)
            if name == "department_id":
                facts.append(("Afdeling", self.file.department or NOT_RECORDED))
            elif spec.kind == "text" and (spec.max_length > 300 or "\n" in str(value)):
                if str(value).strip():
                    texts += [Paragraph(_label(spec, name), "label"), Paragraph(str(value).strip())]
            else:
                facts.append((_label(spec, name), value_text(name, spec, value)))
        blocks: list[Block] = []
        if facts:
            blocks.append(
                Table(
                    key=type(record).__name__.lower(),
                    title="",
                    header=("Gegeven", "Vastgelegd"),
                    rows=tuple(facts),
                    first_column_share=0.38,
                    numeric=False,
                )
            )
        return blocks + texts

    def the_case(self) -> Section:
        case = self.file.case
        skip = frozenset() if case.status == "closed" else _WHEN_CLOSED
        if case.destroyed_on is None:
            skip |= {"destroyed_on"}
        head = (("Meldingsnummer", case.number), ("Organisatie", self.file.organisation.name))
        return Section("De melding", tuple(self.facts_and_texts(case, skip=skip, head=head)))

    def reporter(self) -> Section:
        reporter = self.file.reporter
        if reporter is None or not any(
            str(getattr(reporter, name)).strip() for name, _ in printed_fields(Reporter)
        ):
            return Section(
                "De melder", (Paragraph("Naam en contactgegevens zijn niet (meer) vastgelegd."),)
            )
        blocks: list[Block] = []
        for name, spec in printed_fields(Reporter):
            value = str(getattr(reporter, name)).strip()
            blocks += [Paragraph(_label(spec, name), "label"), Paragraph(value or NOT_RECORDED)]
        return Section("De melder", tuple(blocks))

    def conversations(self) -> list[Section]:
        talks = self.file.conversations
        if not talks:
            return [Section("Gesprekken", (Paragraph("Er zijn geen gesprekken vastgelegd."),))]
        sections = []
        for number, talk in enumerate(talks, start=1):
            title = f"Gesprek {number} van {len(talks)}: {day_text(talk.held_on)}"
            sections.append(Section(title, tuple(self.conversation(talk))))
        return sections

    def conversation(self, talk: Conversation) -> list[Block]:
        about: list[str] = []
        texts: list[Block] = []
        for name, spec in printed_fields(Conversation):
            value = getattr(talk, name)
            if name == "held_on":
                continue  # in the section's title
            if spec.kind == "text":
                if str(value).strip():
                    texts += [Paragraph(_label(spec, name), "label"), Paragraph(str(value).strip())]
            else:
                about.append(f"{_label(spec, name)}: {value_text(name, spec, value)}")
        blocks: list[Block] = [Paragraph(" · ".join(about), "note")]
        return blocks + (texts or [Paragraph("Van dit gesprek is geen verslag geschreven.")])

    def listed(
        self, title: str, entity_type: type, records: tuple[Any, ...], empty: str
    ) -> Section:
        if not records:
            return Section(title, (Paragraph(empty),))
        columns = printed_fields(entity_type)
        table = Table(
            key=entity_type.__name__.lower(),
            title="",
            header=tuple(_label(spec, name) for name, spec in columns),
            rows=tuple(
                tuple(cell_text(name, spec, getattr(record, name)) for name, spec in columns)
                for record in records
            ),
            first_column_share=1 / len(columns),
            numeric=False,
        )
        return Section(title, (table,))

    def time(self) -> Section:
        section = self.listed(
            "Tijd",
            TimeEntry,
            self.file.time_entries,
            "Buiten de gesprekken is geen tijd aan deze melding geschreven.",
        )
        total = (
            f"Gesprekken samen {minutes_text(self.file.conversation_minutes)}; andere tijd "
            f"{minutes_text(self.file.other_minutes)}; in totaal "
            f"{minutes_text(self.file.conversation_minutes + self.file.other_minutes)}."
        )
        return Section(section.title, (*section.blocks, Paragraph(total, "note")))

    def retention(self) -> Section:
        file = self.file
        years = file.organisation.retention_years
        period = "1 jaar" if years == 1 else f"{years} jaar"
        status = file.retention
        if status is None:
            text = f"Loopt nog. Na het afsluiten wordt de melding {period} bewaard."
        else:
            text = (
                f"Afgesloten op {day_text(status.closed_on)}; te vernietigen vanaf "
                f"{day_text(status.due_on)} (bewaartermijn {period})."
            )
        blocks: list[Block] = [Paragraph(text)]
        for extension in file.extensions:
            blocks.append(
                Paragraph(
                    f"Op {day_text(extension.decided_on)} besloten te bewaren tot "
                    f"{day_text(extension.keep_until)}. Reden: {extension.reason}"
                )
            )
        return Section("Bewaren", tuple(blocks))


def build_case_summary(journal: Journal, case_id: int, *, today: date) -> Document:
    """The VP's own print of one case. Raises ValueError for a destroyed case."""
    file = read_case_file(journal, case_id, today)
    if file.case.is_destroyed:
        raise ValueError("a destroyed case holds nothing to print")
    builder = _Builder(file)
    author = vp_profile(journal).signature("nl")
    number = file.case.number
    return Document(
        language="nl",
        title=TITLE,
        cover_lines=(
            f"Melding {number}, {file.organisation.name}",
            f"Afgedrukt op {day_text(today)} door {author}",
            f"{CONFIDENTIAL}. Bewaar dit papier achter slot en vernietig het samen met het "
            "dossier.",
        ),
        sections=(
            builder.the_case(),
            builder.reporter(),
            *builder.conversations(),
            builder.listed("Routes", Route, file.routes, "Er is geen route vastgelegd."),
            builder.listed(
                "Doorverwijzingen", Referral, file.referrals, "Er is niet doorverwezen."
            ),
            builder.listed(
                "Nazorg en afspraken",
                FollowUp,
                file.follow_ups,
                "Er is geen nazorg of afspraak vastgelegd.",
            ),
            builder.time(),
            builder.retention(),
        ),
        footer=f"Melding {number} · {CONFIDENTIAL.lower()}",
        banner=CONFIDENTIAL,
    )
