"""The public plan: counts by status, the filter without JavaScript (and with
hostile values: a clear message, never an error page), and the Atom feed."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from delivery.factories import add_update

from .test_pages import html_of, main_of, text_of

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_overview_counts_actions_by_status_for_each_priority(client, plan):
    html = main_of(html_of(client, plan.page.url))
    table = html[html.index("<table") : html.index("</table>")]
    rows = [text_of(row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)][1:]
    assert rows[0].startswith("Priority 1 : Communities support people 1 Not started 1 On track 0")
    assert rows[1].startswith("Priority 2 : Communities run services 1 Not started 0 1 At risk")
    assert rows[2] == "Whole plan 1 1 1 0 0 0 3"
    assert "The plan has 3 actions. Not started: 1; On track: 1; At risk: 1" in text_of(html)


def test_the_counts_change_as_soon_as_an_update_is_published(client, plan):
    add_update(plan.hubs, date=datetime.date(2015, 3, 1), status="done", text="Open.")
    text = text_of(main_of(html_of(client, plan.page.url)))
    assert "Not started: 1" not in text and "Done: 1" in text


@pytest.mark.parametrize(
    "query,shown",
    [
        ("status=at_risk", ["Community bus routes"]),
        ("priority=support", ["Support voluntary groups", "Open community hubs"]),
        ("building_block=hubs", ["Community bus routes"]),
        ("lead=Communities+Team", ["Open community hubs"]),
        ("priority=support&status=on_track", ["Support voluntary groups"]),
    ],
)
def test_the_filter(client, plan, query, shown):
    html = main_of(html_of(client, f"{plan.page.url}?{query}"))
    listed = html[html.index('id="actions-heading"') :]
    titles = [
        text_of(part.split("</a>")[0]).split(" ", 1)[-1]
        if "3.1" in part
        else text_of(part.split("</a>")[0])
        for part in listed.split('class="govuk-heading-s app-action-list__title">')[1:]
    ]
    assert [title.replace("3.1 ", "") for title in titles] == shown
    assert "Filtered by" in html


@pytest.mark.parametrize(
    "query",
    [
        "status=finished",
        "priority=nowhere",
        "building_block=%3Cscript%3E",
        "lead=" + "x" * 5000,
        "status[]=done",
        "status=on_track&status=%00",
        "priority=support%27%20OR%201%3D1",
        "workstream=none",
    ],
)
def test_hostile_filter_values_get_a_clear_message_not_an_error(client, plan, query):
    response = client.get(f"{plan.page.url}?{query}")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        html = response.content.decode()
        if "status[]" not in query and "workstream" not in query:
            assert "There is a problem" in html
            assert "Choose one of the options in the list" in html
            assert "<title>Error:" in html


def test_the_feed_lists_updates_newest_first_with_absolute_addresses(client, plan):
    response = client.get(plan.page.url + "feed/", HTTP_HOST="engage.example.gov.uk")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert titles[0] == "Support voluntary groups"
    assert "Community bus routes: now at risk" in titles
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert all(link.startswith("http://engage.example.gov.uk/action-plan/") for link in links)
    summaries = " ".join(entry.find(f"{ATOM}summary").text for entry in entries)
    assert "Voluntary groups supported: 847 groups" in summaries
    assert "Money secured: £450,000" in summaries


def test_the_feed_shows_a_new_update_at_once(client, plan):
    add_update(plan.hubs, date=datetime.date(2015, 4, 1), status="on_track", text="Hub open.")
    feed = ET.fromstring(client.get(plan.page.url + "feed/").content)
    first = feed.find(f"{ATOM}entry")
    assert first.find(f"{ATOM}title").text == "Open community hubs: now on track"
    assert "Hub open." in first.find(f"{ATOM}summary").text
