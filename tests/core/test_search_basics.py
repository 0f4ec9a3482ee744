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
    ["", "<script>alert(1)</script>", "'; DROP TABLE wagtailcore_page; --", "x" * 500, "a\x00b"],
)
def test_odd_queries_never_break_the_page(home, client, query):
    response = client.get("/search/", {"q": query, "page": "999"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
