"""The public "We asked, you said, we did": hidden until staff publish it, its
figures counted live across every language, and staff's choices checked."""

import copy
import datetime
import html
import re
import uuid
from collections import defaultdict

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import streamfield

from consultations.factories import ConsultationPageFactory, every_type_survey
from consultations.headlines import headline_figures
from consultations.models import Answer, ConsultationPage, ConsultationSettings, Response
from tests.signing_in import force_login_verified

from .admin_forms import consultation_form_data

pytestmark = pytest.mark.django_db

TITLE = "We asked, you said, we did"


def figure(question_key, option_codes, description, statement_code=""):
    return {
        "type": "figure",
        "value": {
            "question_key": question_key,
            "statement_code": statement_code,
            "option_codes": option_codes,
            "description": description,
        },
    }


HEADLINES = [
    figure("principles", "strongly_agree, agree", "agreed with prevention", "prevention"),
    figure("activities", "clubs,youth", "chose clubs or youth activities"),
    figure("ranking", "buses", "put buses first"),
]


@pytest.fixture
def closed(index):
    closes = timezone.now() - datetime.timedelta(days=30)
    return ConsultationPageFactory(
        parent=index,
        opens_at=closes - datetime.timedelta(days=60),
        closes_at=closes,
        results_headlines=HEADLINES,
        results="<p>We built a new youth club.</p>",
        results_date=datetime.date(2014, 11, 18),
    )


def respond(page, language, answers):
    response = Response.objects.create(
        consultation_key=page.translation_key,
        page=page,
        reference=uuid.uuid4().hex[:12],
        submission_token=uuid.uuid4().hex,
        language=language,
    )
    Answer.objects.bulk_create(
        Answer(response=response, question_type=kind, **fields) for kind, fields in answers
    )
    return response


def grid(statement, code):
    return ("grid", {"question_key": "principles", "item_key": statement, "option_code": code})


def chose(*codes):
    return [("multiple_choice", {"question_key": "activities", "option_code": c}) for c in codes]


def ranked(**ranks):
    return [
        ("ranking", {"question_key": "ranking", "option_code": code, "number": rank})
        for code, rank in ranks.items()
    ]


@pytest.fixture
def answered(closed):
    """Seven responses in three languages; one did not answer the grid."""
    rows = [
        ("en", [grid("prevention", "strongly_agree"), *chose("clubs", "youth")]),
        ("en", [grid("prevention", "agree"), *chose("clubs"), *ranked(buses=1, parks=2)]),
        ("en", [grid("prevention", "disagree"), *chose("green_spaces")]),
        ("pl", [grid("prevention", "agree"), grid("engagement", "agree"), *ranked(parks=1)]),
        ("pl", [grid("prevention", "dont_know"), *chose("youth", "other")]),
        ("ur", [grid("engagement", "strongly_agree"), *ranked(buses=1)]),
        ("ur", [grid("prevention", "strongly_agree")]),
    ]
    for language, answers in rows:
        respond(closed, language, answers)
    return closed


def publish(page, **fields):
    for name, value in {"results_published": True, **fields}.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_results_are_hidden_until_staff_publish_them(client, answered):
    page = client.get(answered.url)
    assert TITLE not in text(page)
    assert "We built a new youth club" not in text(page)

    publish(answered)
    shown = text(client.get(answered.url))
    assert TITLE in shown
    assert "Published 18 November 2014" in shown
    assert "We asked" in shown and "You said" in shown and "We did" in shown
    assert "We built a new youth club" in shown
    # Seven responses are too few for any figure: none is shown (it was
    # "67% agreed with prevention, 4 of 6 people who answered").
    assert "67%" not in shown and "4 of 6" not in shown
    assert "Too few people answered these questions for us to publish figures" in shown


def test_results_of_a_consultation_still_open_stay_hidden(client, index):
    page = ConsultationPageFactory(
        parent=index,
        results_published=True,
        results="<p>Too early.</p>",
        results_headlines=HEADLINES,
    )
    assert TITLE not in text(client.get(page.url))
    assert "Too early" not in text(client.get(page.url))


def independent_counts(page, question_key, codes, item_key="", ranked_first=False):
    """Who answered and who chose one of ``codes``, worked out from the raw rows."""
    answered, chosen = set(), set()
    rows = Answer.objects.filter(
        response__consultation_key=page.translation_key, question_key=question_key
    ).values_list("response_id", "item_key", "option_code", "number")
    for response_id, item, code, number in rows:
        if item != item_key or not code:
            continue
        answered.add(response_id)
        if code in codes and (not ranked_first or number == 1):
            chosen.add(response_id)
    return len(chosen), len(answered)


