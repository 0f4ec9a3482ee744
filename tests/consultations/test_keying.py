"""Staff key in paper, phone, email and event responses through the same
survey residents answer; keyed responses count with the rest, show in the
filters and exports with their channel and serial, and a serial keyed twice
is refused."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from consultations.models import Response
from consultations.officers.results import ResponseFilterForm, Summary, responses_to
from tests.signing_in import force_login_verified

from .conftest import ABOUT, CONTACT, EQUALITY, GROUP, VIEWS, Resident
from .officers import make_response, staff
from .test_languages import translation_of
from .test_officers import every_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def keyer():
    client = Client()
    force_login_verified(client, staff("keyer", ["Data entry"]))
    return client


def key_in_url(page):
    return reverse("consultation_responses:key_in", args=[page.pk])


def start_keying(client, page, **data):
    form = {"channel": "paper", "language": "pl", "version": "standard", "serial": "P-0042"}
    return client.post(key_in_url(page), {**form, **data})


def key_in_whole_survey(client, page, language="pl", **data):
    if (
        language != "en"
        and not page.get_translations().filter(locale__language_code=language).exists()
    ):
        translation_of(page, language)
    started = start_keying(client, page, language=language, **data)
    assert started.status_code == 302, started.content.decode()[:2000]
    keyer = Resident(client, page)
    keyer.base = started["Location"]
    keyer.get("views")
    keyer.answer("views", VIEWS)
    keyer.answer("group", GROUP)
    keyer.answer("contact", CONTACT)
    keyer.answer("about_you", ABOUT)
    keyer.answer("equality", EQUALITY, expect_next="check")
    return keyer


def test_a_polish_paper_response_is_keyed_in_through_the_same_survey(keyer, consultation):
    resident = key_in_whole_survey(keyer, consultation)
    assert resident.base == f"/pl{consultation.url}survey/"
    check = resident.get("check").content.decode()
    assert "Keying in a response" in check and "serial number P-0042" in check
    assert 'name="receipt_email"' not in check and 'name="website"' not in check

    sent = resident.submit()
    assert sent.status_code == 302 and sent["Location"] == key_in_url(consultation)
    stored = Response.objects.get(consultation_key=consultation.translation_key)
    assert (stored.channel, stored.language, stored.paper_serial) == ("paper", "pl", "P-0042")
    assert stored.keyed_by.username == "keyer" and stored.keyed_at is not None
    assert stored.review_flags == {}
    assert stored.answers.filter(question_key="group_name").get().text == VIEWS["group_name"]
    page = keyer.get(sent["Location"]).content.decode()
    assert f"Stored as response {stored.reference} (paper form, serial number P-0042)" in page

    # The keying is over: the same survey is a resident's again.
    again = keyer.get(f"/pl{consultation.url}survey/check/")
    assert again.status_code == 302


def test_the_same_serial_is_refused_before_and_while_keying(keyer, consultation):
    resident = key_in_whole_survey(keyer, consultation)
    resident.submit()
    refused = start_keying(keyer, consultation)
    assert refused.status_code == 200
    first = Response.objects.get(paper_serial="P-0042")
    assert (
        f"Serial number P-0042 was keyed in already, as response {first.reference}"
        in refused.content.decode()
    )

    # Two people keying the same serial at once: the second stores nothing.
    other = Client()
    force_login_verified(other, staff("keyer2", ["Data entry"]))
    late = key_in_whole_survey(other, consultation, serial="P-0043")
    Response.objects.filter(pk=first.pk).update(paper_serial="P-0043")
    sent = late.submit()
    assert sent["Location"] == key_in_url(consultation)
    message = other.get(sent["Location"]).content.decode()
    assert f"Serial number P-0043 was keyed in already, as response {first.reference}" in message
    assert Response.objects.count() == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"serial": ""}, "Enter the serial number written on the paper form"),
        ({"serial": "x" * 41}, "Ensure this value has at most 40 characters"),
        ({"serial": "<b>1</b>"}, "Use up to 40 letters, numbers, spaces"),
        ({"channel": "online"}, "Select a valid choice"),
        ({"language": "xx"}, "Select a valid choice"),
        ({"version": "easy_read"}, "Select a valid choice"),  # no Easy Read survey here
        ({"batch": "a\r\nb"}, "Use letters, numbers, spaces"),
    ],
)
def test_bad_keying_details_get_a_message(keyer, consultation, data, message):
    response = start_keying(keyer, consultation, **data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_phone_response_needs_no_serial_and_is_keyed_after_closing(keyer, consultation):
    import datetime

    from django.utils import timezone

    consultation.opens_at = timezone.now() - datetime.timedelta(days=40)
    consultation.closes_at = timezone.now() - datetime.timedelta(days=2)
    consultation.save_revision().publish()
    resident = key_in_whole_survey(keyer, consultation, channel="phone", serial="", language="en")
    resident.submit()
    stored = Response.objects.get()
    assert (stored.channel, stored.paper_serial, stored.language) == ("phone", "", "en")
    # Residents still find it closed.
    assert "closed" in Client().get(consultation.url + "survey/views/").content.decode().lower()


def test_keyed_responses_count_with_the_rest_and_filter_and_export_by_channel(keyer, consultation):
    for _ in range(3):
        make_response(consultation)
    resident = key_in_whole_survey(keyer, consultation)
    resident.submit()
    keyed = Response.objects.get(channel="paper")
    everyone = responses_to(consultation)
    assert Summary(consultation, everyone).total == 4
    only_paper = ResponseFilterForm({"channel": "paper"}).apply(everyone)
    assert list(only_paper) == [keyed]

    analyst = Client()
    force_login_verified(analyst, staff("analyst", ["Consultation analysts"]))
    listing = reverse("consultation_responses:list", args=[consultation.pk])
    html = analyst.get(listing, {"channel": "paper"}).content.decode()
    assert keyed.reference in html and html.count("HYS-") == 1
    export = analyst.get(reverse("consultation_responses:export", args=[consultation.pk, "csv"]))
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    by_reference = {row["reference"]: row for row in rows}
    assert by_reference[keyed.reference]["channel"] == "paper"
    assert by_reference[keyed.reference]["paper_serial"] == "P-0042"
    assert {row["channel"] for row in rows} == {"online", "paper"}


def test_data_entry_sees_no_response_and_cannot_export(keyer, consultation):
    secret = make_response(
        consultation,
        [{"question_key": "comments", "question_type": "long_text", "text": "Zebra 7731"}],
    )
    for method, address in every_url(consultation, secret):
        response = getattr(keyer, method)(address)
        assert response.status_code in (302, 403), (address, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Zebra 7731" not in body
    assert keyer.get(reverse("consultation_responses:key_in_index")).status_code == 200
    assert keyer.get(key_in_url(consultation)).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "Editors", "Consultation analysts"])
def test_only_data_entry_may_key_in(client, consultation, who):
    if who != "anonymous":
        force_login_verified(client, staff("someone", [who]))
    assert client.get(key_in_url(consultation)).status_code in (302, 403)
    response = start_keying(client, consultation)
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith("/pl/")
