"""Registers the delivery plan's admin side with Wagtail: the measures of
success as snippets, the dashboard panel of actions due an update, and the
bulk update from a CSV file (its view, its button on the plan, its entry in
the log)."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import BulkUpdateView
from .bulk_update import LOG_ACTION
from .dashboard import add_overdue_updates_panel
from .models import DeliveryPlanPage, Measure


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


@hooks.register("register_admin_urls")
def register_bulk_update_url():
    return [
        path(
            "delivery/plans/<int:plan_id>/bulk-update/",
            BulkUpdateView.as_view(),
            name="delivery_bulk_update",
        )
    ]


class BulkUpdateMenuItem(PageMenuItem):
    """'Update from CSV' in a delivery plan's header in the page explorer."""

    label = "Update actions from CSV"
    icon_name = "upload"
    priority = 13

    @cached_property
    def url(self):
        return reverse("delivery_bulk_update", args=[self.page.pk])

    def is_shown(self, user):
        return (
            isinstance(self.page.specific_deferred, DeliveryPlanPage)
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def bulk_update_header_button(page, user, view_name, next_url=None):
    yield BulkUpdateMenuItem(page=page)


class BulkUpdateLogged(LogFormatter):
    label = "Update actions from a CSV file"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        rows = data.get("rows", 0)
        return (
            f"Updated {rows} {'action' if rows == 1 else 'actions'} from the file "
            f"{data.get('file', '')}"
        )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(LOG_ACTION)(BulkUpdateLogged)
