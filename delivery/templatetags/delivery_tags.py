"""The delivery plan shown from the other apps' pages, which include these
tags in their templates: a priority's or building block's actions, and the
actions a consultation led to, each with its status. One query each, however
many actions there are."""

from django import template
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from core.locales import default_locale

from ..localize import one_per_translation
from ..models import ActionPage

register = template.Library()

LINKS = {
    "priority": "priority_links__priority__translation_key",
    "building_block": "building_block_links__building_block__translation_key",
    "consultation": "consultation_links__consultation__translation_key",
}


def linked_actions(page, kind):
    """Published actions linked to ``page`` in its language, or in the default
    language where they are not translated yet: one query."""
    locale_ids = {page.locale_id, default_locale().pk}
    actions = (
        ActionPage.objects.live()
        .public()
        .filter(locale_id__in=locale_ids, **{LINKS[kind]: page.translation_key})
        .defer_streamfields()
        .distinct()
        .order_by("path")
    )
    return one_per_translation(list(actions), page.locale_id)


@register.inclusion_tag("components/delivery/linked_actions.html", takes_context=True)
def delivery_actions_for(context, page, kind):
    """The actions that serve a priority or building block (``kind`` is
    "priority" or "building_block"), under the heading "How we are delivering
    this"."""
    return {
        "actions": linked_actions(page, kind),
        "heading": _("How we are delivering this"),
        "heading_id": "delivery-actions",
        "heading_level": 2,
        "request": context.get("request"),
    }


@register.inclusion_tag("components/delivery/linked_actions.html", takes_context=True)
def delivery_actions_from_consultation(context, page):
    """The actions a consultation led to, in its "We did", with their status."""
    untranslated = page.locale.language_code != get_language()
    return {
        "actions": linked_actions(page, "consultation"),
        "heading": _("What we are doing because of what you said"),
        "heading_id": "actions-from-consultation",
        "heading_level": 3,
        "ui_lang": get_language() if untranslated else "",
        "ui_dir": "rtl" if get_language_bidi() else "ltr",
        "request": context.get("request"),
    }
