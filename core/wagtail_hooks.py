from django.contrib import messages
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.ui.components import Component
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.easy_read import EasyReadMixin, easy_read_warnings
from core.models import CouncilTexts, ImageCredit
from core.translation_status import out_of_date, out_of_date_translations


class ImageCreditViewSet(SnippetViewSet):
    model = ImageCredit
    icon = "image"
    menu_label = "Image credits"
    list_display = ["image", "licence", "creator"]
    search_fields = ["creator", "licence", "attribution"]


register_snippet(ImageCreditViewSet)


class CouncilTextsViewSet(SnippetViewSet):
    """The council's name and opening hours in each language: "Translate" and
    "Sync translated snippets" come from wagtail-localize."""

    model = CouncilTexts
    icon = "site"
    menu_label = "Council's name and opening hours"
    list_display = ["council_name", "opening_hours", "locale"]


register_snippet(CouncilTextsViewSet)


def warn_about_easy_read(request, page):
    """Easy Read advice is shown after saving, never blocking it."""
    page = page.specific
    if not isinstance(page, EasyReadMixin):
        return
    for warning in easy_read_warnings(page.easy_read):
        messages.warning(request, warning)


hooks.register("after_create_page", warn_about_easy_read)
hooks.register("after_edit_page", warn_about_easy_read)


# Translations out of date (core.translation_status) ---------------------------

PANEL_ROWS = 20


class TranslationsToUpdatePanel(Component):
    """The dashboard's "Translations to update": each translated page or snippet
    whose English was published after it was last synced, with its language and
    a link to sync it. Shown to staff who can edit at least one of them."""

    name = "translations_to_update"
    template_name = "core/admin/translations_to_update_panel.html"
    order = 130

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        items = [item for item in out_of_date_translations() if _can_edit(user, item.target)]
        can_sync = user.has_perm("wagtail_localize.submit_translation")
        return {
            "shown": bool(items) or can_sync,
            "items": items[:PANEL_ROWS],
            "total": len(items),
            "more": max(len(items) - PANEL_ROWS, 0),
            "can_sync": can_sync,
            "request": request,
        }


def _can_edit(user, target):
    if hasattr(target, "permissions_for_user"):
        return target.permissions_for_user(user).can_edit()
    opts = type(target)._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


@hooks.register("construct_homepage_panels")
def add_translations_to_update_panel(request, panels):
    panels.append(TranslationsToUpdatePanel())


def warn_if_out_of_date(request, instance):
    """On the edit page of a translation that is out of date (before
    wagtail-localize's own editor takes over), say so and offer to sync."""
    if request.method != "GET" or not isinstance(instance, TranslatableMixin):
        return
    item = out_of_date(instance)
    if item is None:
        return
    changed = date_format(localtime(item.changed_at), "j F Y, H:i")
    synced = date_format(localtime(item.synced_at), "j F Y, H:i")
    buttons = []
    if request.user.has_perm("wagtail_localize.submit_translation"):
        buttons.append(admin_messages.button(item.update_url, "Sync from the English"))
    admin_messages.warning(
        request,
        f"This translation is out of date: the English was published on {changed}, after "
        f"this translation was last synced on {synced}. Residents reading it see a notice "
        "with a link to the English.",
        buttons=buttons,
    )


# Before wagtail-localize's hooks, which show its translation editor instead.
hooks.register("before_edit_page", warn_if_out_of_date, order=-10)
hooks.register("before_edit_snippet", warn_if_out_of_date, order=-10)
