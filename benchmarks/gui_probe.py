"""Qt measurements, each run in a fresh child process (headless: QT_QPA_PLATFORM=offscreen).

  python -m benchmarks.gui_probe gui  --vault DIR --workdir DIR --reps N
  python -m benchmarks.gui_probe today --vault DIR --workdir DIR
  python -m benchmarks.gui_probe rss  --vault DIR --workdir DIR
  python -m benchmarks.gui_probe rss-bare

Each prints one JSON document as its last line of standard output. The cold-start scripts at
the bottom are run by the parent as `python -c SCRIPT` so that nothing but the program itself
is imported before the window shows.

"Painted" means: the widget received a Paint event and the event loop round that delivered it
has returned, so the frame is in the (offscreen) backing store.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication, QWidget

from .common import PASSPHRASE, log, median, ms, read_rss_mb, summary


class PaintWatch(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def wait_painted(watch: PaintWatch, since: int, timeout: float = 60.0) -> float:
    """Process events until `watch` saw a paint after `since`; return the time it was done."""
    app = QCoreApplication.instance()
    deadline = time.perf_counter() + timeout
    while watch.count <= since:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() > deadline:
            raise TimeoutError("no paint event")
    return time.perf_counter()


def wait_list_complete(page: Any, timeout: float = 60.0) -> float:
    """Process events until the case list holds every case (its second step, after the
    first paint, has run); return the time it was done."""
    app = QCoreApplication.instance()
    deadline = time.perf_counter() + timeout
    while not page.list_complete:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() > deadline:
            raise TimeoutError("the case list did not complete")
    return time.perf_counter()


def settle(rounds: int = 5, pause: float = 0.0) -> None:
    app = QCoreApplication.instance()
    for _ in range(rounds):
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if pause:
            time.sleep(pause)


def _app_and_window(vault: Path, workdir: Path) -> tuple[QApplication, Any]:
    from vpnotebook.gui import i18n
    from vpnotebook.gui.app import create_application
    from vpnotebook.gui.main_window import MainWindow
    from vpnotebook.gui.settings.store import AppSettings

    app = create_application()
    settings = AppSettings(workdir / "gui-settings.ini")
    # A long probe must not be cut short by the auto-lock (its longest setting: an hour).
    settings.autolock_minutes = 60
    i18n.install_language(settings.language)
    window = MainWindow(vault, settings)
    watch = PaintWatch(window.unlock_screen)
    window.show()
    wait_painted(watch, 0)
    return app, window


def _kdf_seconds(vault: Path) -> float:
    from vpnotebook.vault import keyslots
    from vpnotebook.vault.kdf import derive_key
    from vpnotebook.vault.opening import read_slots

    slot = read_slots(vault).slots[keyslots.PASSPHRASE]
    secret = keyslots.passphrase_bytes(PASSPHRASE)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        derive_key(secret, slot.salt, slot.params)
        times.append(time.perf_counter() - started)
    return median(times)


def _unlock_by_typing(window: Any) -> tuple[float, float]:
    """Type the passphrase and press Enter; seconds until the workspace is painted."""
    app = QCoreApplication.instance()
    screen = window.unlock_screen
    screen.passphrase.setText(PASSPHRASE)
    started = time.perf_counter()
    screen.unlock()  # what Enter and the button do: the key derivation runs in a QThread
    while window.workspace is None:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() - started > 120:
            raise TimeoutError("unlock did not finish")
    built = time.perf_counter()
    watch = PaintWatch(window.workspace)
    painted = wait_painted(watch, 0)
    return painted - started, built - started


def _lock(window: Any) -> None:
    window.lock()
    # Every unlock measured as the first of the day: no page state to restore.
    window._saved_state = {}
    settle(3)
    gc.collect()


def probe_gui(vault: Path, workdir: Path, reps: int) -> dict[str, Any]:
    from vpnotebook.gui.cases.page import CasesPage
    from vpnotebook.gui.session import Session
    from vpnotebook.gui.workspace import page_specs
    from vpnotebook.vault.vault import Vault

    app, window = _app_and_window(vault, workdir)
    kdf = _kdf_seconds(vault)
    result: dict[str, Any] = {"kdf_ms": ms(kdf)}

    # -- unlock through the GUI: the signal path, then the real typed path ----------------
    log("probe: unlock through the GUI")
    opens, slot_runs, to_paint = [], [], []
    for _ in range(reps):
        started = time.perf_counter()
        opened = Vault.open(vault, passphrase=PASSPHRASE)
        unlocked = time.perf_counter()
        window.unlock_screen.unlocked.emit(Session(opened))
        built = time.perf_counter()
        watch = PaintWatch(window.workspace)
        painted = wait_painted(watch, 0)
        opens.append(unlocked - started)
        slot_runs.append(built - unlocked)
        to_paint.append(painted - unlocked)
        pages = window.workspace.pages
        built_at_unlock = list(getattr(pages, "created_keys", lambda p=pages: list(p))())
        _lock(window)
    typed, typed_built = [], []
    for _ in range(reps):
        total, built = _unlock_by_typing(window)
        typed.append(total)
        typed_built.append(built)
        _lock(window)
    result["unlock"] = {
        "vault_open_ms": summary([ms(t) for t in opens]),
        "unlocked_slot_ms": summary([ms(t) for t in slot_runs]),
        "unlocked_to_workspace_painted_ms": summary([ms(t) for t in to_paint]),
        "pages_built_at_unlock": built_at_unlock,
        "typed_enter_to_workspace_painted_ms": summary([ms(t) for t in typed]),
        "typed_enter_to_workspace_built_ms": summary([ms(t) for t in typed_built]),
    }

    # -- what each page costs to build at unlock (Workspace builds all nine) ---------------
    log("probe: page build costs")
    opened = Vault.open(vault, passphrase=PASSPHRASE)
    session = Session(opened)
    costs: dict[str, list[float]] = {}
    for _ in range(2):
        for spec in page_specs():
            started = time.perf_counter()
            page = spec.factory(session)
            costs.setdefault(spec.key, []).append(time.perf_counter() - started)
            page.deleteLater()
            settle(1)
    result["page_build_ms"] = {key: ms(median(values)) for key, values in costs.items()}

    # -- the case list: first paint of a new page, then scrolling all of it ----------------
    # The page reads its first screenful, paints it, then reads the rest from a zero timer:
    # "first paint" is that first frame, "complete" the moment every case is in the list.
    log("probe: case list first paint")
    firsts, completes, first_rows, queries, head_queries, prepares = [], [], [], [], [], []
    page = None
    for index in range(reps + 1):
        if page is not None:
            settle(3)  # let the page's own queued work run before it goes
            page.close()
            page.deleteLater()
            settle(3)
            gc.collect()
        started = time.perf_counter()
        page = CasesPage(session)
        page.resize(970, 760)  # the main window's page area at its default size
        watch = PaintWatch(page.table.viewport())
        page.show()
        painted = wait_painted(watch, 0)
        rows_painted = page.proxy.rowCount()
        complete = wait_list_complete(page)
        if index:
            firsts.append(painted - started)
            completes.append(complete - started)
            first_rows.append(rows_painted)
    assert page is not None
    for _ in range(reps):
        started = time.perf_counter()
        summaries = session.journal.case_summaries()
        queries.append(time.perf_counter() - started)
        started = time.perf_counter()
        session.journal.case_summaries(limit=first_rows[-1])
        head_queries.append(time.perf_counter() - started)
        started = time.perf_counter()
        page.model.__class__(None).set_summaries(summaries)
        prepares.append(time.perf_counter() - started)
    result["case_list"] = {
        "rows": page.proxy.rowCount(),
        "rows_at_first_paint": first_rows[-1],
        "first_paint_ms": summary([ms(t) for t in firsts]),
        "complete_ms": summary([ms(t) for t in completes]),
        "case_summaries_query_ms": summary([ms(t) for t in queries]),
        "case_summaries_first_rows_query_ms": summary([ms(t) for t in head_queries]),
        "model_set_summaries_fresh_ms": summary([ms(t) for t in prepares]),
    }

    table = page.table
    log("probe: scrolling")
    bar = table.verticalScrollBar()
    viewport_watch = PaintWatch(table.viewport())
    settle(3)
    steps = []
    bar.setValue(0)
    settle(3)
    started = time.perf_counter()
    while bar.value() < bar.maximum():
        seen = viewport_watch.count
        step_start = time.perf_counter()
        bar.setValue(min(bar.value() + bar.pageStep(), bar.maximum()))
        steps.append(wait_painted(viewport_watch, seen) - step_start)
    total = time.perf_counter() - started
    result["scroll"] = {
        "page_steps": len(steps),
        "rows_per_step": bar.pageStep(),
        "total_ms": ms(total),
        "step_ms": summary([ms(t) for t in steps]),
    }
    page.close()
    page.deleteLater()
    settle(3)

    # -- switching to Meldingen in an unlocked workspace (the page exists, refresh + paint) --
    log("probe: switching to Meldingen")
    window.unlock_screen.unlocked.emit(session)
    wait_painted(PaintWatch(window.workspace), 0)
    cases_page = window.workspace.show_page("cases")
    switch_watch = PaintWatch(cases_page.table.viewport())
    wait_painted(switch_watch, 0)
    wait_list_complete(cases_page)
    switches, after_change, after_change_updated = [], [], []
    for index in range(2 * (reps + 1)):
        # Away to a page whose refresh is cheap (Vandaag re-reads its lists on every visit).
        window.workspace.show_page("report")
        settle(3)
        changed = index % 2 == 1
        if changed:
            # Records changed elsewhere (what marking a follow-up done on Vandaag says): the
            # page re-reads its list when it is shown next.
            session.notify("follow_ups")
            settle(3)
        seen = switch_watch.count
        started = time.perf_counter()
        window.workspace.show_page("cases")
        elapsed = wait_painted(switch_watch, seen) - started
        if changed:
            # The list as it was is painted first; it is read again right after that paint.
            # (A follow-up changes no row of the list, so the re-read repaints nothing.)
            deadline = time.perf_counter() + 60
            while cases_page._stale and time.perf_counter() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            updated = time.perf_counter() - started
            if index >= 2:
                after_change_updated.append(updated)
        if index >= 2:
            (after_change if changed else switches).append(elapsed)
    result["case_list"]["switch_to_page_paint_ms"] = summary([ms(t) for t in switches])
    result["case_list"]["switch_after_change_paint_ms"] = summary([ms(t) for t in after_change])
    result["case_list"]["switch_after_change_updated_ms"] = summary(
        [ms(t) for t in after_change_updated]
    )
    window.lock()
    settle(3)
    app.closeAllWindows()
    return result


def probe_today(vault: Path, workdir: Path) -> dict[str, Any]:
    """Back to Vandaag in an unlocked workspace: its refresh runs while the page is visible."""
    from vpnotebook.gui.session import Session
    from vpnotebook.vault.vault import Vault

    _app, window = _app_and_window(vault, workdir)
    window.unlock_screen.unlocked.emit(Session(Vault.open(vault, passphrase=PASSPHRASE)))
    wait_painted(PaintWatch(window.workspace), 0)
    window.workspace.show_page("report")
    settle(5)
    today = window.workspace.pages["today"]
    watch = PaintWatch(today)
    log("probe: back to Vandaag")
    started = time.perf_counter()
    window.workspace.show_page("today")
    painted = wait_painted(watch, 0, timeout=3600)
    window.lock()
    return {"back_to_today_ms": ms(painted - started)}


def probe_rss(vault: Path, workdir: Path) -> dict[str, Any]:
    _app, window = _app_and_window(vault, workdir)
    settle(10, 0.02)
    gc.collect()
    at_unlock_screen = read_rss_mb()
    _unlock_by_typing(window)
    watch = PaintWatch(window.workspace.pages["cases"])
    window.workspace.show_page("cases")
    wait_painted(watch, 0)
    # Steady: a couple of seconds of event loop, garbage collected, nothing else happening.
    settle(40, 0.05)
    gc.collect()
    settle(5, 0.02)
    steady = read_rss_mb()
    rows = window.workspace.pages["cases"].proxy.rowCount()
    window.lock()
    settle(3)
    return {"unlock_screen": at_unlock_screen, "cases_page_steady": steady, "case_rows": rows}


def probe_rss_bare() -> dict[str, Any]:
    _app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1200, 760)
    watch = PaintWatch(window)
    window.show()
    wait_painted(watch, 0)
    settle(10, 0.02)
    gc.collect()
    return {"bare_window": read_rss_mb()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gui_probe")
    parser.add_argument("mode", choices=("gui", "today", "rss", "rss-bare"))
    parser.add_argument("--vault", type=Path)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    if args.mode == "gui":
        result = probe_gui(args.vault, args.workdir, args.reps)
    elif args.mode == "today":
        result = probe_today(args.vault, args.workdir)
    elif args.mode == "rss":
        result = probe_rss(args.vault, args.workdir)
    else:
        result = probe_rss_bare()
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


# -- cold start ------------------------------------------------------------------------------
# Each script prints "shown" when its first window has painted, then leaves at once (the
# parent stops its clock when it reads the line). argv: [script, vault folder, settings file].

_WATCH = """
import os, sys
from PySide6.QtCore import QEvent, QObject
class _Shown(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            sys.stdout.write("shown\\n"); sys.stdout.flush(); os._exit(0)
        return False
_shown = _Shown()
"""

COLD_BARE = (
    _WATCH
    + """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1200, 760)
