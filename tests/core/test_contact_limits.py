"""The contact form: at most PUBLIC_CONTACT_REQUESTS_PER_HOUR requests from one
client address in an hour; the next is not sent and comes back with what was
typed, HTTP 429 and Retry-After, in the resident's language."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from core.models import ContactPage
from limits import counters
from limits.models import Hit

from .test_contact_form import VALID

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(home):
    return ContactPage.objects.live().get()


def test_ten_requests_are_sent_and_counted(client, contact):
    for _ in range(10):
        assert client.post(contact.url, VALID).status_code == 302
    assert len(mail.outbox) == 10
    assert Hit.objects.filter(scope=counters.CONTACT).count() == 10


def test_the_11th_request_from_one_address_waits_with_what_was_typed(client, contact):
    for _ in range(10):
        counters.record(counters.CONTACT, "127.0.0.1")
    response = client.post(contact.url, VALID)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "A lot of requests have been sent from your internet connection" in html
    assert 'value="Asha Patel"' in html and "Size 18 please" in html
    assert len(mail.outbox) == 0
    # Another address is not affected.
    other = client.post(contact.url, VALID, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302
    assert len(mail.outbox) == 1


def test_the_11th_request_in_polish(client, contact):
    polish = contact.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    polish.save_revision().publish()
    polish = ContactPage.objects.get(pk=polish.pk)
    assert polish.url.startswith("/pl/")
    for _ in range(10):
        counters.record(counters.CONTACT, "127.0.0.1")
    response = client.post(polish.url, VALID)
    assert response.status_code == 429
    assert response["Retry-After"]
    html = response.content.decode()
    assert '<html lang="pl"' in html
    with translation.override("pl"):
        problem = gettext("There is a problem")
    assert problem != "There is a problem" and problem in html


def test_a_filled_honeypot_is_still_thanked_and_not_sent(client, contact):
    response = client.post(contact.url, {**VALID, "website": "http://spam.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0
