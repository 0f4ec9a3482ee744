#!/usr/bin/env bash
# The Nu HTML Checker over one page of each public type, in English and Urdu,
# as the demo site serves them (tests/browser/test_html_checker.py: it builds
# the demo, serves it with gunicorn, fetches the pages and runs vnu.jar on
# them). Needs Java 17 or newer and npm. Extra arguments go to pytest.
#
#   bash scripts/check-html.sh                  # install vnu.jar, then check
#   bash scripts/check-html.sh --install-only   # install vnu.jar (scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
checker=tests/browser/html_checker
jar=$checker/node_modules/vnu-jar/build/dist/vnu.jar
if command -v npm >/dev/null 2>&1; then
  # Again only when the lock file changed. Install scripts are not run: the
  # package's own would try to download a Java runtime.
  if [ ! -f "$jar" ] || ! (cd "$checker" && sha256sum --status -c node_modules/.package-lock.sha256 2>/dev/null); then
    (cd "$checker" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
      && sha256sum package-lock.json > node_modules/.package-lock.sha256)
  fi
else
  echo "npm is not installed: the HTML check is skipped (apt-get install npm)" >&2
fi
[ "${1:-}" = --install-only ] && exit 0
command -v java >/dev/null 2>&1 || { echo "Java is not installed (apt-get install default-jre-headless)" >&2; exit 1; }
bash scripts/setup.sh
export DJANGO_SETTINGS_MODULE=council_site.settings.test
exec .venv/bin/python -m pytest tests/browser/test_html_checker.py "$@"