window.installEventFilter(_shown)
window.show()
app.exec()
"""
)

# The smallest real window, for scale: the bare one with a line of text (Qt loads its fonts
# on the first text) and one look-up in PySide6's Qt namespace, which every real program makes
# (alignment, keys, window flags) and on which PySide6 builds all of its ~100 enums.
COLD_MINIMAL = (
    _WATCH
    + """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
window = QLabel("Ontgrendelen")
window.setAlignment(Qt.AlignmentFlag.AlignCenter)
window.resize(1200, 760)
window.installEventFilter(_shown)
window.show()
app.exec()
"""
)

# The recipe: import the app, construct MainWindow for the vault, show it.
COLD_MAIN_WINDOW = (
    _WATCH
    + """
from pathlib import Path
from vpnotebook.gui import i18n
from vpnotebook.gui.app import create_application
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings
app = create_application()
settings = AppSettings(Path(sys.argv[2]))
i18n.install_language(settings.language)
window = MainWindow(Path(sys.argv[1]), settings)
window.unlock_screen.installEventFilter(_shown)
window.show()
app.exec()
"""
)

# What a VP starts: the `vpnotebook` command (cli.main: hardening, the argument parser with
# every sub-command, then run_gui). Only the window class is wrapped to watch its paint.
COLD_ENTRY = (
    _WATCH
    + """
import vpnotebook.gui.app as _gui_app
class _Watched(_gui_app.MainWindow):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unlock_screen.installEventFilter(_shown)
_gui_app.MainWindow = _Watched
from vpnotebook.cli import main
sys.exit(main(["--vault", sys.argv[1]]))
"""
)


if __name__ == "__main__":
    sys.exit(main())
