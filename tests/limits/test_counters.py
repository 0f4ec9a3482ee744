"""The counter behind the public limits."""

import datetime

import pytest
from django.utils import timezone

from limits import counters
from limits.models import Hit

pytestmark = pytest.mark.django_db


def test_retry_after_is_when_the_oldest_counted_leaves_the_hour(settings):
    settings.PUBLIC_CONTACT_REQUESTS_PER_HOUR = 2
    now = timezone.now()
    for minutes_ago in (50, 10):
        Hit.objects.create(
            scope=counters.CONTACT,
            key_hash=counters.key_hash("192.0.2.1"),
            created_at=now - datetime.timedelta(minutes=minutes_ago),
        )
    verdict = counters.check(counters.CONTACT, "192.0.2.1")
    assert not verdict.allowed
    assert 9 * 60 <= verdict.retry_after <= 10 * 60 + 1
    assert counters.check(counters.CONTACT, "192.0.2.2").allowed
    assert counters.check(counters.SURVEY_SAVE, "192.0.2.1").allowed


def test_addresses_are_counted_whatever_their_case():
    counters.record(counters.EMAIL_TO, " Me@Example.ORG ")
    assert Hit.objects.get().key_hash == counters.key_hash("me@example.org")


def test_rows_older_than_a_day_are_deleted_now_and_then(monkeypatch):
    Hit.objects.create(
        scope=counters.CONTACT,
        key_hash="x",
        created_at=timezone.now() - datetime.timedelta(days=1, minutes=1),
    )
    monkeypatch.setattr(counters, "PRUNE_CHANCE", 1)
    counters.record(counters.CONTACT, "192.0.2.1")
    assert list(Hit.objects.values_list("key_hash", flat=True)) == [counters.key_hash("192.0.2.1")]
