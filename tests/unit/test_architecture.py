"""House rules that keep the secrecy promise structural: layers, and no networking at all."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "vpnotebook"
QT_FREE_LAYERS = ("core", "vault", "report")
NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "asyncio",
    "requests",
    "httpx",
    "aiohttp",
    "urllib3",
    "websocket",
    "websockets",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebSockets",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _python_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


@pytest.mark.parametrize("layer", QT_FREE_LAYERS)
def test_lower_layers_never_import_qt(layer: str) -> None:
    for path in _python_files(PACKAGE / layer):
        qt = {name for name in _imports(path) if name.split(".")[0] in ("PySide6", "shiboken6")}
        assert not qt, f"{path.relative_to(PACKAGE)} imports {qt}"


def test_no_module_imports_a_networking_library() -> None:
    for path in _python_files(PACKAGE):
        for name in _imports(path):
            hit = any(name == banned or name.startswith(banned + ".") for banned in NETWORK_MODULES)
            assert not hit, f"{path.relative_to(PACKAGE)} imports {name}"


def test_storage_goes_through_sqlcipher_only() -> None:
    for path in _python_files(PACKAGE):
        assert "sqlite3" not in {n.split(".")[0] for n in _imports(path)}, path


def test_vault_and_core_never_import_the_gui() -> None:
    for layer in QT_FREE_LAYERS:
        for path in _python_files(PACKAGE / layer):
            gui = {n for n in _imports(path) if n.startswith("vpnotebook.gui")}
            source = path.read_text(encoding="utf-8")
            assert not gui and "from ..gui" not in source and "from .gui" not in source, path
