"""The screen's shape, remembered between sessions: splitter positions and column widths.

Only geometry goes into the settings file (numbers under fixed keys such as
"layout/cases.split"), never anything from the vault: the file is not encrypted. A session
made without a main window (tests, tools) keeps the shape in memory only.
"""

from __future__ import annotations

import re
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QSplitter

_KEY = re.compile(r"^[a-z][a-z0-9_.]*$")


class SizesStore(Protocol):
    def layout_sizes(self, key: str) -> list[int] | None: ...

    def set_layout_sizes(self, key: str, sizes: list[int]) -> None: ...


class MemoryStore:
    """The shape for this run only."""

    def __init__(self) -> None:
        self._sizes: dict[str, list[int]] = {}

    def layout_sizes(self, key: str) -> list[int] | None:
        return self._sizes.get(key)

    def set_layout_sizes(self, key: str, sizes: list[int]) -> None:
        self._sizes[key] = list(sizes)


class LayoutMemory(QObject):
    """Restores a splitter's or a table header's sizes and keeps them when the VP moves them."""

    def __init__(self, store: SizesStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: SizesStore = store or MemoryStore()

    def splitter(self, splitter: QSplitter, key: str, default: list[int]) -> None:
        """Give `splitter` its remembered sizes (else `default`); remember every move."""
        _check(key)
        sizes = self.store.layout_sizes(f"{key}.split")
        if sizes is None or len(sizes) != splitter.count() or not any(sizes):
            sizes = default
        splitter.setSizes(sizes)
        splitter.splitterMoved.connect(
            lambda _pos, _index: self.store.set_layout_sizes(f"{key}.split", splitter.sizes())
        )

    def columns(self, header: QHeaderView, key: str) -> None:
        """Column widths the VP dragged come back next time (after the model filled them)."""
        _check(key)
        sizes = self.store.layout_sizes(f"{key}.columns")

        def restore() -> None:
            if sizes is None or len(sizes) != header.count():
                return
            for index, width in enumerate(sizes):
                if header.sectionResizeMode(index) == QHeaderView.ResizeMode.Interactive:
                    header.resizeSection(index, max(width, header.minimumSectionSize()))

        QTimer.singleShot(0, restore)

        def keep(_index: int, _old: int, _new: int) -> None:
            widths = [header.sectionSize(i) for i in range(header.count())]
            self.store.set_layout_sizes(f"{key}.columns", widths)

        header.sectionResized.connect(keep)


def _check(key: str) -> None:
    # A fixed name from the code, never text from the vault.
    if not _KEY.match(key):
        raise ValueError(f"not a layout key: {key!r}")
