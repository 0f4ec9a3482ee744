import pytest
from django.core import mail

from core.models import ContactPage, CouncilSettings

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Asha Patel",
    "email": "asha@example.org",
    "phone": "",
    "document": "The communities strategy",
    "format": "large-print",
    "details": "Size 18 please",
    "website": "",
}


@pytest.fixture
def contact_url(home):
    return ContactPage.objects.live().get().url


def test_a_request_is_emailed_to_the_council(client, contact_url):
    response = client.post(contact_url, VALID)
    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [CouncilSettings.objects.get().email]
    assert message.reply_to == ["asha@example.org"]
    assert "Large print" in message.body
    assert "The communities strategy" in message.body
    thanks = client.get(response["Location"])
    assert "Request sent" in thanks.content.decode()


def test_missing_answers_are_listed_in_a_govuk_error_summary(client, contact_url):
    response = client.post(contact_url, {"name": "", "document": "", "details": "Kept text"})
    html = response.content.decode()
    assert response.status_code == 200
    assert len(mail.outbox) == 0
    assert "govuk-error-summary" in html
    assert "There is a problem" in html
    assert "<title>Error:" in html
    assert 'href="#id_name">Enter your name</a>' in html
    # Radios link to their first input, which crispy-forms-gds numbers from 1.
    assert 'href="#id_format_1">Select the format you need</a>' in html
    assert 'id="id_format_1"' in html
    assert "Enter an email address or a phone number so that we can reply" in html
    # What the resident already typed is kept.
    assert "Kept text" in html


def test_a_bad_email_address_gets_a_plain_message(client, contact_url):
    response = client.post(contact_url, {**VALID, "email": "not-an-address"})
    assert "Enter an email address in the correct format" in response.content.decode()
    assert len(mail.outbox) == 0


def test_a_phone_number_is_enough_to_be_contacted(client, contact_url):
    response = client.post(contact_url, {**VALID, "email": "", "phone": "0116 496 0000"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_an_unknown_format_is_refused(client, contact_url):
    response = client.post(contact_url, {**VALID, "format": "carrier-pigeon"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert len(mail.outbox) == 0


def test_a_bot_filling_the_honeypot_sends_nothing(client, contact_url):
    response = client.post(contact_url, {**VALID, "website": "http://spam.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0


def test_without_a_council_address_the_resident_is_told_to_ring(client, contact_url):
    CouncilSettings.objects.update(email="")
    response = client.post(contact_url, VALID)
    assert response.status_code == 200
    assert "could not be sent" in response.content.decode()


def test_a_post_without_a_csrf_token_gets_a_friendly_page(contact_url):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(contact_url, VALID)
    assert response.status_code == 403
    assert "Sorry, that did not work" in response.content.decode()
    assert len(mail.outbox) == 0
