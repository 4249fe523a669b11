"""The bundle's licence texts and third-party notices (packaging/notices.py, used by the spec).

Run here on the real installed distributions: every runtime dependency of the project that
a bundle would hold gets its own shipped licence texts, the parts wheels embed without a
licence file (Qt, SQLCipher, OpenSSL) get the committed texts, and a distribution with no
licence at all stops the build instead of being shipped without one.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def load_notices() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "vpnotebook_notices", ROOT / "packaging" / "notices.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


notices = load_notices()


def runtime_distributions() -> dict[str, metadata.Distribution]:
    """The project's dependencies, and theirs, as installed here (markers evaluated)."""
    found: dict[str, metadata.Distribution] = {}
    stack = ["vpnotebook-nl"]
    while stack:
        name = notices.normalise(stack.pop())
        if name in found:
            continue
        found[name] = dist = metadata.distribution(name)
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                stack.append(requirement.name)
    del found["vpnotebook-nl"]
    return found


def a_file_of(dist: metadata.Distribution) -> str:
    for file in dist.files or []:
        if str(file).endswith((".py", ".so", ".pyd")) and ".dist-info" not in str(file):
            return str(Path(dist.locate_file(file)))
    raise AssertionError(f"no module file in {dist.metadata['Name']}")


def test_every_runtime_dependency_brings_its_licence(tmp_path: Path) -> None:
    dependencies = runtime_distributions()
    assert {"pyside6-essentials", "sqlcipher3", "argon2-cffi", "cryptography", "reportlab"} <= set(
        dependencies
    )
    assert {"platformdirs", "zxcvbn"} <= set(dependencies)
    entries = notices.write(tmp_path / "n", [a_file_of(dist) for dist in dependencies.values()])
    folder = tmp_path / "n"
    notice = (folder / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for name, dist in dependencies.items():
        assert re.search(
            rf"^- {re.escape(name)} {re.escape(dist.version)}: .+\. {re.escape(name)}/$",
            notice,
            re.M,
        ), name
        texts = [path for path in (folder / name).rglob("*") if path.is_file()]
        # At least one real licence text, and nothing empty; an AUTHORS list beside it may
        # be short (et-xmlfile's, which openpyxl brings, is 82 bytes).
        assert any(path.stat().st_size > 100 for path in texts), name
        assert all(path.stat().st_size > 0 for path in texts), name
    assert "GNU GENERAL PUBLIC LICENSE" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "Version 3" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert (
        "PYTHON SOFTWARE FOUNDATION"
        in (folder / "python" / "LICENSE.txt").read_text(encoding="utf-8").upper()
    )
    qt = (folder / "pyside6-essentials" / "Qt-LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt and "Version 3" in qt
    sqlcipher = folder / "sqlcipher3"
    assert "ZETETIC LLC" in (sqlcipher / "SQLCipher-BSD-3-Clause.txt").read_text(encoding="utf-8")
    assert "Apache License" in (sqlcipher / "OpenSSL-Apache-2.0.txt").read_text(encoding="utf-8")
    assert "Gerhard" in (sqlcipher / "LICENSE").read_text(encoding="utf-8")  # pysqlite, shipped
    # PyInstaller entries place every file under licenses/ in the bundle.
    assert len(entries) == sum(1 for path in folder.rglob("*") if path.is_file())
    assert all(dest == "licenses" or dest.startswith("licenses/") for _, dest in entries)


@pytest.mark.skipif(importlib.util.find_spec("pypdfium2") is None, reason="pypdfium2 not installed")
def test_pdfium_brings_the_licences_of_what_it_embeds(tmp_path: Path) -> None:
    import pypdfium2

    notices.write(tmp_path / "n", [pypdfium2.__file__])
    texts = {path.name for path in (tmp_path / "n" / "pypdfium2").rglob("*")}
    assert {"pdfium.txt", "freetype.txt", "BSD-3-Clause.txt"} <= texts


def test_a_distribution_without_a_licence_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    info = site / "geheim-0.1.dist-info"
    info.mkdir(parents=True)
    (site / "geheim.py").write_text("x = 1\n")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: geheim\nVersion: 0.1\n")
    (info / "RECORD").write_text("geheim.py,,\ngeheim-0.1.dist-info/METADATA,,\n")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(SystemExit, match="geheim ships no licence file"):
        notices.write(tmp_path / "n", [str(site / "geheim.py")])


def test_bundled_debian_libraries_bring_their_copyright(tmp_path: Path) -> None:
    library = Path("/usr/lib/x86_64-linux-gnu/libxcb-icccm.so.4")
    if not sys.platform.startswith("linux") or not library.exists():
        pytest.skip("needs Debian's libxcb-icccm4 (x86_64)")
    notices.write(tmp_path / "n", [str(library)])
    assert "Copyright" in (tmp_path / "n" / "debian" / "libxcb-icccm4.copyright").read_text()
