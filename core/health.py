"""The health check at /health/ for load balancers and the caching proxy's
probes: 200 when this app server can reach the database and the shared cache,
503 (and which one failed) when it cannot, so that traffic goes to another
server. Never cached; plain JSON, no page chrome, no session."""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


def database_works():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_works():
    key = f"health-{secrets.token_hex(8)}"
    cache.set(key, "ok", timeout=10)
    found = cache.get(key) == "ok"
    cache.delete(key)
    return found


def health(request):
    checks = {}
    for name, check in (("database", database_works), ("cache", cache_works)):
        try:
            checks[name] = "ok" if check() else "failing"
        except Exception:  # any failure of the service is a failed check
            logger.exception("Health check: the %s is failing", name)
            checks[name] = "failing"
    healthy = all(state == "ok" for state in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "failing", **checks}, status=200 if healthy else 503
    )
    add_never_cache_headers(response)
    return response
