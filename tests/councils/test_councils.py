"""Several councils on one installation: each council's site shows only its
own pages, in its own languages, and links to no other council's host."""

import re
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Site

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from core.models import CouncilSettings, districts_for, languages_for
from home.councils import create_council

pytestmark = pytest.mark.django_db

DEFAULT_HOST = "testserver"
SECOND_HOST = "second.example"
THIRD_HOST = "third.example"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "link"):
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_of(html):
    parser = Links()
    parser.feed(html)
    return parser.hrefs


@pytest.fixture
def councils(home):
    """Three councils: the small site (the default Site), and two made by
    create_council, each with a case study of its own."""
    create_council(
        "Second County Council", SECOND_HOST, languages=["pl"], districts=["North", "South"]
    )
    create_council("Third County Council", THIRD_HOST, languages=["zh-hant", "pl"])
    index = CaseStudyIndexPageFactory(parent=home, slug="case-studies", show_in_menus=True)
    CaseStudyPageFactory(parent=index, title="Otterbridge lunch club", slug="otterbridge")
    for host, title, slug in [
        (SECOND_HOST, "Pinewood repair cafe", "pinewood"),
        (THIRD_HOST, "Kestrel lunch club", "kestrel"),
    ]:
        site = Site.objects.get(hostname=host)
        index = site.root_page.get_children().get(slug="case-studies")
        CaseStudyPageFactory(parent=index, title=title, slug=slug)
    return {
        DEFAULT_HOST: "Otterbridge lunch club",
        SECOND_HOST: "Pinewood repair cafe",
        THIRD_HOST: "Kestrel lunch club",
    }


def crawl(client, host, limit=80):
    """Every page reachable from the host's home page by its own links: the
    pages' HTML by path, and every absolute link's host."""
    seen, queue, hosts = {}, ["/"], set()
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code in (200, 302, 404), (host, path, response.status_code)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            seen[path] = ""
            continue
        html = response.content.decode()
        seen[path] = html
        for href in links_of(html):
            parts = urlsplit(urljoin(f"http://{host}{path}", href))
            if parts.scheme not in ("http", "https"):
                continue
            hosts.add(parts.netloc)
            own = parts.netloc == host and not parts.path.startswith(("/admin/", "/documents/"))
            if own and not re.search(r"\.(css|js|ico|svg|png|xml|txt)$|/feed/$", parts.path):
                queue.append(parts.path)
    return seen, hosts


@pytest.mark.parametrize("host", [DEFAULT_HOST, SECOND_HOST, THIRD_HOST])
def test_a_crawl_of_each_council_finds_only_its_own_pages(client, councils, host):
    pages, hosts = crawl(client, host)
    everything = "\n".join(pages.values())
    assert councils[host] in everything
    for other, title in councils.items():
        if other != host:
            assert title not in everything
            assert other not in hosts
    assert hosts <= {host}


@pytest.mark.parametrize("host", [DEFAULT_HOST, SECOND_HOST, THIRD_HOST])
def test_search_on_each_council_finds_only_its_own_pages(client, councils, host):
    for other, title in councils.items():
        word = title.split()[0]
        response = client.get("/search/", {"q": word}, HTTP_HOST=host)
        assert response.status_code == 200
        assert (title in response.content.decode()) == (other == host)


def translate(page, code):
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=code), copy_parents=True
    )
    translation.save_revision().publish()
    return translation


def test_each_sitemap_lists_only_its_own_pages_in_its_own_languages(client, councils):
    second = Site.objects.get(hostname=SECOND_HOST)
    pinewood = Page.objects.get(slug="pinewood")
    translate(pinewood, "pl")
    translate(pinewood, "gu")  # Gujarati is not offered by the second council
    sitemap = client.get("/sitemap.xml", HTTP_HOST=SECOND_HOST).content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations
    assert all(url.startswith(f"http://{SECOND_HOST}/") for url in locations)
    assert f"http://{SECOND_HOST}/pl/case-studies/pinewood/" in locations
    assert not [url for url in locations if "/gu/" in url]
    assert 'hreflang="gu"' not in sitemap
    assert "otterbridge" not in sitemap and "kestrel" not in sitemap
    default = client.get("/sitemap.xml", HTTP_HOST=DEFAULT_HOST).content.decode()
    assert "otterbridge" in default and "pinewood" not in default
    assert second.root_page.url_path not in default


