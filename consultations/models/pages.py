"""The consultation pages: the finder (``ConsultationIndexPage``) and the
consultation itself (``ConsultationPage``), with its status (forthcoming, open,
closed, results published) and the helpers that list consultations by status.

The survey's routes are ``SurveyRoutesMixin`` (``consultations.routes``); what
each step does is in ``consultations.views``.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.forms.utils import ErrorList
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks import StreamBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import DocumentLinkBlock, StandardBodyBlock
from core.chrome_cache import remembered
from core.easy_read import EasyReadMixin, stream_present, with_streams_present
from core.models import BasePage, district_choices_for, district_choices_of_page
from core.sites import current_site, site_pages

from ..blocks import EventBlock, HeadlineFigureBlock
from ..headlines import results_headlines_error
from ..page_form import ConsultationPageForm
from ..routes import SurveyRoutesMixin
from ..survey.structure import SurveyBlock, survey_from_stream
from ..validation import locked_survey_problems
from .snippets import ConsultationTopic

FORTHCOMING = "forthcoming"
OPEN = "open"
CLOSED = "closed"
RESULTS = "results"
STATUS_LABELS = {
    FORTHCOMING: _("Forthcoming"),
    OPEN: _("Open"),
    CLOSED: _("Closed"),
    RESULTS: _("Results published"),
}


CONSULTATIONS_PER_PAGE = 20


class ConsultationIndexPage(BasePage):
    """The list of consultations: open ones first, then forthcoming, then closed,
    with a filter by status and topic."""

    introduction = models.TextField(blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count_per_parent = 1
    template = "pages/consultation_index_page.html"
    search_label = _("Consultations")

    class Meta:
        verbose_name = "Consultations index"

    def get_context(self, request, *args, **kwargs):
        from ..filters import ConsultationFilter

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        rows, topic_names = remembered("consultation-finder", lambda: finder_rows(self), self.pk)
        status = request.GET.get("status", "")
        if status in STATUS_LABELS:
            rows = [row for row in rows if row.status_at(now) == status]
        slugs = {slug for row in rows for slug in row.topics}
        topics = sorted(
            (ConsultationTopic(slug=slug, name=topic_names[slug]) for slug in slugs),
            key=lambda topic: (topic.name, topic.slug),
        )
        districts = district_choices_for(request)
        chosen = ConsultationFilter(
            request.GET,
            statuses=list(STATUS_LABELS.items()),
            topics=[(topic.slug, topic.name) for topic in topics],
            districts=districts,
        )
        if "topic" in chosen.values:
            rows = [row for row in rows if chosen.values["topic"] in row.topics]
        paginator = Paginator(chosen.covering(ordered_by_status(rows)), CONSULTATIONS_PER_PAGE)
        consultations = paginator.get_page(request.GET.get("page"))
        shown = list(consultations.object_list)
        pks = [row.pk for row in shown]

        def cards():
            found = remembered("consultation-cards", lambda: consultation_cards(pks), *pks)
            # Each card's "Covers" line, from the council's list read once.
            for consultation in found:
                consultation.covered_names = covered_names(consultation.covers_districts, districts)
            return found

        # Fetched only when the list is shown afresh: the list is kept under
        # what it shows (the filters, the page, each card's status and the
        # total), which the clock can change without any page being saved.
        consultations.object_list = SimpleLazyObject(cards)
        listed = [f"{row.pk}:{row.status_at(now)}" for row in shown]
        context.update(
            kept_list="consultation-list",
            kept_key=f"{chosen.querystring()}|{consultations.number}|{paginator.count}|{listed}",
            consultations=consultations,
            paginator=paginator,
            page_query=chosen.querystring(),
            filter=chosen,
            statuses=list(STATUS_LABELS.items()),
            selected_status=chosen.values.get("status", ""),
            topics=topics,
            selected_topic=chosen.values.get("topic", ""),
            districts=districts,
            selected_area=chosen.values.get("area", ""),
        )
        return context


def covered_names(codes, districts):
    """The names of the districts ``codes`` names, in the council's order, and
    any code the council's list no longer has, as it is (never "the whole
    county" for a consultation about somewhere in particular)."""
    known = dict(districts)
    return [name for code, name in districts if code in codes] + [
        code for code in codes if code not in known
    ]


