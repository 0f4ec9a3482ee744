"""The delivery plan as web pages.

A strategy's delivery plan (``DeliveryPlanPage``, on the home page beside the
strategy it delivers) holds its actions (``ActionPage``), grouped, where a plan
has them, under workstreams (``WorkstreamPage``: Staffordshire's workstreams
with their own governance, or the 2022-26 approach's principles), and its
progress reports, one per period (``ProgressReportPage``).

An action says what will be done, who leads it, which priorities and building
blocks it serves, when it starts and is due, and what has happened so far:
dated progress updates, each of which may change the action's status and give
a figure for one of its measures of success. The status is the one the latest
such update gave, so every change of status is recorded with its date.

Every link to another app's page (priorities, building blocks, consultations,
case studies) is declared here, so that the other apps know nothing of
delivery plans and this app keeps its own migrations. wagtail-localize copies
these links to a translated action pointing at the original pages; they are
swapped for their translations when shown (``strategy.models.mixins.in_locale``).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.easy_read import EasyReadMixin
from core.lazy import lazily
from core.models import BasePage, BodyMixin, IntroductionMixin

from ..status import TAG_CLASSES, HasStatus, Status
from .measures import Measure

ACTION_PARENTS = ["delivery.DeliveryPlanPage", "delivery.WorkstreamPage"]


class DeliveryPlanPage(EasyReadMixin, RoutablePageMixin, IntroductionMixin, BodyMixin, BasePage):
    """A strategy's delivery plan: its actions and how far each has got, counts
    of actions by status for each priority, a filter, a feed of progress
    updates, progress reports and the plan's open data. Add actions below it
    (or below a workstream, where the plan has workstreams). Its Easy Read
    version is a summary of what has been done so far."""

    strategy = models.ForeignKey(
        "strategy.StrategyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delivery_plans",
        help_text="The strategy this plan delivers. Its priorities and building blocks are the "
        "ones actions can serve.",
    )
    period = models.CharField(
        max_length=40, blank=True, help_text="The years it covers, for example '2015 to 2016'."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [PageChooserPanel("strategy", "strategy.StrategyPage"), FieldPanel("period")],
            heading="What this plan delivers",
        ),
        FieldPanel("body"),
        *EasyReadMixin.easy_read_panels,
    ]
    search_fields = (
        BasePage.search_fields
        + [
            index.SearchField("introduction"),
            index.SearchField("body"),
        ]
        + EasyReadMixin.search_fields
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "delivery.ActionPage",
        "delivery.WorkstreamPage",
        "delivery.ProgressReportPage",
        "delivery.FundingProgrammePage",
    ]
    show_in_menus_default = True
    template = "pages/delivery_plan_page.html"

    class Meta:
        verbose_name = "Delivery plan"

    def search_result_label(self):
        return _("Delivery plan")

    def live_actions(self):
        """The plan's published actions in its language, in the order of the page tree."""
        return (
            ActionPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .defer_streamfields()
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        from ..overview import PLAN_OVERVIEW_KEYS, plan_overview
        from .funding import FundingProgrammePage

        context = super().get_context(request, *args, **kwargs)

        def shown():
            return {
                **plan_overview(self, request),
                "funding_programmes": list(
                    FundingProgrammePage.objects.live()
                    .public()
                    .child_of(self)
                    .defer_streamfields()
                    .order_by("path")
                ),
            }

        # Looked up when the template reads them: the whole page is kept
        # when there is no filter (pages/delivery_plan_page.html).
        return lazily(context, PLAN_OVERVIEW_KEYS + ("funding_programmes",), shown)

    @path("feed/", name="feed")
    def feed_view(self, request):
        from ..feeds import ProgressFeed

        return ProgressFeed(self)(request)

    @path("data/", name="data")
    def data_view(self, request):
        from ..opendata import data_page

        return data_page(self, request)

    @path("data/<slug:dataset>/<slug:file_format>/", name="dataset")
    def dataset_view(self, request, dataset, file_format):
        from ..opendata import dataset_response

        return dataset_response(self, request, dataset, file_format)


class WorkstreamPage(IntroductionMixin, BodyMixin, BasePage):
    """A workstream or theme of a delivery plan, with its own lead and governance:
    the actions below it belong to it."""

    lead = models.CharField(
        max_length=150, blank=True, help_text="Who leads this workstream, for example a board."
    )
    governance = RichTextField(
        features=["bold", "link", "ul"],
        blank=True,
        help_text="Who oversees it, and how it reports to the plan as a whole.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("lead"),
        FieldPanel("governance"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("lead"),
    ]

    parent_page_types = ["delivery.DeliveryPlanPage"]
    subpage_types = ["delivery.ActionPage"]
    template = "pages/workstream_page.html"

    class Meta:
        verbose_name = "Workstream"

    def search_result_label(self):
        return _("Workstream")

    @cached_property
    def plan(self):
        return DeliveryPlanPage.objects.ancestor_of(self).defer_streamfields().last()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plan"] = SimpleLazyObject(lambda: self.plan)
        context["actions"] = SimpleLazyObject(
            lambda: list(
                ActionPage.objects.live()
                .public()
                .child_of(self)
                .defer_streamfields()
                .order_by("path")
            )
        )
        return context


class ActionPage(HasStatus, IntroductionMixin, BodyMixin, BasePage):
    """One action of a delivery plan: what will be done, who leads it, what it
    serves, when it is due, and its progress. To change its status, add a
    progress update with the new status: residents see when and why it
    changed."""

    reference = models.CharField(
        max_length=20,
        blank=True,
        help_text="The action's number in the plan, if it has one, for example '1.3'.",
    )
    lead = models.CharField(
        max_length=150,
        verbose_name="lead team or partner",
        help_text="Who is responsible for it, for example 'Communities Team' or "
        "'Voluntary Action Leicestershire'. Residents filter by it, so spell it the same way "
        "every time.",
    )
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.NOT_STARTED,
        editable=False,
        db_index=True,
        help_text="The status given by the latest progress update that gives one.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("reference"),
        FieldPanel("introduction", heading="What will be done"),
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("due_date")], heading="Dates"),
        HelpPanel(
            content="<p>The action's status is the one given by its latest progress update. "
            "To change it, add a progress update dated the day it changed, choose the new "
            "status and say why. A figure for one of the action's measures of success is "
            "added the same way.</p>",
            heading="Status and progress",
        ),
        InlinePanel("updates", heading="Progress updates", label="Progress update"),
        FieldPanel("body", heading="More about this action"),
        InlinePanel(
            "priority_links",
            heading="Priorities it serves",
            label="Priority",
            help_text="Priorities of the strategy this plan delivers.",
        ),
        InlinePanel(
            "building_block_links", heading="Building blocks it serves", label="Building block"
        ),
        InlinePanel(
            "measure_links",
            heading="Measures of success it moves",
            label="Measure",
            help_text="Choose a measure here before giving it a figure in a progress update.",
        ),
        InlinePanel(
            "consultation_links",
            heading="Consultations that led to it",
            label="Consultation",
            help_text="It is listed under 'We did' on each consultation's results.",
        ),
        InlinePanel("case_study_links", heading="Case studies that show it", label="Case study"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("lead"),
        index.SearchField("reference"),
        index.RelatedFields("updates", [index.SearchField("text")]),
        index.FilterField("status"),
    ]

    parent_page_types = ACTION_PARENTS
    subpage_types = []
    template = "pages/action_page.html"

    class Meta:
        verbose_name = "Action"

    # Status ---------------------------------------------------------------------

    def updates_in_order(self):
        """The progress updates, oldest first (by date, then in the order staff
        put them)."""
        return sorted(
            self.updates.all(),
            key=lambda update: (update.date or datetime.date.min, update.sort_order or 0),
        )

    def status_from_updates(self):
        status = Status.NOT_STARTED
        for update in self.updates_in_order():
            if update.status:
                status = update.status
        return status

    def status_history(self):
        """The progress updates that changed the status, oldest first: each
        change with the date it happened."""
        history = []
        for update in self.updates_in_order():
            if update.status and (not history or history[-1].status != update.status):
                history.append(update)
        return history

    def last_update_date(self):
        dates = [update.date for update in self.updates.all() if update.date]
        return max(dates) if dates else None

    def clean(self):
        super().clean()
        if self.start_date and self.due_date and self.due_date < self.start_date:
            raise ValidationError({"due_date": "The due date must be on or after the start date."})
        self.status = self.status_from_updates()

    def save(self, *args, **kwargs):
        self.status = self.status_from_updates()
        result = super().save(*args, **kwargs)
        # Search reads the progress updates too, which are stored after the
        # page itself (and after the index was first updated): index again.
        index.insert_or_update_object(self)
        return result

    # Pages --------------------------------------------------------------------

    @cached_property
    def plan(self):
        return DeliveryPlanPage.objects.ancestor_of(self).defer_streamfields().last()

    def search_result_label(self):
        return _("Action, %(status)s") % {"status": self.status_label.lower()}

    def get_context(self, request, *args, **kwargs):
        from ..action_context import ACTION_KEYS, action_context

        context = super().get_context(request, *args, **kwargs)
        return lazily(context, ACTION_KEYS, lambda: action_context(self))


