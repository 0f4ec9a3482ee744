"""PostgreSQL stops for 10 seconds while residents answer a survey (issue #15).

A PostgreSQL cluster of the test's own (``scripts/postgres.sh``) gets a copy of
the test database with a three-section survey in it; gunicorn serves the site
from it with the production settings on a spare port of 127.0.0.1. A few
residents' threads go through whole journeys (start, three sections, check your
answers, send, confirmation, with the CSRF token each form carries) and a
reader's thread views pages, for about 25 seconds; in the middle the database
is stopped at once (``pg_ctl stop -m immediate``) and started again 10 seconds
later. A resident who gets a 503 sends the same step again, as the 503 page's
"Try again" does (every half second here, not after Retry-After's 30).

Pass: no HTTP 500 at all; every 503 has Retry-After and the security headers;
every journey caught by the outage finishes; every journey that reached the
confirmation page is stored exactly once, whole, under the reference it showed.

Everything stops by itself (bounded waits) and is stopped by its PID. It runs
where the tests run on PostgreSQL, and is skipped on SQLite.
"""

import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from glob import glob
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

from consultations.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    question,
    section,
    survey_with_ids,
)
from home.setup import ensure_site
from tests.conftest import MANY_RESIDENTS_FROM_ONE_ADDRESS

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

RESIDENTS = 4  # threads, each running one journey after another
LOAD_SECONDS = 25
OUTAGE_AT = 7  # seconds into the load
OUTAGE_SECONDS = 10
RETRY_PAUSE = 0.5
STEP_DEADLINE = 40  # seconds a resident keeps trying one step
BASE = Path(settings.BASE_DIR)


def survey():
    return [
        section("place", "Your place", [question("short_text", "place", "Where do you live?")]),
        section(
            "views",
            "Your views",
            [
                question("yes_no", "agree", "Do you agree?"),
                question("number", "score", "Score", min_value=0, max_value=1000),
            ],
        ),
        section("more", "Tell us more", [question("long_text", "why", "Why?")]),
    ]


ANSWERS_PER_RESPONSE = 4


def pg_bin(name):
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name)]
    if not found[-1]:
        pytest.skip(f"PostgreSQL's {name} is not installed")
    return found[-1]


