"""A whole working session through the real GUI, run as its own process by test_secrecy.py.

    python session_driver.py WORKDIR

It expects HOME, XDG_* and TMPDIR to point inside WORKDIR (the test sets them), creates a
vault with the first-start wizard, records a case with a conversation, searches, exports an
annual report, makes a backup, locks and quits — all with marker strings the test then looks
for in every file the program could have touched. It also reports every socket it saw.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

SOCKET_EVENTS: list[str] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event.startswith("socket."):
        SOCKET_EVENTS.append(event)


sys.addaudithook(_audit)

from vpnotebook.gui import app as gui_app  # noqa: E402
from vpnotebook.gui.common import dialogs  # noqa: E402
from vpnotebook.gui.main_window import MainWindow  # noqa: E402
from vpnotebook.gui.settings.store import AppSettings  # noqa: E402
from vpnotebook.hardening import harden_process  # noqa: E402
from vpnotebook.vault.kdf import TEST_PARAMS  # noqa: E402

PASSPHRASE = "paarse olifant danst op zolder"
MARKERS = {
    "vp": "Vpmarkeerder Quintijn",
    "title": "Titelmarkering Zwaluwstaart",
    "reporter": "Meldermarkering Oosterbeek",
    "wishes": "Wensmarkering Kraanvogel",
    "story": "Verhaalmarkering Ëikenhout",
}


def pump(app: object, until: object, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the GUI did not get there in time")
        app.processEvents()


def inet_socket_count() -> int:
    """Sockets of this process that are TCP, UDP or raw (unix sockets are not a network)."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    network = set()
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        path = Path("/proc/self/net") / table
        if path.exists():
            for line in path.read_text().splitlines()[1:]:
                network.add(line.split()[9])
    return len(inodes & network)


def main() -> int:
    work = Path(sys.argv[1])
    harden_process()
    app = gui_app.create_application()
    gui_app.CrashHandler(report_folder=None).install()
    dialogs.set_test_hook(lambda kind, title, text: True)
    settings = AppSettings()  # the real default location, inside the test's XDG_CONFIG_HOME
    window = MainWindow(work / "kluis", settings, kdf_params=TEST_PARAMS)
    window.show()
    wizard = window.wizard
    assert wizard is not None
    wizard.next()
    wizard.profile_page.name.setText(MARKERS["vp"])
    wizard.profile_page.organisation_name.setText("Stichting Proefdraai")
    wizard.profile_page.employees.setValue(120)
    wizard.next()
    wizard.passphrase_page.fields.first.setText(PASSPHRASE)
    wizard.passphrase_page.fields.second.setText(PASSPHRASE)
    wizard.next()
    pump(app, lambda: wizard.currentPage() is wizard.code_page)
    wizard.code_page.check.setText(wizard.code_page.expected_check())
    from PySide6.QtWidgets import QWizard

    wizard.button(QWizard.WizardButton.FinishButton).click()
    pump(app, lambda: window.workspace is not None)

    cases = window.workspace.show_page("cases")
    intake = cases.new_case()
    form = intake.form
    form.title.setText(MARKERS["title"])
    form.contact_type.set_code("report")
    form.reporter_role.set_code("employee")
    form.category_checks["bullying"].setChecked(True)
    form.wishes.setPlainText(MARKERS["wishes"])
    form.reporter_name.setText(MARKERS["reporter"])
    intake.accept()
    pump(app, lambda: intake.created is not None)
    panel = cases.view.conversations
    panel.new_conversation()
    panel.editor.texts["story"].setPlainText(MARKERS["story"])
    cases.save_pending()

    search = window.workspace.show_page("search")
    search.field.setText("verhaalmarkering")
    search.search_now()
    pump(app, lambda: search.result_count() > 0 if hasattr(search, "result_count") else True)

    report = window.workspace.show_page("report")
    exports = work / "exports"
    exports.mkdir()
    report.ask_save_path = lambda title, suggested, file_filter: exports / suggested
    report.save_pdf()

    backup = window.workspace.show_page("backup")
    stick = work / "stick"
    stick.mkdir()
    backup.set_folder(stick)
    backup.make()
    pump(app, lambda: not backup.busy_now, seconds=60)

    sockets_while_open = inet_socket_count()
    window.lock()
    window.close()
    app.processEvents()
    print(
        json.dumps(
            {
                "inet_sockets": sockets_while_open,
                "socket_events": sorted(set(SOCKET_EVENTS)),
                "backups": sorted(p.name for p in stick.iterdir()),
                "exports": sorted(p.name for p in exports.iterdir()),
                "markers": MARKERS,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
