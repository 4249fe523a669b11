"""The one wrapper around a SQLCipher connection: pinned settings, transactions, error kinds.

Every SQL statement of the program runs through `Database`, so the cipher settings, the
durability settings and the translation of SQLite errors into our typed failures live in one
place (qutebrowser's `misc/sql.py` is the model).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import sqlcipher3
from sqlcipher3 import dbapi2

from .errors import ReadOnlyVaultError, StorageError, VaultDamagedError, VaultInUseError

# A row of a result: its columns by position or by name (row["id"]), as SQLite stores them
# (int, float, str, bytes or None). Typed by stubs/sqlcipher3, the driver ships no hints.
Row = sqlcipher3.Row
Params = Sequence[Any] | dict[str, Any]

# Pinned SQLCipher 4 settings. A raw key skips SQLCipher's own PBKDF2 (Argon2id already made
# the key), but page size, HMAC and KDF algorithm still define the file format.
EXPECTED_CIPHER_SETTINGS = {
    "cipher_page_size": "4096",
    "cipher_use_hmac": "1",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
    "cipher_plaintext_header_size": "0",
}

# SQLite's primary result codes (sqlite3.h), which the driver puts on every error it raises
# (`sqlite_errorcode`): what happened is read from them, never from the message's wording.
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_TOOBIG, SQLITE_CONSTRAINT = 13, 14, 18, 19
SQLITE_MISMATCH, SQLITE_NOLFS, SQLITE_RANGE, SQLITE_NOTADB = 20, 22, 25, 26
_STORAGE = {SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOLFS}
_DAMAGE = {SQLITE_CORRUPT, SQLITE_NOTADB}
_REFUSAL = {SQLITE_CONSTRAINT, SQLITE_MISMATCH, SQLITE_TOOBIG, SQLITE_RANGE}
_UNIQUE = "UNIQUE constraint failed:"
# The integrity check's page cache at most (KiB): a vault of 10,000 cases is 184 MiB.
_LARGEST_CHECK_CACHE_KIB = 1024 * 1024

# How the connection reaches the file: normally; read-only through the write-ahead log (needs
# an existing -shm file, never writes); or immutable (reads the main file only, no locks, no
# -wal or -shm at all — right only when the log holds nothing).
READ_WRITE = "rw"
READ_ONLY = "ro"
IMMUTABLE = "immutable"
# A commit this long after the last checkpoint folds the write-ahead log into the main file,
# so a damaged log can only ever cost the changes of the last few minutes.
CHECKPOINT_INTERVAL_SECONDS = 120.0


def raw_key_literal(key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form `x'<64 hex digits>'`, in a buffer the caller wipes."""
    literal = bytearray(b"x'")
    for byte in key:  # pair by pair: no whole copy of the key is ever made
        literal += _HEX_PAIRS[byte]
    literal += b"'"
    return literal


_HEX_PAIRS = tuple(f"{value:02x}".encode("ascii") for value in range(256))


class RecordRefused(ValueError):
    """The database's own rules refused a row (a CHECK, NOT NULL, a reference, a type)."""


class UniqueViolation(RecordRefused):
    """A UNIQUE constraint refused a row; `columns` names them, as "table.column"."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        super().__init__(", ".join(columns))
        self.columns = columns


def primary_code(exc: Exception) -> int | None:
    """SQLite's primary result code of a driver error (None: not an error from SQLite)."""
    code = getattr(exc, "sqlite_errorcode", None)
    # An extended code carries its primary code in the low byte.
    return code & 0xFF if isinstance(code, int) else None


def translate_error(exc: Exception) -> Exception:
    """Turn a SQLite error into the failure the VP is told about; anything else is a bug."""
    code = primary_code(exc)
    if code is None:
        raise exc
    if code in _STORAGE:
        return StorageError(str(exc))
    if code in _DAMAGE:
        return VaultDamagedError(str(exc))
    if code in _REFUSAL:
        text = str(exc)
        # SQLite names the columns of a UNIQUE refusal only in its message (the primary code
        # does not even say it was UNIQUE), so this one part is read from the text.
        if code == SQLITE_CONSTRAINT and text.startswith(_UNIQUE):
            return UniqueViolation(tuple(c.strip() for c in text[len(_UNIQUE) :].split(",")))
        return RecordRefused(text)
    raise exc


