"""Registers the delivery plan's admin side with Wagtail: the measures of
success as snippets, and the dashboard panel of actions due an update."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .dashboard import add_overdue_updates_panel
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
hooks.register("construct_homepage_panels", add_overdue_updates_panel)
