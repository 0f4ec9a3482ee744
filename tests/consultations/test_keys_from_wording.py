"""Staff who are not developers leave keys and option codes empty: they are
made from the wording when the survey is saved, and then kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from consultations.factories import question, section
from consultations.models import ConsultationPage
from consultations.survey.blocks import KEY_PATTERN
from consultations.survey.keys import key_from_words
from consultations.survey.structure import SurveyBlock

from .admin_forms import consultation_form_data
from .test_admin import admin_client, answered, edit, three_sections  # noqa: F401


def clean(raw):
    block = SurveyBlock()
    return block.clean(block.to_python(raw))


def keys_of(stream):
    return [
        (child.value["key"], [q.value["key"] for q in child.value["questions"]]) for child in stream
    ]


def unlabelled_options(*labels):
    return [{"code": "", "label": label} for label in labels]


def test_empty_keys_and_codes_are_made_from_the_wording():
    survey = [
        section(
            "",
            "Your views on the priorities",
            [
                question(
                    "agreement",
                    "",
                    "How far do you agree with priority 1?",
                ),
                question(
                    "single_choice",
                    "",
                    "How far do you agree with priority 1?",
                    options=unlabelled_options("Strongly agree", "Between 10 and 50", "10 or more"),
                ),
                question(
                    "grid",
                    "",
                    "Rate these",
                    statements=unlabelled_options("Parks", "Parks"),
                    options=[],
                ),
            ],
        ),
        section("", "Check", [question("yes_no", "", "District")]),
    ]
    stream = clean(survey)
    assert keys_of(stream) == [
        (
            "your_views_on_the_priorities",
            [
                "how_far_do_you_agree_with_priority_1",
                "how_far_do_you_agree_with_priority_1_2",
                "rate_these",
            ],
        ),
        # "check" and "district" are kept for the survey's own pages and questions.
        ("check_2", ["district_2"]),
    ]
    choice = stream[0].value["questions"][1].value
    assert [o["code"] for o in choice["options"]] == [
        "strongly_agree",
        "between_10_and_50",
        "option_10_or_more",
    ]
    grid = stream[0].value["questions"][2].value
    assert [s["code"] for s in grid["statements"]] == ["parks", "parks_2"]


def test_keys_typed_by_hand_are_kept_and_not_taken_again():
    survey = [
        section(
            "views",
            "Views",
            [
                question("short_text", "", "Views"),
                question("short_text", "views_2", "Something else"),
                question("short_text", "", "Views"),
            ],
        )
    ]
    assert keys_of(clean(survey)) == [("views", ["views", "views_2", "views_3"])]


def test_wording_in_another_script_gets_a_numbered_key():
    survey = [section("", "آپ کی رائے", [question("short_text", "", "你的意見")])]
    assert keys_of(clean(survey)) == [("section_1", ["question_1"])]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=300))
def test_any_wording_gives_a_valid_key(words):
    import re

    key = key_from_words(words, "question_1")
    assert re.match(KEY_PATTERN, key)
    assert len(key) <= 50


@pytest.mark.django_db
def test_an_editor_leaves_the_keys_empty_and_residents_answer_under_made_keys(
    admin_client,  # noqa: F811
    index,
):
    sections = three_sections()
    for part in sections:
        part["value"]["key"] = ""
        for q in part["value"]["questions"]:
            if not q["value"].get("show_if_question"):
                q["value"]["key"] = ""
    sections[1]["value"]["show_if_question"] = ""
    sections[1]["value"]["show_if_option"] = ""
    sections[0]["value"]["questions"].pop(1)
    sections[0]["value"]["questions"][0]["value"]["options"] = unlabelled_options(
        "Yes", "No", "Sometimes"
    )
    now = timezone.localtime()
    data = consultation_form_data(
        "Bus routes", "bus-routes", sections, now, now + datetime.timedelta(days=7)
    )
    url = reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", index.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = ConsultationPage.objects.get(slug="bus-routes")
    assert keys_of(page.survey) == [
        ("first", ["do_you_have_a_car"]),
        ("second", ["trips_a_week"]),
        ("third", ["ideas"]),
    ]
    codes = [o["code"] for o in page.survey[0].value["questions"][0].value["options"]]
    assert codes == ["yes", "no", "sometimes"]


@pytest.mark.django_db
def test_made_keys_are_locked_once_answered_like_typed_ones(admin_client, answered):  # noqa: F811
    survey = three_sections()
    ideas = survey[2]["value"]["questions"][0]["value"]
    ideas["key"] = ""
    assert edit(admin_client, answered, survey).status_code == 302  # made again: "ideas"
    ideas["label"] = "Your ideas"
    response = edit(admin_client, answered, survey)
    assert response.status_code == 200
    assert "Question &#x27;ideas&#x27; has answers" in response.content.decode()
