"""Helpers for the integration tests: run the real CLI, start helper processes, read their
output with a deadline, and look for plaintext in files.

Loaded by `conftest.py` (the suite runs with `--import-mode=importlib`, so test modules cannot
import a sibling module by name) and handed to the tests through the `h` fixture.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from vpnotebook.cli.messages import MESSAGES
from vpnotebook.vault.errors import VaultError

PASSPHRASE = "correct paard batterij niet"
OTHER_PASSPHRASE = "een heel ander wachtwoord"
# Cheap key derivation, asked for explicitly on the command line (never a hidden global).
CHEAP_KDF = ("--argon2-memory-kib", "1024", "--argon2-iterations", "1")
RECOVERY_CODE = re.compile(r"^\s*([0-9A-Z]{5}(?:-[0-9A-Z]{5}){5})\s*$", re.MULTILINE)
TIMEOUT = 30.0


# -- the command line ------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return (
            f"vpnotebook {' '.join(self.args)} -> exit {self.code}\n"
            f"--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"
        )


def cli_env(
    *, language: str | None = None, passphrase: str | None = None, tmpdir: Path | None = None
) -> dict[str, str]:
    """The caller's environment without any VPNOTEBOOK_* setting, plus the ones asked for."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("VPNOTEBOOK_")}
    if language is not None:
        env["VPNOTEBOOK_LANGUAGE"] = language
    if passphrase is not None:
        env["VPNOTEBOOK_PASSPHRASE"] = passphrase
    if tmpdir is not None:
        for name in ("TMPDIR", "TEMP", "TMP"):
            env[name] = str(tmpdir)
    return env


def python_command(*args: object) -> list[str]:
    return [sys.executable, *(str(arg) for arg in args)]


def run_cli(*args: object, env: dict[str, str] | None = None, umask: int = -1) -> Result:
    """Run `python -m vpnotebook ARGS` as a user would from a script: no terminal on stdin."""
    words = tuple(str(arg) for arg in args)
    completed = subprocess.run(
        python_command("-m", "vpnotebook", *words),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=cli_env() if env is None else env,
        timeout=TIMEOUT,
        umask=umask,
    )
    result = Result(words, completed.returncode, completed.stdout, completed.stderr)
    # A traceback could carry case content; the CLI must never show one, whatever happens.
    assert "Traceback" not in result.stderr, str(result)
    assert "Traceback" not in result.stdout, str(result)
    return result


def nl(error: type[VaultError]) -> str:
    return error.message_nl


def cli_text(key: str, language: str = "nl") -> re.Pattern[str]:
    """A pattern for a message of cli/messages.py; `{placeholders}` match any text."""
    dutch, english = MESSAGES[key]
    template = english if language == "en" else dutch
    parts = re.split(r"\{[a-z_]+\}", template)
    return re.compile(".+?".join(re.escape(part) for part in parts))


def refusal(passphrase: str, language: str = "nl", personal: Sequence[str] = ()) -> str:
    """The policy's reason for refusing `passphrase`, exactly as the CLI prints it."""
    from vpnotebook.core.passphrase_policy import assess

    verdict = assess(passphrase, personal)
    assert not verdict.acceptable, passphrase
    return verdict.explain(language)


def expect(result: Result, code: int, message: str | re.Pattern[str] | None = None) -> None:
    """The exit code, and (if given) the message on stderr, exactly as the product words it."""
    assert result.code == code, str(result)
    if message is None:
        return
    if isinstance(message, str):
        assert message in result.stderr, f"expected on stderr: {message!r}\n{result}"
    else:
        assert message.search(result.stderr), f"expected on stderr: {message.pattern}\n{result}"


def recovery_code_in(output: str) -> str:
    found = RECOVERY_CODE.findall(output)
    assert len(found) == 1, f"expected exactly one recovery code in:\n{output}"
    return found[0]


