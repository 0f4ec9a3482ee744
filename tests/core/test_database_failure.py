"""When the database fails (issue #15): PostgreSQL connections are checked and time out."""

import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db


def database_settings(**environ):
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'], default=str))"
    )
    env = {"DJANGO_SETTINGS_MODULE": "council_site.settings.test", "PATH": "/usr/bin:/bin"}
    env.update(environ)
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_postgresql_connections_are_health_checked_and_time_out():
    database = database_settings(DATABASE_URL="postgres://council@127.0.0.1:5432/council")
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["connect_timeout"] == 5
    assert "-c statement_timeout=15000" in database["OPTIONS"]["options"]


def test_the_timeouts_can_be_set_and_the_statement_timeout_turned_off():
    database = database_settings(
        DATABASE_URL="postgres://council@127.0.0.1:5432/council",
        DATABASE_CONNECT_TIMEOUT="2",
        DATABASE_STATEMENT_TIMEOUT="0",
    )
    assert database["OPTIONS"]["connect_timeout"] == 2
    assert "statement_timeout" not in database["OPTIONS"].get("options", "")


def test_sqlite_gets_no_postgresql_options():
    database = database_settings(DATABASE_URL="sqlite:////tmp/council-test.sqlite3")
    assert "connect_timeout" not in database["OPTIONS"]


@pytest.mark.postgres
def test_the_statement_timeout_is_in_force_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "15s"
