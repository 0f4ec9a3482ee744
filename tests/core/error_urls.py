"""The site's addresses plus three that fail on purpose, for the error pages' tests."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from council_site.urls import handler400, handler403, handler500, urlpatterns  # noqa: F401


def permission_denied(request):
    raise PermissionDenied


def bad_request(request):
    raise BadRequest("on purpose")


def error(request):
    raise RuntimeError("on purpose")


urlpatterns = (
    i18n_patterns(
        path("raise/permission-denied/", permission_denied),
        path("raise/bad-request/", bad_request),
        path("raise/error/", error),
        prefix_default_language=False,
    )
    + urlpatterns
)
