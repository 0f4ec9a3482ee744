#!/usr/bin/env bash
# Refresh the site's message catalogues from the code and templates, then compile them.
#   bash scripts/messages.sh            # makemessages + compilemessages
#   bash scripts/messages.sh compile    # compilemessages only
# Translate the new entries in locale/<language>/LC_MESSAGES/django.po, then run
# it again (or with "compile") and commit both the .po and the .mo files.
# Staff sign-in pages (staff_logins/) are in the admin's English for now: residents
# never see them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-council_site.settings.dev}
languages=(gu pa bn ur zh_Hant pl)
if [ "${1:-}" != compile ]; then
  args=()
  for language in "${languages[@]}"; do args+=(-l "$language"); done
  .venv/bin/python manage.py makemessages "${args[@]}" --no-obsolete --no-location \
    --ignore=.venv --ignore=frontend --ignore=static --ignore=staticfiles \
    --ignore=tests --ignore=staff_logins --ignore=media --ignore=docs --ignore=bench
fi
.venv/bin/python manage.py compilemessages --ignore=.venv -v0
