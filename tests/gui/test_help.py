"""The Help menu: the user guide inside the program, the shortcuts list, and "Over vpnotebook".

The guide is read from the installed package (vpnotebook.docs), as the wheel and the frozen
bundle carry it; every picture it shows must load, every link inside it must land on a
chapter, nothing may open outside the program, and no picture may be wider than the text.
"""

from __future__ import annotations

import re
from importlib import metadata

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from vpnotebook import __version__, notices
from vpnotebook.gui.help.about import AboutDialog
from vpnotebook.gui.help.guide import GuideWindow, guide_path, slug
from vpnotebook.gui.help.menu import HelpMenu
from vpnotebook.gui.help.shortcuts import SCREEN_SHORTCUTS, ShortcutsDialog, menu_shortcuts
from vpnotebook.gui.session import Session
from vpnotebook.gui.workspace import Workspace

MARKDOWN_LINK = re.compile(r"\]\(([^)]+)\)")


def _guide(qtbot, width: int = 1000) -> GuideWindow:
    window = GuideWindow()
    qtbot.addWidget(window)
    window.resize(width, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_guide_ships_inside_the_package() -> None:
    from importlib import resources

    path = guide_path()
    assert path.is_file()
    assert path.name == "README.md" and path.parent.name == "handleiding"
    # The same file the repository shows (one copy, mapped into the package).
    packaged = resources.files("vpnotebook.docs") / "handleiding" / "README.md"
    assert packaged.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_every_picture_of_the_guide_loads(qtbot) -> None:
    window = _guide(qtbot)
    pictures = window.browser.image_paths()
    written = [
        target
        for target in MARKDOWN_LINK.findall(guide_path().read_text(encoding="utf-8"))
        if target.endswith(".png")
    ]
    assert pictures and len(pictures) == len(written)
    for picture in pictures:
        assert not QImage(str(picture)).isNull(), picture


def test_every_link_inside_the_guide_lands_on_its_chapter(qtbot) -> None:
    window = _guide(qtbot)
    browser = window.browser
    links = [
        target
        for target in MARKDOWN_LINK.findall(guide_path().read_text(encoding="utf-8"))
        if target.startswith("#")
    ]
    assert links, "the guide has a table of contents"
    anchors = {chapter.anchor for chapter in browser.chapters}
    scroll = browser.verticalScrollBar()
    for link in links:
        assert link[1:] in anchors, f"{link} points to no chapter"
        scroll.setValue(0)
        browser.anchorClicked.emit(QUrl(link))
        chapter = browser.chapter(link[1:])
        assert chapter is not None
        block = browser.document().findBlock(chapter.position)
        top = browser.document().documentLayout().blockBoundingRect(block).top()
        # At the top of the view, or as far down as the text goes.
        qtbot.waitUntil(lambda top=top: scroll.value() == min(int(top), scroll.maximum()))
    assert browser.refused_links == []


def test_every_chapter_is_in_the_list_and_opens(qtbot) -> None:
    window = _guide(qtbot)
    titles = [window.contents.item(row).text() for row in range(window.contents.count())]
    headings = [
        line.lstrip("#").strip()
        for line in guide_path().read_text(encoding="utf-8").splitlines()
        if re.match(r"#{1,2} ", line)
    ]
    assert titles == headings
    last = window.contents.count() - 1
    window.contents.setFocus()
    window.contents.setCurrentRow(0)
    qtbot.keyClick(window.contents, Qt.Key.Key_End)
    assert window.contents.currentRow() == last
    assert window.browser.verticalScrollBar().value() > 0


def test_a_link_out_of_the_guide_is_never_followed(qtbot) -> None:
    window = _guide(qtbot)
    before = window.browser.source()
    for url in ("https://example.org/", "file:///etc/passwd", "mailto:iemand@example.org"):
        window.browser.anchorClicked.emit(QUrl(url))
    assert window.browser.refused_links == [
        "https://example.org/",
        "file:///etc/passwd",
        "mailto:iemand@example.org",
    ]
    assert window.browser.source() == before


@pytest.mark.parametrize("width", [640, 1000, 1366])
def test_no_picture_is_wider_than_the_text(qtbot, width: int) -> None:
    window = _guide(qtbot, width)
    browser = window.browser
    qtbot.waitUntil(lambda: not browser._refit.isActive())
    room = browser.viewport().width()
    document = browser.document()
    assert document.size().width() <= room + 1
    assert browser.horizontalScrollBar().maximum() == 0
    widths = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat():
                widths.append(fmt.toImageFormat().width())
            fragments += 1
        block = block.next()
    assert widths and all(0 < w <= room for w in widths)


def test_find_in_the_guide(qtbot) -> None:
    window = _guide(qtbot)
    qtbot.keyClicks(window.find_field, "herstelcode")
    assert window.browser.textCursor().selectedText().lower() == "herstelcode"
    assert not window.not_found.isVisible()
    first = window.browser.textCursor().position()
    qtbot.keyClick(window.find_field, Qt.Key.Key_Return)
    assert window.browser.textCursor().position() > first
    window.find_field.clear()
    qtbot.keyClicks(window.find_field, "qwzx")
    assert window.not_found.isVisible()


def test_slug_is_the_one_the_guide_links_use() -> None:
    assert slug("Elke dag: ontgrendelen en vergrendelen") == "elke-dag-ontgrendelen-en-vergrendelen"
    assert slug("Organisaties, voorlichting, signalen en tijd") == (
        "organisaties-voorlichting-signalen-en-tijd"
    )


def test_help_menu_opens_the_guide_with_f1_and_keeps_one_window(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    help_menu = HelpMenu(window)
    window.show()
    qtbot.waitExposed(window)
    assert QKeySequence(QKeySequence.StandardKey.HelpContents) in help_menu.guide_action.shortcuts()
    help_menu.guide_action.trigger()
    first = help_menu.guide
    assert first is not None and first.isVisible()
    help_menu.guide_action.trigger()
    assert help_menu.guide is first
    assert help_menu.show_guide("zoeken").browser.chapter("zoeken") is not None


def test_shortcuts_list_every_menu_shortcut(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    file_menu = window.menuBar().addMenu("&Bestand")
    lock = file_menu.addAction("&Vergrendelen")
    lock.setShortcuts([QKeySequence("Ctrl+L")])
    file_menu.addAction("Zonder sneltoets")
    help_menu = HelpMenu(window)
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    dialog = ShortcutsDialog(menus, window)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    keys = [keys for keys, _ in rows]
    assert ("Ctrl+L", "Bestand → Vergrendelen") in rows
    assert "F1" in keys
    assert not any("Zonder sneltoets" in what for _, what in rows)
    assert len(menu_shortcuts(menus)) == 2  # lock and the guide
    assert help_menu.shortcuts_action.shortcuts() == []


def test_screen_shortcuts_listed_exist_on_their_screens(qtbot, session: Session) -> None:
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    for listed in SCREEN_SHORTCUTS:
        assert listed.page is not None
        page = workspace.show_page(listed.page)
        wanted = listed.sequence()
        found = [s.key() for s in page.findChildren(QShortcut)]
        found += [k for action in page.findChildren(QAction) for k in action.shortcuts()]
        assert wanted in found, f"{wanted.toString()} is not on {listed.page}"


def test_about_shows_version_licence_and_components(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version.text()
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    assert "Version 3" in dialog.licence_text.toPlainText()
    shown = dialog.notices_text.toPlainText()
    for name in ("sqlcipher3", "reportlab", "cryptography", "argon2-cffi", "zxcvbn"):
        version = metadata.version(name)
        assert f"{name} {version}:" in shown
    assert "Qt 6 under LGPL-3.0" in shown
    assert "SQLCipher (BSD-3-Clause) and OpenSSL (Apache-2.0)" in shown
    assert "pytest" not in shown  # a test tool, not part of the program
    assert notices.components()  # derived, not an empty list
