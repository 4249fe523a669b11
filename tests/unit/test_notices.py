"""What the program says about its licence and the parts of others (vpnotebook/notices.py)."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

from vpnotebook import __version__, notices


def test_every_installed_requirement_is_named_with_its_version() -> None:
    shown = {notices.normalise(c.name): c for c in notices.components()}
    for requirement in metadata.requires(notices.DISTRIBUTION) or []:
        name, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        base = notices.normalise(notices._NAME.match(name).group(1))
        try:
            version = metadata.version(base)
        except metadata.PackageNotFoundError:
            continue  # for another Python (PySide6-Pdf on 3.12+)
        assert base in shown, base
        assert shown[base].version == version
    # Their own requirements too: cffi comes with argon2-cffi and cryptography.
    assert "cffi" in shown
    assert not {"pytest", "hypothesis", "ruff"} & set(shown)


def test_parts_embedded_without_their_licence_are_named() -> None:
    shown = {notices.normalise(c.name): c.licence for c in notices.components()}
    assert shown["sqlcipher3"] == notices.EMBEDDED_NOTE["sqlcipher3"]
    assert "LGPL-3.0" in shown["pyside6-essentials"]


def test_the_programs_own_licence_is_the_gpl() -> None:
    text = notices.licence_text()
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3" in text
    assert notices.third_party_notices().startswith(f"vpnotebook {__version__}: GPL-3.0-or-later.")


def test_a_frozen_bundle_shows_the_files_it_carries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    licences = tmp_path / "licenses"
    licences.mkdir()
    (licences / "LICENSE").write_text("de licentie van de bundel", encoding="utf-8")
    (licences / "THIRD-PARTY-NOTICES.txt").write_text("- onderdeel 1.0: MIT\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert notices.licence_text() == "de licentie van de bundel"
    assert notices.third_party_notices() == "- onderdeel 1.0: MIT\n"


def test_an_installation_is_not_mistaken_for_a_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)  # no sys.frozen
    assert notices.bundle_folder() is None
