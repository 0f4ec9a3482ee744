"""Emails go out from the background worker: the resident's request only
queues them. A send that fails is tried again later, then given up; a sent
email is never sent twice."""

from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from core import mail as queued_mail
from core.models import CouncilSettings

from .conftest import VIEWS, Resident

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_SEND_ATTEMPTS = 3


def run_worker():
    """The worker, run here in the test's own database transaction. Between
    tasks a real worker closes database connections that are not in
    autocommit mode, as this test's one is (it would close the test's own),
    so that part is left out."""
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    ):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_the_receipt_waits_for_the_worker_and_is_sent_once(client, consultation, database_queue):
    resident = Resident(client, consultation)
    resident.complete()
    response = resident.submit(receipt_email="me@example.org")
    assert response.status_code == 302
    reference = resident.responses.get().reference
    assert mail.outbox == []  # nothing was sent inside the resident's request
    assert DBTaskResult.objects.count() == 1

    run_worker()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["me@example.org"] and reference in mail.outbox[0].subject
    assert mail.outbox[0].alternatives[0][1] == "text/html"
    run_worker()
    assert len(mail.outbox) == 1


def test_the_save_and_return_link_waits_for_the_worker(client, consultation, database_queue):
    resident = Resident(client, consultation)
    resident.get("views")
    resident.post("views", {**VIEWS, "action": "save"})
    assert resident.post("save", {"email": "later@example.org"}).status_code == 200
    assert mail.outbox == []
    run_worker()
    assert [m.to for m in mail.outbox] == [["later@example.org"]]
    assert "/survey/resume/" in mail.outbox[0].body


def test_a_failed_send_is_tried_again_later_then_given_up(database_queue, monkeypatch, caplog):
    tries = []

    def broken(self, *args, **kwargs):
        tries.append(self.to)
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", broken)
    message = EmailMultiAlternatives("Subject", "Body", to=["someone@example.org"])
    assert queued_mail.queue(message, "test email")
    run_worker()
    assert len(tries) == 1
    # The next try waits (1 minute, then 5): the worker leaves it for now.
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.run_after is not None
    assert waiting.args_kwargs["args"][2] == 2

    # Later tries, as the worker would run them when their time comes.
    assert queued_mail.send_queued.call(*waiting.args_kwargs["args"]) == "will try again"
    assert queued_mail.send_queued.call(*waiting.args_kwargs["args"][:2], 3) == "gave up"
    assert len(tries) == 3
    assert "Gave up sending the test email after 3 tries" in caplog.text
    assert "someone@example.org" not in caplog.text


def test_a_message_comes_back_from_the_queue_whole():
    message = EmailMultiAlternatives(
        "Ważne: 你好",
        "Treść ✓",
        from_email="council@example.org",
        to=["a@example.org"],
        reply_to=["b@example.org"],
        headers={"List-Unsubscribe": "<https://example.org/u/1/>"},
    )
    message.attach_alternative("<p>Treść ✓</p>", "text/html")
    again = queued_mail.from_data(queued_mail.as_data(message))
    for attribute in ("subject", "body", "from_email", "to", "reply_to", "extra_headers"):
        assert getattr(again, attribute) == getattr(message, attribute)
    assert again.alternatives == message.alternatives


def test_a_contact_request_waits_for_the_worker(client, home, database_queue):
    from tests.core.test_contact_form import VALID

    contact_url = CouncilSettings.for_site(home.get_site()).contact_page.url
    response = client.post(contact_url, VALID)
    assert response.status_code == 302
    assert mail.outbox == []
    run_worker()
    assert len(mail.outbox) == 1 and mail.outbox[0].reply_to == [VALID["email"]]
