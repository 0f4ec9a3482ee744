from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import StandardBodyBlock
from core.models import BasePage


class HomePage(BasePage):
    """The front page of the site in one language: what the strategy is, what
    residents can have their say on now, and where to go next."""

    introduction = models.TextField(
        help_text="A sentence or two under the main heading, saying what residents can do here."
    )
    body = StreamField(StandardBodyBlock(), blank=True, use_json_field=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["core.StandardPage", "core.ContactPage"]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = "Home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            self.get_children().live().public().in_menu().specific().defer_streamfields()
        )
        return context
