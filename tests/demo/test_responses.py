"""The demo's responses to the closed 2014 consultation and its published results."""

import datetime

import pytest
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Site

from consultations.models import Answer, ConsultationPage, EqualityAnswer, Response, Theme
from demo import responses as demo_responses
from demo.loader import DemoLoader

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.fixture
def strategy_2014(demo):
    return ConsultationPage.objects.get(
        slug="communities-strategy-2014", locale__language_code="en"
    )


def test_the_demo_has_a_few_hundred_varied_responses(strategy_2014):
    responses = Response.objects.filter(consultation_key=strategy_2014.translation_key)
    assert responses.count() == 360
    languages = dict(responses.values_list("language").annotate(n=Count("id")))
    assert set(languages) == {"en", "pl", "ur", "gu", "pa", "bn", "zh-hant"}
    assert languages["en"] > 200
    assert set(responses.values_list("version", flat=True)) == {"standard", "easy_read"}
    assert len(set(responses.values_list("district", flat=True))) == 8
    assert len(set(responses.values_list("respondent_type", flat=True))) == 5
    first, last = (
        responses.order_by("submitted_at").first().submitted_at,
        responses.order_by("submitted_at").last().submitted_at,
    )
    assert first >= strategy_2014.opens_at
    assert last <= strategy_2014.closes_at
    assert last - first > datetime.timedelta(weeks=9)

    answers = Answer.objects.filter(response__in=responses)
    # Every response answered each of the 3 priorities and 8 building blocks.
    assert answers.filter(question_key="priority_agreement").count() == 360 * 3
    assert answers.filter(question_key="building_block_agreement").count() == 360 * 8
    texts = answers.filter(question_type="long_text")
    assert 150 < texts.count() < 360
    assert len(set(texts.values_list("text", flat=True))) >= 30
    assert texts.filter(text__contains="ہم").exists()  # Urdu
    assert texts.filter(text__contains="中文").exists()  # Chinese
    with_equality = EqualityAnswer.objects.filter(response__in=responses)
    assert 0.7 < with_equality.values("response").distinct().count() / 360 < 0.9


def test_free_text_is_coded_with_themes(strategy_2014):
    themes = Theme.objects.filter(consultation_key=strategy_2014.translation_key)
    assert {theme.question_key for theme in themes} == {"community_could_do", "support_needed"}
    tagged = Answer.objects.filter(themes__in=themes).distinct()
    assert (
        tagged.count()
        == Answer.objects.filter(
            response__consultation_key=strategy_2014.translation_key, question_type="long_text"
        ).count()
    )
    for theme in themes:
        assert set(theme.answers.values_list("question_key", flat=True)) <= {theme.question_key}


def test_the_2014_consultation_has_published_results(strategy_2014):
    assert strategy_2014.results_published
    assert strategy_2014.status == "results"
    assert strategy_2014.results_date == datetime.date(2014, 11, 18)
    figures = [block.value for block in strategy_2014.results_headlines]
    assert [f["statement_code"] for f in figures] == ["priority_1", "priority_2", "priority_3"]
    assert "13 October 2014" in strategy_2014.results
    assert not strategy_2014.has_unpublished_changes


def test_loading_the_demo_responses_again_changes_nothing(strategy_2014):
    counts = (
        Response.objects.count(),
        Answer.objects.count(),
        EqualityAnswer.objects.count(),
        Theme.objects.count(),
        Theme.answers.through.objects.count(),
        strategy_2014.revisions.count(),
    )
    demo_responses.load(DemoLoader())
    assert (
        Response.objects.count(),
        Answer.objects.count(),
        EqualityAnswer.objects.count(),
        Theme.objects.count(),
        Theme.answers.through.objects.count(),
        strategy_2014.revisions.count(),
    ) == counts


def test_the_responses_are_the_same_on_every_run():
    assert demo_responses.generate() == demo_responses.generate()


@pytest.fixture
def doing_our_bit(demo):
    return demo_responses.staffordshire_consultation()


def test_staffordshire_has_a_few_dozen_responses_of_its_own(doing_our_bit):
    site = Site.objects.get(hostname="staffordshire.localhost")
    assert doing_our_bit.get_site() == site
    responses = Response.objects.filter(reference__startswith="DEMO-STAFFS-")
    assert responses.count() == 40
    assert set(responses.values_list("consultation_key", flat=True)) == {
        doing_our_bit.translation_key
    }
    assert set(responses.values_list("language", flat=True)) <= {"en", "pa", "ur", "pl"}
    assert doing_our_bit.opens_at <= responses.order_by("submitted_at").first().submitted_at
    assert responses.order_by("submitted_at").last().submitted_at <= timezone.now()
    # Every response answered both required questions, with the survey's own codes.
    survey = doing_our_bit.survey_definition
    for key in ("helped_since_2020", "easy_to_help"):
        answers = Answer.objects.filter(response__in=responses, question_key=key)
        assert answers.values("response").distinct().count() == 40
        assert set(answers.values_list("option_code", flat=True)) <= set(
            survey.question(key).option_codes()
        )
    assert Answer.objects.filter(response__in=responses, question_key="what_would_help").exists()
    # Leicestershire's consultation keeps its own.
    assert not Response.objects.filter(
        reference__startswith="DEMO-2014-", consultation_key=doing_our_bit.translation_key
    ).exists()


def test_loading_staffordshires_responses_again_changes_nothing(doing_our_bit):
    counts = (Response.objects.count(), Answer.objects.count())
    demo_responses.load(DemoLoader(), "staffordshire")
    assert (Response.objects.count(), Answer.objects.count()) == counts
