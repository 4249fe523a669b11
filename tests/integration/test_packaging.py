"""Packaging: the desktop entry and AppStream metainfo are valid, and the wheel installs into a
clean venv and runs there.

The official validators (desktop-file-validate from desktop-file-utils, appstreamcli from
appstream) run when the machine has them. CI machines are fresh and a test must install
nothing, so the same two files also get a structural check in Python that always runs: the
keys, elements and values the specifications require, plus our own promises (one application
id everywhere, Dutch and English texts, the release matching pyproject's version). It knows
fewer rules than the validators, so where they are missing their tests are skipped with the
reason, not passed.

The wheel test builds the wheel from a copy of the sources (nothing is written into the
repository), installs it with its dependencies into a new venv (fast from pip's cache) and
runs it from there, outside the repository, headless.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from vpnotebook import __version__
from vpnotebook.gui.icon import APP_ID, SIZES

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "desktop" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
BINARY = next(iter(PYPROJECT["project"]["scripts"]))
VERSION = __version__  # the one version source (tests/unit/test_release.py)
DISTRIBUTION = PYPROJECT["project"]["name"].replace("-", "_")  # as in a wheel's file name
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PIP_TIMEOUT = 600

# -- the desktop entry -----------------------------------------------------------------------

# Desktop Entry Specification 1.5, "Recognized desktop entry keys" and "Registered categories".
DESKTOP_KEYS = {
    "Type", "Version", "Name", "GenericName", "NoDisplay", "Comment", "Icon", "Hidden",
    "OnlyShowIn", "NotShowIn", "DBusActivatable", "TryExec", "Exec", "Path", "Terminal",
    "Actions", "MimeType", "Categories", "Implements", "Keywords", "StartupNotify",
    "StartupWMClass", "URL", "PrefersNonDefaultGPU", "SingleMainWindow",
}  # fmt: skip
LOCALISABLE = {"Name", "GenericName", "Comment", "Keywords", "Icon"}
BOOLEANS = {"NoDisplay", "Hidden", "DBusActivatable", "Terminal", "StartupNotify"}
MAIN_CATEGORIES = {
    "AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
    "Network", "Office", "Science", "Settings", "System", "Utility",
}  # fmt: skip
ENTRY_LINE = re.compile(r"^([A-Za-z0-9-]+)(?:\[([A-Za-z_@.]+)\])?\s*=\s*(.*)$")


def read_desktop_entry(path: Path) -> dict[str, dict[tuple[str, str | None], str]]:
    """The groups of a desktop file; fails on anything the format does not allow."""
    groups: dict[str, dict[tuple[str, str | None], str]] = {}
    current: dict[tuple[str, str | None], str] | None = None
    text = path.read_bytes().decode("utf-8")  # the format is UTF-8, strictly
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            assert line.endswith("]"), f"line {number}: {line!r}"
            name = line[1:-1]
            assert name not in groups, f"line {number}: group {name} twice"
            current = groups[name] = {}
            continue
        match = ENTRY_LINE.match(line)
        assert match, f"line {number}: not a key=value line: {line!r}"
        assert current is not None, f"line {number}: key before the first group"
        key, locale, value = match.groups()
        assert (key, locale) not in current, f"line {number}: {key} twice"
        current[(key, locale)] = value
    return groups


def test_desktop_entry_structure() -> None:
    groups = read_desktop_entry(DESKTOP)
    assert next(iter(groups)) == "Desktop Entry"
    assert all(name.startswith("Desktop Action ") for name in list(groups)[1:])
    entry = groups["Desktop Entry"]
    for key, locale in entry:
        assert key in DESKTOP_KEYS or key.startswith("X-"), f"unknown key {key}"
        assert locale is None or key in LOCALISABLE, f"{key}[{locale}] cannot be translated"
    value = {key: text for (key, locale), text in entry.items() if locale is None}
    assert value["Type"] == "Application"
    assert value["Version"] in {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5"}
    for key in BOOLEANS.intersection(value):
        assert value[key] in {"true", "false"}, key
    assert value["Terminal"] == "false"

    # Dutch and English texts; the untranslated value is the English one.
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert value.get(key), key
        assert entry.get((key, "nl")), f"{key}[nl] missing"
    for keywords in (value["Keywords"], entry[("Keywords", "nl")]):
        assert keywords.endswith(";") and all(keywords.split(";")[:-1])
    assert "vertrouwenspersoon" in entry[("Keywords", "nl")]

    # One id everywhere: file name, icon name, the running program's desktop file name.
    assert value["Icon"] == APP_ID
    assert value["Exec"].split()[0] == BINARY == value["TryExec"]
    assert value["StartupWMClass"] == BINARY
    categories = value["Categories"]
    assert categories.endswith(";")
    assert MAIN_CATEGORIES.intersection(categories.split(";"))


def test_program_uses_the_desktop_entry_id(qapp: object) -> None:
    from vpnotebook.gui.app import create_application

    assert create_application().desktopFileName() == APP_ID


def test_icons_are_complete() -> None:
    from PySide6.QtGui import QImage

    svg = ElementTree.parse(ICONS / f"{APP_ID}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 64 64"
    for size in SIZES:
        image = QImage(str(ICONS / f"{APP_ID}-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate not installed (Debian: desktop-file-utils)",
)
def test_desktop_file_validate() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60
    )
    # Errors, warnings and hints alike are printed; a clean file prints nothing.
    assert done.returncode == 0 and not (done.stdout + done.stderr).strip(), done


# -- the AppStream metainfo ------------------------------------------------------------------


def texts(parent: ElementTree.Element, tag: str) -> dict[str | None, str]:
    """The element's text per language (None: untranslated)."""
    return {child.get(XML_LANG): "".join(child.itertext()).strip() for child in parent.iter(tag)}


