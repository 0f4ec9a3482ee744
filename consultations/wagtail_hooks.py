"""Registers the officers' side of consultations (``consultations.officers``)
with Wagtail, which looks for hooks in this module only."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html, json_script
from wagtail import hooks

from consultations.officers import urls
from consultations.officers.dashboard import add_results_due_panel
from consultations.officers.log_actions import register_consultation_log_actions
from consultations.officers.menu import (
    ResponsesPageMenuItem,
    audit_log_menu_item,
    key_in_menu_item,
    responses_menu_item,
)
from consultations.officers.staff_groups import CouncilStaffGroupViewSet
from consultations.page_form import MOVE_DATES, DatesMoved
from consultations.survey.keys import condition_choices


@hooks.register("register_admin_urls")
def register_response_urls():
    return [path("consultation-responses/", include(urls, namespace="consultation_responses"))]


hooks.register("construct_homepage_panels", add_results_due_panel)


@hooks.register("register_admin_viewset")
def register_council_staff_groups():
    return CouncilStaffGroupViewSet("council_staff_groups")


hooks.register("register_admin_menu_item", responses_menu_item)
hooks.register("register_admin_menu_item", audit_log_menu_item)
hooks.register("register_admin_menu_item", key_in_menu_item)


@hooks.register("register_page_header_buttons")
def responses_header_button(page, user, view_name, next_url=None):
    yield ResponsesPageMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def responses_listing_button(page, user, next_url=None):
    yield ResponsesPageMenuItem(page=page)


@hooks.register("insert_editor_js")
def survey_condition_choices():
    """The "show only if" boxes of the survey builder suggest the earlier
    single-choice questions and their options (static/consultations/conditions.js)."""
    return format_html(
        '{}<script src="{}"></script>',
        json_script(condition_choices(), "survey-condition-choices"),
        static("consultations/conditions.js"),
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    register_consultation_log_actions(actions)
    actions.register_action(MOVE_DATES)(DatesMoved)
