"""What email updates tell subscribers about, and the fan-out that sends them.

A consultation opens, is about to close (``EMAIL_UPDATES_CLOSING_SOON_DAYS``
before), closes, or publishes its results; a delivery plan publishes a
progress report. Publishing is caught by Wagtail's ``page_published`` signal
(``subscriptions.signals``); the dates are checked by
``manage.py send_email_updates``, run every few minutes beside the worker.
Neither sends anything itself: each queues one ``fan_out`` task (one
database insert) when someone is waiting for the update, and the background
worker does the rest.

The fan-out writes one ``Notification`` per email address and update, then
queues the sending in batches of ``EMAIL_UPDATES_BATCH`` (``send_updates``:
one task and one connection to the mail server each, tried again later for
the emails that failed, then recorded as given up). The row is unique for
an address and an update, so an update is never sent twice to an address,
however often a page is published or the command runs, and however many of
its subscriptions would bring it (a consultation and its topic, two topics):
the most specific one wins (the consultation itself), and its language and
unsubscribe link are the email's. Only confirmed subscriptions get updates,
and a date's update only goes to those confirmed before that date: someone
who subscribes to an open consultation is not told that it has opened (the
"closing soon" reminder goes to all).
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from core import mail
from core.locales import default_locale, locale_for

from .emails import update_email
from .models import CONSULTATION, PLAN, TOPIC, Notification, Subscription
from .subjects import subject_for

CHUNK = 500

logger = logging.getLogger(__name__)


def closing_soon():
    return timedelta(days=int(getattr(settings, "EMAIL_UPDATES_CLOSING_SOON_DAYS", 7)))


class Event:
    """Something that happened to a page (in any of its languages)."""

    name = ""

    def __init__(self, page):
        self.page = page
        self._translations = {}

    @property
    def key(self):
        return f"{self.name}:{self.page.translation_key}"

    def since(self):
        """Only subscriptions confirmed by then hear of it (None: all)."""
        return None

    def followers(self):
        raise NotImplementedError

    def page_in(self, language):
        if language not in self._translations:
            try:
                page = self.page.get_translation(locale_for(language))
            except Exception:  # no translation, or no such locale
                page = None
            self._translations[language] = page if page and page.live else self.page
        return self._translations[language]

    def title_in(self, language):
        return self.page_in(language).title

    def url_in(self, language):
        return self.page_in(language).get_url()

    def pending(self):
        """Confirmed subscriptions that should hear of it and have not."""
        subscriptions = Subscription.objects.filter(self.followers(), confirmed_at__isnull=False)
        if self.since() is not None:
            subscriptions = subscriptions.filter(confirmed_at__lte=self.since())
        notified = Notification.objects.filter(event=self.key)
        return (
            subscriptions.annotate(address=Lower("email"))
            .exclude(Exists(notified.filter(subscription=OuterRef("pk"))))
            .exclude(Exists(notified.filter(address=OuterRef("address"))))
        )

    def precedence(self):
        """Which of one address's subscriptions speaks for it: lowest first."""
        return Value(0, output_field=IntegerField())

    def heading(self):
        raise NotImplementedError

    def text(self):
        raise NotImplementedError


class ConsultationEvent(Event):
    def followers(self):
        topics = list(self.page.topics.values_list("slug", flat=True))
        return Q(kind=CONSULTATION, subject_key=str(self.page.translation_key)) | Q(
            kind=TOPIC, subject_key__in=topics
        )

    def precedence(self):
        # The consultation itself before its topics.
        return Case(When(kind=CONSULTATION, then=0), default=1, output_field=IntegerField())

    def closes(self):
        return date_format(timezone.localtime(self.page.closes_at), "j F Y")


class Opened(ConsultationEvent):
    name = "opened"

    def since(self):
        return self.page.opens_at

    def heading(self):
        return _("Consultation open")

    def text(self):
        return _("This consultation is now open. You can have your say until %(date)s.") % {
            "date": self.closes()
        }


class ClosingSoon(ConsultationEvent):
    """A reminder for everyone following before it closes, however recently
    they signed up."""

    name = "closing"

    def heading(self):
        return _("Consultation closing soon")

    def text(self):
        return _("This consultation closes on %(date)s. There is still time to have your say.") % {
            "date": self.closes()
        }


class Closed(ConsultationEvent):
    name = "closed"

    def since(self):
        return self.page.closes_at

    def heading(self):
        return _("Consultation closed")

    def text(self):
        return _(
            "This consultation has closed. Thank you to everyone who took part. We will "
            "publish what we heard and what we will do."
        )


class ResultsPublished(ConsultationEvent):
    name = "results"

    def heading(self):
        return _("We asked, you said, we did")

    def text(self):
        return _(
            "The council has published the results of this consultation: what people "
            "told us and what we are doing about it."
        )


class ReportPublished(Event):
    name = "report"

    def followers(self):
        plan = self.page.plan
        if plan is None:
            return Q(pk__in=[])
        return Q(kind=PLAN, subject_key=str(plan.translation_key))

    def heading(self):
        return _("New progress report")

    def text(self):
        return _("A new progress report on the delivery plan has been published.")


