"""The events listing: coming up first, past events on their own tab, filters
that work without JavaScript and refuse what they do not know, and a number
of queries that does not grow with the number of events."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from events.factories import EventPageFactory, in_days
from events.models import EventPage
from strategy.factories import StrategyPageFactory

from .conftest import html_of

pytestmark = pytest.mark.django_db


def card_titles(html):
    return re.findall(r'<li class="app-card"[^>]*>\s*<h3[^>]*>\s*<a[^>]*>([^<]+)</a>', html)


@pytest.fixture
def plan(home):
    return StrategyPageFactory(parent=home, slug="plan", title="Delivery plan")


@pytest.fixture
def events(events_index, consultation, plan):
    make = EventPageFactory
    return {
        "next_week": make(parent=events_index, title="Next week", date=in_days(7), part_of=[plan]),
        "tomorrow": make(
            parent=events_index,
            title="Tomorrow",
            date=in_days(1),
            place_name="",
            address="",
            online_link="https://meet.example.org/tomorrow",
            part_of=[consultation],
        ),
        "today_late": make(
            parent=events_index,
            title="Today late",
            date=in_days(0),
            start_time=datetime.time(19),
            end_time=None,
        ),
        "today_early": make(
            parent=events_index,
            title="Today early",
            date=in_days(0),
            start_time=datetime.time(9),
            online_link="https://meet.example.org/today",
            part_of=[consultation, plan],
        ),
        "last_month": make(
            parent=events_index,
            title="Last month",
            date=in_days(-30),
            status="held",
            part_of=[consultation],
        ),
        "last_year": make(
            parent=events_index, title="Last year", date=in_days(-365), part_of=[plan]
        ),
    }


def test_coming_up_lists_soonest_first_with_today_included(client, events_index, events):
    html = html_of(client.get(events_index.url))
    assert card_titles(html) == ["Today early", "Today late", "Tomorrow", "Next week"]
    assert "4 events coming up" in html
    assert '<a class="govuk-tabs__tab" href="?" aria-current="page">Coming up</a>' in html
    assert '<a class="govuk-tabs__tab" href="?when=past">Past events</a>' in html


def test_past_events_are_on_their_own_tab_most_recent_first(client, events_index, events):
    html = html_of(client.get(events_index.url, {"when": "past"}))
    assert card_titles(html) == ["Last month", "Last year"]
    assert "2 past events" in html
    assert 'href="?when=past" aria-current="page">Past events</a>' in html


def test_drafts_and_private_events_are_not_listed(client, events_index, events):
    events["tomorrow"].unpublish()
    assert "Tomorrow" not in card_titles(html_of(client.get(events_index.url)))


def test_filter_by_what_events_are_part_of(client, events_index, events, consultation, plan):
    html = html_of(client.get(events_index.url, {"part_of": consultation.pk}))
    assert card_titles(html) == ["Today early", "Tomorrow"]
    assert "Part of: <strong>Libraries</strong>" in html
    assert '<option value="">Any</option>' in html
    assert f'<option value="{plan.pk}">Delivery plan</option>' in html
    past = html_of(client.get(events_index.url, {"part_of": plan.pk, "when": "past"}))
    assert card_titles(past) == ["Last year"]
    # The filter keeps the tab, and the tabs keep the filter.
    assert '<input type="hidden" name="when" value="past">' in past
    assert f'href="?part_of={plan.pk}">Coming up</a>' in past


def test_filter_by_how_to_take_part(client, events_index, events):
    online = html_of(client.get(events_index.url, {"format": "online"}))
    assert card_titles(online) == ["Today early", "Tomorrow"]
    in_person = html_of(client.get(events_index.url, {"format": "in_person"}))
    assert card_titles(in_person) == ["Today early", "Today late", "Next week"]


def test_filters_combine_and_each_can_be_removed(client, events_index, events, consultation):
    html = html_of(
        client.get(events_index.url, {"part_of": consultation.pk, "format": "in_person"})
    )
    assert card_titles(html) == ["Today early"]
    assert 'href="?format=in_person">Remove' in html
    assert f'href="?part_of={consultation.pk}">Remove' in html


def test_no_match_says_so(client, events_index, events, plan):
    html = html_of(client.get(events_index.url, {"part_of": plan.pk, "format": "online"}))
    assert "Today early" in card_titles(html)
    html = html_of(
        client.get(events_index.url, {"part_of": plan.pk, "format": "online", "when": "past"})
    )
    assert card_titles(html) == []
    assert "No events match these filters." in html


def test_nothing_coming_up_says_so(client, events_index):
    html = html_of(client.get(events_index.url))
    assert "0 events coming up" in html
    assert "No events are planned at the moment." in html


@pytest.mark.parametrize(
    "params",
    [
        {"part_of": "abc"},
        {"part_of": "999999"},
        {"part_of": "1 OR 1=1"},
        {"format": "teleport"},
        {"format": "<script>alert(1)</script>"},
        {"part_of": "'\";--", "format": "online\u202e"},
        {"part_of": "é" * 5000},
    ],
)
def test_values_the_filter_does_not_know_get_a_message_not_an_error(
    client, events_index, events, params
):
    response = client.get(events_index.url, params)
    html = html_of(response)
    assert "Choose one of the options in the list" in html
    assert "<title>Error:" in html
    assert "<script>alert(1)</script>" not in html
    # Nothing is hidden by a filter the site does not know.
    assert len(card_titles(html)) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"when": "future"},
        {"when": ""},
        {"when": "past\x7f"},
        {"page": "-3"},
        {"page": "lots"},
        {"page": "99"},
        {"page": "1e9"},
    ],
)
def test_an_unknown_tab_or_page_shows_coming_up(client, events_index, events, params):
    html = html_of(client.get(events_index.url, params))
    assert card_titles(html) == ["Today early", "Today late", "Tomorrow", "Next week"]


def test_pages_of_ten_keep_the_filters(client, events_index, consultation):
    for number in range(12):
        EventPageFactory(
            parent=events_index,
            title=f"Session {number:02d}",
            date=in_days(number + 1),
            part_of=[consultation],
        )
    first = html_of(client.get(events_index.url, {"part_of": consultation.pk}))
    assert len(card_titles(first)) == 10
    assert f'href="?part_of={consultation.pk}&amp;page=2"' in first
    second = html_of(client.get(events_index.url, {"part_of": consultation.pk, "page": 2}))
    assert card_titles(second) == ["Session 10", "Session 11"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_listing_makes_as_many_queries_for_25_events_as_for_5(
    client, events_index, consultation, plan
):
    def add(count):
        for number in range(count):
            EventPageFactory(
                parent=events_index,
                date=in_days(number % 9 - 4),
                online_link="https://meet.example.org/x" if number % 2 else "",
                part_of=[consultation, plan] if number % 3 else [plan],
            )

    add(5)
    urls = [events_index.url, "/pl" + events_index.url, events_index.url + "?when=past"]
    for url in urls:
        client.get(url)  # warm the caches (site root paths, locales)
    five = [count_queries(client, url) for url in urls]
    add(20)
    assert EventPage.objects.live().count() == 25
    assert len(card_titles(html_of(client.get(urls[2])))) == 10
    for url in urls:
        client.get(url)  # warm again: new pages start a new generation of kept look-ups
    # English, Polish (where each event may be a translation), past events.
    assert [count_queries(client, url) for url in urls] == five


def test_in_polish_translated_events_and_english_ones_not_yet_translated(
    client, events_index, events
):
    polish = Locale.objects.get(language_code="pl")
    index_pl = events_index.copy_for_translation(polish, copy_parents=True)
    index_pl.save_revision().publish()
    event_pl = events["tomorrow"].copy_for_translation(polish)
    event_pl.title = "Jutro"
    event_pl.save_revision().publish()
    html = html_of(client.get(index_pl.url))
    assert card_titles(html) == ["Today early", "Today late", "Jutro", "Next week"]
    # English cards say so, for screen readers; the Polish one does not.
    assert html.count('<li class="app-card" lang="en">') == 3
    assert '<li class="app-card">\n' in html or '<li class="app-card">' in html
    # The site's own words on an English card stay Polish and say so.
    assert '<dt class="govuk-summary-list__key" lang="pl" dir="ltr">' in html


def test_the_list_is_kept_and_a_new_event_shows_on_the_next_visit(client, events_index, events):
    html_of(client.get(events_index.url))
    with CaptureQueriesContext(connection) as queries:
        html_of(client.get(events_index.url))
    assert len(queries) == 0
    EventPageFactory(parent=events_index, title="Added later", date=in_days(2))
    assert "Added later" in card_titles(html_of(client.get(events_index.url)))
