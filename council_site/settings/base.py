"""Settings shared by every environment.

Everything that differs between machines comes from an environment variable;
docs/env-vars.md lists them. Defaults here are the safe production ones:
DEBUG is off and a secret key must be given (dev.py and test.py relax that).
"""

import datetime
import hashlib
import os
from pathlib import Path

import dj_database_url
import django.conf.locale
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The site's own apps
    "core",
    "staff_logins",
    "home",
    "strategy",
    "consultations",
    "case_studies",
    "delivery",
    "events",
    "search",
    "limits",
    "subscriptions",
    # Wagtail and wagtail-localize
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "crispy_forms",
    "crispy_forms_gds",
    # Background tasks: Django's tasks API (the django-tasks backport) with a
    # queue in the database, run by `manage.py db_worker`
    "django_tasks",
    "django_tasks_db",
    # Staff logins: lockout (django-axes) and the second factor (django-otp)
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.request_checks.RefuseNullCharacters",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Gzip for what the caching proxy passes through (core/compression.py);
    # above ConditionalGetMiddleware, whose ETag is of the uncompressed page.
    "core.compression.ResidentGZipMiddleware",
    # ETags and "304 Not Modified" for whatever may be stored (never for a
    # response marked no-store), outside the rule that decides what may be
    # stored by the caching proxy (core/http_cache.py).
    "django.middleware.http.ConditionalGetMiddleware",
    "core.http_cache.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A language the council of the requested site does not offer: not found.
    "core.middleware.OfferedLanguagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff logins (see the block "Staff logins" below): which second factor
    # verified this session, ending idle staff sessions (after the messages,
    # to say why), and sending staff who must use a second factor to set it
    # up or enter a code.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "staff_logins.middleware.StaffSessionMiddleware",
    "staff_logins.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "council_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "council_site.wsgi.application"

# SQLite in the project folder unless DATABASE_URL names another database
# (postgres://user:password@host:port/name in production and in CI).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A busy timeout and immediate transactions keep concurrent writers from
    # failing with "database is locked" on the first-run database.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# --- When the database fails (issue #15) -----------------------------------
# A database that is down or hanging must cost a resident a few seconds and a
# "try again in a few minutes" page (HTTP 503, core/errors.py), never a worker
# stuck until gunicorn kills it. On PostgreSQL, give up connecting after
# DATABASE_CONNECT_TIMEOUT seconds and give up a statement after
# DATABASE_STATEMENT_TIMEOUT milliseconds (0: no limit, e.g. for a long
# migration). CONN_HEALTH_CHECKS (above) checks a kept connection before a
# request uses it, so the first request after a restart simply reconnects.
POSTGRES_ENGINES = {"django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis"}
if DATABASES["default"]["ENGINE"] in POSTGRES_ENGINES:
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")))
    _statement_timeout = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "15000"))
    if _statement_timeout and "statement_timeout" not in _options.get("options", ""):
        _options["options"] = (
            f"{_options.get('options', '')} -c statement_timeout={_statement_timeout}".strip()
        )
