"""The address a request comes from, for counting wrong passwords per address.

``REMOTE_ADDR`` unless the settings name a header that the site's own proxy
sets (``TRUSTED_CLIENT_IP_HEADER``, off by default). For a list header such as
``X-Forwarded-For`` each proxy appends the address it received the request
from, so the client's is the ``TRUSTED_PROXY_COUNT``-th from the right: the
entries left of it were written by the client and are ignored.
"""

import ipaddress

from django.conf import settings


def _valid(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request):
    remote = request.META.get("REMOTE_ADDR")
    header = getattr(settings, "TRUSTED_CLIENT_IP_HEADER", "")
    if not header:
        return remote
    key = "HTTP_" + header.upper().replace("-", "_")
    entries = [item for item in request.META.get(key, "").split(",") if item.strip()]
    count = max(1, getattr(settings, "TRUSTED_PROXY_COUNT", 1))
    if len(entries) < count:
        return remote
    return _valid(entries[-count]) or remote
