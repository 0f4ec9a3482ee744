"""The demo in the resident's language: the chrome never drops a resident into
English, the whole 2014 strategy and the case studies are in Polish and Urdu,
the delivery plans and the events in every language, tables and the council's
opening hours are translated, every text of a translated page has its
translation, and the other languages show the fallback notice where a page is
not translated."""

import re

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from case_studies.models import CaseStudyPage
from core.models import CouncilTexts
from delivery.models import DeliveryPlanPage, Measure
from demo.translate import missing_translations
from events.models import EventIndexPage
from strategy.models import StrategyPage
from tests.chrome import NOT_TRANSLATED, assert_stays_in_language, crawl_chrome

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

ALL = ["gu", "pa", "bn", "ur", "zh-hant", "pl"]


def english_only(code):
    with translation.override(code):
        return translation.gettext("English only")


@pytest.mark.parametrize("code", ["ur", "pl", "zh-hant"])
def test_following_the_chrome_never_drops_a_resident_into_english(client, demo, code):
    crawl = crawl_chrome(client, f"/{code}/")
    assert_stays_in_language(crawl, code, english_only(code))
    for path in [
        *["", "easy-read-pages/", "contact/", "have-your-say/"],
        *["action-plan-2015/", "delivery-plan-2022-26/", "events/"],
    ]:
        assert crawl.visited[f"/{code}/{path}"] is False, path
    # The case studies are translated into Polish and Urdu only; the footer's
    # statements are English only (and say so).
    assert crawl.visited[f"/{code}/case-studies/"] is (code == "zh-hant")
    assert crawl.visited[f"/{code}/privacy/"] is True


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_the_whole_2014_strategy_and_the_case_studies_are_translated(client, demo, code):
    strategy = StrategyPage.objects.get(
        slug="communities-strategy-2014", locale__language_code="en"
    )
    locale = Locale.objects.get(language_code=code)
    english = [
        *strategy.get_children().live(),
        *CaseStudyPage.objects.live().descendant_of(demo),
    ]
    assert len(english) >= 20  # foreword, 3 sections, the model, 3 + 8 parts, 5 case studies
    for page in english:
        translated = page.get_translation_or_none(locale)
        assert translated is not None and translated.live, page.url_path
        html = client.get(translated.get_url_parts()[2]).content.decode()
        assert NOT_TRANSLATED not in html, translated.get_url_parts()[2]
        assert 'id="main-content" lang="en"' not in html, translated.get_url_parts()[2]


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("code", ALL)
def test_the_delivery_plans_and_the_events_are_translated(client, demo, code):
    locale = Locale.objects.get(language_code=code)
    tops = [
        *DeliveryPlanPage.objects.live().child_of(demo),
        *EventIndexPage.objects.live().child_of(demo),
    ]
    english = [page for top in tops for page in [top, *top.get_descendants().live()]]
    # 2 plans, 3 workstreams, 18 actions, the progress report, Shire Grants, the
    # events page and its 9 events.
    assert len(english) == 35
    urls = []
    for page in english:
        translated = page.get_translation_or_none(locale)
        assert translated is not None and translated.live, page.url_path
        urls.append(translated.get_url_parts()[2])
    urls.append(f"/{code}/action-plan-2015/easy-read/")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert NOT_TRANSLATED not in html, url
        assert 'id="main-content" lang="en"' not in html, url


