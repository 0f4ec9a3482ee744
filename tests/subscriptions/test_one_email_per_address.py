"""Someone who follows a consultation and its topic (or two of its topics)
gets one email per update, not one per subscription: in the language of the
most specific subscription (the consultation itself), whose unsubscribe
link it carries. Unsubscribing from one of them does not bring the same
update again from another."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationTopic
from subscriptions.links import UNSUBSCRIBE, token_from
from subscriptions.models import CONSULTATION, TOPIC, Notification, Subscription

from .conftest import confirmed, link_in, path_of, publish_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def transport(consultation):
    """A second topic of the consultation."""
    topic = ConsultationTopic.objects.create(name="Transport", slug="transport")
    consultation.topics.add(topic)
    consultation.save_revision().publish()
    return topic


def heading_in(language):
    with translation.override(language):
        return translation.gettext("We asked, you said, we did")


def unsubscribe_link(message):
    return message.extra_headers["List-Unsubscribe"][1:-1]


def sent_for(message):
    """The subscription whose unsubscribe link the email carries."""
    signed = unsubscribe_link(message).rstrip("/").rsplit("/", 1)[1]
    return Subscription.objects.get(token=token_from(signed, UNSUBSCRIBE))


def test_following_a_consultation_and_its_topic_brings_one_email(consultation):
    # The topic first: the consultation's own subscription still speaks.
    topic = confirmed("libraries", kind=TOPIC, email="both@example.org", language="pl")
    own = confirmed(consultation, email="both@example.org", language="ur")
    confirmed("libraries", kind=TOPIC, email="topic@example.org", language="pl")
    publish_results(consultation)
    assert sorted(m.to[0] for m in mail.outbox) == ["both@example.org", "topic@example.org"]
    [message] = [m for m in mail.outbox if m.to == ["both@example.org"]]
    assert message.subject.startswith(heading_in("ur") + ": ")
    assert sent_for(message) == own != topic

    publish_results(consultation)
    call_command("send_email_updates")
    assert len(mail.outbox) == 2


def test_following_two_of_its_topics_brings_one_email(consultation, transport):
    first = confirmed("transport", kind=TOPIC, email="a@example.org", language="bn")
    confirmed("libraries", kind=TOPIC, email="a@example.org", language="gu")
    publish_results(consultation)
    [message] = mail.outbox
    assert message.subject.startswith(heading_in("bn") + ": ")
    assert sent_for(message) == first


def test_unsubscribing_from_one_does_not_bring_the_update_from_another(consultation):
    confirmed(consultation, email="both@example.org")
    confirmed("libraries", kind=TOPIC, email="both@example.org")
    publish_results(consultation)
    [message] = mail.outbox
    mail_program = Client(enforce_csrf_checks=True)
    assert mail_program.post(path_of(unsubscribe_link(message))).status_code == 200
    assert Subscription.objects.get().kind == TOPIC

    publish_results(consultation)  # the topic's subscription already had it
    call_command("send_email_updates")
    assert len(mail.outbox) == 1

    # Unsubscribed from everything: nothing of the address is kept.
    other = ConsultationPageFactory(parent=consultation.get_parent(), title="Bus routes")
    other.topics.add(ConsultationTopic.objects.get(slug="libraries"))
    publish_results(other)
    assert len(mail.outbox) == 2
    mail_program.post(path_of(link_in(mail.outbox[1], "/unsubscribe/")))
    assert not Subscription.objects.exists()
    assert not Notification.objects.filter(address="both@example.org").exists()


def test_erasing_an_address_removes_the_updates_it_was_sent(consultation):
    confirmed(consultation, email="gone@example.org")
    confirmed(consultation, email="stays@example.org")
    publish_results(consultation)
    call_command("erase_email_updates", "Gone@Example.org", stdout=None)
    assert list(Notification.objects.values_list("address", flat=True)) == ["stays@example.org"]


ADDRESSES = ["a@example.org", "b@example.org", "c@example.org"]
# The consultation, its two topics, a topic it does not have, another consultation.
FOLLOWS = ["consultation", "libraries", "transport", "parks", "other"]
LANGUAGES = ["en", "gu", "pa", "bn", "ur", "zh-hant", "pl"]

SUBSCRIPTIONS = st.lists(
    st.tuples(
        st.sampled_from(ADDRESSES),
        st.booleans(),  # typed in capitals (before addresses were kept in lower case)
        st.sampled_from(FOLLOWS),
        st.sampled_from(LANGUAGES),
        st.booleans(),  # confirmed
    ),
    max_size=12,
    unique_by=lambda s: (s[0], s[1], s[2]),
)


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(subscriptions=SUBSCRIPTIONS)
def test_each_address_gets_one_email_per_update_whatever_it_follows(
    consultation, transport, index, subscriptions
):
    Subscription.objects.all().delete()
    Notification.objects.all().delete()
    mail.outbox = []
    ConsultationTopic.objects.get_or_create(name="Parks", slug="parks")
    other = ConsultationPageFactory(parent=index, title="Bus routes")
    keys = {"consultation": consultation.translation_key, "other": other.translation_key}
    created = []
    for address, capitals, follows, language, is_confirmed in subscriptions:
        kind = CONSULTATION if follows in keys else TOPIC
        subscription = confirmed(
            keys.get(follows, follows),
            kind=kind,
            email=address.upper() if capitals else address,
            language=language,
            **({} if is_confirmed else {"confirmed_at": None}),
        )
        created.append((follows, subscription))

    # Worked out here: per address, the confirmed subscriptions that follow
    # the consultation, the consultation's own first, then the oldest.
    expected = {}
    for follows, subscription in sorted(created, key=lambda c: (c[0] != "consultation", c[1].pk)):
        if follows in ("consultation", "libraries", "transport") and subscription.confirmed_at:
            expected.setdefault(subscription.email.lower(), subscription)

    publish_results(consultation)
    got = {}
    for message in mail.outbox:
        got.setdefault(message.to[0].lower(), []).append(message)
    assert sorted(got) == sorted(expected)
    for address, messages in got.items():
        assert len(messages) == 1, address
        winner = expected[address]
        assert sent_for(messages[0]) == winner
        assert messages[0].subject.startswith(heading_in(winner.language) + ": ")

    publish_results(consultation)
    call_command("send_email_updates")
    assert len(mail.outbox) == len(expected)
