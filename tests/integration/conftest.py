"""Fixtures for the integration tests: real vaults made by the real CLI in tmp_path.

The suite runs with `--import-mode=importlib`, where a test module cannot import a sibling
module by name; helpers.py is loaded here by path and handed to the tests as the `h` fixture.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _load_helpers() -> ModuleType:
    name = "vpnotebook_integration_helpers"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("helpers.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


helpers = _load_helpers()


@pytest.fixture
def h() -> ModuleType:
    return helpers


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    return helpers.write_secret(tmp_path / "wachtwoord.txt", helpers.PASSPHRASE)


@pytest.fixture
def other_passphrase_file(tmp_path: Path) -> Path:
    return helpers.write_secret(tmp_path / "ander-wachtwoord.txt", helpers.OTHER_PASSPHRASE)


@pytest.fixture
def cli_vault(tmp_path: Path, passphrase_file: Path) -> Any:
    """A fresh vault made by `vpnotebook init`, closed, with its passphrase and recovery code."""
    return helpers.init_vault(tmp_path / "kluis", passphrase_file)
