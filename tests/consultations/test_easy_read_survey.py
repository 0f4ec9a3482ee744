"""The Easy Read survey: the same survey, keys, rules and storage as the
standard one, in Easy Read words and layout, stored with the version
"easy_read" and counted with every other answer."""

import copy
import html
import re

import pytest
import wagtail_factories
from django.test import Client
from wagtail.models import Locale

from consultations.factories import (
    ConsultationPageFactory,
    easy_read_every_type_survey,
    easy_read_rows,
    every_type_survey,
)
from consultations.models import Answer, ConsultationPage, Response
from consultations.officers.results import option_counts
from consultations.survey import definitions as d
from consultations.survey.structure import SurveyBlock, survey_from_stream
from tests.signing_in import force_login_verified

from .conftest import ABOUT, CONTACT, EQUALITY, GROUP, VIEWS, Resident, errors_in

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


class EasyReadResident(Resident):
    """A resident answering the Easy Read survey: same steps, another address."""

    def __init__(self, client, page):
        super().__init__(client, page)
        self.base = page.url + "easy-read/survey/"


def answered_keys(response):
    return sorted(
        (a.question_key, a.item_key, a.option_code, a.text, a.number, a.date)
        for a in response.answers.all()
    )


def complete_and_send(resident):
    resident.complete()
    sent = resident.submit()
    assert sent.status_code == 302, errors_in(sent)
    page = text(resident.client.get(sent["Location"]))
    return Response.objects.get(reference=re.search(r"HYS-[A-Z0-9]{4}-[A-Z0-9]{4}", page).group(0))


# Building the Easy Read survey --------------------------------------------------------


def structure(survey):
    """Everything about a survey except its words."""
    return [
        (
            section.key,
            section.kind,
            section.condition,
            [
                (
                    q.key,
                    q.type,
                    q.required,
                    q.condition,
                    q.option_codes(),
                    [s.code for s in q.statements],
                    q.max_choices,
                    q.max_characters,
                    q.min_value,
                    q.max_value,
                    q.personal,
                )
                for q in section.questions
            ],
        )
        for section in survey.sections
    ]


def test_the_easy_read_survey_has_the_same_keys_codes_and_rules():
    block = SurveyBlock()
    stream = block.to_python(easy_read_every_type_survey())
    standard = survey_from_stream(stream, about_you=True, equality=True)
    easy = survey_from_stream(stream, about_you=True, equality=True, easy_read=True)
    assert structure(easy) == structure(standard)
    assert easy.easy_read and all(section.easy_read for section in easy.sections)
    assert all(question.easy_read for question in easy.questions())


def test_easy_read_wording_is_used_where_given_and_standard_wording_elsewhere():
    stream = SurveyBlock().to_python(easy_read_every_type_survey())
    easy = survey_from_stream(stream, easy_read=True)
    views = easy.section("views")
    assert views.title == "What you think"
    assert easy.question("overall").label == "Do you like our plan?"
    assert easy.question("overall").error_message == "Please say if you like our plan"
    involved = easy.question("involved")
    assert [o.label for o in involved.options] == ["Yes, a lot", "Yes, sometimes", "No, never"]
    assert involved.options[0].picture.title == "Easy Read: Yes, good"
    assert involved.option_label("other") == "I do something else"
    assert [s.label for s in easy.question("principles").statements] == [
        "Help people early",
        "Engagement",
    ]
    # No Easy Read wording given: the standard wording, with the Easy Read scale.
    assert easy.question("comments").label == "Any comments?"
    assert easy.section("group").title == "Your group"
    assert [str(o.label) for o in easy.question("overall").options][:2] == [
        "I agree a lot",
        "I agree",
    ]


def test_the_standard_error_message_is_not_used_in_easy_read():
    survey = every_type_survey()
    survey[0]["value"]["questions"][0]["value"]["error_message"] = "Select how far you agree"
    easy = survey_from_stream(SurveyBlock().to_python(survey), easy_read=True)
    assert easy.question("overall").error_message == ""


