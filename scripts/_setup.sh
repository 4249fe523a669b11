# Shared by scripts/start and scripts/run-tests: make .venv and install the project into it.
# Sourced, not run. Installs the few system libraries Qt needs when run as root on Debian.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VPNOTEBOOK_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

need_debian_packages() {
  local missing=()
  "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || missing+=("python3-venv")
  # The tests set a fake clock (DST, impossible dates) with libfaketime.
  command -v faketime >/dev/null || missing+=("faketime")
  for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 \
             libglib-2.0.so.0; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("$lib")
  done
  printf '%s\n' "${missing[@]}"
}

install_system_packages() {
  local missing
  missing="$(need_debian_packages)"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages Qt and venv need: $(echo $missing)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      python3-venv libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
      faketime >/dev/null
  else
    echo "Missing system packages: $(echo $missing)" >&2
    echo "Install them with: sudo apt-get install python3-venv libegl1 libgl1 libxkbcommon0" \
         "libfontconfig1 libdbus-1-3 libglib2.0-0 faketime" >&2
    exit 1
  fi
}

setup_venv() {
  local extras="$1"
  install_system_packages
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT$extras"
}
