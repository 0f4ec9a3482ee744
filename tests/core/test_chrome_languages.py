"""A resident never falls out of their language: the site's own links and
labels (header, menu, breadcrumbs, footer, the home page's sections) go to the
page in the resident's language where there is one, and otherwise to the
English page under the language's prefix, saying so (hreflang="en" and a
visible "English only" in their language)."""

import re

import pytest
from django.utils import translation
from wagtail.models import Locale

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from core.factories import StandardPageFactory
from core.models import CouncilSettings, CouncilTexts
from strategy.factories import PriorityPageFactory, StrategyPageFactory
from tests.chrome import assert_stays_in_language, chrome_links, crawl_chrome

pytestmark = pytest.mark.django_db

LANGUAGES = ["ur", "pl", "zh-hant"]


def english_only(code):
    with translation.override(code):
        return translation.gettext("English only")


def translate(page, code, title=None):
    """A published translation of ``page`` (its parents too), retitled."""
    locale = Locale.objects.get(language_code=code)
    existing = page.get_translation_or_none(locale)
    copy = existing or page.copy_for_translation(locale, copy_parents=True)
    copy = copy.specific
    copy.title = title or f"{page.title} ({code})"
    copy.save_revision().publish()
    return copy


@pytest.fixture
def site(home):
    """A small site: the strategy and a priority translated into Urdu, Polish
    and Chinese; the case studies (in the menu) and the privacy notice in
    Polish only; the contact page (in the menu) and the other footer pages in
    English only."""
    strategy = StrategyPageFactory(
        parent=home, slug="strategy", title="Stronger Together", show_in_menus=True
    )
    priority = PriorityPageFactory(parent=strategy, slug="first", title="Older people")
    index = CaseStudyIndexPageFactory(parent=home, slug="case-studies", show_in_menus=True)
    study = CaseStudyPageFactory(parent=index, slug="oakham", title="Oakham Youth Café")
    for code in LANGUAGES:
        translate(home, code)
        translate(strategy, code)
        translate(priority, code)
    translate(index, "pl", title="Studia przypadków")
    privacy = home.get_children().get(slug="privacy")
    translate(privacy, "pl", title="Informacja o prywatności")
    return {"home": home, "strategy": strategy, "priority": priority, "study": study}


def menu(html):
    part = html.split('class="govuk-service-navigation"', 1)[1].split("</ul>", 1)[0]
    return chrome_links(f"<section class='govuk-service-navigation'>{part}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_crawl_of_the_chrome_never_leaves_the_language(client, site, code):
    crawl = crawl_chrome(client, f"/{code}/")
    assert_stays_in_language(crawl, code, english_only(code))
    # It went everywhere the chrome leads, translated or not.
    assert f"/{code}/strategy/" in crawl.visited
    assert crawl.visited[f"/{code}/contact/"] is True  # English, with the notice
    assert crawl.visited[f"/{code}/case-studies/"] is (code != "pl")
    assert crawl.visited[f"/{code}/privacy/"] is (code != "pl")


def test_the_menu_links_to_translations_and_marks_the_rest(client, site):
    html = client.get("/ur/").content.decode()
    links = {link.href: link for link in menu(html)}
    strategy = links["/ur/strategy/"]
    assert strategy.text == "Stronger Together (ur)"
    assert not strategy.marked and strategy.hreflang == ""
    # Not translated: the English page under /ur/, labelled from the catalogue.
    case_studies = links["/ur/case-studies/"]
    assert case_studies.hreflang == "en" and case_studies.marked
    with translation.override("ur"):
        assert case_studies.text.startswith(translation.gettext("Case studies"))
        contact = links["/ur/contact/"]
        assert contact.text.startswith(translation.gettext("Contact us and ask for another format"))
    assert "/case-studies/" not in links and "/contact/" not in links


def test_an_untranslated_pages_breadcrumbs_lead_back_into_the_language(client, site):
    html = client.get("/ur/case-studies/oakham/").content.decode()
    assert 'id="translation-notice-title"' in html
    crumbs = html.split('class="govuk-breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    hrefs = re.findall(r'href="([^"]+)"', crumbs)
    assert hrefs == ["/ur/", "/ur/case-studies/"]
    assert 'hreflang="en"' in crumbs.split('href="/ur/case-studies/"', 1)[1]
    # The English page's own links stay under /ur/ too (its Easy Read, forms);
    # only the language switcher offers the English address.
    without_switcher = re.sub(
        r'<nav class="govuk-language-navigation.*?</nav>', "", html, flags=re.S
    )
    assert 'href="/case-studies/' not in without_switcher


def test_translated_home_pages_carry_the_english_home_pages_sections(client, site):
    english = client.get("/").content.decode()
    polish = client.get("/pl/").content.decode()

    def section_links(html):
        part = html.split('class="govuk-heading-l">', 1)[1]
        return re.findall(r'<a class="govuk-link" href="([^"]+)"', part)

    english_links = section_links(english)
    polish_links = section_links(polish)
    assert len(polish_links) == len(english_links)
    assert "/case-studies/" in english_links and "/contact/" in english_links
    assert "/pl/case-studies/" in polish_links and "/pl/contact/" in polish_links
    # The latest case study, in English only, is still there and says so.
    assert "/pl/case-studies/oakham/" in polish_links
    card = polish.split('href="/pl/case-studies/oakham/"', 1)[1].split("</li>", 1)[0]
    assert english_only("pl") in card


def test_the_footer_links_to_translations_and_marks_the_rest(client, site):
    html = client.get("/pl/").content.decode()
    footer = html.split("<footer", 1)[1]
    links = {link.href: link for link in chrome_links("<footer" + footer)}
    assert not links["/pl/privacy/"].marked
    assert links["/pl/cookies/"].marked and links["/pl/cookies/"].hreflang == "en"
    assert links["/pl/contact/"].marked


def test_the_council_words_are_shown_in_the_residents_language(client, site):
    council = CouncilSettings.objects.get()
    english = council.texts
    polish = english.copy_for_translation(Locale.objects.get(language_code="pl"))
    polish.council_name = "Rada Hrabstwa Rutland"
    polish.opening_hours = "od poniedziałku do piątku, 9:00–17:00"
    polish.save()
    html = client.get("/pl/").content.decode()
    assert "od poniedziałku do piątku, 9:00–17:00" in html
    assert "Rada Hrabstwa Rutland" in html
    assert "Monday to Friday" not in html
    # Urdu has none yet: the English, marked as English.
    html = client.get("/ur/").content.decode()
    assert '<span lang="en" dir="ltr">Monday to Friday, 9am to 5pm</span>' in html


def test_council_texts_are_made_for_a_new_site_and_read_in_english(home):
    council = CouncilSettings.objects.get()
    assert isinstance(council.texts, CouncilTexts)
    assert council.texts.locale.language_code == "en"
    assert council.council_name == "Rutland County Council"
    assert str(council) == "Rutland County Council"


def test_search_results_say_what_kind_of_page_in_the_residents_language(client, site):
    standard = StandardPageFactory(parent=site["home"], title="Gardening grants")
    translate(standard, "pl", title="Dotacje ogrodnicze")
    html = client.get("/pl/search/?q=Dotacje").content.decode()
    caption = html.split('class="govuk-caption-m', 1)[1].split("</p>", 1)[0]
    with translation.override("pl"):
        assert translation.gettext("Page") in caption
        assert translation.gettext("Page") != "Page"