@dataclass(frozen=True)
class CliVault:
    """A vault made through `vpnotebook init`, with the secrets that open it."""

    folder: Path
    passphrase_file: Path
    recovery_code: str


def write_secret(path: Path, secret: str) -> Path:
    path.write_text(secret + "\n", encoding="utf-8")
    return path


def init_vault(folder: Path, passphrase_file: Path) -> CliVault:
    result = run_cli("init", "--vault", folder, "--passphrase-file", passphrase_file, *CHEAP_KDF)
    expect(result, 0)
    return CliVault(folder, passphrase_file, recovery_code_in(result.stdout))


def check(folder: Path, passphrase_file: Path, **env: str) -> Result:
    return run_cli(
        "check",
        "--vault",
        folder,
        "--passphrase-file",
        passphrase_file,
        env=cli_env(**env) if env else None,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# -- helper processes ------------------------------------------------------------------------


class LineReader:
    """Collects a child's stdout lines on a thread, so the test can wait with a deadline."""

    def __init__(self, stream: object) -> None:
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream: object) -> None:
        try:
            for line in stream:  # type: ignore[attr-defined]
                self._queue.put(line.rstrip("\n"))
        except (OSError, ValueError):  # the stream was closed under us: the child is gone
            pass
        finally:
            self._queue.put(None)

    def wait_for(self, count: int, *, timeout: float = TIMEOUT) -> list[str]:
        """Block until `count` lines in total have arrived; fail at the deadline or at EOF."""
        deadline = time.monotonic() + timeout
        while len(self.lines) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"only {len(self.lines)} of {count} lines before deadline")
            try:
                line = self._queue.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                raise AssertionError(f"child ended after {len(self.lines)} of {count} lines")
            self.lines.append(line)
        return self.lines

    def take_available(self) -> list[str]:
        """Every line that has arrived so far, without waiting (for busy-polling loops)."""
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                return self.lines
            if line is None:
                self._queue.put(None)  # keep the end-of-stream mark for wait_for and drain
                return self.lines
            self.lines.append(line)

    def drain(self) -> list[str]:
        """After the child has ended: every line it wrote (it may have written more)."""
        self._thread.join(TIMEOUT)
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                return self.lines
            if line is not None:
                self.lines.append(line)