def test_preset_lists_keep_their_codes_in_easy_read():
    assert [c for c, _ in d.AGREEMENT_SCALE_EASY_READ] == [c for c, _ in d.AGREEMENT_SCALE]
    council = [("north", "North"), ("south", "South")]
    assert [o.code for o in d.districts(True, council)] == [
        o.code for o in d.districts(False, council)
    ]
    assert [c for c, _ in d.RESPONDENT_TYPES_EASY_READ] == [c for c, _ in d.RESPONDENT_TYPES]
    assert structure(d.Survey([d.about_you_section(easy_read=True)])) == structure(
        d.Survey([d.about_you_section()])
    )
    assert structure(d.Survey([d.equality_section(easy_read=True)])) == structure(
        d.Survey([d.equality_section()])
    )


# The journey ----------------------------------------------------------------------------


def test_the_easy_read_page_offers_the_survey_with_a_start_button(client, easy):
    page = text(client.get(easy.easy_read_url))
    assert "Tell us what you think" in page
    assert f'href="{easy.url}easy-read/survey/" role="button"' in page
    assert "Answer the questions" in page


def test_the_start_page_is_in_easy_read_and_leads_to_the_first_section(client, easy):
    resident = EasyReadResident(client, easy)
    response = resident.get()
    page = text(response)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "Tell us what you think" in page
    assert "You can go back and change your answers." in page
    assert f'href="{resident.url("views")}"' in page
    assert f'href="{easy.easy_read_url}"' in page  # back to the Easy Read page


def test_a_section_shows_easy_read_words_pictures_and_the_position(client, easy):
    resident = EasyReadResident(client, easy)
    page = text(resident.get("views"))
    assert "Section 1 of 4" in page  # "Your group" shows only for members of a group
    assert '<h1 class="app-easy-read__title">What you think</h1>' in page
    assert '<p class="app-easy-read__sentence">There are no wrong answers.</p>' in page
    for words in [
        "Do you like our plan?",
        "I agree a lot",
        "I do not know",
        "Help people early",
        "Parks and green places",
        "Do you help a group?",
        "A group is people who meet to do things.",
        "Yes, a lot",
        "I do something else",
        "You can choose up to 2 answers.",
    ]:
        assert words in page, words
    assert "How far do you agree overall?" not in page
    assert page.count('class="app-easy-read-survey__picture"') == 4
    assert 'alt=""' in page
    assert 'class="app-easy-read app-easy-read-survey"' in page
    assert "Save and come back later" not in page
    assert f'href="{resident.url("")}" class="govuk-back-link"' in page


def test_easy_read_error_messages(client, easy):
    resident = EasyReadResident(client, easy)
    resident.get("views")
    response = resident.post("views", {"activities": ["clubs", "youth", "green_spaces"]})
    assert response.status_code == 200
    errors = dict(errors_in(response))
    assert errors["f-overall"] == "Please say if you like our plan"  # staff's Easy Read message
    assert errors["f-principles__prevention"] == "Please choose one answer for: Help people early"
    assert errors["f-ranking__parks"] == "Please give each one a number"
    assert errors["f-involved"] == "Please choose one answer"
    assert errors["f-activities"] == "Please choose 2 answers or fewer"
    assert errors["f-comments"] == "Please write your answer"
    page = text(response)
    assert "There is a problem" in page
    assert "Error:</span> Please choose one answer</p>" in page
    assert "<title>Error: What you think" in page


def test_bad_input_gets_an_easy_read_message_not_an_error_page(client, easy):
    resident = EasyReadResident(client, easy)
    resident.get("views")
    data = {**VIEWS, "overall": "nonsense", "involved": ["yes_often", "never"], "hours": "x"}
    response = resident.post("views", data)
    assert response.status_code == 200
    assert dict(errors_in(response))["f-overall"] == "Please choose one of the answers here"
    assert resident.client.get(easy.url + "easy-read/survey/no-such-section/").status_code == 404