class ProgressUpdate(TranslatableMixin, Orderable):
    """Something that happened to an action, on a date: what was done, the
    status from that date if it changed, and a figure for one of its measures."""

    action = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(default=timezone.localdate)
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        blank=True,
        verbose_name="status from this date",
        help_text="Leave empty unless the status changed on this date.",
    )
    text = models.TextField(
        blank=True, verbose_name="what happened", help_text="In a sentence or two, for residents."
    )
    measure = models.ForeignKey(
        Measure,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="progress_updates",
        help_text="A measure of success this update gives a figure for.",
    )
    value = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        verbose_name="figure",
        help_text="The measure's value on this date, without commas or a £ sign.",
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("measure"), FieldPanel("value")], heading="Figure (optional)"),
    ]
    # The words are translated; the date, status and figure stay the same.
    translatable_fields = [
        TranslatableField("text"),
        SynchronizedField("date"),
        SynchronizedField("status"),
        SynchronizedField("measure"),
        SynchronizedField("value"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "progress update"

    def __str__(self):
        return f"{self.date}: {self.text[:60]}"

    def clean(self):
        super().clean()
        if self.value is not None and self.measure_id is None:
            raise ValidationError({"measure": "Choose the measure this figure is for."})
        if self.measure_id is not None and self.value is None:
            raise ValidationError({"value": "Give the measure's figure on this date."})
        if not (self.text.strip() or self.status or self.measure_id):
            raise ValidationError(
                {"text": "Say what happened, choose a new status or give a figure."}
            )

    @property
    def status_label(self):
        return Status(self.status).label if self.status else ""

    @property
    def status_tag_class(self):
        return TAG_CLASSES[Status(self.status)] if self.status else ""


class ActionPriority(Orderable):
    action = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="priority_links")
    priority = models.ForeignKey(
        "strategy.PriorityPage", on_delete=models.CASCADE, related_name="delivery_action_links"
    )

    panels = [PageChooserPanel("priority", "strategy.PriorityPage")]

    class Meta(Orderable.Meta):
        verbose_name = "priority it serves"


class ActionBuildingBlock(Orderable):
    action = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="building_block_links")
    building_block = models.ForeignKey(
        "strategy.BuildingBlockPage",
        on_delete=models.CASCADE,
        related_name="delivery_action_links",
    )

    panels = [PageChooserPanel("building_block", "strategy.BuildingBlockPage")]

    class Meta(Orderable.Meta):
        verbose_name = "building block it serves"


