#!/usr/bin/env bash
# The production stack on this machine, without Docker (README, "Running it
# for real"): PostgreSQL, Redis, two or more gunicorn app servers with the
# production settings, the background worker and Varnish in front, each an
# unprivileged process on a spare loopback port, each stopped by its PID.
#   scripts/stack.sh start [DIR] [--demo] [--app-servers N]
#       -> prints STACK_URL=http://127.0.0.1:PORT/ (and the other addresses);
#          migrates, collects static files, loads the demo content with --demo
#   scripts/stack.sh stop [DIR]  -> stops what start started, by PID, and removes DIR
# DIR defaults to /tmp/council-stack. Extra settings for the app servers come
# from the environment (docs/env-vars.md), e.g. PUBLIC_CACHE_SECONDS.
# Needs Debian's postgresql, redis-server and varnish, and .venv (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

cmd=${1:?start or stop}
shift
dir=/tmp/council-stack
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then dir=$1; shift; fi
demo=0
app_servers=2
while [ $# -gt 0 ]; do
  case "$1" in
    --demo) demo=1 ;;
    --app-servers) app_servers=${2:?a number}; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

spare_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# As root, each service runs as an unprivileged user of its own: Debian's
# redis and varnish users, and nobody for the app servers and the worker.
as_user() {
  local user=$1; shift
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups -- "$@"
  else
    "$@"
  fi
}
# Starts a long-running process in the background as that user; its PID (the
# process itself, not a shell around it) goes to the file named.
spawn() {
  local pidfile=$1 log=$2 user=$3; shift 3
  if [ "$(id -u)" = 0 ]; then
    (exec setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups -- "$@" >"$log" 2>&1) &
  else
    (exec "$@" >"$log" 2>&1) &
  fi
  echo $! >"$pidfile"
}
own() {
  local user=$1; shift
  if [ "$(id -u)" = 0 ]; then chown -R "$user" "$@"; fi
}

wait_for_http() {
  local url=$1 what=$2
  for _ in $(seq 1 120); do
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  echo "$what did not answer at $url; see $dir/*.log" >&2
  return 1
}

stop_pid() {
  # Stops one process (and, for an app server, its workers) that start wrote down.
  local file=$1 signal=${2:-TERM}
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case "$cmd" in
  start)
    for program in redis-server varnishd; do
      command -v "$program" >/dev/null 2>&1 || [ -x "/usr/sbin/$program" ] \
        || { echo "$program is not installed (Debian: apt-get install redis-server varnish)" >&2; exit 1; }
    done
    .venv/bin/python -c 'import redis' 2>/dev/null \
      || { echo "the redis Python package is missing from .venv (scripts/setup.sh)" >&2; exit 1; }
    if [ -e "$dir/pids" ]; then echo "$dir already holds a stack: stop it first" >&2; exit 1; fi
    mkdir -p "$dir/pids" "$dir/logs" "$dir/media" "$dir/static" "$dir/redis" "$dir/varnish"
    chmod 755 "$dir"
    trap 'echo "The stack did not start; stopping what did (logs kept in $dir.logs)" >&2
      rm -rf "$dir.logs"; cp -r "$dir/logs" "$dir.logs"; bash "$root/scripts/stack.sh" stop "$dir"' ERR

    # PostgreSQL: scripts/postgres.sh's throwaway cluster, in DIR/postgres.
    database_url=$(bash scripts/postgres.sh start "$dir/postgres" | tail -n 1)
    export "$database_url"

    redis_port=$(spare_port)
    own redis "$dir/redis"
    spawn "$dir/pids/redis" "$dir/logs/redis.log" redis \
      redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$dir/redis" \
      --save "" --appendonly no --daemonize no --maxmemory 128mb --maxmemory-policy allkeys-lru
    export REDIS_URL="redis://127.0.0.1:$redis_port/0"

    proxy_port=$(spare_port)
    export DJANGO_SETTINGS_MODULE=council_site.settings.production
    export SECRET_KEY=${SECRET_KEY:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))')}
    export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
    # Plain HTTP on the loopback: in production TLS ends in front of the proxy,
    # which then sets X-Forwarded-Proto (and the cookies stay Secure).
    export SECURE_SSL_REDIRECT=0
    export STATIC_ROOT="$dir/static" MEDIA_ROOT="$dir/media" SERVE_MEDIA_FILES=1
    export FRONTEND_CACHE_URL="http://127.0.0.1:$proxy_port"
    export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$proxy_port"
    # Varnish appends the visitor's address: the per-address limits count it.
    export TRUSTED_CLIENT_IP_HEADER=${TRUSTED_CLIENT_IP_HEADER:-X-Forwarded-For}
    export PYTHONDONTWRITEBYTECODE=1
    printf '%s\n' "DATABASE_URL=$DATABASE_URL" "REDIS_URL=$REDIS_URL" "SECRET_KEY=$SECRET_KEY" \
      "STATIC_ROOT=$STATIC_ROOT" "MEDIA_ROOT=$MEDIA_ROOT" "FRONTEND_CACHE_URL=$FRONTEND_CACHE_URL" \
      "ALLOWED_HOSTS=$ALLOWED_HOSTS" "SECURE_SSL_REDIRECT=0" "SERVE_MEDIA_FILES=1" >"$dir/env"
    chmod 600 "$dir/env"

    .venv/bin/python manage.py migrate --noinput -v 0
    if [ "$demo" = 1 ]; then
      # The demo's loader is a development app: it runs with those settings,
      # against the same database, before the proxy exists to be told.
      DJANGO_SETTINGS_MODULE=council_site.settings.dev FRONTEND_CACHE_URL= \
        .venv/bin/python manage.py load_demo_content >"$dir/logs/demo.log"
    fi
    # The site (the demo's, or a new one) answers at the proxy's address: its
    # bans name that host.
    .venv/bin/python manage.py setup_site --hostname 127.0.0.1 --port "$proxy_port" >/dev/null
    .venv/bin/python manage.py collectstatic --noinput -v 0
    # The app servers and the worker run as nobody where that user can run
    # .venv's Python (not when .venv's interpreter lives in root's home).
    app_user=nobody
    if [ "$(id -u)" = 0 ] && ! setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups -- \
        setsid .venv/bin/python -c '' 2>/dev/null; then
      app_user=root
      echo "nobody cannot run .venv/bin/python here: the app servers run as root" >&2
    fi
    own "$app_user" "$dir/media"

    app_backends=""
    for number in $(seq 1 "$app_servers"); do
      port=$(spare_port)
      # Its own session (setsid): its PID is also its process group, so that
      # stopping it stops its workers too.
      spawn "$dir/pids/app$number" "$dir/logs/app$number.log" "$app_user" \
        setsid .venv/bin/gunicorn council_site.wsgi --bind "127.0.0.1:$port" \
        --workers "${APP_WORKERS:-2}" --timeout 30 --graceful-timeout 10 --access-logfile -
      echo "$port" >"$dir/app$number.port"
      app_backends="$app_backends$number:$port "
    done
    spawn "$dir/pids/worker" "$dir/logs/worker.log" "$app_user" \
      setsid .venv/bin/python manage.py db_worker --interval 1
    for number in $(seq 1 "$app_servers"); do
      wait_for_http "http://127.0.0.1:$(cat "$dir/app$number.port")/health/" "app server $number"
    done

    # Varnish, with a working directory of its own (-n) and no jail (-j none):
    # it runs as the varnish user, not as root.
    python3 - "$dir/varnish/stack.vcl" "$app_backends" <<'PYTHON'
