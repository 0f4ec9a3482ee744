"""What email updates tell subscribers about, and the fan-out that sends them.

A consultation opens, is about to close (``EMAIL_UPDATES_CLOSING_SOON_DAYS``
before), closes, or publishes its results; a delivery plan publishes a
progress report. Publishing is caught by Wagtail's ``page_published`` signal
(``subscriptions.signals``); the dates are checked by
``manage.py send_email_updates``, run every few minutes beside the worker.
Neither sends anything itself: each queues one ``fan_out`` task (one
database insert) when someone is waiting for the update, and the background
worker does the rest.

The fan-out writes one ``Notification`` per subscription and update before
queuing its email (``core.mail``, which tries again and records the
outcome); the row is unique, so an update is never sent twice to a
subscription, however often a page is published or the command runs. Only
confirmed subscriptions get updates, and a date's update only goes to those
confirmed before that date: someone who subscribes to an open consultation
is not told that it has opened (the "closing soon" reminder goes to all).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
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
        return subscriptions.exclude(
            pk__in=Notification.objects.filter(event=self.key).values("subscription_id")
        )

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


@task()
def fan_out(name, page_id):
    """Write a notification for each pending subscription, then queue its
    email; a notification another run wrote first is that run's to send.
    Returns how many emails this run queued."""
    event = event_for(name, page_id)
    if event is None:
        return 0
    batch = uuid.uuid4().hex
    following = Following()
    queued = 0
    while True:
        ids = list(event.pending().order_by("pk").values_list("pk", flat=True)[:CHUNK])
        if not ids:
            return queued
        with transaction.atomic():
            Notification.objects.bulk_create(
                [Notification(subscription_id=pk, event=event.key, batch=batch) for pk in ids],
                ignore_conflicts=True,
            )
            mine = Notification.objects.filter(
                batch=batch, event=event.key, subscription_id__in=ids
            ).select_related("subscription")
            for notification in mine:
                subscription = notification.subscription
                message = update_email(subscription, event, following(subscription))
                record = f"subscriptions.notification:{notification.pk}"
                if mail.queue(message, "email update", record=record):
                    queued += 1
                else:
                    mail.note_outcome(record, "not queued")


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
