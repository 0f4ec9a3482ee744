"""Error pages that work when nothing else does (issue #15).

Every error page here is a plain template (``templates/400.html``, ``403.html``,
``500.html``, ``503.html``, all extending ``errors/standalone.html``) rendered
without the request's context processors: no Council details, no menus, no
site or page lookups, so it renders with the database down. The language is
the one in the address (``/pl/...``, ``/ur/...``; English without a prefix),
and the page goes back out through the middleware like any other response, so
it carries the same security headers.

- ``server_error`` (handler500) is where every exception that nothing else
  handled ends up, at whatever layer it was raised: in a view, a template, a
  middleware, or while saving the session. When the cause is the database being
  unreachable, timing out or restarting (``OperationalError`` or
  ``InterfaceError``), the resident gets ``database_unavailable``: HTTP 503 with
  ``Retry-After``, saying that their answers are safe and to try again in a
  few minutes. The page of a form they had just sent holds what they sent, so
  "Try again" sends the same answers again. Nothing half-done is kept: the
  survey stores a whole response in one transaction, the session is not saved
  on a 5xx, and a resent final step finds the response already stored under
  the journey's token (``consultations/survey/storage.py``).
- ``bad_request`` (handler400) and ``permission_denied`` (handler403) are
  Django's without the CSRF decorator that reads the form again (which raised a
  second time, inside the error handler, for a body Django refuses: a bare 500
  without any header).
- ``FormEncodingMiddleware`` refuses a form that declares a character set other
  than UTF-8 with the 400 page before anything reads it.
"""

import codecs
import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

# How long a resident (or a browser, or a proxy) is asked to wait before trying
# again after a database failure. A restart of PostgreSQL takes seconds.
RETRY_AFTER_SECONDS = 30

# Staff pages never have what was typed written back into the page (the admin
# login's password, for one).
ADMIN_PREFIXES = ("/admin/", "/django-admin/")

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

# The headings of the pages, for the last-resort page.
TITLES = {
    400: gettext_lazy("Sorry, there is a problem with what you sent"),
    403: gettext_lazy("You do not have permission to view this page"),
    500: gettext_lazy("Sorry, there is a problem with the service"),
    503: gettext_lazy("Sorry, the service is unavailable"),
}


def database_unavailable_error(exception):
    """Whether the exception, or one it was raised from or while handling, says
    the database could not be reached or did not answer in time."""
    try:
        import psycopg2

        driver_errors = (psycopg2.OperationalError, psycopg2.InterfaceError)
    except ImportError:  # pragma: no cover - psycopg2 is a dependency
        driver_errors = ()
    seen = set()
    while exception is not None and id(exception) not in seen:
        seen.add(id(exception))
        if isinstance(exception, (OperationalError, InterfaceError, *driver_errors)):
            return True
        exception = exception.__cause__ or exception.__context__
    return False


def page_language(request):
    """The language of the address: its prefix, or English without one."""
    code = translation.get_language_from_path(request.path_info)
    return code or settings.LANGUAGE_CODE


def render_standalone(request, template, status, context=None):
    """One of the error templates, in the address's language, never cached."""
    language = page_language(request)
    context = {
        "home_url": "/" if language == settings.LANGUAGE_CODE else f"/{language}/",
        **(context or {}),
    }
    with translation.override(language):
        try:
            content = render_to_string(template, context)
        except Exception:  # noqa: BLE001 - an error page must never fail
            logger.exception("The error page %s could not be rendered", template)
            content = fallback_page(status)
    response = HttpResponse(content, status=status, content_type="text/html; charset=utf-8")
    add_never_cache_headers(response)
    return response


def fallback_page(status):
    """The last resort, in case even a plain template cannot be rendered."""
    title = escape(TITLES[status])
    language = translation.get_language() or settings.LANGUAGE_CODE
    direction = "rtl" if translation.get_language_bidi() else "ltr"
    return (
        f'<!DOCTYPE html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><main><h1>{title}</h1></main></body></html>"
    )


def resend_fields(request):
    """What a public form had just sent, to be sent again as it was; None when
    the request was not such a form (or what it sent cannot be read again)."""
    if request.method != "POST" or request.path_info.startswith(ADMIN_PREFIXES):
        return None
    try:
        if request.FILES:
            return None  # files cannot be sent again from a page
        return [(name, value) for name, values in request.POST.lists() for value in values]
    except Exception:  # noqa: BLE001 - the page is shown without the button
        return None


def database_unavailable(request):
    """HTTP 503: the database is down or too slow; the resident's answers are safe."""
    response = render_standalone(
        request,
        "503.html",
        503,
        {
            # The same address; "//host/..." kept from ever leading to another site.
            "retry_url": "/" + request.get_full_path().lstrip("/"),
            "resend": resend_fields(request),
        },
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request):
    if database_unavailable_error(sys.exc_info()[1]):
        return database_unavailable(request)
    return render_standalone(request, "500.html", 500)


def bad_request(request, exception):
    # Saving the session while the database is down ends in SessionInterrupted
    # (a 400): that is the database's failure too.
    if database_unavailable_error(exception):
        return database_unavailable(request)
    return render_standalone(request, "400.html", 400)


def permission_denied(request, exception):
    if database_unavailable_error(exception):
        return database_unavailable(request)
    return render_standalone(request, "403.html", 403)


class FormEncodingMiddleware:
    """Forms are read as UTF-8 only. A form that declares another character set
    (``charset=ibm500``) gets the 400 page before anything reads it; a UTF-8
    alias (``utf8``) is read as UTF-8, and a character set Python does not know
    (``charset=foo``) is ignored, as Django does, so the form is read as UTF-8.
    The declared character set never decodes the address's query either (see
    ``core.wsgi``, which keeps Django from decoding anything with it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = (request.content_params or {}).get("charset")
        if charset:
            try:
                name = codecs.lookup(charset).name
            except LookupError:
                name = "utf-8"  # unknown: Django already ignores it
            if name != "utf-8" and request.method == "POST" and request.content_type in FORM_TYPES:
                return render_standalone(request, "400.html", 400)
        if request.encoding and request.encoding != "utf-8":
            request.encoding = "utf-8"  # where core.wsgi's request is not in use (tests)
        return self.get_response(request)
