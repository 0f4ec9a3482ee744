"""Several councils on one installation, in a real browser: the demo's other
councils and a fourth one made with ``manage.py create_council`` each serve
their own home page, which passes axe.

Browsers send ``*.localhost`` to this machine; the layer's Chromium is also
told so (conftest), in case the machine's resolver does not. A council made while the site is
running is served by a server started after it (each server process keeps
the list of Sites it has seen), on the same database, as conftest serves the
demo."""

import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from .conftest import (
    DESKTOP,
    LIVE_ENV,
    assert_no_axe_violations,
    free_port,
)

pytestmark = pytest.mark.browser


def open_home(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport=DESKTOP)
    page = context.new_page()
    page.goto("/")
    return context, page


@pytest.mark.parametrize(
    ("host", "name"),
    [
        ("staffordshire.localhost", "Staffordshire County Council"),
        ("cambridgeshire.localhost", "Cambridgeshire County Council"),
    ],
)
def test_the_demos_other_councils_serve_their_own_home_page(browser, live_site, host, name):
    port = urlsplit(live_site).port
    context, page = open_home(browser, f"http://{host}:{port}")
    try:
        assert name in page.locator("header").inner_text()
        assert "Leicestershire" not in page.content()
        assert_no_axe_violations(page)
    finally:
        context.close()


@pytest.fixture(scope="module")
def fourth_council(live_site, tmp_path_factory):
    """A fourth council made by create_council on the live site's database, and
    a server for it started afterwards."""
    port = free_port()
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "create_council",
            "Fourth County Council",
            "fourth.localhost",
            f"--port={port}",
            "--languages=en,pl",
            "--districts=East,West",
        ],
        env=LIVE_ENV,
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
    )
    log = open(tmp_path_factory.mktemp("fourth") / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "council_site.wsgi", "--bind", f"127.0.0.1:{port}"],
        env=LIVE_ENV,
        cwd=settings.BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.3)
    yield f"http://fourth.localhost:{port}"
    server.terminate()
    server.wait(timeout=30)
    log.close()


def test_a_council_made_by_create_council_serves_a_home_page_that_passes_axe(
    browser, fourth_council
):
    context, page = open_home(browser, fourth_council)
    try:
        assert "Fourth County Council" in page.locator("header").inner_text()
        assert page.locator("a[lang='gu']").count() == 0
        assert_no_axe_violations(page)
    finally:
        context.close()
