"""Search finds events, in English and in the languages they are translated
into, and the "Events" kind of page narrows results to them."""

import datetime

import pytest

from events.factories import EventPageFactory, questions
from tests.search.test_search import result_titles, translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(events_index):
    return EventPageFactory(
        parent=events_index,
        title="Workshop: getting from A to B",
        introduction="How can people in my community reach the services they need?",
        place_name="Melton Carnegie Museum",
        date=datetime.date(2015, 2, 10),
        status="held",
        attendance=31,
        summary="<p>Volunteer drivers and community minibuses came up most.</p>",
        questions=questions("Who within our communities most needs help?"),
    )


@pytest.mark.parametrize(
    "words", ["workshop", "Carnegie", "minibuses", "communities most needs help"]
)
def test_search_finds_an_event_by_its_title_place_questions_and_results(client, workshop, words):
    response = client.get("/search/", {"q": words})
    assert response.status_code == 200
    assert "Workshop: getting from A to B" in result_titles(response)
    assert "Event, 10 February 2015" in response.content.decode()


def test_events_are_a_kind_of_page_to_narrow_results_to(client, workshop):
    response = client.get("/search/", {"q": "workshop", "type": "event"})
    assert result_titles(response) == ["Workshop: getting from A to B"]
    html = response.content.decode()
    assert 'value="event"' in html
    response = client.get("/search/", {"q": "workshop", "type": "consultation"})
    assert result_titles(response) == []


def test_search_in_polish_finds_the_polish_event(client, workshop):
    translation(
        workshop,
        "pl",
        title="Warsztat: jak dotrzeć z punktu A do punktu B",
        summary="<p>Najczęściej mówiono o kierowcach-wolontariuszach i minibusach.</p>",
    )
    response = client.get("/pl/search/", {"q": "minibusach"})
    assert result_titles(response) == ["Warsztat: jak dotrzeć z punktu A do punktu B"]
