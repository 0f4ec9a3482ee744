"""Parts of pages kept between visits (core/templatetags/kept_tags.py) are
never shown out of date, never shown in a preview, and never kept with a
visitor's CSRF token."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.middleware.csrf import get_token
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from strategy.factories import PriorityPageFactory, StrategyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def studies(home):
    index = CaseStudyIndexPageFactory(parent=home, slug="case-studies")
    strategy = StrategyPageFactory(parent=home, slug="strategy")
    priority = PriorityPageFactory(parent=strategy, slug="safer", title="Safer streets")
    first = CaseStudyPageFactory(parent=index, slug="youth-cafe", title="Youth café")
    second = CaseStudyPageFactory(parent=index, slug="lantern-walk", title="Lantern walk")
    for study in (first, second):
        study.priorities.set([priority])
        study.save_revision().publish()
    return first, second


def test_a_kept_case_study_costs_no_query_on_the_next_visit(client, studies):
    client.get("/case-studies/youth-cafe/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/case-studies/youth-cafe/").text
    assert len(queries) == 0
    assert "Lantern walk" in html  # the related case study, from the kept part


def test_a_related_page_renamed_shows_on_the_next_visit(client, studies):
    _first, second = studies
    assert "Lantern walk" in client.get("/case-studies/youth-cafe/").text
    second.title = "Lantern parade"
    second.save_revision().publish()
    html = client.get("/case-studies/youth-cafe/").text
    assert "Lantern parade" in html
    assert "Lantern walk" not in html


def test_a_preview_is_never_kept_nor_shown_the_kept_part(client, studies):
    first, _second = studies
    assert "Youth café" in client.get("/case-studies/youth-cafe/").text  # kept now
    first.listing_summary = "A draft nobody has published"
    preview = first.make_preview_request()
    assert "A draft nobody has published" in preview.content.decode()
    public = client.get("/case-studies/youth-cafe/").text
    assert "A draft nobody has published" not in public


def test_each_language_keeps_its_own_copy(client, studies):
    english = client.get("/case-studies/youth-cafe/").text
    polish = client.get("/pl/case-studies/youth-cafe/")
    assert polish.status_code == 200
    # Not translated yet: the English text, with the page's words in Polish.
    assert "Przykład z praktyki" in polish.text
    assert "Przykład z praktyki" not in english


def test_a_part_carrying_a_csrf_token_is_never_kept():
    template = Template(
        '{% load kept_tags %}{% kept "form" %}<form method="post">{% csrf_token %}</form>'
        "{% endkept %}"
    )
    shown = set()
    for _ in range(2):
        request = RequestFactory().get("/somewhere/")
        request.user = AnonymousUser()
        shown.add(template.render(Context({"request": request, "csrf_token": get_token(request)})))
    assert len(shown) == 2  # each visitor's own (masked) token
