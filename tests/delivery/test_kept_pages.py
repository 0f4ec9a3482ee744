"""The delivery plan's pages are kept between visits (core/templatetags/
kept_tags.py): the next visit costs no query, and a progress update shows
on the visit after it is added, on the action and on the plan."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delivery.factories import ProgressReportPageFactory, add_update

pytestmark = pytest.mark.django_db


def queries_of_second_visit(client, path):
    first = client.get(path)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = client.get(path)
    assert second.status_code == 200
    assert second.text == first.text
    return len(queries)


def test_the_plan_an_action_and_a_report_cost_no_query_on_the_next_visit(client, plan):
    report = ProgressReportPageFactory(parent=plan.page, slug="report")
    for page in (plan.page, plan.support, report):
        assert queries_of_second_visit(client, page.url) == 0, page.url


def test_a_new_progress_update_shows_on_the_next_visit(client, plan):
    assert "A driver came back." not in client.get(plan.buses.url).text
    before = client.get(plan.page.url).text
    assert "The plan has 3 actions." in before
    add_update(
        plan.buses,
        date=datetime.date(2015, 3, 1),
        status="done",
        text="A driver came back.",
    )
    action = client.get(plan.buses.url).text
    assert "A driver came back." in action
    assert "Done" in action
    after = client.get(plan.page.url).text
    assert after != before  # the counts by status moved


def test_a_filtered_plan_is_worked_out_afresh_and_says_what_it_did_not_understand(client, plan):
    url = plan.page.url
    client.get(url)  # the plan as it is, kept
    filtered = client.get(url, {"status": "at_risk"}).text
    assert "Community bus routes" in filtered
    assert "Open community hubs" not in filtered
    hostile = client.get(url, {"status": "<nonsense>"})
    assert hostile.status_code == 200
    assert hostile.text.count("Choose one of the options in the list") >= 1
    assert "<title>Error:" in hostile.text
    assert "<title>Error:" not in client.get(url).text


def test_each_page_reads_lazily_every_key_its_context_gives(rf, plan):
    """The keys a page hands its template lazily (core/lazy.py) are listed
    beside the function that computes them: a key added to one and not the
    other would be missing from the page."""
    from delivery.action_context import ACTION_KEYS, action_context
    from delivery.overview import PLAN_OVERVIEW_KEYS, plan_overview
    from delivery.reports import REPORT_KEYS, report_context

    report = ProgressReportPageFactory(parent=plan.page, slug="report")
    assert set(action_context(plan.support)) == set(ACTION_KEYS)
    assert set(report_context(report)) == set(REPORT_KEYS)
    assert set(plan_overview(plan.page, rf.get(plan.page.url))) == set(PLAN_OVERVIEW_KEYS)
