"""Generated hostile input (Hypothesis): every question type of the survey,
the public pages' query strings and the contact form. Whatever is sent, the
site answers with a page or a redirect, never a server error; nothing is
stored that should not be; and text a resident may write is kept exactly."""

import pytest
from django.core import mail
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from consultations.models import Answer
from core.models import ContactPage

from ..consultations.conftest import ABOUT, CONTACT, EQUALITY, GROUP, VIEWS, Resident
from .hostile import HOSTILE, Prober, any_text, hostile_text

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def examples(count):
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,
    )


# Each section of the every-type survey, what is valid on it, and the fields of
# every question type on it (the names the survey's form posts).
SECTIONS = {
    "views": (
        VIEWS,
        [
            "overall",  # agreement
            "principles__prevention",  # grid
            "ranking__parks",  # ranking
            "involved",  # radio with "other"
            "group_name",  # short text
            "activities",  # checkboxes
            "activities__other",
            "comments",  # long text
        ],
    ),
    "group": (GROUP, ["size", "hours", "started__day", "started__month", "started__year"]),
    "contact": (CONTACT, ["updates", "email", "postcode", "area", "consent"]),
    "about_you": (ABOUT, ["respondent_type", "district"]),
    "equality": (EQUALITY, ["age_band", "disability"]),
}
FIELDS = [(section, name) for section, (_, names) in SECTIONS.items() for name in names]


def reach(resident, section):
    """Answer the sections before ``section`` with valid answers."""
    resident.get("views")
    for earlier, (valid, _) in SECTIONS.items():
        if earlier == section:
            return
        resident.answer(earlier, valid)


@pytest.fixture
def open_survey(whole_site):
    return whole_site["open"]


@examples(150)
@given(field=st.sampled_from(FIELDS), values=st.lists(hostile_text, min_size=1, max_size=3))
def test_every_question_type_answers_generated_input_with_a_page(
    client, open_survey, field, values
):
    section, name = field
    client.cookies.clear()
    resident = Resident(client, open_survey)
    reach(resident, section)
    valid = SECTIONS[section][0]
    response = resident.post(section, {**valid, name: values if len(values) > 1 else values[0]})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert 'class="govuk-error-summary' in response.content.decode()


@examples(60)
@given(comment=any_text, group_name=any_text)
def test_text_a_resident_writes_is_stored_exactly(client, open_survey, comment, group_name):
    """Any text without NUL and within the length is kept as typed (less the
    spaces around it, which forms always trim)."""
    comment, group_name = comment.strip()[:50], group_name.strip()[:200]
    assume(comment and group_name)  # both are required questions
    client.cookies.clear()
    resident = Resident(client, open_survey)
    views = {**VIEWS, "comments": comment, "group_name": group_name}
    resident.get("views")
    response = resident.post("views", views)
    if "\x00" in comment + group_name:
        assert response.status_code == 200
        return
    assert response.status_code == 302, response.content.decode()[:2000]
    resident.answer("group", GROUP)
    resident.answer("contact", CONTACT)
    resident.answer("about_you", ABOUT)
    resident.answer("equality", EQUALITY)
    before = Answer.objects.count()
    sent = resident.submit()
    assert sent.status_code == 302
    stored = Answer.objects.order_by("-pk")[: Answer.objects.count() - before]
    texts = {answer.question_key: answer.text for answer in stored}
    assert texts["comments"] == comment
    assert texts["group_name"] == group_name


PUBLIC_QUERIES = [
    ("/search/", ["q", "type", "page"]),
    ("/pl/search/", ["q", "type", "page"]),
    ("/have-your-say/", ["status", "topic", "page"]),
    ("/ur/have-your-say/", ["status", "topic"]),
    ("/case-studies/", ["district", "priority", "building_block", "funding", "page"]),
    ("/events/", ["when", "part_of", "format", "page"]),
    ("/ur/events/", ["when", "part_of", "format", "page"]),
]


@examples(300)
@given(
    target=st.sampled_from(PUBLIC_QUERIES),
    values=st.dictionaries(st.text(max_size=20), hostile_text, max_size=3),
    picks=st.lists(hostile_text, min_size=1, max_size=5),
)
def test_public_query_strings_never_answer_a_server_error(
    client, whole_site, target, values, picks
):
    path, names = target
    prober = Prober(client)
    query = dict(values)
    for name, value in zip(names, picks, strict=False):
        query[name] = value
    response = prober.get(path, query)
    assert not prober.failures, prober.failures
    assert response.status_code in (200, 302, 400, 404)


@examples(150)
@given(
    data=st.fixed_dictionaries(
        dict.fromkeys(("name", "email", "phone", "document", "format", "details"), hostile_text)
    )
)
def test_the_contact_form_never_answers_a_server_error_nor_emails_bad_input(client, home, data):
    mail.outbox.clear()
    response = client.post(ContactPage.objects.live().get().url, {**data, "website": ""})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        # Only a complete, well-formed request is sent, and its subject is one line.
        assert len(mail.outbox) == 1
        assert "\n" not in mail.outbox[0].subject
    else:
        assert not mail.outbox


def test_the_hand_picked_values_are_among_those_drawn():
    assert "\x00" in HOSTILE and "²" in HOSTILE
