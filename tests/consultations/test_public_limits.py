"""Public limits on a survey: sends and save-and-return emails per client
address, emails per email address, and bot signals flagged for officers."""

import csv
import datetime
import io
import re

import pytest
from django.core import mail
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale

from consultations.models import ConsultationPage, SavedSurvey
from limits import counters
from limits.models import Hit
from tests.signing_in import force_login_verified

from .conftest import GROUP, VIEWS, Resident
from .officers import staff

pytestmark = pytest.mark.django_db

CLIENT = "127.0.0.1"  # the test client's address


def fill(scope, value, times):
    for _ in range(times):
        counters.record(scope, value)


def slow_down(resident, seconds=300):
    """As if the resident opened the first section ``seconds`` ago."""
    session = resident.client.session
    key = f"survey:{resident.page.translation_key}"
    state = session[key]
    state["started_at"] -= seconds
    session[key] = state
    session.save()


def save_midway(resident, email="later@example.org"):
    resident.get("views")
    resident.answer("views", VIEWS)
    response = resident.post("group", {**GROUP, "action": "save"})
    assert response["Location"] == resident.url("save")
    return resident.post("save", {"email": email})


def polish(consultation):
    page = consultation.copy_for_translation(
        Locale.objects.get(language_code="pl"), copy_parents=True
    )
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


def in_polish(text):
    with translation.override("pl"):
        return gettext(text)


# Sending a response ---------------------------------------------------------------


def test_the_31st_response_from_one_address_in_an_hour_waits_with_its_answers_kept(
    consultation,
):
    fill(counters.SURVEY_SUBMIT, CLIENT, 29)
    thirtieth = Resident(Client(), consultation)
    thirtieth.complete()
    assert thirtieth.submit().status_code == 302

    resident = Resident(Client(), consultation)
    resident.complete()
    response = resident.submit()
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "Please try again later" in html
    assert "Your answers are kept" in html
    assert 'class="govuk-template"' in html and "govuk-generic-header" in html
    assert resident.responses.count() == 1
    # Nothing was cleared: check your answers still has them.
    check = resident.get("check")
    assert check.status_code == 200
    assert "Birstall Youth Café" in check.content.decode()

    # An hour later the same answers go.
    Hit.objects.update(created_at=timezone.now() - datetime.timedelta(hours=1, seconds=1))
    assert resident.submit().status_code == 302
    assert resident.responses.count() == 2


def test_sending_counts_only_responses_stored(resident):
    resident.complete()
    resident.submit()
    resident.submit()  # a replay stores nothing more
    assert Hit.objects.filter(scope=counters.SURVEY_SUBMIT).count() == 1


def test_the_limit_page_is_in_the_residents_language(consultation):
    page = polish(consultation)
    fill(counters.SURVEY_SUBMIT, CLIENT, 30)
    resident = Resident(Client(), page)
    assert resident.base.startswith("/pl/")
    resident.complete()
    response = resident.submit()
    assert response.status_code == 429
    assert response["Retry-After"]
    html = response.content.decode()
    assert '<html lang="pl"' in html
    assert in_polish("Back") != "Back"
    assert in_polish("Back") in html
    assert in_polish("Your answers are kept. Nothing you have given us has been lost.") in html


