"""What every page looks up around its own content, kept in Django's cache.

Every public page needs the same few things before it shows its own content:
the Site asked for, the locales, whether any part of the site is private
(Wagtail reads every view restriction for each ``.public()`` call), the
council's details, the menu and the footer's links. Asked of the database,
that was about twenty queries a page; kept in Django's cache (Redis, shared
by every app server, when REDIS_URL is set: council_site/settings/base.py) it
is none.

Everything kept here is filed under one generation number, which any change
to what it was built from moves on: a page saved, published, unpublished,
moved or deleted, a Site, a locale, a view restriction, a site setting or
the council's words. Nothing is then read under the old number again, on any
app server, and the old entries expire by themselves. Survey answers and
other residents' data never move it: they are not shown around a page.
"""

import logging
import pickle  # nosec B403 (only what this process pickled itself)
import re
import threading
import time

from django.core.cache import cache
from django.core.signals import request_finished as request_finished_signal
from django.core.signals import request_started as request_started_signal
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

GENERATION_KEY = "chrome:generation"
# Entries of an old generation are never read again; this only bounds how
# long they take up room.
TIMEOUT = 60 * 60
MISSING = object()
HOSTNAME = re.compile(r"[a-z0-9.-]{1,253}", re.IGNORECASE)


# The generation is read from the shared cache once a request (a change made
# on another app server shows from the next request on), and what was read
# under it is also kept in this process, pickled, so that a page's twenty-odd
# look-ups cost no round trip to Redis after the first request. A key names
# its generation, so a copy kept here is never out of date, only unused.
_request = threading.local()
_process = {"generation": None, "entries": {}}
PROCESS_ENTRIES = 2000


def request_started(**kwargs):
    _request.active = True
    _request.generation = None


def request_finished(**kwargs):
    _request.active = False
    _request.generation = None


def generation():
    value = getattr(_request, "generation", None)
    if value is not None:
        return value
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A number no earlier generation used, should the cache have lost it.
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    if getattr(_request, "active", False):
        _request.generation = value
    return value


def _kept_here(current):
    if _process["generation"] != current or len(_process["entries"]) > PROCESS_ENTRIES:
        _process["generation"] = current
        _process["entries"] = {}
    return _process["entries"]


def remembered(name, build, *parts):
    """``build()``, kept under ``name`` and ``parts`` until anything changes.
    With the cache out of reach (Redis down), built afresh each time: slower,
    never wrong. Each caller gets its own copy, free to change."""
    try:
        current = generation()
        key = ":".join(["chrome", str(current), name, *map(str, parts)])
        here = _kept_here(current)
        if key in here:
            return pickle.loads(here[key])  # noqa: S301  # nosec B301 (pickled by this process)
        value = cache.get(key, MISSING)
    except Exception:  # noqa: BLE001 (whatever the cache backend raises)
        logger.warning("Django's cache is out of reach: %s built afresh", name, exc_info=True)
        return build()
    if value is MISSING:
        value = build()
        try:
            cache.set(key, value, TIMEOUT)
        except Exception:  # noqa: BLE001
            logger.warning("Django's cache is out of reach: %s not kept", name, exc_info=True)
            return value
    here[key] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return value


