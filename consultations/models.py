"""Consultations: the finder, the consultation page with its survey, and the
stored responses.

Responses are keyed by the consultation's ``translation_key``, question keys
and option codes, never by wording, so answers given in every language (and,
later, in Easy Read) count together.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks import (
    CharBlock,
    DateTimeBlock,
    RegexBlock,
    StructBlock,
    TextBlock,
    URLBlock,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.blocks import DocumentLinkBlock, StandardBodyBlock
from core.easy_read import EasyReadMixin
from core.models import BasePage

from .routes import SurveyRoutesMixin
from .survey.blocks import KeyBlock
from .survey.structure import SurveyBlock, survey_from_stream
from .survey.types import registry

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
VERSION_STANDARD = "standard"
VERSION_EASY_READ = "easy_read"
VERSIONS = [(VERSION_STANDARD, "Standard"), (VERSION_EASY_READ, "Easy Read")]


@register_setting(icon="form")
class ConsultationSettings(BaseSiteSetting):
    """How the council handles what residents tell it: protecting small groups
    in equality figures, and when results are due."""

    small_number_threshold = models.PositiveSmallIntegerField(
        default=10,
        help_text="Equality figures below this number are shown as 'fewer than' it, in every "
        "summary, chart and export, so that no small group can be singled out.",
    )
    results_due_weeks = models.PositiveSmallIntegerField(
        default=12,
        help_text="How many weeks after a consultation closes the council promises to "
        "publish what it heard and did. The dashboard lists the ones that are late.",
    )

    panels = [FieldPanel("small_number_threshold"), FieldPanel("results_due_weeks")]

    class Meta:
        verbose_name = "Consultation rules"


@register_snippet
class ConsultationTopic(models.Model):
    """A subject residents can filter consultations by, such as 'Communities'."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Consultation topic"

    def __str__(self):
        return self.name


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

    class Meta:
        verbose_name = "Consultations index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = request.GET.get("status", "")
        topic = request.GET.get("topic", "")
        pages = ConsultationPage.objects.child_of(self).live().public().defer_streamfields()
        pages = filter_by_status(pages, status if status in STATUS_LABELS else "")
        topics = list(ConsultationTopic.objects.filter(consultationpage__in=pages).distinct())
        if topic:
            pages = pages.filter(topics__slug=topic)
        context.update(
            consultations=ordered_by_status(pages),
            statuses=list(STATUS_LABELS.items()),
            selected_status=status,
            topics=topics,
            selected_topic=topic,
        )
        return context


def filter_by_status(pages, status, now=None):
    now = now or timezone.now()
    if status == OPEN:
        return pages.filter(opens_at__lte=now, closes_at__gt=now)
    if status == FORTHCOMING:
        return pages.filter(opens_at__gt=now)
    if status == CLOSED:
        return pages.filter(closes_at__lte=now, results_published=False)
    if status == RESULTS:
        return pages.filter(closes_at__lte=now, results_published=True)
    return pages


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


class EventBlock(StructBlock):
    title = CharBlock(max_length=150, help_text="For example 'Drop-in session'.")
    starts_at = DateTimeBlock()
    ends_at = DateTimeBlock(required=False)
    place = TextBlock(help_text="Where it is, with the full address.")
    accessibility = TextBlock(
        required=False,
        default="",
        help_text="Step-free access, hearing loop, parking, toilets, interpreters on request.",
    )
    booking_url = URLBlock(required=False, help_text="Optional: where to book a place.")

    class Meta:
        icon = "date"
        template = "components/consultations/event.html"
        label = "Event"


class HeadlineFigureBlock(StructBlock):
    """One figure in "You said", counted live from the responses."""

    question_key = KeyBlock(help_text="The key of the question the figure comes from.")
    statement_code = KeyBlock(
        required=False,
        help_text="For a grid question: the code of the statement (for example priority_1).",
    )
    option_codes = RegexBlock(
        regex=r"^\s*[a-z][a-z0-9_]*(\s*,\s*[a-z][a-z0-9_]*)*\s*$",
        max_length=250,
        help_text="The option codes to count together, separated by commas, for example "
        "'strongly_agree, agree'.",
        error_messages={"invalid": "Give option codes separated by commas."},
    )
    description = CharBlock(
        max_length=200,
        help_text="What the figure means, after the percentage: for example 'agreed with "
        "priority 1'.",
    )

    class Meta:
        icon = "table"
        label = "Headline figure"


