"""The demo's consultations: the closed 2014 one with its published results,
and the open 2022-26 one that asks every type of question."""

import pytest

from consultations.figures import percent
from consultations.headlines import headline_figures
from consultations.models import ConsultationPage
from consultations.survey.types import registry
from tests.consultations.test_results_public import independent_counts, text

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_demo_has_the_closed_2014_and_open_2022_consultations(client, demo):
    strategy = ConsultationPage.objects.filter(locale__language_code="en").get(
        slug="communities-strategy-2014"
    )
    approach = ConsultationPage.objects.filter(locale__language_code="en").get(
        slug="communities-approach-2022-26"
    )
    assert strategy.status == "results"  # closed, with its results published
    assert approach.status == "open"
    survey = strategy.survey_definition
    assert len(survey.question("priority_agreement").statements) == 3
    assert len(survey.question("building_block_agreement").statements) == 8
    assert [s.kind for s in survey.sections][-2:] == ["about", "equality"]
    used = {q.type for q in approach.survey_definition.questions()}
    assert set(registry.names()) <= used
    html = client.get(strategy.url).content.decode()
    assert "11:59pm on 1 September 2014" in html


def test_the_demo_figures_equal_counts_made_from_the_raw_answers(client, demo):
    page = ConsultationPage.objects.get(
        slug="communities-strategy-2014", locale__language_code="en"
    )
    shown = text(client.get(page.url))
    figures = headline_figures(page)
    assert len(figures) == 3
    for number, found in enumerate(figures, start=1):
        count, total = independent_counts(
            page, "priority_agreement", {"strongly_agree", "agree"}, f"priority_{number}"
        )
        assert (found.count, found.total) == (count, total)
        assert total == 360
        # Published rounded to the nearest 5, the share of the rounded figures.
        rounded = (count + 2) // 5 * 5
        assert f"{percent(rounded, total)}% {found.description}" in shown
        assert f"{rounded} of {total} people who answered" in shown
    assert "The Cabinet agreed the final Communities Strategy on 13 October 2014" in shown
