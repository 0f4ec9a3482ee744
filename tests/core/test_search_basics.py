import pytest

from tests.search.test_search import result_titles

pytestmark = pytest.mark.django_db


def test_search_finds_a_page_by_its_title(home, client):
    response = client.get("/search/", {"q": "cookies"})
    assert response.status_code == 200
    # Found as a result, not only as the footer's link.
    assert "Cookies" in result_titles(response)


@pytest.mark.parametrize(
    "query",
    ["", "<script>alert(1)</script>", "'; DROP TABLE wagtailcore_page; --", "x" * 500],
)
def test_odd_queries_never_break_the_page(home, client, query):
    response = client.get("/search/", {"q": query, "page": "999"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_search_with_a_nul_character_gets_the_problem_page(home, client):
    """No keyboard types NUL; tools that send one get the 400 page (as every
    address with one does: core/request_checks.py), not a server error."""
    response = client.get("/search/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert "Sorry, there is a problem with what you sent" in response.content.decode()
