import re
from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from consultations.models import ConsultationTopic
from subscriptions.models import CONSULTATION, Subscription


@pytest.fixture
def index(home):
    return ConsultationIndexPageFactory(parent=home, slug="have-your-say", title="Have your say")


@pytest.fixture
def topic(db):
    return ConsultationTopic.objects.create(name="Libraries", slug="libraries")


@pytest.fixture
def consultation(index, topic):
    page = ConsultationPageFactory(parent=index, title="Library opening hours")
    page.topics.add(topic)
    page.save_revision().publish()
    return page


def subscribe_url(kind, key, language=""):
    prefix = f"/{language}" if language else ""
    return f"{prefix}/email-updates/{kind}/{key}/"


def link_in(message, words):
    """The first address in the email's text that contains ``words``."""
    for url in re.findall(r"https?://\S+", message.body):
        if words in url:
            return url
    raise AssertionError(f"No {words} link in: {message.body}")


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def confirmed(page_or_key, email="resident@example.org", kind=CONSULTATION, language="en", **kw):
    key = getattr(page_or_key, "translation_key", page_or_key)
    return Subscription.objects.create(
        kind=kind,
        subject_key=str(key),
        email=email,
        language=language,
        root_url="http://testserver",
        confirmed_at=kw.pop("confirmed_at", timezone.now() - timedelta(minutes=1)),
        **kw,
    )


def publish_results(page):
    page.results_published = True
    page.results = "<p>We kept the library open on Saturdays.</p>"
    page.save_revision().publish()
