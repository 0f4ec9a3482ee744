"""Absolute addresses with two Wagtail Sites on different hosts and ports:
each page's canonical and alternate links, the sitemap, robots.txt and the
links in emails are on the host and port the page was asked for, never on a
configured or default one, and never a host glued to an absolute address."""

import re

import pytest
import wagtail_factories
from django.core import mail
from django.test import Client
from wagtail.models import Locale, Page, Site

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from core.addresses import BaseURL, absolute_url
from core.models import CouncilSettings
from home.factories import HomePageFactory
from home.models import HomePage
from tests.conftest import COUNCIL
from tests.consultations.conftest import VIEWS, Resident

pytestmark = pytest.mark.django_db

LEICESTERSHIRE = "leicestershire.localhost:8000"
MELTON = "melton.localhost:8001"
EASY_READ_ROW = {"picture": None, "alt_text": "", "text": "We are the council."}


def translate(page, code, title=None):
    locale = Locale.objects.get(language_code=code)
    translation = page.get_translation_or_none(locale) or page.copy_for_translation(
        locale, copy_parents=True
    )
    translation.title = title or f"{page.title} ({code})"
    translation.save_revision().publish()
    return translation


@pytest.fixture
def two_sites(home, settings, tmp_path):
    """The test site as Leicestershire's (with an Easy Read home page in
    English and Polish) and a second council's site on another host and port."""
    settings.ALLOWED_HOSTS = ["*"]
    settings.MEDIA_ROOT = tmp_path
    home.search_description = "Leicestershire's plans and consultations."
    home.easy_read_title = "Working with you"
    home.easy_read_introduction = "This website is about our plan."
    picture = wagtail_factories.ImageFactory(title="Easy Read: The council")
    home.easy_read = [("row", {**EASY_READ_ROW, "picture": picture})]
    home.save_revision().publish()
    translate(home, "pl", "Strona główna")
    leicestershire = Site.objects.get(is_default_site=True)
    leicestershire.hostname, leicestershire.port = "leicestershire.localhost", 8000
    leicestershire.save()
    root = Page.get_first_root_node()
    melton_home = root.add_child(
        instance=HomePageFactory.build(title="Melton", slug="melton", introduction="Melton.")
    )
    melton_site = Site.objects.create(hostname="melton.localhost", port=8001, root_page=melton_home)
    # The second council asks residents for its own districts (the same
    # names here, which the tests' resident answers with).
    council = CouncilSettings.for_site(melton_site)
    council.districts = COUNCIL["districts"]
    council.save()
    index = ConsultationIndexPageFactory(parent=melton_home, slug="have-your-say")
    return {
        "leicestershire": HomePage.objects.get(pk=home.pk),
        "melton": melton_home,
        "melton_consultation": ConsultationPageFactory(parent=index, slug="bus-routes"),
    }


def hrefs(html):
    return re.findall(r'<link rel="(?:canonical|alternate)"[^>]* href="([^"]+)"', html)


def test_canonical_alternates_and_easy_read_are_on_the_requested_host(two_sites):
    html = Client(HTTP_HOST=LEICESTERSHIRE).get("/").content.decode()
    assert '<link rel="canonical" href="http://leicestershire.localhost:8000/">' in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://leicestershire.localhost:8000/">' in html
    )
    assert (
        '<link rel="alternate" hreflang="pl" href="http://leicestershire.localhost:8000/pl/">'
        in html
    )
    assert (
        '<link rel="alternate" href="http://leicestershire.localhost:8000/easy-read/" '
        'title="Easy Read">' in html
    )
    for href in hrefs(html):
        assert href.count("http") == 1, href
        assert href.startswith("http://leicestershire.localhost:8000/"), href
    # The link to the Easy Read version, in the page, is a path on this site.
    assert 'href="/easy-read/" rel="alternate"' in html


def test_the_easy_read_page_points_to_itself_and_the_standard_version(two_sites):
    html = Client(HTTP_HOST=LEICESTERSHIRE).get("/pl/easy-read/").content.decode()
    assert (
        '<link rel="canonical" href="http://leicestershire.localhost:8000/pl/easy-read/">' in html
    )
    assert (
        '<link rel="alternate" hreflang="en" href="http://leicestershire.localhost:8000/easy-read/">'
        in html
    )
    assert (
        '<link rel="alternate" href="http://leicestershire.localhost:8000/pl/" ' in html
    )  # the standard version
    for href in hrefs(html):
        assert href.count("http") == 1, href


def test_the_second_site_has_its_own_host_and_port(two_sites):
    client = Client(HTTP_HOST=MELTON)
    html = client.get("/have-your-say/bus-routes/").content.decode()
    assert (
        '<link rel="canonical" href="http://melton.localhost:8001/have-your-say/bus-routes/">'
        in html
    )
    for href in hrefs(html):
        assert href.startswith("http://melton.localhost:8001/"), href


