#!/usr/bin/env bash
# README command 1: set up, build the demo site and serve it at http://127.0.0.1:8000/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export DJANGO_SETTINGS_MODULE=council_site.settings.dev
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py load_demo_content
echo
echo "The demo site is at http://127.0.0.1:8000/ and the admin at http://127.0.0.1:8000/admin/"
echo "Its other councils: http://staffordshire.localhost:8000/ and http://cambridgeshire.localhost:8000/"
echo "(browsers send *.localhost here; for curl: --resolve staffordshire.localhost:8000:127.0.0.1)"
echo "admin, analyst and equality set up two-step verification at their first sign-in:"
echo "the set-up page shows the secret key; without a phone, 'oathtool --totp -b KEY' gives the code."
# The background worker sends the emails (receipts, save-and-return links,
# contact requests, email updates; printed to this terminal in development) and runs
# Wagtail's own background tasks. It stops with the web server.
.venv/bin/python manage.py db_worker --no-reload --interval 1 &
worker=$!
# Email updates that follow the dates (a consultation opens, closes soon,
# closes): checked every minute; in production, cron runs the same command.
while true; do
  .venv/bin/python manage.py send_email_updates || true
  sleep 60
done &
updates=$!
trap 'kill "$worker" "$updates" 2>/dev/null || true' EXIT INT TERM
.venv/bin/python manage.py runserver 127.0.0.1:8000
