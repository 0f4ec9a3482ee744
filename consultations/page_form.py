"""The consultation page's form in the Wagtail admin: moving the dates of a
consultation that already has responses asks for confirmation, and is logged.

Residents were told when the consultation opens and closes (on the page, in
receipts and in email updates), and responses already count against those
dates, so a move is a decision, not a typo: the editor ticks a box, and the
page's history records who moved the dates, from when to when, and how many
responses there were.
"""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.log_actions import LogFormatter, log

MOVE_DATES = "consultations.move_dates"


def when(value):
    return date_format(timezone.localtime(value), "j F Y, H:i")


def minutes(times):
    """The admin's date and time fields go to the minute."""
    return [value.replace(second=0, microsecond=0) for value in times]


class CoveredDistrictsField(forms.MultipleChoiceField):
    """The council's districts as boxes to tick; none ticked is the whole county."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        for name in ("max_length", "encoder", "decoder"):
            kwargs.pop(name, None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value if isinstance(value, list | tuple) else []


class ConsultationPageForm(WagtailAdminPageForm):
    covers_districts = CoveredDistrictsField(
        required=False,
        label="Area covered",
        help_text="Tick the districts this consultation is about, or none if it is about the "
        "whole county. The districts are the council's, from Settings, Council details.",
    )
    confirm_new_dates = forms.BooleanField(
        required=False,
        label="Move the dates although there are responses",
        help_text="Only needed when the consultation already has responses: residents were "
        "told these dates. The move is recorded in the page's history.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "covers_districts" in self.fields:
            from core.models import district_choices_of_page

            # The council's districts: of the page's own site, or, for a new
            # page, of the site it is being added to.
            where = self.instance if self.instance.pk else self.parent_page
            choices = district_choices_of_page(where) if where is not None else []
            known = {code for code, _name in choices}
            # A district taken off the council's list stays ticked until an
            # editor unticks it, so saving the page loses nothing.
            kept = [
                (code, f"{code} (no longer one of the council's districts)")
                for code in self.instance.covers_districts or []
                if code not in known
            ]
            self.fields["covers_districts"].choices = [*choices, *kept]

    def clean(self):
        cleaned = super().clean()
        self.moved_dates = None
        page = self.instance
        before = (page.opens_at, page.closes_at)
        after = (cleaned.get("opens_at"), cleaned.get("closes_at"))
        if not page.pk or None in before or None in after or minutes(before) == minutes(after):
            return cleaned
        from .models.responses import Response

        responses = Response.objects.filter(consultation_key=page.translation_key).count()
        if not responses:
            return cleaned
        if not cleaned.get("confirm_new_dates"):
            self.add_error(
                "confirm_new_dates",
                f"This consultation already has {responses} "
                f"response{'s' if responses != 1 else ''}, and residents were told it runs "
                f"from {when(before[0])} to {when(before[1])}. Tick this box to move its dates.",
            )
            return cleaned
        self.moved_dates = {
            "from": [value.isoformat() for value in before],
            "to": [value.isoformat() for value in after],
            "responses": responses,
        }
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=commit)
        if self.moved_dates:
            log(instance=page, action=MOVE_DATES, user=self.for_user, data=self.moved_dates)
        return page


class DatesMoved(LogFormatter):
    label = "Move the dates of a consultation with responses"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        try:
            before, after = (
                [when(timezone.datetime.fromisoformat(value)) for value in data[name]]
                for name in ("from", "to")
            )
        except (KeyError, TypeError, ValueError):
            return "Dates moved"
        return (
            f"Dates moved from {before[0]} – {before[1]} to {after[0]} – {after[1]}, "
            f"with {data.get('responses', 0)} responses"
        )
