"""The desktop start: `vpnotebook [--vault DIR]` shows the unlock window before it loads the rest.

A VP judges the start by how soon the window appears. Only the unlock screen is imported
before its first paint; cryptography, SQLCipher, the journal and the workspace follow in the
event-loop turn after it (gui/warm_up.py), and the other sub-commands' modules never load.
These tests run the real entry point in a subprocess and look at `sys.modules` at the first
paint, so an import added at the top of a start-up module shows up here, not in a benchmark.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vpnotebook.cli import _plain_desktop_start
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

# Loaded only after the first paint, or only when asked for.
NOT_BEFORE_FIRST_PAINT = (
    "cryptography",
    "sqlcipher3",
    "argon2",
    "zxcvbn",
    "vpnotebook.vault.vault",
    "vpnotebook.vault.backup",
    "vpnotebook.core.journal",
    "vpnotebook.gui.session",
    "vpnotebook.gui.workspace",
    "vpnotebook.gui.wizard.first_start",
    "vpnotebook.gui.unlock.recovery",
    "vpnotebook.cli.commands",
    "vpnotebook.report.annual_report",
    "PySide6.QtDBus",  # the screen-lock watcher starts at the first unlock
)
WARMED_UP = ("vpnotebook.vault.vault", "vpnotebook.gui.workspace", "vpnotebook.gui.today.page")

_PROBE = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import vpnotebook.gui.app as gui_app

report = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "first_paint" not in report:
            report["first_paint"] = sorted(sys.modules)
            # PySide6 builds the Qt namespace (all its enums) on first use: not yet, please.
            report["qt_namespace"] = "Qt" in vars(sys.modules["PySide6.QtCore"])
            # Two turns later: the warm-up was queued by the paint, and has run.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, leave))
        return False

def leave():
    report["after"] = sorted(sys.modules)
    report["screen"] = type(window_ref[0].stack.currentWidget()).__name__
    print(json.dumps(report), flush=True)
    os._exit(0)

window_ref = []
watch = Watch()

class Watched(gui_app.MainWindow):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        window_ref.append(self)
        self.unlock_screen.installEventFilter(watch)
        # A start that never shows the unlock screen (no vault yet) reports what it shows.
        QTimer.singleShot(3000, leave)

gui_app.MainWindow = Watched
from vpnotebook.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--vault", "kluis"], (True, Path("kluis"))),
        (["--vault=map met spatie"], (True, Path("map met spatie"))),
        (["--vault", "--help"], (False, None)),
        (["--vault="], (False, None)),
        (["--help"], (False, None)),
        (["--version"], (False, None)),
        (["check", "--vault", "kluis"], (False, None)),
        (["--vault", "kluis", "check"], (False, None)),
    ],
)
def test_only_a_plain_start_skips_the_argument_parser(
    argv: list[str], expected: tuple[bool, Path | None]
) -> None:
    assert _plain_desktop_start(argv) == expected


def _start(tmp_path: Path, *argv: str) -> dict[str, list[str] | str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("VPNOTEBOOK_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    finished = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_the_unlock_window_paints_before_the_vault_and_the_workspace_are_loaded(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kluis"
    vault, _code = Vault.create(folder, "eerst het venster", kdf_params=TEST_PARAMS)
    vault.close()

    report = _start(tmp_path, "--vault", str(folder))

    assert report["screen"] == "UnlockScreen"
    early = set(report["first_paint"])
    assert "vpnotebook.gui.unlock.screen" in early
    loaded_too_soon = [name for name in NOT_BEFORE_FIRST_PAINT if name in early]
    assert loaded_too_soon == []
    assert report["qt_namespace"] is False
    after = set(report["after"])
    assert set(WARMED_UP) <= after
    # The recovery dialog's dictionaries load only when the VP opens it.
    assert "zxcvbn" not in after


def test_a_start_without_a_vault_shows_the_first_start_wizard(tmp_path: Path) -> None:
    report = _start(tmp_path, "--vault", str(tmp_path / "nog-geen-kluis"))
    # The unlock screen never paints on this path; the wizard, imported on demand, shows.
    assert "first_paint" not in report
    assert report["screen"] == "QWidget"  # the holder that centres the wizard
    assert "vpnotebook.gui.wizard.first_start" in report["after"]
