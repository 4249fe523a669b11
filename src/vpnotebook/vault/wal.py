"""Reading SQLite's write-ahead log (`vault.db-wal`) ourselves, before SQLite does.

SQLite's recovery replays the log up to the last commit before the first frame whose salt or
checksum does not match, and silently drops everything after it — committed transactions
included. So before the database is opened, the log is walked here with SQLite's own rules
(https://www.sqlite.org/fileformat2.html#walformat): header, frames, the cumulative
Fletcher-style checksums and the salts. The walk says which frames SQLite will use, and
whether committed work lies beyond the point where it will stop. The same walk lets a
read-only backup include the log's committed pages without SQLite writing anything.

The frames hold SQLCipher pages, which stay encrypted: nothing here sees plaintext.
"""

from __future__ import annotations

import io
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

WAL_HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24
_MAGIC_LITTLE = 0x377F0682
_MAGIC_BIG = 0x377F0683
_HEADER = struct.Struct(">IIIIIIII")
_FRAME = struct.Struct(">IIIIII")
_MASK = 0xFFFFFFFF


@dataclass(frozen=True)
class WalReport:
    """What a walk of the log found.

    `committed_frames`: how many frames, from the start, SQLite will replay (up to and
    including the last valid commit frame). `lost_commits`: commit frames of this log's
    generation that lie beyond the point where SQLite stops — committed work it will drop.
    """

    size: int
    page_size: int
    frames: int
    committed_frames: int
    stopped_at: int | None  # index of the first frame SQLite will not accept, if any
    lost_commits: int
    header_damaged: bool

    @property
    def damaged(self) -> bool:
        return self.lost_commits > 0 or self.header_damaged

    @property
    def empty(self) -> bool:
        return self.committed_frames == 0


EMPTY = WalReport(0, 0, 0, 0, None, 0, False)


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    it = iter(words)
    for first in it:
        second = next(it)
        s0 = (s0 + first + s1) & _MASK
        s1 = (s1 + second + s0) & _MASK
    return s0, s1


def inspect(path: Path) -> WalReport:
    """Walk the log at `path` (absent or empty: nothing to replay)."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below; absent is a normal case
    except FileNotFoundError:
        return EMPTY
    with handle:
        return _walk(handle)


def _walk(handle: BinaryIO) -> WalReport:
    header = handle.read(WAL_HEADER_SIZE)
    handle.seek(0, 2)
    size = handle.tell()
    if len(header) < WAL_HEADER_SIZE:
        return WalReport(size, 0, 0, 0, None, 0, False)
    magic, _version, page_size, _seq, salt1, salt2, check1, check2 = _HEADER.unpack(header)
    valid_page_size = 512 <= page_size <= 65536 and page_size & (page_size - 1) == 0
    frame_size = FRAME_HEADER_SIZE + page_size if valid_page_size else 0
    frames = (size - WAL_HEADER_SIZE) // frame_size if frame_size else 0
    big_endian = magic == _MAGIC_BIG
    header_ok = (
        magic in (_MAGIC_LITTLE, _MAGIC_BIG)
        and valid_page_size
        and _checksum(header[:24], 0, 0, big_endian) == (check1, check2)
    )
    if not header_ok:
        # SQLite then ignores the whole log: anything in it is lost.
        return WalReport(size, page_size, frames, 0, 0 if frames else None, 0, frames > 0)

    s0, s1 = check1, check2
    committed = 0
    stopped_at: int | None = None
    lost = 0
    for index, (frame_header, page) in enumerate(_frames(handle, page_size, frames)):
        pgno, commit_size, f_salt1, f_salt2, f_check1, f_check2 = _FRAME.unpack(frame_header)
        ours = (f_salt1, f_salt2) == (salt1, salt2)
        if stopped_at is None:
            if ours and pgno != 0:
                s0, s1 = _checksum(frame_header[:8], s0, s1, big_endian)
                s0, s1 = _checksum(page, s0, s1, big_endian)
                if (s0, s1) == (f_check1, f_check2):
                    if commit_size:
                        committed = index + 1
                    continue
            stopped_at = index
            # Frames of an older generation (a log restarted after a checkpoint) keep their
            # old salts: those are expected leftovers, never lost work. A frame of this
            # generation that fails is damage when it was a commit.
            if ours and commit_size:
                lost += 1
        elif ours and commit_size:
            lost += 1
    return WalReport(size, page_size, frames, committed, stopped_at, lost, False)


def _frames(handle: BinaryIO, page_size: int, count: int) -> Iterator[tuple[bytes, bytes]]:
    handle.seek(WAL_HEADER_SIZE)
    for _ in range(count):
        frame_header = handle.read(FRAME_HEADER_SIZE)
        page = handle.read(page_size)
        if len(page) < page_size:
            return
        yield frame_header, page


def committed_pages(path: Path, report: WalReport) -> tuple[dict[int, int], int]:
    """For the frames SQLite replays: page number -> file offset of its newest image, and
    the database size in pages after the last commit."""
    latest: dict[int, int] = {}
    database_pages = 0
    frame_size = FRAME_HEADER_SIZE + report.page_size
    with open(path, "rb") as handle:
        for index in range(report.committed_frames):
            offset = WAL_HEADER_SIZE + index * frame_size
            handle.seek(offset)
            pgno, commit_size, *_ = _FRAME.unpack(handle.read(FRAME_HEADER_SIZE))
            latest[pgno] = offset + FRAME_HEADER_SIZE
            if commit_size:
                database_pages = commit_size
    return latest, database_pages


class CheckpointedView(io.RawIOBase):
    """The main database file as a checkpoint of the log's committed frames would leave it.

    For a backup from a read-only opening, where SQLite may not fold the log in: the pages
    SQLite reads through the log are the pages copied, without writing a byte.
    """

    def __init__(self, database: Path, log: Path, report: WalReport) -> None:
        super().__init__()
        self._latest, pages = committed_pages(log, report)
        self._page_size = report.page_size
        self._database = open(database, "rb")  # noqa: SIM115 - closed in close()
        self._log = open(log, "rb")  # noqa: SIM115 - closed in close()
        self.size = pages * self._page_size if pages else os.fstat(self._database.fileno()).st_size
        self._position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(view) and self._position < self.size:
            page, within = divmod(self._position, self._page_size)
            count = min(len(view) - filled, self._page_size - within, self.size - self._position)
            offset = self._latest.get(page + 1)
            source, start = (
                (self._log, offset + within)
                if offset is not None
                else (self._database, self._position)
            )
            source.seek(start)
            data = source.read(count)
            data = data + bytes(count - len(data))  # past the main file's end: new pages
            view[filled : filled + count] = data
            filled += count
            self._position += count
        return filled

    def close(self) -> None:
        self._database.close()
        self._log.close()
        super().close()
