"""How often one client address, or one email address, has done something in
the last hour, and whether it may do it again.

Callers use three functions: ``check(scope, value)`` says whether one more is
allowed (and if not, how many seconds until it is), ``record(scope, value)``
counts one, and ``client_key(request)`` is the address a request comes from
(``staff_logins.addresses.client_address``, which honours the trusted proxy
header when one is configured). The limits per hour are settings
(``PUBLIC_LIMITS``, below; docs/env-vars.md).

Why a database table: there is no shared cache yet (no ``CACHES`` setting), and
Django's local-memory cache is per process, so with several gunicorn workers
each would count on its own and a limit would be several times too high. A
small table counts the same for every worker and every server. A shared cache
(Redis) arrives with the production stack; a class with the same ``check`` and
``record`` methods can then replace ``DatabaseCounter`` through the
``PUBLIC_LIMITS_BACKEND`` setting without any caller changing.

No address is stored: rows hold an HMAC-SHA256 of the lowercased address keyed
with ``SECRET_KEY``. Rows older than a day are deleted now and then.

The limiter fails open: if the database cannot be read or written, the action
is allowed and the error logged. A limiter must never be the reason a resident
cannot send their response (a database that is really down is answered by the
site's own 503 handling anyway).
"""

import hashlib
import hmac
import logging
import math
import random
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from staff_logins.addresses import client_address

logger = logging.getLogger(__name__)

WINDOW = timedelta(hours=1)
KEEP = timedelta(days=1)
PRUNE_CHANCE = 0.01

# Each scope and the setting that holds its limit per hour.
SURVEY_SUBMIT = "survey-submit"  # final survey submissions per client address
SURVEY_SAVE = "survey-save"  # save-and-return emails asked for per client address
CONTACT = "contact"  # contact form requests per client address
SUBSCRIBE = "subscribe"  # email-update sign-ups per client address
EMAIL_TO = "email-to"  # receipts, save-and-return and confirmation emails per email address
LIMIT_SETTINGS = {
    SURVEY_SUBMIT: "PUBLIC_SURVEY_SUBMITS_PER_HOUR",
    SURVEY_SAVE: "PUBLIC_SAVE_EMAILS_PER_HOUR",
    CONTACT: "PUBLIC_CONTACT_REQUESTS_PER_HOUR",
    SUBSCRIBE: "PUBLIC_SUBSCRIBE_REQUESTS_PER_HOUR",
    EMAIL_TO: "EMAILS_PER_ADDRESS_PER_HOUR",
}


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds until one more is allowed, when it is not

    @property
    def retry_at(self):
        return timezone.now() + timedelta(seconds=self.retry_after)

    @property
    def minutes(self):
        return max(1, math.ceil(self.retry_after / 60))


ALLOWED = Verdict(True)


def key_hash(value):
    return hmac.new(
        settings.SECRET_KEY.encode(), value.strip().lower().encode(), hashlib.sha256
    ).hexdigest()


class DatabaseCounter:
    """Counts rows of ``limits.Hit`` within the window."""

    def check(self, scope, value, limit, window=WINDOW):
        from .models import Hit

        now = timezone.now()
        with transaction.atomic():
            times = list(
                Hit.objects.filter(
                    scope=scope, key_hash=key_hash(value), created_at__gt=now - window
                )
                .order_by("created_at")
                .values_list("created_at", flat=True)
            )
        if len(times) < limit:
            return ALLOWED
        # One more is allowed once enough of the oldest have left the window.
        frees_at = times[len(times) - limit] + window
        return Verdict(False, max(1, math.ceil((frees_at - now).total_seconds())))

    def record(self, scope, value):
        from .models import Hit

        now = timezone.now()
        with transaction.atomic():
            Hit.objects.create(scope=scope, key_hash=key_hash(value), created_at=now)
            if random.random() < PRUNE_CHANCE:
                Hit.objects.filter(created_at__lt=now - KEEP).delete()


def counter():
    return import_string(
        getattr(settings, "PUBLIC_LIMITS_BACKEND", "limits.counters.DatabaseCounter")
    )()


def limit_for(scope):
    return int(getattr(settings, LIMIT_SETTINGS[scope]))


def check(scope, value):
    """Whether one more action of ``scope`` is allowed for ``value``."""
    if not value:
        return ALLOWED
    try:
        return counter().check(scope, value, limit_for(scope))
    except DatabaseError:
        logger.exception("Rate limit could not be checked: allowing %s", scope)
        return ALLOWED


def record(scope, value):
    if not value:
        return
    try:
        counter().record(scope, value)
    except DatabaseError:
        logger.exception("Rate limit could not be recorded for %s", scope)


def client_key(request):
    return client_address(request) or ""


def with_retry_after(response, verdict):
    response["Retry-After"] = str(verdict.retry_after)
    return response