def ordered_by_status(pages):
    """Open (closing soonest first), then forthcoming (opening soonest), then closed
    (most recent first)."""
    pages = list(pages)
    order = {OPEN: 0, FORTHCOMING: 1, CLOSED: 2, RESULTS: 2}
    now = timezone.now()

    def sort_key(page):
        status = page.status_at(now)
        if status == OPEN:
            return (0, page.closes_at.timestamp())
        if status == FORTHCOMING:
            return (1, page.opens_at.timestamp())
        return (order[status], -page.closes_at.timestamp())

    return sorted(pages, key=sort_key)


class Scheduled:
    """What a consultation's dates and area say, for a page or a row of the
    finder's kept list (``FinderRow``)."""

    def status_at(self, now):
        if now < self.opens_at:
            return FORTHCOMING
        if now < self.closes_at:
            return OPEN
        return RESULTS if self.results_published else CLOSED

    def covers(self, district):
        """Whether the consultation is about this district: it names it, or it
        is about the whole county."""
        return not self.covers_districts or district in self.covers_districts


@dataclass(frozen=True)
class FinderRow(Scheduled):
    """One consultation as the finder sorts and filters it, kept
    (core/chrome_cache.py) so that the finder asks nothing of the database
    but the cards it shows."""

    pk: int
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    results_published: bool
    topics: tuple
    covers_districts: tuple


def finder_rows(index):
    """Every live, public consultation under ``index``, and the names of their
    topics, by slug."""
    pages = (
        ConsultationPage.objects.child_of(index)
        .live()
        .public()
        .defer_streamfields()
        .prefetch_related("topics")
    )
    rows, topic_names = [], {}
    for page in pages:
        topics = list(page.topics.all())
        topic_names.update((topic.slug, topic.name) for topic in topics)
        rows.append(
            FinderRow(
                pk=page.pk,
                opens_at=page.opens_at,
                closes_at=page.closes_at,
                results_published=page.results_published,
                topics=tuple(topic.slug for topic in topics),
                covers_districts=tuple(page.covers_districts or ()),
            )
        )
    return rows, topic_names


def consultation_cards(pks):
    """The consultations ``pks`` names, in that order, for cards (the home
    page's and the finder's, kept under the same name), each knowing whether
    it has a survey and an Easy Read one."""
    pages = ConsultationPage.objects.filter(pk__in=pks).defer_streamfields()
    found = {page.pk: page for page in with_streams_present(pages, "survey", "easy_read")}
    return [found[pk] for pk in pks if pk in found]


