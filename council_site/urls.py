import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.health import health
from core.sitemap import robots_txt, sitemap
from core.views import brand_css
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every language's pages, with their hreflang alternates (core/sitemap.py).
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # For load balancers and the caching proxy's probes (core/health.py).
    path("health/", health, name="health"),
    # The council's brand colour (core/colours.py), from its Council details.
    path("brand.css", brand_css, name="brand_css"),
]

if settings.DEBUG or settings.SERVE_MEDIA_FILES:
    # Uploaded images and documents from the local folder: development and the
    # single-machine demo. Production serves media from object storage.
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(re.escape(settings.MEDIA_URL.lstrip("/"))),
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

# English at the root, the other languages under their prefix (/pl/, /ur/...).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("email-updates/", include("subscriptions.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Error pages that render without the database, in the address's language; a
# database that is down or too slow gets the 503 "try again" page (core/errors.py).
handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler500 = "core.errors.server_error"
