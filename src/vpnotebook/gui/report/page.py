"""The Jaarverslag screen: choose organisation and year, write the signals and
recommendations, see the protected preview and the disclosure audit, export or print.

Nothing is written to disk but the file the VP chooses; the preview lives in memory. The
check of the texts before export is text_check.py's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.annual import report_years
from ...core.ledger import issues
from ...core.report_texts import (
    TextChecker,
    TextHit,
    check_report_sources,
    load_report_text,
    save_report_text,
    text_checker,
)
from ...report.annual_report import (
    OPTIONAL_TABLES,
    AnnualReport,
    build_annual_report,
    issue_report,
    optional_table_title,
)
from ...report.csv_export import write_csv
from ...report.pdf import render_pdf, write_pdf
from ...report.vp_overview import build_vp_overview
from ...vault.errors import VaultError
from ..common import dialogs
from ..common.editor import Undo
from ..common.flow import FlowLayout, labelled
from ..common.labels import current_language
from ..session import Session
from .preview import ReportPreview, print_pdf
from .text_check import TextCheckPage

DEFAULT_K = 5
REBUILD_DELAY_MS = 600


class ReportPage(TextCheckPage):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.today = date.today()
        self.report: AnnualReport | None = None
        self.hits: list[TextHit] = []
        self.pdf: bytes | None = None
        # The places the VP confirmed as safe are kept in the vault (core/report_texts.py),
        # per organisation, year and sentence: they survive a lock and a restart.
        self._checker: tuple[tuple[int, int, int], TextChecker] | None = None
        self._loading = False
        self._text_dirty = False
        self._loaded_key: tuple[int, int] | None = None
        self._opened_text = ""  # as it was when shown: what undo goes back to

        heading = QLabel(self.tr("Jaarverslag"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Per organisatie en jaar een geanonimiseerd overzicht voor de leiding. Kleine "
                "aantallen worden samengevoegd of weggelaten, zodat geen cijfer naar een persoon "
                "te herleiden is. Wat er beschermd is, ziet u onder Verantwoording."
            )
        )
        intro.setWordWrap(True)

        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Organisatie"))
        self.organisation.setMinimumWidth(220)
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Jaar"))
        self.k = QSpinBox()
        self.k.setRange(3, 10)
        self.k.setValue(DEFAULT_K)
        self.k.setAccessibleName(self.tr("Aantallen tonen vanaf"))
        self.k.setToolTip(self.tr("Aantallen kleiner dan dit getal komen nooit in het verslag."))
        self.language = QComboBox()
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setAccessibleName(self.tr("Taal van het verslag"))
        self.k_warning = QLabel(
            self.tr(
                "Let op: toont u aantallen al vanaf 3 of 4, dan is de kans groter dat iemand een "
                "cijfer met een persoon in verband brengt. Doe dit alleen als u daar een goede "
                "reden voor hebt."
            )
        )
        self.k_warning.setWordWrap(True)
        self.k_warning.setStyleSheet(
            "background: #fff4e0; color: #5c3b00; border-radius: 4px; padding: 6px;"
        )
        self.k_warning.setVisible(False)

        self.export_pdf = QPushButton(self.tr("Opslaan als PDF…"))
        self.export_csv = QPushButton(self.tr("Tabellen als CSV…"))
        self.print_button = QPushButton(self.tr("Afdrukken…"))
        self.print_button.setToolTip("Ctrl+P")
        self.overview_button = QPushButton(self.tr("Overzicht voor uzelf…"))
        self.overview_button.setToolTip(
            self.tr("Uren en werklast per organisatie, alleen voor uw eigen administratie.")
        )

        # One line each on a wide screen; on a laptop at 150 % they wrap, never widen the window.
        choices = FlowLayout(spacing=10)
        for text, widget in (
            (self.tr("Organisatie:"), self.organisation),
            (self.tr("Jaar:"), self.year),
            (self.tr("Aantallen vanaf:"), self.k),
            (self.tr("Taal:"), self.language),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            choices.add(labelled(label, widget))
        buttons = FlowLayout(spacing=6)
        for button in (self.export_pdf, self.export_csv, self.print_button, self.overview_button):
            buttons.add(button)
        self.issued = QLabel()
        self.issued.setWordWrap(True)
        self.issued.setAccessibleName(self.tr("Uitgegeven versies"))

        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Signalen en aanbevelingen"))
        self.text.setPlaceholderText(
            self.tr(
                "Wat geeft u de leiding mee? Bijvoorbeeld: wat opviel, welke thema's terugkwamen, "
                "en wat u aanbeveelt. Noem geen namen, afdelingen of meldingsnummers."
            )
        )
        self.hit_list = QListWidget()
        self.hit_list.setAccessibleName(self.tr("Mogelijk herleidbare woorden"))
        self.hit_list.setWordWrap(True)  # a long reason wraps: no sideways scroll bar
        self.hit_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hit_list.setMaximumHeight(110)
        self.hit_status = QLabel()
        self.hit_status.setWordWrap(True)
        self.omit_checks: dict[str, QCheckBox] = {}
        omit_box = QGroupBox(self.tr("Tabellen weglaten"))
        omit_layout = QVBoxLayout(omit_box)
        for key in OPTIONAL_TABLES:
            check = QCheckBox(optional_table_title(key, current_language()))
            self.omit_checks[key] = check
            omit_layout.addWidget(check)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        text_label = QLabel(
            self.tr("<b>Signalen en aanbevelingen</b> (komt letterlijk in het verslag)")
        )
        text_label.setWordWrap(True)
        text_label.setBuddy(self.text)
        left_layout.addWidget(text_label)
        left_layout.addWidget(self.text, 3)
        # A save that fails is said here, beside the text that is kept on screen.
        self.text_problem = QLabel()
        self.text_problem.setWordWrap(True)
        self.text_problem.setStyleSheet("color: #b3261e;")
        self.text_problem.setVisible(False)
        left_layout.addWidget(self.text_problem)
        left_layout.addWidget(self.hit_status)
        left_layout.addWidget(self.hit_list)
        left_layout.addWidget(omit_box)

        self.preview = ReportPreview()
        self.audit = QListWidget()
        self.audit.setWordWrap(True)
        self.audit.setAccessibleName(self.tr("Verantwoording"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, self.tr("Voorbeeld"))
        self.tabs.addTab(self.audit, self.tr("Verantwoording (alleen voor u)"))
        # The text, its check and the tables to leave out scroll together on a low window,
        # so the page needs no more height than the screen has.
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never narrower than what it holds: the divider stops there instead of cutting it.
        left_scroll.setMinimumWidth(
            left.minimumSizeHint().width() + left_scroll.verticalScrollBar().sizeHint().width()
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        session.layout.splitter(splitter, "report", [400, 600])
        self.splitter = splitter

        self.empty = QLabel(
            self.tr(
                "Er is nog geen organisatie. Voeg onder Organisaties de opdrachtgevers toe; "
                "daarna stelt u hier hun jaarverslag op."
            )
        )
        self.empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(choices)
        layout.addWidget(self.k_warning)
        layout.addLayout(buttons)
        layout.addWidget(self.issued)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REBUILD_DELAY_MS)
        self._timer.timeout.connect(self._rebuild)
        self.organisation.currentIndexChanged.connect(self._organisation_changed)
        self.year.currentIndexChanged.connect(self._year_changed)
        self.k.valueChanged.connect(self._settings_changed)
        self.language.currentIndexChanged.connect(self._settings_changed)
        for check in self.omit_checks.values():
            check.toggled.connect(self._settings_changed)
        self.text.textChanged.connect(self._text_changed)
        self.hit_list.itemActivated.connect(self._select_hit)
        self.hit_list.itemClicked.connect(self._select_hit)
        self.hit_list.itemChanged.connect(self._hit_confirmed)
        self.export_pdf.clicked.connect(self.save_pdf)
        self.export_csv.clicked.connect(self.save_csv)
        self.print_button.clicked.connect(self.print_report)
        self.overview_button.clicked.connect(self.save_overview)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)

    # -- choices ---------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.organisation.currentData()
        self._loading = True
        try:
            self.organisation.clear()
            for organisation in self.session.journal.organisations():
                self.organisation.addItem(organisation.name, organisation.id)
            index = self.organisation.findData(chosen)
            self.organisation.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        has_any = self.organisation.count() > 0
        self.splitter.setVisible(has_any)
        self.empty.setVisible(not has_any)
        for widget in (
            self.export_pdf,
            self.export_csv,
            self.print_button,
            self.overview_button,
            self.organisation,
            self.year,
            self.k,
        ):
            widget.setEnabled(has_any)
        self._organisation_changed()

    def _organisation_changed(self) -> None:
        if self._loading:
            return
        self.save_pending()
        organisation_id = self.organisation.currentData()
        chosen_year = self.year.currentData()
        self._loading = True
        try:
            self.year.clear()
            if organisation_id is not None:
                years = report_years(self.session.journal, organisation_id) or [self.today.year - 1]
                for year in sorted(years, reverse=True):
                    self.year.addItem(str(year), year)
                # Reports are written in spring about the year before.
                preferred = chosen_year if chosen_year in years else self.today.year - 1
                index = self.year.findData(preferred)
                self.year.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        self._year_changed()

    def _year_changed(self) -> None:
        if self._loading:
            return
        self.save_pending()
        self._load_text()
        self._rebuild()

    def _settings_changed(self) -> None:
        self.k_warning.setVisible(self.k.value() < DEFAULT_K)
        self._timer.start()

    # -- the VP's text ---------------------------------------------------------------------

    def _load_text(self) -> None:
        key = self._key()
        self._loaded_key = key
        self._loading = True
        try:
            self.text.setPlainText(
                load_report_text(self.session.journal, *key) if key is not None else ""
            )
        finally:
            self._loading = False
        self._text_dirty = False
        self._opened_text = self.text.toPlainText()
        self.text_problem.setVisible(False)

    def _text_changed(self) -> None:
        if self._loading:
            return
        self._text_dirty = True
        self._timer.start()

    def save_pending(self) -> None:
        # Called before a lock too: no rebuild may fire on a vault that is about to close.
        self._timer.stop()
        if not self._text_dirty or self._loaded_key is None:
            return
        key, before = self._loaded_key, self._opened_text
        try:
            save_report_text(self.session.journal, *key, self.text.toPlainText(), today=self.today)
        except VaultError as error:
            # As every form: said in place and in the status bar, the typing kept and written
            # again at the next pause.
            problem = (
                error.message(current_language())
                + " "
                + self.tr(
                    "Uw tekst staat nog op het scherm; hij wordt opnieuw bewaard zodra dat weer kan."
                )
            )
            self.text_problem.setText(problem)
            self.text_problem.setVisible(True)
            self.session.report_unsaved(problem)
            return
        self._text_dirty = False
        self.text_problem.setVisible(False)
        self.session.report_saved(
            Undo(
                self.tr("De tekst van het jaarverslag terugzetten"),
                lambda: self._put_back_text(key, before),
                kind="report_text",
            )
        )

    def _put_back_text(self, key: tuple[int, int], text: str) -> None:
        """Undo: the text of `key` as it was when the VP opened it."""
        save_report_text(self.session.journal, *key, text, today=self.today)
        if key == self._loaded_key:
            self._load_text()
            self._timer.start()

    # -- building --------------------------------------------------------------------------

    def _rebuild(self) -> None:
        if not self.session.vault.is_open:
            return
        self.save_pending()
        key = self._key()
        self.audit.clear()
        if key is None:
            self.report = None
            self.preview.clear()
            return
        language = str(self.language.currentData())
        omit = [name for name, check in self.omit_checks.items() if check.isChecked()]
        text = self.text.toPlainText()
        self.report = build_annual_report(
            self.session.journal, *key, k=self.k.value(), language=language, text=text, omit=omit
        )
        checker_key = (*key, self.k.value())
        if self._checker is None or self._checker[0] != checker_key:
            checker = text_checker(self.session.journal, *key, k=self.k.value())
            self._checker = (checker_key, checker)
        self.hits = check_report_sources(
            self.session.journal, *key, text, k=self.k.value(), checker=self._checker[1]
        )
        self.pdf = render_pdf(self.report.document)
        self.preview.show_pdf(self.pdf)
        self._show_hits()
        self._show_issued()
        notices = self.report.notices(current_language())
        for line in notices:
            item = QListWidgetItem("⚠ " + line)
            self.audit.addItem(item)
        for line in self.report.audit_lines(current_language()):
            self.audit.addItem(QListWidgetItem(line))
        if self.audit.count() == 0:
            self.audit.addItem(self.tr("Er hoefde niets samengevoegd of weggelaten te worden."))

    def _show_issued(self) -> None:
        key = self._key()
        found = (
            []
            if key is None
            else [i for i in issues(self.session.journal, key[0]) if i.year == key[1]]
        )
        if not found:
            self.issued.setText(
                self.tr(
                    "Dit jaarverslag is nog niet uitgegeven. Opslaan of afdrukken legt het vast."
                )
            )
            return
        parts = [
            self.tr("versie %1 op %2")
            .replace("%1", str(i.version))
            .replace("%2", i.issued_on.strftime("%d-%m-%Y"))
            for i in found
        ]
        line = self.tr("Uitgegeven: %1.").replace("%1", ", ".join(parts))
        if self.report is not None and self.report.version > found[-1].version:
            line += " " + self.tr(
                "Het voorbeeld is versie %1: opslaan of afdrukken geeft die uit."
            ).replace("%1", str(self.report.version))
        self.issued.setText(line)

    def current_report(self) -> AnnualReport | None:
        if self._timer.isActive():
            self._timer.stop()
            self._rebuild()
        if self.report is None:
            self._rebuild()
        return self.report

    # -- output ----------------------------------------------------------------------------

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """Where to save (tests replace this method to answer without a modal dialog)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / suggested), file_filter
        )
        return Path(chosen) if chosen else None

    def _issue(self, report: AnnualReport, how: str) -> None:
        """Record what was just exported or printed; from now on it is published."""
        pdf = self.pdf if self.pdf is not None else render_pdf(report.document)
        try:
            issue_report(self.session.journal, report, pdf, how=how, today=self.today)
        except VaultError as error:
            dialogs.error(self, self.tr("Niet vastgelegd"), error.message(current_language()))
            return
        self._show_issued()

    def _file_stem(self, report: AnnualReport) -> str:
        return f"jaarverslag-{report.year}"

    def save_pdf(self) -> None:
        report = self.current_report()
        if report is None or not self._text_is_cleared():
            return
        path = self.ask_save_path(
            self.tr("Jaarverslag opslaan"), self._file_stem(report) + ".pdf", "PDF (*.pdf)"
        )
        if path is not None and self._write(lambda: write_pdf(report.document, path), path):
            self._issue(report, "pdf")

    def save_csv(self) -> None:
        report = self.current_report()
        if report is None or not self._text_is_cleared():
            return
        path = self.ask_save_path(
            self.tr("Tabellen opslaan"), self._file_stem(report) + ".csv", "CSV (*.csv)"
        )
        if path is not None and self._write(lambda: write_csv(report.document, path), path):
            self._issue(report, "csv")

    def save_overview(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        document = build_vp_overview(
            self.session.journal, int(year), language=str(self.language.currentData())
        )
        path = self.ask_save_path(
            self.tr("Overzicht voor uzelf opslaan"), f"overzicht-vp-{year}.pdf", "PDF (*.pdf)"
        )
        if path is not None:
            self._write(lambda: write_pdf(document, path), path)

    def _write(self, job: Any, path: Path) -> bool:
        try:
            job()
        except VaultError as error:
            dialogs.error(self, self.tr("Niet opgeslagen"), error.message(current_language()))
            return False
        dialogs.inform(
            self, self.tr("Opgeslagen"), self.tr("Opgeslagen als %1.").replace("%1", str(path))
        )
        return True

    def print_report(self) -> None:
        report = self.current_report()
        if report is None or not self._text_is_cleared():
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec():
            print_pdf(self.pdf or render_pdf(report.document), printer)
            self._issue(report, "print")

    # -- state -----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "organisation_id": self.organisation.currentData(),
            "year": self.year.currentData(),
            "k": self.k.value(),
            "language": self.language.currentData(),
            "tab": self.tabs.currentIndex(),
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        self.refresh()
        index = self.organisation.findData(state.get("organisation_id"))
        if index >= 0:
            self.organisation.setCurrentIndex(index)
        index = self.year.findData(state.get("year"))
        if index >= 0:
            self.year.setCurrentIndex(index)
        if isinstance(state.get("k"), int):
            self.k.setValue(state["k"])
        index = self.language.findData(state.get("language"))
        if index >= 0:
            self.language.setCurrentIndex(index)
        if isinstance(state.get("tab"), int):
            self.tabs.setCurrentIndex(state["tab"])
