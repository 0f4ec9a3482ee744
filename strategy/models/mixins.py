"""Small abstract pieces the strategy's page types are built from."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.links import local_link, localize
from core.locales import default_locale
from strategy.blocks import KeyActionsBlock

ROLE_FEATURES = ["bold", "link", "ul", "ol"]


class RolesAndActionsMixin(models.Model):
    """What communities do, what the council does, and the actions that follow:
    the three parts every priority and building block has."""

    role_of_communities = RichTextField(
        features=ROLE_FEATURES,
        blank=True,
        help_text="What communities, groups and town and parish councils do for this.",
    )
    role_of_council = RichTextField(
        features=ROLE_FEATURES,
        blank=True,
        verbose_name="role of the council",
        help_text="What the council and its partners do for this.",
    )
    key_actions = StreamField(
        KeyActionsBlock(),
        blank=True,
        use_json_field=True,
        help_text="Add one action per item. Drag them into the order residents should read them.",
    )

    roles_and_actions_panels = [
        FieldPanel("role_of_communities"),
        FieldPanel("role_of_council"),
        FieldPanel("key_actions"),
    ]

    search_fields = [
        index.SearchField("role_of_communities"),
        index.SearchField("role_of_council"),
        index.SearchField("key_actions"),
    ]

    class Meta:
        abstract = True


def in_locale(pages, locale_id, model):
    """Pages chosen in another language swapped for their live translation in
    this one, where it exists: wagtail-localize keeps links to pages pointing at
    the original, to be localised when shown. One query at most."""
    keys = [page.translation_key for page in pages if page.locale_id != locale_id]
    if not keys:
        return list(pages)
    translated = {
        page.translation_key: page
        for page in model.objects.live().filter(locale_id=locale_id, translation_key__in=keys)
    }
    return [
        page if page.locale_id == locale_id else translated.get(page.translation_key, page)
        for page in pages
    ]


class StrategyContents:
    """The published parts of one strategy in the order staff put them in the page
    tree: its overview sections, the Communities Model, its priorities and its
    building blocks. Built from one query of plain pages, which is all the table
    of contents, the model and previous/next navigation need."""

    def __init__(self, strategy, request=None):
        from .pages import (
            BuildingBlockPage,
            CommunitiesModelPage,
            ForewordPage,
            PriorityPage,
            StrategySectionPage,
        )

        self.strategy = strategy
        # Links are paths on the requested site (with several councils, an
        # address worked out without the request is absolute).
        self.request = request
        # A translated strategy lists the original's parts, each in its
        # translation where there is one and in English (marked so) where not.
        source = strategy
        if strategy.locale_id != default_locale().pk:
            source = strategy.get_translation_or_none(default_locale()) or strategy
        locale = strategy.locale if strategy.locale_id != default_locale().pk else None
        self.parts = localize(
            Page.objects.child_of(source)
            .live()
            .public()
            .only(
                "id",
                "title",
                "slug",
                "url_path",
                "path",
                "depth",
                "content_type_id",
                "translation_key",
                "locale_id",
            )
            .order_by("path"),
            request,
            locale=locale,
        )
        types = ContentType.objects.get_for_models(
            ForewordPage, StrategySectionPage, CommunitiesModelPage, PriorityPage, BuildingBlockPage
        )

        def of(*models):
            ids = {types[model].id for model in models}
            return [part for part in self.parts if part.content_type_id in ids]

        self.sections = of(ForewordPage, StrategySectionPage)
        models_pages = of(CommunitiesModelPage)
        self.model = models_pages[0] if models_pages else None
        self.priorities = of(PriorityPage)
        self.building_blocks = of(BuildingBlockPage)

    def __bool__(self):
        return bool(self.parts)

    @property
    def whole_url(self):
        """The whole strategy on one page, in the resident's language."""
        return local_link(self.strategy, self.request).url + self.strategy.reverse_subpage("whole")

    def _index(self, page):
        for position, part in enumerate(self.parts):
            if part.pk == page.pk:
                return position
        return None

    def previous(self, page):
        position = self._index(page)
        if position is None:
            return None
        return self.parts[position - 1] if position > 0 else self.strategy

    def next(self, page):
        position = self._index(page)
        if position is None:
            return self.parts[0] if page.pk == self.strategy.pk and self.parts else None
        return self.parts[position + 1] if position + 1 < len(self.parts) else None

    def number(self, page):
        """Where a priority or building block comes among its kind: 'Priority 2'."""
        for group in (self.priorities, self.building_blocks):
            for position, part in enumerate(group, start=1):
                if part.pk == page.pk:
                    return position
        return None


class StrategyPartMixin(models.Model):
    """A page inside a strategy: it knows its strategy and the parts before and after it."""

    class Meta:
        abstract = True

    @cached_property
    def strategy(self):
        from .pages import StrategyPage

        return StrategyPage.objects.ancestor_of(self).defer_streamfields().last()

    @cached_property
    def strategy_contents(self):
        return StrategyContents(self.strategy) if self.strategy else None

    def contents_for(self, request):
        if "strategy_contents" not in self.__dict__ and self.strategy:
            # The contents' links as paths on the requested site.
            self.__dict__["strategy_contents"] = StrategyContents(self.strategy, request)
        return self.strategy_contents

    def numbered(self, request, find):
        """The parts ``find()`` returns, each with its number among its kind
        (``part.number``), looked up only when the template asks."""

        def found():
            parts = find()
            contents = self.contents_for(request)
            for part in parts if contents is not None else []:
                part.number = contents.number(part)
            return parts

        return SimpleLazyObject(found)

    def get_context(self, request, *args, **kwargs):
        """Looked up only when the template asks: a part of the page kept
        (core/templatetags/kept_tags.py) asks nothing."""
        context = super().get_context(request, *args, **kwargs)

        def around(find):
            contents = self.contents_for(request)
            return find(contents) if contents is not None else None

        context["strategy"] = SimpleLazyObject(lambda: self.strategy)
        context["contents"] = SimpleLazyObject(lambda: self.contents_for(request))
        context["previous_part"] = SimpleLazyObject(lambda: around(lambda c: c.previous(self)))
        context["next_part"] = SimpleLazyObject(lambda: around(lambda c: c.next(self)))
        context["part_number"] = SimpleLazyObject(lambda: around(lambda c: c.number(self)))
        return context


class ForewordSignatureMixin(models.Model):
    """Who wrote a foreword: their name and their role."""

    author_name = models.CharField(
        max_length=120,
        blank=True,
        verbose_name="name",
        help_text="Who wrote the foreword, for example 'Councillor Pam Posnett'.",
    )
    author_role = models.CharField(
        max_length=160,
        blank=True,
        verbose_name="role",
        help_text="Their role, for example 'Cabinet Lead Member for Communities'.",
    )

    signature_panels = [
        MultiFieldPanel(
            [FieldPanel("author_name"), FieldPanel("author_role")],
            heading="Who wrote it",
        )
    ]

    class Meta:
        abstract = True
