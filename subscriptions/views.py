"""The resident's side of email updates, GOV.UK style: an email address on
its own page (linked from the consultation, the finder's topic and the plan:
those pages are cached whole for anonymous visitors, so they cannot carry a
form's CSRF token), "Check your email", the confirm link, and unsubscribing
with one button or one POST from the mail program.

The same thing is said whether or not the address is already subscribed, and
subscribing again changes nothing: no one learns from this page who gets
updates. Requests are counted per client address
(``PUBLIC_SUBSCRIBE_REQUESTS_PER_HOUR``) and confirmation emails per email
address (``EMAILS_PER_ADDRESS_PER_HOUR``), as the other public forms are.
"""

import logging

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core import mail
from core.addresses import site_root_url
from limits import counters as limits

from .emails import confirmation_email
from .forms import SubscribeForm
from .links import CONFIRM, UNSUBSCRIBE, token_from
from .models import Subscription
from .retention import forget_unfollowed
from .subjects import subject_for

logger = logging.getLogger(__name__)
TEMPLATES = "pages/email_updates/"


def render(request, template, context=None, status=200):
    return TemplateResponse(request, TEMPLATES + template, context or {}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request, kind, key):
    subject = subject_for(kind, key)
    if subject is None:
        raise Http404
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "subject": subject, "back_url": subject.url(request)}
    if request.method == "POST" and form.is_valid():
        if form.is_spam():
            logger.info("Email updates: honeypot filled, nothing stored")
            return redirect("email_updates_check")
        verdict = limits.check(limits.SUBSCRIBE, limits.client_key(request))
        if not verdict.allowed:
            from core.templatetags.core_tags import govuk_datetime_text

            form.add_error(
                None,
                _(
                    "A lot of requests have been sent from your internet connection in the "
                    "last hour. Please try again after %(time)s."
                )
                % {"time": govuk_datetime_text(verdict.retry_at)},
            )
            return limits.with_retry_after(render(request, "subscribe.html", context, 429), verdict)
        limits.record(limits.SUBSCRIBE, limits.client_key(request))
        subscription = subscribe_address(request, subject, form.address)
        # Nothing goes to an address already confirmed, nor past its hourly limit.
        unconfirmed = subscription is not None and not subscription.is_confirmed
        if unconfirmed and limits.check(limits.EMAIL_TO, form.address).allowed:
            limits.record(limits.EMAIL_TO, form.address)
            mail.queue(confirmation_email(subscription, subject), "email updates confirmation")
        return redirect("email_updates_check")
    return render(request, "subscribe.html", context)


def subscribe_address(request, subject, address):
    """The subscription of this address to this subject, created unconfirmed
    if there was none; an existing one is left exactly as it was."""
    fields = {"kind": subject.kind, "subject_key": subject.key, "email": address}
    existing = Subscription.objects.filter(**fields).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Subscription.objects.create(
                **fields, language=get_language(), root_url=site_root_url(request)
            )
    except IntegrityError:  # the same address, sent twice at once
        return Subscription.objects.filter(**fields).first()


@never_cache
def check_email(request):
    return render(request, "check_email.html")


@never_cache
def confirm(request, signed):
    token = token_from(signed, CONFIRM)
    subscription = Subscription.objects.filter(token=token).first() if token else None
    if subscription is None:
        return render(request, "link_not_working.html", status=404)
    if not subscription.is_confirmed:
        Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
    subject = subject_for(subscription.kind, subscription.subject_key, get_language())
    return render(request, "confirmed.html", {"subject": subject})


@csrf_exempt  # the signed token is the authority; mail programs POST with no token (RFC 8058)
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, signed):
    token = token_from(signed, UNSUBSCRIBE)
    if token is None:
        return render(request, "link_not_working.html", status=404)
    subscription = Subscription.objects.filter(token=token).first()
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
            forget_unfollowed(subscription.email)
        return render(request, "unsubscribed.html")
    if subscription is None:
        return render(request, "unsubscribed.html")
    subject = subject_for(subscription.kind, subscription.subject_key, get_language())
    return render(
        request,
        "unsubscribe.html",
        {"subject": subject, "action": reverse("email_updates_unsubscribe", args=[signed])},
    )
