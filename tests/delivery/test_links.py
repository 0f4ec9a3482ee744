"""Links both ways: a priority or building block lists its actions, a
consultation's "We asked, you said, we did" the actions it led to, each with
its status; and none of these lists costs a query per action."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from delivery.factories import ActionPageFactory, DeliveryPlanPageFactory

from .test_pages import html_of, main_of, text_of

pytestmark = pytest.mark.django_db


def test_a_priority_lists_its_actions_with_their_status(client, plan):
    text = text_of(main_of(html_of(client, plan.priorities[0].url)))
    assert "How we are delivering this" in text
    assert "3.1 Support voluntary groups Status: On track" in text
    assert "Open community hubs Status: Not started" in text
    assert "Community bus routes" not in text
    html = main_of(html_of(client, plan.priorities[1].url))
    assert f'href="{plan.buses.url}"' in html
    assert "Community bus routes Status: At risk" in text_of(html)


def test_a_building_block_lists_its_actions(client, plan):
    text = text_of(main_of(html_of(client, plan.blocks[1].url)))
    assert "Community bus routes Status: At risk" in text
    assert "Support voluntary groups" not in text


def test_an_unpublished_action_is_not_listed(client, plan):
    plan.buses.unpublish()
    assert "Community bus routes" not in html_of(client, plan.priorities[1].url)


@pytest.fixture
def consultation(home):
    index = ConsultationIndexPageFactory(parent=home)
    return ConsultationPageFactory(
        parent=index,
        title="Have your say on our Communities Strategy",
        opens_at=timezone.now() - datetime.timedelta(days=100),
        closes_at=timezone.now() - datetime.timedelta(days=50),
        results_published=True,
        results="<p>We changed the strategy.</p>",
    )


def test_a_consultations_results_list_the_actions_it_led_to(client, plan, consultation):
    ActionPageFactory(
        parent=plan.page,
        title="Workshops to plan the delivery",
        lead="Policy team",
        consultations=[consultation],
        updates=[{"date": datetime.date(2015, 2, 1), "status": "done", "text": "Six held."}],
    )
    html = main_of(html_of(client, consultation.url))
    results = html[html.index('id="results-title"') :]
    text = text_of(results[: results.index("</section>")])
    assert "What we are doing because of what you said" in text
    assert "Workshops to plan the delivery Status: Done" in text


def test_an_action_links_to_its_consultation_and_case_studies(client, plan, consultation, home):
    case_study = CaseStudyPageFactory(
        parent=CaseStudyIndexPageFactory(parent=home), title="Birstall Youth Café"
    )
    action = ActionPageFactory(
        parent=plan.page, consultations=[consultation], case_studies=[case_study]
    )
    html = main_of(html_of(client, action.url))
    assert f'href="{consultation.url}#results-title"' in html
    assert "Why we are doing this" in html
    assert f'href="{case_study.url}"' in html


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("where", ["plan", "priority", "building_block"])
def test_listing_5_or_25_actions_costs_the_same_queries(client, plan, home, where):
    counts = []
    for extra in (5, 25):
        plan_page = DeliveryPlanPageFactory(parent=home, strategy=plan.strategy)
        for number in range(extra):
            ActionPageFactory(
                parent=plan_page,
                title=f"Action {number}",
                lead=f"Team {number % 4}",
                priorities=[plan.priorities[0]],
                building_blocks=[plan.blocks[0]],
                measures=[plan.groups],
                updates=[
                    {"date": datetime.date(2015, 1, 1), "status": "on_track", "text": "Begun."}
                ],
            )
        url = {
            "plan": plan_page.url,
            "priority": plan.priorities[0].url,
            "building_block": plan.blocks[0].url,
        }[where]
        queries_for(client, url)  # caches warmed
        counts.append(queries_for(client, url))
        if where != "plan":
            plan_page.delete()
    assert counts[0] == counts[1]
