"""Subscribers' addresses are personal data: unconfirmed ones are deleted
once their confirm link has expired (run daily by ``manage.py
apply_retention``), and one address can be erased from every list
(``manage.py erase_email_updates``), logged in the officers' log by count
only, never the address."""

from datetime import timedelta

from django.utils import timezone

from .links import unconfirmed_days
from .models import Subscription

ERASE_ACTION = "subscriptions.erase_address"


def remove_unconfirmed(now=None, dry_run=False):
    """Delete subscriptions never confirmed within their link's lifetime;
    return how many."""
    now = now or timezone.now()
    stale = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lte=now - timedelta(days=unconfirmed_days())
    )
    count = stale.count()
    if count and not dry_run:
        stale.delete()
    return count


def erase_address(address, user=None):
    """Delete every subscription of one email address (any case); one entry
    in the officers' log with the count. Returns the count."""
    from consultations.models import OfficerLogEntry

    subscriptions = Subscription.objects.filter(email__iexact=(address or "").strip())
    count = subscriptions.count()
    subscriptions.delete()
    OfficerLogEntry.objects.create(
        user=user,
        username=getattr(user, "username", "") or "",
        action=ERASE_ACTION,
        data={"subscriptions": count},
    )
    return count
