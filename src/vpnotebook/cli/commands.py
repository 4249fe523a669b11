"""The sub-commands. Each opens the vault, does one job, closes it, and returns an exit code."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from ..core.journal import Journal
from ..core.models import Case, Organisation
from ..vault.backup import BackupInfo, make_backup
from ..vault.backup import verify_backup as verify_backup_file
from ..vault.errors import EXIT_DAMAGED, EXIT_FAILURE, EXIT_OK
from ..vault.restore import ResumedRestore, restore_backup
from ..vault.vault import AUTO, Vault, is_vault
from . import key_commands, secrets_input
from .messages import UsageProblem, language, text


def _say(message: str) -> None:
    print(message)


def _open(args: argparse.Namespace, *, access: str = "rw") -> Vault:
    """Open the vault; `access` "auto" falls back to read-only on a full or read-only disk.

    What every opening tells (a restore or re-key finished, a key below the floor) is said
    by key_commands.open_vault.
    """
    if getattr(args, "read_only", False):
        access = "ro"
    return key_commands.open_vault(args, access=access)


def tell_what_opening_did(vault: Vault) -> None:
    """An interrupted restore finished or undone, or a read-only opening: on stderr."""
    _tell_resumed(vault.resumed_restore)
    if vault.read_only_reason is not None:
        print(text("opened_read_only"), file=sys.stderr)


def _tell_resumed(resumed: object) -> None:
    """Say what the opening did about a restore into this folder that was interrupted."""
    if not isinstance(resumed, ResumedRestore):
        return
    if resumed.finished:
        print(text("restore_resumed", folder=resumed.target), file=sys.stderr)
        if resumed.set_aside is not None:
            print(text("restore_set_aside", folder=resumed.set_aside), file=sys.stderr)
    else:
        print(text("restore_rolled_back", folder=resumed.target), file=sys.stderr)


open_vault = _open  # for sub-commands that live in their own module (import_sheet.py)


def check(args: argparse.Namespace) -> int:
    with _open(args, access=AUTO) as vault:
        problems = vault.check()
        findings = vault.wal_findings()
    for finding in findings:
        print(
            text(
                "check_wal_damaged",
                moment=finding.found_at,
                count=finding.lost_commits,
                copy=finding.kept_copy,
            ),
            file=sys.stderr,
        )
    if problems:
        print(text("check_failed", count=len(problems)), file=sys.stderr)
        for problem in problems[:50]:
            print(f"  - {problem}", file=sys.stderr)
    if problems or findings:
        return EXIT_DAMAGED
    _say(text("check_ok"))
    return EXIT_OK


def export(args: argparse.Namespace) -> int:
    from ..core.exchange import write_export

    print(text("export_warning"), file=sys.stderr)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageProblem(text("export_needs_yes"))
        answer = input(text("export_confirm")).strip().lower()
        if answer not in ("ja", "yes", "j", "y"):
            _say(text("export_cancelled"))
            return EXIT_OK
    with _open(args, access=AUTO) as vault:
        write_export(Journal(vault.db), args.out)
    _say(text("exported", path=args.out))
    return EXIT_OK


def import_(args: argparse.Namespace) -> int:
    from ..core.exchange import ImportFormatError, import_file

    if not args.file.is_file():
        # Nothing was damaged: the VP named a file that is not there (or a folder).
        raise UsageProblem(text("import_missing", path=args.file))
    with _open(args) as vault:
        journal = Journal(vault.db)
        try:
            summary = import_file(journal, args.file)
        except ImportFormatError as error:
            print(text("import_failed", message=error.message(language())), file=sys.stderr)
            return EXIT_DAMAGED
    _say(text("imported", summary=_summary_text(summary)))
    return EXIT_OK


def demo(args: argparse.Namespace) -> int:
    from ..core.demo import fill_demo
    from ..vault import clock

    if args.cases < 0 or args.cases > 1_000_000:
        raise UsageProblem("--cases: 0..1000000")
    vault = _open(args) if is_vault(args.vault) else key_commands.create(args)
    with vault:
        journal = Journal(vault.db)
        if journal.count(Organisation) or journal.count(Case):
            raise UsageProblem(text("vault_not_empty"))
        summary = fill_demo(
            journal, cases=args.cases, seed=args.seed, today=args.today or clock.today()
        )
    _say(text("demo_filled", summary=_summary_text(summary)))
    return EXIT_OK


def _backup_secret(args: argparse.Namespace) -> dict[str, str]:
    if args.recovery_code_file is not None:
        return {"recovery_code": secrets_input.recovery_code(args.recovery_code_file)}
    return {"passphrase": secrets_input.existing_passphrase(args.passphrase_file)}


def _describe(info: BackupInfo) -> str:
    counts = info.record_counts
    moment = info.moment
    return text(
        "backup_contents",
        cases=counts.get("cases", 0),
        conversations=counts.get("conversations", 0),
        organisations=counts.get("organisations", 0),
        created=moment.strftime("%Y-%m-%d %H:%M") if moment else info.created_at,
    )


def backup(args: argparse.Namespace) -> int:
    if args.keep < 1 or args.keep > 1000:
        raise UsageProblem("--keep: 1..1000")
    with _open(args, access=AUTO) as vault:
        info = make_backup(vault, args.out, keep=args.keep, date_in_name=args.date_in_name)
        read_only = vault.read_only
    _say(text("backup_made", path=info.path, size=info.size // 1024))
    if read_only:
        _say(text("backup_not_recorded"))
    _say(_describe(info))
    for old in info.removed_old:
        _say(text("backup_rotated", path=old.name))
    return EXIT_OK


def verify_backup(args: argparse.Namespace) -> int:
    info = verify_backup_file(args.file, **_backup_secret(args))
    _say(text("backup_verified", path=args.file))
    _say(_describe(info))
    return EXIT_OK


def restore(args: argparse.Namespace) -> int:
    info, set_aside = restore_backup(
        args.file, args.vault, replace=args.replace, **_backup_secret(args)
    )
    _say(text("restored", folder=args.vault))
    _say(_describe(info))
    if set_aside is not None:
        _say(text("restore_set_aside", folder=set_aside))
    return EXIT_OK


def _line_and_column(text_value: str, offset: int) -> tuple[int, int]:
    before = text_value[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def report(args: argparse.Namespace) -> int:
    from ..core.journal import NotFoundError
    from ..core.report_texts import check_report_sources, confirm_hits
    from ..core.report_texts import open_hits as still_open
    from ..core.text_check import fold_plain
    from ..report.annual_report import build_annual_report, issue_report
    from ..report.csv_export import render_csv
    from ..report.pdf import render_pdf
    from ..report.vp_overview import build_vp_overview
    from ..vault.fsutil import atomic_writer

    if not 1990 <= args.year <= 2200:
        raise UsageProblem(text("report_bad_year"))
    if args.k < 3:
        raise UsageProblem(text("report_k_too_low"))
    if not args.overview and not args.org:
        raise UsageProblem(text("report_needs_org"))
    report_text = None
    if args.text_file is not None:
        try:
            report_text = args.text_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageProblem(text("report_text_unreadable", path=args.text_file)) from exc
    lang = args.language or language()
    with _open(args) as vault:
        journal = Journal(vault.db)
        if args.overview:
            print(text("report_overview_warning"), file=sys.stderr)
            document = build_vp_overview(journal, args.year, language=lang)
        else:
            try:
                organisation = journal.organisation_by_name(args.org)
            except NotFoundError:
                raise UsageProblem(text("report_unknown_org", name=args.org)) from None
            assert organisation.id is not None
            if args.k < 5:
                print(text("report_k_lowered", k=args.k), file=sys.stderr)
            annual = build_annual_report(
                journal,
                organisation.id,
                args.year,
                k=args.k,
                language=lang,
                text=report_text,
                omit=args.omit or (),
            )
            hits = check_report_sources(journal, organisation.id, args.year, annual.text, k=args.k)
            # Confirmations are the VP's decisions about their own text: kept in the vault
            # (per sentence), so a later run asks only about what is new or changed.
            named = {fold_plain(word) for word in args.confirm_text or ()}
            confirm_hits(
                journal,
                organisation.id,
                args.year,
                [hit for hit in hits if hit.key[1] in named],
                today=date.today(),
            )
            open_hits = still_open(journal, organisation.id, args.year, hits)
            if open_hits:
                # The VP's own terminal: naming the matched word is what makes it findable.
                print(text("report_text_hits", count=len(open_hits)), file=sys.stderr)
                for hit in open_hits:
                    print(_hit_line(hit, annual.text), file=sys.stderr)
                print(text("report_text_confirm"), file=sys.stderr)
                return EXIT_FAILURE
            if hits:
                print(text("report_text_confirmed", count=len(hits)), file=sys.stderr)
            for notice in annual.notices(language()):
                print(notice, file=sys.stderr)
            if args.audit:
                _say(text("report_audit"))
                for line in annual.audit_lines(language()):
                    _say(f"  - {line}")
            document = annual.document
        pdf = render_pdf(document)
        table_file = render_csv(document) if args.csv is not None else None
        # Only the files the VP named are written, each whole or not at all.
        with atomic_writer(args.out, temp_prefix=".verslag-") as handle:
            handle.write(pdf)
        _say(text("report_overview_written" if args.overview else "report_written", path=args.out))
        if table_file is not None:
            with atomic_writer(args.csv, temp_prefix=".verslag-") as handle:
                handle.write(table_file)
            _say(text("report_csv_written", path=args.csv))
        if not args.overview:
            # Written: from now on this is what the organisation may have read.
            issue = issue_report(journal, annual, pdf, how="cli", today=date.today())
            _say(text("report_issued", version=issue.version, year=issue.year))
    return EXIT_OK


def _hit_line(hit: Any, report_text: str) -> str:
    from ..core.report_texts import SOURCE_TEXT

    if hit.source == SOURCE_TEXT:
        line, column = _line_and_column(report_text, hit.start)
        return text(
            "report_text_hit",
            line=line,
            column=column,
            word=hit.matched,
            reason=hit.reason(language()),
        )
    where = text(f"report_where_{hit.source}", id=hit.record_id, field=hit.field)
    return text("report_record_hit", where=where, word=hit.matched, reason=hit.reason(language()))


def gui(args: argparse.Namespace) -> int:
    from ..gui.app import run_gui

    return run_gui(vault_folder=args.vault)


def _summary_text(summary: object) -> str:
    counts = getattr(summary, "counts", None)
    if counts is None and hasattr(summary, "__dataclass_fields__"):
        counts = {name: getattr(summary, name) for name in summary.__dataclass_fields__}
    if not isinstance(counts, dict):
        return str(summary)
    return ", ".join(f"{name}: {value}" for name, value in counts.items())
