"""The consultations finder shows twenty consultations a page, in the order
residents expect (open, closing soonest, first), says how many match in all,
and keeps the chosen filters on its "Next" and "Previous" links."""

import datetime
import re

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationPage
from consultations.models.pages import CONSULTATIONS_PER_PAGE

pytestmark = pytest.mark.django_db

NOW = timezone.now()
MORE = CONSULTATIONS_PER_PAGE + 5


@pytest.fixture
def many(index):
    """Open consultations "Open 00" to "Open 24", closing one day apart in that
    order, and one that has closed."""
    ConsultationPage.objects.child_of(index).delete()
    for n in range(MORE):
        ConsultationPageFactory(
            parent=index,
            title=f"Open {n:02}",
            opens_at=NOW - datetime.timedelta(days=10),
            closes_at=NOW + datetime.timedelta(days=n + 1),
        )
    ConsultationPageFactory(
        parent=index,
        title="Closed long ago",
        opens_at=NOW - datetime.timedelta(days=100),
        closes_at=NOW - datetime.timedelta(days=50),
    )


def titles(html):
    return re.findall(r"(Open \d\d|Closed long ago)</a>", html)


def test_twenty_a_page_in_order_with_the_total(client, index, many):
    first = client.get(index.url).content.decode()
    assert titles(first) == [f"Open {n:02}" for n in range(CONSULTATIONS_PER_PAGE)]
    assert f"{MORE + 1} consultations" in first
    assert "Page 1 of 2" in first
    assert 'href="?page=2" rel="next"' in first

    second = client.get(index.url, {"page": 2}).content.decode()
    assert titles(second) == [f"Open {n:02}" for n in range(CONSULTATIONS_PER_PAGE, MORE)] + [
        "Closed long ago"
    ]
    assert 'href="?page=1" rel="prev"' in second


def test_the_next_link_keeps_the_filters(client, index, many):
    html = client.get(index.url, {"status": "open"}).content.decode()
    assert f"{MORE} consultations" in html
    assert 'href="?status=open&amp;page=2" rel="next"' in html
    html = client.get(index.url, {"status": "open", "page": 2}).content.decode()
    assert "Closed long ago" not in titles(html)
    assert len(titles(html)) == MORE - CONSULTATIONS_PER_PAGE


def test_few_consultations_have_no_page_links(client, index):
    ConsultationPageFactory(parent=index, title="Only one")
    html = client.get(index.url).content.decode()
    assert "govuk-pagination" not in html


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(page=st.one_of(st.text(max_size=30), st.integers(min_value=-(10**30), max_value=10**30)))
def test_any_page_number_shows_a_page_of_the_list(client, index, many, page):
    page = str(page).replace("\x00", "")  # refused before any view (core/request_checks.py)
    response = client.get(index.url, {"page": page})
    assert response.status_code == 200
    shown = titles(response.content.decode())
    # A number past the end shows the last page; anything else not a page, the first.
    assert shown in (
        [f"Open {n:02}" for n in range(CONSULTATIONS_PER_PAGE)],
        [f"Open {n:02}" for n in range(CONSULTATIONS_PER_PAGE, MORE)] + ["Closed long ago"],
    )
