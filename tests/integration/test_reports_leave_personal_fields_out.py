"""No report ever shows a personal field: every field marked personal on its spec is filled
with a marker of its own, and neither the annual report (PDF and CSV, with the audit) nor the
VP's overview holds any of them. Walked from the specs: a new personal field is covered here
as soon as it exists ("Case.location")."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pypdf
import pytest

from vpnotebook.core.fields import personal_fields, specs
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import CASE_RECORDS
from vpnotebook.vault.vault import Vault


def _fieldwalk() -> ModuleType:
    # The unit tests' walker, loaded by path (the suite imports test modules by path too).
    name = "vpnotebook_fieldwalk"
    if name not in sys.modules:
        path = Path(__file__).parents[1] / "unit" / "core" / "fieldwalk.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


TEXTS = [
    f"{t.__name__}.{n}"
    for t in CASE_RECORDS
    for n in personal_fields(t)
    if specs(t)[n].kind == "text"
]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], str]:
    """Every personal text marker, and all the text of every report over those records."""
    from vpnotebook_integration_helpers import PASSPHRASE, init_vault, run_cli, write_secret  # type: ignore[import-not-found]

    folder = tmp_path_factory.mktemp("rapport")
    vault_info: Any = init_vault(folder / "kluis", write_secret(folder / "w.txt", PASSPHRASE))
    walk = _fieldwalk()
    markers: dict[str, str] = {}
    with Vault.open(vault_info.folder, passphrase=PASSPHRASE) as vault:
        journal = Journal(vault.db)
        # Several organisations, each with a case that has one record of every kind.
        filled = [walk.fill(journal, tag=f"Rapport{n}") for n in range(6)]
        for one in filled:
            markers.update({name: one.values[name] for name in TEXTS})
    texts: list[str] = []
    for one in filled:
        year = one.case.first_contact.year
        pdf, csv = folder / f"{one.organisation.id}.pdf", folder / f"{one.organisation.id}.csv"
        result = run_cli(
            "report",
            "--vault",
            vault_info.folder,
            "--passphrase-file",
            vault_info.passphrase_file,
            "--org",
            one.organisation.name,
            "--year",
            year,
            "--out",
            pdf,
            "--csv",
            csv,
            "--audit",
            "--k",
            "3",
        )
        assert result.code == 0, str(result)
        texts += [result.stdout, result.stderr, csv.read_text(encoding="utf-8"), _pdf_text(pdf)]
    for year in sorted({one.case.first_contact.year for one in filled}):
        overview = folder / f"overzicht-{year}.pdf"
        result = run_cli(
            "report",
            "--vault",
            vault_info.folder,
            "--passphrase-file",
            vault_info.passphrase_file,
            "--year",
            year,
            "--out",
            overview,
            "--overview",
        )
        assert result.code == 0, str(result)
        texts += [result.stdout, _pdf_text(overview)]
    everything = "\n".join(texts)
    # The reports are about these records: what may be shown is there (the walk can see).
    for one in filled:
        assert one.organisation.name in everything
    return markers, everything


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages) + str(reader.metadata)


@pytest.mark.parametrize("name", TEXTS)
def test_no_report_shows_a_personal_field(reports: tuple[dict[str, str], str], name: str) -> None:
    markers, text = reports
    assert markers[name] not in text.replace("\n", "")
    assert markers[name] not in text