class ConsultationPage(Scheduled, EasyReadMixin, SurveyRoutesMixin, RoutablePageMixin, BasePage):
    """A public consultation: what is proposed, when residents can have their say,
    events, documents, other ways to respond, and a survey built from sections
    of questions."""

    introduction = models.TextField(help_text="What this consultation is about, in a sentence.")
    opens_at = models.DateTimeField(
        help_text="When residents can start answering (UK time).", default=timezone.now
    )
    closes_at = models.DateTimeField(
        help_text="When the survey closes (UK time). Nothing is accepted after this."
    )
    topics = ParentalManyToManyField(ConsultationTopic, blank=True)
    # The codes of the council's districts (Council details) this consultation
    # is about; none for the whole county. Not words, so every translation of
    # the page keeps the English page's (wagtail-localize synchronises it).
    covers_districts = models.JSONField(
        default=list,
        blank=True,
        verbose_name="area covered",
        help_text="Tick the districts this consultation is about, or none if it is about the "
        "whole county. Residents who filter the consultations by a district find it, and the "
        "page says which areas it covers.",
    )
    body = StreamField(
        StandardBodyBlock(),
        blank=True,
        use_json_field=True,
        help_text="What is proposed and why, in plain words.",
    )
    documents = StreamField([("document", DocumentLinkBlock())], blank=True, use_json_field=True)
    # Events are pages of their own now (events.EventPage, which names the
    # consultation it is part of). Events written here before that are still
    # shown until `manage.py move_consultation_events` moves them (README,
    # "Upgrading"); the field is no longer in the editor, so nothing new is added.
    events = StreamField([("event", EventBlock())], blank=True, use_json_field=True)
    other_ways_to_respond = RichTextField(
        features=["bold", "link", "ul"],
        blank=True,
        help_text="Email, post, phone and other formats. The council's contact details "
        "are added below it.",
    )
    results_published = models.BooleanField(
        default=False, help_text="Tick once the results are on this page."
    )
    results_date = models.DateField(
        null=True, blank=True, help_text="When the council published what it heard and did."
    )
    results_headlines = StreamField(
        [("figure", HeadlineFigureBlock())],
        blank=True,
        use_json_field=True,
        help_text="'You said': figures worked out from the responses as they stand. Each "
        "shows the question it comes from.",
    )
    results = RichTextField(
        features=["h2", "h3", "bold", "link", "ul", "ol"],
        blank=True,
        help_text="'We did': what the council heard, what it decided and what it changed.",
    )
    retention_days = models.PositiveIntegerField(
        default=365,
        help_text="How many days after closing to keep residents' personal details (email "
        "addresses, postcodes, free text marked as personal, equality answers). A daily job "
        "removes them after that; the other answers are kept.",
    )

    time_to_complete = models.CharField(
        max_length=100,
        blank=True,
        default="about 10 minutes",
        help_text="For example 'about 10 minutes'.",
    )
    how_answers_are_used = models.TextField(
        blank=True, help_text="Shown on the survey's start page."
    )
    survey = StreamField(SurveyBlock(), blank=True, use_json_field=True)
    ask_about_you = models.BooleanField(
        default=True,
        help_text="Add the 'About you' section (how they answer, and their area).",
    )
    ask_equality = models.BooleanField(
        default=True, help_text="Add the optional equality-monitoring section at the end."
    )
    confirmation_text = RichTextField(
        features=["bold", "link"],
        blank=True,
        help_text="Shown after a response is sent: what happens next.",
    )

    base_form_class = ConsultationPageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("confirm_new_dates"),
            ],
            heading="Dates",
        ),
        FieldPanel("topics"),
        FieldPanel("covers_districts"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("other_ways_to_respond"),
        MultiFieldPanel(
            [
                FieldPanel("results_published"),
                FieldPanel("results_date"),
                FieldPanel("results_headlines"),
                FieldPanel("results"),
            ],
            heading="We asked, you said, we did",
        ),
        FieldPanel("retention_days"),
    ]
    survey_panels = [
        FieldPanel("time_to_complete"),
        FieldPanel("how_answers_are_used"),
        FieldPanel("survey"),
        FieldPanel("ask_about_you"),
        FieldPanel("ask_equality"),
        FieldPanel("confirmation_text"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(survey_panels, heading="Survey"),
            ObjectList(EasyReadMixin.easy_read_panels, heading="Easy Read"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )
    search_fields = (
        BasePage.search_fields
        + [
            index.SearchField("introduction"),
            index.SearchField("body"),
            index.SearchField("document_titles"),
            index.FilterField("closes_at"),
            index.FilterField("opens_at"),
        ]
        + EasyReadMixin.search_fields
    )

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []
    template = "pages/consultation_page.html"

    class Meta:
        verbose_name = "Consultation"

    # Status -------------------------------------------------------------------

    @property
    def status(self):
        return self.status_at(timezone.now())

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    def is_open_at(self, now):
        return self.status_at(now) == OPEN

    def has_published_figures(self, now=None):
        """Whether the results, with headline figures, are out (and so open data)."""
        return self.status_at(now or timezone.now()) == RESULTS and bool(self.results_headlines)

    @path("data/headline-figures/<slug:file_format>/", name="headline_figures_data")
    def headline_figures_data(self, request, file_format):
        """The published headline figures as open data (``consultations.opendata``)."""
        from ..opendata import headline_figures_response

        return headline_figures_response(self, request, file_format)

    @property
    def is_open(self):
        return self.is_open_at(timezone.now())

    def document_titles(self):
        """The consultation's documents, by the titles residents see, for search."""
        return " ".join(
            child.value.get("title") or child.value["document"].title
            for child in self.documents
            if child.value.get("document")
        )

    def search_result_label(self):
        """How search results describe this page: 'Consultation, open until 1 September'."""
        status = self.status
        if status == FORTHCOMING:
            when = date_format(timezone.localtime(self.opens_at))
            return _("Consultation, opens %(date)s") % {"date": when}
        when = date_format(timezone.localtime(self.closes_at))
        if status == OPEN:
            return _("Consultation, open until %(date)s") % {"date": when}
        return _("Consultation, closed %(date)s") % {"date": when}

    def search_label_changes_at(self):
        """When ``search_result_label`` will next say something else: at the
        opening, then at the close; never again after that."""
        now = timezone.now()
        return next((moment for moment in (self.opens_at, self.closes_at) if now < moment), None)

    @property
    def council_districts(self):
        """The districts of the council whose site this consultation is on,
        (code, name) pairs: the area question's options and what the page may
        cover. Kept once the page is saved in the tree (before, it has no site)."""
        kept = self.__dict__.get("_council_districts")
        if kept is None:
            kept = district_choices_of_page(self)
            if self.pk and self.url_path:
                self.__dict__["_council_districts"] = kept
        return kept

    @cached_property
    def covered_district_names(self):
        """The names of the districts it covers, in the council's order; empty
        for the whole county."""
        return covered_names(self.covers_districts, self.council_districts)

    @cached_property
    def survey_definition(self):
        return survey_from_stream(
            self.survey,
            about_you=self.ask_about_you,
            equality=self.ask_equality,
            districts=self.council_districts,
        )

    @property
    def has_survey(self):
        return stream_present(self, "survey")

    # Rules when saving ----------------------------------------------------------

    def clean(self):
        super().clean()
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing time must be after the opening time."})
        if headlines_error := results_headlines_error(self):
            raise ValidationError({"results_headlines": headlines_error})
        problems = locked_survey_problems(self)
        if problems:
            message = (
                "This survey already has responses, so questions and options that have "
                "answers cannot be removed, re-keyed or changed to another type (their "
                "answers would be lost). You can still change their wording. "
            )
            raise ValidationError(
                {
                    "survey": StreamBlockValidationError(
                        non_block_errors=ErrorList([ValidationError(message + " ".join(problems))])
                    )
                }
            )


def open_consultations(locale, limit=None, site=None):
    """Open consultations in a language (a locale id) on one council's site
    (a Site, a request or a page of it), closing soonest first.

    Which consultations are open changes with the clock, not only when pages
    change: the kept list (core/chrome_cache.py) is of every consultation not
    closed when it was made, with its dates, and the open ones are chosen from
    it now. Once warm, no query."""
    if isinstance(site, Page):
        key = site.path[: Page.steplen * 2]
    else:
        found = current_site(site)
        key = found.pk if found else None

    def not_closed():
        pages = site_pages(ConsultationPage.objects.live().public(), site).filter(
            locale_id=locale, closes_at__gt=timezone.now()
        )
        return list(pages.order_by("closes_at", "pk").values_list("pk", "opens_at", "closes_at"))

    now = timezone.now()
    chosen = [
        pk
        for pk, opens_at, closes_at in remembered("not-closed", not_closed, key, locale)
        if opens_at <= now < closes_at
    ][:limit]

    if not chosen:
        return []
    return remembered("consultation-cards", lambda: consultation_cards(chosen), *chosen)
