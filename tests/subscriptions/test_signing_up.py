"""A resident signs up for email updates: their address on its own page, a
confirm link by email, nothing else until they click it; signing up again
changes nothing and says nothing about who is subscribed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from subscriptions.links import CONFIRM, UNSUBSCRIBE, sign
from subscriptions.models import CONSULTATION, PLAN, TOPIC, Subscription

from .conftest import link_in, path_of, publish_results, subscribe_url

pytestmark = pytest.mark.django_db


def sign_up(client, page, email="Resident@Example.org", language=""):
    url = subscribe_url(CONSULTATION, page.translation_key, language)
    return client.post(url, {"email": email})


def test_the_consultation_page_links_to_the_sign_up_page(client, consultation):
    html = client.get(consultation.url).content.decode()
    assert subscribe_url(CONSULTATION, consultation.translation_key) in html
    page = client.get(subscribe_url(CONSULTATION, consultation.translation_key))
    assert page.status_code == 200
    assert "Library opening hours" in page.content.decode()
    assert 'name="email"' in page.content.decode()
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]


def test_only_the_confirmation_is_sent_until_the_link_is_clicked(client, consultation):
    response = sign_up(client, consultation)
    assert response.status_code == 302 and response.url == "/email-updates/check-your-email/"
    assert "Check your email" in client.get(response.url).content.decode()
    subscription = Subscription.objects.get()
    assert subscription.email == "resident@example.org" and not subscription.is_confirmed
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["resident@example.org"]
    assert "Library opening hours" in confirmation.body

    publish_results(consultation)
    assert len(mail.outbox) == 1  # the results went to no unconfirmed address

    page = client.get(path_of(link_in(confirmation, "/confirm/")))
    assert page.status_code == 200 and "You have subscribed" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_confirmed


def test_the_subscriber_keeps_the_language_of_the_page_they_were_on(client, consultation):
    sign_up(client, consultation, language="ur")
    subscription = Subscription.objects.get()
    assert subscription.language == "ur"
    with translation.override("ur"):
        expected = translation.gettext("Confirm that you want email updates")
    assert expected != "Confirm that you want email updates"
    assert mail.outbox[0].subject == expected
    assert "/ur/email-updates/confirm/" in mail.outbox[0].body


def test_signing_up_twice_makes_one_subscription_and_tells_nobody(client, consultation):
    first = sign_up(client, consultation)
    second = sign_up(client, consultation, email="resident@example.org ")
    assert Subscription.objects.count() == 1
    assert first.url == second.url
    # Not yet confirmed: the confirm link is sent again, for a lost email.
    assert len(mail.outbox) == 2
    client.get(path_of(link_in(mail.outbox[0], "/confirm/")))
    third = sign_up(client, consultation)
    assert third.url == first.url
    assert len(mail.outbox) == 2  # nothing to a confirmed address
    assert Subscription.objects.get().language == "en"


def test_a_topic_and_a_plan_can_be_followed(client, consultation, topic, home):
    from delivery.factories import DeliveryPlanPageFactory

    finder = client.get(consultation.get_parent().url + "?topic=libraries").content.decode()
    assert subscribe_url(TOPIC, "libraries") in finder
    assert (
        client.post(subscribe_url(TOPIC, "libraries"), {"email": "a@example.org"}).status_code
        == 302
    )
    plan = DeliveryPlanPageFactory(parent=home, title="Action plan", slug="action-plan")
    assert subscribe_url(PLAN, plan.translation_key) in client.get(plan.url).content.decode()
    client.post(subscribe_url(PLAN, plan.translation_key), {"email": "a@example.org"})
    assert sorted(Subscription.objects.values_list("kind", "subject_key")) == [
        (PLAN, str(plan.translation_key)),
        (TOPIC, "libraries"),
    ]


def test_a_missing_address_gets_an_error_summary(client, consultation):
    response = sign_up(client, consultation, email="")
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Enter your email address" in html
    assert 'href="#id_email"' in html
    response = sign_up(client, consultation, email="not an address")
    assert "Enter an email address in the correct format" in response.content.decode()
    assert Subscription.objects.count() == 0 and mail.outbox == []


def test_unknown_things_cannot_be_followed(client, consultation):
    for url in (
        subscribe_url("consultation", "not-a-key"),
        subscribe_url("newsletter", consultation.translation_key),
        subscribe_url(TOPIC, "no-such-topic"),
        subscribe_url(PLAN, consultation.translation_key),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"email": "a@example.org"}).status_code == 404
    assert Subscription.objects.count() == 0


def test_a_filled_honeypot_stores_and_sends_nothing(client, consultation):
    url = subscribe_url(CONSULTATION, consultation.translation_key)
    response = client.post(url, {"email": "a@example.org", "website": "http://spam"})
    assert response.status_code == 302
    assert Subscription.objects.count() == 0 and mail.outbox == []


def test_a_link_that_was_altered_or_has_expired_does_not_work(client, consultation, settings):
    sign_up(client, consultation)
    subscription = Subscription.objects.get()
    confirm = path_of(link_in(mail.outbox[0], "/confirm/"))
    assert client.get(confirm[:-3] + "xx/").status_code == 404
    # An unsubscribe link cannot confirm.
    assert (
        client.get(f"/email-updates/confirm/{sign(subscription, UNSUBSCRIBE)}/").status_code == 404
    )
    Subscription.objects.filter(pk=subscription.pk).update(
        created_at=timezone.now() - timedelta(days=5)
    )
    settings.EMAIL_UPDATES_UNCONFIRMED_DAYS = 0
    expired = client.get(f"/email-updates/confirm/{sign(subscription, CONFIRM)}/")
    assert expired.status_code == 404 and "This link does not work" in expired.content.decode()
    subscription.refresh_from_db()
    assert not subscription.is_confirmed
