"""Subscribers' addresses are personal data: unconfirmed ones are deleted
once their confirm link has expired (run daily by ``manage.py
apply_retention``), and one address can be erased from every list
(``manage.py erase_email_updates``), logged in the officers' log by count
only, never the address. The record of which updates went to an address
outlives an unsubscribe only while the address still follows something
(so that its other subscriptions do not send the same update again)."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.utils import timezone

from .links import unconfirmed_days
from .models import Notification, Subscription

ERASE_ACTION = "subscriptions.erase_address"


def remove_unconfirmed(now=None, dry_run=False):
    """Delete subscriptions never confirmed within their link's lifetime
    (and what is left of addresses that unsubscribed from everything);
    return how many subscriptions."""
    now = now or timezone.now()
    stale = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lte=now - timedelta(days=unconfirmed_days())
    )
    count = stale.count()
    if not dry_run:
        stale.delete()
        forget_unfollowed()
    return count


def forget_unfollowed(address=None):
    """Delete the record of updates sent to addresses (or to ``address``)
    that no longer follow anything."""
    followed = Subscription.objects.annotate(address=Lower("email")).filter(
        address=OuterRef("address")
    )
    orphans = Notification.objects.filter(subscription__isnull=True).exclude(Exists(followed))
    if address is not None:
        orphans = orphans.filter(address=address.strip().lower())
    orphans.delete()


def erase_address(address, user=None):
    """Delete every subscription of one email address (any case); one entry
    in the officers' log with the count. Returns the count."""
    from consultations.models import OfficerLogEntry

    address = (address or "").strip()
    subscriptions = Subscription.objects.filter(email__iexact=address)
    count = subscriptions.count()
    subscriptions.delete()
    Notification.objects.filter(address=address.lower()).delete()
    OfficerLogEntry.objects.create(
        user=user,
        username=getattr(user, "username", "") or "",
        action=ERASE_ACTION,
        data={"subscriptions": count},
    )
    return count
