"""Subscribers are personal data: rate limited sign-ups, unconfirmed
addresses deleted after a few days, one address erased everywhere, and staff
see counts only."""

import string
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consultations.models import OfficerLogEntry
from subscriptions.models import CONSULTATION, TOPIC, Subscription
from tests.signing_in import force_login_verified

from .conftest import confirmed, subscribe_url

pytestmark = pytest.mark.django_db


def test_sign_ups_are_limited_per_connection(client, consultation, settings):
    settings.PUBLIC_SUBSCRIBE_REQUESTS_PER_HOUR = 2
    url = subscribe_url(CONSULTATION, consultation.translation_key)
    for n in range(2):
        assert client.post(url, {"email": f"r{n}@example.org"}).status_code == 302
    refused = client.post(url, {"email": "third@example.org"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    html = refused.content.decode()
    assert "There is a problem" in html and "third@example.org" in html  # kept in the form
    assert Subscription.objects.count() == 2 and len(mail.outbox) == 2


def test_confirmations_to_one_address_are_limited(client, consultation, index, settings):
    from consultations.factories import ConsultationPageFactory

    settings.EMAILS_PER_ADDRESS_PER_HOUR = 1
    other = ConsultationPageFactory(parent=index)
    for page in (consultation, other):
        url = subscribe_url(CONSULTATION, page.translation_key)
        assert client.post(url, {"email": "a@example.org"}).status_code == 302
    assert len(mail.outbox) == 1


ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    email=ANY_TEXT,
    website=st.one_of(st.just(""), ANY_TEXT),
    key=st.one_of(st.just(None), st.text(alphabet=string.printable, min_size=1, max_size=120)),
)
def test_hostile_input_never_breaks_the_form(consultation, email, website, key):
    client = Client()
    url = subscribe_url(CONSULTATION, consultation.translation_key)
    if key is not None:
        url = "/email-updates/consultation/" + "".join(c for c in key if c not in "/?#%") + "/"
    before = Subscription.objects.count()
    response = client.post(url, {"email": email, "website": website})
    assert response.status_code in (200, 302, 404)
    if response.status_code != 302 or website:
        assert Subscription.objects.count() == before
    if response.status_code == 200:
        assert "There is a problem" in response.content.decode()


def test_unconfirmed_addresses_go_after_a_few_days(consultation):
    now = timezone.now()
    old = confirmed(consultation, email="old@example.org", confirmed_at=None)
    Subscription.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=4))
    recent = confirmed(consultation, email="new@example.org", confirmed_at=None)
    kept = confirmed(consultation, email="kept@example.org")
    Subscription.objects.filter(pk=kept.pk).update(created_at=now - timedelta(days=400))
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "Deleted 1 unconfirmed email-update address" in out.getvalue()
    assert set(Subscription.objects.values_list("pk", flat=True)) == {recent.pk, kept.pk}


def test_one_address_is_erased_everywhere_and_logged_without_it(consultation):
    confirmed(consultation, email="gone@example.org")
    confirmed("libraries", kind=TOPIC, email="gone@example.org")
    confirmed(consultation, email="stays@example.org")
    out = StringIO()
    call_command("erase_email_updates", "Gone@Example.org", stdout=out)
    assert "Erased 2" in out.getvalue() and "gone@" not in out.getvalue().lower()
    assert list(Subscription.objects.values_list("email", flat=True)) == ["stays@example.org"]
    entry = OfficerLogEntry.objects.get(action="subscriptions.erase_address")
    assert entry.data == {"subscriptions": 2}
    assert "gone" not in str(entry.data) + entry.username


@pytest.fixture
def communications(django_user_model):
    user = django_user_model.objects.create_user("comms", password="x")
    user.groups.add(Group.objects.get(name="Communications"))
    client = Client()
    force_login_verified(client, user)
    return client


def test_communications_staff_see_counts_and_no_address(communications, consultation):
    for n in range(3):
        confirmed(consultation, email=f"person{n}@example.org")
    confirmed(consultation, email="waiting@example.org", confirmed_at=None)
    confirmed("libraries", kind=TOPIC, email="person0@example.org")
    html = communications.get("/admin/").content.decode()
    assert "Email update subscribers" in html
    rows = html.split("Email update subscribers", 1)[1]
    assert "Library opening hours" in rows and "<td>3</td>" in rows
    assert "Libraries" in rows and "<td>1</td>" in rows
    assert "@example.org" not in html
    assert communications.get("/admin/snippets/subscriptions/subscription/").status_code == 404


def test_no_one_else_sees_the_counts_and_no_one_sees_the_addresses(admin_client, consultation):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    force_login_verified(client, editor)
    confirmed(consultation, email="private@example.org")
    assert "Email update subscribers" not in client.get("/admin/").content.decode()
    for url in ("/admin/", "/admin/snippets/", "/admin/reports/site-history/"):
        assert "private@example.org" not in admin_client.get(url).content.decode()
    assert admin_client.get("/admin/snippets/subscriptions/subscription/").status_code == 404
