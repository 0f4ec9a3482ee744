"""Telling the caching proxy to forget a site's pages when anything changes.

A change shows on many pages: a page's title is on its parent's listing, the
home page, related items, the feeds and the sitemap, in every language; a
snippet (the council's texts, image credits, measures) or a setting (the
council's details in every footer) shows on every page. Working out exactly
which addresses hold it is error-prone, and a council publishes a few times a
day, so the proxy is asked to forget every page of the site's host at once
(one Varnish ``BAN`` by Host, scripts/varnish/stack.vcl): the next visitor to
each page waits one uncached request, and nothing stale survives.

Wagtail's own frontend cache (wagtail.contrib.frontend_cache) already sends a
purge when a page is published or unpublished, through the backend set in
WAGTAILFRONTENDCACHE; ``HostBanBackend`` turns each into the ban of its host.
The signal handlers below add what Wagtail leaves out: a page moved, deleted,
or a snippet or a setting saved or deleted. The bans go through Wagtail's
background task, after the change is committed, run by the worker.
"""

import logging
import threading
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

logger = logging.getLogger("wagtail.frontendcache")

BAN_TIMEOUT_SECONDS = 10


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class HostBanBackend(HTTPBackend):
    """Forgets every page of each host named, whatever the path asked."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        if self.cache_scheme not in ("http", "https"):
            logger.error(
                "The caching proxy's address must be http or https, not %s", self.cache_scheme
            )
            return
        for host in sorted({urlsplit(url).netloc for url in urls}):
            request = BanRequest(
                url=urlunsplit([self.cache_scheme, self.cache_netloc, "/", "", ""]),
                headers={"Host": host, "User-Agent": "council-site-frontend-cache"},
            )
            try:
                # Our own proxy, at an http(s) address from the settings (checked above).
                with urlopen(request, timeout=BAN_TIMEOUT_SECONDS):  # noqa: S310  # nosec B310
                    pass
            except (HTTPError, URLError, OSError) as error:
                # The pages then live until their s-maxage (PUBLIC_CACHE_SECONDS).
                logger.error("Could not ban %s from the caching proxy: %s", host, error)


_pending = threading.local()


def forget_sites(sites):
    """Bans the given sites' pages once the current transaction commits: one
    ban per site however many changes the transaction made (a transaction
    rolled back sends nothing, and the next one starts afresh)."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    roots = {site.root_url.rstrip("/") + "/" for site in sites}
    if not roots:
        return
    connection = transaction.get_connection()
    block = connection.atomic_blocks[0] if connection.in_atomic_block else None
    if block is not None and getattr(_pending, "block", None) is block:
        _pending.roots.update(roots)
        return
    waiting = set(roots)
    _pending.block, _pending.roots = block, waiting

    def send():
        if getattr(_pending, "roots", None) is waiting:
            _pending.block = _pending.roots = None
        purge_urls_from_cache(sorted(waiting))

    transaction.on_commit(send)


def forget_everything():
    forget_sites(Site.objects.all())


def page_moved(sender, instance, **kwargs):
    # The old and the new place may be in different sites' trees.
    forget_everything()


def page_deleted(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE and isinstance(instance, Page) and instance.live:
        forget_everything()


def setting_or_snippet_changed(sender, instance, **kwargs):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    if isinstance(instance, BaseSiteSetting):
        forget_sites([instance.site] if instance.site_id else Site.objects.all())
    elif isinstance(instance, BaseGenericSetting) or is_snippet(sender):
        forget_everything()


def is_snippet(model):
    from wagtail.snippets.models import get_snippet_models

    return model in get_snippet_models()


def connect():
    post_page_move.connect(page_moved, dispatch_uid="frontend-cache-page-moved")
    post_delete.connect(page_deleted, dispatch_uid="frontend-cache-page-deleted")
    post_save.connect(setting_or_snippet_changed, dispatch_uid="frontend-cache-saved")
    post_delete.connect(setting_or_snippet_changed, dispatch_uid="frontend-cache-deleted")
