"""An unexpected error: a Dutch message, and a report that holds nothing from a case."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from vpnotebook.gui.crash import CrashHandler
from vpnotebook.vault.errors import StorageError

MARKER = "Geheimenaam Marjolein Stokvis"


def _fail_with_content() -> None:
    reporter_name = MARKER  # noqa: F841 - a local that a careless report would print
    raise ValueError(f"kon {MARKER} niet opslaan")


def test_the_report_has_where_but_never_what(tmp_path: Path, answers) -> None:
    handler = CrashHandler(report_folder=tmp_path)
    try:
        _fail_with_content()
    except ValueError:
        handler.handle(*sys.exc_info())
    assert handler.last_report is not None
    report = handler.last_report.read_text(encoding="utf-8")
    assert "builtins.ValueError" in report
    assert "test_crash_handler.py" in report and "_fail_with_content" in report
    assert MARKER not in report and "Marjolein" not in report and "opslaan" not in report
    assert handler.last_report.stat().st_mode & 0o077 == 0
    [(kind, _title, text)] = answers
    assert kind == "error" and "foutrapport" in text and MARKER not in text


def test_install_replaces_the_hooks(tmp_path: Path) -> None:
    import threading

    before = sys.excepthook, threading.excepthook
    try:
        handler = CrashHandler(report_folder=tmp_path)
        handler.install()
        assert sys.excepthook == handler.handle
    finally:
        sys.excepthook, threading.excepthook = before


@pytest.mark.qt_no_exception_capture
def test_a_full_disk_behind_any_screen_gets_its_own_message_and_no_report(
    tmp_path: Path, answers, qtbot, monkeypatch
) -> None:
    # A write from a screen that only expects validation errors: the storage error leaves
    # its slot and reaches the handler, as it would in the running program.
    handler = CrashHandler(report_folder=tmp_path / "rapporten")
    monkeypatch.setattr(sys, "excepthook", handler.handle)

    def save_on_a_full_disk() -> None:
        raise StorageError("database or disk is full")

    QTimer.singleShot(0, save_on_a_full_disk)
    qtbot.waitUntil(lambda: bool(answers))
    assert answers == [("error", "Niet gelukt", StorageError.message_nl)]
    assert handler.last_report is None and not (tmp_path / "rapporten").exists()
