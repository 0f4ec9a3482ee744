from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from core.templatetags.language_tags import interface_lang

from ..listing import event_cards
from ..models import events_about

register = template.Library()


@register.simple_tag
def events_for(page):
    """The live events that are part of ``page``, as cards: each marked with
    its language where it is shown in English inside a translated page (or
    translated inside an English one)."""
    return event_cards(events_about(page), page.locale_id)


@register.simple_tag(takes_context=True)
def card_interface_lang(context, item):
    """lang and dir for the site's own words on an event card whose content is
    in another language than the page around it."""
    if not item.get("lang"):
        return interface_lang(context)
    info = get_language_info(get_language())
    return format_html(' lang="{}" dir="{}"', get_language(), "rtl" if info["bidi"] else "ltr")