# Forms must be UTF-8: one declaring another character set gets a 400 page
# with the usual headers before anything reads it (core/errors.py). The error
# pages themselves are council_site/urls.py's handler400/403/500.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "core.errors.FormEncodingMiddleware",
)
# ---------------------------------------------------------------------------

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is served at the root; the others under their prefix
# (/pl/, /ur/, ...). Django 5.2 does not know Gujarati, so it gets an entry
# here and its own message catalogue in locale/gu/.
LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("gu", "ગુજરાતી"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("bn", "বাংলা"),
    ("ur", "اردو"),
    ("zh-hant", "繁體中文"),
    ("pl", "Polski"),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in each language's own order and words (council_site/formats/).
FORMAT_MODULE_PATH = ["council_site.formats"]

EXTRA_LANG_INFO = {
    "gu": {"bidi": False, "code": "gu", "name": "Gujarati", "name_local": "ગુજરાતી"},
    # Django names these two in English or in lower case; residents look for
    # their language written as they write it.
    "pa": {"bidi": False, "code": "pa", "name": "Punjabi", "name_local": "ਪੰਜਾਬੀ"},
    "pl": {"bidi": False, "code": "pl", "name": "Polish", "name_local": "Polski"},
}
for _code, _info in EXTRA_LANG_INFO.items():
    django.conf.locale.LANG_INFO[_code] = {**django.conf.locale.LANG_INFO.get(_code, {}), **_info}

STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = os.environ.get("STATIC_URL", "/static/")
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
SERVE_MEDIA_FILES = env_bool("SERVE_MEDIA_FILES", False)


def media_storage(environ):
    """Uploaded images and documents: S3-compatible object storage through
    django-storages when a bucket is named (MEDIA_S3_BUCKET), so that every app
    server sees every upload; the local folder MEDIA_ROOT otherwise."""
    bucket = environ.get("MEDIA_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": False,
        "file_overwrite": False,
    }
    for option, name in [
        ("endpoint_url", "MEDIA_S3_ENDPOINT_URL"),
        ("region_name", "MEDIA_S3_REGION"),
        ("custom_domain", "MEDIA_S3_CUSTOM_DOMAIN"),
        ("location", "MEDIA_S3_PREFIX"),
        ("access_key", "MEDIA_S3_ACCESS_KEY_ID"),
        ("secret_key", "MEDIA_S3_SECRET_ACCESS_KEY"),
    ]:
        if environ.get(name):
            options[option] = environ[name]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


# --- Several app servers (issue #20) ---------------------------------------
# Django's cache is shared by every app server when REDIS_URL names a Redis
# server (redis://host:port/db). Without it, it is a folder of files shared by
# every process on the machine (CACHE_DIR, by default var/cache/<a hash of the
# database's address> in the project), never one process's memory: pages keep
# their menus, locales and Sites there (core/chrome_cache.py), and a change
# saved by one gunicorn worker, the admin or the background worker must reach
# all of them on the next request. Sessions (the survey's saved answers, staff
# sign-ins) live in the database, read through the cache when it is Redis:
# never in one server's memory, so that a resident whose app server dies
# carries on on another.
def cache_settings(environ):
    redis_url = environ.get("REDIS_URL", "")
    if redis_url:
        default = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", "council"),
            # A Redis that is down costs each request a second, not a hang.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        session_engine = "django.contrib.sessions.backends.cached_db"
    else:
        default = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(cache_dir(environ)),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
        session_engine = "django.contrib.sessions.backends.db"
    return {"default": default}, session_engine


def cache_dir(environ):
    """The shared file cache's folder: one per database, so that two sites on
    one machine (the demo and a test run) never read each other's entries.
    Inside the project rather than a shared temporary folder, where another
    user could leave files for the cache to unpickle."""
    if environ.get("CACHE_DIR"):
        return Path(environ["CACHE_DIR"])
    database = environ.get("DATABASE_URL", "") or str(BASE_DIR / "db.sqlite3")
    return BASE_DIR / "var" / "cache" / hashlib.sha256(database.encode()).hexdigest()[:16]


CACHES, SESSION_ENGINE = cache_settings(os.environ)

# Anonymous GETs of public pages may be kept this many seconds by a shared
# cache (the caching proxy: `s-maxage`); browsers always ask again
# (`max-age=0`) and get "304 Not Modified" when nothing changed.
# core/http_cache.py decides which responses qualify.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "300"))


# The caching proxy in front (Varnish, scripts/stack.sh) is told to forget a
# site's pages whenever anything they show changes (core/frontend_cache.py):
# FRONTEND_CACHE_URL is the proxy's address as the app servers reach it, or
# several, comma-separated, for several proxies.
def frontend_cache_settings(environ):
    urls = env_list_from(environ, "FRONTEND_CACHE_URL")
    return {
        f"proxy{number}": {"BACKEND": "core.frontend_cache.HostBanBackend", "LOCATION": url}
        for number, url in enumerate(urls, start=1)
    }


def env_list_from(environ, name):
    return [item.strip() for item in environ.get(name, "").split(",") if item.strip()]


WAGTAILFRONTENDCACHE = frontend_cache_settings(os.environ)
# Load balancers and the proxy's health probes ask over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# ---------------------------------------------------------------------------

# Background tasks (emails, and Wagtail's own: the reference index, purging
# the front-end cache): queued in the database and run by a worker process,
# `python manage.py db_worker`, never inside a resident's request.
# TASK_BACKEND=immediate runs them at once instead (tests do).
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("TASK_BACKEND", "database")]
    }
}
# A failed email is tried again this many times in all, waiting longer each
# time (1, 5, 25 minutes...), then given up and logged.
EMAIL_SEND_ATTEMPTS = int(os.environ.get("EMAIL_SEND_ATTEMPTS", "4"))

# Email updates (subscriptions/): unconfirmed addresses and their confirm
# links last this many days; "closing soon" goes this many days before closing.
EMAIL_UPDATES_UNCONFIRMED_DAYS = int(os.environ.get("EMAIL_UPDATES_UNCONFIRMED_DAYS", "3"))
EMAIL_UPDATES_CLOSING_SOON_DAYS = int(os.environ.get("EMAIL_UPDATES_CLOSING_SOON_DAYS", "7"))
# The worker sends updates this many to a task, through one connection to the
# mail server.
EMAIL_UPDATES_BATCH = int(os.environ.get("EMAIL_UPDATES_BATCH", "100"))

