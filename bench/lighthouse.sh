#!/usr/bin/env bash
# Lighthouse (mobile) on one page of each public type, in English and Urdu:
# accessibility, best practices, SEO and performance, with the layout shift
# (CLS), printed as a table. On demand, not in CI (about 2 minutes a page on
# two cores). Needs Node 20 and npm, and Debian's Chromium (CHROME_PATH).
#
#   bash bench/lighthouse.sh                       # builds the demo and serves it
#   LIGHTHOUSE_BASE_URL=http://127.0.0.1:8000 bash bench/lighthouse.sh   # a running site
#   LIGHTHOUSE_PAGES="strategy part,search" bash bench/lighthouse.sh     # only these types
#   LIGHTHOUSE_STACK=1 bash bench/lighthouse.sh    # the demo on the production stack
#   LIGHTHOUSE_LANGUAGES=en bash bench/lighthouse.sh                      # only English
#
# With LIGHTHOUSE_STACK=1 the demo is served the way a council runs it
# (scripts/stack.sh: Varnish in front of two gunicorn app servers, PostgreSQL,
# Redis): pages come from the caching proxy, gzipped, as residents get them.
#
# Without LIGHTHOUSE_BASE_URL it builds the demo in a throwaway SQLite database
# and serves it with gunicorn and the production settings (hashed, compressed
# static files; HTTPS redirect off, since this is plain HTTP on 127.0.0.1).
# The full reports are left in bench/lighthouse/reports/ (not committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "Chromium not found at $CHROME_PATH (apt-get install chromium)" >&2; exit 1; }
(cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
lighthouse="$root/bench/lighthouse/node_modules/.bin/lighthouse"
reports="$root/bench/lighthouse/reports"
rm -rf "$reports"
mkdir -p "$reports"

server=""
workdir=""
stack=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$stack" ]; then bash "$root/scripts/stack.sh" stop "$stack" >/dev/null 2>&1 || true; fi
  if [ -n "$workdir" ]; then rm -rf "$workdir"; fi
}
trap cleanup EXIT

base=${LIGHTHOUSE_BASE_URL:-}
if [ -z "$base" ] && [ "${LIGHTHOUSE_STACK:-0}" = 1 ]; then
  bash scripts/setup.sh
  workdir=$(mktemp -d /tmp/council-lighthouse.XXXXXX)
  chmod 755 "$workdir"
  stack="$workdir/stack"
  bash scripts/stack.sh start "$stack" >"$workdir/stack.out"
  proxy_port=$(cat "$stack/proxy.port")
  echo "Building the demo on the stack in $stack (a few minutes)"
  (
    set -a
    # shellcheck disable=SC1091
    . "$stack/env"
    set +a
    # The loader is in the demo app, which production does not install.
    DJANGO_SETTINGS_MODULE=council_site.settings.dev FRONTEND_CACHE_URL= \
      .venv/bin/python manage.py load_demo_content >/dev/null
    chown -R --reference="$MEDIA_ROOT" "$MEDIA_ROOT"
    DJANGO_SETTINGS_MODULE=council_site.settings.production \
      .venv/bin/python manage.py setup_site --hostname 127.0.0.1 --port "$proxy_port" >/dev/null
    redis-cli -u "$REDIS_URL" flushall >/dev/null
  )
  base="http://127.0.0.1:$proxy_port"
elif [ -z "$base" ]; then
  bash scripts/setup.sh
  workdir=$(mktemp -d /tmp/council-lighthouse.XXXXXX)
  port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  export DJANGO_SETTINGS_MODULE=council_site.settings.production
  export SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(60))')
  export DATABASE_URL="sqlite:///$workdir/lighthouse.sqlite3"
  export MEDIA_ROOT="$workdir/media" STATIC_ROOT="$workdir/static" SERVE_MEDIA_FILES=1
  export SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS=127.0.0.1,localhost
  echo "Building the demo in $workdir (a few minutes)"
  .venv/bin/python manage.py migrate --noinput >/dev/null
  # The loader is in the demo app, which production does not install.
  DJANGO_SETTINGS_MODULE=council_site.settings.dev .venv/bin/python manage.py load_demo_content >/dev/null
  .venv/bin/python manage.py collectstatic --noinput >/dev/null
  .venv/bin/python -m gunicorn council_site.wsgi --bind "127.0.0.1:$port" --workers 2 \
    >"$workdir/server.log" 2>&1 &
  server=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 60); do curl -sf -o /dev/null "$base/" && break; sleep 1; done
fi
base=${base%/}

pages=(
  "home|/"
  "strategy part|/communities-strategy-2014/supporting-vulnerable-people/"
  "case study|/case-studies/market-harborough-dementia-cafe/"
  "consultation|/have-your-say/communities-approach-2022-26/"
  "survey step|/have-your-say/communities-approach-2022-26/survey/draft_approach/"
  "search|/search/?q=community"
  "Easy Read|/have-your-say/communities-approach-2022-26/easy-read/"
)

for language in ${LIGHTHOUSE_LANGUAGES:-en ur}; do
  prefix=""
  [ "$language" = en ] || prefix="/$language"
  for entry in "${pages[@]}"; do
    name=${entry%%|*}
    path=${entry#*|}
    if [ -n "${LIGHTHOUSE_PAGES:-}" ] && [[ ",$LIGHTHOUSE_PAGES," != *",$name,"* ]]; then continue; fi
    slug=$(echo "$language-$name" | tr ' ' '-')
    # Asked for once first: behind the caching proxy, Lighthouse then measures
    # what most residents get, the kept copy.
    curl -s -o /dev/null "$base$prefix$path" || true
    # Chromium now and then fails to record the trace (NO_NAVSTART), more often
    # on a busy machine: such a run measured nothing, so it is tried again.
    for attempt in 1 2 3; do
      if "$lighthouse" "$base$prefix$path" \
        --quiet --form-factor=mobile \
        --only-categories=accessibility,best-practices,seo,performance \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
        --output=json --output-path="$reports/$slug.json"; then
        break
      fi
      echo "Lighthouse failed on $prefix$path (attempt $attempt of 3)" >&2
    done
  done
done

node - "$reports" <<'EOF'
const fs = require("fs");
const path = require("path");
const dir = process.argv[2];
const rows = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const cls = report.audits["cumulative-layout-shift"]?.numericValue;
  const failed = [];
  for (const id of ["accessibility", "best-practices", "seo"]) {
    for (const ref of report.categories[id].auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) failed.push(ref.id);
    }
  }
  rows.push([
    new URL(report.finalDisplayedUrl || report.finalUrl).pathname + (new URL(report.finalDisplayedUrl || report.finalUrl).search),
    score("accessibility"), score("best-practices"), score("seo"), score("performance"),
    cls === undefined ? "?" : cls.toFixed(3),
    failed.join(" ") || "-",
  ]);
}
const header = ["page", "a11y", "best", "seo", "perf", "CLS", "failed audits"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => "| " + r.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
console.log(line(header));
console.log("| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |");
rows.forEach((r) => console.log(line(r)));
EOF
