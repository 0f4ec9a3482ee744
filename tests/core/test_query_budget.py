"""What a public page costs in SQL queries once warm (issue #20).

Every public page type has a budget of queries for a second visit, with
Django's cache as the tests configure it (each app server's own memory; Redis
in production holds the same): the page's own content, never the chrome
around it, which core/chrome_cache.py keeps. No budget is over 12. A listing
costs the same with 5 items as with 50: nothing is asked once per item.

The pages are built from the factories (tests/core/public_pages.py);
``pytest -s tests/core/measure_public_pages.py`` prints the figures."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.core.public_pages import (
    LISTINGS,
    add_listing_items,
    build_public_pages,
    public_paths,
)

MOST_QUERIES_FOR_ANY_PAGE = 12

# Warm queries each page type may make: the most measured on SQLite or
# PostgreSQL (the same on both, 2026-12-04). Lower a figure when a page gets
# cheaper; never raise one past 12.
BUDGET = {
    "home": 1,
    "home in Polish": 3,
    "strategy": 2,
    "strategy part": 0,
    "foreword": 0,
    "communities model": 0,
    "priority": 0,
    "building block": 0,
    "case study index": 0,
    "case study index, filtered": 0,
    "case study": 0,
    "consultation finder": 0,
    "consultation": 0,
    "survey start": 1,
    "survey step": 1,
    "Easy Read consultation": 2,
    "Easy Read strategy": 4,
    "Easy Read priority": 2,
    "Easy Read index": 0,
    "delivery plan": 0,
    "workstream": 0,
    "action": 0,
    "progress report": 0,
    "delivery plan feed": 3,
    "events": 0,
    "event": 1,
    "event calendar file": 2,
    "standard page": 0,
    "contact page": 0,
    "search": 2,
    "sitemap": 0,
}


def warm_queries(client, path):
    """The queries of a second visit (the first fills the caches)."""
    first = client.get(path)
    assert first.status_code == 200, path
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_no_budget_is_over_twelve_queries():
    assert max(BUDGET.values()) <= MOST_QUERIES_FOR_ANY_PAGE


@pytest.fixture
def pages(home):
    return build_public_pages(home)


def test_every_public_page_type_keeps_to_its_budget(pages):
    paths = public_paths(pages)
    assert set(paths) == set(BUDGET), "every public page type has a budget"
    over = {}
    for name, path in paths.items():
        # A fresh visitor for each page (a survey step's session is its own).
        count = warm_queries(Client(), path)
        if count > BUDGET[name]:
            over[name] = f"{count} queries, budget {BUDGET[name]} ({path})"
    assert not over


@pytest.mark.parametrize("kind", [*LISTINGS, "home"])
def test_a_listing_costs_the_same_with_5_items_as_with_50(pages, kind):
    path = LISTINGS.get(kind, "/")
    kinds = ["case_studies", "consultations"] if kind == "home" else [kind]
    for each in kinds:
        add_listing_items(pages, each, 4)
    with_5 = warm_queries(Client(), path)
    for each in kinds:
        add_listing_items(pages, each, 45)
    assert warm_queries(Client(), path) == with_5
