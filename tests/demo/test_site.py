from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from core.models import CouncilSettings, StandardPage
from home.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def counts():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "settings": CouncilSettings.objects.count(),
    }


def test_running_the_demo_loader_twice_duplicates_nothing(demo):
    before = counts()
    call_command("load_demo_content", stdout=StringIO())
    assert counts() == before
    # Leicestershire's home page in each of the seven languages, and one English
    # home page for each of the other two councils, no more.
    assert HomePage.objects.count() == 7 + 2
    assert HomePage.objects.filter(locale__language_code="en").count() == 3


def test_the_demo_home_page_is_the_sites_root(demo, client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Working with our communities" in response.content.decode()


def test_every_demo_page_answers(demo, client):
    pages = Page.objects.live().filter(depth__gte=2).specific()
    assert len(pages) >= 5
    for page in pages:
        _site, root, path = page.get_url_parts()
        response = client.get(path, HTTP_HOST=urlsplit(root).netloc)
        assert response.status_code == 200, page.full_url


def test_standard_pages_the_footer_needs_exist(demo, client):
    slugs = set(StandardPage.objects.values_list("slug", flat=True))
    assert {"accessibility-statement", "privacy", "cookies"} <= slugs
    html = client.get("/").content.decode()
    for label in ["Accessibility statement", "Privacy notice", "Cookies", "Contact us"]:
        assert label in html


def test_council_details_come_from_the_site_setting(demo, client):
    council = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    council.council_name = "Rutland County Council"
    council.phone = "01572 722577"
    council.save()
    html = client.get("/").content.decode()
    assert "Rutland County Council" in html
    assert "Leicestershire County Council" not in html
    assert 'href="tel:01572722577"' in html


def test_demo_editor_reaches_the_admin_dashboard(demo, client):
    assert client.login(username="editor", password="demo-editor-password")
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Dashboard" in response.content.decode()


def test_the_accessibility_statement_has_the_regulations_parts(demo, client):
    html = client.get("/accessibility-statement/").content.decode()
    for part in [
        "Compliance status",
        "Non-accessible content",
        "Enforcement procedure",
        "How we tested this website",
        "Equality Advisory and Support Service",
    ]:
        assert part in html
    assert '<table class="govuk-table">' in html
    assert 'role="region"' in html


@pytest.mark.django_db
def test_loading_the_demo_again_keeps_translation_records_attached(demo):
    """Blocks keep the same ids from one load to the next, so wagtail-localize
    does not pile up new translation contexts each time."""
    from wagtail_localize.models import TranslationContext

    before = TranslationContext.objects.count()
    call_command("load_demo_content", stdout=StringIO())
    assert TranslationContext.objects.count() == before
