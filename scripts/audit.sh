#!/usr/bin/env bash
# Known vulnerabilities in the locked dependencies, from PyPI's advisory
# service (pip-audit). Fails when a locked version has a known advisory.
# Where the service cannot be reached (a machine that sees only a package
# mirror), it says so: then nothing was checked.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
.venv/bin/pip-audit -r requirements.lock --no-deps --disable-pip --progress-spinner off >"$out" 2>&1 || status=$?
unchecked=$(grep -c "could not be audited" "$out" || true)
locked=$(grep -c "==" requirements.lock || true)
if [ "$status" -ne 0 ] && ! grep -q "could not be audited" "$out"; then
  cat "$out"
  exit "$status"
fi
grep -v "could not be audited" "$out" || true
if [ "$unchecked" -ge "$locked" ]; then
  echo "pip-audit: the advisory service could not be reached; no dependency was checked" >&2
elif [ "$unchecked" -gt 0 ]; then
  echo "pip-audit: $unchecked of $locked dependencies could not be checked" >&2
fi
exit "$status"
