"""Registers the staff logins' pages with Wagtail: the second factor's pages,
Settings -> Sign-in security, and "Two-step verification" in the account menu."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .admin_views import is_administrator
from .policy import needs_second_factor


@hooks.register("register_admin_urls")
def register_staff_login_urls():
    return [path("two-step/", include(urls, namespace="staff_logins"))]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_administrator(request.user)


@hooks.register("register_settings_menu_item")
def sign_in_security_menu_item():
    return AdministratorMenuItem(
        "Sign-in security", reverse("staff_logins:security"), icon_name="lock", order=900
    )


@hooks.register("register_account_menu_item")
def second_factor_account_item(request):
    """Account -> More actions: the recovery codes (how many are left, new ones)."""
    if not needs_second_factor(request.user):
        return None
    return {
        "url": reverse("staff_logins:recovery_codes"),
        "label": "Two-step verification: recovery codes",
        "help_text": "See how many recovery codes you have left, or make new ones.",
    }


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "staff_logins.unlock", "Unlock sign-in", "Unlocked sign-in after wrong passwords"
    )
    actions.register_action(
        "staff_logins.reset_second_factor",
        "Reset two-step verification",
        "Reset two-step verification",
    )