class ConsultationPage(EasyReadMixin, SurveyRoutesMixin, RoutablePageMixin, BasePage):
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
    body = StreamField(
        StandardBodyBlock(),
        blank=True,
        use_json_field=True,
        help_text="What is proposed and why, in plain words.",
    )
    documents = StreamField([("document", DocumentLinkBlock())], blank=True, use_json_field=True)
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

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            heading="Dates",
        ),
        FieldPanel("topics"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("events"),
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

    def status_at(self, now):
        if now < self.opens_at:
            return FORTHCOMING
        if now < self.closes_at:
            return OPEN
        return RESULTS if self.results_published else CLOSED

    @property
    def status(self):
        return self.status_at(timezone.now())

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def is_open(self):
        return self.status == OPEN

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

    @cached_property
    def survey_definition(self):
        return survey_from_stream(
            self.survey, about_you=self.ask_about_you, equality=self.ask_equality
        )

    @property
    def has_survey(self):
        return bool(self.survey)

    # Rules when saving ----------------------------------------------------------

    def clean(self):
        super().clean()
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing time must be after the opening time."})
        from .headlines import results_headlines_error

        if headlines_error := results_headlines_error(self):
            raise ValidationError({"results_headlines": headlines_error})
        problems = locked_survey_problems(self)
        if problems:
            from django.forms.utils import ErrorList
            from wagtail.blocks import StreamBlockValidationError

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


def locked_survey_problems(page):
    """What a change to the survey would break in the answers already stored."""
    if not page.translation_key:
        return []
    answered = (
        Answer.objects.filter(response__consultation_key=page.translation_key)
        .values_list("question_key", "question_type", "item_key", "option_code")
        .distinct()
    )
    answered = list(answered)
    if not answered:
        return []
    survey = survey_from_stream(page.survey)
    problems = []
    reported = set()
    for key, question_type, item_key, option_code in answered:
        question = survey.question(key)
        if question is None:
            if key not in reported:
                problems.append(f"Question '{key}' has answers: put it back.")
                reported.add(key)
            continue
        if question.type != question_type:
            if key not in reported:
                problems.append(
                    f"Question '{key}' has answers as a {question_type.replace('_', ' ')} "
                    "question: it cannot change type."
                )
                reported.add(key)
            continue
        if item_key and item_key not in {s.code for s in question.statements}:
            marker = (key, "item", item_key)
            if marker not in reported:
                problems.append(f"Statement '{item_key}' of question '{key}' has answers.")
                reported.add(marker)
        if option_code and option_code not in registry.type_of(question).answer_codes(question):
            marker = (key, "option", option_code)
            if marker not in reported:
                problems.append(f"Option '{option_code}' of question '{key}' has answers.")
                reported.add(marker)
    return problems


# Responses --------------------------------------------------------------------

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_reference():
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"HYS-{body[:4]}-{body[4:]}"


class Response(models.Model):
    """One resident's whole response, in any language or version."""

    consultation_key = models.UUIDField(
        db_index=True, help_text="The consultation's translation key: the same in every language."
    )
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reference = models.CharField(max_length=20, unique=True)
    submission_token = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=20)
    version = models.CharField(max_length=20, choices=VERSIONS, default=VERSION_STANDARD)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    # About you: kept on the response, apart from the answers.
    respondent_type = models.CharField(max_length=50, blank=True)
    district = models.CharField(max_length=50, blank=True)
    personal_data_removed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the retention job removed its personal details."
    )

    class Meta:
        ordering = ["-submitted_at"]
        permissions = [
            ("view_response_answers", "Can see and export consultation answers"),
            ("view_equality_answers", "Can see equality-monitoring answers"),
        ]

    def __str__(self):
        return self.reference


class Answer(models.Model):
    """One stored answer: a question key with, where it applies, a grid statement
    or ranked item (``item_key``), an option code, and a value."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question_key = models.CharField(max_length=50)
    question_type = models.CharField(max_length=30)
    item_key = models.CharField(max_length=50, blank=True, default="")
    option_code = models.CharField(max_length=50, blank=True, default="")
    text = models.TextField(blank=True, default="")
    number = models.BigIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_key", "item_key", "option_code"],
                name="consultations_answer_unique_part",
            )
        ]
        indexes = [models.Index(fields=["question_key", "option_code"])]

    def __str__(self):
        return f"{self.question_key}={self.option_code or self.text[:30]}"


class Theme(models.Model):
    """A theme analysts tag free-text answers with (their code list), per question."""

    consultation_key = models.UUIDField(db_index=True)
    question_key = models.CharField(max_length=50)
    name = models.CharField(max_length=100)
    answers = models.ManyToManyField(Answer, related_name="themes", blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation_key", "question_key", "name"],
                name="consultations_theme_unique_name",
            )
        ]

    def __str__(self):
        return self.name


class EqualityAnswer(models.Model):
    """An equality-monitoring answer, stored apart so that permissions can keep it
    from anyone not allowed to see it."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="equality_answers"
    )
    question_key = models.CharField(max_length=50)
    option_code = models.CharField(max_length=50)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_key"], name="consultations_equality_unique"
            )
        ]

    def __str__(self):
        return f"{self.question_key}={self.option_code}"


class SavedSurvey(models.Model):
    """A survey left part-way with an email address, to come back to by link.
    Deleted when the response is sent or the consultation closes."""

    token = models.CharField(max_length=64, unique=True)
    journey_token = models.CharField(max_length=64, db_index=True)
    consultation_key = models.UUIDField(db_index=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField()
    answers = models.JSONField(default=dict)
    done = models.JSONField(default=list)
    expires_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Saved survey {self.pk}"

    @classmethod
    def delete_expired(cls):
        return cls.objects.filter(expires_at__lte=timezone.now()).delete()


def open_consultations(locale=None, limit=None):
    """Open consultations in a language, closing soonest first: one query."""
    now = timezone.now()
    pages = (
        ConsultationPage.objects.live()
        .public()
        .filter(opens_at__lte=now, closes_at__gt=now, locale=locale or Locale.get_active())
        .defer_streamfields()
        .order_by("closes_at")
    )
    return list(pages[:limit] if limit else pages)


__all__ = [
    "Answer",
    "ConsultationSettings",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationTopic",
    "EqualityAnswer",
    "Response",
    "SavedSurvey",
    "Theme",
]
