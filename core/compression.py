"""Compressing what the caching proxy does not.

The proxy gzips the pages it keeps (scripts/varnish/stack.vcl); everything
it passes through (a survey step, a page seen once a session exists, a form)
leaves the app server compressed by Django's GZipMiddleware instead. Those
responses carry a CSRF token, which Django masks afresh in every response,
and the middleware pads each one with random bytes (Django's "Heal the
Breach" mitigation), so a BREACH attacker learns nothing from their length.
The staff side (the Wagtail admin, the officers' results and exports, the
health check) is never compressed: its pages hold more than a token.
"""

from django.middleware.gzip import GZipMiddleware

from core.http_cache import PRIVATE_PREFIXES


class ResidentGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(PRIVATE_PREFIXES):
            return response
        if "public" in response.get("Cache-Control", ""):
            # Kept by the proxy, which compresses it once for every visitor.
            return response
        return super().process_response(request, response)