def test_an_easy_read_response_is_stored_with_its_version_and_counted_with_the_rest(easy):
    standard = complete_and_send(Resident(Client(), easy))
    easy_read = complete_and_send(EasyReadResident(Client(), easy))
    assert standard.version == "standard"
    assert easy_read.version == "easy_read"
    assert easy_read.language == "en"
    assert answered_keys(easy_read) == answered_keys(standard)
    assert (easy_read.respondent_type, easy_read.district) == ("individual", "blaby")
    assert sorted(easy_read.equality_answers.values_list("question_key", "option_code")) == sorted(
        EQUALITY.items()
    )
    assert option_counts(easy, "overall") == {"agree": 2}
    assert option_counts(easy, "principles", item_key="prevention") == {"strongly_agree": 2}
    assert option_counts(easy, "activities") == {"clubs": 2, "other": 2}


def test_check_your_answers_is_in_easy_read_with_change_links(client, easy):
    resident = EasyReadResident(client, easy)
    resident.complete()
    response = resident.get("check")
    page = text(response)
    assert response.status_code == 200
    assert "Check your answers" in page
    for shown in ["Do you like our plan?", "I agree", "Help people early: I agree a lot"]:
        assert shown in page, shown
    assert f'href="{resident.url("views")}?return=check#f-overall"' in page
    assert "Send my answers" in page
    assert "receipt_email" not in page
    # A change link brings the resident back to the check page.
    changed = resident.post("views", {**VIEWS, "overall": "disagree", "return": "check"})
    assert changed["Location"] == resident.url("check")
    assert "I disagree" in text(resident.get("check"))


def test_the_confirmation_gives_the_reference_in_easy_read(client, easy):
    resident = EasyReadResident(client, easy)
    resident.complete()
    confirmation = client.get(resident.submit()["Location"])
    page = text(confirmation)
    assert confirmation.request["PATH_INFO"] == resident.url("confirmation")
    assert "We have your answers" in page
    assert re.search(r"HYS-[A-Z0-9]{4}-[A-Z0-9]{4}", page)
    assert "Keep your reference number." in page
    # Sending again does not store a second response.
    assert resident.submit().status_code == 302
    reference = re.search(r"HYS-[A-Z0-9]{4}-[A-Z0-9]{4}", page).group(0)
    assert Response.objects.filter(reference=reference).count() == 1
    assert Response.objects.filter(consultation_key=easy.translation_key).count() == 1


def test_both_versions_can_be_in_progress_at_once(client, easy):
    standard, easy_read = Resident(client, easy), EasyReadResident(client, easy)
    standard.get("views")
    standard.answer("views", VIEWS, expect_next="group")
    easy_read.get("views")
    easy_read.answer("views", {**VIEWS, "overall": "disagree"}, expect_next="group")
    keys = [key for key in client.session.keys() if key.startswith("survey")]  # noqa: SIM118
    assert len(keys) == 2
    standard.answer("group", GROUP, expect_next="contact")
    easy_read.answer("group", GROUP, expect_next="contact")
    for resident in (standard, easy_read):
        resident.answer("contact", CONTACT)
        resident.answer("about_you", ABOUT)
        resident.answer("equality", EQUALITY, expect_next="check")
    easy_read.submit()
    assert "Agree" in text(standard.get("check"))  # still in progress, unchanged
    standard.submit()
    versions = Response.objects.filter(consultation_key=easy.translation_key).values_list(
        "version", flat=True
    )
    assert sorted(versions) == ["easy_read", "standard"]
    assert option_counts(easy, "overall") == {"agree": 1, "disagree": 1}


def test_the_other_routes_still_work(client, easy):
    assert client.get(easy.url).status_code == 200
    assert client.get(easy.easy_read_url).status_code == 200
    assert client.get(easy.url + "survey/").status_code == 200
    assert client.get(easy.url + "survey/views/").status_code == 200
    assert client.get(easy.url + "survey/check/").status_code == 302
    assert client.get(easy.url + "easy-read/survey/check/").status_code == 302
    assert client.get(easy.url + "easy-read/survey/confirmation/").status_code == 302


