"""The first start on a fresh machine: scripts/start and scripts/run-tests install once, know
every library Qt's X11 plugin links, and a start without a screen says what to do and exits 1
instead of letting Qt abort the process (SIGABRT).

The library list lives once, in vpnotebook.gui.platform.display: the program checks it before
it opens a window, and scripts/_setup.sh runs that file to learn what to install. Here it is
held against the real ELF files of the installed PySide6.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from vpnotebook import __version__
from vpnotebook.gui.platform import display

ROOT = Path(__file__).resolve().parents[2]
LINUX_ONLY = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="ELF files, X11 and bash: Linux only"
)

# -- the library list is derived from Qt's own files ---------------------------------------


def elf_needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (what `ldd` starts from)."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, f"not ELF64 LE: {path}"
    (section_offset,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_offset + index * entry_size)
        for index in range(count)
    ]
    names = []
    for _, kind, _, _, offset, size, link, *_ in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for position in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, position)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                start = strings + value
                names.append(data[start : data.index(b"\0", start)].decode())
    return names


def qt_system_libraries() -> set[str]:
    """System libraries named by the Qt files a start on X11 loads (Qt's own ones followed)."""
    import PySide6
    import shiboken6

    pyside = Path(PySide6.__file__).parent
    qt = pyside / "Qt"
    shipped = {
        path.name: path
        for folder in (qt / "lib", pyside, Path(shiboken6.__file__).parent)
        for path in folder.glob("*.so*")
    }
    start = [qt / "plugins" / "platforms" / "libqxcb.so"]
    start += sorted((qt / "plugins" / "xcbglintegrations").glob("*.so"))
    start += [
        next(pyside.glob(f"{module}.*.so"))
        for module in ("QtCore", "QtGui", "QtWidgets", "QtDBus", "QtPrintSupport")
    ]
    seen: set[Path] = set()
    system: set[str] = set()
    stack = list(start)
    while stack:
        path = stack.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in elf_needed(path):
            if name in shipped:
                stack.append(shipped[name])
            else:
                system.add(name)
    return system


@LINUX_ONLY
def test_the_library_list_is_what_qts_x11_plugin_links() -> None:
    needed = qt_system_libraries()
    assert "libxcb-icccm.so.4" in needed and "libxcb-keysyms.so.1" in needed  # the 2 once missed
    listed = set(display.LINUX_LIBRARIES)
    assert needed - listed == set(), "add these to display.LINUX_LIBRARIES"
    # Nothing listed that nothing needs (the other architecture's loader aside).
    loaders = {name for name in listed if name.startswith("ld-linux")}
    assert listed - needed - loaders == set(), "no longer needed: remove from the list"
    assert listed >= display.HEADLESS_LIBRARIES


@LINUX_ONLY
def test_setup_names_the_packages_of_missing_libraries(tmp_path: Path) -> None:
    # A machine whose ldconfig knows only the headless libraries: _setup.sh must name every
    # X11 package, and nothing for "headless".
    fake = tmp_path / "bin"
    fake.mkdir()
    lines = "".join(
        f"\t{name} (libc6,x86-64) => /lib/{name}\n" for name in sorted(display.HEADLESS_LIBRARIES)
    )
    (fake / "ldconfig").write_text(f"#!/bin/sh\nprintf '%d libs found in cache\\n{lines}' 0\n")
    (fake / "ldconfig").chmod(0o755)
    script = f'source "{ROOT}/scripts/_setup.sh"; missing_system_packages "$1"'
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}", "PYTHON": sys.executable}

    def missing(which: str) -> list[str]:
        done = subprocess.run(
            ["bash", "-c", script, "setup", which], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    expected = {
        package
        for name, package in display.LINUX_LIBRARIES.items()
        if name not in display.HEADLESS_LIBRARIES and package != "libc6"
    }
    assert set(missing("all")) == expected
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"} <= expected
    assert missing("headless") == []


# -- the display check -----------------------------------------------------------------------


def test_the_display_check() -> None:
    def problem(env: dict[str, str], *, platform: str = "linux", loads: bool = True) -> str | None:
        return display.display_problem(
            env, platform, loadable=lambda name: loads, x11_reachable=lambda name: True
        )

    assert problem({}) == display.NO_DISPLAY
    assert problem({"QT_QPA_PLATFORM": "xcb"}) == display.NO_DISPLAY
    assert problem({"QT_QPA_PLATFORM": "wayland"}) == display.NO_DISPLAY
    for headless in ("offscreen", "minimal", "vnc:size=800x600", "offscreen;xcb"):
        assert problem({"QT_QPA_PLATFORM": headless}) is None
    assert problem({"DISPLAY": ":0"}) is None
    assert problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert problem({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}) == (
        display.NO_DISPLAY
    )
    for system in ("win32", "darwin"):
        assert problem({}, platform=system) is None

    # Libraries are looked for only when X11 will be used, and each missing one is named.
    assert problem({"WAYLAND_DISPLAY": "wayland-0"}, loads=False) is None
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    message = display.display_problem(
        {"DISPLAY": ":0"}, "linux", loadable=lambda name: name not in gone
    )
    assert message is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in message
    unreachable = display.display_problem(
        {"DISPLAY": ":5"}, "linux", loadable=lambda name: True, x11_reachable=lambda name: False
    )
    assert unreachable == display.NO_CONNECTION.format(display=":5")


@pytest.mark.parametrize(
    "message", [display.NO_DISPLAY, display.NO_CONNECTION, display.MISSING_LIBRARIES]
)
def test_each_display_message_is_dutch_then_english(message: str) -> None:
    dutch, english = message.split("\nvpnotebook ")
    assert "kan geen" in dutch and "cannot" in english


def _headless_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
        and not key.startswith("VPNOTEBOOK_")
    }
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    env.update(extra)
    return env


