# Shared by scripts/start, scripts/run-tests and packaging/build-linux: make the venv and
# install the project into it, once. Sourced, not run.
#
# Install once: after a successful install the venv holds a stamp, the SHA-256 of
# pyproject.toml, the version file (its metadata is made at install time) and the extras.
# While those are unchanged a start runs no pip at all. Edit pyproject.toml (a new
# dependency) or the version, and the next start installs again.
#
# System libraries: the list is the one the program itself checks before it opens a window
# (src/vpnotebook/gui/platform/display.py, derived from the ELF files of Qt's X11 plugin and
# libraries; tests/unit/test_start_scripts.py keeps it complete). As root on Debian/Ubuntu
# the missing ones are installed; otherwise the apt-get command is shown.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VPNOTEBOOK_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
STAMP="$VENV/.vpnotebook-installed"
LIBRARY_LIST="$ROOT/src/vpnotebook/gui/platform/display.py"

# Debian packages missing from this machine: $1 = all (a window on X11) or headless (what any
# start of Qt needs, the offscreen test platform included). One line each, none if complete.
missing_system_packages() {
  local which="$1" known
  [ "$(uname -s)" = Linux ] && command -v ldconfig >/dev/null || return 0
  known="$(ldconfig -p 2>/dev/null | awk 'NR > 1 { print $1 }' | sort -u)"
  "$PYTHON" -I "$LIBRARY_LIST" "$which" | while read -r soname package; do
    [ "$package" = libc6 ] && continue  # glibc is there, or nothing would run
    grep -qxF "$soname" <<<"$known" || echo "$package"
  done | sort -u
}

apt_install() {
  echo "Installing system packages: $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_system_packages() {
  local missing required
  missing="$(missing_system_packages all)"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    # shellcheck disable=SC2086  # one word per package
    apt_install $missing
    return 0
  fi
  required="$(missing_system_packages headless)"
  if [ -n "$required" ]; then
    echo "Qt kan niet starten zonder deze systeempakketten / Qt cannot start without these" \
         "system packages:" >&2
    echo "    sudo apt-get install $(echo $missing)" >&2
    exit 1
  fi
  echo "Voor een venster op X11 ontbreken / missing for a window on X11:" \
       "sudo apt-get install $(echo $missing)" >&2
}

# The stamp for `extras` ("" or "[test]") with this pyproject.toml and version.
stamp_for() {
  { cat "$ROOT/pyproject.toml" "$ROOT/src/vpnotebook/__init__.py"; printf '%s' "$1"; } \
    | sha256sum | cut -d' ' -f1
}

# The tests set a fake clock (the autumn DST hour, impossible dates) with libfaketime.
install_test_tools() {
  command -v faketime >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt_install faketime
  else
    echo "Voor de tests met een nagebootste klok / for the tests with a faked clock:" \
         "sudo apt-get install faketime" >&2
  fi
}

setup_venv() {
  local extras="$1"
  install_system_packages
  if [ "$extras" = "[test]" ]; then
    install_test_tools
  fi
  if [ -x "$VENV/bin/python" ] && grep -qxF "$(stamp_for "$extras")" "$STAMP" 2>/dev/null; then
    return 0  # installed from this very pyproject.toml: no pip
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt_install python3-venv
      else
        echo "Python kan geen venv maken / Python cannot make a venv:" \
             "sudo apt-get install python3-venv" >&2
        exit 1
      fi
    fi
    "$PYTHON" -m venv "$VENV"
  fi
  echo "Installing vpnotebook$extras into $VENV (once; again only when pyproject.toml changes)"
  local pip=("$VENV/bin/python" -m pip --disable-pip-version-check)
  "${pip[@]}" install --quiet --upgrade pip
  # The distribution was first called `vpnotebook`; that name on the package index is
  # another project. An old editable install of it would sit beside the new one.
  if "${pip[@]}" show --quiet vpnotebook >/dev/null 2>&1; then
    "${pip[@]}" uninstall --quiet --yes vpnotebook
  fi
  # setuptools warns about the resources/ mapping in every editable build: nothing to act on.
  PYTHONWARNINGS="ignore:Editable installation" "${pip[@]}" install --quiet -e "$ROOT$extras"
  {
    stamp_for "$extras"
    if [ "$extras" = "[test]" ]; then
      stamp_for ""  # the test extras include everything a plain start needs
    fi
  } >"$STAMP"
}
