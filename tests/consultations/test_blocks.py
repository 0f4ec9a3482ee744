"""The survey builder refuses structures that would break stored answers."""

import pytest
from wagtail.blocks import StreamBlockValidationError

from consultations.factories import every_type_survey, options, question, section
from consultations.survey.structure import SurveyBlock


def clean(raw):
    block = SurveyBlock()
    return block.clean(block.to_python(raw))


def messages(raw):
    with pytest.raises(StreamBlockValidationError) as error:
        clean(raw)
    return [e.message for e in error.value.non_block_errors.as_data()]


def test_a_survey_with_every_type_is_valid():
    assert len(clean(every_type_survey())) == 3


def test_duplicate_question_keys_are_refused():
    survey = every_type_survey()
    survey[2]["value"]["questions"][0]["value"]["key"] = "overall"
    assert messages(survey) == ["Two questions have the key 'overall'. Give each its own key."]


def test_duplicate_section_keys_are_refused():
    survey = every_type_survey()
    survey[2]["value"]["key"] = "views"
    assert "Two sections have the key 'views'. Give each its own key." in messages(survey)


def test_duplicate_option_codes_are_refused():
    survey = [section("s", "S", [question("single_choice", "a", "A", options=options("x", "x"))])]
    assert messages(survey) == ["Question 'a' has two options with the code 'x'."]


def test_other_code_clashes_with_other_please_specify():
    survey = [
        section(
            "s",
            "S",
            [question("single_choice", "a", "A", options=options("x", "other"), allow_other=True)],
        )
    ]
    assert "no option may have the code 'other'" in messages(survey)[0]


def test_reserved_keys_are_refused():
    survey = [section("check", "S", [question("yes_no", "district", "A")])]
    found = messages(survey)
    assert any("section key 'check' is reserved" in m for m in found)
    assert any("question key 'district' is kept" in m for m in found)


@pytest.mark.parametrize(
    "condition, expected",
    [
        (("missing", "x"), "not an earlier question"),
        (("text", "x"), "not a single-choice question"),
        (("choice", "nope"), "has no option with that code"),
    ],
)
def test_conditions_must_point_back_to_a_single_choice_option(condition, expected):
    survey = [
        section(
            "s",
            "S",
            [
                question("short_text", "text", "T"),
                question("single_choice", "choice", "C", options=options("x", "y")),
            ],
        ),
        section("t", "T", [question("yes_no", "later", "L")], show_if=condition),
    ]
    assert expected in messages(survey)[0]


def test_a_large_question_cannot_hang_under_an_answer_on_the_same_page():
    survey = [
        section(
            "s",
            "S",
            [
                question("yes_no", "a", "A"),
                question(
                    "grid",
                    "g",
                    "G",
                    statements=options("r1"),
                    options=[],
                    show_if_question="a",
                    show_if_option="yes",
                ),
            ],
        )
    ]
    assert "Move it to a later section" in messages(survey)[0]


def test_keys_must_be_lower_snake_case():
    from django.core.exceptions import ValidationError

    from consultations.survey.blocks import KeyBlock

    block = KeyBlock()
    for bad in ["Priority1", "priority-1", "1st", "a__b", "a_", ""]:
        with pytest.raises(ValidationError):
            block.clean(bad)
    assert block.clean("priority_1") == "priority_1"
