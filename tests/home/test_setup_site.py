"""What production needs comes from a migration and ``setup_site``, not from
the demo: the locales, and a home page served by the default site."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from home.setup import ensure_site

pytestmark = pytest.mark.django_db


def test_every_language_has_a_locale_from_the_migrations(db):
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES} <= codes


def test_setup_site_replaces_wagtails_welcome_page(db):
    # A new installation: Wagtail's own "Welcome" page served at localhost:80.
    Site.objects.all().delete()
    for page in Page.objects.filter(depth=2):
        page.delete()
    root = Page.get_first_root_node()
    root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    out = StringIO()
    call_command("setup_site", "--hostname", "example.org", "--port", "443", stdout=out)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("example.org", 443)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome to your new").exists()
    assert "example.org:443" in out.getvalue()
    # Running it again changes nothing.
    call_command("setup_site", stdout=StringIO())
    assert Site.objects.get().pk == site.pk
    assert HomePage.objects.count() == 1


def test_setup_site_leaves_a_built_site_alone(demo):
    site = Site.objects.get(is_default_site=True)
    pages = Page.objects.count()
    assert ensure_site().pk == site.pk
    assert Page.objects.count() == pages
    assert Site.objects.get(is_default_site=True).root_page_id == demo.pk
