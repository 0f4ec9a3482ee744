#!/usr/bin/env bash
# The whole bench (bench/README.md): the scale data set on the production
# stack of scripts/stack.sh (Varnish, two gunicorn app servers, PostgreSQL,
# Redis, the worker), wrk on every page type through the proxy and straight
# to an app server, warm queries, and the survey journeys under load.
#   bash bench/run.sh [--quick]
# Writes bench/results/<time>.json and .md. Everything runs on 127.0.0.1 and
# is stopped by its PID at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: bash bench/run.sh [--quick]" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
started=$(date +%s)

work=$(mktemp -d /tmp/council-bench-XXXXXX)
chmod 755 "$work"
dir=$work/stack
cleanup() {
  bash "$root/scripts/stack.sh" stop "$dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# One client on 127.0.0.1 stands for many residents; email goes nowhere.
export PUBLIC_SURVEY_SUBMITS_PER_HOUR=1000000 PUBLIC_SAVE_EMAILS_PER_HOUR=1000000
export EMAILS_PER_ADDRESS_PER_HOUR=1000000
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export PUBLIC_CACHE_SECONDS=600
bash scripts/stack.sh start "$dir" >"$work/stack.out"
set -a
# shellcheck disable=SC1091
. "$dir/env"
set +a
proxy_port=$(cat "$dir/proxy.port")

# The built database is kept as a pg_dump named by what built it.
if [ "$quick" = 1 ]; then sizes="--case-studies 200 --consultations 30 --responses 6000"
else sizes="--case-studies 2000 --consultations 300 --responses 60000"; fi
key=$( { echo "$sizes"; cat bench/scale.py; find . -path ./.venv -prune -o -path '*/migrations/*.py' -print \
  | sort | xargs cat; find demo/content demo/translations -type f | sort | xargs cat; } | sha256sum | cut -c1-16)
cache=${BENCH_CACHE:-$HOME/.cache/council-bench}
mkdir -p "$cache"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -f "$cache/$key.dump" ] && [ -f "$cache/$key.json" ] && [ -f "$cache/$key.media.tar" ]; then
  echo "Restoring the data set from $cache/$key.dump" >&2
  "$pgbin/pg_restore" --clean --if-exists --no-owner -d "$DATABASE_URL" "$cache/$key.dump"
  # The images' files with it: without them every card would look for a
  # rendition it cannot make, on every request.
  tar -C "$MEDIA_ROOT" -xf "$cache/$key.media.tar"
  chown -R --reference="$MEDIA_ROOT" "$MEDIA_ROOT"
else
  echo "Building the data set ($sizes); kept in $cache/$key.dump for the next run" >&2
  DJANGO_SETTINGS_MODULE=council_site.settings.dev FRONTEND_CACHE_URL= \
    .venv/bin/python manage.py load_demo_content >"$work/demo.log"
  # shellcheck disable=SC2086
  DJANGO_SETTINGS_MODULE=council_site.settings.dev FRONTEND_CACHE_URL= \
    .venv/bin/python bench/scale.py $sizes >"$work/journey.json"
  "$pgbin/pg_dump" -Fc -d "$DATABASE_URL" -f "$cache/$key.dump.part"
  tar -C "$MEDIA_ROOT" -cf "$cache/$key.media.tar" .
  mv "$cache/$key.dump.part" "$cache/$key.dump"
  cp "$work/journey.json" "$cache/$key.json"
fi
cp "$cache/$key.json" "$work/journey.json"
# The default council answers at the proxy's address; nothing cached from
# before the data set is kept: Redis emptied, Varnish banned, the app
# servers' workers restarted (gunicorn's HUP) with fresh connections.
DJANGO_SETTINGS_MODULE=council_site.settings.production \
  .venv/bin/python manage.py setup_site --hostname 127.0.0.1 --port "$proxy_port" >/dev/null
redis-cli -u "$REDIS_URL" flushall >/dev/null
python3 -c 'import http.client, sys
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=10)
c.request("BAN", "/", headers={"Host": "127.0.0.1:" + sys.argv[1]}); c.getresponse().read()' "$proxy_port"
for file in "$dir"/pids/app*; do kill -HUP "$(cat "$file")"; done
sleep 3
for file in "$dir"/app*.port; do
  for _ in $(seq 1 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$(cat "$file")/health/" && break
    sleep 0.2
  done
done
echo "Set up in $(( $(date +%s) - started )) s" >&2

mkdir -p bench/results
out=bench/results/$(date -u +%Y%m%d-%H%M%S)$([ "$quick" = 1 ] && echo -quick || true)
args=()
[ "$quick" = 1 ] && args+=(--quick)
.venv/bin/python bench/load.py stack "$dir" "$work/journey.json" "$out" "${args[@]}"
echo "The bench took $(( $(date +%s) - started )) s; results in $out.md and $out.json" >&2
