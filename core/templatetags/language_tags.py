"""The language switcher, hreflang alternates and the "not yet translated" notice."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from core import links
from core.addresses import absolute_url, subpage_path
from core.chrome_cache import remembered
from core.locales import language_of
from core.models.settings import languages_for as offered_languages

register = template.Library()


def translations_of(page):
    """Live translations of a page by language code (kept in Django's cache
    until anything changes, core/chrome_cache.py, and on the page)."""
    if page is None:
        return {}
    cached = getattr(page, "_live_translations", None)
    if cached is None:
        cached = remembered("translations", lambda: live_translations(page), page.translation_key)
        page._live_translations = cached
    return cached


def live_translations(page):
    return {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
        .only("id", "url_path", "locale__language_code", "translation_key")
    }


def languages_for(context):
    """Each language with its address for this page; worked out once per page
    and request, since the switcher and the hreflang links both need it."""
    request = context.get("request")
    page = context.get("page")
    cache = getattr(request, "_languages_for", None) if request is not None else None
    key = (page.pk if page is not None else None, context.get("page_query"))
    if cache is not None and key in cache:
        return cache[key]
    languages = _languages(context, request, page)
    if request is not None:
        request._languages_for = {**(cache or {}), key: languages}
    return languages


def _languages(context, request, page):
    translations = translations_of(page)
    current = get_language()
    languages = []
    offered = set(offered_languages(request)) if request is not None else None
    for code, _name in settings.LANGUAGES:
        if offered is not None and code not in offered:
            continue
        info = get_language_info(code)
        translated = page is None or code in translations
        if page is not None and code in translations:
            url = translations[code].get_url(request=request)
        elif request is not None:
            # Not translated yet, or not a page: the same address under the
            # language's prefix (where an untranslated page is served in English
            # with a notice), keeping a search's cleaned-up query.
            url = translate_url(request.path, code)
            if context.get("page_query"):
                url += "?" + context["page_query"]
        else:
            url = "/"
        languages.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "current": code == current,
                "translated": translated,
            }
        )
    return languages


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"languages": languages_for(context)}


def addresses(context):
    """This address's canonical URL and its hreflang alternates, absolute on
    the requested host: every live translation of the page (at the same route
    of it), or for a view that is not a page (search), the same address under
    each language's prefix. Worked out once per page and request."""
    request = context.get("request")
    page = context.get("page")
    cache = getattr(request, "_page_addresses", None) if request is not None else None
    key = (page.pk if page is not None else None, context.get("page_query"))
    if cache is not None and key in cache:
        return cache[key]
    suffix = subpage_path(request, page)
    translations = translations_of(page)
    current = get_language()
    alternates = []
    for language in languages_for(context):
        if not language["translated"]:
            continue
        if page is not None:
            url = translations[language["code"]].get_url(request=request) + suffix
        else:
            url = language["url"]
        alternates.append({"code": language["code"], "href": absolute_url(url, request)})
    by_code = {alternate["code"]: alternate["href"] for alternate in alternates}
    if current in by_code:
        canonical = by_code[current]
    elif page is not None:
        # Not translated: the English page served under this language's prefix
        # is a copy of the English one, which is the address to index.
        canonical = absolute_url(page.get_url(request=request) + suffix, request)
    else:
        canonical = absolute_url(request.path, request) if request is not None else ""
    found = {
        "canonical": canonical,
        "alternates": alternates,
        "default": by_code.get(settings.LANGUAGE_CODE, ""),
    }
    if request is not None:
        request._page_addresses = {**(cache or {}), key: found}
    return found


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for every live translation of the page,
    and x-default for the English one."""
    found = addresses(context)
    return {"languages": found["alternates"], "default": found["default"]}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute address search engines should index for this one."""
    return addresses(context)["canonical"]


@register.simple_tag(takes_context=True)
def page_language(context):
    """The language the page's content is written in, which differs from the
    interface language when the page has not been translated yet."""
    page = context.get("page")
    if page is None:
        return get_language()
    if not hasattr(page, "_content_language"):
        page._content_language = language_of(page.locale_id)
    return page._content_language


@register.simple_tag(takes_context=True)
def untranslated(context):
    page = context.get("page")
    return page is not None and page_language(context) != get_language()


@register.simple_tag(takes_context=True)
def interface_lang(context):
    """lang and dir for the site's own words inside an untranslated page, whose
    content is marked as English: nothing when the page is in the resident's
    language."""
    if not untranslated(context):
        return ""
    info = get_language_info(get_language())
    direction = "rtl" if info["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', get_language(), direction)


@register.simple_tag(takes_context=True)
def local_link(context, page, chrome=False):
    """Where a link to ``page`` goes in the resident's language, and its label
    (core.links.LocalLink): ``{% local_link page as link %}<a href="{{ link.url }}"
    {{ link.attrs }}>{{ link.label }}</a>``."""
    if page is None:
        return None
    return links.local_link(page, context.get("request"), chrome=chrome)


@register.inclusion_tag("components/out_of_date_notice.html", takes_context=True)
def out_of_date_notice(context):
    """A short notice on a translation whose English was published after it was
    last synced (core.translation_status), with a link to the current English."""
    page = context.get("page")
    if page is None or untranslated(context) or not getattr(page, "locale_id", None):
        return {"item": None}
    from core.translation_status import out_of_date

    item = out_of_date(page)
    if item is None:
        return {"item": None}
    return {
        "item": item,
        "english_url": item.source.get_url(request=context.get("request")),
        "english_lang": language_of(item.source.locale_id),
    }
