"""Site search, on pages each test makes: the database backend indexes a page
when it is saved (Wagtail's signal handlers), as the demo loader relied on."""

import datetime
import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from case_studies.models import CaseStudyPage
from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from core.factories import StandardPageFactory
from home.models import HomePage
from search.models import SearchTermDay
from strategy.factories import StrategyPageFactory
from tests.signing_in import force_login_verified

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's search features"
)


def result_titles(response):
    return result_titles_of(response.content.decode())


def result_titles_of(html):
    return re.findall(
        r'<h3 class="govuk-heading-m[^"]*">\s*<a class="govuk-link" href="[^"]*">([^<]+)</a>', html
    )


def translation(page, language_code, **fields):
    """The page in another language (its parents translated first), with
    ``fields`` changed, published."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True)
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def translated_home(language_code):
    return translation(HomePage.objects.get(locale__language_code="en"), language_code)


@pytest.fixture
def case_studies(home):
    return CaseStudyIndexPageFactory(parent=home, slug="case-studies")


def make_youth_cafe(case_studies):
    """A case study about a youth café (with the accent, as people write it)."""
    return CaseStudyPageFactory(
        parent=case_studies,
        title="Oakham Youth Café",
        slug="oakham-youth-cafe",
        place="Oakham",
        district="Rutland",
        listing_summary="Young people run a Friday night café for youth in the town.",
        background="<p>The youth club hall stood empty on Fridays.</p>",
    )


@pytest.fixture
def youth_cafe(case_studies):
    return make_youth_cafe(case_studies)


@pytest.fixture
def consultation(home):
    """An open consultation in English."""
    index = ConsultationIndexPageFactory(parent=home, slug="have-your-say")
    return ConsultationPageFactory(
        parent=index, title="Village bus routes", slug="village-bus-routes"
    )


def test_youth_cafe_finds_the_youth_cafe_first(client, home, case_studies):
    # Pages about youth clubs and about another café come first in the page
    # tree; the café for young people is typed without its accent.
    StandardPageFactory(
        parent=home,
        title="Holiday activities",
        introduction="Youth clubs, sports and crafts for young people in the holidays.",
    )
    CaseStudyPageFactory(
        parent=case_studies,
        title="Uppingham Memory Café",
        place="Uppingham",
        listing_summary="A monthly café for people living with dementia and their carers.",
    )
    make_youth_cafe(case_studies)
    response = client.get("/search/", {"q": "youth cafe"})
    titles = result_titles(response)
    assert titles and titles[0] == "Oakham Youth Café"


@pytest.mark.xfail(
    connection.vendor == "postgresql",
    strict=True,
    reason="Product bug: on PostgreSQL accents are ignored only when nothing matches as "
    "typed (search.views.run_search), so 'cafe' misses pages that spell it 'café' as soon "
    "as one page spells it 'cafe'.",
)
def test_words_typed_without_accents_find_pages_spelt_with_them(client, home, youth_cafe):
    StandardPageFactory(
        parent=home,
        title="Holiday activities",
        introduction="Youth clubs, sports and a youth cafe in the holidays.",
    )
    titles = result_titles(client.get("/search/", {"q": "youth cafe"}))
    assert {"Oakham Youth Café", "Holiday activities"} <= set(titles)


def test_results_say_what_kind_of_page_they_are_and_highlight_the_words(client, home, youth_cafe):
    html = client.get("/search/", {"q": "youth"}).content.decode()
    assert "Case study, Oakham" in html
    assert "<mark>" in html and "outh</mark>" in html


def test_result_count_and_type_filter(client, home, case_studies):
    for place in ["Oakham", "Uppingham"]:
        CaseStudyPageFactory(
            parent=case_studies,
            title=f"{place} community garden",
            place=place,
            listing_summary="Neighbours grow food together as a community.",
        )
    StandardPageFactory(
        parent=home, title="Community grants", introduction="Money for community groups."
    )
    everything = client.get("/search/", {"q": "community"})
    only_case_studies = client.get("/search/", {"q": "community", "type": "case-study"})
    case_titles = result_titles(only_case_studies)
    assert case_titles
    assert set(case_titles) <= set(CaseStudyPage.objects.values_list("title", flat=True))
    assert (
        len(case_titles) < len(result_titles(everything))
        or "Accessibility statement" not in case_titles
    )
    count = re.search(r"(\d+) results?", only_case_studies.content.decode()).group(1)
    assert int(count) == len(case_titles)


def test_drafts_and_private_pages_are_never_found(client, home):
    draft = StandardPageFactory(
        parent=home, title="Zanzibarquux plans", introduction="zanzibarquux"
    )
    draft.unpublish()
    private = StandardPageFactory(parent=home, title="Quuxwobble notes", introduction="quuxwobble")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for word in ["zanzibarquux", "quuxwobble"]:
        response = client.get("/search/", {"q": word})
        assert result_titles(response) == []
        assert "There are no matching results." in response.content.decode()


def test_promoted_pages_come_first(client, home, youth_cafe):
    cookies = Page.objects.get(slug="cookies")
    query = Query.get("youth cafe")
    SearchPromotion.objects.create(query=query, page=cookies, sort_order=0, description="")
    response = client.get("/search/", {"q": "Youth  Cafe"})
    titles = result_titles(response)
    assert titles[0] == "Cookies"
    assert "Recommended" in response.content.decode()
    assert titles.count("Cookies") == 1
    # The page the words found is still there, after the recommended one.
    assert "Oakham Youth Café" in titles[1:]


def test_many_results_are_paged_and_a_page_past_the_end_shows_the_last(client, home):
    for number in range(13):
        StandardPageFactory(parent=home, title=f"Plumtree notice {number}", introduction="plumtree")
    first = client.get("/search/", {"q": "plumtree"})
    assert len(result_titles(first)) == 10
    assert "13 results" in first.content.decode()
    past_end = client.get("/search/", {"q": "plumtree", "page": 40})
    assert len(result_titles(past_end)) == 3
    assert "Page 2 of 2" in past_end.content.decode()


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, "Search this site"),
        ({"q": ""}, "Search this site"),
        ({"q": "   "}, "Search this site"),
        ({"q": "<script>alert('x')</script>"}, "&lt;script&gt;"),
        ({"q": "' OR 1=1; DROP TABLE wagtailcore_page; --"}, "results"),
        ({"q": "x" * 500}, "x" * 200),
        ({"q": "café", "page": "-1"}, "result"),
        ({"q": "café", "type": "nonsense"}, "result"),
        ({"q": "%%%___***"}, "result"),
    ],
)
def test_bad_input_never_breaks_the_page(client, home, youth_cafe, params, expected):
    # "café" finds the youth café: a bad page number or type still shows results.
    response = client.get("/search/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert "<script>alert" not in html
    assert "x" * 201 not in html


def test_each_language_finds_its_own_pages_only(client, home):
    polish_home = translated_home("pl")
    polish_home.introduction = "Wspólnoty lokalne i ścieżki rowerowe w gminie"
    polish_home.save_revision().publish()
    polish = client.get("/pl/search/", {"q": "rowerowe"})
    assert polish_home.title in result_titles(polish)
    english = client.get("/search/", {"q": "rowerowe"})
    assert result_titles(english) == []


def test_chinese_finds_a_word_inside_a_sentence(client, home):
    chinese_home = translated_home("zh-hant")
    chinese_home.title = "與社區合作"
    chinese_home.introduction = "我們在學校附近興建單車徑，讓孩子安全上學。"
    chinese_home.save_revision().publish()
    response = client.get("/zh-hant/search/", {"q": "學校"})
    assert "與社區合作" in result_titles(response)
    assert result_titles(client.get("/zh-hant/search/", {"q": "醫院"})) == []


@on_postgres
def test_polish_typed_without_diacritics_is_found(client, home):
    polish_home = translated_home("pl")
    polish_home.introduction = "Budujemy bezpieczne ścieżki rowerowe przy szkołach."
    polish_home.save_revision().publish()
    response = client.get("/pl/search/", {"q": "sciezki"})
    assert polish_home.title in result_titles(response)


@on_postgres
def test_english_words_are_stemmed(client, home):
    StandardPageFactory(
        parent=home, title="Gardening club", introduction="We grow vegetables together"
    )
    response = client.get("/search/", {"q": "vegetable gardens"})
    assert "Gardening club" in result_titles(response)


def test_searches_are_counted_without_personal_details(client, home):
    client.get("/search/", {"q": "Library opening"})
    client.get("/search/", {"q": "library opening"})
    client.get("/search/", {"q": "qwertyzzz"})
    client.get("/search/", {"q": "jo.bloggs@example.org"})
    client.get("/search/", {"q": "LE15 6HP"})
    today = timezone.localdate()
    library = SearchTermDay.objects.get(term="library opening", day=today)
    assert library.searches == 2
    assert SearchTermDay.objects.get(term="qwertyzzz").searches_without_results == 1
    assert not SearchTermDay.objects.filter(term__contains="@").exists()
    assert not SearchTermDay.objects.filter(term__icontains="6hp").exists()


def test_staff_see_the_search_terms_report(client, home, admin_user):
    client.get("/search/", {"q": "qwertyzzz"})
    force_login_verified(client, admin_user)
    html = client.get("/admin/reports/search-terms/").content.decode()
    assert "Found nothing" in html and "qwertyzzz" in html


def test_editors_without_promotion_rights_do_not_see_the_report(client, home):
    editor = get_user_model().objects.create_user(username="editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    # An editor can use the admin, so a refusal below is about the report.
    assert client.get("/admin/").status_code == 200
    response = client.get("/admin/reports/search-terms/")
    assert response.status_code in (302, 403)


def test_consultations_say_whether_they_are_open_in_results(client, home, consultation):
    from consultations.models import ConsultationPage

    open_one = next(page for page in ConsultationPage.objects.live() if page.is_open)
    html = client.get("/search/", {"q": open_one.title, "type": "consultation"}).content.decode()
    assert "Consultation, open until" in html
    assert open_one.title in result_titles(client.get("/search/", {"q": open_one.title}))


@on_postgres
def test_polish_strategy_is_found_typed_without_diacritics(client, home):
    """A Polish strategy page, searched for on the Polish site without Polish
    letters: "spolecznosci" for "społeczności" (SQLite cannot match ł to l;
    PostgreSQL's unaccent can)."""
    strategy = StrategyPageFactory(parent=home, title="Stronger Together", is_current=True)
    polish = translation(
        strategy,
        "pl",
        title="Nasze podejście do współpracy ze społecznościami",
        introduction="Jak rada hrabstwa wspiera lokalne grupy.",
    )
    response = client.get("/pl/search/", {"q": "podejscie do spolecznosci"})
    assert polish.title in result_titles(response)


# Each language's word for "library", in a sentence on that language's home page.
LIBRARY_SENTENCES = {
    "pl": ("Strona główna", "biblioteka", "Nowa biblioteka jest otwarta w soboty."),
    "ur": ("ہوم پیج", "لائبریری", "نئی لائبریری ہفتے کو کھلی رہتی ہے۔"),
    "zh-hant": ("首頁", "圖書館", "新的圖書館星期六開放。"),
    "gu": ("મુખ્ય પાનું", "પુસ્તકાલય", "નવું પુસ્તકાલય શનિવારે ખુલ્લું રહે છે."),
}


@pytest.mark.parametrize("code", LIBRARY_SENTENCES)
def test_each_language_finds_its_own_pages_and_no_others(client, home, code):
    title, query, sentence = LIBRARY_SENTENCES[code]
    translation(home, code, title=title, introduction=sentence)
    # The same word on a page in another language is not found.
    translation(home, "bn", title="অন্য ভাষার পাতা", introduction=f"{query} {sentence}")
    own = result_titles(client.get(f"/{code}/search/", {"q": query}))
    assert own, f"nothing found for {query} in {code}"
    titles = set(Page.objects.filter(locale__language_code=code).values_list("title", flat=True))
    assert set(own) <= titles
    assert result_titles(client.get("/search/", {"q": query})) == []


def test_no_results_offers_the_strategy_and_the_phone_number(client, home):
    strategy = StrategyPageFactory(parent=home, title="Stronger Together", is_current=True)
    html = client.get("/search/", {"q": "qwertyzzz"}).content.decode()
    assert "There are no matching results." in html
    assert "Browse our strategy" in html
    assert f'href="{strategy.url}">Stronger Together</a>' in html
    assert "01572 722577" in html.split("There are no matching results.", 1)[1]


def test_consultation_documents_are_found_by_their_titles(
    client, home, consultation, settings, tmp_path
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from consultations.models import ConsultationPage

    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(title="Quarrendon bus timetable proposals")
    document.file.save("timetable.txt", ContentFile(b"Times"), save=False)
    document.save()
    page = ConsultationPage.objects.filter(locale__language_code="en").first()
    page.documents = [("document", {"document": document, "title": "", "description": ""})]
    page.save_revision().publish()
    response = client.get("/search/", {"q": "Quarrendon timetable", "type": "consultation"})
    assert page.title in result_titles(response)


def test_survey_answers_are_never_found(client, home, consultation):
    from consultations.models import Answer, ConsultationPage, Response

    page = ConsultationPage.objects.filter(locale__language_code="en").first()
    response = Response.objects.create(
        consultation_key=page.translation_key, page=page, language="en", version="standard"
    )
    Answer.objects.create(
        response=response, question_key="ideas", question_type="long_text", text="zorblaxian"
    )
    assert result_titles(client.get("/search/", {"q": "zorblaxian"})) == []


def test_a_search_asked_again_follows_what_was_published_and_picked(client, home, case_studies):
    """Results are kept between searches (search/views.py): a page published,
    a page unpublished and staff's pick all show on the very next search."""
    first = make_youth_cafe(case_studies)
    assert result_titles(client.get("/search/", {"q": "youth"})) == ["Oakham Youth Café"]
    second = CaseStudyPageFactory(
        parent=case_studies, title="Uppingham youth garden", slug="uppingham-youth-garden"
    )
    assert set(result_titles(client.get("/search/", {"q": "youth"}))) == {
        "Oakham Youth Café",
        "Uppingham youth garden",
    }
    first.unpublish()
    assert result_titles(client.get("/search/", {"q": "youth"})) == ["Uppingham youth garden"]
    cookies = Page.objects.get(slug="cookies")
    SearchPromotion.objects.create(
        query=Query.get("youth"), page=cookies, sort_order=0, description=""
    )
    assert result_titles(client.get("/search/", {"q": "youth"}))[0] == "Cookies"
    assert second.live


def test_a_kept_result_follows_a_retitled_page_and_the_clock(client, home, case_studies):
    """What a result shows of a page is kept too (search/views.py): a page
    retitled shows its new title on the next search, and a consultation's
    label moves from open to closed when it closes, with nothing published."""
    cafe = make_youth_cafe(case_studies)
    assert result_titles(client.get("/search/", {"q": "youth"})) == ["Oakham Youth Café"]
    cafe.title = "Oakham Youth Café and Games Room"
    cafe.listing_summary = "Young people run a Friday night café with board games."
    cafe.save_revision().publish()
    html = client.get("/search/", {"q": "youth"}).content.decode()
    assert result_titles_of(html) == ["Oakham Youth Café and Games Room"]
    assert "board games" in html

    now = timezone.now()
    index = ConsultationIndexPageFactory(parent=home, slug="have-your-say")
    ConsultationPageFactory(
        parent=index,
        title="Youth bus passes",
        slug="youth-bus-passes",
        opens_at=now - datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=2),
    )
    asked = {"q": "bus passes", "type": "consultation"}
    assert "Consultation, open until" in client.get("/search/", asked).content.decode()
    with CaptureQueriesContext(connection) as queries:
        assert "Consultation, open until" in client.get("/search/", asked).content.decode()
    assert not [q for q in queries if "consultations_consultationpage" in q["sql"]]
    later = now + datetime.timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        html = client.get("/search/", asked).content.decode()
    assert "Consultation, closed" in html and "open until" not in html


def test_a_search_asked_again_costs_two_writes_and_counts_every_time(client, home, case_studies):
    """The statistics are two counters moved on in place; the results come
    from what was kept, however many are shown."""
    for number in range(12):
        CaseStudyPageFactory(parent=case_studies, title=f"Garden {number}", place="Oakham")
    assert len(result_titles(client.get("/search/", {"q": "garden"}))) == 10
    with CaptureQueriesContext(connection) as queries:
        assert len(result_titles(client.get("/search/", {"q": "garden"}))) == 10
    assert [q["sql"].split()[0] for q in queries] == ["UPDATE", "UPDATE"]
    client.get("/search/", {"q": "Garden", "page": "2"})  # a later page is not a search
    assert SearchTermDay.objects.get(term="garden").searches == 2
    daily = Query.get("garden").daily_hits.get()
    assert daily.hits == 2


def test_two_first_searches_of_the_day_at_once_are_both_counted(home):
    """The day's row for a term is made by the first search; a second search
    that also found no row, and then could not make it because the first just
    did, counts itself on the row the first made."""
    today = timezone.localdate()
    SearchTermDay.record("allotments", "en", today, found_something=True)
    real_update = type(SearchTermDay.objects.all()).update
    calls = []

    def first_update_sees_no_row(queryset, **changes):
        calls.append(changes)
        return 0 if len(calls) == 1 else real_update(queryset, **changes)

    with mock.patch.object(type(SearchTermDay.objects.all()), "update", first_update_sees_no_row):
        SearchTermDay.record("allotments", "en", today, found_something=False)
    row = SearchTermDay.objects.get(term="allotments")
    assert (row.searches, row.searches_without_results) == (2, 1)
    assert len(calls) == 2
