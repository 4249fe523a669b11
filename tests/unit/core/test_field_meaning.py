"""What a field means is said once, on its spec; destruction, search and the reporter's access
export follow it. Every test here walks the specs, so a field added to an entity is covered
the moment it exists (its test id names it, "Case.location"), without editing this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from vpnotebook.core.destruction import destroy_case, quarter_start, wipe_reporter_identity
from vpnotebook.core.fields import (
    Spec,
    identity_fields,
    personal_fields,
    reported_fields,
    searchable_fields,
    specs,
    unclassified_fields,
)
from vpnotebook.core.journal import Journal, NotFoundError
from vpnotebook.core.models import CASE_RECORDS, TABLES, Case
from vpnotebook.core.search import search
from vpnotebook.report.access_export import build_access_export
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

from ..report.test_access_export import _text as document_text
from .fieldwalk import Filled, field_id, fill
from .test_destruction import decrypted_database

PASSPHRASE = "wat een veld betekent"
TODAY = date(2026, 11, 28)

_TYPES = {t.__name__: t for t in TABLES}
PERSONAL = [field_id(t, n) for t in CASE_RECORDS for n in personal_fields(t)]
PERSONAL_TEXTS = [
    n for n in PERSONAL if specs(_TYPES[n.split(".")[0]])[n.split(".")[1]].kind == "text"
]
IDENTITY = [field_id(t, n) for t in CASE_RECORDS for n in identity_fields(t)]
REPORTED_DATES = [
    field_id(t, n) for t in CASE_RECORDS for n in reported_fields(t) if specs(t)[n].kind == "date"
]
TEXTS = [field_id(t, n) for t in TABLES for n, s in specs(t).items() if s.kind == "text"]


def _split(name: str) -> tuple[type, str]:
    entity, field_name = name.split(".")
    return _TYPES[entity], field_name


class Walked:
    """One vault with every field filled, looked at before and after destroying the case."""

    def __init__(self, folder: Path) -> None:
        vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
        self.journal = Journal(vault.db)
        self.filled: Filled = fill(self.journal)
        case_id = self.filled.case.id
        assert case_id is not None
        self.before = decrypted_database(folder, vault.data_key)
        self.export = document_text(build_access_export(self.journal, case_id, today=TODAY))
        destroy_case(self.journal, case_id, rule="retention", today=TODAY)
        self.after = decrypted_database(folder, vault.data_key)
        self.vault = vault

    def stored(self, entity_type: type) -> object | None:
        record = self.filled.records[entity_type]
        key = record.case_id if entity_type.__name__ == "Reporter" else record.id
        try:
            return self.journal.get(entity_type, key)
        except NotFoundError:
            return None


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walked]:
    walked = Walked(tmp_path_factory.mktemp("walk") / "kluis")
    yield walked
    walked.vault.close()


# -- the specs themselves ---------------------------------------------------------------------


@pytest.mark.parametrize("entity_type", CASE_RECORDS, ids=lambda t: t.__name__)
def test_every_field_of_a_case_record_says_what_destruction_does(entity_type: type) -> None:
    assert unclassified_fields(entity_type) == (), (
        f"{entity_type.__name__}: mark these fields personal=True (destroyed with the case, "
        "in the reporter's access export) or reported=True (kept for the annual report)"
    )


@pytest.mark.parametrize(
    "meaning",
    [
        {"personal": True, "reported": True},
        {"identity": True},
        {"personal": True, "system": True},
        {"searchable": True, "kind": "date"},
        {"personal": True, "kind": "codes", "stored": False},
        {"kind": "money"},
    ],
    ids=lambda meaning: "+".join(f"{k}={v}" for k, v in meaning.items()),
)
def test_a_contradictory_meaning_is_refused_where_it_is_written(meaning: dict) -> None:
    with pytest.raises(ValueError):
        Spec(**{"kind": "text", **meaning})


# -- destruction --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PERSONAL)
def test_destruction_leaves_no_trace_of_a_personal_field(walked: Walked, name: str) -> None:
    entity_type, field_name = _split(name)
    value = walked.filled.values[name]
    kind = specs(entity_type)[field_name].kind
    if kind == "text":  # its own marker: found in no decrypted page of the file or its WAL
        assert value.encode() in walked.before, "the walk stored it where decryption sees it"
        assert value.encode() not in walked.after
    stored = walked.stored(entity_type)
    if stored is not None:  # the record kind stays, without this field's value
        assert getattr(stored, field_name) == ("" if kind == "text" else None)


@pytest.mark.parametrize("name", PERSONAL)
def test_the_access_export_holds_every_personal_field(walked: Walked, name: str) -> None:
    entity_type, field_name = _split(name)
    spec = specs(entity_type)[field_name]
    value = walked.filled.values[name]
    if spec.kind == "text":
        shown = value
    elif spec.kind == "date":
        shown = value.strftime("%d-%m-%Y")
    elif spec.kind == "code":
        assert spec.vocab is not None
        shown = spec.vocab.label(value, "nl")
    else:
        shown = str(value)
    assert shown in walked.export


@pytest.mark.parametrize("name", REPORTED_DATES)
def test_a_reported_date_keeps_only_its_quarter(walked: Walked, name: str) -> None:
    entity_type, field_name = _split(name)
    stored = walked.stored(entity_type)
    assert stored is not None, "a record kind with a reported field outlives destruction"
    expected = quarter_start(walked.filled.values[name])
    if (entity_type, field_name) == (Case, "closed_on"):
        expected = quarter_start(walked.filled.case.closed_on or TODAY)
    assert getattr(stored, field_name) == expected


def test_reported_values_other_than_dates_stay_as_they_were(walked: Walked) -> None:
    for entity_type in CASE_RECORDS:
        stored = walked.stored(entity_type)
        for field_name in reported_fields(entity_type):
            if specs(entity_type)[field_name].kind == "date":
                continue
            assert stored is not None
            expected = walked.filled.values[field_id(entity_type, field_name)]
            assert getattr(stored, field_name) == expected, field_id(entity_type, field_name)


# -- wiping only who the reporter is ------------------------------------------------------------


@pytest.fixture(scope="module")
def wiped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Filled, bytes]]:
    folder = tmp_path_factory.mktemp("wipe") / "kluis"
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=TEST_PARAMS)
    journal = Journal(vault.db)
    filled = fill(journal, tag="Wis")
    assert filled.case.id is not None
    wipe_reporter_identity(journal, filled.case.id, today=TODAY)
    yield filled, decrypted_database(folder, vault.data_key)
    vault.close()


@pytest.mark.parametrize("name", PERSONAL_TEXTS)
def test_wiping_the_reporter_removes_identity_and_nothing_else(
    wiped: tuple[Filled, bytes], name: str
) -> None:
    filled, pages = wiped
    assert (filled.values[name].encode() in pages) is (name not in IDENTITY), name


# -- search -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", TEXTS)
def test_search_finds_exactly_the_searchable_fields(journal: Journal, name: str) -> None:
    filled = fill(journal, tag="Zoek")
    entity_type, field_name = _split(name)
    hits = search(journal.db, filled.values[name])
    expected = field_name in searchable_fields(entity_type)
    assert bool(hits) is expected, (
        f"{name} is {'' if expected else 'not '}searchable in its spec but the index "
        "disagrees: the search index's triggers are schema, so a field becomes searchable "
        "with a migration (docs/architecture.md, 'Adding a field')"
    )
    if hits:
        assert {hit.source for hit in hits} == {TABLES[entity_type]}
