"""A whole session with marker strings: they end up nowhere but inside the encrypted vault,
and the program never opens a network socket."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("session_driver.py")


def _environment(work: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    home = work / "home"
    for sub in ("config", "cache", "data", "state", "runtime"):
        (home / sub).mkdir(parents=True)
    (work / "tmp").mkdir()
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        TMPDIR=str(work / "tmp"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


@pytest.fixture(scope="module")
def session_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    work = tmp_path_factory.mktemp("sessie")
    result = subprocess.run(
        [sys.executable, str(DRIVER), str(work)],
        env=_environment(work),
        capture_output=True,
        text=True,
        timeout=240,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return work, json.loads(result.stdout.strip().splitlines()[-1])


def test_the_session_did_what_a_vp_does(session_run) -> None:
    _, outcome = session_run
    assert len(outcome["backups"]) == 1 and outcome["backups"][0].endswith(".vpbackup")
    assert len(outcome["exports"]) == 1 and outcome["exports"][0].endswith(".pdf")
    # The markers really went in: the scan below would prove nothing otherwise.
    from vpnotebook.core.journal import Journal
    from vpnotebook.core.models import Case, Reporter
    from vpnotebook.core.search import search
    from vpnotebook.vault.vault import Vault

    work, _ = session_run
    with Vault.open(work / "kluis", passphrase="paarse olifant danst op zolder") as vault:
        journal = Journal(vault.db)
        [case] = journal.find(Case)
        assert case.title == outcome["markers"]["title"]
        assert journal.get(Reporter, case.id).name == outcome["markers"]["reporter"]
        assert search(vault.db, outcome["markers"]["story"])
        assert journal.setting("vp_name") == outcome["markers"]["vp"]


def test_no_marker_in_any_file_the_program_touched(session_run) -> None:
    work, outcome = session_run
    markers = outcome["markers"].values()
    scanned = 0
    for path in work.rglob("*"):
        if not path.is_file() or path.parent.name == "exports":
            continue  # the report the VP chose to export is meant to be read
        data = path.read_bytes()
        scanned += 1
        for marker in markers:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert marker.encode(encoding) not in data, (path, marker)
            assert marker.lower().encode() not in data.lower(), (path, marker)
    assert scanned >= 4  # the vault's files, the settings, the backup at least
    settings = list((work / "home" / "config").rglob("*.ini"))
    assert settings, "the settings file was written where platformdirs says"


def test_the_exported_report_names_no_person(session_run) -> None:
    from pypdf import PdfReader

    work, outcome = session_run
    [pdf] = (work / "exports").iterdir()
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for key in ("title", "reporter", "wishes", "story"):
        assert outcome["markers"][key] not in text


def test_no_network_socket_was_opened(session_run) -> None:
    _, outcome = session_run
    assert outcome["inet_sockets"] == 0
    assert outcome["socket_events"] == []


def test_the_cli_opens_no_network_socket_either(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "events = []\n"
        "sys.addaudithook(lambda e, a: events.append(e) if e.startswith('socket.') else None)\n"
        "from vpnotebook.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('SOCKETS', len(events))\n"
        "sys.exit(code)\n"
    )
    passphrase = tmp_path / "pw"
    passphrase.write_text("zeven eenden zwemmen traag door de gracht\n")
    for argv in (
        [
            "init",
            "--vault",
            str(tmp_path / "v"),
            "--passphrase-file",
            str(passphrase),
            "--argon2-memory-kib",
            "1024",
            "--argon2-iterations",
            "1",
        ],
        [
            "demo",
            "--vault",
            str(tmp_path / "v"),
            "--passphrase-file",
            str(passphrase),
            "--cases",
            "20",
        ],
        [
            "backup",
            "--vault",
            str(tmp_path / "v"),
            "--passphrase-file",
            str(passphrase),
            "--out",
            str(tmp_path),
        ],
    ):
        result = subprocess.run(
            [sys.executable, "-c", script, *argv],
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, result.stderr
        assert "SOCKETS 0" in result.stdout