def test_metainfo_structure() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]

    assert texts(root, "name")[None] == "vpnotebook"
    summary = {child.get(XML_LANG): child.text or "" for child in root.findall("summary")}
    assert set(summary) == {None, "nl"}
    for text in summary.values():
        assert 0 < len(text) < 80 and not text.endswith(".")

    description = root.find("description")
    assert description is not None
    assert {child.tag for child in description} <= {"p", "ul", "ol"}
    languages = {child.get(XML_LANG) for child in description}
    assert languages == {None, "nl"}, "description in English and Dutch"
    for child in list(description.iter())[1:]:
        assert child.tag in {"p", "ul", "ol", "li", "em", "code"}, child.tag

    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert [b.text for b in root.iterfind("provides/binary")] == [BINARY]
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") in {"oars-1.0", "oars-1.1"}

    releases = root.findall("releases/release")
    assert releases, "at least one release"
    assert releases[0].get("version") == VERSION, "newest release first, as pyproject"
    for release in releases:
        date.fromisoformat(release.get("date", ""))
    for colour in root.iterfind("branding/color"):
        assert re.fullmatch(r"#[0-9a-f]{6}", colour.text or ""), colour.text


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None, reason="appstreamcli not installed (Debian: appstream)"
)
def test_appstreamcli_validate(tmp_path: Path) -> None:
    # The file alone, then installed in a prefix with its desktop entry and icons, where the
    # validator also checks that the launchable and the icon are really there.
    prefix = tmp_path / "usr"
    for source, target in [
        (METAINFO, prefix / "share" / "metainfo" / METAINFO.name),
        (DESKTOP, prefix / "share" / "applications" / DESKTOP.name),
        (ICONS / f"{APP_ID}.svg", prefix / "share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg"),
        *[
            (
                ICONS / f"{APP_ID}-{size}.png",
                prefix / f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png",
            )
            for size in SIZES
        ],
    ]:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for command in (
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        ["appstreamcli", "validate-tree", "--no-net", str(tmp_path)],
    ):
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        output = done.stdout + done.stderr
        assert done.returncode == 0, output
        assert not re.search(r"^\s*[EW]: ", output, re.MULTILINE), output