# Email: SMTP in production, set by EMAIL_URL-style variables.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Have your say")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL: stem English explicitly rather than trust the cluster default.
        "SEARCH_CONFIG": "english",
    }
}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("pl", "Polski")]

# Machine translation in wagtail-localize's editor, only where a DeepL key is
# given: translators can ask DeepL for a first draft of each segment.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }

# Forms: GOV.UK Frontend markup through crispy-forms-gds.
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Security. The production settings switch on HTTPS-only parts.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

# ---------------------------------------------------------------------------
# Staff logins (staff_logins/, README "Staff logins"): lockout after wrong
# passwords, a second factor for anyone who can see responses, and staff
# sessions that end when idle. Residents' sessions (the survey's saved
# progress) keep Django's defaults: nothing here shortens them.

# django-axes: the lockout backend comes first; it refuses every sign-in of a
# locked account or address before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "staff_logins.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Wrong passwords for one account, within the lockout period, that lock it.
AXES_FAILURE_LIMIT = int(os.environ.get("STAFF_LOGIN_FAILURE_LIMIT", "10"))
# Wrong passwords from one address (for any accounts) that lock the address.
# Higher than the account's: a council office signs in from one address.
STAFF_LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("STAFF_LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "staff_logins.lockout.StaffLoginHandler"
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("STAFF_LOGIN_LOCKOUT_MINUTES", "30"))
)
AXES_LOCKOUT_CALLABLE = "staff_logins.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "staff_logins.addresses.client_address"
AXES_ENABLE_ADMIN = False  # Django's admin is not served; see Settings -> Sign-in security
AXES_VERBOSE = False  # no banner on every command; lockouts are still logged as warnings
# The address a sign-in comes from is REMOTE_ADDR unless a proxy that the site
# trusts sets a header: name it here (for example X-Forwarded-For), and how
# many trusted proxies append to it. Off by default: a header a client can set
# itself must never decide which address is locked.
TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER", "")
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

# Public rate limits, per hour (limits.counters): generous enough for a
# library's shared computer, low enough to stop a flood or a spam relay.
PUBLIC_SURVEY_SUBMITS_PER_HOUR = int(os.environ.get("PUBLIC_SURVEY_SUBMITS_PER_HOUR", "30"))
PUBLIC_SAVE_EMAILS_PER_HOUR = int(os.environ.get("PUBLIC_SAVE_EMAILS_PER_HOUR", "20"))
PUBLIC_CONTACT_REQUESTS_PER_HOUR = int(os.environ.get("PUBLIC_CONTACT_REQUESTS_PER_HOUR", "10"))
PUBLIC_SUBSCRIBE_REQUESTS_PER_HOUR = int(os.environ.get("PUBLIC_SUBSCRIBE_REQUESTS_PER_HOUR", "20"))
# Receipts, save-and-return links and email-update confirmations together, to
# any one email address.
EMAILS_PER_ADDRESS_PER_HOUR = int(os.environ.get("EMAILS_PER_ADDRESS_PER_HOUR", "10"))
PUBLIC_LIMITS_BACKEND = "limits.counters.DatabaseCounter"
# A whole survey sent sooner than this after its first section is flagged for
# officers to review (never dropped).
SURVEY_MIN_SECONDS = int(os.environ.get("SURVEY_MIN_SECONDS", "20"))

# Delivery plans: an action not done or stopped whose latest progress update is
# older than this many months is listed on the admin dashboard.
DELIVERY_UPDATE_DUE_MONTHS = int(os.environ.get("DELIVERY_UPDATE_DUE_MONTHS", "6"))

# The admin loads nothing from elsewhere: no Gravatar pictures (which would
# also send a hash of each member of staff's email address to Gravatar).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask wagtail.org for the newest release: upgrades
# follow the README's "Upgrading" and the dependency audit, not a banner.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# django-otp: the issuer named in authenticator apps.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Staff sessions end after this many minutes without a request, and in any
# case this many hours after signing in.
STAFF_IDLE_MINUTES = int(os.environ.get("STAFF_IDLE_MINUTES", "30"))
STAFF_SESSION_HOURS = int(os.environ.get("STAFF_SESSION_HOURS", "12"))
# ---------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Background tasks and Wagtail's audit messages are recorded in the
        # database; repeating them on the console only hides real problems.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Staff logins: wrong passwords and lockouts are warnings; each
        # successful sign-in is recorded in the database, not on the console.
        "axes": {"level": "WARNING"},
    },
}


def require_secret_key(key):
    if not key or len(key) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in the environment (50 characters or more) in production."
        )
    return key
