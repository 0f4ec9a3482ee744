"""Who asked for email updates about what, and which updates each was sent.

Subscribers are personal data: no admin page lists them (the model is not a
snippet and has no default permissions); staff in the "Communications" group
see counts only (``subscriptions.dashboard``). Unconfirmed addresses are
deleted after ``EMAIL_UPDATES_UNCONFIRMED_DAYS`` by the daily retention
command, and one address can be erased everywhere
(``manage.py erase_email_updates``).
"""

import secrets

from django.db import models
from django.utils import timezone

CONSULTATION = "consultation"
TOPIC = "topic"
PLAN = "plan"
KINDS = [
    (CONSULTATION, "A consultation"),
    (TOPIC, "Consultations on a topic"),
    (PLAN, "A delivery plan's progress reports"),
]


def new_token():
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    """One resident's request for email updates about one consultation, one
    consultation topic or one delivery plan, in their language. Nothing but
    the confirmation is sent until ``confirmed_at`` is set."""

    kind = models.CharField(max_length=20, choices=KINDS)
    # The page's translation key (the same in every language), or the topic's slug.
    subject_key = models.CharField(max_length=100)
    email = models.EmailField(max_length=254)
    language = models.CharField(max_length=15)
    # scheme://host[:port] of the site the resident used: the links in their
    # emails go back there (core.addresses.BaseURL).
    root_url = models.CharField(max_length=255)
    # The secret inside the signed confirm and unsubscribe links.
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        default_permissions = ()
        permissions = [("view_subscriber_counts", "Can see how many people get email updates")]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_key", "email"], name="subscriptions_one_per_address"
            )
        ]
        indexes = [models.Index(fields=["kind", "subject_key"], name="subscriptions_subject")]

    def __str__(self):
        # Never the address: this may end up in a log.
        return f"Email updates about {self.kind} {self.subject_key}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class Notification(models.Model):
    """One update sent (or being sent) to one email address: written before
    the email is queued, so that the same update never goes twice to an
    address, whichever of its subscriptions (a consultation, its topic)
    asked for it, and marked with the outcome of sending it.

    It outlives an unsubscribe while the address follows something else (so
    that following the topic too brings no second copy), and goes with the
    address's last subscription (``subscriptions.retention``)."""

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )
    # The address it went to, in lower case; empty only on a few updates
    # recorded before addresses were, which their subscription still covers.
    address = models.EmailField(max_length=254, blank=True)
    # What happened, and to what: "results:<translation key>".
    event = models.CharField(max_length=100)
    # The fan-out run that wrote it (several runs may race; each sends its own).
    batch = models.CharField(max_length=32, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=20, blank=True)  # "sent" or "gave up"
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event"], name="subscriptions_one_per_event"
            ),
            models.UniqueConstraint(
                fields=["event", "address"],
                condition=~models.Q(address=""),
                name="subscriptions_one_per_address_and_event",
            ),
        ]

    def __str__(self):
        return f"{self.event} ({self.outcome or 'queued'})"
