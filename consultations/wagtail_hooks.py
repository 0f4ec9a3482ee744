from django.urls import include, path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from consultations import admin_views as views
from consultations.dashboard import add_results_due_panel
from consultations.log_actions import register_consultation_log_actions
from consultations.models import ConsultationPage

urlpatterns = [
    path("", views.ResponsesIndexView.as_view(), name="index"),
    path("<int:page_id>/", views.SummaryView.as_view(), name="summary"),
    path("<int:page_id>/responses/", views.ResponseListView.as_view(), name="list"),
    path(
        "<int:page_id>/text/<slug:question_key>/",
        views.TextAnswersView.as_view(),
        name="text",
    ),
    path("<int:page_id>/export.<str:file_format>", views.ExportView.as_view(), name="export"),
    path("<int:page_id>/figures.csv", views.SummaryExportView.as_view(), name="export_summary"),
    path("response/<int:response_id>/", views.ResponseDetailView.as_view(), name="response"),
    path(
        "response/<int:response_id>/delete/",
        views.ResponseDeleteView.as_view(),
        name="delete",
    ),
]


@hooks.register("register_admin_urls")
def register_response_urls():
    return [
        path(
            "consultation-responses/",
            include((urlpatterns, "consultation_responses"), namespace="consultation_responses"),
        )
    ]


hooks.register("construct_homepage_panels", add_results_due_panel)


class ResponsesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW_ANSWERS)


@hooks.register("register_admin_menu_item")
def register_responses_menu_item():
    return ResponsesMenuItem(
        "Consultation responses",
        reverse("consultation_responses:index"),
        icon_name="form",
        order=250,
    )


class ResponsesPageMenuItem(PageMenuItem):
    """'Responses' beside a consultation in the page explorer and its header."""

    label = "Responses"
    icon_name = "form"
    priority = 12

    @cached_property
    def url(self):
        return reverse("consultation_responses:summary", args=[self.page.pk])

    def is_shown(self, user):
        return isinstance(self.page.specific_deferred, ConsultationPage) and user.has_perm(
            views.VIEW_ANSWERS
        )


@hooks.register("register_page_header_buttons")
def responses_header_button(page, user, view_name, next_url=None):
    yield ResponsesPageMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def responses_listing_button(page, user, next_url=None):
    yield ResponsesPageMenuItem(page=page)


class ResponsesExported(LogFormatter):
    label = "Export responses"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        filters = "; ".join(data.get("filters") or []) or "no filters"
        equality = ", with equality answers" if data.get("equality") else ""
        return (
            f"Exported {data.get('responses', 0)} responses as "
            f"{str(data.get('format', '')).upper()} ({filters}){equality}"
        )


class ResponseDeleted(LogFormatter):
    label = "Delete a response"

    def format_message(self, log_entry):
        return f"Deleted response {(log_entry.data or {}).get('reference', '')}"


@hooks.register("register_log_actions")
def register_officer_log_actions(actions):
    register_consultation_log_actions(actions)
    actions.register_action("consultations.export_responses")(ResponsesExported)
    actions.register_action("consultations.delete_response")(ResponseDeleted)
