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
        if request.path.startswith(self.admin_prefixes):
            response.setdefault("Content-Security-Policy", ADMIN_CSP)
        else:
            user = getattr(request, "user", None)
            staff = bool(user and user.is_authenticated)
            response.setdefault("Content-Security-Policy", STAFF_CSP if staff else PUBLIC_CSP)
        return response
