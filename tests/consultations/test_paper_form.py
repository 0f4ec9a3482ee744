"""The survey as a paper form: every section and question, numbered, with
boxes to tick, the conditions in words, how to send it back and by when."""

import html
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Site

from consultations.factories import ConsultationPageFactory, question, section
from core.models import CouncilSettings

from .test_blocks import messages

pytestmark = pytest.mark.django_db


def paper(client, page, easy_read=False, prefix=""):
    url = prefix + page.url + ("easy-read/" if easy_read else "") + "survey/print/"
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def headings(page_html):
    """Each question's heading on the form: (number, label)."""
    return [
        (int(number), re.sub(r"\s+", " ", label).strip())
        for number, label in re.findall(
            r'app-paper-form__number">(\d+)\.</span>(.*?)</h3>', page_html, re.S
        )
    ]


def test_every_question_of_every_section_is_numbered_in_order(client, consultation):
    page_html = paper(client, consultation)
    survey = consultation.survey_definition
    expected = [str(q.label) for q in survey.questions()]
    assert [label for _number, label in headings(page_html)] == expected
    assert [number for number, _label in headings(page_html)] == list(range(1, len(expected) + 1))
    for part in survey.sections:
        assert f">{part.title}</h2>" in page_html


def test_options_are_boxes_to_tick_with_the_instruction_for_the_type(client, consultation):
    page_html = paper(client, consultation)
    survey = consultation.survey_definition
    for q in survey.questions():
        for option in q.options:
            assert f'aria-hidden="true"></span> {option.label}</li>' in page_html
    assert "Tick one box." in page_html
    assert "Tick up to 2 boxes." in page_html  # the activities question allows two
    assert "Something else: " in page_html  # its "Other" gets a line to write on
    assert "Write a number from 0 to 100." in page_html
    assert "Tick one box in each row." in page_html  # the grid
    for label in ("Day", "Month", "Year"):
        assert f"{label} <span" in page_html


def test_conditional_questions_and_sections_say_which_answer_they_follow(client, consultation):
    page_html = paper(client, consultation)
    numbers = {label: number for number, label in headings(page_html)}
    involved = numbers["Are you involved in a group?"]
    assert (
        f"Answer this question only if you answered “Yes often” to question {involved}."
        in page_html
    )
    assert f"Answer this part only if you answered “Yes often” to question {involved}." in (
        page_html
    )


def test_the_form_says_how_and_by_when_to_send_it(client, consultation):
    council = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    council.postal_address = "County Hall\nGlenfield\nLE3 8RA"
    council.save()
    page_html = paper(client, consultation)
    assert "County Hall<br>Glenfield<br>LE3 8RA" in page_html
    closing = consultation.closes_at
    assert "Send us this form by " in page_html and str(closing.year) in page_html
    # The online address comes from the host the form was asked for.
    assert f"http://testserver{consultation.url}survey/" in page_html
    other_host = client.get(consultation.url + "survey/print/", HTTP_HOST="localhost")
    assert f"http://localhost{consultation.url}survey/" in other_host.content.decode()
    assert "For office use" in page_html and "Serial number" in page_html


def test_the_survey_start_page_links_to_the_paper_form(client, consultation):
    start = client.get(consultation.url + "survey/").content.decode()
    assert f'href="{consultation.url}survey/print/"' in start


def test_the_urdu_paper_form_is_right_to_left_with_urdu_instructions(client, consultation):
    page_html = paper(client, consultation, prefix="/ur")
    assert 'lang="ur" dir="rtl"' in page_html
    with translation.override("ur"):
        for words in ("Tick one box.", "How to send us your answers", "For office use"):
            assert gettext(words) in page_html


def test_the_easy_read_paper_form_uses_easy_read_words_and_pictures(client, easy):
    page_html = paper(client, easy, easy_read=True)
    labels = [label for _n, label in headings(page_html)]
    assert "Do you like our plan?" in labels
    assert "Help people early" in page_html
    assert "app-easy-read-survey__picture" in page_html
    assert "Give number 1 to the one you like best." in page_html
    standard = paper(client, easy)
    assert f'href="{easy.url}easy-read/survey/print/"' in standard


def test_without_an_easy_read_version_there_is_no_easy_read_paper_form(client, consultation):
    assert client.get(consultation.url + "easy-read/survey/print/").status_code == 404


def test_a_page_without_a_survey_has_no_paper_form(client, index):
    page = ConsultationPageFactory(parent=index, survey=[])
    assert client.get(page.url + "survey/print/").status_code == 404


def test_print_is_a_reserved_section_key():
    """A section called "print" would hide behind the paper form's address."""
    raw = [section("print", "Print", [question("yes_no", "ok", "OK?")])]
    assert any("section key 'print' is reserved" in m for m in messages(raw))