def test_the_figures_equal_counts_made_from_the_raw_answers(answered):
    figures = headline_figures(answered)
    expected = [
        independent_counts(answered, "principles", {"strongly_agree", "agree"}, "prevention"),
        independent_counts(answered, "activities", {"clubs", "youth"}),
        independent_counts(answered, "ranking", {"buses"}, ranked_first=True),
    ]
    assert [(f.count, f.total) for f in figures] == [] != expected  # too few answered
    figures = headline_figures(answered, threshold=1)
    assert [(f.count, f.total) for f in figures] == expected == [(4, 6), (3, 4), (2, 3)]
    # Shares of the counts rounded to the nearest 5: 5 of 5, 5 of 5, 5 of 5.
    assert [(f.shown, f.shown_total, f.percent) for f in figures] == [(5, 5, 100)] * 3
    assert [f.description for f in figures] == [
        "agreed with prevention",
        "chose clubs or youth activities",
        "put buses first",
    ]
    assert figures[0].statement == "Prevention"


def polish_translation(page):
    polish = page.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    # A copy: the translation's raw data shares its lists with the English page.
    survey = copy.deepcopy(polish.survey.raw_data)
    for question in survey[0]["value"]["questions"]:
        if question["value"]["key"] == "principles":
            question["value"]["label"] = "Na ile zgadzasz się z każdą zasadą?"
    polish.survey = survey
    headlines = copy.deepcopy(polish.results_headlines.raw_data)
    headlines[0]["value"]["description"] = "zgodziło się z zapobieganiem"
    polish.results_headlines = headlines
    polish.save_revision().publish()
    return ConsultationPage.objects.get(pk=polish.pk)


def test_a_translation_shows_its_own_wording_and_the_same_numbers(client, answered):
    publish(answered)
    polish = polish_translation(answered)
    english, translated = headline_figures(answered, 1), headline_figures(polish, 1)
    # Seven responses: a threshold of 1 so that the page shows its figures.
    rules = ConsultationSettings.for_site(Site.objects.get(is_default_site=True))
    rules.small_number_threshold = 1
    rules.save()
    assert translated[0].question == "Na ile zgadzasz się z każdą zasadą?"
    assert english[0].question == "How far do you agree with each principle?"
    assert translated[0].description == "zgodziło się z zapobieganiem"
    assert [(f.count, f.total) for f in translated] == [(f.count, f.total) for f in english]

    shown = text(client.get(polish.url))
    assert polish.url.startswith("/pl/")
    assert "Na ile zgadzasz się z każdą zasadą?" in shown
    assert "zgodziło się z zapobieganiem" in shown
    assert "How far do you agree with each principle?" not in shown
    assert TITLE not in shown  # the heading is in Polish too


def test_an_untranslated_page_marks_the_sections_own_words_with_the_residents_language(
    client, answered
):
    publish(answered)
    html_text = client.get("/ur" + answered.url).content.decode()
    section = html_text[html_text.index('id="results-title"') - 200 :]
    assert re.search(r'<h2[^>]*id="results-title"[^>]*lang="ur" dir="rtl"', section)


def errors_for(page):
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    stream_error = error.value.error_dict["results_headlines"][0]
    return {
        index: {name: e.message for name, e in struct.block_errors.items()}
        for index, struct in stream_error.block_errors.items()
    }


@pytest.mark.parametrize(
    ("headline", "field", "message"),
    [
        (
            figure("nothing_here", "agree", "x"),
            "question_key",
            "There is no question with the key 'nothing_here' in this survey.",
        ),
        (figure("comments", "agree", "x"), "question_key", "Question 'comments' is a long text"),
        (figure("principles", "agree", "x"), "statement_code", "give the code of one of its"),
        (
            figure("principles", "agree", "x", "nonsense"),
            "statement_code",
            "Question 'principles' has no statement 'nonsense'. Its statements are: "
            "prevention, engagement.",
        ),
        (figure("overall", "agree", "x", "prevention"), "statement_code", "is not a grid"),
        (
            figure("overall", "agree, maybe", "x"),
            "option_codes",
            "Question 'overall' has no option 'maybe'. Its options are: strongly_agree,",
        ),
        (figure("district", "blaby", "x"), "question_key", "no question with the key 'district'"),
    ],
)
def test_a_headline_that_does_not_match_the_survey_is_refused(closed, headline, field, message):
    closed.results_headlines = [HEADLINES[0], headline]
    errors = errors_for(closed)
    assert list(errors) == [1]
    assert message in errors[1][field]


