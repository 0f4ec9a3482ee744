#!/usr/bin/env bash
# README command 2: set up everything and run every check and test.
# Uses PostgreSQL when it can (DATABASE_URL, or a throwaway cluster when
# PostgreSQL is installed) and SQLite otherwise; browser tests use Debian's
# /usr/bin/chromium. Extra arguments go to pytest, for example `-m browser`.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages the tests need, where this machine can install them.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
# The production stack's test (tests/stack/): the caching proxy, Redis, and wrk for bench/.
[ -x /usr/sbin/varnishd ] || command -v varnishd >/dev/null 2>&1 || missing+=(varnish)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" fonts-noto-core >/dev/null
  else
    echo "Not installed: ${missing[*]} (install them with your package manager)" >&2
  fi
fi

bash scripts/setup.sh
# The Nu HTML Checker (vnu.jar) for tests/browser/test_html_checker.py.
bash scripts/check-html.sh --install-only || echo "vnu.jar could not be installed: the HTML check will fail in CI and be skipped elsewhere" >&2
export DJANGO_SETTINGS_MODULE=council_site.settings.test

pgdir=""
cleanup() { if [ -n "$pgdir" ]; then bash scripts/postgres.sh stop "$pgdir"; fi; }
trap cleanup EXIT
if [ -z "${DATABASE_URL:-}" ] && [ "${TEST_DATABASE:-postgres}" != sqlite ]; then
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
    pgdir=$(mktemp -d /tmp/council-pg.XXXXXX)
    database_url=$(bash scripts/postgres.sh start "$pgdir")
    export "$database_url"
    echo "Testing against a throwaway PostgreSQL cluster (${DATABASE_URL})"
  else
    echo "PostgreSQL is not installed: testing on SQLite only" >&2
  fi
fi

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== djhtml"
.venv/bin/djhtml --check templates */templates
echo "== Django checks"
.venv/bin/python manage.py check --fail-level WARNING
.venv/bin/python manage.py makemigrations --check --dry-run
DJANGO_SETTINGS_MODULE=council_site.settings.production SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(60))') \
  .venv/bin/python manage.py check --deploy --fail-level WARNING
echo "== security linter and advisories"
.venv/bin/bandit -q -ll -r core consultations delivery events search strategy case_studies home staff_logins council_site \
  -x '*/migrations/*'
bash scripts/audit.sh
echo "== pytest"
# On every core (TEST_WORKERS=1 for one process): each worker has a test
# database of its own; the browser layer and the demo's tests keep to one each.
workers=${TEST_WORKERS:-$(nproc 2>/dev/null || echo 1)}
if [ "$workers" -gt 1 ]; then
  .venv/bin/python -m pytest -n "$workers" --dist loadgroup "$@"
else
  .venv/bin/python -m pytest "$@"
fi