@contextlib.contextmanager
def child(
    args: Sequence[object],
    *,
    env: dict[str, str] | None = None,
    stdin: int = subprocess.DEVNULL,
    umask: int = -1,
) -> Iterator[subprocess.Popen[str]]:
    """A helper process that is always ended (SIGKILL if still running) and reaped."""
    process = subprocess.Popen(
        [str(arg) for arg in args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=cli_env() if env is None else env,
        umask=umask,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(TIMEOUT)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def kill_and_reap(process: subprocess.Popen[str]) -> None:
    """SIGKILL (on POSIX) and wait: the child gets no chance to clean up."""
    process.kill()
    process.wait(TIMEOUT)


def poll_until(condition: object, *, timeout: float = TIMEOUT, what: str = "condition") -> None:
    """Busy-poll `condition()` until it is true; no sleeping, so a short window is not missed."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")


def write_script(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return path


# Opens the vault through the Python API and keeps it open until stdin closes.
HOLDER_SCRIPT = """\
import sys
from pathlib import Path

from vpnotebook.vault.vault import Vault

folder, passphrase_file = Path(sys.argv[1]), Path(sys.argv[2])
passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
with Vault.open(folder, passphrase=passphrase):
    print("open", flush=True)
    sys.stdin.read()
print("closed", flush=True)
"""

# Adds organisation, case and conversation records, each in its own committed transaction,
# and reports each one on stdout only after its commit returned.
WRITER_SCRIPT = """\
import sys
from datetime import date
from pathlib import Path

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation
from vpnotebook.vault.vault import Vault

folder, passphrase_file, first = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
with Vault.open(folder, passphrase=passphrase) as vault:
    journal = Journal(vault.db)
    print("open", flush=True)
    for n in range(first, first + 100_000):
        org = journal.add(Organisation(name=f"Organisatie {n}"))
        print(f"organisation {org.id} {n}", flush=True)
        case = journal.add(
            Case(
                organisation_id=org.id,
                first_contact=date(2025, 1, 1 + n % 28),
                contact_type="report",
                reporter_role="employee",
                categories=("bullying",),
                title=f"Melding {n}",
            )
        )
        print(f"case {case.id} {n}", flush=True)
        talk = journal.add(
            Conversation(case_id=case.id, held_on=date(2025, 2, 1), story=f"Gesprek {n} ë")
        )
        print(f"conversation {talk.id} {n}", flush=True)
"""

# Changes the passphrase back and forth, reporting each change only after it returned.
PASSWD_LOOP_SCRIPT = """\
import sys
from pathlib import Path

from vpnotebook.vault.vault import Vault

folder = Path(sys.argv[1])
first, second = sys.argv[2], sys.argv[3]
with Vault.open(folder, passphrase=first) as vault:
    print("open", flush=True)
    current, other = first, second
    for _ in range(100_000):
        vault.change_passphrase(other)
        current, other = other, current
        print("first" if current == first else "second", flush=True)
"""

# Stores records whose every free-text field carries a marker, reads them back, and keeps the
# vault open (write-ahead log and all) until told to close on stdin.
MARKER_WRITER_SCRIPT = """\
import json
import sys
from datetime import date
from pathlib import Path

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation, Reporter
from vpnotebook.vault.vault import Vault

folder, passphrase_file = Path(sys.argv[1]), Path(sys.argv[2])
markers = json.loads(sys.argv[3])
passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
with Vault.open(folder, passphrase=passphrase) as vault:
    journal = Journal(vault.db)
    org = journal.add(Organisation(name=markers["organisation"], notes=markers["notes"]))
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2025, 3, 4),
            contact_type="report",
            reporter_role="employee",
            categories=("intimidation",),
            title=markers["case"],
            reporter_wishes=markers["wishes"],
        )
    )
    journal.add(Reporter(case_id=case.id, name=markers["reporter"], contact=markers["contact"]))
    talk = journal.add(
        Conversation(
            case_id=case.id,
            held_on=date(2025, 3, 5),
            story=markers["story"],
            notes=markers["conversation_notes"],
        )
    )
    # Read everything back: proof that the markers really are stored in this vault.
    stored = [
        journal.get(Organisation, org.id).name,
        journal.get(Organisation, org.id).notes,
        journal.get(Case, case.id).title,
        journal.get(Case, case.id).reporter_wishes,
        journal.get(Reporter, case.id).name,
        journal.get(Reporter, case.id).contact,
        journal.get(Conversation, talk.id).story,
        journal.get(Conversation, talk.id).notes,
    ]
    assert sorted(stored) == sorted(markers.values()), stored
    print("stored", flush=True)
    sys.stdin.readline()
print("closed", flush=True)
"""


# -- plaintext search ------------------------------------------------------------------------


def encodings_of(marker: str) -> dict[str, bytes]:
    """The byte forms a marker could take in a file, in the encodings asked for and more."""
    return {
        "utf-8": marker.encode("utf-8"),
        "utf-8 (NFD)": unicodedata.normalize("NFD", marker).encode("utf-8"),
        "utf-16-le": marker.encode("utf-16-le"),
        "utf-16-be": marker.encode("utf-16-be"),
    }


def find_plaintext(roots: Sequence[Path], markers: Sequence[str]) -> list[str]:
    """Every (file, marker, encoding) where a marker is found, for a readable failure."""
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            data = path.read_bytes()
            for marker in markers:
                for encoding, needle in encodings_of(marker).items():
                    if needle in data:
                        found.append(f"{path}: {marker!r} as {encoding}")
    return found
