"""Migrations are frozen: each carries the SQL it installs, and any upgrade path ends where a
new vault begins."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from vpnotebook.vault import schema
from vpnotebook.vault.database import Database
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.schema import LATEST_VERSION, MIGRATIONS, Migration
from vpnotebook.vault.vault import Vault

from .old_schema import fill_schema_1

PASSPHRASE = "bevroren stappen"


def _layout(db: Database) -> dict[str, object]:
    """Everything the schema is: objects with their SQL (whitespace aside) and every column."""
    objects = {
        (row["type"], row["name"]): " ".join((row["sql"] or "").split())
        for row in db.query(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        )
    }
    columns = {
        name: [tuple(c) for c in db.query(f"PRAGMA table_info({name})")]
        for kind, name in objects
        if kind == "table"
    }
    return {"objects": objects, "columns": columns}


def test_every_migration_is_sql_written_out_in_full() -> None:
    tree = ast.parse(inspect.getsource(schema))
    literals = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Migration"
    ]
    assert len(calls) == len(MIGRATIONS)
    for call in calls:
        sql = call.args[2]
        if isinstance(sql, ast.Name):
            sql = literals[sql.id]
        # A plain string: no f-string, no joined constants, no function building it from
        # today's code (the search columns, a list of tables).
        assert isinstance(sql, ast.Constant) and isinstance(sql.value, str), ast.dump(call)


def test_versions_are_numbered_one_by_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_an_unfinished_statement_is_refused() -> None:
    with pytest.raises(ValueError):
        Migration(
            99, "kapot", "CREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
        ).statements()


def test_the_search_migration_installs_every_trigger() -> None:
    statements = MIGRATIONS[1].statements()
    triggers = [s for s in statements if s.startswith("CREATE TRIGGER")]
    assert len(triggers) == 3 * len(schema.SEARCH_KINDS)
    assert all(s.rstrip().endswith("END;") for s in triggers)


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_an_upgraded_vault_is_laid_out_as_a_new_one(tmp_path: Path, version: int) -> None:
    with Vault.create(tmp_path / "nieuw", PASSPHRASE, kdf_params=TEST_PARAMS)[0] as new:
        expected = _layout(new.db)
    old, _code = Vault.create(
        tmp_path / "oud", PASSPHRASE, kdf_params=TEST_PARAMS, schema_version=version
    )
    fill_schema_1(old.db, "upgrade")
    old.close()
    with Vault.open(tmp_path / "oud", passphrase=PASSPHRASE) as upgraded:
        assert upgraded.db.user_version == LATEST_VERSION
        assert _layout(upgraded.db) == expected
        assert upgraded.check() == []