def remembered_each(name, ids, build, *parts, still_true=None):
    """As ``remembered``, for many things at once, each kept under its own id:
    ``build(ids)`` makes those not kept, or kept but no longer
    ``still_true(value)``, in one go, and returns them by id (leaving out any
    it cannot find). Returns {id: value} for the ids found."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    try:
        current = generation()
        prefix = ":".join(["chrome", str(current), name, *map(str, parts)])
        keys = {pk: f"{prefix}:{pk}" for pk in ids}
        here = _kept_here(current)
        found = {
            pk: pickle.loads(here[key])  # noqa: S301  # nosec B301 (pickled by this process)
            for pk, key in keys.items()
            if key in here
        }
        shared = cache.get_many([keys[pk] for pk in ids if pk not in found])
    except Exception:  # noqa: BLE001 (whatever the cache backend raises)
        logger.warning("Django's cache is out of reach: %s built afresh", name, exc_info=True)
        return build(ids)
    for pk in ids:
        if pk not in found and keys[pk] in shared:
            found[pk] = shared[keys[pk]]
            here[keys[pk]] = pickle.dumps(found[pk], pickle.HIGHEST_PROTOCOL)
    if still_true is not None:
        found = {pk: value for pk, value in found.items() if still_true(value)}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        built = build(missing)
        try:
            cache.set_many({keys[pk]: value for pk, value in built.items()}, TIMEOUT)
        except Exception:  # noqa: BLE001
            logger.warning("Django's cache is out of reach: %s not kept", name, exc_info=True)
        else:
            for pk, value in built.items():
                here[keys[pk]] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        found.update(built)
    return found


def forget_now():
    _request.generation = None
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, time.time_ns(), None)
    except Exception:  # noqa: BLE001 (whatever the cache backend raises)
        # What was kept before the change may be read for up to TIMEOUT once
        # the cache is back: say so loudly, but let the change itself through.
        logger.error("Django's cache is out of reach: kept look-ups not forgotten", exc_info=True)


def forget():
    """Moves on to a new generation now and again when the change is committed,
    so that a page built from the old data in between is not kept."""
    forget_now()
    transaction.on_commit(forget_now)


CHROME_MODELS = (Page, Site, Locale, PageViewRestriction, BaseSiteSetting, BaseGenericSetting)


def changed(sender, instance, **kwargs):
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.snippets.models import get_snippet_models

    from core.models.settings import CouncilTexts

    # Parts of pages are kept too (core/templatetags/kept_tags.py): the
    # images, documents and snippets they show move the generation on as well,
    # and so do staff's picks for searches (kept search results list them first).
    shown = CHROME_MODELS + (CouncilTexts, AbstractImage, AbstractDocument, SearchPromotion)
    if isinstance(instance, shown) or type(instance) in get_snippet_models():
        forget()


def page_changed(sender, **kwargs):
    forget()


def migrated(sender, **kwargs):
    """A migrated (or new, or flushed) database may be another one at the same
    address: nothing kept from before is trusted."""
    forget_now()


# --- Who may see what ------------------------------------------------------------


def restricted_sections():
    """The place in the tree of every page with a view restriction, as (path, depth)."""
    return remembered(
        "restrictions",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth")),
    )


def private_q(queryset):
    """Wagtail's ``PageQuerySet.private_q`` (what ``.public()`` leaves out),
    from the kept list of restricted sections instead of a query each time."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


# --- The Site a request is for ---------------------------------------------------


def site_for_hostname(hostname, port):
    """Wagtail's ``get_site_for_hostname``, kept per host and port."""
    from wagtail.models import sites

    if not HOSTNAME.fullmatch(hostname or ""):
        # Not a name any Site could have (the Host header is the client's):
        # looked up, never kept.
        return sites.uncached_site_for_hostname(hostname, port)
    site = remembered(
        "site",
        lambda: _site_or_none(sites.uncached_site_for_hostname, hostname, port),
        hostname,
        port,
    )
    if site is None:
        raise Site.DoesNotExist
    return site


def _site_or_none(find, hostname, port):
    try:
        site = find(hostname, port)
    except Site.DoesNotExist:
        return None
    # Kept with it: the home page as its own type, which every request routes from.
    site.root_page.specific  # noqa: B018
    return site


def connect():
    """Listens for changes and puts the kept look-ups in Wagtail's place."""
    post_save.connect(changed, dispatch_uid="chrome-cache-saved")
    post_delete.connect(changed, dispatch_uid="chrome-cache-deleted")
    post_migrate.connect(migrated, dispatch_uid="chrome-cache-migrated")
    request_started_signal.connect(request_started, dispatch_uid="chrome-cache-request-started")
    request_finished_signal.connect(request_finished, dispatch_uid="chrome-cache-request-finished")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"chrome-cache-{id(signal)}")

    if not getattr(PageQuerySet.private_q, "kept", False):
        kept_private_q = private_q
        kept_private_q.kept = True
        PageQuerySet.private_q = kept_private_q

    from wagtail.models import sites
    from wagtail.models.i18n import LocaleManager

    from core.locales import kept_get_for_language

    if LocaleManager.get_for_language is not kept_get_for_language:
        LocaleManager.get_for_language = kept_get_for_language

    if not hasattr(sites, "uncached_site_for_hostname"):
        sites.uncached_site_for_hostname = sites.get_site_for_hostname
        sites.get_site_for_hostname = site_for_hostname
