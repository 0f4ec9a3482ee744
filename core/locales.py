"""Wagtail's locales, looked up once per process instead of once per call:
Locale.get_active() and get_default() each cost a query, and a page asks
several times. The cache empties whenever a locale is saved or deleted."""

from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_by_code = {}
_by_id = {}


def locale_for(language_code):
    code = get_supported_content_language_variant(language_code)
    if code not in _by_code:
        _by_code[code] = Locale.objects.get(language_code=code)
    return _by_code[code]


def language_of(locale_id):
    """The language code of a locale by its id (pages carry only the id)."""
    if locale_id not in _by_id:
        _by_id.update(Locale.objects.values_list("pk", "language_code"))
    return _by_id[locale_id]


def active_locale():
    return locale_for(get_language() or settings.LANGUAGE_CODE)


def default_locale():
    return locale_for(settings.LANGUAGE_CODE)


@receiver([post_save, post_delete], sender=Locale)
def forget_locales(**kwargs):
    _by_code.clear()
    _by_id.clear()


@receiver(post_migrate)
def forget_locales_after_flush(**kwargs):
    # "flush" (and the tests' database resets) empties tables without
    # per-row signals, then sends post_migrate.
    _by_code.clear()
    _by_id.clear()
