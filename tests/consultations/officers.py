"""Responses made for the officers' tests, with the answers kept on the side
so that expected figures are worked out from them, not from the database."""

import datetime
import random
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from consultations.models import Answer, EqualityAnswer, Response, new_reference
from consultations.survey.types import registry

AGREEMENT = ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree", "dont_know"]
LANGUAGES = ["en", "pl", "ur", "gu"]
DISTRICTS = ["blaby", "charnwood", "melton"]


def make_response(page, answers=(), equality=(), **fields):
    """One stored response: ``answers`` as dicts of Answer fields."""
    response = Response.objects.create(
        consultation_key=page.translation_key,
        page=page,
        reference=new_reference(),
        submission_token=uuid.uuid4().hex,
        language=fields.pop("language", "en"),
        version=fields.pop("version", "standard"),
        respondent_type=fields.pop("respondent_type", "individual"),
        district=fields.pop("district", "blaby"),
        **fields,
    )
    Answer.objects.bulk_create(Answer(response=response, **answer) for answer in answers)
    EqualityAnswer.objects.bulk_create(
        EqualityAnswer(response=response, question_key=key, option_code=code)
        for key, code in equality
    )
    return response


def random_responses(page, count, seed=7):
    """``count`` responses to the every-type survey, and what each said."""
    rng = random.Random(seed)
    survey = page.survey_definition
    made = []
    start = timezone.now() - datetime.timedelta(days=5)
    for n in range(count):
        said = {
            "language": rng.choice(LANGUAGES),
            "version": rng.choice(["standard", "standard", "easy_read"]),
            "district": rng.choice(DISTRICTS),
            "respondent_type": rng.choice(["individual", "organisation"]),
            "submitted_at": start + datetime.timedelta(hours=n * 3),
            "overall": rng.choice(AGREEMENT),
            "principles": {s: rng.choice(AGREEMENT) for s in ("prevention", "engagement")},
            "ranking": dict(
                zip(rng.sample(["parks", "buses", "libraries"], 3), [1, 2, 3], strict=True)
            ),
            "involved": rng.choice(["yes_often", "sometimes", "never"]),
            "activities": rng.sample(["clubs", "youth", "green_spaces"], rng.randint(0, 2)),
            "hours": rng.randint(0, 100),
            "age_band": rng.choice(["16_24", "35_44", "65_74"]),
        }
        # The rows each question's type stores for what was said.
        answers = [
            row
            for key in ("overall", "principles", "ranking", "involved", "activities", "hours")
            if said[key] != []
            for row in rows_for(survey.question(key), said[key])
        ]
        response = make_response(
            page,
            answers,
            equality=[("age_band", said["age_band"])],
            language=said["language"],
            version=said["version"],
            district=said["district"],
            respondent_type=said["respondent_type"],
            submitted_at=said["submitted_at"],
        )
        said["response"] = response
        made.append(said)
    return made


def rows_for(question, value):
    return registry.type_of(question).answer_rows(question, value)


def staff(username, groups=(), superuser=False):
    user = get_user_model().objects.create_user(
        username=username, password="a-long-test-password", is_staff=True
    )
    user.is_superuser = superuser
    user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user
