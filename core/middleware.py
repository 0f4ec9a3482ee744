from django.conf import settings
from django.db import DatabaseError

# Public pages load nothing from elsewhere and run no inline script. The admin
# (Wagtail's own pages) gets a relaxed policy of its own below.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# Signed-in staff see Wagtail's user bar on public pages, which sets inline styles.
STAFF_CSP = PUBLIC_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

# The Wagtail admin still needs inline scripts and styles (wagtail#1288): the
# rest is held as on public pages. Images may come from elsewhere (an embed's
# thumbnail), and the admin may frame itself (the preview panel).
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' blob:",
        "frame-src 'self' https:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    """Adds the headers Django's SecurityMiddleware does not: a Content-Security-Policy
    (strict on public pages, relaxed in the admin) and a Permissions-Policy everywhere."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = ("/admin/", "/django-admin/")

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Django's XFrameOptionsMiddleware sits low in the chain; a response made
        # above it (an error page for a failure in the session or locale layers,
        # a refused form) would go without. The same header, set here as well.
        if not getattr(response, "xframe_options_exempt", False):
            response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if request.path.startswith(self.admin_prefixes):
            response.setdefault("Content-Security-Policy", ADMIN_CSP)
        else:
            response.setdefault(
                "Content-Security-Policy",
                STAFF_CSP if self.signed_in(request, response) else PUBLIC_CSP,
            )
        return response

    @staticmethod
    def signed_in(request, response):
        """Whether staff are signed in; never for an error page, which has no user
        bar, and never by asking a database that has just failed (finding the
        user reads the session): the stricter policy then applies."""
        user = getattr(request, "user", None)
        if user is None or response.status_code >= 500:
            return False
        try:
            return bool(user.is_authenticated)
        except DatabaseError:
            return False


class OfferedLanguagesMiddleware:
    """An address in a language this council does not offer (``/gu/...`` on a
    site without Gujarati) is not found on that site, as the language switcher,
    hreflang links and sitemap do not know it either. English addresses have no
    prefix and cost nothing here; the others read the council's details, which
    the page reads anyway (kept for the request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import Http404
        from django.utils.translation import get_language_from_path

        from core.models.settings import languages_for

        code = get_language_from_path(request.path_info)
        if code and code != settings.LANGUAGE_CODE and code not in languages_for(request):
            raise Http404("This council does not offer this language.")
        return self.get_response(request)
