"""Subscribers get each update once, in their language, from the worker,
with a one-click unsubscribe; a failed send is tried again and recorded."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from consultations.factories import ConsultationPageFactory
from subscriptions.models import PLAN, TOPIC, Notification, Subscription
from tests.consultations.test_emails_from_the_worker import DATABASE_QUEUE, run_worker

from .conftest import confirmed, link_in, path_of, publish_results

pytestmark = pytest.mark.django_db


def updates(command_output=None):
    call_command("send_email_updates", stdout=command_output)


def test_results_go_once_to_each_confirmed_subscriber_in_their_language(consultation):
    english = confirmed(consultation, email="en@example.org")
    urdu = confirmed(consultation, email="ur@example.org", language="ur")
    confirmed(consultation, email="late@example.org", confirmed_at=None)  # never confirmed

    publish_results(consultation)
    assert sorted(m.to[0] for m in mail.outbox) == ["en@example.org", "ur@example.org"]
    by_address = {m.to[0]: m for m in mail.outbox}
    with translation.override("ur"):
        heading = translation.gettext("We asked, you said, we did")
    assert heading != "We asked, you said, we did"
    assert by_address["ur@example.org"].subject == f"{heading}: Library opening hours"
    assert by_address["en@example.org"].subject.startswith("We asked, you said, we did: ")
    assert "http://testserver" + consultation.url in by_address["en@example.org"].body
    assert "/ur/email-updates/unsubscribe/" in by_address["ur@example.org"].body
    assert set(Notification.objects.values_list("subscription", "outcome")) == {
        (english.pk, "sent"),
        (urdu.pk, "sent"),
    }

    publish_results(consultation)  # published again: nothing more
    updates()
    assert len(mail.outbox) == 2


def test_every_update_has_a_one_click_unsubscribe(consultation):
    subscription = confirmed(consultation)
    publish_results(consultation)
    [message] = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http://testserver/email-updates/unsubscribe/") and header.endswith(
        ">"
    )
    assert header[1:-1] == link_in(message, "/unsubscribe/")

    # A mail program's one-click POST: no session, no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(path_of(header[1:-1]), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    # Clicked again later: still a friendly page.
    assert mail_program.post(path_of(header[1:-1])).status_code == 200


def test_the_unsubscribe_link_shows_one_button(consultation):
    subscription = confirmed(consultation)
    publish_results(consultation)
    url = path_of(link_in(mail.outbox[0], "/unsubscribe/"))
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and html.count('type="submit"') == 1
    assert Subscription.objects.filter(pk=subscription.pk).exists()  # a GET changes nothing
    token = browser.cookies["csrftoken"].value
    done = browser.post(url, {"csrfmiddlewaretoken": token})
    assert "You have unsubscribed" in done.content.decode()
    assert not Subscription.objects.exists()
    assert browser.get(url[:-4] + "abc/").status_code == 404


def fan_outs():
    return DBTaskResult.objects.filter(task_path="subscriptions.events.fan_out").count()


def test_the_fan_out_waits_for_the_worker(consultation, settings):
    for n in range(3):
        confirmed(consultation, email=f"r{n}@example.org")
    settings.TASKS = DATABASE_QUEUE
    publish_results(consultation)
    assert mail.outbox == []  # nothing sent inside the editor's request
    # One task of ours (Wagtail queues its own too): the fan-out.
    assert fan_outs() == 1
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == [f"r{n}@example.org" for n in range(3)]
    publish_results(consultation)
    assert fan_outs() == 1  # nobody left to tell: nothing queued
    run_worker()
    assert len(mail.outbox) == 3


def test_a_failed_send_is_tried_again_then_recorded(consultation, settings, monkeypatch):
    confirmed(consultation)
    settings.EMAIL_SEND_ATTEMPTS = 1
    monkeypatch.setattr(locmem.EmailBackend, "send_messages", lambda *a, **k: 1 / 0)
    publish_results(consultation)
    assert Notification.objects.get().outcome == "gave up"
    monkeypatch.undo()
    publish_results(consultation)
    assert mail.outbox == []  # never sent twice, even after a failure


def test_dates_bring_opened_closing_and_closed_updates(index, topic):
    now = timezone.now()
    page = ConsultationPageFactory(
        parent=index, opens_at=now - timedelta(minutes=5), closes_at=now + timedelta(days=20)
    )
    early = confirmed(page, email="early@example.org", confirmed_at=now - timedelta(days=1))
    confirmed(page, email="today@example.org", confirmed_at=now - timedelta(minutes=1))
    updates()
    assert [(m.to[0], m.subject.split(":")[0]) for m in mail.outbox] == [
        ("early@example.org", "Consultation open")
    ]
    updates()
    assert len(mail.outbox) == 1

    page.closes_at = now + timedelta(days=2)
    page.save_revision().publish()
    updates()
    assert sorted(m.to[0] for m in mail.outbox[1:]) == ["early@example.org", "today@example.org"]
    assert {m.subject.split(":")[0] for m in mail.outbox[1:]} == {"Consultation closing soon"}

    page.closes_at = now - timedelta(minutes=1)
    page.save_revision().publish()
    updates()
    updates()
    closed = [m for m in mail.outbox if m.subject.startswith("Consultation closed")]
    assert len(closed) == 2 and len(mail.outbox) == 5
    assert Notification.objects.filter(subscription=early).count() == 3


def test_topic_followers_hear_of_every_consultation_on_the_topic(consultation, topic, index):
    confirmed("libraries", kind=TOPIC, email="topic@example.org")
    other = ConsultationPageFactory(parent=index, title="Bus routes")
    publish_results(other)
    assert mail.outbox == []
    publish_results(consultation)
    [message] = mail.outbox
    assert message.to == ["topic@example.org"] and "Libraries" in message.body


def test_plan_followers_hear_of_each_progress_report_once(home):
    from delivery.factories import DeliveryPlanPageFactory, ProgressReportPageFactory

    plan = DeliveryPlanPageFactory(parent=home, title="Action plan", slug="action-plan")
    confirmed(plan, kind=PLAN, email="plan@example.org")
    report = ProgressReportPageFactory(parent=plan, live=False)
    report.save_revision().publish()
    report.save_revision().publish()
    [message] = mail.outbox
    assert message.subject == f"New progress report: {report.title}"
    assert message.to == ["plan@example.org"]
    ProgressReportPageFactory(parent=plan, title="Progress to September 2015", slug="sept")
    later = plan.get_children().get(slug="sept").specific
    later.save_revision().publish()
    assert len(mail.outbox) == 2
