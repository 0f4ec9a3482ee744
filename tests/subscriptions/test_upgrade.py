"""A site that sent email updates before they were counted per address
upgrades without losing any record of what was sent, and from then on the
address that had an update twice (through two subscriptions) gets no third."""

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from subscriptions.models import CONSULTATION, TOPIC, Notification
from tests.test_migrations import latest, migrate

from .conftest import publish_results

BEFORE = [("subscriptions", "0002_communications_group")]


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.slow
def test_updates_sent_before_upgrade_are_kept_and_not_sent_again(consultation):
    # PostgreSQL changes schemas inside the test's transaction; SQLite cannot.
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    migrate(BEFORE)
    old = MigrationExecutor(connection).loader.project_state(BEFORE[0]).apps
    OldSubscription = old.get_model("subscriptions", "Subscription")
    OldNotification = old.get_model("subscriptions", "Notification")
    event = f"results:{consultation.translation_key}"
    rows = []
    for kind, key, email in [
        (CONSULTATION, str(consultation.translation_key), "Both@example.org"),
        (TOPIC, "libraries", "both@example.org"),
        (CONSULTATION, str(consultation.translation_key), "one@example.org"),
    ]:
        subscription = OldSubscription.objects.create(
            kind=kind,
            subject_key=key,
            email=email,
            language="en",
            root_url="http://testserver",
            token=f"token-{len(rows)}",
            confirmed_at=timezone.now(),
        )
        rows.append(
            OldNotification.objects.create(
                subscription=subscription, event=event, batch="old", outcome="sent"
            ).pk
        )

    migrate(latest())
    kept = Notification.objects.order_by("pk")
    assert list(kept.values_list("pk", flat=True)) == rows
    assert list(kept.values_list("address", flat=True)) == [
        "both@example.org",
        "",  # the same update's second copy, still its subscription's
        "one@example.org",
    ]
    assert set(kept.values_list("outcome", flat=True)) == {"sent"}

    publish_results(consultation)
    assert mail.outbox == []