def test_the_easy_read_survey_in_polish(easy):
    polish = easy.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    survey = copy.deepcopy(polish.survey.raw_data)
    question = survey[0]["value"]["questions"][0]["value"]
    question["label"] = "Jak bardzo zgadzasz się ogólnie?"
    question["easy_read_label"] = "Czy podoba Ci się nasz plan?"
    question["easy_read_error_message"] = ""
    polish.survey = survey
    polish.save_revision().publish()
    polish = ConsultationPage.objects.get(pk=polish.pk)
    resident = EasyReadResident(Client(), polish)
    assert resident.base.startswith("/pl/")
    resident.get("views")
    errors = dict(errors_in(resident.post("views", {})))
    assert errors["f-overall"] == "Proszę wybrać jedną odpowiedź"
    page = text(resident.get("views"))
    assert "Czy podoba Ci się nasz plan?" in page
    assert "Bardzo się zgadzam" in page
    assert "Część 1 z 4" in page
    stored = complete_and_send(resident)
    assert (stored.language, stored.version) == ("pl", "easy_read")
    assert option_counts(easy, "overall") == {"agree": 1}


def test_without_easy_read_wording_the_survey_falls_back_sensibly(client, index):
    survey = every_type_survey()
    survey[0]["value"]["questions"][0]["value"]["error_message"] = "Select how far you agree"
    page = ConsultationPageFactory(parent=index, survey=survey, easy_read=easy_read_rows())
    resident = EasyReadResident(client, page)
    html_ = text(resident.get("views"))
    assert "Your views" in html_
    assert "How far do you agree overall?" in html_
    assert "I agree a lot" in html_  # the preset scale has Easy Read words of its own
    assert 'class="app-easy-read app-easy-read-survey"' in html_
    errors = dict(errors_in(resident.post("views", {})))
    assert errors["f-overall"] == "Please choose one answer"
    assert errors["f-involved"] == "Please choose one answer"


def test_no_easy_read_version_means_no_easy_read_survey(client, consultation):
    assert not consultation.has_easy_read
    assert client.get(consultation.url + "easy-read/survey/").status_code == 404
    assert client.get(consultation.url + "easy-read/survey/views/").status_code == 404
    assert client.get(consultation.url + "easy-read/").status_code == 404


def test_no_survey_means_no_start_button(client, index):
    page = ConsultationPageFactory(parent=index, survey=[], easy_read=easy_read_rows())
    response = client.get(page.easy_read_url)
    assert response.status_code == 200
    assert "Answer the questions" not in text(response)
    assert client.get(page.url + "easy-read/survey/").status_code == 404


def test_a_closed_survey_says_so_in_easy_read(client, index):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    page = ConsultationPageFactory(
        parent=index,
        easy_read=easy_read_rows(),
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
    )
    assert "You cannot answer the questions now." in text(client.get(page.easy_read_url))
    before = Answer.objects.count()
    resident = EasyReadResident(client, page)
    for step in ["", "views", "check"]:
        response = resident.get(step)
        assert response.status_code == 200
        assert "You cannot answer the questions now" in text(response)
    resident.post("views", VIEWS)
    assert Answer.objects.count() == before


def test_translators_are_offered_easy_read_wording_but_never_keys(easy):
    from wagtail_localize.segments.extract import extract_segments

    texts = set()
    for segment in extract_segments(easy):
        found = getattr(segment, "string", None)
        if found is not None:
            texts.add(getattr(found, "data", str(found)))
    for words in ["What you think", "Do you like our plan?", "Yes, a lot", "Help people early"]:
        assert words in texts, words
    for key in ["overall", "involved", "yes_often", "prevention"]:
        assert key not in texts


