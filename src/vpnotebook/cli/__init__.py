"""The `vpnotebook` command: the desktop program by default, sub-commands for headless jobs.

Exit codes: 0 success, 1 other failure, 2 usage, 3 wrong passphrase or recovery code,
4 damaged or tampered file, 5 vault in use.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from ..vault.errors import EXIT_FAILURE, EXIT_USAGE, VaultError
from .messages import CliFailure, UsageProblem, language, text


def _vault_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument(
        "--vault",
        type=Path,
        required=required,
        metavar="DIR",
        help="vault folder (kluismap)",
    )


def _passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the passphrase from the first line of FILE "
        "(otherwise $VPNOTEBOOK_PASSPHRASE, otherwise a prompt)",
    )


def _new_passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the new passphrase from the first line of FILE; it must pass the "
        "passphrase policy (a sentence of four or more words is best)",
    )


def _recovery_code_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--recovery-code-file", type=Path, metavar="FILE", help=help_text)


def _test_kdf_arguments(parser: argparse.ArgumentParser, *, visible: bool = False) -> None:
    """Explicit, cheap Argon2id parameters for tests: never below what a slot already has."""
    parser.add_argument(
        "--argon2-memory-kib",
        type=int,
        metavar="KIB",
        help="explicit Argon2id memory instead of calibration (tests)"
        if visible
        else argparse.SUPPRESS,
    )
    parser.add_argument(
        "--argon2-iterations",
        type=int,
        metavar="N",
        help="explicit Argon2id iterations instead of calibration (tests)"
        if visible
        else argparse.SUPPRESS,
    )


def _read_only_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the vault without writing anything to its folder (done by itself when "
        "the disk is full or read-only)",
    )


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__
    from ..vault.kdf import DEFAULT_TARGET_MS, MAX_TARGET_MS, MIN_TARGET_MS
    from . import commands, key_commands

    parser = argparse.ArgumentParser(
        prog="vpnotebook",
        description="Offline, encrypted case notebook for confidential counsellors "
        "(vertrouwenspersonen). Without a sub-command the desktop program starts.",
        epilog="Exit codes: 0 success, 1 other failure, 2 usage, 3 wrong passphrase or "
        "recovery code, 4 damaged or tampered file, 5 vault in use. "
        "Messages are Dutch; set VPNOTEBOOK_LANGUAGE=en for English.",
    )
    parser.add_argument("--version", action="version", version=f"vpnotebook {__version__}")
    _vault_argument(parser, required=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser(
        "init",
        help="create a new vault; its recovery code is shown first, then the vault is made",
    )
    _vault_argument(init)
    _passphrase_argument(init)
    init.add_argument(
        "--decryption-time",
        type=int,
        default=DEFAULT_TARGET_MS,
        metavar="MS",
        help="calibrate Argon2id (memory first: up to 512 MiB, then passes) so one "
        f"derivation takes about MS milliseconds ({MIN_TARGET_MS}..{MAX_TARGET_MS}, "
        f"default {DEFAULT_TARGET_MS})",
    )
    _test_kdf_arguments(init, visible=True)
    init.set_defaults(run=key_commands.init)

    passwd = sub.add_parser(
        "passwd",
        help="change the passphrase (the recovery code stays valid); offers a re-key",
    )
    _vault_argument(passwd)
    _passphrase_argument(passwd)
    _new_passphrase_argument(passwd)
    _test_kdf_arguments(passwd)
    passwd.set_defaults(run=key_commands.passwd)

    recover = sub.add_parser("recover", help="open with the recovery code and set a new passphrase")
    _vault_argument(recover)
    _recovery_code_argument(recover, "read the recovery code from FILE instead of a prompt")
    _new_passphrase_argument(recover)
    _test_kdf_arguments(recover)
    recover.set_defaults(run=key_commands.recover)

    new_code = sub.add_parser(
        "new-recovery-code",
        help="make a new recovery code: shown first, then stored; the old one stops working",
    )
    _vault_argument(new_code)
    _passphrase_argument(new_code)
    _test_kdf_arguments(new_code)
    new_code.set_defaults(run=key_commands.new_recovery_code)

    rekey = sub.add_parser(
        "rekey",
        help="give the vault a new random key: old key-slot files and old backups no longer "
        "open it (old backups still open with the old secrets)",
        description="A new random data key: the database is copied under it and checked, "
        "every key slot is sealed again, and the copy replaces the vault. Interrupted at any "
        "moment, the vault opens with the old key or the new one. Needs the passphrase and "
        "the current recovery code, or --new-recovery-code.",
    )
    _vault_argument(rekey)
    _passphrase_argument(rekey)
    _recovery_code_argument(rekey, "the current recovery code, from FILE; it stays valid")
    rekey.add_argument(
        "--new-recovery-code",
        action="store_true",
        help="make a new recovery code instead (shown first); the old one stops working",
    )
    _test_kdf_arguments(rekey)
    rekey.set_defaults(run=key_commands.rekey)

    strengthen = sub.add_parser(
        "strengthen",
        help="seal the key slots again with today's Argon2id strength; same passphrase "
        "and recovery code",
    )
    _vault_argument(strengthen)
    _passphrase_argument(strengthen)
    _recovery_code_argument(
        strengthen, "also strengthen the recovery code's slot (the code is read from FILE)"
    )
    _test_kdf_arguments(strengthen)
    strengthen.set_defaults(run=key_commands.strengthen)

    check = sub.add_parser("check", help="full integrity check of the vault")
    _vault_argument(check)
    _passphrase_argument(check)
    _read_only_argument(check)
    check.set_defaults(run=commands.check)

    export = sub.add_parser("export", help="write everything to an UNENCRYPTED JSON file")
    _vault_argument(export)
    _passphrase_argument(export)
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument(
        "--yes", action="store_true", help="confirm that an unencrypted file may be written"
    )
    _read_only_argument(export)
    export.set_defaults(run=commands.export)

    imp = sub.add_parser("import", help="read an export file into an empty vault, all or nothing")
    _vault_argument(imp)
    _passphrase_argument(imp)
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(run=commands.import_)

    backup = sub.add_parser("backup", help="write an encrypted, verified backup file")
    _vault_argument(backup)
    _passphrase_argument(backup)
    backup.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE|DIR",
        help="a folder (a dated name is chosen) or a .vpbackup file",
    )
    backup.add_argument(
        "--keep",
        type=int,
        default=5,
        metavar="N",
        help="keep the newest N backups of this vault in that folder, by the time recorded "
        "inside each (default 5)",
    )
    backup.add_argument(
        "--date-in-name",
        action="store_true",
        help="put today's date in the file name (otherwise only a number: the time is kept "
        "inside the encrypted file)",
    )
    _read_only_argument(backup)
    backup.set_defaults(run=commands.backup)

    verify = sub.add_parser(
        "verify-backup",
        help="check that a backup file is complete and opens with the passphrase or recovery code",
    )
    verify.add_argument("file", type=Path, metavar="FILE")
    _passphrase_argument(verify)
    verify.add_argument(
        "--recovery-code-file",
        type=Path,
        metavar="FILE",
        help="open with the recovery code in FILE instead of the passphrase",
    )
    verify.set_defaults(run=commands.verify_backup)

    restore = sub.add_parser("restore", help="restore a backup file into a new vault folder")
    restore.add_argument("file", type=Path, metavar="FILE")
    _vault_argument(restore)
    _passphrase_argument(restore)
    restore.add_argument(
        "--recovery-code-file",
        type=Path,
        metavar="FILE",
        help="open with the recovery code in FILE instead of the passphrase",
    )
    restore.add_argument(
        "--replace",
        action="store_true",
        help="replace the vault in DIR; the current one is first put aside",
    )
    restore.set_defaults(run=commands.restore)

    demo = sub.add_parser("demo", help="fill a new or empty vault with fictional example data")
    _vault_argument(demo)
    _passphrase_argument(demo)
    demo.add_argument("--cases", type=int, default=120, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the example data is built around (default: today); the same seed "
        "and date always give the same data",
    )
    _test_kdf_arguments(demo)
    demo.set_defaults(run=commands.demo)

    _report_parser(sub, commands.report)
    from .handover import add_parsers as add_handover_parsers
    from .import_sheet import add_parser as add_import_sheet_parser

    add_import_sheet_parser(sub)
    add_handover_parsers(sub)
    return parser


def _report_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    run: Callable[[argparse.Namespace], int],
) -> None:
    from ..report.annual_report import OPTIONAL_TABLES

    report = sub.add_parser(
        "report",
        help="write an organisation's anonymised annual report as PDF (and its tables as CSV)",
    )
    _vault_argument(report)
    _passphrase_argument(report)
    report.add_argument("--org", metavar="NAME", help="the organisation, by its name")
    report.add_argument("--year", type=int, required=True, metavar="YYYY")
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    report.add_argument("--csv", type=Path, metavar="FILE", help="also write the tables as CSV")
    report.add_argument(
        "--k",
        type=int,
        default=5,
        metavar="K",
        help="threshold: no count from 1 to K-1 is printed (default 5; 3 or 4 only as agreed "
        "with the organisation, with a warning)",
    )
    report.add_argument("--language", choices=("nl", "en"), help="report language (default nl)")
    report.add_argument(
        "--text-file",
        type=Path,
        metavar="FILE",
        help="signals and recommendations for this report (UTF-8); otherwise the stored text",
    )
    report.add_argument(
        "--confirm-text",
        action="append",
        metavar="WORD",
        help="confirm one place the text check found (repeatable): the word as it printed it; "
        "every place must be changed or confirmed before anything is written; the vault "
        "remembers a confirmation until the sentence it is in changes",
    )
    report.add_argument(
        "--omit",
        action="append",
        choices=OPTIONAL_TABLES,
        metavar="TABLE",
        help=f"leave a table out (repeatable): {', '.join(OPTIONAL_TABLES)}",
    )
    report.add_argument(
        "--audit",
        action="store_true",
        help="also print what was merged or left out and why (true counts; for you only)",
    )
    report.add_argument(
        "--overview",
        action="store_true",
        help="instead: your own overview of all organisations (hours, workload); NOT for "
        "distribution",
    )
    report.set_defaults(run=run)


def _plain_desktop_start(argv: Sequence[str]) -> tuple[bool, Path | None]:
    """Whether `argv` just starts the desktop program (nothing, or only `--vault DIR`).

    Such a start skips building the parser with every sub-command, whose modules (reports,
    backup, export) would delay the window. Anything else goes through the parser.
    """
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--vault" and not argv[1].startswith("-"):
        return True, Path(argv[1])
    if len(argv) == 1 and argv[0].startswith("--vault=") and len(argv[0]) > len("--vault="):
        return True, Path(argv[0].removeprefix("--vault="))
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    from ..hardening import harden_process

    harden_process()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        desktop, folder = _plain_desktop_start(arguments)
        if desktop:
            from ..gui.app import run_gui

            return run_gui(vault_folder=folder)
        args = build_parser().parse_args(arguments)
        if args.command is None:
            from .commands import gui

            return gui(args)
        return int(args.run(args))
    except UsageProblem as problem:
        print(str(problem), file=sys.stderr)
        return EXIT_USAGE
    except CliFailure as failure:
        print(str(failure), file=sys.stderr)
        return failure.exit_code
    except VaultError as error:
        print(error.message(language()), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(text("interrupted"), file=sys.stderr)
        return 130
    except Exception as error:  # a traceback could carry case content: type name only
        from ..vault import clock

        clock_problem = clock.problem()
        if clock_problem is not None:  # an impossible date breaks things far from here
            print(clock_problem.message(language()), file=sys.stderr)
            return clock_problem.exit_code
        print(text("unexpected", kind=type(error).__name__), file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
