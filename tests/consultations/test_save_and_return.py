"""Save and come back later: an emailed link, valid until the consultation closes."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from consultations.models import SavedSurvey

from .conftest import ABOUT, CONTACT, EQUALITY, GROUP, VIEWS, Resident

pytestmark = pytest.mark.django_db


def save_midway(resident):
    resident.get("views")
    resident.answer("views", VIEWS)
    response = resident.post("group", {**GROUP, "action": "save"})
    assert response["Location"] == resident.url("save")
    response = resident.post("save", {"email": "later@example.org"})
    assert response.status_code == 200
    assert "Your answers are saved" in response.content.decode()
    message = mail.outbox[-1]
    link = re.search(r"http://testserver(\S+/survey/resume/\S+/)", message.body).group(1)
    return link


def test_an_emailed_link_resumes_where_the_resident_left(client, consultation):
    resident = Resident(client, consultation)
    link = save_midway(resident)
    assert mail.outbox[-1].to == ["later@example.org"]
    assert mail.outbox[-1].alternatives[0][1] == "text/html"
    saved = SavedSurvey.objects.get()
    assert saved.expires_at == consultation.closes_at

    other_device = Resident(Client(), consultation)
    response = other_device.client.get(link)
    assert response["Location"] == other_device.url("group")
    page = other_device.get("group").content.decode()
    assert 'value="12"' in page  # kept even though the page was not finished
    other_device.answer("group", GROUP, expect_next="contact")
    other_device.answer("contact", CONTACT)
    other_device.answer("about_you", ABOUT)
    other_device.answer("equality", EQUALITY)
    other_device.submit()
    assert Resident(client, consultation).responses.count() == 1
    # The address is deleted once the response is sent.
    assert not SavedSurvey.objects.exists()
    assert "no longer works" in other_device.client.get(link).content.decode()


def test_the_link_stops_working_when_the_consultation_closes(client, consultation):
    link = save_midway(Resident(client, consultation))
    consultation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    consultation.save_revision().publish()
    response = Client().get(link)
    assert "This survey has closed" in response.content.decode()
    assert not SavedSurvey.objects.exists()


def test_expired_saved_surveys_are_deleted(client, consultation):
    save_midway(Resident(client, consultation))
    SavedSurvey.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    SavedSurvey.delete_expired()
    assert not SavedSurvey.objects.exists()


def test_an_email_address_is_needed_to_save(client, consultation):
    resident = Resident(client, consultation)
    resident.get("views")
    resident.post("views", {**VIEWS, "action": "save"})
    response = resident.post("save", {"email": ""})
    assert "Enter your email address" in response.content.decode()
    assert not SavedSurvey.objects.exists()


def test_the_daily_command_deletes_addresses_after_closing(client, consultation):
    from io import StringIO

    from django.core.management import call_command

    save_midway(Resident(client, consultation))
    call_command("purge_saved_surveys", stdout=StringIO())
    assert SavedSurvey.objects.count() == 1  # still open
    SavedSurvey.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    call_command("purge_saved_surveys", stdout=StringIO())
    assert not SavedSurvey.objects.exists()


def test_equality_answers_are_never_saved_with_the_email_address(client, consultation):
    """A resident who has answered the equality questions and then saves is
    told, on the save page, that those answers are not kept with their email
    address, and is asked them again on coming back; every other answer is kept."""
    resident = Resident(client, consultation)
    resident.complete()
    response = resident.post("views", {**VIEWS, "action": "save"})
    assert response["Location"] == resident.url("save")
    page = resident.get("save").content.decode()
    assert "We do not keep your answers to the equality questions with your email address" in page
    resident.post("save", {"email": "later@example.org"})

    saved = SavedSurvey.objects.get()
    assert "equality" not in saved.answers and "equality" not in saved.done
    assert set(saved.answers) == {"views", "group", "contact", "about_you"}
    assert "35_44" not in str(saved.answers) and "prefer_not_to_say" not in str(saved.answers)
    link = re.search(r"http://testserver(\S+/survey/resume/\S+/)", mail.outbox[-1].body).group(1)

    other_device = Resident(Client(), consultation)
    assert other_device.client.get(link)["Location"] == other_device.url("equality")
    equality = other_device.get("equality").content.decode()
    assert "checked" not in equality
    other_device.answer("equality", EQUALITY, expect_next="check")
    other_device.submit()
    response = other_device.responses.get()
    assert {a.question_key: a.option_code for a in response.equality_answers.all()} == EQUALITY


def test_saved_surveys_from_before_lose_their_equality_answers_on_migrating(consultation):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "consultations.migrations.0006_saved_surveys_without_equality"
    )
    saved = SavedSurvey.objects.create(
        token="t1",
        journey_token="j1",
        consultation_key=consultation.translation_key,
        page=consultation,
        email="old@example.org",
        answers={"views": {"overall": ["agree"]}, "equality": {"age_band": ["35_44"]}},
        done=["views", "equality"],
        expires_at=consultation.closes_at,
    )
    migration.drop_equality_answers(apps, None)
    saved.refresh_from_db()
    assert saved.answers == {"views": {"overall": ["agree"]}}
    assert saved.done == ["views"]
