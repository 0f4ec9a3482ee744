from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from case_studies.models import latest_case_studies
from consultations.models import open_consultations
from core.blocks import StandardBodyBlock
from core.easy_read import EasyReadMixin
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
        "core.EasyReadIndexPage",
        "events.EventIndexPage",
    ]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = "Home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            self.get_children().live().public().in_menu().specific().defer_streamfields()
        )
        context["latest_case_studies"] = latest_case_studies(self.locale_id)
        context["open_consultations"] = open_consultations(locale=self.locale_id, limit=3)
        context.update(StrategyPage.for_home_page(self))
        return context
