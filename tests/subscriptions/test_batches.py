"""The worker sends email updates in batches, each through one connection to
the mail server: an email the server refuses, or a batch cut short, is tried
again later on its own, and nothing already sent goes twice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from subscriptions.models import Notification
from tests.consultations.test_emails_from_the_worker import DATABASE_QUEUE, run_worker

from .conftest import confirmed, link_in, publish_results

pytestmark = pytest.mark.django_db

SEND_UPDATES = "subscriptions.events.send_updates"


class MailServer(locmem.EmailBackend):
    """Django's in-memory outbox, counting connections, that refuses the
    messages to the addresses in ``refuse`` and, once ``drop_after`` messages
    have gone, drops every connection until ``drop_after`` is reset."""

    opened = 0
    refuse = set()
    drop_after = None

    def open(self):
        if MailServer.drop_after is not None and len(mail.outbox) >= MailServer.drop_after:
            raise ConnectionRefusedError("the mail server has gone away")
        MailServer.opened += 1
        return True

    def send_messages(self, messages):
        for message in messages:
            if message.to[0] in MailServer.refuse:
                raise OSError("550 mailbox unavailable")
            if MailServer.drop_after is not None and len(mail.outbox) >= MailServer.drop_after:
                raise ConnectionResetError("the mail server has gone away")
        return super().send_messages(messages)


@pytest.fixture
def server(settings):
    settings.EMAIL_BACKEND = f"{__name__}.MailServer"
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_SEND_ATTEMPTS = 3
    MailServer.opened, MailServer.refuse, MailServer.drop_after = 0, set(), None
    yield MailServer
    MailServer.refuse, MailServer.drop_after = set(), None


def waiting_retries():
    return DBTaskResult.objects.filter(task_path=SEND_UPDATES, status="READY")


def run_retries_now():
    """The worker, once the retries' time has come."""
    for retry in waiting_retries():
        assert retry.run_after is not None  # it waited for the mail server
    waiting_retries().update(run_after=timezone.now() - timedelta(seconds=1))
    run_worker()


def addresses():
    return sorted(message.to[0] for message in mail.outbox)


def test_updates_go_in_batches_through_one_connection_each(consultation, server, settings):
    settings.EMAIL_UPDATES_BATCH = 2
    languages = ["en", "ur", "pl", "zh-hant", "en"]
    for n, language in enumerate(languages):
        confirmed(consultation, email=f"r{n}@example.org", language=language)
    publish_results(consultation)
    assert mail.outbox == []
    run_worker()
    assert addresses() == [f"r{n}@example.org" for n in range(5)]
    assert DBTaskResult.objects.filter(task_path=SEND_UPDATES).count() == 3
    assert server.opened == 3
    # Each in its subscriber's language, with its own one-click unsubscribe.
    for n, language in enumerate(languages):
        [message] = [m for m in mail.outbox if m.to == [f"r{n}@example.org"]]
        with translation.override(language):
            heading = translation.gettext("We asked, you said, we did")
        assert message.subject.startswith(heading + ": ")
        header = message.extra_headers["List-Unsubscribe"]
        assert header[1:-1] == link_in(message, "/unsubscribe/")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert len({m.extra_headers["List-Unsubscribe"] for m in mail.outbox}) == 5
    assert set(Notification.objects.values_list("outcome", flat=True)) == {"sent"}


def test_a_refused_email_does_not_hold_up_the_rest_of_its_batch(consultation, server):
    for n in range(4):
        confirmed(consultation, email=f"r{n}@example.org")
    server.refuse = {"r1@example.org"}
    publish_results(consultation)
    run_worker()
    assert addresses() == ["r0@example.org", "r2@example.org", "r3@example.org"]
    [retry] = waiting_retries()
    assert len(retry.args_kwargs["args"][2]) == 1  # only the refused one waits

    server.refuse = set()
    run_retries_now()
    assert addresses() == [f"r{n}@example.org" for n in range(4)]
    assert not waiting_retries().exists()


def test_a_batch_cut_short_sends_only_the_rest_later(consultation, server, settings):
    settings.EMAIL_UPDATES_BATCH = 10
    for n in range(6):
        confirmed(consultation, email=f"r{n}@example.org")
    server.drop_after = 2  # the server goes away after two emails
    publish_results(consultation)
    run_worker()
    assert len(mail.outbox) == 2
    sent = Notification.objects.filter(outcome="sent")
    assert sorted(sent.values_list("address", flat=True)) == addresses()
    [retry] = waiting_retries()
    assert len(retry.args_kwargs["args"][2]) == 4

    server.drop_after = None  # back again
    run_retries_now()
    assert addresses() == [f"r{n}@example.org" for n in range(6)]
    run_retries_now()
    assert len(mail.outbox) == 6


def test_emails_the_server_keeps_refusing_are_recorded_as_given_up(consultation, server, caplog):
    for n in range(3):
        confirmed(consultation, email=f"r{n}@example.org")
    server.refuse = {"r2@example.org"}
    publish_results(consultation)
    run_worker()
    run_retries_now()  # second try
    run_retries_now()  # third and last try
    assert not waiting_retries().exists()
    outcomes = dict(Notification.objects.values_list("address", "outcome"))
    assert outcomes == {
        "r0@example.org": "sent",
        "r1@example.org": "sent",
        "r2@example.org": "gave up",
    }
    assert addresses() == ["r0@example.org", "r1@example.org"]
    assert "Gave up sending 1 email updates after 3 tries" in caplog.text
    assert "OSError" in caplog.text and "r2@example.org" not in caplog.text

    server.refuse = set()
    publish_results(consultation)  # published again: still never sent twice
    run_worker()
    assert len(mail.outbox) == 2


def test_an_update_cancelled_before_its_batch_goes_is_not_sent(consultation, server):
    keeps = confirmed(consultation, email="keeps@example.org")
    leaves = confirmed(consultation, email="leaves@example.org")
    publish_results(consultation)
    run_worker_until = DBTaskResult.objects.filter(task_path="subscriptions.events.fan_out")
    assert run_worker_until.count() == 1
    leaves.delete()  # unsubscribed while the update waited in the queue
    run_worker()
    assert addresses() == ["keeps@example.org"]
    assert list(Notification.objects.values_list("subscription", flat=True)) == [keeps.pk]
