from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from core.chrome_cache import remembered
from core.links import localize
from core.locales import active_locale
from core.models import BasePage, districts_for
from core.sites import site_pages

CASE_STUDY_TEXT_FEATURES = ["bold", "link", "ol", "ul"]
CASE_STUDIES_PER_PAGE = 10


class CaseStudyIndexPage(BasePage):
    """Lists every case study, with filters by priority, building block,
    district and funding source."""

    introduction = models.TextField(
        blank=True, help_text="A sentence or two under the title saying what case studies show."
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["case_studies.CaseStudyPage"]
    max_count_per_parent = 1
    template = "pages/case_study_index_page.html"
    search_label = gettext_lazy("Case studies")

    class Meta:
        verbose_name = "Case study index"

    def case_studies(self):
        return (
            CaseStudyPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .prefetch_related("priorities", "building_blocks")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        """The filters' choices are kept (core/chrome_cache.py); the matching
        case studies are looked up only when the template asks, which it does
        not when it shows a kept list (templates/pages/case_study_index_page.html)."""
        from case_studies.filters import CaseStudyFilter, filter_options

        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        options = remembered(
            "case-study-filters",
            lambda: filter_options(
                self.case_studies(), site=site, districts=districts_for(request)
            ),
            self.pk,
            getattr(site, "pk", None),
            active_locale().pk,
        )
        case_filter = CaseStudyFilter(request.GET, self.case_studies(), options)

        def listed():
            paginator = Paginator(case_filter.results, CASE_STUDIES_PER_PAGE)
            results = paginator.get_page(request.GET.get("page"))
            # Each case study in the resident's language where it is translated.
            results.object_list = localize(list(results.object_list), request, specific=True)
            return results

        results = SimpleLazyObject(listed)
        context.update(
            {
                "filter": case_filter,
                "results": results,
                "paginator": SimpleLazyObject(lambda: results.paginator),
                "page_query": case_filter.querystring(),
                # The list is kept for filters that were all understood and a
                # plain page number, never for whatever else an address holds.
                "kept_list": keepable_list(case_filter, request.GET.get("page", "1")),
            }
        )
        return context


def keepable_list(case_filter, page):
    """The name a list of case studies is kept under, or None (not kept)."""
    if case_filter.form.errors or not (page.isdigit() and len(page) <= 4):
        return None
    return "case-study-list"


class CaseStudyPage(BasePage):
    """A community project that shows the strategy working: what was done,
    by whom, with what help and money, and what changed."""

    place = models.CharField(
        max_length=120, help_text="The town, village or neighbourhood, for example 'Birstall'."
    )
    district = models.CharField(
        max_length=120,
        help_text="The district council area, for example 'Charnwood'. Residents filter by it, "
        "so spell it the same way every time.",
    )
    background = RichTextField(features=CASE_STUDY_TEXT_FEATURES, blank=True)
    benefits = RichTextField(features=CASE_STUDY_TEXT_FEATURES, blank=True)
    who_was_involved = RichTextField(
        features=CASE_STUDY_TEXT_FEATURES, blank=True, verbose_name="who was involved"
    )
    support_given = RichTextField(
        features=CASE_STUDY_TEXT_FEATURES,
        blank=True,
        help_text="Help from the council and others: advice, training, land, equipment.",
    )
    funding_amount = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="In pounds, without the £ sign. Leave empty if there was no funding.",
    )
    funding_source = models.CharField(
        max_length=150,
        blank=True,
        help_text="Who gave the money, for example 'Big Society Grant Fund'. Residents filter by "
        "it, so spell it the same way every time.",
    )
    outcomes = RichTextField(
        features=CASE_STUDY_TEXT_FEATURES, blank=True, verbose_name="outcomes and impact"
    )
    next_steps = RichTextField(features=CASE_STUDY_TEXT_FEATURES, blank=True)
    quote = models.TextField(blank=True, help_text="Something a person involved said.")
    quote_speaker = models.CharField(
        max_length=150, blank=True, help_text="Who said it, for example 'Youth worker, Birstall'."
    )
    priorities = ParentalManyToManyField(
        "strategy.PriorityPage",
        blank=True,
        related_name="case_studies",
        help_text="The strategy's priorities this project shows.",
    )
    building_blocks = ParentalManyToManyField(
        "strategy.BuildingBlockPage",
        blank=True,
        related_name="case_studies",
        help_text="The building blocks this project shows.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("listing_summary", heading="Summary"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("district")], heading="Where"),
        FieldPanel("background"),
        FieldPanel("benefits"),
        FieldPanel("who_was_involved"),
        FieldPanel("support_given"),
        MultiFieldPanel(
            [FieldPanel("funding_amount"), FieldPanel("funding_source")], heading="Funding"
        ),
        FieldPanel("outcomes"),
        FieldPanel("next_steps"),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_speaker")], heading="Quote"),
        InlinePanel("gallery_images", label="Pictures", heading="Pictures"),
        MultiFieldPanel(
            [FieldPanel("priorities"), FieldPanel("building_blocks")],
            heading="What this shows in the strategy",
        ),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]
    search_fields = BasePage.search_fields + [
        index.SearchField("place"),
        index.SearchField("district"),
        index.SearchField("background"),
        index.SearchField("benefits"),
        index.SearchField("outcomes"),
        index.SearchField("funding_source"),
        index.FilterField("district"),
    ]

    parent_page_types = ["case_studies.CaseStudyIndexPage"]
    subpage_types = []
    template = "pages/case_study_page.html"

    class Meta:
        verbose_name = "Case study"

    def search_result_label(self):
        return _("Case study, %(place)s") % {"place": self.place}

    def related_case_studies(self, limit=3):
        """Other case studies that share a priority or building block with this one."""
        priority_ids = [p.pk for p in self.priorities.all()]
        block_ids = [b.pk for b in self.building_blocks.all()]
        # Translations of a case study point at the same (English) pages: keep
        # to this one's language.
        return related_case_studies(
            (models.Q(priorities__in=priority_ids) | models.Q(building_blocks__in=block_ids))
            & models.Q(locale_id=self.locale_id),
            exclude=self.pk,
            limit=limit,
            site=self,
        )

    @property
    def image(self):
        """The first picture, for the top of the page and for cards."""
        return self.listing_image


def related_case_studies(condition, exclude=None, limit=3, site=None):
    """Case studies meeting ``condition`` on one council's site (``site``: a
    Site, a request or a page of it)."""
    queryset = (
        site_pages(CaseStudyPage.objects.live().public(), site)
        .filter(condition)
        .select_related("listing_image")
        .distinct()
        .order_by("title")
    )
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude)
    return queryset[:limit]


def latest_case_studies(locale_id, limit=3, site=None):
    """The newest case studies in one language on one council's site (a Site,
    a request or a page of it), for the home page."""
    return (
        site_pages(CaseStudyPage.objects.live().public(), site)
        .filter(locale_id=locale_id)
        .select_related("listing_image")
        .order_by("-first_published_at")[:limit]
    )


class CaseStudyImage(Orderable):
    """A picture of the project, with a caption."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe what the picture shows. Leave empty to use the image's own "
        "description from the image library.",
    )
    caption = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    @property
    def alt(self):
        return self.alt_text or self.image.default_alt_text
