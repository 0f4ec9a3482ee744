"""An event's status: scheduled, postponed, cancelled or held. Each status is
one object that says how it is named, shown and put in a calendar file; the
page, the listing and the calendar ask it rather than test its code."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EventStatus:
    code: str
    label: Promise
    # GOV.UK tag colour: the label always says the status in words beside it.
    tag_class: str
    # RFC 5545 STATUS: an event that will not happen on its date is CANCELLED
    # there, so that a calendar which has it stops showing it on that day.
    calendar_status: str
    # What a calendar entry is called when the event is not going ahead.
    calendar_prefix: Promise | None = None

    def __str__(self):
        return str(self.label)


SCHEDULED = EventStatus("scheduled", _("Scheduled"), "govuk-tag--blue", "CONFIRMED")
POSTPONED = EventStatus(
    "postponed", _("Postponed"), "govuk-tag--yellow", "CANCELLED", _("Postponed: %(title)s")
)
CANCELLED = EventStatus(
    "cancelled", _("Cancelled"), "govuk-tag--red", "CANCELLED", _("Cancelled: %(title)s")
)
HELD = EventStatus("held", _("Held"), "govuk-tag--grey", "CONFIRMED")

STATUSES = {status.code: status for status in (SCHEDULED, POSTPONED, CANCELLED, HELD)}
CHOICES = [(status.code, status.label) for status in STATUSES.values()]


def status_of(code):
    return STATUSES.get(code, SCHEDULED)