def test_a_broken_counter_never_stops_a_response(resident, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("counter table gone")

    monkeypatch.setattr(counters.DatabaseCounter, "check", broken)
    monkeypatch.setattr(counters.DatabaseCounter, "record", broken)
    resident.complete()
    assert resident.submit().status_code == 302
    assert resident.responses.count() == 1


def test_no_address_is_stored_in_the_counters(resident):
    resident.complete()
    resident.submit(receipt_email="Me@Example.org")
    stored = " ".join(Hit.objects.values_list("key_hash", flat=True))
    assert "127.0.0.1" not in stored and "example.org" not in stored.lower()
    assert Hit.objects.filter(key_hash=counters.key_hash("me@example.org")).count() == 1


# Save and come back later ---------------------------------------------------------


def test_the_21st_save_from_one_address_in_an_hour_waits_with_its_answers_kept(consultation):
    fill(counters.SURVEY_SAVE, CLIENT, 20)
    resident = Resident(Client(), consultation)
    response = save_midway(resident)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Your answers are kept" in response.content.decode()
    assert SavedSurvey.objects.count() == 0
    assert len(mail.outbox) == 0
    group = resident.get("group").content.decode()
    assert 'value="12"' in group  # the hours typed before saving


def test_the_21st_save_in_polish(consultation):
    page = polish(consultation)
    fill(counters.SURVEY_SAVE, CLIENT, 20)
    response = save_midway(Resident(Client(), page))
    assert response.status_code == 429
    assert response["Retry-After"]
    html = response.content.decode()
    assert '<html lang="pl"' in html
    assert in_polish("Please try again later") in html


def test_the_11th_email_to_one_address_in_an_hour_is_refused_politely(consultation):
    fill(counters.EMAIL_TO, "Later@Example.org", 10)
    resident = Resident(Client(), consultation)
    response = save_midway(resident, email="later@example.org")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "We cannot send another email to that address just now" in html
    assert 'value="later@example.org"' in html  # the typed address is kept
    assert SavedSurvey.objects.count() == 0
    assert len(mail.outbox) == 0
    # The answers are kept, and another address works.
    assert 'value="12"' in resident.get("group").content.decode()
    assert resident.post("save", {"email": "other@example.org"}).status_code == 200
    assert mail.outbox[-1].to == ["other@example.org"]


def test_receipts_and_links_count_together(consultation):
    save_midway(Resident(Client(), consultation), email="me@example.org")
    resident = Resident(Client(), consultation)
    resident.complete()
    resident.submit(receipt_email="me@example.org")
    assert len(mail.outbox) == 2
    assert (
        Hit.objects.filter(
            scope=counters.EMAIL_TO, key_hash=counters.key_hash("me@example.org")
        ).count()
        == 2
    )


def test_a_receipt_over_the_limit_is_not_sent_but_the_response_is_stored(resident):
    fill(counters.EMAIL_TO, "me@example.org", 10)
    resident.complete()
    response = resident.submit(receipt_email="me@example.org")
    assert response.status_code == 302
    assert resident.responses.count() == 1
    assert len(mail.outbox) == 0
    confirmation = resident.client.get(response["Location"]).content.decode()
    assert resident.responses.get().reference in confirmation
    assert "We could not send your receipt this time" in confirmation


# Bot signals, flagged for officers ------------------------------------------------


@pytest.fixture
def officer():
    client = Client()
    force_login_verified(client, staff("analyst1", ["Consultation analysts"]))
    return client


def officer_pages(officer, response):
    detail = officer.get(reverse("consultation_responses:response", args=[response.pk]))
    listing = officer.get(reverse("consultation_responses:list", args=[response.page.pk]))
    assert detail.status_code == listing.status_code == 200
    return detail.content.decode(), listing.content.decode()


def test_a_normal_response_is_not_flagged(resident, officer):
    resident.complete()
    slow_down(resident)
    resident.submit(website="")
    response = resident.responses.get()
    assert response.review_flags == {}
    detail, listing = officer_pages(officer, response)
    assert "Flagged for review" not in detail
    # (The filters offer "Flagged for review"; no row and no count says it.)
    assert "Flagged:" not in listing and "flagged for review (see" not in listing


def test_a_filled_honeypot_is_stored_and_flagged(resident, officer):
    resident.complete()
    slow_down(resident)
    assert resident.submit(website="http://spam.example").status_code == 302
    response = resident.responses.get()
    assert response.review_flags == {"honeypot": True}
    detail, listing = officer_pages(officer, response)
    assert "Flagged for review:</strong> a hidden field was filled in" in detail
    assert "Flagged: a hidden field was filled in" in listing
    assert "1 of them is flagged for review" in listing


def test_a_survey_sent_too_fast_is_stored_and_flagged(resident, officer):
    resident.complete()
    slow_down(resident, seconds=8)
    assert resident.submit().status_code == 302
    response = resident.responses.get()
    seconds = response.review_flags["too_fast"]
    assert 8 <= seconds < 20 and set(response.review_flags) == {"too_fast"}
    detail, listing = officer_pages(officer, response)
    assert f"Flagged for review:</strong> completed in {seconds} seconds" in detail
    assert f"Flagged: completed in {seconds} seconds" in listing


def test_the_check_page_has_a_honeypot_hidden_from_people(resident):
    resident.complete()
    html = resident.get("check").content.decode()
    hidden = re.search(
        r'<div class="govuk-visually-hidden" aria-hidden="true">(.*?)</div>', html, re.S
    )
    assert hidden and 'name="website"' in hidden.group(1)
    assert 'tabindex="-1"' in hidden.group(1)


def test_officers_filter_flagged_responses_and_see_the_reason_in_the_export(resident, officer):
    resident.complete()
    slow_down(resident)
    resident.submit(website="http://spam.example")
    flagged = resident.responses.get()
    other = Resident(Client(), resident.page)
    other.complete()
    slow_down(other)
    other.submit()
    clear = other.responses.exclude(pk=flagged.pk).get()
    listing = reverse("consultation_responses:list", args=[flagged.page.pk])

    only_flagged = officer.get(listing, {"review": "flagged"}).content.decode()
    assert flagged.reference in only_flagged and clear.reference not in only_flagged
    not_flagged = officer.get(listing, {"review": "clear"}).content.decode()
    assert clear.reference in not_flagged and flagged.reference not in not_flagged

    export = officer.get(reverse("consultation_responses:export", args=[flagged.page.pk, "csv"]))
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    by_reference = {row["reference"]: row for row in csv.DictReader(io.StringIO(text))}
    assert by_reference[flagged.reference]["review"] == "a hidden field was filled in"
    assert by_reference[clear.reference]["review"] == ""
