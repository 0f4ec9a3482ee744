#!/usr/bin/env bash
# Developer-only: rebuild the committed front-end files from frontend/.
# Needs Node and npm. Installs the pinned govuk-frontend, Dart Sass and rtlcss
# from frontend/package-lock.json, compiles frontend/scss/site.scss to
# static/css/site.css (and its right-to-left mirror site.rtl.css) and copies GOV.UK Frontend's JavaScript, fonts, images
# and licence into static/vendor/govuk-frontend/.
# To update GOV.UK Frontend: change its version in frontend/package.json, run
# `npm install` in frontend/, run this script, check the site, commit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/frontend"
npm ci --no-audit --no-fund
vendor="$root/static/vendor/govuk-frontend"
rm -rf "$vendor"
mkdir -p "$vendor" "$root/static/css"
npx sass --pkg-importer=node --style=compressed --no-source-map \
  scss/site.scss "$root/static/css/site.css"
# GOV.UK Frontend is written for left-to-right text only. rtlcss mirrors the
# whole stylesheet (floats, margins, paddings, borders, positions) for Urdu.
npx rtlcss "$root/static/css/site.css" "$root/static/css/site.rtl.css" >/dev/null
dist=node_modules/govuk-frontend/dist/govuk
# Drop the source-map comment: the map is not shipped, and hashed static
# storage refuses a reference to a missing file.
sed 's|//# sourceMappingURL=.*||' "$dist/govuk-frontend.min.js" > "$vendor/govuk-frontend.min.js"
mkdir -p "$vendor/assets"
cp -r "$dist/assets/images" "$vendor/assets/"
cp "$dist/assets/manifest.json" "$vendor/assets/"
node -e 'process.stdout.write(require("./node_modules/govuk-frontend/package.json").version + "\n")' > "$vendor/VERSION"
cp "$root/frontend/GOVUK-FRONTEND-LICENCE.txt" "$vendor/LICENCE.txt"
echo "Built GOV.UK Frontend $(cat "$vendor/VERSION") into static/"
