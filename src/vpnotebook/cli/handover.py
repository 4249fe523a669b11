"""`vpnotebook handover` and `vpnotebook merge`: cases to a colleague, and a colleague's
hand-over into one's own vault (core/handover, docs/handover.md).

A hand-over asks the VP's own passphrase, then a new one for the colleague (held to the
passphrase policy, never the VP's own), and prints the new recovery code before anything is
made: no vault exists whose code nobody saw. A case without the reporter's consent refuses
the whole hand-over (exit 2) and is named. A merge asks both passphrases; it is one
transaction in the VP's own vault and prints what each case's number became.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..core.journal import Journal
from ..core.passphrase_policy import personal_context
from ..vault import recovery
from ..vault.errors import EXIT_OK, EXIT_WRONG_SECRET, VaultError, WrongSecretError
from ..vault.paths import is_vault
from ..vault.vault import AUTO, Vault
from . import secrets_input
from .messages import CliFailure, UsageProblem, language
from .messages import text as cli_text

HANDOVER_PASSPHRASE_ENV = "VPNOTEBOOK_HANDOVER_PASSPHRASE"

MESSAGES: dict[str, tuple[str, str]] = {
    "what": (
        "Overdracht aan {to}: {count} melding(en) — {numbers}.",
        "Hand-over to {to}: {count} case(s) — {numbers}.",
    ),
    "prompt_new": ("Nieuw wachtwoord voor de overdracht: ", "New passphrase for the hand-over: "),
    "prompt_repeat": ("Herhaal dat wachtwoord: ", "Repeat that passphrase: "),
    "destroy_needs_yes": (
        "Met --destroy worden de meldingen na de overdracht hier vernietigd. Bevestig dat met "
        "--yes, of start de opdracht in een terminal om het te bevestigen.",
        "With --destroy the cases are destroyed here after the hand-over. Confirm that with "
        "--yes, or run the command in a terminal to confirm it.",
    ),
    "destroy_confirm": (
        "Na de overdracht worden deze {count} melding(en) in uw eigen kluis vernietigd; dat "
        "kan niet ongedaan worden gemaakt. Typ 'vernietigen' om door te gaan: ",
        "After the hand-over these {count} case(s) are destroyed in your own vault; that "
        "cannot be undone. Type 'destroy' to go on: ",
    ),
    "destroy_cancelled": (
        "Er is niets overgedragen en niets vernietigd.",
        "Nothing was handed over and nothing destroyed.",
    ),
    "code_intro": (
        "Herstelcode van de overdracht (wordt maar één keer getoond). Geef hem uw collega, "
        "apart van het wachtwoord en van de map:",
        "The hand-over's recovery code (shown only once). Give it to your colleague, apart "
        "from the passphrase and from the folder:",
    ),
    "code_outro": (
        "Met deze code opent uw collega de overdracht als het wachtwoord kwijt is.",
        "With this code your colleague opens the hand-over if the passphrase is lost.",
    ),
    "code_not_shown": (
        "De herstelcode kon niet worden getoond (de uitvoer is vol of gesloten). Daarom is er "
        "niets overgedragen.",
        "The recovery code could not be shown (the output is full or closed). So nothing was "
        "handed over.",
    ),
    "failed_after_code": (
        "Er is niets overgedragen; de herstelcode hierboven hoort bij niets.",
        "Nothing was handed over; the recovery code above belongs to nothing.",
    ),
    "written": (
        "Overdracht gemaakt in {folder}: {count} melding(en). Uw collega opent de map met "
        "'Andere kluis openen', of voegt hem samen met de eigen kluis "
        "(vpnotebook merge). Geef de map, het wachtwoord en de herstelcode apart van elkaar.",
        "Hand-over made in {folder}: {count} case(s). Your colleague opens the folder with "
        "'Open another vault', or merges it into their own vault (vpnotebook merge). Hand "
        "over the folder, the passphrase and the recovery code separately.",
    ),
    "logged": (
        "In uw kluis staat nu bij elke melding dat hij op {on} is overgedragen aan {to}.",
        "Your vault now records on each case that it was handed over to {to} on {on}.",
    ),
    "destroyed": (
        "{count} melding(en) zijn daarna in uw kluis vernietigd; de anonieme gegevens voor het "
        "jaarverslag zijn bewaard. Maak binnenkort een nieuwe reservekopie.",
        "{count} case(s) were then destroyed in your vault; the anonymous figures for the "
        "annual report are kept. Make a new backup soon.",
    ),
    "not_a_vault": (
        "{folder} is geen kluis of overdracht van vpnotebook.",
        "{folder} is not a vpnotebook vault or hand-over.",
    ),
    "same_folder": (
        "Dat is de map van uw eigen kluis. Geef de map van de overdracht.",
        "That is your own vault's folder. Give the hand-over's folder.",
    ),
    "prompt_handover": ("Wachtwoord van de overdracht: ", "Passphrase of the hand-over: "),
    "wrong_handover_secret": (
        "Het wachtwoord of de herstelcode van de overdracht klopt niet. Er is niets samengevoegd.",
        "The hand-over's passphrase or recovery code is not correct. Nothing was merged.",
    ),
    "merge_what": (
        "Uit de overdracht{by}: {cases} melding(en), {conversations} gesprek(ken).",
        "From the hand-over{by}: {cases} case(s), {conversations} conversation(s).",
    ),
    "by": (" van {name} ({on})", " by {name} ({on})"),
    "org_matched": (
        "  Organisatie {name}: al in uw kluis; haar gegevens blijven zoals ze zijn.",
        "  Organisation {name}: already in your vault; its details stay as they are.",
    ),
    "org_created": ("  Organisatie {name}: nieuw aangemaakt.", "  Organisation {name}: created."),
    "number": ("  {old} → {new}", "  {old} → {new}"),
    "numbers": (
        "Nieuwe meldingsnummers (het oude staat in de notities van de melding):",
        "New case numbers (the old one is in the case's notes):",
    ),
    "texts_below": (
        "  Bij {count} jaarverslag(en) staat de tekst van de overdracht onder uw eigen tekst.",
        "  For {count} annual report(s) the hand-over's text is below your own.",
    ),
    "dry_run": ("Proefrun: er is niets gewijzigd.", "Dry run: nothing was changed."),
    "merged": (
        "Samengevoegd: {cases} melding(en) met alles wat erbij hoort. Bewaar of verwijder de "
        "overdrachtsmap zorgvuldig: hij bevat de meldingen nog.",
        "Merged: {cases} case(s) with everything that belongs to them. Keep or delete the "
        "hand-over folder with care: it still holds the cases.",
    ),
}


def text(key: str, **values: Any) -> str:
    dutch, english = MESSAGES[key]
    return (english if language() == "en" else dutch).format(**values)


def _vault(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--vault", type=Path, required=True, metavar="DIR", help="your own vault folder"
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="your own vault's passphrase, from the first line of FILE "
        "(otherwise $VPNOTEBOOK_PASSPHRASE, otherwise a prompt)",
    )


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    handover = sub.add_parser(
        "handover",
        help="hand cases over to a substitute or successor VP, in a new encrypted vault",
        description="Write the chosen cases (all of one organisation, or some by number) with "
        "everything recorded about them, their organisation, departments and referral "
        "contacts into a new, separate vault folder for a colleague, with its own passphrase "
        "and recovery code (shown before anything is made). Every case needs the reporter's "
        "consent to the hand-over (a date on the case); without it nothing is handed over. "
        "Your vault records which cases went to whom, and when; with --destroy they are then "
        "destroyed in your vault. See docs/handover.md.",
        epilog="Exit codes: 0 handed over, 2 a case without consent, an unknown case or "
        "organisation, a weak passphrase, or a folder that is not new (nothing changed), "
        "3 wrong passphrase, 4 damaged vault, 5 vault in use, 1 anything else.",
    )
    _vault(handover)
    which = handover.add_mutually_exclusive_group(required=True)
    which.add_argument("--org", metavar="NAME", help="every case of this organisation")
    which.add_argument(
        "--case",
        action="append",
        metavar="NUMBER",
        help="a case by its number, such as 2025-004 (repeatable)",
    )
    handover.add_argument(
        "--out", type=Path, required=True, metavar="FOLDER", help="a new (or empty) folder"
    )
    handover.add_argument(
        "--to", required=True, metavar="NAME", help="the colleague's name, for your log"
    )
    handover.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help="the hand-over's passphrase, from the first line of FILE (otherwise a prompt); "
        "it must pass the passphrase policy and differ from your own",
    )
    handover.add_argument(
        "--destroy",
        action="store_true",
        help="destroy the cases in your vault after the hand-over (asks to confirm)",
    )
    handover.add_argument(
        "--yes", action="store_true", help="confirm --destroy without a question (scripts)"
    )
    _test_kdf(handover)
    handover.set_defaults(run=run_handover)

    merge = sub.add_parser(
        "merge",
        help="merge a colleague's hand-over (another vault) into your own vault",
        description="Add every record of HANDOVER to your vault in one transaction: "
        "organisations matched by name or created, case numbers continued in your sequence "
        "(the old number goes into the case's notes), nothing of yours overwritten. Asks your "
        "passphrase and the hand-over's. See docs/handover.md.",
        epilog="Exit codes: 0 merged (or dry run), 2 not a vault, the same vault, or merged "
        "before (use --again), 3 a wrong passphrase or recovery code, 4 damaged vault, "
        "5 vault in use, 1 anything else. Nothing is changed unless everything is merged.",
    )
    _vault(merge)
    merge.add_argument(
        "--handover-passphrase-file",
        type=Path,
        metavar="FILE",
        help="the hand-over's passphrase, from the first line of FILE "
        f"(otherwise ${HANDOVER_PASSPHRASE_ENV}, otherwise a prompt)",
    )
    merge.add_argument(
        "--handover-recovery-code-file",
        type=Path,
        metavar="FILE",
        help="open the hand-over with its recovery code from FILE instead",
    )
    merge.add_argument(
        "--dry-run", action="store_true", help="show what would be merged; change nothing"
    )
    merge.add_argument(
        "--again",
        action="store_true",
        help="merge a hand-over that was merged before all the same (every case twice)",
    )
    merge.add_argument("handover", type=Path, metavar="HANDOVER", help="the hand-over's folder")
    merge.set_defaults(run=run_merge)


def _test_kdf(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--argon2-memory-kib", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--argon2-iterations", type=int, help=argparse.SUPPRESS)


# -- handover ---------------------------------------------------------------------------------


def run_handover(args: argparse.Namespace) -> int:
    from ..core.handover.selection import require_consent, select_cases
    from ..core.handover.writing import (
        check_not_own_secret,
        check_recipient,
        check_target,
        write_handover,
    )
    from .commands import open_vault
    from .key_commands import explicit_kdf, say, show_secret

    confirm_by_terminal = args.destroy and not args.yes
    if confirm_by_terminal and not sys.stdin.isatty():
        raise UsageProblem(text("destroy_needs_yes"))
    params = explicit_kdf(args)
    recipient = check_recipient(args.to)
    with open_vault(args) as vault:
        journal = Journal(vault.db)
        selection = select_cases(journal, organisation=args.org, numbers=args.case or ())
        require_consent(selection)
        check_target(args.out, vault)
        say(text("what", to=recipient, count=len(selection.cases), numbers=selection.numbers()))
        passphrase = _new_handover_passphrase(args, journal, recipient)
        check_not_own_secret(vault, passphrase)
        if confirm_by_terminal:
            answer = input(text("destroy_confirm", count=len(selection.cases))).strip().lower()
            if answer not in ("vernietigen", "destroy"):
                say(text("destroy_cancelled"))
                return EXIT_OK
        code = recovery.generate()
        lines = [text("code_intro"), "", f"    {code}", "", text("code_outro")]
        try:
            show_secret(lines, "code_not_shown")
        except CliFailure:
            raise CliFailure(text("code_not_shown")) from None
        today = date.today()
        try:
            result = write_handover(
                vault,
                selection,
                args.out,
                passphrase=passphrase,
                recovery_code=code,
                recipient=recipient,
                today=today,
                destroy=args.destroy,
                kdf_params=params,
            )
        except VaultError as error:
            raise CliFailure.after(error, text("failed_after_code")) from error
    say(text("written", folder=result.folder, count=len(result.numbers)))
    say(text("logged", on=today.strftime("%d-%m-%Y"), to=recipient))
    if result.destroyed:
        say(text("destroyed", count=result.destroyed))
    return EXIT_OK


def _new_handover_passphrase(args: argparse.Namespace, journal: Journal, recipient: str) -> str:
    from ..core.passphrase_policy import assess

    if args.new_passphrase_file is not None:
        chosen = secrets_input.read_secret_file(args.new_passphrase_file)
    else:
        chosen = secrets_input.prompt_secret(text("prompt_new"))
        if secrets_input.prompt_secret(text("prompt_repeat")) != chosen:
            raise UsageProblem(cli_text("passphrases_differ"))
    verdict = assess(chosen, [*personal_context(journal), recipient])
    if not verdict.acceptable:
        raise UsageProblem(verdict.explain(language()))
    return chosen


# -- merge ------------------------------------------------------------------------------------


def run_merge(args: argparse.Namespace) -> int:
    from ..core.handover import merge as merging
    from .commands import open_vault
    from .key_commands import say

    if not is_vault(args.handover):
        raise UsageProblem(text("not_a_vault", folder=args.handover))
    if args.handover.resolve() == args.vault.resolve():
        raise UsageProblem(text("same_folder"))
    with open_vault(args) as mine:
        other = _open_handover(args)
        with other:
            source = Journal(other.db)
            result = merging.merge_vault(
                Journal(mine.db),
                source,
                target_id=mine.vault_id,
                source_id=other.vault_id,
                today=date.today(),
                again=args.again,
                dry_run=args.dry_run,
            )
    _tell_merge(result, say)
    say(text("dry_run") if args.dry_run else text("merged", cases=result.cases))
    return EXIT_OK


def _open_handover(args: argparse.Namespace) -> Vault:
    try:
        if args.handover_recovery_code_file is not None:
            code = secrets_input.recovery_code(args.handover_recovery_code_file)
            return Vault.open(args.handover, recovery_code=code, access=AUTO)
        return Vault.open(args.handover, passphrase=_handover_passphrase(args), access=AUTO)
    except WrongSecretError:
        raise CliFailure(text("wrong_handover_secret"), EXIT_WRONG_SECRET) from None


def _handover_passphrase(args: argparse.Namespace) -> str:
    if args.handover_passphrase_file is not None:
        return secrets_input.read_secret_file(args.handover_passphrase_file)
    from_env = os.environ.get(HANDOVER_PASSPHRASE_ENV)
    if from_env:
        return from_env
    return secrets_input.prompt_secret(text("prompt_handover"))


def _tell_merge(result: Any, say: Callable[[str], None]) -> None:
    by = ""
    if result.handed_over_by:
        on = result.handed_over_on
        with contextlib.suppress(ValueError):
            on = date.fromisoformat(on).strftime("%d-%m-%Y")
        by = text("by", name=result.handed_over_by, on=on)
    say(
        text(
            "merge_what",
            by=by,
            cases=result.cases,
            conversations=result.counts.get("conversations", 0),
        )
    )
    for name in result.organisations_matched:
        say(text("org_matched", name=name))
    for name in result.organisations_created:
        say(text("org_created", name=name))
    if result.texts_added_below:
        say(text("texts_below", count=result.texts_added_below))
    if result.numbers:
        say(text("numbers"))
        for old, new in result.numbers:
            say(text("number", old=old, new=new))