class ActionMeasure(Orderable):
    action = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="measure_links")
    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="action_links")

    panels = [FieldPanel("measure")]

    class Meta(Orderable.Meta):
        verbose_name = "measure of success it moves"


class ActionConsultation(Orderable):
    action = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="consultation_links")
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        on_delete=models.CASCADE,
        related_name="delivery_action_links",
    )

    panels = [PageChooserPanel("consultation", "consultations.ConsultationPage")]

    class Meta(Orderable.Meta):
        verbose_name = "consultation that led to it"


class ActionCaseStudy(Orderable):
    action = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="case_study_links")
    case_study = models.ForeignKey(
        "case_studies.CaseStudyPage",
        on_delete=models.CASCADE,
        related_name="delivery_action_links",
    )

    panels = [PageChooserPanel("case_study", "case_studies.CaseStudyPage")]

    class Meta(Orderable.Meta):
        verbose_name = "case study that shows it"


class ProgressReportPage(IntroductionMixin, BodyMixin, BasePage):
    """A progress report for one period, for residents and for a committee: the
    progress updates and measure values of the plan's actions dated within the
    period, and each action's status at its end. Title it with the period, for
    example 'Progress from November 2014 to March 2015'."""

    period_start = models.DateField(help_text="The first day the report covers.")
    period_end = models.DateField(help_text="The last day the report covers.")

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading="Period"),
        FieldPanel("introduction"),
        FieldPanel("body", heading="Summary"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["delivery.DeliveryPlanPage"]
    subpage_types = []
    template = "pages/progress_report_page.html"

    class Meta:
        verbose_name = "Progress report"

    def search_result_label(self):
        return _("Progress report")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": "The end of the period must be on or after its start."}
            )

    @cached_property
    def plan(self):
        return DeliveryPlanPage.objects.ancestor_of(self).defer_streamfields().last()

    def get_context(self, request, *args, **kwargs):
        from ..reports import REPORT_KEYS, report_context

        context = super().get_context(request, *args, **kwargs)
        return lazily(context, REPORT_KEYS, lambda: report_context(self))
