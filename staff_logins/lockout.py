"""Lockout after wrong passwords, with django-axes.

An account is locked after ``AXES_FAILURE_LIMIT`` wrong passwords (10) within
the lockout period (``AXES_COOLOFF_TIME``, 30 minutes), and an address after
``STAFF_LOGIN_ADDRESS_FAILURE_LIMIT`` (30) for any accounts. While locked,
even the right password is refused, and the sign-in page says so.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render


def _recent(request):
    return AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))


def failures(request, credentials=None):
    """Recent wrong passwords for the account named in the sign-in, and from
    the address it comes from."""
    username = get_client_username(request, credentials)
    recent = _recent(request)
    by_account = 0
    if username:
        by_account = (
            recent.filter(username=username).aggregate(n=Sum("failures_since_start"))["n"] or 0
        )
    address = getattr(request, "axes_ip_address", None)
    by_address = 0
    if address:
        by_address = (
            recent.filter(ip_address=address).aggregate(n=Sum("failures_since_start"))["n"] or 0
        )
    return by_account, by_address


class StaffLoginHandler(AxesDatabaseHandler):
    """django-axes' database handler with a limit of its own for addresses.

    django-axes compares one number with one limit; this gives it the account's
    count, or the address's scaled so that it reaches the limit exactly when
    the address reaches ``STAFF_LOGIN_ADDRESS_FAILURE_LIMIT``.
    """

    def get_failures(self, request, credentials=None):
        by_account, by_address = failures(request, credentials)
        limit = settings.AXES_FAILURE_LIMIT
        address_limit = settings.STAFF_LOGIN_ADDRESS_FAILURE_LIMIT
        return max(by_account, by_address * limit // address_limit)


def locked_until(request, credentials=None):
    """When the lock ends: the lockout period after the latest wrong password
    that counts against this account or address."""
    username = get_client_username(request, credentials)
    address = getattr(request, "axes_ip_address", None)
    recent = _recent(request)
    latest = [
        recent.filter(**{field: value}).aggregate(t=Max("attempt_time"))["t"]
        for field, value in (("username", username), ("ip_address", address))
        if value
    ]
    latest = [time for time in latest if time]
    if not latest:
        return None
    return max(latest) + get_cool_off(request)


def lockout_response(request, original_response=None, credentials=None):
    """The admin's sign-in page, saying the sign-in is locked, until when, and
    whom to ask: not a bare error."""
    cool_off = get_cool_off(request)
    by_account, _ = failures(request, credentials)
    context = {
        "minutes": int(cool_off.total_seconds() // 60),
        "until": locked_until(request, credentials),
        "account_locked": by_account >= settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "staff_logins/locked.html", context, status=429)
