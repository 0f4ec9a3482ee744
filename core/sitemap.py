"""sitemap.xml and robots.txt, on the host they were asked for.

The sitemap lists every live public page of the requested Site in every
language the council offers that it has been translated into (each
language's tree hangs from its own translation of the Site's home page),
and each page's Easy Read version, each with ``<xhtml:link rel="alternate"
hreflang>`` for its translations and ``x-default`` for the English page. A
page not yet translated is not listed under another language's prefix: that
copy is the English page, whose address is the one to index (its canonical
link says so).
"""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from core.addresses import absolute_url, site_root_url
from core.chrome_cache import remembered
from core.models.settings import languages_for
from core.sites import site_pages


class CouncilSitemap(Sitemap):
    """Every language's pages of the requested Site, with their alternates."""

    def items(self):
        site = self.get_wagtail_site()
        return (
            site_pages(Page.objects.live().public(), site)
            .filter(locale__language_code__in=languages_for(site))
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _translations(self):
        """The items by translation key, then language: worked out once."""
        if not hasattr(self, "_by_key"):
            self._by_key = {}
            for page in self.items():
                self._by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page
        return self._by_key

    def _entry(self, location, lastmod, alternates):
        entry = {"location": location, "lastmod": lastmod}
        if len(alternates) > 1:
            entry["alternates"] = [{"lang_code": code, "location": url} for code, url in alternates]
            default = dict(alternates).get(settings.LANGUAGE_CODE)
            if default:
                entry["alternates"].append({"lang_code": "x-default", "location": default})
        return entry

    def _urls(self, page, protocol, domain):
        request = self.request
        ordered = [code for code, _name in settings.LANGUAGES]
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            lastmod = item.last_published_at or item.latest_revision_created_at
            last_mods.add(lastmod)
            translations = self._translations().get(item.translation_key, {})
            languages = sorted(translations, key=lambda code: ordered.index(code))
            alternates = [
                (code, absolute_url(translations[code].get_url(request=request), request))
                for code in languages
            ]
            urls.append(
                self._entry(
                    absolute_url(item.get_url(request=request), request), lastmod, alternates
                )
            )
            if getattr(item, "has_easy_read", False):
                easy_read = [
                    (code, absolute_url(translations[code].get_easy_read_url(request), request))
                    for code in languages
                    if translations[code].has_easy_read
                ]
                urls.append(
                    self._entry(
                        absolute_url(item.get_easy_read_url(request), request), lastmod, easy_read
                    )
                )
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


@require_safe
def sitemap(request):
    """The sitemap, built once and kept in Django's cache until anything on the
    site changes (core/chrome_cache.py): it reads every page."""
    number = request.GET.get("p", "1")
    if not number.isdigit() or len(request.GET) > 1:
        return wagtail_sitemap(request, sitemaps={"pages": CouncilSitemap})

    def build():
        response = wagtail_sitemap(request, sitemaps={"pages": CouncilSitemap})
        response.render()
        return response.status_code, response.content, dict(response.headers)

    status, content, headers = remembered(
        "sitemap", build, request.scheme, request.get_host(), int(number)
    )
    response = HttpResponse(content, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


@require_safe
def robots_txt(request):
    """Everything public may be indexed, the admin not. The sitemap's address
    is on the requested host."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {site_root_url(request)}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
