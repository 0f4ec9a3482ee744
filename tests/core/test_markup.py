"""Markup and metadata the Nu HTML Checker and search engines read: a meta
description on every page, <time datetime> to the second, heading ids that
are never empty in any script, and the mobile menu that starts collapsed (no
layout shift). tests/browser/test_html_checker.py runs the checker itself."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template
from wagtail.models import Locale

from core.blocks import anchor
from core.factories import StandardPageFactory
from core.templatetags.core_tags import govuk_datetime, machine_datetime
from core.templatetags.page_meta import shorten

pytestmark = pytest.mark.django_db

ISO_TO_THE_SECOND = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def description(html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, found
    return found[0]


def test_a_page_describes_itself_with_its_search_description(client, home):
    page = StandardPageFactory(
        parent=home,
        slug="about",
        search_description="How the council works with communities.",
        introduction="Something else.",
    )
    assert description(client.get(page.url).content.decode()) == (
        "How the council works with communities."
    )


def test_else_with_its_introduction_stripped_and_cut_sensibly(client, home):
    introduction = (
        "We <b>work</b> with   towns &amp; villages.  "
        + "Every community is different, and each one knows best what it needs. " * 4
    )
    page = StandardPageFactory(parent=home, slug="about", introduction=introduction)
    text = description(client.get(page.url).content.decode())
    assert text.startswith("We work with towns &amp; villages. Every community")
    assert len(text) <= 160
    # Cut after a whole sentence.
    assert text.endswith("needs.")


def test_every_page_has_a_description(client, home):
    page = StandardPageFactory(parent=home, slug="bare", introduction="")
    # Nothing of its own: the home page's, as for search, which is no page.
    assert description(client.get(page.url).content.decode()) == home.introduction
    assert description(client.get("/search/?q=bus").content.decode()) == home.introduction
    assert description(client.get("/").content.decode()) == home.introduction


def test_a_long_text_without_sentences_is_cut_between_words_or_characters():
    words = "word " * 60
    cut = shorten(words.strip())
    assert len(cut) <= 160 and cut.endswith("word…")
    chinese = "我們與社區合作" * 40
    cut = shorten(chinese)
    assert len(cut) <= 160 and cut.endswith("…")


def test_time_datetime_is_to_the_second_in_the_councils_time_zone(client, home):
    moment = datetime.datetime(2026, 7, 1, 11, 59, 30, 534607, tzinfo=datetime.UTC)
    assert machine_datetime(moment) == "2026-07-01T12:59:30+01:00"
    assert 'datetime="2026-07-01T12:59:30+01:00"' in govuk_datetime(moment)
    assert machine_datetime(datetime.date(2026, 7, 1)) == "2026-07-01"
    naive = datetime.datetime(2026, 1, 1, 9, 0, 0, 5, tzinfo=ZoneInfo("Europe/London"))
    assert ISO_TO_THE_SECOND.match(machine_datetime(naive))

    page = StandardPageFactory(parent=home, slug="dated")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    stamps = re.findall(r'<time datetime="([^"]+)"', html)
    assert stamps, "the last-updated date"
    assert all(ISO_TO_THE_SECOND.match(stamp) for stamp in stamps), stamps


HEADINGS = {
    "en": "What we are proposing",
    "gu": "અમે શું પ્રસ્તાવિત કરી રહ્યા છીએ",
    "pa": "ਅਸੀਂ ਕੀ ਪ੍ਰਸਤਾਵ ਦੇ ਰਹੇ ਹਾਂ",
    "bn": "আমরা কী প্রস্তাব করছি",
    "ur": "ہم کیا تجویز کر رہے ہیں",
    "zh-hant": "我們的建議",
    "pl": "Co proponujemy?",
}


def test_heading_ids_are_never_empty_in_any_script():
    ids = {code: anchor(text) for code, text in HEADINGS.items()}
    assert ids["en"] == "what-we-are-proposing"
    assert ids["pl"] == "co-proponujemy"
    for code, value in ids.items():
        assert value and not re.search(r"\s", value), code
    assert len(set(ids.values())) == len(ids)
    # The vowel signs of Indic scripts are kept: the id reads as the heading.
    assert ids["gu"] == "અમે-શું-પ્રસ્તાવિત-કરી-રહ્યા-છીએ"
    assert anchor("!!!").startswith("section-")
    assert anchor("") == anchor(None) != ""


def test_a_heading_in_urdu_has_an_id_on_the_page(client, home):
    translation = home.copy_for_translation(Locale.objects.get(language_code="ur"))
    translation.save_revision().publish()
    page = StandardPageFactory(
        parent=translation,
        slug="about",
        body=[
            ("heading", {"text": HEADINGS["ur"], "size": "h2"}),
            ("accordion", {"sections": [{"heading": "سوالات", "content": "<p>جواب</p>"}]}),
        ],
    )
    html = client.get("/ur/about/").content.decode()
    assert page.locale.language_code == "ur"
    assert 'id=""' not in html
    assert f'id="{anchor(HEADINGS["ur"])}"' in html
    assert 'id="accordion-سوالات"' in html


def test_the_mobile_menu_starts_collapsed_where_javascript_will_run(client, home):
    """GOV.UK Frontend's menu shows the whole list until its script runs: the
    class that says the script will run is set before the header is drawn,
    and the stylesheet hides the list on a phone until the menu has started."""
    html = client.get("/").content.decode()
    body = html.split("<body", 1)[1]
    assert body.index('src="/static/js/body-class.js"') < body.index("govuk-service-navigation")
    for stylesheet in ("site.css", "site.rtl.css"):
        css = (settings.BASE_DIR / "static" / "css" / stylesheet).read_text()
        rule = (
            ".govuk-frontend-supported .govuk-service-navigation:not("
            "[data-govuk-service-navigation-init]) .govuk-service-navigation__list{display:none}"
        )
        assert rule in css, stylesheet


def test_the_head_of_every_page_links_absolute_addresses(client, home):
    html = client.get("/").content.decode()
    head = html.split("</head>", 1)[0]
    for href in re.findall(r'<link rel="(?:canonical|alternate)"[^>]* href="([^"]+)"', head):
        assert href.startswith("http://testserver/"), href
    assert '<link rel="canonical" href="http://testserver/">' in head
    rendered = Template("{% load page_meta %}{% absolute_page_url page %}").render(
        Context({"page": home, "request": None})
    )
    assert rendered.endswith("/")
