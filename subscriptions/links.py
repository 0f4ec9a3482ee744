"""The signed links in email updates. Each carries the subscription's own
random token, signed with ``SECRET_KEY`` under a salt of its purpose: a
confirm link cannot be used to unsubscribe or the other way round, and the
confirm link expires after ``EMAIL_UPDATES_UNCONFIRMED_DAYS`` (when the
retention command deletes the unconfirmed address anyway). The unsubscribe
link never expires: it must work from an email years old."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from core.addresses import BaseURL

CONFIRM = "subscriptions.confirm"
UNSUBSCRIBE = "subscriptions.unsubscribe"


def unconfirmed_days():
    return int(getattr(settings, "EMAIL_UPDATES_UNCONFIRMED_DAYS", 3))


def sign(subscription, purpose):
    return signing.TimestampSigner(salt=purpose).sign(subscription.token)


def token_from(value, purpose):
    """The subscription token inside a signed link, or None if the link was
    altered, is for another purpose or (for confirming) has expired."""
    max_age = timedelta(days=unconfirmed_days()) if purpose == CONFIRM else None
    try:
        return signing.TimestampSigner(salt=purpose).unsign(value, max_age=max_age)
    except signing.BadSignature:
        return None


def link(subscription, purpose):
    """The absolute address of the link, in the subscriber's language, on the
    site they used."""
    name = "email_updates_confirm" if purpose == CONFIRM else "email_updates_unsubscribe"
    with translation.override(subscription.language):
        path = reverse(name, args=[sign(subscription, purpose)])
    return BaseURL(subscription.root_url)(path)
