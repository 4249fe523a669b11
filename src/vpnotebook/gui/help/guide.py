"""The user guide inside the program: docs/handleiding rendered offline, with its pictures.

The guide is the same Markdown file the repository shows (shipped as vpnotebook.docs), laid
out by Qt's own Markdown reader. A list of chapters on the left, the text on the right, and a
find field. Links inside the guide jump to a chapter; a link that leaves the guide is never
followed (the program makes no network connections). Screenshots are scaled down to the
width of the text, never wider, so the guide needs no horizontal scroll bar.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..common.screen import resize_within_screen

# Room beside a picture inside the text: the document margin and a little air.
_IMAGE_MARGIN = 32


def guide_path() -> Path:
    """The user guide's Markdown file as installed with the program."""
    return Path(str(resources.files("vpnotebook.docs") / "handleiding" / "README.md"))


def slug(heading: str) -> str:
    """A heading's anchor as GitHub writes it, which the guide's own links use."""
    text = unicodedata.normalize("NFC", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


@dataclass(frozen=True)
class Chapter:
    level: int
    title: str
    anchor: str
    position: int  # where the heading starts in the document


class GuideBrowser(QTextBrowser):
    """The guide's text: pictures as wide as the text at most, chapters found by anchor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.anchorClicked.connect(self._follow)
        self.verticalScrollBar().actionTriggered.connect(lambda _action: self._user_moved())
        self.chapters: list[Chapter] = []
        self.refused_links: list[str] = []
        self._base = Path()
        self._sizes: dict[str, QSize] = {}
        self._shown: Chapter | None = None
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(50)
        self._refit.timeout.connect(self.fit_images)

    def load(self, path: Path) -> None:
        self._base = path.parent
        self.document().setBaseUrl(QUrl.fromLocalFile(str(path)))
        self.document().setMarkdown(
            path.read_text(encoding="utf-8"), QTextDocument.MarkdownFeature.MarkdownDialectGitHub
        )
        self.chapters = self._find_chapters()
        self._wrap_code()
        self.fit_images()

    def _wrap_code(self) -> None:
        """Let command lines wrap like text: on a narrow window a long one would otherwise
        need a horizontal scroll bar (and a hidden end of a command misleads)."""
        cursor = QTextCursor(self.document())
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().nonBreakableLines():
                cursor.setPosition(block.position())
                wrapping = block.blockFormat()
                wrapping.setNonBreakableLines(False)
                cursor.setBlockFormat(wrapping)
            block = block.next()

    def _find_chapters(self) -> list[Chapter]:
        chapters = []
        block = self.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                title = block.text().strip()
                chapters.append(Chapter(level, title, slug(title), block.position()))
            block = block.next()
        return chapters

    def image_paths(self) -> list[Path]:
        """Every picture the guide shows, as a file next to the guide."""
        return [self._base / name for name, _ in self._images()]

    def _images(self) -> list[tuple[str, QTextCursor]]:
        found = []
        block = self.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    cursor = QTextCursor(self.document())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    found.append((fragment.charFormat().toImageFormat().name(), cursor))
                fragments += 1
            block = block.next()
        return found

    def natural_size(self, name: str) -> QSize:
        if name not in self._sizes:
            self._sizes[name] = QImage(str(self._base / name)).size()
        return self._sizes[name]

    def fit_images(self) -> None:
        """Give every picture the width of the text at most, keeping its proportions."""
        self._fit_images(max(200, self.viewport().width() - _IMAGE_MARGIN))
        self._scroll_to_shown()

    def _fit_images(self, room: int) -> None:
        for name, cursor in self._images():
            size = self.natural_size(name)
            if size.isEmpty():
                continue
            # A picture inside a list item starts at the item's indent: it gets less room.
            width = min(size.width(), max(100, int(room - self._indent_of(cursor))))
            image = QTextImageFormat()
            image.setName(name)
            image.setWidth(width)
            image.setHeight(size.height() * width / size.width())
            cursor.setCharFormat(image)

    def _indent_of(self, cursor: QTextCursor) -> float:
        block = cursor.block()
        block_format = block.blockFormat()
        step = self.document().indentWidth()
        indent = block_format.leftMargin() + block_format.indent() * step
        text_list = block.textList()
        if text_list is not None:
            indent += text_list.format().indent() * step
        return indent

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit.start()

    def chapter(self, anchor: str) -> Chapter | None:
        return next((c for c in self.chapters if c.anchor == anchor), None)

    def show_chapter(self, anchor: str) -> bool:
        """Put the chapter's heading at the top; again once the text is laid out anew (the
        window may not be shown yet, and fitting the pictures moves everything below)."""
        chapter = self.chapter(anchor)
        if chapter is None:
            return False
        self._shown = chapter
        self._scroll_to_shown()
        QTimer.singleShot(0, self._scroll_to_shown)
        return True

    def _scroll_to_shown(self) -> None:
        if self._shown is None:
            return
        block = self.document().findBlock(self._shown.position)
        self.setTextCursor(QTextCursor(block))  # a find starts from the chapter
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(int(top))

    def _user_moved(self) -> None:
        # The VP scrolls: a later relayout no longer pulls the text back to the chapter.
        self._shown = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._user_moved()
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._user_moved()
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._scroll_to_shown)

    def _follow(self, url: QUrl) -> None:
        if url.hasFragment() and (not url.path() or url.path() == self._base.name):
            self.show_chapter(url.fragment())
            return
        # Anything else would leave the guide: a web address, a file on disk. Not followed.
        self.refused_links.append(url.toString())


class GuideWindow(QWidget):
    """A window of its own beside the program, so the VP can read and work at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Handleiding — vpnotebook"))
        self.browser = GuideBrowser()
        self.browser.setAccessibleName(self.tr("Tekst van de handleiding"))
        self.contents = QListWidget()
        self.contents.setAccessibleName(self.tr("Hoofdstukken"))
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.itemActivated.connect(self._chapter_chosen)
        self.contents.currentItemChanged.connect(self._current_chapter_changed)
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(self.tr("Zoeken in de handleiding"))
        self.find_field.setAccessibleName(self.tr("Zoeken in de handleiding"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textEdited.connect(lambda _text: self.find_next(from_start=True))
        self.not_found = QLabel(self.tr("Niet gevonden"))
        self.not_found.setVisible(False)
        find_label = QLabel(self.tr("&Zoeken:"))
        find_label.setBuddy(self.find_field)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_field.setFocus)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next)
        QShortcut(QKeySequence("Esc"), self, self.close)

        find_row = QHBoxLayout()
        find_row.addWidget(find_label)
        find_row.addWidget(self.find_field, 1)
        find_row.addWidget(self.not_found)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 730])
        layout = QVBoxLayout(self)
        layout.addLayout(find_row)
        layout.addWidget(splitter, 1)
        self.load()
        resize_within_screen(self, 1000, 680)

    def load(self) -> None:
        self.browser.load(guide_path())
        self.contents.clear()
        for chapter in self.browser.chapters:
            if chapter.level > 2:
                continue
            item = QListWidgetItem(chapter.title)
            item.setData(Qt.ItemDataRole.UserRole, chapter.anchor)
            self.contents.addItem(item)

    def show_chapter(self, anchor: str) -> bool:
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == anchor:
                self.contents.setCurrentRow(row)
                return True
        return self.browser.show_chapter(anchor)

    def _current_chapter_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is not None:
            self._chapter_chosen(item)

    def _chapter_chosen(self, item: QListWidgetItem) -> None:
        self.browser.show_chapter(str(item.data(Qt.ItemDataRole.UserRole)))

    def find_next(self, from_start: bool = False) -> bool:
        text = self.find_field.text()
        if not text:
            self.not_found.setVisible(False)
            return False
        if from_start:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        found = self.browser.find(text)
        if not found:  # wrap round once
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            found = self.browser.find(text)
        self.not_found.setVisible(not found)
        return found
