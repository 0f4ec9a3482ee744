"""Searching the demo's own content in its languages (the search itself is
tested on small pages in tests/search/)."""

import pytest
from wagtail.models import Page

from tests.search.test_search import on_postgres, result_titles

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


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
