"""Staff build surveys in the Wagtail admin; answered questions are protected."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultations.factories import ConsultationPageFactory, options, question, section
from consultations.models import Answer, ConsultationPage, Response
from tests.signing_in import force_login_verified

from .admin_forms import consultation_form_data
from .conftest import Resident

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw-123456789")
    force_login_verified(client, user)
    return client


def three_sections():
    return [
        section(
            "first",
            "First",
            [
                question(
                    "single_choice",
                    "car",
                    "Do you have a car?",
                    options=options("yes_car", "no_car", "sometimes_car"),
                ),
                question(
                    "short_text",
                    "car_make",
                    "What make is it?",
                    required=False,
                    show_if_question="car",
                    show_if_option="yes_car",
                ),
            ],
        ),
        section(
            "second",
            "Second",
            [question("number", "trips", "Trips a week", min_value=0, max_value=50)],
            show_if=("car", "yes_car"),
        ),
        section("third", "Third", [question("long_text", "ideas", "Ideas", max_characters=200)]),
    ]


def test_staff_build_a_three_section_survey_and_a_resident_completes_it(admin_client, index):
    now = timezone.localtime()
    data = consultation_form_data(
        "Bus routes",
        "bus-routes",
        three_sections(),
        now - datetime.timedelta(hours=1),
        now + datetime.timedelta(days=7),
        ask_about_you="on",
    )
    url = reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", index.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = ConsultationPage.objects.filter(locale__language_code="en").get(slug="bus-routes")
    assert page.live
    admin_client.logout()

    resident = Resident(admin_client, page)
    resident.answer("first", {"car": "yes_car", "car_make": "Ford"}, expect_next="second")
    resident.answer("second", {"trips": "4"}, expect_next="third")
    resident.answer("third", {"ideas": "More buses"}, expect_next="about_you")
    resident.answer("about_you", {"respondent_type": "individual", "district": "melton"})
    resident.submit()
    stored = Response.objects.get(consultation_key=page.translation_key)
    assert set(stored.answers.values_list("question_key", "option_code")) == {
        ("car", "yes_car"),
        ("car_make", ""),
        ("trips", ""),
        ("ideas", ""),
    }


def test_the_admin_refuses_duplicate_keys_and_says_why(admin_client, index):
    sections = three_sections()
    sections[2]["value"]["questions"][0]["value"]["key"] = "car"
    now = timezone.localtime()
    data = consultation_form_data("Bad", "bad", sections, now, now + datetime.timedelta(days=7))
    url = reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", index.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Two questions have the key &#x27;car&#x27;" in response.content.decode()
    assert not ConsultationPage.objects.filter(slug="bad").exists()


@pytest.fixture
def answered(client, index):
    page = ConsultationPageFactory(
        parent=index, survey=three_sections(), ask_about_you=False, ask_equality=False
    )
    resident = Resident(client, page)
    resident.answer("first", {"car": "yes_car", "car_make": "Ford"})
    resident.answer("second", {"trips": "4"})
    resident.answer("third", {"ideas": "More buses"})
    resident.submit()
    other = Resident(Client(), page)
    other.answer("first", {"car": "no_car"}, expect_next="third")
    other.answer("third", {"ideas": "Safer cycling"})
    other.submit()
    assert Answer.objects.filter(response__consultation_key=page.translation_key).count() == 6
    return page


def edit(admin_client, page, survey):
    data = consultation_form_data(
        page.title,
        page.slug,
        survey,
        timezone.localtime(page.opens_at),
        timezone.localtime(page.closes_at),
    )
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_wording_can_still_change_after_responses(admin_client, answered):
    survey = three_sections()
    survey[0]["value"]["questions"][0]["value"]["label"] = "Does your household have a car?"
    survey[0]["value"]["questions"][0]["value"]["options"][0]["label"] = "Yes, one or more"
    response = edit(admin_client, answered, survey)
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.survey_definition.question("car").label == "Does your household have a car?"


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda s: s[0]["value"]["questions"].pop(1),
            "Question &#x27;car_make&#x27; has answers",
        ),
        (
            lambda s: s[2]["value"]["questions"][0]["value"].update(key="ideas_new"),
            "Question &#x27;ideas&#x27; has answers",
        ),
        (
            lambda s: s[0]["value"]["questions"][0]["value"]["options"].pop(1),
            "Option &#x27;no_car&#x27; of question &#x27;car&#x27; has answers",
        ),
        (
            lambda s: s[0]["value"]["questions"][0]["value"]["options"][1].update(code="car_no"),
            "Option &#x27;no_car&#x27; of question &#x27;car&#x27; has answers",
        ),
        (
            lambda s: s[2]["value"]["questions"].__setitem__(
                0, question("short_text", "ideas", "Ideas")
            ),
            "cannot change type",
        ),
    ],
)
def test_answered_questions_and_options_cannot_be_removed_rekeyed_or_retyped(
    admin_client, answered, change, message
):
    survey = three_sections()
    change(survey)
    response = edit(admin_client, answered, survey)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This survey already has responses" in html
    assert message in html
    answered.refresh_from_db()
    assert answered.survey_definition.question("ideas").type == "long_text"


def test_unanswered_questions_can_still_be_removed(admin_client, answered):
    survey = three_sections()
    survey[0]["value"]["questions"][0]["value"]["options"].pop(2)  # sometimes_car: no answers
    survey[2]["value"]["questions"].append(question("yes_no", "extra", "Extra?"))
    assert edit(admin_client, answered, survey).status_code == 302
    survey[2]["value"]["questions"].pop()
    assert edit(admin_client, answered, survey).status_code == 302


def test_the_rule_holds_outside_the_admin_too(answered):
    answered.survey = three_sections()[:2]
    with pytest.raises(ValidationError) as error:
        answered.full_clean()
    stream_error = error.value.error_dict["survey"][0]
    assert "Question 'ideas' has answers" in stream_error.non_block_errors.as_data()[0].message


def test_the_admin_editor_opens(admin_client, consultation):
    add = reverse(
        "wagtailadmin_pages:add",
        args=["consultations", "consultationpage", consultation.get_parent().pk],
    )
    assert admin_client.get(add).status_code == 200
    edit_url = reverse("wagtailadmin_pages:edit", args=[consultation.pk])
    response = admin_client.get(edit_url)
    assert response.status_code == 200
    assert "Survey" in response.content.decode()


def test_translators_are_offered_wording_never_keys(consultation):
    from wagtail_localize.segments.extract import extract_segments

    texts = set()
    stored = ConsultationPage.objects.filter(locale__language_code="en").get(pk=consultation.pk)
    for segment in extract_segments(stored):
        text = getattr(segment, "string", None) or getattr(segment, "source", None)
        if text is not None:
            texts.add(getattr(text, "data", str(text)))
    assert "How far do you agree overall?" in texts
    assert "Prevention" in texts  # a grid statement's wording
    assert "Yes often" in texts  # an option's wording
    for key in ["overall", "principles", "prevention", "yes_often", "views", "involved"]:
        assert key not in texts
