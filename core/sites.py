"""Several councils on one installation: each is a Wagtail Site with its own
page tree, and everything a resident sees is of the Site they asked for.

``site_pages(queryset, site_or_request)`` keeps the pages of one Site in every
language (each language's tree hangs from its own translation of the Site's
home page). It adds no query of its own: the Site's home pages are found in a
subquery, so a listing stays one query however many councils there are."""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.models import Page, Site


def current_site(site_or_request):
    """The Site itself, or the Site a request is for (Wagtail keeps it for the
    request); the default Site when there is neither."""
    if site_or_request is None:
        return Site.objects.filter(is_default_site=True).first()
    if isinstance(site_or_request, Site):
        return site_or_request
    return Site.find_for_request(site_or_request)


def site_roots(where):
    """The home page of a Site (or of a page's Site) and its translations, as a
    queryset. A page's Site is the one whose home page is its ancestor just
    under the root of the tree, where every council's home page is made
    (home.setup, ``create_council``)."""
    if isinstance(where, Page):
        home = Page.objects.filter(path=where.path[: Page.steplen * 2])
    else:
        home = Page.objects.filter(pk=where.root_page_id)
    return Page.objects.filter(translation_key__in=home.values("translation_key")[:1])


def site_pages(queryset, where):
    """``queryset`` (pages, or a page model's objects) narrowed to the pages of
    one Site, in any language. ``where`` is a Site, a request (its Site) or a
    page (the Site it belongs to)."""
    if not isinstance(where, Page):
        where = current_site(where)
        if where is None:
            return queryset
    inside = site_roots(where).filter(StartsWith(OuterRef("path"), F("path")))
    return queryset.filter(Exists(inside))


def site_paths_q(request):
    """The pages of the request's Site as a filter on their place in the tree
    (``path__startswith``), which the search backends understand where they do
    not understand ``site_pages``' subquery. One query, kept for the request."""
    cached = getattr(request, "_site_paths_q", None)
    if cached is None:
        cached = Q(pk__in=[])
        site = current_site(request)
        if site is not None:
            for path in site_roots(site).values_list("path", flat=True):
                cached |= Q(path__startswith=path)
        request._site_paths_q = cached
    return cached
