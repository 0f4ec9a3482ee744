"""Which responses a shared cache (the caching proxy, a CDN) may keep.

Only an anonymous visitor's GET of a public page qualifies: the request has
no session and no CSRF cookie, the response sets no cookie (a page carrying a
CSRF token sets one), it is not the admin (the officers' side and previews
are under /admin/), not the health check, and the view has not said
otherwise. Such a response gets ``Cache-Control: public, max-age=0,
s-maxage=N``: the proxy keeps it for N seconds at most (and forgets it as
soon as anything on the site is published, core/frontend_cache.py), browsers
ask again every time and get "304 Not Modified" through the ETag that
ConditionalGetMiddleware adds. Everything else gets ``private, no-store``
(unless the view already forbade storing it), so that neither the proxy nor
the browser keeps a survey step, a page seen after a session exists, a form
with a token, or anything of staff.

The language of a page comes from its address (/pl/..., English at the root),
never from the Accept-Language header: the ``Vary: Accept-Language`` that
Django's LocaleMiddleware adds to unprefixed addresses is dropped from
responses that may be kept, so that one copy serves every English reader.
``Vary: Cookie`` stays: a shared cache must not hand a page kept for a
visitor without cookies to one with a session (the proxy passes those
straight to the app servers in any case).
"""

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control

# Paths never kept by a shared cache: Wagtail's admin (with the officers'
# views and previews), Django's admin if ever served, and the health check.
PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/health/")
CACHEABLE_STATUSES = {200}


def request_has_private_cookie(request):
    names = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    return any(name in request.COOKIES for name in names)


def may_be_shared(request, response):
    if request.method not in ("GET", "HEAD"):
        return False
    if response.status_code not in CACHEABLE_STATUSES:
        return False
    if request.path.startswith(PRIVATE_PREFIXES) or getattr(request, "is_preview", False):
        return False
    if request_has_private_cookie(request) or response.cookies:
        return False
    if request.META.get("HTTP_AUTHORIZATION"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    # A view that set its own policy (a survey step's never_cache, a feed's
    # own lifetime) is left to it.
    return not response.has_header("Cache-Control")


def drop_accept_language(response):
    if not response.has_header("Vary"):
        return
    kept = [
        field
        for field in cc_delim_re.split(response["Vary"])
        if field and field.lower() != "accept-language"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if may_be_shared(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PUBLIC_CACHE_SECONDS
            )
            drop_accept_language(response)
            vary = response.get("Vary", "")
            if "cookie" not in vary.lower():
                response["Vary"] = f"{vary}, Cookie" if vary else "Cookie"
        elif "no-store" not in response.get("Cache-Control", ""):
            if response.has_header("Cache-Control"):
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True)
        return response
