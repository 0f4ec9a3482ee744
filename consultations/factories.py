import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.images import get_image_model

from core.blocks import with_block_ids

from .models import Answer, ConsultationIndexPage, ConsultationPage, Response, new_reference
from .survey.types import registry


def survey_with_ids(raw, where="factory"):
    """A raw survey with an id on every block, as the admin's form saves it."""
    return with_block_ids(ConsultationPage._meta.get_field("survey").stream_block, raw, where)


def question(block_type, key, label, required=True, **extra):
    return {
        "type": block_type,
        "value": {"key": key, "label": label, "hint": "", "required": required, **extra},
    }


def options(*codes):
    return [{"code": code, "label": code.replace("_", " ").capitalize()} for code in codes]


def section(key, title, questions, show_if=None, intro=""):
    trigger, option = show_if or ("", "")
    return {
        "type": "section",
        "value": {
            "key": key,
            "title": title,
            "intro": intro,
            "show_if_question": trigger,
            "show_if_option": option,
            "questions": questions,
        },
    }


def every_type_survey():
    """Three sections with every question type, a same-page conditional question
    and a conditional section."""
    return [
        section(
            "views",
            "Your views",
            [
                question("agreement", "overall", "How far do you agree overall?"),
                question(
                    "grid",
                    "principles",
                    "How far do you agree with each principle?",
                    statements=options("prevention", "engagement"),
                    options=[],
                ),
                question(
                    "ranking",
                    "ranking",
                    "Put these in order",
                    options=options("parks", "buses", "libraries"),
                ),
                question(
                    "single_choice",
                    "involved",
                    "Are you involved in a group?",
                    options=options("yes_often", "sometimes", "never"),
                    allow_other=True,
                    other_label="Something else",
                ),
                question(
                    "short_text",
                    "group_name",
                    "What is the group called?",
                    show_if_question="involved",
                    show_if_option="yes_often",
                ),
                question(
                    "multiple_choice",
                    "activities",
                    "Which activities?",
                    options=options("clubs", "youth", "green_spaces"),
                    allow_other=True,
                    max_choices=2,
                ),
                question("long_text", "comments", "Any comments?", max_characters=50),
            ],
        ),
        section(
            "group",
            "Your group",
            [
                question("dropdown", "size", "How big is it?", options=options("small", "large")),
                question("number", "hours", "Hours a month", min_value=0, max_value=100),
                question("date", "started", "When did it start?"),
            ],
            show_if=("involved", "yes_often"),
        ),
        section(
            "contact",
            "Keeping in touch",
            [
                question("yes_no", "updates", "Do you want updates?"),
                question("email", "email", "Your email address"),
                question("postcode", "postcode", "Your postcode"),
                question("area", "area", "Your area"),
                question("consent", "consent", "May we quote you?"),
            ],
        ),
    ]


def random_answers(survey, rng):
    """A plausible answer to every question of the survey's own sections
    (conditions aside), each made by its question's type: {key: (value, other text)}."""
    answers = {}
    for section in survey.sections:
        if section.kind != "main":
            continue
        for question in section.questions:
            answers[question.key] = registry.type_of(question).random_answer(question, rng)
    return answers


def random_response(page, rng, **fields):
    """A stored response to ``page`` with random answers to every question;
    returns the response and the answers it was given."""
    survey = page.survey_definition
    answers = random_answers(survey, rng)
    response = Response.objects.create(
        consultation_key=page.translation_key,
        page=page,
        reference=new_reference(),
        submission_token=uuid.uuid4().hex,
        language=fields.pop("language", "en"),
        **fields,
    )
    rows = []
    for key, (value, other_text) in answers.items():
        question = survey.question(key)
        rows.extend(registry.type_of(question).answer_rows(question, value, other_text))
    Answer.objects.bulk_create(Answer(response=response, **row) for row in rows)
    return response, answers


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Consultations"
    introduction = "Have your say."

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Consultation {n}")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    introduction = "What we propose."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    # Raw StreamField data gets its block ids here, as the admin's form gives
    # them: wagtail-localize finds each translatable string by its block's id.
    survey = factory.LazyFunction(lambda: survey_with_ids(every_type_survey()))
    ask_about_you = True
    ask_equality = True

    class Meta:
        model = ConsultationPage


# Easy Read -------------------------------------------------------------------------


def picture(title="Easy Read: Yes, good"):
    """A picture in the library (made the first time a test asks for it)."""
    image = get_image_model().objects.filter(title=title).first()
    return image or wagtail_factories.ImageFactory(title=title)


def easy_read_rows():
    return [
        {
            "type": "row",
            "value": {
                "picture": picture("Easy Read: Have your say").pk,
                "alt_text": "A ballot box",
                "text": "We want to know what you think.",
            },
        }
    ]


def easy_read_every_type_survey():
    """The every-type survey with Easy Read wording on some of it, a picture on
    some options, and the rest left to fall back to the standard wording."""
    survey = every_type_survey()
    views = survey[0]["value"]
    views["easy_read_title"] = "What you think"
    views["easy_read_intro"] = "Tell us what you think. There are no wrong answers."
    overall, principles, ranking, involved = views["questions"][:4]
    overall["value"]["easy_read_label"] = "Do you like our plan?"
    overall["value"]["easy_read_error_message"] = "Please say if you like our plan"
    principles["value"]["easy_read_label"] = "Do you like each idea?"
    principles["value"]["statements"][0]["easy_read_label"] = "Help people early"
    principles["value"]["statements"][0]["easy_read_picture"] = picture().pk
    ranking["value"]["options"][0]["easy_read_label"] = "Parks and green places"
    involved["value"]["easy_read_label"] = "Do you help a group?"
    involved["value"]["easy_read_hint"] = "A group is people who meet to do things."
    involved["value"]["easy_read_other_label"] = "I do something else"
    for option, label, title in zip(
        involved["value"]["options"],
        ["Yes, a lot", "Yes, sometimes", "No, never"],
        ["Easy Read: Yes, good", "Easy Read: Time", "Easy Read: No, bad"],
        strict=True,
    ):
        option["easy_read_label"] = label
        option["easy_read_picture"] = picture(title).pk
    return survey
