"""The browser layer: the demo site served by gunicorn from its own database,
driven by Debian's Chromium through Playwright, as a resident would use it."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from base64 import b32decode
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django_otp.oath import TOTP

from tests.conftest import MANY_RESIDENTS_FROM_ONE_ADDRESS

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Several councils are served as *.localhost; Chromium is told where that
    # is in case the machine's resolver does not know.
    "--host-resolver-rules=MAP *.localhost 127.0.0.1",
]
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def browser_database_url(tmp_path):
    """A database of the browser layer's own: beside the test database on
    PostgreSQL, a file on SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp_path / 'browser.sqlite3'}"
    import psycopg2

    parsed = urlparse(url)
    # One per xdist worker, should the browser tests ever be spread.
    name = "council_browser_" + os.environ.get("PYTEST_XDIST_WORKER", "main")
    admin = psycopg2.connect(
        dbname="postgres",
        user=parsed.username,
        password=parsed.password,
        host=parsed.hostname,
        port=parsed.port,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {name}")
    admin.close()
    return urlunparse(parsed._replace(path=f"/{name}"))


LIVE_ENV = {}


def live_manage(code):
    """Run Python in `manage.py shell` against the live site's database and
    return what it prints: for checking what the site stored."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env=LIVE_ENV,
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def serve(env, log_path):
    """gunicorn serving the site with ``env`` on a free port of 127.0.0.1,
    once it answers; returns the process and the base URL."""
    port = free_port()
    log = open(log_path, "w")  # noqa: SIM115 - open while the server runs
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "council_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
        ],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()  # the server has its own copy
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base_url + "/", timeout=5)
            return server, base_url
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(log_path.read_text()) from None
            time.sleep(0.3)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The demo site, built by load_demo_content and served on 127.0.0.1."""
    tmp_path = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "council_site.settings.test",
        "DATABASE_URL": browser_database_url(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
        # The server's workers and the commands the tests run share one cache.
        "CACHE_DIR": str(tmp_path / "cache"),
        "SERVE_MEDIA_FILES": "1",
        # Emails the server sends are files here (council_site/settings/test.py).
        "EMAIL_FILE_PATH": str(tmp_path / "emails"),
        **MANY_RESIDENTS_FROM_ONE_ADDRESS,
    }
    LIVE_ENV.clear()
    LIVE_ENV.update(env)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_demo_content"]):
        subprocess.run(
            manage + command, env=env, cwd=settings.BASE_DIR, check=True, capture_output=True
        )
    server, base_url = serve(env, tmp_path / "server.log")
    yield base_url
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=PHONE, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


# Staff who must use a second factor (staff_logins) set up an authenticator
# app at their first sign-in on the live site; the tests play the app.
STAFF_SECRETS = {}
LAST_STEP = {}


def staff_code(username):
    """The code the person's authenticator app shows. The site takes each
    code once (and the one of the next 30 seconds), so a second sign-in by
    the same person within 30 seconds takes the next code, or waits for it."""
    secret = STAFF_SECRETS.get(username)
    if secret is None:
        secret = STAFF_SECRETS[username] = live_manage(
            "from django_otp.plugins.otp_totp.models import TOTPDevice as D;"
            "from staff_logins.devices import secret_text;"
            f"print(secret_text(D.objects.get(user__username={username!r}, confirmed=True)))"
        )
    step = max(int(time.time() // 30), LAST_STEP.get(username, -1) + 1)
    while step > int(time.time() // 30) + 1:
        time.sleep(1)
    LAST_STEP[username] = step
    generator = TOTP(b32decode(secret), step=30, t0=0, digits=6)
    generator.time = step * 30
    return f"{generator.token():06d}"


def sign_in_staff(page, username, password):
    """Sign in to the admin with the password, then (for those who must) the
    code from the authenticator app, setting the app up at the first sign-in."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/two-step/set-up/" in page.url:
        STAFF_SECRETS[username] = page.locator("#secret-key-plain").inner_text()
        page.get_by_label("Code from your authenticator app").fill(staff_code(username))
        page.get_by_role("button", name="Confirm and continue").click()
        page.get_by_role("link", name="I have kept my codes: continue").click()
    elif "/two-step/verify/" in page.url:
        page.get_by_label("Code from your authenticator app").fill(staff_code(username))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/")


_axe = Axe()


def signed_in_staff(browser, live_site, username, password):
    """A browser context of its own (downloads allowed, for exports) with the
    staff member signed in: the context and its page."""
    context = browser.new_context(base_url=live_site, viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    sign_in_staff(page, username, password)
    return context, page


def assert_no_axe_violations(page):
    """axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules, after scripts have run.

    A public page's only script is a module that imports GOV.UK Frontend
    statically and fetches nothing, so it has run by the load event. The
    admin's scripts fetch after it, so there the network must settle too."""
    page.wait_for_load_state("load")
    if urlparse(page.url).path.startswith("/admin/"):
        page.wait_for_load_state("networkidle")
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}})
    assert results.violations_count == 0, results.generate_report()
