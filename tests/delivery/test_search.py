"""Search finds actions by their words, their lead and their progress updates."""

import pytest

from tests.search.test_search import result_titles

pytestmark = pytest.mark.django_db


def test_search_finds_an_action_by_its_title_and_says_its_status(client, plan):
    response = client.get("/search/", {"q": "voluntary groups"})
    assert "Support voluntary groups" in result_titles(response)
    assert "Action, on track" in response.content.decode()


def test_search_finds_an_action_by_its_progress_updates(client, plan):
    assert "Community bus routes" in result_titles(client.get("/search/", {"q": "driver"}))