def test_officers_count_easy_read_answers_with_the_rest_and_can_filter_them(client, easy):
    import csv
    import io

    from django.urls import reverse

    from consultations.officers.results import Summary, responses_to

    from .officers import staff

    standard = complete_and_send(Resident(Client(), easy))
    easy_read = complete_and_send(EasyReadResident(Client(), easy))
    polish_page = easy.copy_for_translation(
        Locale.objects.get(language_code="pl"), copy_parents=True
    )
    polish_page.save_revision().publish()
    polish = complete_and_send(
        EasyReadResident(Client(), ConsultationPage.objects.get(pk=polish_page.pk))
    )
    assert (polish.language, polish.version) == ("pl", "easy_read")

    overall = next(
        q for q in Summary(easy, responses_to(easy)).questions() if q.question.key == "overall"
    )
    assert {f.code: f.count for f in overall.figures if f.count} == {"agree": 3}

    force_login_verified(client, staff("er-analyst", ["Consultation analysts"]))
    export = client.get(
        reverse("consultation_responses:export", args=[easy.pk, "csv"]) + "?version=easy_read"
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert {row["reference"] for row in rows} == {easy_read.reference, polish.reference}
    assert standard.reference not in {row["reference"] for row in rows}
    assert {row["overall"] for row in rows} == {"agree"}
    assert {row["language"] for row in rows} == {"en", "pl"}


def test_an_easy_read_response_with_the_honeypot_filled_is_stored_and_flagged(easy):
    resident = EasyReadResident(Client(), easy)
    resident.complete()
    assert 'name="website"' in resident.get("check").content.decode()
    assert resident.submit(website="spam").status_code == 302
    stored = resident.responses.get()
    assert stored.version == "easy_read"
    assert stored.review_flags["honeypot"] is True


# A picture beside each idea on the start, check and confirmation pages -----------------


@pytest.fixture
def survey_pictures(home, settings, tmp_path):
    """Settings → Easy Read survey pictures, a picture chosen for every idea,
    each with the credit its licence asks for."""
    from wagtail.models import Site

    from core.models import EasyReadSurveyPictures, ImageCredit

    settings.MEDIA_ROOT = tmp_path
    chosen = EasyReadSurveyPictures.for_site(Site.objects.get(is_default_site=True))
    for names in EasyReadSurveyPictures.PAGES.values():
        for name in names:
            image = wagtail_factories.ImageFactory(title=f"Easy Read: {name}")
            ImageCredit.objects.create(
                image=image, licence="CC BY-SA 4.0", attribution="OpenMoji, CC BY-SA 4.0"
            )
            setattr(chosen, name, image)
    chosen.save()
    return chosen


def ideas(page):
    """Each idea's row on an Easy Read survey page: its picture tag (or '')."""
    rows = re.findall(r'<div class="app-easy-read-survey__idea">\s*(<img[^>]*>)?', page, flags=re.S)
    return rows


def test_each_idea_has_its_picture_without_alt_text(client, easy, survey_pictures):
    resident = EasyReadResident(client, easy)
    start = text(resident.get())
    # Sections, time, help, changing answers, closing date, privacy, the phone.
    assert len(ideas(start)) == 7
    for name, row in zip(survey_pictures.PAGES["start"], ideas(start), strict=True):
        assert row, name
        # The sentence beside it says the same: the picture is decorative.
        assert 'alt=""' in row
        assert 'class="app-easy-read-survey__idea-picture"' in row
        assert re.search(r'width="\d+"', row) and re.search(r'height="\d+"', row)
    assert "OpenMoji, CC BY-SA 4.0" in start

    resident.complete()
    check = text(resident.get("check"))
    assert len(ideas(check)) == 2 and all('alt=""' in row for row in ideas(check))
    assert "OpenMoji, CC BY-SA 4.0" in check

    confirmation = text(client.get(resident.submit()["Location"]))
    assert len(ideas(confirmation)) == 4 and all('alt=""' in row for row in ideas(confirmation))
    # One sentence a line.
    assert '<p class="app-easy-read__sentence">Keep your reference number.</p>' in confirmation


def test_without_chosen_pictures_the_ideas_are_words_alone(client, easy):
    start = text(EasyReadResident(client, easy).get())
    assert len(ideas(start)) == 7
    assert not any(ideas(start))
    assert "app-easy-read__credits" not in start


def test_staff_choose_the_pictures_in_the_admin(admin_client, home):
    from django.urls import reverse

    from core.models import EasyReadSurveyPictures

    url = reverse("wagtailsettings:edit", args=["core", "easyreadsurveypictures"])
    response = admin_client.get(url, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Easy Read survey pictures" in page
    for name in sum(EasyReadSurveyPictures.PAGES.values(), []):
        assert f'name="{name}"' in page, name
