#!/usr/bin/env bash
# Wagtail's own demo site (bakerydemo) under the same wrk harness as ours, as
# the reference for bench/run.sh's figures (bench/README.md).
#   git clone https://github.com/wagtail/bakerydemo /tmp/bakerydemo
#   bash bench/bakerydemo.sh /tmp/bakerydemo [--quick]
# Makes a venv of its own in the checkout (.bench-venv, kept for the next run;
# bakerydemo needs Python 3.12 or newer: BAKERY_PYTHON names one, else the
# first python3.13/python3.12 found, pyenv's included), installs its
# requirements/base.txt with gunicorn and WhiteNoise, builds a throwaway SQLite
# database with its fixtures (load_initial_data), serves it with its production
# settings (DEBUG off) under gunicorn with 2 workers on 127.0.0.1 (as one of our
# app servers) and runs wrk on home, blog index, blog page, breads index, bread
# page and search, with a static file from the same server as the reference.
# Writes bench/results/<time>-bakerydemo.json and .md; stops gunicorn by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
checkout=${1:?"the path to a bakerydemo checkout (git clone https://github.com/wagtail/bakerydemo)"}
checkout=$(cd "$checkout" && pwd)
quick=()
[ "${2:-}" = --quick ] && quick=(--quick)
[ -f "$checkout/bakerydemo/settings/production.py" ] || { echo "$checkout is not a bakerydemo checkout" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

python=${BAKERY_PYTHON:-}
if [ -z "$python" ]; then
  for candidate in python3.13 python3.12 "$HOME"/.pyenv/versions/3.13*/bin/python3 \
      "$HOME"/.pyenv/versions/3.12*/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
        && "$candidate" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
      python=$(command -v "$candidate"); break
    fi
  done
fi
[ -n "$python" ] || { echo "bakerydemo needs Python 3.12 or newer: set BAKERY_PYTHON" >&2; exit 1; }
venv=$checkout/.bench-venv
if [ ! -x "$venv/bin/gunicorn" ]; then
  echo "Installing bakerydemo's requirements into $venv with $python" >&2
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q -r "$checkout/requirements/base.txt" gunicorn whitenoise
fi

work=$(mktemp -d /tmp/bakerydemo-bench-XXXXXX)
pidfile=$work/gunicorn.pid
cleanup() {
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production
export DJANGO_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
# Plain HTTP on the loopback, as our stack (SECURE_SSL_REDIRECT=0 there too).
export SECURE_SSL_REDIRECT=False
export DATABASE_URL=sqlite:///$work/bakerydemo.sqlite3
export PYTHONDONTWRITEBYTECODE=1
cd "$checkout"
"$venv/bin/python" manage.py migrate --noinput -v 0
"$venv/bin/python" manage.py load_initial_data >"$work/load.log" 2>&1
"$venv/bin/python" manage.py collectstatic --noinput -v 0
pages=$("$venv/bin/python" manage.py shell -c '
from bakerydemo.blog.models import BlogPage
from bakerydemo.breads.models import BreadPage
blog = BlogPage.objects.live().order_by("path").first()
bread = BreadPage.objects.live().order_by("path").first()
print(f"home=/ blog_index={blog.get_parent().url} blog_page={blog.url} "
      f"breads_index={bread.get_parent().url} bread_page={bread.url} search=/search/?q=bread")
' 2>/dev/null | tail -n 1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
(exec setsid "$venv/bin/gunicorn" bakerydemo.wsgi --bind "127.0.0.1:$port" --workers 2 \
  --timeout 30 >"$work/gunicorn.log" 2>&1) &
echo $! >"$pidfile"
for _ in $(seq 1 150); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.2
done
cd "$root"
mkdir -p bench/results
out=bench/results/$(date -u +%Y%m%d-%H%M%S)-bakerydemo
# shellcheck disable=SC2086
.venv/bin/python bench/load.py pages "http://127.0.0.1:$port" "$(cat "$pidfile")" "$out" \
  $pages --title "bakerydemo ($(git -C "$checkout" rev-parse --short HEAD 2>/dev/null || echo checkout))" \
  "${quick[@]}"
