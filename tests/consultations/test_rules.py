"""The rules the server keeps, whatever the request says."""

import datetime
from unittest import mock

import pytest
from django.db import IntegrityError
from django.utils import timezone

from consultations.factories import ConsultationPageFactory
from consultations.models import Answer, EqualityAnswer

from .conftest import VIEWS, Resident

pytestmark = pytest.mark.django_db

STEPS = ["", "views", "check", "save"]


@pytest.mark.parametrize("step", STEPS)
def test_nothing_is_accepted_before_opening(client, index, step):
    page = ConsultationPageFactory(
        parent=index, opens_at=timezone.now() + datetime.timedelta(days=2)
    )
    resident = Resident(client, page)
    response = resident.get(step)
    assert response.status_code == 200
    assert "This survey is not open yet" in response.content.decode()
    response = resident.post(step or "views", VIEWS)
    assert "This survey is not open yet" in response.content.decode()
    assert Resident(client, page).responses.count() == 0


def test_closing_mid_way_shows_a_clear_page_and_stores_nothing(resident, consultation):
    resident.complete()
    consultation.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    consultation.save_revision().publish()
    for step in ["views", "check"]:
        response = resident.post(step, VIEWS if step == "views" else {})
        page = response.content.decode()
        assert response.status_code == 200
        assert "This survey has closed" in page
        assert "Other ways to respond" in page
    assert resident.responses.count() == 0


def test_closing_time_is_exact_in_uk_summer_time(client, index):
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    page = ConsultationPageFactory(
        parent=index,
        opens_at=datetime.datetime(2014, 6, 23, 0, 0, tzinfo=london),
        closes_at=datetime.datetime(2014, 9, 1, 23, 59, tzinfo=london),
    )
    just_before = datetime.datetime(2014, 9, 1, 22, 58, 59, tzinfo=datetime.UTC)
    just_after = datetime.datetime(2014, 9, 1, 22, 59, 0, tzinfo=datetime.UTC)
    assert page.status_at(just_before) == "open"
    assert page.status_at(just_after) == "closed"
    html = client.get(page.url).content.decode()
    assert "11:59pm on 1 September 2014" in html


def test_a_double_submit_stores_one_response_with_one_reference(resident):
    resident.complete()
    first = resident.submit()
    second = resident.submit()
    assert first["Location"] == second["Location"] == resident.url("confirmation")
    assert resident.responses.count() == 1
    reference = resident.responses.get().reference
    assert reference in resident.get("confirmation").content.decode()


def test_a_replay_from_another_copy_of_the_session_stores_one_response(client, resident):
    """Two requests that both read the session before either wrote it (a double
    click) meet the unique token and end on the same reference."""
    resident.complete()
    session = client.session
    key = next(k for k in session.keys() if k.startswith("survey:"))  # noqa: SIM118
    state = dict(session[key])
    resident.submit()
    session = client.session
    session[key] = state  # the second request still sees the unsent journey
    session.save()
    resident.submit()
    assert resident.responses.count() == 1
    assert resident.responses.get().reference in resident.get("confirmation").content.decode()


def test_a_response_is_stored_whole_or_not_at_all(resident):
    resident.complete()
    with (
        mock.patch.object(
            EqualityAnswer.objects, "bulk_create", side_effect=IntegrityError("disk full")
        ),
        pytest.raises(IntegrityError),
    ):
        resident.submit()
    assert resident.responses.count() == 0
    assert Answer.objects.filter(response__in=resident.responses).count() == 0


def test_a_required_question_cannot_be_skipped_by_leaving_it_out(resident):
    resident.get("views")
    data = {k: v for k, v in VIEWS.items() if k != "overall"}
    response = resident.post("views", data)
    assert response.status_code == 200
    # Nor by jumping ahead to later pages or straight to check-your-answers.
    assert resident.get("contact")["Location"] == resident.url("views")
    assert resident.get("check")["Location"] == resident.url("views")
    assert resident.post("check", {})["Location"] == resident.url("views")
    assert resident.responses.count() == 0


def test_answers_changed_in_the_session_are_checked_again_before_storing(client, resident):
    resident.complete()
    session = client.session
    key = next(k for k in session.keys() if k.startswith("survey:"))  # noqa: SIM118
    state = session[key]
    state["answers"]["views"]["overall"] = ["not_an_option"]
    session[key] = state
    session.save()
    response = resident.submit()
    assert response["Location"] == resident.url("views")
    assert resident.responses.count() == 0


def test_hidden_conditional_questions_store_nothing(resident):
    resident.get("views")
    # group_name is only asked when involved == yes_often; post it anyway.
    resident.answer("views", {**VIEWS, "involved": "never", "group_name": "Sneaky"})
    # The whole hidden section is posted too, as a crafted request.
    assert resident.post("group", {"size": "small"}).status_code == 302
    resident.answer(
        "contact",
        {
            "updates": "no",
            "email": "a@example.org",
            "postcode": "LE3 8RA",
            "area": "melton",
            "consent": "yes",
        },
    )
    resident.answer("about_you", {"respondent_type": "individual", "district": "melton"})
    resident.answer("equality", {})
    resident.submit()
    keys = set(Answer.objects.values_list("question_key", flat=True))
    assert "group_name" not in keys
    assert "size" not in keys
    assert "involved" in keys


def test_unknown_fields_are_ignored_and_never_stored(resident):
    resident.get("views")
    resident.answer("views", {**VIEWS, "made_up": "x", "overall__other": "y"})
    resident.answer(
        "group",
        {
            "size": "small",
            "hours": "1",
            "started__day": "1",
            "started__month": "1",
            "started__year": "2020",
        },
    )
    resident.answer(
        "contact",
        {
            "updates": "no",
            "email": "a@example.org",
            "postcode": "LE3 8RA",
            "area": "melton",
            "consent": "yes",
        },
    )
    resident.answer("about_you", {"respondent_type": "individual", "district": "melton"})
    response = resident.post("equality", {"age_band": "nonsense"})
    assert response.status_code == 200  # refused
    resident.answer("equality", {})
    resident.submit()
    assert not Answer.objects.filter(question_key="made_up").exists()
    assert not Answer.objects.filter(text="y").exists()


def test_survey_pages_are_never_cached(resident):
    resident.complete()
    for step in ["", "views", "check"]:
        assert "no-store" in resident.get(step)["Cache-Control"]
    resident.submit()
    assert "no-store" in resident.get("confirmation")["Cache-Control"]


def test_the_language_and_version_are_recorded(resident):
    resident.complete()
    with mock.patch("consultations.views.translation.get_language", return_value="pl"):
        resident.submit()
    stored = resident.responses.get()
    assert (stored.language, stored.version) == ("pl", "standard")


def test_references_are_unique_and_readable():
    from consultations.models import new_reference

    refs = {new_reference() for _ in range(2000)}
    assert len(refs) == 2000
    assert all(len(r) == 13 and r.startswith("HYS-") for r in refs)
