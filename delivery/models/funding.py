"""Funding programmes a council runs to deliver its plan: Leicestershire's
Shire Grants, Cambridgeshire's Communities Innovation Fund.

A programme is a page below its delivery plan. Its rounds (``FundingRound``)
say what was on offer and committed, how many outline proposals and full
applications came in and what they asked for; its funded projects
(``FundedProject``) say who got what, each linked to the case study that
shows it where there is one. Every figure is optional: councils publish
different ones, and a round still open has none committed yet. The words are
translated with the page (wagtail-localize); the figures stay the same in
every language.
"""

from django.db import models
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BasePage, BodyMixin, IntroductionMixin

from ..numbers import figure_text


def money(value):
    return figure_text(value, "£")


class FundingProgrammePage(IntroductionMixin, BodyMixin, BasePage):
    """A funding programme: its purpose, who runs it, its rounds and the
    projects it funded. Add it below the delivery plan it serves."""

    managed_by = models.CharField(
        max_length=150,
        blank=True,
        help_text="Who runs it for the council, if not the council itself, for example "
        "'Cambridgeshire Community Foundation'.",
    )
    how_to_apply = models.TextField(
        blank=True, help_text="How groups apply, or when the next round opens."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("managed_by"),
        FieldPanel("how_to_apply"),
        FieldPanel("body"),
        InlinePanel(
            "rounds",
            heading="Rounds",
            label="Round",
            help_text="Each round or year of funding, earliest first. Leave out figures that "
            "are not known yet.",
        ),
        InlinePanel("projects", heading="Funded projects", label="Funded project"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("managed_by"),
        index.RelatedFields("projects", [index.SearchField("name")]),
    ]

    parent_page_types = ["delivery.DeliveryPlanPage"]
    subpage_types = []
    template = "pages/funding_programme_page.html"

    class Meta:
        verbose_name = "Funding programme"

    def search_result_label(self):
        return _("Funding programme")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Search reads the funded projects too, stored after the page: index again.
        index.insert_or_update_object(self)
        return result

    def get_context(self, request, *args, **kwargs):
        from ..funding import programme_context

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(self))
        return context


class FundingRound(TranslatableMixin, Orderable):
    programme = ParentalKey(FundingProgrammePage, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(max_length=100, help_text="For example 'Round 1' or '2014 to 2015'.")
    opened = models.DateField(null=True, blank=True)
    decided = models.DateField(
        null=True, blank=True, verbose_name="decisions made", help_text="When the panel decided."
    )
    amount_available = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, verbose_name="available (£)"
    )
    amount_committed = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, verbose_name="committed (£)"
    )
    outline_proposals = models.PositiveIntegerField(
        null=True, blank=True, verbose_name="outline proposals received"
    )
    full_applications = models.PositiveIntegerField(
        null=True, blank=True, verbose_name="full applications received"
    )
    amount_requested = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        verbose_name="requested (£)",
        help_text="What the full applications asked for in all.",
    )
    notes = models.TextField(blank=True, help_text="Anything residents should know.")

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("opened"), FieldPanel("decided")]),
        FieldRowPanel([FieldPanel("amount_available"), FieldPanel("amount_committed")]),
        FieldRowPanel(
            [
                FieldPanel("outline_proposals"),
                FieldPanel("full_applications"),
                FieldPanel("amount_requested"),
            ]
        ),
        FieldPanel("notes"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("notes"),
        SynchronizedField("opened"),
        SynchronizedField("decided"),
        SynchronizedField("amount_available"),
        SynchronizedField("amount_committed"),
        SynchronizedField("outline_proposals"),
        SynchronizedField("full_applications"),
        SynchronizedField("amount_requested"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "funding round"

    def __str__(self):
        return self.name

    @property
    def available_text(self):
        return money(self.amount_available)

    @property
    def committed_text(self):
        return money(self.amount_committed)

    @property
    def requested_text(self):
        return money(self.amount_requested)


class FundedProject(TranslatableMixin, Orderable):
    programme = ParentalKey(FundingProgrammePage, on_delete=models.CASCADE, related_name="projects")
    name = models.CharField(max_length=200, help_text="The project, and the group that runs it.")
    round_name = models.CharField(
        max_length=100, blank=True, verbose_name="round", help_text="The round that funded it."
    )
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, verbose_name="amount (£)"
    )
    description = models.TextField(blank=True, help_text="What it does, in a sentence or two.")
    case_study = models.ForeignKey(
        "case_studies.CaseStudyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funding_projects",
        help_text="The case study that shows it, if there is one.",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("round_name"), FieldPanel("amount")]),
        FieldPanel("description"),
        PageChooserPanel("case_study", "case_studies.CaseStudyPage"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("round_name"),
        TranslatableField("description"),
        SynchronizedField("amount"),
        SynchronizedField("case_study"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "funded project"

    def __str__(self):
        return self.name

    @property
    def amount_text(self):
        return money(self.amount)
