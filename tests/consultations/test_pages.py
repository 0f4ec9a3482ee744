"""The consultation finder, the consultation page and the home page's list."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationPage, ConsultationTopic

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.fixture
def mixed(index):
    ConsultationPage.objects.child_of(index).delete()
    transport = ConsultationTopic.objects.create(name="Transport", slug="transport")
    pages = {
        "closed": ConsultationPageFactory(
            parent=index, title="Old one", opens_at=days(-60), closes_at=days(-30)
        ),
        "forthcoming": ConsultationPageFactory(
            parent=index, title="Coming", opens_at=days(5), closes_at=days(40)
        ),
        "open_late": ConsultationPageFactory(
            parent=index, title="Open later close", opens_at=days(-5), closes_at=days(20)
        ),
        "open_soon": ConsultationPageFactory(
            parent=index, title="Open soon close", opens_at=days(-5), closes_at=days(2)
        ),
        "results": ConsultationPageFactory(
            parent=index,
            title="With results",
            opens_at=days(-90),
            closes_at=days(-60),
            results_published=True,
        ),
    }
    pages["open_late"].topics.set([transport])
    pages["open_late"].save_revision().publish()
    return pages


def titles(html, candidates):
    found = [(html.index(t), t) for t in candidates if t in html]
    return [t for _, t in sorted(found)]


ALL = ["Old one", "Coming", "Open later close", "Open soon close", "With results"]


def test_index_lists_open_first_then_forthcoming_then_closed(client, index, mixed):
    html = client.get(index.url).content.decode()
    assert titles(html, ALL) == [
        "Open soon close",
        "Open later close",
        "Coming",
        "Old one",
        "With results",
    ]
    assert "5 consultations" in html


@pytest.mark.parametrize(
    "status, expected",
    [
        ("open", ["Open soon close", "Open later close"]),
        ("forthcoming", ["Coming"]),
        ("closed", ["Old one"]),
        ("results", ["With results"]),
    ],
)
def test_index_filters_by_status(client, index, mixed, status, expected):
    html = client.get(index.url, {"status": status}).content.decode()
    assert titles(html, ALL) == expected


def test_index_filters_by_topic(client, index, mixed):
    html = client.get(index.url, {"topic": "transport"}).content.decode()
    assert titles(html, ALL) == ["Open later close"]
    assert '<option value="transport"' in html


def test_status_follows_the_dates(mixed):
    assert {key: page.status for key, page in mixed.items()} == {
        "closed": "closed",
        "forthcoming": "forthcoming",
        "open_late": "open",
        "open_soon": "open",
        "results": "results",
    }


def test_home_page_lists_open_consultations_first(client, home, mixed):
    html = client.get(home.url).content.decode()
    assert "Have your say now" in html
    assert titles(html, ALL) == ["Open soon close", "Open later close"]


def test_the_home_page_follows_the_clock_with_nothing_published(client, home, mixed):
    """What the home page keeps between visits is chosen again by the time of
    each visit: a consultation opens and another closes without any page
    being saved, and the next visit shows it."""
    client.get(home.url)  # kept now
    in_three_days = timezone.now() + datetime.timedelta(days=3)
    in_six_days = timezone.now() + datetime.timedelta(days=6)
    with mock.patch("django.utils.timezone.now", return_value=in_three_days):
        html = client.get(home.url).content.decode()
    assert titles(html, ALL) == ["Open later close"]  # "Open soon close" has closed
    with mock.patch("django.utils.timezone.now", return_value=in_six_days):
        html = client.get(home.url).content.decode()
    assert titles(html, ALL) == ["Open later close", "Coming"]  # "Coming" has opened


def test_the_kept_finder_follows_the_clock(client, index, mixed):
    before = titles(client.get(index.url).content.decode(), ALL)  # kept now
    assert before[:2] == ["Open soon close", "Open later close"]
    in_three_days = timezone.now() + datetime.timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=in_three_days):
        after = titles(client.get(index.url).content.decode(), ALL)
        still_open = titles(client.get(index.url, {"status": "open"}).content.decode(), ALL)
    assert after[0] == "Open later close"  # the other one has closed
    assert still_open == ["Open later close"]


def test_a_kept_consultation_page_closes_on_time(client, mixed):
    page = mixed["open_soon"]
    assert "Start the survey" in client.get(page.url).content.decode()  # kept now
    after_closing = page.closes_at + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=after_closing):
        html = client.get(page.url).content.decode()
    assert "Start the survey" not in html
    assert "This consultation has closed" in html


def test_an_open_consultation_page_offers_the_survey(client, mixed):
    page = mixed["open_soon"]
    html = client.get(page.url).content.decode()
    assert "Start the survey" in html
    assert f'href="{page.url}survey/"' in html
    assert "Other ways to respond" in html
    assert "01572 722577" in html  # the council's phone number, from its details


def test_a_closed_consultation_page_says_so(client, mixed):
    html = client.get(mixed["closed"].url).content.decode()
    assert "Start the survey" not in html
    assert "This consultation has closed" in html
