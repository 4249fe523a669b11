"""SIGKILL during `vpnotebook merge`, over and over: the target vault is always exactly as it
was before the merge, or — killed after the commit — holds all of the hand-over; it always
passes `check` (issue 13).

The victim is a real `vpnotebook merge` in its own process. Around the product's own
`merge_vault` it counts the merge's progress calls (one per record added, all inside the one
transaction) and, at the chosen one, says so on stdout and waits: the test kills it at
exactly that point, no sleeping involved. Point 0 pauses right after the merge returned, when
the transaction is committed.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from types import ModuleType

from vpnotebook.core.exchange import RECORD_TABLES
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation
from vpnotebook.vault.vault import Vault

HANDOVER_PASSPHRASE = "zeven vrolijke wolken boven het stille meer"

VICTIM = """\
import sys

from vpnotebook.core.handover import merge as merging

point = int(sys.argv[1])
real = merging.merge_vault


def pause(what):
    print(f"paused {what}", flush=True)
    sys.stdin.readline()


def pausing_merge(*args, **kwargs):
    calls = 0

    def progress(done, total):
        nonlocal calls
        calls += 1
        if calls == point:
            pause(f"{done}/{total}")

    kwargs["progress"] = progress
    result = real(*args, **kwargs)
    if point == 0:
        pause("after the commit")
    return result


merging.merge_vault = pausing_merge
from vpnotebook.cli import main

sys.exit(main(sys.argv[2:]))
"""


def _rows(folder: Path, passphrase: str) -> dict[str, list[str]]:
    with Vault.open(folder, passphrase=passphrase) as vault:
        return {
            table: sorted(repr(tuple(r)) for r in vault.db.query(f"SELECT * FROM {table}"))
            for table in (*RECORD_TABLES, "case_categories", "settings", "search_index")
        }


def test_sigkill_anywhere_in_a_merge_leaves_the_target_as_it_was(
    h: ModuleType, handover_kit: ModuleType, tmp_path: Path
) -> None:
    source = h.init_vault(tmp_path / "bron", h.write_secret(tmp_path / "b.txt", h.PASSPHRASE))
    with Vault.open(source.folder, passphrase=h.PASSPHRASE) as vault:
        journal = Journal(vault.db)
        practice = handover_kit.fill_practice(journal)
        with vault.db.transaction():  # more records: more places to be killed
            for n in range(30):
                case = journal.add(
                    Case(
                        organisation_id=practice.linde,
                        first_contact=date(2025, 1 + n % 12, 1 + n % 27),
                        contact_type="report",
                        reporter_role="employee",
                        categories=("bullying", "aggression"),
                        title=f"Extra melding {n}",
                        handover_consent_on=handover_kit.CONSENT,
                    )
                )
                for day in (2, 9):
                    journal.add(
                        Conversation(case_id=case.id, held_on=date(2025, 2, day), story=f"{n}")
                    )
    new = h.write_secret(tmp_path / "nieuw.txt", HANDOVER_PASSPHRASE)
    handed = tmp_path / "overdracht"
    h.expect(
        h.run_cli(
            "handover", "--vault", source.folder, "--passphrase-file", source.passphrase_file,
            "--new-passphrase-file", new, "--org", "Zorggroep De Linde", "--to", "P. Jansen",
            "--out", handed, *h.CHEAP_KDF,
        ),
        0,
    )  # fmt: skip

    mine = h.init_vault(tmp_path / "mijn", h.write_secret(tmp_path / "m.txt", h.OTHER_PASSPHRASE))
    with Vault.open(mine.folder, passphrase=h.OTHER_PASSPHRASE) as vault:
        handover_kit.fill_practice(Journal(vault.db))  # the same names and numbers: all clash
    pristine = tmp_path / "ongerept"
    shutil.copytree(mine.folder, pristine)
    before = _rows(mine.folder, h.OTHER_PASSPHRASE)
    with Vault.open(handed, passphrase=HANDOVER_PASSPHRASE) as other:
        total = sum(Journal(other.db).record_counts().values())
    assert total > 100

    script = h.write_script(tmp_path, "slachtoffer.py", VICTIM)
    command = [
        "merge", "--vault", mine.folder, "--passphrase-file", mine.passphrase_file,
        "--handover-passphrase-file", new, handed,
    ]  # fmt: skip
    inside = [1, 2, 3, 5, 8, 13, 21, 34, 40, 55, 60, 70, 80, 89, 95, 100]
    points = [*inside, total - 1, total, *inside[::4], 0, 0]
    kills = inside_kills = 0
    merged: dict[str, list[str]] | None = None
    for point in points:
        with h.child(h.python_command(script, point, *command), stdin=subprocess.PIPE) as victim:
            lines = h.LineReader(victim.stdout)
            first = lines.wait_for(1)[0]
            assert first.startswith("paused"), first
            h.kill_and_reap(victim)
        kills += 1
        h.expect(h.check(mine.folder, mine.passphrase_file), 0)
        rows = _rows(mine.folder, h.OTHER_PASSPHRASE)
        if point == 0:
            # Killed after the commit: every record of the hand-over is there, once.
            assert len(rows["cases"]) == len(before["cases"]) + len(practice.cases) - 1 + 30
            assert set(before["cases"]) <= set(rows["cases"])
            merged = merged or rows
            assert {t: len(r) for t, r in rows.items()} == {t: len(r) for t, r in merged.items()}
        else:
            assert rows == before, f"killed at progress call {point} of {total}"
            inside_kills += 1
        shutil.rmtree(mine.folder)
        shutil.copytree(pristine, mine.folder)
    assert kills >= 20 and inside_kills >= 18
    # And unkilled, the same merge completes, and the hand-over itself was never touched.
    h.expect(h.run_cli(*command), 0)
    h.expect(h.check(handed, new), 0)
