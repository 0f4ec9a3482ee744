"""What a page says about itself in its <head>: its description for search
engines and link previews."""

import html
import re

from django import template
from django.utils.html import strip_tags

from core.addresses import page_url, subpage_path
from core.templatetags.core_tags import site_home

register = template.Library()

DESCRIPTION_LENGTH = 160
# Cut at a sentence's end, else between words, but not so early that little is left.
SHORTEST_CUT = 70
SENTENCE_END = re.compile(r"[.!?۔](?=\s|$)|[。！？]")


def plain(text):
    """Text without markup, its entities read and its white space single."""
    return " ".join(html.unescape(strip_tags(str(text or ""))).split())


def shorten(text, limit=DESCRIPTION_LENGTH):
    """``text`` cut to ``limit`` characters at most: after the last whole
    sentence that fits, else after the last whole word, with an ellipsis."""
    if len(text) <= limit:
        return text
    room = text[: limit - 1]
    ends = [match.end() for match in SENTENCE_END.finditer(room)]
    if ends and ends[-1] >= SHORTEST_CUT:
        return room[: ends[-1]]
    space = room.rfind(" ")
    if space >= SHORTEST_CUT:
        room = room[:space]
    # Chinese has no spaces between words: cut between characters.
    return room.rstrip(" ,;:–-") + "…"


def description_of(page, easy_read=False):
    """The page's search description, else its introduction or summary."""
    if page is None:
        return ""
    candidates = []
    if easy_read:
        candidates += [getattr(page, "easy_read_introduction", "")]
    candidates += [
        page.search_description,
        getattr(page, "introduction", ""),
        getattr(page, "listing_summary", ""),
    ]
    for candidate in candidates:
        text = plain(candidate)
        if text:
            return text
    return ""


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The description for <meta name="description">: the view's own
    (``meta_description`` in the context), else the page's (its Easy Read
    introduction on its Easy Read pages), else the home page's."""
    if context.get("meta_description"):
        return shorten(plain(context["meta_description"]))
    request = context.get("request")
    page = context.get("page")
    easy_read = subpage_path(request, page).startswith("easy-read/")
    text = description_of(page, easy_read=easy_read)
    if not text:
        text = description_of(site_home(request))
    return shorten(text)


@register.simple_tag(takes_context=True)
def absolute_page_url(context, page):
    """A page's absolute address, on the requested host for a page of the
    requested Site (Wagtail's ``fullpageurl`` always takes the Site's own
    hostname and port, which may not be the address the site is served at)."""
    return page_url(page, context.get("request"))
