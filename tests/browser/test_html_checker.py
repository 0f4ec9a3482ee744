"""The Nu HTML Checker (vnu.jar, the W3C's validator) finds no error on one
page of each public type, in English and in Urdu, as the demo site serves
them: home, a strategy part, a case study, the consultation, the survey's
start and a step of it, search, an Easy Read page and the Easy Read survey.

vnu.jar comes from the npm package vnu-jar, pinned in html_checker/package.json
and installed with `npm ci` by scripts/test.sh and scripts/check-html.sh; it
needs Java 17 or newer (Debian's default-jre-headless). Run it alone with
`bash scripts/check-html.sh`, or `bash scripts/test.sh -m html_checker`.
"""

import http.cookiejar
import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.html_checker

VNU_JAR = Path(__file__).parent / "html_checker/node_modules/vnu-jar/build/dist/vnu.jar"
JAVA = os.environ.get("JAVA", shutil.which("java") or "/usr/bin/java")

CONSULTATION = "have-your-say/communities-approach-2022-26/"
# Visited in this order with one cookie jar per language, as a resident would:
# the survey's step comes after its start page.
PAGES = [
    ("home", ""),
    ("strategy-part", "communities-strategy-2014/supporting-vulnerable-people/"),
    ("case-study", "case-studies/market-harborough-dementia-cafe/"),
    ("consultation", CONSULTATION),
    ("survey-start", CONSULTATION + "survey/"),
    ("survey-step", CONSULTATION + "survey/draft_approach/"),
    ("search", "search/?q=community"),
    ("easy-read", CONSULTATION + "easy-read/"),
    ("easy-read-survey", CONSULTATION + "easy-read/survey/"),
]
LANGUAGES = {"en": "", "ur": "ur/"}


def fetch_pages(base_url, folder):
    files = []
    for language, prefix in LANGUAGES.items():
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        for name, path in PAGES:
            with opener.open(f"{base_url}/{prefix}{path}", timeout=30) as response:
                assert response.status == 200, (language, path)
                html = response.read()
            file = folder / f"{language}-{name}.html"
            file.write_bytes(html)
            files.append(file)
    return files


def test_the_nu_html_checker_finds_no_error(live_site, tmp_path):
    if not VNU_JAR.exists():
        message = (
            f"{VNU_JAR} is missing: run `npm ci` in {VNU_JAR.parents[3]} "
            "(scripts/test.sh does when npm is installed)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    files = fetch_pages(live_site, tmp_path)
    result = subprocess.run(
        [JAVA, "-Xss1024k", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
    assert len(files) == len(PAGES) * len(LANGUAGES)
