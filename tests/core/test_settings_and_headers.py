import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def run_with_production_settings(env_extra):
    env = {"DJANGO_SETTINGS_MODULE": "council_site.settings.production", "PATH": "/usr/bin:/bin"}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with_production_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = run_with_production_settings(
        {"SECRET_KEY": "x" * 20 + "a-long-random-secret-key-for-tests-1234567"}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_public_pages_send_security_headers(home, client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_unknown_addresses_get_the_sites_not_found_page(home, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_production_cookies_are_bound_to_the_host_over_https():
    """A sibling subdomain (another council's site, say) cannot plant a session
    or CSRF cookie: browsers accept "__Host-" cookies only when Secure, for
    Path=/ and with no Domain."""
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_DOMAIN, s.CSRF_COOKIE_DOMAIN,"
        " s.SESSION_COOKIE_PATH, s.CSRF_COOKIE_PATH)"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "council_site.settings.production",
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "y" * 20 + "another-long-random-secret-key-for-tests",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "True",
        "None",
        "None",
        "/",
        "/",
    ], result.stderr
