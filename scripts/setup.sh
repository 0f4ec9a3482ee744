#!/usr/bin/env bash
# Creates .venv with Python 3.11+ and installs the locked dependencies.
# Quick when nothing has changed: it reinstalls only when requirements.lock does.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-}
if [ -z "$python" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python=$candidate; break; fi
  done
fi
"$python" -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $("$python" --version)"
  "$python" -m venv .venv
fi

stamp=.venv/.requirements.lock.sha256
if ! sha256sum --status -c "$stamp" 2>/dev/null; then
  echo "Installing dependencies from requirements.lock"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements.lock
  sha256sum requirements.lock > "$stamp"
fi
