"""What a shared cache (the caching proxy, a CDN) and browsers may keep
(core/http_cache.py): anonymous public pages for a short while, with an ETag;
nothing that carries a session, a CSRF token, a survey step or staff's pages."""

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from case_studies.factories import CaseStudyIndexPageFactory
from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.consultations.conftest import VIEWS

pytestmark = pytest.mark.django_db

SHARED = "public, max-age=0, s-maxage=300"


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def assert_private(response):
    assert {"private", "no-store"} <= directives(response), response.get("Cache-Control")
    assert "public" not in directives(response)
    assert not any(d.startswith("s-maxage") for d in directives(response))


@pytest.fixture
def consultation(home):
    index = ConsultationIndexPageFactory(parent=home, slug="have-your-say", title="Have your say")
    return ConsultationPageFactory(parent=index)


@override_settings(PUBLIC_CACHE_SECONDS=300)
def test_an_anonymous_public_page_may_be_kept_by_the_proxy_for_a_short_while(home, client):
    response = client.get("/")
    assert response.status_code == 200
    assert directives(response) == set(SHARED.split(", "))
    # One copy for every English reader: the language is in the address.
    assert "accept-language" not in vary(response)
    assert "cookie" in vary(response)
    assert not response.cookies


def test_a_browser_asking_again_gets_not_modified_until_the_page_changes(home, client):
    first = client.get("/")
    etag = first["ETag"]
    again = client.get("/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""

    home.title = "A new title for the home page"
    home.save_revision().publish()
    changed = client.get("/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_the_header_search_and_case_study_filters_stay_cacheable(home, client):
    """GET forms without a token: nothing private in them."""
    CaseStudyIndexPageFactory(parent=home, slug="case-studies", title="Case studies")
    for url in ["/search/?q=parks", "/case-studies/?theme=health"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in directives(response), url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


def test_every_survey_step_is_private(consultation, client):
    base = consultation.url + "survey/"
    for url in [base, base + "views/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_private(response)
    answered = client.post(base + "views/", VIEWS)
    assert answered.status_code == 302
    assert_private(answered)


def test_public_pages_are_private_once_the_visitor_has_a_session(consultation, client):
    base = consultation.url + "survey/"
    client.get(base + "views/")
    client.post(base + "views/", VIEWS)
    assert settings.SESSION_COOKIE_NAME in client.cookies
    response = client.get("/")
    assert response.status_code == 200
    assert_private(response)
    assert "ETag" not in response


def test_a_visitor_with_only_a_csrf_cookie_gets_private_pages(home, client):
    client.cookies[settings.CSRF_COOKIE_NAME] = "x" * 32
    assert_private(client.get("/"))


def test_the_contact_form_with_its_token_is_private(home, client):
    response = client.get("/contact/")
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert_private(response)


def test_the_admin_and_the_officers_pages_are_private(home, admin_client):
    for url in ["/admin/", reverse("consultation_responses:index")]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_private(response)


def test_an_anonymous_visit_to_the_admin_is_private(home):
    response = Client().get("/admin/login/")
    assert response.status_code == 200
    assert_private(response)


def test_a_preview_is_private(home, admin_client):
    home.title = "A draft title nobody else may see"
    home.save_revision()
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[home.pk]))
    assert response.status_code == 200
    assert "A draft title nobody else may see" in response.content.decode()
    assert_private(response)


def test_a_signed_in_editor_viewing_a_public_page_gets_it_privately(home, admin_client):
    response = admin_client.get("/")
    assert response.status_code == 200
    assert_private(response)


def test_a_page_not_found_is_not_kept(home, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_private(response)
