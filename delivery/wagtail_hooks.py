"""Registers the delivery plan's admin side with Wagtail: the measures of
success as snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Measure


class MeasureViewSet(SnippetViewSet):
    model = Measure
    icon = "tasks"
    menu_label = "Measures of success"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "baseline", "target"]
    search_fields = ["name"]


register_snippet(MeasureViewSet)
