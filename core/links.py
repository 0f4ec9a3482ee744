"""Links in the resident's language.

Whatever page a link points at (often the English original, since
wagtail-localize keeps chosen pages, menus and settings pointing at it), a
resident reading in Polish follows it to the Polish page where one is live.
Where none is, the link goes to the same address under the language's prefix
(``/pl/case-studies/``), where the English page is shown with the site's own
words still in Polish and the "not translated yet" notice; the link then says
so: ``hreflang="en"`` and a visible "English only" in the resident's language.
Either way a resident who follows the site's own links stays in their language.

``localize(pages, request)`` does this for a list of pages in one query and
returns the pages to show, each with its ``LocalLink`` (``page.local_link``);
``local_link(page, request)`` does it for one page. Templates use the
``local_link`` tag of ``language_tags``.
"""

from django.urls import translate_url
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from core.chrome_cache import remembered
from core.locales import active_locale, default_locale, language_of

# What the site's menus call a page of these kinds when it is not translated yet:
# words from the message catalogue, so that the menu stays in the resident's
# language (the page title, in English, is used for every other kind).
CHROME_LABELS = {
    "case_studies.casestudyindexpage": _("Case studies"),
    "core.easyreadindexpage": pgettext_lazy("site menu", "Easy Read"),
    "core.contactpage": _("Contact us and ask for another format"),
    "consultations.consultationindexpage": _("Have your say"),
}


def chrome_label(page):
    """The catalogue's name for an untranslated page of a kind the menus know, or None."""
    model = page.specific_class  # from Django's cache of content types: no query
    return CHROME_LABELS.get(model._meta.label_lower) if model is not None else None


class LocalLink:
    """Where a link to ``page`` goes for a resident reading ``language``, and how
    it is labelled."""

    def __init__(self, page, url, language, english_only=False, label=None):
        self.page = page
        self.url = url
        self.language = language
        self.english_only = english_only
        # A label from the catalogue is in the resident's language even when the
        # page is not.
        self._label = label

    @cached_property
    def content_language(self):
        """The language of the page the link leads to."""
        return language_of(self.page.locale_id) if self.english_only else self.language

    @property
    def title(self):
        return str(self._label) if self._label else self.page.title

    @property
    def title_in_page_language(self):
        """True when the label is the untranslated page's own (English) title."""
        return self.english_only and not self._label

    @property
    def attrs(self):
        """` hreflang="en"` on a link to a page that is not translated yet."""
        if not self.english_only:
            return ""
        return format_html(' hreflang="{}"', self.content_language)

    @property
    def marker(self):
        """The visible "(English only)", in the resident's language, after the label."""
        if not self.english_only:
            return ""
        info = get_language_info(self.language)
        return format_html(
            '<span class="app-english-only" lang="{}" dir="{}"> ({})</span>',
            self.language,
            "rtl" if info["bidi"] else "ltr",
            _("English only"),
        )

    @property
    def label(self):
        """The link's text: the title (marked as English where it is) and the marker."""
        if self.title_in_page_language:
            title = format_html(
                '<span lang="{}" dir="ltr">{}</span>', self.content_language, self.title
            )
        else:
            title = format_html("{}", self.title)
        # Both parts went through format_html.
        return mark_safe(title + self.marker)  # nosec B308 B703

    def __str__(self):
        return self.url


def fallback_url(page, request, language):
    """The page's address under ``language``'s prefix, where the English page is
    shown with the interface in that language."""
    url = page.get_url(request=request) or ""
    own = language_of(page.locale_id)
    if language == own or not url:
        return url
    # translate_url() reads the address in the active language's URL patterns:
    # read it in the page's own.
    with override(own):
        return translate_url(url, language)


def localize(pages, request=None, chrome=False, specific=False, locale=None):
    """``pages`` as a resident reading the active language should follow them:
    each swapped for its live, public translation, or kept (in English) with a
    link under the language's prefix. One query for the lot; each page returned
    carries its ``LocalLink`` as ``page.local_link``. ``chrome``: label
    untranslated pages the menus know with the catalogue's words. ``locale``:
    another language than the active one."""
    pages = [page for page in pages if page is not None]
    locale = locale or active_locale()
    language = locale.language_code
    wanted = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translated = {}
    if wanted:
        queryset = (
            Page.objects.live().public().filter(locale_id=locale.pk, translation_key__in=wanted)
        )
        if specific:
            queryset = queryset.specific().defer_streamfields()
        translated = {page.translation_key: page for page in queryset}
    shown = []
    for page in pages:
        if page.locale_id == locale.pk:
            link = LocalLink(page, page.get_url(request=request), language)
        elif page.translation_key in translated:
            original, page = page, translated[page.translation_key]
            link = LocalLink(page, page.get_url(request=request), language)
            original.local_link = link
        else:
            link = LocalLink(
                page,
                fallback_url(page, request, language),
                language,
                english_only=True,
                label=chrome_label(page) if chrome else None,
            )
        page.local_link = link
        shown.append(page)
    return shown


def local_link(page, request=None, chrome=False):
    """The ``LocalLink`` of one page (worked out once per page object)."""
    link = getattr(page, "local_link", None)
    if isinstance(link, LocalLink) and link.language == active_locale().language_code:
        return link
    return localize([page], request, chrome=chrome)[0].local_link


def menu_pages(home, request=None, specific=False):
    """The menu in the active language: the English home page's children marked
    "show in menus", each swapped for its live translation where there is one,
    the others linked under the language's prefix and marked "English only"
    (see core.links). Kept in Django's cache until anything changes
    (core/chrome_cache.py)."""
    site = Site.find_for_request(request) if request is not None else None
    return remembered(
        "menu",
        lambda: _menu_pages(home, request, specific),
        home.pk,
        active_locale().language_code,
        specific,
        site.pk if site else "",
    )


def _menu_pages(home, request, specific):
    source = home.get_translation_or_none(default_locale()) or home
    english = source.get_children().live().public().in_menu()
    if specific:
        english = english.specific().defer_streamfields()
    return localize(list(english), request, chrome=True, specific=specific)
