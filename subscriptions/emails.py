"""The emails of email updates: the confirmation asked for on the site, and
the updates themselves, built by the background worker in the subscriber's
language with links back to the site they used.

Every update carries a one-click unsubscribe: a link in the text and the
``List-Unsubscribe`` and ``List-Unsubscribe-Post`` headers (RFC 8058), whose
address takes a POST without a login or CSRF token (the signed token in the
address is the authority)."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.addresses import BaseURL

from .links import CONFIRM, UNSUBSCRIBE, link, unconfirmed_days


def build(subject, template, context, to, headers=None):
    context = {
        **context,
        "language": translation.get_language(),
        "bidi": translation.get_language_bidi(),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"emails/{template}.txt", context),
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(render_to_string(f"emails/{template}.html", context), "text/html")
    return message


def confirmation_email(subscription, subject):
    with translation.override(subscription.language):
        context = {
            "subject": subject.describe(),
            "confirm_url": link(subscription, CONFIRM),
            "days": unconfirmed_days(),
        }
        return build(
            _("Confirm that you want email updates"),
            "email_updates_confirm",
            context,
            subscription.email,
        )


def update_email(subscription, event, subject):
    """One update: what happened, a link to the page in the subscriber's
    language, and how to stop."""
    with translation.override(subscription.language):
        unsubscribe_url = link(subscription, UNSUBSCRIBE)
        context = {
            "heading": event.heading(),
            "text": event.text(),
            "title": event.title_in(subscription.language),
            "page_url": BaseURL(subscription.root_url)(event.url_in(subscription.language)),
            "following": subject.describe() if subject else "",
            "unsubscribe_url": unsubscribe_url,
        }
        return build(
            f"{context['heading']}: {context['title']}",
            "email_updates_update",
            context,
            subscription.email,
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
