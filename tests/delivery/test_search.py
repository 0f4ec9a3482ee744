"""Search finds actions by their words, their lead and their progress updates."""

import pytest

from tests.search.test_search import result_titles, translation

pytestmark = pytest.mark.django_db


def test_search_finds_an_action_by_its_title_and_says_its_status(client, plan):
    response = client.get("/search/", {"q": "voluntary groups"})
    assert "Support voluntary groups" in result_titles(response)
    assert "Action, on track" in response.content.decode()


def test_search_finds_an_action_by_its_progress_updates(client, plan):
    assert "Community bus routes" in result_titles(client.get("/search/", {"q": "driver"}))


@pytest.mark.parametrize(
    "language, title, words",
    [
        ("pl", "Wspieranie grup wolontariackich", "wolontariackich"),
        ("ur", "رضاکار گروہوں کی مدد", "رضاکار"),
    ],
)
def test_search_in_polish_and_urdu_finds_the_translated_action(
    client, plan, language, title, words
):
    translation(plan.support, language, title=title)
    response = client.get(f"/{language}/search/", {"q": words})
    assert title in result_titles(response)
    assert "Support voluntary groups" not in result_titles(response)


@pytest.mark.parametrize(
    "language, title, words",
    [
        ("pl", "Warsztat o minibusach", "minibusach"),
        ("ur", "منی بس کے بارے میں ورکشاپ", "ورکشاپ"),
    ],
)
def test_search_in_polish_and_urdu_finds_the_translated_event(client, home, language, title, words):
    from events.factories import EventIndexPageFactory, EventPageFactory

    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Minibus workshop")
    translation(event, language, title=title)
    response = client.get(f"/{language}/search/", {"q": words})
    assert result_titles(response) == [title]