@pytest.mark.parametrize(
    "code, words",
    [
        ("pl", ["Wspierane organizacje wolontariackie i grupy społeczne", "847 grup"]),
        ("ur", ["جن رضاکار اور برادری کے گروپوں کی مدد کی گئی", "847 گروپ"]),
        ("gu", ["સહાય મેળવનાર સ્વૈચ્છિક અને સમુદાય જૂથો", "847 જૂથો"]),
        ("pa", ["ਸਹਾਇਤਾ ਪ੍ਰਾਪਤ ਸਵੈ-ਸੇਵੀ ਅਤੇ ਭਾਈਚਾਰਕ ਗਰੁੱਪ", "847 ਗਰੁੱਪ"]),
        ("bn", ["সহায়তা পাওয়া স্বেচ্ছাসেবী ও কমিউনিটি দল", "847 দল"]),
        ("zh-hant", ["獲支援的志願及社區團體", "847 個團體"]),
    ],
)
def test_an_actions_updates_and_measures_are_in_the_residents_language(client, demo, code, words):
    for path in ["support-for-voluntary-groups/", "progress-november-2014-to-march-2015/"]:
        text = text_of(client.get(f"/{code}/action-plan-2015/{path}").content.decode())
        for english in [
            "Voluntary and community groups supported",
            "847 groups",
            "By the end of February the support contract had helped 847 groups this year.",
        ]:
            assert english not in text, (path, english)
        for word in words:
            assert word in text, (path, word)


def test_every_text_of_a_translated_page_has_its_translation(demo):
    """What ``load_demo_content --missing-translations`` reports: nothing, in
    any language a page or a measure is translated into."""
    english = Locale.get_default()
    objects = []
    for obj in [
        *Page.objects.filter(locale=english, depth__gt=1).specific(),
        *Measure.objects.filter(locale=english),
    ]:
        languages = {item.locale.language_code for item in obj.get_translations()}
        if languages:
            obj.demo_languages = languages
            objects.append(obj)
    assert len(objects) > 60
    missing = {catalogue.language: texts for catalogue, texts in missing_translations(objects)}
    assert set(missing) == set(ALL)
    assert missing == {code: {} for code in ALL}


@pytest.mark.parametrize("code", ["gu", "pa", "bn", "zh-hant"])
def test_other_languages_show_the_2014_foreword_in_english_with_the_notice(client, demo, code):
    html = client.get(f"/{code}/communities-strategy-2014/foreword/").content.decode()
    assert NOT_TRANSLATED in html
    assert "Councillor Pam Posnett" in html


@pytest.mark.parametrize("code", ALL)
def test_the_engagement_timeline_table_is_translated(client, demo, code):
    html = client.get(f"/{code}/communities-approach-2022-26/have-your-say/").content.decode()
    table = html.split('<table class="govuk-table">', 1)[1].split("</table>", 1)[0]
    for english in ["We talk with communities and partners", "What happens", "February 2022"]:
        assert english not in table


@pytest.mark.parametrize("code", ALL)
def test_the_council_opening_hours_are_translated(client, demo, code):
    assert CouncilTexts.objects.filter(locale__language_code=code).exists()
    html = client.get(f"/{code}/").content.decode()
    footer = html.split("<footer", 1)[1]
    assert "Monday to Friday" not in footer
    assert "Leicestershire County Council" not in footer


@pytest.mark.parametrize("code", ALL)
def test_translated_home_pages_carry_the_english_home_pages_sections(client, demo, code):
    english = demo
    sections = english.get_children().live().in_menu()
    html = client.get(f"/{code}/").content.decode()
    for section in sections:
        assert f'href="/{code}{section.get_url_parts()[2]}"' in html, section.get_url_parts()[2]
    # The latest case studies too, translated or marked English only.
    assert f'href="/{code}/case-studies/birstall-youth-cafe/"' in html


@pytest.mark.parametrize("code", ALL)
def test_search_results_say_what_kind_of_page_in_the_residents_language(client, demo, code):
    html = client.get(f"/{code}/search/?q=2014").content.decode()
    captions = {
        " ".join(re.sub(r"<[^>]+>", " ", caption).split())
        for caption in re.findall(r'<p class="govuk-caption-m[^"]*">(.*?)</p>', html, re.S)
    }
    assert len(captions) >= 2
    assert captions.isdisjoint(
        {"Strategy", "Strategy section", "Strategy foreword", "Communities Model", "Priority"}
        | {"Building block", "Home page", "Page", "Consultations", "Case studies"}
    )
