"""Fixtures of the backup tests; loads backup_kit.py for them (see its docstring)."""
# ruff: noqa: E402  (backup_kit must be loaded before the imports that name it)

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path


def _load_kit() -> None:
    name = "backup_kit"
    if name in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("backup_kit.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)


_load_kit()


import pytest
from backup_kit import (  # tests/unit/vault/backup_kit.py, loaded by conftest.py
    MARKERS,
    MOMENT,
    OTHER_PASSPHRASE,
    SMALL_CHUNK,
    Earlier,
    Judge,
    Layout,
    fill,
)

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import (
    Organisation,
)
from vpnotebook.vault.backup import (
    BACKUP_SUFFIX,
    make_backup,
)
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault


@pytest.fixture(autouse=True)
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Python's temp dir (where verification unpacks) at a folder the test can inspect.

    This redirects the standard library's choice of folder, nothing of our own storage.
    """
    folder = tmp_path / "systeem-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """The USB stick's folder."""
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    return folder


@pytest.fixture
def restore_parent(tmp_path: Path) -> Path:
    """An empty folder to restore into: anything left in it afterwards is a leftover."""
    folder = tmp_path / "herstel"
    folder.mkdir()
    return folder


@pytest.fixture
def judge(restore_parent: Path, system_temp: Path) -> Judge:
    return Judge(restore_parent, system_temp)


@pytest.fixture
def sealed(vault: Vault, journal: Journal, stick: Path) -> Layout:
    """A filled vault's backup in 4 KiB chunks."""
    fill(journal)
    info = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    layout = Layout.of(info.path)
    assert len(layout.chunks) > 30  # enough chunks for the boundary tests to mean something
    return layout


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """Where the damaged copies are written; a folder of its own, away from the stick."""
    folder = tmp_path / "beschadigd"
    folder.mkdir()
    return folder / f"kopie{BACKUP_SUFFIX}"


@pytest.fixture
def earlier(vault: Vault, journal: Journal, stick: Path) -> Earlier:
    journal.add(Organisation(name=f"Stichting {MARKERS['organisation']}"))
    info = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT)
    layout = Layout.of(info.path)
    return Earlier(info.path, layout.data, layout.header_length)


@pytest.fixture
def made(vault: Vault, journal: Journal, stick: Path) -> Path:
    journal.add(Organisation(name="Stichting uit de backup"))
    path = make_backup(vault, stick, chunk_size=SMALL_CHUNK, now=MOMENT).path
    vault.close()
    return path


@pytest.fixture
def occupied(restore_parent: Path) -> Path:
    """A different vault, with a different passphrase, where the backup is to go."""
    target = restore_parent / "kluis"
    vault, _ = Vault.create(target, OTHER_PASSPHRASE, kdf_params=TEST_PARAMS)
    with vault:
        Journal(vault.db).add(Organisation(name="Stichting van nu"))
    return target
