"""Staff sessions end after 30 minutes without a request, and 12 hours after
signing in; residents' sessions (the survey's saved answers) are untouched."""

import time

import pytest
from django.conf import settings
from django.test import Client

from staff_logins.middleware import LAST_SEEN, SIGNED_IN

from .conftest import sign_in

pytestmark = pytest.mark.django_db


def age_session(client, **seconds_ago):
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_a_staff_session_idle_for_too_long_ends_with_a_message(editor):
    client = Client()
    sign_in(client, "ed")
    assert client.get("/admin/pages/").status_code == 200
    age_session(client, **{LAST_SEEN: 31 * 60})

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"]).content.decode()
    assert "You were signed out because there was no activity for 30 minutes." in page
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_activity_keeps_a_staff_session_open(editor):
    client = Client()
    sign_in(client, "ed")
    age_session(client, **{LAST_SEEN: 29 * 60})
    assert client.get("/admin/pages/").status_code == 200
    age_session(client, **{SIGNED_IN: 29 * 60})  # the last request was just now
    assert client.get("/admin/pages/").status_code == 200


def test_an_open_editor_pinging_the_server_is_not_activity(editor):
    client = Client()
    sign_in(client, "ed")
    age_session(client, **{LAST_SEEN: 20 * 60})
    before = client.session[LAST_SEEN]
    client.post("/admin/editing-sessions/ping/wagtailcore/page/1/1/")
    assert client.session[LAST_SEEN] == before


def test_a_staff_session_ends_twelve_hours_after_signing_in_even_when_busy(editor):
    client = Client()
    sign_in(client, "ed")
    age_session(client, **{SIGNED_IN: 12 * 3600 + 60, LAST_SEEN: 60})
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/login/")
    page = client.get(response["Location"]).content.decode()
    assert "You were signed out 12 hours after signing in." in page


def test_a_staff_member_idle_on_a_public_page_just_becomes_a_visitor(editor, home):
    client = Client()
    sign_in(client, "ed")
    age_session(client, **{LAST_SEEN: 31 * 60})
    response = client.get("/")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_residents_sessions_are_not_shortened(home, monkeypatch):
    # The survey keeps a resident's answers in the session for 20 hours at least.
    assert settings.SESSION_COOKIE_AGE >= 20 * 3600
    assert not settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    resident = Client()
    resident.get("/")
    session = resident.session
    session["survey:example"] = {"answers": {"q1": "yes"}}
    session.save()
    later = time.time() + 3 * 3600
    monkeypatch.setattr("staff_logins.middleware.time.time", lambda: later)
    assert resident.get("/").status_code == 200
    assert resident.session["survey:example"] == {"answers": {"q1": "yes"}}
