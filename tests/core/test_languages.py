import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db

OWN_NAMES = {
    "en": "English",
    "gu": "ગુજરાતી",
    "pa": "ਪੰਜਾਬੀ",
    "bn": "বাংলা",
    "ur": "اردو",
    "zh-hant": "繁體中文",
    "pl": "Polski",
}


def translate_home(code):
    """The home page in ``code``, retitled."""
    locale = Locale.objects.get(language_code=code)
    home = HomePage.objects.get(locale__language_code="en")
    translation = home.get_translation_or_none(locale) or home.copy_for_translation(locale)
    translation.title = f"Home in {code}"
    translation.save_revision().publish()
    return translation


@pytest.fixture
def home_in_every_language(home):
    """The home page translated into each of the site's other languages."""
    for code in OWN_NAMES:
        if code != "en":
            translate_home(code)
    return home


@pytest.fixture
def case_study(home):
    """A case study in English only."""
    index = CaseStudyIndexPageFactory(parent=home, slug="case-studies")
    return CaseStudyPageFactory(
        parent=index, title="Oakham Youth Café", slug="oakham-youth-cafe", place="Oakham"
    )


def test_the_switcher_names_every_language_in_its_own_script(client, home_in_every_language):
    html = client.get("/").content.decode()
    switcher = html.split('class="govuk-language-navigation', 1)[1].split("</nav>", 1)[0]
    for code, name in OWN_NAMES.items():
        assert f'lang="{code}"' in switcher
        assert name in switcher
    assert "<img" not in switcher  # never flags


@pytest.mark.parametrize("code", ["pl", "ur", "zh-hant", "bn", "pa"])
def test_html_lang_and_direction_follow_the_language(client, home, code):
    translate_home(code)
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if code == "ur" else "ltr"
    assert f'<html lang="{code}" dir="{direction}"' in html
    assert ("site.rtl.css" in html) == (code == "ur")


def test_english_is_served_at_the_root(client, home):
    html = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr"' in html


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def test_hreflang_lists_only_languages_the_page_exists_in(
    client, home_in_every_language, case_study
):
    home_links = alternates(client.get("/").content.decode())
    assert set(home_links) == set(OWN_NAMES) | {"x-default"}
    assert home_links["pl"].endswith("/pl/")
    assert home_links["x-default"] == home_links["en"]
    case_links = alternates(client.get(case_study.url).content.decode())
    assert set(case_links) == {"en", "x-default"}


def test_an_untranslated_page_is_shown_in_english_with_a_notice(client, home, case_study):
    translate_home("pl")
    response = client.get("/pl" + case_study.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Oakham Youth Café" in html
    assert 'id="translation-notice-title"' in html
    # The English content is marked as English inside the Polish page.
    assert '<main class="govuk-main-wrapper" id="main-content" lang="en" dir="ltr">' in html
    assert "01572 722577" in html.split('id="translation-notice-title"', 1)[1]
    # and the switcher says which languages the page exists in: the five other
    # languages are marked "English only"; English and the current Polish are not.
    assert html.count("app-language-navigation__note") == len(settings.LANGUAGES) - 2


def test_a_translated_page_has_no_notice(client, home):
    translate_home("pl")
    html = client.get("/pl/").content.decode()
    assert "Home in pl" in html
    assert 'id="translation-notice-title"' not in html


def test_a_page_missing_in_english_too_is_not_found(client, home):
    translate_home("pl")
    assert client.get("/pl/no-such-page/").status_code == 404
