#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1 and a spare port.
#   scripts/postgres.sh start DIR   -> prints DATABASE_URL=... and writes DIR/pid
#   scripts/postgres.sh stop DIR    -> stops that server by its PID and removes DIR
#   scripts/postgres.sh crash DIR   -> stops it at once, as a crash would (pg_ctl -m immediate)
#   scripts/postgres.sh restart DIR -> starts it again on the same port (after crash)
# PostgreSQL refuses to run as root, so as root the cluster belongs to the
# "postgres" user that Debian's package creates.
set -euo pipefail

find_bin() {
  local name=$1 found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ]; then found=$(command -v "$name" || true); fi
  [ -n "$found" ] || { echo "PostgreSQL's $name was not found" >&2; exit 1; }
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:?start or stop}
dir=${2:?a directory for the cluster}

case "$cmd" in
  start)
    initdb=$(find_bin initdb)
    pg_ctl=$(find_bin pg_ctl)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    as_owner "$initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    echo "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >"$dir/options"
    as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    head -n 1 "$dir/data/postmaster.pid" > "$dir/pid"
    "$(find_bin createdb)" -h 127.0.0.1 -p "$port" -U postgres council
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/council"
    ;;
  stop)
    if [ -f "$dir/pid" ]; then
      pid=$(cat "$dir/pid")
      # SIGINT is PostgreSQL's "fast shutdown".
      kill -INT "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$dir"
    ;;
  crash)
    # Immediate shutdown: every connection is cut and nothing is flushed; the
    # next start recovers from the write-ahead log, as after a crash.
    as_owner "$(find_bin pg_ctl)" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null
    ;;
  restart)
    as_owner "$(find_bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    head -n 1 "$dir/data/postmaster.pid" > "$dir/pid"
    ;;
  *) echo "usage: $0 start|stop|crash|restart DIR" >&2; exit 2 ;;
esac
