import re

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction

from case_studies.models import CaseStudyPage
from core.factories import StandardPageFactory
from home.models import HomePage
from search.models import SearchTermDay

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's search features"
)


def result_titles(response):
    html = response.content.decode()
    return re.findall(
        r'<h3 class="govuk-heading-m[^"]*">\s*<a class="govuk-link" href="[^"]*">([^<]+)</a>', html
    )


def translated_home(language_code):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    home = HomePage.objects.get(locale__language_code="en")
    translation = home.get_translation_or_none(locale) or home.copy_for_translation(locale)
    translation.save_revision().publish()
    return translation


def test_youth_cafe_finds_birstall_first(client, demo):
    response = client.get("/search/", {"q": "youth cafe"})
    titles = result_titles(response)
    assert titles and titles[0] == "Birstall Youth Café"


def test_results_say_what_kind_of_page_they_are_and_highlight_the_words(client, demo):
    html = client.get("/search/", {"q": "youth"}).content.decode()
    assert "Case study, Birstall" in html
    assert "<mark>" in html and "outh</mark>" in html


def test_result_count_and_type_filter(client, demo):
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


def test_drafts_and_private_pages_are_never_found(client, demo):
    home = HomePage.objects.get(locale__language_code="en")
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


def test_promoted_pages_come_first(client, demo):
    cookies = Page.objects.get(slug="cookies")
    query = Query.get("youth cafe")
    SearchPromotion.objects.create(query=query, page=cookies, sort_order=0, description="")
    response = client.get("/search/", {"q": "Youth  Cafe"})
    titles = result_titles(response)
    assert titles[0] == "Cookies"
    assert "Recommended" in response.content.decode()
    assert titles.count("Cookies") == 1


def test_many_results_are_paged_and_a_page_past_the_end_shows_the_last(client, demo):
    home = HomePage.objects.get(locale__language_code="en")
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
        ({"q": "ab\x00cd"}, "abcd"),
        ({"q": "café", "page": "-1"}, "result"),
        ({"q": "café", "type": "nonsense"}, "result"),
        ({"q": "%%%___***"}, "result"),
    ],
)
def test_bad_input_never_breaks_the_page(client, demo, params, expected):
    response = client.get("/search/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert "<script>alert" not in html
    assert "x" * 201 not in html


def test_each_language_finds_its_own_pages_only(client, demo):
    polish_home = translated_home("pl")
    polish_home.introduction = "Wspólnoty lokalne i ścieżki rowerowe w gminie"
    polish_home.save_revision().publish()
    polish = client.get("/pl/search/", {"q": "rowerowe"})
    assert polish_home.title in result_titles(polish)
    english = client.get("/search/", {"q": "rowerowe"})
    assert result_titles(english) == []


def test_chinese_finds_a_word_inside_a_sentence(client, demo):
    chinese_home = translated_home("zh-hant")
    chinese_home.title = "與社區合作"
    chinese_home.introduction = "我們在學校附近興建單車徑，讓孩子安全上學。"
    chinese_home.save_revision().publish()
    response = client.get("/zh-hant/search/", {"q": "學校"})
    assert "與社區合作" in result_titles(response)
    assert result_titles(client.get("/zh-hant/search/", {"q": "醫院"})) == []


@on_postgres
def test_polish_typed_without_diacritics_is_found(client, demo):
    polish_home = translated_home("pl")
    polish_home.introduction = "Budujemy bezpieczne ścieżki rowerowe przy szkołach."
    polish_home.save_revision().publish()
    response = client.get("/pl/search/", {"q": "sciezki"})
    assert polish_home.title in result_titles(response)


@on_postgres
def test_english_words_are_stemmed(client, demo):
    home = HomePage.objects.get(locale__language_code="en")
    StandardPageFactory(
        parent=home, title="Gardening club", introduction="We grow vegetables together"
    )
    response = client.get("/search/", {"q": "vegetable gardens"})
    assert "Gardening club" in result_titles(response)


def test_searches_are_counted_without_personal_details(client, demo):
    client.get("/search/", {"q": "Library opening"})
    client.get("/search/", {"q": "library opening"})
    client.get("/search/", {"q": "qwertyzzz"})
    client.get("/search/", {"q": "jo.bloggs@example.org"})
    client.get("/search/", {"q": "LE3 8RA"})
    today = timezone.localdate()
    library = SearchTermDay.objects.get(term="library opening", day=today)
    assert library.searches == 2
    assert SearchTermDay.objects.get(term="qwertyzzz").searches_without_results == 1
    assert not SearchTermDay.objects.filter(term__contains="@").exists()
    assert not SearchTermDay.objects.filter(term__icontains="8ra").exists()


def test_staff_see_the_search_terms_report(client, demo, admin_user):
    client.get("/search/", {"q": "qwertyzzz"})
    client.force_login(admin_user)
    html = client.get("/admin/reports/search-terms/").content.decode()
    assert "Found nothing" in html and "qwertyzzz" in html


def test_editors_without_promotion_rights_do_not_see_the_report(client, demo):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="editor")
    client.force_login(editor)
    response = client.get("/admin/reports/search-terms/")
    assert response.status_code in (302, 403)