def test_good_headlines_pass(closed):
    closed.results_headlines = HEADLINES + [
        figure("updates", "yes", "want updates"),
        figure("consent", "yes", "may be quoted"),
        figure("involved", "other", "something else"),
    ]
    closed.full_clean()


def test_the_admin_shows_the_error_on_save(client, closed):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw-123456789")
    force_login_verified(client, user)
    data = consultation_form_data(
        closed.title,
        closed.slug,
        every_type_survey(),
        timezone.localtime(closed.opens_at),
        timezone.localtime(closed.closes_at),
        results_headlines=streamfield(
            [
                (
                    "figure",
                    {
                        "question_key": "principles",
                        "statement_code": "nonsense",
                        "option_codes": "agree",
                        "description": "agreed",
                    },
                )
            ]
        ),
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[closed.pk]), data)
    assert response.status_code == 200
    assert "Question 'principles' has no statement 'nonsense'" in html.unescape(
        response.content.decode()
    )
    closed.refresh_from_db()
    assert [block.value["statement_code"] for block in closed.results_headlines] == [
        "prevention",
        "",
        "",
    ]


def test_figures_count_each_person_once(closed):
    """Someone who ticked both counted options is one person, not two."""
    respond(closed, "en", chose("clubs", "youth"))
    respond(closed, "en", chose("green_spaces"))
    by_key = defaultdict(list)
    for found in headline_figures(closed, threshold=1):
        by_key[found.description].append((found.count, found.total))
    assert by_key["chose clubs or youth activities"] == [(1, 2)]


def many_respond(page, count, answers):
    for _n in range(count):
        respond(page, "en", answers)


def test_published_figures_are_rounded_and_small_counts_hidden(client, closed):
    many_respond(closed, 13, [grid("prevention", "agree"), *chose("clubs")])
    many_respond(closed, 7, [grid("prevention", "disagree"), *chose("green_spaces")])
    many_respond(closed, 3, [grid("prevention", "dont_know"), *ranked(buses=1, parks=2)])
    publish(closed)
    shown = text(client.get(closed.url))
    # 13 of 23 agreed: published as 15 of 25, 60%.
    assert "60% agreed with prevention" in shown
    assert "15 of 25 people who answered" in shown
    assert "13 of 23" not in shown and "57%" not in shown
    # 13 of 20 chose clubs or youth: 15 of 20, 75%.
    assert "75% chose clubs or youth activities" in shown
    # Three put buses first, of three who ranked: too few answered, left out.
    assert "put buses first" not in shown
    assert "rounded to the nearest 5" in shown


def test_a_small_count_is_shown_as_fewer_than_the_threshold(client, closed):
    many_respond(closed, 3, [grid("prevention", "agree")])
    many_respond(closed, 20, [grid("prevention", "disagree")])
    publish(closed)
    shown = text(client.get(closed.url))
    assert "Fewer than 10 agreed with prevention" in shown
    assert "of 25 people who answered" in shown
    assert "3 of 23" not in shown and "13%" not in shown


def test_a_preview_shows_sample_figures_never_real_counts(client, closed):
    """An editor previewing the results sees sample figures, clearly marked:
    editors may not see responses."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    many_respond(closed, 23, [grid("prevention", "agree"), *chose("clubs")])
    editor = get_user_model().objects.create_user("ed", password="a-long-test-password")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    data = consultation_form_data(
        closed.title,
        closed.slug,
        every_type_survey(),
        timezone.localtime(closed.opens_at),
        timezone.localtime(closed.closes_at),
        results_published="on",
        results_headlines=streamfield(
            [
                (
                    "figure",
                    {**headline["value"], "statement_code": headline["value"]["statement_code"]},
                )
                for headline in HEADLINES
            ]
        ),
    )
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[closed.pk])
    assert client.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
    preview = client.get(preview_url)
    assert preview.status_code == 200
    shown = text(preview)
    assert TITLE in shown
    assert "Sample figures for preview" in shown
    assert "65% agreed with prevention" in shown  # a sample share
    assert "130 of 200 people who answered" in shown
    # The real figures (100% of 25 agreed, 100% of 25 chose clubs) are not counted.
    assert "100%" not in shown and "of 25 people" not in shown

    # The published page shows the real figures, and no sample.
    publish(closed)
    client.logout()
    public = text(client.get(closed.url))
    assert "100% agreed with prevention" in public
    assert "Sample figures" not in public
