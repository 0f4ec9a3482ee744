"""Paper, phone, email and event responses, keyed in by staff through the
same survey residents answer, so that they pass the same questions, keys,
validation and conditions, and count with the rest.

A member of staff with the ``key_in_responses`` permission (the "Data entry"
group) starts from the officers' side of the admin: they say how the response
came (a paper form's batch and serial number, a phone call...), in which
language and version. That is kept in their session (``KEYING``) and the
survey opens in that language and version. While it is kept, the survey's
steps take the response as keyed: no closing date (paper forms posted in
time arrive later), no rate limit, bot signals or receipt, and the response
stored records the channel, who keyed it and when, and the serial. Storing
it ends the keying; the next form starts again from the admin.

Keying starts only from the officers' keying page, which offers only the
consultations of the member of staff's own councils
(``officers.councils``); the session's keying holds for that consultation
and no other.
"""

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from .models.responses import Response

KEYING = "consultations:keying"
PERMISSION = "consultations.key_in_responses"


def start(request, page, channel, language, easy_read, batch="", serial=""):
    request.session[KEYING] = {
        "consultation": str(page.translation_key),
        "channel": channel,
        "language": language,
        "easy_read": bool(easy_read),
        "batch": batch,
        "serial": serial,
    }
    # A fresh journey, whatever this member of staff keyed before.
    page.journey(request, easy_read).start_again()


def keying(request, page, easy_read=False):
    """The keying under way for this consultation and version, or None."""
    state = request.session.get(KEYING)
    if not state or state.get("consultation") != str(page.translation_key):
        return None
    if state.get("easy_read") != bool(easy_read):
        return None
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm(PERMISSION):
        return None
    return state


def stop(request):
    request.session.pop(KEYING, None)


def admin_url(page):
    """The keying page for this consultation (the page in the site's default
    language, as the officers' side names consultations)."""
    source = page
    if page.locale_id != Locale.get_default().pk:
        source = page.get_translation_or_none(Locale.get_default()) or page
    return reverse("consultation_responses:key_in", args=[source.pk])


def already_keyed(page, serial):
    if not serial:
        return None
    return Response.objects.filter(
        consultation_key=page.translation_key, paper_serial=serial
    ).first()


def stored_fields(request, state):
    """What a keyed response stores besides its answers."""
    return {
        "channel": state["channel"],
        "keyed_by": request.user,
        "keyed_at": timezone.now(),
        "paper_batch": state.get("batch", ""),
        "paper_serial": state.get("serial", ""),
    }
