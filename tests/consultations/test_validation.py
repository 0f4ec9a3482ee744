"""Every question type explains a mistake in plain words, linked from the error summary."""

import html

import pytest

from .conftest import CONTACT, GROUP, VIEWS, errors_in

pytestmark = pytest.mark.django_db


def problems(response):
    assert response.status_code == 200
    return {anchor: html.unescape(message) for anchor, message in errors_in(response)}


def at(resident, step, data, before=()):
    resident.get("views")
    for earlier, answers in before:
        resident.answer(earlier, answers)
    return problems(resident.post(step, data))


def test_nothing_answered_on_the_first_page(resident):
    errors = at(resident, "views", {})
    assert errors == {
        "f-overall": "Select an answer for: How far do you agree overall?",
        "f-principles__prevention": "Select an answer for: Prevention",
        "f-principles__engagement": "Select an answer for: Engagement",
        "f-ranking__parks": "Give every item a number for: Put these in order",
        "f-involved": "Select an answer for: Are you involved in a group?",
        "f-activities": "Select at least one answer for: Which activities?",
        "f-comments": "Enter your answer to: Any comments?",
    }


def test_anchor_targets_exist_on_the_page(resident):
    resident.get("views")
    response = resident.post("views", {})
    page = response.content.decode()
    for anchor, _message in errors_in(response):
        assert f'id="{anchor}"' in page, anchor
    assert page.count('class="govuk-error-message"') == 7


@pytest.mark.parametrize(
    "change, anchor, message",
    [
        ({"overall": "maybe"}, "f-overall", "Select one of the options given"),
        (
            {"principles__engagement": "yes"},
            "f-principles__engagement",
            "Select one of the options given",
        ),
        ({"ranking__buses": "2"}, "f-ranking__parks", "Give each item a different number"),
        (
            {"ranking__buses": "9"},
            "f-ranking__parks",
            "Choose a number from the list for each item",
        ),
        *[
            (
                {"ranking__buses": rank},
                "f-ranking__parks",
                "Choose a number from the list for each item",
            )
            for rank in ["\u00b2", "\u2460", "9" * 5000]
        ],
        ({"involved": "other"}, "f-involved__other", "Enter what your other answer is"),
        (
            {"activities": ["clubs", "youth", "green_spaces"]},
            "f-activities",
            "Select no more than 2 answers",
        ),
        ({"activities": ["clubs", "swimming"]}, "f-activities", "Select only the options given"),
        (
            {"activities": ["other"], "activities__other": ""},
            "f-activities__other",
            "Enter what your other answer is",
        ),
        ({"comments": "x" * 51}, "f-comments", "Your answer must be 50 characters or fewer"),
        ({"group_name": "x" * 201}, "f-group_name", "Your answer must be 200 characters or fewer"),
        (
            {"group_name": "bad\x00text"},
            "f-group_name",
            "Remove the unusual characters from your answer",
        ),
    ],
)
def test_first_page_mistakes(resident, change, anchor, message):
    errors = at(resident, "views", {**VIEWS, **change})
    assert errors == {anchor: message}


@pytest.mark.parametrize(
    "change, anchor, message",
    [
        ({"size": ""}, "f-size", "Select an answer for: How big is it?"),
        ({"size": "huge"}, "f-size", "Select one of the options given"),
        ({"hours": ""}, "f-hours", "Enter a number for: Hours a month"),
        ({"hours": "twelve"}, "f-hours", "Enter a whole number, like 12"),
        ({"hours": "101"}, "f-hours", "Enter a number that is 100 or less"),
        ({"hours": "-1"}, "f-hours", "Enter a number that is 0 or more"),
        (
            {"started__day": "", "started__month": "", "started__year": ""},
            "f-started",
            "Enter a date for: When did it start?",
        ),
        (
            {"started__day": "31", "started__month": "2"},
            "f-started",
            "Enter a real date with a day, month and year, like 27 3 2024",
        ),
        (
            {"started__year": ""},
            "f-started",
            "Enter a real date with a day, month and year, like 27 3 2024",
        ),
    ],
)
def test_group_page_mistakes(resident, change, anchor, message):
    errors = at(resident, "group", {**GROUP, **change}, before=[("views", VIEWS)])
    assert errors == {anchor: message}


@pytest.mark.parametrize(
    "change, anchor, message",
    [
        ({"updates": ""}, "f-updates", "Select an answer for: Do you want updates?"),
        ({"updates": "perhaps"}, "f-updates", "Select one of the options given"),
        ({"email": ""}, "f-email", "Enter your answer to: Your email address"),
        (
            {"email": "me@"},
            "f-email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        ({"postcode": ""}, "f-postcode", "Enter your answer to: Your postcode"),
        ({"postcode": "LE3"}, "f-postcode", "Enter a real postcode, like LE3 8RA"),
        ({"area": ""}, "f-area", "Select an area"),
        ({"area": "narnia"}, "f-area", "Select one of the options given"),
        ({"consent": ""}, "f-consent", "Tick the box to give your consent"),
        ({"consent": "maybe"}, "f-consent", "Select one of the options given"),
    ],
)
def test_contact_page_mistakes(resident, change, anchor, message):
    errors = at(
        resident, "contact", {**CONTACT, **change}, before=[("views", VIEWS), ("group", GROUP)]
    )
    assert errors == {anchor: message}


def test_staff_error_message_replaces_the_default(client, index):
    from consultations.factories import ConsultationPageFactory, question, section

    page = ConsultationPageFactory(
        parent=index,
        survey=[
            section(
                "only",
                "Only",
                [
                    question(
                        "yes_no", "agree", "Do you agree?", error_message="Select yes if you agree"
                    )
                ],
            )
        ],
    )
    response = client.post(page.url + "survey/only/", {})
    assert errors_in(response) == [("f-agree", "Select yes if you agree")]
    assert 'class="govuk-form-group govuk-form-group--error"' in response.content.decode()


def test_character_count_shows_the_limit(resident):
    page = resident.get("views").content.decode()
    assert 'data-module="govuk-character-count" data-maxlength="50"' in page
    assert "You can enter up to 50 characters" in page