class Database:
    """An open, keyed SQLCipher database with our pinned settings."""

    def __init__(
        self, connection: sqlcipher3.Connection, path: Path, access: str = READ_WRITE
    ) -> None:
        self._conn = connection
        self.path = path
        self.access = access
        self._depth = 0
        self.checkpoint_interval = CHECKPOINT_INTERVAL_SECONDS
        self._last_checkpoint = time.monotonic()
        # One connection, sometimes used from a worker (backup, search) while the GUI thread
        # writes: statements and whole transactions take turns, never interleave.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, key: bytes | bytearray, *, access: str = READ_WRITE) -> Database:
        if len(key) != 32:
            raise ValueError("SQLCipher key must be 32 bytes")
        if access != READ_WRITE:
            return cls._open_read_only(path, key, access)
        try:
            if not path.exists():
                # SQLite would create it with the umask's mode; the -wal and -shm files then
                # copy whatever this file has. Private from the first byte.
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError as exc:
            raise StorageError(f"cannot create database: {exc.strerror}") from exc
        try:
            # check_same_thread off: the GUI derives the key and opens the database in a
            # worker, then hands the connection to the GUI thread; it is never shared at once.
            conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        except dbapi2.Error as exc:
            raise translate_error(exc) from exc
        database = cls(conn, path)
        try:
            database._configure(key)
        except dbapi2.Error as exc:
            conn.close()
            raise translate_error(exc) from exc
        except BaseException:
            conn.close()
            raise
        return database

    @classmethod
    def _open_read_only(cls, path: Path, key: bytes | bytearray, access: str) -> Database:
        mode = "mode=ro" if access == READ_ONLY else "mode=ro&immutable=1"
        uri = f"{Path(path).absolute().as_uri()}?{mode}"
        try:
            conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        except dbapi2.Error as exc:
            raise translate_error(exc) from exc
        database = cls(conn, path, access)
        try:
            database._configure(key)
        except dbapi2.Error as exc:
            conn.close()
            raise translate_error(exc) from exc
        except BaseException:
            conn.close()
            raise
        return database

    @property
    def read_only(self) -> bool:
        return self.access != READ_WRITE

    def _configure(self, key: bytes | bytearray) -> None:
        conn = self._conn
        conn.row_factory = Row
        # SQLCipher's own log goes to stderr; our typed errors say what the VP needs to know.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # sqlite3_key with SQLCipher's raw-key form x'…', built in a buffer we then wipe: a
        # `PRAGMA key` string would stay in the statement cache with the key in hex.
        raw_key = raw_key_literal(key)
        try:
            conn.set_key(raw_key)
        finally:
            raw_key[:] = bytes(len(raw_key))
        conn.execute("PRAGMA cipher_compatibility = 4")
        # The first real read proves the key: a wrong key or damaged file fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.enable_load_extension(False)
        writable = (
            # A read-only connection keeps the journal mode the file has.
            ("PRAGMA journal_mode = WAL",) if self.access == READ_WRITE else ()
        )
        for pragma in (
            "PRAGMA secure_delete = ON",
            "PRAGMA foreign_keys = ON",
            *writable,
            # FULL in WAL mode: a commit is on disk before it returns (durable commits).
            "PRAGMA synchronous = FULL",
            # Temporary tables and sort spills stay in memory: no plaintext temp files.
            "PRAGMA temp_store = MEMORY",
            "PRAGMA trusted_schema = OFF",
            "PRAGMA cell_size_check = ON",
            "PRAGMA busy_timeout = 2000",
            # 32 MiB of decrypted pages (default 2 MiB): an annual report reads the same
            # pages many times, and each miss costs a decryption (benchmarks: 2.1x -> 0.8x).
            "PRAGMA cache_size = -32768",
        ):
            conn.execute(pragma).fetchall()

    # -- queries ---------------------------------------------------------------------------

    def execute(self, sql: str, params: Params = ()) -> sqlcipher3.Cursor:
        with self._lock:
            try:
                return self._conn.execute(sql, params)
            except dbapi2.Error as exc:
                raise self._translate(exc) from exc

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        with self._lock:
            try:
                self._conn.executemany(sql, rows)
            except dbapi2.Error as exc:
                raise self._translate(exc) from exc

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        # Rows are decrypted as they are fetched, so damage can surface here, not in execute.
        with self._lock:
            try:
                # The connection's row_factory is Row (_configure): every row is one.
                return cast(list[Row], self._conn.execute(sql, params).fetchall())
            except dbapi2.Error as exc:
                raise self._translate(exc) from exc

    def query_one(self, sql: str, params: Params = ()) -> Row | None:
        with self._lock:
            try:
                return cast(Row | None, self._conn.execute(sql, params).fetchone())
            except dbapi2.Error as exc:
                raise self._translate(exc) from exc

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.query_one(sql, params)
        return None if row is None else row[0]

    def pragma(self, name: str) -> str | None:
        row = self.query_one(f"PRAGMA {name}")
        return None if row is None else str(row[0])

    def _translate(self, exc: Exception) -> Exception:
        if self.read_only and primary_code(exc) == SQLITE_READONLY:
            return ReadOnlyVaultError(str(exc))
        return translate_error(exc)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """BEGIN IMMEDIATE … COMMIT; nested calls join the outer transaction."""
        if self.read_only and not self._depth:
            raise ReadOnlyVaultError("a change asked of a read-only opening")
        with self._lock, self._transaction() as database:
            yield database

    @contextlib.contextmanager
    def read_transaction(self) -> Iterator[Database]:
        """BEGIN (deferred) … COMMIT: every read inside sees one state of the vault, and it
        works on a read-only opening too. Nested in a transaction, it joins that one."""
        with self._lock:
            if self._depth:
                yield self
                return
            self.execute("BEGIN")
            self._depth = 1
            try:
                yield self
            finally:
                self._depth = 0
                with contextlib.suppress(dbapi2.Error):
                    self._conn.execute("COMMIT")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Database]:
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            with contextlib.suppress(dbapi2.Error):
                self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except dbapi2.Error as exc:
            with contextlib.suppress(dbapi2.Error):
                self._conn.execute("ROLLBACK")
            raise translate_error(exc) from exc
        self._checkpoint_when_due()

    def _checkpoint_when_due(self) -> None:
        if time.monotonic() - self._last_checkpoint < self.checkpoint_interval:
            return
        # PASSIVE: never waits for a reader (a backup in progress); what it cannot fold in
        # now, the next one will. The commit has succeeded whatever happens here.
        with contextlib.suppress(dbapi2.Error):
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        self._last_checkpoint = time.monotonic()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[Database]:
        """Nothing else runs on this connection meanwhile (not even a transaction of another
        thread): for taking a snapshot that must begin with an empty write-ahead log."""
        with self._lock:
            yield self

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    # -- maintenance -----------------------------------------------------------------------

    @property
    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def set_user_version(self, version: int) -> None:
        self.execute(f"PRAGMA user_version = {int(version)}")

    def checkpoint(self, *, complete: bool = False) -> None:
        """Fold the WAL into the main file so a file copy of it is complete.

        With `complete`, a checkpoint that another reader kept from finishing is an error
        (the main file alone would then not hold every commit).
        """
        if self.read_only:
            return
        row = self.query_one("PRAGMA wal_checkpoint(TRUNCATE)")
        self._last_checkpoint = time.monotonic()
        if complete and row is not None and int(row[0]) != 0:
            raise VaultInUseError("the write-ahead log could not be folded in (busy)")

    def integrity_problems(self) -> list[str]:
        """Every problem SQLCipher's HMAC check and SQLite's structural checks find."""
        problems: list[str] = []
        try:
            problems += [str(r[0]) for r in self.query("PRAGMA cipher_integrity_check")]
            with self._whole_file_cached():
                integrity = [str(r[0]) for r in self.query("PRAGMA integrity_check")]
                if integrity != ["ok"]:
                    problems += integrity
                problems += [
                    f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
                    for row in self.query("PRAGMA foreign_key_check")
                ]
        except VaultDamagedError as damage:
            problems.append(f"unreadable: {damage.detail}")
        return problems

    @contextlib.contextmanager
    def _whole_file_cached(self) -> Iterator[None]:
        """A page cache that holds the whole file for as long as the block runs.

        The structural check visits the pages of every index again for each row; with the
        usual cache SQLCipher decrypts and authenticates them again each time (2.6 s against
        1.0 s for a 184 MiB vault). The cache is memory only, decrypted pages of our own
        process, and shrinks back afterwards.
        """
        previous = int(self.scalar("PRAGMA cache_size"))
        pages = int(self.scalar("PRAGMA page_count"))
        page_kib = int(self.scalar("PRAGMA page_size")) // 1024 or 1
        whole = min(pages * page_kib + pages * page_kib // 8, _LARGEST_CHECK_CACHE_KIB)
        if whole > -previous:
            self.execute(f"PRAGMA cache_size = {-whole}")
        try:
            yield
        finally:
            self.execute(f"PRAGMA cache_size = {previous}")

    def vacuum(self) -> None:
        self.execute("VACUUM")

    def close(self) -> None:
        # In turn, like every statement: a worker's search may be reading right now.
        with self._lock, contextlib.suppress(dbapi2.Error):
            self._conn.close()

    @property
    def raw_connection(self) -> sqlcipher3.Connection:
        """For the migration runner only: migrations talk SQL to the connection directly."""
        return self._conn
