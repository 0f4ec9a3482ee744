"""A council's strategy as web pages: the landing page with its table of
contents, the overview sections, the Communities Model, the priorities and the
building blocks, and which building blocks support which priority."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.easy_read import EasyReadMixin, with_streams_present
from core.models import BasePage, BodyMixin, IntroductionMixin
from strategy.blocks import PrinciplesBlock

from .mixins import (
    ForewordSignatureMixin,
    RolesAndActionsMixin,
    StrategyContents,
    StrategyPartMixin,
    in_locale,
)

PART_TYPES = [
    "strategy.ForewordPage",
    "strategy.StrategySectionPage",
    "strategy.CommunitiesModelPage",
    "strategy.PriorityPage",
    "strategy.BuildingBlockPage",
]


class StrategyPageForm(WagtailAdminPageForm):
    """Keeps one current strategy per site and language, and a sensible successor."""

    def clean(self):
        cleaned_data = super().clean()
        is_current = cleaned_data.get("is_current")
        status = cleaned_data.get("status")
        successor = cleaned_data.get("superseded_by")
        if is_current and status == StrategyPage.Status.SUPERSEDED:
            self.add_error(
                "is_current", "A superseded strategy cannot be the current one. Untick this box."
            )
        if successor is not None and self.instance.pk and successor.pk == self.instance.pk:
            self.add_error("superseded_by", "A strategy cannot replace itself.")
        if is_current and self.parent_page is not None:
            others = (
                StrategyPage.objects.child_of(self.parent_page)
                .filter(is_current=True)
                .exclude(pk=self.instance.pk)
            )
            other = others.first()
            if other is not None:
                self.add_error(
                    "is_current",
                    f"'{other.title}' is already the current strategy. Untick 'current "
                    "strategy' there and publish it first, then tick it here.",
                )
        return cleaned_data


class StrategyPage(EasyReadMixin, RoutablePageMixin, IntroductionMixin, BasePage):
    """A strategy's landing page: what it is, whether it is in force, and a table
    of contents of its parts (the pages below it). A council publishes a new
    strategy as a new page of this type; tick "current strategy" on the one the
    home page should show, and mark the old one superseded by the new."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    period = models.CharField(
        max_length=40,
        blank=True,
        verbose_name="years it covers",
        help_text="For example '2022 to 2026'. Leave empty if it has no end date.",
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Draft: still being written or consulted on. In force: the council "
        "has agreed it. Superseded: a newer strategy has replaced it.",
    )
    is_current = models.BooleanField(
        default=False,
        verbose_name="current strategy",
        help_text="Tick for the one strategy the home page shows. Only one can be current.",
    )
    superseded_by = models.ForeignKey(
        "strategy.StrategyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        verbose_name="replaced by",
        help_text="The strategy that replaced this one. Residents who open this one are "
        "sent on to it.",
    )
    vision = models.TextField(
        blank=True,
        max_length=400,
        help_text="The vision in one sentence, shown near the top of the page.",
    )
    principles = StreamField(
        PrinciplesBlock(),
        blank=True,
        use_json_field=True,
        help_text="The few principles that guide the whole strategy, if it has them.",
    )

    content_panels = (
        BasePage.content_panels
        + [
            FieldPanel("introduction"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("status"), FieldPanel("period")]),
                    FieldPanel("is_current"),
                    PageChooserPanel("superseded_by", "strategy.StrategyPage"),
                ],
                heading="Status",
            ),
            FieldPanel("vision"),
            FieldPanel("principles"),
        ]
        + EasyReadMixin.easy_read_panels
    )
    search_fields = (
        BasePage.search_fields
        + [
            index.SearchField("introduction"),
            index.SearchField("vision"),
            index.SearchField("principles"),
            index.FilterField("is_current"),
        ]
        + EasyReadMixin.search_fields
    )

    base_form_class = StrategyPageForm
    parent_page_types = ["home.HomePage"]
    subpage_types = PART_TYPES
    show_in_menus_default = True
    template = "pages/strategy_page.html"
    search_label = _("Strategy")

    class Meta:
        verbose_name = "Strategy"
        verbose_name_plural = "Strategies"

    @property
    def is_superseded(self):
        return self.status == self.Status.SUPERSEDED

    def get_successor(self):
        successor = self.superseded_by
        if successor is None:
            return None
        successor = in_locale([successor], self.locale_id, StrategyPage)[0]
        return successor if successor.live else None

    def get_whole_url(self, request=None):
        return self.get_url(request=request) + self.reverse_subpage("whole")

    @classmethod
    def for_home_page(cls, home):
        """The current strategy and the others published under this home page:
        one query, for the home page's "our strategy" section."""
        strategies = list(
            with_streams_present(
                cls.objects.child_of(home).live().public().defer_streamfields(), "easy_read"
            ).order_by("-first_published_at")
        )
        current = next((strategy for strategy in strategies if strategy.is_current), None)
        others = [strategy for strategy in strategies if strategy is not current]
        return {"current_strategy": current, "other_strategies": others}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contents = StrategyContents(self, request)
        context["contents"] = contents
        context["next_part"] = contents.next(self)
        context["successor"] = self.get_successor() if self.is_superseded else None
        context["replaces"] = list(
            StrategyPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, superseded_by__translation_key=self.translation_key)
            .defer_streamfields()
            .order_by("-first_published_at")
        )
        context["whole_url"] = self.get_whole_url(request)
        return context

    @path("whole/", name="whole")
    def whole_view(self, request):
        """The whole strategy on one page, to read straight through or print."""
        context = self.get_context(request)
        contents = context["contents"]
        # The parts the contents list, in full: translated where they are, in
        # English (marked so) where not.
        found = Page.objects.filter(pk__in=[part.pk for part in contents.parts]).specific()
        found = {page.pk: page for page in found}
        parts = []
        for part in contents.parts:
            if part.pk in found:
                found[part.pk].local_link = part.local_link
                parts.append(found[part.pk])
        links = PriorityBuildingBlock.objects.filter(
            priority__in=[part.pk for part in parts if isinstance(part, PriorityPage)],
            building_block__live=True,
        ).select_related("building_block")
        links = list(links)
        # Each building block as the contents show it (translated or English).
        shown = {part.translation_key: part for part in parts}
        by_priority = {}
        for link in links:
            block = shown.get(link.building_block.translation_key)
            if block is not None:
                by_priority.setdefault(link.priority_id, {}).setdefault(block.pk, block)
        for part in parts:
            part.kind = getattr(part, "part_kind", "section")
            part.number = contents.number(part)
            if isinstance(part, PriorityPage):
                part.actions_heading = _("Key actions")
                part.linked_building_blocks = list(by_priority.get(part.pk, {}).values())
            elif isinstance(part, BuildingBlockPage):
                part.actions_heading = _("Actions")
        context["parts"] = parts
        # This view is below the strategy's own page, so the breadcrumbs end with it.
        context["breadcrumb_pages"] = [
            *self.get_ancestors().filter(depth__gte=2).specific().defer_streamfields(),
            self,
        ]
        return TemplateResponse(request, "pages/strategy_whole.html", context)


