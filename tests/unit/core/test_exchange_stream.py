"""The streamed import reads a file exactly as the whole-document import reads its parse:
same records, same refusals with the same place named — whatever the file, wherever the
reader's window happens to cut it, and whatever order its tables come in.

(The whole-document path is tested in depth in test_exchange.py; here every outcome of the
streamed path is held against it.)
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpnotebook.core.exchange import (
    FORMAT_VERSION,
    ImportFormatError,
    dumps_document,
    export_journal,
    import_file,
    import_journal,
    parse_document,
    write_export,
)
from vpnotebook.core.exchange import reading as reading_module
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, Reporter
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

PASSPHRASE = "correct paard batterij niet"
stream_settings = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("bron")
    vault, _ = Vault.create(folder / "v", PASSPHRASE, kdf_params=TEST_PARAMS)
    with vault:
        journal = Journal(vault.db)
        org = journal.add(Organisation(name="Zorggroep Ærø 🌷", notes='aan "het" \\ eind\n'))
        for n in range(12):
            case = journal.add(
                Case(
                    organisation_id=org.id,
                    first_contact=__import__("datetime").date(2025, 1 + n % 12, 3),
                    contact_type="report",
                    reporter_role="employee",
                    categories=("bullying", "integrity")[: 1 + n % 2],
                    title=f"Melding {n} — ë",
                )
            )
            journal.add(Reporter(case_id=case.id, name=f"Melder {n}"))
            journal.add(
                Conversation(case_id=case.id, held_on=case.first_contact, story="regel\n" * (n + 1))
            )
        journal.set_setting("vp_name", "Ëva")
        write_export(journal, folder / "export.json")
    return (folder / "export.json").read_bytes()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    vault, _ = Vault.create(tmp_path / "doel", PASSPHRASE, kdf_params=TEST_PARAMS)
    try:
        yield Journal(vault.db)
    finally:
        vault.close()


def _outcome(action: Any) -> tuple[str, Any]:
    try:
        summary = action()
    except ImportFormatError as error:
        return "refused", (error.message("en"), error.table, error.index, error.field)
    return "imported", summary.counts


def _both(journal: Journal, data: bytes, path: Path) -> tuple[tuple[str, Any], tuple[str, Any]]:
    """The outcome of the streamed import of `data`, and of parse-then-import; the vault is
    emptied again after each."""
    path.write_bytes(data)
    streamed = _outcome(lambda: import_file(journal, path))
    after_stream = export_journal(journal)["records"]
    _empty(journal)
    in_memory = _outcome(lambda: import_journal(journal, parse_document(data)))
    after_memory = export_journal(journal)["records"]
    _empty(journal)
    assert after_stream == after_memory
    return streamed, in_memory


def _empty(journal: Journal) -> None:
    from vpnotebook.core.exchange import RECORD_TABLES

    with journal.db.transaction():
        for table in (*reversed(RECORD_TABLES), "case_categories", "settings"):
            journal.db.execute(f"DELETE FROM {table}")


@pytest.fixture(params=[7, 64, 1 << 20], ids=["7-byte window", "64-byte window", "1 MiB"])
def window(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """The reader's read size: tiny windows cut every token, string and escape somewhere."""
    monkeypatch.setattr(reading_module, "_READ_BYTES", request.param)
    return int(request.param)


def test_a_streamed_import_brings_back_what_was_exported(
    exported: bytes, journal: Journal, tmp_path: Path, window: int
) -> None:
    streamed, in_memory = _both(journal, exported, tmp_path / "import.json")
    assert streamed == in_memory and streamed[0] == "imported"
    assert streamed[1]["cases"] == 12


def test_tables_in_another_order_import_the_same(
    exported: bytes, journal: Journal, tmp_path: Path, window: int
) -> None:
    document = json.loads(exported)
    names = list(document["records"])
    random.Random(5).shuffle(names)
    document["records"] = {name: document["records"][name] for name in reversed(names)}
    data = json.dumps(document, indent=1).encode()
    streamed, in_memory = _both(journal, data, tmp_path / "import.json")
    assert streamed == in_memory and streamed[0] == "imported"


