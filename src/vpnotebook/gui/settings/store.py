"""Program settings (never case content): language, auto-lock, backup reminder, vault folder,
and the shape of the screen (splitter positions and column widths, as numbers)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_path
from PySide6.QtCore import QSettings

AUTOLOCK_DEFAULT, AUTOLOCK_MIN, AUTOLOCK_MAX = 5, 1, 60
REMINDER_DEFAULT = 14


def default_settings_path() -> Path:
    return user_config_path("vpnotebook", appauthor=False) / "instellingen.ini"


class AppSettings:
    """Typed access to an INI file; its path is explicit so tests never touch the real one."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_settings_path()
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        stored = self._qsettings.value(key, default)
        if not isinstance(stored, (str, int, float)):  # a list, from "1,2" in the file
            return default
        try:
            value = int(stored)
        except ValueError:
            return default
        return min(max(value, low), high)

    @property
    def language(self) -> str:
        value = str(self._qsettings.value("language", "nl"))
        return value if value in ("nl", "en") else "nl"

    @language.setter
    def language(self, value: str) -> None:
        self._qsettings.setValue("language", value)

    @property
    def autolock_minutes(self) -> int:
        return self._int("autolock_minutes", AUTOLOCK_DEFAULT, AUTOLOCK_MIN, AUTOLOCK_MAX)

    @autolock_minutes.setter
    def autolock_minutes(self, value: int) -> None:
        self._qsettings.setValue("autolock_minutes", int(value))

    @property
    def backup_reminder_days(self) -> int:
        return self._int("backup_reminder_days", REMINDER_DEFAULT, 1, 365)

    @backup_reminder_days.setter
    def backup_reminder_days(self, value: int) -> None:
        self._qsettings.setValue("backup_reminder_days", int(value))

    @property
    def vault_folder(self) -> Path | None:
        value = self._qsettings.value("vault_folder", "")
        return Path(str(value)) if value else None

    @vault_folder.setter
    def vault_folder(self, folder: Path) -> None:
        self._qsettings.setValue("vault_folder", str(folder))

    # -- the shape of the screen (gui/layout.py): numbers under fixed keys, nothing else ------

    def layout_sizes(self, key: str) -> list[int] | None:
        value = self._qsettings.value(f"layout/{key}", "")
        try:
            sizes = [int(part) for part in str(value).split(",") if part.strip()]
        except ValueError:
            return None
        return sizes or None

    def set_layout_sizes(self, key: str, sizes: list[int]) -> None:
        self._qsettings.setValue(f"layout/{key}", ",".join(str(int(size)) for size in sizes))

    def sync(self) -> None:
        self._qsettings.sync()
