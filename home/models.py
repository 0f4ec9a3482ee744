from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from case_studies.models import latest_case_studies
from consultations.models import open_consultations
from core.blocks import StandardBodyBlock
from core.easy_read import EasyReadMixin
from core.links import localize, menu_pages
from core.locales import default_locale
from core.models import BasePage
from strategy.models import StrategyPage


class HomePage(EasyReadMixin, BasePage):
    """The front page of the site in one language: what the strategy is, what
    residents can have their say on now, and where to go next."""

    introduction = models.TextField(
        help_text="A sentence or two under the main heading, saying what residents can do here."
    )
    body = StreamField(StandardBodyBlock(), blank=True, use_json_field=True)

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("introduction"), FieldPanel("body")]
        + EasyReadMixin.easy_read_panels
    )
    search_fields = (
        BasePage.search_fields + [index.SearchField("introduction")] + EasyReadMixin.search_fields
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "core.StandardPage",
        "core.ContactPage",
        "strategy.StrategyPage",
        "case_studies.CaseStudyIndexPage",
        "consultations.ConsultationIndexPage",
        "delivery.DeliveryPlanPage",
        "core.EasyReadIndexPage",
        "events.EventIndexPage",
    ]
    template = "pages/home_page.html"
    search_label = _("Home page")

    class Meta:
        verbose_name = "Home page"

    def get_context(self, request, *args, **kwargs):
        """The same sections, case studies, consultations and strategies in every
        language: the English home page's, each swapped for its translation where
        one is live, the others shown in English and marked so (core.links)."""
        context = super().get_context(request, *args, **kwargs)
        source = self.get_translation_or_none(default_locale()) or self
        # Open consultations change with the clock, so they are looked up on
        # every visit; the rest only when the template asks (the part of the
        # page that shows them is kept: core/templatetags/kept_tags.py).
        context["open_consultations"] = localize(
            open_consultations(locale=source.locale_id, limit=3, site=source),
            request,
            specific=True,
        )
        context["sections"] = SimpleLazyObject(lambda: menu_pages(source, request, specific=True))
        context["latest_case_studies"] = SimpleLazyObject(
            lambda: localize(
                list(latest_case_studies(source.locale_id, site=source)), request, specific=True
            )
        )
        strategies = SimpleLazyObject(lambda: StrategyPage.for_home_page(source))

        def current_strategy():
            current = strategies["current_strategy"]
            return localize([current], request, specific=True)[0] if current else None

        context["current_strategy"] = SimpleLazyObject(current_strategy)
        context["other_strategies"] = SimpleLazyObject(
            lambda: localize(strategies["other_strategies"], request, specific=True)
        )
        return context