# -- the wheel, installed into a clean venv --------------------------------------------------

# Run with the clean venv's Python, outside the repository.
WHEEL_CHECK = """\
import importlib
import pkgutil
import sys
from pathlib import Path

venv = Path(sys.argv[1]).resolve()

import vpnotebook

assert venv in Path(vpnotebook.__file__).resolve().parents, vpnotebook.__file__

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

app = QApplication([])
modules = [
    info.name
    for info in pkgutil.walk_packages(vpnotebook.__path__, "vpnotebook.")
    if not info.name.endswith("__main__")
]
for name in modules:
    importlib.import_module(name)

from vpnotebook.gui import i18n

path = i18n.ts_path("en")
assert path.is_file() and venv in path.resolve().parents, path
messages = [m for m in i18n.read_ts(path) if m.finished and m.translation]
assert messages, f"no translations in {path}"

from vpnotebook.gui.icon import SIZES, app_icon

icon = app_icon()
assert len(icon.availableSizes()) == len(SIZES), icon.availableSizes()
assert all(not icon.pixmap(size, size).isNull() for size in SIZES)
from vpnotebook.gui.help.guide import GuideWindow, guide_path

assert venv in guide_path().resolve().parents, guide_path()
guide = GuideWindow()
pictures = guide.browser.image_paths()
assert guide.browser.chapters and pictures, "the user guide is empty"
assert all(not QImage(str(p)).isNull() for p in pictures), pictures
print(f"ok: {len(modules)} modules, {len(messages)} English messages, {len(SIZES)} icon sizes")
"""


def copy_sources(target: Path) -> Path:
    """What a wheel is built from, without build leftovers (egg-info, build/, caches)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("src", "resources", "docs"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, target / name)
    return target


def run(command: list[object], *, env: dict[str, str], cwd: Path, timeout: float) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    report = f"{command}\n-> exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert done.returncode == 0, report
    assert "Traceback" not in done.stdout + done.stderr, report
    return done.stdout


@pytest.mark.slow
def test_wheel_installs_into_a_clean_venv_and_runs(tmp_path: Path, h: ModuleType) -> None:
    env = h.cli_env()
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"):
        env.pop(name, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    work = tmp_path / "work"
    work.mkdir()

    source = copy_sources(tmp_path / "source")
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip"]
    run(
        [*pip, "wheel", "--no-deps", "-q", "-w", wheels, source],
        env=env,
        cwd=work,
        timeout=PIP_TIMEOUT,
    )
    (wheel,) = wheels.glob(f"{DISTRIBUTION}-*.whl")
    assert wheel.name.startswith(f"{DISTRIBUTION}-{VERSION}-")

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], env=env, cwd=work, timeout=PIP_TIMEOUT)
    python = venv / "bin" / "python"
    program = venv / "bin" / BINARY
    run(
        [python, "-m", "pip", "install", "-q", "--no-compile", wheel],
        env=env,
        cwd=work,
        timeout=PIP_TIMEOUT,
    )

    assert run([program, "--version"], env=env, cwd=work, timeout=60).strip() == (
        f"vpnotebook {VERSION}"
    )
    secret = h.write_secret(tmp_path / "wachtwoord.txt", h.PASSPHRASE)
    vault = tmp_path / "kluis"
    created = run(
        [program, "init", "--vault", vault, "--passphrase-file", secret, *h.CHEAP_KDF],
        env=env,
        cwd=work,
        timeout=60,
    )
    h.recovery_code_in(created)
    run(
        [program, "check", "--vault", vault, "--passphrase-file", secret],
        env=env,
        cwd=work,
        timeout=60,
    )

    script = tmp_path / "wheel_check.py"
    script.write_text(WHEEL_CHECK, encoding="utf-8")
    assert run([python, script, venv], env=env, cwd=work, timeout=120).startswith("ok: ")
