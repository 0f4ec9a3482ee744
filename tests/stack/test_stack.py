"""The production stack of scripts/stack.sh, for real: Varnish in front of two
gunicorn app servers with the production settings, PostgreSQL, Redis and the
background worker. A public page comes from the cache the second time, a
change published shows on the next request in English and in Polish, a
survey step is never kept, and killing one app server in the middle of
residents' survey journeys loses none of them."""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from tests.conftest import COUNCIL
from tests.consultations.conftest import ABOUT, CONTACT, EQUALITY, GROUP, VIEWS

ROOT = Path(__file__).resolve().parents[2]


def missing_programs():
    missing = [name for name in ("varnishd", "redis-server") if not find_program(name)]
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")) and not shutil.which("initdb"):
        missing.append("postgresql")
    try:
        import redis  # noqa: F401
    except ImportError:
        missing.append("the redis Python package")
    return missing


def find_program(name):
    return shutil.which(name) or (Path("/usr/sbin") / name).exists()


pytestmark = [
    pytest.mark.slow,
    # One stack for the module: its tests stay on one worker under xdist.
    pytest.mark.xdist_group("stack"),
    pytest.mark.skipif(
        bool(missing_programs()),
        reason=f"the stack needs {', '.join(missing_programs())} (Debian: varnish, "
        "redis-server, postgresql; .ci/run installs them)",
    ),
]

# One test client on 127.0.0.1 stands for many residents.
STACK_ENV = {
    "PUBLIC_SURVEY_SUBMITS_PER_HOUR": "100000",
    "PUBLIC_SAVE_EMAILS_PER_HOUR": "100000",
    "EMAILS_PER_ADDRESS_PER_HOUR": "100000",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "PUBLIC_CACHE_SECONDS": "600",
}


