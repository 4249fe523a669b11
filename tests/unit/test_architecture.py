"""House rules that keep the secrecy promise structural: layers, and no networking at all."""

import ast
import io
import re
import tokenize
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "vpnotebook"
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


# -- types: checked by mypy in the test command; an ignore names its error and says why --------

# Every folder of the repository with Python in it, the type stubs included.
PYTHON_FOLDERS = ("src", "tests", "scripts", "benchmarks", "stubs", "packaging")
_TYPE_IGNORE = re.compile(r"#\s*type:\s*ignore(?![\w-])(?P<rest>.*)")
# [code] or [code, code], then a comment of its own with the reason.
_EXPLAINED = re.compile(r"\[[a-z][a-z-]*(?:,\s*[a-z][a-z-]*)*\]\s*#\s*\S.{2,}")
# Inline configuration (`# mypy: ignore-errors`) would switch checks off past pyproject.toml.
_INLINE_CONFIG = re.compile(r"#\s*mypy:")


def unexplained_ignores(source: str) -> list[str]:
    """The comments that silence mypy without an error code or without a reason."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT:
            continue
        ignore = _TYPE_IGNORE.search(token.string)
        if (ignore and not _EXPLAINED.match(ignore.group("rest").strip())) or (
            _INLINE_CONFIG.match(token.string)
        ):
            found.append(f"line {token.start[0]}: {token.string}")
    return found


@pytest.mark.parametrize(
    "source",
    [
        "value = widget.size()  # type: ignore\n",
        "value = widget.size()  #type:ignore\n",
        "value = widget.size()  # type: ignore[attr-defined]\n",
        "value = widget.size()  # type: ignore[attr-defined]  #\n",
        "value = widget.size()  # type: ignore[attr-defined]  # ok\n",
        "value = widget.size()  # type: ignore  # the stubs are wrong\n",
        "value = widget.size()  # noqa: E501  # type: ignore[misc]\n",
        "# type: ignore\nvalue = 1\n",
        "# mypy: ignore-errors\nvalue = 1\n",
        "# mypy: disable-error-code=attr-defined\nvalue = 1\n",
        "def f(\n    a,\n):  # type: ignore[no-untyped-def]\n    pass\n",
    ],
)
def test_the_ignore_check_catches_every_unexplained_ignore(source: str) -> None:
    assert unexplained_ignores(source), source


@pytest.mark.parametrize(
    "source",
    [
        "value = widget.size()  # type: ignore[attr-defined]  # PySide6's stubs lack size\n",
        "value = widget.size()  # type: ignore[attr-defined, misc]  # private; not in stubs\n",
        'text = "# type: ignore"  # a string, not a comment\n',
        "value = 1  # a comment that says nothing about types\n",
        "value = 1  # type: ignored by nobody: the word is not the pragma\n",
    ],
)
def test_the_ignore_check_leaves_explained_ignores_alone(source: str) -> None:
    assert unexplained_ignores(source) == [], source


def test_every_type_ignore_names_its_error_and_says_why() -> None:
    unexplained = {
        str(path.relative_to(ROOT)): found
        for folder in PYTHON_FOLDERS
        for path in sorted((ROOT / folder).rglob("*.py*"))
        if path.suffix in (".py", ".pyi")
        and (found := unexplained_ignores(path.read_text(encoding="utf-8")))
    }
    assert unexplained == {}, (
        "fix the type instead; if an ignore must stay: "
        "`# type: ignore[code]  # why` (docs/architecture.md, Types)"
    )


# What mypy's --strict switches on (mypy takes `strict` only for a whole run), beside the
# ones [tool.mypy] sets for every module.
STRICT_FLAGS = (
    "disallow_any_generics",
    "disallow_subclassing_any",
    "disallow_untyped_calls",
    "disallow_untyped_defs",
    "disallow_incomplete_defs",
    "disallow_untyped_decorators",
    "warn_return_any",
    "no_implicit_reexport",
    "extra_checks",
)
EVERYWHERE = (
    "check_untyped_defs",
    "warn_unused_ignores",
    "warn_redundant_casts",
    "strict_equality",
)
STRICT_PACKAGES = ("core", "vault", "report", "cli")


def _mypy_config() -> dict[str, Any]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mypy = config["tool"]["mypy"]
    assert isinstance(mypy, dict)
    return mypy


def test_the_type_check_is_strict_on_the_layers_that_hold_the_data() -> None:
    config = _mypy_config()
    assert all(config.get(flag) is True for flag in EVERYWHERE), config
    assert config.get("no_implicit_optional", True) is True
    assert "ignore-without-code" in config["enable_error_code"]
    overrides = config["overrides"]
    assert isinstance(overrides, list)
    strict = [o for o in overrides if "vpnotebook.core" in o["module"]]
    assert len(strict) == 1
    for package in STRICT_PACKAGES:
        assert {f"vpnotebook.{package}", f"vpnotebook.{package}.*"} <= set(strict[0]["module"])
    assert all(strict[0].get(flag) is True for flag in STRICT_FLAGS), strict[0]


def test_the_type_check_switches_nothing_off_wholesale() -> None:
    config = _mypy_config()
    blanket = ("ignore_missing_imports", "ignore_errors", "follow_imports", "disable_error_code")
    assert not set(blanket) & set(config), "narrow it to the module it is about"
    overrides = config["overrides"]
    assert isinstance(overrides, list)
    for override in overrides:
        assert "ignore_errors" not in override and "disable_error_code" not in override
        assert "follow_imports" not in override
        if override.get("ignore_missing_imports"):
            # A library without hints and without stubs: never our own code, never a wildcard.
            assert all(not m.startswith(("vpnotebook", "*")) for m in override["module"])
        for flag in STRICT_FLAGS + EVERYWHERE:
            assert override.get(flag, True) is True, f"{override['module']}: {flag}"


def test_the_test_command_checks_types_between_lint_and_tests() -> None:
    lines = (ROOT / "scripts" / "run-tests").read_text(encoding="utf-8").splitlines()
    commands = [line for line in lines if line.strip() and not line.startswith("#")]
    ruff, mypy, pytest_ = (
        next(i for i, c in enumerate(commands) if name in c)
        for name in ('bin/ruff"', 'bin/mypy"', 'bin/python"')
    )
    assert ruff < mypy < pytest_, commands
