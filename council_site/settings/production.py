"""Production: HTTPS only, a real secret key required, hashed static files."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, os, require_secret_key

DEBUG = False
SECRET_KEY = require_secret_key(SECRET_KEY)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# "__Host-" cookies are refused by browsers unless sent over HTTPS, for the
# whole site (Path=/) and for this host only (no Domain): a neighbouring
# subdomain cannot set or overwrite them. Off only behind a proxy that
# rewrites cookie names (COOKIE_HOST_PREFIX=0).
if env_bool("COOKIE_HOST_PREFIX", True):
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
DEMO_LOGINS_ALLOWED = False
