"""Merging another vault — a colleague's hand-over — into one's own, in one transaction.

Every record of the other vault is read through the export format's checks
(core/exchange/checking.py), as an import would read it, and added to this vault with a new
id; nothing of this vault is overwritten:

- organisations are matched by name as the sheet import matches them (case, accents, spacing
  and a legal form such as "B.V." do not count), archived ones too, or created; a matched
  organisation keeps its own details. Departments likewise, within their organisation;
  referral contacts are added unless the same contact is there already;
- cases get numbers in this vault's sequence of their year; the number they had is written
  at the end of their notes ("Nummer bij de vorige vertrouwenspersoon: …"), so letters and
  notes that mention it can still be found;
- the signals and recommendations of an organisation and year that this vault has written
  too get the other text added below its own, under a line that says so;
- the ledger of published reports and the settings stay this vault's own.

All of it is one transaction: killed at any moment, this vault is as it was or holds all of
it. A vault merged once is remembered (by its vault id, in the settings), so merging the same
hand-over twice is refused unless asked for; a vault is never merged into itself or a copy.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..exchange import RecordChecker, iter_records
from ..exchange.tables import RECORD_TABLES
from ..fields import specs, to_row
from ..journal import Journal
from ..models import Case, CaseLink, Department, Organisation, ReferralContact, case_number
from ..sheetimport.resolve import known_organisations, name_key
from .errors import HandoverError
from .writing import FROM_SETTING, ON_SETTING

MERGED_PREFIX = "merged_vault."
# What another vault holds that stays its own: what it published is not this VP's to show.
NOT_MERGED = frozenset({"published_reports"})
OLD_NUMBER_LINE = "Nummer bij de vorige vertrouwenspersoon: {number} (overgenomen {how})."
TEXT_SEPARATOR = "\n\n— Overgenomen uit de overdracht van {who}: —\n"

Progress = Callable[[int, int], None]


@dataclass
class MergeResult:
    counts: dict[str, int] = field(default_factory=dict)  # records added per table
    numbers: list[tuple[str, str]] = field(default_factory=list)  # (old, new) per case
    organisations_matched: list[str] = field(default_factory=list)
    organisations_created: list[str] = field(default_factory=list)
    departments_created: int = 0
    contacts_already_there: int = 0
    texts_added_below: int = 0
    handed_over_by: str = ""
    handed_over_on: str = ""

    @property
    def cases(self) -> int:
        return len(self.numbers)


class _DryRun(Exception):
    """Raised inside the transaction to roll a preview back."""


def previous_merge(target: Journal, source_id: str) -> str | None:
    """When this other vault was merged into this one before (an ISO date), if it was."""
    raw = target.setting(MERGED_PREFIX + source_id)
    if not raw:
        return None
    try:
        return str(json.loads(raw)["on"])
    except (ValueError, KeyError, TypeError):
        return ""


def merge_vault(
    target: Journal,
    source: Journal,
    *,
    target_id: str,
    source_id: str,
    today: date,
    again: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> MergeResult:
    """Add every record of `source` to `target` (see the module text); returns what it did.

    `dry_run` does all of it and rolls it back: a preview that is exactly what would happen.
    Raises HandoverError for a vault merged into itself, one merged before (unless `again`),
    and ImportFormatError for a record the checks refuse; in every case nothing changed."""
    if source_id == target_id:
        raise HandoverError(
            "Dit is uw eigen kluis (of een kopie of reservekopie ervan). Die kan niet met "
            "zichzelf worden samengevoegd.",
            "This is your own vault (or a copy or backup of it). It cannot be merged with itself.",
        )
    earlier = previous_merge(target, source_id)
    if earlier is not None and not again:
        on_nl = f" op {date.fromisoformat(earlier):%d-%m-%Y}" if earlier else ""
        on_en = f" on {earlier}" if earlier else ""
        raise HandoverError(
            f"Deze overdracht is al eens samengevoegd{on_nl}. Nog een keer samenvoegen zet "
            "alle meldingen er dubbel in; doe dat alleen als u het zeker weet.",
            f"This hand-over was merged before{on_en}. Merging it again puts every case in "
            "twice; do that only if you are sure.",
        )
    total = sum(int(source.db.scalar(f"SELECT count(*) FROM {t}")) for t in RECORD_TABLES)
    merger = _Merger(target, source, today, progress or (lambda _done, _total: None), total)
    try:
        with target.db.transaction(), source.db.read_transaction():
            merger.run()
            target.set_setting(
                MERGED_PREFIX + source_id,
                json.dumps({"on": today.isoformat(), "cases": merger.result.cases}),
            )
            if dry_run:
                raise _DryRun()
    except _DryRun:
        pass
    return merger.result


class _Merger:
    def __init__(
        self, target: Journal, source: Journal, today: date, progress: Progress, total: int
    ) -> None:
        self.target = target
        self.source = source
        self.today = today
        self.progress = progress
        self.total = total
        self.done = 0
        self.result = MergeResult()
        self.ids: dict[str, dict[int, int]] = {"organisations": {}, "departments": {}, "cases": {}}
        self.number_of: dict[str, str] = {}  # old case number -> new
        self.result.handed_over_by = source.setting(FROM_SETTING, "") or ""
        self.result.handed_over_on = source.setting(ON_SETTING, "") or ""

    def run(self) -> None:
        checker = RecordChecker()
        self.known = known_organisations(self.target)
        special: dict[str, Callable[[Any], bool]] = {
            "organisations": self._organisations,
            "departments": self._departments,
            "referral_contacts": self._referral_contacts,
            "cases": self._cases,
            "case_links": self._case_links,
            "report_texts": self._report_texts,
        }
        for table in RECORD_TABLES:
            rows: Iterator[Any] = checker.check_table(table, iter_records(self.source, table))
            for entity in rows:
                if table in NOT_MERGED:
                    added = False
                elif table in special:
                    added = special[table](entity)
                else:
                    added = self._plain(table, entity)
                if added:
                    self.result.counts[table] = self.result.counts.get(table, 0) + 1
                self.done += 1
                self.progress(self.done, self.total)

    # -- helpers ---------------------------------------------------------------------------

    def _insert(self, table: str, entity: Any, **remapped: Any) -> int:
        row = to_row(replace(entity, **remapped) if remapped else entity)
        columns = ", ".join(row)
        values = ", ".join(f":{column}" for column in row)
        cursor = self.target.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({values})", row)
        assert cursor.lastrowid is not None  # every INSERT sets it
        return cursor.lastrowid

    def _org(self, old: int | None) -> int | None:
        return None if old is None else self.ids["organisations"][old]

    def _case(self, old: int | None) -> int | None:
        return None if old is None else self.ids["cases"][old]

    def _plain(self, table: str, entity: Any) -> bool:
        """A record that only refers to an organisation and a case: both remapped."""
        remapped: dict[str, Any] = {}
        names = specs(type(entity))
        if "organisation_id" in names:
            remapped["organisation_id"] = self._org(entity.organisation_id)
        if "case_id" in names:
            remapped["case_id"] = self._case(entity.case_id)
        if "case_number" in names:
            remapped["case_number"] = self.number_of.get(entity.case_number, entity.case_number)
        self._insert(table, entity, **remapped)
        return True

    # -- the tables that need more than remapping -------------------------------------------

    def _organisations(self, organisation: Organisation) -> bool:
        assert organisation.id is not None
        known = self.known.get(name_key(organisation.name))
        if known is not None:
            self.ids["organisations"][organisation.id] = known.id
            self.result.organisations_matched.append(known.name)
            return False
        new_id = self._insert("organisations", organisation)
        self.ids["organisations"][organisation.id] = new_id
        self.result.organisations_created.append(organisation.name)
        self.known = known_organisations(self.target)
        return True

    def _departments(self, department: Department) -> bool:
        assert department.id is not None
        organisation_id = self._org(department.organisation_id)
        existing = next(
            (
                found.id
                for found in self.target.departments_of(organisation_id or 0)
                if name_key(found.name) == name_key(department.name)
            ),
            None,
        )
        if existing is not None:
            self.ids["departments"][department.id] = existing
            return False
        new_id = self._insert("departments", department, organisation_id=organisation_id)
        self.ids["departments"][department.id] = new_id
        self.result.departments_created += 1
        return True

    def _referral_contacts(self, contact: ReferralContact) -> bool:
        organisation_id = self._org(contact.organisation_id)
        same = [
            c
            for c in self.target.referral_contacts_of(organisation_id or 0)
            if (c.party, c.name.strip(), c.phone.strip(), c.email.strip().lower())
            == (
                contact.party,
                contact.name.strip(),
                contact.phone.strip(),
                contact.email.strip().lower(),
            )
        ]
        if same:
            self.result.contacts_already_there += 1
            return False
        self._insert("referral_contacts", contact, organisation_id=organisation_id)
        return True

    def _cases(self, case: Case) -> bool:
        assert case.id is not None and case.year is not None and case.seq is not None
        year = case.year
        seq = int(
            self.target.db.scalar(
                "SELECT coalesce(max(seq), 0) + 1 FROM cases WHERE year = ?", (year,)
            )
        )
        old, new = case.number, case_number(year, seq)
        notes = case.notes
        if not case.is_destroyed:  # a destroyed case keeps no text, not even this line
            line = OLD_NUMBER_LINE.format(number=old, how=self._how())
            notes = f"{notes.rstrip()}\n{line}" if notes.strip() else line
        department = case.department_id
        new_id = self._insert(
            "cases",
            case,
            organisation_id=self._org(case.organisation_id),
            department_id=None if department is None else self.ids["departments"][department],
            seq=seq,
            notes=notes,
        )
        self.target.db.executemany(
            "INSERT INTO case_categories (case_id, category) VALUES (?, ?)",
            [(new_id, category) for category in case.categories],
        )
        self.ids["cases"][case.id] = new_id
        self.number_of[old] = new
        self.result.numbers.append((old, new))
        return True

    def _case_links(self, link: CaseLink) -> bool:
        first, second = self._case(link.case_id), self._case(link.linked_case_id)
        assert first is not None and second is not None
        self._insert(
            "case_links", link, case_id=min(first, second), linked_case_id=max(first, second)
        )
        return True

    def _report_texts(self, text: Any) -> bool:
        organisation_id = self._org(text.organisation_id)
        row = self.target.db.query_one(
            "SELECT text FROM report_texts WHERE organisation_id = ? AND year = ?",
            (organisation_id, text.year),
        )
        if row is None:
            self._insert("report_texts", text, organisation_id=organisation_id)
            return True
        if not text.text.strip() or text.text.strip() in row["text"]:
            return False
        who = self.result.handed_over_by or "een collega"
        combined = row["text"].rstrip() + TEXT_SEPARATOR.format(who=who) + text.text.strip()
        self.target.db.execute(
            "UPDATE report_texts SET text = ? WHERE organisation_id = ? AND year = ?",
            (combined, organisation_id, text.year),
        )
        self.result.texts_added_below += 1
        return False

    def _how(self) -> str:
        by, on = self.result.handed_over_by, self.result.handed_over_on
        when = self.today
        if on:
            with contextlib.suppress(ValueError):
                when = date.fromisoformat(on)
        day = when.strftime("%d-%m-%Y")
        return f"uit de overdracht van {by}, {day}" if by else f"uit een andere kluis, {day}"
