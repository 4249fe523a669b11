"""The sub-commands about the vault's secrets: init, passwd, recover, new-recovery-code,
rekey and strengthen, and what every command says after an unlock.

Two rules shape them. A secret is shown before the slot that needs it is written: if the
recovery code cannot be printed (stdout full or closed), nothing changes. And every new
passphrase passes the one policy (core/passphrase_policy.py) or is refused with exit 2 and
the reason in plain words.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
from collections.abc import Sequence

from ..core.journal import Journal
from ..core.passphrase_policy import personal_context
from ..vault import recovery
from ..vault.errors import EXIT_OK, VaultError
from ..vault.kdf import (
    MAX_TARGET_MS,
    MIN_TARGET_MS,
    PRODUCTION,
    Argon2Params,
    KdfPolicy,
    calibrate,
    default_parallelism,
)
from ..vault.keyslots import PASSPHRASE
from ..vault.rekey import REKEY_FINISHED
from ..vault.vault import Vault
from . import secrets_input
from .messages import CliFailure, UsageProblem, text


def say(message: str = "") -> None:
    """Print to stdout; a closed or full stdout must not turn a finished job into a failure."""
    try:
        print(message, flush=True)
    except OSError:
        _silence_stdout()


def warn(message: str) -> None:
    with contextlib.suppress(OSError):
        print(message, file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    # What is still buffered must not fail again at exit ("Exception ignored …").
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def show_secret(lines: Sequence[str], failure_key: str) -> None:
    """Print a secret and make sure it left the program; else raise CliFailure.

    A regular file as stdout is fsynced too: a full disk may only tell at that moment.
    """
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
        fd = sys.stdout.fileno()
        if stat.S_ISREG(os.fstat(fd).st_mode):
            os.fsync(fd)
    except (OSError, ValueError) as exc:
        _silence_stdout()
        raise CliFailure(text(failure_key)) from exc


def recovery_code_lines(code: str) -> list[str]:
    return [text("recovery_code_intro"), "", f"    {code}", "", text("recovery_code_outro")]


# -- key derivation options -----------------------------------------------------------------


def explicit_kdf(args: argparse.Namespace) -> Argon2Params | None:
    """The hidden test options: explicit, cheap Argon2id parameters instead of calibration."""
    memory = getattr(args, "argon2_memory_kib", None)
    iterations = getattr(args, "argon2_iterations", None)
    if memory is None and iterations is None:
        return None
    if memory is None or iterations is None or memory < 8 or iterations < 1:
        raise UsageProblem("--argon2-memory-kib and --argon2-iterations go together (>= 8, >= 1)")
    params = Argon2Params(
        memory_kib=memory,
        iterations=iterations,
        parallelism=min(default_parallelism(), memory // 8),
    )
    if not params.within_bounds:
        raise UsageProblem(text("kdf_out_of_bounds"))
    if not params.meets(PRODUCTION.floor):
        warn(text("weak_kdf"))
    return params


def policy_of(args: argparse.Namespace) -> KdfPolicy:
    params = explicit_kdf(args)
    return KdfPolicy.explicit(params) if params is not None else PRODUCTION


# -- opening, and what is said after it -----------------------------------------------------


def tell_after_unlock(
    vault: Vault, args: argparse.Namespace, *, strengthening: bool = False
) -> None:
    """What opening found is told on stderr: a restore or a re-key that was killed half-way,
    a read-only opening, slots below the floor."""
    from .commands import tell_what_opening_did

    tell_what_opening_did(vault)
    if vault.rekey_recovered is not None:
        key = "rekey_finished" if vault.rekey_recovered == REKEY_FINISHED else "rekey_undone"
        warn(text(key))
    weak = vault.weak_slots()
    if weak and not strengthening:
        floor = vault.policy.floor
        for kind in weak:
            params = vault.slot_file.slots[kind].params
            warn(
                text(
                    "weak_slot_passphrase" if kind == PASSPHRASE else "weak_slot_recovery",
                    params=params.describe(),
                    floor=floor.describe(),
                )
            )
        warn(text("weak_slot_advice", folder=args.vault))


def open_vault(
    args: argparse.Namespace, *, strengthening: bool = False, access: str = "rw"
) -> Vault:
    vault = Vault.open(
        args.vault,
        passphrase=secrets_input.existing_passphrase(args.passphrase_file),
        access=access,
        policy=policy_of(args),
    )
    tell_after_unlock(vault, args, strengthening=strengthening)
    return vault


def _personal(vault: Vault) -> list[str]:
    return personal_context(Journal(vault.db))


# -- the commands -----------------------------------------------------------------------------


def create(args: argparse.Namespace) -> Vault:
    """`init`, and `demo` into a new folder: policy, calibration, the code shown, then the vault."""
    passphrase = secrets_input.new_passphrase(args.passphrase_file)
    params = explicit_kdf(args)
    if params is None:
        calibration = calibrate(getattr(args, "decryption_time", None) or PRODUCTION.target_ms)
        params = calibration.params
        if calibration.memory_limited:
            warn(
                text(
                    "kdf_memory_limited",
                    memory=params.describe(),
                    total=round((calibration.total_memory_bytes or 0) / 1024**3, 1),
                )
            )
    code = recovery.generate()
    # Shown first: a vault whose code nobody saw must never exist.
    show_secret(recovery_code_lines(code), "init_code_not_shown")
    try:
        vault, _ = Vault.create(args.vault, passphrase, recovery_code=code, kdf_params=params)
    except VaultError as error:
        raise CliFailure.after(error, text("init_failed_after_code")) from error
    say(text("created", folder=args.vault))
    say(text("kdf_chosen", params=params.describe()))
    return vault


def init(args: argparse.Namespace) -> int:
    if not MIN_TARGET_MS <= args.decryption_time <= MAX_TARGET_MS:
        raise UsageProblem(text("decryption_time_range", low=MIN_TARGET_MS, high=MAX_TARGET_MS))
    create(args).close()
    return EXIT_OK


def passwd(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        new = secrets_input.new_passphrase(
            args.new_passphrase_file, use_env=False, personal=_personal(vault)
        )
        vault.change_passphrase(new)
    say(text("passphrase_changed"))
    say(text("rekey_offer", folder=args.vault))
    return EXIT_OK


def recover(args: argparse.Namespace) -> int:
    code = secrets_input.recovery_code(args.recovery_code_file)
    with Vault.open(args.vault, recovery_code=code, policy=policy_of(args)) as vault:
        tell_after_unlock(vault, args, strengthening=True)
        new = secrets_input.new_passphrase(
            args.new_passphrase_file, use_env=False, personal=_personal(vault)
        )
        vault.change_passphrase(new)
    say(text("recovered"))
    say(text("rekey_offer", folder=args.vault))
    return EXIT_OK


def new_recovery_code(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        code = recovery.generate()
        show_secret([text("new_recovery_code_made"), *recovery_code_lines(code)], "code_not_shown")
        try:
            vault.set_recovery_code(code)
        except VaultError as error:
            raise CliFailure.after(error, text("code_not_stored")) from error
    say(text("new_recovery_code"))
    say(text("rekey_offer", folder=args.vault))
    return EXIT_OK


def rekey(args: argparse.Namespace) -> int:
    if args.new_recovery_code and args.recovery_code_file is not None:
        raise UsageProblem(text("rekey_code_choice"))
    if not args.new_recovery_code and args.recovery_code_file is None and not sys.stdin.isatty():
        raise UsageProblem(text("rekey_code_choice"))
    passphrase = secrets_input.existing_passphrase(args.passphrase_file)
    with Vault.open(args.vault, passphrase=passphrase, policy=policy_of(args)) as vault:
        tell_after_unlock(vault, args, strengthening=True)
        if args.new_recovery_code:
            code = recovery.generate()
            show_secret(
                [text("rekey_new_code"), *recovery_code_lines(code)], "rekey_code_not_shown"
            )
        else:
            code = secrets_input.recovery_code(args.recovery_code_file)
        say(text("rekey_busy"))
        try:
            vault.rekey(
                passphrase=passphrase,
                recovery_code=code,
                recovery_code_is_new=args.new_recovery_code,
            )
        except VaultError as error:
            if not args.new_recovery_code:
                raise
            raise CliFailure.after(error, text("rekey_code_not_used")) from error
    say(text("rekey_done"))
    return EXIT_OK


def strengthen(args: argparse.Namespace) -> int:
    passphrase = secrets_input.existing_passphrase(args.passphrase_file)
    code = (
        secrets_input.recovery_code(args.recovery_code_file)
        if args.recovery_code_file is not None
        else None
    )
    with Vault.open(args.vault, passphrase=passphrase, policy=policy_of(args)) as vault:
        tell_after_unlock(vault, args, strengthening=True)
        vault.strengthen(passphrase=passphrase, recovery_code=code)
        for kind, slot in vault.slot_file.slots.items():
            say(
                text(
                    "strengthened_passphrase" if kind == PASSPHRASE else "strengthened_recovery",
                    params=slot.params.describe(),
                )
            )
        if vault.weak_slots():
            say(text("strengthen_recovery_needs_code", folder=args.vault))
    return EXIT_OK
