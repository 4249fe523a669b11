"""Licence texts and third-party notices for the frozen program (used by vpnotebook.spec).

What goes in is derived from what the bundle holds, not listed by hand: every file the
analysis collected is traced back to the Python distribution that installed it, and each
such distribution's own licence files are copied (the real texts it ships). Parts that a
wheel embeds without shipping their licence (Qt in PySide6; SQLCipher and OpenSSL inside
sqlcipher3) come from packaging/licenses/. Python's own licence comes from the interpreter,
and each system library bundled on Debian/Ubuntu brings its package's copyright file.

    notices.write(folder, sources)  ->  [(file, destination folder in the bundle), ...]

Layout in the bundle (under licenses/): LICENSE (vpnotebook, GPL-3.0-or-later),
THIRD-PARTY-NOTICES.txt (one entry per component), and one folder per component.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from vpnotebook.notices import EMBEDDED_NOTE, licence_of, normalise

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COMMITTED = HERE / "licenses"
# Parts inside a wheel whose licence the wheel does not ship (normalised distribution names).
EMBEDDED = {
    "pyside6-essentials": ["Qt-LGPL-3.0.txt"],
    "pyside6-addons": ["Qt-LGPL-3.0.txt"],
    "pyside6-pdf": ["Qt-LGPL-3.0.txt"],
    "shiboken6": ["Qt-LGPL-3.0.txt"],
    "sqlcipher3": ["SQLCipher-BSD-3-Clause.txt", "OpenSSL-Apache-2.0.txt"],
}
LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS|COPYRIGHT)", re.IGNORECASE)


def _index() -> dict[str, metadata.Distribution]:
    """Every installed file (resolved path) -> the distribution that installed it."""
    owners: dict[str, metadata.Distribution] = {}
    for dist in metadata.distributions():
        for file in dist.files or []:
            owners[os.path.normcase(str(Path(str(dist.locate_file(file))).resolve()))] = dist
    return owners


def distributions_of(sources: Iterable[str]) -> dict[str, metadata.Distribution]:
    owners = _index()
    found: dict[str, metadata.Distribution] = {}
    for source in sources:
        dist = owners.get(os.path.normcase(str(Path(source).resolve())))
        if dist is not None:
            found[normalise(dist.metadata["Name"])] = dist
    return found


def licence_files(dist: metadata.Distribution) -> list[tuple[Path, Path]]:
    """(file, path relative to the component's folder) for the licence files it ships."""
    files = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        in_info = parts[0].endswith(".dist-info")
        if in_info and len(parts) > 2 and parts[1] == "licenses":
            relative = Path(*parts[2:])
        elif LICENCE_NAME.search(parts[-1]) and not parts[-1].endswith((".py", ".pyc")):
            relative = Path(parts[-1]) if in_info else Path(*parts)
        else:
            continue
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            files.append((path, relative))
    return sorted(files, key=lambda pair: str(pair[1]))


def python_licence() -> Path | None:
    candidates = [Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"]
    candidates += [Path(sys.base_prefix) / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE"]
    return next((path for path in candidates if path.is_file()), None)


def debian_copyrights(sources: Iterable[str]) -> dict[str, Path]:
    """Debian package -> its copyright file, for each bundled library that a package owns."""
    if shutil.which("dpkg-query") is None:
        return {}
    paths = sorted(
        {str(Path(source).resolve()) for source in sources if "site-packages" not in source}
    )
    if not paths:
        return {}
    done = subprocess.run(["dpkg-query", "-S", *paths], capture_output=True, text=True)
    found = {}
    for line in done.stdout.splitlines():
        package = line.split(":", 1)[0].strip()
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            found[package] = copyright_file
    return found


def write(folder: Path, sources: Iterable[str]) -> list[tuple[str, str]]:
    """Write the notices for a bundle made of `sources` into `folder`; return PyInstaller
    datas entries (file, destination folder) that place them under licenses/."""
    sources = list(sources)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    entries: list[str] = []

    def copy(source: Path, relative: Path) -> None:
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        # pypdfium2 ships some licence files as "#include ./SHARED/Apache-2.0.txt": ship the
        # text they point at, so every file in the bundle is a licence text on its own.
        head = source.read_bytes()[:200]
        if head.startswith(b"#include ") and b"\n" not in head.strip():
            included = (source.parent / head[len(b"#include ") :].strip().decode()).resolve()
            if included.is_file():
                source = included
        shutil.copyfile(source, target)

    copy(ROOT / "LICENSE", Path("LICENSE"))
    entries.append("vpnotebook: GPL-3.0-or-later. LICENSE")
    python = python_licence()
    if python is not None:
        copy(python, Path("python") / "LICENSE.txt")
        entries.append(f"Python {sys.version.split()[0]}: PSF-2.0. python/")
    for name, dist in sorted(distributions_of(sources).items()):
        if name == "vpnotebook-nl":
            continue
        shipped = licence_files(dist)
        for path, relative in shipped:
            copy(path, Path(name) / relative)
        for text in EMBEDDED.get(name, []):
            copy(COMMITTED / text, Path(name) / text)
        if not shipped and name not in EMBEDDED:
            raise SystemExit(f"{name} ships no licence file: add its text to packaging/licenses/")
        licence = EMBEDDED_NOTE.get(name) or licence_of(dist)
        entries.append(f"{name} {dist.version}: {licence}. {name}/")
    for package, copyright_file in sorted(debian_copyrights(sources).items()):
        copy(copyright_file, Path("debian") / f"{package}.copyright")
        entries.append(f"{package} (system library, Debian package): debian/{package}.copyright")
    notice = [
        "vpnotebook bundles the following components. Each folder here holds the licence",
        "texts the component ships with. vpnotebook itself is free software under the GNU",
        "General Public License, version 3 or later (LICENSE).",
        "",
        *[f"- {line}" for line in entries],
        "",
    ]
    (folder / "THIRD-PARTY-NOTICES.txt").write_text("\n".join(notice), encoding="utf-8")
    return [
        (str(path), str(Path("licenses") / path.parent.relative_to(folder)))
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]
