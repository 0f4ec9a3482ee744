import datetime
import re

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site
from wagtail.templatetags.wagtailcore_tags import richtext

from core.blocks import anchor
from core.chrome_cache import remembered
from core.links import localize, menu_pages

register = template.Library()


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, ancestors=None):
    """GOV.UK breadcrumbs from the site's home page down to the page's parent (or
    along ``ancestors``), each in the resident's language where it is translated
    (an English page shown under /pl/ has English ancestors)."""
    page = page or context.get("page")
    request = context.get("request")
    if ancestors is not None:
        return {"ancestors": localize(ancestors, request, chrome=True), "request": request}
    if page is None or getattr(page, "depth", 0) <= 2 or not page.pk:
        return {"ancestors": [], "request": request}
    site = Site.find_for_request(request) if request is not None else None

    def build():
        found = list(page.get_ancestors().filter(depth__gte=2).defer_streamfields())
        return localize(found, request, chrome=True)

    # Kept until anything changes (core/chrome_cache.py).
    ancestors = remembered("breadcrumbs", build, page.pk, get_language(), site.pk if site else "")
    return {"ancestors": ancestors, "request": request}


def site_home(request):
    """The site's home page in the active language (or English if not translated)."""
    if request is None:
        return None
    cached = getattr(request, "_site_home", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = (
            remembered("home", lambda: site.root_page.specific.localized, site.pk, get_language())
            if site
            else None
        )
        request._site_home = cached
    return cached


@register.simple_tag(takes_context=True)
def home_page(context):
    return site_home(context.get("request"))


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def main_navigation(context):
    """The service navigation: the home page's children marked "show in menus"."""
    request = context.get("request")
    home = site_home(request)
    current = context.get("page")
    items = []
    if home is not None:
        for item in menu_pages(home, request):
            active = current is not None and (
                current.path.startswith(item.path)
                or current.translation_key == item.translation_key
            )
            items.append(
                {
                    "page": item,
                    "link": item.local_link,
                    "active": active,
                    "current": current and current.pk == item.pk,
                }
            )
    return {
        "home": home,
        "items": items,
        "request": request,
        "search_query": context.get("search_query", ""),
    }


@register.simple_tag
def council_words(council, name):
    """One of the council's translatable words (``council_name``,
    ``opening_hours``) in the active language, marked as English where it has
    not been translated yet."""
    texts = council.local_texts() if council else None
    value = getattr(texts, name, "") if texts is not None else getattr(council, name, "")
    if not value:
        return ""
    if texts is not None and texts.language_code != get_language():
        return format_html('<span lang="{}" dir="ltr">{}</span>', texts.language_code, value)
    return value


@register.simple_tag
def phone_link(council):
    """The council's phone number as a link that phones can dial."""
    if not council or not council.phone:
        return ""
    return format_html('<a class="govuk-link" href="{}">{}</a>', council.phone_href, council.phone)


FOOTER_LINKS = [
    ("accessibility_page", _("Accessibility statement")),
    ("privacy_page", _("Privacy notice")),
    ("cookies_page", _("Cookies")),
    ("contact_page", _("Contact us and other formats")),
]


@register.simple_tag(takes_context=True)
def footer_links(context, council):
    """The footer's links to the standard pages chosen in "Council details" and
    the council's further footer links (under their pages' titles), each
    in the active language where it has been translated, else marked "English
    only" (see core.links): kept in Django's cache until anything changes
    (core/chrome_cache.py)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return remembered(
        "footer",
        lambda: _footer_links(council, request),
        council.pk,
        get_language(),
        site.pk if site else "",
    )


def _footer_links(council, request):
    ids = {field: getattr(council, f"{field}_id") for field, _label in FOOTER_LINKS}
    more = [block["value"] for block in council.footer_links.raw_data if block.get("value")]
    chosen = Page.objects.filter(id__in=[pk for pk in [*ids.values(), *more] if pk]).only(
        "id", "translation_key", "url_path", "locale_id", "content_type_id"
    )
    by_id = {page.id: page for page in chosen}
    localize(list(by_id.values()), request)
    links = []
    for field, label in FOOTER_LINKS:
        page = by_id.get(ids[field])
        if page is not None:
            links.append({"label": label, "url": page.local_link.url, "link": page.local_link})
    for pk in more:
        page = by_id.get(pk)
        if page is not None:
            link = page.local_link
            links.append({"label": link.label, "url": link.url, "link": link, "titled": True})
    return links


# GOV.UK Frontend styles elements by class, not by tag: give rich text the classes.
RICH_TEXT_CLASSES = {
    "p": "govuk-body",
    "a": "govuk-link",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "h2": "govuk-heading-l",
    "h3": "govuk-heading-m",
    "h4": "govuk-heading-s",
}
_TAG_RE = re.compile(r"<({})(\s[^>]*)?>".format("|".join(RICH_TEXT_CLASSES)))


@register.filter
def govuk_richtext(value):
    html = str(richtext(value))

    def add_class(match):
        tag, attrs = match.group(1), match.group(2) or ""
        if "class=" in attrs:
            return match.group(0)
        return f'<{tag} class="{RICH_TEXT_CLASSES[tag]}"{attrs}>'

    # Wagtail's rich text output, with a class added to its own tags.
    return mark_safe(_TAG_RE.sub(add_class, html))  # nosec B308 B703


@register.simple_tag
def govuk_table(table, caption=""):
    """A GOV.UK table from Wagtail's TableBlock value, with a caption and header cells."""
    rows = [row for row in (table or {}).get("data") or [] if any(cell for cell in row)]
    if not rows:
        return ""
    header = rows[0] if table.get("first_row_is_table_header") else None
    body = rows[1:] if header else rows
    first_col_header = table.get("first_col_is_header")
    # A wide table scrolls inside its own focusable region, never the whole page
    # (WCAG 1.4.10 allows two-dimensional tables to scroll).
    parts = [
        format_html(
            '<div class="app-table-container" role="region" aria-label="{}" tabindex="0">',
            caption or _("Table"),
        ),
        '<table class="govuk-table">',
    ]
    if caption:
        parts.append(
            format_html(
                '<caption class="govuk-table__caption govuk-table__caption--m">{}</caption>',
                caption,
            )
        )
    if header:
        parts.append('<thead class="govuk-table__head"><tr class="govuk-table__row">')
        parts.extend(
            format_html('<th scope="col" class="govuk-table__header">{}</th>', cell or "")
            for cell in header
        )
        parts.append("</tr></thead>")
    parts.append('<tbody class="govuk-table__body">')
    for row in body:
        parts.append('<tr class="govuk-table__row">')
        for index, cell in enumerate(row):
            if index == 0 and first_col_header:
                parts.append(
                    format_html('<th scope="row" class="govuk-table__header">{}</th>', cell or "")
                )
            else:
                parts.append(format_html('<td class="govuk-table__cell">{}</td>', cell or ""))
        parts.append("</tr>")
    parts.append("</tbody></table></div>")
    # Each cell went through format_html.
    return mark_safe("".join(parts))  # nosec B308 B703


def _datetime_text(value):
    local = timezone.localtime(value)
    time_text = date_format(local, "TIME_FORMAT").lower()
    return _("%(time)s on %(date)s") % {"time": time_text, "date": date_format(local)}


@register.filter(name="anchor")
def anchor_filter(text):
    """An id for a heading or section, never empty, in any script."""
    return anchor(text)


@register.filter
def machine_datetime(value):
    """A date and time for <time datetime>: ISO 8601 in the council's time
    zone, to the second (HTML allows at most three digits of a fraction)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.filter
def govuk_datetime(value):
    """A date and time in the council's time zone, GOV.UK style, as a <time>
    element: '11:59pm on 1 September 2014' (in the active language)."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>',
        machine_datetime(value),
        _datetime_text(value),
    )


@register.filter
def govuk_datetime_text(value):
    """The same as plain text, for emails."""
    return _datetime_text(value) if value else ""
