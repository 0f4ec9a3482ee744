"""Wagtail's locales, looked up in Django's cache instead of the database:
Locale.get_active() and get_default() each cost a query, and a page asks
several times. The kept list is read again after any locale is saved or
deleted, on every app server (core/chrome_cache.py)."""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from core.chrome_cache import remembered


def all_locales():
    """Every locale by its language code."""
    return remembered(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


def locale_for(language_code):
    code = get_supported_content_language_variant(language_code)
    try:
        return all_locales()[code]
    except KeyError:
        raise Locale.DoesNotExist(f"No locale for {code!r}.") from None


def language_of(locale_id):
    """The language code of a locale by its id (pages carry only the id)."""
    for code, locale in all_locales().items():
        if locale.pk == locale_id:
            return code
    raise KeyError(locale_id)


def active_locale():
    return locale_for(get_language() or settings.LANGUAGE_CODE)


def default_locale():
    return locale_for(settings.LANGUAGE_CODE)


def kept_get_for_language(manager, language_code):
    """Wagtail's ``Locale.objects.get_for_language``, from the kept list."""
    return locale_for(language_code)
