"""The README's "Adding a question type", done in a test: a "time of day"
question type (this class and a string template, nothing else) that residents
answer, that is stored, read back in words, summarised and exported. It is
registered for these tests only."""

import csv
import io
import re

import pytest
from django.template import Template
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext as _

from consultations.factories import ConsultationPageFactory, question, section
from consultations.models import Answer
from consultations.survey.blocks import BaseQuestionBlock
from consultations.survey.types import registry
from consultations.survey.types.base import Column, QuestionType
from tests.signing_in import force_login_verified

from .conftest import Resident, errors_in
from .officers import staff

pytestmark = pytest.mark.django_db

TIME_RE = re.compile(r"^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$")

# The template: GOV.UK markup for one text input, as the short text one.
TIME_TEMPLATE = Template(
    '<div class="govuk-form-group{% if q.error %} govuk-form-group--error{% endif %}">'
    '{% include "components/survey/label.html" %}'
    '<div id="{{ q.id }}-hint" class="govuk-hint">For example, 14:30</div>'
    "{% if q.error %}"
    '{% include "components/survey/error_message.html" with id=q.id message=q.error %}'
    "{% endif %}"
    '<input class="govuk-input govuk-input--width-5" id="{{ q.id }}" name="{{ q.name }}" '
    'type="text" inputmode="numeric" value="{{ q.value }}" aria-describedby="{{ q.id }}-hint">'
    "</div>"
)


class TimeOfDayQuestionBlock(BaseQuestionBlock):
    class Meta:
        icon = "time"
        label = "Time of day"


def as_time(minutes):
    return f"{minutes // 60:02}:{minutes % 60:02}"


class TimeOfDay(QuestionType):
    """A time of day, like 14:30, stored as minutes after midnight."""

    name = "time_of_day"
    block_class = TimeOfDayQuestionBlock
    template = TIME_TEMPLATE
    summary_template = "consultations/admin/summary/number.html"
    revealable = True

    def clean(self, form, question):
        value = form.first(question.key).strip()
        if not value:
            if question.required:
                form.add_error(
                    question.key,
                    self.required_message(
                        question, form.say(_("Enter a time"), _("Please write a time"))
                    ),
                )
            return
        match = TIME_RE.match(value)
        if not match:
            form.add_error(question.key, form.say("Enter a time like 14:30", "Please write a time"))
            return
        form.cleaned[question.key] = int(match[1]) * 60 + int(match[2])

    def answer_rows(self, question, value, other_text=""):
        return [self.row(question, number=value)]

    def from_rows(self, question, rows):
        return rows[0].number, ""

    def words(self, question, value, other_text=""):
        return [as_time(value)]

    def random_answer(self, question, rng):
        return rng.randint(0, 24 * 60 - 1), ""

    def summarise(self, question, summary, item):
        stats = summary.stats(question.key)
        if stats:
            item.average = as_time(round(stats["average"]))
            item.minimum, item.maximum = as_time(stats["lowest"]), as_time(stats["highest"])

    def figure_rows(self, item, out):
        yield out.row(item, "earliest", item.minimum or "")
        yield out.row(item, "latest", item.maximum or "")

    def export_columns(self, question):
        return [
            Column(question.key, question, str(question.label), read=lambda s: as_time(s.value))
        ]


@pytest.fixture
def time_of_day():
    registry.register(TimeOfDay)
    try:
        yield registry.get("time_of_day")
    finally:
        registry.unregister("time_of_day")


@pytest.fixture
def page(time_of_day, index):
    return ConsultationPageFactory(
        parent=index,
        ask_about_you=False,
        ask_equality=False,
        survey=[
            section(
                "when",
                "When you travel",
                [
                    question("time_of_day", "leave_home", "When do you leave home?"),
                    question("short_text", "where", "Where do you go?", required=False),
                ],
            )
        ],
    )


def test_a_new_type_is_in_the_survey_editor(time_of_day):
    from consultations.models import ConsultationPage

    stream_block = ConsultationPage._meta.get_field("survey").stream_block
    questions = stream_block.child_blocks["section"].child_blocks["questions"]
    assert "time_of_day" in questions.child_blocks
    assert registry.names()[-1] == "time_of_day"


def test_a_resident_answers_it_and_officers_read_count_and_export_it(page):
    resident = Resident(Client(), page)
    html = resident.get("when").content.decode()
    assert 'name="leave_home"' in html and "For example, 14:30" in html

    refused = resident.post("when", {"leave_home": "25:70"})
    assert errors_in(refused) == [("f-leave_home", "Enter a time like 14:30")]

    resident.answer("when", {"leave_home": "7.45"}, expect_next="check")
    assert "07:45" in resident.get("check").content.decode()
    assert resident.submit().status_code == 302
    answer = Answer.objects.get(question_key="leave_home")
    assert (answer.question_type, answer.number) == ("time_of_day", 465)

    second = Resident(Client(), page)
    second.answer("when", {"leave_home": "18:10"})
    second.submit()

    officer = Client()
    force_login_verified(officer, staff("officer-time", ["Consultation analysts"]))
    detail = officer.get(
        reverse("consultation_responses:response", args=[answer.response_id])
    ).content.decode()
    assert "07:45" in detail
    summary = officer.get(reverse("consultation_responses:summary", args=[page.pk]))
    html = summary.content.decode()
    assert "<dt>Lowest</dt><dd>07:45</dd>" in html
    assert "<dt>Highest</dt><dd>18:10</dd>" in html

    export = officer.get(reverse("consultation_responses:export", args=[page.pk, "csv"]))
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert sorted(row["leave_home"] for row in rows) == ["07:45", "18:10"]
    figures = officer.get(reverse("consultation_responses:export_summary", args=[page.pk]))
    text = b"".join(figures.streaming_content).decode("utf-8-sig")
    assert "leave_home,When do you leave home?,,,,earliest,07:45" in text


def test_it_is_gone_once_unregistered(page):
    registry.unregister("time_of_day")
    assert "time_of_day" not in registry.names()
    assert "time_of_day" not in registry.blocks