class ForewordPage(
    StrategyPartMixin, ForewordSignatureMixin, IntroductionMixin, BodyMixin, BasePage
):
    """The foreword: a short introduction to the strategy by the council's lead
    member, signed with their name and role. One per strategy."""

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("introduction"), FieldPanel("body")]
        + ForewordSignatureMixin.signature_panels
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("author_name"),
    ]

    part_kind = "section"
    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/strategy_section_page.html"
    search_label = _("Strategy foreword")

    class Meta:
        verbose_name = "Strategy foreword"


class StrategySectionPage(StrategyPartMixin, IntroductionMixin, BodyMixin, BasePage):
    """One overview section of a strategy, such as the vision, the case for change
    or the background. Put the sections in reading order in the page tree."""

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    part_kind = "section"
    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = []
    template = "pages/strategy_section_page.html"
    search_label = _("Strategy section")

    class Meta:
        verbose_name = "Strategy section"


class CommunitiesModelPage(StrategyPartMixin, IntroductionMixin, BodyMixin, BasePage):
    """The Communities Model: four levels, from the foundation up. The building
    blocks and priorities in it come from the strategy's own pages, so a new
    building block or priority appears here as soon as it is published. One per
    strategy."""

    foundation_heading = models.CharField(
        max_length=120,
        default="Individuals and communities help themselves and others",
        help_text="Level 1, the foundation of the model.",
    )
    foundation_text = RichTextField(
        features=["bold", "link", "ul"],
        blank=True,
        help_text="What level 1 means, in a few sentences.",
    )
    building_blocks_text = RichTextField(
        features=["bold", "link", "ul"],
        blank=True,
        help_text="Level 2: what the building blocks are for. The list of building "
        "blocks is added for you.",
    )
    priorities_text = RichTextField(
        features=["bold", "link", "ul"],
        blank=True,
        help_text="Level 3: what the priorities are for. The list of priorities is added for you.",
    )
    interface_heading = models.CharField(
        max_length=120,
        default="The interface between services and communities",
        help_text="Level 4, the top of the model.",
    )
    interface_text = RichTextField(
        features=["bold", "link", "ul"],
        blank=True,
        help_text="What level 4 means, in a few sentences.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("foundation_heading"), FieldPanel("foundation_text")],
            heading="Level 1: the foundation",
        ),
        FieldPanel("building_blocks_text", heading="Level 2: the building blocks"),
        FieldPanel("priorities_text", heading="Level 3: the priorities"),
        MultiFieldPanel(
            [FieldPanel("interface_heading"), FieldPanel("interface_text")],
            heading="Level 4: the interface",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("foundation_text"),
        index.SearchField("interface_text"),
    ]

    part_kind = "model"
    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/communities_model_page.html"
    search_label = _("Communities Model")

    class Meta:
        verbose_name = "Communities Model"