def postgres_script(*args):
    result = subprocess.run(
        ["bash", str(BASE / "scripts" / "postgres.sh"), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"postgres.sh {' '.join(args)}: {result.stderr}"
    return result.stdout


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The site and its database -----------------------------------------------------------


def copy_test_database(url):
    """The test database (schema, small site and the survey) into the new cluster."""
    source = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": source.get("PASSWORD") or ""}
    dump = subprocess.run(
        [
            pg_bin("pg_dump"),
            "--no-owner",
            "--no-privileges",
            "-h",
            source["HOST"] or "127.0.0.1",
            "-p",
            str(source["PORT"] or 5432),
            "-U",
            source["USER"],
            source["NAME"],
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    ).stdout
    subprocess.run(
        [pg_bin("psql"), "-q", "-v", "ON_ERROR_STOP=1", url],
        input=dump,
        check=True,
        capture_output=True,
        timeout=120,
    )


def durable_commits(url):
    """A commit is on disk before the site is told it succeeded, as in production.
    (The tests' clusters turn that off for speed: a crash then loses the last
    fraction of a second of commits, a resident's session or response among them.)"""
    with psycopg2.connect(url) as conn, conn.cursor() as cursor:
        cursor.execute("ALTER DATABASE council SET synchronous_commit = on")
    conn.close()


def start_server(url, port, log_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.core.outage_settings",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DATABASE_URL": url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        **MANY_RESIDENTS_FROM_ONE_ADDRESS,
    }
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
            "3",
            "--timeout",
            "30",
            "--graceful-timeout",
            "5",
            "--preload",  # the site is loaded once, before the workers start
        ],
        env=env,
        cwd=BASE,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            status = Browser(port).get("/").status
            if status == 200:
                return server, log
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            stop_server(server, log)
            raise RuntimeError(Path(log_path).read_text()[-3000:])
        time.sleep(0.3)


def stop_server(server, log):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
    log.close()


# A resident's browser ----------------------------------------------------------------


class Browser:
    """One resident's browser, behind the council's HTTPS proxy: its own cookies,
    one request at a time."""

    def __init__(self, port):
        self.port = port
        self.host = f"127.0.0.1:{port}"
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {"Host": self.host, "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{self.host}"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = time.monotonic()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.text = response.read().decode("utf-8", "replace")
        finally:
            conn.close()
        response.seconds = time.monotonic() - sent
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, form):
        return self.request("POST", path, form)


class Tally:
    """What every request got, from every thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = {}
        self.problems = []  # 5xx other than 503, unexpected answers, 503s missing headers
        self.journeys_started = 0
        self.completed = []  # references shown on confirmation pages
        self.caught = 0  # journeys that met at least one 503 and finished
        self.abandoned = []
        self.first_success_after_restart = None
        self.restarted_at = None
        self.slowest = 0.0

    def count(self, response, path):
        with self.lock:
            self.slowest = max(self.slowest, response.seconds)
            self.statuses[response.status] = self.statuses.get(response.status, 0) + 1
            if response.status >= 500 and response.status != 503:
                self.problems.append((response.status, path, response.text[:300]))
            if response.status == 503:
                missing = [
                    name
                    for name in (
                        "Retry-After",
                        "X-Content-Type-Options",
                        "Referrer-Policy",
                        "X-Frame-Options",
                        "Content-Security-Policy",
                        "Strict-Transport-Security",
                    )
                    if not response.getheader(name)
                ]
                if missing or "govuk-template" not in response.text:
                    self.problems.append((503, path, f"missing {missing}"))
                if path.startswith("/pl/") and '<html lang="pl"' not in response.text:
                    self.problems.append((503, path, "not in Polish"))
            elif (
                response.status < 400
                and self.restarted_at is not None
                and self.first_success_after_restart is None
            ):
                self.first_success_after_restart = time.monotonic() - self.restarted_at

    def error(self, path, error):
        with self.lock:
            self.statuses["no answer"] = self.statuses.get("no answer", 0) + 1
            self.problems.append(("no answer", path, repr(error)))


class Abandoned(Exception):
    pass


def until_answered(tally, send, path, expect, caught):
    """Send the request (the same one each time) until the site answers with what
    the step gives when all is well; a 503 means wait a moment and send it again."""
    deadline = time.monotonic() + STEP_DEADLINE
    while True:
        try:
            response = send()
        except OSError as error:  # refused or cut: the server itself failing
            tally.error(path, error)
            response = None
        if response is not None:
            tally.count(response, path)
            if response.status == expect:
                return response
            if response.status == 503:
                caught.append(path)
            else:
                raise Abandoned(f"{path}: HTTP {response.status}")
        if time.monotonic() > deadline:
            raise Abandoned(f"{path}: no answer within {STEP_DEADLINE} s")
        time.sleep(RETRY_PAUSE)


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REFERENCE = re.compile(r"HYS-[0-9A-Z]{4}-[0-9A-Z]{4}")


def journey(tally, port, survey_url, number):
    browser = Browser(port)
    caught = []

    def get(path, expect=200):
        return until_answered(tally, lambda: browser.get(path), path, expect, caught)

    def post(path, form, expect=302):
        return until_answered(tally, lambda: browser.post(path, form), path, expect, caught)

    def answer(step, form):
        page = get(survey_url + step + "/")
        form = {"csrfmiddlewaretoken": TOKEN.search(page.text).group(1), **form}
        return post(survey_url + step + "/", form)

    with tally.lock:
        tally.journeys_started += 1
    try:
        get(survey_url)
        answer("place", {"place": f"Oakham {number}"})
        answer("views", {"agree": "yes", "score": str(number % 1000)})
        answer("more", {"why": f"Resident {number}: więcej ławek 🙂"})
        check = get(survey_url + "check/")
        sent = post(
            survey_url + "check/", {"csrfmiddlewaretoken": TOKEN.search(check.text).group(1)}
        )
        assert sent.getheader("Location", "").endswith("/confirmation/")
        confirmation = get(survey_url + "confirmation/")
        reference = REFERENCE.search(confirmation.text).group(0)
    except (Abandoned, AttributeError, AssertionError) as error:
        with tally.lock:
            tally.abandoned.append((number, repr(error), caught))
        return
    with tally.lock:
        tally.completed.append(reference)
        if caught:
            tally.caught += 1


def resident(tally, port, survey_url, thread, stop):
    number = thread * 100000
    while not stop.is_set():
        number += 1
        journey(tally, port, survey_url, number)


def reader(tally, port, paths, stop):
    browser = Browser(port)
    while not stop.is_set():
        for path in paths:
            try:
                response = browser.get(path)
            except OSError as error:
                tally.error(path, error)
                continue
            tally.count(response, path)
            if response.status not in (200, 503):
                with tally.lock:
                    tally.problems.append((response.status, path, "reader"))
            time.sleep(0.05)


# The test -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_survey_used_here_is_valid():
    """Also makes pytest-django create the test database when this module runs alone."""
    from consultations.survey.structure import SurveyBlock

    block = SurveyBlock()
    assert block.clean(block.to_python(survey()))


@pytest.fixture
def outage_site(django_db_setup, django_db_blocker):
    """The test database with a survey in it, copied into a cluster of its own."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    pg_bin("initdb")
    work = Path(tempfile.mkdtemp(prefix="council-outage-"))
    # Its own folder, which scripts/postgres.sh gives to the postgres user when run as root.
    cluster = Path(tempfile.mkdtemp(prefix="council-outage-pg-"))
    try:
        with django_db_blocker.unblock():
            home = ensure_site().root_page
            index = ConsultationIndexPageFactory(parent=home, slug="outage-test")
            try:
                page = ConsultationPageFactory(
                    parent=index,
                    slug="outage-survey",
                    survey=survey_with_ids(survey()),
                    ask_about_you=False,
                    ask_equality=False,
                )
                survey_url = page.url + "survey/"
                page_url, key = page.url, str(page.translation_key)
                url = postgres_script("start", str(cluster)).strip().split("=", 1)[1]
                copy_test_database(url)
                durable_commits(url)
            finally:
                index.delete()
        yield {"url": url, "cluster": cluster, "work": work, "page_url": page_url}, survey_url, key
    finally:
        postgres_script("stop", str(cluster))  # by its PID, if it started; removes the folder
        shutil.rmtree(work, ignore_errors=True)


def stored_responses(url, key):
    with psycopg2.connect(url) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT r.reference, r.submission_token, count(a.id) FROM consultations_response r "
            "LEFT JOIN consultations_answer a ON a.response_id = r.id "
            "WHERE r.consultation_key = %s GROUP BY r.id",
            [key],
        )
        rows = cursor.fetchall()
    conn.close()
    return rows


def test_the_database_stopping_for_ten_seconds_loses_nothing_and_gives_no_500(outage_site):
    site, survey_url, key = outage_site
    port = free_port()
    booting = time.monotonic()
    server, log = start_server(site["url"], port, site["work"] / "gunicorn.log")
    booted = time.monotonic() - booting
    tally = Tally()
    stop = threading.Event()
    threads = [
        threading.Thread(target=resident, args=(tally, port, survey_url, n + 1, stop))
        for n in range(RESIDENTS)
    ]
    threads.append(
        threading.Thread(
            target=reader,
            args=(tally, port, ["/", site["page_url"], "/pl/", "/search/?q=park"], stop),
        )
    )
    outage = {}
    try:
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(OUTAGE_AT)
        outage["stopped_at"] = time.monotonic() - started
        postgres_script("crash", str(site["cluster"]))
        time.sleep(OUTAGE_SECONDS)
        postgres_script("restart", str(site["cluster"]))
        tally.restarted_at = time.monotonic()
        outage["restarted_at"] = tally.restarted_at - started
        time.sleep(max(0, LOAD_SECONDS - (time.monotonic() - started)))
        stop.set()  # no new journeys; those under way finish
        for thread in threads:
            thread.join(timeout=STEP_DEADLINE * 2)
        outage["took"] = time.monotonic() - started
    finally:
        stop.set()
        stop_server(server, log)
    assert not any(thread.is_alive() for thread in threads), "a thread did not stop"

    stored = stored_responses(site["url"], key)
    requests = sum(tally.statuses.values())
    figures = (
        f"server up in {booted:.1f} s; {requests} requests in {outage['took']:.0f} s, "
        f"database down from "
        f"{outage['stopped_at']:.1f} s to {outage['restarted_at']:.1f} s; statuses "
        f"{dict(sorted(tally.statuses.items(), key=str))}; journeys started "
        f"{tally.journeys_started}, completed {len(tally.completed)} ({tally.caught} of them "
        f"caught by the outage), stored {len(stored)}; first success "
        f"{tally.first_success_after_restart or -1:.2f} s after the restart; slowest answer "
        f"{tally.slowest:.2f} s"
    )
    print(figures)  # noqa: T201 - the run's figures, shown with -s or on failure
    server_log = (site["work"] / "gunicorn.log").read_text()[-3000:]

    assert tally.statuses.get(500, 0) == 0, server_log
    assert tally.problems == [], f"{figures}\n{tally.problems[:10]}\n{server_log}"
    assert tally.abandoned == [], f"{figures}\n{tally.abandoned}"
    # The outage was felt, and residents were caught by it mid-journey and finished.
    assert tally.statuses.get(503, 0) > 0, figures
    assert tally.caught > 0, figures
    assert tally.first_success_after_restart is not None
    assert tally.first_success_after_restart < 15, figures
    # Every journey that reached its confirmation page is stored exactly once, whole.
    assert len(tally.completed) == tally.journeys_started, figures
    assert len(stored) == len(tally.completed), figures
    assert sorted(reference for reference, _token, _answers in stored) == sorted(tally.completed)
    assert len({token for _reference, token, _answers in stored}) == len(stored)
    assert {answers for _reference, _token, answers in stored} == {ANSWERS_PER_RESPONSE}
