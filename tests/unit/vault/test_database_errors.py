"""Database failures are told apart by SQLite's result codes, never by the message's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from vpnotebook.vault.database import Database, RecordRefused, UniqueViolation, translate_error
from vpnotebook.vault.errors import StorageError, VaultDamagedError

KEY = bytes(range(32))


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database.open(tmp_path / "proef.db", KEY)
    database.execute(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER NOT NULL "
        "CHECK (n > 0), parent INTEGER REFERENCES t(id))"
    )
    return database


def _raised(exc: Exception) -> Exception:
    try:
        return translate_error(exc)
    except Exception as raised:
        return raised


def test_the_rules_of_the_table_are_refusals_with_the_columns_named(db: Database) -> None:
    db.execute("INSERT INTO t (id, name, n) VALUES (1, 'a', 1)")
    with pytest.raises(UniqueViolation) as caught:
        db.execute("INSERT INTO t (name, n) VALUES ('a', 2)")
    assert caught.value.columns == ("t.name",)
    for statement in (
        "INSERT INTO t (name, n) VALUES ('b', 0)",  # CHECK
        "INSERT INTO t (name) VALUES ('c')",  # NOT NULL
        "INSERT INTO t (name, n, parent) VALUES ('d', 1, 99)",  # the reference
        "INSERT INTO t (id, name, n) VALUES ('zes', 'e', 1)",  # a type SQLite will not take
    ):
        with pytest.raises(RecordRefused) as refused:
            db.execute(statement)
        assert not isinstance(refused.value, UniqueViolation), statement


def test_a_full_disk_and_a_read_only_file_are_storage_failures(db: Database) -> None:
    db.execute(f"PRAGMA max_page_count = {db.pragma('page_count')}")
    with pytest.raises(StorageError):
        db.execute("INSERT INTO t (name, n) VALUES (?, 1)", ("x" * 100_000,))
    db.execute("PRAGMA max_page_count = 1073741823")
    db.execute("PRAGMA query_only = ON")
    with pytest.raises(StorageError):
        db.execute("INSERT INTO t (name, n) VALUES ('ro', 1)")


def test_a_damaged_page_is_damage(tmp_path: Path, db: Database) -> None:
    db.executemany("INSERT INTO t (name, n) VALUES (?, 1)", [(f"{i}" * 300,) for i in range(40)])
    db.checkpoint()
    db.close()
    path = tmp_path / "proef.db"
    data = bytearray(path.read_bytes())
    for page in range(4096, len(data), 4096):  # one bit in every page but the first
        data[page + 200] ^= 0xFF
    path.write_bytes(bytes(data))
    damaged = Database.open(path, KEY)
    with pytest.raises(VaultDamagedError):
        damaged.query("SELECT * FROM t")
    damaged.close()


def test_a_wrong_key_reads_as_damage_at_opening(tmp_path: Path, db: Database) -> None:
    db.close()
    with pytest.raises(VaultDamagedError):
        Database.open(tmp_path / "proef.db", bytes(32))


def test_the_code_decides_not_the_wording() -> None:
    def error(kind: type[Exception], text: str, code: int) -> Exception:
        exc = kind(text)
        exc.sqlite_errorcode = code
        return exc

    # A translated or reworded message changes nothing ...
    assert isinstance(_raised(error(dbapi2.OperationalError, "schijf vol", 13)), StorageError)
    assert isinstance(_raised(error(dbapi2.DatabaseError, "kapot", 11)), VaultDamagedError)
    assert isinstance(_raised(error(dbapi2.DatabaseError, "kapot", 26)), VaultDamagedError)
    # ... an extended code counts by its primary code (SQLITE_IOERR_WRITE = 778) ...
    assert isinstance(_raised(error(dbapi2.OperationalError, "?", 778)), StorageError)
    # ... and words that sound like a full disk do not make a bug one.
    bug = error(dbapi2.OperationalError, "database or disk is full", 1)
    assert _raised(bug) is bug
    closed = dbapi2.ProgrammingError("Cannot operate on a closed database.")
    assert _raised(closed) is closed


def test_the_check_leaves_the_page_cache_as_it_found_it_also_on_damage(
    tmp_path: Path, db: Database
) -> None:
    # The structural check runs with a cache of the whole file (it revisits index pages);
    # afterwards the connection has its own cache size again, whatever the check found.
    db.executemany("INSERT INTO t (name, n) VALUES (?, 1)", [(f"{i}" * 300,) for i in range(400)])
    db.execute("PRAGMA cache_size = -300")
    assert db.integrity_problems() == []
    assert db.scalar("PRAGMA cache_size") == -300
    db.checkpoint()
    db.close()
    path = tmp_path / "proef.db"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    damaged = Database.open(path, KEY)
    damaged.execute("PRAGMA cache_size = -300")
    assert damaged.integrity_problems() != []
    assert damaged.scalar("PRAGMA cache_size") == -300
    damaged.close()
