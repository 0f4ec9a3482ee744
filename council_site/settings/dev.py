"""Development: DEBUG on, email printed to the console, a throwaway key."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env_bool, os

# The demo content and its loader (load_demo_content): development and tests
# only. Production does not install this app, and the image leaves it out.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "dev-only-insecure-key-not-for-production-0123456789abcdefghijklmnop"
)
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The demo loader may create the development-only admin login.
DEMO_LOGINS_ALLOWED = True
