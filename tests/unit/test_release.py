"""One version source (vpnotebook.__version__) and the release metadata that must agree with it.

Every file that packages or describes a release either reads the version from there or is
checked against it here: pyproject (dynamic version), the installed metadata, the PyInstaller
spec (reads it), the Inno Setup script (given it on the command line, refuses without), the
AppStream metainfo and the changelog (newest entry), the workflows (read it).
"""

from __future__ import annotations

import re
import subprocess
import tomllib
import xml.etree.ElementTree as ElementTree
from importlib import metadata
from pathlib import Path

from vpnotebook import __version__

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DISTRIBUTION = PYPROJECT["project"]["name"]
SEMVER = re.compile(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?")


def test_the_version_is_read_from_the_package() -> None:
    assert SEMVER.fullmatch(__version__)
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "vpnotebook.__version__"
    }
    assert metadata.version(DISTRIBUTION) == __version__


def test_the_distribution_name_is_ours_and_the_command_stays() -> None:
    # `vpnotebook` on the package index is an unrelated project from 2016.
    assert DISTRIBUTION == "vpnotebook-nl"
    assert PYPROJECT["project"]["scripts"] == {"vpnotebook": "vpnotebook.cli:main"}


def test_project_metadata_is_complete() -> None:
    project = PYPROJECT["project"]
    urls = project["urls"]
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())
    classifiers = set(project["classifiers"])
    minimum = project["requires-python"].removeprefix(">=")
    for minor in (11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert minimum == "3.11"
    for system in ("Microsoft :: Windows", "MacOS", "POSIX :: Linux"):
        assert f"Operating System :: {system}" in classifiers
    for name in ("LICENSE", "CHANGELOG.md", "SECURITY.md", "CONTRIBUTING.md"):
        assert (ROOT / name).is_file(), name


def test_the_newest_changelog_entry_is_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", text, re.MULTILINE)
    assert released, "no released version in CHANGELOG.md"
    assert released[0][0] == __version__


def test_the_metainfo_release_is_this_version() -> None:
    metainfo = ROOT / "resources" / "desktop" / "nl.vpnotebook.VPNotebook.metainfo.xml"
    releases = ElementTree.parse(metainfo).getroot().findall("releases/release")
    assert releases[0].get("version") == __version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}] - {releases[0].get('date')}" in changelog


def test_the_installer_and_the_bundle_take_the_version_from_the_package() -> None:
    iss = (ROOT / "packaging" / "windows" / "vpnotebook.iss").read_text(encoding="utf-8")
    assert re.search(r"^#ifndef AppVersion\n\s*#error ", iss, re.MULTILINE)
    assert not re.search(r"^#define AppVersion", iss, re.MULTILINE)
    spec = (ROOT / "packaging" / "vpnotebook.spec").read_text(encoding="utf-8")
    assert "version=VERSION" in spec and '__version__ = "' in spec


def test_no_build_file_writes_the_version_down() -> None:
    # The class, not the instances: any packaging, workflow or script file that spells out
    # the current version is a second source that will go stale.
    files = subprocess.run(
        ["git", "ls-files", "pyproject.toml", "packaging", ".github", ".ci", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "packaging/vpnotebook.spec" in files
    spelled = [
        name
        for name in files
        if (ROOT / name).is_file()
        and __version__ in (ROOT / name).read_text(encoding="utf-8", errors="replace")
    ]
    assert spelled == []
