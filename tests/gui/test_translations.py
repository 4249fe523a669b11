"""The English translation: complete, faithful to the Dutch source's markup, and really used."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt

from vpnotebook.core.taxonomy import CASE_STATUSES, CATEGORIES, CONTACT_TYPES
from vpnotebook.gui import i18n
from vpnotebook.gui.main_window import MainWindow
from vpnotebook.gui.models.case_list_model import Column
from vpnotebook.gui.settings.store import AppSettings
from vpnotebook.gui.status_window import backup_status
from vpnotebook.vault.kdf import TEST_PARAMS

from .conftest import GUI_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "vpnotebook_en.ts"
GUI_SOURCES = ROOT / "src" / "vpnotebook" / "gui"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
# The same options as scripts/update-translations; `_tr` is the module-level helper in
# gui/common that lupdate would not recognise on its own.
LUPDATE_OPTIONS = [
    "-extensions",
    "py",
    "-locations",
    "none",
    "-no-obsolete",
    "-tr-function-alias",
    "tr+=_tr",
    "-source-language",
    "nl_NL",
    "-target-language",
    "en_GB",
]

PLACEHOLDER = re.compile(r"%(?:[1-9]|n)")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
MNEMONIC = re.compile(r"&(?=[^&\s])")


def _messages(path: Path) -> list[tuple[str, str, ElementTree.Element]]:
    root = ElementTree.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: no <translation> element"
            found.append((name, message.findtext("source") or "", translation))
    return found


def _text(translation: ElementTree.Element) -> str:
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms[0] if forms else (translation.text or "")


def _unlock(qtbot, window: MainWindow) -> None:
    screen = window.unlock_screen
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, GUI_PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)


def _markup(text: str) -> tuple[object, ...]:
    """What has to survive translation unchanged."""
    tags = Counter(
        ("/" if match.group(0).startswith("</") else "") + match.group(1).lower()
        for match in TAG.finditer(text)
    )
    return (
        Counter(PLACEHOLDER.findall(text)),
        tags,
        len(MNEMONIC.findall(text)),
        text.count("\n"),
        text[:1].isspace(),
        text[-1:].isspace(),
    )


def test_every_message_is_translated_and_finished() -> None:
    messages = _messages(TS_FILE)
    assert len(messages) > 500
    problems = [
        f"{context}: {source!r}"
        for context, source, translation in messages
        if translation.get("type") is not None or not _text(translation).strip()
    ]
    assert not problems, "untranslated or unfinished:\n" + "\n".join(problems)


def test_translations_keep_placeholders_tags_mnemonics_and_spacing() -> None:
    problems = []
    for context, source, translation in _messages(TS_FILE):
        english = _text(translation)
        if _markup(source) != _markup(english):
            problems.append(f"{context}: {source!r}\n    -> {english!r}")
    assert not problems, "markup differs:\n" + "\n".join(problems)


def test_the_ts_file_covers_every_string_in_the_current_code(tmp_path: Path) -> None:
    assert LUPDATE.is_file(), f"pyside6-lupdate is missing next to the interpreter: {LUPDATE}"
    script = (ROOT / "scripts" / "update-translations").read_text(encoding="utf-8")
    assert all(option in script for option in LUPDATE_OPTIONS), "options differ from the script"
    copy = tmp_path / "vpnotebook_en.ts"
    shutil.copyfile(TS_FILE, copy)
    subprocess.run(
        [str(LUPDATE), *LUPDATE_OPTIONS, str(GUI_SOURCES), "-ts", str(copy)],
        check=True,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    new = [
        f"{context}: {source!r}"
        for context, source, translation in _messages(copy)
        if translation.get("type") == "unfinished"
    ]
    assert not new, (
        "strings in the code are missing from the .ts; run scripts/update-translations "
        "and translate them:\n" + "\n".join(new)
    )


def test_a_string_without_translation_shows_its_dutch_source(qapp) -> None:
    translator = i18n.TsTranslator([i18n.Message("Workspace", "Vandaag", "Today", True)])
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Elders", "Iets nieuws") == "Iets nieuws"
        # Written in one context, asked for in another: the same Dutch means the same English.
        assert QCoreApplication.translate("MainWindow", "Vandaag") == "Today"
    finally:
        qapp.removeTranslator(translator)


def test_the_program_speaks_english_and_dutch_again(
    qtbot, demo_vault: tuple[Path, str], settings: AppSettings
) -> None:
    folder, _ = demo_vault
    try:
        i18n.install_language("en")
        window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
        qtbot.addWidget(window)
        window.show()
        screen = window.unlock_screen
        assert screen.unlock_button.text() == "Unlock"
        assert screen.other_button.text() == "Open another vault…"
        assert window.lock_action.text() == "&Lock"
        _unlock(qtbot, window)
        assert window.workspace is not None
        navigation = window.workspace.navigation
        titles = [navigation.item(row).text() for row in range(navigation.count())]
        assert titles[:3] == ["Today", "Cases", "Organisations"]
        assert {"Outreach", "Signals and advice", "Search", "Backup"} <= set(titles)
        # Module-level helpers translate too, though lupdate files them under no context.
        assert backup_status(window.session, 14)[0] == "No backup made yet"
        # Taxonomy labels come from core.taxonomy, not the .ts, in the same language.
        model = window.workspace.pages["cases"].model
        assert model.headerData(Column.STATUS, Qt.Orientation.Horizontal) == "Status"
        assert model.headerData(Column.TITLE, Qt.Orientation.Horizontal) == "Working title"
        statuses = {model.index(row, Column.STATUS).data() for row in range(model.rowCount())}
        assert statuses and statuses <= {term.en for term in CASE_STATUSES}
        kinds = {model.index(row, Column.CONTACT_TYPE).data() for row in range(model.rowCount())}
        assert kinds & {term.en for term in CONTACT_TYPES}
        categories = " ".join(
            model.index(row, Column.CATEGORIES).data() for row in range(model.rowCount())
        )
        assert any(term.en in categories for term in CATEGORIES)
        window.close()
    finally:
        i18n.install_language("nl")

    window = MainWindow(folder, settings, kdf_params=TEST_PARAMS)
    qtbot.addWidget(window)
    window.show()
    assert window.unlock_screen.unlock_button.text() == "Ontgrendelen"
    assert window.lock_action.text() == "&Vergrendelen"
    _unlock(qtbot, window)
    assert window.workspace is not None
    navigation = window.workspace.navigation
    assert [navigation.item(row).text() for row in range(3)] == [
        "Vandaag",
        "Meldingen",
        "Organisaties",
    ]
    model = window.workspace.pages["cases"].model
    statuses = {model.index(row, Column.STATUS).data() for row in range(model.rowCount())}
    assert statuses <= {term.nl for term in CASE_STATUSES}
    window.close()