# What search reads on a priority or a building block.
ROLES_PAGE_SEARCH_FIELDS = (
    BasePage.search_fields
    + [index.SearchField("introduction")]
    + RolesAndActionsMixin.search_fields
    + EasyReadMixin.search_fields
)


class PriorityPage(
    EasyReadMixin, StrategyPartMixin, IntroductionMixin, RolesAndActionsMixin, BasePage
):
    """One of the strategy's priorities: the role of communities, the role of the
    council, the key actions, and the building blocks that support it (chosen
    below). Case studies and delivery-plan actions link to it."""

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("introduction")]
        + RolesAndActionsMixin.roles_and_actions_panels
        + [
            InlinePanel(
                "building_block_links",
                heading="Building blocks that support this priority",
                label="Building block",
                help_text="Choose the building blocks of this strategy that help deliver it.",
            )
        ]
        + EasyReadMixin.easy_read_panels
    )
    search_fields = ROLES_PAGE_SEARCH_FIELDS

    part_kind = "priority"
    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = []
    template = "pages/priority_page.html"
    search_label = _("Priority")

    class Meta:
        verbose_name = "Priority"
        verbose_name_plural = "Priorities"

    def get_building_blocks(self):
        """The published building blocks that support this priority, in the order
        staff chose: one query however many there are."""
        links = self.building_block_links.all().select_related("building_block")
        blocks = [link.building_block for link in links if link.building_block is not None]
        chosen = {}
        for block in in_locale(blocks, self.locale_id, BuildingBlockPage):
            if block.live:
                chosen.setdefault(block.pk, block)
        return list(chosen.values())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["building_blocks"] = self.numbered(request, self.get_building_blocks)
        return context


class BuildingBlockPage(
    EasyReadMixin, StrategyPartMixin, IntroductionMixin, RolesAndActionsMixin, BasePage
):
    """One of the strategy's building blocks: something that needs to be in place
    for communities to be strong. Which priorities it supports is chosen on each
    priority's page. Case studies link to it."""

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("introduction")]
        + RolesAndActionsMixin.roles_and_actions_panels
        + EasyReadMixin.easy_read_panels
    )
    search_fields = ROLES_PAGE_SEARCH_FIELDS

    part_kind = "building_block"
    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = []
    template = "pages/building_block_page.html"
    search_label = _("Building block")

    class Meta:
        verbose_name = "Building block"

    def get_priorities(self):
        """The published priorities this building block supports: one query.
        A translated priority's links may still point at the original building
        block, so the link is found by the building block's translation key."""
        return list(
            PriorityPage.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                building_block_links__building_block__translation_key=self.translation_key,
            )
            .defer_streamfields()
            .distinct()
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["priorities"] = self.numbered(request, self.get_priorities)
        return context


class PriorityBuildingBlock(TranslatableMixin, Orderable):
    """A building block that supports a priority, chosen on the priority's page.

    Translatable, so that a translated priority links to the translated
    building blocks rather than to the English ones."""

    priority = ParentalKey(
        PriorityPage, on_delete=models.CASCADE, related_name="building_block_links"
    )
    building_block = models.ForeignKey(
        BuildingBlockPage,
        on_delete=models.CASCADE,
        related_name="priority_links",
        help_text="A building block of the same strategy.",
    )

    panels = [PageChooserPanel("building_block", "strategy.BuildingBlockPage")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "building block that supports this priority"

    def __str__(self):
        return f"{self.priority} ← {self.building_block}"
