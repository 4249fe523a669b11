"""A full disk or a read-only medium does not lock the VP out: `check`, `export` and `backup`
open the vault read-only, say so, and write nothing into its folder (issue 17, item 5).

The faults are real: each run happens in a private mount namespace (`unshare`), where the
vault folder is either a read-only bind mount (EROFS, as a write-protected stick or a
read-only share) or a small tmpfs filled to the last byte (ENOSPC). The CLI runs there as a
subprocess; its output and the files it writes outside the vault come back to the test.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Organisation
from vpnotebook.vault import wal
from vpnotebook.vault.backup import list_backups, verify_backup
from vpnotebook.vault.errors import ReadOnlyUnavailableError
from vpnotebook.vault.restore import restore_backup
from vpnotebook.vault.vault import Vault

PASSPHRASE = "correct paard batterij niet"

# Each command's exit code, stdout and stderr go to OUT/<name>.{rc,out,err}.
RUN = """\
run() {{ name=$1; shift; "$@" >"{out}/$name.out" 2>"{out}/$name.err"; echo $? >"{out}/$name.rc"; }}
"""

READ_ONLY_MEDIUM = """\
set -u
mount --bind {medium} {medium}
mount -o remount,ro,bind {medium}
touch {medium}/probe 2>/dev/null && echo writable > {out}/medium
"""

FULL_DISK = """\
set -u
mount -t tmpfs -o size=3m,mode=0700 tmpfs {medium}
[ -z "$(ls -A {medium})" ] || exit 3
cp -a {source} {medium}/
dd if=/dev/zero of={medium}/vulling bs=4k >/dev/null 2>&1
touch {medium}/probe 2>/dev/null && [ -s {medium}/probe ] && echo writable > {out}/medium
echo x > {medium}/probe2 2>/dev/null && echo writable > {out}/medium
rm -f {medium}/probe {medium}/probe2
"""


def _unshare() -> list[str]:
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is needed to make a read-only or full disk")
    prefix = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        prefix[1:1] = ["--user", "--map-root-user"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"no private mount namespace here: {probe.stderr.decode(errors='replace')}")
    return prefix


def _in_namespace(
    setup: str, commands: dict[str, list[object]], out: Path, **where: Path
) -> dict[str, Any]:
    out.mkdir(exist_ok=True)
    script = RUN.format(out=shlex.quote(str(out)))
    script += setup.format(
        out=shlex.quote(str(out)), **{k: shlex.quote(str(v)) for k, v in where.items()}
    )
    for name, words in commands.items():
        script += "run " + name + " " + " ".join(shlex.quote(str(w)) for w in words) + "\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VPNOTEBOOK_")}
    done = subprocess.run(
        [*_unshare(), "sh", "-c", script], env=env, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert not (out / "medium").exists(), "the medium was writable after all"
    results = {}
    for name in commands:
        results[name] = {
            "rc": int((out / f"{name}.rc").read_text()),
            "out": (out / f"{name}.out").read_text(encoding="utf-8"),
            "err": (out / f"{name}.err").read_text(encoding="utf-8"),
        }
        assert "Traceback" not in results[name]["err"], results[name]["err"]
    return results


def _cli(*args: object) -> list[object]:
    return [sys.executable, "-m", "vpnotebook", *args]


def _commands(
    vault: Path, passphrase_file: Path, export: Path, stick: Path
) -> dict[str, list[object]]:
    secret = ("--passphrase-file", passphrase_file)
    return {
        "check": _cli("check", "--vault", vault, *secret),
        "export": _cli("export", "--vault", vault, *secret, "--out", export, "--yes"),
        "backup": _cli("backup", "--vault", vault, *secret, "--out", stick),
    }


def _fill(folder: Path, names: list[str]) -> None:
    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        journal = Journal(vault.db)
        for name in names:
            journal.add(Organisation(name=name))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _assert_worked(
    h: ModuleType,
    results: dict[str, Any],
    export: Path,
    stick: Path,
    names: list[str],
    tmp_path: Path,
) -> None:
    notice = h.cli_text("opened_read_only")
    for name in ("check", "export", "backup"):
        assert results[name]["rc"] == 0, results[name]
        assert notice.search(results[name]["err"]), results[name]
    assert h.cli_text("backup_not_recorded").search(results["backup"]["out"])
    exported = json.loads(export.read_text(encoding="utf-8"))
    assert [r["name"] for r in exported["records"]["organisations"]] == names
    (made,) = list_backups(stick)
    verify_backup(made, passphrase=PASSPHRASE)
    restored = tmp_path / "hersteld"
    restore_backup(made, restored, passphrase=PASSPHRASE)
    with Vault.open(restored, passphrase=PASSPHRASE) as vault:
        assert [o.name for o in Journal(vault.db).find(Organisation)] == names


def test_a_vault_on_a_read_only_medium_can_be_checked_exported_and_backed_up(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    names = ["Stichting Alleen-lezen", "Gemeente Schrijfbeveiligd"]
    _fill(cli_vault.folder, names)
    before = _snapshot(cli_vault.folder)
    stick, export = tmp_path / "usb-stick", tmp_path / "export.json"
    stick.mkdir()
    results = _in_namespace(
        READ_ONLY_MEDIUM,
        _commands(cli_vault.folder, cli_vault.passphrase_file, export, stick),
        tmp_path / "uitvoer",
        medium=cli_vault.folder,
    )
    _assert_worked(h, results, export, stick, names, tmp_path)
    assert _snapshot(cli_vault.folder) == before  # not a byte written, not even a lock file


def test_a_vault_on_a_full_disk_can_be_checked_exported_and_backed_up(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    names = ["Stichting Volle Schijf"]
    _fill(cli_vault.folder, names)
    medium = tmp_path / "schijf"
    medium.mkdir()
    stick, export = tmp_path / "usb-stick", tmp_path / "export.json"
    stick.mkdir()
    inside = medium / cli_vault.folder.name
    results = _in_namespace(
        FULL_DISK,
        _commands(inside, cli_vault.passphrase_file, export, stick),
        tmp_path / "uitvoer",
        medium=medium,
        source=cli_vault.folder,
    )
    _assert_worked(h, results, export, stick, names, tmp_path)


# Commits, then waits to be killed: the log keeps them, with its -shm file.
CRASH = """\
import sys
from pathlib import Path
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Organisation
from vpnotebook.vault.vault import Vault
folder = Path(sys.argv[1])
vault = Vault.open(folder, passphrase=sys.argv[2])
Journal(vault.db).add(Organisation(name="Alleen in het logbestand"))
print("committed", flush=True)
sys.stdin.readline()
"""


def test_commits_still_in_the_log_are_read_and_backed_up_from_a_read_only_medium(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    _fill(cli_vault.folder, ["Stichting In Het Bestand"])
    script = h.write_script(tmp_path, "crash.py", CRASH)
    with h.child(
        h.python_command(script, cli_vault.folder, PASSPHRASE), stdin=subprocess.PIPE
    ) as writer:
        h.LineReader(writer.stdout).wait_for(1)
        h.kill_and_reap(writer)
    assert wal.inspect(cli_vault.folder / "vault.db-wal").committed_frames > 0
    stick, export = tmp_path / "usb-stick", tmp_path / "export.json"
    stick.mkdir()
    results = _in_namespace(
        READ_ONLY_MEDIUM,
        _commands(cli_vault.folder, cli_vault.passphrase_file, export, stick),
        tmp_path / "uitvoer",
        medium=cli_vault.folder,
    )
    _assert_worked(
        h,
        results,
        export,
        stick,
        ["Stichting In Het Bestand", "Alleen in het logbestand"],
        tmp_path,
    )


def test_a_log_that_cannot_be_read_without_writing_is_refused_by_name_not_skipped(
    h: ModuleType, cli_vault: Any, tmp_path: Path
) -> None:
    script = h.write_script(tmp_path, "crash.py", CRASH)
    with h.child(
        h.python_command(script, cli_vault.folder, PASSPHRASE), stdin=subprocess.PIPE
    ) as writer:
        h.LineReader(writer.stdout).wait_for(1)
        h.kill_and_reap(writer)
    # Copied without its -shm file (a sync tool that skips it): SQLite would have to write one.
    (cli_vault.folder / "vault.db-shm").unlink()
    results = _in_namespace(
        READ_ONLY_MEDIUM,
        {
            "check": _cli(
                "check", "--vault", cli_vault.folder, "--passphrase-file", cli_vault.passphrase_file
            )
        },
        tmp_path / "uitvoer",
        medium=cli_vault.folder,
    )
    assert results["check"]["rc"] == 1, results["check"]
    assert ReadOnlyUnavailableError.message_nl in results["check"]["err"]