@stream_settings
@given(data=st.data())
def test_fuzz_truncated_and_flipped_files_get_the_same_answer_both_ways(
    exported: bytes, journal: Journal, tmp_path: Path, window: int, data: Any
) -> None:
    raw = bytearray(exported)
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    for _ in range(data.draw(st.integers(0, 3))):
        if raw:
            where = data.draw(st.integers(0, len(raw) - 1))
            raw[where] = data.draw(st.integers(0, 255))
    streamed, in_memory = _both(journal, bytes(raw), tmp_path / "import.json")
    assert streamed == in_memory


@pytest.mark.parametrize(
    "text",
    [
        b"",
        b"   ",
        b"[]",
        b'{"format": "vpnotebook-export",}',
        b'{"format": "vpnotebook-export", "format": "x"}',
        b'{"format": "vpnotebook-export", "version": 1, "records": {"cases": {}, "cases": []}}',
        b'{"format": "vpnotebook-export", "version": 1, "records": []}',
        b'{"format": "vpnotebook-export", "version": 1, "records": {"cases": 3}}',
        b'{"format": "vpnotebook-export", "version": 1, "records": {"x": []}}',
        b'{"format": "vpnotebook-export", "version": 1, "records": {}} {}',
        b'{"format": "vpnotebook-export", "version": 1, "records": {}}\n\t ',
        b'{"format": "vpnotebook-export", "version": 1, "settings": {"a": "\xc3\xa9"}, "records": {}}',
        b'{"version": 1, "records": {}, "format": "vpnotebook-export"}',
        b'\xef\xbb\xbf{"format": "vpnotebook-export", "version": 1, "records": {}}',
        b'\xef\xbb\xbf{"format": "vpnotebook-export\xff", "version": 1, "records": {}}',
        b'{"format": "vpnotebook-export", "version": 1, "records": {"cases": [{"id": 1}]\xe2\x80',
        b'{"format": "vpnotebook-export", "version": 1e400, "records": {}}',
    ],
)
def test_edge_files_get_the_same_answer_both_ways(
    text: bytes, journal: Journal, tmp_path: Path, window: int
) -> None:
    def in_memory() -> tuple[str, Any]:
        try:
            document = parse_document(text)
        except ImportFormatError as error:
            return "refused", (error.message("en"), error.table, error.index, error.field)
        return _outcome(lambda: import_journal(journal, document))

    path = tmp_path / "import.json"
    path.write_bytes(text)
    streamed = _outcome(lambda: import_file(journal, path))
    _empty(journal)
    # Both say where; Python 3.13's json puts a trailing comma's error on the comma, one
    # column before the brace that the streaming reader (and older Pythons) name.
    assert _without_column(streamed) == _without_column(in_memory())


def _without_column(outcome: tuple[str, Any]) -> tuple[str, Any]:
    return outcome[0], re.sub(r", column \d+\)", ")", repr(outcome[1]))


def test_the_export_is_written_as_the_whole_document_would_be(
    exported: bytes, journal: Journal, tmp_path: Path
) -> None:
    document = json.loads(exported)
    assert dumps_document(document) == exported


def test_a_file_cut_after_a_number_is_refused_at_the_same_place_both_ways(
    exported: bytes, journal: Journal, tmp_path: Path, window: int
) -> None:
    # Found by the fuzz test: a window that ends on a number at the end of the file moved
    # under the decoder, and the refusal named a column past the end of the line.
    version = f'"version": {FORMAT_VERSION}'.encode()
    cut = exported[: exported.index(version) + len(version)]
    streamed, in_memory = _both(journal, cut, tmp_path / "import.json")
    assert streamed == in_memory and streamed[0] == "refused"
