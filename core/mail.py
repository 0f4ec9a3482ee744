"""Emails leave from the background worker, never from inside a request.

A view builds its message as usual (an ``EmailMultiAlternatives``, rendered
with the request, so its links carry the host the resident used) and calls
``queue(message)``: that stores it in the task queue (one database insert)
and returns at once. The worker (``manage.py db_worker``) sends it. A send
that fails is tried again later, up to ``EMAIL_SEND_ATTEMPTS`` times in all,
waiting 1, 5, 25... minutes between tries, then given up and logged. A
message is only tried again when sending it raised, so it is never sent
twice by this code.

``record`` ("app_label.model:pk") names a row that notes how it ended: its
``outcome`` ("sent" or "gave up") and ``outcome_at`` are set when the message
is sent or given up (email updates keep one such row per update and
subscriber, ``subscriptions.Notification``).

Many emails at once (email updates) go in batches instead: the worker builds
them and hands them to ``send_each``, which sends them through one
connection to the mail server and notes each one "sent" as soon as the
server has taken it, so a batch cut short never sends it again; the caller
tries the rest again later (``later``) or gives up on them.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)


def as_data(message):
    """What the queue keeps of a message: JSON, no objects."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def from_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        reply_to=data.get("reply_to") or None,
        headers=data.get("headers") or {},
    )
    for content, mimetype in data.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    return message


def queue(message, what="email", record=None):
    """Hand the message to the worker; False (and logged) if it could not be
    queued. ``what`` names it in the log, never the address."""
    try:
        send_queued.enqueue(as_data(message), what, 1, record)
    except Exception:
        logger.exception("Could not queue the %s", what)
        return False
    return True


def retry_delay(attempt):
    return timedelta(minutes=5 ** (attempt - 1))


def later(task_, attempt):
    """``task_``, to run again after the wait for a failed ``attempt`` where
    the queue can wait (the immediate backend of the tests cannot)."""
    if default_task_backend.supports_defer:
        return task_.using(run_after=timezone.now() + retry_delay(attempt))
    return task_


def note_outcome(record, outcome):
    if not record:
        return
    label, pk = record.rsplit(":", 1)
    apps.get_model(label).objects.filter(pk=pk).update(outcome=outcome, outcome_at=timezone.now())


@task()
def send_queued(data, what, attempt, record=None):
    try:
        from_data(data).send()
    except Exception:
        if attempt >= settings.EMAIL_SEND_ATTEMPTS:
            logger.exception("Gave up sending the %s after %d tries", what, attempt)
            note_outcome(record, "gave up")
            return "gave up"
        logger.warning("Could not send the %s (try %d); trying again later", what, attempt)
        later(send_queued, attempt).enqueue(data, what, attempt + 1, record)
        return "will try again"
    note_outcome(record, "sent")
    return "sent"


def send_each(items, what="email"):
    """Send each ``(message, record)`` through one connection to the mail
    server, noting its record "sent" as soon as the server has taken it.
    A message the server refuses is left for later and the next one goes on
    a fresh connection; if no connection can be opened the rest wait too.
    Returns the records of the messages not sent (in order)."""
    failed = []
    connection = None
    items = list(items)
    for position, (message, record) in enumerate(items):
        if connection is None:
            connection = get_connection()
            try:
                connection.open()
            except Exception:
                logger.warning("Could not reach the mail server for %d %ss", len(items), what)
                failed.extend(record for _, record in items[position:])
                return failed
        message.connection = connection
        try:
            connection.send_messages([message])
        except Exception as error:
            # The error's class only: a refusal's text names the address.
            logger.warning("Could not send an %s (%s)", what, type(error).__name__)
            failed.append(record)
            close_quietly(connection)
            connection = None
            continue
        note_outcome(record, "sent")
    if connection is not None:
        close_quietly(connection)
    return failed


def close_quietly(connection):
    try:
        connection.close()
    except Exception:
        logger.warning("Could not close the connection to the mail server", exc_info=True)
