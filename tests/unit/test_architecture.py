"""House rules that keep the secrecy promise structural: layers, and no networking at all."""

import ast
import re
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


# -- SQL lives in core and vault only ----------------------------------------------------------

SQL_FREE_LAYERS = ("gui", "report")
_SQL = re.compile(
    r"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|"
    r"VIEW)|DROP\s+\w+|ALTER\s+TABLE|PRAGMA|ORDER\s+BY|GROUP\s+BY|WHERE|COLLATE|IS\s+NULL|"
    r"IS\s+NOT\s+NULL)\b|\w+\s*(=|<|>|<=|>=|!=|IN)\s*\(?\?|:\w+\b\s*\)|\bcount\(\*\)"
)
_DRIVER_CALLS = {"execute", "executemany", "executescript", "scalar", "query_one", "raw_connection"}
_DATABASE_NAMES = {"Database", "sqlcipher3", "dbapi2"}


def sql_leaks(source: str) -> list[str]:
    """What in this module talks to the database other than through core's named functions."""
    leaks: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant | ast.JoinedStr):
            # An f-string is read whole, its {parts} standing in as names.
            text = (
                node.value
                if isinstance(node, ast.Constant)
                else "".join(
                    str(part.value) if isinstance(part, ast.Constant) else "x"
                    for part in node.values
                )
            )
            if isinstance(text, str) and _SQL.search(text):
                leaks.append(f"line {node.lineno}: SQL in a string: {text[:60]!r}")
        elif isinstance(node, ast.Attribute):
            if node.attr == "db":
                leaks.append(f"line {node.lineno}: the database itself (.db)")
            elif node.attr in _DRIVER_CALLS:
                leaks.append(f"line {node.lineno}: a driver call (.{node.attr})")
            elif node.attr in _DATABASE_NAMES:
                leaks.append(f"line {node.lineno}: {node.attr}")
        elif isinstance(node, ast.Name) and node.id in _DATABASE_NAMES:
            leaks.append(f"line {node.lineno}: {node.id}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = {alias.name for alias in node.names}
            if node.module.endswith("database") or names & (_DATABASE_NAMES | {"database"}):
                leaks.append(f"line {node.lineno}: imports the database layer")
        elif isinstance(node, ast.Import):
            if any(alias.name.split(".")[0] in _DATABASE_NAMES for alias in node.names):
                leaks.append(f"line {node.lineno}: imports the driver")
        elif isinstance(node, ast.Call):
            for keyword in node.keywords:
                text = isinstance(keyword.value, ast.Constant | ast.JoinedStr | ast.BinOp)
                if keyword.arg == "where" or (keyword.arg == "order" and text):
                    leaks.append(f"line {node.lineno}: a {keyword.arg}= clause")
            function = node.func
            if (
                isinstance(function, ast.Attribute)
                and function.attr == "find"
                and (len(node.args) > 1 or node.keywords)
            ):
                leaks.append(f"line {node.lineno}: Journal.find with a filter")
    return leaks


@pytest.mark.parametrize(
    "source",
    [
        'rows = journal.db.query("SELECT id FROM cases")',
        'x = "SELECT id FROM cases"',
        "x = f\"UPDATE {table} SET note = ''\"",
        'x = "name = ? COLLATE NOCASE"',
        'x = "case_id = ?"',
        'x = "done_on IS NULL"',
        "journal.find(Case, \"status = 'open'\")",
        'journal.find(Case, where="status = ?", params=("open",))',
        'journal.find(Route, order="started_on")',
        "from ..vault.database import Database",
        "from vpnotebook.vault import database",
        "import sqlcipher3",
        "reader = Database.open(path, key)",
        "journal.transaction_conn.execute(statement)",
        "value = session.journal.scalar(text)",
    ],
)
def test_the_sql_check_catches_every_kind_of_leak(source: str) -> None:
    assert sql_leaks(source), source


@pytest.mark.parametrize(
    "source",
    [
        "rows = journal.records_of(Signal, organisation_id=org, year=2025)",
        "table = record_table(proxy, name, order=Qt.SortOrder.DescendingOrder)",
        'label = QLabel(self.tr("Kies een organisatie in de lijst."))',
        "cases = journal.find(Case)",
        'text = "Gesprek van %1 (%2)"',
    ],
)
def test_the_sql_check_leaves_ordinary_code_alone(source: str) -> None:
    assert sql_leaks(source) == [], source


@pytest.mark.parametrize("layer", SQL_FREE_LAYERS)
def test_no_sql_outside_core_and_vault(layer: str) -> None:
    leaks = {
        str(path.relative_to(PACKAGE)): found
        for path in _python_files(PACKAGE / layer)
        if (found := sql_leaks(path.read_text(encoding="utf-8")))
    }
    assert leaks == {}, "put the query in a named function in core (docs/architecture.md)"


def test_only_the_vault_opens_a_database_connection() -> None:
    # The screens, core and the reports work through the vault's one connection (a search
    # worker too); only vault/ opens one (the vault itself, a backup's or re-key's copy).
    openers = {
        str(path.relative_to(PACKAGE))
        for path in _python_files(PACKAGE)
        if "Database.open(" in path.read_text(encoding="utf-8")
        or "sqlcipher3.connect(" in path.read_text(encoding="utf-8")
    }
    assert openers and all(opener.startswith("vault/") for opener in openers), openers
