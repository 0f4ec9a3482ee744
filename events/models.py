"""Engagement events: drop-in sessions, workshops and group discussions. Each
event is a page of its own under the events listing, and names the pages it
is part of (a consultation, a strategy, a delivery plan) by a plain page
reference, so that any kind of page can have events."""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.forms.utils import ErrorList
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks import StreamBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.links import localize
from core.locales import active_locale, default_locale
from core.models import BasePage, IntroductionMixin

from . import status as statuses
from .blocks import PostponementBlock, question_block

LONDON = ZoneInfo("Europe/London")
SUMMARY_FEATURES = ["h3", "bold", "link", "ul", "ol"]


def stream_error(message):
    """An error for a whole StreamField, in the form the page editor shows."""
    return StreamBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))


class EventIndexPage(IntroductionMixin, BasePage):
    """The list of events: what is coming up across consultations and delivery
    planning, and, on a second tab, past events with what came of them."""

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "pages/event_index_page.html"

    class Meta:
        verbose_name = "Events index"

    def get_context(self, request, *args, **kwargs):
        from .listing import EventListing

        context = super().get_context(request, *args, **kwargs)
        # Looked up when the template reads it: the list at the index's own
        # address is kept for the day (pages/event_index_page.html).
        context["listing"] = SimpleLazyObject(lambda: EventListing(self, request))
        return context


