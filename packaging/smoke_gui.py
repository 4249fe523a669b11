"""GUI smoke test of the frozen program, run by packaging/build-linux; never shipped.

The spec freezes this script into build/vpnotebook/vpnotebook-smoke with the program's own
runtime hooks and module archive; build-linux copies it next to a copy of dist/vpnotebook, so
it runs on the bundle's own Qt libraries, plugins and data files. It needs no hook in the
product: it opens the real main window on an existing vault, checks that the unlock screen is
showing, unlocks it by typing the passphrase and clicking, locks it again by closing the
window, saves a picture of each screen, and quits by itself.

    vpnotebook-smoke VAULT PASSPHRASE_FILE SETTINGS.ini OUT_DIR [REPORT.pdf]

With a PDF it also renders that PDF's first page with pypdfium2 (PDFium inside the bundle),
as the report preview does, into OUT_DIR/smoke-pdf-page-1.png, and checks it is not blank.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from vpnotebook.gui import i18n
from vpnotebook.gui.app import create_application
from vpnotebook.gui.icon import SIZES, app_icon
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.settings.store import AppSettings

DEADLINE_S = 30.0


def fail(message: str) -> None:
    print(f"GUI SMOKE FAILED: {message}", file=sys.stderr, flush=True)
    os._exit(1)  # also from inside a Qt slot, where SystemExit would not end the program


def wait_until(app: QApplication, condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        if time.monotonic() > deadline:
            fail(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.02)


def picture(app: QApplication, widget: QWidget, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    if not widget.grab().save(str(path)):
        fail(f"could not save {path}")


def check_resources(app: QApplication) -> str:
    icon = app_icon()
    if len(icon.availableSizes()) != len(SIZES):
        fail(f"icon sizes found: {icon.availableSizes()}")
    app.setWindowIcon(icon)
    english = i18n.ts_path("en")
    if not english.is_file():
        fail(f"the English translation is not in the bundle: {english}")
    messages = [m for m in i18n.read_ts(english) if m.finished and m.translation]
    if not messages:
        fail(f"no English translations in {english}")
    i18n.install_language("en")
    sample = messages[0]
    if QCoreApplication.translate(sample.context, sample.source) != sample.translation:
        fail("the English translator is not installed")
    i18n.install_language("nl")
    # Qt's own words come from the bundle's PySide6/Qt/translations (qtbase_nl.qm).
    if QCoreApplication.translate("QPlatformTheme", "Cancel") != "Annuleren":
        fail("Qt's Dutch translation (qtbase_nl.qm) was not found in the bundle")
    return f"{len(messages)} English messages, Qt's Dutch words, {len(SIZES)} icon sizes"


def render_pdf(pdf: Path, out: Path) -> str:
    """Page 1 of `pdf` through pypdfium2 into a QImage, as the report preview shows it."""
    import pypdfium2
    from PySide6.QtGui import QImage

    document = pypdfium2.PdfDocument(str(pdf))
    pages = len(document)
    bitmap = document[0].render(scale=1.0)
    width, height = bitmap.width, bitmap.height
    kind = QImage.Format.Format_BGR888 if bitmap.n_channels == 3 else QImage.Format.Format_ARGB32
    image = QImage(bytes(bitmap.buffer), width, height, bitmap.stride, kind).copy()
    document.close()
    if width < 500 or height < 700:
        fail(f"the rendered page is {width}x{height}")
    colours = {image.pixel(x, y) for x in range(0, width, 7) for y in range(0, height, 7)}
    if len(colours) < 3:
        fail("the rendered PDF page is blank")
    if not image.save(str(out / "smoke-pdf-page-1.png")):
        fail("could not save the rendered PDF page")
    info = f"pypdfium2 {pypdfium2.PYPDFIUM_INFO}, PDFium {pypdfium2.PDFIUM_INFO}"
    return f"PDF rendered by {info}: {pages} pages, page 1 {width}x{height}"


def main() -> int:
    vault, passphrase_file, settings_path, out = (Path(arg) for arg in sys.argv[1:5])
    rendered = render_pdf(Path(sys.argv[5]), out) if len(sys.argv) > 5 else "no PDF given"
    passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
    app = create_application()
    resources = check_resources(app)

    window = MainWindow(vault, AppSettings(settings_path))
    window.show()
    wait_until(app, window.unlock_screen.isVisible, "the unlock screen")
    if window.stack.currentWidget() is not window.unlock_screen:
        fail("the unlock screen is not the window's current page")
    picture(app, window, out / "smoke-unlock.png")

    window.unlock_screen.passphrase.setText(passphrase)
    window.unlock_screen.unlock_button.click()
    wait_until(
        app,
        lambda: window.workspace is not None or window.unlock_screen.message.isVisible(),
        "the vault to open",
    )
    if window.workspace is None:
        fail(f"unlocking failed: {window.unlock_screen.message.text()}")
    picture(app, window, out / "smoke-workspace.png")

    window.close()  # locks the vault first
    if window.session is not None:
        fail("closing the window left the vault open")
    QTimer.singleShot(0, app.quit)
    app.exec()
    print(
        f"GUI smoke OK: platform {app.platformName()}; unlock screen shown, unlocked with the "
        f"passphrase, locked on close; {resources}; {rendered}; pictures in {out}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
