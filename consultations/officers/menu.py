"""Where officers find the responses: items in the admin menu (the responses,
and the officers' audit log), and a "Responses" button beside each
consultation in the page explorer and its header. All are shown only to
officers who may see answers."""

from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from ..models.pages import ConsultationPage
from .councils import may
from .permissions import response_permission_policy


class ResponsesMenuItem(MenuItem):
    action = "view_answers"

    def is_shown(self, request):
        return response_permission_policy.user_has_permission(request.user, self.action)


class KeyInMenuItem(ResponsesMenuItem):
    action = "key_in"


def key_in_menu_item():
    """Keying in paper and phone responses (the "Data entry" group)."""
    return KeyInMenuItem(
        "Key in responses",
        reverse("consultation_responses:key_in_index"),
        icon_name="edit",
        order=252,
    )


def audit_log_menu_item():
    """The officers' own audit log of exports and deletions."""
    return ResponsesMenuItem(
        "Officers' audit log",
        reverse("consultation_responses:audit"),
        icon_name="history",
        order=251,
    )


def responses_menu_item():
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
        return isinstance(self.page.specific_deferred, ConsultationPage) and may(
            user, "view_answers", self.page.translation_key
        )
