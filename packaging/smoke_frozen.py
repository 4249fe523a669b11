"""Smoke test of the frozen program, the same on Linux, Windows and macOS.

    python packaging/smoke_frozen.py PROGRAM_FOLDER [PROGRAM]

PROGRAM_FOLDER is the one-folder bundle (dist/vpnotebook, or vpnotebook.app/Contents/MacOS);
PROGRAM the command-line program in it (default: vpnotebook, or vpnotebook-cli.exe on
Windows). With throwaway vaults, settings and data folders (nothing of a real vault or of the
user's settings is touched), headless (QT_QPA_PLATFORM=offscreen), it runs:
  --version (must print the version of the sources), init (cheap key derivation; a recovery
  code must be shown), check, demo into a fresh vault, check, report --overview (a PDF: needs
  reportlab's fonts in the bundle), and the GUI smoke driver (packaging/smoke_gui.py, frozen
  as vpnotebook-smoke next to the bundle by the spec) on a copy of the bundle: the unlock
  screen, unlocking, locking, the bundle's translations and icons, and the report PDF's first
  page rendered by pypdfium2. Pictures go to build/smoke/. Exit 0 only if all pass.

Run by packaging/build-linux, packaging/build-macos and packaging/build-windows.ps1, and so by
the workflows in .github/workflows/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"
PASSPHRASE = "correct paard batterij niet"
CHEAP_KDF = ["--argon2-memory-kib", "1024", "--argon2-iterations", "1"]
RECOVERY_CODE = re.compile(r"^\s*[0-9A-Z]{5}(-[0-9A-Z]{5}){5}\s*$", re.MULTILINE)


def fail(message: str) -> None:
    print(f"SMOKE FAILED: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def version_of_sources() -> str:
    text = (ROOT / "src" / "vpnotebook" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    assert match
    return match[1]


def clean_environment(scratch: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VPNOTEBOOK_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(scratch / name.lower())
    for name in ("APPDATA", "LOCALAPPDATA"):  # platformdirs on Windows
        env[name] = str(scratch / name.lower())
    env["HOME"] = str(scratch / "home")  # platformdirs on macOS (~/Library/...)
    for value in (scratch / "home", scratch / "tmp"):
        value.mkdir(parents=True, exist_ok=True)
    env["TMPDIR"] = env["TEMP"] = env["TMP"] = str(scratch / "tmp")
    return env


def run(name: str, command: list[str], env: dict[str, str], timeout: int = 120) -> str:
    print(
        f"-- {name}: {' '.join(Path(command[0]).name if i == 0 else c for i, c in enumerate(command))}",
        flush=True,
    )
    done = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", errors="replace",
        env=env, stdin=subprocess.DEVNULL, timeout=timeout,
    )  # fmt: skip
    for line in (done.stdout + done.stderr).splitlines():
        print(f"   | {line}")
    if "Traceback" in done.stdout + done.stderr:
        fail(f"{name} printed a traceback")
    if done.returncode != 0:
        fail(f"{name} exited with {done.returncode}")
    return done.stdout


def main() -> int:
    folder = Path(sys.argv[1]).resolve()
    default = "vpnotebook-cli.exe" if WINDOWS else "vpnotebook"
    program = str(folder / (sys.argv[2] if len(sys.argv) > 2 else default))
    smoke_driver = (
        ROOT / "build" / "vpnotebook" / ("vpnotebook-smoke" + (".exe" if WINDOWS else ""))
    )
    pictures = ROOT / "build" / "smoke"
    with tempfile.TemporaryDirectory(prefix="vpnotebook-smoke-") as name:
        scratch = Path(name)
        env = clean_environment(scratch)
        secret = scratch / "wachtwoord.txt"
        secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
        secret.chmod(0o600)
        kluis, demo = str(scratch / "kluis"), str(scratch / "demo")

        shown = run("version", [program, "--version"], env).strip()
        if shown != f"vpnotebook {version_of_sources()}":
            fail(f"--version says {shown!r}")
        created = run(
            "init",
            [program, "init", "--vault", kluis, "--passphrase-file", str(secret), *CHEAP_KDF],
            env,
        )
        if not RECOVERY_CODE.search(created):
            fail("init showed no recovery code")
        run("check", [program, "check", "--vault", kluis, "--passphrase-file", str(secret)], env)
        run("demo", [program, "demo", "--vault", demo, "--passphrase-file", str(secret), *CHEAP_KDF, "--cases", "40", "--seed", "1", "--today", "2026-11-28"], env)  # fmt: skip
        run(
            "demo-check", [program, "check", "--vault", demo, "--passphrase-file", str(secret)], env
        )
        pdf = scratch / "overzicht.pdf"
        run("report", [program, "report", "--vault", demo, "--passphrase-file", str(secret), "--year", "2026", "--overview", "--out", str(pdf)], env)  # fmt: skip
        if not pdf.read_bytes().startswith(b"%PDF-"):
            fail("report wrote no PDF")

        print("-- GUI: the smoke driver on a copy of the bundle", flush=True)
        if pictures.exists():
            shutil.rmtree(pictures)
        pictures.mkdir(parents=True)
        copy = scratch / "bundle"
        shutil.copytree(folder, copy, symlinks=True)
        shutil.copy2(smoke_driver, copy / smoke_driver.name)
        run(
            "gui",
            [str(copy / smoke_driver.name), demo, str(secret), str(scratch / "s.ini"), str(pictures), str(pdf)],
            env,
        )  # fmt: skip
    print("== Smoke test of the frozen program passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