class Stack:
    def __init__(self, directory):
        self.directory = directory
        self.env = {**os.environ, **STACK_ENV}
        started = subprocess.run(
            ["bash", "scripts/stack.sh", "start", str(directory)],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert started.returncode == 0, started.stdout + started.stderr
        self.url = re.search(r"^STACK_URL=(\S+)", started.stdout, re.M).group(1).rstrip("/")
        self.django_env = {**self.env}
        for line in (directory / "env").read_text().splitlines():
            name, _, value = line.partition("=")
            self.django_env[name] = value
        self.django_env["DJANGO_SETTINGS_MODULE"] = "council_site.settings.production"

    def django(self, code):
        """Runs Python with Django set up against the stack's database, as the
        admin would (the proxy is told at once: TASK_BACKEND=immediate)."""
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env={**self.django_env, "TASK_BACKEND": "immediate"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def app_server_pid(self, number):
        return int((self.directory / "pids" / f"app{number}").read_text())

    def stop(self):
        subprocess.run(
            ["bash", "scripts/stack.sh", "stop", str(self.directory)], cwd=ROOT, timeout=120
        )


SETUP = """
import json
from wagtail.models import Locale, Site
from core.models import CouncilSettings
from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from home.models import HomePage
home = HomePage.objects.get(locale__language_code="en")
council = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
council.districts = {districts!r}
council.save()
polish = Locale.objects.get(language_code="pl")
translated = home.copy_for_translation(polish)
translated.title = "Pracujemy z naszymi społecznościami"
translated.save_revision().publish()
index = ConsultationIndexPageFactory(parent=home, slug="have-your-say", title="Have your say")
consultation = ConsultationPageFactory(parent=index, slug="parks", title="Parks")
key = str(consultation.translation_key)
print(json.dumps({"survey": consultation.url + "survey/", "key": key}))
"""

RETITLE = """
from home.models import HomePage
for page in HomePage.objects.all():
    page.title = page.title + " {suffix}"
    page.save_revision().publish()
"""

STORED = """
import json
from consultations.models import Response
print(json.dumps(sorted(Response.objects.filter(consultation_key="{key}").values_list(
    "reference", flat=True))))
"""


@pytest.fixture(scope="module")
def stack():
    directory = Path(tempfile.mkdtemp(prefix="council-stack-test-")) / "stack"
    # PostgreSQL, Redis and Varnish run as users of their own (when root).
    directory.parent.chmod(0o755)
    running = Stack(directory)
    try:
        # The residents answer with Leicestershire's districts (CONTACT, ABOUT).
        setup = SETUP.replace("{districts!r}", repr(COUNCIL["districts"]))
        running.content = json.loads(running.django(setup).strip().splitlines()[-1])
        yield running
    finally:
        running.stop()
        shutil.rmtree(directory.parent, ignore_errors=True)


class Visitor:
    """A browser of sorts: keeps its cookies and sends them back (the Secure
    ones too: on the loopback there is no TLS, which production puts in
    front of the proxy)."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}

    def request(self, path, data=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        response.text = response.read().decode()
        return response


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_public_page_comes_from_the_cache_the_second_time(stack):
    for path in ["/", "/pl/"]:
        first = Visitor(stack.url).request(path)
        assert first.status == 200, path
        second = Visitor(stack.url).request(path)
        assert second.status == 200
        assert second.headers["X-Cache"] == "HIT", path
        assert int(second.headers["Age"]) >= 0
        assert second.text == first.text
        assert "public" in second.headers["Cache-Control"]


def test_a_published_change_shows_on_the_next_request_in_every_language(stack):
    for path in ["/", "/pl/"]:
        Visitor(stack.url).request(path)
        assert Visitor(stack.url).request(path).headers["X-Cache"] == "HIT"
    stack.django(RETITLE.format(suffix="(updated)"))
    english = Visitor(stack.url).request("/")
    polish = Visitor(stack.url).request("/pl/")
    assert "(updated)" in english.text and english.headers["X-Cache"] == "MISS"
    assert "Pracujemy z naszymi społecznościami (updated)" in polish.text
    assert polish.headers["X-Cache"] == "MISS"


def test_a_survey_step_is_never_kept(stack):
    survey = urllib.parse.urlsplit(stack.content["survey"]).path
    for step in [survey, survey + "views/"]:
        for _ in range(2):
            response = Visitor(stack.url).request(step)
            assert response.status == 200, step
            assert response.headers["X-Cache"] != "HIT", step
            assert "no-store" in response.headers["Cache-Control"]


def test_killing_an_app_server_during_survey_journeys_loses_none(stack):
    survey = urllib.parse.urlsplit(stack.content["survey"]).path
    steps = [
        ("views", VIEWS),
        ("group", GROUP),
        ("contact", CONTACT),
        ("about_you", ABOUT),
        ("equality", EQUALITY),
    ]
    journeys = 6
    references, failures, repeated = {}, [], []
    halfway = threading.Barrier(journeys + 1, timeout=120)

    def send(visitor, path, data=None):
        """A request; one caught by the failure gets an error page, and the
        resident tries again, as anyone would."""
        seen = []
        for attempt in range(20):
            try:
                response = visitor.request(path, data)
            except (
                urllib.error.URLError,
                http.client.HTTPException,  # a response cut short by the failure
                ConnectionError,
                TimeoutError,
            ) as error:
                seen.append(repr(error))
            else:
                if response.status < 500:
                    if attempt:
                        repeated.append((path, seen))
                    return response
                seen.append(response.status)
            time.sleep(0.5)
        raise AssertionError(f"{path} failed 20 times: {seen}")

    def journey(number):
        try:
            visitor = Visitor(stack.url)
            for index, (step, data) in enumerate(steps):
                page = send(visitor, survey + step + "/")
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
                answered = send(
                    visitor, survey + step + "/", {**data, "csrfmiddlewaretoken": token[1]}
                )
                assert answered.status == 302, (step, answered.status)
                if index == 1:
                    halfway.wait()  # the app server dies while the journeys go on
            check = send(visitor, survey + "check/")
            # The answers given before the failure are all still there.
            assert "Birstall Youth Café" in check.text
            assert "resident@example.org" in check.text
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', check.text)
            sent = send(visitor, survey + "check/", {"csrfmiddlewaretoken": token[1]})
            assert sent.status == 302
            confirmation = send(visitor, urllib.parse.urlsplit(sent.headers["Location"]).path)
            references[number] = re.search(r"HYS-[A-Z0-9]{4}-[A-Z0-9]{4}", confirmation.text)[0]
        except BaseException as error:  # reported below, with the journey's number
            failures.append((number, repr(error)))
            halfway.abort()

    threads = [threading.Thread(target=journey, args=(n,)) for n in range(journeys)]
    for thread in threads:
        thread.start()
    try:
        halfway.wait()
    except threading.BrokenBarrierError:
        pytest.fail(f"journeys failed before the app server died: {failures}")
    # App server 1 dies, master and workers (its process group), as a machine
    # would, while requests are on their way.
    time.sleep(0.3)
    os.killpg(stack.app_server_pid(1), signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=180)
    assert failures == []
    assert len(references) == journeys
    stored = json.loads(
        stack.django(STORED.format(key=stack.content["key"])).strip().splitlines()[-1]
    )
    # Every journey stored, exactly once.
    assert sorted(references.values()) == stored
    # The proxy stopped sending requests to the dead server.
    alive = Visitor(stack.url)
    for _ in range(6):
        assert alive.request(survey).status == 200