EVENTS = {cls.name: cls for cls in (Opened, ClosingSoon, Closed, ResultsPublished, ReportPublished)}


def event_for(name, page_id):
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None or name not in EVENTS:
        return None
    return EVENTS[name](page.specific)


def queue_if_pending(event):
    """Queue the fan-out if anyone is waiting for the update: one query, and
    at most one insert (in the publish's own transaction, so the worker sees
    the task only once the page is published)."""
    if not event.pending().exists():
        return False
    fan_out.enqueue(event.name, event.page.pk)
    return True


class Following:
    """What each subscriber follows, described once per kind, key and language."""

    def __init__(self):
        self.known = {}

    def __call__(self, subscription):
        key = (subscription.kind, subscription.subject_key, subscription.language)
        if key not in self.known:
            self.known[key] = subject_for(*key)
        return self.known[key]


def batch_size():
    return int(getattr(settings, "EMAIL_UPDATES_BATCH", 100))


@task()
def fan_out(name, page_id):
    """Write a notification for each address waiting for the update (from
    its most specific subscription), then queue their sending in batches;
    a notification another run wrote first is that run's to send. Returns
    how many emails this run queued."""
    event = event_for(name, page_id)
    if event is None:
        return 0
    batch = uuid.uuid4().hex
    queued = 0
    while True:
        waiting = event.pending().order_by(event.precedence(), "pk")
        rows, seen = [], set()
        for pk, address in waiting.values_list("pk", "address")[:CHUNK]:
            if address not in seen:
                seen.add(address)
                rows.append(
                    Notification(subscription_id=pk, address=address, event=event.key, batch=batch)
                )
        if not rows:
            return queued
        with transaction.atomic():
            Notification.objects.bulk_create(rows, ignore_conflicts=True)
            mine = list(
                Notification.objects.filter(
                    batch=batch,
                    event=event.key,
                    subscription_id__in=[r.subscription_id for r in rows],
                )
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            size = batch_size()
            for start in range(0, len(mine), size):
                send_updates.enqueue(name, page_id, mine[start : start + size])
            queued += len(mine)


@task()
def send_updates(name, page_id, ids, attempt=1):
    """Send one batch of updates through one connection to the mail server,
    each in its subscriber's language, and note each as sent the moment it
    goes; those that failed are tried again later in a batch of their own,
    then recorded as given up. An update whose subscription was cancelled
    before it went is forgotten (another subscription of the address may
    bring it). Returns how many were sent."""
    notifications = Notification.objects.filter(pk__in=ids, outcome="")
    notifications.filter(subscription__isnull=True).delete()
    waiting = notifications.filter(subscription__isnull=False).select_related("subscription")
    event = event_for(name, page_id)
    if event is None:  # the page was deleted meanwhile
        waiting.update(outcome="not sent", outcome_at=timezone.now())
        return 0
    following = Following()
    items, unbuilt = [], []
    for notification in waiting.order_by("pk"):
        subscription = notification.subscription
        record = f"subscriptions.notification:{notification.pk}"
        try:
            items.append((update_email(subscription, event, following(subscription)), record))
        except Exception:
            logger.exception("Could not write the email update %s", notification.pk)
            unbuilt.append(record)
    failed = unbuilt + mail.send_each(items, "email update")
    failed_ids = [int(record.rsplit(":", 1)[1]) for record in failed]
    if failed_ids and attempt >= settings.EMAIL_SEND_ATTEMPTS:
        logger.error("Gave up sending %d email updates after %d tries", len(failed_ids), attempt)
        Notification.objects.filter(pk__in=failed_ids).update(
            outcome="gave up", outcome_at=timezone.now()
        )
    elif failed_ids:
        mail.later(send_updates, attempt).enqueue(name, page_id, failed_ids, attempt + 1)
    return len(items) + len(unbuilt) - len(failed_ids)


def due_events(now=None):
    """The date-based updates due now, one consultation (translation key) at
    a time: open, closing soon, closed (for two weeks after), results (for a
    year after closing, in case a publish was missed)."""
    from consultations.models import ConsultationPage

    now = now or timezone.now()
    default = default_locale()
    pages = (
        ConsultationPage.objects.live()
        .filter(closes_at__gt=now - timedelta(days=365), opens_at__lte=now)
        .defer_streamfields()
        .order_by("pk")
    )
    seen = {}
    for page in pages:
        current = seen.get(page.translation_key)
        if current is None or (page.locale_id == default.pk and current.locale_id != default.pk):
            seen[page.translation_key] = page
    for page in seen.values():
        if page.opens_at <= now < page.closes_at:
            yield Opened(page)
        if page.closes_at - closing_soon() <= now < page.closes_at:
            yield ClosingSoon(page)
        if page.closes_at <= now < page.closes_at + timedelta(days=14):
            yield Closed(page)
        if page.results_published and page.closes_at <= now:
            yield ResultsPublished(page)