import sys
from pathlib import Path

target, servers = sys.argv[1], sys.argv[2].split()
backends = []
for server in servers:
    number, port = server.split(":")
    backends.append(
        f'backend app{number} {{\n    .host = "127.0.0.1";\n    .port = "{port}";\n'
        "    .probe = app_health;\n    .connect_timeout = 1s;\n    .first_byte_timeout = 30s;\n}\n"
    )
init = "sub vcl_init {\n    new apps = directors.round_robin();\n"
init += "".join(f"    apps.add_backend(app{server.split(':')[0]});\n" for server in servers)
init += "}\n"
vcl = Path("scripts/varnish/stack.vcl").read_text()
vcl = vcl.replace("@BACKENDS@", "\n".join(backends) + "\n" + init)
vcl = vcl.replace("@PURGERS@", '    "127.0.0.1";\n    "::1";')
Path(target).write_text(vcl)
PYTHON
    own varnish "$dir/varnish"
    as_user varnish /usr/sbin/varnishd -j none -n "$dir/varnish/work" -a "127.0.0.1:$proxy_port" \
      -T 127.0.0.1:0 -f "$dir/varnish/stack.vcl" -s malloc,64m -P "$dir/varnish/varnishd.pid" \
      >"$dir/logs/varnish.log" 2>&1
    cp "$dir/varnish/varnishd.pid" "$dir/pids/varnish"
    wait_for_http "http://127.0.0.1:$proxy_port/health/" "Varnish"
    echo "$proxy_port" >"$dir/proxy.port"
    trap - ERR

    echo "STACK_URL=http://127.0.0.1:$proxy_port/"
    echo "DATABASE_URL=$DATABASE_URL"
    echo "REDIS_URL=$REDIS_URL"
    echo "App servers: $(for n in $(seq 1 "$app_servers"); do printf 'http://127.0.0.1:%s/ (PID %s) ' "$(cat "$dir/app$n.port")" "$(cat "$dir/pids/app$n")"; done)" >&2
    echo "Environment for manage.py against this stack: $dir/env; logs in $dir/logs; stop with: bash scripts/stack.sh stop $dir" >&2
    ;;
  stop)
    # Varnish first (no new requests), then the app servers and the worker,
    # then Redis and PostgreSQL. Only the PIDs written by start are signalled.
    stop_pid "$dir/pids/varnish"
    for file in "$dir"/pids/app* "$dir/pids/worker"; do
      if [ -f "$file" ]; then
        pid=$(cat "$file")
        # The process group of that app server (its PID): master and workers.
        kill -TERM -- "-$pid" 2>/dev/null || true
        stop_pid "$file"
        kill -KILL -- "-$pid" 2>/dev/null || true
      fi
    done
    stop_pid "$dir/pids/redis"
    bash scripts/postgres.sh stop "$dir/postgres"
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [DIR] [--demo] [--app-servers N]" >&2; exit 2 ;;
esac
