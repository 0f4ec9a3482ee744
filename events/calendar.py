"""An event as an iCalendar file (RFC 5545), for residents to add to their
calendar.

Times are written in UTC (``...Z``), which needs no VTIMEZONE; the event's UID
is made from its translation key and the site's host name, so it stays the
same whatever address the file was fetched from and in every language, and a
calendar that imports the file again updates the entry it already has
(SEQUENCE goes up with each postponement or cancellation). Links in the file
are absolute, on the host the resident asked.
"""

import datetime
import re
from urllib.parse import urlsplit

from django.utils import timezone, translation
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext as _

from .status import CANCELLED

# A content line is at most 75 octets long, not counting its CRLF (RFC 5545,
# section 3.1); longer lines are folded, each continuation starting with a space.
LINE_OCTETS = 75
# Control characters may not appear in TEXT (section 3.3.11); tab may, and line
# breaks are written as \n.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
PRODUCT = "-//Council engagement site//Events//EN"


def escape_text(value):
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    value = CONTROL_CHARACTERS.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """A content line folded into lines of at most 75 octets, never inside
    the bytes of one character."""
    lines, current, size = [], [], 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > LINE_OCTETS:
            lines.append("".join(current))
            current, size = [" "], 1
        current.append(character)
        size += width
    lines.append("".join(current))
    return "\r\n".join(lines)


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def absolute_url(page, request):
    """The page's address on the host the resident asked for."""
    path = urlsplit(page.get_url(request=request)).path
    return iri_to_uri(request.build_absolute_uri(path))


def site_host(page, request):
    site = page.get_site()
    return site.hostname if site is not None else request.get_host().partition(":")[0]


def description(event, url):
    parts = [event.introduction]
    if event.awaits_new_date:
        reasons = event.dates_given_up()
        parts.append(_("Postponed. A new date will be announced."))
        if reasons:
            parts.append(reasons[-1]["reason"])
    elif event.status == CANCELLED.code:
        parts.append(_("Cancelled."))
        parts.append(event.cancellation_reason)
    if event.accessibility:
        parts.append(_("Access: %(notes)s") % {"notes": event.accessibility})
    if event.how_to_book:
        parts.append(event.how_to_book)
    if event.booking_url:
        parts.append(_("Book a place: %(url)s") % {"url": event.booking_url})
    if event.online_link:
        parts.append(_("Join online: %(url)s") % {"url": event.online_link})
    parts.append(_("Details: %(url)s") % {"url": url})
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def location(event):
    if event.is_in_person:
        return ", ".join(part for part in [event.place_name, *event.address_lines] if part)
    return event.online_link


def event_calendar(event, request):
    """The whole file, lines ending in CRLF, in the event's own language."""
    language = event.locale.language_code
    url = absolute_url(event, request)
    revised = event.last_published_at or event.latest_revision_created_at or timezone.now()
    with translation.override(language):
        status = event.status_info
        summary = event.title
        if status.calendar_prefix:
            summary = status.calendar_prefix % {"title": event.title}
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODUCT}",
            "CALSCALE:GREGORIAN",
            "BEGIN:VEVENT",
            f"UID:event-{event.translation_key}@{site_host(event, request)}",
            f"DTSTAMP:{utc(revised)}",
            f"LAST-MODIFIED:{utc(revised)}",
            f"DTSTART:{utc(event.starts_at)}",
        ]
        if event.ends_at is not None:
            lines.append(f"DTEND:{utc(event.ends_at)}")
        lines += [
            f"SEQUENCE:{event.calendar_sequence}",
            f"STATUS:{status.calendar_status}",
            f"SUMMARY;LANGUAGE={language}:{escape_text(summary)}",
            f"DESCRIPTION;LANGUAGE={language}:{escape_text(description(event, url))}",
        ]
        if place := location(event):
            lines.append(f"LOCATION;LANGUAGE={language}:{escape_text(place)}")
        lines += [f"URL:{url}", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
