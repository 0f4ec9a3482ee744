"""Small abstract pieces that the site's page types are built from."""

import re

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import Http404
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import override
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.blocks import StandardBodyBlock
from core.chrome_cache import remembered, restricted_sections
from core.locales import default_locale, language_of
from search.text import han_bigrams

# What a page's slug may be (Unicode letters allowed), so that only such are
# used in the cache's keys.
SLUG = re.compile(r"[-\w]+")


def default_locale_id():
    return default_locale().pk


class IntroductionMixin(models.Model):
    """A sentence or two under the page's title, in larger text."""

    introduction = models.TextField(
        blank=True,
        help_text="A sentence or two under the title, in larger text. Say what this page is about.",
    )

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    """Free text with headings, call-outs, quotes, pictures and tables."""

    body = StreamField(StandardBodyBlock(), blank=True, use_json_field=True)

    class Meta:
        abstract = True


class ListingFieldsMixin(models.Model):
    """How a page looks when it is listed elsewhere: a short summary and a picture."""

    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        help_text="One or two sentences shown where this page is listed, and in search results.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown where this page is listed. "
        "Give the picture alt text in the image library.",
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading="How this page is listed",
        )
    ]

    search_fields = [index.SearchField("listing_summary")]

    class Meta:
        abstract = True


class SearchableMixin(models.Model):
    """What search needs from every page: a label for the kind of page, a short
    summary, and, for Chinese pages, the text cut into overlapping character
    pairs, because neither database splits Chinese into words."""

    search_fields = [index.SearchField("search_han_pairs")]
    # What search results call this kind of page, in the resident's language
    # (gettext_lazy); the admin's name for the page type if not set.
    search_label = None

    class Meta:
        abstract = True

    def search_result_label(self):
        return capfirst(str(self.search_label or self._meta.verbose_name))

    def search_summary(self):
        return (
            getattr(self, "listing_summary", "")
            or self.search_description
            or getattr(self, "introduction", "")
            or ""
        )

    def search_han_pairs(self):
        if not self.locale.language_code.startswith("zh"):
            return ""
        return han_bigrams(" ".join(self.searchable_texts()))

    def searchable_texts(self):
        texts = []
        for search_field in self.search_fields:
            name = search_field.field_name
            if not isinstance(search_field, index.SearchField) or name == "search_han_pairs":
                continue
            value = getattr(self, name, None)
            if callable(value):
                value = value()
            if not value:
                continue
            try:
                field = self._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            if field is not None and hasattr(field, "get_searchable_content"):
                texts.extend(str(text) for text in field.get_searchable_content(value))
            else:
                texts.append(strip_tags(str(value)))
        return texts


class BasePage(SearchableMixin, ListingFieldsMixin, Page):
    """The base of every public page on the site."""

    content_panels = Page.content_panels
    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    search_fields = (
        Page.search_fields + ListingFieldsMixin.search_fields + SearchableMixin.search_fields
    )

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Serve the English page where a translation does not exist yet.

        /pl/case-studies/ walks the Polish tree; where the Polish tree has no
        page with that slug, the walk carries on in the English tree, and the
        page says (in Polish) that it is not translated yet.

        Each step of the walk reads the child from Django's cache, where it is
        kept until anything changes (core/chrome_cache.py), instead of two
        queries a step."""
        if not path_components:
            return super().route(request, path_components)
        child = self.child_with_slug(path_components[0])
        if child is None and self.locale_id != default_locale_id():
            source = self.get_translation_or_none(default_locale())
            if source is not None:
                result = source.specific.route(request, path_components)
                # Its own links (forms, "back", its Easy Read version) stay under
                # the language's prefix: see get_url_parts.
                result.page.served_in_language = language_of(self.locale_id)
                return result
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def child_with_slug(self, slug):
        """The child page (specific) with this slug, or None."""

        def find():
            return self.get_children().filter(slug=slug).specific().first()

        if len(slug) > 100 or not SLUG.fullmatch(slug):
            return find()
        child = remembered("child", find, self.pk, slug)
        return child

    def get_url_parts(self, request=None):
        """An English page served under another language's prefix, because it is
        not translated yet, gives its own address under that prefix, so that a
        resident who follows its links, sends its forms or opens its Easy Read
        version stays in their language. Every other page object (the language
        switcher's, the menu's) keeps its own address."""
        parts = super().get_url_parts(request=request)
        language = getattr(self, "served_in_language", None)
        if not language or not parts or not parts[2]:
            return parts
        site_id, root_url, page_path = parts
        with override(language_of(self.locale_id)):
            return site_id, root_url, translate_url(page_path, language)

    def get_view_restrictions(self):
        """Wagtail's check before serving a page, without its two queries on a
        site with no private section (core/chrome_cache.py keeps the list)."""
        if not restricted_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def summary(self):
        return self.listing_summary or self.search_description
