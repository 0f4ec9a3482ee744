"""The emails a resident asks for while answering a survey: the receipt of a
response sent, and the link to come back to a survey saved part-way.

Each is plain text with an accessible HTML alternative, in the resident's
language. They are built in the request and sent by the background worker
(``core.mail``): the resident never waits for the mail server. Sending never
stops the resident: the response (or the saved survey) is stored first, and
a failure is logged.

Their links are absolute addresses on the scheme, host and port of the
request that asked for the email (``core.addresses.BaseURL``), never on a
configured or guessed host: an installation may serve several councils, each
on its own host, and the resident must come back where they were.
"""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core import mail
from core.addresses import BaseURL
from core.models import CouncilSettings


def email(subject, template, context, request, to):
    """A message from ``<template>.txt`` with ``<template>.html`` as its HTML."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context, request=request),
        to=[to],
    )
    message.attach_alternative(
        render_to_string(f"{template}.html", context, request=request), "text/html"
    )
    return message


def receipt_email(page, request, response, to):
    """The receipt: the reference number, the consultation's title, the date
    sent and a link to the consultation. Never the resident's answers.

    The address typed for a receipt has not been confirmed: anyone can type
    anyone's. An email that carried free text typed on the same form to an
    unconfirmed address would let a stranger send any words they like, from
    the council's mail server, to anyone: a spam relay. So the receipt holds
    nothing a resident wrote (and ``EMAILS_PER_ADDRESS_PER_HOUR`` caps how
    many emails one address gets)."""
    base_url = BaseURL.from_request(request)
    context = {
        "page": page,
        "response": response,
        "council": CouncilSettings.for_request(request),
        "page_url": base_url(page.get_url(request=request)),
    }
    subject = _("Your response to %(title)s: %(reference)s") % {
        "title": page.title,
        "reference": response.reference,
    }
    return email(subject, "emails/survey_receipt", context, request, to)


def send_receipt(page, request, response, to):
    """Queue the receipt; False if it could not be queued (the response is
    already stored: the confirmation page then says no receipt was sent)."""
    return mail.queue(receipt_email(page, request, response, to), "survey receipt")


def resume_email(page, request, saved):
    """The link back to a saved survey, valid until the consultation closes."""
    base_url = BaseURL.from_request(request)
    context = {
        "page": page,
        "link": base_url(page.survey_url("survey_resume", saved.token, request=request)),
        "closes_at": page.closes_at,
    }
    subject = _("Your saved answers: %(title)s") % {"title": page.title}
    return email(subject, "emails/survey_resume", context, request, saved.email)


def send_resume_link(page, request, saved):
    return mail.queue(resume_email(page, request, saved), "save-and-return link")