def _program() -> list[str]:
    return [sys.executable, "-m", "vpnotebook"]


@LINUX_ONLY
def test_a_start_without_a_screen_says_what_to_do(tmp_path: Path) -> None:
    done = subprocess.run(
        [*_program(), "--vault", str(tmp_path / "kluis")],
        capture_output=True,
        text=True,
        env=_headless_env(tmp_path),
        timeout=60,
    )
    assert done.returncode == 1, (done.returncode, done.stderr)  # not -SIGABRT (134)
    assert done.stderr.strip() == display.NO_DISPLAY
    assert done.stdout == ""
    assert not (tmp_path / "kluis").exists()


@LINUX_ONLY
def test_a_start_on_a_display_that_is_gone_says_so(tmp_path: Path) -> None:
    # A DISPLAY left over from a closed session: Qt would abort ("could not connect").
    gone = ":{}".format(
        next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    )
    done = subprocess.run(
        _program(),
        capture_output=True,
        text=True,
        env=_headless_env(tmp_path, DISPLAY=gone),
        timeout=60,
    )
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert done.returncode != -signal.SIGABRT
    assert done.stderr.strip() == display.NO_CONNECTION.format(display=gone)


@LINUX_ONLY
def test_the_version_needs_no_screen(tmp_path: Path) -> None:
    done = subprocess.run(
        [*_program(), "--version"],
        capture_output=True,
        text=True,
        env=_headless_env(tmp_path),
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (0, f"vpnotebook {__version__}\n")


# -- install once: the stamp ---------------------------------------------------------------


def _stamp(extras: str) -> str:
    """As _setup.sh's stamp_for: SHA-256 of pyproject.toml, the version file, the extras."""
    version_file = ROOT / "src" / "vpnotebook" / "__init__.py"
    content = (ROOT / "pyproject.toml").read_bytes() + version_file.read_bytes()
    return hashlib.sha256(content + extras.encode()).hexdigest()


@pytest.fixture
def fake_venv(tmp_path: Path) -> tuple[Path, Path]:
    """A venv whose python logs every pip run instead of doing it (and runs the rest)."""
    venv, log = tmp_path / "venv", tmp_path / "pip.log"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text(
        "#!/bin/bash\n"
        f'if [ "$1" = -m ] && [ "$2" = pip ]; then echo "$*" >> "{log}"; exit 0; fi\n'
        f'exec "{sys.executable}" "$@"\n'
    )
    program = venv / "bin" / "vpnotebook"
    program.write_text(f'#!/bin/bash\nexec "{sys.executable}" -m vpnotebook "$@"\n')
    for path in (python, program):
        path.chmod(0o755)
    return venv, log


def _start(venv: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = _headless_env(tmp_path, VPNOTEBOOK_VENV=str(venv), PYTHON=sys.executable)
    return subprocess.run(
        [str(ROOT / "scripts" / "start"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@LINUX_ONLY
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_second_start_runs_no_pip(fake_venv: tuple[Path, Path], tmp_path: Path) -> None:
    venv, log = fake_venv
    (venv / ".vpnotebook-installed").write_text(_stamp("") + "\n")
    done = _start(venv, tmp_path, "--version")
    assert (done.returncode, done.stdout) == (0, f"vpnotebook {__version__}\n"), done.stderr
    assert not log.exists(), log.read_text()

    # Without a screen: the program's own message, exit 1, and still no pip.
    done = _start(venv, tmp_path)
    assert done.returncode == 1
    assert display.NO_DISPLAY in done.stderr
    assert not log.exists()


@LINUX_ONLY
def test_a_changed_pyproject_installs_again_once(
    fake_venv: tuple[Path, Path], tmp_path: Path
) -> None:
    venv, log = fake_venv
    stamp = venv / ".vpnotebook-installed"
    stamp.write_text("0" * 64 + "\n")  # made from another pyproject.toml
    done = _start(venv, tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    runs = log.read_text().splitlines()
    assert f"-m pip --disable-pip-version-check install --quiet -e {ROOT}" in runs
    assert stamp.read_text().split() == [_stamp("")]
    log.unlink()
    assert _start(venv, tmp_path, "--version").returncode == 0
    assert not log.exists()

    # The test extras: their own stamp, which also covers a plain start.
    env = _headless_env(tmp_path, VPNOTEBOOK_VENV=str(venv), PYTHON=sys.executable)
    script = f'source "{ROOT}/scripts/_setup.sh"; setup_venv "[test]"'
    subprocess.run(["bash", "-c", script], check=True, env=env, capture_output=True, timeout=120)
    assert f"install --quiet -e {ROOT}[test]" in log.read_text()
    assert stamp.read_text().split() == [_stamp("[test]"), _stamp("")]
