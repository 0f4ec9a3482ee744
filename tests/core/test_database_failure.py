"""When the database fails, and the other error pages (issue #15).

The database "fails" here through Django's own hook on every query
(``connection.execute_wrapper``): each query raises the error psycopg2 raises
when PostgreSQL is down, restarting or too slow. Since every query fails, a
page that renders at all renders without the database.
"""

import io
import json
import re
import subprocess
import sys
from contextlib import contextmanager
from html import unescape
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import (
    InterfaceError,
    OperationalError,
    ProgrammingError,
    close_old_connections,
    connection,
)
from django.test import Client
from django.utils import translation

from consultations.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    question,
    section,
    survey_with_ids,
)
from consultations.models import Answer, Response
from core.errors import RETRY_AFTER_SECONDS
from core.models import ContactPage

pytestmark = pytest.mark.django_db

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}
UNAVAILABLE = "Sorry, the service is unavailable"


def assert_security_headers(response, public=True):
    for name, value in HEADERS.items():
        assert response.get(name) == value, name
    assert "camera=()" in response["Permissions-Policy"]
    if public:
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@contextmanager
def database_fails(error=None, when=lambda sql: True):
    """Every query (or those ``when`` picks) fails as on a database that is down."""
    error = error or OperationalError(
        'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
    )
    seen = []

    def refuse(execute, sql, params, many, context):
        if when(sql):
            seen.append(sql)
            raise error
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield seen


@pytest.fixture
def client():
    """The test client, answering with the error page instead of raising."""
    client = Client(raise_request_exception=False)
    return client


def in_language(code, message):
    with translation.override(code):
        return translation.gettext(message)


def page_text(response):
    return re.sub(r"\s+", " ", response.content.decode())


# The survey ---------------------------------------------------------------------------


def two_section_survey():
    return [
        section("first", "First", [question("short_text", "name_it", "Name a place")]),
        section(
            "second",
            "Second",
            [
                question("yes_no", "agree", "Do you agree?"),
                question("long_text", "why", "Why?"),
            ],
        ),
    ]


@pytest.fixture
def survey_page(home):
    index = ConsultationIndexPageFactory(parent=home, slug="have-your-say")
    return ConsultationPageFactory(
        parent=index,
        survey=survey_with_ids(two_section_survey()),
        ask_about_you=False,
        ask_equality=False,
    )


def survey_url(page, step=""):
    return f"{page.url}survey/{step}/" if step else f"{page.url}survey/"


FORM = "application/x-www-form-urlencoded"  # what a browser sends
SECOND = {"agree": "yes", "why": "Więcej ławek\nw parku 🙂 <b>&</b>"}


# Settings -----------------------------------------------------------------------------


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


# The 503 page -------------------------------------------------------------------------


def test_a_page_view_with_the_database_down_gets_503_with_retry_after(home, client):
    with database_fails() as queries:
        response = client.get("/")
    assert queries, "the database was not asked at all"
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert_security_headers(response)
    text = page_text(response)
    assert UNAVAILABLE in text
    assert "Your answers are safe" in text
    assert "Try again in a few minutes." in text
    # The full page, with the GOV.UK look: not the last-resort page.
    assert '<html lang="en" dir="ltr" class="govuk-template">' in text
    assert "/static/css/site.css" in text
    assert 'class="govuk-button"' in text and 'href="/"' in text


@pytest.mark.parametrize(
    "prefix, code, direction",
    [
        ("/pl/", "pl", "ltr"),
        ("/ur/", "ur", "rtl"),
        ("/zh-hant/", "zh-hant", "ltr"),
        ("/gu/", "gu", "ltr"),
    ],
)
def test_the_503_page_is_in_the_language_of_the_address(home, client, prefix, code, direction):
    with database_fails():
        response = client.get(prefix + "have-your-say/")
    assert response.status_code == 503
    text = page_text(response)
    assert f'<html lang="{code}" dir="{direction}" class="govuk-template">' in text
    heading = in_language(code, UNAVAILABLE)
    assert heading != UNAVAILABLE, "not translated"
    assert heading in text
    assert in_language(code, "Try again in a few minutes.") in text
    assert UNAVAILABLE not in text
    if direction == "rtl":
        assert "/static/css/site.rtl.css" in text
    assert_security_headers(response)


def test_try_again_never_leads_to_another_site(home):
    with database_fails():
        status, _headers, content = through_the_wsgi_application("GET", "//evil.example/x/")
    assert status == 503
    assert 'href="/evil.example/x/"' in content


def test_a_connection_closed_under_the_site_is_a_503_too(home, client):
    with database_fails(InterfaceError("connection already closed")):
        response = client.get("/pl/")
    assert response.status_code == 503
    assert in_language("pl", UNAVAILABLE) in page_text(response)


