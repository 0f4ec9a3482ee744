"""An action's status: six words, each shown in words on a GOV.UK tag (the
colour only repeats what the words say)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    DELAYED = "delayed", _("Delayed")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Stopped")


# The GOV.UK tag colour that goes with each status.
TAG_CLASSES = {
    Status.NOT_STARTED: "govuk-tag--grey",
    Status.ON_TRACK: "govuk-tag--green",
    Status.AT_RISK: "govuk-tag--yellow",
    Status.DELAYED: "govuk-tag--red",
    Status.DONE: "govuk-tag--blue",
    Status.STOPPED: "govuk-tag--purple",
}

# Actions that no longer need progress updates.
FINISHED = (Status.DONE, Status.STOPPED)


class HasStatus:
    """Something with a ``status`` (a ``Status`` value): its words and its tag."""

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def status_tag_class(self):
        return TAG_CLASSES[Status(self.status)]


def label(value):
    """The status in words, in the active language; unknown values as given."""
    try:
        return Status(value).label
    except ValueError:
        return value
