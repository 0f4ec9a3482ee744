"""The production settings, for the database outage test (test_database_outage.py):
static files come from the source folders, as collectstatic has not run."""

from council_site.settings.production import *  # noqa: F403
from council_site.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
