"""Funding programmes: a page below the plan with its rounds, what came in
and was asked for, what was committed, and the funded projects with their
case studies. Built so that Cambridgeshire's Communities Innovation Fund fits
as well as Leicestershire's Shire Grants."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from delivery.factories import FundingProgrammePageFactory
from tests.search.test_search import result_titles

pytestmark = pytest.mark.django_db


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def innovation_fund(plan):
    """Cambridgeshire's fund as its committee report of 2017 describes it."""
    return FundingProgrammePageFactory(
        parent=plan.page,
        title="Communities Innovation Fund",
        slug="innovation-fund",
        managed_by="Cambridgeshire Community Foundation",
        rounds=[
            {
                "name": "First selection panel",
                "opened": datetime.date(2016, 11, 18),
                "outline_proposals": 32,
                "full_applications": 9,
                "amount_requested": 257717,
                "notes": "Full applications heard in March 2017.",
            }
        ],
    )


def test_a_programme_shows_what_came_in_and_what_was_asked_for(client, innovation_fund):
    page = text(client.get(innovation_fund.url))
    assert "Run by Cambridgeshire Community Foundation" in page
    assert "Round Outline proposals received Full applications received Sum requested" in page
    assert "First selection panel Full applications heard in March 2017. 32 9 £257,717" in page
    # Nothing is committed yet: no column of empty figures.
    assert "Committed" not in page and "All rounds" not in page


def test_rounds_add_up_and_projects_link_to_their_case_studies(client, plan, home):
    studies = CaseStudyIndexPageFactory(parent=home)
    cafe = CaseStudyPageFactory(parent=studies, title="Market Harborough Dementia Café")
    programme = FundingProgrammePageFactory(
        parent=plan.page,
        title="Shire Grants",
        rounds=[
            {"name": "2014 to 2015", "amount_committed": 320000},
            {"name": "2015 to 2016", "amount_committed": 150000.5, "outline_proposals": 12},
        ],
        projects=[
            {
                "name": "Dementia café",
                "round_name": "2014 to 2015",
                "amount": 3847,
                "case_study": cafe,
            },
            {"name": "Village minibus", "description": "Trips to the market town."},
        ],
    )
    response = client.get(programme.url)
    page = text(response)
    assert "2014 to 2015 £320,000" in page and "2015 to 2016 12 £150,000.5" in page
    assert "All rounds 12 £470,000.5" in page
    assert "Dementia café £3,847, 2014 to 2015 Case study: Market Harborough Dementia Café" in page
    assert f'href="{cafe.url}"' in response.content.decode()
    assert "Village minibus Trips to the market town." in page


def test_the_plan_lists_its_programmes(client, plan, innovation_fund):
    response = client.get(plan.page.url)
    assert "Funding programmes" in text(response)
    assert f'href="{innovation_fund.url}"' in response.content.decode()


def test_search_finds_a_programme_by_its_funded_projects(client, plan):
    FundingProgrammePageFactory(
        parent=plan.page, title="Shire Grants", projects=[{"name": "Sileby timebank"}]
    )
    response = client.get("/search/", {"q": "timebank"})
    assert "Shire Grants" in result_titles(response)
    assert "Funding programme" in response.content.decode()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_5_or_25_projects_and_rounds_cost_the_same_queries(client, plan, home):
    studies = CaseStudyIndexPageFactory(parent=home)
    counts = []
    for count in (5, 25):
        programme = FundingProgrammePageFactory(
            parent=plan.page,
            rounds=[{"name": f"Round {n}", "amount_committed": 1000} for n in range(count)],
            projects=[
                {"name": f"Project {n}", "case_study": CaseStudyPageFactory(parent=studies)}
                for n in range(count)
            ],
        )
        queries_for(client, programme.url)  # caches warmed
        counts.append(queries_for(client, programme.url))
    assert counts[0] == counts[1]
