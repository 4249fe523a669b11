"""What the program says about itself: version, licence, and the parts of others it uses.

The "Over vpnotebook" window reads this. In a frozen bundle the notices are the files that
packaging/notices.py wrote into it (licenses/THIRD-PARTY-NOTICES.txt and the texts beside
it); in an installed wheel or a checkout they are derived here from the installed
distributions that vpnotebook depends on, read from their own metadata. Both ways name the
parts a wheel embeds without its own licence file (Qt in PySide6; SQLCipher and OpenSSL in
sqlcipher3) the same way, from EMBEDDED_NOTE.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__

DISTRIBUTION = "vpnotebook-nl"
LICENCE = "GPL-3.0-or-later"
# What the licence texts committed in packaging/licenses/ cover, for the parts a wheel embeds
# without shipping their licence (normalised distribution names).
EMBEDDED_NOTE = {
    "pyside6-essentials": "Qt 6 under LGPL-3.0",
    "pyside6-addons": "Qt 6 under LGPL-3.0",
    "pyside6-pdf": "Qt 6 under LGPL-3.0",
    "shiboken6": "Qt 6 under LGPL-3.0",
    "sqlcipher3": "pysqlite under Zlib; embeds SQLCipher (BSD-3-Clause) and OpenSSL (Apache-2.0)",
}
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA = re.compile(r"\bextra\s*==")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: its SPDX expression, else its classifiers, else
    the first line of its free-text licence field."""
    fields: Any = dist.metadata  # an email.message.Message: .get() is there, the stubs lack it
    expression = fields.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        value.rsplit("::", 1)[-1].strip()
        for value in dist.metadata.get_all("Classifier") or []
        if value.startswith("License ::")
    ]
    if classifiers:
        return " / ".join(classifiers)
    text = (fields.get("License") or "").strip().splitlines()
    return text[0][:80] if text else "see the licence files"


def bundle_folder() -> Path | None:
    """The licences folder of a frozen bundle, or None when running from an installation."""
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or base is None:
        return None
    folder = Path(base) / "licenses"
    return folder if folder.is_dir() else None


def licence_text() -> str:
    """The full text of vpnotebook's own licence (the GPL), as shipped with the program."""
    folder = bundle_folder()
    if folder is not None and (folder / "LICENSE").is_file():
        return (folder / "LICENSE").read_text(encoding="utf-8")
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return ""
    for file in dist.files or []:
        if Path(str(file)).name in ("LICENSE", "LICENSE.txt", "COPYING"):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                return path.read_text(encoding="utf-8")
    return ""


def components() -> list[Component]:
    """Every installed distribution vpnotebook depends on, directly or not, by name.

    Requirements for extras (the test tools) are left out, and those whose environment
    marker does not hold here (when the `packaging` library is there to evaluate it).
    """
    found: dict[str, Component] = {}
    waiting = _requirements(DISTRIBUTION)
    while waiting:
        name = normalise(waiting.pop())
        if name in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        licence = EMBEDDED_NOTE.get(name) or licence_of(dist)
        found[name] = Component(str(dist.metadata["Name"]), dist.version, licence)
        waiting += _requirements(name)
    return sorted(found.values(), key=lambda component: component.name.lower())


def _requirements(name: str) -> list[str]:
    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requires:
        name, _, marker = requirement.partition(";")
        if _EXTRA.search(marker) or not _applies(marker):
            continue
        match = _NAME.match(name)
        if match:
            names.append(match.group(1))
    return names


def _applies(marker: str) -> bool:
    """Whether an environment marker holds here; True when it cannot be evaluated."""
    if not marker.strip():
        return True
    try:
        from packaging.markers import InvalidMarker, Marker
    except ImportError:  # not installed with the program: count the requirement
        return True
    try:
        return bool(Marker(marker).evaluate())
    except InvalidMarker:
        return True


def third_party_notices() -> str:
    """The notice text: from the bundle when frozen, else derived from what is installed."""
    folder = bundle_folder()
    if folder is not None and (folder / "THIRD-PARTY-NOTICES.txt").is_file():
        return (folder / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    lines = [
        f"vpnotebook {__version__}: {LICENCE}.",
        f"Python {sys.version.split()[0]}: PSF-2.0.",
        *(f"{c.name} {c.version}: {c.licence}." for c in components()),
    ]
    return "\n".join(lines) + "\n"
