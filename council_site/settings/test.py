"""Tests: like development, but email kept in memory and fast password hashing."""

import os

from .dev import *  # noqa: F403

DEBUG = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The browser layer's server runs in its own process: it writes each email to
# a file in this folder instead, where the tests read what a resident got.
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
# Background tasks run at once, inside the request, so that tests see their
# effects; tests of the worker itself switch to the database queue (and a
# browser test's server with TASK_BACKEND=database, its worker run by the test).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if os.environ.get("TASK_BACKEND") == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
# One test process keeps Django's cache in its own memory: each pytest-xdist
# worker has a database of its own. A site the tests serve from several
# processes (the browser layer's gunicorn workers, its background worker)
# names a shared folder in CACHE_DIR, as production without Redis does.
if not os.environ.get("REDIS_URL") and not os.environ.get("CACHE_DIR"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the source folders, without collectstatic,
# when the browser tests run the site with DEBUG off.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
