"""Start of the desktop program: one QApplication, one main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from . import i18n, platform
from .common import worker
from .crash import CrashHandler
from .icon import app_icon
from .main_window import MainWindow
from .settings.store import AppSettings


def create_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("vpnotebook")
    app.setApplicationDisplayName("vpnotebook")
    app.setDesktopFileName("nl.vpnotebook.VPNotebook")
    app.setWindowIcon(app_icon())
    return app


def run_gui(vault_folder: Path | None, settings_path: Path | None = None) -> int:
    from .platform.display import display_problem

    # Without a screen (or a library Qt's X11 plugin needs) Qt would abort the process.
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    app = create_application()
    CrashHandler().install()
    settings = AppSettings(settings_path)
    i18n.install_language(settings.language)
    folder = vault_folder or settings.vault_folder
    if folder is None:
        from ..vault.vault import default_vault_folder

        folder = default_vault_folder()
    window = MainWindow(folder, settings)
    window.show()
    # Screenshots and screen sharing show no journal: the main window now, every dialog when
    # it first gets the focus.
    hooks = platform.current()
    hooks.protect_window(window.windowHandle())
    app.focusWindowChanged.connect(hooks.protect_window)
    code = int(app.exec())
    # A job still on its way (a key derivation, a search) ends before Python tears down.
    worker.wait_for_all()
    return code
