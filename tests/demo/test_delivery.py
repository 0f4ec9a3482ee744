"""The demo's delivery plans: the 2015 action plan with its progress from
November 2014 to March 2015 and its figures, and the 2022-26 plan whose
actions have not started."""

import re

import pytest

from delivery.models import ActionPage, DeliveryPlanPage, ProgressReportPage
from tests.search.test_search import result_titles

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def links(html):
    return re.findall(r'href="([^"#?]+)"', html)


def test_every_action_is_two_clicks_from_the_home_page(client, demo):
    home = client.get("/").content.decode()
    reached = set()
    for plan in DeliveryPlanPage.objects.live().child_of(demo):
        assert plan.get_url_parts()[2] in links(home), plan.get_url_parts()[2]
        reached.update(links(client.get(plan.get_url_parts()[2]).content.decode()))
    actions = ActionPage.objects.live().descendant_of(demo)
    assert actions.count() == 18
    assert {action.get_url_parts()[2] for action in actions} <= reached


def test_the_2015_plan_has_its_figures_with_their_dates(client, demo):
    html = client.get("/action-plan-2015/support-for-voluntary-groups/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "28 February 2015 847 groups" in text
    assert "£450,000" in text
    html = client.get("/action-plan-2015/shire-grants/").content.decode()
    assert "£320,000" in html and "Done" in html


def test_the_progress_report_gathers_the_period(client, demo):
    report = ProgressReportPage.objects.descendant_of(demo).get()
    assert report.title == "Progress from November 2014 to March 2015"
    text = re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get(report.get_url_parts()[2]).content.decode())
    )
    assert "Status on 31 March 2015" in text
    assert "847 groups" in text and "£320,000" in text
    # An update after the period is not in it.
    assert "The new offer of emergency help and prevention is in place." not in text


def test_the_2014_consultation_leads_to_its_actions(client, demo):
    html = client.get("/have-your-say/communities-strategy-2014/").content.decode()
    results = html[html.index('id="results-title"') :]
    assert "What we are doing because of what you said" in results
    assert "/action-plan-2015/delivery-planning-workshops/" in results


def test_the_2022_plan_has_not_started(client, demo):
    text = re.sub(r"<[^>]+>", " ", client.get("/delivery-plan-2022-26/").content.decode())
    assert "Not started: 6" in re.sub(r"\s+", " ", text)
    for workstream in ["Prevention", "Engagement", "Catalysts"]:
        assert workstream in text


def test_search_finds_an_action(client, demo):
    titles = result_titles(client.get("/search/", {"q": "Shire Grants"}))
    assert "Fund community projects through Shire Grants" in titles
