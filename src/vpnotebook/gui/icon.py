"""The program's own icon: the PNG sizes shipped in vpnotebook.resources/icons.

PNGs, not the SVG: they need no Qt SVG plugin (the frozen program leaves it out) and were
rendered from the SVG by packaging/render_icons.py. Up to 512 px covers high-DPI screens.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

APP_ID = "nl.vpnotebook.VPNotebook"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    folder = Path(str(resources.files("vpnotebook.resources") / "icons"))
    icon = QIcon()
    for size in SIZES:
        path = folder / f"{APP_ID}-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
