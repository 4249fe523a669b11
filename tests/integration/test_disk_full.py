"""The disk fills up while the journal writes: a clear Dutch message, and nothing is lost.

The child process limits the size of the files it may write (RLIMIT_FSIZE, with SIGXFSZ
ignored), which is what a full disk looks like to SQLite: a write that fails part-way. It
keeps adding conversations until one fails, then frees the "disk" and writes again in the
same session. The parent then opens the vault afresh and checks every record that was
reported as saved, and the database's integrity.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation
from vpnotebook.vault.errors import StorageError
from vpnotebook.vault.vault import Vault

PASSPHRASE = "de schijf loopt vol"

_CHILD = """
import json, resource, signal, sys
from datetime import date
from pathlib import Path
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Conversation, Organisation
from vpnotebook.vault.errors import VaultError
from vpnotebook.vault.kdf import TEST_PARAMS
from vpnotebook.vault.vault import Vault

folder, passphrase = Path(sys.argv[1]), sys.argv[2]
vault, _code = Vault.create(folder, passphrase, kdf_params=TEST_PARAMS)
journal = Journal(vault.db)
org = journal.add(Organisation(name="Stichting Volle Schijf"))
case = journal.add(Case(organisation_id=org.id, first_contact=date(2026, 1, 5),
                        contact_type="report", reporter_role="employee", title="Bewaard"))
vault.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
limit = (folder / "vault.db").stat().st_size + 96 * 1024
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
saved, failure = [], None
for n in range(400):
    try:
        added = journal.add(Conversation(case_id=case.id, held_on=date(2026, 1, 6),
                                         notes=f"gesprek {n} " + "tekst " * 3000))
    except VaultError as error:
        failure = {"type": type(error).__name__, "nl": error.message("nl")}
        break
    saved.append(added.id)
# Space again (the VP emptied the recycle bin): the same session goes on writing.
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
after = journal.add(Conversation(case_id=case.id, held_on=date(2026, 1, 7), notes="daarna"))
vault.close()
print(json.dumps({"case": case.id, "saved": saved, "failure": failure, "after": after.id}))
"""


def test_a_full_disk_while_writing_gives_the_dutch_message_and_loses_nothing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kluis"
    finished = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert "Traceback" not in finished.stderr
    report = json.loads(finished.stdout.strip().splitlines()[-1])

    failure = report["failure"]
    assert failure is not None, "the size limit was never reached"
    assert failure == {"type": "StorageError", "nl": StorageError.message_nl}
    assert report["saved"], "some conversations fitted before the disk was full"

    with Vault.open(folder, passphrase=PASSPHRASE) as vault:
        assert vault.db.integrity_problems() == []
        journal = Journal(vault.db)
        assert journal.get(Case, report["case"]).title == "Bewaard"
        stored = {c.id: c.notes for c in journal.find(Conversation)}
        assert sorted(stored) == sorted([*report["saved"], report["after"]])
        for n, record_id in enumerate(report["saved"]):
            assert stored[record_id].startswith(f"gesprek {n} ")
        assert stored[report["after"]] == "daarna"
