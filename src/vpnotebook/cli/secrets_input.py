"""Where the CLI gets secrets from: a file, the environment (as restic does), or the terminal.

Secrets are never taken from the command line itself: arguments are visible to every user of
the machine in the process list.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .messages import UsageProblem, language, text

PASSPHRASE_ENV = "VPNOTEBOOK_PASSPHRASE"


def _read_secret_file(path: Path) -> str:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageProblem(text("secret_file_unreadable", path=path)) from exc
    first = raw.splitlines()[0] if raw else ""
    if not first:
        raise UsageProblem(text("secret_file_empty", path=path))
    return first


def _prompt(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise UsageProblem(text("no_terminal"))
    return getpass.getpass(prompt)


def read_secret_file(path: Path) -> str:
    """The first line of `path` (a passphrase or recovery code file); else exit 2."""
    return _read_secret_file(path)


def prompt_secret(prompt: str) -> str:
    """Ask in the terminal without echo; exit 2 when there is none."""
    return _prompt(prompt)


def existing_passphrase(file: Path | None) -> str:
    if file is not None:
        return _read_secret_file(file)
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    return _prompt(text("prompt_passphrase"))


def new_passphrase(file: Path | None, *, use_env: bool = True, personal: Sequence[str] = ()) -> str:
    """A new passphrase, held to the one policy (core/passphrase_policy.py): else exit 2.

    `personal` is what the vault knows of the VP (name, organisations): a passphrase made
    of those is easy to guess for anyone who knows them.
    """
    from ..core.passphrase_policy import assess

    if file is not None:
        chosen = _read_secret_file(file)
    elif use_env and os.environ.get(PASSPHRASE_ENV):
        chosen = os.environ[PASSPHRASE_ENV]
    else:
        chosen = _prompt(text("prompt_new_passphrase"))
        if _prompt(text("prompt_repeat_passphrase")) != chosen:
            raise UsageProblem(text("passphrases_differ"))
    verdict = assess(chosen, personal)
    if not verdict.acceptable:
        raise UsageProblem(verdict.explain(language()))
    return chosen


def recovery_code(file: Path | None) -> str:
    if file is not None:
        return _read_secret_file(file)
    return _prompt(text("prompt_recovery_code"))
