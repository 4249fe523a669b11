"""The window on a real laptop: 1366 × 768 at 100 %, and 1280 × 720 at 150 % (853 × 480 points).

Each screen runs in a process of its own (the screen and the scale are fixed when Qt starts),
driven by tests/gui/layout_probe.py over a demo vault: every page, every tab of an open and a
closed case, and every dialog, measured at the largest size the screen allows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PROBE = Path(__file__).with_name("layout_probe.py")
# The brief's bound, and what a 1280-wide screen at 150 % leaves for a window with its frame.
MINIMUM_WIDTH_LIMIT = 1000


def _measure(tmp_path: Path, width: int, height: int, scale: float) -> dict[str, Any]:
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "measured.json"
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    env["QT_SCALE_FACTOR"] = str(scale)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, str(PROBE), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def laptop_150(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _measure(tmp_path_factory.mktemp("at150"), 1280, 720, 1.5)


@pytest.fixture(scope="module")
def laptop_100(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _measure(tmp_path_factory.mktemp("at100"), 1366, 768, 1.0)


def test_the_screen_is_the_one_asked_for(laptop_150: dict[str, Any]) -> None:
    assert laptop_150["screen"] == [853, 480] and laptop_150["scale"] == 1.5


@pytest.mark.parametrize("measured", ["laptop_150", "laptop_100"])
def test_the_window_fits_the_screen(measured: str, request: pytest.FixtureRequest) -> None:
    result = request.getfixturevalue(measured)
    width, height = result["window_minimum"]
    assert width <= MINIMUM_WIDTH_LIMIT, f"minimum window width {width} px"
    assert width <= result["screen"][0], result["window_minimum"]
    assert height <= result["screen"][1], result["window_minimum"]
    assert result["window"][0] <= result["screen"][0]
    wizard_width, wizard_height = result["wizard_minimum"]
    assert wizard_width <= result["screen"][0] and wizard_height <= result["screen"][1]


@pytest.mark.parametrize("measured", ["laptop_150", "laptop_100"])
def test_no_page_or_case_tab_is_cut_off(measured: str, request: pytest.FixtureRequest) -> None:
    result = request.getfixturevalue(measured)
    # Nine pages, and an open and a closed case at each of their six tabs.
    assert len(result["pages"]) == 9 + 2 * 6
    cut = {page: found for page, found in result["pages"].items() if found}
    assert not cut, cut


@pytest.mark.parametrize("measured", ["laptop_150", "laptop_100"])
def test_every_dialog_fits_and_nothing_in_it_is_cut_off(
    measured: str, request: pytest.FixtureRequest
) -> None:
    result = request.getfixturevalue(measured)
    room = result["screen"]
    assert len(result["dialogs"]) >= 11
    for name, dialog in result["dialogs"].items():
        assert dialog["minimum"][0] <= room[0] and dialog["minimum"][1] <= room[1], name
        assert dialog["size"][0] <= room[0] and dialog["size"][1] <= room[1], name
        assert not dialog["problems"], (name, dialog["problems"])