def test_an_untranslated_page_points_to_the_english_one(two_sites):
    client = Client(HTTP_HOST=MELTON)
    html = client.get("/pl/have-your-say/bus-routes/").content.decode()
    # The Polish address shows the English page: the English address is indexed.
    assert (
        '<link rel="canonical" href="http://melton.localhost:8001/have-your-say/bus-routes/">'
        in html
    )


def sitemap_entries(xml):
    """Each <url>: its location and its alternates by language."""
    entries = {}
    for block in re.findall(r"<url>(.*?)</url>", xml, re.S):
        location = re.search(r"<loc>([^<]+)</loc>", block).group(1)
        entries[location] = dict(
            re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', block)
        )
    return entries


def test_the_sitemap_lists_every_language_with_hreflang_on_the_requested_host(two_sites):
    response = Client(HTTP_HOST=LEICESTERSHIRE).get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in xml
    entries = sitemap_entries(xml)
    base = "http://leicestershire.localhost:8000"
    assert set(entries) >= {
        f"{base}/",
        f"{base}/pl/",
        f"{base}/easy-read/",
        f"{base}/pl/easy-read/",
        f"{base}/contact/",
    }
    assert entries[f"{base}/"] == {
        "en": f"{base}/",
        "pl": f"{base}/pl/",
        "x-default": f"{base}/",
    }
    assert entries[f"{base}/pl/"] == entries[f"{base}/"]
    assert entries[f"{base}/pl/easy-read/"]["en"] == f"{base}/easy-read/"
    # Only this site's pages, each on this host, a page in one language without alternates.
    assert all(location.startswith(base + "/") for location in entries)
    assert not any("melton" in location for location in entries)
    assert entries[f"{base}/contact/"] == {}


def test_the_second_sites_sitemap_and_robots_txt(two_sites):
    client = Client(HTTP_HOST=MELTON)
    entries = sitemap_entries(client.get("/sitemap.xml").content.decode())
    assert set(entries) == {
        "http://melton.localhost:8001/",
        "http://melton.localhost:8001/have-your-say/",
        "http://melton.localhost:8001/have-your-say/bus-routes/",
    }
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    text = robots.content.decode()
    assert "Sitemap: http://melton.localhost:8001/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_emailed_links_are_on_the_host_the_resident_used(two_sites):
    consultation = two_sites["melton_consultation"]
    resident = Resident(Client(HTTP_HOST=MELTON), consultation)
    resident.base = "/have-your-say/bus-routes/survey/"
    resident.complete()
    resident.submit(receipt_email="me@example.org")
    receipt = mail.outbox[-1]
    assert "http://melton.localhost:8001/have-your-say/bus-routes/" in receipt.body
    assert "http://melton.localhost:8001/have-your-say/bus-routes/" in receipt.alternatives[0][0]
    assert "http://localhost" not in receipt.body

    resident = Resident(Client(HTTP_HOST=MELTON), consultation)
    resident.base = "/have-your-say/bus-routes/survey/"
    resident.get("views")
    assert resident.post("views", {**VIEWS, "action": "save"})["Location"] == resident.url("save")
    resident.post("save", {"email": "later@example.org"})
    link = re.search(r"(\S+/survey/resume/\S+/)", mail.outbox[-1].body).group(1)
    assert link.startswith("http://melton.localhost:8001/have-your-say/bus-routes/survey/resume/")


def test_absolute_url_keeps_an_absolute_address_and_completes_a_path(rf):
    request = rf.get("/", HTTP_HOST="example.org:8080")
    assert absolute_url("/a/", request) == "http://example.org:8080/a/"
    assert absolute_url("http://other.example/a/", request) == "http://other.example/a/"
    secure = rf.get("/", HTTP_HOST="example.org", secure=True)
    assert absolute_url("/a/", secure) == "https://example.org/a/"
    base = BaseURL.from_request(request)
    assert base("/survey/") == "http://example.org:8080/survey/"
    assert str(base) == "http://example.org:8080"


def test_setup_site_sets_the_host_and_port_of_wagtails_first_site(db):
    from django.core.management import call_command

    site = Site.objects.get(is_default_site=True)
    call_command("setup_site", "--hostname", "engage.example.gov.uk", "--port", "443")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("engage.example.gov.uk", 443)
    assert site.root_url == "https://engage.example.gov.uk"


def test_the_easy_read_list_keeps_to_its_own_site(two_sites):
    from wagtail.images import get_image_model

    from core.models import EasyReadIndexPage

    melton = two_sites["melton"]
    melton.easy_read = [("row", {**EASY_READ_ROW, "picture": get_image_model().objects.first()})]
    melton.save_revision().publish()
    leicestershire = two_sites["leicestershire"]
    index = leicestershire.add_child(
        instance=EasyReadIndexPage(title="Easy Read", slug="easy-read-pages")
    )
    assert index.easy_read_pages() == [leicestershire]
    html = Client(HTTP_HOST=LEICESTERSHIRE).get("/easy-read-pages/").content.decode()
    assert 'href="/easy-read/"' in html
    assert "melton" not in html.lower()
