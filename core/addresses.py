"""Absolute addresses (canonical and alternate links, the sitemap, robots.txt,
links in emails), built from the host, port and scheme the site is really
served at.

An installation may serve several Wagtail Sites (one council each, on its own
host and port). With more than one, Wagtail's ``page.url`` is already an
absolute address on the page's Site, so gluing a host in front of it gives
``http://127.0.0.1:8000http://localhost/...``. Here a page's address is asked
for with the request (``page.get_url(request)``), which is a path on the
requested Site and an absolute address on any other; a path is then completed
with the request's own scheme, host and port, which the resident's browser
used and so are right behind a proxy too (``SECURE_PROXY_SSL_HEADER``).
Without a request (a management command), the Site's own root URL is used.
"""

from urllib.parse import urlsplit

from wagtail.models import Site


def is_absolute(url):
    parts = urlsplit(url or "")
    return bool(parts.scheme and parts.netloc)


def site_root_url(request=None, site=None):
    """``scheme://host[:port]`` of the site, without a trailing slash: the
    request's when there is one, else the Site's (the default Site's when no
    Site is given)."""
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    site = site or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else ""


def absolute_url(url, request=None, site=None):
    """``url`` (a path, or an address that is already absolute) as an absolute
    address on the site it belongs to."""
    if not url or is_absolute(url):
        return url
    if not url.startswith("/"):
        url = "/" + url
    return site_root_url(request, site) + url


def page_url(page, request=None):
    """A page's absolute address: on the requested host when the page belongs
    to the requested Site, on its own Site's host and port otherwise."""
    if page is None:
        return ""
    if request is None:
        return page.get_full_url()
    return absolute_url(page.get_url(request=request), request)


def subpage_path(request, page):
    """The part of the address after the page's own, for a route of a routable
    page (``easy-read/``, ``survey/check/``): the same in every language."""
    match = getattr(request, "routable_resolver_match", None)
    if page is None or match is None or getattr(match.func, "__self__", None) is not page:
        return ""
    if not match.url_name:
        return ""
    return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs).lstrip("/")


class BaseURL:
    """The scheme, host and port of the request that asked for an email, kept
    so that the links in it can be built later without a request (a queued
    email is sent outside the request that asked for it): never a guessed
    host."""

    def __init__(self, root):
        self.root = root.rstrip("/")

    @classmethod
    def from_request(cls, request):
        return cls(site_root_url(request))

    def __str__(self):
        return self.root

    def __call__(self, url):
        if not url or is_absolute(url):
            return url
        return self.root + (url if url.startswith("/") else "/" + url)