def test_a_language_the_council_does_not_offer_is_not_found(client, councils):
    assert client.get("/gu/", HTTP_HOST=SECOND_HOST).status_code == 404
    assert client.get("/gu/case-studies/", HTTP_HOST=SECOND_HOST).status_code == 404
    assert client.get("/pl/", HTTP_HOST=SECOND_HOST).status_code == 200
    # The default council offers every language.
    assert client.get("/gu/", HTTP_HOST=DEFAULT_HOST).status_code == 200


def test_the_language_switcher_offers_only_the_councils_languages(client, councils):
    html = client.get("/", HTTP_HOST=THIRD_HOST).content.decode()
    assert 'hreflang="zh-hant"' in html or 'lang="zh-hant"' in html
    assert 'lang="pl"' in html
    assert 'lang="gu"' not in html and 'lang="ur"' not in html
    everything = client.get("/", HTTP_HOST=DEFAULT_HOST).content.decode()
    assert 'lang="gu"' in everything


def test_the_case_study_filter_offers_the_councils_districts(client, councils):
    assert districts_for(Site.objects.get(hostname=SECOND_HOST)) == ["North", "South"]
    html = client.get("/case-studies/", HTTP_HOST=SECOND_HOST).content.decode()
    assert '<option value="North"' in html and '<option value="South"' in html
    assert languages_for(Site.objects.get(hostname=SECOND_HOST)) == ["en", "pl"]


@pytest.mark.parametrize("colour", ["#ffdd00", "#0b0c0c", "#f47738", "#4c2c92", "blue"])
def test_a_brand_colour_that_does_not_stand_out_is_refused(home, colour):
    council = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    council.brand_colour = colour
    with pytest.raises(ValidationError) as refused:
        council.full_clean()
    assert "brand_colour" in refused.value.message_dict


def test_a_brand_colour_that_stands_out_draws_the_stripe_under_the_header(client, home):
    council = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    council.brand_colour = "#1d70b8"
    council.full_clean()
    council.save()
    html = client.get("/").content.decode()
    assert "app-brand-stripe" in html
    stylesheet = re.search(r'href="(/brand\.css\?[^"]+)"', html).group(1)
    css = client.get(stylesheet)
    assert css["Content-Type"].startswith("text/css")
    assert "#1d70b8" in css.content.decode()


def test_the_admin_refuses_a_brand_colour_with_the_reason(admin_client, home):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/councilsettings/{site.pk}/"
    form = admin_client.get(url)
    assert form.status_code == 200
    assert "3:1" in form.content.decode()


def test_create_council_makes_a_site_that_serves_its_home_page(client, home):
    call_command(
        "create_council",
        "Fourth County Council",
        "fourth.example",
        "--languages=en,ur",
        "--districts=East,West",
        stdout=StringIO(),
    )
    response = client.get("/", HTTP_HOST="fourth.example")
    assert response.status_code == 200
    assert "Fourth County Council" in response.content.decode()
    for path in ("/contact/", "/case-studies/", "/have-your-say/", "/easy-read-pages/"):
        assert client.get(path, HTTP_HOST="fourth.example").status_code == 200, path
    assert client.get("/ur/", HTTP_HOST="fourth.example").status_code == 200
    assert client.get("/pl/", HTTP_HOST="fourth.example").status_code == 404
    with pytest.raises(CommandError, match="already served"):
        call_command("create_council", "Again", "fourth.example")


def test_a_new_council_gets_its_own_staff_groups(home):
    from consultations.models import CouncilStaffGroup

    call_command("create_council", "Rutland County Council", "rutland.example", stdout=StringIO())
    site = Site.objects.get(hostname="rutland.example")
    groups = CouncilStaffGroup.objects.filter(site=site).values_list("group__name", flat=True)
    assert set(groups) == {
        "Rutland County Council editors",
        "Rutland County Council consultation analysts",
        "Rutland County Council equality data",
        "Rutland County Council data entry",
    }
