"""The VP's own overview across all organisations: hours for invoicing, and workload.

Not for distribution, and marked so on every page. It shows exact figures, small ones too,
because it is the VP's own administration; it therefore never goes through the disclosure
engine and must never be mixed into an organisation's annual report.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..core import taxonomy as tx
from ..core.annual import Workload, vp_overview
from ..core.journal import Journal
from ..core.ledger import ISSUE_WAYS, Issue, issues
from .document import Document, Paragraph, Section, Table


def _hours(minutes: int, language: str) -> str:
    value = (Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{value:.1f}"
    return text if language == "en" else text.replace(".", ",")


def build_vp_overview(journal: Journal, year: int, *, language: str = "nl") -> Document:
    def t(dutch: str, english: str) -> str:
        return english if language == "en" else dutch

    rows = vp_overview(journal, year)
    banner = t(
        "NIET VOOR VERSPREIDING – alleen voor de vertrouwenspersoon",
        "NOT FOR DISTRIBUTION – for the confidential counsellor only",
    )
    intro = Paragraph(
        t(
            "Dit overzicht bevat exacte aantallen, ook kleine, en is daarom niet beschermd "
            "zoals een jaarverslag. Gebruik het voor uw eigen administratie en facturen; "
            "stuur het niet door.",
            "This overview holds exact numbers, small ones included, and is therefore not "
            "protected like an annual report. Use it for your own administration and "
            "invoices; do not pass it on.",
        ),
        "warning",
    )
    issued = [i for i in issues(journal) if i.year == year or i.issued_on.year == year]
    issued_blocks = (_issued_table(issued, language),) if issued else ()
    if not rows:
        sections = (
            Section(
                t("Overzicht", "Overview"),
                (
                    intro,
                    Paragraph(
                        t(f"Geen werk vastgelegd in {year}.", f"No work recorded in {year}.")
                    ),
                    *issued_blocks,
                ),
            ),
        )
    else:
        sections = (
            Section(
                t(f"Uren en werklast in {year}", f"Hours and workload in {year}"),
                (
                    intro,
                    _hours_table(rows, language),
                    _workload_table(rows, language),
                    _activity_table(rows, language),
                    *issued_blocks,
                ),
            ),
        )
    name = journal.setting("vp_name", "") or ""
    title = t("Overzicht vertrouwenspersoon", "Confidential counsellor's overview")
    return Document(
        language=language,
        title=title,
        cover_lines=(
            t(f"Jaar {year}, alle organisaties", f"Year {year}, all organisations"),
            *((name,) if name else ()),
        ),
        sections=sections,
        footer=f"{title} · {year} · {t('niet voor verspreiding', 'not for distribution')}",
        banner=banner,
    )


def _name(row: Workload, language: str) -> str:
    archived = " (gearchiveerd)" if language != "en" else " (archived)"
    return row.organisation + (archived if row.archived else "")


def _hours_table(rows: list[Workload], language: str) -> Table:
    def t(dutch: str, english: str) -> str:
        return english if language == "en" else dutch

    conversation = sum(r.conversation_minutes for r in rows)
    logged = sum(sum(r.time_minutes.values()) for r in rows)
    return Table(
        key="vp_hours",
        title=t("Uren per organisatie", "Hours per organisation"),
        header=(
            "",
            t("Gesprekken", "Conversations"),
            t("Overige tijd", "Other time"),
            t("Totaal uren", "Total hours"),
        ),
        rows=tuple(
            (
                _name(r, language),
                _hours(r.conversation_minutes, language),
                _hours(sum(r.time_minutes.values()), language),
                _hours(r.minutes, language),
            )
            for r in rows
        ),
        total=(
            t("Totaal", "Total"),
            _hours(conversation, language),
            _hours(logged, language),
            _hours(conversation + logged, language),
        ),
        note=t(
            "Gesprekken: de duur van de vastgelegde gesprekken, ook van vernietigde meldingen. "
            "Overige tijd: de urenregistratie.",
            "Conversations: the length of recorded conversations, destroyed cases included. "
            "Other time: the time sheet.",
        ),
        first_column_share=0.4,
    )


def _workload_table(rows: list[Workload], language: str) -> Table:
    def t(dutch: str, english: str) -> str:
        return english if language == "en" else dutch

    fields = (
        (t("Nieuw", "New"), lambda r: r.flow.new),
        (t("Doorgelopen", "Carried over"), lambda r: r.flow.carried_over),
        (t("Afgesloten", "Closed"), lambda r: r.flow.closed),
        (t("Lopend eind jaar", "Open at year end"), lambda r: r.flow.open_at_end),
        (t("Gesprekken", "Conversations"), lambda r: r.conversations),
        (t("Voorlichting", "Outreach"), lambda r: r.outreach),
    )
    return Table(
        key="vp_workload",
        title=t("Werklast per organisatie", "Workload per organisation"),
        header=("", *(name for name, _ in fields)),
        rows=tuple((_name(r, language), *(str(get(r)) for _, get in fields)) for r in rows),
        total=(t("Totaal", "Total"), *(str(sum(get(r) for r in rows)) for _, get in fields)),
        first_column_share=0.22,
    )


def _activity_table(rows: list[Workload], language: str) -> Table:
    def t(dutch: str, english: str) -> str:
        return english if language == "en" else dutch

    lines = [(t("Gesprekken", "Conversations"), sum(r.conversation_minutes for r in rows))]
    for code in tx.TIME_ACTIVITIES.codes:
        lines.append(
            (
                tx.TIME_ACTIVITIES.label(code, language),
                sum(r.time_minutes.get(code, 0) for r in rows),
            )
        )
    total = sum(minutes for _, minutes in lines)
    return Table(
        key="vp_activities",
        title=t("Tijd per activiteit, alle organisaties", "Time per activity, all organisations"),
        header=("", t("Uren", "Hours")),
        rows=tuple((label, _hours(minutes, language)) for label, minutes in lines),
        total=(t("Totaal", "Total"), _hours(total, language)),
    )


def _issued_table(issued: list[Issue], language: str) -> Table:
    """What was issued when: the ledger of published annual reports, for the VP's records."""

    def t(dutch: str, english: str) -> str:
        return english if language == "en" else dutch

    return Table(
        key="vp_issued",
        title=t("Uitgegeven jaarverslagen", "Annual reports issued"),
        header=(
            t("Organisatie", "Organisation"),
            t("Jaar", "Year"),
            t("Versie", "Version"),
            t("Uitgegeven op", "Issued on"),
            t("Hoe", "How"),
            t("Kenmerk (SHA-256)", "Fingerprint (SHA-256)"),
        ),
        rows=tuple(
            (
                i.organisation,
                str(i.year),
                str(i.version),
                i.issued_on.strftime("%d-%m-%Y"),
                ISSUE_WAYS.label(i.how, language),
                i.pdf_sha256[:16],
            )
            for i in issued
        ),
        note=t(
            "Per jaarverslag de versies die u hebt opgeslagen of afgedrukt. Met het kenmerk "
            "herkent u een PDF terug: het zijn de eerste tekens van de SHA-256 van het bestand.",
            "Per annual report the versions you saved or printed. The fingerprint identifies a "
            "PDF: the first characters of the file's SHA-256.",
        ),
        first_column_share=0.3,
        numeric=False,
    )