class EventPage(RoutablePageMixin, IntroductionMixin, BasePage):
    """One event residents can come to, in person or online: a drop-in session,
    a workshop or a group discussion. Keep its status up to date; once it has
    been held, add how many came and what they said."""

    date = models.DateField(
        help_text="The day it is held (UK time). If it is postponed and has no new date yet, "
        "keep the date it was to be held on."
    )
    start_time = models.TimeField(help_text="UK time, for example 14:00.")
    end_time = models.TimeField(null=True, blank=True, help_text="Optional.")
    place_name = models.CharField(
        max_length=150,
        blank=True,
        help_text="The building or room, for example 'County Hall, Committee Room 1'.",
    )
    address = models.TextField(blank=True, help_text="The full address, with the postcode.")
    online_link = models.URLField(
        blank=True, help_text="Optional: where to join online (a video call's address)."
    )
    accessibility = models.TextField(
        blank=True,
        help_text="Step-free access, hearing loop, parking, toilets, interpreters on request.",
    )
    how_to_book = models.TextField(
        blank=True,
        help_text="How to book a place, or 'No need to book: come along at any time.'",
    )
    booking_url = models.URLField(blank=True, help_text="Optional: where to book online.")
    places = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Optional: how many places there are.",
    )
    status = models.CharField(
        max_length=20, choices=statuses.CHOICES, default=statuses.SCHEDULED.code
    )
    cancellation_reason = models.TextField(
        blank=True, help_text="If it is cancelled: why, and what people can do instead."
    )
    postponements = StreamField(
        [("postponement", PostponementBlock())],
        blank=True,
        use_json_field=True,
        help_text="Each date it was to be held on and did not go ahead, earliest first. To "
        "postpone: add the date and the reason here, then either give the new date above and "
        "keep it 'Scheduled', or, with no new date yet, set it to 'Postponed'.",
    )
    questions = StreamField(
        [("question", question_block())],
        blank=True,
        use_json_field=True,
        help_text="The questions put to participants.",
    )
    attendance = models.PositiveIntegerField(
        null=True, blank=True, help_text="Once it has been held: how many people came."
    )
    summary = RichTextField(
        features=SUMMARY_FEATURES,
        blank=True,
        verbose_name="what participants said",
        help_text="Once it has been held: a summary of what participants said.",
    )
    # The consultation block it was made from by `move_consultation_events`,
    # so that moving again finds it instead of making another.
    moved_from_block = models.CharField(max_length=64, blank=True, editable=False)
    # A copy made in the admin is a new event, not the one that was moved.
    exclude_fields_in_copy = ["moved_from_block"]

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [FieldPanel("place_name"), FieldPanel("address"), FieldPanel("online_link")],
            heading="Where",
        ),
        FieldPanel("accessibility"),
        MultiFieldPanel(
            [FieldPanel("how_to_book"), FieldPanel("booking_url"), FieldPanel("places")],
            heading="Booking",
        ),
        FieldPanel("questions"),
        InlinePanel(
            "related_pages",
            heading="Part of",
            label="Page",
            help_text="The consultations, plans or other pages this event is part of. It is "
            "listed on each of them.",
        ),
    ]
    status_panels = [
        FieldPanel("status"),
        FieldPanel("cancellation_reason"),
        FieldPanel("postponements"),
        MultiFieldPanel(
            [FieldPanel("attendance"), FieldPanel("summary")], heading="Once it has been held"
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(status_panels, heading="Status and results"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("place_name"),
        index.SearchField("address"),
        index.SearchField("questions"),
        index.SearchField("summary"),
        index.SearchField("postponements"),
        index.SearchField("cancellation_reason"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "pages/event_page.html"

    class Meta:
        verbose_name = "Event"

    # What it is ---------------------------------------------------------------

    @property
    def status_info(self):
        return statuses.status_of(self.status)

    @property
    def starts_at(self):
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=LONDON)

    @property
    def ends_at(self):
        if self.end_time is None:
            return None
        return datetime.datetime.combine(self.date, self.end_time, tzinfo=LONDON)

    @property
    def is_past(self):
        return self.date < timezone.localdate()

    @property
    def is_held(self):
        return self.status == statuses.HELD.code

    @property
    def awaits_new_date(self):
        return self.status == statuses.POSTPONED.code

    @property
    def has_summary(self):
        # The editor's empty rich text is not always an empty string.
        return bool(strip_tags(self.summary or "").strip())

    @property
    def is_online(self):
        return bool(self.online_link)

    @property
    def is_in_person(self):
        return bool(self.place_name or self.address)

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    def dates_given_up(self):
        """The dates it was to be held on and was not, each with the reason, in order."""
        return [
            {"date": block.value["date"], "reason": block.value["reason"]}
            for block in self.postponements
        ]

    @property
    def calendar_sequence(self):
        """RFC 5545's SEQUENCE: it goes up at each change of date or status that
        a calendar holding the event must take in (postponed, given a new
        date, postponed again, cancelled)."""
        sequence = 2 * len(self.postponements)
        if self.awaits_new_date:
            sequence -= 1
        if self.status == statuses.CANCELLED.code:
            sequence += 1
        return max(sequence, 0)

    def search_result_label(self):
        return _("Event, %(date)s") % {"date": date_format(self.date)}

    def part_of(self, request=None):
        """The pages this event is part of, each in the resident's language where
        it has been translated, and otherwise linked under the language's prefix
        and marked "English only" (``page.local_link``, core.links): two queries
        however many there are."""
        links = self.related_pages.select_related("page")
        return localize([link.page for link in links], request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["part_of"] = self.part_of(request)
        return context

    # The calendar file ----------------------------------------------------------

    @property
    def calendar_subpath(self):
        return self.reverse_subpage("calendar")

    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        """The event as an iCalendar file (RFC 5545) to add to a calendar."""
        from .calendar import event_calendar

        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        response = HttpResponse(
            event_calendar(self, request).encode("utf-8"),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.slug}.ics"
        )
        return response

    # Rules when saving ----------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = "The end time must be after the start time."
        if not (self.place_name or self.address or self.online_link):
            errors["place_name"] = (
                "Say where it is: a place and its address, a link to join online, or both."
            )
        if self.status == statuses.CANCELLED.code and not self.cancellation_reason.strip():
            errors["cancellation_reason"] = "Say why it was cancelled."
        if not self.is_held and (self.attendance is not None or self.has_summary):
            errors["status"] = (
                "Attendance and what participants said are for an event that has been held: "
                "set the status to 'Held', or leave them empty."
            )
        if self.is_held and self.date and self.date > timezone.localdate():
            errors["status"] = "An event can only be marked as held on or after its date."
        if problem := self.postponements_problem():
            errors["postponements"] = stream_error(problem)
        if errors:
            raise ValidationError(errors)

    def postponements_problem(self):
        dates = [block.value["date"] for block in self.postponements if block.value["date"]]
        if self.awaits_new_date and not dates:
            return (
                "A postponed event needs the date it was to be held on and the reason: add "
                "them here."
            )
        if any(later <= earlier for earlier, later in zip(dates, dates[1:], strict=False)):
            return "List the dates it was postponed from in order, earliest first."
        if not (dates and self.date):
            return ""
        if self.awaits_new_date and dates[-1] != self.date:
            return (
                "While it waits for a new date, the event's date is the last date it was to be "
                "held on: make it the same as the last date here."
            )
        if not self.awaits_new_date and dates[-1] >= self.date:
            return "Each date it was postponed from must be before the date it is now held on."
        return ""


class EventRelatedPage(Orderable):
    """A page an event is part of: a consultation, a strategy, a delivery plan."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "page it is part of"


# Finding events --------------------------------------------------------------


def localized_pages(pages):
    """Each page in the resident's language where a live translation exists,
    otherwise as it is: one query for any number of pages."""
    pages = [page for page in pages if page is not None]
    locale = active_locale()
    wanted = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translated = {}
    if wanted:
        translated = {
            page.translation_key: page
            for page in Page.objects.live()
            .public()
            .filter(locale=locale, translation_key__in=wanted)
            .only("id", "title", "url_path", "locale_id", "translation_key", "depth", "path")
        }
    return [translated.get(page.translation_key, page) for page in pages]


def in_resident_language(events):
    """Events in the resident's language, and in English where an event has
    not been translated yet (shown in English, as untranslated pages are)."""
    locale, english = active_locale(), default_locale()
    if locale.pk == english.pk:
        return events.filter(locale=english)
    translated = events.filter(locale=locale).values("translation_key")
    return events.filter(
        Q(locale=locale) | (Q(locale=english) & ~Q(translation_key__in=translated))
    )


def upcoming_first(events, today=None):
    """Events still to come (today's included), soonest first."""
    today = today or timezone.localdate()
    return events.filter(date__gte=today).order_by("date", "start_time", "title")


def most_recent_first(events, today=None):
    today = today or timezone.localdate()
    return events.filter(date__lt=today).order_by("-date", "-start_time", "title")


def events_about(page):
    """The live events that are part of ``page`` (in any of its languages), in
    the resident's language where translated, in date order: one query."""
    events = (
        EventPage.objects.live()
        .public()
        .filter(related_pages__page__translation_key=page.translation_key)
        .distinct()
        .defer_streamfields()
    )
    return list(in_resident_language(events).order_by("date", "start_time", "title"))
