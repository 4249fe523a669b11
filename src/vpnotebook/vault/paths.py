"""Where a vault lives and what its folder holds: names only, nothing that costs an import.

Kept apart from vault.py so the unlock window can tell a vault folder from an empty one
before the cryptography and SQLCipher modules are loaded (they load after its first paint).
"""

from __future__ import annotations

from pathlib import Path

DATABASE_NAME = "vault.db"
KEYSLOTS_NAME = "keyslots.json"
PRE_MIGRATION_DIR = "pre-migration"
DAMAGED_WAL_DIR = "damaged-wal"
CREATING_MARKER = ".wordt-aangemaakt"


def default_vault_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("vpnotebook", appauthor=False) / "kluis"


def is_vault(folder: Path) -> bool:
    return (folder / KEYSLOTS_NAME).is_file()


def restore_journal_path(folder: Path) -> Path:
    """The plan of a restore into `folder`, beside it (docs/formats/backup.md)."""
    return folder.parent / f".{folder.name}.herstelplan.json"