def test_a_statement_timeout_is_a_503(home, client):
    with database_fails(
        OperationalError("canceling statement due to statement timeout")
    ) as queries:
        response = client.get("/")
    assert queries and response.status_code == 503


def test_a_programming_error_is_still_a_500_in_the_addresss_language(home, client):
    with database_fails(ProgrammingError('relation "wagtailcore_site" does not exist')):
        response = client.get("/bn/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    text = page_text(response)
    heading = in_language("bn", "Sorry, there is a problem with the service")
    assert heading != "Sorry, there is a problem with the service"
    assert heading in text
    assert_security_headers(response)


def test_a_survey_step_that_fails_keeps_the_answers_and_sends_them_again(survey_page, client):
    client.get(survey_url(survey_page, "first"))
    assert client.post(survey_url(survey_page, "first"), {"name_it": "Oakham"}).status_code == 302
    before = client.session.load()

    with database_fails():
        response = client.post(
            survey_url(survey_page, "second"), urlencode(SECOND), content_type=FORM
        )

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert_security_headers(response)
    # What was already given is kept in the session, untouched...
    assert client.session.load() == before
    # ...and the answers just given are on the page, to be sent again as they were.
    html = response.content.decode()
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert form and form.group(1) == survey_url(survey_page, "second")
    assert '<input type="hidden" name="agree" value="yes">' in form.group(2)
    assert (
        '<input type="hidden" name="why" value="Więcej ławek\nw parku 🙂 &lt;b&gt;&amp;&lt;/b&gt;">'
        in form.group(2)
    )
    assert "Try again" in form.group(2)

    # The database is back: "Try again" sends the same answers, the resident goes
    # on, and the response stored holds exactly what was typed.
    resent = [
        (unescape(name), unescape(value))
        for name, value in re.findall(r'name="([^"]*)" value="([^"]*)"', form.group(2))
    ]
    assert dict(resent) == SECOND
    retried = client.post(form.group(1), urlencode(resent), content_type=FORM)
    assert retried.status_code == 302
    assert client.post(survey_url(survey_page, "check")).status_code == 302
    stored = Response.objects.get(consultation_key=survey_page.translation_key)
    assert Answer.objects.get(response=stored, question_key="why").text == SECOND["why"]


def test_a_session_that_cannot_be_saved_is_a_503_not_a_400(survey_page, client):
    client.get(survey_url(survey_page, "first"))
    client.post(survey_url(survey_page, "first"), {"name_it": "Oakham"})
    # The step itself works, but saving the session at the end fails (Django
    # turns that into "session interrupted", a 400).
    with database_fails(when=lambda sql: sql.startswith("UPDATE") and "django_session" in sql):
        response = client.post(survey_url(survey_page, "second"), SECOND)
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert_security_headers(response)
    # Nothing was recorded: the resident sends the same step again.
    assert client.post(survey_url(survey_page, "second"), SECOND).status_code == 302


def test_a_final_submission_that_fails_is_stored_once_when_sent_again(survey_page, client):
    client.get(survey_url(survey_page, "first"))
    client.post(survey_url(survey_page, "first"), {"name_it": "Oakham"})
    client.post(survey_url(survey_page, "second"), SECOND)
    responses = Response.objects.filter(consultation_key=survey_page.translation_key)

    # The response's own insert fails: nothing is stored, nothing half-stored.
    with database_fails(when=lambda sql: "consultations_answer" in sql and "INSERT" in sql):
        failed = client.post(survey_url(survey_page, "check"))
    assert failed.status_code == 503
    assert responses.count() == 0
    assert Answer.objects.count() == 0

    # Stored, but the session could not be saved: the resident saw a 503 and sends again.
    with database_fails(when=lambda sql: sql.startswith("UPDATE") and "django_session" in sql):
        failed = client.post(survey_url(survey_page, "check"))
    assert failed.status_code == 503
    assert responses.count() == 1
    reference = responses.get().reference

    sent = client.post(survey_url(survey_page, "check"))
    assert sent.status_code == 302
    confirmation = client.get(sent["Location"])
    assert reference in confirmation.content.decode()
    assert client.post(survey_url(survey_page, "check")).status_code == 302
    assert responses.count() == 1
    assert responses.get().answers.count() == 3


def test_staff_forms_are_not_written_back_into_the_503_page(home, client):
    with database_fails():
        response = client.post(
            "/admin/login/", {"username": "editor", "password": "a-secret-password"}
        )
    assert response.status_code == 503
    html = response.content.decode()
    assert "a-secret-password" not in html
    assert "<form" not in html
    assert_security_headers(response, public=False)


# Every error page carries the headers ------------------------------------------------


def test_not_found_has_the_headers(home, client):
    response = client.get("/pl/no-such-page/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_the_csrf_failure_page_has_the_headers(home):
    contact = ContactPage.objects.live().get()
    response = Client(enforce_csrf_checks=True).post(contact.url, {"name": "Asha"})
    assert response.status_code == 403
    assert_security_headers(response)


@pytest.fixture
def error_views(settings):
    settings.ROOT_URLCONF = "tests.core.error_urls"


def test_permission_denied_has_a_page_and_the_headers(home, client, error_views):
    response = client.get("/ur/raise/permission-denied/")
    assert response.status_code == 403
    assert_security_headers(response)
    text = page_text(response)
    assert '<html lang="ur" dir="rtl"' in text
    assert in_language("ur", "You do not have permission to view this page") in text


def test_a_bad_request_has_a_page_and_the_headers(home, client, error_views):
    response = client.get("/raise/bad-request/")
    assert response.status_code == 400
    assert_security_headers(response)
    assert "Sorry, there is a problem with what you sent" in page_text(response)


def test_a_server_error_has_a_page_and_the_headers(home, client, error_views):
    response = client.get("/pa/raise/error/")
    assert response.status_code == 500
    assert_security_headers(response)
    assert in_language("pa", "Sorry, there is a problem with the service") in page_text(response)


# Forms in another character set ------------------------------------------------------


def csrf_client_on(url):
    """A client that checks CSRF tokens, as the real site does, with the form's token."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    page = client.get(url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    return client, token.group(1)


def post_in(client, url, body, charset):
    return client.generic(
        "POST",
        url,
        body.encode(),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )


@pytest.fixture
def form_urls(survey_page):
    return {
        "survey": (survey_url(survey_page, "first"), "name_it=Oakham", True),
        "contact": (ContactPage.objects.live().get().url, "name=Asha", True),
        "admin login": ("/admin/login/", "username=a&password=b", False),
    }


@pytest.mark.parametrize("charset", ["ibm500", "utf-16", "latin-1"])
@pytest.mark.parametrize("form", ["survey", "contact", "admin login"])
def test_a_form_in_another_character_set_gets_a_400_with_the_headers(form_urls, form, charset):
    url, body, public = form_urls[form]
    client, token = csrf_client_on(url)
    response = post_in(client, url, f"csrfmiddlewaretoken={token}&{body}", charset)
    assert response.status_code == 400
    assert_security_headers(response, public=public)
    assert "Sorry, there is a problem with what you sent" in page_text(response)


@pytest.mark.parametrize("charset", ["foo", "utf8", "UTF-8"])
@pytest.mark.parametrize("form", ["survey", "contact", "admin login"])
def test_an_unknown_or_utf8_character_set_is_read_as_utf8(form_urls, form, charset):
    url, body, public = form_urls[form]
    client, token = csrf_client_on(url)
    response = post_in(client, url, f"csrfmiddlewaretoken={token}&{body}", charset)
    assert response.status_code in (200, 302)
    assert_security_headers(response, public=public)
    if form == "survey":
        assert response.status_code == 302  # the answer was read and accepted


def test_a_multipart_form_in_another_character_set_gets_a_400(form_urls):
    url, _body, _public = form_urls["survey"]
    client, token = csrf_client_on(url)
    boundary = "XyZ"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{token}\r\n--{boundary}--\r\n"
    ).encode("ibm500")
    response = client.generic(
        "POST", url, body, content_type=f"multipart/form-data; boundary={boundary}; charset=ibm500"
    )
    assert response.status_code == 400
    assert_security_headers(response)


def through_the_wsgi_application(method, path, query="", body=b"", content_type=""):
    """A request as the WSGI server hands it over (the test client builds Django's
    own request class, not the site's)."""
    from council_site.wsgi import application

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
    }
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"] = int(status.split()[0])
        started["headers"] = dict(headers)

    # As the test client does: the request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, start_response)
        try:
            content = b"".join(result)
        finally:
            result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started["status"], started["headers"], content.decode()


@pytest.mark.parametrize("charset", ["base64", "hex", "undefined", "ibm500"])
def test_a_character_set_declared_on_a_get_is_not_used_to_read_the_address(home, charset):
    status, headers, content = through_the_wsgi_application(
        "GET", "/search/", "q=%C5%82awki", content_type=f"text/plain; charset={charset}"
    )
    assert status == 200
    assert "ławki" in content
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("charset", ["base64", "undefined", "ibm500"])
def test_a_form_in_a_character_set_that_is_not_text_gets_a_400_with_the_headers(home, charset):
    contact = ContactPage.objects.live().get()
    status, headers, content = through_the_wsgi_application(
        "POST",
        contact.url,
        body=b"name=Asha",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert status == 400
    for name, value in HEADERS.items():
        assert headers[name] == value
    assert "Content-Security-Policy" in headers
    assert "Sorry, there is a problem with what you sent" in content