def test_consultations_say_whether_they_are_open_in_results(client, demo):
    from consultations.models import ConsultationPage

    open_one = next(page for page in ConsultationPage.objects.live() if page.is_open)
    html = client.get("/search/", {"q": open_one.title, "type": "consultation"}).content.decode()
    assert "Consultation, open until" in html
    assert open_one.title in result_titles(client.get("/search/", {"q": open_one.title}))


@on_postgres
def test_polish_strategy_is_found_typed_without_diacritics(client, demo):
    """The demo's own Polish strategy page, searched for on the Polish site
    without Polish letters: "spolecznosci" for "społeczności" (SQLite cannot
    match ł to l; PostgreSQL's unaccent can)."""
    from strategy.models import StrategyPage

    polish = StrategyPage.objects.get(locale__language_code="pl", is_current=True)
    response = client.get("/pl/search/", {"q": "podejscie do spolecznosci"})
    assert polish.title in result_titles(response)


@pytest.mark.parametrize(
    "code, query",
    [("pl", "społecznościami"), ("ur", "برادریوں"), ("zh-hant", "社區"), ("gu", "સમુદાયો")],
)
def test_each_language_finds_its_own_demo_pages_and_no_others(client, demo, code, query):
    own = result_titles(client.get(f"/{code}/search/", {"q": query}))
    assert own, f"nothing found for {query} in {code}"
    titles = set(Page.objects.filter(locale__language_code=code).values_list("title", flat=True))
    assert set(own) <= titles
    assert result_titles(client.get("/search/", {"q": query})) == []


def test_no_results_offers_the_strategy_and_the_phone_number(client, demo):
    html = client.get("/search/", {"q": "qwertyzzz"}).content.decode()
    assert "There are no matching results." in html
    assert "Browse our strategy" in html
    assert "0116 305 6977" in html.split("There are no matching results.", 1)[1]


def test_consultation_documents_are_found_by_their_titles(client, demo):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from consultations.models import ConsultationPage

    document = get_document_model()(title="Quarrendon bus timetable proposals")
    document.file.save("timetable.txt", ContentFile(b"Times"), save=False)
    document.save()
    page = ConsultationPage.objects.filter(locale__language_code="en").first()
    page.documents = [("document", {"document": document, "title": "", "description": ""})]
    page.save_revision().publish()
    response = client.get("/search/", {"q": "Quarrendon timetable", "type": "consultation"})
    assert page.title in result_titles(response)


def test_survey_answers_are_never_found(client, demo):
    from consultations.models import Answer, ConsultationPage, Response

    page = ConsultationPage.objects.filter(locale__language_code="en").first()
    response = Response.objects.create(
        consultation_key=page.translation_key, page=page, language="en", version="standard"
    )
    Answer.objects.create(
        response=response, question_key="ideas", question_type="long_text", text="zorblaxian"
    )
    assert result_titles(client.get("/search/", {"q": "zorblaxian"})) == []
