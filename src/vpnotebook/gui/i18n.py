"""Translations: the source strings are Dutch; English comes from a Qt Linguist .ts file.

The .ts file (resources/i18n/vpnotebook_en.ts) is the single source of the English text. It
is edited with pyside6-linguist and refreshed with pyside6-lupdate; we read it directly at
run time, so no compiled .qm file is generated or committed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool
    plural_forms: tuple[str, ...] = ()


def ts_path(language: str) -> Path:
    from importlib import resources  # only an English start reads a .ts file

    base = resources.files("vpnotebook.resources") / "i18n" / f"vpnotebook_{language}.ts"
    return Path(str(base))


def read_ts(path: Path) -> list[Message]:
    # Here, not at the top: a Dutch start reads no .ts file and should not pay for the parser.
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            source = message.findtext("source", default="")
            translation = message.find("translation")
            if translation is None:
                continue
            kind = translation.get("type", "")
            forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            text = forms[0] if forms else (translation.text or "")
            messages.append(
                Message(
                    name, source, text, kind not in ("unfinished", "vanished", "obsolete"), forms
                )
            )
    return messages


class TsTranslator(QTranslator):
    """A QTranslator fed straight from a .ts file."""

    def __init__(self, messages: list[Message]) -> None:
        super().__init__()
        usable = [m for m in messages if m.finished and m.translation]
        self._table: dict[tuple[str, str], Message] = {(m.context, m.source): m for m in usable}
        # lupdate files a string by where it is written (a module-level helper lands in the
        # empty context, `tasks.tr(...)` in "tasks"), while the code asks with the context it
        # passes at run time; the same Dutch text means the same English, so fall back on it.
        self._by_source: dict[str, Message] = {}
        for m in usable:
            self._by_source.setdefault(m.source, m)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        message = self._table.get((context, source)) or self._by_source.get(source)
        if message is None:
            # None, not "": an empty string would count as the translation and blank the
            # text, while None lets Qt try the next context (PySide walks the class's MRO)
            # and in the end show the Dutch source text.
            return None
        if message.plural_forms and n >= 0:
            form = message.plural_forms[0 if n == 1 else min(1, len(message.plural_forms) - 1)]
            return form
        return message.translation

    def isEmpty(self) -> bool:
        return not self._table


_installed: TsTranslator | None = None


def install_language(language: str) -> None:
    """Switch the whole program's language; Dutch needs no translator."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    _install_qt_base(app, language)
    if language != DEFAULT_LANGUAGE:
        path = ts_path(language)
        if path.is_file():
            _installed = TsTranslator(read_ts(path))
            app.installTranslator(_installed)


_qt_base: QTranslator | None = None


def _install_qt_base(app: QCoreApplication, language: str) -> None:
    """Qt's own words (OK, Cancel, Yes, No in standard dialogs) from the .qm files PySide6
    ships, so a Dutch screen does not end in English buttons."""
    global _qt_base
    if _qt_base is not None:
        app.removeTranslator(_qt_base)
        _qt_base = None
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _qt_base = translator
